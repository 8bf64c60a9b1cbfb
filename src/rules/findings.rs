//! Findings: what is wrong or worth knowing about a plan, why (the AKS rule and its doc), and
//! how to fix it. The UI lists them live and focuses [`FieldPath::dom_id`] on click; the CLI's
//! `check` prints them.

use serde::Serialize;

use super::plan::Plan;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

    /// The id of the input the UI renders for this field: `c{i}-p{j}-{field}`, `c{i}-{config}-{field}`
    /// or `c{i}-{field}`, with dots replaced by dashes.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub title: &'static str,
    pub url: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Every finding for a plan, errors first, then warnings, then notes, in plan order.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let _ = plan;
    Vec::new()
}
