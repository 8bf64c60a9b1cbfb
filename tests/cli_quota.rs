//! Free vCPU quota through the CLI (docs/aks-rules.md §4.2–4.3): `quota` records what
//! `az vm list-usage -o json` printed, `check` warns when the worst-case surge does not fit,
//! `project` shows surge against free quota in text and JSON, and a share link keeps it.

use std::path::PathBuf;
use std::process::{Command, Output};

use tempfile::TempDir;

const FROM: &str = "2026-11-02T00:00:00Z";

fn planner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aks-planner"))
        .args(args)
        .output()
        .expect("aks-planner runs")
}

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "az", name]
        .iter()
        .collect();
    path.to_string_lossy().into_owned()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A file in a test's temporary directory (removed when the test drops it).
fn temp(dir: &TempDir, name: &str, content: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

/// The demo plan with contoso-prod / westeurope's quota from the fixture: standardDSv5Family
/// 350 − 332 = 18 free against prod/apps' 4 surge nodes × 8 vCPUs = 32; cores 60 free. The
/// plan file lives as long as the returned directory.
fn demo_with_quota() -> (TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let demo = planner(&["demo"]);
    let demo_path = temp(&dir, "demo.json", &demo.stdout);
    let out = planner(&[
        "quota",
        &demo_path,
        "--subscription",
        "contoso-prod",
        "--location",
        "westeurope",
        &fixture("vm-list-usage.json"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let log = text(&out.stderr);
    assert!(
        log.contains("contoso-prod / westeurope: filled 2 of 2 quotas from 2 vCPU quotas in the list: standardDSv5Family, cores."),
        "{log}"
    );
    assert!(
        log.contains("standardDSv5Family: short by 14: needs 32, 18 free (limit 350, used 332)"),
        "{log}"
    );
    let plan = temp(&dir, "plan.json", &out.stdout);
    (dir, plan)
}

#[test]
fn quota_records_only_the_needed_vcpu_quotas_in_arm_shape() {
    let (_dir, plan) = demo_with_quota();
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(plan).unwrap()).unwrap();
    let items = &v["computeUsages"]["contoso-prod"]["westeurope"];
    assert_eq!(items.as_array().unwrap().len(), 2, "{items}");
    assert_eq!(items[0]["name"]["value"], "standardDSv5Family");
    assert_eq!(
        items[0]["name"]["localizedValue"],
        "Standard DSv5 Family vCPUs"
    );
    // az prints strings; the plan keeps ARM's numbers.
    assert_eq!(items[0]["currentValue"], 332);
    assert_eq!(items[0]["limit"], 350);
    assert_eq!(items[1]["name"]["value"], "cores");
}

#[test]
fn check_warns_with_the_numbers_the_consequence_and_the_fix() {
    let (_dir, plan) = demo_with_quota();
    let out = planner(&["check", &plan, "--now", FROM]);
    // A warning, not an error: exit 0.
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.contains("warning[surge-exceeds-free-quota] aks-prod-weu/apps/upgradeSettings.maxSurge: contoso-prod / westeurope: surges need up to 32 vCPUs of the standardDSv5Family quota but only 18 are free (limit 350, used 332)"),
        "{report}"
    );
    assert!(
        report.contains("AKS retries with 1 surge node, so apps takes about"),
        "{report}"
    );
    assert!(
        report.contains(
            "fix: Request at least 14 more vCPUs of the standardDSv5Family quota in westeurope"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "see: Upgrade capacity and cost planning for AKS <https://learn.microsoft.com/"
        ),
        "{report}"
    );
    assert_eq!(
        report.matches("surge-exceeds-free-quota").count(),
        1,
        "{report}"
    );

    let json = planner(&["check", &plan, "--now", FROM, "--json"]);
    let found: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let quota: Vec<&serde_json::Value> = found
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "surge-exceeds-free-quota")
        .collect();
    assert_eq!(quota.len(), 1);
    assert_eq!(quota[0]["severity"], "warning");
    assert_eq!(quota[0]["path"]["cluster"], 2);
    assert_eq!(quota[0]["path"]["pool"], 1);
}

#[test]
fn project_shows_surge_against_free_quota_in_text_and_json() {
    let (_dir, plan) = demo_with_quota();
    let out = planner(&["project", &plan, "--from", FROM, "--weeks", "2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.contains("  subscription contoso-prod, region westeurope: worst case if windows overlap DSv5: +32 vCPUs\n    vs free quota: standardDSv5Family: short by 14: needs 32, 18 free (limit 350, used 332)\n    vs free quota: Total Regional vCPUs: fits: needs 32 of 60 free (limit 100, used 40)\n"),
        "{report}"
    );
    assert!(
        report.contains("vs free quota: standardNCSv3Family: needs 6, free quota unknown"),
        "{report}"
    );

    let json = planner(&["project", &plan, "--from", FROM, "--weeks", "2", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let prod = &v["projection"]["quota"]["regions"][2];
    assert_eq!(prod["subscription"], "contoso-prod");
    assert_eq!(prod["location"], "westeurope");
    let dsv5 = &prod["checks"][0];
    assert_eq!(dsv5["name"], "standardDSv5Family");
    assert_eq!(dsv5["needed"], 32);
    assert_eq!(dsv5["free"], 18);
    assert_eq!(dsv5["status"], "short");
    assert_eq!(dsv5["contributors"][0]["cluster"], "aks-prod-weu");
    assert_eq!(dsv5["contributors"][0]["pool"], "apps");
    assert_eq!(prod["checks"][1]["status"], "fits");
}

#[test]
fn a_share_link_keeps_the_quota() {
    let (_dir, plan) = demo_with_quota();
    let link = planner(&["link", &plan]);
    assert!(link.status.success(), "{}", text(&link.stderr));
    let url = text(&link.stdout);
    let opened = planner(&["open", url.trim()]);
    assert!(opened.status.success(), "{}", text(&opened.stderr));
    let original = std::fs::read_to_string(&plan).unwrap();
    assert_eq!(text(&opened.stdout).trim(), original.trim());
}

#[test]
fn unreadable_usage_output_and_unknown_places_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let demo = planner(&["demo"]);
    let demo_path = temp(&dir, "demo.json", &demo.stdout);
    let garbage = temp(
        &dir,
        "usage.txt",
        b"Name   CurrentValue   Limit\ncores  40  100\n",
    );
    let args = |usage: &str, location: &str| {
        planner(&[
            "quota",
            &demo_path,
            "--subscription",
            "contoso-prod",
            "--location",
            location,
            usage,
        ])
    };
    let out = args(&garbage, "westeurope");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("usage.txt: line 1, column 1"), "{err}");
    assert!(out.stdout.is_empty());

    let out = args(&fixture("vm-list-usage.json"), "eastus");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("no cluster of the plan is in subscription \"contoso-prod\", region \"eastus\"; the plan has: contoso-dev / westeurope"),
        "{err}"
    );
}

#[test]
fn a_negative_count_in_a_plan_file_is_a_read_error_with_its_position() {
    let plan = r#"{"version": 1,
"computeUsages": {"contoso-prod": {"westeurope": [
  {"name": {"value": "cores"}, "currentValue": -4, "limit": 100}
]}}}"#;
    let dir = tempfile::tempdir().unwrap();
    let path = temp(&dir, "plan.json", plan.as_bytes());
    let out = planner(&["check", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("line 3, column"), "{err}");
    assert!(
        err.contains("expected a whole number of vCPUs, 0 or more"),
        "{err}"
    );
}
