//! The plan the projection and the findings are made from (issue 11, "Scale"): the plan itself,
//! except after an edit that projects a big fleet again, which it follows a frame late.
//!
//! Projecting 2,000 clusters again (a bulk change of every cluster's channel, its undo, a step
//! timing) is 60 to 80 ms of the rule core in the browser: it cannot fit a frame, and it used to
//! hold back the paint of the edit itself (the changed fields, the list, the editor) until the
//! whole fleet was projected and checked. After such an edit the plan is painted first, with the
//! findings and the projection marked as updating (`aria-busy`, an "Updating…" note); they follow
//! in a task after that paint. An edit of a few clusters (a rename, one field) is projected at
//! once, as before: the caches make it a millisecond or two.
//!
//! Not a Web Worker: the findings and every panel need the whole projection on the main thread,
//! and copying it there per edit costs about what projecting it does (README "Fleets of 200 to
//! 2,000 clusters").

use leptos::prelude::*;

use crate::rules::changed;
use crate::rules::plan::Plan;

/// An edit that projects again at least this many clusters, in a plan of at least this many, is
/// projected after its paint: about what the rule core projects in a frame's budget in the
/// browser (16 ms at ~30 µs a cluster).
const FOLLOW_LATE_FROM: usize = 500;

/// The plan last projected and checked, and whether a newer one is waiting for it.
#[derive(Clone, Copy)]
pub struct Checked {
    plan: RwSignal<Plan>,
    updating: RwSignal<bool>,
    /// Counts publications, so that a late follow-up a newer edit overtook does nothing.
    published: StoredValue<u64>,
}

impl Checked {
    pub fn new(initial: Plan) -> Self {
        Checked {
            plan: RwSignal::new(initial),
            updating: RwSignal::new(false),
            published: StoredValue::new(0),
        }
    }

    /// The plan the projection and the findings are made from.
    pub fn plan(&self) -> ReadSignal<Plan> {
        self.plan.read_only()
    }

    /// True from an edit that is projected late until its projection is made.
    pub fn updating(&self) -> ReadSignal<bool> {
        self.updating.read_only()
    }

    /// Follows `next`, which replaces `before` as the plan (read later from `latest`): at once,
    /// or, when the edit projects many clusters again, after the next paint.
    pub fn follow(&self, before: &Plan, next: &Plan, latest: ReadSignal<Plan>) {
        let published = self.published.get_value().wrapping_add(1);
        self.published.set_value(published);
        let (plan, updating, current) = (self.plan, self.updating, self.published);
        if projects_many(before, next) {
            if !updating.get_untracked() {
                updating.set(true);
            }
            crate::ui::later::after_paint(move || {
                crate::ui::work::painted_before_projection();
                // A later edit published its own plan (at once, or late after this one).
                if current.try_get_value() == Some(published) {
                    plan.set(latest.get_untracked());
                    updating.set(false);
                }
            });
        } else {
            plan.set(next.clone());
            if updating.get_untracked() {
                updating.set(false);
            }
        }
    }
}

/// Whether going from `before` to `next` projects at least [`FOLLOW_LATE_FROM`] clusters again:
/// every cluster when a shared input (an assumption, the time zone) changed, else the clusters
/// given a new value. Only when every index still names the same cluster
/// (`changed::in_place`): an edit that adds, removes, moves or renames clusters is projected
/// at once (the caches find the moved ones by pointer), so that the clusters the findings name
/// by index are the plan's, also in the frame between an edit and its projection. A plan
/// adopted from another tab counts every cluster as changed (new copies, by pointer): it is
/// projected late, and the cache then finds the unchanged ones by value.
fn projects_many(before: &Plan, next: &Plan) -> bool {
    if next.clusters.len() < FOLLOW_LATE_FROM {
        return false;
    }
    changed::in_place(before, next).is_some_and(|changed| {
        changed >= FOLLOW_LATE_FROM
            || before.assumptions != next.assumptions
            || before.time_zone != next.time_zone
    })
}
