//! OS SKUs of a node pool (ARM `osSKU`) and what each supports (docs/aks-rules.md §1.2).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// ARM `osType`: derived from the SKU, never stored separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OsType {
    Linux,
    Windows,
}

/// ARM `osSKU`. Deprecated spellings (`CBLMariner`, `Mariner`, `AzureLinux3`, `Ubuntu2204`, …)
/// are read as the family they belong to, because the planner's rules are per family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OsSku {
    #[serde(alias = "Ubuntu2204", alias = "Ubuntu2404")]
    Ubuntu,
    #[serde(alias = "AzureLinux3", alias = "CBLMariner", alias = "Mariner")]
    AzureLinux,
    /// Azure Linux with OS Guard: immutable, no Unmanaged or SecurityPatch.
    AzureLinuxOSGuard,
    #[serde(alias = "AzureContainerLinux")]
    Flatcar,
    Windows2019,
    Windows2022,
    Windows2025,
}

impl OsSku {
    pub const ALL: [OsSku; 7] = [
        OsSku::Ubuntu,
        OsSku::AzureLinux,
        OsSku::AzureLinuxOSGuard,
        OsSku::Flatcar,
        OsSku::Windows2019,
        OsSku::Windows2022,
        OsSku::Windows2025,
    ];

    /// The exact API value.
    pub fn as_str(self) -> &'static str {
        match self {
            OsSku::Ubuntu => "Ubuntu",
            OsSku::AzureLinux => "AzureLinux",
            OsSku::AzureLinuxOSGuard => "AzureLinuxOSGuard",
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
            OsSku::AzureLinux => "Azure Linux",
            OsSku::AzureLinuxOSGuard => "Azure Linux with OS Guard",
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
}

impl fmt::Display for OsSku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown OS SKU {0:?}: use Ubuntu, AzureLinux, AzureLinuxOSGuard, Flatcar, Windows2019, Windows2022 or Windows2025"
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
}
