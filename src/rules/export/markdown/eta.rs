//! The review summary's "Fix ETA" section (issue 9): written when the plan holds an ETA
//! question. Every figure comes from [`fleet_eta`]; this module only lays it out.

use std::fmt::Write;

use super::Context;
use crate::rules::eta::compute::Outcome;
use crate::rules::eta::whatif::suggestions;
use crate::rules::eta::{fleet_eta, text};
use crate::rules::export::midnight;
use crate::rules::export::quote::markdown as md;

pub(super) fn eta_section(ctx: &Context<'_>, out: &mut String) {
    let Some(q) = ctx.plan.eta.as_ref().filter(|q| !q.is_empty()) else {
        return;
    };
    let now = midnight(ctx.today);
    let eta = fleet_eta(ctx.plan, q, now);
    let _ = writeln!(out, "{}.", md(&eta.data_as_of));
    if let Some(w) = &eta.data_warning {
        let _ = writeln!(out, "\n**Warning:** {}", md(w));
    }
    let mut asked: Vec<String> = q
        .images
        .iter()
        .map(|(f, v)| format!("{} {v}", f.label()))
        .collect();
    if let Some(d) = q.disclosed {
        asked.push(format!("disclosed {d}"));
    }
    let _ = writeln!(
        out,
        "\nFix: {}. SLA: {}. Asked on {}.\n",
        md(&asked.join(", ")),
        md(&q.sla.label()),
        ctx.today
    );
    out.push_str("| Cluster | Pool | Image family | Fix in region | Upgrade starts | Last node runs it | Exposure | SLA |\n|---|---|---|---|---|---|---|---|\n");
    for p in &eta.pools {
        let family = p.family.map_or("—", |f| f.label());
        match &p.outcome {
            Outcome::Dated(d) => {
                let _ = writeln!(
                    out,
                    "| {} | {} | {family} | {} | {} | {} | {} | {} |",
                    md(&p.cluster),
                    md(&p.pool),
                    text::span(&d.in_region),
                    text::span(&d.start),
                    text::span(&d.done),
                    text::exposure(d),
                    text::verdict(d.verdict)
                );
            }
            Outcome::Never { why } => {
                let _ = writeln!(
                    out,
                    "| {} | {} | {family} | — | — | never | — | {} |",
                    md(&p.cluster),
                    md(&p.pool),
                    md(&format!("never: {why}"))
                );
            }
        }
    }
    if let Some(b) = &eta.exposure_basis {
        let _ = writeln!(out, "\n{}.", md(b));
    }
    let _ = writeln!(out, "\n{}.", md(&text::fleet_line(&eta)));
    if eta.image_past_validity {
        let _ = writeln!(out, "\n**Warning:** {}.", text::VALIDITY_WARNING);
    }
    let tips = suggestions(ctx.plan, q, &eta, now);
    if !tips.is_empty() {
        out.push_str("\nSmallest change that meets the SLA:\n\n");
        for s in &tips {
            let _ = writeln!(
                out,
                "- {}/{}: {} (cost: {}); the pool then runs the fix by {}",
                md(&s.cluster),
                md(&s.pool),
                md(&s.change),
                md(&s.cost),
                text::instant(s.latest_after)
            );
        }
    }
}
