//! `aks-planner check PLAN.json [--json]`.

use std::process::ExitCode;

use planner::rules::findings::{self, Finding, Severity};
use planner::view::findings::{estimate_note, headline};

use crate::args::Args;
use crate::io::read_plan;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["now"], &["json"])?;
    let plan = read_plan(args.one_positional("plan file")?)?;
    // The CLI is the I/O shell, so it may read the clock; the core takes "now" as a parameter.
    let now = match args.option("now") {
        Some(text) => crate::io::parse_instant(text, "--now")?,
        None => chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()),
    };
    // Every family: the plan checks, the window checks and the projection's findings.
    let found = findings::all(&plan, now);
    if args.flag("json") {
        let json = serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?;
        println!("{json}");
    } else if found.is_empty() {
        println!("no findings");
    } else {
        for f in &found {
            print_finding(f);
        }
        let count = |s| found.iter().filter(|f| f.severity == s).count();
        println!(
            "{} errors, {} warnings, {} notes",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Note)
        );
    }
    let has_error = found.iter().any(|f| f.severity == Severity::Error);
    Ok(if has_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One finding as `check` prints it.
fn print_finding(f: &Finding) {
    println!("{}", headline(f));
    println!("    why: {}", f.why);
    println!("    fix: {}", f.fix);
    if let Some(note) = estimate_note(f) {
        println!("    {note}");
    }
    println!("    see: {} <{}>", f.source.title, f.source.url);
}
