//! Hostile values stay inert: names full of shell syntax go through the real bash script with
//! a stub `az` that records its argv, and every argument must come back byte for byte as the
//! command model says. (PowerShell is not installed here; `export::quote`'s unit tests check
//! its quoting invariants instead.)

mod common;

use chrono::NaiveDate;
use common::az_stub::{Sandbox, expected_calls, require_bash};
use planner::rules::demo::demo_plan;
use planner::rules::export::{CliVersion, ExportFormat, Scope, render_unchecked};
use planner::rules::plan::Plan;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn assert_inert(plan: &Plan, sandbox: &Sandbox) {
    let sh = render_unchecked(plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
    let (calls, configs) = sandbox.run(&sh);
    let (expected, expected_configs) = expected_calls(plan, today());
    assert_eq!(calls.len(), expected.len(), "number of az calls\n{sh}");
    for (got, want) in calls.iter().zip(&expected) {
        assert_eq!(got.len(), want.len(), "{want:?}");
        for (g, w) in got.iter().zip(want) {
            if w == "--config-file=" {
                assert!(g.starts_with(b"--config-file="), "{g:?}");
            } else {
                assert_eq!(g, w.as_bytes(), "argument changed by the shell");
            }
        }
    }
    let configs: Vec<String> = configs
        .into_iter()
        .map(|c| String::from_utf8(c).unwrap().trim_end().to_owned())
        .collect();
    assert_eq!(configs, expected_configs);
}

fn hostile_plan(text: &str) -> Plan {
    let mut plan = demo_plan();
    plan.name = format!("{text}\n$(touch pwned-name)");
    // An old CLI exercises the prerequisites, the feature loop and the warnings too.
    plan.assumptions.export.target_cli = CliVersion::new(2, 50);
    for (i, c) in plan.clusters.iter_mut().enumerate() {
        c.name = format!("{text}{i}");
        c.resource_group = format!("rg{text}");
        c.subscription = text.to_owned();
        for p in &mut c.agent_pool_profiles {
            p.name = format!("{}{text}", p.name);
        }
    }
    plan
}

const NASTY: &[&str] = &[
    "'",
    "\"",
    "$(touch pwned)",
    "`touch pwned`",
    "; touch pwned",
    "a\nb\rc",
    "$HOME",
    "${IFS}",
    "\\'\\",
    "it's a \"test\"",
    "-g --subscription=evil",
    "*",
    "~",
    "!!",
    "#",
    "&& touch pwned",
    "| tee pwned",
    "> pwned",
    "ü€‘’‚‛\u{2028}\u{202e}",
    "AKS_PLANNER_JSON",
    "'@\n@'",
    "%PATH%",
];

#[test]
fn hostile_names_reach_az_byte_for_byte() {
    require_bash();
    let sandbox = Sandbox::new();
    for text in NASTY {
        assert_inert(&hostile_plan(text), &sandbox);
    }
    let created: Vec<_> = std::fs::read_dir(&sandbox.dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().starts_with("pwned"))
        .collect();
    assert!(
        created.is_empty(),
        "a hostile value ran a command: {created:?}"
    );
}

#[test]
fn a_name_with_nul_is_refused_not_truncated() {
    let err = render_unchecked(
        &hostile_plan("a\0b"),
        ExportFormat::Az,
        Scope::Plan,
        today(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("NUL"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_hostile_names_stay_inert(text in "[ -~\u{a0}-\u{ff}\u{2018}-\u{201f}\n\t]{1,24}") {
        require_bash();
        let sandbox = Sandbox::new();
        assert_inert(&hostile_plan(&text), &sandbox);
    }
}
