//! The projection engine (issue 4): turn channels + windows + surge settings into a projected
//! timeline per cluster and pool, with exposure, cost, fleet checks and findings. Everything
//! returned is plain data, so the app's timeline and panels and the CLI render the same thing.
//!
//! # Where to start
//! [`project`] is the entry point. [`release`] models what is published when (§1.3),
//! [`duration`] the surge arithmetic (§4.2–4.3), [`timeline`] places upgrades into windows
//! (§3.6–3.7), [`kubernetes`] adds the cluster auto-upgrade channel's Kubernetes upgrades
//! (§2), then [`exposure`], [`cost`], [`quota`], [`fleet`] and [`findings`] summarise.
//! [`compare::compare_channels`] runs one cluster under all four channels.

pub mod assumption_edit;
pub mod cache;
pub mod compare;
pub mod cost;
pub mod duration;
pub mod exposure;
pub mod findings;
pub mod fleet;
pub mod kubernetes;
mod placement;
pub mod quota;
pub mod release;
pub mod timeline;
#[cfg(test)]
mod timeline_tests;
mod unmanaged;
pub mod vmsize;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::cluster::Cluster;
use super::finding::Finding;
use super::plan::Plan;

pub use crate::rules::assumptions::ProjectionAssumptions;
/// The plan's projection inputs live with the plan (`crate::rules::assumptions`); this path
/// is kept for callers.
pub use crate::rules::assumptions::projection as assumptions;
/// The figures' formats live in `crate::rules::figures`; kept here for callers.
pub use crate::rules::figures::{format_days, format_duration, format_money};
pub use timeline::{
    ClusterProjection, EventKind, PatchRecord, PatchState, PoolEvent, PoolProjection, Scheduling,
    WindowSlot,
};

/// Weeks the planner projects by default (the timeline, `check`, the findings): half a year.
pub const HORIZON_WEEKS: u32 = 26;

/// Minutes in an average month (365.25 × 24 × 60 / 12), for per-month figures.
pub const MONTH_MINUTES: i64 = 43_830;

/// The whole projection of a plan over `[from, to)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Projection {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Every projected release; events and patch records point into this list by index.
    pub releases: Vec<release::Release>,
    pub clusters: Vec<Arc<ClusterProjection>>,
    pub exposure: exposure::FleetExposure,
    pub costs: cost::CostSummary,
    pub fleet: fleet::FleetChecks,
    /// Extra regional vCPUs per VM family while pools surge (§4.2). Shared: it depends on no
    /// step timing, so the projection cache keeps it across the edits that change none of its
    /// inputs.
    pub quota: Arc<quota::SurgeQuota>,
    /// Shared with the per-cluster parts the projection cache keeps.
    pub findings: Vec<Arc<Finding>>,
}

impl Projection {
    /// Length of the horizon in minutes.
    pub fn horizon_minutes(&self) -> i64 {
        (self.to - self.from).num_minutes()
    }
}

/// Projects `plan` from `from` for `weeks` weeks, using `plan.assumptions.projection`.
pub fn project(plan: &Plan, from: DateTime<Utc>, weeks: u32) -> Projection {
    let to = from + Duration::weeks(i64::from(weeks));
    let releases = timeline::Releases::new(&plan.assumptions.projection, from, to);
    let clusters: Vec<Arc<ClusterProjection>> = plan
        .clusters
        .iter()
        .enumerate()
        .map(|(i, c)| Arc::new(timeline::project_cluster(i, c, plan, &releases, from, to)))
        .collect();
    let exposure = exposure::summarise(
        &clusters,
        &releases.all,
        to,
        plan.assumptions.projection.exposure_sla_days,
    );
    let mut sizes = vmsize::VmSizes::new(&plan.assumptions.projection.costs);
    let parts: Vec<ClusterParts> = (clusters.iter().zip(&plan.clusters))
        .zip(&exposure.clusters)
        .map(|((c, spec), ce)| {
            ClusterParts::of(plan, (c, spec, ce), (to - from).num_minutes(), &mut sizes)
        })
        .collect();
    summarise(
        plan,
        (from, to),
        releases,
        (clusters, exposure, &parts.iter().collect::<Vec<_>>()),
        (
            Arc::new(quota::summarise(plan)),
            &mut fleet::FleetMemo::default(),
        ),
    )
}

/// One cluster's findings and cost: the parts of the fleet's summaries that the projection
/// cache keeps per cluster (a cluster an edit left alone keeps them, shared).
#[derive(Debug, Clone)]
struct ClusterParts {
    findings: Arc<findings::ClusterFindings>,
    costs: Arc<cost::ClusterCosts>,
}

impl ClusterParts {
    /// The parts of projected cluster `c` of the plan's `spec`, with its exposure `ce`, over a
    /// horizon of `horizon` minutes.
    fn of(
        plan: &Plan,
        (c, spec, ce): (&ClusterProjection, &Cluster, &exposure::ClusterExposure),
        horizon: i64,
        sizes: &mut vmsize::VmSizes,
    ) -> Self {
        let sla_days = plan.assumptions.projection.exposure_sla_days;
        ClusterParts {
            findings: Arc::new(findings::cluster(plan, (c, spec), (ce, sla_days), sizes)),
            costs: Arc::new(cost::cluster(plan, c, horizon, sizes)),
        }
    }
}

/// The projection of `plan` over `[from, to)` from its projected `clusters`, their
/// `exposure` ([`exposure::summarise`]), each one's [`ClusterParts`] and its surge `quota`
/// ([`quota::summarise`]): fleet checks (`fleet`: a new memo computes them, the cache's keeps
/// what an edit left standing), cost and findings (shared by [`project`] and
/// [`cache::ProjectionCache`]).
fn summarise(
    plan: &Plan,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    releases: timeline::Releases,
    (clusters, exposure, parts): (
        Vec<Arc<ClusterProjection>>,
        exposure::FleetExposure,
        &[&ClusterParts],
    ),
    (quota, memo): (Arc<quota::SurgeQuota>, &mut fleet::FleetMemo),
) -> Projection {
    // One concrete iterator type each (a slice, not a generic parameter): `summarise` and the
    // two `combine`s are compiled once for `project` and the cache alike (bundle size).
    let costs = cost::combine(plan, parts.iter().map(|p| &*p.costs));
    let fleet = memo.check(
        plan,
        &clusters,
        &releases.all,
        plan.assumptions.projection.ring_soak_hours,
    );
    let findings = findings::combine(
        plan,
        parts.iter().map(|p| &*p.findings),
        &clusters,
        (&fleet, &mut memo.findings),
    );
    Projection {
        from,
        to,
        releases: releases.all,
        clusters,
        exposure,
        costs,
        fleet,
        quota,
        findings,
    }
}
