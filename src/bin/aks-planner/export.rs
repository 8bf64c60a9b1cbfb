//! `aks-planner export PLAN.json --format az|pwsh|bicep|terraform|ics|markdown [--cluster NAME]
//! [--now T | --today YYYY-MM-DD] [--weeks N]` (`--weeks`: the calendar's horizon, ics only).
//!
//! Errors are scoped to what is exported: `--cluster NAME` exports that cluster if it has no
//! error; a whole-plan export skips clusters with errors and names them on stderr (and in the
//! output's header). Exit 1 when nothing could be exported.

use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use planner::rules::export::{self, ExportError, ExportFormat, ExportTime, Scope, ics};

use crate::args::Args;
use crate::io::read_plan;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["format", "cluster", "now", "today", "weeks"], &[])?;
    let plan = read_plan(args.one_positional("plan file")?)?;
    let format: ExportFormat = args
        .option("format")
        .ok_or("missing --format az|pwsh|bicep|terraform|ics|markdown")?
        .parse()
        .map_err(|e: ExportError| e.to_string())?;
    // The CLI is the I/O shell, so it may read the clock; the core takes "now" as a parameter.
    let at: ExportTime = match (args.option("now"), args.option("today")) {
        (Some(_), Some(_)) => return Err("give --now or --today, not both".to_owned()),
        (Some(t), None) => crate::io::parse_instant(t, "--now")?.into(),
        (None, Some(d)) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| format!("--today {d:?} is not a date: write YYYY-MM-DD"))?
            .into(),
        (None, None) => DateTime::<Utc>::from(std::time::SystemTime::now()).into(),
    };
    let scope = match args.option("cluster") {
        Some(name) => Scope::Cluster(name),
        None => Scope::Plan,
    };
    let weeks = match args.option("weeks") {
        None => None,
        Some(_) if format != ExportFormat::Ics => {
            return Err(format!(
                "--weeks is the calendar's horizon: use it with --format ics, not {format}"
            ));
        }
        Some(s) => Some(
            s.parse::<u32>()
                .ok()
                .filter(|w| (1..=ics::MAX_WEEKS).contains(w))
                .ok_or_else(|| {
                    format!(
                        "--weeks {s:?} must be a whole number from 1 to {}",
                        ics::MAX_WEEKS
                    )
                })?,
        ),
    };
    let result = match weeks {
        Some(weeks) => export::calendar_report(&plan, scope, at, weeks),
        None => export::export_report(&plan, format, scope, at),
    };
    match result {
        Ok(exported) => {
            print!("{}", exported.text);
            for s in &exported.skipped {
                eprintln!("aks-planner: not exported: {}", s.summary());
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ (ExportError::PlanHasErrors(_) | ExportError::ClusterHasErrors { .. })) => {
            eprintln!("aks-planner: {e}");
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.to_string()),
    }
}
