//! The `.ics` calendar (issue 5 "Other exports", RFC 5545): structure on every plan (CRLF,
//! lines ≤ 75 octets, balanced BEGIN/END, UTC times, DTSTART < DTEND, unique UIDs), exact UTC
//! conversion, blocked windows, stable UIDs, and hostile names that stay inside their value.
//! The demo and pitfalls calendars are golden files in `export_golden.rs`.

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use planner::rules::demo::demo_plan;
use planner::rules::export::{
    ExportError, ExportFormat, Scope, calendar, export, ics, render_unchecked,
};
use planner::rules::maintenance::ConfigName;
use planner::rules::plan::Plan;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// One unfolded content line.
#[derive(Debug, Clone)]
struct Prop {
    name: String,
    value: String,
}

/// A VEVENT's properties.
type Event = Vec<Prop>;

fn get<'a>(event: &'a Event, name: &str) -> &'a str {
    let found: Vec<&Prop> = event.iter().filter(|p| p.name == name).collect();
    assert_eq!(found.len(), 1, "{name} in {event:?}");
    &found[0].value
}

/// Undoes RFC 5545 TEXT escaping; panics on a raw `;` / `,` or an unknown escape.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(e @ ('\\' | ';' | ',')) => out.push(e),
                other => panic!("bad escape \\{other:?} in {value:?}"),
            },
            ';' | ',' => panic!("unescaped {c:?} in TEXT {value:?}"),
            c => out.push(c),
        }
    }
    out
}

fn utc(value: &str) -> DateTime<Utc> {
    assert!(
        value.len() == 16 && value.ends_with('Z') && value.as_bytes()[8] == b'T',
        "not a UTC date-time: {value:?}"
    );
    chrono::NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%SZ")
        .unwrap_or_else(|e| panic!("{value:?}: {e}"))
        .and_utc()
}

/// Checks the RFC 5545 structure and returns the events.
fn parse(text: &str) -> Vec<Event> {
    // CRLF only: every LF follows a CR and every CR precedes an LF.
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' => assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}"),
            b'\r' => assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}"),
            0..=8 | 11..=12 | 14..=31 | 127 => panic!("control byte {b} at {i}"),
            _ => {}
        }
    }
    assert!(text.ends_with("\r\n"));
    let physical: Vec<&str> = text.split_terminator("\r\n").collect();
    for line in &physical {
        assert!(
            line.len() <= ics::MAX_LINE_OCTETS,
            "{} octets: {line:?}",
            line.len()
        );
    }
    // Unfold: a line starting with a space continues the previous one.
    let mut lines: Vec<String> = Vec::new();
    for line in physical {
        match line.strip_prefix(' ') {
            Some(rest) => lines
                .last_mut()
                .expect("fold before any line")
                .push_str(rest),
            None => lines.push(line.to_owned()),
        }
    }
    let props: Vec<Prop> = lines
        .iter()
        .map(|l| {
            let (name, value) = l
                .split_once(':')
                .unwrap_or_else(|| panic!("no ':' in {l:?}"));
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
                "bad property name in {l:?}"
            );
            Prop {
                name: name.to_owned(),
                value: value.to_owned(),
            }
        })
        .collect();
    assert_eq!(props.first().map(|p| p.value.as_str()), Some("VCALENDAR"));
    assert_eq!(props.last().map(|p| p.name.as_str()), Some("END"));

    let mut stack: Vec<String> = Vec::new();
    let mut calendar: Vec<Prop> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    for p in props {
        match p.name.as_str() {
            "BEGIN" => {
                if p.value == "VEVENT" {
                    assert_eq!(stack, ["VCALENDAR"], "VEVENT outside VCALENDAR");
                    events.push(Vec::new());
                }
                stack.push(p.value);
            }
            "END" => assert_eq!(stack.pop(), Some(p.value), "unbalanced END"),
            _ if stack.len() == 2 => events.last_mut().unwrap().push(p),
            _ => calendar.push(p),
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    assert!(
        !events.is_empty(),
        "a calendar needs at least one component"
    );
    assert_eq!(get(&calendar, "VERSION"), "2.0");
    assert_eq!(get(&calendar, "METHOD"), "PUBLISH");
    assert!(get(&calendar, "PRODID").contains("aks-planner"));
    unescape(get(&calendar, "X-WR-CALNAME"));
    unescape(get(&calendar, "X-WR-CALDESC"));

    let mut uids = BTreeSet::new();
    for e in &events {
        let (start, end) = (utc(get(e, "DTSTART")), utc(get(e, "DTEND")));
        assert!(start < end, "DTSTART {start} not before DTEND {end}");
        utc(get(e, "DTSTAMP"));
        assert!(uids.insert(get(e, "UID").to_owned()), "duplicate UID");
        assert!(get(e, "UID").is_ascii());
        for name in ["SUMMARY", "DESCRIPTION", "LOCATION"] {
            unescape(get(e, name));
        }
        assert!(matches!(get(e, "STATUS"), "CONFIRMED" | "CANCELLED"));
    }
    events
}

fn demo_calendar() -> String {
    export(&demo_plan(), ExportFormat::Ics, Scope::Plan, today()).unwrap()
}

#[test]
fn the_demo_calendar_is_well_formed_and_covers_26_weeks() {
    let events = parse(&demo_calendar());
    let from = today().and_time(NaiveTime::MIN).and_utc();
    let to = from + Duration::weeks(26);
    for e in &events {
        assert!(utc(get(e, "DTSTART")) < to && utc(get(e, "DTEND")) > from);
        assert_eq!(get(e, "DTSTAMP"), "20261124T000000Z");
    }
    // Sorted by start.
    let starts: Vec<_> = events.iter().map(|e| utc(get(e, "DTSTART"))).collect();
    assert!(starts.is_sorted());
}

#[test]
fn every_window_of_the_engine_is_one_event_and_blocked_ones_are_cancelled() {
    let plan = demo_plan();
    let from = today().and_time(NaiveTime::MIN).and_utc();
    let to = from + Duration::weeks(26);
    let events = parse(&demo_calendar());
    let mut blocked = 0;
    for c in &plan.clusters {
        for name in ConfigName::ALL {
            let expected: Vec<_> = c
                .maintenance_configurations
                .occurrences(name, from, plan.assumptions.recurrence)
                .into_iter()
                .flatten()
                .take_while(|o| o.start < to)
                .collect();
            let key = match name {
                ConfigName::Default => "-default-",
                ConfigName::AutoUpgrade => "-auto-upgrade-",
                ConfigName::NodeOs => "-node-os-",
            };
            let got: Vec<&Event> = events
                .iter()
                .filter(|e| {
                    unescape(get(e, "SUMMARY")).starts_with(&format!("{}:", c.name))
                        && get(e, "UID").contains(key)
                })
                .collect();
            assert_eq!(got.len(), expected.len(), "{} {name}", c.name);
            for (e, o) in got.iter().zip(&expected) {
                assert_eq!(utc(get(e, "DTSTART")), o.start);
                assert_eq!(utc(get(e, "DTEND")), o.end);
                let summary = unescape(get(e, "SUMMARY"));
                assert_eq!(get(e, "STATUS") == "CANCELLED", o.blocked, "{summary}");
                assert_eq!(summary.ends_with("(blocked by blackout)"), o.blocked);
                blocked += u32::from(o.blocked);
            }
        }
    }
    // The demo's test cluster has a year-end blackout inside the horizon.
    assert!(blocked > 0);
}

const ONE_WINDOW: &str = r#"{
  "version": 1,
  "name": "one window",
  "clusters": [{
    "name": "aks-prod-weu",
    "resourceGroup": "rg-prod",
    "location": "westeurope",
    "subscription": "contoso-prod",
    "autoUpgradeProfile": {"upgradeChannel": "none", "nodeOSUpgradeChannel": "NodeImage"},
    "agentPoolProfiles": [{"name": "system", "mode": "System", "osType": "Linux",
      "osSKU": "Ubuntu", "vmSize": "Standard_D4s_v5", "count": 3}],
    "maintenanceConfigurations": [{
      "name": "aksManagedNodeOSUpgradeSchedule",
      "maintenanceWindow": {
        "schedule": {"weekly": {"intervalWeeks": 1, "dayOfWeek": "Saturday"}},
        "durationHours": 4, "utcOffset": "+01:00", "startTime": "22:00"
      }
    }]
  }]
}"#;

fn one_window() -> Plan {
    Plan::from_json(ONE_WINDOW).unwrap().0
}

#[test]
fn local_start_times_become_utc_with_the_window_offset() {
    let text = calendar(&one_window(), Scope::Plan, today(), 2).unwrap();
    let events = parse(&text);
    assert_eq!(events.len(), 2);
    // Saturday 22:00 at UTC+01:00 is 21:00 UTC, four hours long.
    assert_eq!(get(&events[0], "DTSTART"), "20261128T210000Z");
    assert_eq!(get(&events[0], "DTEND"), "20261129T010000Z");
    assert_eq!(get(&events[1], "DTSTART"), "20261205T210000Z");
    assert_eq!(
        unescape(get(&events[0], "SUMMARY")),
        "aks-prod-weu: node OS upgrade window"
    );
    let description = unescape(get(&events[0], "DESCRIPTION"));
    assert!(
        description.starts_with("Every Saturday, 22:00–02:00 (UTC+01:00).\n"),
        "{description}"
    );
    assert!(description.contains("Node OS upgrade channel: NodeImage."));

    // A negative offset moves the UTC start to the next day.
    let mut plan = one_window();
    let json = plan.to_json().replace("+01:00", "-08:00");
    plan = Plan::from_json(&json).unwrap().0;
    let events = parse(&calendar(&plan, Scope::Plan, today(), 1).unwrap());
    assert_eq!(get(&events[0], "DTSTART"), "20261129T060000Z");
}

#[test]
fn uids_are_stable_across_exports_on_different_days() {
    let plan = one_window();
    let uid_of = |day: NaiveDate| -> Vec<(String, String)> {
        parse(&calendar(&plan, Scope::Plan, day, 3).unwrap())
            .iter()
            .map(|e| (get(e, "DTSTART").to_owned(), get(e, "UID").to_owned()))
            .collect()
    };
    let a = uid_of(today());
    let b = uid_of(today() + Duration::days(7));
    // The windows both exports share have the same UIDs.
    assert_eq!(a[1..], b[..2]);
    // Another cluster with the same window gets other UIDs.
    let mut other = plan.clone();
    other.clusters[0].resource_group = "rg-other".into();
    let c: Vec<String> = parse(&calendar(&other, Scope::Plan, today(), 3).unwrap())
        .iter()
        .map(|e| get(e, "UID").to_owned())
        .collect();
    assert!(a.iter().all(|(_, uid)| !c.contains(uid)));
}

#[test]
fn a_calendar_can_hold_one_cluster_and_an_empty_one_is_refused() {
    let text = export(
        &demo_plan(),
        ExportFormat::Ics,
        Scope::Cluster("aks-dev-weu"),
        today(),
    )
    .unwrap();
    let events = parse(&text);
    assert!(
        events
            .iter()
            .all(|e| unescape(get(e, "SUMMARY")).starts_with("aks-dev-weu:"))
    );
    assert!(text.contains("X-WR-CALNAME:AKS maintenance windows: aks-dev-weu\r\n"));

    let mut plan = one_window();
    plan.clusters[0].maintenance_configurations = Default::default();
    let err = calendar(&plan, Scope::Plan, today(), 26).unwrap_err();
    assert!(matches!(err, ExportError::NoWindows { weeks: 26, .. }));
    assert!(
        err.to_string()
            .contains("no maintenance window in the next 26 weeks")
    );
}

#[test]
fn a_plan_with_errors_gets_no_calendar() {
    let mut plan = one_window();
    plan.clusters[0].agent_pool_profiles[0]
        .upgrade_settings
        .max_unavailable = Some(planner::rules::surge::SurgeValue::Nodes(1));
    let err = calendar(&plan, Scope::Plan, today(), 4).unwrap_err();
    assert!(matches!(err, ExportError::PlanHasErrors(_)), "{err}");
}

/// Names AKS would refuse, to show the calendar text cannot be broken by them.
const HOSTILE: &[&str] = &[
    "semi;colon,comma",
    "back\\slash\\n",
    "new\nline\r\nEND:VEVENT\r\nBEGIN:VEVENT",
    "ünïcødé 日本語 🚀 clüster with a very long name that must be folded across several lines",
    "tab\tand \u{1b}[31m escape",
];

#[test]
fn hostile_names_stay_inside_their_values() {
    for name in HOSTILE {
        let mut plan = one_window();
        plan.name = (*name).to_owned();
        plan.clusters[0].name = (*name).to_owned();
        plan.clusters[0].resource_group = (*name).to_owned();
        plan.clusters[0].location = (*name).to_owned();
        let text = render_unchecked(&plan, ExportFormat::Ics, Scope::Plan, today()).unwrap();
        let events = parse(&text);
        // Line breaks are TEXT newlines; other control characters become U+FFFD.
        let expected_name: String = name
            .replace("\r\n", "\n")
            .chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect();
        for e in &events {
            assert_eq!(
                unescape(get(e, "SUMMARY")),
                format!("{expected_name}: node OS upgrade window")
            );
            assert_eq!(unescape(get(e, "LOCATION")), expected_name);
            assert!(unescape(get(e, "DESCRIPTION")).contains(&expected_name));
        }
    }
}

fn hostile_text() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        "[a-z0-9-]{1,12}",
        "[;,\\\\\n\r\t :\"'$()é日🚀a-z]{0,90}",
        any::<String>().prop_map(|s| s.replace('\0', "")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any plan (windows from the whole API range, hostile text everywhere) gives a well-formed
    /// calendar or a typed refusal, never a broken one.
    #[test]
    fn every_calendar_is_well_formed(
        plan in common::plan(3, hostile_text()),
        weeks in 1u32..=30,
        day in 0i64..2000,
    ) {
        let today = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(day);
        let from = today.and_time(NaiveTime::MIN).and_utc();
        let mut plan = plan;
        plan.name = plan.name.replace('\0', "");
        match planner::rules::export::ics::render(&plan, &plan.clusters.iter().collect::<Vec<_>>(), &[], from, weeks) {
            Ok(text) => {
                let events = parse(&text);
                for e in &events {
                    prop_assert!(utc(get(e, "DTSTART")) < from + Duration::weeks(i64::from(weeks)));
                    prop_assert!(utc(get(e, "DTEND")) > from);
                }
            }
            Err(ExportError::NoWindows { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }
}

/// A daily 4-hour window at 00:00 UTC and one at 08:00 UTC, exported at 10:00: today's first
/// window ended at 04:00 and is not listed, today's second is still open and is.
fn daily_plan() -> Plan {
    let mut plan = demo_plan();
    plan.clusters.truncate(1);
    let cfgs = &mut plan.clusters[0].maintenance_configurations;
    cfgs.default = None;
    let window = |time: &str| {
        serde_json::from_value(serde_json::json!({
            "schedule": {"daily": {"intervalDays": 1}},
            "durationHours": 4,
            "utcOffset": "+00:00",
            "startTime": time,
        }))
        .unwrap()
    };
    cfgs.node_os = Some(window("00:00"));
    cfgs.auto_upgrade = Some(window("08:00"));
    plan
}

#[test]
fn windows_that_ended_before_now_are_not_in_the_calendar() {
    let now: DateTime<Utc> = "2026-11-24T10:00:00Z".parse().unwrap();
    let plan = daily_plan();
    let text = export(&plan, ExportFormat::Ics, Scope::Plan, now).unwrap();
    let starts: Vec<DateTime<Utc>> = parse(&text)
        .iter()
        .map(|e| utc(get(e, "DTSTART")))
        .collect();
    let ended: DateTime<Utc> = "2026-11-24T00:00:00Z".parse().unwrap();
    let open: DateTime<Utc> = "2026-11-24T08:00:00Z".parse().unwrap();
    assert!(!starts.contains(&ended), "ended at 04:00, listed at 10:00");
    assert!(starts.contains(&open), "open until 12:00");
    assert!(starts.contains(&"2026-11-25T00:00:00Z".parse().unwrap()));
    for e in parse(&text) {
        assert!(utc(get(&e, "DTEND")) > now);
    }
}
