//! A note for every assumption in force for a maintenance window (docs/aks-rules.md §8,
//! and the local-date reading of §3.4), so the user sees what the dates rest on.

use crate::rules::finding::FindingCode;
use crate::rules::finding::fields::WindowField;
use chrono::{TimeDelta, Timelike};

use super::At;
use crate::rules::finding::sources::{AKS_5720, MAINTENANCE_API, PLANNED_MAINTENANCE};
use crate::rules::findings::{Finding, Severity};
use crate::rules::maintenance::describe::explain_day_of_month;
use crate::rules::maintenance::recurrence::{
    BlackoutOverlap, MissingDay, RecurrenceOptions, WeeklyAnchor,
};
use crate::rules::maintenance::{MaintenanceWindow, Schedule};

/// A note for every assumption the planner makes about this window (docs/aks-rules.md §8).
pub(crate) fn assumption_notes(
    at: At<'_>,
    w: &MaintenanceWindow,
    options: RecurrenceOptions,
    out: &mut Vec<Finding>,
) {
    let note = |code, field: &str, source, message: String, why: &str, fix: &str| {
        at.finding(
            Severity::Note,
            code,
            field,
            source,
            [message, why.to_owned(), fix.to_owned()],
        )
    };
    match w.schedule {
        Schedule::Weekly { interval_weeks, .. } if interval_weeks > 1 => {
            let reading = match options.weekly_anchor {
                WeeklyAnchor::StartDateWeek => {
                    "counted from the Sunday-to-Saturday week of startDate; if that week's day is before startDate, the week is skipped (reading A)"
                }
                WeeklyAnchor::FirstMatchingDay => {
                    "counted from the first matching day on or after startDate (reading B)"
                }
            };
            out.push(note(
                FindingCode::AssumptionWeeklyAnchor,
                "schedule.weekly.intervalWeeks",
                AKS_5720,
                format!("assumption A-2: every {interval_weeks} weeks is {reading}"),
                "AKS does not document how intervalWeeks counts; Azure/AKS#5720 describes the start week being skipped",
                "switch the reading in the plan's assumptions if you know otherwise; a startDate on the chosen day avoids the question",
            ));
        }
        Schedule::AbsoluteMonthly {
            interval_months,
            day_of_month,
        } => {
            if day_of_month > 28 && day_of_month <= 31 {
                let mode = match options.missing_day {
                    MissingDay::Skip => "skip",
                    MissingDay::Clamp => "clamp",
                };
                out.push(at.finding(
                    Severity::Warning,
                    FindingCode::MaintenanceDayOfMonthAfter28,
                    "schedule.absoluteMonthly.dayOfMonth",
                    MAINTENANCE_API,
                    [
                        format!("dayOfMonth {day_of_month} does not exist in every month (reading in force: {mode})"),
                        explain_day_of_month(day_of_month, options.missing_day),
                        "choose a day from 1 to 28, or a RelativeMonthly schedule such as the last Friday".into(),
                    ],
                ));
            }
            if interval_months > 1 {
                out.push(note(
                    FindingCode::AssumptionMonthlyAnchor,
                    "schedule.absoluteMonthly.intervalMonths",
                    PLANNED_MAINTENANCE,
                    format!(
                        "assumption A-2: every {interval_months} months counts from the month of startDate"
                    ),
                    "AKS does not document how intervalMonths counts",
                    "check the listed dates; a startDate in the first month you want avoids the question",
                ));
            }
        }
        Schedule::RelativeMonthly {
            interval_months, ..
        } if interval_months > 1 => out.push(note(
            FindingCode::AssumptionMonthlyAnchor,
            "schedule.relativeMonthly.intervalMonths",
            PLANNED_MAINTENANCE,
            format!(
                "assumption A-2: every {interval_months} months counts from the month of startDate"
            ),
            "AKS does not document how intervalMonths counts",
            "check the listed dates; a startDate in the first month you want avoids the question",
        )),
        _ => {}
    }
    if w.start_date.is_none() {
        out.push(note(
            FindingCode::AssumptionNoStartDate,
            WindowField::StartDate.name(),
            MAINTENANCE_API,
            "assumption A-10: without startDate the windows are counted from today".into(),
            "the API says the window is active right away; AKS counts from the day the configuration is created, which the planner does not know",
            "set startDate to pin the dates you see here",
        ));
    }
    if !w.not_allowed_dates.is_empty() {
        let reading = match options.blackout_overlap {
            BlackoutOverlap::Drop => {
                "a window that overlaps a blackout is unusable as a whole (drop)"
            }
            BlackoutOverlap::Trim => {
                "a window that overlaps a blackout keeps the part outside it (trim)"
            }
        };
        out.push(note(
            FindingCode::AssumptionBlackoutOverlap,
            WindowField::NotAllowedDates.name(),
            PLANNED_MAINTENANCE,
            format!("assumption A-11: {reading}"),
            "AKS says maintenance is not allowed in a blackout even if it overlaps a window, but not whether the rest of the window is used",
            "switch the reading in the plan's assumptions; AKS may still run urgent work inside blackouts",
        ));
    }
    // §3.4: dayOfWeek/dayOfMonth are read on the local date; it only matters when the UTC date
    // of the start differs from the local one.
    let local = w.start_time.time();
    let shifted =
        i64::from(local.num_seconds_from_midnight() / 60) - i64::from(w.utc_offset.minutes());
    if !(0..24 * 60).contains(&shifted) {
        let utc = local
            .overflowing_sub_signed(TimeDelta::minutes(i64::from(w.utc_offset.minutes())))
            .0;
        out.push(note(
            FindingCode::AssumptionLocalDate,
            WindowField::UtcOffset.name(),
            PLANNED_MAINTENANCE,
            format!(
                "assumption: the schedule's day is the local date in {}; the window starts at {:02}:{:02} UTC on the {} day",
                w.utc_offset,
                utc.hour(),
                utc.minute(),
                if shifted < 0 { "previous" } else { "next" }
            ),
            "startTime is local to utcOffset, so the planner reads dayOfWeek and dayOfMonth on the local date; AKS does not say so explicitly",
            "no action needed unless your windows must fall on a UTC weekday",
        ));
    }
}
