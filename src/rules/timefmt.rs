//! Date and time text for the few shapes the planner prints ("13 Dec 2026", "2026-12-13 22:00").
//!
//! Why not chrono's `format("%…")`: it interprets the strftime string at run time, which links
//! chrono's whole formatter into the wasm bundle (~8 KB before compression, one function). Each
//! helper here produces exactly what the strftime pattern in its doc produced (the tests compare
//! them with chrono), so rules and exports share one set of formatters.

use chrono::{Datelike, Timelike};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// `%Y`: four digits for years 0–9999, otherwise signed with at least four digits (chrono's rule).
pub fn year(d: &impl Datelike) -> String {
    let y = d.year();
    if (0..10_000).contains(&y) {
        format!("{y:04}")
    } else {
        format!("{y:+05}")
    }
}

/// `%B`: "December".
pub fn month_name(d: &impl Datelike) -> &'static str {
    MONTHS.get(d.month0() as usize).copied().unwrap_or("")
}

/// `%b`: "Dec".
pub fn month_abbr(d: &impl Datelike) -> &'static str {
    month_name(d).get(..3).unwrap_or("")
}

/// `%a`: "Sun".
pub fn weekday_abbr(d: &impl Datelike) -> &'static str {
    WEEKDAYS
        .get(d.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or("")
}

/// `%-d %b`: "13 Dec".
pub fn day_month(d: &impl Datelike) -> String {
    format!("{} {}", d.day(), month_abbr(d))
}

/// `%-d %b %Y`: "13 Dec 2026".
pub fn day_month_year(d: &impl Datelike) -> String {
    format!("{} {}", day_month(d), year(d))
}

/// `%-d %b %Y %H:%M`: "13 Dec 2026 22:00".
pub fn day_month_year_time(t: &(impl Datelike + Timelike)) -> String {
    format!("{} {}", day_month_year(t), hour_minute(t))
}

/// `%a %-d %b %Y %H:%M`: "Sun 13 Dec 2026 22:00".
pub fn weekday_day_month_year_time(t: &(impl Datelike + Timelike)) -> String {
    format!("{} {}", weekday_abbr(t), day_month_year_time(t))
}

/// `%B %Y`: "December 2026".
pub fn month_year(d: &impl Datelike) -> String {
    format!("{} {}", month_name(d), year(d))
}

/// `%Y-%m`: "2026-12".
pub fn iso_month(d: &impl Datelike) -> String {
    format!("{}-{:02}", year(d), d.month())
}

/// `%Y-%m-%d`: "2026-12-13".
pub fn iso_date(d: &impl Datelike) -> String {
    format!("{}-{:02}", iso_month(d), d.day())
}

/// `%Y-%m-%d %H:%M`: "2026-12-13 22:00".
pub fn iso_date_time(t: &(impl Datelike + Timelike)) -> String {
    format!("{} {}", iso_date(t), hour_minute(t))
}

/// `%Y%m%dT%H%M%SZ`: "20261213T220000Z" (the caller's instant must be UTC).
pub fn ics_utc_stamp(t: &(impl Datelike + Timelike)) -> String {
    format!(
        "{}{:02}{:02}T{:02}{:02}{:02}Z",
        year(t),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `%H:%M`: "22:00".
pub fn hour_minute(t: &impl Timelike) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `Tue 3 Nov 09:00 UTC`.
pub fn when(t: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "{} {} {} UTC",
        weekday_abbr(&t),
        day_month(&t),
        hour_minute(&t)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveDateTime};
    use proptest::prelude::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn each_helper_matches_its_strftime_pattern() {
        let cases = [
            at(2026, 12, 13, 22, 0),
            at(2027, 1, 3, 5, 7),
            at(999, 5, 1, 0, 59),
            at(0, 2, 29, 23, 30),
            at(-1, 7, 9, 12, 0),
            at(12_345, 9, 30, 1, 1),
        ];
        for t in cases {
            assert_eq!(year(&t), t.format("%Y").to_string());
            assert_eq!(day_month(&t), t.format("%-d %b").to_string());
            assert_eq!(day_month_year(&t), t.format("%-d %b %Y").to_string());
            assert_eq!(
                day_month_year_time(&t),
                t.format("%-d %b %Y %H:%M").to_string()
            );
            assert_eq!(
                weekday_day_month_year_time(&t),
                t.format("%a %-d %b %Y %H:%M").to_string()
            );
            assert_eq!(month_year(&t), t.format("%B %Y").to_string());
            assert_eq!(iso_month(&t), t.format("%Y-%m").to_string());
            assert_eq!(iso_date(&t), t.format("%Y-%m-%d").to_string());
            assert_eq!(iso_date_time(&t), t.format("%Y-%m-%d %H:%M").to_string());
            assert_eq!(weekday_abbr(&t), t.format("%a").to_string());
            assert_eq!(hour_minute(&t), t.format("%H:%M").to_string());
            assert_eq!(ics_utc_stamp(&t), t.format("%Y%m%dT%H%M%SZ").to_string());
        }
    }

    proptest! {
        #[test]
        fn helpers_agree_with_chrono_on_any_instant(secs in -20_000_000_000i64..400_000_000_000i64) {
            let t = chrono::DateTime::from_timestamp(secs, 0).unwrap();
            prop_assert_eq!(
                weekday_day_month_year_time(&t),
                t.format("%a %-d %b %Y %H:%M").to_string()
            );
            prop_assert_eq!(month_year(&t), t.format("%B %Y").to_string());
            prop_assert_eq!(iso_date_time(&t), t.format("%Y-%m-%d %H:%M").to_string());
        }
    }
}
