//! Cluster-level channel rules (docs/aks-rules.md §1.1, §1.7, §2): the `node-image` ⇒ `NodeImage`
//! rule and what each node OS channel asks of the platform team. Per-pool support of a channel
//! is in [`super::os_support`].

use crate::rules::behaviour::{ChannelSupport, channel_support};
use crate::rules::channel::{NodeOsChannel, UpgradeChannel};
use crate::rules::cluster::Cluster;
use crate::rules::finding::FindingCode;
use crate::rules::os::OsSku;
use crate::rules::plan::Plan;
use crate::rules::pool::AgentPool;

use super::sources::{CLUSTER_AUTO_UPGRADE, KURED, NODE_OS_UPGRADE};
use super::{FieldPath, Finding, fields, per_cluster};

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    per_cluster(plan, cluster_channels)
}

fn cluster_channels(ci: usize, cluster: &Cluster, out: &mut Vec<Finding>) {
    let profile = cluster.auto_upgrade_profile;
    let node_os = profile.node_os_upgrade_channel;
    let path = |field| FieldPath::cluster(ci, cluster, field);
    let pools = &cluster.agent_pool_profiles;
    let patched_by =
        |p: &AgentPool| channel_support(node_os, p.os_sku, p.gpu) == ChannelSupport::Supported;

    // §2 rule 1: node-image forces NodeImage (Terraform rejects it; the RP decides for az).
    if profile.upgrade_channel == UpgradeChannel::NodeImage && node_os != NodeOsChannel::NodeImage {
        out.push(
            Finding::error(
                FindingCode::NodeImageRequiresNodeImage,
                path(fields::NODE_OS_CHANNEL),
                NODE_OS_UPGRADE,
            )
            .message(format!(
                "upgradeChannel is node-image but nodeOSUpgradeChannel is {node_os}"
            ))
            .why(
                "With the cluster channel node-image, AKS forces the node OS channel to \
                 NodeImage and does not let you change it.",
            )
            .fix(
                "Set nodeOSUpgradeChannel to NodeImage, or (better) set upgradeChannel to \
                 patch or stable and keep the node OS channel you want.",
            ),
        );
    }
    if profile.upgrade_channel == UpgradeChannel::NodeImage {
        out.push(
            Finding::note(
                FindingCode::UpgradeChannelNodeImageLegacy,
                path(fields::UPGRADE_CHANNEL),
                CLUSTER_AUTO_UPGRADE,
            )
            .message("upgradeChannel node-image is the legacy way to get node image updates")
            .why(
                "The node-image cluster channel is planned for deprecation; the node OS \
                 channel NodeImage does the same job and can be combined with Kubernetes \
                 auto-upgrade.",
            )
            .fix(
                "Set upgradeChannel to none, patch or stable and nodeOSUpgradeChannel to \
                 NodeImage.",
            ),
        );
    }
    match node_os {
        NodeOsChannel::None => out.push(
            Finding::warning(
                FindingCode::NoneChannelNoPatching,
                path(fields::NODE_OS_CHANNEL),
                NODE_OS_UPGRADE,
            )
            .message(format!(
                "nodeOSUpgradeChannel is None: the {} node(s) of cluster {:?} get no \
                 automatic OS security updates",
                node_total(cluster),
                cluster.name
            ))
            .why(
                "With None, AKS applies no OS updates and the OS's own updater is switched \
                 off: your team owns every patch.",
            )
            .fix(
                "Choose SecurityPatch (Linux-only clusters) or NodeImage, or make sure a \
                 manual `az aks nodepool upgrade --node-image-only` routine exists.",
            ),
        ),
        NodeOsChannel::Unmanaged if pools.iter().any(patched_by) => out.push(
            Finding::note(
                FindingCode::UnmanagedRebootsNeedKured,
                path(fields::NODE_OS_CHANNEL),
                KURED,
            )
            .message(format!(
                "nodeOSUpgradeChannel is Unmanaged: Linux nodes of cluster {:?} patch \
                 themselves around 06:00 UTC but are never rebooted by AKS",
                cluster.name
            ))
            .why(
                "Unmanaged runs unattended-upgrades (Ubuntu) or dnf-automatic (Azure Linux) \
                 in place; kernel fixes only take effect after a reboot, which AKS leaves to \
                 you (/var/run/reboot-required). Maintenance windows do not govern these \
                 updates.",
            )
            .fix(
                "Run kured (or your own reboot routine) so kernel patches take effect, or \
                 switch to SecurityPatch or NodeImage to let AKS handle reboots within a \
                 maintenance window.",
            ),
        ),
        NodeOsChannel::SecurityPatch => {
            let ubuntu: Vec<&str> = pools
                .iter()
                .filter(|p| p.os_sku == OsSku::Ubuntu)
                .map(|p| p.name.as_str())
                .collect();
            if !ubuntu.is_empty() {
                out.push(
                    Finding::note(
                        FindingCode::SecuritypatchNeedsUbuntuEgress,
                        path(fields::NODE_OS_CHANNEL),
                        NODE_OS_UPGRADE,
                    )
                    .message(format!(
                        "SecurityPatch on Ubuntu pool(s) {} needs outbound access to \
                         snapshot.ubuntu.com",
                        ubuntu.join(", ")
                    ))
                    .why(
                        "SecurityPatch installs Ubuntu security packages from \
                         snapshot.ubuntu.com; behind a firewall without that egress the \
                         patches fail.",
                    )
                    .fix(
                        "Allow HTTPS egress to snapshot.ubuntu.com in your firewall or \
                         network security rules, or use NodeImage.",
                    ),
                );
            }
            if pools.iter().any(patched_by) {
                out.push(
                    Finding::note(
                        FindingCode::SecuritypatchCmkPolicy,
                        path(fields::NODE_OS_CHANNEL),
                        NODE_OS_UPGRADE,
                    )
                    .message(format!(
                        "SecurityPatch on cluster {:?} fails if an Azure Policy denies VM \
                         scale sets without customer-managed-key disk encryption",
                        cluster.name
                    ))
                    .why(
                        "When a SecurityPatch update needs a new VHD, AKS temporarily creates \
                         a copy- prefixed scale set in the node resource group; a deny policy \
                         requiring CMK OS-disk encryption blocks it \
                         (RequestDisallowedByPolicy).",
                    )
                    .fix(
                        "If such a policy applies, exempt the node resource group or use \
                         NodeImage.",
                    ),
                );
            }
        }
        _ => {}
    }
}

/// Nodes in the cluster, summed without overflow.
pub(super) fn node_total(cluster: &Cluster) -> u64 {
    cluster
        .agent_pool_profiles
        .iter()
        .map(|p| u64::from(p.count))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{codes, only, plan_with, run, with_channel};
    use super::*;

    #[test]
    fn node_image_cluster_channel_requires_the_nodeimage_os_channel() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.auto_upgrade_profile.upgrade_channel = UpgradeChannel::NodeImage;
                c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::SecurityPatch;
            }),
        );
        let f = only(&found, "node-image-requires-nodeimage", Severity::Error);
        assert_eq!(
            f.path.dom_id(),
            "c0-autoUpgradeProfile-nodeOSUpgradeChannel"
        );
        only(&found, "upgrade-channel-node-image-legacy", Severity::Note);
        let found = run(
            findings,
            &plan_with(|c| c.auto_upgrade_profile.upgrade_channel = UpgradeChannel::NodeImage),
        );
        assert_eq!(codes(&found), ["upgrade-channel-node-image-legacy"]);
    }

    #[test]
    fn securitypatch_on_ubuntu_notes_egress_and_the_cmk_policy() {
        let found = with_channel(findings, NodeOsChannel::SecurityPatch, OsSku::Ubuntu, false);
        let f = only(&found, "securitypatch-needs-ubuntu-egress", Severity::Note);
        assert!(f.message.contains("system, extra"), "{}", f.message);
        only(&found, "securitypatch-cmk-policy", Severity::Note);
        let found = run(
            findings,
            &plan_with(|c| {
                c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::SecurityPatch;
                c.agent_pool_profiles[0].os_sku = OsSku::AzureLinux;
            }),
        );
        assert_eq!(codes(&found), ["securitypatch-cmk-policy"]);
    }

    #[test]
    fn none_warns_and_unmanaged_notes_kured() {
        let found = with_channel(findings, NodeOsChannel::None, OsSku::Ubuntu, false);
        let f = only(&found, "none-channel-no-patching", Severity::Warning);
        assert!(f.message.contains("6 node(s)"), "{}", f.message);
        let found = with_channel(findings, NodeOsChannel::Unmanaged, OsSku::Ubuntu, false);
        only(&found, "unmanaged-reboots-need-kured", Severity::Note);
    }

    #[test]
    fn unmanaged_on_only_windows_pools_does_not_mention_kured() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::Unmanaged;
                c.agent_pool_profiles[0].os_sku = OsSku::Windows2022;
            }),
        );
        assert!(!codes(&found).contains(&"unmanaged-reboots-need-kured"));
    }

    #[test]
    fn nodeimage_has_no_channel_findings() {
        assert!(codes(&run(findings, &plan_with(|_| {}))).is_empty());
    }
}
