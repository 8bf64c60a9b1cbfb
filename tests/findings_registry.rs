//! The findings registry (issue 10 "One findings engine"): docs/findings.md is generated from
//! it and current, and every finding any family raises agrees with its registry entry.

mod common;

use chrono::{DateTime, Utc};
use planner::rules::demo::{demo_plan, fleet};
use planner::rules::finding::FindingCode;
use planner::rules::findings;
use planner::rules::plan::Plan;
use planner::view::findings::reference;
use proptest::prelude::*;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/findings.md");

fn now() -> DateTime<Utc> {
    "2026-11-24T09:00:00Z".parse().unwrap()
}

#[test]
fn docs_findings_md_is_generated_from_the_registry() {
    let generated = reference();
    if std::env::var_os("UPDATE_FINDINGS_DOC").is_some() {
        std::fs::write(DOC, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(DOC)
        .unwrap_or_else(|e| panic!("{DOC}: {e} (UPDATE_FINDINGS_DOC=1 creates it)"));
    assert!(
        committed == generated,
        "docs/findings.md is stale: rerun with UPDATE_FINDINGS_DOC=1 and review the diff"
    );
}

/// Every finding says what its registry entry says: severity, and an estimate only when the
/// rule is one.
fn agrees_with_the_registry(plan: &Plan) -> Result<(), String> {
    for f in findings::all(plan, now()) {
        let rule = f.code.rule();
        if f.severity != rule.severity {
            return Err(format!(
                "{} raised as {:?}, registered as {:?}",
                f.code, f.severity, rule.severity
            ));
        }
        if f.message.is_empty() || f.why.is_empty() || f.fix.is_empty() {
            return Err(format!("{} has an empty text: {f:?}", f.code));
        }
    }
    Ok(())
}

#[test]
fn the_demo_the_fleet_and_the_pitfalls_agree_with_the_registry() {
    let pitfalls = Plan::from_json(include_str!("fixtures/pitfalls.json"))
        .unwrap()
        .0;
    for plan in [demo_plan(), fleet(12), pitfalls] {
        agrees_with_the_registry(&plan).unwrap();
    }
}

#[test]
fn one_list_holds_every_family_and_each_rule_once() {
    // The demo at this instant raises plan checks, window checks and projection findings.
    let all = findings::all(&demo_plan(), now());
    let has = |code: &str| all.iter().any(|f| f.code == code);
    assert!(has("channel-change-takes-up-to-24h"), "plan check");
    assert!(has("assumption-no-start-date"), "window check");
    assert!(has("exposure-over-sla"), "projection");
    // Retired duplicates are not raised (the type makes them unrepresentable; this checks the
    // strings pipelines used cannot come back through serialization either).
    let json = serde_json::to_string(&all).unwrap();
    for (old, _) in planner::rules::finding::RETIRED {
        assert!(!json.contains(&format!("\"{old}\"")), "{old}");
    }
    assert!(FindingCode::ALL.len() > 80);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_plans_agree_with_the_registry(plan in common::plan(3, "[a-z]{1,8}")) {
        prop_assert_eq!(agrees_with_the_registry(&plan), Ok(()));
    }
}
