//! Hand-checked dates for the occurrence engine (docs/aks-rules.md §3.4–3.5, §8 A-1, A-2, A-10,
//! A-11). Every expected date below was worked out on a calendar, not produced by the engine.

use chrono::{DateTime, Utc};
use planner::rules::maintenance::ConfigName;
use planner::rules::maintenance::{
    BlackoutOverlap, MaintenanceConfigurations, MaintenanceWindow, MissingDay, RecurrenceOptions,
    WeeklyAnchor, legacy_occurrences,
};

fn window(json: &str) -> MaintenanceWindow {
    serde_json::from_str(json).unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// The next `n` windows as `start/end` RFC 3339 pairs, with `!` marking a blocked one.
fn next(w: &MaintenanceWindow, from: &str, options: RecurrenceOptions, n: usize) -> Vec<String> {
    w.occurrences(at(from), options)
        .take(n)
        .map(|o| {
            format!(
                "{}/{}{}",
                o.start.format("%Y-%m-%dT%H:%MZ"),
                o.end.format("%Y-%m-%dT%H:%MZ"),
                if o.blocked { "!" } else { "" }
            )
        })
        .collect()
}

fn starts(w: &MaintenanceWindow, from: &str, options: RecurrenceOptions, n: usize) -> Vec<String> {
    w.occurrences(at(from), options)
        .take(n)
        .map(|o| o.start.format("%Y-%m-%d %H:%M").to_string())
        .collect()
}

const DEFAULTS: RecurrenceOptions = RecurrenceOptions {
    missing_day: MissingDay::Skip,
    weekly_anchor: WeeklyAnchor::StartDateWeek,
    blackout_overlap: BlackoutOverlap::Drop,
};

#[test]
fn weekly_every_two_weeks_skips_the_start_week_when_its_day_has_passed_reading_a() {
    // Azure/AKS#5720: every 2 weeks on Sunday, startDate Tuesday 14 Apr 2026. The Sunday of that
    // week (12 Apr) is before the start date, so that week is skipped: first window 26 Apr.
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}},"durationHours":4,
            "startDate":"2026-04-14","startTime":"01:00"}"#,
    );
    assert_eq!(
        starts(&w, "2026-04-01T00:00:00Z", DEFAULTS, 3),
        ["2026-04-26 01:00", "2026-05-10 01:00", "2026-05-24 01:00"]
    );
}

#[test]
fn weekly_every_two_weeks_reading_b_starts_on_the_first_matching_day() {
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}},"durationHours":4,
            "startDate":"2026-04-14","startTime":"01:00"}"#,
    );
    let b = RecurrenceOptions {
        weekly_anchor: WeeklyAnchor::FirstMatchingDay,
        ..DEFAULTS
    };
    assert_eq!(
        starts(&w, "2026-04-01T00:00:00Z", b, 3),
        ["2026-04-19 01:00", "2026-05-03 01:00", "2026-05-17 01:00"]
    );
}

#[test]
fn readings_a_and_b_agree_when_the_start_date_is_before_the_day() {
    // Start Sunday 12 Apr 2026, every 2 weeks on Tuesday: both give 14 Apr, 28 Apr.
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Tuesday"}},"durationHours":4,
            "startDate":"2026-04-12","startTime":"01:00"}"#,
    );
    let b = RecurrenceOptions {
        weekly_anchor: WeeklyAnchor::FirstMatchingDay,
        ..DEFAULTS
    };
    let expected = ["2026-04-14 01:00", "2026-04-28 01:00"];
    assert_eq!(starts(&w, "2026-01-01T00:00:00Z", DEFAULTS, 2), expected);
    assert_eq!(starts(&w, "2026-01-01T00:00:00Z", b, 2), expected);
}

#[test]
fn the_issue_example_window_crosses_midnight_in_local_time_and_respects_the_blackout() {
    // "Every 2 weeks on Sunday, 22:00–04:00 (UTC+05:30), starting 13 Dec 2026, except
    // 23 Dec–3 Jan". 22:00 +05:30 = 16:30Z. Sundays: 13 Dec, 27 Dec (blocked), 10 Jan.
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}},"durationHours":6,
            "utcOffset":"+05:30","startDate":"2026-12-13","startTime":"22:00",
            "notAllowedDates":[{"start":"2026-12-23","end":"2027-01-03"}]}"#,
    );
    assert_eq!(
        next(&w, "2026-12-01T00:00:00Z", DEFAULTS, 3),
        [
            "2026-12-13T16:30Z/2026-12-13T22:30Z",
            "2026-12-27T16:30Z/2026-12-27T22:30Z!",
            "2027-01-10T16:30Z/2027-01-10T22:30Z",
        ]
    );
}

#[test]
fn relative_monthly_last_friday_is_the_fourth_or_fifth_friday() {
    // Jan 2027: Fridays 1, 8, 15, 22, 29 → 29th. Feb 2027: 5, 12, 19, 26 → 26th. Mar: 26th.
    // Apr: 30th. With -08:00, 20:00 local is 04:00Z the next day.
    let w = window(
        r#"{"schedule":{"relativeMonthly":{"intervalMonths":1,"weekIndex":"Last","dayOfWeek":"Friday"}},
            "durationHours":8,"utcOffset":"-08:00","startDate":"2027-01-01","startTime":"20:00"}"#,
    );
    assert_eq!(
        starts(&w, "2027-01-01T00:00:00Z", DEFAULTS, 4),
        [
            "2027-01-30 04:00",
            "2027-02-27 04:00",
            "2027-03-27 04:00",
            "2027-05-01 04:00"
        ]
    );
}

#[test]
fn relative_monthly_second_tuesday_every_three_months_counts_from_the_start_month() {
    // Start 20 Jan 2027: January's second Tuesday (12th) is before the start, so the first is
    // April (13th), then July (13th), October (12th).
    let w = window(
        r#"{"schedule":{"relativeMonthly":{"intervalMonths":3,"weekIndex":"Second","dayOfWeek":"Tuesday"}},
            "durationHours":4,"startDate":"2027-01-20","startTime":"09:00"}"#,
    );
    assert_eq!(
        starts(&w, "2027-01-01T00:00:00Z", DEFAULTS, 3),
        ["2027-04-13 09:00", "2027-07-13 09:00", "2027-10-12 09:00"]
    );
}

#[test]
fn absolute_monthly_31_skips_february_april_june_by_default() {
    let w = window(
        r#"{"schedule":{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":31}},"durationHours":4,
            "startDate":"2027-01-01","startTime":"00:00"}"#,
    );
    assert_eq!(
        starts(&w, "2027-01-01T00:00:00Z", DEFAULTS, 5),
        [
            "2027-01-31 00:00",
            "2027-03-31 00:00",
            "2027-05-31 00:00",
            "2027-07-31 00:00",
            "2027-08-31 00:00"
        ]
    );
}

#[test]
fn absolute_monthly_31_clamps_to_the_last_day_when_switched() {
    let w = window(
        r#"{"schedule":{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":31}},"durationHours":4,
            "startDate":"2028-01-01","startTime":"00:00"}"#,
    );
    let clamp = RecurrenceOptions {
        missing_day: MissingDay::Clamp,
        ..DEFAULTS
    };
    assert_eq!(
        starts(&w, "2028-01-01T00:00:00Z", clamp, 4),
        [
            "2028-01-31 00:00",
            "2028-02-29 00:00",
            "2028-03-31 00:00",
            "2028-04-30 00:00"
        ]
    );
}

#[test]
fn daily_every_three_days_counts_from_the_start_date_and_crosses_the_year() {
    let w = window(
        r#"{"schedule":{"daily":{"intervalDays":3}},"durationHours":4,"startDate":"2026-12-27",
            "startTime":"23:30"}"#,
    );
    assert_eq!(
        next(&w, "2026-12-29T00:00:00Z", DEFAULTS, 3),
        [
            "2026-12-30T23:30Z/2026-12-31T03:30Z",
            "2027-01-02T23:30Z/2027-01-03T03:30Z",
            "2027-01-05T23:30Z/2027-01-06T03:30Z",
        ]
    );
}

#[test]
fn a_window_running_at_from_is_included_and_one_ended_is_not() {
    let w = window(
        r#"{"schedule":{"daily":{"intervalDays":1}},"durationHours":4,"startDate":"2027-01-01",
            "startTime":"02:00"}"#,
    );
    assert_eq!(
        starts(&w, "2027-03-10T05:59:00Z", DEFAULTS, 1),
        ["2027-03-10 02:00"]
    );
    assert_eq!(
        starts(&w, "2027-03-10T06:00:00Z", DEFAULTS, 1),
        ["2027-03-11 02:00"]
    );
}

#[test]
fn blackout_end_date_is_inclusive_in_the_local_offset() {
    // SDK docstring example: +02:00, 2022-12-23…2023-01-03 blocks 2022-12-22T22:00Z…2023-01-03T22:00Z.
    let w = window(
        r#"{"schedule":{"daily":{"intervalDays":1}},"durationHours":4,"utcOffset":"+02:00",
            "startDate":"2022-12-20","startTime":"23:00",
            "notAllowedDates":[{"start":"2022-12-23","end":"2023-01-03"}]}"#,
    );
    let got = next(&w, "2022-12-21T02:00:00Z", DEFAULTS, 15);
    // 22 Dec 23:00 local = 21:00Z–01:00Z overlaps the blackout from 22:00Z: blocked.
    assert_eq!(got[0], "2022-12-21T21:00Z/2022-12-22T01:00Z");
    assert_eq!(got[1], "2022-12-22T21:00Z/2022-12-23T01:00Z!");
    // 3 Jan 23:00 local = 21:00Z, inside the blackout (ends 22:00Z); 4 Jan is free.
    assert_eq!(got[13], "2023-01-03T21:00Z/2023-01-04T01:00Z!");
    assert_eq!(got[14], "2023-01-04T21:00Z/2023-01-05T01:00Z");
}

#[test]
fn trim_cuts_a_window_to_the_part_outside_the_blackout() {
    let w = window(
        r#"{"schedule":{"daily":{"intervalDays":1}},"durationHours":4,"utcOffset":"+02:00",
            "startDate":"2022-12-20","startTime":"23:00",
            "notAllowedDates":[{"start":"2022-12-23","end":"2023-01-03"}]}"#,
    );
    let trim = RecurrenceOptions {
        blackout_overlap: BlackoutOverlap::Trim,
        ..DEFAULTS
    };
    let got = next(&w, "2022-12-22T02:00:00Z", trim, 2);
    assert_eq!(
        got,
        [
            "2022-12-22T21:00Z/2022-12-22T22:00Z",
            "2022-12-23T21:00Z/2022-12-24T01:00Z!"
        ]
    );
    let got = next(&w, "2023-01-03T02:00:00Z", trim, 1);
    assert_eq!(got, ["2023-01-03T22:00Z/2023-01-04T01:00Z"]);
}

#[test]
fn without_a_start_date_the_grid_counts_from_the_local_date_of_from() {
    // A-10 assumption: "active right away" = the local date of `from`. From Wednesday 16 Dec
    // 2026 (+05:30 local date), every 2 weeks on Monday: week of 13 Dec has Monday 14th (passed),
    // so reading A gives Monday 28 Dec.
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Monday"}},"durationHours":4,
            "utcOffset":"+05:30","startTime":"10:00"}"#,
    );
    assert_eq!(
        starts(&w, "2026-12-16T00:00:00Z", DEFAULTS, 1),
        ["2026-12-28 04:30"]
    );
}

#[test]
fn out_of_range_values_yield_nothing_instead_of_looping() {
    for json in [
        r#"{"schedule":{"daily":{"intervalDays":0}},"durationHours":4,"startTime":"00:00"}"#,
        r#"{"schedule":{"weekly":{"intervalWeeks":0,"dayOfWeek":"Monday"}},"durationHours":4,"startTime":"00:00"}"#,
        r#"{"schedule":{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":0}},"durationHours":4,"startTime":"00:00"}"#,
        r#"{"schedule":{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":40}},"durationHours":4,"startTime":"00:00"}"#,
        r#"{"schedule":{"relativeMonthly":{"intervalMonths":7,"weekIndex":"Last","dayOfWeek":"Friday"}},"durationHours":4,"startTime":"00:00"}"#,
        r#"{"schedule":{"daily":{"intervalDays":1}},"durationHours":0,"startTime":"00:00"}"#,
        r#"{"schedule":{"daily":{"intervalDays":1}},"durationHours":25,"startTime":"00:00"}"#,
    ] {
        let w = window(json);
        assert!(!w.is_computable(DEFAULTS), "{json}");
        assert_eq!(
            w.occurrences(at("2027-01-01T00:00:00Z"), DEFAULTS).count(),
            0,
            "{json}"
        );
    }
}

#[test]
fn the_end_of_the_calendar_ends_the_iterator() {
    let w = window(
        r#"{"schedule":{"absoluteMonthly":{"intervalMonths":6,"dayOfMonth":31}},"durationHours":4,
            "startDate":"+262142-01-01","startTime":"00:00"}"#,
    );
    assert!(w.occurrences(at("2027-01-01T00:00:00Z"), DEFAULTS).count() < 10);
}

#[test]
fn configurations_give_window_and_legacy_occurrences_through_one_call() {
    let cfgs: MaintenanceConfigurations = serde_json::from_str(
        r#"[{"name":"default","timeInWeek":[{"day":"Saturday","hourSlots":[22,23]},{"day":"Sunday","hourSlots":[0]}]},
            {"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{
              "schedule":{"daily":{"intervalDays":1}},"durationHours":4,"startTime":"03:00"}}]"#,
    )
    .unwrap();
    let from = at("2027-01-01T00:00:00Z"); // a Friday
    let legacy: Vec<_> = cfgs
        .occurrences(ConfigName::Default, from, DEFAULTS)
        .unwrap()
        .take(1)
        .collect();
    assert_eq!(legacy[0].start, at("2027-01-02T22:00:00Z"));
    assert_eq!(legacy[0].end, at("2027-01-03T01:00:00Z"));
    let direct: Vec<_> = legacy_occurrences(&[], &[], from, DEFAULTS).collect();
    assert!(direct.is_empty());
    let node = cfgs
        .occurrences(ConfigName::NodeOs, from, DEFAULTS)
        .unwrap()
        .next()
        .unwrap();
    assert_eq!(node.start, at("2027-01-01T03:00:00Z"));
    assert!(
        cfgs.occurrences(ConfigName::AutoUpgrade, from, DEFAULTS)
            .is_none()
    );
}
