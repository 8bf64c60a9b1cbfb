//! Serialized shapes of maintenance configurations (REST API ≥ 2023-05-01, docs/aks-rules.md
//! §3.2–3.3).

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

/// The three configuration names AKS accepts (docs/aks-rules.md §3.1), case-sensitive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConfigName {
    /// AKS weekly releases (control plane components, add-ons).
    #[serde(rename = "default")]
    Default,
    /// Cluster auto-upgrade (`upgradeChannel`).
    #[serde(rename = "aksManagedAutoUpgradeSchedule")]
    AutoUpgrade,
    /// Node OS auto-upgrade (`nodeOSUpgradeChannel`).
    #[serde(rename = "aksManagedNodeOSUpgradeSchedule")]
    NodeOs,
}

impl ConfigName {
    pub const ALL: [ConfigName; 3] = [
        ConfigName::Default,
        ConfigName::AutoUpgrade,
        ConfigName::NodeOs,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConfigName::Default => "default",
            ConfigName::AutoUpgrade => "aksManagedAutoUpgradeSchedule",
            ConfigName::NodeOs => "aksManagedNodeOSUpgradeSchedule",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ConfigName::Default => "AKS releases (default)",
            ConfigName::AutoUpgrade => "Cluster auto-upgrade",
            ConfigName::NodeOs => "Node OS upgrade",
        }
    }
}

impl fmt::Display for ConfigName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Errors in the *shape* of a maintenance configuration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MaintenanceError {
    #[error(
        "utcOffset {0:?} must look like +05:30 or -08:00 (sign, two-digit hours, colon, two-digit minutes)"
    )]
    BadOffset(String),
    #[error("startTime {0:?} must be HH:mm between 00:00 and 23:59, e.g. 22:00")]
    BadTime(String),
    #[error(
        "schedule must have exactly one of daily, weekly, absoluteMonthly or relativeMonthly; found {0}"
    )]
    ScheduleCount(usize),
    #[error(
        "maintenance configuration name {0:?} is not allowed: AKS accepts only default, aksManagedAutoUpgradeSchedule and aksManagedNodeOSUpgradeSchedule"
    )]
    BadName(String),
    #[error("maintenance configuration {0} appears twice; keep one")]
    Duplicate(ConfigName),
    #[error("{0} needs a maintenanceWindow")]
    MissingWindow(ConfigName),
    #[error("the default configuration needs either maintenanceWindow or timeInWeek")]
    EmptyDefault,
}

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DayOfWeek {
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
}

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WeekIndex {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

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

/// The recurrence: exactly one of the four API sub-objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawSchedule", into = "RawSchedule")]
pub enum Schedule {
    /// Every `interval_days` days (API 1–7).
    Daily { interval_days: u32 },
    /// Every `interval_weeks` weeks (API 1–4) on `day_of_week`.
    Weekly {
        interval_weeks: u32,
        day_of_week: DayOfWeek,
    },
    /// Every `interval_months` months (API 1–6) on `day_of_month` (API 1–31).
    AbsoluteMonthly {
        interval_months: u32,
        day_of_month: u32,
    },
    /// Every `interval_months` months (API 1–6) on the `week_index`-th `day_of_week`.
    RelativeMonthly {
        interval_months: u32,
        week_index: WeekIndex,
        day_of_week: DayOfWeek,
    },
}

impl Schedule {
    /// The API's `--schedule-type` name.
    pub fn type_name(&self) -> &'static str {
        match self {
            Schedule::Daily { .. } => "Daily",
            Schedule::Weekly { .. } => "Weekly",
            Schedule::AbsoluteMonthly { .. } => "AbsoluteMonthly",
            Schedule::RelativeMonthly { .. } => "RelativeMonthly",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawSchedule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    daily: Option<RawDaily>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weekly: Option<RawWeekly>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    absolute_monthly: Option<RawAbsoluteMonthly>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relative_monthly: Option<RawRelativeMonthly>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawDaily {
    interval_days: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawWeekly {
    interval_weeks: u32,
    day_of_week: DayOfWeek,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawAbsoluteMonthly {
    interval_months: u32,
    day_of_month: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawRelativeMonthly {
    interval_months: u32,
    week_index: WeekIndex,
    day_of_week: DayOfWeek,
}

impl TryFrom<RawSchedule> for Schedule {
    type Error = MaintenanceError;
    fn try_from(raw: RawSchedule) -> Result<Self, Self::Error> {
        let mut found = Vec::new();
        if let Some(d) = raw.daily {
            found.push(Schedule::Daily {
                interval_days: d.interval_days,
            });
        }
        if let Some(w) = raw.weekly {
            found.push(Schedule::Weekly {
                interval_weeks: w.interval_weeks,
                day_of_week: w.day_of_week,
            });
        }
        if let Some(a) = raw.absolute_monthly {
            found.push(Schedule::AbsoluteMonthly {
                interval_months: a.interval_months,
                day_of_month: a.day_of_month,
            });
        }
        if let Some(r) = raw.relative_monthly {
            found.push(Schedule::RelativeMonthly {
                interval_months: r.interval_months,
                week_index: r.week_index,
                day_of_week: r.day_of_week,
            });
        }
        match found.as_slice() {
            [one] => Ok(*one),
            _ => Err(MaintenanceError::ScheduleCount(found.len())),
        }
    }
}

impl From<Schedule> for RawSchedule {
    fn from(s: Schedule) -> Self {
        let mut raw = RawSchedule::default();
        match s {
            Schedule::Daily { interval_days } => raw.daily = Some(RawDaily { interval_days }),
            Schedule::Weekly {
                interval_weeks,
                day_of_week,
            } => {
                raw.weekly = Some(RawWeekly {
                    interval_weeks,
                    day_of_week,
                })
            }
            Schedule::AbsoluteMonthly {
                interval_months,
                day_of_month,
            } => {
                raw.absolute_monthly = Some(RawAbsoluteMonthly {
                    interval_months,
                    day_of_month,
                })
            }
            Schedule::RelativeMonthly {
                interval_months,
                week_index,
                day_of_week,
            } => {
                raw.relative_monthly = Some(RawRelativeMonthly {
                    interval_months,
                    week_index,
                    day_of_week,
                })
            }
        }
        raw
    }
}

/// `DateSpan`: a blackout from `start` to `end`, both local dates, `end` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// `maintenanceWindow` (docs/aks-rules.md §3.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MaintenanceWindow {
    pub schedule: Schedule,
    /// Hours, API 4–24.
    pub duration_hours: u32,
    /// Defaults to `+00:00`.
    #[serde(default)]
    pub utc_offset: UtcOffset,
    /// Local date in `utc_offset`; `None` = active right away (API) / today (docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    pub start_time: StartTime,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_allowed_dates: Vec<DateSpan>,
}

/// Legacy `timeInWeek[]` entry: whole UTC hours `[h:00, h+1:00)` on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeInWeek {
    pub day: DayOfWeek,
    #[serde(alias = "hour_slots", default)]
    pub hour_slots: Vec<u32>,
}

/// The last hour slot: slots are UTC hours of the day, 0–23 (docs/aks-rules.md §3.3, A-21).
pub const LAST_HOUR_SLOT: u32 = 23;

impl TimeInWeek {
    /// This entry with only the slots that are hours of the day: what exports write, so a slot
    /// out of range (an error finding) never leaves the planner.
    pub fn hours_of_day(&self) -> TimeInWeek {
        TimeInWeek {
            day: self.day,
            hour_slots: self
                .hour_slots
                .iter()
                .copied()
                .filter(|h| *h <= LAST_HOUR_SLOT)
                .collect(),
        }
    }
}

/// Legacy `notAllowedTime[]` entry: RFC 3339 instants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeSpan {
    pub start: chrono::DateTime<chrono::Utc>,
    pub end: chrono::DateTime<chrono::Utc>,
}

/// The `default` configuration: the maintenanceWindow form, or the legacy form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefaultConfig {
    Window(MaintenanceWindow),
    Legacy {
        time_in_week: Vec<TimeInWeek>,
        not_allowed_time: Vec<TimeSpan>,
    },
}

/// A cluster's maintenance configurations: each of the three at most once.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "Vec<RawConfig>", into = "Vec<RawConfig>")]
pub struct MaintenanceConfigurations {
    pub default: Option<DefaultConfig>,
    pub auto_upgrade: Option<MaintenanceWindow>,
    pub node_os: Option<MaintenanceWindow>,
}

impl MaintenanceConfigurations {
    /// The maintenanceWindow of a configuration, if it has one.
    pub fn window(&self, name: ConfigName) -> Option<&MaintenanceWindow> {
        match name {
            ConfigName::Default => match &self.default {
                Some(DefaultConfig::Window(w)) => Some(w),
                _ => None,
            },
            ConfigName::AutoUpgrade => self.auto_upgrade.as_ref(),
            ConfigName::NodeOs => self.node_os.as_ref(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.default.is_none() && self.auto_upgrade.is_none() && self.node_os.is_none()
    }
}

/// One element of the list `az aks maintenanceconfiguration list -o json` prints (flattened
/// `properties`); the REST form with a `properties` wrapper is read too.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawConfig {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    maintenance_window: Option<MaintenanceWindow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    time_in_week: Vec<TimeInWeek>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    not_allowed_time: Vec<TimeSpan>,
    #[serde(default, skip_serializing)]
    properties: Option<Box<RawProperties>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawProperties {
    #[serde(default)]
    maintenance_window: Option<MaintenanceWindow>,
    #[serde(default)]
    time_in_week: Vec<TimeInWeek>,
    #[serde(default)]
    not_allowed_time: Vec<TimeSpan>,
}

impl TryFrom<Vec<RawConfig>> for MaintenanceConfigurations {
    type Error = MaintenanceError;
    fn try_from(raw: Vec<RawConfig>) -> Result<Self, Self::Error> {
        let mut out = MaintenanceConfigurations::default();
        for mut cfg in raw {
            if let Some(props) = cfg.properties.take() {
                cfg.maintenance_window = cfg.maintenance_window.or(props.maintenance_window);
                if cfg.time_in_week.is_empty() {
                    cfg.time_in_week = props.time_in_week;
                }
                if cfg.not_allowed_time.is_empty() {
                    cfg.not_allowed_time = props.not_allowed_time;
                }
            }
            let name = ConfigName::ALL
                .into_iter()
                .find(|n| n.as_str() == cfg.name)
                .ok_or_else(|| MaintenanceError::BadName(cfg.name.clone()))?;
            let taken = match name {
                ConfigName::Default => out.default.is_some(),
                ConfigName::AutoUpgrade => out.auto_upgrade.is_some(),
                ConfigName::NodeOs => out.node_os.is_some(),
            };
            if taken {
                return Err(MaintenanceError::Duplicate(name));
            }
            match name {
                ConfigName::Default => {
                    out.default = Some(match cfg.maintenance_window {
                        Some(w) => DefaultConfig::Window(w),
                        None if !cfg.time_in_week.is_empty() => DefaultConfig::Legacy {
                            time_in_week: cfg.time_in_week,
                            not_allowed_time: cfg.not_allowed_time,
                        },
                        None => return Err(MaintenanceError::EmptyDefault),
                    })
                }
                ConfigName::AutoUpgrade => {
                    out.auto_upgrade = Some(
                        cfg.maintenance_window
                            .ok_or(MaintenanceError::MissingWindow(name))?,
                    )
                }
                ConfigName::NodeOs => {
                    out.node_os = Some(
                        cfg.maintenance_window
                            .ok_or(MaintenanceError::MissingWindow(name))?,
                    )
                }
            }
        }
        Ok(out)
    }
}

impl From<MaintenanceConfigurations> for Vec<RawConfig> {
    fn from(c: MaintenanceConfigurations) -> Self {
        let mut out = Vec::new();
        let window = |name: ConfigName, w: MaintenanceWindow| RawConfig {
            name: name.as_str().to_owned(),
            maintenance_window: Some(w),
            time_in_week: Vec::new(),
            not_allowed_time: Vec::new(),
            properties: None,
        };
        match c.default {
            Some(DefaultConfig::Window(w)) => out.push(window(ConfigName::Default, w)),
            Some(DefaultConfig::Legacy {
                time_in_week,
                not_allowed_time,
            }) => out.push(RawConfig {
                name: ConfigName::Default.as_str().to_owned(),
                maintenance_window: None,
                time_in_week,
                not_allowed_time,
                properties: None,
            }),
            None => {}
        }
        if let Some(w) = c.auto_upgrade {
            out.push(window(ConfigName::AutoUpgrade, w));
        }
        if let Some(w) = c.node_os {
            out.push(window(ConfigName::NodeOs, w));
        }
        out
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

    #[test]
    fn az_output_with_null_schedule_kinds_reads_as_one_schedule() {
        let json = r#"[{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{
            "schedule":{"absoluteMonthly":null,"daily":null,"relativeMonthly":null,
                        "weekly":{"dayOfWeek":"Sunday","intervalWeeks":2}},
            "durationHours":6,"utcOffset":"+05:30","startDate":"2026-12-13","startTime":"22:00",
            "notAllowedDates":[{"start":"2026-12-23","end":"2027-01-03"}]}}]"#;
        let cfgs: MaintenanceConfigurations = serde_json::from_str(json).unwrap();
        let w = cfgs.node_os.unwrap();
        assert_eq!(
            w.schedule,
            Schedule::Weekly {
                interval_weeks: 2,
                day_of_week: DayOfWeek::Sunday
            }
        );
        assert_eq!(w.not_allowed_dates.len(), 1);
    }

    #[test]
    fn two_schedule_kinds_are_rejected() {
        let json =
            r#"{"daily":{"intervalDays":1},"weekly":{"intervalWeeks":1,"dayOfWeek":"Monday"}}"#;
        let err = serde_json::from_str::<Schedule>(json).unwrap_err();
        assert!(err.to_string().contains("exactly one"));
    }

    #[test]
    fn unknown_configuration_names_are_rejected_with_the_allowed_ones() {
        let json = r#"[{"name":"nightly","maintenanceWindow":null}]"#;
        let err = serde_json::from_str::<MaintenanceConfigurations>(json).unwrap_err();
        assert!(err.to_string().contains("aksManagedNodeOSUpgradeSchedule"));
    }

    #[test]
    fn rest_properties_wrapper_and_legacy_default_are_read() {
        let json = r#"[{"name":"default","properties":{"timeInWeek":[{"day":"Tuesday","hourSlots":[1,2]}],
            "notAllowedTime":[{"start":"2027-05-26T03:00:00Z","end":"2027-05-30T12:00:00Z"}]}}]"#;
        let cfgs: MaintenanceConfigurations = serde_json::from_str(json).unwrap();
        assert!(matches!(cfgs.default, Some(DefaultConfig::Legacy { .. })));
        let back = serde_json::to_string(&cfgs).unwrap();
        assert!(back.contains("\"timeInWeek\""));
        assert!(!back.contains("properties"));
    }
}
