//! Channel rules (aks-rules.md §1.1–1.2, §1.7, §2): which node OS channel works on which OS
//! SKU, the `node-image` ⇒ `NodeImage` rule, and what each channel asks of the platform team.

use crate::rules::behaviour::{ChannelSupport, channel_support};
use crate::rules::channel::{NodeOsChannel, UpgradeChannel};
use crate::rules::cluster::Cluster;
use crate::rules::os::OsSku;
use crate::rules::plan::Plan;
use crate::rules::pool::AgentPool;

use super::sources::{CLUSTER_AUTO_UPGRADE, KURED, NODE_OS_UPGRADE};
use super::{FieldPath, Finding, fields, per_cluster, per_pool};

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    let mut out = per_cluster(plan, cluster_channels);
    out.extend(per_pool(plan, pool_support));
    out
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
                "node-image-requires-nodeimage",
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
                "upgrade-channel-node-image-legacy",
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
                "none-channel-no-patching",
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
                "unmanaged-reboots-need-kured",
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
                        "securitypatch-needs-ubuntu-egress",
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
                        "securitypatch-cmk-policy",
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

/// One finding per pool whose OS SKU the cluster's node OS channel does not serve (§1.2, A-6).
fn pool_support(ci: usize, cluster: &Cluster, pi: usize, pool: &AgentPool, out: &mut Vec<Finding>) {
    let node_os = cluster.auto_upgrade_profile.node_os_upgrade_channel;
    let path = |field: &str| FieldPath::pool(ci, cluster, pi, pool, field);
    let azure_linux_gpu = pool.os_sku == OsSku::AzureLinux && pool.gpu;
    let what = format!(
        "node pool {:?} ({}{})",
        pool.name,
        pool.os_sku,
        if pool.gpu { ", GPU" } else { "" }
    );
    let finding = match (node_os, channel_support(node_os, pool.os_sku, pool.gpu)) {
        (_, ChannelSupport::Supported) => return,
        (NodeOsChannel::SecurityPatch, _) if azure_linux_gpu => Finding::error(
            "securitypatch-unsupported-gpu",
            path(fields::GPU),
            NODE_OS_UPGRADE,
        )
        .why(
            "AKS does not support SecurityPatch on Azure Linux node pools with NVIDIA GPU \
             VM sizes. The channel is cluster-wide, so the planner assumes this pool gets \
             no automatic OS updates (aks-rules.md §8 A-6).",
        )
        .fix(
            "Use NodeImage for this cluster, or run the GPU pool on Ubuntu, where \
             SecurityPatch is supported.",
        ),
        (NodeOsChannel::SecurityPatch, _) if pool.os_sku.is_windows() => Finding::error(
            "securitypatch-unsupported-os",
            path(fields::OS_SKU),
            NODE_OS_UPGRADE,
        )
        .why(
            "AKS does not support SecurityPatch on Windows node pools. The channel is \
             cluster-wide and AKS does not document whether the change is rejected or \
             Windows pools silently get nothing; the planner assumes they get no \
             automatic OS updates (aks-rules.md §8 A-6).",
        )
        .fix(
            "Use NodeImage for this cluster (Windows receives a new node image monthly), \
             or move the Windows pools to a cluster on NodeImage.",
        ),
        (NodeOsChannel::SecurityPatch, _) => Finding::error(
            "securitypatch-unsupported-os",
            path(fields::OS_SKU),
            NODE_OS_UPGRADE,
        )
        .why(format!(
            "AKS does not support SecurityPatch on {}; the planner assumes this pool gets \
             no automatic OS updates (aks-rules.md §1.2, §8 A-6).",
            pool.os_sku.label()
        ))
        .fix("Use NodeImage for this cluster, or change the pool to Ubuntu or Azure Linux."),
        (NodeOsChannel::Unmanaged, ChannelSupport::Unsupported) => Finding::error(
            "unmanaged-unsupported-os-guard",
            path(fields::OS_SKU),
            NODE_OS_UPGRADE,
        )
        .why(
            "Azure Linux with OS Guard is immutable: AKS supports only None and NodeImage \
             on it.",
        )
        .fix("Use NodeImage for this cluster, or change the pool's OS SKU."),
        (NodeOsChannel::Unmanaged, ChannelSupport::BehavesLikeNone) if pool.os_sku.is_windows() => {
            Finding::warning(
                "unmanaged-windows-behaves-like-none",
                path(fields::OS_SKU),
                NODE_OS_UPGRADE,
            )
            .why(
                "Windows nodes have no automatic patching under Unmanaged: it behaves like \
                 None, so they stay on their image until you upgrade them.",
            )
            .fix(
                "Use NodeImage for this cluster (monthly Windows images), or schedule `az aks \
                 nodepool upgrade --node-image-only` for this pool.",
            )
        }
        (NodeOsChannel::Unmanaged, ChannelSupport::BehavesLikeNone) => Finding::warning(
            "unmanaged-azure-linux-gpu-no-updates",
            path(fields::GPU),
            NODE_OS_UPGRADE,
        )
        .why(
            "On Azure Linux with NVIDIA GPU VM sizes the OS's unattended upgrades are \
             disabled, so Unmanaged behaves like None on this pool.",
        )
        .fix("Use NodeImage for this cluster, or upgrade the pool's node image yourself."),
        (NodeOsChannel::Unmanaged, _) => Finding::note(
            "unmanaged-flatcar-undocumented",
            path(fields::OS_SKU),
            NODE_OS_UPGRADE,
        )
        .why(
            "AKS documents no Unmanaged behaviour for Flatcar Container Linux; whether \
             its own update engine patches the nodes is not stated.",
        )
        .fix(
            "Prefer NodeImage for Flatcar pools, or verify on a test pool what Unmanaged \
             does.",
        ),
        // None and NodeImage serve every SKU (channel_support says Supported).
        _ => return,
    };
    let verb = match finding.code {
        "unmanaged-windows-behaves-like-none" | "unmanaged-azure-linux-gpu-no-updates" => {
            "gets no OS updates under"
        }
        "unmanaged-flatcar-undocumented" => "has undocumented behaviour under",
        _ => "cannot use",
    };
    out.push(finding.message(format!("{what} {verb} nodeOSUpgradeChannel {node_os}")));
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
    use super::super::testkit::{codes, only, plan_with, pool, run};
    use super::*;
    use crate::rules::pool::PoolMode;

    fn with_channel(node_os: NodeOsChannel, sku: OsSku, gpu: bool) -> Vec<Finding> {
        run(
            findings,
            &plan_with(|c| {
                c.auto_upgrade_profile.node_os_upgrade_channel = node_os;
                let mut p = pool("extra", PoolMode::User, sku);
                p.gpu = gpu;
                c.agent_pool_profiles.push(p);
            }),
        )
    }

    #[test]
    fn unsupported_channel_and_os_pairs_are_reported_on_the_pool() {
        use NodeOsChannel::{SecurityPatch, Unmanaged};
        let table: [(NodeOsChannel, OsSku, bool, &str, Severity, &str); 9] = [
            (
                SecurityPatch,
                OsSku::Windows2019,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::Windows2022,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::Windows2025,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::Flatcar,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::AzureLinuxOSGuard,
                false,
                "securitypatch-unsupported-os",
                Severity::Error,
                "osSKU",
            ),
            (
                SecurityPatch,
                OsSku::AzureLinux,
                true,
                "securitypatch-unsupported-gpu",
                Severity::Error,
                "gpu",
            ),
            (
                Unmanaged,
                OsSku::AzureLinuxOSGuard,
                false,
                "unmanaged-unsupported-os-guard",
                Severity::Error,
                "osSKU",
            ),
            (
                Unmanaged,
                OsSku::Windows2022,
                false,
                "unmanaged-windows-behaves-like-none",
                Severity::Warning,
                "osSKU",
            ),
            (
                Unmanaged,
                OsSku::AzureLinux,
                true,
                "unmanaged-azure-linux-gpu-no-updates",
                Severity::Warning,
                "gpu",
            ),
        ];
        for (channel, sku, gpu, code, severity, field) in table {
            let found = with_channel(channel, sku, gpu);
            let f = only(&found, code, severity);
            assert_eq!(f.path.pool, Some(1), "{code}");
            assert_eq!(f.path.field, field, "{code}");
            assert!(
                f.message.contains("\"extra\"") && f.message.contains(channel.as_str()),
                "{}",
                f.message
            );
        }
    }

    #[test]
    fn supported_pairs_have_no_pool_findings() {
        for channel in [NodeOsChannel::NodeImage, NodeOsChannel::None] {
            for sku in OsSku::ALL {
                let found = with_channel(channel, sku, true);
                assert!(
                    found.iter().all(|f| f.path.pool.is_none()),
                    "{channel} {sku}: {:?}",
                    codes(&found)
                );
            }
        }
        for (sku, gpu) in [(OsSku::Ubuntu, true), (OsSku::AzureLinux, false)] {
            let found = with_channel(NodeOsChannel::SecurityPatch, sku, gpu);
            assert!(
                found.iter().all(|f| f.path.pool.is_none()),
                "{sku}: {:?}",
                codes(&found)
            );
        }
    }

    #[test]
    fn unmanaged_on_flatcar_is_flagged_as_undocumented() {
        let found = with_channel(NodeOsChannel::Unmanaged, OsSku::Flatcar, false);
        only(&found, "unmanaged-flatcar-undocumented", Severity::Note);
    }

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
        let found = with_channel(NodeOsChannel::SecurityPatch, OsSku::Ubuntu, false);
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
        let found = with_channel(NodeOsChannel::None, OsSku::Ubuntu, false);
        let f = only(&found, "none-channel-no-patching", Severity::Warning);
        assert!(f.message.contains("6 node(s)"), "{}", f.message);
        let found = with_channel(NodeOsChannel::Unmanaged, OsSku::Ubuntu, false);
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
