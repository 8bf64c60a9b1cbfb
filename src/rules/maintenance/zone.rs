//! A time zone's offsets as a [`TransitionTable`], built by sampling a caller-supplied offset
//! function (issue 3: the app asks the browser's Intl API, the core stays pure). Sampling every
//! `step` finds each change between two samples; bisection then pins it to the minute, so the
//! table agrees with the zone wherever the zone changes at most once per step (real zones
//! change twice a year; the app samples daily).
//!
//! Also the plan's [`ZoneName`]: the team's zone, saved with the plan so that whoever opens it
//! (or its share link) reads the windows in the same zone.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::dst::{TransitionTable, transition};

/// An IANA time zone name (`Europe/Berlin`, `UTC`, `Etc/GMT+5`), by shape only: the core has no
/// zone database, so whether the zone exists is the browser's (or the CLI's) question.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ZoneName(String);

/// The longest IANA name is 32 characters; twice that leaves room without allowing essays.
const MAX_ZONE_NAME: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZoneNameError {
    #[error("the time zone is empty: write an IANA name such as Europe/Berlin, or leave it out")]
    Empty,
    #[error(
        "{0:?} is not an IANA time zone name: use letters, digits and / _ - + only, e.g. Europe/Berlin or America/New_York"
    )]
    BadShape(String),
}

impl ZoneName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for ZoneName {
    type Err = ZoneNameError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let name = text.trim();
        if name.is_empty() {
            return Err(ZoneNameError::Empty);
        }
        let allowed = |c: char| c.is_ascii_alphanumeric() || "/_-+".contains(c);
        let well_formed = name.len() <= MAX_ZONE_NAME
            && name.chars().all(allowed)
            && name.split('/').all(|part| !part.is_empty());
        if well_formed {
            Ok(ZoneName(name.to_owned()))
        } else {
            Err(ZoneNameError::BadShape(name.to_owned()))
        }
    }
}

impl TryFrom<String> for ZoneName {
    type Error = ZoneNameError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<ZoneName> for String {
    fn from(name: ZoneName) -> String {
        name.0
    }
}

impl fmt::Display for ZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

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

    #[test]
    fn zone_names_are_read_by_shape() {
        for good in [
            "UTC",
            "Europe/Berlin",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
            " Asia/Kolkata ",
        ] {
            let name: ZoneName = good.parse().unwrap_or_else(|e| panic!("{good}: {e}"));
            assert_eq!(name.as_str(), good.trim());
        }
        assert_eq!("  ".parse::<ZoneName>(), Err(ZoneNameError::Empty));
        for bad in [
            "Europe/",
            "/UTC",
            "Europe//Berlin",
            "Mars Time",
            "<script>",
            &"A".repeat(65),
        ] {
            let err = bad.parse::<ZoneName>().unwrap_err();
            assert!(matches!(err, ZoneNameError::BadShape(_)), "{bad}");
            assert!(err.to_string().contains("Europe/Berlin"), "{err}");
        }
        // As JSON it is a plain string, refused when malformed.
        let name: ZoneName = serde_json::from_str("\"Europe/Paris\"").unwrap();
        assert_eq!(serde_json::to_string(&name).unwrap(), "\"Europe/Paris\"");
        assert!(serde_json::from_str::<ZoneName>("\"no way\"").is_err());
    }

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
