//! Reading plan files, with messages that name the file.

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
