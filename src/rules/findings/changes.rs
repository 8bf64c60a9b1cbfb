//! Channel changes against the live cluster's `currentAutoUpgradeProfile` (docs/aks-rules.md §1.8,
//! §8 A-7): which changes reimage every node, which may roll nodes, and the 24 h delay.

use crate::rules::channel::{ChannelOrder, NodeOsChannel};
use crate::rules::cluster::Cluster;
use crate::rules::finding::FindingCode;
use crate::rules::plan::Plan;

use super::channels::node_total;
use super::sources::{CLUSTER_AUTO_UPGRADE, NODE_OS_UPGRADE};
use super::{FieldPath, Finding, fields, per_cluster};

/// The transitions the D-NOS table says reimage all nodes (§1.8). `Unspecified→Unmanaged`
/// cannot be expressed: a plan always holds a channel.
pub fn reimages_all_nodes(from: NodeOsChannel, to: NodeOsChannel) -> bool {
    use NodeOsChannel::{NodeImage, None, SecurityPatch, Unmanaged};
    matches!(
        (from, to),
        (Unmanaged, None) | (SecurityPatch, Unmanaged) | (NodeImage, Unmanaged) | (None, Unmanaged)
    )
}

/// Leaving `upgradeChannel` node-image while changing the node OS channel: two steps, cluster
/// channel first (docs/aks-rules.md §2 rule 1).
pub const CLUSTER_CHANNEL_FIRST: FindingCode = FindingCode::NodeOsChangeNeedsClusterChannelFirst;
/// Entering `upgradeChannel` node-image from another node OS channel: two steps, node OS
/// channel first.
pub const NODE_OS_CHANNEL_FIRST: FindingCode = FindingCode::NodeImageNeedsNodeOsChannelFirst;

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    per_cluster(plan, changes)
}

fn changes(ci: usize, cluster: &Cluster, out: &mut Vec<Finding>) {
    let Some(current) = cluster.current_auto_upgrade_profile else {
        return;
    };
    let planned = cluster.auto_upgrade_profile;
    let (from, to) = (
        current.node_os_upgrade_channel,
        planned.node_os_upgrade_channel,
    );
    let os_path = || FieldPath::cluster(ci, cluster, fields::NODE_OS_CHANNEL);
    if from != to {
        let nodes = node_total(cluster);
        if reimages_all_nodes(from, to) {
            out.push(
                Finding::warning(
                    FindingCode::ChannelChangeReimagesAllNodes,
                    os_path(),
                    NODE_OS_UPGRADE,
                )
                .message(format!(
                    "changing nodeOSUpgradeChannel from {from} to {to} reimages all \
                     {nodes} node(s) of cluster {:?}",
                    cluster.name
                ))
                .why(format!(
                    "AKS documents {from} to {to} as one of the five channel transitions \
                     that reimage every node in the cluster, once, as soon as the change \
                     applies."
                ))
                .fix(
                    "Apply the change at a quiet time with surge quota and \
                     PodDisruptionBudgets ready for a full roll, or keep the current channel.",
                ),
            );
        } else {
            out.push(
                Finding::note(
                    FindingCode::ChannelChangeMayRollNodes,
                    os_path(),
                    NODE_OS_UPGRADE,
                )
                .message(format!(
                    "changing nodeOSUpgradeChannel from {from} to {to} may roll the \
                         {nodes} node(s) of cluster {:?}",
                    cluster.name
                ))
                .why(
                    "AKS lists only five transitions that always reimage, but older docs and \
                         the docs maintainers say any channel change can rotate nodes.",
                )
                .fix(
                    "Apply the change when a node roll would be acceptable, e.g. inside the \
                         node OS maintenance window.",
                ),
            );
        }
    }
    match ChannelOrder::of(planned, Some(current)) {
        ChannelOrder::Together => {}
        ChannelOrder::ClusterChannelFirst => out.push(
            Finding::note(CLUSTER_CHANNEL_FIRST, os_path(), CLUSTER_AUTO_UPGRADE)
                .message(format!(
                    "cluster {:?} is on upgradeChannel node-image today, which locks \
                     nodeOSUpgradeChannel at NodeImage",
                    cluster.name
                ))
                .why(
                    "While the cluster channel is node-image, AKS keeps the node OS channel \
                     at NodeImage and refuses to change it.",
                )
                .fix(format!(
                    "Change upgradeChannel to {} first, then the node OS channel to {to}: the \
                     exported script does it in that order, in two az aks update commands.",
                    planned.upgrade_channel
                )),
        ),
        ChannelOrder::NodeOsChannelFirst => out.push(
            Finding::note(NODE_OS_CHANNEL_FIRST, os_path(), CLUSTER_AUTO_UPGRADE)
                .message(format!(
                    "cluster {:?} moves to upgradeChannel node-image from node OS channel {from}",
                    cluster.name
                ))
                .why(
                    "upgradeChannel node-image requires the node OS channel NodeImage, and \
                     once node-image is set the node OS channel can no longer be changed.",
                )
                .fix(
                    "Set the node OS channel to NodeImage first, then upgradeChannel to \
                     node-image: the exported script does it in that order, in two az aks \
                     update commands.",
                ),
        ),
    }
    let changed: Vec<String> = [
        (from != to).then(|| format!("nodeOSUpgradeChannel {from} to {to}")),
        (current.upgrade_channel != planned.upgrade_channel).then(|| {
            format!(
                "upgradeChannel {} to {}",
                current.upgrade_channel, planned.upgrade_channel
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !changed.is_empty() {
        let (field, source) = if from != to {
            (fields::NODE_OS_CHANNEL, NODE_OS_UPGRADE)
        } else {
            (fields::UPGRADE_CHANNEL, CLUSTER_AUTO_UPGRADE)
        };
        out.push(
            Finding::note(
                FindingCode::ChannelChangeTakesUpTo24h,
                FieldPath::cluster(ci, cluster, field),
                source,
            )
            .message(format!(
                "changing {} takes up to 24 hours to take effect",
                changed.join(" and ")
            ))
            .why(
                "AKS applies node OS and cluster auto-upgrade channel changes within 24 \
                 hours, not immediately.",
            )
            .fix(
                "Make the change at least a day before the first maintenance window that \
                 should use it.",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{codes, only, plan_with, run};
    use super::*;
    use crate::rules::channel::{AutoUpgradeProfile, UpgradeChannel};

    fn change(from: NodeOsChannel, to: NodeOsChannel) -> Vec<Finding> {
        run(
            findings,
            &plan_with(|c| {
                c.auto_upgrade_profile.node_os_upgrade_channel = to;
                c.current_auto_upgrade_profile = Some(AutoUpgradeProfile {
                    node_os_upgrade_channel: from,
                    ..c.auto_upgrade_profile
                });
            }),
        )
    }

    #[test]
    fn the_four_documented_transitions_reimage_all_nodes() {
        use NodeOsChannel::*;
        for (from, to) in [
            (Unmanaged, None),
            (SecurityPatch, Unmanaged),
            (NodeImage, Unmanaged),
            (None, Unmanaged),
        ] {
            let found = change(from, to);
            let f = only(
                &found,
                "channel-change-reimages-all-nodes",
                Severity::Warning,
            );
            assert!(f.message.contains("all 3 node(s)"), "{}", f.message);
            only(&found, "channel-change-takes-up-to-24h", Severity::Note);
        }
    }

    #[test]
    fn every_other_change_may_roll_nodes() {
        for from in NodeOsChannel::ALL {
            for to in NodeOsChannel::ALL {
                if from == to || reimages_all_nodes(from, to) {
                    continue;
                }
                let found = change(from, to);
                only(&found, "channel-change-may-roll-nodes", Severity::Note);
                assert!(!codes(&found).contains(&"channel-change-reimages-all-nodes"));
            }
        }
    }

    #[test]
    fn no_current_profile_or_no_change_means_no_findings() {
        assert!(run(findings, &plan_with(|_| {})).is_empty());
        assert!(change(NodeOsChannel::NodeImage, NodeOsChannel::NodeImage).is_empty());
    }

    #[test]
    fn a_cluster_channel_change_alone_takes_24h() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.current_auto_upgrade_profile = Some(c.auto_upgrade_profile);
                c.auto_upgrade_profile.upgrade_channel = UpgradeChannel::Stable;
            }),
        );
        assert_eq!(codes(&found), ["channel-change-takes-up-to-24h"]);
        assert_eq!(found[0].path.field, "autoUpgradeProfile.upgradeChannel");
        assert!(
            found[0].message.contains("upgradeChannel none to stable"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn leaving_node_image_must_change_the_cluster_channel_first() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.current_auto_upgrade_profile = Some(AutoUpgradeProfile {
                    upgrade_channel: UpgradeChannel::NodeImage,
                    node_os_upgrade_channel: NodeOsChannel::NodeImage,
                });
                c.auto_upgrade_profile.upgrade_channel = UpgradeChannel::Patch;
                c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::SecurityPatch;
            }),
        );
        let f = only(&found, CLUSTER_CHANNEL_FIRST.as_str(), Severity::Note);
        assert!(f.fix.contains("patch first"), "{}", f.fix);
    }

    #[test]
    fn entering_node_image_must_set_the_node_os_channel_first() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.current_auto_upgrade_profile = Some(AutoUpgradeProfile {
                    upgrade_channel: UpgradeChannel::Stable,
                    node_os_upgrade_channel: NodeOsChannel::SecurityPatch,
                });
                c.auto_upgrade_profile.upgrade_channel = UpgradeChannel::NodeImage;
                c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::NodeImage;
            }),
        );
        only(&found, NODE_OS_CHANNEL_FIRST.as_str(), Severity::Note);
        assert!(!codes(&found).contains(&CLUSTER_CHANNEL_FIRST.as_str()));
    }
}
