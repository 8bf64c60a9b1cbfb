//! A time zone's offsets as a [`TransitionTable`], built by sampling a caller-supplied offset
//! function (issue 3: the app asks the browser's Intl API, the core stays pure). Sampling every
//! `step` finds each change between two samples; bisection then pins it to the minute, so the
//! table agrees with the zone wherever the zone changes at most once per step (real zones
//! change twice a year; the app samples daily).

use chrono::{DateTime, TimeDelta, Utc};

use super::dst::{TransitionTable, transition};

impl TransitionTable {
    /// The offsets of `zone` (minutes east of UTC at an instant) over `[from, until]`, sampled
    /// every `step` (a step under one minute is treated as one minute).
    pub fn sample(
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        step: TimeDelta,
        zone: impl Fn(DateTime<Utc>) -> i32,
    ) -> TransitionTable {
        let step = step.max(TimeDelta::minutes(1));
        let initial = zone(from);
        let mut transitions = Vec::new();
        let (mut at, mut offset) = (from, initial);
        while at < until {
            let next = at.checked_add_signed(step).map_or(until, |n| n.min(until));
            let next_offset = zone(next);
            if next_offset != offset {
                let changed_at = transition(at, next, offset, &zone);
                transitions.push((changed_at, zone(changed_at)));
            }
            (at, offset) = (next, next_offset);
        }
        TransitionTable {
            initial,
            transitions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Central European time in 2026–2027: +01:00, +02:00 from the last Sunday of March 01:00
    /// UTC to the last Sunday of October 01:00 UTC.
    fn berlin(t: DateTime<Utc>) -> i32 {
        let summer = [
            (
                Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap(),
            ),
            (
                Utc.with_ymd_and_hms(2027, 3, 28, 1, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2027, 10, 31, 1, 0, 0).unwrap(),
            ),
        ];
        if summer.iter().any(|(a, b)| *a <= t && t < *b) {
            120
        } else {
            60
        }
    }

    #[test]
    fn daily_sampling_finds_both_changes_to_the_minute() {
        let from = Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap();
        let until = from + TimeDelta::days(366);
        let table = TransitionTable::sample(from, until, TimeDelta::days(1), berlin);
        assert_eq!(table.initial, 60);
        assert_eq!(
            table.transitions,
            vec![
                (Utc.with_ymd_and_hms(2027, 3, 28, 1, 0, 0).unwrap(), 120),
                (Utc.with_ymd_and_hms(2027, 10, 31, 1, 0, 0).unwrap(), 60),
            ]
        );
    }

    #[test]
    fn the_table_agrees_with_the_zone_at_every_hour() {
        let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let until = from + TimeDelta::days(730);
        let table = TransitionTable::sample(from, until, TimeDelta::days(1), berlin);
        let mut t = from;
        while t <= until {
            assert_eq!(table.offset_at(t), berlin(t), "{t}");
            t += TimeDelta::minutes(59);
        }
    }

    #[test]
    fn a_zone_without_changes_has_no_transitions() {
        let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let table = TransitionTable::sample(
            from,
            from + TimeDelta::days(365),
            TimeDelta::days(1),
            |_| 330,
        );
        assert_eq!(table.initial, 330);
        assert!(table.transitions.is_empty());
    }

    #[test]
    fn a_zero_step_still_terminates() {
        let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let table =
            TransitionTable::sample(from, from + TimeDelta::hours(2), TimeDelta::zero(), |_| 0);
        assert!(table.transitions.is_empty());
    }
}
