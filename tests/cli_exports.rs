//! The CLI's export, link, open and import commands, run as a user would.

use std::process::{Command, Output};

fn aks_planner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aks-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// The demo plan in a temporary file of its own (tests run in parallel threads of one process,
/// so a shared path would be rewritten while another test reads it), removed on drop.
fn demo_file() -> tempfile::TempPath {
    let demo = aks_planner(&["demo"]);
    let file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::fs::write(file.path(), demo.stdout).unwrap();
    file.into_temp_path()
}

#[test]
fn export_prints_each_format_and_honours_today_and_cluster() {
    let file = demo_file();
    let demo = file.to_str().unwrap();
    for (format, marker) in [
        ("az", "set -Eeuo pipefail"),
        ("pwsh", "$ErrorActionPreference = 'Stop'"),
        ("bicep", "resource cluster1"),
        ("terraform", "resource \"azurerm_kubernetes_cluster\""),
        ("ics", "DTSTAMP:20261124T000000Z\r\n"),
        ("markdown", "## Node pools"),
    ] {
        let out = aks_planner(&["export", demo, "--format", format, "--today", "2026-11-24"]);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout(&out).contains(marker), "{format}");
        assert!(stdout(&out).contains("2026-11-24"), "{format}");
    }
    let ics = aks_planner(&[
        "export",
        demo,
        "--format=ics",
        "--weeks=1",
        "--cluster=aks-prod-weu",
        "--today=2026-11-24",
    ]);
    assert!(ics.status.success());
    let ics = stdout(&ics);
    // One week of prod: the node OS, default and auto-upgrade windows, nothing of other clusters.
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 3, "{ics}");
    assert!(ics.contains("DTSTART:20261128T210000Z\r\nDTEND:20261129T050000Z\r\nSUMMARY:aks-prod-weu: node OS upgrade window\r\n"));
    assert!(!ics.contains("aks-dev-weu"));
    let one = aks_planner(&[
        "export",
        demo,
        "--format=az",
        "--cluster",
        "aks-prod-weu",
        "--today=2026-11-24",
    ]);
    assert!(stdout(&one).contains("aks-prod-weu") && !stdout(&one).contains("aks-dev-weu"));
}

#[test]
fn export_refuses_bad_arguments_with_exit_2() {
    let file = demo_file();
    let demo = file.to_str().unwrap();
    // Each refusal says what was wrong and what to write instead, and prints no export.
    for (args, says) in [
        (
            vec!["export", demo],
            "missing --format az|pwsh|bicep|terraform|ics|markdown",
        ),
        (
            vec!["export", demo, "--format", "ics2"],
            "unknown export format \"ics2\": use az, pwsh, bicep, terraform, ics or markdown",
        ),
        (
            vec!["export", demo, "--format", "az", "--today", "24/11/2026"],
            "--today \"24/11/2026\" is not a date: write YYYY-MM-DD",
        ),
        (
            vec!["export", demo, "--format", "az", "--cluster", "nope"],
            "no cluster named \"nope\" in the plan",
        ),
        (
            vec!["export", demo, "--format", "az", "--weeks", "4"],
            "--weeks is the calendar's horizon: use it with --format ics, not az",
        ),
        (
            vec!["export", demo, "--format", "ics", "--weeks", "0"],
            "--weeks \"0\" must be a whole number from 1 to 104",
        ),
        (
            vec!["export", demo, "--format", "ics", "--weeks", "105"],
            "--weeks \"105\" must be a whole number from 1 to 104",
        ),
    ] {
        let out = aks_planner(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?} printed an export");
    }
}

#[test]
fn link_then_open_gives_back_the_plan() {
    let file = demo_file();
    let demo = file.to_str().unwrap();
    let link = aks_planner(&["link", demo, "--base", "https://planner.example/"]);
    let link = stdout(&link).trim().to_owned();
    assert!(link.starts_with("https://planner.example/#p=1."), "{link}");
    let opened = aks_planner(&["open", &link]);
    assert!(opened.status.success());
    assert_eq!(stdout(&opened), stdout(&aks_planner(&["demo"])));
}

#[test]
fn open_explains_a_damaged_link() {
    let out = aks_planner(&["open", "https://planner.example/#p=1.AAAA"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("link"));
}

#[test]
fn import_reads_az_files_in_any_order_and_names_the_bad_file() {
    let out = aks_planner(&[
        "import",
        "tests/fixtures/az/maintenanceconfiguration-list.json",
        "tests/fixtures/az/aks-show.json",
        "tests/fixtures/az/nodepool-list.json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = stdout(&out);
    assert!(json.contains("\"aks-prod\"") && json.contains("\"aksManagedNodeOSUpgradeSchedule\""));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ignored"));
    let bad = aks_planner(&["import", "tests/fixtures/az/aks-show.json", "Cargo.toml"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("Cargo.toml is not valid JSON at line 1, column"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

/// A file holding `text`, unique per call (tests run in parallel), removed on drop (it was
/// left in the temporary folder after every run).
fn temp_file(tag: &str, text: &str) -> tempfile::TempPath {
    let file = tempfile::Builder::new()
        .prefix(&format!("aks-planner-cli-{tag}-"))
        .suffix(".json")
        .tempfile()
        .unwrap();
    std::fs::write(file.path(), text).unwrap();
    file.into_temp_path()
}

#[test]
fn export_scopes_errors_to_what_is_exported() {
    let mut plan: serde_json::Value =
        serde_json::from_slice(&aks_planner(&["demo"]).stdout).unwrap();
    // A pool name AKS rejects, in the second cluster only.
    plan["clusters"][1]["agentPoolProfiles"][0]["name"] = serde_json::json!("Bad_Pool");
    let file = temp_file("one-broken", &plan.to_string());
    let run = |extra: &[&str]| {
        let mut args = vec![
            "export",
            file.to_str().unwrap(),
            "--format=az",
            "--today=2026-11-24",
        ];
        args.extend_from_slice(extra);
        aks_planner(&args)
    };
    let good = run(&["--cluster=aks-dev-weu"]);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    assert!(stdout(&good).contains("--name=aks-dev-weu"));
    assert!(good.stderr.is_empty());
    let bad = run(&["--cluster=aks-test-weu"]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("cluster aks-test-weu has 1 error(s) and exports nothing")
            && err.contains("pool-name-invalid"),
        "{err}"
    );
    assert!(bad.stdout.is_empty());
    let all = run(&[]);
    assert!(all.status.success());
    let err = String::from_utf8_lossy(&all.stderr);
    assert!(
        err.contains("not exported: cluster aks-test-weu skipped, 1 error(s)"),
        "{err}"
    );
    let script = stdout(&all);
    assert!(script.contains("# NOT EXPORTED: 1 cluster(s) with errors"));
    assert!(script.contains("--name=aks-prod-weu") && !script.contains("--name=aks-test-weu"));
}

#[test]
fn import_says_which_fields_were_not_found() {
    let partial = temp_file(
        "partial",
        r#"{"id": "/subscriptions/s1/resourceGroups/rg-x/providers/Microsoft.ContainerService/managedClusters/aks-x",
            "name": "aks-x", "type": "Microsoft.ContainerService/managedClusters", "location": "West Europe",
            "properties": {"kubernetesVersion": "1.33.2",
                           "agentPoolProfiles": [{"name": "system", "mode": "System", "vmSize": "Standard_D4s_v5", "count": 3}]}}"#,
    );
    let out = aks_planner(&["import", partial.to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: cluster aks-x: autoUpgradeProfile not found"),
        "{err}"
    );
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = &plan["clusters"][0];
    assert_eq!(c["location"], "westeurope");
    assert_eq!(c["agentPoolProfiles"][0]["vmSize"], "Standard_D4s_v5");
    assert!(c.get("currentAutoUpgradeProfile").is_none(), "{c}");
}
