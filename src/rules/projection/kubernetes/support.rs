//! Whether a cluster's Kubernetes minor is still supported, and what that means for its node
//! OS channel: SecurityPatch and NodeImage deliver only while the minor is in support, so a
//! cluster on an out-of-support minor without LTS gets no node OS updates at all and its
//! exposure has no end (docs/aks-2026.md §1.1, §1.6).

use chrono::{DateTime, Utc};

use super::release::Model;
use crate::rules::assumptions::KubernetesAssumptions;
use crate::rules::channel::NodeOsChannel;
use crate::rules::cluster::Cluster;

/// When the cluster's minor leaves the community support window (N-2) under the release
/// assumptions; `None` with long-term support, without a version, or for another major.
pub fn community_support_ends(
    a: &KubernetesAssumptions,
    cluster: &Cluster,
) -> Option<DateTime<Utc>> {
    if !cluster.support_plan.is_community() {
        return None;
    }
    let model = Model::new(a);
    let minor = model.offset(cluster.kubernetes_version?)?;
    Some(model.support_ends(minor))
}

/// Whether `channel` is one AKS delivers only while the minor is supported.
pub fn needs_supported_minor(channel: NodeOsChannel) -> bool {
    matches!(
        channel,
        NodeOsChannel::SecurityPatch | NodeOsChannel::NodeImage
    )
}

/// The reason a pool gets nothing from the node OS channel from `at` on, if the cluster's minor
/// is out of support then.
pub fn blocked_at(
    a: &KubernetesAssumptions,
    cluster: &Cluster,
    channel: NodeOsChannel,
    at: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let ends = community_support_ends(a, cluster)?;
    (needs_supported_minor(channel) && ends <= at).then_some(ends)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::cluster::SupportPlan;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_minor_leaves_support_when_the_third_newer_minor_reaches_the_region() {
        // Release model: 1.32 GA 2025-03-15, a minor every 122 days, a week to the region:
        // 1.35 GA 2025-03-15 + 3 × 122 d = 2026-03-16, + 7 d: 1.32 is out of support from
        // 2026-03-23.
        let a = KubernetesAssumptions::default();
        let mut c = Cluster::new("aks");
        c.kubernetes_version = "1.32.4".parse().ok();
        assert_eq!(
            community_support_ends(&a, &c),
            Some(at("2026-03-23T00:00:00Z"))
        );
        let ch = NodeOsChannel::NodeImage;
        assert_eq!(blocked_at(&a, &c, ch, at("2026-03-22T23:00:00Z")), None);
        assert!(blocked_at(&a, &c, ch, at("2026-12-06T00:00:00Z")).is_some());
        assert!(blocked_at(&a, &c, NodeOsChannel::Unmanaged, at("2026-12-06T00:00:00Z")).is_none());
        c.support_plan = SupportPlan::AksLongTermSupport;
        assert_eq!(blocked_at(&a, &c, ch, at("2026-12-06T00:00:00Z")), None);
    }
}
