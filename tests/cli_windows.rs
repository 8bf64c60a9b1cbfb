//! `aks-planner windows`: the next N windows per cluster and configuration, in UTC.

use std::io::Write;
use std::process::{Command, Output};

fn planner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aks-planner"))
        .args(args)
        .output()
        .unwrap()
}

/// Writes `json` to a fresh temporary plan file, removed when the returned path drops.
fn plan_file(json: &str) -> tempfile::TempPath {
    let mut file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    file.write_all(json.as_bytes()).unwrap();
    file.into_temp_path()
}

const PLAN: &str = r#"{"version":1,"clusters":[{"name":"aks-a",
  "autoUpgradeProfile":{"upgradeChannel":"none","nodeOSUpgradeChannel":"NodeImage"},
  "maintenanceConfigurations":[{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{
    "schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}},"durationHours":6,
    "utcOffset":"+05:30","startDate":"2026-12-13","startTime":"22:00",
    "notAllowedDates":[{"start":"2026-12-23","end":"2027-01-03"}]}}]},
  {"name":"aks-b"}]}"#;

const PLAN_B_READING: &str = r#"{"version":1,"assumptions":{"recurrence":{"weeklyAnchor":"firstMatchingDay"}},
  "clusters":[{"name":"aks-a","maintenanceConfigurations":[{"name":"aksManagedNodeOSUpgradeSchedule",
  "maintenanceWindow":{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}},"durationHours":4,
  "startDate":"2026-04-14","startTime":"01:00"}}]}]}"#;

#[test]
fn text_output_lists_utc_windows_and_marks_blocked_ones() {
    let file = plan_file(PLAN);
    let path = file.to_str().unwrap();
    let out = planner(&[
        "windows",
        path,
        "--from",
        "2026-12-01T00:00:00Z",
        "--count",
        "3",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "aks-a
  aksManagedNodeOSUpgradeSchedule: Every 2 weeks on Sunday, 22:00–04:00 (UTC+05:30), starting 13 Dec 2026, except 23 Dec–3 Jan
    2026-12-13T16:30Z – 2026-12-13T22:30Z
    2026-12-27T16:30Z – 2026-12-27T22:30Z  blocked (notAllowedDates)
    2027-01-10T16:30Z – 2027-01-10T22:30Z
aks-b
  no maintenance configurations: AKS picks the times
"
    );
}

#[test]
fn json_output_has_start_end_and_blocked_per_window_and_defaults_to_ten() {
    let file = plan_file(PLAN);
    let path = file.to_str().unwrap();
    let out = planner(&[
        "windows",
        path,
        "--from=2026-12-14T00:00:00+01:00",
        "--json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["cluster"], "aks-a");
    assert_eq!(list[0]["config"], "aksManagedNodeOSUpgradeSchedule");
    let windows = list[0]["windows"].as_array().unwrap();
    assert_eq!(windows.len(), 10);
    assert_eq!(windows[0]["start"], "2026-12-27T16:30:00Z");
    assert_eq!(windows[0]["end"], "2026-12-27T22:30:00Z");
    assert_eq!(windows[0]["blocked"], true);
    assert_eq!(windows[1]["blocked"], false);
}

#[test]
fn the_plan_assumptions_choose_the_weekly_reading() {
    // Azure/AKS#5720 example under reading B: first Sunday on/after Tuesday 14 Apr 2026 = 19 Apr.
    let file = plan_file(PLAN_B_READING);
    let path = file.to_str().unwrap();
    let out = planner(&[
        "windows",
        path,
        "--from",
        "2026-04-01T00:00:00Z",
        "--count",
        "1",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["windows"][0]["start"], "2026-04-19T01:00:00Z");
}

#[test]
fn bad_arguments_and_files_exit_2_with_a_message() {
    let file = plan_file(PLAN);
    let path = file.to_str().unwrap();
    let cases: [&[&str]; 6] = [
        &["windows", path],
        &["windows", path, "--from", "tomorrow"],
        &[
            "windows",
            path,
            "--from",
            "2027-01-01T00:00:00Z",
            "--count",
            "0",
        ],
        &[
            "windows",
            path,
            "--from",
            "2027-01-01T00:00:00Z",
            "--count",
            "ten",
        ],
        &[
            "windows",
            "/nonexistent/plan.json",
            "--from",
            "2027-01-01T00:00:00Z",
        ],
        &[
            "windows",
            path,
            "--from",
            "2027-01-01T00:00:00Z",
            "--colour",
        ],
    ];
    for args in cases {
        let out = planner(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).starts_with("aks-planner: "),
            "{args:?}"
        );
    }
}

#[test]
fn usage_mentions_the_windows_command() {
    let out = planner(&["help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("aks-planner windows PLAN.json --from"));
}

#[test]
fn until_lists_every_window_starting_before_it_and_count_still_caps() {
    // Every 2 weeks on Sunday from 13 Dec 2026, 22:00 at +05:30 = 16:30Z: 13 Dec, 27 Dec (in
    // the 23 Dec–3 Jan blackout), 10 Jan, 24 Jan, 7 Feb … counted by hand from the calendar.
    let file = plan_file(PLAN);
    let path = file.to_str().unwrap();
    let starts = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["windows", path, "--from", "2026-12-01T00:00:00Z", "--json"];
        args.extend_from_slice(extra);
        let out = planner(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v[0]["windows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["start"].as_str().unwrap().to_owned())
            .collect()
    };
    // A window starting exactly at --until is not listed (the bound is exclusive).
    assert_eq!(
        starts(&["--until", "2027-01-24T16:30:00Z"]),
        [
            "2026-12-13T16:30:00Z",
            "2026-12-27T16:30:00Z",
            "2027-01-10T16:30:00Z"
        ]
    );
    // Until 1 Dec 2027: 13 Dec 2026 + k × 14 days for k = 0..=25 (k = 25 is 28 Nov 2027,
    // k = 26 is 12 Dec 2027): 26 windows.
    assert_eq!(starts(&["--until", "2027-12-01T00:00:00Z"]).len(), 26);
    assert_eq!(
        starts(&["--until", "2027-12-01T00:00:00Z", "--count", "2"]),
        ["2026-12-13T16:30:00Z", "2026-12-27T16:30:00Z"]
    );
}

#[test]
fn until_must_be_after_from_and_within_ten_years() {
    let file = plan_file(PLAN);
    let path = file.to_str().unwrap();
    for (until, says) in [
        ("2026-12-01T00:00:00Z", "must be after --from"),
        ("2026-11-30T00:00:00Z", "must be after --from"),
        ("2037-01-01T00:00:00Z", "at most ten years"),
        (
            "next year",
            "--until \"next year\" is not an RFC 3339 instant",
        ),
    ] {
        let out = planner(&[
            "windows",
            path,
            "--from",
            "2026-12-01T00:00:00Z",
            "--until",
            until,
        ]);
        assert_eq!(out.status.code(), Some(2), "{until}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{until}: {err}");
    }
}

#[test]
fn text_and_json_agree_on_a_long_listing() {
    // Streaming must not change what is listed: the text lines and the JSON windows match.
    let file = plan_file(PLAN);
    let path = file.to_str().unwrap();
    let args = [
        "windows",
        path,
        "--from",
        "2026-12-01T00:00:00Z",
        "--until",
        "2030-01-01T00:00:00Z",
    ];
    let text = String::from_utf8(planner(&args).stdout).unwrap();
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let v: serde_json::Value = serde_json::from_slice(&planner(&json_args).stdout).unwrap();
    let from_json: Vec<String> = v[0]["windows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let cut = |k: &str| w[k].as_str().unwrap().trim_end_matches(":00Z").to_owned() + "Z";
            let blocked = if w["blocked"] == true {
                "  blocked (notAllowedDates)"
            } else {
                ""
            };
            format!("    {} – {}{blocked}", cut("start"), cut("end"))
        })
        .collect();
    let from_text: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with("    2"))
        .map(str::to_owned)
        .collect();
    // 13 Dec 2026 to the last Sunday fortnight before 2030: (2030-01-01 − 2026-12-13) = 1115
    // days, so 1 + floor(1115 / 14) = 80 windows.
    assert_eq!(from_text.len(), 80);
    assert_eq!(from_json, from_text);
}
