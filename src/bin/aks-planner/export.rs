//! `aks-planner export PLAN.json --format az|pwsh|bicep|terraform|ics|markdown [--cluster NAME]
//! [--today YYYY-MM-DD] [--weeks N]` (`--weeks`: the calendar's horizon, ics only).

use std::process::ExitCode;

use chrono::NaiveDate;
use planner::rules::export::{self, ExportError, ExportFormat, Scope, ics};

use crate::args::Args;
use crate::io::read_plan;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["format", "cluster", "today", "weeks"], &[])?;
    let plan = read_plan(args.one_positional("plan file")?)?;
    let format: ExportFormat = args
        .option("format")
        .ok_or("missing --format az|pwsh|bicep|terraform|ics|markdown")?
        .parse()
        .map_err(|e: ExportError| e.to_string())?;
    let today = match args.option("today") {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| format!("--today {d:?} is not a date: write YYYY-MM-DD"))?,
        None => today_utc()?,
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
        Some(weeks) => export::calendar(&plan, scope, today, weeks),
        None => export::export(&plan, format, scope, today),
    };
    match result {
        Ok(text) => {
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ ExportError::PlanHasErrors(_)) => {
            eprintln!("aks-planner: {e}");
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Today's UTC date. The CLI is the edge where "now" is read; the rule core takes it as a
/// parameter (chrono's clock feature is not compiled in, so std's clock is used).
fn today_utc() -> Result<NaiveDate, String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| format!("the system clock is before 1970: {e}"))?
        .as_secs();
    let secs = i64::try_from(secs).map_err(|e| e.to_string())?;
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.date_naive())
        .ok_or_else(|| "the system clock is out of range".to_owned())
}
