//! `aks-planner check`: exit codes, human and JSON output, on the sample plans in tests/plans.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn planner() -> Command {
    Command::new(env!("CARGO_BIN_EXE_aks-planner"))
}

fn sample(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "plans", name]
        .iter()
        .collect();
    path.to_string_lossy().into_owned()
}

fn check(args: &[&str]) -> Output {
    planner()
        .arg("check")
        .args(args)
        .output()
        .expect("aks-planner runs")
}

/// `check -` with `input` on stdin.
fn check_stdin(input: &[u8], extra: &[&str]) -> Output {
    let mut child = planner()
        .args(["check", "-"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("aks-planner starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("stdin accepts the plan");
    child.wait_with_output().expect("aks-planner finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_demo_plan_checks_clean_with_exit_0() {
    let demo = planner().arg("demo").output().expect("demo runs");
    assert!(demo.status.success());
    // "Now" pinned: with the real clock, a run minutes before one of the demo's windows
    // rightly warns that a change then comes too late (maintenance-changed-too-late).
    let out = check_stdin(&demo.stdout, &["--now", "2026-11-24T12:00:00Z"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    // No errors. The only warnings are the projection's: three demo pools miss the 14-day
    // exposure SLA (`check` shows every family since issue 10; before, it showed none of the
    // projection's findings and said "0 warnings"), each labelled an estimate.
    assert!(text.contains("0 errors, 3 warnings"), "{text}");
    assert_eq!(
        text.matches("warning[exposure-over-sla]").count(),
        3,
        "{text}"
    );
    assert_eq!(text.matches("    Estimate: ").count(), 3, "{text}");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_plan_with_errors_exits_1_and_names_each_rule() {
    let out = check(&[&sample("errors.json")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    for code in [
        "node-image-requires-nodeimage",
        "max-unavailable-on-system-pool",
        "windows-pool-name-too-long",
        "securitypatch-unsupported-os",
        "surge-and-unavailable-zero",
        "drain-timeout-out-of-range",
        "soak-duration-out-of-range",
        "resource-group-missing",
        "no-system-pool",
        "default-max-surge-assumed",
    ] {
        assert!(
            text.contains(&format!("[{code}]")),
            "{code} missing:\n{text}"
        );
    }
    // Errors come before notes, and each finding says why, how to fix and where to read more.
    let first_note = text.find("note[").expect("has notes");
    let last_error = text.rfind("error[").expect("has errors");
    assert!(last_error < first_note, "{text}");
    assert!(
        text.contains("    why: ") && text.contains("    fix: "),
        "{text}"
    );
    assert!(
        text.contains("<https://learn.microsoft.com/azure/aks/"),
        "{text}"
    );
    assert!(text.contains("aks-shop-prod/windows/osSKU"), "{text}");
}

#[test]
fn json_output_parses_and_carries_severity_code_path_message_and_source() {
    let out = check(&[&sample("errors.json"), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let list = found.as_array().expect("a JSON array");
    assert!(list.len() >= 10, "{list:?}");
    for f in list {
        for key in [
            "severity", "code", "path", "message", "why", "fix", "source",
        ] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
        assert!(
            f["source"]["url"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://"))
        );
    }
    let windows = list
        .iter()
        .find(|f| f["code"] == "securitypatch-unsupported-os")
        .expect("the Windows finding");
    assert_eq!(windows["severity"], "error");
    assert_eq!(windows["path"]["clusterName"], "aks-shop-prod");
    assert_eq!(windows["path"]["pool"], 1);
    assert_eq!(windows["path"]["poolName"], "windows");
    assert_eq!(windows["path"]["field"], "osSKU");
}

#[test]
fn malformed_json_exits_2_with_the_line_number() {
    let out = check(&[&sample("malformed.json")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("malformed.json: line 4"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn a_malformed_surge_value_exits_2_with_line_and_example() {
    let out = check(&[&sample("bad-surge.json")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("line 7") && err.contains("\"1.5\"") && err.contains("33%"),
        "{err}"
    );
}

#[test]
fn unknown_fields_are_noted_on_stderr_and_do_not_fail() {
    // "Now" pinned: the projection's findings (part of `check` since issue 10) depend on it.
    let out = check(&[
        &sample("unknown-fields.json"),
        "--now",
        "2026-11-24T12:00:00Z",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("unknown field owner was ignored"), "{err}");
    assert!(
        err.contains("unknown field clusters[0].colour was ignored"),
        "{err}"
    );
    // The plan is otherwise clean: notes ("AKS picks the time" without a window) and, from the
    // projection, its Kubernetes 1.33 being out of support by then under the release
    // assumptions (an estimate).
    assert!(
        stdout(&out)
            .trim_end()
            .ends_with("0 errors, 1 warnings, 2 notes"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_missing_file_exits_2_naming_it() {
    let out = check(&[&sample("does-not-exist.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
    assert!(stderr(&out).contains("does-not-exist.json"));
}

#[test]
fn a_missing_argument_exits_2() {
    let out = check(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("missing plan file"),
        "{}",
        stderr(&out)
    );
}
