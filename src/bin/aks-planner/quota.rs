//! `aks-planner quota PLAN.json --subscription S --location L USAGE.json`: records the free
//! vCPU quota that `az vm list-usage --location L -o json` printed ("-" = stdin) in the plan,
//! for the quotas the plan's pools need there, and prints the plan JSON (docs/aks-rules.md §4.3).

use std::process::ExitCode;

use planner::rules::projection::quota::summarise;
use planner::rules::usage::{fill_from_list, parse_list_usage, region_key};

use crate::args::Args;
use crate::io::read_plan;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["subscription", "location"], &[])?;
    let [plan_path, usage_path] = args.positional.as_slice() else {
        return Err(
            "expected PLAN.json and a file with the output of az vm list-usage --location REGION -o json (- = stdin)"
                .to_owned(),
        );
    };
    if plan_path == "-" && usage_path == "-" {
        return Err("only one of the two files can be stdin (-)".to_owned());
    }
    let subscription = args
        .option("subscription")
        .ok_or("missing --subscription: the clusters' subscription label in the plan")?;
    let location = args
        .option("location")
        .ok_or("missing --location: the region az vm list-usage was run for, e.g. westeurope")?;
    let mut plan = read_plan(plan_path)?;
    let text = if usage_path == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| format!("cannot read stdin: {e}"))?
    } else {
        std::fs::read_to_string(usage_path).map_err(|e| format!("cannot read {usage_path}: {e}"))?
    };
    let pasted = parse_list_usage(&text).map_err(|e| format!("{usage_path}: {e}"))?;
    let quota = summarise(&plan);
    let key = region_key(location);
    let Some(region) = quota
        .regions
        .iter()
        .find(|r| r.subscription == subscription && region_key(&r.location) == key)
    else {
        let places: Vec<String> = quota
            .regions
            .iter()
            .map(|r| format!("{} / {}", r.subscription, r.location))
            .collect();
        return Err(format!(
            "no cluster of the plan is in subscription {subscription:?}, region {location:?}; the plan has: {}",
            places.join(", ")
        ));
    };
    let wanted: Vec<String> = region.checks.iter().map(|c| c.name.clone()).collect();
    let place = (region.subscription.clone(), region.location.clone());
    let outcome = fill_from_list(
        &mut plan.compute_usages,
        &place.0,
        &place.1,
        &pasted,
        &wanted,
    );
    eprintln!("{}", outcome.message(&place.0, &place.1));
    // What the quota now says, so a pipeline log shows the verdict too.
    if let Some(r) = summarise(&plan)
        .regions
        .into_iter()
        .find(|r| r.subscription == place.0 && region_key(&r.location) == key)
    {
        for c in &r.checks {
            eprintln!("  {}", c.describe());
        }
    }
    println!("{}", plan.to_json());
    Ok(ExitCode::SUCCESS)
}
