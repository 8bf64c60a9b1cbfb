//! Plain English for maintenance windows: the sentence and the editor's field explanations
//! (issue 3).

use planner::rules::maintenance::describe::{
    describe, describe_schedule, explain_blackout, explain_day_of_month, explain_first_window,
    explain_week_index,
};
use planner::rules::maintenance::{
    DateSpan, DayOfWeek, MaintenanceWindow, MissingDay, RecurrenceOptions, WeekIndex,
};

fn window(json: &str) -> MaintenanceWindow {
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_issue_example_reads_as_one_sentence() {
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}},"durationHours":6,
            "utcOffset":"+05:30","startDate":"2026-12-13","startTime":"22:00",
            "notAllowedDates":[{"start":"2026-12-23","end":"2027-01-03"}]}"#,
    );
    assert_eq!(
        describe(&w),
        "Every 2 weeks on Sunday, 22:00–04:00 (UTC+05:30), starting 13 Dec 2026, except 23 Dec–3 Jan"
    );
}

#[test]
fn schedules_read_naturally() {
    let cases = [
        (r#"{"daily":{"intervalDays":1}}"#, "Every day"),
        (r#"{"daily":{"intervalDays":3}}"#, "Every 3 days"),
        (
            r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Tuesday"}}"#,
            "Every Tuesday",
        ),
        (
            r#"{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":15}}"#,
            "Every month on day 15",
        ),
        (
            r#"{"relativeMonthly":{"intervalMonths":2,"weekIndex":"Last","dayOfWeek":"Friday"}}"#,
            "Every 2 months on the last Friday",
        ),
    ];
    for (json, text) in cases {
        assert_eq!(
            describe_schedule(&serde_json::from_str(json).unwrap()),
            text
        );
    }
}

#[test]
fn a_whole_day_window_and_utc_read_plainly() {
    let w = window(
        r#"{"schedule":{"daily":{"intervalDays":1}},"durationHours":24,"startTime":"00:00",
            "notAllowedDates":[{"start":"2027-12-25","end":"2027-12-25"}]}"#,
    );
    assert_eq!(
        describe(&w),
        "Every day, 00:00–00:00 next day (UTC), except 25 Dec 2027"
    );
}

#[test]
fn the_first_window_explains_the_skipped_start_week() {
    // Azure/AKS#5720 example: every 2 weeks on Sunday from Tuesday 14 Apr 2026.
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}},"durationHours":4,
            "startDate":"2026-04-14","startTime":"01:00"}"#,
    );
    let now = "2026-04-01T00:00:00Z".parse().unwrap();
    assert_eq!(
        explain_first_window(&w, now, RecurrenceOptions::default()),
        "Every 2 weeks counts from the week (Sunday to Saturday) of the start date, 12 Apr 2026; that week's Sunday is before the start date, so that week is skipped: the first window is Sun 26 Apr 2026 01:00 (UTC)"
    );
}

#[test]
fn week_index_is_the_nth_weekday_not_calendar_week() {
    assert_eq!(
        explain_week_index(WeekIndex::Second, DayOfWeek::Friday),
        "Second Friday = the second Friday of the month (days 8–14), not calendar week 2"
    );
    assert!(explain_week_index(WeekIndex::Last, DayOfWeek::Friday).contains("4th or 5th"));
}

#[test]
fn blackouts_explain_the_inclusive_end_in_utc() {
    let span = DateSpan {
        start: "2022-12-23".parse().unwrap(),
        end: "2023-01-03".parse().unwrap(),
    };
    let text = explain_blackout(&span, "+02:00".parse().unwrap());
    assert!(
        text.contains("22 Dec 2022 22:00 to 3 Jan 2023 22:00 UTC"),
        "{text}"
    );
}

#[test]
fn day_31_explains_the_reading_in_force() {
    assert!(explain_day_of_month(31, MissingDay::Skip).contains("get no window"));
    assert!(explain_day_of_month(31, MissingDay::Clamp).contains("last day"));
}

#[test]
fn the_legacy_form_reads_as_merged_utc_hours() {
    let tiw: Vec<planner::rules::maintenance::TimeInWeek> = serde_json::from_str(
        r#"[{"day":"Monday","hourSlots":[22,23]},{"day":"Tuesday","hourSlots":[0,1]},{"day":"Friday","hourSlots":[4]}]"#,
    )
    .unwrap();
    assert_eq!(
        planner::rules::maintenance::describe::describe_legacy(&tiw),
        "Every week (legacy timeInWeek, UTC): Monday 22:00–02:00, Friday 04:00–05:00"
    );
}
