//! A past `startDate` is exported as the first planned window on or after today, keeping the
//! schedule's phase (issue 10): the exported script runs against a stub `az`, the configuration
//! it sends is read back from its arguments (or its `--config-file`), and the window engine
//! recomputes the windows from it; they must be exactly the windows the planner shows from
//! "now" on. Two hand-computed cases pin the dates themselves.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use common::az_stub::{Sandbox, require_bash};
use planner::rules::demo::demo_plan;
use planner::rules::export::{ExportFormat, Scope, render_unchecked};
use planner::rules::maintenance::recurrence::local_date;
use planner::rules::maintenance::{
    ConfigName, MaintenanceWindow, Occurrence, RecurrenceOptions, WeeklyAnchor,
};
use planner::rules::plan::Plan;
use serde_json::{Value, json};

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

fn window(value: Value) -> MaintenanceWindow {
    serde_json::from_value(value).unwrap()
}

/// The demo's first cluster with `w` as its node OS window (and no other configuration).
fn plan_with(w: &MaintenanceWindow, anchor: WeeklyAnchor) -> Plan {
    let mut plan = demo_plan();
    plan.clusters.truncate(1);
    plan.assumptions.recurrence.weekly_anchor = anchor;
    let cfgs = &mut plan.clusters[0].maintenance_configurations;
    cfgs.default = None;
    cfgs.auto_upgrade = None;
    cfgs.node_os = Some(w.clone());
    plan
}

fn arg<'a>(call: &'a [String], flag: &str) -> Option<&'a str> {
    call.iter()
        .find_map(|a| a.strip_prefix(&format!("--{flag}=")))
}

fn number(call: &[String], flag: &str) -> u32 {
    arg(call, flag).unwrap().parse().unwrap()
}

/// The maintenance window the script sent for aksManagedNodeOSUpgradeSchedule, read back from
/// the recorded `az` arguments and config files.
fn sent_window(plan: &Plan, sandbox: &Sandbox) -> MaintenanceWindow {
    let sh = render_unchecked(plan, ExportFormat::Az, Scope::Plan, now()).unwrap();
    let (calls, configs) = sandbox.run(&sh);
    let calls: Vec<Vec<String>> = calls
        .into_iter()
        .map(|c| {
            c.into_iter()
                .map(|a| String::from_utf8(a).unwrap())
                .collect()
        })
        .collect();
    let apply = calls
        .iter()
        .find(|c| {
            c[..3] == ["aks", "maintenanceconfiguration", "add"]
                && arg(c, "name") == Some(ConfigName::NodeOs.as_str())
        })
        .unwrap_or_else(|| panic!("no add call in\n{sh}"));
    if arg(apply, "config-file").is_some() {
        let body: Value = serde_json::from_slice(&configs[0]).unwrap();
        return window(body["properties"]["maintenanceWindow"].clone());
    }
    let dow = || json!(arg(apply, "day-of-week").unwrap());
    let schedule = match arg(apply, "schedule-type").unwrap() {
        "Daily" => json!({"daily": {"intervalDays": number(apply, "interval-days")}}),
        "Weekly" => {
            json!({"weekly": {"intervalWeeks": number(apply, "interval-weeks"), "dayOfWeek": dow()}})
        }
        "AbsoluteMonthly" => json!({"absoluteMonthly": {
            "intervalMonths": number(apply, "interval-months"),
            "dayOfMonth": number(apply, "day-of-month")}}),
        "RelativeMonthly" => json!({"relativeMonthly": {
            "intervalMonths": number(apply, "interval-months"),
            "weekIndex": arg(apply, "week-index").unwrap(), "dayOfWeek": dow()}}),
        other => panic!("schedule type {other}"),
    };
    window(json!({
        "schedule": schedule,
        "durationHours": number(apply, "duration"),
        "utcOffset": arg(apply, "utc-offset").unwrap(),
        "startDate": arg(apply, "start-date").unwrap(),
        "startTime": arg(apply, "start-time").unwrap(),
    }))
}

/// The next `n` windows from `now` that start on or after today's local date: a window still
/// open at `now` that began on an earlier date is already running (AKS rejects a start date
/// that would re-create it).
fn upcoming(w: &MaintenanceWindow, options: RecurrenceOptions, n: usize) -> Vec<Occurrence> {
    let today = local_date(now(), w.utc_offset).unwrap();
    w.occurrences(now(), options)
        .filter(|o| local_date(o.start, w.utc_offset).unwrap() >= today)
        .take(n)
        .collect()
}

fn case(schedule: Value, start_date: &str, start_time: &str, offset: &str) -> MaintenanceWindow {
    window(json!({
        "schedule": schedule,
        "durationHours": 6,
        "utcOffset": offset,
        "startDate": start_date,
        "startTime": start_time,
    }))
}

#[test]
fn exported_windows_are_the_windows_the_planner_shows() {
    require_bash();
    let cases = [
        case(
            json!({"weekly": {"intervalWeeks": 1, "dayOfWeek": "Tuesday"}}),
            "2025-06-03",
            "02:00",
            "+00:00",
        ),
        case(
            json!({"weekly": {"intervalWeeks": 2, "dayOfWeek": "Monday"}}),
            "2026-01-12",
            "22:00",
            "+01:00",
        ),
        case(
            json!({"weekly": {"intervalWeeks": 3, "dayOfWeek": "Saturday"}}),
            "2026-02-04",
            "23:30",
            "+05:30",
        ),
        case(
            json!({"weekly": {"intervalWeeks": 4, "dayOfWeek": "Sunday"}}),
            "2025-12-31",
            "01:00",
            "-08:00",
        ),
        case(
            json!({"daily": {"intervalDays": 1}}),
            "2026-03-01",
            "03:00",
            "+00:00",
        ),
        case(
            json!({"daily": {"intervalDays": 3}}),
            "2026-10-01",
            "09:00",
            "+02:00",
        ),
        case(
            json!({"absoluteMonthly": {"intervalMonths": 1, "dayOfMonth": 10}}),
            "2025-02-10",
            "04:00",
            "+00:00",
        ),
        case(
            json!({"absoluteMonthly": {"intervalMonths": 3, "dayOfMonth": 10}}),
            "2026-01-10",
            "04:00",
            "+00:00",
        ),
        case(
            json!({"absoluteMonthly": {"intervalMonths": 2, "dayOfMonth": 31}}),
            "2026-01-31",
            "04:00",
            "+00:00",
        ),
        case(
            json!({"relativeMonthly": {"intervalMonths": 2, "weekIndex": "Third", "dayOfWeek": "Wednesday"}}),
            "2026-02-18",
            "20:00",
            "-05:00",
        ),
        case(
            json!({"relativeMonthly": {"intervalMonths": 3, "weekIndex": "Last", "dayOfWeek": "Sunday"}}),
            "2025-08-31",
            "02:00",
            "+00:00",
        ),
    ];
    let sandbox = Sandbox::new();
    for anchor in [WeeklyAnchor::StartDateWeek, WeeklyAnchor::FirstMatchingDay] {
        for w in &cases {
            let plan = plan_with(w, anchor);
            let options = plan.assumptions.recurrence;
            let sent = sent_window(&plan, &sandbox);
            let today = local_date(now(), w.utc_offset).unwrap();
            assert!(sent.start_date.unwrap() >= today, "{sent:?}");
            assert_eq!(
                upcoming(&sent, options, 12),
                upcoming(w, options, 12),
                "{anchor:?}: {w:?} exported as {sent:?}"
            );
        }
    }
}

#[test]
fn the_documented_examples_keep_their_dates() {
    require_bash();
    let sandbox = Sandbox::new();
    // Every 3 months on the 10th from 2026-01-10: Jan, Apr, Jul, Oct 10; today is Nov 24, so
    // the next is 2027-01-10 (replacing it with today would move it to Feb 10).
    let quarterly = case(
        json!({"absoluteMonthly": {"intervalMonths": 3, "dayOfMonth": 10}}),
        "2026-01-10",
        "04:00",
        "+00:00",
    );
    // Every 2 weeks on Monday from 2026-01-12: 322 days (23 × 14) later is Monday 2026-11-30
    // (replacing the date with today would give Monday 2026-12-07, a week late).
    let fortnightly = case(
        json!({"weekly": {"intervalWeeks": 2, "dayOfWeek": "Monday"}}),
        "2026-01-12",
        "02:00",
        "+00:00",
    );
    for (w, expected) in [(quarterly, "2027-01-10"), (fortnightly, "2026-11-30")] {
        let sent = sent_window(&plan_with(&w, WeeklyAnchor::StartDateWeek), &sandbox);
        assert_eq!(
            sent.start_date,
            Some(expected.parse::<NaiveDate>().unwrap())
        );
    }
}
