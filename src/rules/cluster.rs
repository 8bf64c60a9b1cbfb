//! A cluster: ARM `managedClusters` settings the planner works with, flattened the way
//! `az aks show -o json` prints them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::channel::AutoUpgradeProfile;
use super::maintenance::MaintenanceConfigurations;
use super::pool::AgentPool;
use super::version::KubernetesVersion;

/// ARM `supportPlan` (docs/aks-2026.md §1.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum SupportPlan {
    /// Community support: the newest three minors (N-2).
    #[default]
    KubernetesOfficial,
    /// Long-term support: about 24 months per minor (Premium tier).
    #[serde(rename = "AKSLongTermSupport")]
    AksLongTermSupport,
}
crate::rules::variant::deserialize_by_name!(SupportPlan { KubernetesOfficial = "KubernetesOfficial", AksLongTermSupport = "AKSLongTermSupport" });

impl SupportPlan {
    pub fn is_community(&self) -> bool {
        *self == SupportPlan::KubernetesOfficial
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cluster {
    pub name: String,
    #[serde(default)]
    pub resource_group: String,
    /// Azure region, e.g. `westeurope`.
    #[serde(default)]
    pub location: String,
    /// The subscription the cluster lives in, by name or ID: every exported `az` command
    /// targets it (`--subscription`).
    #[serde(default)]
    pub subscription: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kubernetes_version: Option<KubernetesVersion>,
    /// ARM `currentKubernetesVersion`: what the live cluster runs today, when known; a planned
    /// `kubernetesVersion` across 1.35 moves `Ubuntu` pools to another Ubuntu version
    /// (docs/aks-2026.md §1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_kubernetes_version: Option<KubernetesVersion>,
    /// ARM `supportPlan`: with `AKSLongTermSupport` a minor stays supported after it leaves the
    /// community support window (docs/aks-2026.md §1.6).
    #[serde(default, skip_serializing_if = "SupportPlan::is_community")]
    pub support_plan: SupportPlan,
    /// ARM `tags`; `environment` (dev/test/prod) and `ring` (0..n) order rollouts.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
    #[serde(default)]
    pub auto_upgrade_profile: AutoUpgradeProfile,
    /// The channels the live cluster has today, when known; a change from these may reimage
    /// every node (docs/aks-rules.md §1.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_auto_upgrade_profile: Option<AutoUpgradeProfile>,
    #[serde(default)]
    pub agent_pool_profiles: Vec<AgentPool>,
    #[serde(default, skip_serializing_if = "MaintenanceConfigurations::is_empty")]
    pub maintenance_configurations: MaintenanceConfigurations,
}

impl Cluster {
    /// An empty cluster with the API defaults.
    pub fn new(name: impl Into<String>) -> Self {
        Cluster {
            name: name.into(),
            resource_group: String::new(),
            location: String::new(),
            subscription: String::new(),
            kubernetes_version: None,
            current_kubernetes_version: None,
            support_plan: SupportPlan::KubernetesOfficial,
            tags: BTreeMap::new(),
            auto_upgrade_profile: AutoUpgradeProfile::default(),
            current_auto_upgrade_profile: None,
            agent_pool_profiles: Vec::new(),
            maintenance_configurations: MaintenanceConfigurations::default(),
        }
    }

    /// `SUBSCRIPTION/RESOURCE_GROUP/NAME`: what tells apart clusters of the same name in other
    /// subscriptions or resource groups (exports select a cluster by it).
    pub fn qualified_name(&self) -> String {
        format!(
            "{}/{}/{}",
            self.subscription, self.resource_group, self.name
        )
    }
}
