//! What an export covers: "now" ([`ExportTime`]), and which clusters of the scope are exported.
//! Errors are scoped to what is exported ([`gate`]): a cluster with an Error finding is left out
//! of a whole-plan export and named with its errors ([`Skipped`]); alone, it exports nothing
//! but its errors.

use chrono::{DateTime, NaiveDate, Utc};

use super::{ExportError, Scope, midnight, select};
use crate::rules::cluster::Cluster;
use crate::rules::findings::{self, Finding, Severity};
use crate::rules::plan::Plan;

/// The instant an export is made ("now"): a past `startDate` moves to the first planned window
/// on or after it, and the calendar leaves out windows that ended before it. A date alone
/// stands for 00:00 UTC of that date. The header dates the export with its UTC date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportTime(pub DateTime<Utc>);

impl ExportTime {
    /// The UTC date of the export, for headers.
    pub fn date(self) -> NaiveDate {
        self.0.date_naive()
    }
}

impl From<NaiveDate> for ExportTime {
    fn from(today: NaiveDate) -> Self {
        ExportTime(midnight(today))
    }
}

impl From<DateTime<Utc>> for ExportTime {
    fn from(now: DateTime<Utc>) -> Self {
        ExportTime(now)
    }
}

/// A cluster a whole-plan export left out, and the errors why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub cluster: String,
    pub errors: Vec<Finding>,
}

impl Skipped {
    /// One line: the cluster and its errors' messages.
    pub fn summary(&self) -> String {
        let reasons: Vec<String> = self
            .errors
            .iter()
            .map(|f| format!("{} ({})", f.message, f.path.display()))
            .collect();
        format!(
            "cluster {} skipped, {} error(s): {}",
            self.cluster,
            self.errors.len(),
            reasons.join("; ")
        )
    }
}

/// An export's text and the clusters it skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub text: String,
    /// Clusters with errors that a whole-plan export left out (empty for a one-cluster export).
    pub skipped: Vec<Skipped>,
}

/// The clusters in `scope` that may be exported, and those skipped for their errors. Errors
/// are checked at `at`; plan-wide errors (no cluster) block everything.
pub(super) fn gate<'p>(
    plan: &'p Plan,
    scope: Scope<'_>,
    at: ExportTime,
) -> Result<(Vec<&'p Cluster>, Vec<Skipped>), ExportError> {
    let clusters = select(plan, scope)?;
    let errors: Vec<Finding> = findings::check_at(plan, Some(at.0))
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        return Ok((clusters, Vec::new()));
    }
    let plan_wide: Vec<Finding> = errors
        .iter()
        .filter(|f| f.path.cluster.is_none())
        .cloned()
        .collect();
    if !plan_wide.is_empty() {
        return Err(ExportError::PlanHasErrors(plan_wide));
    }
    let errors_of = |c: &Cluster| -> Vec<Finding> {
        let index = plan.clusters.iter().position(|p| std::ptr::eq(p, c));
        errors
            .iter()
            .filter(|f| f.path.cluster == index)
            .cloned()
            .collect()
    };
    if let Scope::Cluster(name) = scope {
        let own = clusters.first().map(|c| errors_of(c)).unwrap_or_default();
        return if own.is_empty() {
            Ok((clusters, Vec::new()))
        } else {
            Err(ExportError::ClusterHasErrors {
                cluster: name.to_owned(),
                errors: own,
            })
        };
    }
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    for c in clusters {
        let own = errors_of(c);
        if own.is_empty() {
            kept.push(c);
        } else {
            skipped.push(Skipped {
                cluster: c.name.clone(),
                errors: own,
            });
        }
    }
    if kept.is_empty() {
        return Err(ExportError::PlanHasErrors(errors));
    }
    Ok((kept, skipped))
}
