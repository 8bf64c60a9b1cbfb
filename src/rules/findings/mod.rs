//! Findings: what is wrong or worth knowing about a plan, why (the AKS rule and its doc), and
//! how to fix it. The UI lists them live and focuses [`FieldPath::dom_id`] on click; the CLI's
//! `check` prints them.
//!
//! Rules live in one file per family ([`FAMILIES`]); each is a `fn(&Plan) -> Vec<Finding>` that
//! walks the plan in order. [`check`] runs every family and sorts the result. Every rule has a
//! stable kebab-case code (tests and pipelines match on it) and cites its docs/aks-rules.md
//! section.

mod assumptions;
pub mod cache;
mod changes;
mod channels;
mod drain;
mod duplicates;
mod kubernetes_support;
mod names;
pub mod os_lifecycle;
pub mod os_support;
mod pools;
mod quota;
mod tags;
mod upgrade_settings;
pub mod values;
pub mod windows;

#[cfg(test)]
pub(crate) mod testkit;

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::cluster::Cluster;
use super::maintenance;
use super::plan::Plan;
use super::pool::AgentPool;
use super::projection;
/// The finding type and its field names and sources are a leaf (`crate::rules::finding`) that
/// the projection and the exports use too; re-exported here for callers.
pub use crate::rules::finding::{FieldPath, Finding, Severity, Source, fields, sources};

/// A rule family: every finding of one kind for a whole plan, in plan order.
pub type Family = fn(&Plan) -> Vec<Finding>;

/// The rule families [`check`] runs, in this order. Maintenance-window rules ([`windows`]) are
/// appended per cluster by [`check_at`].
pub const FAMILIES: &[Family] = &[
    names::findings,
    tags::findings,
    pools::findings,
    channels::findings,
    os_support::findings,
    changes::findings,
    upgrade_settings::findings,
    drain::findings,
    assumptions::findings,
    quota::findings,
    values::findings,
];

/// Every finding for a plan: errors first, then warnings, then notes; within a severity in plan
/// order (plan-wide, then cluster by cluster, each cluster before its pools, pools in order),
/// then in [`FAMILIES`] order. Deterministic: the same plan always gives the same list.
pub fn check(plan: &Plan) -> Vec<Finding> {
    check_at(plan, None)
}

/// [`check`] plus the findings that depend on the current instant (a `startDate` in the past,
/// windows overlapping in the coming weeks). `now` is a parameter: the core never reads a clock.
pub fn check_at(plan: &Plan, now: Option<DateTime<Utc>>) -> Vec<Finding> {
    let mut found: Vec<Finding> = FAMILIES.iter().flat_map(|family| family(plan)).collect();
    // OS SKU retirements are dated: relative to `now` (docs/aks-2026.md §1.1).
    found.extend(os_lifecycle::findings(plan, now));
    found.extend(kubernetes_support::findings(plan, now));
    found.extend(maintenance_windows(plan, now));
    sort(&mut found);
    found
}

/// Maintenance-window findings (docs/aks-rules.md §3) need the plan's recurrence readings and,
/// for some, "now"; they are per cluster rather than a plain family.
fn maintenance_windows(plan: &Plan, now: Option<DateTime<Utc>>) -> Vec<Finding> {
    let mut found = Vec::new();
    for (index, cluster) in plan.clusters.iter().enumerate() {
        found.extend(windows::findings(
            index,
            cluster,
            now,
            plan.assumptions.recurrence,
        ));
        // Applied at `now`, a configuration whose next window starts within 30 minutes may
        // miss it (docs/aks-rules.md §3.6).
        if let Some(now) = now {
            found.extend(
                maintenance::ConfigName::ALL
                    .into_iter()
                    .filter_map(|config| {
                        windows::change_lead_time(
                            index,
                            cluster,
                            config,
                            now,
                            plan.assumptions.recurrence,
                        )
                    }),
            );
        }
    }
    found
}

/// Every finding of the plan at `now`, of every family: the plan checks ([`check_at`]) and the
/// findings of the projection over [`projection::HORIZON_WEEKS`] (upgrade length, exposure,
/// fleet). This is the one list the app's Findings panel, `aks-planner check` and `project`
/// and the Markdown review show.
pub fn all(plan: &Plan, now: DateTime<Utc>) -> Vec<Finding> {
    let projected = projection::project(plan, now, projection::HORIZON_WEEKS);
    merge(check_at(plan, Some(now)), &projected.findings)
}

/// The plan checks `checked` (from [`check_at`]) and a projection's findings as one list,
/// in [`check`]'s order: callers that already hold a projection use this instead of [`all`].
pub fn merge(mut checked: Vec<Finding>, projected: &[Arc<Finding>]) -> Vec<Finding> {
    checked.extend(projected.iter().map(|f| Finding::clone(f)));
    sort(&mut checked);
    checked
}

/// Errors first, then warnings, then notes; within a severity in plan order. Stable, so the
/// order of the families is kept among findings at one place.
fn sort(found: &mut [Finding]) {
    crate::rules::stable_sort::sort_by_key(found, |f| (f.severity, f.path.cluster, f.path.pool));
}

impl FieldPath {
    /// A cluster-level field, e.g. [`fields::RESOURCE_GROUP`].
    pub fn cluster(index: usize, cluster: &Cluster, field: &str) -> FieldPath {
        FieldPath {
            cluster: Some(index),
            cluster_name: Some(cluster.name.clone()),
            pool: None,
            pool_name: None,
            config: None,
            field: field.to_owned(),
        }
    }

    /// A field of the pool at `pool_index` in the cluster at `cluster_index`.
    pub fn pool(
        cluster_index: usize,
        cluster: &Cluster,
        pool_index: usize,
        pool: &AgentPool,
        field: &str,
    ) -> FieldPath {
        FieldPath {
            pool: Some(pool_index),
            pool_name: Some(pool.name.clone()),
            ..FieldPath::cluster(cluster_index, cluster, field)
        }
    }

    /// A field of a maintenance configuration (`default`, `aksManagedNodeOSUpgradeSchedule`,
    /// …) of a cluster, e.g. `maintenanceWindow.durationHours`.
    pub fn config(index: usize, cluster: &Cluster, config: &str, field: &str) -> FieldPath {
        FieldPath {
            config: Some(config.to_owned()),
            ..FieldPath::cluster(index, cluster, field)
        }
    }
}

/// Calls `f` for every cluster with its index, collecting what it returns.
fn per_cluster(plan: &Plan, f: impl Fn(usize, &Cluster, &mut Vec<Finding>)) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ci, cluster) in plan.clusters.iter().enumerate() {
        f(ci, cluster, &mut out);
    }
    out
}

/// Calls `f` for every pool of every cluster, in plan order.
fn per_pool(
    plan: &Plan,
    f: impl Fn(usize, &Cluster, usize, &AgentPool, &mut Vec<Finding>),
) -> Vec<Finding> {
    per_cluster(plan, |ci, cluster, out| {
        for (pi, pool) in cluster.agent_pool_profiles.iter().enumerate() {
            f(ci, cluster, pi, pool, out);
        }
    })
}

#[cfg(test)]
mod tests;
