//! Exposure: for every projected release, the time from its publication to each pool running
//! it; typical (median) and worst per pool, cluster and fleet, against the user's SLA
//! (issue 4 "Exposure"; releases per aks-rules.md §1.3).
//!
//! A release a pool does not run by the end of the horizon counts with a lower bound
//! (horizon end − publication) once that bound already exceeds the SLA; before that it is
//! "pending" and left out, so a short horizon does not make anything look better or worse.
//! AKS-determined times (no window) are counted separately, never guessed.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::release::Release;
use super::timeline::{ClusterProjection, PatchState};

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
    /// Median minutes (lower median).
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetExposure {
    pub sla_days: u32,
    pub fleet: ExposureStats,
    pub clusters: Vec<ClusterExposure>,
    /// `cluster/pool` of every pool whose worst exposure exceeds the SLA.
    pub pools_missing_sla: Vec<String>,
}

/// Accumulates samples, then turns them into [`ExposureStats`].
#[derive(Debug, Default)]
struct Samples {
    values: Vec<(i64, bool)>,
    pending: u32,
    aks_determined: u32,
}

impl Samples {
    fn extend(&mut self, other: &Samples) {
        self.values.extend_from_slice(&other.values);
        self.pending += other.pending;
        self.aks_determined += other.aks_determined;
    }

    fn stats(&self, sla_minutes: i64) -> ExposureStats {
        let mut minutes: Vec<i64> = self.values.iter().map(|v| v.0).collect();
        let worst = self
            .values
            .iter()
            .copied()
            .max_by_key(|&(m, lower)| (m, lower));
        let typical = if minutes.is_empty() {
            None
        } else {
            let mid = (minutes.len() - 1) / 2;
            Some(*minutes.select_nth_unstable(mid).1)
        };
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

/// Whole minutes from `a` to `b`, never negative. Plain timestamp arithmetic: this runs for
/// every pool × release on every edit.
fn minutes_between(a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
    (b.timestamp() - a.timestamp()).max(0) / 60
}

/// Exposure of every pool, cluster and the fleet.
pub fn summarise(
    clusters: &[ClusterProjection],
    releases: &[Release],
    to: DateTime<Utc>,
    sla_days: u32,
) -> FleetExposure {
    let sla_minutes = i64::from(sla_days) * 1440;
    let mut fleet = Samples::default();
    let mut out_clusters = Vec::with_capacity(clusters.len());
    let mut missing = Vec::new();
    for c in clusters {
        let mut cluster = Samples::default();
        let mut pools = Vec::with_capacity(c.pools.len());
        for p in &c.pools {
            let mut s = Samples::default();
            for rec in &p.patches {
                let Some(release) = releases.get(rec.release as usize) else {
                    continue;
                };
                match rec.state {
                    PatchState::Patched(at) => {
                        // Patched is never before publication: available ≥ published and
                        // upgrades start no earlier than availability.
                        s.values
                            .push(((at - release.published).num_minutes().max(0), false));
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
            let stats = s.stats(sla_minutes);
            if stats.misses_sla {
                missing.push(format!("{}/{}", c.name, p.name));
            }
            cluster.extend(&s);
            pools.push(PoolExposure {
                cluster: c.name.clone(),
                pool: p.name.clone(),
                stats,
            });
        }
        fleet.extend(&cluster);
        out_clusters.push(ClusterExposure {
            cluster: c.name.clone(),
            stats: cluster.stats(sla_minutes),
            pools,
        });
    }
    FleetExposure {
        sla_days,
        fleet: fleet.stats(sla_minutes),
        clusters: out_clusters,
        pools_missing_sla: missing,
    }
}
