//! Findings about projected Kubernetes upgrades (docs/aks-rules.md §2, §3): support window, upgrade
//! length against the auto-upgrade window and 24 h, and Kubernetes work running at the same time
//! as node OS work. Missing or unused auto-upgrade windows and `default` misuse are reported by
//! `maintenance::quality`; overlapping window *configurations* too — here it is projected work.

use crate::rules::finding::FindingCode;
use crate::rules::finding::fields::WindowField;
use chrono::{DateTime, Utc};

use super::super::findings::{finding, path};
use super::super::format_duration;
use super::super::timeline::{ClusterProjection, Scheduling};
use super::os_effects::OsEffectKind;
use super::release::Model;
use crate::rules::finding::sources::{
    CLUSTER_AUTO_UPGRADE, OS_VERSION, PLANNED_MAINTENANCE, SUPPORTED_VERSIONS, UPGRADE_PRACTICES,
};
use crate::rules::finding::{Finding, Severity};
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

/// The findings about cluster `c`'s projected Kubernetes upgrades, read with `model`.
pub fn cluster(model: &Model, c: &ClusterProjection, out: &mut Vec<Finding>) {
    let k = &c.kubernetes;
    if !k.active() {
        return;
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
                path(c, None, Some(AUTO_UPGRADE_CONFIG), WindowField::DurationHours.name()),
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
                path(c, None, Some(AUTO_UPGRADE_CONFIG), WindowField::StartTime.name()),
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
    os_effect_findings(c, out);
}

/// One finding per pool and effect: the first projected upgrade that causes it
/// (docs/aks-2026.md §1.1).
fn os_effect_findings(c: &ClusterProjection, out: &mut Vec<Finding>) {
    let mut seen: Vec<(&str, OsEffectKind)> = Vec::new();
    for u in &c.kubernetes.upgrades {
        for e in &u.os_effects {
            if seen.contains(&(e.pool.as_str(), e.kind)) {
                continue;
            }
            seen.push((e.pool.as_str(), e.kind));
            let j = c.pools.iter().position(|p| p.name == e.pool);
            let at = j.map(|j| (j, e.pool.as_str()));
            let when = u.start.map_or("at an AKS-determined time".to_owned(), |t| {
                format!("from {} UTC", iso_date_time(&t))
            });
            let conflict = e
                .conflict
                .as_ref()
                .map_or(String::new(), |c| format!(" {c}"));
            out.push(match e.kind {
                OsEffectKind::VersionChange => finding(
                    Severity::Warning,
                    FindingCode::KubernetesUpgradeChangesOsVersion,
                    path(c, at, None, "osSKU"),
                    format!(
                        "{}/{}: the projected Kubernetes upgrade {} → {} ({when}) moves the pool from {}",
                        c.name, e.pool, u.from_version, u.to_version, e.text
                    ),
                    &format!(
                        "With osSKU Ubuntu the Ubuntu version follows the Kubernetes version: 22.04 up to 1.34, 24.04 from 1.35. A new OS version under the workloads can break them (a reported case needed a rollback to Ubuntu2204).{conflict}"
                    ),
                    "Test the workloads on the new OS version first, or pin the version with osSKU Ubuntu2204 (Kubernetes up to 1.36) or Ubuntu2404.",
                    OS_VERSION,
                ),
                OsEffectKind::Unsupported => finding(
                    Severity::Warning,
                    FindingCode::KubernetesUpgradeUnsupportedOsSku,
                    path(c, at, None, "osSKU"),
                    format!(
                        "{}/{}: the projected Kubernetes upgrade {} → {} ({when}) goes to a version the pool cannot run: {}",
                        c.name, e.pool, u.from_version, u.to_version, e.text
                    ),
                    "AKS supports each OS SKU on a range of Kubernetes versions; Windows Server 2022 is not supported from Kubernetes 1.37.",
                    "Move the pool to a supported OS SKU (e.g. Windows2025) before the upgrade, or keep the cluster on a version the SKU supports (upgradeChannel patch).",
                    OS_VERSION,
                ),
            });
        }
    }
}
