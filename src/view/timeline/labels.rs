//! The label column of the timeline: a cluster's name and channel summary, and per pool its
//! estimated upgrade duration, spill and why it gets nothing.

use super::scheduling_text;
use crate::rules::figures::format_duration;
use crate::rules::projection::timeline::{ClusterProjection, Scheduling};

/// The words beside a pool's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolLabel {
    pub name: String,
    /// Estimated minutes of one rolling reimage of the pool (§4.3).
    pub upgrade_minutes: u32,
    /// The duration in words, with the slower surge-1 retry of Kubernetes ≥ 1.35 when quota
    /// or capacity is short (docs/aks-2026.md §1.4), for the duration's tooltip.
    pub duration_title: String,
    /// Sum of spill minutes over the horizon and how many upgrades spilled.
    pub spill_minutes: u32,
    pub spill_events: u32,
    /// Why the pool gets nothing, or "AKS-determined time" when there is no window.
    pub note: Option<String>,
}

/// The words beside a cluster's block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowLabel {
    pub name: String,
    /// E.g. "NodeImage · maintenance window".
    pub summary: String,
    pub pools: Vec<PoolLabel>,
}

/// "One rolling reimage ≈ 37 min; if quota or capacity is short, AKS retries with 1 surge node
/// at a time: ≈ 2 h 07 min (Kubernetes 1.35 or later)".
pub fn duration_title(minutes: u32, fallback: Option<u32>) -> String {
    let mut text = format!(
        "One rolling reimage ≈ {} (estimate)",
        format_duration(minutes)
    );
    if let Some(slow) = fallback {
        text.push_str(&format!(
            "; if quota or capacity is short, AKS retries with 1 surge node at a time: ≈ {} \
             (Kubernetes 1.35 or later)",
            format_duration(slow)
        ));
    }
    text
}

/// The label column of one cluster.
pub fn row_label(cluster: &ClusterProjection) -> RowLabel {
    let pools = cluster
        .pools
        .iter()
        .map(|pool| {
            let spilled: Vec<u32> = pool
                .events
                .iter()
                .map(|e| e.spill_minutes)
                .filter(|&m| m > 0)
                .collect();
            let note = pool.note.clone().or_else(|| {
                (cluster.scheduling == Scheduling::AksDetermined)
                    .then(|| "AKS-determined time: no node OS window, no date projected".to_owned())
            });
            PoolLabel {
                name: pool.name.clone(),
                upgrade_minutes: pool.upgrade.minutes,
                duration_title: duration_title(pool.upgrade.minutes, pool.upgrade.fallback_minutes),
                spill_minutes: spilled.iter().fold(0u32, |a, &m| a.saturating_add(m)),
                spill_events: u32::try_from(spilled.len()).unwrap_or(u32::MAX),
                note,
            }
        })
        .collect();
    let mut summary = format!(
        "{} · {}",
        cluster.channel,
        scheduling_text(cluster.scheduling)
    );
    if let Some(k) = cluster.kubernetes.summary() {
        summary.push_str(" · ");
        summary.push_str(&k);
    }
    RowLabel {
        name: cluster.name.clone(),
        summary,
        pools,
    }
}
