//! DST drift of a fixed `utcOffset` against a hand-written Europe/Berlin table (CET +01:00,
//! CEST +02:00; 2027 transitions 28 Mar 01:00Z and 31 Oct 01:00Z; EU rule: last Sunday of March
//! and October at 01:00 UTC).

use chrono::{DateTime, NaiveTime, Utc};
use planner::rules::maintenance::dst::{DstDrift, TransitionTable, describe_drift, dst_drift};
use planner::rules::maintenance::{MaintenanceWindow, RecurrenceOptions};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn berlin() -> TransitionTable {
    TransitionTable {
        initial: 60,
        transitions: vec![
            (at("2026-03-29T01:00:00Z"), 120),
            (at("2026-10-25T01:00:00Z"), 60),
            (at("2027-03-28T01:00:00Z"), 120),
            (at("2027-10-31T01:00:00Z"), 60),
            (at("2028-03-26T01:00:00Z"), 120),
        ],
    }
}

fn window(json: &str) -> MaintenanceWindow {
    serde_json::from_str(json).unwrap()
}

/// The drift of `w` in Berlin over the year from `from` (an RFC 3339 instant).
fn in_berlin(w: &MaintenanceWindow, from: &str) -> DstDrift {
    let z = berlin();
    let from = at(from);
    let until = from + chrono::TimeDelta::days(365);
    dst_drift(w, from, until, RecurrenceOptions::default(), |t| {
        z.offset_at(t)
    })
}

#[test]
fn the_table_gives_the_offset_in_force() {
    let z = berlin();
    assert_eq!(z.offset_at(at("2027-03-28T00:59:00Z")), 60);
    assert_eq!(z.offset_at(at("2027-03-28T01:00:00Z")), 120);
    assert_eq!(z.offset_at(at("2027-12-01T00:00:00Z")), 60);
    assert_eq!(z.offset_at(at("2020-01-01T00:00:00Z")), 60);
}

#[test]
fn a_winter_offset_drifts_an_hour_later_over_summer() {
    // Every Monday 22:00 +01:00 (= 21:00Z). Mondays 29 Mar … 25 Oct 2027 fall in CEST: 23:00 local.
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Monday"}},"durationHours":4,
            "utcOffset":"+01:00","startDate":"2027-01-04","startTime":"22:00"}"#,
    );
    let drift = in_berlin(&w, "2027-01-01T00:00:00Z");
    assert_eq!(drift.periods.len(), 1);
    let p = &drift.periods[0];
    assert_eq!(p.first_local_date.to_string(), "2027-03-29");
    assert_eq!(p.last_window, at("2027-10-25T21:00:00Z"));
    assert_eq!(p.windows, 31);
    assert_eq!(p.shift_minutes, 60);
    assert_eq!(p.local_start, NaiveTime::from_hms_opt(23, 0, 0).unwrap());

    let longer = drift.longer_window.as_ref().unwrap();
    assert_eq!(longer.start_time.to_string(), "21:00");
    assert_eq!(longer.duration_hours, 5);
    assert_eq!(longer.day_shift, 0);
    assert!(longer.fits);

    let switches: Vec<(String, DateTime<Utc>, DateTime<Utc>)> = drift
        .offset_switches
        .iter()
        .map(|s| (s.utc_offset.to_string(), s.after, s.before))
        .collect();
    assert_eq!(
        switches,
        [
            (
                "+02:00".into(),
                at("2027-03-28T01:00:00Z"),
                at("2027-03-29T21:00:00Z")
            ),
            (
                "+01:00".into(),
                at("2027-10-31T01:00:00Z"),
                at("2027-11-01T21:00:00Z")
            ),
        ]
    );

    let text = describe_drift(&w, &drift);
    assert_eq!(
        text[0],
        "From 29 Mar 2027 this window starts at 23:00 local, not 22:00 (+1:00, 31 windows until 25 Oct 2027)"
    );
    assert!(
        text[1]
            .starts_with("Remedy 1: start at 21:00 (UTC+01:00) and make the window 5 hours long"),
        "{}",
        text[1]
    );
    assert!(
        text[2].starts_with("Remedy 2: switch utcOffset to +02:00 after 28 Mar 2027 01:00 UTC"),
        "{}",
        text[2]
    );
}

#[test]
fn a_summer_offset_drifts_earlier_in_winter_even_onto_the_previous_local_date() {
    // Daily 00:30 +02:00: from 31 Oct 2027 it starts 23:30 local the evening before.
    let w = window(
        r#"{"schedule":{"daily":{"intervalDays":1}},"durationHours":4,"utcOffset":"+02:00",
            "startDate":"2027-06-01","startTime":"00:30"}"#,
    );
    let drift = in_berlin(&w, "2027-06-01T00:00:00Z");
    assert_eq!(drift.periods.len(), 1);
    let p = &drift.periods[0];
    assert_eq!(p.shift_minutes, -60);
    // 31 Oct 00:30 +02:00 = 30 Oct 22:30Z, still CEST (transition 01:00Z on the 31st); the first
    // drifted one is 1 Nov 00:30 +02:00 = 31 Oct 22:30Z = 23:30 CET on 31 Oct.
    assert_eq!(p.first_window, at("2027-10-31T22:30:00Z"));
    assert_eq!(p.first_local_date.to_string(), "2027-10-31");
    assert_eq!(p.local_start, NaiveTime::from_hms_opt(23, 30, 0).unwrap());
    // Last drifted window: 26 Mar 2028 00:30 +02:00 = 25 Mar 22:30Z (CET until 26 Mar 01:00Z).
    assert_eq!(p.last_window, at("2028-03-25T22:30:00Z"));
    let longer = drift.longer_window.unwrap();
    assert_eq!(
        (
            longer.start_time.to_string(),
            longer.duration_hours,
            longer.day_shift
        ),
        ("00:30".into(), 5, 0)
    );
}

#[test]
fn a_start_near_midnight_needs_the_previous_day_for_the_longer_window() {
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Sunday"}},"durationHours":24,
            "utcOffset":"+01:00","startDate":"2027-01-03","startTime":"00:30"}"#,
    );
    let drift = in_berlin(&w, "2027-01-01T00:00:00Z");
    let longer = drift.longer_window.clone().unwrap();
    assert_eq!(longer.start_time.to_string(), "23:30");
    assert_eq!(longer.day_shift, -1);
    assert_eq!(longer.duration_hours, 25);
    assert!(!longer.fits);
    assert!(describe_drift(&w, &drift)[1].contains("does not fit"));
}

#[test]
fn no_drift_without_daylight_saving() {
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Monday"}},"durationHours":4,
            "utcOffset":"+05:30","startDate":"2027-01-04","startTime":"22:00"}"#,
    );
    let kolkata = |_t: DateTime<Utc>| 330;
    let from = at("2027-01-01T00:00:00Z");
    let until = at("2028-01-01T00:00:00Z");
    let none = dst_drift(&w, from, until, RecurrenceOptions::default(), kolkata);
    assert!(none.is_none());
    assert!(
        none.periods.is_empty() && none.offset_switches.is_empty() && none.longer_window.is_none()
    );
    assert!(describe_drift(&w, &none).is_empty());
}

#[test]
fn a_constant_difference_from_the_zone_is_stated_not_fixed() {
    // The review's case: a +01:00 window read in UTC. No offset changes, so no drift and no
    // advice; only that the zone differs, with the time in both clocks.
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Wednesday"}},"durationHours":4,
            "utcOffset":"+01:00","startDate":"2026-11-25","startTime":"09:00"}"#,
    );
    let from = at("2026-11-24T09:00:00Z");
    let until = at("2027-11-24T09:00:00Z");
    for (zone_minutes, local) in [(0, "08:00"), (240, "12:00"), (-300, "03:00")] {
        let drift = dst_drift(&w, from, until, RecurrenceOptions::default(), |_| {
            zone_minutes
        });
        assert!(drift.periods.is_empty(), "{zone_minutes}");
        assert!(drift.offset_switches.is_empty(), "{zone_minutes}");
        assert!(drift.longer_window.is_none(), "{zone_minutes}");
        let d = drift.zone_difference.as_ref().unwrap();
        assert_eq!(d.zone_offset_minutes, zone_minutes);
        assert_eq!(d.local_start.format("%H:%M").to_string(), local);
        assert!(!d.zone_changes);
        let text = describe_drift(&w, &drift).join("\n");
        assert!(
            text.contains(&format!(
                "starts at 09:00 UTC+01:00, which is {local} in this zone"
            )),
            "{text}"
        );
        assert!(text.contains("no daylight-saving drift"), "{text}");
        for advice in ["Fix", "Remedy", "switch", "From "] {
            assert!(!text.contains(advice), "{advice}: {text}");
        }
    }
}

#[test]
fn a_window_in_another_offset_drifts_only_at_the_zones_own_transitions() {
    // A UTC window read in Berlin: 21:00Z is 22:00 CET in winter and 23:00 CEST in summer.
    // The drift is the summer hour against the first window's 22:00; switching utcOffset is
    // not offered (it would move the window unless startTime changed too).
    let w = window(
        r#"{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Monday"}},"durationHours":4,
            "utcOffset":"+00:00","startDate":"2027-01-04","startTime":"21:00"}"#,
    );
    let drift = in_berlin(&w, "2027-01-01T00:00:00Z");
    assert_eq!(drift.periods.len(), 1);
    let p = &drift.periods[0];
    assert_eq!(p.first_local_date.to_string(), "2027-03-29");
    assert_eq!(p.shift_minutes, 60);
    assert!(drift.offset_switches.is_empty());
    let longer = drift.longer_window.as_ref().unwrap();
    assert_eq!(
        (longer.start_time.to_string(), longer.duration_hours),
        ("20:00".into(), 5)
    );
    let d = drift.zone_difference.as_ref().unwrap();
    assert!(d.zone_changes);
    let text = describe_drift(&w, &drift);
    assert!(
        text[0].starts_with("This window is written in UTC and this zone is at UTC+01:00 at the first window: it starts at 21:00 UTC, which is 22:00 in this zone"),
        "{}",
        text[0]
    );
    assert!(
        text[1].starts_with("From 29 Mar 2027 this window starts at 23:00 local, not 22:00"),
        "{}",
        text[1]
    );
    assert!(
        text[2].starts_with("Remedy: start at 20:00 (UTC)"),
        "{}",
        text[2]
    );
    assert!(!text.iter().any(|l| l.contains("switch")), "{text:?}");
}
