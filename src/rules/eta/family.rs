//! Which node image family a pool runs: its OS SKU plus the cluster's Kubernetes version
//! (docs/aks-2026.md §1.1). The one place this mapping lives.

use super::history::ImageFamily;
use crate::rules::os::OsSku;
use crate::rules::os::version::{UbuntuVersion, ubuntu_version};
use crate::rules::version::KubernetesVersion;

/// Why a pool's family has no release history to project from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NoFamily {
    #[error("set the cluster's Kubernetes version: the Ubuntu version (22.04 or 24.04) follows it")]
    UbuntuNeedsVersion,
    #[error(
        "set the cluster's Kubernetes version: Azure Linux 2.0 or 3 follows it (3 from Kubernetes 1.32)"
    )]
    AzureLinuxNeedsVersion,
    #[error(
        "Azure Container Linux (Flatcar) images have no public release notes in Azure/AKS vhd-notes, so there is no history to project from"
    )]
    ContainerLinux,
    #[error(
        "Azure Linux with OS Guard images have no public release notes of their own in Azure/AKS vhd-notes, so there is no history to project from"
    )]
    OsGuard,
}

/// The image family of a pool with OS SKU `sku` on Kubernetes `version`. Ubuntu is 24.04 from
/// Kubernetes 1.35 and 22.04 before (docs/aks-2026.md §1.1); Azure Linux is 3 from 1.32 and
/// 2.0 before.
pub fn image_family(
    sku: OsSku,
    version: Option<KubernetesVersion>,
) -> Result<ImageFamily, NoFamily> {
    match sku {
        // A pinned SKU runs its own version; `Ubuntu` follows the Kubernetes version, read by
        // the one function that knows it (os::version::ubuntu_version).
        OsSku::Ubuntu2204 => Ok(ImageFamily::Ubuntu2204),
        OsSku::Ubuntu2404 => Ok(ImageFamily::Ubuntu2404),
        OsSku::Ubuntu => match version.and_then(|v| ubuntu_version(sku, v)) {
            Some((UbuntuVersion::V2404, _)) => Ok(ImageFamily::Ubuntu2404),
            Some((UbuntuVersion::V2204, _)) => Ok(ImageFamily::Ubuntu2204),
            None => Err(NoFamily::UbuntuNeedsVersion),
        },
        OsSku::AzureLinux => match version {
            Some(v) if v.at_least(1, 32) => Ok(ImageFamily::AzureLinux3),
            Some(_) => Ok(ImageFamily::AzureLinux2),
            None => Err(NoFamily::AzureLinuxNeedsVersion),
        },
        OsSku::AzureLinuxOSGuard => Err(NoFamily::OsGuard),
        OsSku::Flatcar | OsSku::AzureContainerLinux => Err(NoFamily::ContainerLinux),
        OsSku::Windows2019 => Ok(ImageFamily::Windows2019),
        OsSku::Windows2022 => Ok(ImageFamily::Windows2022),
        OsSku::Windows2025 => Ok(ImageFamily::Windows2025),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ubuntu_follows_the_kubernetes_version_from_1_35() {
        let v = |m| Some(KubernetesVersion::new(1, m, None));
        assert_eq!(
            image_family(OsSku::Ubuntu, v(34)),
            Ok(ImageFamily::Ubuntu2204)
        );
        assert_eq!(
            image_family(OsSku::Ubuntu, v(35)),
            Ok(ImageFamily::Ubuntu2404)
        );
        assert_eq!(
            image_family(OsSku::AzureLinux, v(31)),
            Ok(ImageFamily::AzureLinux2)
        );
        assert_eq!(
            image_family(OsSku::AzureLinux, v(32)),
            Ok(ImageFamily::AzureLinux3)
        );
        assert_eq!(
            image_family(OsSku::Windows2025, None),
            Ok(ImageFamily::Windows2025)
        );
        assert_eq!(
            image_family(OsSku::Flatcar, v(34)),
            Err(NoFamily::ContainerLinux)
        );
        assert_eq!(
            image_family(OsSku::AzureContainerLinux, v(35)),
            Err(NoFamily::ContainerLinux)
        );
        // Pinned Ubuntu SKUs keep their version whatever the Kubernetes version.
        assert_eq!(
            image_family(OsSku::Ubuntu2204, v(35)),
            Ok(ImageFamily::Ubuntu2204)
        );
        assert_eq!(
            image_family(OsSku::Ubuntu2404, v(33)),
            Ok(ImageFamily::Ubuntu2404)
        );
        assert_eq!(
            image_family(OsSku::Ubuntu, None),
            Err(NoFamily::UbuntuNeedsVersion)
        );
    }
}
