//! `aks-planner windows PLAN.json --from <RFC 3339 instant> [--count N] [--json]`: the next N
//! maintenance windows per cluster and configuration, in UTC, from the same engine as the app
//! (docs/aks-rules.md §3.4–3.5, readings from `plan.assumptions.recurrence`).

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use planner::rules::maintenance::describe::{describe, describe_legacy};
use planner::rules::maintenance::{ConfigName, DefaultConfig, Occurrence};
use planner::rules::plan::Plan;
use serde::Serialize;

use crate::args::Args;
use crate::io::read_plan;

const DEFAULT_COUNT: usize = 10;
const MAX_COUNT: usize = 10_000;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConfigWindows {
    cluster: String,
    config: ConfigName,
    description: String,
    windows: Vec<Occurrence>,
}

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["from", "count"], &["json"])?;
    let plan = read_plan(args.one_positional("plan file")?)?;
    let from_text = args
        .option("from")
        .ok_or("missing --from <RFC 3339 instant>, e.g. --from 2027-01-01T00:00:00Z")?;
    let from = crate::io::parse_instant(from_text, "--from")?;
    let count = match args.option("count") {
        None => DEFAULT_COUNT,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_COUNT).contains(n))
            .ok_or_else(|| {
                format!("--count {text:?} must be a whole number from 1 to {MAX_COUNT}")
            })?,
    };
    let listed = list(&plan, from, count);
    if args.flag("json") {
        let json = serde_json::to_string_pretty(&listed).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print_text(&plan, &listed);
    }
    Ok(ExitCode::SUCCESS)
}

fn list(plan: &Plan, from: DateTime<Utc>, count: usize) -> Vec<ConfigWindows> {
    let options = plan.assumptions.recurrence;
    let mut out = Vec::new();
    for cluster in &plan.clusters {
        let cfgs = &cluster.maintenance_configurations;
        for config in ConfigName::ALL {
            let Some(windows) = cfgs.occurrences(config, from, options) else {
                continue;
            };
            let description = match (config, &cfgs.default, cfgs.window(config)) {
                (ConfigName::Default, Some(DefaultConfig::Legacy { time_in_week, .. }), _) => {
                    describe_legacy(time_in_week)
                }
                (_, _, Some(w)) => describe(w),
                _ => String::new(),
            };
            out.push(ConfigWindows {
                cluster: cluster.name.clone(),
                config,
                description,
                windows: windows.take(count).collect(),
            });
        }
    }
    out
}

fn print_text(plan: &Plan, listed: &[ConfigWindows]) {
    for cluster in &plan.clusters {
        println!("{}", cluster.name);
        let mine: Vec<&ConfigWindows> = listed
            .iter()
            .filter(|c| c.cluster == cluster.name)
            .collect();
        if mine.is_empty() {
            println!("  no maintenance configurations: AKS picks the times");
        }
        for c in mine {
            println!("  {}: {}", c.config, c.description);
            if c.windows.is_empty() {
                println!("    no windows (a value is out of range: run `aks-planner check`)");
            }
            for o in &c.windows {
                let blocked = if o.blocked {
                    "  blocked (notAllowedDates)"
                } else {
                    ""
                };
                println!(
                    "    {} – {}{blocked}",
                    o.start.format("%Y-%m-%dT%H:%MZ"),
                    o.end.format("%Y-%m-%dT%H:%MZ")
                );
            }
        }
    }
}
