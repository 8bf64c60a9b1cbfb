//! Findings for maintenance configurations (docs/aks-rules.md §3.1–3.7, §8 A-1, A-2, A-8–A-13,
//! A-20).

use chrono::{DateTime, Utc};
use planner::rules::cluster::Cluster;
use planner::rules::findings::windows::{change_lead_time, findings};
use planner::rules::findings::{Finding, Severity};
use planner::rules::maintenance::{ConfigName, RecurrenceOptions};

fn cluster(profile: &str, configs: &str) -> Cluster {
    serde_json::from_str(&format!(
        r#"{{"name":"aks-1","autoUpgradeProfile":{profile},"maintenanceConfigurations":{configs}}}"#
    ))
    .unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

const NODE_IMAGE: &str = r#"{"upgradeChannel":"none","nodeOSUpgradeChannel":"NodeImage"}"#;

fn node_os(window: &str) -> String {
    format!(r#"[{{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{window}}}]"#)
}

fn run(c: &Cluster, now: Option<&str>) -> Vec<Finding> {
    findings(3, c, now.map(at), RecurrenceOptions::default())
}

fn codes(found: &[Finding]) -> Vec<(&'static str, String, Severity)> {
    found
        .iter()
        .map(|f| (f.code.as_str(), f.path.field.clone(), f.severity))
        .collect()
}

fn has(found: &[Finding], code: &str, field: &str, severity: Severity) -> bool {
    found
        .iter()
        .any(|f| f.code == code && f.path.field == field && f.severity == severity)
}

#[test]
fn a_clean_weekly_node_image_window_has_only_the_spill_over_note() {
    let c = cluster(
        NODE_IMAGE,
        &node_os(
            r#"{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Sunday"}},"durationHours":6,
                "startDate":"2027-01-03","startTime":"02:00"}"#,
        ),
    );
    let found = run(&c, Some("2027-01-01T00:00:00Z"));
    assert_eq!(
        codes(&found),
        [(
            "assumption-work-outside-window",
            String::new(),
            Severity::Note
        )]
    );
}

#[test]
fn every_range_of_the_api_is_an_error_on_its_field() {
    let cases = [
        (
            r#"{"daily":{"intervalDays":8}}"#,
            4,
            "schedule.daily.intervalDays",
        ),
        (
            r#"{"daily":{"intervalDays":0}}"#,
            4,
            "schedule.daily.intervalDays",
        ),
        (
            r#"{"weekly":{"intervalWeeks":5,"dayOfWeek":"Monday"}}"#,
            4,
            "schedule.weekly.intervalWeeks",
        ),
        (
            r#"{"absoluteMonthly":{"intervalMonths":7,"dayOfMonth":3}}"#,
            4,
            "schedule.absoluteMonthly.intervalMonths",
        ),
        (
            r#"{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":0}}"#,
            4,
            "schedule.absoluteMonthly.dayOfMonth",
        ),
        (
            r#"{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":32}}"#,
            4,
            "schedule.absoluteMonthly.dayOfMonth",
        ),
        (
            r#"{"relativeMonthly":{"intervalMonths":0,"weekIndex":"First","dayOfWeek":"Monday"}}"#,
            4,
            "schedule.relativeMonthly.intervalMonths",
        ),
        (r#"{"daily":{"intervalDays":1}}"#, 3, "durationHours"),
        (r#"{"daily":{"intervalDays":1}}"#, 25, "durationHours"),
    ];
    for (schedule, hours, field) in cases {
        let c = cluster(
            NODE_IMAGE,
            &node_os(&format!(
                r#"{{"schedule":{schedule},"durationHours":{hours},"startTime":"02:00"}}"#
            )),
        );
        let found = run(&c, None);
        let f = found
            .iter()
            .find(|f| f.code == "maintenance-value-out-of-range")
            .unwrap_or_else(|| panic!("{schedule} {hours}: {:?}", codes(&found)));
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.path.field, field);
        assert_eq!(
            f.path.config.as_deref(),
            Some("aksManagedNodeOSUpgradeSchedule")
        );
        assert_eq!(f.path.cluster, Some(3));
        assert_eq!(
            f.path.dom_id(),
            format!(
                "c3-aksManagedNodeOSUpgradeSchedule-{}",
                field.replace('.', "-")
            )
        );
    }
}

/// Real offsets span -12:00 (Baker Island) to +14:00 (Line Islands) in 15-minute steps
/// (IANA tzdata): outside that range an error, off-step a warning.
#[test]
fn utc_offsets_outside_real_time_zones_are_errors_and_odd_minutes_warnings() {
    for (offset, code) in [
        ("+14:00", None),
        ("-12:00", None),
        ("+05:45", None),
        (
            "+14:30",
            Some(("maintenance-utc-offset-out-of-range", Severity::Error)),
        ),
        (
            "-13:00",
            Some(("maintenance-utc-offset-out-of-range", Severity::Error)),
        ),
        (
            "+99:00",
            Some(("maintenance-utc-offset-out-of-range", Severity::Error)),
        ),
        (
            "+01:10",
            Some(("maintenance-utc-offset-unusual", Severity::Warning)),
        ),
    ] {
        let c = cluster(
            NODE_IMAGE,
            &node_os(&format!(
                r#"{{"schedule":{{"weekly":{{"intervalWeeks":1,"dayOfWeek":"Sunday"}}}},"durationHours":4,
                    "utcOffset":"{offset}","startDate":"2027-01-03","startTime":"12:00"}}"#
            )),
        );
        let found = run(&c, None);
        let offset_codes: Vec<&str> = found
            .iter()
            .map(|f| f.code.as_str())
            .filter(|c| c.starts_with("maintenance-utc-offset"))
            .collect();
        match code {
            None => assert!(offset_codes.is_empty(), "{offset}: {offset_codes:?}"),
            Some((code, severity)) => {
                assert_eq!(offset_codes, [code], "{offset}");
                assert!(has(&found, code, "utcOffset", severity), "{offset}");
            }
        }
    }
}

#[test]
fn default_takes_weekly_interval_one_only() {
    let default = |schedule: &str| {
        cluster(
            NODE_IMAGE,
            &format!(
                r#"[{{"name":"default","maintenanceWindow":{{"schedule":{schedule},"durationHours":4,"startTime":"02:00"}}}}]"#
            ),
        )
    };
    let found = run(
        &default(r#"{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}}"#),
        None,
    );
    assert!(has(
        &found,
        "default-weekly-interval-not-one",
        "schedule.weekly.intervalWeeks",
        Severity::Error
    ));
    let found = run(&default(r#"{"daily":{"intervalDays":1}}"#), None);
    let f = found
        .iter()
        .find(|f| f.code == "default-schedule-not-weekly")
        .unwrap();
    assert!(f.why.contains("A-9"), "{}", f.why);
    let found = run(
        &default(r#"{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":1}}"#),
        None,
    );
    assert!(has(
        &found,
        "default-schedule-not-weekly",
        "schedule",
        Severity::Error
    ));
    let found = run(
        &default(r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Sunday"}}"#),
        None,
    );
    assert!(found.iter().all(|f| f.severity != Severity::Error));
}

#[test]
fn the_legacy_default_form_is_flagged_with_its_bad_slots() {
    let c = cluster(
        NODE_IMAGE,
        r#"[{"name":"default","timeInWeek":[{"day":"Monday","hourSlots":[1,24]},{"day":"Friday","hourSlots":[]}],
            "notAllowedTime":[{"start":"2027-05-30T00:00:00Z","end":"2027-05-26T00:00:00Z"}]}]"#,
    );
    let found = run(&c, None);
    assert!(has(
        &found,
        "default-legacy-hour-slot-out-of-range",
        "timeInWeek",
        Severity::Error
    ));
    for code in [
        "default-legacy-form",
        "default-legacy-hour-slot-out-of-range",
        "default-legacy-empty-hour-slots",
        "maintenance-blackout-reversed",
    ] {
        assert!(
            found.iter().any(|f| f.code == code),
            "{code}: {:?}",
            codes(&found)
        );
    }
}

#[test]
fn start_date_in_the_past_and_reversed_blackouts_are_warnings() {
    let c = cluster(
        NODE_IMAGE,
        &node_os(
            r#"{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Sunday"}},"durationHours":4,
                "utcOffset":"+05:30","startDate":"2027-01-03","startTime":"02:00",
                "notAllowedDates":[{"start":"2027-02-10","end":"2027-02-01"}]}"#,
        ),
    );
    // 2027-01-02T19:00Z is already 3 Jan 00:30 at +05:30: not in the past yet.
    assert!(!has(
        &run(&c, Some("2027-01-02T19:00:00Z")),
        "maintenance-start-date-in-past",
        "startDate",
        Severity::Warning
    ));
    let found = run(&c, Some("2027-01-03T19:00:00Z"));
    assert!(has(
        &found,
        "maintenance-start-date-in-past",
        "startDate",
        Severity::Warning
    ));
    assert!(has(
        &found,
        "maintenance-blackout-reversed",
        "notAllowedDates",
        Severity::Warning
    ));
    // Without "now" the planner cannot say.
    assert!(
        !run(&c, None)
            .iter()
            .any(|f| f.code == "maintenance-start-date-in-past")
    );
}

#[test]
fn cadence_must_fit_the_node_os_channel() {
    let monthly = node_os(
        r#"{"schedule":{"relativeMonthly":{"intervalMonths":1,"weekIndex":"First","dayOfWeek":"Sunday"}},
            "durationHours":4,"startDate":"2027-01-03","startTime":"02:00"}"#,
    );
    let weekly = node_os(
        r#"{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Sunday"}},"durationHours":4,
            "startDate":"2027-01-03","startTime":"02:00"}"#,
    );
    let found = run(&cluster(NODE_IMAGE, &monthly), None);
    assert!(has(
        &found,
        "node-image-cadence-too-long",
        "schedule",
        Severity::Warning
    ));
    let sp = r#"{"upgradeChannel":"none","nodeOSUpgradeChannel":"SecurityPatch"}"#;
    assert!(has(
        &run(&cluster(sp, &monthly), None),
        "security-patch-cadence-too-long",
        "schedule",
        Severity::Warning
    ));
    assert!(has(
        &run(&cluster(sp, &weekly), None),
        "security-patch-cadence-weekly",
        "schedule",
        Severity::Note
    ));
    for ignored in ["Unmanaged", "None"] {
        let p = format!(r#"{{"upgradeChannel":"none","nodeOSUpgradeChannel":"{ignored}"}}"#);
        assert!(
            has(
                &run(&cluster(&p, &weekly), None),
                "node-os-window-ignored",
                "",
                Severity::Warning
            ),
            "{ignored}"
        );
    }
}

#[test]
fn auto_upgrade_windows_need_a_channel_and_default_does_not_replace_them() {
    let auto = r#"[{"name":"aksManagedAutoUpgradeSchedule","maintenanceWindow":{
        "schedule":{"relativeMonthly":{"intervalMonths":1,"weekIndex":"First","dayOfWeek":"Tuesday"}},
        "durationHours":4,"startDate":"2027-01-03","startTime":"09:00"}}]"#;
    assert!(has(
        &run(&cluster(NODE_IMAGE, auto), None),
        "auto-upgrade-window-unused",
        "",
        Severity::Warning
    ));
    let patch = r#"{"upgradeChannel":"patch","nodeOSUpgradeChannel":"NodeImage"}"#;
    let default_only = r#"[{"name":"default","maintenanceWindow":{
        "schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Sunday"}},"durationHours":4,"startTime":"02:00"}}]"#;
    let found = run(&cluster(patch, default_only), None);
    assert!(has(
        &found,
        "default-does-not-schedule-auto-upgrade",
        "",
        Severity::Warning
    ));
    // A-13: both channels run unscheduled.
    assert_eq!(
        found
            .iter()
            .filter(|f| f.code == "maintenance-window-missing")
            .count(),
        2
    );
}

#[test]
fn overlapping_node_os_and_auto_upgrade_windows_are_reported_with_the_first_date() {
    let c = cluster(
        r#"{"upgradeChannel":"stable","nodeOSUpgradeChannel":"NodeImage"}"#,
        r#"[{"name":"aksManagedAutoUpgradeSchedule","maintenanceWindow":{
              "schedule":{"relativeMonthly":{"intervalMonths":1,"weekIndex":"First","dayOfWeek":"Tuesday"}},
              "durationHours":4,"utcOffset":"+01:00","startDate":"2027-01-01","startTime":"09:00"}},
            {"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{
              "schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Tuesday"}},
              "durationHours":4,"utcOffset":"+01:00","startDate":"2027-01-01","startTime":"11:00"}}]"#,
    );
    let found = run(&c, Some("2027-01-01T00:00:00Z"));
    let f = found
        .iter()
        .find(|f| f.code == "maintenance-windows-overlap")
        .unwrap();
    // First Tuesday of January 2027 is the 5th; 10:00Z–12:00Z is shared.
    assert!(f.message.contains("Tue 5 Jan 2027 10:00"), "{}", f.message);
    assert!(f.why.contains("AKS decides the order"));
    // Without "now" there is no horizon to look in.
    assert!(
        !run(&c, None)
            .iter()
            .any(|f| f.code == "maintenance-windows-overlap")
    );
}

#[test]
fn assumptions_in_force_are_notes() {
    let c = cluster(
        NODE_IMAGE,
        &node_os(
            r#"{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Sunday"}},"durationHours":6,
                "utcOffset":"+05:30","startTime":"02:00",
                "notAllowedDates":[{"start":"2026-12-23","end":"2027-01-03"}]}"#,
        ),
    );
    let found = run(&c, None);
    for (code, field) in [
        ("assumption-weekly-anchor", "schedule.weekly.intervalWeeks"),
        ("assumption-no-start-date", "startDate"),
        ("assumption-blackout-overlap", "notAllowedDates"),
        // 02:00 at +05:30 is 20:30 UTC the previous day.
        ("assumption-local-date", "utcOffset"),
        ("assumption-work-outside-window", ""),
    ] {
        assert!(
            has(&found, code, field, Severity::Note),
            "{code}: {:?}",
            codes(&found)
        );
    }
    // Errors first, then warnings, then notes.
    assert!(found.windows(2).all(|p| p[0].severity <= p[1].severity));
}

#[test]
fn day_of_month_after_28_warns_with_the_reading_in_force() {
    let c = cluster(
        NODE_IMAGE,
        &node_os(
            r#"{"schedule":{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":31}},"durationHours":4,
                "startDate":"2027-01-03","startTime":"02:00"}"#,
        ),
    );
    let found = run(&c, None);
    let f = found
        .iter()
        .find(|f| f.code == "maintenance-day-of-month-after-28")
        .unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("skip"));
    assert!(f.why.contains("February, April, June, September, November"));
}

#[test]
fn a_change_less_than_15_minutes_before_the_next_window_is_flagged() {
    let c = cluster(
        NODE_IMAGE,
        &node_os(
            r#"{"schedule":{"daily":{"intervalDays":1}},"durationHours":4,"startDate":"2027-01-01",
                "startTime":"02:00"}"#,
        ),
    );
    let opts = RecurrenceOptions::default();
    let late =
        change_lead_time(0, &c, ConfigName::NodeOs, at("2027-03-10T01:50:00Z"), opts).unwrap();
    assert_eq!(late.code, "maintenance-changed-too-late");
    assert!(late.message.contains("10 minutes"), "{}", late.message);
    assert!(
        change_lead_time(0, &c, ConfigName::NodeOs, at("2027-03-10T01:45:00Z"), opts).is_none()
    );
    // During a window the next one is tomorrow: plenty of time.
    assert!(
        change_lead_time(0, &c, ConfigName::NodeOs, at("2027-03-10T03:00:00Z"), opts).is_none()
    );
    assert!(
        change_lead_time(
            0,
            &c,
            ConfigName::AutoUpgrade,
            at("2027-03-10T01:50:00Z"),
            opts
        )
        .is_none()
    );
}
