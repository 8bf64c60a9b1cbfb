//! Kubernetes versions as written in `kubernetesVersion` (`1.33` or `1.33.2`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct KubernetesVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: Option<u32>,
}

impl KubernetesVersion {
    pub fn new(major: u32, minor: u32, patch: Option<u32>) -> Self {
        KubernetesVersion {
            major,
            minor,
            patch,
        }
    }

    /// True when this version's minor is at least `major.minor`.
    pub fn at_least(self, major: u32, minor: u32) -> bool {
        (self.major, self.minor) >= (major, minor)
    }
}

impl fmt::Display for KubernetesVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.patch {
            Some(p) => write!(f, "{}.{}.{}", self.major, self.minor, p),
            None => write!(f, "{}.{}", self.major, self.minor),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a Kubernetes version: write MAJOR.MINOR or MAJOR.MINOR.PATCH, e.g. 1.33 or 1.33.2"
)]
pub struct VersionError(pub String);

impl FromStr for KubernetesVersion {
    type Err = VersionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || VersionError(s.to_owned());
        let trimmed = s.trim().trim_start_matches('v');
        let parts: Vec<&str> = trimmed.split('.').collect();
        let number = |p: &str| -> Result<u32, VersionError> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            p.parse().map_err(|_| err())
        };
        match parts.as_slice() {
            [major, minor] => Ok(KubernetesVersion::new(number(major)?, number(minor)?, None)),
            [major, minor, patch] => Ok(KubernetesVersion::new(
                number(major)?,
                number(minor)?,
                Some(number(patch)?),
            )),
            _ => Err(err()),
        }
    }
}

impl TryFrom<String> for KubernetesVersion {
    type Error = VersionError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<KubernetesVersion> for String {
    fn from(v: KubernetesVersion) -> String {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_with_and_without_patch() {
        assert_eq!("1.33".parse(), Ok(KubernetesVersion::new(1, 33, None)));
        assert_eq!("1.32.4".parse(), Ok(KubernetesVersion::new(1, 32, Some(4))));
        assert!("1.x".parse::<KubernetesVersion>().is_err());
        assert!("1".parse::<KubernetesVersion>().is_err());
    }

    #[test]
    fn at_least_compares_minor_versions() {
        let v: KubernetesVersion = "1.32.1".parse().unwrap();
        assert!(v.at_least(1, 32));
        assert!(!v.at_least(1, 33));
    }
}
