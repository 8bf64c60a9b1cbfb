//! The finding: what is wrong or worth knowing about a plan, where (a [`FieldPath`] the UI can
//! focus), why (the AKS rule and its public [`Source`]) and how to fix it.
//!
//! A leaf: plain data that the rules producing findings (`crate::rules::findings`, the
//! projection) and the views showing them (exports, app, CLI) all share. It depends on nothing
//! else of ours, so every layer can use it without an import cycle (tests/architecture.rs).

mod code;
pub mod fields;
pub mod sources;

pub use code::{Basis, FindingCode, RETIRED, Rule};

use std::sync::Arc;

use serde::Serialize;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Source {
    pub title: &'static str,
    pub url: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable kebab-case identifier, e.g. `securitypatch-unsupported-os`.
    pub code: FindingCode,
    pub path: FieldPath,
    /// What is wrong, with the offending value.
    pub message: String,
    /// Why: the AKS rule.
    pub why: String,
    /// How to fix it.
    pub fix: String,
    pub source: Source,
}

impl Finding {
    /// A finding with empty texts; fill them with [`Finding::message`], [`Finding::why`] and
    /// [`Finding::fix`] (a property test checks no finding leaves one empty).
    pub fn new(severity: Severity, code: FindingCode, path: FieldPath, source: Source) -> Self {
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

    /// Whether the finding rests on the projection's estimates (step timings, release
    /// cadence) rather than on a rule and the plan's values: views label it "estimate".
    pub fn is_estimate(&self) -> bool {
        self.code.rule().basis == Basis::Estimate
    }

    /// `found` about cluster `index`: shared when it already is, else a copy re-pointed (a
    /// cluster an edit shifted keeps its findings; nothing else in them depends on its place).
    pub fn at_cluster(found: &Arc<Finding>, index: usize) -> Arc<Finding> {
        if found.path.cluster == Some(index) {
            return Arc::clone(found);
        }
        let mut moved = Finding::clone(found);
        moved.path.cluster = Some(index);
        Arc::new(moved)
    }

    pub fn error(code: FindingCode, path: FieldPath, source: Source) -> Self {
        Finding::new(Severity::Error, code, path, source)
    }

    pub fn warning(code: FindingCode, path: FieldPath, source: Source) -> Self {
        Finding::new(Severity::Warning, code, path, source)
    }

    pub fn note(code: FindingCode, path: FieldPath, source: Source) -> Self {
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
