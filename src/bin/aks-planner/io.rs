//! Reading plan files, with messages that name the file.

use chrono::{DateTime, Utc};
use planner::rules::plan::{Notice, Plan};

/// Reads and parses a plan file ("-" = standard input). Notices go to stderr.
pub fn read_plan(path: &str) -> Result<Plan, String> {
    let text = if path == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| format!("cannot read stdin: {e}"))?
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    let (plan, notices) = Plan::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    print_notices(path, &notices);
    Ok(plan)
}

pub fn print_notices(path: &str, notices: &[Notice]) {
    for n in notices {
        eprintln!("{path}: note: {}", n.message);
    }
}

/// An RFC 3339 instant from a command-line option, with a message that names the option.
pub fn parse_instant(text: &str, option: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| {
            format!(
                "{option} {text:?} is not an RFC 3339 instant such as 2026-11-01T00:00:00Z: {e}"
            )
        })
}
