//! A cluster on a Kubernetes minor out of support without LTS: its node OS channel delivers
//! nothing (docs/aks-2026.md §1.1, §1.6). Dated against "now" (a parameter) with the
//! Kubernetes release assumptions the projection uses.

use chrono::{DateTime, Utc};

use crate::rules::plan::Plan;
use crate::rules::projection::kubernetes::support::blocked_at;
use crate::rules::projection::timeline::effective_channel;
use crate::rules::timefmt::iso_date;

use super::sources::NODE_OS_UPGRADE;
use super::{FieldPath, Finding, fields, per_cluster};
use crate::rules::finding::FindingCode;

pub(super) fn findings(plan: &Plan, now: Option<DateTime<Utc>>) -> Vec<Finding> {
    let Some(now) = now else {
        return Vec::new();
    };
    let a = &plan.assumptions.projection.kubernetes;
    per_cluster(plan, |ci, cluster, out| {
        let channel = effective_channel(cluster);
        let Some(since) = blocked_at(a, cluster, channel, now) else {
            return;
        };
        let version = cluster
            .kubernetes_version
            .map(|v| v.to_string())
            .unwrap_or_default();
        out.push(
            Finding::warning(
                FindingCode::NodeOsStoppedOutOfSupport,
                FieldPath::cluster(ci, cluster, fields::KUBERNETES_VERSION),
                NODE_OS_UPGRADE,
            )
            .message(format!(
                "cluster {:?} runs Kubernetes {version}, out of support since {} without \
                 long-term support: nodeOSUpgradeChannel {channel} delivers no node OS updates",
                cluster.name,
                iso_date(&since)
            ))
            .why(
                "AKS delivers SecurityPatch and NodeImage updates only while the cluster's \
                 Kubernetes minor version is in support, so these nodes stay exposed until the \
                 cluster is upgraded. The end of support is projected from the Kubernetes \
                 release assumptions (AKS calendar and cadence).",
            )
            .fix(
                "Upgrade the cluster to a supported minor (az aks get-upgrades), or enable \
                 long-term support (Premium tier, --k8s-support-plan AKSLongTermSupport).",
            ),
        );
    })
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{only, plan_with};
    use super::*;
    use crate::rules::channel::NodeOsChannel;
    use crate::rules::cluster::SupportPlan;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn an_out_of_support_minor_without_lts_stops_the_node_os_channel() {
        // 1.32 leaves N-2 on 2026-03-23 under the default release assumptions.
        let plan = plan_with(|c| c.kubernetes_version = "1.32.4".parse().ok());
        let found = findings(&plan, Some(at("2026-12-06T00:00:00Z")));
        let f = only(
            &found,
            FindingCode::NodeOsStoppedOutOfSupport.as_str(),
            Severity::Warning,
        );
        assert!(f.message.contains("since 2026-03-23"), "{}", f.message);
        assert_eq!(f.path.pool, None);
        assert!(findings(&plan, Some(at("2026-03-01T00:00:00Z"))).is_empty());
        assert!(findings(&plan, None).is_empty());
    }

    #[test]
    fn lts_or_a_channel_aks_does_not_deliver_has_no_finding() {
        let now = Some(at("2026-12-06T00:00:00Z"));
        let lts = plan_with(|c| {
            c.kubernetes_version = "1.32.4".parse().ok();
            c.support_plan = SupportPlan::AksLongTermSupport;
        });
        assert!(findings(&lts, now).is_empty());
        let none = plan_with(|c| {
            c.kubernetes_version = "1.32.4".parse().ok();
            c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::None;
        });
        assert!(findings(&none, now).is_empty());
    }
}
