//! `aks-planner link PLAN.json [--base URL]`: a share link holding the whole plan.

use std::process::ExitCode;

use planner::rules::share;

use crate::args::Args;
use crate::io::read_plan;

/// Where the planner is served when no `--base` is given: the fragment alone, to append.
pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["base"], &[])?;
    let plan = read_plan(args.one_positional("plan file")?)?;
    match args.option("base") {
        Some(base) => println!("{}", share::link(base, &plan)),
        None => println!("{}", share::encode(&plan)),
    }
    Ok(ExitCode::SUCCESS)
}
