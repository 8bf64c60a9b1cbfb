//! A `maintenanceWindow`, the legacy `default` form (`timeInWeek`, `notAllowedTime`) and a
//! cluster's configurations as `az aks maintenanceconfiguration list` prints them
//! (docs/aks-rules.md §3.1–3.3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ConfigName, DayOfWeek, MaintenanceError, Schedule, StartTime, UtcOffset};
use crate::rules::timeparse;

/// `DateSpan`: a blackout from `start` to `end`, both local dates, `end` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DateSpan {
    #[serde(deserialize_with = "timeparse::de_date")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "timeparse::de_date")]
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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "timeparse::de_date_opt"
    )]
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
    #[serde(deserialize_with = "timeparse::de_date_time")]
    pub start: chrono::DateTime<chrono::Utc>,
    #[serde(deserialize_with = "timeparse::de_date_time")]
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
