//! `aks-planner project` on a plan with cluster auto-upgrade (docs/aks-rules.md §2): the text
//! output is compared with `tests/golden/project-auto-upgrade.txt` (regenerate after an intended
//! change with `UPDATE_GOLDEN=1 cargo test --test cli_project` and review the diff); the JSON
//! output carries the same upgrades.

use std::process::{Command, Output};

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/plans/auto-upgrade.json");
const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/project-auto-upgrade.txt"
);

fn project(extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aks-planner"))
        .args([
            "project",
            PLAN,
            "--from",
            "2026-11-24T00:00:00Z",
            "--weeks",
            "13",
        ])
        .args(extra)
        .output()
        .expect("aks-planner runs")
}

#[test]
fn the_text_output_matches_its_golden_file() {
    let out = project(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(GOLDEN)
        .unwrap_or_else(|e| panic!("{GOLDEN}: {e} (UPDATE_GOLDEN=1 creates it)"));
    assert!(
        expected == text,
        "project output differs from {GOLDEN}; rerun with UPDATE_GOLDEN=1 and review the diff\n{text}"
    );
    // What the golden file must keep saying, whatever else changes in it.
    for needle in [
        "2026-12-16 02:00 → 2026-12-16 03:29  1.36.3 → 1.36 patch 2026-12-05 (projected)",
        "2026-12-16 02:52 → 2026-12-16 03:29  K8s upgrade    1.36 patch 2026-12-05 (projected)",
        "Kubernetes stable · AKS-determined time (no auto-upgrade window): from 1.35.1",
        "1.35.1 → 1.36 patch 2026-11-05 (projected)",
        "aks-patch/apps (Kubernetes upgrades): 0.95 USD per month",
        "(of which Kubernetes upgrades 1.23 USD per month)",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn the_json_output_carries_the_upgrades_costs_and_releases() {
    let out = project(&["--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = &v["projection"];
    let patch = &p["clusters"][0]["kubernetes"];
    assert_eq!(patch["scheduling"], "maintenanceWindow");
    assert_eq!(patch["upgrades"].as_array().unwrap().len(), 3);
    assert_eq!(patch["upgrades"][0]["start"], "2026-12-16T02:00:00Z");
    assert_eq!(
        patch["upgrades"][0]["controlPlaneEnd"],
        "2026-12-16T02:15:00Z"
    );
    let release = patch["upgrades"][0]["release"].as_u64().unwrap() as usize;
    assert_eq!(p["releases"][release]["stream"], "kubernetes");
    assert_eq!(
        p["releases"][release]["label"],
        "1.36 patch 2026-12-05 (projected)"
    );
    let steps = &p["clusters"][0]["pools"][1]["kubernetesEvents"];
    assert_eq!(steps[0]["kind"], "kubernetesUpgrade");
    assert_eq!(steps[0]["start"], "2026-12-16T02:52:00Z");
    let stable = &p["clusters"][1]["kubernetes"];
    assert_eq!(stable["scheduling"], "aksDetermined");
    assert!(stable["upgrades"][0]["start"].is_null());
    let off = &p["clusters"][2]["kubernetes"];
    assert_eq!(off["scheduling"], "notPatched");
    assert!(off["upgrades"].as_array().unwrap().is_empty());
    assert!(
        p["clusters"][2]["pools"][0]
            .get("kubernetesEvents")
            .is_none()
    );
    // Per Kubernetes upgrade (§4.4): system 1 × 0.192/h × 37 min = 0.1184, apps 4 × 0.384/h
    // × 37 min = 0.9472; aks-patch 3 upgrades, aks-stable 4 (system only) over 91 days:
    // (3 × 1.0656 + 4 × 0.1184) × 43 830 / 131 040 = 1.227669 per month.
    assert_eq!(p["costs"]["kubernetesPerMonthMicros"], 1_227_669);
}
