//! The legacy `default` form (docs/aks-rules.md §3.3): `timeInWeek` hour slots in UTC and
//! `notAllowedTime` instants, turned into the same [`Occurrence`]s as the window form.
//!
//! Consecutive hour slots merge into one window, across midnight and across the Saturday →
//! Sunday week boundary too: `Monday [22, 23]` + `Tuesday [0, 1]` is one 4-hour window. Hours
//! outside 0–23 are ignored (§3.3 bounds are an assumption; the findings report them).

use std::collections::VecDeque;

use chrono::{DateTime, Days, NaiveTime, TimeDelta, Utc};

use super::blackout::Blackouts;
use super::grid;
use super::recurrence::Occurrences;
use super::recurrence::{Occurrence, RecurrenceOptions};
use super::types::{ConfigName, DefaultConfig, MaintenanceConfigurations, TimeInWeek, TimeSpan};

const HOURS_IN_WEEK: u32 = 168;

/// A run of UTC hours in the weekly cycle: starts `start` hours after Sunday 00:00 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) start: u32,
    pub(crate) hours: u32,
}

/// The merged runs of a `timeInWeek` list, ordered by start.
pub(crate) fn runs(time_in_week: &[TimeInWeek]) -> Vec<Run> {
    let mut set = [false; HOURS_IN_WEEK as usize];
    for entry in time_in_week {
        let day = entry.day.weekday().num_days_from_sunday();
        for &h in entry.hour_slots.iter().filter(|&&h| h < 24) {
            if let Some(slot) = set.get_mut((day * 24 + h) as usize) {
                *slot = true;
            }
        }
    }
    let is_set = |h: u32| {
        set.get((h % HOURS_IN_WEEK) as usize)
            .copied()
            .unwrap_or(false)
    };
    if (0..HOURS_IN_WEEK).all(is_set) {
        return vec![Run {
            start: 0,
            hours: HOURS_IN_WEEK,
        }];
    }
    // A run starts at a set hour whose previous hour (cyclically) is unset.
    (0..HOURS_IN_WEEK)
        .filter(|&h| is_set(h) && !is_set(h + HOURS_IN_WEEK - 1))
        .map(|start| Run {
            start,
            hours: (start..start + HOURS_IN_WEEK)
                .take_while(|&h| is_set(h))
                .count() as u32,
        })
        .collect()
}

/// The lazy iterator behind [`legacy_occurrences`].
#[derive(Debug, Clone)]
pub struct LegacyOccurrences {
    runs: Vec<Run>,
    /// Sunday 00:00 UTC of the week being walked.
    week: Option<DateTime<Utc>>,
    next_run: usize,
    from: DateTime<Utc>,
    blackouts: Blackouts,
    options: RecurrenceOptions,
    pending: VecDeque<Occurrence>,
}

/// The windows of a legacy `default` configuration that end after `from`, in start order.
pub fn legacy_occurrences(
    time_in_week: &[TimeInWeek],
    not_allowed_time: &[TimeSpan],
    from: DateTime<Utc>,
    options: RecurrenceOptions,
) -> LegacyOccurrences {
    // Start one week early: a run that began last week may still be open at `from`.
    let week = grid::week_start_sunday(from.date_naive())
        .and_then(|d| d.checked_sub_days(Days::new(7)))
        .map(|d| d.and_time(NaiveTime::MIN).and_utc());
    LegacyOccurrences {
        runs: runs(time_in_week),
        week,
        next_run: 0,
        from,
        blackouts: Blackouts::from_times(not_allowed_time),
        options,
        pending: VecDeque::new(),
    }
}

impl Iterator for LegacyOccurrences {
    type Item = Occurrence;

    fn next(&mut self) -> Option<Occurrence> {
        if self.runs.is_empty() {
            return None;
        }
        // Each week holds at least one window; after two weeks past `from` one has ended after it.
        let mut looked = 0;
        while self.pending.is_empty() {
            looked += 1;
            if looked > 3 * HOURS_IN_WEEK {
                return None;
            }
            let week = self.week?;
            let Some(run) = self.runs.get(self.next_run).copied() else {
                self.week = week.checked_add_signed(TimeDelta::weeks(1));
                self.next_run = 0;
                continue;
            };
            self.next_run += 1;
            let start = week.checked_add_signed(TimeDelta::hours(i64::from(run.start)))?;
            let end = start.checked_add_signed(TimeDelta::hours(i64::from(run.hours)))?;
            if end > self.from {
                self.blackouts.apply(
                    start,
                    end,
                    self.options.blackout_overlap,
                    self.from,
                    &mut self.pending,
                );
            }
        }
        self.pending.pop_front()
    }
}

/// The windows of one configuration, whichever form it has.
#[derive(Debug, Clone)]
pub enum ConfigOccurrences {
    Window(Occurrences),
    Legacy(LegacyOccurrences),
}

impl Iterator for ConfigOccurrences {
    type Item = Occurrence;
    fn next(&mut self) -> Option<Occurrence> {
        match self {
            ConfigOccurrences::Window(it) => it.next(),
            ConfigOccurrences::Legacy(it) => it.next(),
        }
    }
}

impl MaintenanceConfigurations {
    /// The windows of configuration `name` that end after `from`, or `None` if the cluster has
    /// no such configuration.
    pub fn occurrences(
        &self,
        name: ConfigName,
        from: DateTime<Utc>,
        options: RecurrenceOptions,
    ) -> Option<ConfigOccurrences> {
        if let (
            ConfigName::Default,
            Some(DefaultConfig::Legacy {
                time_in_week,
                not_allowed_time,
            }),
        ) = (name, &self.default)
        {
            return Some(ConfigOccurrences::Legacy(legacy_occurrences(
                time_in_week,
                not_allowed_time,
                from,
                options,
            )));
        }
        self.window(name)
            .map(|w| ConfigOccurrences::Window(Occurrences::new(w, from, options)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::maintenance::DayOfWeek;

    fn tiw(day: DayOfWeek, slots: &[u32]) -> TimeInWeek {
        TimeInWeek {
            day,
            hour_slots: slots.to_vec(),
        }
    }

    #[test]
    fn consecutive_slots_merge_across_midnight_and_the_week_end() {
        let r = runs(&[
            tiw(DayOfWeek::Monday, &[22, 23]),
            tiw(DayOfWeek::Tuesday, &[0, 1]),
            tiw(DayOfWeek::Saturday, &[23]),
            tiw(DayOfWeek::Sunday, &[0]),
        ]);
        assert_eq!(
            r,
            [
                Run {
                    start: 46,
                    hours: 4
                },
                Run {
                    start: 167,
                    hours: 2
                },
            ]
        );
    }

    #[test]
    fn legacy_windows_are_weekly_utc_hours_and_blackouts_block_them() {
        let from: DateTime<Utc> = "2027-05-24T00:00:00Z".parse().unwrap();
        let blackout = TimeSpan {
            start: "2027-05-26T03:00:00Z".parse().unwrap(),
            end: "2027-05-30T12:00:00Z".parse().unwrap(),
        };
        let got: Vec<_> = legacy_occurrences(
            &[
                tiw(DayOfWeek::Tuesday, &[1, 2]),
                tiw(DayOfWeek::Friday, &[4]),
            ],
            &[blackout],
            from,
            RecurrenceOptions::default(),
        )
        .take(3)
        .map(|o| (o.start.to_rfc3339(), o.end.to_rfc3339(), o.blocked))
        .collect();
        assert_eq!(
            got,
            [
                (
                    "2027-05-25T01:00:00+00:00".into(),
                    "2027-05-25T03:00:00+00:00".into(),
                    false
                ),
                (
                    "2027-05-28T04:00:00+00:00".into(),
                    "2027-05-28T05:00:00+00:00".into(),
                    true
                ),
                (
                    "2027-06-01T01:00:00+00:00".into(),
                    "2027-06-01T03:00:00+00:00".into(),
                    false
                ),
            ]
        );
    }

    #[test]
    fn empty_or_out_of_range_slots_give_no_windows_and_terminate() {
        let from: DateTime<Utc> = "2027-05-24T00:00:00Z".parse().unwrap();
        let none = legacy_occurrences(
            &[
                tiw(DayOfWeek::Monday, &[]),
                tiw(DayOfWeek::Friday, &[24, 99]),
            ],
            &[],
            from,
            RecurrenceOptions::default(),
        );
        assert_eq!(none.count(), 0);
    }
}
