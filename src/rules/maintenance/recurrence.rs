//! The occurrence engine: from a maintenance window and an instant, the UTC start/end of every
//! window from then on, lazily (docs/aks-rules.md §3.4–3.5, Appendix A).
//!
//! How it reads a window (each reading cites its rule):
//! - Dates are local dates in `utcOffset`; a window starts at local date + `startTime`, so UTC
//!   start = local − offset, and lasts `durationHours` (§3.4; the date evaluation is an
//!   assumption, shown as a finding).
//! - The grid counts from `startDate`. Without one the API says "active right away" (§8 A-10):
//!   the engine then anchors the grid on the local date of `from` (ASSUMPTION, documented and
//!   reported by the findings: AKS anchors on the unknown creation date).
//! - Weekly: reading A (Sunday-start week containing startDate) or B ([`WeeklyAnchor`], A-2).
//!   Monthly: month grid from startDate's month; days 29–31 skipped or clamped ([`MissingDay`], A-1).
//! - Blackouts `[start 00:00, end+1 00:00)` local mark a window blocked or trim it
//!   ([`BlackoutOverlap`], §3.5, A-11).
//!
//! Termination: a window with a value the engine cannot compute — interval 0 or beyond the API
//! range, `durationHours` outside 4–24, `dayOfMonth` outside 1–31 — has no occurrences (the
//! findings say why; AKS would reject it anyway). Every `next()` examines at most
//! [`MAX_EMPTY_CELLS`] grid cells, and the iterator ends where chrono's calendar ends.

use std::collections::VecDeque;

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, TimeDelta, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::blackout::Blackouts;
use super::grid::{self, MonthDay};
use super::types::{MaintenanceWindow, Schedule, UtcOffset, WeekIndex};

/// One concrete window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Occurrence {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Overlaps a `notAllowedDates` blackout: AKS will not start work in it (shown struck through).
    pub blocked: bool,
}

/// docs/aks-rules.md §8 A-1: what `dayOfMonth` 29–31 means in a month without that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MissingDay {
    /// RFC 5545: no window that month (documented default).
    #[default]
    Skip,
    /// Use the month's last day.
    Clamp,
}
crate::rules::variant::deserialize_by_name!(MissingDay { Skip = "skip", Clamp = "clamp" });

/// docs/aks-rules.md §8 A-2: how `intervalWeeks > 1` is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum WeeklyAnchor {
    /// Reading A: count from the Sunday-start week containing startDate (documented default).
    #[default]
    StartDateWeek,
    /// Reading B: first matching day on/after startDate, then every n weeks.
    FirstMatchingDay,
}
crate::rules::variant::deserialize_by_name!(WeeklyAnchor { StartDateWeek = "startDateWeek", FirstMatchingDay = "firstMatchingDay" });

/// docs/aks-rules.md §8 A-11: a window that partly overlaps a blackout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum BlackoutOverlap {
    /// The whole window is unusable (documented default, conservative).
    #[default]
    Drop,
    /// The window is cut to the part outside the blackout.
    Trim,
}
crate::rules::variant::deserialize_by_name!(BlackoutOverlap { Drop = "drop", Trim = "trim" });

/// The switches for the competing readings of §8, stored in the plan's assumptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecurrenceOptions {
    #[serde(default)]
    pub missing_day: MissingDay,
    #[serde(default)]
    pub weekly_anchor: WeeklyAnchor,
    #[serde(default)]
    pub blackout_overlap: BlackoutOverlap,
}

/// The most grid cells one `next()` looks at before giving up. Valid schedules never come close:
/// the longest run of cells without a date is one (a 30-day month under "skip 31") and the
/// start-up filter skips at most two; the cap only guards the termination promise.
pub const MAX_EMPTY_CELLS: u32 = 64;

/// The API ranges the engine computes within (docs/aks-rules.md §3.2).
pub const DURATION_HOURS: std::ops::RangeInclusive<u32> = 4..=24;
pub const INTERVAL_DAYS: std::ops::RangeInclusive<u32> = 1..=7;
pub const INTERVAL_WEEKS: std::ops::RangeInclusive<u32> = 1..=4;
pub const INTERVAL_MONTHS: std::ops::RangeInclusive<u32> = 1..=6;
pub const DAY_OF_MONTH: std::ops::RangeInclusive<u32> = 1..=31;

/// The local date of an instant in a fixed offset.
pub fn local_date(t: DateTime<Utc>, offset: UtcOffset) -> Option<NaiveDate> {
    local_datetime(t, offset).map(|n| n.date())
}

/// The local wall-clock date-time of an instant in a fixed offset.
pub fn local_datetime(t: DateTime<Utc>, offset: UtcOffset) -> Option<NaiveDateTime> {
    t.naive_utc()
        .checked_add_signed(TimeDelta::minutes(i64::from(offset.minutes())))
}

/// The recurrence as a grid of cells, each giving at most one local date.
#[derive(Debug, Clone, Copy)]
enum Grid {
    /// Dates `base + k·step` days (Daily; Weekly under either anchor).
    Days { base: NaiveDate, step: u64 },
    /// Months `first + k·step` (month indices), with a rule picking the day.
    Months { first: i64, step: i64, pick: Pick },
}

#[derive(Debug, Clone, Copy)]
enum Pick {
    Day(u32, MissingDay),
    Relative(WeekIndex, Weekday),
}

enum Cell {
    Date(NaiveDate),
    Empty,
    End,
}

impl Grid {
    /// Builds the grid anchored on `anchor`, or `None` when the schedule is out of range.
    fn new(schedule: Schedule, anchor: NaiveDate, options: RecurrenceOptions) -> Option<Grid> {
        let months = |n: u32, pick| {
            INTERVAL_MONTHS.contains(&n).then_some(Grid::Months {
                first: grid::month_index(anchor),
                step: i64::from(n),
                pick,
            })
        };
        match schedule {
            Schedule::Daily { interval_days: n } => {
                INTERVAL_DAYS.contains(&n).then_some(Grid::Days {
                    base: anchor,
                    step: u64::from(n),
                })
            }
            Schedule::Weekly {
                interval_weeks: n,
                day_of_week,
            } => {
                if !INTERVAL_WEEKS.contains(&n) {
                    return None;
                }
                let dow = day_of_week.weekday();
                // A-2 reading A: that weekday in the Sunday-start week of the anchor (may fall
                // before the anchor: the cell is then empty and the first window is n weeks on).
                // Reading B: the first such weekday on/after the anchor.
                let base = match options.weekly_anchor {
                    WeeklyAnchor::StartDateWeek => grid::week_start_sunday(anchor)?
                        .checked_add_days(Days::new(u64::from(dow.num_days_from_sunday())))?,
                    WeeklyAnchor::FirstMatchingDay => grid::first_weekday_on_or_after(anchor, dow)?,
                };
                Some(Grid::Days {
                    base,
                    step: 7 * u64::from(n),
                })
            }
            Schedule::AbsoluteMonthly {
                interval_months,
                day_of_month,
            } => DAY_OF_MONTH
                .contains(&day_of_month)
                .then_some(())
                .and_then(|()| {
                    months(
                        interval_months,
                        Pick::Day(day_of_month, options.missing_day),
                    )
                }),
            Schedule::RelativeMonthly {
                interval_months,
                week_index,
                day_of_week,
            } => months(
                interval_months,
                Pick::Relative(week_index, day_of_week.weekday()),
            ),
        }
    }

    /// The first cell index whose date can be on or after `lo`.
    fn first_cell(&self, lo: NaiveDate) -> u64 {
        match *self {
            Grid::Days { base, step } => {
                let gap = (lo - base).num_days();
                u64::try_from(gap).map_or(0, |g| g.div_ceil(step.max(1)))
            }
            Grid::Months { first, step, .. } => {
                let gap = grid::month_index(lo) - first;
                u64::try_from(gap.div_euclid(step.max(1))).unwrap_or(0)
            }
        }
    }

    fn cell(&self, k: u64) -> Cell {
        match *self {
            Grid::Days { base, step } => k
                .checked_mul(step)
                .and_then(|days| base.checked_add_days(Days::new(days)))
                .map_or(Cell::End, Cell::Date),
            Grid::Months { first, step, pick } => {
                let Some((y, m)) = i64::try_from(k)
                    .ok()
                    .and_then(|k| k.checked_mul(step))
                    .and_then(|off| first.checked_add(off))
                    .and_then(grid::month_from_index)
                else {
                    return Cell::End;
                };
                match pick {
                    Pick::Day(day, missing) => match grid::day_of_month(y, m, day, missing) {
                        MonthDay::Date(d) => Cell::Date(d),
                        MonthDay::Missing => Cell::Empty,
                        MonthDay::Invalid => Cell::End,
                    },
                    Pick::Relative(index, dow) => {
                        grid::nth_weekday(y, m, dow, index).map_or(Cell::End, Cell::Date)
                    }
                }
            }
        }
    }
}

/// The lazy iterator behind [`MaintenanceWindow::occurrences`].
#[derive(Debug, Clone)]
pub struct Occurrences {
    grid: Option<Grid>,
    next_cell: u64,
    anchor: NaiveDate,
    offset: UtcOffset,
    start_time: chrono::NaiveTime,
    duration: TimeDelta,
    from: DateTime<Utc>,
    blackouts: Blackouts,
    mode: BlackoutOverlap,
    pending: VecDeque<Occurrence>,
}

impl MaintenanceWindow {
    /// Windows that end after `from`, in start order, lazily.
    pub fn occurrences(
        &self,
        from: DateTime<Utc>,
        options: RecurrenceOptions,
    ) -> impl Iterator<Item = Occurrence> + '_ {
        Occurrences::new(self, from, options)
    }

    /// The local date the grid counts from: `startDate`, or (§8 A-10, ASSUMPTION) the local
    /// date of `from` when the window has none ("active right away").
    pub fn anchor_date(&self, from: DateTime<Utc>) -> Option<NaiveDate> {
        self.start_date
            .or_else(|| local_date(from, self.utc_offset))
    }

    /// The local date of the first window of this schedule on or after local date `day`, blackouts
    /// ignored (they cancel windows, they do not move the grid). Anchoring a copy of the window
    /// on that date (`startDate`) keeps the schedule's phase: the date is a cell of the grid, so
    /// the copy's grid is the same from there on (Daily and Weekly, either anchor reading: the
    /// same base and step; monthly: the same months). `None` when the window is not computable.
    pub fn first_date_on_or_after(
        &self,
        day: NaiveDate,
        options: RecurrenceOptions,
    ) -> Option<NaiveDate> {
        let mut plain = self.clone();
        plain.not_allowed_dates.clear();
        let from = super::blackout::local_midnight_utc(day, self.utc_offset)?;
        plain
            .occurrences(from, options)
            .filter_map(|o| local_date(o.start, self.utc_offset))
            .find(|d| *d >= day)
    }

    /// Whether every value the engine needs is inside the API range (docs/aks-rules.md §3.2); if not,
    /// [`MaintenanceWindow::occurrences`] yields nothing and the findings explain why.
    pub fn is_computable(&self, options: RecurrenceOptions) -> bool {
        // Any ordinary anchor will do: only the ranges decide. (NaiveDate::MIN made every Weekly
        // schedule look uncomputable: its Sunday-start week begins before the calendar does.)
        let anchor = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MAX);
        DURATION_HOURS.contains(&self.duration_hours)
            && Grid::new(self.schedule, anchor, options).is_some()
    }
}

impl Occurrences {
    pub fn new(
        window: &MaintenanceWindow,
        from: DateTime<Utc>,
        options: RecurrenceOptions,
    ) -> Self {
        let anchor = window.anchor_date(from).unwrap_or(NaiveDate::MAX);
        let grid = DURATION_HOURS
            .contains(&window.duration_hours)
            .then(|| Grid::new(window.schedule, anchor, options))
            .flatten();
        // A window that starts on local date d ends before d + 2 days (≤ 24 h after a start
        // before midnight), so cells before (local date of from) − 2 days cannot end after from.
        let lo = local_date(from, window.utc_offset)
            .and_then(|d| d.checked_sub_days(Days::new(2)))
            .map_or(anchor, |d| d.max(anchor));
        let next_cell = grid.map_or(0, |g| g.first_cell(lo));
        Occurrences {
            grid,
            next_cell,
            anchor,
            offset: window.utc_offset,
            start_time: window.start_time.time(),
            duration: TimeDelta::hours(i64::from(window.duration_hours)),
            from,
            blackouts: Blackouts::from_dates(&window.not_allowed_dates, window.utc_offset),
            mode: options.blackout_overlap,
            pending: VecDeque::new(),
        }
    }

    /// The UTC window of a local date.
    fn window_of(&self, d: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let start = d
            .and_time(self.start_time)
            .checked_sub_signed(TimeDelta::minutes(i64::from(self.offset.minutes())))?
            .and_utc();
        Some((start, start.checked_add_signed(self.duration)?))
    }
}

impl Iterator for Occurrences {
    type Item = Occurrence;

    fn next(&mut self) -> Option<Occurrence> {
        let grid = self.grid?;
        let mut looked = 0;
        while self.pending.is_empty() {
            looked += 1;
            if looked > MAX_EMPTY_CELLS {
                self.grid = None;
                return None;
            }
            let cell = grid.cell(self.next_cell);
            self.next_cell = self.next_cell.checked_add(1)?;
            let d = match cell {
                Cell::Date(d) => d,
                Cell::Empty => continue,
                Cell::End => {
                    self.grid = None;
                    return None;
                }
            };
            if d < self.anchor {
                continue;
            }
            let Some((start, end)) = self.window_of(d) else {
                self.grid = None;
                return None;
            };
            if end <= self.from {
                continue;
            }
            self.blackouts
                .apply(start, end, self.mode, self.from, &mut self.pending);
        }
        self.pending.pop_front()
    }
}
