//! Exports: a plan as `az` scripts (bash, PowerShell), Bicep, Terraform, an `.ics` calendar of
//! its maintenance windows and a Markdown review summary (issue 5, docs/aks-rules.md §5).
//!
//! Invariants:
//! - Errors are scoped to what is exported. A cluster with an Error finding is never exported:
//!   a one-cluster export of it exports nothing but its errors
//!   ([`ExportError::ClusterHasErrors`]); a whole-plan export skips it and says which clusters
//!   it skipped and why, in the output's header and in [`Exported::skipped`]. A plan-wide error,
//!   or errors in every cluster, export nothing ([`ExportError::PlanHasErrors`]). The Markdown
//!   review is the exception, it is where the errors are listed. The calendar is gated too: a
//!   window with an out-of-range value has no meaningful dates.
//! - Every `az` command targets its cluster's subscription (`--subscription`), and the scripts
//!   check they can see every subscription before they change anything.
//! - Every value that reaches a command or document goes through [`quote`].
//! - Output is deterministic: same plan, same `today`, same text.

mod az;
mod bash;
mod bicep;
pub mod cli_version;
pub mod ics;
mod markdown;
mod pwsh;
pub mod quote;
mod scope;
mod skeleton;
mod terraform;

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};

pub use az::{Arg, AzCommand, ClusterScript, Script, Step, window_config_json, window_for_export};
pub use cli_version::{CliFeature, CliVersion, ExportSettings};
pub use markdown::{
    Context as MarkdownContext, SECTIONS as MARKDOWN_SECTIONS, Section as MarkdownSection,
};
use scope::gate;
pub use scope::{ExportTime, Exported, Skipped};

use super::cluster::Cluster;
use super::findings::Finding;
use super::maintenance::describe::{describe, describe_legacy};
use super::maintenance::{ConfigName, DefaultConfig, MaintenanceConfigurations};
use super::plan::Plan;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// A bash script of `az` commands (`.sh`).
    Az,
    /// The same commands for PowerShell (`.ps1`).
    Pwsh,
    Bicep,
    Terraform,
    /// An RFC 5545 calendar of the next [`ics::DEFAULT_WEEKS`] weeks of windows (`.ics`).
    Ics,
    /// The design-review summary.
    Markdown,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Az,
        ExportFormat::Pwsh,
        ExportFormat::Bicep,
        ExportFormat::Terraform,
        ExportFormat::Ics,
        ExportFormat::Markdown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Az => "az",
            ExportFormat::Pwsh => "pwsh",
            ExportFormat::Bicep => "bicep",
            ExportFormat::Terraform => "terraform",
            ExportFormat::Ics => "ics",
            ExportFormat::Markdown => "markdown",
        }
    }

    /// The usual file extension, for downloads.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Az => "sh",
            ExportFormat::Pwsh => "ps1",
            ExportFormat::Bicep => "bicep",
            ExportFormat::Terraform => "tf",
            ExportFormat::Ics => "ics",
            ExportFormat::Markdown => "md",
        }
    }

    /// Whether the output changes Azure when run or deployed.
    pub fn applies_changes(self) -> bool {
        !matches!(self, ExportFormat::Markdown | ExportFormat::Ics)
    }

    /// Whether a plan with errors exports nothing in this format: everything but the review
    /// summary, which is where the errors are listed.
    pub fn needs_error_free_plan(self) -> bool {
        self != ExportFormat::Markdown
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ExportFormat {
    type Err = ExportError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ExportError::UnknownFormat(s.to_owned()))
    }
}

/// Weeks the review summary projects and the calendar covers by default: half a year.
pub const PROJECTION_WEEKS: u32 = 26;

/// The whole plan, or one cluster of it (the UI's per-cluster "copy"), by name, or by
/// [`Cluster::qualified_name`] where clusters share a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    Plan,
    Cluster(&'a str),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("the plan has {} error(s) and exports nothing until they are fixed:\n{}", .0.len(), list_errors(.0))]
    PlanHasErrors(Vec<Finding>),
    #[error("cluster {cluster} has {} error(s) and exports nothing until they are fixed:\n{}", .errors.len(), list_errors(.errors))]
    ClusterHasErrors {
        cluster: String,
        errors: Vec<Finding>,
    },
    #[error("no cluster named {0:?} in the plan")]
    UnknownCluster(String),
    #[error("{} clusters are named {name:?}: name one as SUBSCRIPTION/RESOURCE_GROUP/NAME: {}", .choices.len(), .choices.join(", "))]
    AmbiguousCluster { name: String, choices: Vec<String> },
    #[error("unknown export format {0:?}: use az, pwsh, bicep, terraform, ics or markdown")]
    UnknownFormat(String),
    #[error(
        "{scope} has no maintenance window in the next {weeks} weeks, so there is nothing to put in a calendar: add a maintenance configuration (e.g. aksManagedNodeOSUpgradeSchedule) or a longer horizon"
    )]
    NoWindows { scope: String, weeks: u32 },
    #[error(
        "{what} {value:?} contains a NUL character, which no command line can carry: remove it"
    )]
    Nul { what: &'static str, value: String },
}

fn list_errors(errors: &[Finding]) -> String {
    errors
        .iter()
        .map(|f| {
            format!(
                "  error[{}] {}: {} (fix: {})",
                f.code,
                f.path.display(),
                f.message,
                f.fix
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Exports `plan` (or one cluster) in `format` at `at` ("now", see [`ExportTime`]).
pub fn export(
    plan: &Plan,
    format: ExportFormat,
    scope: Scope<'_>,
    at: impl Into<ExportTime>,
) -> Result<String, ExportError> {
    export_report(plan, format, scope, at).map(|e| e.text)
}

/// [`export`], with the clusters a whole-plan export skipped for their errors.
pub fn export_report(
    plan: &Plan,
    format: ExportFormat,
    scope: Scope<'_>,
    at: impl Into<ExportTime>,
) -> Result<Exported, ExportError> {
    let at = at.into();
    let (clusters, skipped) = admitted(plan, format, scope, at)?;
    let text = render(plan, format, &clusters, &skipped, at)?;
    Ok(Exported { text, skipped })
}

/// What [`export_report`] would leave out of `scope` for their errors, or why it would export
/// nothing, without rendering the text: the findings gate and the scope alone. The browser app
/// shows this at once and renders the text in its exports worker (README "Performance").
pub fn check(
    plan: &Plan,
    format: ExportFormat,
    scope: Scope<'_>,
    at: impl Into<ExportTime>,
) -> Result<Vec<Skipped>, ExportError> {
    admitted(plan, format, scope, at.into()).map(|(_, skipped)| skipped)
}

/// The clusters of `scope` an export in `format` covers and those it skips: every format but
/// the review summary goes through the findings [`gate`].
fn admitted<'p>(
    plan: &'p Plan,
    format: ExportFormat,
    scope: Scope<'_>,
    at: ExportTime,
) -> Result<(Vec<&'p Cluster>, Vec<Skipped>), ExportError> {
    if format.needs_error_free_plan() {
        gate(plan, scope, at)
    } else {
        Ok((select(plan, scope)?, Vec::new()))
    }
}

/// The `.ics` calendar of `weeks` weeks of windows from `at` (1 to [`ics::MAX_WEEKS`];
/// [`export`] with [`ExportFormat::Ics`] uses [`ics::DEFAULT_WEEKS`]).
pub fn calendar(
    plan: &Plan,
    scope: Scope<'_>,
    at: impl Into<ExportTime>,
    weeks: u32,
) -> Result<String, ExportError> {
    calendar_report(plan, scope, at, weeks).map(|e| e.text)
}

/// [`calendar`], with the clusters a whole-plan calendar skipped for their errors.
pub fn calendar_report(
    plan: &Plan,
    scope: Scope<'_>,
    at: impl Into<ExportTime>,
    weeks: u32,
) -> Result<Exported, ExportError> {
    let at = at.into();
    let (clusters, skipped) = gate(plan, scope, at)?;
    reject_nul(plan, &clusters)?;
    let text = ics::render(plan, &clusters, &skipped, at.0, weeks)?;
    Ok(Exported { text, skipped })
}

/// [`export`] without the findings gate: for tests that feed hostile values on purpose and
/// for previews that say they are not applicable. Never offer its output as a script to run.
pub fn render_unchecked(
    plan: &Plan,
    format: ExportFormat,
    scope: Scope<'_>,
    at: impl Into<ExportTime>,
) -> Result<String, ExportError> {
    let clusters = select(plan, scope)?;
    render(plan, format, &clusters, &[], at.into())
}

fn render(
    plan: &Plan,
    format: ExportFormat,
    clusters: &[&Cluster],
    skipped: &[Skipped],
    at: ExportTime,
) -> Result<String, ExportError> {
    reject_nul(plan, clusters)?;
    let target = plan.assumptions.export.target_cli;
    let options = plan.assumptions.recurrence;
    let meta = Meta {
        plan_name: &plan.name,
        today: at.date(),
        skipped,
    };
    Ok(match format {
        ExportFormat::Az => bash::render(&meta, &az::build(clusters, target, at.0, options)),
        ExportFormat::Pwsh => pwsh::render(&meta, &az::build(clusters, target, at.0, options)),
        ExportFormat::Bicep => bicep::render(&meta, clusters, When { now: at.0, options }),
        ExportFormat::Terraform => terraform::render(&meta, clusters, When { now: at.0, options }),
        ExportFormat::Ics => ics::render(plan, clusters, skipped, at.0, ics::DEFAULT_WEEKS)?,
        ExportFormat::Markdown => markdown::render(plan, clusters, at.0),
    })
}

/// The `az` command model behind the bash and PowerShell exports (no findings gate), e.g. to
/// check what a script will run.
pub fn script_unchecked(
    plan: &Plan,
    scope: Scope<'_>,
    at: impl Into<ExportTime>,
) -> Result<Script, ExportError> {
    let clusters = select(plan, scope)?;
    reject_nul(plan, &clusters)?;
    Ok(az::build(
        &clusters,
        plan.assumptions.export.target_cli,
        at.into().0,
        plan.assumptions.recurrence,
    ))
}

/// The instant and recurrence readings a window is exported with (see [`window_for_export`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct When {
    pub now: DateTime<Utc>,
    pub options: crate::rules::maintenance::recurrence::RecurrenceOptions,
}

/// The distinct (subscription, resource group) scopes of `clusters`, in first-use order.
fn deployment_scopes<'c>(clusters: &[&'c Cluster]) -> Vec<(&'c str, &'c str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    for c in clusters {
        let scope = (c.subscription.as_str(), c.resource_group.as_str());
        if !out.contains(&scope) {
            out.push(scope);
        }
    }
    out
}

/// What every rendering's header says: the plan, the date, the clusters skipped.
pub(crate) struct Meta<'a> {
    pub plan_name: &'a str,
    pub today: NaiveDate,
    pub skipped: &'a [Skipped],
}

/// The clusters in scope, in apply order: by the `ring` tag (missing = after all rings), then
/// plan order (the tag orders rollouts, see [`Cluster::tags`]).
pub fn apply_order(plan: &Plan) -> Vec<&Cluster> {
    let mut clusters: Vec<&Cluster> = plan.clusters.iter().collect();
    crate::rules::stable_sort::sort_by_key(&mut clusters, |c| {
        c.tags
            .get("ring")
            .and_then(|r| r.trim().parse::<u32>().ok())
            .unwrap_or(u32::MAX)
    });
    clusters
}

/// The key [`Scope::Cluster`] selects cluster `index` by: its name, or its
/// [`Cluster::qualified_name`] when another cluster has the same name.
pub fn cluster_key(plan: &Plan, index: usize) -> Option<String> {
    let c = plan.clusters.get(index)?;
    let shared = plan.clusters.iter().filter(|o| o.name == c.name).count() > 1;
    Some(if shared {
        c.qualified_name()
    } else {
        c.name.clone()
    })
}

fn select<'p>(plan: &'p Plan, scope: Scope<'_>) -> Result<Vec<&'p Cluster>, ExportError> {
    match scope {
        Scope::Plan => Ok(apply_order(plan)),
        // By name; a name several clusters share needs SUBSCRIPTION/RESOURCE_GROUP/NAME.
        Scope::Cluster(key) => {
            let named: Vec<&Cluster> = plan.clusters.iter().filter(|c| c.name == key).collect();
            match named.as_slice() {
                [one] => Ok(vec![*one]),
                [] => plan
                    .clusters
                    .iter()
                    .find(|c| c.qualified_name() == key)
                    .map(|c| vec![c])
                    .ok_or_else(|| ExportError::UnknownCluster(key.to_owned())),
                several => Err(ExportError::AmbiguousCluster {
                    name: key.to_owned(),
                    choices: several.iter().map(|c| c.qualified_name()).collect(),
                }),
            }
        }
    }
}

fn reject_nul(plan: &Plan, clusters: &[&Cluster]) -> Result<(), ExportError> {
    let nul = |what, value: &str| {
        if quote::has_nul(value) {
            Err(ExportError::Nul {
                what,
                value: value.to_owned(),
            })
        } else {
            Ok(())
        }
    };
    nul("plan name", &plan.name)?;
    for c in clusters {
        nul("cluster name", &c.name)?;
        nul("resource group", &c.resource_group)?;
        nul("subscription", &c.subscription)?;
        nul("location", &c.location)?;
        for p in &c.agent_pool_profiles {
            nul("node pool name", &p.name)?;
            nul("VM size", &p.vm_size)?;
        }
    }
    Ok(())
}

/// `today` at 00:00 UTC: the instant date-relative findings are checked at.
fn midnight(today: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    today.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// The plain-English schedule of configuration `name` (the legacy `default` form included), or
/// `None` if the cluster has no such configuration.
fn schedule_description(cfgs: &MaintenanceConfigurations, name: ConfigName) -> Option<String> {
    match (name, &cfgs.default) {
        (ConfigName::Default, Some(DefaultConfig::Legacy { time_in_week, .. })) => {
            Some(describe_legacy(time_in_week))
        }
        _ => cfgs.window(name).map(describe),
    }
}

/// The header lines every export starts with (as comment text), including one line per
/// skipped cluster.
fn header(meta: &Meta<'_>, what: &str) -> Vec<String> {
    let name = if meta.plan_name.is_empty() {
        "(unnamed)"
    } else {
        meta.plan_name
    };
    let mut lines = vec![
        format!(
            "Generated by aks-planner on {}: {what} for plan {name}.",
            meta.today
        ),
        "Review before applying. Regenerate instead of editing by hand.".to_owned(),
    ];
    if !meta.skipped.is_empty() {
        lines.push(format!(
            "NOT EXPORTED: {} cluster(s) with errors, fix them and export again:",
            meta.skipped.len()
        ));
        lines.extend(meta.skipped.iter().map(|s| format!("  {}", s.summary())));
    }
    lines
}

/// The comment every export writes for a pool's `maxBlockedNodes`, which none applies: it is a
/// preview setting, not in the stable API 2026-08-01 that the Bicep/Terraform snippets target
/// at most, and `--max-blocked-nodes` is only in the aks-preview extension ≥ 18.0.0b9 (docs/aks-2026.md §1.4).
pub(crate) fn max_blocked_nodes_comment(pool: &crate::rules::pool::AgentPool) -> Option<String> {
    let value = pool.upgrade_settings.max_blocked_nodes?;
    Some(format!(
        "node pool {}: maxBlockedNodes {value} is NOT applied here: it is a preview setting (not in the stable AKS API). To set it, install the aks-preview extension 18.0.0b9 or later (az extension add --name aks-preview) and run az aks nodepool update --max-blocked-nodes {value} with --undrainable-node-behavior.",
        pool.name
    ))
}
