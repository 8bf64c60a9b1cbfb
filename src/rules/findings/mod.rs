//! Findings: what is wrong or worth knowing about a plan, why (the AKS rule and its doc), and
//! how to fix it. The UI lists them live and focuses [`FieldPath::dom_id`] on click; the CLI's
//! `check` prints them.
//!
//! Rules live in one file per family ([`FAMILIES`]); each is a `fn(&Plan) -> Vec<Finding>` that
//! walks the plan in order. [`check`] runs every family and sorts the result. Every rule has a
//! stable kebab-case code (tests and pipelines match on it) and cites its aks-rules.md section.

mod assumptions;
mod changes;
mod channels;
mod drain;
pub mod fields;
mod kubernetes_support;
mod names;
pub mod os_lifecycle;
pub mod os_support;
mod pools;
mod quota;
pub mod sources;
mod tags;
mod upgrade_settings;

#[cfg(test)]
pub(crate) mod testkit;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::cluster::Cluster;
use super::maintenance;
use super::plan::Plan;
use super::pool::AgentPool;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// AKS rejects it, or it cannot work: blocks export.
    Error,
    /// Works, but probably not as intended.
    Warning,
    /// Worth knowing, including every assumption the planner makes.
    Note,
}

/// Where a finding points: a cluster, optionally a pool or maintenance configuration, and the
/// JSON field name (`upgradeSettings.maxSurge`, `autoUpgradeProfile.nodeOSUpgradeChannel`, …).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldPath {
    pub cluster: Option<usize>,
    pub cluster_name: Option<String>,
    pub pool: Option<usize>,
    pub pool_name: Option<String>,
    pub config: Option<String>,
    pub field: String,
}

impl FieldPath {
    /// A human path such as `aks-prod/win1/upgradeSettings.maxSurge`.
    pub fn display(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(c) = &self.cluster_name {
            parts.push(c);
        }
        if let Some(p) = &self.pool_name {
            parts.push(p);
        }
        if let Some(c) = &self.config {
            parts.push(c);
        }
        if !self.field.is_empty() {
            parts.push(&self.field);
        }
        parts.join("/")
    }

    /// The id of the input the UI renders for this field: `c{i}-p{j}-{field}`,
    /// `c{i}-{config}-{field}` or `c{i}-{field}`, with dots replaced by dashes.
    pub fn dom_id(&self) -> String {
        let mut id = String::new();
        if let Some(c) = self.cluster {
            id.push_str(&format!("c{c}-"));
        }
        if let Some(p) = self.pool {
            id.push_str(&format!("p{p}-"));
        }
        if let Some(cfg) = &self.config {
            id.push_str(cfg);
            id.push('-');
        }
        id.push_str(&self.field.replace('.', "-"));
        id
    }
}

/// A documentation link backing a rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Source {
    pub title: &'static str,
    pub url: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable kebab-case identifier, e.g. `securitypatch-unsupported-os`.
    pub code: &'static str,
    pub path: FieldPath,
    /// What is wrong, with the offending value.
    pub message: String,
    /// Why: the AKS rule.
    pub why: String,
    /// How to fix it.
    pub fix: String,
    pub source: Source,
}

/// A rule family: every finding of one kind for a whole plan, in plan order.
pub type Family = fn(&Plan) -> Vec<Finding>;

/// The rule families [`check`] runs, in this order. Maintenance-window rules
/// (`super::maintenance`) are appended here by their owner: `super::maintenance::findings`.
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
    // Maintenance-window findings (aks-rules.md §3) need the plan's recurrence readings and,
    // for some, "now"; they are per cluster rather than a plain family.
    for (index, cluster) in plan.clusters.iter().enumerate() {
        found.extend(maintenance::findings(
            index,
            cluster,
            now,
            plan.assumptions.recurrence,
        ));
        // Applied at `now`, a configuration whose next window starts within 30 minutes may
        // miss it (aks-rules.md §3.6).
        if let Some(now) = now {
            found.extend(
                maintenance::ConfigName::ALL
                    .into_iter()
                    .filter_map(|config| {
                        maintenance::change_lead_time(
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
    // A stable sort keeps family order among findings at the same place.
    crate::rules::stable_sort::sort_by_key(&mut found, |f| {
        (f.severity, f.path.cluster, f.path.pool)
    });
    found
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

impl Finding {
    /// A finding with empty texts; fill them with [`Finding::message`], [`Finding::why`] and
    /// [`Finding::fix`] (a property test checks no finding leaves one empty).
    pub fn new(severity: Severity, code: &'static str, path: FieldPath, source: Source) -> Self {
        Finding {
            severity,
            code,
            path,
            message: String::new(),
            why: String::new(),
            fix: String::new(),
            source,
        }
    }

    pub fn error(code: &'static str, path: FieldPath, source: Source) -> Self {
        Finding::new(Severity::Error, code, path, source)
    }

    pub fn warning(code: &'static str, path: FieldPath, source: Source) -> Self {
        Finding::new(Severity::Warning, code, path, source)
    }

    pub fn note(code: &'static str, path: FieldPath, source: Source) -> Self {
        Finding::new(Severity::Note, code, path, source)
    }

    /// What is wrong, with the offending value.
    #[must_use]
    pub fn message(mut self, text: impl Into<String>) -> Self {
        self.message = text.into();
        self
    }

    /// The AKS rule behind it.
    #[must_use]
    pub fn why(mut self, text: impl Into<String>) -> Self {
        self.why = text.into();
        self
    }

    /// What to change.
    #[must_use]
    pub fn fix(mut self, text: impl Into<String>) -> Self {
        self.fix = text.into();
        self
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
