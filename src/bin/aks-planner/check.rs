//! `aks-planner check PLAN.json [--json]`.

use std::process::ExitCode;

use planner::rules::findings::{self, Severity};

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
    let found = findings::check_at(&plan, Some(now));
    if args.flag("json") {
        let json = serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?;
        println!("{json}");
    } else if found.is_empty() {
        println!("no findings");
    } else {
        for f in &found {
            let label = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            };
            println!("{label}[{}] {}: {}", f.code, f.path.display(), f.message);
            println!("    why: {}", f.why);
            println!("    fix: {}", f.fix);
            println!("    see: {} <{}>", f.source.title, f.source.url);
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
