//! Serialized shapes of maintenance configurations (REST API ≥ 2023-05-01, docs/aks-rules.md
//! §3.2–3.3).
//!
//! One file per concept: [`values`] (the field value types: offset, start time, day, week
//! index), [`schedule`] (the recurrence object), [`configs`] (the window, the legacy `default`
//! form and a cluster's set of configurations as `az` prints them). The names and the shape
//! errors they share are here.

use std::fmt;

use serde::{Deserialize, Serialize};

mod configs;
mod schedule;
mod values;

pub use configs::*;
pub use schedule::*;
pub use values::*;

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
