//! Findings about projected Kubernetes upgrades (docs/aks-rules.md §2, §3): support window, upgrade
//! length against the auto-upgrade window and 24 h, and Kubernetes work running at the same time
//! as node OS work. Missing or unused auto-upgrade windows and `default` misuse are reported by
//! `maintenance::quality`; overlapping window *configurations* too — here it is projected work.

use crate::rules::finding::FindingCode;
use chrono::{DateTime, Utc};

use super::super::findings::{finding, path};
use super::super::format_duration;
use super::super::timeline::{ClusterProjection, Scheduling};
use super::release::Model;
use crate::rules::finding::sources::{
    CLUSTER_AUTO_UPGRADE, PLANNED_MAINTENANCE, SUPPORTED_VERSIONS, UPGRADE_PRACTICES,
};
use crate::rules::finding::{Finding, Severity};
use crate::rules::plan::Plan;
use crate::rules::timefmt::iso_date_time;

const AUTO_UPGRADE_CONFIG: &str = "aksManagedAutoUpgradeSchedule";

/// The start of the first Kubernetes pool step of `c` that runs while node OS work runs, and
/// how many steps do.
fn overlap(c: &ClusterProjection) -> Option<(DateTime<Utc>, usize)> {
    let mut steps: Vec<(DateTime<Utc>, DateTime<Utc>)> = c
        .pools
        .iter()
        .flat_map(|p| &p.kubernetes_events)
        .filter_map(|e| Some((e.start?, e.end?)))
        .collect();
    if steps.is_empty() {
        return None;
    }
    // Steps of one cluster run one after another (§2 rule 3), so sorted by start their ends
    // grow too: the steps overlapping a node OS event are those starting before it ends, back
    // to the first that ends after it starts.
    crate::rules::stable_sort::sort_by_key(&mut steps, |s| s.0);
    let mut hit = vec![false; steps.len()];
    for (ns, ne) in c
        .pools
        .iter()
        .flat_map(|p| &p.events)
        .filter_map(|e| Some((e.start?, e.end?)))
    {
        let started = steps.partition_point(|s| s.0 < ne);
        for k in (0..started).rev().take_while(|&k| steps[k].1 > ns) {
            hit[k] = true;
        }
    }
    let first = steps
        .iter()
        .zip(&hit)
        .find(|(_, h)| **h)
        .map(|(s, _)| s.0)?;
    Some((first, hit.iter().filter(|h| **h).count()))
}

pub fn collect(plan: &Plan, clusters: &[ClusterProjection], out: &mut Vec<Finding>) {
    let model = Model::new(&plan.assumptions.projection.kubernetes);
    for c in clusters {
        let k = &c.kubernetes;
        if !k.active() {
            continue;
        }
        let channel = k.channel;
        if let (Some(since), Some(note)) = (k.out_of_support, &k.note) {
            let already = since <= k.effective_from;
            out.push(finding(
                Severity::Warning,
                FindingCode::KubernetesVersionOutsideSupport,
                path(c, None, None, "kubernetesVersion"),
                format!("{}: {note}", c.name),
                "Cluster auto-upgrade only runs while the cluster is inside the AKS support window (N-2). The newest minor is projected from the Kubernetes release assumptions (AKS calendar and cadence), not read from AKS.",
                if already {
                    "Upgrade the cluster to a supported minor first (az aks get-upgrades), or correct the Kubernetes release assumptions."
                } else {
                    "Plan a minor upgrade before that date, or use stable or rapid, which follow new minors."
                },
                SUPPORTED_VERSIONS,
            ));
        }
        if let Some(offset) = k.version.and_then(|v| model.offset(v)) {
            let newest = model.newest_available(k.effective_from.timestamp());
            if offset > newest {
                out.push(finding(
                    Severity::Note,
                    FindingCode::KubernetesReleaseModelBehind,
                    path(c, None, None, "kubernetesVersion"),
                    format!(
                        "{}: kubernetesVersion {} is newer than the newest minor the release assumptions have in the region ({})",
                        c.name,
                        k.version.map(|v| v.to_string()).unwrap_or_default(),
                        model.version(newest).map(|v| v.to_string()).unwrap_or_default()
                    ),
                    "Kubernetes upgrades are projected from an anchor minor and a cadence; a cluster ahead of them gets no projected upgrade until the model catches up.",
                    "Set the Kubernetes anchor minor and its GA date to a recent AKS release in the assumptions.",
                    SUPPORTED_VERSIONS,
                ));
            }
        }
        if let (Scheduling::MaintenanceWindow, Some(h)) = (k.scheduling, k.window_hours)
            && k.total_minutes > h.saturating_mul(60)
        {
            let waits: u32 = k.upgrades.iter().map(|u| u.waits).sum();
            let first_wait = c
                .pools
                .iter()
                .filter_map(|p| p.kubernetes_deferred.first())
                .min();
            let waited = match first_wait {
                Some(t) if waits > 0 => format!(
                    "; pools waited for the next window {waits}×, first after {} UTC",
                    iso_date_time(t)
                ),
                _ => String::new(),
            };
            out.push(finding(
                Severity::Warning,
                FindingCode::KubernetesUpgradeLongerThanWindow,
                path(c, None, Some(AUTO_UPGRADE_CONFIG), "durationHours"),
                format!(
                    "{}: a Kubernetes upgrade ({channel}) takes about {} (control plane, then {} pools one by one), longer than the {h} h auto-upgrade window{waited}",
                    c.name,
                    format_duration(k.total_minutes),
                    c.pools.len()
                ),
                "Auto-upgrade upgrades the control plane, then every pool one by one, each a full rolling reimage; work in flight at the window's end continues, pools not started wait for the next window (assumption A-12).",
                "Lengthen the aksManagedAutoUpgradeSchedule window or raise maxSurge on the largest pools.",
                PLANNED_MAINTENANCE,
            ));
        }
        if k.total_minutes > 24 * 60 {
            out.push(finding(
                Severity::Warning,
                FindingCode::KubernetesUpgradeOver24Hours,
                path(c, None, None, "agentPoolProfiles"),
                format!(
                    "{}: a Kubernetes upgrade takes about {} with all pools one after another: AKS may not auto-upgrade this cluster",
                    c.name,
                    format_duration(k.total_minutes)
                ),
                "Pools are only auto-upgraded while the estimated total upgrade time is within 24 hours, and a Kubernetes upgrade reimages every pool.",
                "Raise maxSurge on the largest pools.",
                UPGRADE_PRACTICES,
            ));
        }
        if let Some((first, count)) = overlap(c) {
            out.push(finding(
                Severity::Note,
                FindingCode::KubernetesAndNodeOsUpgradesOverlap,
                path(c, None, Some(AUTO_UPGRADE_CONFIG), "startTime"),
                format!(
                    "{}: {count} projected Kubernetes pool upgrade(s) run at the same time as node OS work, first {} UTC",
                    c.name,
                    iso_date_time(&first)
                ),
                "When both run at once AKS decides the order; the cluster then takes a Kubernetes upgrade and a node image or patch rollout in one stretch, and the Kubernetes upgrade already brings the newest node image.",
                "Move the auto-upgrade window to another day than the node OS window.",
                CLUSTER_AUTO_UPGRADE,
            ));
        }
    }
}
