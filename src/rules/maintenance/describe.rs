//! Plain English for maintenance windows (issue 3): one sentence per window, and the in-place
//! explanations the window editor shows next to each field. Pure: the UI and the CLI print
//! these strings; neither re-implements a rule.

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Timelike, Utc};

use super::blackout::span_interval;
use super::recurrence::{MissingDay, RecurrenceOptions, WeeklyAnchor, local_datetime};
use super::types::{
    DateSpan, DayOfWeek, MaintenanceWindow, Schedule, TimeInWeek, UtcOffset, WeekIndex,
};

/// `13 Dec 2026`.
pub fn format_date(d: NaiveDate) -> String {
    crate::rules::timefmt::day_month_year(&d)
}

/// `Sun 13 Dec 2026 22:00` in the window's offset.
pub fn format_local(t: DateTime<Utc>, offset: UtcOffset) -> String {
    local_datetime(t, offset).map_or_else(
        || t.to_rfc3339(),
        |l| crate::rules::timefmt::weekday_day_month_year_time(&l),
    )
}

/// `UTC+05:30`, or `UTC` for `+00:00`.
pub fn format_offset(offset: UtcOffset) -> String {
    if offset.minutes() == 0 {
        "UTC".to_owned()
    } else {
        format!("UTC{offset}")
    }
}

fn ordinal(index: WeekIndex) -> &'static str {
    match index {
        WeekIndex::First => "first",
        WeekIndex::Second => "second",
        WeekIndex::Third => "third",
        WeekIndex::Fourth => "fourth",
        WeekIndex::Last => "last",
    }
}

fn every(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("every {unit}")
    } else {
        format!("every {n} {unit}s")
    }
}

/// "Every 2 weeks on Sunday", "Every month on the last Friday", "Every 3 days".
pub fn describe_schedule(schedule: &Schedule) -> String {
    let text = match *schedule {
        Schedule::Daily { interval_days } => every(interval_days, "day"),
        Schedule::Weekly {
            interval_weeks: 1,
            day_of_week,
        } => format!("every {}", day_of_week.as_str()),
        Schedule::Weekly {
            interval_weeks,
            day_of_week,
        } => format!(
            "{} on {}",
            every(interval_weeks, "week"),
            day_of_week.as_str()
        ),
        Schedule::AbsoluteMonthly {
            interval_months,
            day_of_month,
        } => format!("{} on day {day_of_month}", every(interval_months, "month")),
        Schedule::RelativeMonthly {
            interval_months,
            week_index,
            day_of_week,
        } => format!(
            "{} on the {} {}",
            every(interval_months, "month"),
            ordinal(week_index),
            day_of_week.as_str()
        ),
    };
    capitalise(&text)
}

/// The sentences here are ASCII English, so ASCII case is exact and keeps core's Unicode case
/// tables out of the wasm bundle.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// "22:00–04:00" (24 hours: "22:00–22:00 next day").
pub fn describe_hours(window: &MaintenanceWindow) -> String {
    let start = window.start_time.time();
    let end = start
        .overflowing_add_signed(TimeDelta::hours(i64::from(window.duration_hours % 24)))
        .0;
    let next_day = if window.duration_hours == 24 {
        " next day"
    } else {
        ""
    };
    format!(
        "{:02}:{:02}–{:02}:{:02}{next_day}",
        start.hour(),
        start.minute(),
        end.hour(),
        end.minute()
    )
}

/// A blackout as written: "23 Dec–3 Jan" (years left out when `context_year` is the start
/// year), "25 Dec 2027", "23 Dec 2027–3 Jan 2028".
pub fn describe_span(span: &DateSpan, context_year: Option<i32>) -> String {
    let short = context_year == Some(span.start.year());
    let fmt = |d: NaiveDate| {
        if short {
            crate::rules::timefmt::day_month(&d)
        } else {
            format_date(d)
        }
    };
    if span.start == span.end {
        fmt(span.start)
    } else {
        format!("{}–{}", fmt(span.start), fmt(span.end))
    }
}

/// One plain-English sentence: "Every 2 weeks on Sunday, 22:00–04:00 (UTC+05:30), starting
/// 13 Dec 2026, except 23 Dec–3 Jan".
pub fn describe(window: &MaintenanceWindow) -> String {
    let mut s = format!(
        "{}, {} ({})",
        describe_schedule(&window.schedule),
        describe_hours(window),
        format_offset(window.utc_offset)
    );
    if let Some(d) = window.start_date {
        s.push_str(&format!(", starting {}", format_date(d)));
    }
    if !window.not_allowed_dates.is_empty() {
        let context = window.start_date.map(|d| d.year());
        let spans: Vec<String> = window
            .not_allowed_dates
            .iter()
            .map(|sp| describe_span(sp, context))
            .collect();
        s.push_str(&format!(", except {}", spans.join(", ")));
    }
    s
}

/// Where the first window comes from and when it is, for the field the user just edited:
/// "Every 2 weeks counts from the week (Sunday to Saturday) of the start date, 12 Apr 2026;
/// that week's Sunday is before the start date, so the first window is Sun 26 Apr 2026 01:00
/// (UTC)". `now` is the instant the list starts from.
pub fn explain_first_window(
    window: &MaintenanceWindow,
    now: DateTime<Utc>,
    options: RecurrenceOptions,
) -> String {
    let first = window.occurrences(now, options).next();
    let first_text = match first {
        Some(o) => {
            let blocked = if o.blocked {
                " (blocked by notAllowedDates)"
            } else {
                ""
            };
            format!(
                "the first window is {} ({}){blocked}",
                format_local(o.start, window.utc_offset),
                format_offset(window.utc_offset)
            )
        }
        None => "no window can be computed until the values are in range".to_owned(),
    };
    let Some(anchor) = window.anchor_date(now) else {
        return capitalise(&first_text);
    };
    let from = match window.start_date {
        Some(_) => "the start date",
        None => "today (no startDate: AKS starts counting when the configuration is created)",
    };
    let lead = match window.schedule {
        Schedule::Weekly {
            interval_weeks,
            day_of_week,
        } if interval_weeks > 1 => weekly_lead(interval_weeks, day_of_week, anchor, from, options),
        Schedule::Daily { interval_days } if interval_days > 1 => {
            format!(
                "every {interval_days} days counts from {from}, {}",
                format_date(anchor)
            )
        }
        Schedule::AbsoluteMonthly {
            interval_months, ..
        }
        | Schedule::RelativeMonthly {
            interval_months, ..
        } if interval_months > 1 => format!(
            "every {interval_months} months counts from the month of {from}, {}",
            crate::rules::timefmt::month_year(&anchor)
        ),
        _ => return capitalise(&first_text),
    };
    capitalise(&format!("{lead}: {first_text}"))
}

fn weekly_lead(
    n: u32,
    day: DayOfWeek,
    anchor: NaiveDate,
    from: &str,
    options: RecurrenceOptions,
) -> String {
    match options.weekly_anchor {
        WeeklyAnchor::FirstMatchingDay => format!(
            "every {n} weeks counts from the first {} on or after {from} (assumption A-2, reading B)",
            day.as_str()
        ),
        WeeklyAnchor::StartDateWeek => {
            let sunday = super::grid::week_start_sunday(anchor).unwrap_or(anchor);
            let offset = day.weekday().num_days_from_sunday();
            let skipped = anchor.weekday().num_days_from_sunday() > offset;
            let tail = if skipped {
                format!(
                    "; that week's {} is before {from}, so that week is skipped",
                    day.as_str()
                )
            } else {
                String::new()
            };
            format!(
                "every {n} weeks counts from the week (Sunday to Saturday) of {from}, {}{tail}",
                format_date(sunday)
            )
        }
    }
}

/// What `weekIndex` means: "Second Friday = the second Friday of the month (days 8–14), not
/// calendar week 2".
pub fn explain_week_index(index: WeekIndex, day: DayOfWeek) -> String {
    let (n, days) = match index {
        WeekIndex::First => (1, "days 1–7"),
        WeekIndex::Second => (2, "days 8–14"),
        WeekIndex::Third => (3, "days 15–21"),
        WeekIndex::Fourth => (4, "days 22–28"),
        WeekIndex::Last => {
            return format!(
                "Last {0} = the last {0} of the month (the 4th or 5th {0}, days 22–31), not the last calendar week",
                day.as_str()
            );
        }
    };
    format!(
        "{} {1} = the {2} {1} of the month ({days}), not calendar week {n}",
        index.as_str(),
        day.as_str(),
        ordinal(index)
    )
}

/// What a `dayOfMonth` does in short months under the reading in force (§8 A-1).
pub fn explain_day_of_month(day: u32, missing: MissingDay) -> String {
    let short: &[&str] = match day {
        29 => &["February (except in leap years)"],
        30 => &["February"],
        31 => &["February", "April", "June", "September", "November"],
        _ => return format!("The window opens on day {day} of each scheduled month"),
    };
    let months = short.join(", ");
    match missing {
        MissingDay::Skip => format!(
            "Day {day} does not exist in {months}: those months get no window (assumption A-1, skip; AKS does not document this). Days 1–28 avoid the question"
        ),
        MissingDay::Clamp => format!(
            "Day {day} does not exist in {months}: those months get the window on their last day (assumption A-1, clamp; AKS does not document this). Days 1–28 avoid the question"
        ),
    }
}

/// What a fixed `utcOffset` means: "+01:00 is fixed: 22:00 is 21:00 UTC all year, with no
/// daylight-saving change".
pub fn explain_utc_offset(window: &MaintenanceWindow) -> String {
    let t = window.start_time.time();
    let utc = t
        .overflowing_sub_signed(TimeDelta::minutes(i64::from(window.utc_offset.minutes())))
        .0;
    format!(
        "{} is a fixed offset: {} is {:02}:{:02} UTC all year, with no daylight-saving change; startTime, the schedule's days and notAllowedDates are all read in it",
        window.utc_offset,
        window.start_time,
        utc.hour(),
        utc.minute()
    )
}

/// What one blackout blocks, in UTC: the end date is included (§3.5).
pub fn explain_blackout(span: &DateSpan, offset: UtcOffset) -> String {
    match span_interval(span, offset) {
        Some((a, b)) => format!(
            "No maintenance from {} 00:00 to the end of {} ({}), i.e. {} to {} UTC; the end date is included",
            format_date(span.start),
            format_date(span.end),
            format_offset(offset),
            crate::rules::timefmt::day_month_year_time(&a),
            crate::rules::timefmt::day_month_year_time(&b)
        ),
        None => format!(
            "This blackout ends ({}) before it starts ({}): it blocks nothing",
            format_date(span.end),
            format_date(span.start)
        ),
    }
}

/// The legacy `default` form in one line: "Every week (legacy timeInWeek, UTC): Monday
/// 22:00–02:00, Friday 04:00–05:00", consecutive hour slots merged as the engine merges them.
pub fn describe_legacy(time_in_week: &[TimeInWeek]) -> String {
    let parts: Vec<String> = super::legacy::runs(time_in_week)
        .into_iter()
        .map(|r| {
            let day = DayOfWeek::ALL
                .get(usize::try_from(r.start / 24).unwrap_or(0))
                .copied()
                .unwrap_or(DayOfWeek::Sunday);
            let end = (r.start + r.hours) % 24;
            format!("{} {:02}:00–{end:02}:00", day.as_str(), r.start % 24)
        })
        .collect();
    if parts.is_empty() {
        "Legacy timeInWeek with no usable hour slots: no windows".to_owned()
    } else {
        format!("Every week (legacy timeInWeek, UTC): {}", parts.join(", "))
    }
}
