//! What exported scripts target, stored in the plan under `assumptions.export`: the `az` CLI
//! version (docs/aks-rules.md §5.1). Which flag needs which version is
//! `crate::rules::export::cli_version`.

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

/// Export settings stored in the plan's assumptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportSettings {
    /// The `az` CLI version the scripts must run on (default: the newest checked, 2.91).
    #[serde(default)]
    pub target_cli: CliVersion,
}
