//! `aks-planner eta PLAN.json --image VERSION… | --disclosed DATE [--sla S] [--now T] [--json]`:
//! when each pool runs the fix, against the SLA. Exit 1 when any pool misses it (or never gets
//! the fix), so a pipeline can gate on it.

use std::process::ExitCode;

use planner::rules::eta::compute::Outcome;
use planner::rules::eta::sla::Sla;
use planner::rules::eta::whatif::suggestions;
use planner::rules::eta::{fleet_eta, text};

use crate::args::Args;
use crate::io::read_plan;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["image", "disclosed", "sla", "now"], &["json"])?;
    let plan = read_plan(args.one_positional("plan file")?)?;
    let now = match args.option("now") {
        Some(t) => crate::io::parse_instant(t, "--now")?,
        None => chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()),
    };
    // The plan's stored question, with the options on top.
    let mut q = plan.eta.clone().unwrap_or_default();
    for image in args.options("image") {
        q.set_image_text(image)
            .map_err(|e| format!("--image: {e}"))?;
    }
    if let Some(d) = args.option("disclosed") {
        q.set_disclosed(d)
            .map_err(|e| format!("--disclosed: {e}"))?;
    }
    if let Some(s) = args.option("sla") {
        q.sla = s.parse::<Sla>().map_err(|e| format!("--sla: {e}"))?;
    }
    if q.is_empty() {
        return Err(format!(
            "{}: e.g. --image 202606.08.1 or --disclosed 2026-04-30",
            planner::rules::eta::EtaError::Empty
        ));
    }
    let eta = fleet_eta(&plan, &q, now);
    let tips = suggestions(&plan, &q, &eta, now);
    if args.flag("json") {
        let value = serde_json::json!({"question": q, "eta": eta, "suggestions": tips});
        let json = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        println!("{}", eta.data_as_of);
        if let Some(w) = &eta.data_warning {
            println!("warning: {w}");
        }
        println!("SLA: {}", q.sla.label());
        for p in &eta.pools {
            let family = p.family.map_or("no image family", |f| f.label());
            println!(
                "{}/{} ({family}, {})",
                p.cluster,
                p.pool,
                p.channel.as_str()
            );
            match &p.outcome {
                Outcome::Dated(d) => {
                    println!("    fix:        {}", d.image);
                    println!("    in region:  {}", text::span(&d.in_region));
                    println!("    window:     {}", text::span(&d.start));
                    println!("    done:       {}", text::span(&d.done));
                    println!("    how:        {}", d.how);
                    if d.spill_minutes > 0 {
                        println!(
                            "    spill:      {} min past the window (latest case)",
                            d.spill_minutes
                        );
                    }
                    println!("    exposure:   {}", text::exposure(d));
                    println!("    SLA:        {}", text::verdict(d.verdict));
                }
                Outcome::Never { why } => println!("    never: {why}"),
            }
        }
        if let Some(b) = &eta.exposure_basis {
            println!("{b}");
        }
        println!("{}", text::fleet_line(&eta));
        if eta.image_past_validity {
            println!("warning: {}", text::VALIDITY_WARNING);
        }
        for s in &tips {
            println!(
                "suggestion for {}/{}: {} (cost: {}); the pool then runs the fix by {}",
                s.cluster,
                s.pool,
                s.change,
                s.cost,
                text::instant(s.latest_after)
            );
        }
    }
    Ok(if eta.all_met() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
