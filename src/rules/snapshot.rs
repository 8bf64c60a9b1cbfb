//! A plan as the undo history keeps it: clusters behind shared pointers, so a snapshot shares
//! every cluster an edit did not change with the snapshot before it. 200 undo steps of a
//! 2,000-cluster plan then hold the changed clusters plus 200 lists of pointers, instead of 200
//! whole copies of the plan.
//!
//! Invariant: `Snapshot::new(plan, like).plan() == plan` for any `like`: sharing is an
//! optimisation that never changes what comes back.

use std::sync::Arc;

use super::plan::Plan;

#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The plan; its clusters are shared (`rules::clusters`).
    plan: Plan,
}

impl Snapshot {
    /// Keeps `plan`. A plan made by editing a copy already shares its unchanged clusters; a
    /// plan built anew (a share link, another tab's save) is made to share each cluster equal
    /// to one of `like`'s (the same position first, else the same name, so adding, removing
    /// and moving clusters keep the sharing).
    pub fn new(mut plan: Plan, like: Option<&Snapshot>) -> Self {
        if let Some(like) = like {
            plan.clusters.share_equal(&like.plan.clusters);
        }
        Snapshot { plan }
    }

    /// The plan this snapshot keeps (a copy of its cluster pointers, not of its clusters).
    pub fn plan(&self) -> Plan {
        self.plan.clone()
    }

    /// How many clusters this snapshot shares with `other` (the same memory, not a copy).
    pub fn shared_with(&self, other: &Snapshot) -> usize {
        let others: std::collections::HashSet<*const _> =
            other.plan.clusters.arcs().iter().map(Arc::as_ptr).collect();
        self.plan
            .clusters
            .arcs()
            .iter()
            .filter(|c| others.contains(&Arc::as_ptr(c)))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::fleet;
    use crate::rules::edit::{self, Direction};

    #[test]
    fn an_edit_shares_every_cluster_it_did_not_change_and_gives_back_the_same_plan() {
        let first = fleet(50);
        let a = Snapshot::new(first.clone(), None);
        assert_eq!(a.plan(), first);

        let mut renamed = first.clone();
        renamed.clusters[7].name = "renamed".into();
        let b = Snapshot::new(renamed.clone(), Some(&a));
        assert_eq!(b.plan(), renamed);
        assert_eq!(b.shared_with(&a), 49);

        // Removing and moving clusters shift positions: sharing follows the names.
        let mut removed = renamed.clone();
        removed.clusters.remove(0);
        let c = Snapshot::new(removed.clone(), Some(&b));
        assert_eq!(c.plan(), removed);
        assert_eq!(c.shared_with(&b), 49);

        let mut moved = removed.clone();
        edit::move_cluster(&mut moved, 3, Direction::Up).expect("moves");
        let d = Snapshot::new(moved.clone(), Some(&c));
        assert_eq!(d.plan(), moved);
        assert_eq!(d.shared_with(&c), 49);

        // A plan-level change (its name) shares every cluster.
        let mut named = moved.clone();
        named.name = "fleet".into();
        let e = Snapshot::new(named.clone(), Some(&d));
        assert_eq!(e.plan(), named);
        assert_eq!(e.shared_with(&d), 49);

        // A plan read anew (another tab's save, a share link) shares what it holds unchanged.
        let (read, _) = Plan::from_json(&named.to_json()).expect("reads back");
        assert_eq!(Snapshot::new(read.clone(), None).shared_with(&e), 0);
        let f = Snapshot::new(read.clone(), Some(&e));
        assert_eq!(f.plan(), read);
        assert_eq!(f.shared_with(&e), 49);

        // Read anew with one cluster renamed in place: the others are shared by position (the
        // renamed one is not looked up by name); with two clusters swapped as well, by name.
        let (mut one, _) = Plan::from_json(&named.to_json()).expect("reads back");
        one.clusters[10].name = "renamed again".into();
        let g = Snapshot::new(one.clone(), Some(&f));
        assert_eq!(g.plan(), one);
        assert_eq!(g.shared_with(&f), 48);
        let (mut swapped, _) = Plan::from_json(&one.to_json()).expect("reads back");
        swapped.clusters.swap(20, 21);
        let h = Snapshot::new(swapped.clone(), Some(&g));
        assert_eq!(h.plan(), swapped);
        assert_eq!(h.shared_with(&g), 49);
    }
}
