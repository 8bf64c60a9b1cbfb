//! The app's per-edit caches (issue 11, "Scale") against the plain computations they stand in
//! for: after any sequence of edits of generated plans, `FindingsCache::all` equals
//! `findings::merge(findings::check_at(..), project(..).findings)` and
//! `ProjectionCache::project` equals `project`, an edit of one cluster checks and projects
//! only that cluster again, and removing, duplicating or moving a cluster checks and projects
//! no other.

mod common;

use chrono::{DateTime, Utc};
use planner::rules::edit::{self, Direction};
use planner::rules::findings::{
    self,
    cache::{FindingsCache, Projected},
};
use planner::rules::plan::Plan;
use planner::rules::projection::cache::ProjectionCache;
use planner::rules::projection::{HORIZON_WEEKS, project};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    "2026-11-24T09:00:00Z".parse().unwrap()
}

/// One edit of the plan: what it does to cluster `k % len` (and another, `j % len`).
#[derive(Debug, Clone)]
enum Step {
    /// The name of another cluster (a duplicate), or a new one.
    Rename(usize, Option<usize>),
    /// The subscription of another cluster (shared windows and quota).
    Subscription(usize, usize),
    Remove(usize),
    Duplicate(usize),
    MoveDown(usize),
    SlaDays(u32),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<usize>(), proptest::option::of(any::<usize>()))
            .prop_map(|(k, j)| Step::Rename(k, j)),
        (any::<usize>(), any::<usize>()).prop_map(|(k, j)| Step::Subscription(k, j)),
        any::<usize>().prop_map(Step::Remove),
        any::<usize>().prop_map(Step::Duplicate),
        any::<usize>().prop_map(Step::MoveDown),
        (0u32..30).prop_map(Step::SlaDays),
    ]
}

/// Applies `step`; returns how many clusters it changed (`None`: it may change all, or, for
/// an assumption, every cluster's checks).
fn apply(plan: &mut Plan, step: &Step) -> Option<usize> {
    let len = plan.clusters.len();
    if len == 0 {
        return Some(0);
    }
    match *step {
        // Another cluster's name comes with its resource group, so that duplicate names (the
        // findings cache's name index) come and go; its subscription by `Subscription`.
        Step::Rename(k, j) => {
            let (name, group) = j.map_or_else(
                || ("renamed".to_owned(), None),
                |j| {
                    let other = &plan.clusters[j % len];
                    (other.name.clone(), Some(other.resource_group.clone()))
                },
            );
            edit::rename_cluster(plan, k % len, name).unwrap();
            if let Some(group) = group {
                plan.clusters[k % len].resource_group = group;
            }
            Some(1)
        }
        Step::Subscription(k, j) => {
            plan.clusters[k % len].subscription = plan.clusters[j % len].subscription.clone();
            Some(1)
        }
        // Clusters an edit shifts or moves are found by pointer: nothing but a new copy is
        // checked or projected again.
        Step::Remove(k) => {
            edit::remove_cluster(plan, k % len).unwrap();
            Some(0)
        }
        Step::Duplicate(k) => {
            edit::duplicate_cluster(plan, k % len).unwrap();
            Some(1)
        }
        Step::MoveDown(k) => {
            edit::move_cluster(plan, k % len, Direction::Down).ok();
            Some(0)
        }
        Step::SlaDays(days) => {
            plan.assumptions.projection.exposure_sla_days = days;
            None
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn the_caches_equal_the_plain_computations_after_any_edits(
        plan in common::plan(5, "[a-z]{1,6}"),
        steps in proptest::collection::vec(step(), 1..6),
    ) {
        let mut plan = plan;
        let mut findings_cache = FindingsCache::default();
        let mut projection_cache = ProjectionCache::default();
        for k in 0..=steps.len() {
            let changed = match k.checked_sub(1) {
                Some(i) => apply(&mut plan, &steps[i]),
                None => None,
            };
            let projection = project(&plan, now(), HORIZON_WEEKS);
            let cached = projection_cache.project(&plan, now(), HORIZON_WEEKS);
            prop_assert_eq!(&cached, &projection, "projection after {:?}", &steps[..k]);
            let want = findings::merge(findings::check_at(&plan, Some(now())), &projection.findings);
            let got: Vec<_> = findings_cache
                .all(&plan, Some(now()), Projected { findings: &cached.findings, quota: Some(&cached.quota) })
                .iter()
                .map(|f| (**f).clone())
                .collect();
            prop_assert_eq!(got, want, "findings after {:?}", &steps[..k]);
            if let Some(Step::SlaDays(_)) = k.checked_sub(1).map(|i| &steps[i]) {
                // The SLA is read by the summaries only: no cluster is projected again.
                prop_assert_eq!(projection_cache.projected(), 0);
            }
            if let Some(changed) = changed {
                prop_assert!(
                    findings_cache.rechecked() as usize <= changed,
                    "{} clusters checked again after {:?}",
                    findings_cache.rechecked(),
                    &steps[..k]
                );
                prop_assert!(
                    projection_cache.projected() as usize <= changed,
                    "{} clusters projected again after {:?}",
                    projection_cache.projected(),
                    &steps[..k]
                );
            }
        }
    }
}
