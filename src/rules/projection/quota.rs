//! Surge quota: the extra regional vCPUs a rolling upgrade needs, per VM family (aks-rules.md
//! §4.2: surge nodes count against quota; §4.3 warns when surge quota exceeds free quota).
//! Pools of a cluster upgrade one after another (§2 rule 3, §4.3), so a cluster's peak for a
//! family is the largest pool peak of that family, not the sum. Across clusters of one
//! subscription the windows may overlap, so the subscription figure is the sum of the cluster
//! peaks: a worst case, labelled as such.

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::plan::Plan;
use super::timeline::ClusterProjection;
use super::vmsize::lookup;

/// One pool's extra vCPUs while it is upgraded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolQuota {
    pub pool: String,
    pub vm_size: String,
    /// Quota family, e.g. `DSv5`; `None` when the size is unknown.
    pub family: Option<String>,
    pub peak_extra_nodes: u32,
    /// vCPUs of one VM of the size; `None` when unknown.
    pub vcpus_per_node: Option<u32>,
    /// Peak extra nodes × vCPUs of the size; `None` when the vCPUs are unknown.
    pub extra_vcpus: Option<u32>,
}

/// A VM family's peak extra vCPUs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FamilyVcpus {
    pub family: String,
    pub extra_vcpus: u32,
}

/// One cluster's surge quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterQuota {
    pub cluster: String,
    pub subscription: String,
    pub pools: Vec<PoolQuota>,
    /// Per family, the max over its pools (pools go one after another, §2 rule 3).
    pub peak: Vec<FamilyVcpus>,
    /// Sizes with surge nodes whose vCPUs are unknown: the user should enter them.
    pub unknown_sizes: Vec<String>,
}

/// One subscription's worst case: the sum of its clusters' peaks (their windows may overlap).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionQuota {
    pub subscription: String,
    pub worst_case: Vec<FamilyVcpus>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SurgeQuota {
    pub clusters: Vec<ClusterQuota>,
    pub subscriptions: Vec<SubscriptionQuota>,
}

fn to_vec(m: BTreeMap<String, u32>) -> Vec<FamilyVcpus> {
    m.into_iter()
        .map(|(family, extra_vcpus)| FamilyVcpus {
            family,
            extra_vcpus,
        })
        .collect()
}

/// The surge quota of every cluster and subscription, from the pools' surge arithmetic.
pub fn summarise(plan: &Plan, clusters: &[ClusterProjection]) -> SurgeQuota {
    let costs = &plan.assumptions.projection.costs;
    let mut by_sub: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    let clusters = clusters
        .iter()
        .map(|c| {
            let mut peak: BTreeMap<String, u32> = BTreeMap::new();
            let mut unknown_sizes = Vec::new();
            let pools = c
                .pools
                .iter()
                .map(|p| {
                    let vm = lookup(&p.vm_size, costs);
                    let extra = p.upgrade.peak_extra_nodes;
                    let extra_vcpus = vm.vcpus.map(|v| v.saturating_mul(extra));
                    match (&vm.family, extra_vcpus) {
                        (Some(f), Some(v)) if v > 0 => {
                            let e = peak.entry(f.clone()).or_insert(0);
                            *e = (*e).max(v);
                        }
                        (_, None) | (None, _)
                            if extra > 0 && !unknown_sizes.contains(&p.vm_size) =>
                        {
                            unknown_sizes.push(p.vm_size.clone());
                        }
                        _ => {}
                    }
                    PoolQuota {
                        pool: p.name.clone(),
                        vm_size: p.vm_size.clone(),
                        family: vm.family,
                        peak_extra_nodes: extra,
                        vcpus_per_node: vm.vcpus,
                        extra_vcpus,
                    }
                })
                .collect();
            let sub = by_sub.entry(c.subscription.clone()).or_default();
            for (f, v) in &peak {
                let e = sub.entry(f.clone()).or_insert(0);
                *e = e.saturating_add(*v);
            }
            ClusterQuota {
                cluster: c.name.clone(),
                subscription: c.subscription.clone(),
                pools,
                peak: to_vec(peak),
                unknown_sizes,
            }
        })
        .collect();
    let subscriptions = by_sub
        .into_iter()
        .map(|(subscription, m)| SubscriptionQuota {
            subscription,
            worst_case: to_vec(m),
        })
        .collect();
    SurgeQuota {
        clusters,
        subscriptions,
    }
}

/// `DSv5: +32 vCPUs, DSv2: +4 vCPUs`, or `none` when no pool surges.
pub fn format_families(f: &[FamilyVcpus]) -> String {
    if f.is_empty() {
        return "none".to_owned();
    }
    f.iter()
        .map(|x| format!("{}: +{} vCPUs", x.family, x.extra_vcpus))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `1 surge node`, `4 surge nodes`.
fn surge_nodes(n: u32) -> String {
    if n == 1 {
        "1 surge node".to_owned()
    } else {
        format!("{n} surge nodes")
    }
}

/// One pool's figure in words: `+32 vCPUs DSv5 (4 surge nodes × 8 vCPUs)` or why it is unknown.
pub fn format_pool(p: &PoolQuota) -> String {
    match (p.extra_vcpus, &p.family, p.vcpus_per_node) {
        (Some(0), _, _) => "+0 vCPUs (no surge nodes)".to_owned(),
        (Some(v), Some(f), Some(per)) => format!(
            "+{v} vCPUs {f} ({} × {per} vCPUs)",
            surge_nodes(p.peak_extra_nodes)
        ),
        _ => format!(
            "unknown: vCPUs of {} not known, enter them in the assumptions ({})",
            p.vm_size,
            surge_nodes(p.peak_extra_nodes)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::project;
    use super::*;
    use crate::rules::demo;
    use chrono::{TimeZone, Utc};

    fn demo_quota() -> SurgeQuota {
        let plan = demo::demo_plan();
        let from = Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap();
        project(&plan, from, 4).quota
    }

    fn cluster<'a>(q: &'a SurgeQuota, name: &str) -> &'a ClusterQuota {
        q.clusters.iter().find(|c| c.cluster == name).unwrap()
    }

    #[test]
    fn prod_apps_pool_needs_thirty_two_dsv5_vcpus() {
        let q = demo_quota();
        let prod = cluster(&q, "aks-prod-weu");
        let apps = prod.pools.iter().find(|p| p.pool == "apps").unwrap();
        // 12 nodes × 33 % → ceil(3.96) = 4 surge nodes × 8 vCPUs (Standard_D8s_v5) = 32.
        assert_eq!(apps.peak_extra_nodes, 4);
        assert_eq!(apps.family.as_deref(), Some("DSv5"));
        assert_eq!(apps.extra_vcpus, Some(32));
        assert_eq!(
            format_pool(apps),
            "+32 vCPUs DSv5 (4 surge nodes × 8 vCPUs)"
        );
        // system: 3 × 33 % → 1 surge × 4 vCPUs = 4; the apps pool's 32 is the cluster peak,
        // not 4 + 32 + win's, because pools go one after another (§2 rule 3).
        let system = prod.pools.iter().find(|p| p.pool == "system").unwrap();
        assert_eq!(system.extra_vcpus, Some(4));
        assert_eq!(
            format_pool(system),
            "+4 vCPUs DSv5 (1 surge node × 4 vCPUs)"
        );
        assert_eq!(format_families(&prod.peak), "DSv5: +32 vCPUs");
    }

    #[test]
    fn cluster_peak_per_family_is_the_max_over_pools_not_the_sum() {
        let q = demo_quota();
        for c in &q.clusters {
            for f in &c.peak {
                let of_family: Vec<u32> = c
                    .pools
                    .iter()
                    .filter(|p| p.family.as_deref() == Some(f.family.as_str()))
                    .filter_map(|p| p.extra_vcpus)
                    .collect();
                assert_eq!(Some(f.extra_vcpus), of_family.iter().copied().max());
            }
        }
    }

    #[test]
    fn subscription_worst_case_is_the_sum_of_cluster_peaks() {
        let q = demo_quota();
        for s in &q.subscriptions {
            for f in &s.worst_case {
                let sum: u32 = q
                    .clusters
                    .iter()
                    .filter(|c| c.subscription == s.subscription)
                    .flat_map(|c| &c.peak)
                    .filter(|x| x.family == f.family)
                    .map(|x| x.extra_vcpus)
                    .sum();
                assert_eq!(f.extra_vcpus, sum);
            }
        }
    }

    #[test]
    fn unknown_size_is_reported_not_guessed() {
        let mut plan = demo::demo_plan();
        plan.clusters[0].agent_pool_profiles[0].vm_size = "Custom_Mystery".to_owned();
        let from = Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap();
        let q = project(&plan, from, 1).quota;
        let p = &q.clusters[0].pools[0];
        assert_eq!(p.extra_vcpus, None);
        assert_eq!(
            q.clusters[0].unknown_sizes,
            vec!["Custom_Mystery".to_owned()]
        );
        assert!(format_pool(p).starts_with("unknown: vCPUs of Custom_Mystery"));
    }

    #[test]
    fn families_format_as_a_list() {
        let f = vec![
            FamilyVcpus {
                family: "DSv2".into(),
                extra_vcpus: 4,
            },
            FamilyVcpus {
                family: "DSv5".into(),
                extra_vcpus: 32,
            },
        ];
        assert_eq!(format_families(&f), "DSv2: +4 vCPUs, DSv5: +32 vCPUs");
        assert_eq!(format_families(&[]), "none");
    }
}
