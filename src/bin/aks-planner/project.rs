//! `aks-planner project PLAN.json --from <RFC 3339> --weeks N [--json]`: the projected events
//! per pool, exposure and cost summaries, and the four channels side by side per cluster.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use planner::rules::findings;
use planner::rules::projection::compare::{ChannelOutcome, compare_channels};
use planner::rules::projection::cost::CostKind;
use planner::rules::projection::exposure::ExposureStats;
use planner::rules::projection::kubernetes::KubernetesProjection;
use planner::rules::projection::quota::{format_families, format_pool};
use planner::rules::projection::{EventKind, PoolEvent, Projection, format_money, project};
use planner::view::findings::{estimate_note, headline};
use planner::view::format::{NO_VALUE, channel_summary, exposure_text};

use crate::args::Args;
use crate::io::read_plan;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &["from", "weeks"], &["json"])?;
    let plan = read_plan(args.one_positional("plan file")?)?;
    let from = match args.option("from") {
        Some(s) => crate::io::parse_instant(s, "--from")?,
        None => return Err("missing --from, e.g. --from 2026-11-01T00:00:00Z".to_owned()),
    };
    let weeks: u32 = match args.option("weeks") {
        Some(s) => s
            .parse()
            .ok()
            .filter(|w| (1..=104).contains(w))
            .ok_or_else(|| format!("--weeks {s:?} must be a whole number from 1 to 104"))?,
        None => 26,
    };
    let mut projection = project(&plan, from, weeks);
    // One set of findings, as `check` prints: the plan and window checks at `from` too.
    projection.findings =
        findings::merge(findings::check_at(&plan, Some(from)), &projection.findings)
            .into_iter()
            .map(std::sync::Arc::new)
            .collect();
    let channels: Vec<(String, Vec<ChannelOutcome>)> = (0..plan.clusters.len())
        .filter_map(|i| {
            compare_channels(&plan, i, from, weeks).map(|c| (plan.clusters[i].name.clone(), c))
        })
        .collect();
    if args.flag("json") {
        let value = serde_json::json!({
            "projection": projection,
            "channelComparison": channels
                .iter()
                .map(|(name, rows)| serde_json::json!({"cluster": name, "channels": rows}))
                .collect::<Vec<_>>(),
        });
        let json = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print_text(&projection, &channels);
    }
    Ok(ExitCode::SUCCESS)
}

fn time(t: Option<DateTime<Utc>>) -> String {
    t.map_or_else(
        || "AKS-determined".to_owned(),
        |t| t.format("%Y-%m-%d %H:%M").to_string(),
    )
}

fn stats_line(s: &ExposureStats) -> String {
    let typical = exposure_text(s.typical_minutes, false);
    let worst = exposure_text(s.worst_minutes, s.worst_is_lower_bound);
    let mut line = format!("typical {typical}, worst {worst}");
    if s.aks_determined > 0 {
        line.push_str(&format!(", {} AKS-determined", s.aks_determined));
    }
    if s.pending > 0 {
        line.push_str(&format!(", {} pending at horizon end", s.pending));
    }
    if s.misses_sla {
        line.push_str("  MISSES SLA");
    }
    line
}

fn event_line(p: &Projection, e: &PoolEvent) -> String {
    let kind = match e.kind {
        EventKind::Reimage => "reimage",
        EventKind::LivePatch => "live patch",
        EventKind::NightlyPatch => "nightly patch",
        EventKind::Reboot => "reboot (kured)",
        EventKind::KubernetesUpgrade => "K8s upgrade",
    };
    let label = p
        .releases
        .get(e.release as usize)
        .map_or("?", |r| r.label.as_str());
    let mut line = format!("{} → {}  {kind:<14} {label}", time(e.start), time(e.end));
    if e.covers > 1 {
        line.push_str(&format!(" (+{} older)", e.covers - 1));
    }
    if let Some(w) = e.window {
        line.push_str(&format!(
            "  window {}–{}",
            w.start.format("%m-%d %H:%M"),
            w.end.format("%H:%M")
        ));
    }
    if e.spill_minutes > 0 {
        line.push_str(&format!("  SPILL {} min", e.spill_minutes));
    }
    line
}

/// ", of which Kubernetes upgrades 1.23 USD per month", or nothing when there are none.
fn kubernetes_share(micros: u64, currency: &str) -> String {
    if micros == 0 {
        String::new()
    } else {
        format!(
            " (of which Kubernetes upgrades {} per month)",
            format_money(micros, currency)
        )
    }
}

/// The cluster auto-upgrade channel's projected Kubernetes upgrades (docs/aks-rules.md §2).
fn print_kubernetes(k: &KubernetesProjection) {
    let Some(summary) = k.summary() else {
        return;
    };
    let version = k.version.map_or("unknown".to_owned(), |v| v.to_string());
    println!(
        "  {summary}{}: from {version}, control plane + pools in sequence ≈ {} min",
        k.window_hours
            .map_or(String::new(), |h| format!(" ({h} h)")),
        k.total_minutes
    );
    for u in &k.upgrades {
        let window = u.window.map_or(String::new(), |w| {
            format!(
                "  window {}–{}",
                w.start.format("%m-%d %H:%M"),
                w.end.format("%H:%M")
            )
        });
        let end = match (u.start, u.end) {
            (None, _) => "AKS-determined".to_owned(),
            (Some(_), Some(t)) => t.format("%Y-%m-%d %H:%M").to_string(),
            (Some(_), None) => "pools still waiting at the horizon end".to_owned(),
        };
        println!(
            "    {} → {end}  {} → {}{window}{}",
            time(u.start),
            u.from_version,
            u.to_version,
            if u.waits > 0 {
                format!("  pools waited {} ×", u.waits)
            } else {
                String::new()
            }
        );
    }
    if let Some(note) = &k.note {
        println!("    {note}");
    }
}

/// Surge quota: per pool, the cluster peak per family (max: pools go one after another,
/// docs/aks-rules.md §2 rule 3), per subscription and region the sum of cluster peaks (worst case)
/// and how it compares with the free quota recorded in the plan (§4.3).
fn print_quota(p: &Projection) {
    println!("Surge quota (extra vCPUs per VM family):");
    for c in &p.quota.clusters {
        println!("  {}: peak {}", c.cluster, format_families(&c.peak));
        for pool in c.pools.iter() {
            println!("    {}: {}", pool.pool, format_pool(pool));
        }
    }
    let or = |s: &str, none: &'static str| {
        if s.is_empty() {
            none.to_owned()
        } else {
            s.to_owned()
        }
    };
    for r in &p.quota.regions {
        println!(
            "  subscription {}, region {}: worst case if windows overlap {}",
            or(&r.subscription, "(unnamed)"),
            or(&r.location, "(none)"),
            format_families(&r.worst_case)
        );
        for check in &r.checks {
            println!("    vs free quota: {}", check.describe());
        }
    }
}

fn print_text(p: &Projection, channels: &[(String, Vec<ChannelOutcome>)]) {
    let cur = &p.costs.currency;
    println!(
        "Projection {} → {} ({} releases)",
        p.from.format("%Y-%m-%d %H:%M UTC"),
        p.to.format("%Y-%m-%d %H:%M UTC"),
        p.releases.len()
    );
    for (c, ce) in p.clusters.iter().zip(&p.exposure.clusters) {
        println!();
        println!(
            "{}  channel {}  {:?}{}  pools in sequence ≈ {} min",
            c.name,
            c.channel,
            c.scheduling,
            c.window_hours
                .map_or(String::new(), |h| format!(" ({h} h)")),
            c.total_upgrade_minutes
        );
        for (pool, pe) in c.pools.iter().zip(&ce.pools) {
            let u = &pool.upgrade;
            println!(
                "  {} ({}, {} × {}): {:?} {} per batch, {} batches, +{} nodes, ≈ {} min{}{}",
                pool.name,
                pool.os_sku,
                u.nodes,
                pool.vm_size,
                u.path,
                u.parallelism,
                u.batches,
                u.peak_extra_nodes,
                u.minutes,
                if u.surge_assumed {
                    " (maxSurge assumed, A-3)"
                } else {
                    ""
                },
                // Kubernetes ≥ 1.35 retries with 1 surge node when quota is short.
                u.fallback_minutes
                    .map_or(String::new(), |m| format!(" (surge-1 retry ≈ {m} min)"))
            );
            if let Some(note) = &pool.note {
                println!("    {note}");
            }
            for e in pool.events.iter().chain(&pool.kubernetes_events) {
                println!("    {}", event_line(p, e));
            }
            for t in &pool.kubernetes_deferred {
                println!(
                    "    waits for the next auto-upgrade window after {}",
                    t.format("%Y-%m-%d %H:%M")
                );
            }
            println!("    exposure: {}", stats_line(&pe.stats));
        }
        print_kubernetes(&c.kubernetes);
        println!("  cluster exposure: {}", stats_line(&ce.stats));
    }
    println!();
    println!(
        "Exposure (SLA {} d): fleet {}",
        p.exposure.sla_days,
        stats_line(&p.exposure.fleet)
    );
    if !p.exposure.pools_missing_sla.is_empty() {
        println!(
            "  pools missing the SLA: {}",
            p.exposure.pools_missing_sla.join(", ")
        );
    }
    println!();
    println!("Cost ({cur}, estimates):");
    for l in &p.costs.lines {
        println!(
            "  {}/{}{}: {} per month  [{}]{}",
            l.cluster,
            l.pool.as_deref().unwrap_or("VHDs"),
            if l.kind == CostKind::KubernetesUpgrade {
                " (Kubernetes upgrades)"
            } else {
                ""
            },
            format_money(l.per_month_micros, cur),
            l.basis,
            if l.price_known { "" } else { "  PRICE UNKNOWN" }
        );
    }
    for c in &p.costs.clusters {
        println!(
            "  {}: {} per month, {} per year, {}.{:03} reimages per month{}",
            c.cluster,
            format_money(c.per_month_micros, cur),
            format_money(c.per_year_micros, cur),
            c.reimages_per_month_milli / 1000,
            c.reimages_per_month_milli % 1000,
            kubernetes_share(c.kubernetes_per_month_micros, cur)
        );
    }
    println!(
        "  fleet: {} per month, {} per year{}",
        format_money(p.costs.per_month_micros, cur),
        format_money(p.costs.per_year_micros, cur),
        kubernetes_share(p.costs.kubernetes_per_month_micros, cur)
    );
    println!();
    print_quota(p);
    println!();
    println!("Channels side by side:");
    for (name, rows) in channels {
        println!("  {name}");
        for r in rows {
            println!(
                "    {:<60} {} per month, {}.{:03} reimages per month",
                channel_summary(r),
                format_money(r.per_month_micros, cur),
                r.reimages_per_month_milli / 1000,
                r.reimages_per_month_milli % 1000
            );
        }
    }
    if !p.fleet.stagger.is_empty() || !p.fleet.collisions.is_empty() {
        println!();
        println!("Fleet:");
        for col in &p.fleet.collisions {
            println!(
                "  {}: {} share {} window starts (first {})",
                col.subscription,
                col.clusters.join(", "),
                col.occurrences,
                col.first_start.format("%Y-%m-%d %H:%M UTC")
            );
        }
        for s in &p.fleet.stagger {
            println!(
                "  ring {} → ring {}: {} early release(s); suggested delay {}",
                s.earlier_ring,
                s.later_ring,
                s.violations,
                s.suggested_delay_hours
                    .map_or(NO_VALUE.to_owned(), |h| format!("{h} h"))
            );
        }
    }
    if !p.findings.is_empty() {
        println!();
        println!("Findings:");
        for f in &p.findings {
            println!("  {}", headline(f));
            if let Some(note) = estimate_note(f) {
                println!("    {note}");
            }
        }
    }
}
