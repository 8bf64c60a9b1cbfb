//! Surge quota against free quota (docs/aks-rules.md §4.3: "warn when surge quota > free quota
//! (user input)"): per subscription and region, each VM family's worst-case concurrent surge
//! vCPUs (the sum of cluster peaks, from [`super::summarise`]) and the total regional vCPUs
//! (`cores`) against `limit − currentValue` of the plan's usage list (`rules::usage`).

use std::sync::Arc;

use serde::Serialize;

use super::super::super::plan::Plan;
use super::super::super::usage::{self, TOTAL_REGIONAL_VCPUS, Usage};
use super::super::assumptions::SurgeQuotaReading;
use super::{ClusterQuota, FamilyVcpus};

/// How a surge figure compares with the free quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum QuotaStatus {
    /// The plan records no limit for it.
    Unknown,
    /// Needed ≤ free.
    Fits,
    /// Needed > free: the upgrade cannot get all its surge nodes.
    Short,
    /// Recorded, but no pool needs it.
    NotNeeded,
}

/// A pool adding to a surge figure: its cluster's largest pool of the family (or, for
/// `cores`, of any family). The cluster by index: its name is looked up when shown
/// ([`super::SurgeQuota::cluster_name`]), so a rename keeps every quota check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contributor {
    pub cluster_index: u32,
    pub pool_index: u32,
    pub pool: String,
    pub extra_vcpus: u32,
    /// vCPUs of one node of the pool: surge 1 needs at least this much free.
    pub vcpus_per_node: u32,
}

/// One quota of one subscription and region (written to JSON with its contributors' cluster
/// names by [`super::SurgeQuota`]'s `Serialize`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaCheck {
    /// ARM usage name: a family (`standardDSv5Family`) or `cores`.
    pub name: String,
    /// Worst-case concurrent surge vCPUs (0: no pool needs this quota).
    pub needed: u32,
    /// Largest first.
    pub contributors: Vec<Contributor>,
    pub limit: Option<u64>,
    pub current_value: Option<u64>,
    /// `limit − currentValue` (0 when used is above the limit).
    pub free: Option<u64>,
    pub status: QuotaStatus,
}

impl QuotaCheck {
    /// `Total Regional vCPUs` or the family's ARM name.
    pub fn label(&self) -> String {
        usage::label(&self.name)
    }

    /// The recorded used count is above the limit (Azure shows this after a quota decrease).
    pub fn used_over_limit(&self) -> bool {
        matches!((self.current_value, self.limit), (Some(c), Some(l)) if c > l)
    }

    /// How many vCPUs are missing (0 unless [`QuotaStatus::Short`]).
    pub fn shortfall(&self) -> u64 {
        u64::from(self.needed).saturating_sub(self.free.unwrap_or(u64::MAX))
    }

    /// `standardDSv5Family: short by 14: needs 32, 18 free (limit 50, used 32)`: the row in
    /// text, as the CLI and the review print it.
    pub fn describe(&self) -> String {
        let mut text = format!("{}: {}", self.label(), self.verdict());
        if let (Some(l), Some(c)) = (self.limit, self.current_value) {
            text.push_str(&format!(" (limit {l}, used {c})"));
        }
        text
    }

    /// The verdict in words, never colour alone: `fits: needs 32 of 338 free`,
    /// `short by 14: needs 32, 18 free`, `needs 32, free quota unknown`.
    pub fn verdict(&self) -> String {
        let free = self.free.unwrap_or(0);
        let mut text = match self.status {
            QuotaStatus::Unknown => format!("needs {}, free quota unknown", self.needed),
            QuotaStatus::Fits => format!("fits: needs {} of {free} free", self.needed),
            QuotaStatus::Short => format!(
                "short by {}: needs {}, {free} free",
                self.shortfall(),
                self.needed
            ),
            QuotaStatus::NotNeeded => "no surge needs it".to_owned(),
        };
        if let (true, Some(c), Some(l)) = (self.used_over_limit(), self.current_value, self.limit) {
            text.push_str(&format!(" (used {c} is above the limit {l})"));
        }
        text
    }
}

/// The checks of one subscription and region whose clusters are `members` (indexes into
/// `clusters`, which is in plan order).
pub(super) fn checks(
    plan: &Plan,
    clusters: &[Arc<ClusterQuota>],
    members: &[usize],
    subscription: &str,
    location: &str,
    worst_case: &[FamilyVcpus],
) -> Vec<QuotaCheck> {
    let recorded = usage::list(&plan.compute_usages, subscription, location);
    let reading = plan.assumptions.projection.surge_quota;
    let mut out: Vec<QuotaCheck> = worst_case
        .iter()
        .map(|f| {
            let contributors = members
                .iter()
                .flat_map(|&i| {
                    contributors(clusters, i, reading, |p| {
                        p.family.as_deref() == Some(f.family.as_str())
                    })
                })
                .collect();
            check(&f.family, f.extra_vcpus, contributors, recorded)
        })
        .collect();
    let contributors = members
        .iter()
        .flat_map(|&i| contributors(clusters, i, reading, |p| p.family.is_some()))
        .collect::<Vec<_>>();
    let total = contributors
        .iter()
        .fold(0u32, |acc, c| acc.saturating_add(c.extra_vcpus));
    // Without surge there is nothing to check; a recorded `cores` still shows below.
    if total > 0 {
        out.push(check(TOTAL_REGIONAL_VCPUS, total, contributors, recorded));
    }
    for u in recorded {
        if !out
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(&u.name.value))
        {
            out.push(check(&u.name.value, 0, Vec::new(), recorded));
        }
    }
    out
}

/// Cluster `i`'s surging pools among those `matches` accepts that count under `reading`: all of
/// them (the sum over pools), or the largest (pools one at a time).
fn contributors(
    clusters: &[Arc<ClusterQuota>],
    i: usize,
    reading: SurgeQuotaReading,
    matches: impl Fn(&super::PoolQuota) -> bool,
) -> Vec<Contributor> {
    let Some(c) = clusters.get(i) else {
        return Vec::new();
    };
    let surging = c
        .pools
        .iter()
        .enumerate()
        .filter(|(_, p)| matches(p))
        .filter_map(|(j, p)| p.extra_vcpus.filter(|v| *v > 0).map(|v| (j, p, v)));
    let picked: Vec<(usize, &super::PoolQuota, u32)> = match reading {
        SurgeQuotaReading::SumOverPools => surging.collect(),
        // The first of equal pools: `max_by_key` would take the last.
        SurgeQuotaReading::PoolsOneAtATime => surging
            .fold(
                None,
                |best: Option<(usize, &super::PoolQuota, u32)>, x| match best {
                    Some(b) if b.2 >= x.2 => Some(b),
                    _ => Some(x),
                },
            )
            .into_iter()
            .collect(),
    };
    picked
        .into_iter()
        .map(|(j, p, v)| Contributor {
            cluster_index: u32::try_from(i).unwrap_or(u32::MAX),
            pool_index: u32::try_from(j).unwrap_or(u32::MAX),
            pool: p.pool.clone(),
            extra_vcpus: v,
            vcpus_per_node: p.vcpus_per_node.unwrap_or(v),
        })
        .collect()
}

fn check(
    name: &str,
    needed: u32,
    mut contributors: Vec<Contributor>,
    recorded: &[Usage],
) -> QuotaCheck {
    crate::rules::stable_sort::sort_by_key(&mut contributors, |c| std::cmp::Reverse(c.extra_vcpus));
    let usage = usage::find(recorded, name);
    let free = usage.map(Usage::free);
    let status = match free {
        None => QuotaStatus::Unknown,
        Some(_) if needed == 0 => QuotaStatus::NotNeeded,
        Some(f) if u64::from(needed) <= f => QuotaStatus::Fits,
        Some(_) => QuotaStatus::Short,
    };
    QuotaCheck {
        name: usage.map_or_else(|| name.to_owned(), |u| u.name.value.clone()),
        needed,
        contributors,
        limit: usage.map(|u| u.limit),
        current_value: usage.map(|u| u.current_value),
        free,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::super::summarise;
    use super::*;
    use crate::rules::demo::demo_plan;
    use crate::rules::usage::{set_current_value, set_limit};

    fn region_checks(plan: &Plan, subscription: &str) -> Vec<QuotaCheck> {
        summarise(plan)
            .regions
            .into_iter()
            .find(|r| r.subscription == subscription)
            .unwrap()
            .checks
            .clone()
    }

    fn with_quota(entries: &[(&str, &str, u64, u64)]) -> Plan {
        let mut plan = demo_plan();
        for &(sub, name, limit, used) in entries {
            set_limit(
                &mut plan.compute_usages,
                sub,
                "westeurope",
                name,
                Some(limit),
            );
            set_current_value(&mut plan.compute_usages, sub, "westeurope", name, used).unwrap();
        }
        plan
    }

    #[test]
    fn without_recorded_quota_every_check_is_unknown() {
        let checks = region_checks(&demo_plan(), "contoso-prod");
        let rows: Vec<(&str, u32, QuotaStatus)> = checks
            .iter()
            .map(|c| (c.name.as_str(), c.needed, c.status))
            .collect();
        // Summed over prod's pools (docs/aks-2026.md §1.4): system 1 surge × 4 vCPUs, apps
        // 4 × 8, win 1 × 4 (10 % of 4, rounded up) = 40 DSv5, all of the total too.
        assert_eq!(
            rows,
            [
                ("standardDSv5Family", 40, QuotaStatus::Unknown),
                ("cores", 40, QuotaStatus::Unknown)
            ]
        );
        assert_eq!(checks[0].verdict(), "needs 40, free quota unknown");
        assert_eq!(
            checks[0].describe(),
            "standardDSv5Family: needs 40, free quota unknown"
        );
    }

    #[test]
    fn table_of_free_quota_against_the_prod_peak_of_40() {
        // (limit, used, status, verdict)
        let cases = [
            (350, 12, QuotaStatus::Fits, "fits: needs 40 of 338 free"),
            (50, 10, QuotaStatus::Fits, "fits: needs 40 of 40 free"),
            (50, 11, QuotaStatus::Short, "short by 1: needs 40, 39 free"),
            (10, 0, QuotaStatus::Short, "short by 30: needs 40, 10 free"),
            (
                50,
                60,
                QuotaStatus::Short,
                "short by 40: needs 40, 0 free (used 60 is above the limit 50)",
            ),
        ];
        for (limit, used, status, verdict) in cases {
            let plan = with_quota(&[("contoso-prod", "standardDSv5Family", limit, used)]);
            let dsv5 = &region_checks(&plan, "contoso-prod")[0];
            assert_eq!(
                (dsv5.status, dsv5.verdict().as_str()),
                (status, verdict),
                "{limit}/{used}"
            );
        }
    }

    #[test]
    fn total_regional_vcpus_add_every_family_and_under_one_at_a_time_the_largest_pool() {
        // test: system 1 surge × 4 = 4 and apps 2 × 8 = 16 DSv5, gpu 1 × 6 = 6 NCSv3: summed,
        // 26 of the 16 free; pools one at a time → the largest, 16.
        let mut plan = with_quota(&[("contoso-nonprod", "cores", 20, 4)]);
        let total = &region_checks(&plan, "contoso-nonprod")[2];
        assert_eq!((total.needed, total.status), (26, QuotaStatus::Short));
        plan.assumptions.projection.surge_quota = SurgeQuotaReading::PoolsOneAtATime;
        let checks = region_checks(&plan, "contoso-nonprod");
        let names: Vec<&str> = checks.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["standardDSv5Family", "standardNCSv3Family", "cores"]
        );
        assert_eq!(
            (checks[2].needed, checks[2].status),
            (16, QuotaStatus::Fits)
        );
        assert_eq!(checks[2].label(), "Total Regional vCPUs");
    }

    #[test]
    fn clusters_of_one_subscription_and_region_add_up_and_are_named_largest_first() {
        let mut plan = demo_plan();
        for c in &mut plan.clusters {
            c.subscription = "shared".to_owned();
        }
        let checks = region_checks(&plan, "shared");
        let dsv5 = &checks[0];
        // dev 4 + 16, test 4 + 16, prod 4 + 32 + 4: their windows may overlap (worst case).
        assert_eq!(dsv5.needed, 80);
        let who: Vec<(&str, &str, u32)> = dsv5
            .contributors
            .iter()
            .map(|c| {
                let name = plan.clusters[c.cluster_index as usize].name.as_str();
                (name, c.pool.as_str(), c.extra_vcpus)
            })
            .collect();
        assert_eq!(
            who,
            [
                ("aks-prod-weu", "apps", 32),
                ("aks-dev-weu", "apps", 16),
                ("aks-test-weu", "apps", 16),
                ("aks-dev-weu", "system", 4),
                ("aks-test-weu", "system", 4),
                ("aks-prod-weu", "system", 4),
                ("aks-prod-weu", "win", 4)
            ]
        );
    }

    #[test]
    fn another_region_is_another_quota() {
        let mut plan = demo_plan();
        for c in &mut plan.clusters {
            c.subscription = "shared".to_owned();
        }
        plan.clusters[0].location = "northeurope".to_owned();
        let q = summarise(&plan);
        let places: Vec<(&str, u32)> = q
            .regions
            .iter()
            .map(|r| (r.location.as_str(), r.checks[0].needed))
            .collect();
        assert_eq!(places, [("northeurope", 20), ("westeurope", 60)]);
    }

    #[test]
    fn pools_that_upgrade_in_place_need_no_quota_and_get_no_rows() {
        let mut plan = demo_plan();
        for p in &mut plan.clusters[0].agent_pool_profiles {
            p.upgrade_settings.max_surge = Some(crate::rules::surge::SurgeValue::Nodes(0));
            p.upgrade_settings.max_unavailable = Some(crate::rules::surge::SurgeValue::Nodes(1));
        }
        assert!(region_checks(&plan, "contoso-dev").is_empty());
    }

    #[test]
    fn recorded_quota_no_pool_needs_still_shows() {
        let plan = with_quota(&[
            ("contoso-prod", "standardESv5Family", 100, 0),
            ("elsewhere", "cores", 10, 0),
        ]);
        let prod = region_checks(&plan, "contoso-prod");
        let es = prod
            .iter()
            .find(|c| c.name == "standardESv5Family")
            .unwrap();
        assert_eq!(
            (es.status, es.verdict().as_str()),
            (QuotaStatus::NotNeeded, "no surge needs it")
        );
        let elsewhere = region_checks(&plan, "elsewhere");
        assert_eq!(elsewhere.len(), 1);
    }
}
