//! `aks-planner eta`: the Copy Fail replay through the CLI, exit codes for a pipeline gate,
//! JSON output and argument errors.

use std::path::PathBuf;
use std::process::{Command, Output};

fn sample() -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "plans",
        "eta-saturday.json",
    ]
    .iter()
    .collect();
    path.to_string_lossy().into_owned()
}

fn eta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aks-planner"))
        .arg("eta")
        .arg(sample())
        .args(args)
        .output()
        .expect("aks-planner runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const COPY_FAIL: [&str; 6] = [
    "--image",
    "202606.08.1",
    "--disclosed",
    "2026-04-30",
    "--now",
    "2026-06-01T00:00:00Z",
];

#[test]
fn a_pool_missing_the_sla_exits_1() {
    // In the region 2026-06-19 … 07-03, Saturday windows 06-20 … 07-04: 58 to 65 days after
    // disclosure, PCI DSS's month missed by 35 days.
    let o = eta(&[&COPY_FAIL[..], &["--sla", "pci"]].concat());
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("aks-prod/apps (Ubuntu 22.04, NodeImage)"),
        "{out}"
    );
    assert!(
        out.contains("in region:  2026-06-19 … 2026-07-03 (likely 2026-06-26)"),
        "{out}"
    );
    assert!(
        out.contains("window:     2026-06-20 … 2026-07-04 (likely 2026-06-27)"),
        "{out}"
    );
    assert!(out.contains("MISSED by 35."), "{out}");
    assert!(out.contains("Release data as of 2026-07-17"), "{out}");
    // Asked on 2026-06-01, the data is not stale yet.
    assert!(!out.contains("warning: The release data"), "{out}");
    // The deadline (2026-05-30) passed before "now": no change can meet it, none is offered.
    assert!(!out.contains("suggestion"), "{out}");
}

#[test]
fn every_pool_meeting_the_sla_exits_0() {
    let o = eta(&[&COPY_FAIL[..], &["--sla", "fedramp-moderate"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Deadline 2026-07-29, the last node done 2026-07-04 00:37 UTC.
    assert!(
        stdout(&o).contains("met, 25.0 d to spare"),
        "{}",
        stdout(&o)
    );
    let days = eta(&[&COPY_FAIL[..], &["--sla", "70"]].concat());
    assert_eq!(days.status.code(), Some(0));
}

#[test]
fn json_output_carries_the_range_and_the_verdict() {
    let o = eta(&[&COPY_FAIL[..], &["--sla", "cyber-essentials", "--json"]].concat());
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let pool = &v["eta"]["pools"][0];
    assert_eq!(pool["outcome"]["kind"], "dated");
    assert_eq!(
        pool["outcome"]["done"]["earliest"].as_str().unwrap()[..10],
        *"2026-06-20"
    );
    assert_eq!(pool["outcome"]["verdict"]["verdict"], "missed");
    assert_eq!(v["eta"]["slaDays"], 14);
    assert_eq!(v["question"]["images"]["AKSUbuntu-2204"], "202606.08.1");
}

#[test]
fn stale_release_data_is_flagged() {
    let o = eta(&[
        "--image",
        "202606.08.1",
        "--now",
        "2026-12-06T00:00:00Z",
        "--sla",
        "365",
    ]);
    let out = stdout(&o);
    assert!(
        out.contains("warning: The release data is 142 days old"),
        "{out}"
    );
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    for (args, says) in [
        (&["--image", "2026.06.08"][..], "not a node image version"),
        (&["--disclosed", "30/04/2026"][..], "YYYY-MM-DD"),
        (
            &["--image", "202606.08.1", "--sla", "sox"][..],
            "unknown SLA",
        ),
        (&[][..], "fixed image version"),
        (
            &["--image", "AKSUbuntu-2204=26100.32370.260210"][..],
            "Windows image version",
        ),
    ] {
        let o = eta(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
