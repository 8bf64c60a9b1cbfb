//! The review summary's "Fix ETA" section (issue 9): written when the plan holds an ETA
//! question. Every figure comes from [`fleet_eta`]; this module only lays it out.

use std::fmt::Write;

use super::Context;
use crate::rules::eta::compute::Outcome;
use crate::rules::eta::whatif::suggestions;
use crate::rules::eta::{fleet_eta, text};
use crate::rules::export::quote::markdown as md;

pub(super) fn eta_section(ctx: &Context<'_>, out: &mut String) {
    let Some(q) = ctx.plan.eta.as_ref().filter(|q| !q.is_empty()) else {
        return;
    };
    // The export's "now" (the projection starts there).
    let now = ctx.projection.from;
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::rules::eta::EtaQuestion;
    use crate::rules::eta::sla::Sla;
    use crate::rules::export::markdown::render;
    use crate::rules::plan::Plan;

    fn sample() -> Plan {
        let text = include_str!("../../../../tests/plans/eta-saturday.json");
        Plan::from_json(text).unwrap().0
    }

    fn review(plan: &Plan, today: (i32, u32, u32)) -> String {
        let clusters: Vec<_> = plan.clusters.iter().collect();
        let today = NaiveDate::from_ymd_opt(today.0, today.1, today.2).unwrap();
        render(
            plan,
            &clusters,
            today.and_hms_opt(0, 0, 0).unwrap().and_utc(),
        )
    }

    #[test]
    fn the_review_has_a_fix_eta_section_when_the_plan_asks() {
        assert!(!review(&sample(), (2026, 6, 1)).contains("## Fix ETA"));
        let mut plan = sample();
        let mut q = EtaQuestion {
            sla: Sla::PciDss,
            ..EtaQuestion::default()
        };
        q.set_image_text("202606.08.1").unwrap();
        q.set_disclosed("2026-04-30").unwrap();
        plan.eta = Some(q);
        let md = review(&plan, (2026, 6, 1));
        let section = &md[md.find("## Fix ETA").expect("section")..];
        // The Copy Fail replay (see rules::eta::tests): in the region 06-19 … 07-03, Saturday
        // windows, 58 to 65 days after disclosure, PCI DSS's month missed by 35 days.
        assert!(
            section.contains("Release data as of 2026-07-17"),
            "{section}"
        );
        assert!(
            section.contains("SLA: PCI DSS 4.0 requirement 6.3.3"),
            "{section}"
        );
        assert!(
            section.contains("| aks-prod | apps | Ubuntu 22.04 | 2026-06-19 … 2026-07-03 (likely 2026-06-26) | 2026-06-20 … 2026-07-04 (likely 2026-06-27) |"),
            "{section}"
        );
        assert!(section.contains("MISSED by 35.0 d"), "{section}");
        assert!(
            section.contains("Exposure = days from disclosure (2026-04-30)"),
            "{section}"
        );
        assert!(
            !section.contains("**Warning:** The release data"),
            "{section}"
        );
        // Asked in December, the data is flagged as old.
        assert!(
            review(&plan, (2026, 12, 6)).contains("**Warning:** The release data is 142 days old")
        );
    }
}
