//! The review summary's projection sections (issue 4): upgrade durations and spill per pool,
//! exposure against the SLA, and costs with the four node OS channels side by side. Every
//! number comes from [`project`](crate::rules::projection::project) and
//! [`compare_channels`]; this module only lays them out.

use std::fmt::Write;

use super::Context;
use crate::rules::cluster::Cluster;
use crate::rules::export::quote::markdown as md;
use crate::rules::projection::compare::compare_channels;
use crate::rules::projection::cost::{ClusterCost, CostKind};
use crate::rules::projection::duration::UpgradePath;
use crate::rules::projection::exposure::{ClusterExposure, ExposureStats};
use crate::rules::projection::quota::format_families;
use crate::rules::projection::{
    ClusterProjection, EventKind, Scheduling, format_duration, format_money,
};
use crate::view::format::{exposure_text, or_no_value};

/// The projection, exposure and cost of one cluster in scope.
struct Projected<'a> {
    /// Position in `plan.clusters` (what [`compare_channels`] takes).
    index: usize,
    cluster: &'a ClusterProjection,
    exposure: Option<&'a ClusterExposure>,
    cost: Option<&'a ClusterCost>,
}

/// The clusters in scope, in apply order, with their projections.
fn in_scope<'a>(ctx: &'a Context<'_>) -> Vec<Projected<'a>> {
    ctx.clusters
        .iter()
        .filter_map(|c| {
            let index = position(ctx, c)?;
            let p = ctx.projection;
            Some(Projected {
                index,
                cluster: p.clusters.get(index)?,
                exposure: p.exposure.clusters.get(index).map(|e| &**e),
                cost: p.costs.clusters.get(index).map(|c| &**c),
            })
        })
        .collect()
}

fn position(ctx: &Context<'_>, c: &Cluster) -> Option<usize> {
    ctx.plan.clusters.iter().position(|x| std::ptr::eq(x, c))
}

fn horizon(ctx: &Context<'_>) -> String {
    format!(
        "the {} weeks from {} UTC",
        ctx.weeks,
        crate::rules::timefmt::iso_date_time(&ctx.projection.from)
    )
}

fn path(p: UpgradePath) -> &'static str {
    match p {
        UpgradePath::Surge => "surge",
        UpgradePath::InPlace => "in place (maxUnavailable)",
        UpgradePath::Stalled => "stalled: no surge, no unavailable node",
    }
}

/// Thousandths as `0.433`.
fn milli(v: u64) -> String {
    format!("{}.{:03}", v / 1000, v % 1000)
}

pub fn durations_section(ctx: &Context<'_>, out: &mut String) {
    let projected = in_scope(ctx);
    if projected.iter().all(|p| p.cluster.pools.is_empty()) {
        return;
    }
    let _ = writeln!(
        out,
        "Rolling node OS reimage per pool, estimated from the step timings in the plan's assumptions; a cluster's surge quota (extra regional vCPUs per VM family) is read as: {}. Reimages, spill and waits over {}.\n",
        ctx.plan.assumptions.projection.surge_quota.label(),
        horizon(ctx)
    );
    let _ = writeln!(
        out,
        "| Cluster | Pool | Path | Nodes per batch | Batches | Peak extra nodes | Estimated duration | Reimages in {} weeks | Spill past the window | Waits for the next window | Note |\n|---|---|---|---|---|---|---|---|---|---|---|",
        ctx.weeks
    );
    for p in &projected {
        for pool in p.cluster.pools.iter() {
            let u = &pool.upgrade;
            let per_batch = if u.surge_assumed {
                format!("{} (maxSurge assumed: AKS default)", u.parallelism)
            } else {
                u.parallelism.to_string()
            };
            let reimages = pool
                .events
                .iter()
                .filter(|e| e.kind == EventKind::Reimage)
                .count();
            let spilled: Vec<u32> = pool
                .events
                .iter()
                .map(|e| e.spill_minutes)
                .filter(|m| *m > 0)
                .collect();
            let spill = match spilled.iter().max() {
                None => "none".to_owned(),
                Some(max) => format!(
                    "up to {} ({} of {} upgrades)",
                    format_duration(*max),
                    spilled.len(),
                    pool.events.len()
                ),
            };
            let waits = match pool.deferred.len() {
                0 => "no".to_owned(),
                1 => "once".to_owned(),
                n => format!("{n} times"),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {per_batch} | {} | {} | {} | {reimages} | {spill} | {waits} | {} |",
                md(&p.cluster.name),
                md(&pool.name),
                path(u.path),
                u.batches,
                u.peak_extra_nodes,
                format_duration(u.minutes),
                pool.note.as_deref().map(md).unwrap_or_default()
            );
        }
    }
    out.push('\n');
    for p in &projected {
        let c = p.cluster;
        let timing = match (c.scheduling, c.window_hours) {
            (Scheduling::MaintenanceWindow, Some(h)) => {
                format!("{} in node OS windows of {h} h", c.channel)
            }
            (Scheduling::MaintenanceWindow, None) => format!("{} in node OS windows", c.channel),
            (Scheduling::AksDetermined, _) => {
                format!("{} with no node OS window: AKS picks the time", c.channel)
            }
            (Scheduling::Nightly, _) => {
                "Unmanaged: the OS updater patches nightly around 06:00 UTC, outside windows"
                    .to_owned()
            }
            (Scheduling::NotPatched, _) => format!("{}: nothing is applied", c.channel),
        };
        let change = if c.channel_change {
            "; the channel change takes effect within 24 h"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "- {}: {timing}; all pools one after another ≈ {}{change}; {}.",
            md(&c.name),
            format_duration(c.total_upgrade_minutes),
            quota_words(ctx, p.index)
        );
        // Cluster auto-upgrade: Kubernetes upgrades reimage every pool too (§2 rules 2–3).
        if let Some(k) = c.kubernetes.describe() {
            let _ = writeln!(out, "  - {}.", md(&k));
        }
    }
    quota_table(ctx, out);
}

/// Per subscription and region with a cluster in scope: each quota's worst-case surge against
/// the free quota recorded in the plan (docs/aks-rules.md §4.3), verdict in words.
fn quota_table(ctx: &Context<'_>, out: &mut String) {
    let quota = &ctx.projection.quota;
    let in_scope = |name: &str| ctx.clusters.iter().any(|c| c.name == name);
    let regions: Vec<_> = (quota.regions.iter())
        .filter(|r| r.cluster_names(quota).any(in_scope) && !r.checks.is_empty())
        .collect();
    if regions.is_empty() {
        return;
    }
    out.push_str("\nSurge quota per subscription and region against the free quota recorded in the plan: clusters of one subscription and region add up, a worst case for when their windows overlap.\n\n| Subscription / region | Quota | Peak surge vCPUs | Limit | Used | Verdict |\n|---|---|---|---|---|---|\n");
    for r in regions {
        let place = r.place();
        for c in &r.checks {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                md(&place),
                md(&c.label()),
                c.needed,
                or_no_value(c.limit),
                or_no_value(c.current_value),
                md(&c.verdict())
            );
        }
    }
}

/// The cluster's peak surge quota per VM family (max over its pools, §2 rule 3 / §4.3).
fn quota_words(ctx: &Context<'_>, index: usize) -> String {
    let Some(q) = ctx.projection.quota.clusters.get(index) else {
        return "surge quota unknown".to_owned();
    };
    let mut words = format!("surge quota at the peak {}", md(&format_families(&q.peak)));
    if !q.unknown_sizes.is_empty() {
        let _ = write!(
            words,
            " (vCPUs unknown for {}: enter them in the assumptions)",
            md(&q.unknown_sizes.join(", "))
        );
    }
    words
}

/// `typical` and `worst` cells, [`NO_VALUE`] when there is nothing to measure.
fn exposure_cells(typical: Option<i64>, worst: Option<i64>, lower_bound: bool) -> (String, String) {
    (
        exposure_text(typical, false),
        exposure_text(worst, lower_bound),
    )
}

fn stats_cells(s: &ExposureStats) -> (String, String) {
    exposure_cells(s.typical_minutes, s.worst_minutes, s.worst_is_lower_bound)
}

/// Whether the worst exposure meets the SLA, with what was not measured.
fn sla_cell(misses: bool, measured: bool, aks_determined: u32, pending: u32) -> String {
    let mut cell = if misses {
        "**misses**".to_owned()
    } else if measured {
        "meets".to_owned()
    } else {
        "nothing measured".to_owned()
    };
    if aks_determined > 0 {
        let _ = write!(cell, "; {aks_determined} AKS-determined");
    }
    if pending > 0 {
        let _ = write!(cell, "; {pending} pending at the horizon end");
    }
    cell
}

fn stats_sla(s: &ExposureStats) -> String {
    sla_cell(s.misses_sla, s.counted > 0, s.aks_determined, s.pending)
}

pub fn exposure_section(ctx: &Context<'_>, out: &mut String) {
    let projected = in_scope(ctx);
    let e = &ctx.projection.exposure;
    if projected.iter().all(|p| p.exposure.is_none()) {
        return;
    }
    let _ = writeln!(
        out,
        "Time from each projected release to the pool running it, over {}, against an SLA of {} days (plan assumption). \"≥\" is a lower bound: the release was not running by the horizon end. AKS-determined times are counted apart, never guessed.\n",
        horizon(ctx),
        e.sla_days
    );
    out.push_str("| Cluster | Pool | Typical | Worst | SLA |\n|---|---|---|---|---|\n");
    let mut missing = Vec::new();
    for p in &projected {
        let Some(ce) = p.exposure else { continue };
        for pe in &ce.pools {
            let (typical, worst) = stats_cells(&pe.stats);
            if pe.stats.misses_sla {
                missing.push(format!("{}/{}", pe.cluster, pe.pool));
            }
            let _ = writeln!(
                out,
                "| {} | {} | {typical} | {worst} | {} |",
                md(&pe.cluster),
                md(&pe.pool),
                stats_sla(&pe.stats)
            );
        }
        let (typical, worst) = stats_cells(&ce.stats);
        let _ = writeln!(
            out,
            "| {} | **all pools** | {typical} | {worst} | {} |",
            md(&ce.cluster),
            stats_sla(&ce.stats)
        );
    }
    if projected.len() == ctx.plan.clusters.len() && projected.len() > 1 {
        let (typical, worst) = stats_cells(&e.fleet);
        let _ = writeln!(
            out,
            "| **fleet** | | {typical} | {worst} | {} |",
            stats_sla(&e.fleet)
        );
    }
    out.push('\n');
    if missing.is_empty() {
        out.push_str("Every pool with a measured exposure meets the SLA.\n");
    } else {
        let _ = writeln!(out, "Pools missing the SLA: {}.", md(&missing.join(", ")));
    }
}

pub fn costs_section(ctx: &Context<'_>, out: &mut String) {
    let projected = in_scope(ctx);
    if projected.is_empty() {
        return;
    }
    let costs = &ctx.projection.costs;
    let cur = &costs.currency;
    let _ = writeln!(
        out,
        "Estimates in {} from the price table in the plan's assumptions: surge VMs while pools reimage and SecurityPatch VHD hosting, over {}.\n",
        md(cur),
        horizon(ctx)
    );
    out.push_str("| Cluster | Cost | Per month | Basis |\n|---|---|---|---|\n");
    let mut lines = 0;
    for p in &projected {
        for l in costs.lines.iter().filter(|l| l.cluster == p.cluster.name) {
            lines += 1;
            let what = match (l.kind, &l.pool) {
                (CostKind::Surge, Some(pool)) => format!("surge, pool {}", md(pool)),
                (CostKind::Surge, None) => "surge".to_owned(),
                (CostKind::VhdHosting, _) => "SecurityPatch VHDs".to_owned(),
                (CostKind::KubernetesUpgrade, Some(pool)) => {
                    format!("Kubernetes upgrade surge, pool {}", md(pool))
                }
                (CostKind::KubernetesUpgrade, None) => "Kubernetes upgrade surge".to_owned(),
            };
            let price = if l.price_known {
                ""
            } else {
                " — **price unknown**: enter one in the assumptions"
            };
            let _ = writeln!(
                out,
                "| {} | {what} | {} | {}{price} |",
                md(&l.cluster),
                format_money(l.per_month_micros, cur),
                md(&l.basis.to_string())
            );
        }
    }
    if lines == 0 {
        out.push_str("| — | nothing billed | — | no surge nodes and no SecurityPatch VHDs |\n");
    }
    out.push_str(
        "\n| Cluster | Per month | Per year | Pool reimages per month |\n|---|---|---|---|\n",
    );
    for p in &projected {
        let Some(c) = p.cost else { continue };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(&c.cluster),
            format_money(c.per_month_micros, cur),
            format_money(c.per_year_micros, cur),
            milli(c.reimages_per_month_milli)
        );
    }
    if projected.len() == ctx.plan.clusters.len() && projected.len() > 1 {
        let _ = writeln!(
            out,
            "| **fleet** | {} | {} | |",
            format_money(costs.per_month_micros, cur),
            format_money(costs.per_year_micros, cur)
        );
    }
    if !costs.unknown_prices.is_empty() {
        let _ = writeln!(
            out,
            "\nNo price for {}: those surge lines count 0 until a price is entered.",
            md(&costs.unknown_prices.join(", "))
        );
    }
    channels_table(ctx, &projected, out);
}

/// The four node OS channels side by side per cluster: cost vs exposure vs disruption.
fn channels_table(ctx: &Context<'_>, projected: &[Projected<'_>], out: &mut String) {
    let cur = &ctx.projection.costs.currency;
    let _ = writeln!(
        out,
        "\n### The four node OS channels side by side\n\nEach cluster projected under every node OS channel with its windows and pools unchanged; \"planned\" marks the plan's channel.\n"
    );
    out.push_str("| Cluster | Node OS channel | Timing | Typical exposure | Worst exposure | SLA | Per month | Per year | Pool reimages per month |\n|---|---|---|---|---|---|---|---|---|\n");
    for p in projected {
        let Some(rows) = compare_channels(ctx.plan, p.index, ctx.projection.from, ctx.weeks) else {
            continue;
        };
        for r in rows {
            let planned = if r.channel == p.cluster.channel {
                " (planned)"
            } else {
                ""
            };
            let (typical, worst) =
                exposure_cells(r.typical_minutes, r.worst_minutes, r.worst_is_lower_bound);
            let sla = sla_cell(r.misses_sla, r.worst_minutes.is_some(), r.aks_determined, 0);
            let _ = writeln!(
                out,
                "| {} | {}{planned} | {} | {typical} | {worst} | {sla} | {} | {} | {} |",
                md(&p.cluster.name),
                r.channel,
                md(&r.cadence),
                format_money(r.per_month_micros, cur),
                format_money(r.per_year_micros, cur),
                milli(r.reimages_per_month_milli)
            );
        }
    }
}
