//! Golden tests: every export format of the demo plan and of a plan that hits every §5 pitfall,
//! compared byte for byte with `tests/golden/`. Regenerate after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test export_golden` and review the diff.

use chrono::NaiveDate;
use planner::rules::demo::demo_plan;
use planner::rules::export::{CliVersion, ExportFormat, Scope, export};
use planner::rules::plan::Plan;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn pitfalls() -> Plan {
    Plan::from_json(include_str!("fixtures/pitfalls.json"))
        .unwrap()
        .0
}

fn golden(name: &str, actual: &str) {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(format!("{}/tests/golden", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (UPDATE_GOLDEN=1 creates it)"));
    assert!(
        expected == actual,
        "{name} differs from {path}; rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn every_format_of_the_demo_matches_its_golden_file() {
    for format in ExportFormat::ALL {
        let text = export(&demo_plan(), format, Scope::Plan, today()).unwrap();
        golden(&format!("demo.{}", format.extension()), &text);
    }
}

#[test]
fn every_format_of_the_pitfalls_plan_matches_its_golden_file() {
    let mut plan = pitfalls();
    for (target, suffix) in [
        (CliVersion::new(2, 50), "cli-2.50"),
        (CliVersion::CURRENT, "cli-2.91"),
    ] {
        plan.assumptions.export.target_cli = target;
        for format in [ExportFormat::Az, ExportFormat::Pwsh] {
            let text = export(&plan, format, Scope::Plan, today()).unwrap();
            golden(&format!("pitfalls-{suffix}.{}", format.extension()), &text);
        }
    }
    for format in [
        ExportFormat::Bicep,
        ExportFormat::Terraform,
        ExportFormat::Ics,
        ExportFormat::Markdown,
    ] {
        let text = export(&plan, format, Scope::Plan, today()).unwrap();
        golden(&format!("pitfalls.{}", format.extension()), &text);
    }
}

#[test]
fn exports_are_deterministic() {
    for format in ExportFormat::ALL {
        let a = export(&demo_plan(), format, Scope::Plan, today()).unwrap();
        let b = export(&demo_plan(), format, Scope::Plan, today()).unwrap();
        assert_eq!(a, b, "{format}");
    }
}

/// The §5 pitfalls, checked on the text (the golden files show the whole picture).
#[test]
fn the_pitfalls_are_handled_in_the_az_script() {
    let mut plan = pitfalls();
    plan.assumptions.export.target_cli = CliVersion::CURRENT;
    let sh = export(&plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
    // Negative offsets with '=' (§5.6); never a space-separated offset.
    assert!(sh.contains("--utc-offset=-08:00"));
    assert!(!sh.contains("--utc-offset -"));
    // AbsoluteMonthly and legacy default via --config-file in the properties shape (A-17, §5.3.4).
    assert!(sh.contains(r#"{"properties":{"maintenanceWindow":{"schedule":{"absoluteMonthly":{"intervalMonths":2,"dayOfMonth":15}}"#));
    assert!(sh.contains(r#"{"properties":{"timeInWeek":[{"day":"Tuesday","hourSlots":[1,2]}]"#));
    assert!(!sh.contains("--day-of-month="));
    // The past startDate became the first planned window on or after today, with a note
    // (A-10): every 2 months on the 15th from January 2026 is Nov 15 (past on Nov 24), then
    // Jan 15, 2027. The future one stays.
    assert!(!sh.contains("2026-01-01\""));
    assert!(sh.contains(r#""startDate":"2027-01-15""#) && sh.contains("is in the past"));
    assert!(sh.contains("--start-date=2027-02-05"));
    // --yes for `none` (§2 rule 9), soak 0 explained and not emitted (§5.4), no node-image-only.
    // The live channels are unknown (the cluster may be on node-image): the cluster channel
    // first, then the node OS channel, in two commands (aks-rules.md §2 rule 1).
    let none = sh.find("--auto-upgrade-channel=none --yes\n").unwrap();
    let node_os = sh
        .find("--node-os-upgrade-channel=SecurityPatch\n")
        .unwrap();
    assert!(none < node_os);
    assert!(sh.contains("--node-soak-duration 0 is silently dropped"));
    assert!(!sh.contains("--node-soak-duration=0"));
    assert!(!sh.contains("--node-image-only"));
    // Resource groups with parentheses are quoted (§5.6).
    assert!(sh.contains("--resource-group='rg(prod).eu'"));
}

#[test]
fn an_old_cli_gets_preview_prerequisites_and_clear_too_old_notes() {
    let sh = export(&pitfalls(), ExportFormat::Az, Scope::Plan, today()).unwrap();
    assert!(sh.contains("az extension add --name=aks-preview --upgrade"));
    assert!(sh.contains("az feature register --namespace=Microsoft.ContainerService --name=NodeOsUpgradeChannelPreview"));
    assert!(sh.contains("until [ \"$(az feature show --namespace=Microsoft.ContainerService --name=NodeOsUpgradeChannelPreview --query=properties.state --output=tsv)\" = Registered ]"));
    assert!(sh.contains("az provider register --namespace=Microsoft.ContainerService"));
    for flag in [
        "--max-unavailable",
        "--drain-timeout",
        "--undrainable-node-behavior",
    ] {
        assert!(
            sh.contains(&format!("az CLI 2.50 is too old for {flag}")),
            "{flag}"
        );
        assert!(!sh.contains(&format!("{flag}=")), "{flag}");
    }
    // `none` does not prompt before 2.73, and `--yes` is not added.
    assert!(sh.contains("node pool spot: az CLI 2.50 is too old for --max-unavailable"));
    assert!(!sh.contains("--yes"));
}

#[test]
fn one_cluster_can_be_exported_alone_and_unknown_names_are_refused() {
    let sh = export(
        &demo_plan(),
        ExportFormat::Az,
        Scope::Cluster("aks-test-weu"),
        today(),
    )
    .unwrap();
    assert!(sh.contains("apply_cluster_1") && !sh.contains("apply_cluster_2"));
    assert!(sh.contains("aks-test-weu") && !sh.contains("aks-prod-weu"));
    let err = export(
        &demo_plan(),
        ExportFormat::Az,
        Scope::Cluster("nope"),
        today(),
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "no cluster named \"nope\" in the plan");
}

#[test]
fn bash_exports_pass_bash_syntax_check() {
    let Ok(out) = std::process::Command::new("bash").arg("--version").output() else {
        eprintln!("bash not installed: syntax check skipped");
        return;
    };
    assert!(out.status.success());
    for plan in [demo_plan(), pitfalls()] {
        let sh = export(&plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
        let dir = std::env::temp_dir().join(format!("aks-planner-golden-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("plan.sh");
        std::fs::write(&file, sh).unwrap();
        let status = std::process::Command::new("bash")
            .arg("-n")
            .arg(&file)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

#[test]
fn a_plan_with_errors_exports_nothing_but_the_errors() {
    let mut plan = pitfalls();
    // AKS refuses maxUnavailable on System pools (a findings Error).
    plan.clusters[0].agent_pool_profiles[0]
        .upgrade_settings
        .max_unavailable = Some(planner::rules::surge::SurgeValue::Nodes(1));
    for format in [
        ExportFormat::Az,
        ExportFormat::Pwsh,
        ExportFormat::Bicep,
        ExportFormat::Terraform,
    ] {
        let err = export(&plan, format, Scope::Plan, today()).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("exports nothing") && text.contains("max-unavailable-on-system-pool"),
            "{text}"
        );
    }
    // The review summary still renders, and lists the error.
    let md = export(&plan, ExportFormat::Markdown, Scope::Plan, today()).unwrap();
    assert!(md.contains("max-unavailable-on-system-pool"));
}
