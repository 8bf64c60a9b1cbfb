//! What a projected Kubernetes upgrade does to each pool's OS (docs/aks-2026.md §1.1): a pool on
//! `osSKU: Ubuntu` moves to another Ubuntu version when the upgrade crosses 1.35, and a pool on
//! an OS SKU the new version does not run (e.g. Windows2022 on 1.37) cannot follow. The
//! timeline draws the first as its own labelled mark; both are findings.

use serde::Serialize;

use crate::rules::cluster::Cluster;
use crate::rules::os::lifecycle::kubernetes_range;
use crate::rules::os::version::os_version_change;

use super::KubernetesUpgrade;

/// What one Kubernetes upgrade does to one pool's OS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolOsEffect {
    pub pool: String,
    pub kind: OsEffectKind,
    /// "Ubuntu 22.04 → Ubuntu 24.04", or "Windows2022 runs on Kubernetes up to 1.36 only".
    pub text: String,
    /// The two sides of a source conflict the reading rests on, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OsEffectKind {
    /// The pool moves to another OS version (a new OS under the workloads).
    VersionChange,
    /// The pool's OS SKU is not supported on the new version.
    Unsupported,
}

/// Fills `os_effects` of every minor upgrade in `upgrades` from `cluster`'s pools.
pub fn annotate(cluster: &Cluster, upgrades: &mut [KubernetesUpgrade]) {
    for u in upgrades.iter_mut() {
        let (Some(from), Some(to)) = (u.from_minor, u.to_minor) else {
            continue;
        };
        if (from.major, from.minor) == (to.major, to.minor) {
            continue;
        }
        for pool in &cluster.agent_pool_profiles {
            let sku = pool.os_sku;
            if let Some(change) = os_version_change(sku, from, to) {
                u.os_effects.push(PoolOsEffect {
                    pool: pool.name.clone(),
                    kind: OsEffectKind::VersionChange,
                    text: change.label(),
                    conflict: change.conflict.map(|c| c.sentence()),
                });
            }
            let range = kubernetes_range(sku);
            if range.contains(from) && !range.contains(to) {
                u.os_effects.push(PoolOsEffect {
                    pool: pool.name.clone(),
                    kind: OsEffectKind::Unsupported,
                    text: format!(
                        "osSKU {sku} runs on Kubernetes {} only, not on {}.{}",
                        range.describe(),
                        to.major,
                        to.minor
                    ),
                    conflict: None,
                });
            }
        }
    }
}

/// The effect of `upgrade` on `pool`, of `kind`, if any.
pub fn effect<'a>(
    upgrade: &'a KubernetesUpgrade,
    pool: &str,
    kind: OsEffectKind,
) -> Option<&'a PoolOsEffect> {
    upgrade
        .os_effects
        .iter()
        .find(|e| e.pool == pool && e.kind == kind)
}
