//! Which OS version a pool runs at a Kubernetes version (docs/aks-2026.md §1.1): the versioned
//! Ubuntu SKUs pin it; `Ubuntu` follows the Kubernetes version (22.04 up to 1.34, 24.04 from
//! 1.35), so a Kubernetes upgrade across 1.35 moves a pool to another Ubuntu version. Sources
//! disagree on 1.35 itself (docs/aks-2026.md §1.9 item 2): the reading says so.

use std::fmt;

use super::OsSku;
use crate::rules::conflicts::{SourceConflict, UBUNTU_AT_1_35};
use crate::rules::version::KubernetesVersion;

/// An Ubuntu release AKS builds node images for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UbuntuVersion {
    V2204,
    V2404,
}

impl fmt::Display for UbuntuVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UbuntuVersion::V2204 => "Ubuntu 22.04",
            UbuntuVersion::V2404 => "Ubuntu 24.04",
        })
    }
}

/// The first minor on which `osSKU: Ubuntu` means 24.04 (CL 2026-01-04).
pub const UBUNTU_2404_FROM: (u32, u32) = (1, 35);

/// The Ubuntu version a pool of `sku` runs on Kubernetes `k`, with the source conflict the
/// reading rests on, if any; `None` for non-Ubuntu SKUs.
pub fn ubuntu_version(
    sku: OsSku,
    k: KubernetesVersion,
) -> Option<(UbuntuVersion, Option<SourceConflict>)> {
    match sku {
        OsSku::Ubuntu2204 => Some((UbuntuVersion::V2204, None)),
        OsSku::Ubuntu2404 => Some((UbuntuVersion::V2404, None)),
        OsSku::Ubuntu if (k.major, k.minor) == UBUNTU_2404_FROM => {
            Some((UbuntuVersion::V2404, Some(UBUNTU_AT_1_35)))
        }
        OsSku::Ubuntu if (k.major, k.minor) > UBUNTU_2404_FROM => {
            Some((UbuntuVersion::V2404, None))
        }
        OsSku::Ubuntu => Some((UbuntuVersion::V2204, None)),
        _ => None,
    }
}

/// A Kubernetes upgrade that moves a pool to another OS version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OsVersionChange {
    pub from: UbuntuVersion,
    pub to: UbuntuVersion,
    /// The reading of either end rests on a source conflict.
    pub conflict: Option<SourceConflict>,
}

impl OsVersionChange {
    /// "Ubuntu 22.04 → Ubuntu 24.04"
    pub fn label(&self) -> String {
        format!("{} → {}", self.from, self.to)
    }
}

/// The OS version move of a pool of `sku` upgraded from Kubernetes `from` to `to`, if any.
pub fn os_version_change(
    sku: OsSku,
    from: KubernetesVersion,
    to: KubernetesVersion,
) -> Option<OsVersionChange> {
    let (a, ca) = ubuntu_version(sku, from)?;
    let (b, cb) = ubuntu_version(sku, to)?;
    (a != b).then_some(OsVersionChange {
        from: a,
        to: b,
        conflict: ca.or(cb),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> KubernetesVersion {
        s.parse().unwrap()
    }

    #[test]
    fn ubuntu_follows_the_kubernetes_version_and_the_versioned_skus_pin_it() {
        // docs/aks-2026.md §1.1: 24.04 is the default from 1.35.
        let table = [
            (OsSku::Ubuntu, "1.34.5", UbuntuVersion::V2204),
            (OsSku::Ubuntu, "1.35", UbuntuVersion::V2404),
            (OsSku::Ubuntu, "1.37.1", UbuntuVersion::V2404),
            (OsSku::Ubuntu2204, "1.36", UbuntuVersion::V2204),
            (OsSku::Ubuntu2404, "1.32", UbuntuVersion::V2404),
        ];
        for (sku, k, want) in table {
            assert_eq!(
                ubuntu_version(sku, v(k)).map(|r| r.0),
                Some(want),
                "{sku} {k}"
            );
        }
        assert_eq!(ubuntu_version(OsSku::AzureLinux, v("1.35")), None);
    }

    #[test]
    fn the_reading_at_1_35_carries_the_source_conflict() {
        // docs/aks-2026.md §1.9 item 2.
        let (_, conflict) = ubuntu_version(OsSku::Ubuntu, v("1.35.0")).unwrap();
        assert_eq!(conflict, Some(UBUNTU_AT_1_35));
        assert_eq!(ubuntu_version(OsSku::Ubuntu, v("1.36")).unwrap().1, None);
    }

    #[test]
    fn an_upgrade_across_1_35_moves_an_ubuntu_pool_and_nothing_else() {
        let change = os_version_change(OsSku::Ubuntu, v("1.34.3"), v("1.35")).unwrap();
        assert_eq!(change.label(), "Ubuntu 22.04 → Ubuntu 24.04");
        assert!(change.conflict.is_some());
        assert_eq!(os_version_change(OsSku::Ubuntu, v("1.35"), v("1.36")), None);
        assert_eq!(
            os_version_change(OsSku::Ubuntu2204, v("1.34"), v("1.35")),
            None
        );
        assert_eq!(
            os_version_change(OsSku::AzureLinux, v("1.34"), v("1.35")),
            None
        );
    }
}
