//! Properties of the occurrence engine (issue 3): every window matches its schedule exactly
//! (checked against a day-by-day reference reading of docs/aks-rules.md Appendix A), nothing before
//! startDate, blackouts block, durations are exact, output is sorted and non-overlapping, and
//! arbitrary input terminates.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeDelta, Utc};
use planner::rules::maintenance::{
    BlackoutOverlap, DateSpan, DayOfWeek, MaintenanceWindow, MissingDay, RecurrenceOptions,
    Schedule, StartTime, UtcOffset, WeekIndex, WeeklyAnchor,
};
use proptest::prelude::*;

fn dow() -> impl Strategy<Value = DayOfWeek> {
    prop::sample::select(DayOfWeek::ALL.to_vec())
}

fn valid_schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![
        (1u32..=7).prop_map(|n| Schedule::Daily { interval_days: n }),
        (1u32..=4, dow()).prop_map(|(n, d)| Schedule::Weekly {
            interval_weeks: n,
            day_of_week: d
        }),
        (1u32..=6, 1u32..=31).prop_map(|(n, d)| Schedule::AbsoluteMonthly {
            interval_months: n,
            day_of_month: d
        }),
        (
            1u32..=6,
            prop::sample::select(WeekIndex::ALL.to_vec()),
            dow()
        )
            .prop_map(|(n, i, d)| Schedule::RelativeMonthly {
                interval_months: n,
                week_index: i,
                day_of_week: d
            }),
    ]
}

fn date_between(lo: i32, hi: i32) -> impl Strategy<Value = NaiveDate> {
    (lo..hi).prop_filter_map("valid day", |days| {
        NaiveDate::from_num_days_from_ce_opt(days)
    })
}

fn spans() -> impl Strategy<Value = Vec<DateSpan>> {
    // Around 2027 so that they hit windows; some reversed (block nothing).
    prop::collection::vec(
        (date_between(739_600, 740_400), -3i64..40).prop_map(|(start, len)| DateSpan {
            start,
            end: start + TimeDelta::days(len),
        }),
        0..4,
    )
}

prop_compose! {
    fn valid_window()(
        schedule in valid_schedule(),
        duration_hours in 4u32..=24,
        offset in (-12 * 4i32..=14 * 4).prop_map(|q| q * 15),
        start_date in prop::option::weighted(0.8, date_between(739_500, 740_300)),
        hour in 0u32..24, minute in 0u32..60,
        not_allowed_dates in spans(),
    ) -> MaintenanceWindow {
        MaintenanceWindow {
            schedule,
            duration_hours,
            utc_offset: UtcOffset::from_minutes(offset),
            start_date,
            start_time: StartTime::new(hour, minute).unwrap(),
            not_allowed_dates,
        }
    }
}

fn options() -> impl Strategy<Value = RecurrenceOptions> {
    (
        prop::sample::select(vec![MissingDay::Skip, MissingDay::Clamp]),
        prop::sample::select(vec![
            WeeklyAnchor::StartDateWeek,
            WeeklyAnchor::FirstMatchingDay,
        ]),
        prop::sample::select(vec![BlackoutOverlap::Drop, BlackoutOverlap::Trim]),
    )
        .prop_map(
            |(missing_day, weekly_anchor, blackout_overlap)| RecurrenceOptions {
                missing_day,
                weekly_anchor,
                blackout_overlap,
            },
        )
}

fn from_instant() -> impl Strategy<Value = DateTime<Utc>> {
    (739_400i32..740_500, 0u32..86_400).prop_map(|(d, s)| {
        NaiveDate::from_num_days_from_ce_opt(d)
            .unwrap()
            .and_time(NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap())
            .and_utc()
    })
}

fn local_start(w: &MaintenanceWindow, t: DateTime<Utc>) -> chrono::NaiveDateTime {
    t.naive_utc() + TimeDelta::minutes(i64::from(w.utc_offset.minutes()))
}

fn month_number(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

fn last_day(d: NaiveDate) -> u32 {
    (28..=31)
        .rev()
        .find(|&n| NaiveDate::from_ymd_opt(d.year(), d.month(), n).is_some())
        .unwrap()
}

fn sunday_of(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_sunday()))
}

/// The reference reading of Appendix A, one local date at a time: is `d` a window date?
fn is_window_date(s: Schedule, anchor: NaiveDate, d: NaiveDate, o: RecurrenceOptions) -> bool {
    if d < anchor {
        return false;
    }
    let months = |n: u32| (month_number(d) - month_number(anchor)) % i64::from(n) == 0;
    match s {
        Schedule::Daily { interval_days: n } => (d - anchor).num_days() % i64::from(n) == 0,
        Schedule::Weekly {
            interval_weeks: n,
            day_of_week,
        } => {
            let base = match o.weekly_anchor {
                WeeklyAnchor::StartDateWeek => sunday_of(anchor),
                WeeklyAnchor::FirstMatchingDay => sunday_of(
                    (0..7)
                        .map(|k| anchor + Days::new(k))
                        .find(|x| x.weekday() == day_of_week.weekday())
                        .unwrap(),
                ),
            };
            d.weekday() == day_of_week.weekday()
                && ((sunday_of(d) - base).num_days() / 7) % i64::from(n) == 0
        }
        Schedule::AbsoluteMonthly {
            interval_months: n,
            day_of_month,
        } => {
            let wanted = match o.missing_day {
                MissingDay::Skip => day_of_month,
                MissingDay::Clamp => day_of_month.min(last_day(d)),
            };
            months(n) && d.day() == wanted
        }
        Schedule::RelativeMonthly {
            interval_months: n,
            week_index,
            day_of_week,
        } => {
            let nth = (d.day() - 1) / 7; // 0 = First
            let is_last = d.day() + 7 > last_day(d);
            let index_ok = match week_index {
                WeekIndex::First => nth == 0,
                WeekIndex::Second => nth == 1,
                WeekIndex::Third => nth == 2,
                WeekIndex::Fourth => nth == 3,
                WeekIndex::Last => is_last,
            };
            months(n) && d.weekday() == day_of_week.weekday() && index_ok
        }
    }
}

fn blackout_intervals(w: &MaintenanceWindow) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let off = TimeDelta::minutes(i64::from(w.utc_offset.minutes()));
    w.not_allowed_dates
        .iter()
        .filter(|s| s.start <= s.end)
        .map(|s| {
            let a = s.start.and_time(NaiveTime::MIN) - off;
            let b = (s.end + Days::new(1)).and_time(NaiveTime::MIN) - off;
            (a.and_utc(), b.and_utc())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn drop_mode_windows_are_exactly_the_reference_dates(
        w in valid_window(), from in from_instant(), o in options()
    ) {
        let o = RecurrenceOptions { blackout_overlap: BlackoutOverlap::Drop, ..o };
        let got: Vec<_> = w.occurrences(from, o).take(10).collect();
        let anchor = w.anchor_date(from).unwrap();
        let blackouts = blackout_intervals(&w);
        let duration = TimeDelta::hours(i64::from(w.duration_hours));
        // Reference: walk local dates from two days before `from` (or the anchor).
        let first_local = (local_start(&w, from).date() - Days::new(2)).max(anchor);
        let expected: Vec<NaiveDate> = (0..8000u64)
            .map(|k| first_local + Days::new(k))
            .filter(|&d| is_window_date(w.schedule, anchor, d, o))
            .filter(|&d| {
                let start = (d.and_time(w.start_time.time())
                    - TimeDelta::minutes(i64::from(w.utc_offset.minutes()))).and_utc();
                start + duration > from
            })
            .take(got.len().max(1))
            .collect();
        let got_dates: Vec<NaiveDate> = got.iter().map(|x| local_start(&w, x.start).date()).collect();
        prop_assert_eq!(&got_dates, &expected[..got_dates.len()]);
        // Valid schedules always have windows within 8,000 days.
        prop_assert!(!got.is_empty());
        for (i, x) in got.iter().enumerate() {
            prop_assert_eq!(local_start(&w, x.start).time(), w.start_time.time());
            prop_assert_eq!(x.end - x.start, duration);
            prop_assert!(x.end > from);
            prop_assert!(local_start(&w, x.start).date() >= anchor);
            let overlaps = blackouts.iter().any(|&(a, b)| a < x.end && x.start < b);
            prop_assert_eq!(x.blocked, overlaps);
            if let Some(next) = got.get(i + 1) {
                prop_assert!(x.end <= next.start, "{:?} then {:?}", x, next);
            }
        }
    }

    #[test]
    fn trim_mode_never_lets_an_unblocked_window_touch_a_blackout(
        w in valid_window(), from in from_instant(), o in options()
    ) {
        let o = RecurrenceOptions { blackout_overlap: BlackoutOverlap::Trim, ..o };
        let blackouts = blackout_intervals(&w);
        let dropped: Vec<_> = w
            .occurrences(from, RecurrenceOptions { blackout_overlap: BlackoutOverlap::Drop, ..o })
            .take(30)
            .collect();
        let horizon = dropped.last().map(|x| x.end).unwrap();
        let got: Vec<_> = w.occurrences(from, o).take_while(|x| x.start < horizon).collect();
        for (i, x) in got.iter().enumerate() {
            prop_assert!(x.start < x.end && x.end > from);
            let overlaps = blackouts.iter().any(|&(a, b)| a < x.end && x.start < b);
            prop_assert_eq!(x.blocked, overlaps, "{:?}", x);
            // Every piece lies inside one untrimmed window.
            prop_assert!(dropped.iter().any(|d| d.start <= x.start && x.end <= d.end));
            if let Some(next) = got.get(i + 1) {
                prop_assert!(x.end <= next.start);
            }
        }
    }

    #[test]
    fn spacing_is_a_multiple_of_the_interval(w in valid_window(), from in from_instant(), o in options()) {
        let got: Vec<NaiveDate> = w
            .occurrences(from, RecurrenceOptions { blackout_overlap: BlackoutOverlap::Drop, ..o })
            .take(10)
            .map(|x| local_start(&w, x.start).date())
            .collect();
        for pair in got.windows(2) {
            let days = (pair[1] - pair[0]).num_days();
            let months = month_number(pair[1]) - month_number(pair[0]);
            match w.schedule {
                Schedule::Daily { interval_days: n } => prop_assert_eq!(days % i64::from(n), 0),
                Schedule::Weekly { interval_weeks: n, .. } => prop_assert_eq!(days % (7 * i64::from(n)), 0),
                Schedule::AbsoluteMonthly { interval_months: n, .. }
                | Schedule::RelativeMonthly { interval_months: n, .. } => {
                    prop_assert!(months > 0);
                    prop_assert_eq!(months % i64::from(n), 0);
                }
            }
        }
    }

    #[test]
    fn arbitrary_input_terminates(
        kind in 0u8..4, interval in any::<u32>(), day in any::<u32>(), duration in any::<u32>(),
        offset in -5999i32..=5999, start in prop::option::of(-100_000i32..95_000_000),
        from_days in -100_000i32..95_000_000, o in options(), d in dow(),
        idx in prop::sample::select(WeekIndex::ALL.to_vec()),
    ) {
        let schedule = match kind {
            0 => Schedule::Daily { interval_days: interval },
            1 => Schedule::Weekly { interval_weeks: interval, day_of_week: d },
            2 => Schedule::AbsoluteMonthly { interval_months: interval, day_of_month: day },
            _ => Schedule::RelativeMonthly { interval_months: interval, week_index: idx, day_of_week: d },
        };
        let w = MaintenanceWindow {
            schedule,
            duration_hours: duration,
            utc_offset: UtcOffset::from_minutes(offset),
            start_date: start.and_then(NaiveDate::from_num_days_from_ce_opt),
            start_time: StartTime::new(23, 59).unwrap(),
            not_allowed_dates: Vec::new(),
        };
        let Some(from) = NaiveDate::from_num_days_from_ce_opt(from_days) else { return Ok(()) };
        let from = from.and_time(NaiveTime::MIN).and_utc();
        let n = w.occurrences(from, o).take(50).count();
        if !w.is_computable(o) {
            prop_assert_eq!(n, 0);
        }
    }
}
