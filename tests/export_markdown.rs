//! The review summary's projection sections: their numbers are the projection's, scoped to the
//! clusters exported, and spill / SLA misses / the four channels show up where a reviewer
//! looks. The whole text is a golden file in `export_golden.rs`.

use chrono::{NaiveDate, NaiveTime};
use planner::rules::demo::demo_plan;
use planner::rules::export::{ExportFormat, PROJECTION_WEEKS, Scope, export};
use planner::rules::plan::Plan;
use planner::rules::projection::{format_duration, format_money, project};
use planner::rules::surge::SurgeValue;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn review(plan: &Plan, scope: Scope<'_>) -> String {
    export(plan, ExportFormat::Markdown, scope, today()).unwrap()
}

/// The lines of section `heading` (up to the next `## `).
fn section<'a>(md: &'a str, heading: &str) -> Vec<&'a str> {
    md.lines()
        .skip_while(|l| *l != format!("## {heading}"))
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .collect()
}

fn row<'a>(lines: &[&'a str], cluster: &str, second: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.starts_with(&format!("| {cluster} | {second} |")))
        .unwrap_or_else(|| panic!("no row {cluster} / {second}"))
}

#[test]
fn sections_come_in_review_order() {
    let md = review(&demo_plan(), Scope::Plan);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Clusters",
            "## Maintenance windows",
            "## Node pools",
            "## Projected upgrade durations",
            "## Exposure",
            "## Costs",
            "## Findings",
            // The six source conflicts of docs/aks-2026.md §1.9, in every review.
            "## Where AKS sources disagree"
        ]
    );
}

#[test]
fn durations_exposure_and_costs_are_the_projections_numbers() {
    let plan = demo_plan();
    let from = today().and_time(NaiveTime::MIN).and_utc();
    let p = project(&plan, from, PROJECTION_WEEKS);
    let md = review(&plan, Scope::Plan);
    let durations = section(&md, "Projected upgrade durations");
    // Surge quota summed over each cluster's pools (docs/aks-2026.md §1.4): prod system 1 × 4 +
    // apps 4 × 8 + win 1 × 4 = 40 DSv5 vCPUs; dev system 1 × 4 + apps 2 × 8 = 20.
    for c in &p.clusters {
        for pool in c.pools.iter() {
            let r = row(&durations, &c.name.replace('_', "\\_"), &pool.name);
            assert!(r.contains(&format_duration(pool.upgrade.minutes)), "{r}");
        }
    }
    let costs = section(&md, "Costs");
    let cur = &p.costs.currency;
    let fleet = row(
        &costs,
        "**fleet**",
        &format_money(p.costs.per_month_micros, cur),
    );
    assert!(fleet.contains(&format_money(p.costs.per_year_micros, cur)));
    for c in &p.costs.clusters {
        let r = row(&costs, &c.cluster, &format_money(c.per_month_micros, cur));
        assert!(r.contains(&format_money(c.per_year_micros, cur)));
    }
    let exposure = section(&md, "Exposure").join("\n");
    let missing = p.exposure.pools_missing_sla.join(", ");
    assert!(!missing.is_empty());
    assert!(exposure.contains(&format!("Pools missing the SLA: {missing}.")));
    // Projection findings join the plan's in the findings list.
    let findings = section(&md, "Findings").join("\n");
    for f in &p.findings {
        assert!(findings.contains(&format!("`{}`", f.code)), "{}", f.code);
    }
}

#[test]
fn every_cluster_gets_four_channels_with_its_planned_one_marked() {
    let md = review(&demo_plan(), Scope::Plan);
    let channels: Vec<&str> = section(&md, "Costs")
        .into_iter()
        .skip_while(|l| !l.starts_with("### The four node OS channels"))
        .collect();
    for c in demo_plan().clusters {
        let rows: Vec<&&str> = channels
            .iter()
            .filter(|l| l.starts_with(&format!("| {} | ", c.name)))
            .collect();
        assert_eq!(rows.len(), 4, "{}: {rows:?}", c.name);
        assert_eq!(rows.iter().filter(|l| l.contains("(planned)")).count(), 1);
    }
}

#[test]
fn one_cluster_shows_only_its_rows_and_no_fleet_totals() {
    let md = review(&demo_plan(), Scope::Cluster("aks-prod-weu"));
    for heading in ["Projected upgrade durations", "Exposure", "Costs"] {
        let body = section(&md, heading).join("\n");
        assert!(body.contains("aks-prod-weu"), "{heading}");
        assert!(!body.contains("aks-dev-weu") && !body.contains("aks-test-weu"));
        assert!(!body.contains("**fleet**"), "{heading}");
    }
}

#[test]
fn a_pool_too_slow_for_its_window_shows_spill_and_waits() {
    let mut plan = demo_plan();
    // aks-dev-weu has a 4 h weekly window; 120 nodes one at a time take far longer, and the
    // pool after it waits for the next window.
    let pool = &mut plan.clusters[0].agent_pool_profiles[0];
    pool.count = 120;
    pool.upgrade_settings.max_surge = Some(SurgeValue::Nodes(1));
    let md = review(&plan, Scope::Cluster("aks-dev-weu"));
    let durations = section(&md, "Projected upgrade durations");
    let system = row(&durations, "aks-dev-weu", "system");
    assert!(system.contains("| up to "), "{system}");
    let apps = row(&durations, "aks-dev-weu", "apps");
    assert!(
        apps.contains("times |") || apps.contains("once |"),
        "{apps}"
    );
    assert!(md.contains("`upgrade-longer-than-window`"));
}

#[test]
fn a_plan_without_clusters_has_no_projection_sections() {
    let md = review(&Plan::default(), Scope::Plan);
    for heading in ["Projected upgrade durations", "Exposure", "Costs"] {
        assert!(!md.contains(&format!("## {heading}")), "{heading}");
    }
}

#[test]
fn the_review_lists_surge_against_free_quota_and_the_warning() {
    use planner::rules::usage::{set_current_value, set_limit};
    let mut plan = demo_plan();
    let quota = &mut plan.compute_usages;
    set_limit(
        quota,
        "contoso-prod",
        "westeurope",
        "standardDSv5Family",
        Some(50),
    );
    set_current_value(
        quota,
        "contoso-prod",
        "westeurope",
        "standardDSv5Family",
        32,
    )
    .unwrap();
    let md = review(&plan, Scope::Plan);
    let durations = section(&md, "Projected upgrade durations");
    assert_eq!(
        row(
            &durations,
            "contoso-prod / westeurope",
            "standardDSv5Family"
        ),
        "| contoso-prod / westeurope | standardDSv5Family | 40 | 50 | 32 | short by 22: needs 40, 18 free |"
    );
    assert_eq!(
        row(
            &durations,
            "contoso-prod / westeurope",
            "Total Regional vCPUs"
        ),
        "| contoso-prod / westeurope | Total Regional vCPUs | 40 | — | — | needs 40, free quota unknown |"
    );
    let findings = section(&md, "Findings").join("\n");
    assert!(findings.contains("surge-exceeds-free-quota"), "{findings}");

    // One cluster exported alone: only its subscription and region.
    let one = review(&plan, Scope::Cluster("aks-dev-weu"));
    let durations = section(&one, "Projected upgrade durations").join("\n");
    assert!(
        durations.contains("| contoso-dev / westeurope | standardDSv5Family | 20 |"),
        "{durations}"
    );
    assert!(!durations.contains("contoso-prod"), "{durations}");
}

#[test]
fn the_review_lists_no_window_that_ended_before_now() {
    let mut plan = demo_plan();
    plan.clusters.truncate(1);
    let cfgs = &mut plan.clusters[0].maintenance_configurations;
    cfgs.default = None;
    cfgs.auto_upgrade = None;
    cfgs.node_os = Some(
        serde_json::from_value(serde_json::json!({
            "schedule": {"daily": {"intervalDays": 1}},
            "durationHours": 4,
            "utcOffset": "+00:00",
            "startTime": "00:00",
        }))
        .unwrap(),
    );
    // 10:00: today's 00:00-04:00 window has ended.
    let now: chrono::DateTime<chrono::Utc> = "2026-11-24T10:00:00Z".parse().unwrap();
    let md = export(&plan, ExportFormat::Markdown, Scope::Plan, now).unwrap();
    let windows = section(&md, "Maintenance windows").join("\n");
    assert!(!windows.contains("2026-11-24 00:00 UTC"), "{windows}");
    assert!(windows.contains("2026-11-25 00:00 UTC"), "{windows}");
}
