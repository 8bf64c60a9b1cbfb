//! The `az` CLI version an exported script targets, and which CLI release brought each flag
//! the export uses (docs/aks-rules.md §5.1, §1.6, §2 rule 9).

pub use crate::rules::assumptions::{CliVersion, CliVersionError, ExportSettings};

impl CliVersion {
    /// Whether this CLI has `feature`.
    pub fn supports(self, feature: CliFeature) -> bool {
        self >= feature.since()
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
