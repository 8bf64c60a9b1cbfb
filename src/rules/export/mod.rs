//! Exports: a plan as `az` scripts (bash, PowerShell), Bicep, Terraform, an `.ics` calendar of
//! its maintenance windows and a Markdown review summary (issue 5, docs/aks-rules.md §5).
//!
//! Invariants:
//! - A plan with an Error finding exports nothing but the list of errors ([`ExportError::PlanHasErrors`]);
//!   the Markdown review is the exception, it is where the errors are listed. The calendar is
//!   gated too: a window with an out-of-range value has no meaningful dates.
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
mod skeleton;
mod terraform;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

pub use az::{Arg, AzCommand, ClusterScript, Script, Step, window_config_json, window_for_export};
pub use cli_version::{CliFeature, CliVersion, ExportSettings};
pub use markdown::{
    Context as MarkdownContext, SECTIONS as MARKDOWN_SECTIONS, Section as MarkdownSection,
};

use super::cluster::Cluster;
use super::findings::{self, Finding, Severity};
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

/// The whole plan, or one cluster of it (the UI's per-cluster "copy").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    Plan,
    Cluster(&'a str),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("the plan has {} error(s) and exports nothing until they are fixed:\n{}", .0.len(), list_errors(.0))]
    PlanHasErrors(Vec<Finding>),
    #[error("no cluster named {0:?} in the plan")]
    UnknownCluster(String),
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

/// Exports `plan` (or one cluster) in `format`. `today` replaces past start dates and dates
/// the header; it is the user's local date.
pub fn export(
    plan: &Plan,
    format: ExportFormat,
    scope: Scope<'_>,
    today: NaiveDate,
) -> Result<String, ExportError> {
    if format.needs_error_free_plan() {
        refuse_errors(plan, today)?;
    }
    render_unchecked(plan, format, scope, today)
}

/// The `.ics` calendar of `weeks` weeks of windows from `today` 00:00 UTC (1 to
/// [`ics::MAX_WEEKS`]; [`export`] with [`ExportFormat::Ics`] uses [`ics::DEFAULT_WEEKS`]).
pub fn calendar(
    plan: &Plan,
    scope: Scope<'_>,
    today: NaiveDate,
    weeks: u32,
) -> Result<String, ExportError> {
    refuse_errors(plan, today)?;
    let clusters = select(plan, scope)?;
    reject_nul(plan, &clusters)?;
    ics::render(plan, &clusters, today, weeks)
}

fn refuse_errors(plan: &Plan, today: NaiveDate) -> Result<(), ExportError> {
    let errors: Vec<Finding> = findings::check_at(plan, Some(midnight(today)))
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ExportError::PlanHasErrors(errors))
    }
}

/// [`export`] without the findings gate: for tests that feed hostile values on purpose and
/// for previews that say they are not applicable. Never offer its output as a script to run.
pub fn render_unchecked(
    plan: &Plan,
    format: ExportFormat,
    scope: Scope<'_>,
    today: NaiveDate,
) -> Result<String, ExportError> {
    let clusters = select(plan, scope)?;
    reject_nul(plan, &clusters)?;
    let target = plan.assumptions.export.target_cli;
    Ok(match format {
        ExportFormat::Az => bash::render(&plan.name, &az::build(&clusters, target, today), today),
        ExportFormat::Pwsh => pwsh::render(&plan.name, &az::build(&clusters, target, today), today),
        ExportFormat::Bicep => bicep::render(&plan.name, &clusters, today),
        ExportFormat::Terraform => terraform::render(&plan.name, &clusters, today),
        ExportFormat::Ics => ics::render(plan, &clusters, today, ics::DEFAULT_WEEKS)?,
        ExportFormat::Markdown => markdown::render(plan, &clusters, today),
    })
}

/// The `az` command model behind the bash and PowerShell exports (no findings gate), e.g. to
/// check what a script will run.
pub fn script_unchecked(
    plan: &Plan,
    scope: Scope<'_>,
    today: NaiveDate,
) -> Result<Script, ExportError> {
    let clusters = select(plan, scope)?;
    reject_nul(plan, &clusters)?;
    Ok(az::build(
        &clusters,
        plan.assumptions.export.target_cli,
        today,
    ))
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

fn select<'p>(plan: &'p Plan, scope: Scope<'_>) -> Result<Vec<&'p Cluster>, ExportError> {
    match scope {
        Scope::Plan => Ok(apply_order(plan)),
        Scope::Cluster(name) => plan
            .clusters
            .iter()
            .find(|c| c.name == name)
            .map(|c| vec![c])
            .ok_or_else(|| ExportError::UnknownCluster(name.to_owned())),
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

/// The header lines every export starts with (as comment text).
fn header(plan_name: &str, what: &str, today: NaiveDate) -> Vec<String> {
    let name = if plan_name.is_empty() {
        "(unnamed)"
    } else {
        plan_name
    };
    vec![
        format!("Generated by aks-planner on {today}: {what} for plan {name}."),
        "Review before applying. Regenerate instead of editing by hand.".to_owned(),
    ]
}
