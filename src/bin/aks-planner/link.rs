//! `aks-planner link PLAN.json [--base URL]`: a share link holding the whole plan. `--base` is
//! the address the team serves the planner from (docs/deploy.md), folder with its trailing
//! slash, e.g. `https://contoso.github.io/planner/`; without it, only the `#p=…` fragment.

use std::process::ExitCode;

use planner::rules::share;

use crate::args::Args;
use crate::io::read_plan;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["base"], &[])?;
    let plan = read_plan(args.one_positional("plan file")?)?;
    match args.option("base") {
        Some(base) => println!("{}", share::link(base, &plan)),
        None => println!("{}", share::encode(&plan)),
    }
    Ok(ExitCode::SUCCESS)
}
