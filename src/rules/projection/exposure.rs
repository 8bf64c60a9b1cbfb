//! Exposure: for every projected release, the time from its publication to each pool running
//! it; typical (median) and worst per pool, cluster and fleet, against the user's SLA
//! (issue 4 "Exposure"; releases per docs/aks-rules.md §1.3).
//!
//! A release a pool does not run by the end of the horizon counts with a lower bound
//! (horizon end − publication) once that bound already exceeds the SLA; before that it is
//! "pending" and left out, so a short horizon does not make anything look better or worse.
//! AKS-determined times (no window) are counted separately, never guessed.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::release::Release;
use super::timeline::{ClusterProjection, PatchState};
use crate::rules::stable_sort;

/// Statistics over a set of exposure samples, in minutes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExposureStats {
    /// Samples with a known exposure (or a lower bound already past the SLA).
    pub counted: u32,
    /// Not yet running it at the horizon end, bound still under the SLA.
    pub pending: u32,
    /// No window: the time is AKS-determined.
    pub aks_determined: u32,
    /// "Typical" exposure, minutes (see [`TYPICAL_MEANS`]): for a pool the lower median over
    /// its releases; for a cluster or the fleet the lower median of its pools' typical values.
    pub typical_minutes: Option<i64>,
    pub worst_minutes: Option<i64>,
    /// The worst value is a lower bound: the release was not running by the horizon end.
    pub worst_is_lower_bound: bool,
    pub sla_minutes: i64,
    /// Worst > SLA.
    pub misses_sla: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolExposure {
    pub cluster: String,
    pub pool: String,
    pub stats: ExposureStats,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterExposure {
    pub cluster: String,
    pub stats: ExposureStats,
    pub pools: Vec<PoolExposure>,
    /// `cluster/pool` of each of its pools whose worst exposure exceeds the SLA (made once
    /// per cluster, so the fleet's list is gathered, not formatted again, on every edit).
    #[serde(skip)]
    pub pools_missing_sla: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetExposure {
    pub sla_days: u32,
    pub fleet: ExposureStats,
    pub clusters: Vec<Arc<ClusterExposure>>,
    /// `cluster/pool` of every pool whose worst exposure exceeds the SLA.
    pub pools_missing_sla: Vec<String>,
}

/// What "typical" means, for the UI and reports. Pools count once each: a median over all
/// release samples was dominated by the pools with the most releases (a SecurityPatch pool
/// has several a week), so a fleet figure could sit below every cluster's but one.
pub const TYPICAL_MEANS: &str = "Typical = the median time from a release to a pool running it; \
     for a cluster or the fleet, the median of its pools' typical values";

/// The lower median of `values` (sorted); `None` if empty. Through the shared sort, not
/// `select_nth_unstable`, which compiled a quickselect of its own (README "Bundle-size
/// levers").
fn lower_median(values: &mut [i64]) -> Option<i64> {
    let mid = values.len().checked_sub(1)? / 2;
    stable_sort::sort(values);
    Some(values[mid])
}

/// Accumulates samples, then turns them into [`ExposureStats`].
#[derive(Debug, Default)]
struct Samples {
    values: Vec<(i64, bool)>,
    pending: u32,
    aks_determined: u32,
}

impl Samples {
    /// The lower median over the samples themselves (a pool's typical).
    fn median(&self) -> Option<i64> {
        let mut minutes: Vec<i64> = self.values.iter().map(|v| v.0).collect();
        lower_median(&mut minutes)
    }

    /// The stats of these samples with `typical` minutes (see [`ExposureStats::typical_minutes`]).
    fn stats(&self, sla_minutes: i64, typical: Option<i64>) -> ExposureStats {
        let worst = self
            .values
            .iter()
            .copied()
            .max_by_key(|&(m, lower)| (m, lower));
        ExposureStats {
            counted: u32::try_from(self.values.len()).unwrap_or(u32::MAX),
            pending: self.pending,
            aks_determined: self.aks_determined,
            typical_minutes: typical,
            worst_minutes: worst.map(|w| w.0),
            worst_is_lower_bound: worst.is_some_and(|w| w.1),
            sla_minutes,
            misses_sla: worst.is_some_and(|w| w.0 > sla_minutes),
        }
    }
}

/// The stats of a group (a cluster's pools, the fleet's clusters) from its members': the counts
/// summed, the worst their worst, the typical as given (a median of pool typicals). Equal to the
/// stats of all the members' samples together, without visiting a sample again.
fn fold<'a>(
    members: impl IntoIterator<Item = &'a ExposureStats>,
    sla_minutes: i64,
    typical: Option<i64>,
) -> ExposureStats {
    let mut out = ExposureStats {
        sla_minutes,
        typical_minutes: typical,
        ..ExposureStats::default()
    };
    let mut worst: Option<(i64, bool)> = None;
    for s in members {
        out.counted = out.counted.saturating_add(s.counted);
        out.pending += s.pending;
        out.aks_determined += s.aks_determined;
        if let Some(m) = s.worst_minutes {
            worst = worst.max(Some((m, s.worst_is_lower_bound)));
        }
    }
    out.worst_minutes = worst.map(|w| w.0);
    out.worst_is_lower_bound = worst.is_some_and(|w| w.1);
    out.misses_sla = worst.is_some_and(|w| w.0 > sla_minutes);
    out
}

/// Whole minutes from `a` to `b`, never negative. Plain timestamp arithmetic: this runs for
/// every pool × release on every edit.
fn minutes_between(a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
    (b.timestamp() - a.timestamp()).max(0) / 60
}

/// Exposure of every pool, cluster and the fleet.
pub fn summarise(
    clusters: &[Arc<ClusterProjection>],
    releases: &[Release],
    to: DateTime<Utc>,
    sla_days: u32,
) -> FleetExposure {
    let per_cluster = clusters
        .iter()
        .map(|c| Arc::new(cluster(c, releases, to, sla_days)))
        .collect();
    combine(sla_days, per_cluster)
}

/// The exposure of one cluster's pools: the part of [`summarise`] that depends on that
/// cluster alone (the projection cache keeps it per cluster).
pub fn cluster(
    c: &ClusterProjection,
    releases: &[Release],
    to: DateTime<Utc>,
    sla_days: u32,
) -> ClusterExposure {
    let sla_minutes = i64::from(sla_days) * 1440;
    let mut typicals = Vec::with_capacity(c.pools.len());
    let mut pools = Vec::with_capacity(c.pools.len());
    for p in c.pools.iter() {
        let mut s = Samples::default();
        s.values.reserve_exact(p.patches.len());
        for rec in &p.patches {
            let Some(release) = releases.get(rec.release as usize) else {
                continue;
            };
            match rec.state {
                PatchState::Patched(at) => {
                    // Patched is never before publication: available ≥ published and
                    // upgrades start no earlier than availability.
                    s.values
                        .push((minutes_between(release.published, at), false));
                }
                PatchState::NotWithinHorizon => {
                    let bound = minutes_between(release.published, to);
                    if bound > sla_minutes {
                        s.values.push((bound, true));
                    } else {
                        s.pending += 1;
                    }
                }
                PatchState::AksDetermined => s.aks_determined += 1,
            }
        }
        let stats = s.stats(sla_minutes, s.median());
        typicals.extend(stats.typical_minutes);
        pools.push(PoolExposure {
            cluster: c.name.clone(),
            pool: p.name.clone(),
            stats,
        });
    }
    let pools_missing_sla = pools
        .iter()
        .filter(|p| p.stats.misses_sla)
        .map(|p| format!("{}/{}", p.cluster, p.pool))
        .collect();
    ClusterExposure {
        cluster: c.name.clone(),
        stats: fold(
            pools.iter().map(|p| &p.stats),
            sla_minutes,
            lower_median(&mut typicals),
        ),
        pools,
        pools_missing_sla,
    }
}

/// The fleet's exposure from its clusters' ([`cluster`], with the same `sla_days`): the fleet
/// counts are the clusters' summed, its worst their worst, its typical the median of every
/// pool's typical, so no sample is visited again.
pub fn combine(sla_days: u32, clusters: Vec<Arc<ClusterExposure>>) -> FleetExposure {
    let sla_minutes = i64::from(sla_days) * 1440;
    let mut typicals = Vec::new();
    let mut missing = Vec::new();
    for c in &clusters {
        typicals.extend(c.pools.iter().filter_map(|p| p.stats.typical_minutes));
        missing.extend_from_slice(&c.pools_missing_sla);
    }
    let fleet = fold(
        clusters.iter().map(|c| &c.stats),
        sla_minutes,
        lower_median(&mut typicals),
    );
    FleetExposure {
        sla_days,
        fleet,
        clusters,
        pools_missing_sla: missing,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::super::HORIZON_WEEKS;
    use super::super::project;
    use super::*;
    use crate::rules::demo::demo_plan;

    #[test]
    fn lower_median_takes_the_lower_middle_value() {
        let cases: [(&[i64], Option<i64>); 4] = [
            (&[], None),
            (&[7], Some(7)),
            (&[9, 1, 5], Some(5)),
            (&[4, 1, 3, 2], Some(2)),
        ];
        for (values, want) in cases {
            assert_eq!(lower_median(&mut values.to_vec()), want, "{values:?}");
        }
    }

    #[test]
    fn cluster_and_fleet_typicals_are_medians_of_their_pools_typicals() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let e = project(&demo_plan(), now, HORIZON_WEEKS).exposure;
        let mut all = Vec::new();
        for c in &e.clusters {
            let mut pools: Vec<i64> = c
                .pools
                .iter()
                .filter_map(|p| p.stats.typical_minutes)
                .collect();
            all.extend_from_slice(&pools);
            assert_eq!(
                c.stats.typical_minutes,
                lower_median(&mut pools),
                "{}",
                c.cluster
            );
        }
        assert_eq!(e.fleet.typical_minutes, lower_median(&mut all));
        // The fleet figures folded from the clusters' equal those taken from every pool.
        let pools: Vec<&PoolExposure> = e.clusters.iter().flat_map(|c| &c.pools).collect();
        let missing: Vec<String> = pools
            .iter()
            .filter(|p| p.stats.misses_sla)
            .map(|p| format!("{}/{}", p.cluster, p.pool))
            .collect();
        assert_eq!(e.pools_missing_sla, missing);
        assert!(!missing.is_empty(), "the demo plan has pools over the SLA");
        let counted: u32 = pools.iter().map(|p| p.stats.counted).sum();
        assert_eq!(e.fleet.counted, counted);
        let worst = pools.iter().filter_map(|p| p.stats.worst_minutes).max();
        assert_eq!(e.fleet.worst_minutes, worst);
        // So the fleet figure lies within the clusters' (the review found 2.1 d beside
        // clusters at 7.4, 2.0 and 11.9 d: a median over samples, led by the busiest pool).
        let clusters: Vec<i64> = e
            .clusters
            .iter()
            .filter_map(|c| c.stats.typical_minutes)
            .collect();
        let fleet = e.fleet.typical_minutes.unwrap();
        assert!(clusters.iter().min().unwrap() <= &fleet);
        assert!(clusters.iter().max().unwrap() >= &fleet);
    }

    #[test]
    fn a_pool_with_many_releases_counts_once_in_the_typical() {
        // One pool patched 10 times within a day, two pools at 10 days once each: the median
        // over samples would be 1 day; over pools it is 10 days.
        let mut busy = Samples::default();
        busy.values.extend([(1_440, false); 10]);
        let slow = Samples {
            values: vec![(14_400, false)],
            ..Samples::default()
        };
        let mut typicals: Vec<i64> = [&busy, &slow, &slow]
            .iter()
            .filter_map(|s| s.median())
            .collect();
        let mut pooled = Samples::default();
        for s in [&busy, &slow, &slow] {
            pooled.values.extend_from_slice(&s.values);
        }
        assert_eq!(pooled.median(), Some(1_440));
        assert_eq!(lower_median(&mut typicals), Some(14_400));
    }

    proptest::proptest! {
        #[test]
        fn a_group_folded_from_its_members_equals_all_their_samples_together(
            members in proptest::collection::vec(
                (proptest::collection::vec((0i64..20_000, proptest::bool::ANY), 0..8), 0u32..3, 0u32..3),
                0..6,
            ),
            sla_days in 0u32..10,
        ) {
            let sla = i64::from(sla_days) * 1440;
            let mut all = Samples::default();
            let mut stats = Vec::new();
            for (values, pending, aks) in members {
                let s = Samples { values, pending, aks_determined: aks };
                stats.push(s.stats(sla, s.median()));
                all.values.extend_from_slice(&s.values);
                all.pending += s.pending;
                all.aks_determined += s.aks_determined;
            }
            proptest::prop_assert_eq!(fold(&stats, sla, Some(7)), all.stats(sla, Some(7)));
        }
    }
}
