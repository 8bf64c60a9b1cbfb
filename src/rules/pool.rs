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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum PoolMode {
    System,
    User,
}
crate::rules::variant::deserialize_by_name!(PoolMode { System = "System", User = "User" });

/// ARM `upgradeSettings.undrainableNodeBehavior`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum UndrainableNodeBehavior {
    /// Blocked nodes are made schedulable again, not upgraded; the operation fails.
    Schedule,
    /// Blocked nodes are quarantined; the rest is upgraded.
    Cordon,
}
crate::rules::variant::deserialize_by_name!(UndrainableNodeBehavior { Schedule = "Schedule", Cordon = "Cordon" });

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
    /// How many nodes that cannot be drained AKS tolerates (preview; nodes or percent like
    /// `maxSurge`, default = `maxSurge`; only with `undrainableNodeBehavior`;
    /// docs/aks-rules.md §4.1, docs/aks-2026.md §1.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_blocked_nodes: Option<SurgeValue>,
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

    /// `maxBlockedNodes` as AKS applies it when `nodes_left` nodes are still to upgrade: the
    /// value set, else the effective `maxSurge` (its default), as nodes, capped at the nodes
    /// left (since 2026-08; docs/aks-rules.md §4.1, docs/aks-2026.md §1.4). Returns the value
    /// before the cap and the capped node count.
    pub fn effective_max_blocked_nodes(
        &self,
        version: Option<KubernetesVersion>,
        nodes_left: u32,
    ) -> (SurgeValue, u32) {
        let value = self
            .upgrade_settings
            .max_blocked_nodes
            .unwrap_or_else(|| self.effective_max_surge(version).0);
        (value, value.resolve(nodes_left))
    }

    /// Whether a VM size name is a GPU size (the N-series: NC, ND, NV, NG).
    pub fn is_gpu_vm_size(vm_size: &str) -> bool {
        let lower = vm_size.to_ascii_lowercase();
        let family = lower.strip_prefix("standard_").unwrap_or(&lower);
        family.starts_with('n')
    }
}

/// The longest VM size name accepted (today's longest are about 30 characters).
pub const VM_SIZE_NAME_MAX: usize = 64;

/// Why a `vmSize` is not a VM size name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VmSizeError {
    #[error(
        "the VM size {0:?} is not a size name: it must start with Standard_ (or Basic_), e.g. Standard_D4s_v5"
    )]
    Prefix(String),
    #[error(
        "the VM size {value:?} contains {ch:?}: a size name has only letters, digits, '-' and '_', e.g. Standard_D4s_v5"
    )]
    InvalidChar { value: String, ch: char },
    #[error(
        "the VM size {0:?} is not a size name: after Standard_ come the series and size, e.g. Standard_D4s_v5 or Standard_E8-4ds_v5"
    )]
    Shape(String),
    #[error(
        "the VM size {value:?} is {len} characters long: a size name has at most {VM_SIZE_NAME_MAX}"
    )]
    TooLong { value: String, len: usize },
}

/// Checks that `name` has the shape of an Azure VM size name: `Standard_` (or the retired
/// `Basic_`), then `_`-separated parts of letters, digits and `-`, the first starting with a
/// letter and holding the size number (`Standard_D4s_v5`, `Standard_NC24ads_A100_v4`,
/// `Standard_E8-4ds_v5`, `Basic_A1`). Blank is "not entered yet", not an error here.
pub fn validate_vm_size(name: &str) -> Result<(), VmSizeError> {
    check_vm_size_entry(name)?;
    if name.is_empty() {
        return Ok(());
    }
    let lower = name.to_ascii_lowercase();
    let Some(body) = lower
        .strip_prefix("standard_")
        .or_else(|| lower.strip_prefix("basic_"))
    else {
        return Err(VmSizeError::Prefix(name.to_owned()));
    };
    let mut parts = body.split('_');
    let series = parts.next().unwrap_or_default();
    let shaped = series.starts_with(|c: char| c.is_ascii_alphabetic())
        && series.contains(|c: char| c.is_ascii_digit())
        && parts.all(|p| !p.is_empty());
    if shaped {
        Ok(())
    } else {
        Err(VmSizeError::Shape(name.to_owned()))
    }
}

/// What an editor can refuse while a VM size is being typed: characters no size name has, or
/// a length no size name reaches. Every beginning of a valid name passes; the shape is left to
/// [`validate_vm_size`] (a finding), since `Standard_D` is on its way to `Standard_D4s_v5`.
pub fn check_vm_size_entry(name: &str) -> Result<(), VmSizeError> {
    if name.len() > VM_SIZE_NAME_MAX {
        return Err(VmSizeError::TooLong {
            value: name.to_owned(),
            len: name.len(),
        });
    }
    if let Some(ch) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(VmSizeError::InvalidChar {
            value: name.to_owned(),
            ch,
        });
    }
    Ok(())
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
    fn max_blocked_nodes_reads_like_max_surge_and_is_capped_at_the_nodes_left() {
        let p = pool(
            r#"{"name":"a","vmSize":"Standard_D2s_v5","count":3,
                "upgradeSettings":{"maxSurge":"1","maxBlockedNodes":"5","undrainableNodeBehavior":"Cordon"}}"#,
        );
        assert_eq!(
            p.upgrade_settings.max_blocked_nodes,
            Some(SurgeValue::Nodes(5))
        );
        // docs/aks-2026.md §1.4: 5 blocked nodes tolerated on a 3-node pool is capped at 3;
        // with 2 nodes left, at 2.
        assert_eq!(
            p.effective_max_blocked_nodes(None, 3),
            (SurgeValue::Nodes(5), 3)
        );
        assert_eq!(
            p.effective_max_blocked_nodes(None, 2),
            (SurgeValue::Nodes(5), 2)
        );
        // Percent like maxSurge, rounded up: 34 % of 10 nodes left = 3.4 -> 4.
        let mut q = p.clone();
        q.upgrade_settings.max_blocked_nodes = Some(SurgeValue::Percent(34));
        assert_eq!(q.effective_max_blocked_nodes(None, 10).1, 4);
        // Unset: defaults to maxSurge (1 node).
        q.upgrade_settings.max_blocked_nodes = None;
        assert_eq!(
            q.effective_max_blocked_nodes(None, 3),
            (SurgeValue::Nodes(1), 1)
        );
        // A malformed value is refused at parse time, like maxSurge.
        assert!(
            serde_json::from_str::<AgentPool>(
                r#"{"name":"a","vmSize":"Standard_D2s_v5","count":3,"upgradeSettings":{"maxBlockedNodes":"-1"}}"#
            )
            .is_err()
        );
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

    #[test]
    fn vm_size_names_from_the_azure_size_list_pass_and_others_are_refused() {
        // Names as `az vm list-sizes` prints them.
        for ok in [
            "Standard_D4s_v5",
            "Standard_B2s",
            "Standard_NC24ads_A100_v4",
            "Standard_E8-4ds_v5",
            "Standard_M416ms_v2",
            "standard_d8s_v3",
            "Basic_A1",
            "",
        ] {
            assert_eq!(validate_vm_size(ok), Ok(()), "{ok}");
        }
        for (bad, check) in [
            ("D4s_v5", "Standard_"),
            ("Standard_D4s v5", "' '"),
            ("Standard_$(touch x)", "'$'"),
            ("Standard_D4s_v5\nrm", "'\\n'"),
            ("Standard_", "series"),
            ("Standard_large", "series"),
            ("Standard_D4s__v5", "series"),
        ] {
            let message = validate_vm_size(bad).unwrap_err().to_string();
            assert!(message.contains(check), "{bad:?}: {message}");
        }
        // While typing, every beginning of a valid name is accepted; bad characters are not.
        let full = "Standard_E8-4ds_v5";
        for end in 0..=full.len() {
            assert_eq!(
                check_vm_size_entry(&full[..end]),
                Ok(()),
                "{}",
                &full[..end]
            );
        }
        assert!(check_vm_size_entry("Standard_$(x)").is_err());
    }
}
