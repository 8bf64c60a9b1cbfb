//! The duplicate-cluster-name check of a big fleet, kept across edits (issue 11, "Scale"):
//! each cluster's ARM name ([`names::arm_key`]) is indexed once, and an edit of a few clusters
//! moves only their entries, so renaming one cluster no longer lowercases and compares every
//! cluster's name. Exact: the same findings as [`names::duplicate_clusters`] (tested below, and
//! by the findings cache's tests against `check_at`).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::super::cluster::Cluster;
use super::super::plan::Plan;
use super::Finding;
use super::names::{self, ArmKey};

/// Every cluster's ARM name, with the clusters that share one.
#[derive(Debug, Clone, Default)]
pub(super) struct DuplicateNames {
    /// By cluster index: the cluster as indexed (kept, so a pointer seen here cannot be a later
    /// cluster's) and its ARM name.
    clusters: Vec<(Arc<Cluster>, Option<ArmKey>)>,
    /// Each ARM name with the indexes of its clusters, ascending (none for a name every cluster
    /// left since the index was made from scratch).
    by_name: BTreeMap<ArmKey, Vec<usize>>,
    /// The names more than one cluster has (a few: a list, not one more kind of set compiled
    /// into the browser module).
    shared: Vec<ArmKey>,
}

impl DuplicateNames {
    /// The findings of [`names::duplicate_clusters`]`(plan)`, by name rather than in cluster
    /// order (the findings are sorted by cluster later).
    pub(super) fn findings(&mut self, plan: &Plan) -> Vec<Finding> {
        self.update(plan);
        let mut out = Vec::new();
        for name in &self.shared {
            if let Some([first, rest @ ..]) = self.by_name.get(name).map(Vec::as_slice) {
                for &ci in rest {
                    if let Some(c) = plan.clusters.get(ci) {
                        out.push(names::duplicate_cluster(ci, c, *first));
                    }
                }
            }
        }
        out
    }

    /// Indexes `plan`'s clusters: again from scratch when clusters were added, removed or most
    /// of them changed, else only those changed in place.
    fn update(&mut self, plan: &Plan) {
        let arcs = plan.clusters.arcs();
        let changed: Vec<usize> = if arcs.len() == self.clusters.len() {
            (self.clusters.iter().zip(arcs).enumerate())
                .filter(|(_, ((was, _), now))| !Arc::ptr_eq(was, now))
                .map(|(i, _)| i)
                .collect()
        } else {
            (0..arcs.len()).collect()
        };
        if changed.len() == arcs.len() {
            *self = DuplicateNames::default();
        }
        for i in changed {
            let Some(cluster) = arcs.get(i) else { continue };
            if let Some((_, Some(old))) = self.clusters.get(i).cloned() {
                self.leave(&old, i);
            }
            let key = names::arm_key(cluster);
            if let Some(key) = &key {
                self.join(key, i);
            }
            let entry = (Arc::clone(cluster), key);
            match self.clusters.get_mut(i) {
                Some(slot) => *slot = entry,
                None => self.clusters.push(entry),
            }
        }
    }

    fn join(&mut self, name: &ArmKey, i: usize) {
        let members = self.by_name.entry(name.clone()).or_default();
        let at = members.partition_point(|&m| m < i);
        members.insert(at, i);
        if members.len() == 2 {
            self.shared.push(name.clone());
        }
    }

    fn leave(&mut self, name: &ArmKey, i: usize) {
        let Some(members) = self.by_name.get_mut(name) else {
            return;
        };
        members.retain(|&m| m != i);
        // A name left without clusters keeps its (empty) entry until the next index from
        // scratch: removing map entries would compile the map's removal code into the browser
        // module for this alone.
        if members.len() == 1 {
            self.shared.retain(|n| n != name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::fleet;
    use crate::rules::edit;

    fn sorted(mut found: Vec<Finding>) -> Vec<Finding> {
        crate::rules::stable_sort::sort_by_key(&mut found, |f| f.path.cluster);
        found
    }

    /// Gives cluster `to` the subscription and resource group of cluster `from` (the bench
    /// fleet gives every cluster its own resource group), and `name`.
    fn place(p: &mut Plan, to: usize, from: usize, name: &str) {
        let (sub, rg) = (
            p.clusters[from].subscription.clone(),
            p.clusters[from].resource_group.clone(),
        );
        let c = &mut p.clusters[to];
        (c.subscription, c.resource_group, c.name) = (sub, rg, name.to_owned());
    }

    #[test]
    fn kept_across_edits_it_finds_what_the_rule_finds() {
        let mut plan = fleet(12);
        let mut kept = DuplicateNames::default();
        type Edit = fn(&mut Plan);
        // With how many duplicate findings the plain rule answers after each edit: the test
        // must see duplicates come and go, not only their absence.
        let edits: [(Edit, usize); 12] = [
            (|_| {}, 0),
            // Two, then three clusters of one ARM name (case differs).
            (|p| place(p, 4, 1, "AKS-001"), 1),
            (|p| place(p, 9, 1, "aks-001"), 2),
            // One of them edited elsewhere than its name: a new pointer, the same name.
            (
                |p| p.clusters[9].kubernetes_version = "1.34.1".parse().ok(),
                2,
            ),
            // The first renamed away: the other two still share it; then back.
            (|p| p.clusters[1].name = "unique".into(), 1),
            (|p| p.clusters[1].name = "aks-001".into(), 2),
            // Another subscription is another name.
            (|p| p.clusters[9].subscription = "elsewhere".into(), 1),
            // A second shared name beside the first.
            (|p| place(p, 7, 2, "aks-002"), 2),
            // An empty name is never a duplicate.
            (
                |p| {
                    p.clusters[4].name = String::new();
                    p.clusters[7].name = String::new();
                },
                0,
            ),
            (|p| place(p, 3, 1, "Aks-001"), 1),
            // Removing one shifts the rest (indexed again); a copy given its original's name
            // (inserted after it: the rest shift again) is one more duplicate.
            (
                |p| {
                    edit::remove_cluster(p, 0).unwrap();
                },
                1,
            ),
            (
                |p| {
                    edit::duplicate_cluster(p, 4).unwrap();
                    p.clusters[5].name = p.clusters[4].name.clone();
                },
                2,
            ),
        ];
        for (k, (change, duplicates)) in edits.into_iter().enumerate() {
            change(&mut plan);
            let want = names::duplicate_clusters(&plan);
            assert_eq!(want.len(), duplicates, "the rule after edit {k}");
            assert_eq!(sorted(kept.findings(&plan)), want, "after edit {k}");
        }
    }
}
