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

#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
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

/// Field by field, as derived, but the plain values first: the caches compare every cluster an
/// edit gave a new pointer with the one it replaced (an edit may copy a cluster unchanged), and
/// after a bulk change of every cluster's channel, comparing the names and tags of 2,000 clusters
/// before the channel that differs was milliseconds. Destructured, so that a new field cannot be
/// left out.
impl PartialEq for Cluster {
    fn eq(&self, other: &Self) -> bool {
        let Cluster {
            name,
            resource_group,
            location,
            subscription,
            kubernetes_version,
            current_kubernetes_version,
            support_plan,
            tags,
            auto_upgrade_profile,
            current_auto_upgrade_profile,
            agent_pool_profiles,
            maintenance_configurations,
        } = self;
        *auto_upgrade_profile == other.auto_upgrade_profile
            && *kubernetes_version == other.kubernetes_version
            && *support_plan == other.support_plan
            && *current_auto_upgrade_profile == other.current_auto_upgrade_profile
            && *current_kubernetes_version == other.current_kubernetes_version
            && *name == other.name
            && *resource_group == other.resource_group
            && *location == other.location
            && *subscription == other.subscription
            && *tags == other.tags
            && *agent_pool_profiles == other.agent_pool_profiles
            && *maintenance_configurations == other.maintenance_configurations
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::channel::{NodeOsChannel, UpgradeChannel};
    use crate::rules::demo::demo_plan;

    #[test]
    fn clusters_differing_in_any_one_field_are_unequal() {
        let plan = demo_plan();
        let base = plan
            .clusters
            .iter()
            .find(|c| c.maintenance_configurations.node_os.is_some() && !c.tags.is_empty())
            .unwrap()
            .clone();
        let edits: [fn(&mut Cluster); 12] = [
            |c| c.name.push('x'),
            |c| c.resource_group.push('x'),
            |c| c.location.push('x'),
            |c| c.subscription.push('x'),
            |c| c.kubernetes_version = Some("1.20.1".parse().unwrap()),
            |c| c.current_kubernetes_version = Some("1.20.2".parse().unwrap()),
            |c| c.support_plan = SupportPlan::AksLongTermSupport,
            |c| {
                c.tags.insert("zz".into(), "1".into());
            },
            |c| {
                c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::None;
                c.auto_upgrade_profile.upgrade_channel = UpgradeChannel::Rapid;
            },
            |c| {
                c.current_auto_upgrade_profile = match c.current_auto_upgrade_profile {
                    Some(_) => None,
                    None => Some(c.auto_upgrade_profile),
                }
            },
            |c| c.agent_pool_profiles[0].count += 1,
            |c| c.maintenance_configurations.node_os = None,
        ];
        assert_eq!(base, base.clone());
        for (k, edit) in edits.iter().enumerate() {
            let mut changed = base.clone();
            edit(&mut changed);
            assert_ne!(base, changed, "edit {k} is not seen");
            assert_eq!(changed, changed.clone(), "edit {k}");
        }
    }
}
