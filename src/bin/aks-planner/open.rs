//! `aks-planner open LINK`: prints the plan JSON a share link holds.

use std::process::ExitCode;

use planner::rules::share;

use crate::args::Args;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &[], &[])?;
    let link = args.one_positional("link")?;
    let plan = share::decode(link).map_err(|e| e.to_string())?;
    println!("{}", plan.to_json());
    Ok(ExitCode::SUCCESS)
}
