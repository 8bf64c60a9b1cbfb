//! The value types of a `maintenanceWindow`'s fields: `utcOffset`, `startTime`, `dayOfWeek`
//! and `weekIndex`, each parsed and printed exactly as the API spells it (docs/aks-rules.md
//! §0.1, §3.2).

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

use super::MaintenanceError;

/// A fixed UTC offset in minutes (`utcOffset`). No daylight saving: the API has none.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct UtcOffset(i32);

impl UtcOffset {
    pub const UTC: UtcOffset = UtcOffset(0);

    /// From signed minutes east of UTC.
    pub fn from_minutes(minutes: i32) -> Self {
        UtcOffset(minutes)
    }

    pub fn minutes(self) -> i32 {
        self.0
    }
}

impl fmt::Display for UtcOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { '-' } else { '+' };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
    }
}

impl FromStr for UtcOffset {
    type Err = MaintenanceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MaintenanceError::BadOffset(s.to_owned());
        let b = s.as_bytes();
        // Pattern ^(-|\+)[0-9]{2}:[0-9]{2}$ from the API.
        if b.len() != 6 || b[3] != b':' {
            return Err(err());
        }
        let sign = match b[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return Err(err()),
        };
        let two = |i: usize| -> Result<i32, MaintenanceError> {
            if b[i].is_ascii_digit() && b[i + 1].is_ascii_digit() {
                Ok(i32::from(b[i] - b'0') * 10 + i32::from(b[i + 1] - b'0'))
            } else {
                Err(err())
            }
        };
        let (hours, minutes) = (two(1)?, two(4)?);
        if minutes > 59 {
            return Err(err());
        }
        Ok(UtcOffset(sign * (hours * 60 + minutes)))
    }
}

impl TryFrom<String> for UtcOffset {
    type Error = MaintenanceError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<UtcOffset> for String {
    fn from(v: UtcOffset) -> String {
        v.to_string()
    }
}

/// `startTime`: local wall-clock time `HH:mm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StartTime(NaiveTime);

impl StartTime {
    pub const MIDNIGHT: StartTime = StartTime(NaiveTime::MIN);

    pub fn new(hour: u32, minute: u32) -> Option<Self> {
        NaiveTime::from_hms_opt(hour, minute, 0).map(StartTime)
    }

    pub fn time(self) -> NaiveTime {
        self.0
    }
}

impl fmt::Display for StartTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

impl FromStr for StartTime {
    type Err = MaintenanceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MaintenanceError::BadTime(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 5 || b[2] != b':' || ![0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit()) {
            return Err(err());
        }
        let hour = u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0');
        let minute = u32::from(b[3] - b'0') * 10 + u32::from(b[4] - b'0');
        StartTime::new(hour, minute).ok_or_else(err)
    }
}

impl TryFrom<String> for StartTime {
    type Error = MaintenanceError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<StartTime> for String {
    fn from(v: StartTime) -> String {
        v.to_string()
    }
}

/// `WeekDay`, PascalCase English names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum DayOfWeek {
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
}
crate::rules::variant::deserialize_by_name!(DayOfWeek { Sunday = "Sunday", Monday = "Monday", Tuesday = "Tuesday", Wednesday = "Wednesday", Thursday = "Thursday", Friday = "Friday", Saturday = "Saturday" });

impl DayOfWeek {
    pub const ALL: [DayOfWeek; 7] = [
        DayOfWeek::Sunday,
        DayOfWeek::Monday,
        DayOfWeek::Tuesday,
        DayOfWeek::Wednesday,
        DayOfWeek::Thursday,
        DayOfWeek::Friday,
        DayOfWeek::Saturday,
    ];

    pub fn weekday(self) -> Weekday {
        match self {
            DayOfWeek::Sunday => Weekday::Sun,
            DayOfWeek::Monday => Weekday::Mon,
            DayOfWeek::Tuesday => Weekday::Tue,
            DayOfWeek::Wednesday => Weekday::Wed,
            DayOfWeek::Thursday => Weekday::Thu,
            DayOfWeek::Friday => Weekday::Fri,
            DayOfWeek::Saturday => Weekday::Sat,
        }
    }

    pub fn from_weekday(w: Weekday) -> Self {
        match w {
            Weekday::Sun => DayOfWeek::Sunday,
            Weekday::Mon => DayOfWeek::Monday,
            Weekday::Tue => DayOfWeek::Tuesday,
            Weekday::Wed => DayOfWeek::Wednesday,
            Weekday::Thu => DayOfWeek::Thursday,
            Weekday::Fri => DayOfWeek::Friday,
            Weekday::Sat => DayOfWeek::Saturday,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DayOfWeek::Sunday => "Sunday",
            DayOfWeek::Monday => "Monday",
            DayOfWeek::Tuesday => "Tuesday",
            DayOfWeek::Wednesday => "Wednesday",
            DayOfWeek::Thursday => "Thursday",
            DayOfWeek::Friday => "Friday",
            DayOfWeek::Saturday => "Saturday",
        }
    }
}

/// `weekIndex`: the n-th occurrence of the weekday in the month, not calendar week n.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum WeekIndex {
    First,
    Second,
    Third,
    Fourth,
    Last,
}
crate::rules::variant::deserialize_by_name!(WeekIndex { First = "First", Second = "Second", Third = "Third", Fourth = "Fourth", Last = "Last" });

impl WeekIndex {
    pub const ALL: [WeekIndex; 5] = [
        WeekIndex::First,
        WeekIndex::Second,
        WeekIndex::Third,
        WeekIndex::Fourth,
        WeekIndex::Last,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WeekIndex::First => "First",
            WeekIndex::Second => "Second",
            WeekIndex::Third => "Third",
            WeekIndex::Fourth => "Fourth",
            WeekIndex::Last => "Last",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_parse_and_print_with_sign_and_two_digits() {
        assert_eq!("+05:30".parse::<UtcOffset>().unwrap().minutes(), 330);
        assert_eq!("-08:00".parse::<UtcOffset>().unwrap().to_string(), "-08:00");
        assert_eq!(UtcOffset::UTC.to_string(), "+00:00");
        for bad in ["5:30", "+5:30", "05:30", "+05:60", "+0530", "+05:3x"] {
            assert!(bad.parse::<UtcOffset>().is_err(), "{bad}");
        }
    }

    #[test]
    fn start_time_accepts_only_hh_mm_up_to_23_59() {
        assert_eq!("22:00".parse::<StartTime>().unwrap().to_string(), "22:00");
        for bad in ["24:00", "9:30", "12:60", "12:3"] {
            assert!(bad.parse::<StartTime>().is_err(), "{bad}");
        }
    }
}
