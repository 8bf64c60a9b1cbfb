//! OS SKUs of a node pool (ARM `osSKU`) and what each supports (docs/aks-rules.md §1.2,
//! docs/aks-2026.md §1.1).
//!
//! The one place for OS SKU facts: [`lifecycle`] (retirement dates, the Kubernetes versions a
//! SKU runs on, preview status) and [`version`] (which OS version a pool runs at a given
//! Kubernetes version: the Ubuntu version follows the Kubernetes version). Which node OS channel
//! serves which SKU is the matrix in `behaviour::channel_support`.

pub mod lifecycle;
pub mod version;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// ARM `osType`: derived from the SKU, never stored separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum OsType {
    Linux,
    Windows,
}
crate::rules::variant::deserialize_by_name!(OsType { Linux = "Linux", Windows = "Windows" });

/// ARM `osSKU`. Deprecated spellings of Azure Linux (`CBLMariner`, `Mariner`, `AzureLinux3`)
/// are read as `AzureLinux`, because the planner's rules are the same for them. The versioned
/// Ubuntu SKUs are kept apart: they pin the Ubuntu version, `Ubuntu` follows the Kubernetes
/// version (docs/aks-2026.md §1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OsSku {
    /// The Ubuntu version follows the Kubernetes version (22.04 before 1.35, 24.04 from 1.35).
    Ubuntu,
    /// Ubuntu 22.04 pinned (Kubernetes 1.25–1.36).
    Ubuntu2204,
    /// Ubuntu 24.04 pinned (Kubernetes 1.32–1.38).
    Ubuntu2404,
    #[serde(alias = "AzureLinux3", alias = "CBLMariner", alias = "Mariner")]
    AzureLinux,
    /// Azure Linux with OS Guard (preview): immutable, no Unmanaged or SecurityPatch.
    AzureLinuxOSGuard,
    /// Azure Container Linux, Flatcar's successor: immutable `/usr`, NodeImage and None only.
    AzureContainerLinux,
    /// Flatcar Container Linux (preview), retired 2026-06-08.
    Flatcar,
    Windows2019,
    Windows2022,
    Windows2025,
}

impl OsSku {
    pub const ALL: [OsSku; 10] = [
        OsSku::Ubuntu,
        OsSku::Ubuntu2204,
        OsSku::Ubuntu2404,
        OsSku::AzureLinux,
        OsSku::AzureLinuxOSGuard,
        OsSku::AzureContainerLinux,
        OsSku::Flatcar,
        OsSku::Windows2019,
        OsSku::Windows2022,
        OsSku::Windows2025,
    ];

    /// The exact API value.
    pub fn as_str(self) -> &'static str {
        match self {
            OsSku::Ubuntu => "Ubuntu",
            OsSku::Ubuntu2204 => "Ubuntu2204",
            OsSku::Ubuntu2404 => "Ubuntu2404",
            OsSku::AzureLinux => "AzureLinux",
            OsSku::AzureLinuxOSGuard => "AzureLinuxOSGuard",
            OsSku::AzureContainerLinux => "AzureContainerLinux",
            OsSku::Flatcar => "Flatcar",
            OsSku::Windows2019 => "Windows2019",
            OsSku::Windows2022 => "Windows2022",
            OsSku::Windows2025 => "Windows2025",
        }
    }

    /// A name for people, e.g. in the behaviour panel.
    pub fn label(self) -> &'static str {
        match self {
            OsSku::Ubuntu => "Ubuntu",
            OsSku::Ubuntu2204 => "Ubuntu 22.04 (pinned)",
            OsSku::Ubuntu2404 => "Ubuntu 24.04 (pinned)",
            OsSku::AzureLinux => "Azure Linux",
            OsSku::AzureLinuxOSGuard => "Azure Linux with OS Guard",
            OsSku::AzureContainerLinux => "Azure Container Linux",
            OsSku::Flatcar => "Flatcar Container Linux",
            OsSku::Windows2019 => "Windows Server 2019",
            OsSku::Windows2022 => "Windows Server 2022",
            OsSku::Windows2025 => "Windows Server 2025",
        }
    }

    pub fn os_type(self) -> OsType {
        match self {
            OsSku::Windows2019 | OsSku::Windows2022 | OsSku::Windows2025 => OsType::Windows,
            _ => OsType::Linux,
        }
    }

    pub fn is_windows(self) -> bool {
        self.os_type() == OsType::Windows
    }

    /// Ubuntu, in any of its three SKUs.
    pub fn is_ubuntu(self) -> bool {
        matches!(self, OsSku::Ubuntu | OsSku::Ubuntu2204 | OsSku::Ubuntu2404)
    }

    /// An image whose `/usr` is read-only: AKS serves it only with NodeImage and None
    /// (docs/aks-2026.md §1.1).
    pub fn is_immutable(self) -> bool {
        matches!(
            self,
            OsSku::AzureLinuxOSGuard | OsSku::AzureContainerLinux | OsSku::Flatcar
        )
    }
}

impl fmt::Display for OsSku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown OS SKU {0:?}: use Ubuntu, Ubuntu2204, Ubuntu2404, AzureLinux, AzureLinuxOSGuard, AzureContainerLinux, Flatcar, Windows2019, Windows2022 or Windows2025"
)]
pub struct UnknownOsSku(pub String);

impl FromStr for OsSku {
    type Err = UnknownOsSku;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|o| o.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownOsSku(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_skus_are_windows_and_the_rest_linux() {
        assert!(OsSku::Windows2025.is_windows());
        assert!(!OsSku::Flatcar.is_windows());
    }

    #[test]
    fn deprecated_spellings_read_as_their_family() {
        let sku: OsSku = serde_json::from_str("\"CBLMariner\"").unwrap();
        assert_eq!(sku, OsSku::AzureLinux);
    }

    #[test]
    fn azure_container_linux_and_the_versioned_ubuntus_are_their_own_skus() {
        // docs/aks-2026.md §1.1: AzureContainerLinux is Flatcar's successor, not Flatcar; the
        // versioned Ubuntu SKUs pin the OS version.
        for (json, sku) in [
            ("\"AzureContainerLinux\"", OsSku::AzureContainerLinux),
            ("\"Ubuntu2204\"", OsSku::Ubuntu2204),
            ("\"Ubuntu2404\"", OsSku::Ubuntu2404),
            ("\"Flatcar\"", OsSku::Flatcar),
        ] {
            assert_eq!(serde_json::from_str::<OsSku>(json).unwrap(), sku);
            assert_eq!(serde_json::to_string(&sku).unwrap(), json);
        }
        assert_eq!(
            "azurecontainerlinux".parse(),
            Ok(OsSku::AzureContainerLinux)
        );
    }
}
