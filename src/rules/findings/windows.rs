//! Findings for maintenance configurations: every range and format of docs/aks-rules.md §3.2–3.3,
//! the `default` restrictions (§8 ), and a note for every assumption in force. The
//! schedule-quality findings (channel fit, overlaps, lead time) live in [`quality`].
//!
//! Ranges are findings, not parse errors, so a plan under edit can hold them (rules/mod.rs).

use crate::rules::finding::FindingCode;
use crate::rules::finding::fields::WindowField;
use crate::rules::finding::sources::{AKS_5050, MAINTENANCE_API, PLANNED_MAINTENANCE};
use chrono::{DateTime, Utc};

mod notes;
mod quality;

pub use quality::{CHANGE_LEAD_MINUTES, OVERLAP_HORIZON_WEEKS, change_lead_time};

use crate::rules::cluster::Cluster;
use crate::rules::findings::{FieldPath, Finding, Severity, Source};
use crate::rules::maintenance::describe::format_date;
use crate::rules::maintenance::recurrence::{
    DAY_OF_MONTH, DURATION_HOURS, INTERVAL_DAYS, INTERVAL_MONTHS, INTERVAL_WEEKS,
    RecurrenceOptions, local_date,
};
use crate::rules::maintenance::{
    ConfigName, DefaultConfig, MaintenanceWindow, Schedule, TimeInWeek, TimeSpan,
};

/// Where findings for one configuration point.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At<'a> {
    pub cluster: usize,
    pub cluster_name: &'a str,
    pub config: ConfigName,
}

impl At<'_> {
    /// A finding at `field` of this configuration; `text` = [message, why, fix].
    pub(crate) fn finding(
        &self,
        severity: Severity,
        code: FindingCode,
        field: &str,
        source: Source,
        [message, why, fix]: [String; 3],
    ) -> Finding {
        Finding {
            severity,
            code,
            path: FieldPath {
                cluster: Some(self.cluster),
                cluster_name: Some(self.cluster_name.to_owned()),
                pool: None,
                pool_name: None,
                config: Some(self.config.as_str().to_owned()),
                field: field.to_owned(),
            },
            message,
            why,
            fix,
            source,
        }
    }
}

/// Every maintenance finding for one cluster: ranges, `default` rules, schedule quality and
/// assumption notes, errors first. `now` enables the time-relative ones (startDate in the past,
/// overlapping windows); without it they are left out.
pub fn findings(
    cluster_index: usize,
    cluster: &Cluster,
    now: Option<DateTime<Utc>>,
    options: RecurrenceOptions,
) -> Vec<Finding> {
    let cfgs = &cluster.maintenance_configurations;
    let mut out = Vec::new();
    for config in ConfigName::ALL {
        let at = At {
            cluster: cluster_index,
            cluster_name: &cluster.name,
            config,
        };
        match (config, &cfgs.default) {
            (
                ConfigName::Default,
                Some(DefaultConfig::Legacy {
                    time_in_week,
                    not_allowed_time,
                }),
            ) => out.extend(legacy_findings(at, time_in_week, not_allowed_time)),
            _ => {
                if let Some(w) = cfgs.window(config) {
                    out.extend(window_findings(at, w, now, options));
                }
            }
        }
    }
    out.extend(quality::cluster_findings(
        cluster_index,
        cluster,
        now,
        options,
    ));
    // Stable: plan order within each severity.
    crate::rules::stable_sort::sort_by_key(&mut out, |f| f.severity);
    out
}

/// The findings of one `maintenanceWindow` (what the editor shows next to its fields).
pub(crate) fn window_findings(
    at: At<'_>,
    w: &MaintenanceWindow,
    now: Option<DateTime<Utc>>,
    options: RecurrenceOptions,
) -> Vec<Finding> {
    let mut out = Vec::new();
    range_findings(at, w, &mut out);
    if at.config == ConfigName::Default {
        default_findings(at, w, &mut out);
    }
    offset_findings(at, w, &mut out);
    date_findings(at, w, now, &mut out);
    notes::assumption_notes(at, w, options, &mut out);
    out
}

fn out_of_range(
    at: At<'_>,
    field: &str,
    value: u32,
    range: &std::ops::RangeInclusive<u32>,
    why: &str,
) -> Option<Finding> {
    (!range.contains(&value)).then(|| {
        at.finding(
            Severity::Error,
            FindingCode::MaintenanceValueOutOfRange,
            field,
            MAINTENANCE_API,
            [
                format!(
                    "{field} is {value}; AKS accepts {} to {}",
                    range.start(),
                    range.end()
                ),
                format!(
                    "{why} (the API rejects other values; the planner shows no windows for it)"
                ),
                format!("set {field} between {} and {}", range.start(), range.end()),
            ],
        )
    })
}

/// docs/aks-rules.md §3.2: duration 4–24, intervals 1–7 / 1–4 / 1–6, dayOfMonth 1–31.
fn range_findings(at: At<'_>, w: &MaintenanceWindow, out: &mut Vec<Finding>) {
    out.extend(out_of_range(
        at,
        WindowField::DurationHours.name(),
        w.duration_hours,
        &DURATION_HOURS,
        "a window lasts 4 to 24 hours; AKS needs at least 4 hours to upgrade reliably",
    ));
    let schedule = match w.schedule {
        Schedule::Daily { interval_days } => vec![(
            "schedule.daily.intervalDays",
            interval_days,
            INTERVAL_DAYS,
            "a daily schedule repeats every 1 to 7 days",
        )],
        Schedule::Weekly { interval_weeks, .. } => vec![(
            "schedule.weekly.intervalWeeks",
            interval_weeks,
            INTERVAL_WEEKS,
            "a weekly schedule repeats every 1 to 4 weeks",
        )],
        Schedule::AbsoluteMonthly {
            interval_months,
            day_of_month,
        } => vec![
            (
                "schedule.absoluteMonthly.intervalMonths",
                interval_months,
                INTERVAL_MONTHS,
                "a monthly schedule repeats every 1 to 6 months",
            ),
            (
                "schedule.absoluteMonthly.dayOfMonth",
                day_of_month,
                DAY_OF_MONTH,
                "dayOfMonth is a day 1 to 31",
            ),
        ],
        Schedule::RelativeMonthly {
            interval_months, ..
        } => vec![(
            "schedule.relativeMonthly.intervalMonths",
            interval_months,
            INTERVAL_MONTHS,
            "a monthly schedule repeats every 1 to 6 months",
        )],
    };
    for (field, value, range, why) in schedule {
        out.extend(out_of_range(at, field, value, &range, why));
    }
}

/// §3.1, §8: `default` takes Weekly with intervalWeeks 1 only.
fn default_findings(at: At<'_>, w: &MaintenanceWindow, out: &mut Vec<Finding>) {
    match w.schedule {
        Schedule::Weekly {
            interval_weeks: 1, ..
        } => {}
        Schedule::Weekly { interval_weeks, .. } => out.push(at.finding(
            Severity::Error,
            FindingCode::DefaultWeeklyIntervalNotOne,
            "schedule.weekly.intervalWeeks",
            AKS_5050,
            [
                format!("the default configuration repeats every {interval_weeks} weeks"),
                "since June 2025 AKS accepts only a weekly default window with intervalWeeks 1 (assumption A-8; the CLI forces 1)".into(),
                "set intervalWeeks to 1".into(),
            ],
        )),
        other => out.push(at.finding(
            Severity::Error,
            FindingCode::DefaultScheduleNotWeekly,
            WindowField::Schedule.name(),
            AKS_5050,
            [
                format!("the default configuration uses a {} schedule", other.type_name()),
                if matches!(other, Schedule::Daily { .. }) {
                    "Daily is for the aksManaged* configurations only, never for default (assumption A-9); default takes Weekly only".into()
                } else {
                    "since June 2025 the RP rejects non-weekly default windows: \"Only weekly schedule is supported for control plane upgrade maintenance configuration: default\"".into()
                },
                "use a weekly schedule with intervalWeeks 1; put longer cadences on aksManagedAutoUpgradeSchedule or aksManagedNodeOSUpgradeSchedule".into(),
            ],
        )),
    }
}

/// `utcOffset` outside every real time zone: an error, the window must not be exported.
pub const UTC_OFFSET_OUT_OF_RANGE: FindingCode = FindingCode::MaintenanceUtcOffsetOutOfRange;
/// `utcOffset` within range but not on a 15-minute step: a warning.
pub const UTC_OFFSET_UNUSUAL: FindingCode = FindingCode::MaintenanceUtcOffsetUnusual;
/// A legacy `hourSlots` entry outside 0–23: an error, never exported.
pub const LEGACY_HOUR_SLOT_OUT_OF_RANGE: FindingCode = FindingCode::DefaultLegacyHourSlotOutOfRange;

/// Real offsets, in minutes: −12:00 … +14:00 (§8 A-20).
pub const UTC_OFFSET_MINUTES: std::ops::RangeInclusive<i32> = -12 * 60..=14 * 60;

/// §8 A-20: the pattern allows any ±HH:mm; real offsets are −12:00…+14:00 (an error outside:
/// no time zone has such an offset, so the windows would be computed for no place on Earth) in
/// 15-minute steps (a warning otherwise).
fn offset_findings(at: At<'_>, w: &MaintenanceWindow, out: &mut Vec<Finding>) {
    let m = w.utc_offset.minutes();
    if !UTC_OFFSET_MINUTES.contains(&m) {
        out.push(at.finding(
            Severity::Error,
            UTC_OFFSET_OUT_OF_RANGE,
            WindowField::UtcOffset.name(),
            PLANNED_MAINTENANCE,
            [
                format!("utcOffset {} is outside -12:00…+14:00", w.utc_offset),
                "no time zone has this offset; the API pattern accepts any ±HH:mm, so the planner refuses to export it (assumption A-20)".into(),
                "use the offset of the time zone you mean, between -12:00 and +14:00, e.g. +01:00 or +05:30".into(),
            ],
        ));
    } else if !m.unsigned_abs().is_multiple_of(15) {
        out.push(at.finding(
            Severity::Warning,
            UTC_OFFSET_UNUSUAL,
            WindowField::UtcOffset.name(),
            PLANNED_MAINTENANCE,
            [
                format!("utcOffset {} is not a real-world offset", w.utc_offset),
                "real offsets have minutes 00, 15, 30 or 45; the API pattern alone does not check this (assumption A-20)".into(),
                "use the offset of the time zone you mean, e.g. +01:00 or +05:30".into(),
            ],
        ));
    }
}

/// startDate in the past (§3.7, A-10) and reversed blackouts (§3.5).
fn date_findings(
    at: At<'_>,
    w: &MaintenanceWindow,
    now: Option<DateTime<Utc>>,
    out: &mut Vec<Finding>,
) {
    let today = now.and_then(|n| local_date(n, w.utc_offset));
    if let (Some(start), Some(today)) = (w.start_date, today)
        && start < today
    {
        out.push(at.finding(
            Severity::Warning,
            FindingCode::MaintenanceStartDateInPast,
            WindowField::StartDate.name(),
            PLANNED_MAINTENANCE,
            [
                format!("startDate {} is in the past", format_date(start)),
                "AKS rejects a startDate in the past when the configuration is created or updated (reports on Terraform #22762 and azure-docs #114302)".into(),
                format!("remove startDate or set it to {} or later before exporting", format_date(today)),
            ],
        ));
    }
    for span in w.not_allowed_dates.iter().filter(|s| s.end < s.start) {
        out.push(at.finding(
            Severity::Warning,
            FindingCode::MaintenanceBlackoutReversed,
            WindowField::NotAllowedDates.name(),
            MAINTENANCE_API,
            [
                format!(
                    "the blackout {} to {} ends before it starts",
                    span.start, span.end
                ),
                "a notAllowedDates span blocks from its start date to its end date, inclusive; a reversed one blocks nothing".into(),
                "swap start and end".into(),
            ],
        ));
    }
}

/// The legacy `default` form (§3.3, A-21): deprecated, hour bounds assumed 0–23.
fn legacy_findings(
    at: At<'_>,
    time_in_week: &[TimeInWeek],
    not_allowed: &[TimeSpan],
) -> Vec<Finding> {
    let mut out = vec![at.finding(
        Severity::Warning,
        FindingCode::DefaultLegacyForm,
        "timeInWeek",
        PLANNED_MAINTENANCE,
        [
            "the default configuration uses the deprecated timeInWeek/notAllowedTime form".into(),
            "AKS migrates it to maintenanceWindow; the planner does not export the legacy form (assumption A-21: the CLI's handling of hour slots is inconsistent)".into(),
            "rewrite it as a maintenanceWindow: Weekly, intervalWeeks 1, with startTime and durationHours covering the same hours".into(),
        ],
    )];
    for entry in time_in_week {
        let bad: Vec<String> = entry
            .hour_slots
            .iter()
            .filter(|&&h| h > 23)
            .map(u32::to_string)
            .collect();
        if !bad.is_empty() {
            out.push(at.finding(
                Severity::Error,
                LEGACY_HOUR_SLOT_OUT_OF_RANGE,
                "timeInWeek",
                MAINTENANCE_API,
                [
                    format!("{} hourSlots {} are not hours of the day", entry.day.as_str(), bad.join(", ")),
                    "an hour slot h is the UTC hour h:00–h+1:00, so 0 to 23 (bounds are an assumption); the planner shows no window for the others and never exports them".into(),
                    "use hours 0 to 23".into(),
                ],
            ));
        }
        if entry.hour_slots.is_empty() {
            out.push(at.finding(
                Severity::Warning,
                FindingCode::DefaultLegacyEmptyHourSlots,
                "timeInWeek",
                PLANNED_MAINTENANCE,
                [
                    format!("{} has no hourSlots", entry.day.as_str()),
                    "the CLI help says a day alone means the whole day, but the CLI code requires a start hour (assumption A-21); the planner shows no window".into(),
                    "list the hours explicitly, or move to maintenanceWindow".into(),
                ],
            ));
        }
    }
    for span in not_allowed.iter().filter(|s| s.end <= s.start) {
        out.push(at.finding(
            Severity::Warning,
            FindingCode::MaintenanceBlackoutReversed,
            "notAllowedTime",
            MAINTENANCE_API,
            [
                format!(
                    "notAllowedTime {} to {} ends before it starts",
                    span.start.to_rfc3339(),
                    span.end.to_rfc3339()
                ),
                "a reversed span blocks nothing".into(),
                "swap start and end".into(),
            ],
        ));
    }
    out
}
