//! The fleet checks of a projection, and what they were made of, kept while what they read
//! stands (issue 11, "Scale"): the window collisions read each cluster's subscription and
//! window starts, the ring order each cluster's ring and patches. A step timing moves every
//! patch but no window, and a rename changes neither (the projection cache keeps a renamed
//! cluster's windows and pools, `cache`), so those edits no longer sort and group every
//! cluster's windows again, nor fold every patch record; the names are put in afresh each
//! time. A new memo computes everything (`project` uses one per call); the projection cache's
//! tests and `tests/incremental.rs` compare the cache's, kept across edits, with that.

use std::sync::Arc;

use super::super::super::plan::Plan;
use super::super::release::Release;
use super::super::timeline::{ClusterProjection, PoolProjection, WindowSlot};
use super::{Collision, FleetChecks, RingStagger, RingViolation, assemble, collisions, ring_of};

/// What the collisions were found in: each cluster's subscription and windows (kept, so a
/// pointer seen here cannot be a later cluster's).
type Schedules = Vec<(String, Arc<[WindowSlot]>)>;

/// What the ring order was made of: each cluster's ring and pools, the release count and the
/// soak.
#[derive(Debug, Clone, Default)]
struct RingInputs {
    rings: Vec<Option<u32>>,
    pools: Vec<Arc<[PoolProjection]>>,
    releases: usize,
    soak_hours: u32,
}

/// The ring order's violations and suggested staggers.
type RingOrder = (Vec<RingViolation>, Vec<RingStagger>);

#[derive(Debug, Clone, Default)]
pub struct FleetMemo {
    collisions: Option<(Schedules, Vec<Collision>)>,
    ring_order: Option<(RingInputs, RingOrder)>,
    /// The collisions' findings (`projection::findings::combine` keeps and renews them).
    pub(in crate::rules::projection) findings: super::super::findings::KeptCollisions,
}

/// The same slice, by pointer first; by value otherwise (a cluster projected again, or the
/// empty windows of a cluster without any).
fn same<T: PartialEq>(a: &Arc<[T]>, b: &Arc<[T]>) -> bool {
    Arc::ptr_eq(a, b) || a[..] == b[..]
}

impl FleetMemo {
    /// The fleet checks of `clusters` (projected from `plan`, over `releases`), reusing the last
    /// call's collisions and ring order when what they read is unchanged.
    pub fn check(
        &mut self,
        plan: &Plan,
        clusters: &[Arc<ClusterProjection>],
        releases: &[Release],
        ring_soak_hours: u32,
    ) -> FleetChecks {
        let rings: Vec<Option<u32>> = plan.clusters.iter().map(ring_of).collect();
        let found: &[Collision] = match &mut self.collisions {
            Some((last, found))
                if last.len() == clusters.len()
                    && last
                        .iter()
                        .zip(clusters)
                        .all(|((sub, w), c)| *sub == c.subscription && same(w, &c.windows)) =>
            {
                found
            }
            slot => {
                let schedules = clusters
                    .iter()
                    .map(|c| (c.subscription.clone(), Arc::clone(&c.windows)))
                    .collect();
                &slot.insert((schedules, collisions(clusters))).1
            }
        };
        let order = match &mut self.ring_order {
            Some((last, order))
                if last.releases == releases.len()
                    && last.soak_hours == ring_soak_hours
                    && last.rings == rings
                    && last.pools.len() == clusters.len()
                    && last
                        .pools
                        .iter()
                        .zip(clusters)
                        .all(|(p, c)| same(p, &c.pools)) =>
            {
                order
            }
            slot => {
                let inputs = RingInputs {
                    rings: rings.clone(),
                    pools: clusters.iter().map(|c| Arc::clone(&c.pools)).collect(),
                    releases: releases.len(),
                    soak_hours: ring_soak_hours,
                };
                let order = super::ring_order(&rings, clusters, releases.len(), ring_soak_hours);
                &slot.insert((inputs, order)).1
            }
        };
        assemble(plan, clusters, &rings, found, order.clone())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::super::super::HORIZON_WEEKS;
    use super::super::super::cache::ProjectionCache;
    use super::*;
    use crate::rules::demo::fleet;

    /// Where the memo's two parts are stored: the same address after an edit means kept.
    fn parts(cache: &ProjectionCache) -> (*const Collision, *const RingViolation) {
        let memo = cache.fleet_memo();
        (
            memo.collisions
                .as_ref()
                .map_or(std::ptr::null(), |c| c.1.as_ptr()),
            memo.ring_order
                .as_ref()
                .map_or(std::ptr::null(), |r| r.1.0.as_ptr()),
        )
    }

    #[test]
    fn a_step_timing_keeps_the_collisions_and_a_rename_keeps_both() {
        // 60 clusters: sub = i % 10 and hour = i % 24 repeat every 120, so give some the same
        // window and subscription to have collisions to keep.
        let mut plan = fleet(60);
        for i in [12, 24, 36] {
            plan.clusters[i].maintenance_configurations =
                plan.clusters[0].maintenance_configurations.clone();
            plan.clusters[i].subscription = plan.clusters[0].subscription.clone();
        }
        let now = Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap();
        let mut cache = ProjectionCache::default();
        let first = cache.project(&plan, now, HORIZON_WEEKS);
        assert!(
            !first.fleet.collisions.is_empty(),
            "the plan has collisions"
        );
        assert!(
            !first.fleet.ring_violations.is_empty(),
            "the plan has ring violations"
        );
        // A step timing moves the patches: the ring order is made again.
        let (collisions, _) = parts(&cache);

        plan.assumptions.projection.timings.drain_minutes += 7;
        let timed = cache.project(&plan, now, HORIZON_WEEKS);
        assert_eq!(
            timed,
            super::super::super::project(&plan, now, HORIZON_WEEKS)
        );
        assert_eq!(
            parts(&cache).0,
            collisions,
            "a step timing found the collisions again"
        );
        let order = parts(&cache).1;

        plan.clusters[24].name = "renamed".into();
        let renamed = cache.project(&plan, now, HORIZON_WEEKS);
        assert_eq!(
            renamed,
            super::super::super::project(&plan, now, HORIZON_WEEKS)
        );
        assert!(
            renamed
                .fleet
                .collisions
                .iter()
                .any(|c| c.clusters.iter().any(|n| n == "renamed")),
            "the collisions name the renamed cluster"
        );
        assert_eq!(
            parts(&cache),
            (collisions, order),
            "a rename made the fleet checks again"
        );
    }
}
