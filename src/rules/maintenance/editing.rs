//! Pure helpers for the window editor (issue 3): the choices it offers (only values valid for the
//! chosen schedule type, inside the API ranges of docs/aks-rules.md §3.2), how a schedule changes
//! type keeping what carries over, a new window's defaults, and the legacy `default` form converted
//! to a `maintenanceWindow`. The UI renders these; it never re-implements them.

use std::ops::RangeInclusive;

use chrono::{Days, Duration};

use super::recurrence::{DURATION_HOURS, INTERVAL_DAYS, INTERVAL_MONTHS, INTERVAL_WEEKS};
use super::types::{
    ConfigName, DateSpan, DayOfWeek, DefaultConfig, MaintenanceConfigurations, MaintenanceWindow,
    Schedule, StartTime, TimeInWeek, TimeSpan, UtcOffset, WeekIndex,
};

/// The four schedule types (`--schedule-type`), without their values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScheduleKind {
    Daily,
    Weekly,
    AbsoluteMonthly,
    RelativeMonthly,
}

impl ScheduleKind {
    pub const ALL: [ScheduleKind; 4] = [
        ScheduleKind::Daily,
        ScheduleKind::Weekly,
        ScheduleKind::AbsoluteMonthly,
        ScheduleKind::RelativeMonthly,
    ];

    /// The API name, as [`Schedule::type_name`] prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            ScheduleKind::Daily => "Daily",
            ScheduleKind::Weekly => "Weekly",
            ScheduleKind::AbsoluteMonthly => "AbsoluteMonthly",
            ScheduleKind::RelativeMonthly => "RelativeMonthly",
        }
    }

    /// What the type does, for the option's label.
    pub fn label(self) -> &'static str {
        match self {
            ScheduleKind::Daily => "Daily: every n days",
            ScheduleKind::Weekly => "Weekly: every n weeks on a weekday",
            ScheduleKind::AbsoluteMonthly => "AbsoluteMonthly: a day of the month",
            ScheduleKind::RelativeMonthly => "RelativeMonthly: e.g. the last Friday",
        }
    }

    /// The API name back to a kind.
    pub fn parse(name: &str) -> Option<ScheduleKind> {
        ScheduleKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The types a configuration may use: `default` is Weekly only (§8 A-8, Azure/AKS#5050).
    pub fn allowed_for(config: ConfigName) -> &'static [ScheduleKind] {
        match config {
            ConfigName::Default => &[ScheduleKind::Weekly],
            ConfigName::AutoUpgrade | ConfigName::NodeOs => &ScheduleKind::ALL,
        }
    }

    /// The intervals the API accepts for this type (§3.2); `default` repeats every week only
    /// (§8 A-8).
    pub fn intervals(self, config: ConfigName) -> RangeInclusive<u32> {
        match (self, config) {
            (ScheduleKind::Weekly, ConfigName::Default) => 1..=1,
            (ScheduleKind::Daily, _) => INTERVAL_DAYS,
            (ScheduleKind::Weekly, _) => INTERVAL_WEEKS,
            (ScheduleKind::AbsoluteMonthly | ScheduleKind::RelativeMonthly, _) => INTERVAL_MONTHS,
        }
    }
}

impl Schedule {
    pub fn kind(&self) -> ScheduleKind {
        match self {
            Schedule::Daily { .. } => ScheduleKind::Daily,
            Schedule::Weekly { .. } => ScheduleKind::Weekly,
            Schedule::AbsoluteMonthly { .. } => ScheduleKind::AbsoluteMonthly,
            Schedule::RelativeMonthly { .. } => ScheduleKind::RelativeMonthly,
        }
    }

    /// This schedule as another type, keeping what means the same there: the weekday (Weekly ↔
    /// RelativeMonthly) and the month interval (between the monthly types). Everything else
    /// starts at the smallest valid value; the same type returns the schedule unchanged.
    pub fn with_kind(self, kind: ScheduleKind) -> Schedule {
        if self.kind() == kind {
            return self;
        }
        let day_of_week = match self {
            Schedule::Weekly { day_of_week, .. }
            | Schedule::RelativeMonthly { day_of_week, .. } => day_of_week,
            _ => DayOfWeek::Sunday,
        };
        let interval_months = match self {
            Schedule::AbsoluteMonthly {
                interval_months, ..
            }
            | Schedule::RelativeMonthly {
                interval_months, ..
            } => interval_months,
            _ => 1,
        };
        match kind {
            ScheduleKind::Daily => Schedule::Daily { interval_days: 1 },
            ScheduleKind::Weekly => Schedule::Weekly {
                interval_weeks: 1,
                day_of_week,
            },
            ScheduleKind::AbsoluteMonthly => Schedule::AbsoluteMonthly {
                interval_months,
                day_of_month: 1,
            },
            ScheduleKind::RelativeMonthly => Schedule::RelativeMonthly {
                interval_months,
                week_index: WeekIndex::First,
                day_of_week,
            },
        }
    }

    /// The same schedule with its interval (days, weeks or months, whichever it counts) set.
    pub fn with_interval(self, n: u32) -> Schedule {
        match self {
            Schedule::Daily { .. } => Schedule::Daily { interval_days: n },
            Schedule::Weekly { day_of_week, .. } => Schedule::Weekly {
                interval_weeks: n,
                day_of_week,
            },
            Schedule::AbsoluteMonthly { day_of_month, .. } => Schedule::AbsoluteMonthly {
                interval_months: n,
                day_of_month,
            },
            Schedule::RelativeMonthly {
                week_index,
                day_of_week,
                ..
            } => Schedule::RelativeMonthly {
                interval_months: n,
                week_index,
                day_of_week,
            },
        }
    }

    /// The interval in the schedule's own unit.
    pub fn interval(&self) -> u32 {
        match *self {
            Schedule::Daily { interval_days } => interval_days,
            Schedule::Weekly { interval_weeks, .. } => interval_weeks,
            Schedule::AbsoluteMonthly {
                interval_months, ..
            }
            | Schedule::RelativeMonthly {
                interval_months, ..
            } => interval_months,
        }
    }
}

/// The window durations the API accepts, in hours (§3.2).
pub fn duration_choices() -> RangeInclusive<u32> {
    DURATION_HOURS
}

/// Every real-world offset, −12:00 … +14:00 in 15-minute steps (§8 A-20), west to east.
pub fn offset_choices() -> Vec<UtcOffset> {
    (-12 * 4..=14 * 4)
        .map(|quarter| UtcOffset::from_minutes(quarter * 15))
        .collect()
}

/// A new window: every Sunday 00:00–08:00 UTC, active right away.
pub fn new_window() -> MaintenanceWindow {
    MaintenanceWindow {
        schedule: Schedule::Weekly {
            interval_weeks: 1,
            day_of_week: DayOfWeek::Sunday,
        },
        duration_hours: 8,
        utc_offset: UtcOffset::UTC,
        start_date: None,
        start_time: StartTime::MIDNIGHT,
        not_allowed_dates: Vec::new(),
    }
}

impl MaintenanceConfigurations {
    /// The maintenanceWindow of a configuration for editing (`None` for an absent or legacy
    /// `default`).
    pub fn window_mut(&mut self, name: ConfigName) -> Option<&mut MaintenanceWindow> {
        match name {
            ConfigName::Default => match &mut self.default {
                Some(DefaultConfig::Window(w)) => Some(w),
                _ => None,
            },
            ConfigName::AutoUpgrade => self.auto_upgrade.as_mut(),
            ConfigName::NodeOs => self.node_os.as_mut(),
        }
    }

    /// Sets (or with `None` removes) a configuration; a legacy `default` is replaced.
    pub fn set_window(&mut self, name: ConfigName, window: Option<MaintenanceWindow>) {
        match name {
            ConfigName::Default => self.default = window.map(DefaultConfig::Window),
            ConfigName::AutoUpgrade => self.auto_upgrade = window,
            ConfigName::NodeOs => self.node_os = window,
        }
    }
}

/// The legacy `default` form as a `maintenanceWindow`, with every change the conversion makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegacyConversion {
    pub window: MaintenanceWindow,
    /// What could not be carried over exactly, one sentence each (empty: exact).
    pub changes: Vec<String>,
}

/// Converts the legacy `timeInWeek`/`notAllowedTime` form (§3.3) to the one weekly window the
/// `default` configuration may hold (§8 A-8): the longest run of hour slots (the first of equal
/// ones), in UTC, clamped to 4–24 hours; blackouts widened to the whole UTC days they touch.
/// `None` when no hour slot is usable.
pub fn legacy_to_window(
    time_in_week: &[TimeInWeek],
    not_allowed_time: &[TimeSpan],
) -> Option<LegacyConversion> {
    let runs = super::legacy::runs(time_in_week);
    let best = runs
        .iter()
        .copied()
        .reduce(|best, r| if r.hours > best.hours { r } else { best })?;
    let mut changes = Vec::new();
    let day = DayOfWeek::ALL
        .get(usize::try_from(best.start / 24).ok()?)
        .copied()?;
    let start_time = StartTime::new(best.start % 24, 0)?;
    let duration_hours = best
        .hours
        .clamp(*DURATION_HOURS.start(), *DURATION_HOURS.end());
    if runs.len() > 1 {
        changes.push(format!(
            "kept the longest of {} weekly periods ({} from {start_time} UTC); a maintenanceWindow has one weekly period",
            runs.len(),
            day.as_str()
        ));
    }
    if duration_hours != best.hours {
        changes.push(format!(
            "the period is {} hours; durationHours must be 4 to 24, so the window lasts {duration_hours} hours",
            best.hours
        ));
    }
    let mut not_allowed_dates = Vec::new();
    for span in not_allowed_time {
        // The end instant is exclusive: a span ending at midnight does not touch that day.
        let last = span.end - Duration::nanoseconds(1);
        let (start, end) = (
            span.start.date_naive(),
            last.date_naive().max(span.start.date_naive()),
        );
        let exact = span.start.time() == chrono::NaiveTime::MIN
            && end
                .checked_add_days(Days::new(1))
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .is_some_and(|d| d.and_utc() == span.end);
        if !exact {
            changes.push(format!(
                "notAllowedTime {} to {} became the whole days {start} to {end} (notAllowedDates are whole days)",
                crate::rules::timefmt::iso_date_time(&span.start),
                crate::rules::timefmt::iso_date_time(&span.end)
            ));
        }
        not_allowed_dates.push(DateSpan { start, end });
    }
    Some(LegacyConversion {
        window: MaintenanceWindow {
            schedule: Schedule::Weekly {
                interval_weeks: 1,
                day_of_week: day,
            },
            duration_hours,
            utc_offset: UtcOffset::UTC,
            start_date: None,
            start_time,
            not_allowed_dates,
        },
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn weekly(day: DayOfWeek) -> Schedule {
        Schedule::Weekly {
            interval_weeks: 2,
            day_of_week: day,
        }
    }

    #[test]
    fn kinds_round_trip_through_their_api_names() {
        for kind in ScheduleKind::ALL {
            assert_eq!(ScheduleKind::parse(kind.as_str()), Some(kind));
            assert_eq!(weekly(DayOfWeek::Monday).with_kind(kind).kind(), kind);
            assert_eq!(
                weekly(DayOfWeek::Monday).with_kind(kind).type_name(),
                kind.as_str()
            );
        }
        assert_eq!(ScheduleKind::parse("weekly"), None);
    }

    #[test]
    fn default_offers_weekly_every_week_only() {
        assert_eq!(
            ScheduleKind::allowed_for(ConfigName::Default),
            &[ScheduleKind::Weekly]
        );
        assert_eq!(ScheduleKind::Weekly.intervals(ConfigName::Default), 1..=1);
        assert_eq!(ScheduleKind::allowed_for(ConfigName::NodeOs).len(), 4);
    }

    #[test]
    fn intervals_follow_the_api_ranges() {
        let table = [
            (ScheduleKind::Daily, 1..=7),
            (ScheduleKind::Weekly, 1..=4),
            (ScheduleKind::AbsoluteMonthly, 1..=6),
            (ScheduleKind::RelativeMonthly, 1..=6),
        ];
        for (kind, range) in table {
            assert_eq!(kind.intervals(ConfigName::AutoUpgrade), range, "{kind:?}");
        }
        assert_eq!(duration_choices(), 4..=24);
    }

    #[test]
    fn changing_type_keeps_the_weekday_and_month_interval() {
        let r = weekly(DayOfWeek::Friday).with_kind(ScheduleKind::RelativeMonthly);
        assert_eq!(
            r,
            Schedule::RelativeMonthly {
                interval_months: 1,
                week_index: WeekIndex::First,
                day_of_week: DayOfWeek::Friday
            }
        );
        let a = Schedule::RelativeMonthly {
            interval_months: 3,
            week_index: WeekIndex::Last,
            day_of_week: DayOfWeek::Friday,
        }
        .with_kind(ScheduleKind::AbsoluteMonthly);
        assert_eq!(
            a,
            Schedule::AbsoluteMonthly {
                interval_months: 3,
                day_of_month: 1
            }
        );
        assert_eq!(
            Schedule::Daily { interval_days: 5 }.with_kind(ScheduleKind::Weekly),
            Schedule::Weekly {
                interval_weeks: 1,
                day_of_week: DayOfWeek::Sunday
            }
        );
        let same = weekly(DayOfWeek::Friday);
        assert_eq!(same.with_kind(ScheduleKind::Weekly), same);
    }

    #[test]
    fn interval_is_set_in_the_schedules_own_unit() {
        for kind in ScheduleKind::ALL {
            let s = weekly(DayOfWeek::Tuesday).with_kind(kind).with_interval(3);
            assert_eq!(s.interval(), 3);
            assert_eq!(s.kind(), kind);
        }
    }

    #[test]
    fn offsets_are_every_quarter_hour_from_minus_12_to_plus_14() {
        let all = offset_choices();
        assert_eq!(all.len(), 105);
        assert_eq!(
            all.first().map(ToString::to_string).as_deref(),
            Some("-12:00")
        );
        assert_eq!(
            all.last().map(ToString::to_string).as_deref(),
            Some("+14:00")
        );
        assert!(all.iter().any(|o| o.to_string() == "+05:45"));
        assert!(
            all.windows(2)
                .all(|w| w[1].minutes() - w[0].minutes() == 15)
        );
    }

    #[test]
    fn a_new_window_is_valid_and_computable() {
        let w = new_window();
        let at = crate::rules::findings::windows::findings;
        let mut cluster = crate::rules::cluster::Cluster::new("c");
        cluster
            .maintenance_configurations
            .set_window(ConfigName::Default, Some(w.clone()));
        let errors: Vec<_> = at(0, &cluster, None, Default::default())
            .into_iter()
            .filter(|f| f.severity == crate::rules::findings::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(w.is_computable(Default::default()));
    }

    #[test]
    fn every_schedule_type_in_range_is_computable_under_every_reading() {
        use crate::rules::maintenance::{RecurrenceOptions, WeeklyAnchor};
        for kind in ScheduleKind::ALL {
            for weekly_anchor in [WeeklyAnchor::StartDateWeek, WeeklyAnchor::FirstMatchingDay] {
                let options = RecurrenceOptions {
                    weekly_anchor,
                    ..RecurrenceOptions::default()
                };
                let mut w = new_window();
                w.schedule = w.schedule.with_kind(kind);
                assert!(w.is_computable(options), "{kind:?} {weekly_anchor:?}");
                w.schedule = w.schedule.with_interval(0);
                assert!(!w.is_computable(options), "{kind:?} interval 0");
            }
        }
    }

    #[test]
    fn set_window_and_window_mut_reach_each_configuration() {
        let mut cfgs = MaintenanceConfigurations::default();
        for name in ConfigName::ALL {
            assert!(cfgs.window_mut(name).is_none());
            cfgs.set_window(name, Some(new_window()));
            if let Some(w) = cfgs.window_mut(name) {
                w.duration_hours = 5;
            }
            assert_eq!(cfgs.window(name).map(|w| w.duration_hours), Some(5));
        }
        cfgs.set_window(ConfigName::NodeOs, None);
        assert!(cfgs.node_os.is_none());
        assert!(cfgs.auto_upgrade.is_some());
    }

    fn slots(day: DayOfWeek, hours: &[u32]) -> TimeInWeek {
        TimeInWeek {
            day,
            hour_slots: hours.to_vec(),
        }
    }

    #[test]
    fn legacy_single_run_converts_exactly() {
        let c = legacy_to_window(&[slots(DayOfWeek::Tuesday, &[1, 2, 3, 4, 5])], &[]).unwrap();
        assert_eq!(
            c.window.schedule,
            Schedule::Weekly {
                interval_weeks: 1,
                day_of_week: DayOfWeek::Tuesday
            }
        );
        assert_eq!(c.window.start_time.to_string(), "01:00");
        assert_eq!(c.window.duration_hours, 5);
        assert_eq!(c.window.utc_offset, UtcOffset::UTC);
        assert!(c.changes.is_empty(), "{:?}", c.changes);
    }

    #[test]
    fn legacy_run_across_midnight_starts_on_its_first_day() {
        let c = legacy_to_window(
            &[
                slots(DayOfWeek::Monday, &[22, 23]),
                slots(DayOfWeek::Tuesday, &[0, 1]),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(c.window.start_time.to_string(), "22:00");
        assert_eq!(c.window.duration_hours, 4);
        assert!(matches!(
            c.window.schedule,
            Schedule::Weekly {
                day_of_week: DayOfWeek::Monday,
                ..
            }
        ));
        assert!(c.changes.is_empty());
    }

    #[test]
    fn legacy_conversion_keeps_the_longest_run_and_says_what_changed() {
        let c = legacy_to_window(
            &[
                slots(DayOfWeek::Monday, &[1]),
                slots(DayOfWeek::Friday, &[3, 4]),
            ],
            &[],
        )
        .unwrap();
        assert!(matches!(
            c.window.schedule,
            Schedule::Weekly {
                day_of_week: DayOfWeek::Friday,
                ..
            }
        ));
        assert_eq!(c.window.duration_hours, 4);
        assert_eq!(c.changes.len(), 2, "{:?}", c.changes);
        assert!(c.changes[0].contains("longest of 2"));
        assert!(c.changes[1].contains("lasts 4 hours"));
    }

    #[test]
    fn legacy_blackouts_become_whole_days() {
        let span = |a: (u32, u32), b: (u32, u32)| TimeSpan {
            start: Utc.with_ymd_and_hms(2027, 5, a.0, a.1, 0, 0).unwrap(),
            end: Utc.with_ymd_and_hms(2027, 5, b.0, b.1, 0, 0).unwrap(),
        };
        let c = legacy_to_window(
            &[slots(DayOfWeek::Monday, &[1, 2, 3, 4])],
            &[span((26, 3), (30, 12)), span((10, 0), (12, 0))],
        )
        .unwrap();
        let d = |day| NaiveDate::from_ymd_opt(2027, 5, day).unwrap();
        assert_eq!(
            c.window.not_allowed_dates,
            vec![
                DateSpan {
                    start: d(26),
                    end: d(30)
                },
                DateSpan {
                    start: d(10),
                    end: d(11)
                }
            ]
        );
        assert_eq!(
            c.changes.len(),
            1,
            "only the partial-day span is widened: {:?}",
            c.changes
        );
    }

    #[test]
    fn legacy_without_usable_slots_does_not_convert() {
        assert!(legacy_to_window(&[slots(DayOfWeek::Monday, &[24, 30])], &[]).is_none());
        assert!(legacy_to_window(&[], &[]).is_none());
    }
}
