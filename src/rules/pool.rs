//! A node pool (ARM `agentPoolProfiles[]`) and its `upgradeSettings` (docs/aks-rules.md §4.1).
//!
//! Ranges (drain 5–1440, soak 0–30, …) are *not* enforced here: a plan being edited may hold
//! an out-of-range number, and the findings module reports it with the rule and the fix. Shapes
//! and enums are enforced here, at parse time.

use serde::{Deserialize, Serialize};

use super::os::{OsSku, OsType};
use super::surge::SurgeValue;
use super::version::KubernetesVersion;

/// ARM `mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PoolMode {
    System,
    User,
}

/// ARM `upgradeSettings.undrainableNodeBehavior`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UndrainableNodeBehavior {
    /// Blocked nodes are made schedulable again, not upgraded; the operation fails.
    Schedule,
    /// Blocked nodes are quarantined; the rest is upgraded.
    Cordon,
}

/// ARM `upgradeSettings`. `None` means "not set": AKS applies its default, which for
/// `maxSurge` is ambiguous (docs/aks-rules.md §8 A-3; see [`AgentPool::effective_max_surge`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpgradeSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_surge: Option<SurgeValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_unavailable: Option<SurgeValue>,
    /// Minutes, service range 5–1440, default 30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drain_timeout_in_minutes: Option<u32>,
    /// Minutes, range 0–30, default 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_soak_duration_in_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undrainable_node_behavior: Option<UndrainableNodeBehavior>,
}

/// Default drain timeout (docs/aks-rules.md §4.1).
pub const DEFAULT_DRAIN_TIMEOUT_MINUTES: u32 = 30;

impl UpgradeSettings {
    pub fn drain_timeout_minutes(&self) -> u32 {
        self.drain_timeout_in_minutes
            .unwrap_or(DEFAULT_DRAIN_TIMEOUT_MINUTES)
    }

    pub fn soak_minutes(&self) -> u32 {
        self.node_soak_duration_in_minutes.unwrap_or(0)
    }

    pub fn max_unavailable_or_default(&self) -> SurgeValue {
        self.max_unavailable.unwrap_or(SurgeValue::Nodes(0))
    }
}

/// Where an effective `maxSurge` came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurgeSource {
    /// Set in the plan.
    Explicit,
    /// Unset; the planner assumes 10 % (K8s ≥ 1.32, CL 2025-03-16).
    AssumedTenPercent,
    /// Unset on K8s < 1.32; the planner assumes 1 node (older docs), which may be 10 % for
    /// pools created on ≥ 1.28 after 2023-10.
    AssumedOneNode,
}

/// One node pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    try_from = "RawAgentPool",
    into = "RawAgentPool"
)]
pub struct AgentPool {
    pub name: String,
    pub mode: PoolMode,
    pub os_sku: OsSku,
    /// GPU VM size. Not an ARM field: read from `vmSize` on import, editable in the planner,
    /// because Azure Linux on GPU sizes cannot use SecurityPatch (docs/aks-rules.md §1.2).
    pub gpu: bool,
    pub vm_size: String,
    pub count: u32,
    pub upgrade_settings: UpgradeSettings,
}

impl AgentPool {
    pub fn os_type(&self) -> OsType {
        self.os_sku.os_type()
    }

    /// `maxSurge` as AKS will apply it, with where the value came from (docs/aks-rules.md §8 A-3).
    pub fn effective_max_surge(
        &self,
        version: Option<KubernetesVersion>,
    ) -> (SurgeValue, SurgeSource) {
        match self.upgrade_settings.max_surge {
            Some(v) => (v, SurgeSource::Explicit),
            None if version.is_none_or(|v| v.at_least(1, 32)) => {
                (SurgeValue::Percent(10), SurgeSource::AssumedTenPercent)
            }
            None => (SurgeValue::Nodes(1), SurgeSource::AssumedOneNode),
        }
    }

    /// Whether a VM size name is a GPU size (the N-series: NC, ND, NV, NG).
    pub fn is_gpu_vm_size(vm_size: &str) -> bool {
        let lower = vm_size.to_ascii_lowercase();
        let family = lower.strip_prefix("standard_").unwrap_or(&lower);
        family.starts_with('n')
    }
}

/// The serialized form: ARM's, plus `osType` which ARM carries and we derive.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawAgentPool {
    name: String,
    #[serde(default = "default_mode")]
    mode: PoolMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    os_type: Option<OsType>,
    #[serde(rename = "osSKU", alias = "osSku", default)]
    os_sku: Option<OsSku>,
    #[serde(default)]
    gpu: Option<bool>,
    #[serde(default)]
    vm_size: String,
    #[serde(default)]
    count: Option<u32>,
    #[serde(default)]
    upgrade_settings: Option<UpgradeSettings>,
}

fn default_mode() -> PoolMode {
    PoolMode::User
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    #[error("node pool {name:?}: osType {os_type:?} does not match osSKU {sku}")]
    OsTypeMismatch {
        name: String,
        os_type: OsType,
        sku: OsSku,
    },
}

impl TryFrom<RawAgentPool> for AgentPool {
    type Error = PoolError;
    fn try_from(raw: RawAgentPool) -> Result<Self, Self::Error> {
        // ARM defaults: Ubuntu for Linux, Windows2022 for Windows on K8s ≥ 1.25.
        let os_sku = match (raw.os_sku, raw.os_type) {
            (Some(sku), Some(t)) if sku.os_type() != t => {
                return Err(PoolError::OsTypeMismatch {
                    name: raw.name,
                    os_type: t,
                    sku,
                });
            }
            (Some(sku), _) => sku,
            (None, Some(OsType::Windows)) => OsSku::Windows2022,
            (None, _) => OsSku::Ubuntu,
        };
        let gpu = raw
            .gpu
            .unwrap_or_else(|| AgentPool::is_gpu_vm_size(&raw.vm_size));
        Ok(AgentPool {
            name: raw.name,
            mode: raw.mode,
            os_sku,
            gpu,
            vm_size: raw.vm_size,
            count: raw.count.unwrap_or(0),
            upgrade_settings: raw.upgrade_settings.unwrap_or_default(),
        })
    }
}

impl From<AgentPool> for RawAgentPool {
    fn from(p: AgentPool) -> Self {
        RawAgentPool {
            name: p.name,
            mode: p.mode,
            os_type: Some(p.os_sku.os_type()),
            os_sku: Some(p.os_sku),
            gpu: Some(p.gpu),
            vm_size: p.vm_size,
            count: Some(p.count),
            upgrade_settings: Some(p.upgrade_settings),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(json: &str) -> AgentPool {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn az_nodepool_output_reads_with_derived_gpu_and_sku() {
        let p = pool(
            r#"{"name":"gpu1","count":2,"vmSize":"Standard_NC6s_v3","osType":"Linux","osSku":"AzureLinux","mode":"User",
                "upgradeSettings":{"maxSurge":"33%","drainTimeoutInMinutes":30}}"#,
        );
        assert!(p.gpu);
        assert_eq!(p.os_sku, OsSku::AzureLinux);
        assert_eq!(p.upgrade_settings.max_surge, Some(SurgeValue::Percent(33)));
    }

    #[test]
    fn windows_os_type_without_sku_defaults_to_2022() {
        let p = pool(r#"{"name":"win","osType":"Windows","vmSize":"Standard_D4s_v5","count":1}"#);
        assert_eq!(p.os_sku, OsSku::Windows2022);
    }

    #[test]
    fn a_contradictory_os_type_is_rejected() {
        let err = serde_json::from_str::<AgentPool>(
            r#"{"name":"x","osType":"Linux","osSKU":"Windows2022","vmSize":"a","count":1}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("does not match"));
    }

    #[test]
    fn unset_max_surge_is_an_explicit_assumption() {
        let p = pool(r#"{"name":"a","vmSize":"Standard_D2s_v5","count":8}"#);
        let v132 = Some(KubernetesVersion::new(1, 32, None));
        let v130 = Some(KubernetesVersion::new(1, 30, Some(1)));
        assert_eq!(
            p.effective_max_surge(v132),
            (SurgeValue::Percent(10), SurgeSource::AssumedTenPercent)
        );
        assert_eq!(
            p.effective_max_surge(v130),
            (SurgeValue::Nodes(1), SurgeSource::AssumedOneNode)
        );
    }
}
