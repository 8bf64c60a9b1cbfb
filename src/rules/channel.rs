//! The two cluster-level upgrade channels, spelled exactly as the AKS API spells them
//! (docs/aks-rules.md §0.1): `nodeOSUpgradeChannel` is PascalCase, `upgradeChannel` is lower case.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// `properties.autoUpgradeProfile.nodeOSUpgradeChannel` (docs/aks-rules.md §1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum NodeOsChannel {
    /// AKS applies nothing and the OS updater is off: the customer owns patching.
    None,
    /// The OS's own updater patches nightly (~06:00 UTC); AKS does not reboot.
    Unmanaged,
    /// AKS-tested security patches, mostly live, reimage only when needed.
    SecurityPatch,
    /// A rolling reimage onto the newest AKS node image.
    NodeImage,
}
crate::rules::variant::deserialize_by_name!(NodeOsChannel { None = "None", Unmanaged = "Unmanaged", SecurityPatch = "SecurityPatch", NodeImage = "NodeImage" });

impl NodeOsChannel {
    pub const ALL: [NodeOsChannel; 4] = [
        NodeOsChannel::None,
        NodeOsChannel::Unmanaged,
        NodeOsChannel::SecurityPatch,
        NodeOsChannel::NodeImage,
    ];

    /// The exact API value.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeOsChannel::None => "None",
            NodeOsChannel::Unmanaged => "Unmanaged",
            NodeOsChannel::SecurityPatch => "SecurityPatch",
            NodeOsChannel::NodeImage => "NodeImage",
        }
    }

    /// Whether AKS schedules this channel's work in `aksManagedNodeOSUpgradeSchedule`
    /// (docs/aks-rules.md §3.1: `Unmanaged` and `None` ignore that window).
    pub fn uses_maintenance_window(self) -> bool {
        matches!(
            self,
            NodeOsChannel::SecurityPatch | NodeOsChannel::NodeImage
        )
    }
}

/// `properties.autoUpgradeProfile.upgradeChannel` (docs/aks-rules.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UpgradeChannel {
    /// No automatic Kubernetes upgrades (the API default).
    None,
    /// Latest patch of the current minor version.
    Patch,
    /// Latest patch of minor N-1.
    Stable,
    /// Latest patch of the newest minor.
    Rapid,
    /// Legacy: node image only; forces `nodeOSUpgradeChannel = NodeImage`.
    NodeImage,
}
crate::rules::variant::deserialize_by_name!(UpgradeChannel { None = "none", Patch = "patch", Stable = "stable", Rapid = "rapid", NodeImage = "node-image" });

impl UpgradeChannel {
    pub const ALL: [UpgradeChannel; 5] = [
        UpgradeChannel::None,
        UpgradeChannel::Patch,
        UpgradeChannel::Stable,
        UpgradeChannel::Rapid,
        UpgradeChannel::NodeImage,
    ];

    /// The exact API value.
    pub fn as_str(self) -> &'static str {
        match self {
            UpgradeChannel::None => "none",
            UpgradeChannel::Patch => "patch",
            UpgradeChannel::Stable => "stable",
            UpgradeChannel::Rapid => "rapid",
            UpgradeChannel::NodeImage => "node-image",
        }
    }
}

/// A channel value that is not one of the API's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChannelError {
    #[error(
        "unknown node OS upgrade channel {0:?}: use None, Unmanaged, SecurityPatch or NodeImage"
    )]
    UnknownNodeOs(String),
    #[error("unknown auto-upgrade channel {0:?}: use none, patch, stable, rapid or node-image")]
    UnknownUpgrade(String),
}

impl FromStr for NodeOsChannel {
    type Err = ChannelError;
    /// Case-insensitive, as the CLI accepts it; [`NodeOsChannel::as_str`] gives canonical casing.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ChannelError::UnknownNodeOs(s.to_owned()))
    }
}

impl FromStr for UpgradeChannel {
    type Err = ChannelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ChannelError::UnknownUpgrade(s.to_owned()))
    }
}

impl fmt::Display for NodeOsChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for UpgradeChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `autoUpgradeProfile` as ARM shapes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AutoUpgradeProfile {
    /// Defaults to `none` (SDK docstring, D-AUC).
    #[serde(default = "default_upgrade_channel")]
    pub upgrade_channel: UpgradeChannel,
    /// Defaults to `NodeImage` for clusters created with API ≥ 2023-06-01 (docs/aks-rules.md §1.5).
    /// `az aks show` prints the key as `nodeOsUpgradeChannel`; both spellings are read.
    #[serde(
        rename = "nodeOSUpgradeChannel",
        alias = "nodeOsUpgradeChannel",
        default = "default_node_os_channel"
    )]
    pub node_os_upgrade_channel: NodeOsChannel,
}

fn default_upgrade_channel() -> UpgradeChannel {
    UpgradeChannel::None
}

fn default_node_os_channel() -> NodeOsChannel {
    NodeOsChannel::NodeImage
}

impl Default for AutoUpgradeProfile {
    fn default() -> Self {
        AutoUpgradeProfile {
            upgrade_channel: default_upgrade_channel(),
            node_os_upgrade_channel: default_node_os_channel(),
        }
    }
}

/// The order the two channels are set in (docs/aks-rules.md §2 rule 1: while `upgradeChannel` is
/// `node-image`, AKS keeps the node OS channel at `NodeImage` and refuses to change it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelOrder {
    /// One `az aks update` sets both.
    Together,
    /// Leave `node-image` first (`--auto-upgrade-channel`), then change the node OS channel.
    ClusterChannelFirst,
    /// Set the node OS channel to `NodeImage` first, then enter `node-image`.
    NodeOsChannelFirst,
}

impl ChannelOrder {
    /// The safe order to go from `current` (the live cluster's channels, when known) to
    /// `planned`: two steps whenever the node OS channel changes while `node-image`
    /// is (or, with the live channels unknown, may be) set before or after.
    pub fn of(planned: AutoUpgradeProfile, current: Option<AutoUpgradeProfile>) -> ChannelOrder {
        if planned.upgrade_channel == UpgradeChannel::NodeImage {
            // Entering node-image: its node OS channel must already be NodeImage.
            match current {
                Some(cur) if cur.node_os_upgrade_channel == NodeOsChannel::NodeImage => {
                    ChannelOrder::Together
                }
                _ => ChannelOrder::NodeOsChannelFirst,
            }
        } else if planned.node_os_upgrade_channel == NodeOsChannel::NodeImage {
            // node-image already implies NodeImage: the node OS channel does not change.
            ChannelOrder::Together
        } else {
            match current {
                Some(cur) if cur.upgrade_channel != UpgradeChannel::NodeImage => {
                    ChannelOrder::Together
                }
                _ => ChannelOrder::ClusterChannelFirst,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_parse_case_insensitively_and_print_canonically() {
        assert_eq!("securitypatch".parse(), Ok(NodeOsChannel::SecurityPatch));
        assert_eq!(NodeOsChannel::SecurityPatch.to_string(), "SecurityPatch");
        assert_eq!("Node-Image".parse(), Ok(UpgradeChannel::NodeImage));
        assert_eq!(UpgradeChannel::NodeImage.to_string(), "node-image");
    }

    #[test]
    fn an_unknown_channel_names_the_allowed_values() {
        let err = "Weekly".parse::<NodeOsChannel>().unwrap_err();
        assert!(err.to_string().contains("SecurityPatch"));
    }

    #[test]
    fn auto_upgrade_profile_reads_the_cli_spelling_and_writes_the_arm_one() {
        let p: AutoUpgradeProfile = serde_json::from_str(
            r#"{"upgradeChannel":"patch","nodeOsUpgradeChannel":"SecurityPatch"}"#,
        )
        .unwrap();
        assert_eq!(p.node_os_upgrade_channel, NodeOsChannel::SecurityPatch);
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains("\"nodeOSUpgradeChannel\":\"SecurityPatch\""));
    }
}
