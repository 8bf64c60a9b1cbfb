//! Local-date arithmetic behind the recurrence grid (docs/aks-rules.md §3.4, Appendix A):
//! Sunday-start weeks, month indices, the n-th weekday of a month and a day of month that may not
//! exist.
//!
//! Every function is total: dates beyond chrono's range give `None`, never a panic.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::recurrence::MissingDay;
use super::types::WeekIndex;

/// The Sunday that starts the Sunday–Saturday week containing `d` (docs/aks-rules.md §3.4 item 3,
/// §8 A-2: AKS weeks are read as Sunday–Saturday).
pub(crate) fn week_start_sunday(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_sunday())))
}

/// The first `dow` on or after `d`.
pub(crate) fn first_weekday_on_or_after(d: NaiveDate, dow: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + dow.num_days_from_sunday() - d.weekday().num_days_from_sunday()) % 7;
    d.checked_add_days(Days::new(u64::from(ahead)))
}

/// Months counted from year 0: `year·12 + month − 1`, so month arithmetic is integer arithmetic.
pub(crate) fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

/// The inverse of [`month_index`]: `(year, month 1–12)`.
pub(crate) fn month_from_index(index: i64) -> Option<(i32, u32)> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    Some((year, month))
}

/// The last day of a month.
pub(crate) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// What a grid month yields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthDay {
    /// The month has a date for the schedule.
    Date(NaiveDate),
    /// The month has no such day and §8 A-1 "skip" is in force.
    Missing,
    /// Outside chrono's calendar (or an impossible day such as 0 or 32): stop.
    Invalid,
}

/// `dayOfMonth` in a month. Days 29–31 in shorter months follow §8 A-1: skip (RFC 5545) or
/// clamp to the month's last day.
pub(crate) fn day_of_month(year: i32, month: u32, day: u32, missing: MissingDay) -> MonthDay {
    if !(1..=31).contains(&day) {
        return MonthDay::Invalid;
    }
    if let Some(d) = NaiveDate::from_ymd_opt(year, month, day) {
        return MonthDay::Date(d);
    }
    match (missing, last_day_of_month(year, month)) {
        (_, None) => MonthDay::Invalid,
        (MissingDay::Skip, Some(_)) => MonthDay::Missing,
        (MissingDay::Clamp, Some(last)) => MonthDay::Date(last),
    }
}

/// The `index`-th `dow` of a month: First = days 1–7, …, Fourth = days 22–28, Last = the last
/// occurrence (4th or 5th), never "calendar week n" (docs/aks-rules.md §3.4).
pub(crate) fn nth_weekday(
    year: i32,
    month: u32,
    dow: Weekday,
    index: WeekIndex,
) -> Option<NaiveDate> {
    let n = match index {
        WeekIndex::First => 1,
        WeekIndex::Second => 2,
        WeekIndex::Third => 3,
        WeekIndex::Fourth => 4,
        WeekIndex::Last => {
            let last = last_day_of_month(year, month)?;
            let back = (7 + last.weekday().num_days_from_sunday() - dow.num_days_from_sunday()) % 7;
            return last.checked_sub_days(Days::new(u64::from(back)));
        }
    };
    NaiveDate::from_weekday_of_month_opt(year, month, dow, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_start_on_sunday() {
        // 2026-12-16 is a Wednesday; its week starts Sunday 13 Dec.
        assert_eq!(
            week_start_sunday(date(2026, 12, 16)),
            Some(date(2026, 12, 13))
        );
        assert_eq!(
            week_start_sunday(date(2026, 12, 13)),
            Some(date(2026, 12, 13))
        );
    }

    #[test]
    fn month_index_round_trips_across_year_ends() {
        let i = month_index(date(2026, 12, 31));
        assert_eq!(month_from_index(i + 1), Some((2027, 1)));
        assert_eq!(month_from_index(i), Some((2026, 12)));
    }

    #[test]
    fn last_friday_is_the_fourth_or_fifth_friday() {
        assert_eq!(
            nth_weekday(2027, 1, Weekday::Fri, WeekIndex::Last),
            Some(date(2027, 1, 29))
        );
        assert_eq!(
            nth_weekday(2027, 2, Weekday::Fri, WeekIndex::Last),
            Some(date(2027, 2, 26))
        );
        assert_eq!(
            nth_weekday(2027, 2, Weekday::Fri, WeekIndex::Fourth),
            Some(date(2027, 2, 26))
        );
        assert_eq!(
            nth_weekday(2027, 1, Weekday::Fri, WeekIndex::Fourth),
            Some(date(2027, 1, 22))
        );
    }

    #[test]
    fn day_31_is_skipped_or_clamped_in_short_months() {
        assert_eq!(
            day_of_month(2027, 2, 31, MissingDay::Skip),
            MonthDay::Missing
        );
        assert_eq!(
            day_of_month(2027, 2, 31, MissingDay::Clamp),
            MonthDay::Date(date(2027, 2, 28))
        );
        assert_eq!(
            day_of_month(2028, 2, 29, MissingDay::Skip),
            MonthDay::Date(date(2028, 2, 29))
        );
        assert_eq!(
            day_of_month(2027, 3, 0, MissingDay::Clamp),
            MonthDay::Invalid
        );
        assert_eq!(
            day_of_month(2027, 3, 40, MissingDay::Clamp),
            MonthDay::Invalid
        );
    }
}
