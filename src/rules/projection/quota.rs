//! Surge quota: the extra regional vCPUs a rolling upgrade needs, per VM family (docs/aks-rules.md
//! §4.2: surge nodes count against quota; §4.3 warns when surge quota exceeds free quota).
//! A cluster's figure follows the plan's [`SurgeQuotaReading`]: by default the sum over its
//! pools, as the AKS capacity doc computes the reservation (5 pools × 4 nodes at 50 % need
//! quota for 10 nodes, docs/aks-2026.md §1.4); the alternative reading is that pools upgrade
//! one after another (§2 rule 3), so only the largest pool counts. Azure quota is per
//! subscription and region, and across
//! clusters of one subscription and region the windows may overlap, so the figure per
//! subscription and region is the sum of the cluster peaks: a worst case, labelled as such.
//! [`free`] compares it with the free quota the plan records (`rules::usage`).

pub mod free;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::super::cluster::Cluster;
use super::super::plan::Plan;
use super::super::usage::region_key;
use super::assumptions::{ProjectionAssumptions, SurgeQuotaReading};
use super::duration::pool_upgrade;
use super::vmsize::{VmSizes, short_family};

pub use free::{QuotaCheck, QuotaStatus};

/// One pool's extra vCPUs while it is upgraded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolQuota {
    pub pool: String,
    pub vm_size: String,
    /// Quota family in ARM's spelling, e.g. `standardDSv5Family`; `None` when unknown.
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
    /// ARM spelling, e.g. `standardDSv5Family`.
    pub family: String,
    pub extra_vcpus: u32,
}

/// One cluster's surge quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterQuota {
    pub cluster: String,
    pub subscription: String,
    pub location: String,
    pub pools: Vec<PoolQuota>,
    /// Per family, the sum over its pools, or the max under "pools one at a time".
    pub peak: Vec<FamilyVcpus>,
    /// Total regional vCPUs at the peak: the sum over pools, or the largest pool's.
    pub peak_total: u32,
    /// Sizes with surge nodes whose vCPUs are unknown: the user should enter them.
    pub unknown_sizes: Vec<String>,
}

/// One subscription and region: the worst case (the sum of its clusters' peaks, their windows
/// may overlap) and how it compares with the free quota. Its clusters by index: their names
/// are looked up when shown ([`RegionQuota::cluster_names`]; the JSON names them, `Serialize`
/// of [`SurgeQuota`]), so a rename keeps the region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionQuota {
    pub subscription: String,
    pub location: String,
    pub worst_case: Vec<FamilyVcpus>,
    /// Each family the pools need, then `cores` (total regional vCPUs), then quotas the plan
    /// records that no pool needs.
    pub checks: Vec<QuotaCheck>,
    /// Some surging size has unknown vCPUs: the figures are lower bounds.
    pub incomplete: bool,
    /// The indexes in the plan of the clusters in this subscription and region, ascending.
    members: Vec<usize>,
}

impl RegionQuota {
    /// Whether a cluster of the plan is in this subscription and region (else: recorded quota
    /// only).
    pub fn has_clusters(&self) -> bool {
        !self.members.is_empty()
    }

    /// The names of the clusters in this subscription and region, in plan order.
    pub fn cluster_names<'a>(&'a self, quota: &'a SurgeQuota) -> impl Iterator<Item = &'a str> {
        self.members.iter().map(|&i| quota.cluster_name(i))
    }

    /// `contoso-prod / westeurope`, naming what is missing.
    pub fn place(&self) -> String {
        let or = |s: &str, none: &str| {
            if s.is_empty() {
                none.to_owned()
            } else {
                s.to_owned()
            }
        };
        format!(
            "{} / {}",
            or(&self.subscription, "(no subscription)"),
            or(&self.location, "(no region)")
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurgeQuota {
    /// In plan order. Shared: the projection cache keeps the rows of the clusters an edit left
    /// alone.
    pub clusters: Vec<Arc<ClusterQuota>>,
    /// By subscription, then region. Shared, as the rows.
    pub regions: Vec<Arc<RegionQuota>>,
}

fn to_vec(m: BTreeMap<String, u32>) -> Vec<FamilyVcpus> {
    m.into_iter()
        .map(|(family, extra_vcpus)| FamilyVcpus {
            family,
            extra_vcpus,
        })
        .collect()
}

/// One cluster's pools, from the same surge arithmetic as the timeline ([`pool_upgrade`]).
pub(super) fn cluster_quota(
    c: &Cluster,
    a: &ProjectionAssumptions,
    sizes: &mut VmSizes,
) -> ClusterQuota {
    let mut peak: BTreeMap<String, u32> = BTreeMap::new();
    let mut peak_total = 0u32;
    let mut unknown_sizes = Vec::new();
    let pools = c
        .agent_pool_profiles
        .iter()
        .map(|p| {
            let vm = sizes.get(&p.vm_size);
            let extra = pool_upgrade(p, c.kubernetes_version, &a.timings).peak_extra_nodes;
            let extra_vcpus = vm.vcpus.map(|v| v.saturating_mul(extra));
            match (&vm.family, extra_vcpus) {
                (Some(f), Some(v)) if v > 0 => {
                    let e = peak.entry(f.clone()).or_insert(0);
                    let add = |acc: u32| match a.surge_quota {
                        SurgeQuotaReading::SumOverPools => acc.saturating_add(v),
                        SurgeQuotaReading::PoolsOneAtATime => acc.max(v),
                    };
                    *e = add(*e);
                    peak_total = add(peak_total);
                }
                (_, None) | (None, _) if extra > 0 && !unknown_sizes.contains(&p.vm_size) => {
                    unknown_sizes.push(p.vm_size.clone());
                }
                _ => {}
            }
            PoolQuota {
                pool: p.name.clone(),
                vm_size: p.vm_size.clone(),
                family: vm.family.clone(),
                peak_extra_nodes: extra,
                vcpus_per_node: vm.vcpus,
                extra_vcpus,
            }
        })
        .collect();
    ClusterQuota {
        cluster: c.name.clone(),
        subscription: c.subscription.clone(),
        location: c.location.clone(),
        pools,
        peak: to_vec(peak),
        peak_total,
        unknown_sizes,
    }
}

/// Clusters of one subscription and region (as first written), while grouping.
struct Group {
    subscription: String,
    key: String,
    location: String,
    members: Vec<usize>,
}

/// The surge quota of every cluster, and of every subscription and region against its free
/// quota. Needs no projection: surge counts do not depend on time.
pub fn summarise(plan: &Plan) -> SurgeQuota {
    let a = &plan.assumptions.projection;
    let mut sizes = VmSizes::new(&a.costs);
    let clusters: Vec<Arc<ClusterQuota>> = plan
        .clusters
        .iter()
        .map(|c| Arc::new(cluster_quota(c, a, &mut sizes)))
        .collect();
    summarise_clusters(plan, clusters, None)
}

/// [`summarise`] from each cluster's [`cluster_quota`] (the projection cache keeps those of the
/// clusters an edit left alone). A region of `last` (made from the same plan but for its
/// clusters) whose rows are all the same (by pointer, at the same places) is kept.
pub(super) fn summarise_clusters(
    plan: &Plan,
    clusters: Vec<Arc<ClusterQuota>>,
    last: Option<&SurgeQuota>,
) -> SurgeQuota {
    if let Some(regions) = last.and_then(|l| same_places(plan, &clusters, l)) {
        return SurgeQuota { clusters, regions };
    }
    // Subscription and region, kept sorted by (subscription, region key) by inserting in place
    // (a Vec rather than a map or a sort: one copy less of that code in the browser module).
    let mut groups: Vec<Group> = Vec::new();
    // The last location seen and its key: clusters of one region often follow each other.
    let mut seen: Option<(String, String)> = None;
    let mut join = |subscription: &str, location: &str, member: Option<usize>| {
        let key = match &seen {
            Some((l, key)) if l == location => key.clone(),
            _ => {
                let key = region_key(location);
                seen = Some((location.to_owned(), key.clone()));
                key
            }
        };
        let at = groups.partition_point(|g| {
            (g.subscription.as_str(), g.key.as_str()) < (subscription, key.as_str())
        });
        let found = groups
            .get(at)
            .is_some_and(|g| g.subscription == subscription && g.key == key);
        if !found {
            groups.insert(
                at,
                Group {
                    subscription: subscription.to_owned(),
                    key,
                    location: location.to_owned(),
                    members: Vec::new(),
                },
            );
        }
        if let (Some(i), Some(g)) = (member, groups.get_mut(at)) {
            g.members.push(i);
        }
    };
    for (i, c) in clusters.iter().enumerate() {
        join(&c.subscription, &c.location, Some(i));
    }
    // Quota recorded for a place no cluster is in still shows, so it can be seen and cleared.
    for (subscription, regions) in &plan.compute_usages {
        for location in regions.keys() {
            join(subscription, location, None);
        }
    }
    let regions = groups
        .into_iter()
        .map(|g| match last.and_then(|l| kept_region(l, &g, &clusters)) {
            Some(kept) => kept,
            None => region(plan, &clusters, g),
        })
        .collect();
    SurgeQuota { clusters, regions }
}

/// The regions of `last` again, when each cluster's row is the same or in the same
/// subscription and region as there (a rename): the same groups, so only the regions with a
/// changed row are made again, without grouping every cluster again.
fn same_places(
    plan: &Plan,
    clusters: &[Arc<ClusterQuota>],
    last: &SurgeQuota,
) -> Option<Vec<Arc<RegionQuota>>> {
    let placed = |(now, then): (&Arc<ClusterQuota>, &Arc<ClusterQuota>)| {
        Arc::ptr_eq(now, then)
            || (now.subscription == then.subscription && now.location == then.location)
    };
    if clusters.len() != last.clusters.len() || !clusters.iter().zip(&last.clusters).all(placed) {
        return None;
    }
    let regions = last.regions.iter().map(|r| {
        let g = Group {
            subscription: r.subscription.clone(),
            key: region_key(&r.location),
            location: r.location.clone(),
            members: r.members.clone(),
        };
        kept_region(last, &g, clusters).unwrap_or_else(|| region(plan, clusters, g))
    });
    Some(regions.collect())
}

/// The region of group `g`: its clusters' worst case against the free quota.
fn region(plan: &Plan, clusters: &[Arc<ClusterQuota>], g: Group) -> Arc<RegionQuota> {
    let mut sum: BTreeMap<String, u32> = BTreeMap::new();
    for &i in &g.members {
        for f in &clusters[i].peak {
            let e = sum.entry(f.family.clone()).or_insert(0);
            *e = e.saturating_add(f.extra_vcpus);
        }
    }
    let worst_case = to_vec(sum);
    let checks = free::checks(
        plan,
        clusters,
        &g.members,
        &g.subscription,
        &g.location,
        &worst_case,
    );
    Arc::new(RegionQuota {
        incomplete: g
            .members
            .iter()
            .any(|&i| !clusters[i].unknown_sizes.is_empty()),
        subscription: g.subscription,
        location: g.location,
        worst_case,
        checks,
        members: g.members,
    })
}

/// The region of `last` made of the same rows as `g` (by pointer, at the same indexes), if any.
fn kept_region(
    last: &SurgeQuota,
    g: &Group,
    clusters: &[Arc<ClusterQuota>],
) -> Option<Arc<RegionQuota>> {
    let r = last.regions.iter().find(|r| {
        r.subscription == g.subscription && r.location == g.location && r.members == g.members
    })?;
    g.members
        .iter()
        .all(|&i| match (clusters.get(i), last.clusters.get(i)) {
            (Some(now), Some(then)) => Arc::ptr_eq(now, then) || now.same_but_name(then),
            _ => false,
        })
        .then(|| Arc::clone(r))
}

impl ClusterQuota {
    /// The same row but for the cluster's name, which no region holds. (Every field named: a
    /// new one must be compared here too.)
    fn same_but_name(&self, other: &ClusterQuota) -> bool {
        let ClusterQuota {
            cluster: _,
            subscription,
            location,
            pools,
            peak,
            peak_total,
            unknown_sizes,
        } = self;
        *subscription == other.subscription
            && *location == other.location
            && *pools == other.pools
            && *peak == other.peak
            && *peak_total == other.peak_total
            && *unknown_sizes == other.unknown_sizes
    }
}

impl SurgeQuota {
    /// The name of cluster `index` of the plan (empty past the end).
    pub fn cluster_name(&self, index: usize) -> &str {
        self.clusters.get(index).map_or("", |c| c.cluster.as_str())
    }
}

/// The JSON of the surge quota names each region's clusters and each contributor's cluster,
/// looked up from the rows: the same document a derived `Serialize` of named structs wrote.
impl Serialize for SurgeQuota {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Quota<'a> {
            clusters: &'a [Arc<ClusterQuota>],
            regions: Vec<Region<'a>>,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Region<'a> {
            subscription: &'a str,
            location: &'a str,
            clusters: Vec<&'a str>,
            worst_case: &'a [FamilyVcpus],
            checks: Vec<Check<'a>>,
            incomplete: bool,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Check<'a> {
            name: &'a str,
            needed: u32,
            contributors: Vec<Contributor<'a>>,
            limit: Option<u64>,
            current_value: Option<u64>,
            free: Option<u64>,
            status: free::QuotaStatus,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Contributor<'a> {
            cluster_index: u32,
            cluster: &'a str,
            pool_index: u32,
            pool: &'a str,
            extra_vcpus: u32,
            vcpus_per_node: u32,
        }
        fn check<'a>(quota: &'a SurgeQuota, c: &'a free::QuotaCheck) -> Check<'a> {
            Check {
                name: &c.name,
                needed: c.needed,
                contributors: (c.contributors.iter())
                    .map(|k| Contributor {
                        cluster_index: k.cluster_index,
                        cluster: quota.cluster_name(k.cluster_index as usize),
                        pool_index: k.pool_index,
                        pool: &k.pool,
                        extra_vcpus: k.extra_vcpus,
                        vcpus_per_node: k.vcpus_per_node,
                    })
                    .collect(),
                limit: c.limit,
                current_value: c.current_value,
                free: c.free,
                status: c.status,
            }
        }
        Quota {
            clusters: &self.clusters,
            regions: (self.regions.iter())
                .map(|r| Region {
                    subscription: &r.subscription,
                    location: &r.location,
                    clusters: r.cluster_names(self).collect(),
                    worst_case: &r.worst_case,
                    checks: r.checks.iter().map(|c| check(self, c)).collect(),
                    incomplete: r.incomplete,
                })
                .collect(),
        }
        .serialize(s)
    }
}

/// `DSv5: +32 vCPUs, DSv2: +4 vCPUs` (short family names), or `none` when no pool surges.
pub fn format_families(f: &[FamilyVcpus]) -> String {
    if f.is_empty() {
        return "none".to_owned();
    }
    f.iter()
        .map(|x| format!("{}: +{} vCPUs", short_family(&x.family), x.extra_vcpus))
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
            "+{v} vCPUs {} ({} × {per} vCPUs)",
            short_family(f),
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

    #[test]
    fn the_json_names_each_region_s_clusters_and_each_contributor_s_cluster() {
        // Every cluster in one of two subscriptions, so regions hold several clusters and
        // checks several contributors.
        let mut plan = demo::fleet(9);
        for (i, c) in plan.clusters.iter_mut().enumerate() {
            c.subscription = format!("sub-{}", i % 2);
        }
        let json = serde_json::to_value(summarise(&plan)).unwrap();
        let regions = json["regions"].as_array().unwrap();
        assert!(!regions.is_empty());
        let mut contributors = 0;
        for r in regions {
            let place = (
                r["subscription"].as_str().unwrap(),
                r["location"].as_str().unwrap(),
            );
            // Independently: the plan's clusters in that subscription and region, in order.
            let want: Vec<&str> = (plan.clusters.iter())
                .filter(|c| {
                    c.subscription == place.0 && region_key(&c.location) == region_key(place.1)
                })
                .map(|c| c.name.as_str())
                .collect();
            assert_eq!(r["clusters"], serde_json::json!(want), "{place:?}");
            for check in r["checks"].as_array().unwrap() {
                for k in check["contributors"].as_array().unwrap() {
                    let i = usize::try_from(k["clusterIndex"].as_u64().unwrap()).unwrap();
                    assert_eq!(k["cluster"], plan.clusters[i].name.as_str());
                    contributors += 1;
                }
            }
        }
        assert!(contributors > 0);
    }

    fn demo_quota() -> SurgeQuota {
        let plan = demo::demo_plan();
        let from = Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap();
        SurgeQuota::clone(&project(&plan, from, 4).quota)
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
        // The key is ARM's usage name; text uses the short form.
        assert_eq!(apps.family.as_deref(), Some("standardDSv5Family"));
        assert_eq!(apps.extra_vcpus, Some(32));
        assert_eq!(
            format_pool(apps),
            "+32 vCPUs DSv5 (4 surge nodes × 8 vCPUs)"
        );
        // system: 3 × 33 % → 1 surge × 4 vCPUs = 4.
        let system = prod.pools.iter().find(|p| p.pool == "system").unwrap();
        assert_eq!(system.extra_vcpus, Some(4));
        assert_eq!(
            format_pool(system),
            "+4 vCPUs DSv5 (1 surge node × 4 vCPUs)"
        );
    }

    #[test]
    fn the_documented_example_reserves_the_sum_over_pools() {
        // docs/aks-2026.md §1.4 (capacity doc): 5 pools × 4 nodes at maxSurge 50 % need
        // quota for 10 surge nodes; Standard_D4s_v5 has 4 vCPUs: 40 vCPUs. Pools one at a
        // time: one pool's 2 nodes, 8 vCPUs.
        let mut plan = crate::rules::findings::testkit::plan_with(|c| {
            c.agent_pool_profiles = (0..5)
                .map(|i| {
                    let mut p = crate::rules::findings::testkit::pool(
                        &format!("p{i}"),
                        crate::rules::pool::PoolMode::User,
                        crate::rules::os::OsSku::Ubuntu,
                    );
                    p.count = 4;
                    p.upgrade_settings.max_surge = "50%".parse().ok();
                    p
                })
                .collect();
        });
        let sum = &summarise(&plan).clusters[0];
        let nodes: u32 = sum.pools.iter().map(|p| p.peak_extra_nodes).sum();
        assert_eq!(nodes, 10);
        assert_eq!(
            (sum.peak_total, format_families(&sum.peak).as_str()),
            (40, "DSv5: +40 vCPUs")
        );
        plan.assumptions.projection.surge_quota = SurgeQuotaReading::PoolsOneAtATime;
        let one = &summarise(&plan).clusters[0];
        assert_eq!(
            (one.peak_total, format_families(&one.peak).as_str()),
            (8, "DSv5: +8 vCPUs")
        );
    }

    #[test]
    fn under_pools_one_at_a_time_the_cluster_peak_is_the_max_over_pools() {
        let mut plan = demo::demo_plan();
        plan.assumptions.projection.surge_quota = SurgeQuotaReading::PoolsOneAtATime;
        let q = summarise(&plan);
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
    fn region_worst_case_is_the_sum_of_cluster_peaks() {
        let mut plan = demo::demo_plan();
        plan.clusters[1].subscription = "contoso-prod".to_owned();
        let q = summarise(&plan);
        assert_eq!(q.regions.len(), 2);
        for s in &q.regions {
            for f in &s.worst_case {
                let sum: u32 = q
                    .clusters
                    .iter()
                    .filter(|c| c.subscription == s.subscription && c.location == s.location)
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
        assert!(q.regions[0].incomplete);
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
                family: "standardDSv2Family".into(),
                extra_vcpus: 4,
            },
            FamilyVcpus {
                family: "standardDSv5Family".into(),
                extra_vcpus: 32,
            },
        ];
        assert_eq!(format_families(&f), "DSv2: +4 vCPUs, DSv5: +32 vCPUs");
        assert_eq!(format_families(&[]), "none");
    }
}
