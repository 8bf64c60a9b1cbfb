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

    #[test]
    fn kept_across_edits_it_finds_what_the_rule_finds() {
        let mut plan = fleet(12);
        let mut kept = DuplicateNames::default();
        type Edit = fn(&mut Plan);
        let edits: [Edit; 9] = [
            |_| {},
            // Three of one name (case differs), then one of them renamed away and back.
            |p| p.clusters[4].name = p.clusters[1].name.to_uppercase(),
            |p| p.clusters[9].name = p.clusters[1].name.clone(),
            |p| p.clusters[1].name = "unique".into(),
            |p| p.clusters[1].name = p.clusters[4].name.clone(),
            // Another subscription is another name; an empty name is never a duplicate.
            |p| p.clusters[9].subscription = "elsewhere".into(),
            |p| {
                p.clusters[2].name = String::new();
                p.clusters[3].name = String::new();
            },
            // Removing one shifts the rest: indexed again.
            |p| {
                edit::remove_cluster(p, 0).unwrap();
            },
            |p| {
                edit::duplicate_cluster(p, 5).unwrap();
            },
        ];
        for (k, change) in edits.into_iter().enumerate() {
            change(&mut plan);
            let want = names::duplicate_clusters(&plan);
            assert_eq!(sorted(kept.findings(&plan)), want, "after edit {k}");
        }
    }
}
