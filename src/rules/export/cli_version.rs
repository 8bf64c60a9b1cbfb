//! The `az` CLI version an exported script targets, and which CLI release brought each flag
//! the export uses (docs/aks-rules.md §5.1, §1.6, §2 rule 9).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A core azure-cli release, `MAJOR.MINOR` (the patch level never changes a flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CliVersion {
    pub major: u32,
    pub minor: u32,
}

impl CliVersion {
    /// The newest CLI checked in docs/aks-rules.md §5.1 (2.91.0).
    pub const CURRENT: CliVersion = CliVersion::new(2, 91);

    pub const fn new(major: u32, minor: u32) -> Self {
        CliVersion { major, minor }
    }

    /// Whether this CLI has `feature`.
    pub fn supports(self, feature: CliFeature) -> bool {
        self >= feature.since()
    }
}

impl Default for CliVersion {
    fn default() -> Self {
        CliVersion::CURRENT
    }
}

impl fmt::Display for CliVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not an az CLI version: write MAJOR.MINOR or MAJOR.MINOR.PATCH, e.g. 2.91 or 2.61.0"
)]
pub struct CliVersionError(pub String);

impl FromStr for CliVersion {
    type Err = CliVersionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || CliVersionError(s.to_owned());
        let number = |p: &str| -> Result<u32, CliVersionError> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            p.parse().map_err(|_| err())
        };
        let parts: Vec<&str> = s.trim().split('.').collect();
        match parts.as_slice() {
            [major, minor] | [major, minor, _] => {
                if let [_, _, patch] = parts.as_slice() {
                    number(patch)?;
                }
                Ok(CliVersion::new(number(major)?, number(minor)?))
            }
            _ => Err(err()),
        }
    }
}

impl TryFrom<String> for CliVersion {
    type Error = CliVersionError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<CliVersion> for String {
    fn from(v: CliVersion) -> String {
        v.to_string()
    }
}

/// A CLI capability the export depends on, with the core release that introduced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CliFeature {
    /// `az aks maintenanceconfiguration add --schedule-type …` (the maintenanceWindow form).
    MaintenanceWindowFlags,
    /// `az aks update --node-os-upgrade-channel`.
    NodeOsChannelFlag,
    /// `--drain-timeout` on `az aks nodepool update`.
    DrainTimeout,
    /// `--node-soak-duration`.
    NodeSoakDuration,
    /// `SecurityPatch` as a node OS channel without the preview feature flag.
    SecurityPatch,
    /// `az aks update --auto-upgrade-channel none` prompts unless `--yes` (§2 rule 9).
    AutoUpgradeNonePrompts,
    /// `--max-unavailable`.
    MaxUnavailable,
    /// `--undrainable-node-behavior`.
    UndrainableNodeBehavior,
    /// `-n default --schedule-type Weekly` (before, `default` needed `--config-file`).
    DefaultWeeklyFlags,
}

impl CliFeature {
    /// The first core CLI release with this feature (docs/aks-rules.md §5.1).
    pub fn since(self) -> CliVersion {
        match self {
            CliFeature::MaintenanceWindowFlags => CliVersion::new(2, 51),
            CliFeature::NodeOsChannelFlag => CliVersion::new(2, 52),
            CliFeature::DrainTimeout => CliVersion::new(2, 54),
            CliFeature::NodeSoakDuration => CliVersion::new(2, 57),
            CliFeature::SecurityPatch => CliVersion::new(2, 61),
            CliFeature::AutoUpgradeNonePrompts => CliVersion::new(2, 73),
            CliFeature::MaxUnavailable | CliFeature::UndrainableNodeBehavior => {
                CliVersion::new(2, 74)
            }
            CliFeature::DefaultWeeklyFlags => CliVersion::new(2, 89),
        }
    }

    /// The flag or value, for notes.
    pub fn label(self) -> &'static str {
        match self {
            CliFeature::MaintenanceWindowFlags => "az aks maintenanceconfiguration --schedule-type",
            CliFeature::NodeOsChannelFlag => "az aks update --node-os-upgrade-channel",
            CliFeature::DrainTimeout => "--drain-timeout",
            CliFeature::NodeSoakDuration => "--node-soak-duration",
            CliFeature::SecurityPatch => "--node-os-upgrade-channel SecurityPatch",
            CliFeature::AutoUpgradeNonePrompts => "the --auto-upgrade-channel none prompt",
            CliFeature::MaxUnavailable => "--max-unavailable",
            CliFeature::UndrainableNodeBehavior => "--undrainable-node-behavior",
            CliFeature::DefaultWeeklyFlags => "-n default --schedule-type Weekly",
        }
    }
}

/// Export settings stored in the plan's assumptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportSettings {
    /// The `az` CLI version the scripts must run on (default: the newest checked, 2.91).
    #[serde(default)]
    pub target_cli: CliVersion,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_with_or_without_patch_and_print_major_minor() {
        assert_eq!("2.61.0".parse(), Ok(CliVersion::new(2, 61)));
        assert_eq!("2.9".parse::<CliVersion>().unwrap().to_string(), "2.9");
        for bad in ["2", "2.x", "", "2.61.0.1", "v2.61"] {
            assert!(bad.parse::<CliVersion>().is_err(), "{bad}");
        }
    }

    #[test]
    fn versions_compare_numerically_not_textually() {
        assert!(CliVersion::new(2, 9) < CliVersion::new(2, 61));
        assert!(CliVersion::new(2, 61).supports(CliFeature::SecurityPatch));
        assert!(!CliVersion::new(2, 60).supports(CliFeature::SecurityPatch));
    }

    #[test]
    fn the_default_target_is_the_newest_checked_cli() {
        let s: ExportSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(s.target_cli, CliVersion::new(2, 91));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"targetCli":"2.91"}"#);
    }
}
