//! What an edit changed, for the app's per-cluster caches (`projection::cache`,
//! `findings::cache`, issue 11 "Scale"): the last result of a cluster found again after an edit
//! shifted or moved it ([`Moved`]: by its neighbours, then by pointer; a result not found is
//! made again), and a plan that changed nothing but its step timings ([`SameButTimings`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::cluster::Cluster;
use super::plan::Plan;

/// Finds, among the last call's per-cluster results, the one made for a cluster: at the same
/// index when the cluster there is unchanged, else by pointer (removing, adding or moving a
/// cluster shifts the others). The pointers are those of the results' own clusters, which the
/// results keep alive, so a pointer cannot belong to a later cluster.
///
/// A miss looks at the neighbouring indexes first (removing or adding one cluster shifts the
/// rest by one, moving one swaps two). The first miss they do not explain is taken for a
/// cluster changed in place, so that an edit of one cluster (a rename) costs no map of every
/// cluster; from the second one the results are found by pointer wherever they are. A result
/// not found is made again: slower, never wrong.
pub struct Moved<'a, T> {
    old: &'a [T],
    cluster_of: fn(&T) -> &Arc<Cluster>,
    /// Whether a miss the neighbours did not explain was seen.
    missed: bool,
    /// Built on the second such miss.
    by_pointer: Option<BTreeMap<*const Cluster, usize>>,
}

impl<'a, T> Moved<'a, T> {
    pub fn new(old: &'a [T], cluster_of: fn(&T) -> &Arc<Cluster>) -> Self {
        Moved {
            old,
            cluster_of,
            missed: false,
            by_pointer: None,
        }
    }

    /// The result made for `cluster`, now at `index`, if there is one.
    pub fn find(&mut self, index: usize, cluster: &Arc<Cluster>) -> Option<&'a T> {
        // Arc's equality tries the pointer first: an unchanged cluster costs no compare.
        if let Some(entry) = self.old.get(index)
            && (self.cluster_of)(entry) == cluster
        {
            return Some(entry);
        }
        let (old, cluster_of) = (self.old, self.cluster_of);
        let near = [index.checked_add(1), index.checked_sub(1)];
        if let Some(entry) = (near.into_iter().flatten())
            .filter_map(|j| old.get(j))
            .find(|e| Arc::ptr_eq(cluster_of(e), cluster))
        {
            return Some(entry);
        }
        if !self.missed {
            self.missed = true;
            return None;
        }
        let map = self.by_pointer.get_or_insert_with(|| {
            // `extend`, not `collect()`: collecting into a map compiles a sort for its type
            // (bundle size).
            let mut map = BTreeMap::new();
            map.extend(
                old.iter()
                    .enumerate()
                    .map(|(j, e)| (Arc::as_ptr(cluster_of(e)), j)),
            );
            map
        });
        map.get(&Arc::as_ptr(cluster)).and_then(|&j| old.get(j))
    }
}

/// `new` is `old` renamed and nothing else (a rename keeps every result that does not carry
/// the name: the projection cache's windows and pools). Costs one copy of the cluster.
pub fn renamed_only(old: &Cluster, new: &Cluster) -> bool {
    old.name != new.name && {
        let mut same = old.clone();
        same.name.clone_from(&new.name);
        same == *new
    }
}

/// How many clusters `after` gave a new value in place, each still at its index under its
/// name (0: none); `None` when clusters were added, removed, moved or renamed (a cluster at an
/// index is then another one, or is named otherwise). Found by pointer, so a
/// cluster copied unchanged counts as changed. The app projects a big edit a frame late
/// (`ui::checked`) only when every index still names the same cluster.
pub fn in_place(before: &Plan, after: &Plan) -> Option<usize> {
    let (was, now) = (before.clusters.arcs(), after.clusters.arcs());
    if was.len() != now.len() {
        return None;
    }
    let mut changed = 0;
    for (a, b) in was.iter().zip(now) {
        if !Arc::ptr_eq(a, b) {
            if a.name != b.name {
                return None;
            }
            changed += 1;
        }
    }
    Some(changed)
}

/// A plan's clusters (by pointer) and the rest of it with the step timings left out: what a
/// result depends on when it reads no step timing (the surge quota, the fleet-wide checks), so
/// that a step-timing edit keeps it.
#[derive(Debug, Clone)]
pub struct SameButTimings {
    /// Kept (not their addresses), so a pointer seen here cannot be a later cluster's.
    clusters: Vec<Arc<Cluster>>,
    rest: Plan,
}

impl SameButTimings {
    pub fn of(plan: &Plan) -> Self {
        SameButTimings {
            clusters: plan.clusters.arcs().to_vec(),
            rest: Self::rest(plan),
        }
    }

    fn rest(plan: &Plan) -> Plan {
        let mut rest = plan.without_clusters();
        rest.assumptions.projection.timings = Default::default();
        rest
    }

    /// The clusters it was made of, in order.
    pub fn clusters(&self) -> &[Arc<Cluster>] {
        &self.clusters
    }

    /// `plan` differs from the one this was made of at most in its clusters and step timings.
    pub fn rest_matches(&self, plan: &Plan) -> bool {
        self.rest == Self::rest(plan)
    }

    /// `plan` differs from the one this was made of at most in its step timings.
    pub fn matches(&self, plan: &Plan) -> bool {
        self.clusters.len() == plan.clusters.len()
            && self
                .clusters
                .iter()
                .zip(plan.clusters.arcs())
                .all(|(a, b)| Arc::ptr_eq(a, b))
            && self.rest == Self::rest(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::fleet;
    use crate::rules::edit::{self, Direction};

    #[test]
    fn a_shifted_or_moved_cluster_is_found_and_a_new_one_is_not() {
        let mut plan = fleet(5);
        let before: Vec<Arc<Cluster>> = plan.clusters.arcs().to_vec();
        edit::remove_cluster(&mut plan, 0).unwrap();
        edit::move_cluster(&mut plan, 1, Direction::Down).unwrap();
        edit::add_cluster(&mut plan);
        let mut moved = Moved::new(&before, |c| c);
        // Cluster 1 is old cluster 3, two places away: the first miss the neighbours do not
        // explain is taken for a change in place (made again); every later one is found.
        let mut not_found = Vec::new();
        for (i, c) in plan.clusters.arcs().iter().enumerate() {
            let found = moved.find(i, c);
            match before.iter().position(|b| Arc::ptr_eq(b, c)) {
                Some(j) => match found {
                    Some(f) => assert!(Arc::ptr_eq(f, &before[j]), "cluster {i}"),
                    None => not_found.push(i),
                },
                None => assert!(found.is_none(), "cluster {i} is new"),
            }
        }
        assert_eq!(not_found, [1]);
    }

    /// `before` with cluster 3 renamed, with cluster 2 removed, and with cluster 4 moved up.
    fn renamed_removed_swapped(before: &Plan) -> [Plan; 3] {
        let mut renamed = before.clone();
        edit::rename_cluster(&mut renamed, 3, "other".to_owned()).unwrap();
        let mut removed = before.clone();
        edit::remove_cluster(&mut removed, 2).unwrap();
        let mut swapped = before.clone();
        edit::move_cluster(&mut swapped, 4, Direction::Up).unwrap();
        [renamed, removed, swapped]
    }

    #[test]
    fn one_cluster_changed_in_place_or_one_removed_is_found_without_a_map() {
        let before = fleet(6);
        for after in renamed_removed_swapped(&before) {
            let old = before.clusters.arcs();
            let mut moved = Moved::new(old, |c| c);
            for (i, c) in after.clusters.arcs().iter().enumerate() {
                let want = old.iter().find(|b| Arc::ptr_eq(b, c));
                assert_eq!(moved.find(i, c).map(Arc::as_ptr), want.map(Arc::as_ptr));
            }
            assert!(moved.by_pointer.is_none());
        }
    }

    #[test]
    fn in_place_counts_the_clusters_changed_where_they_are() {
        use crate::rules::bulk::{self, BulkChange};
        use crate::rules::channel::NodeOsChannel;
        let before = fleet(6);
        let all: Vec<usize> = (0..6).collect();
        // The plain count: clusters whose value differs at the same index under the same name.
        let count = |after: &Plan| {
            (before.clusters.iter().zip(after.clusters.iter()))
                .filter(|(a, b)| a != b)
                .count()
        };
        let mut bulk_change = before.clone();
        let unmanaged = BulkChange::NodeOsChannel(NodeOsChannel::Unmanaged);
        bulk::apply(&mut bulk_change, &all, &unmanaged).unwrap();
        assert!(count(&bulk_change) > 0);
        assert_eq!(in_place(&before, &bulk_change), Some(count(&bulk_change)));
        let mut timing = before.clone();
        timing.assumptions.projection.timings.drain_minutes = 41;
        assert_eq!(in_place(&before, &timing), Some(0), "no cluster changed");
        let mut added = before.clone();
        edit::add_cluster(&mut added);
        for after in renamed_removed_swapped(&before).into_iter().chain([added]) {
            assert_eq!(in_place(&before, &after), None);
        }
    }

    #[test]
    fn only_a_step_timing_keeps_the_plan_the_same() {
        let mut plan = fleet(3);
        let key = SameButTimings::of(&plan);
        plan.assumptions.projection.timings.drain_minutes = 41;
        assert!(key.matches(&plan));
        plan.assumptions.projection.exposure_sla_days = 3;
        assert!(!key.matches(&plan));
        let mut plan = fleet(3);
        edit::rename_cluster(&mut plan, 1, "other".to_owned()).unwrap();
        assert!(!key.matches(&plan));
    }
}
