//! What the timeline draws for a cluster's Kubernetes upgrades (issue 4 "Timeline view", §2):
//! the auto-upgrade windows and the versions upgraded to on the cluster row, the control plane
//! step, and the table rows. The pools' steps are ordinary upgrade marks of kind
//! `KubernetesUpgrade` (see [`super::super::marks::cluster_track`]); the app draws them with
//! their own pattern. Texts are complete sentences, as in `marks`.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::marks::{ReleaseMark, TableRow, UpgradeMark, WindowMark, release_title};
use super::{Scale, when};
use crate::rules::figures::format_duration;
use crate::rules::projection::Projection;
use crate::rules::projection::kubernetes::KubernetesUpgrade;
use crate::rules::projection::kubernetes::os_effects::{OsEffectKind, effect};
use crate::rules::projection::timeline::{ClusterProjection, EventKind};

/// The cluster-row marks of the auto-upgrade channel.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KubernetesTrack {
    /// `aksManagedAutoUpgradeSchedule` occurrences (drawn as a thin dashed band).
    pub windows: Vec<WindowMark>,
    /// Each upgrade's control plane step.
    pub control_plane: Vec<UpgradeMark>,
}

/// "1.36.3 → 1.36 patch 2026-12-05 (projected)".
fn versions(u: &KubernetesUpgrade) -> String {
    format!("{} → {}", u.from_version, u.to_version)
}

/// The versions the cluster is upgraded to, where they reach the region (drawn as squares
/// among the node OS releases).
pub fn releases(
    projection: &Projection,
    cluster: &ClusterProjection,
    scale: &Scale,
) -> Vec<ReleaseMark> {
    let mut targets: BTreeSet<u32> = BTreeSet::new();
    targets.extend(cluster.kubernetes.upgrades.iter().map(|u| u.release));
    targets
        .into_iter()
        .filter_map(|i| projection.releases.get(i as usize))
        .filter(|r| r.available < projection.to)
        .map(|r| (r, scale.x(r.available.max(projection.from))))
        .filter(|&(_, x)| scale.shows(x, 0.0))
        .map(|(r, x)| ReleaseMark {
            x,
            stream: r.stream,
            reimage: true,
            title: release_title(r),
        })
        .collect()
}

pub fn track(cluster: &ClusterProjection, scale: &Scale, limit: f64) -> KubernetesTrack {
    let k = &cluster.kubernetes;
    let windows = k
        .windows
        .iter()
        .filter_map(|w| {
            let (x, width) = scale.span(w.start, w.end, limit)?;
            let name = &cluster.name;
            let what = if w.blocked {
                ": blocked by a blackout, nothing starts"
            } else {
                ""
            };
            Some(WindowMark {
                x,
                width,
                blocked: w.blocked,
                title: format!(
                    "{name}, auto-upgrade window (aksManagedAutoUpgradeSchedule) {} → {}{what}",
                    when(w.start),
                    when(w.end)
                ),
                // Drawn as a strip, not focusable.
                key: String::new(),
            })
        })
        .collect();
    let control_plane = k
        .upgrades
        .iter()
        .enumerate()
        .filter_map(|(k, u)| {
            let mark = control_plane_mark(cluster, u, scale, limit)?;
            Some(UpgradeMark {
                key: format!("c{k}"),
                ..mark
            })
        })
        .collect();
    KubernetesTrack {
        windows,
        control_plane,
    }
}

fn control_plane_mark(
    cluster: &ClusterProjection,
    u: &KubernetesUpgrade,
    scale: &Scale,
    limit: f64,
) -> Option<UpgradeMark> {
    let (start, end) = (u.start?, u.control_plane_end?);
    let (x, width) = scale.span(start, end, limit)?;
    let mut details = vec![
        ("Cluster", cluster.name.clone()),
        ("What", "Kubernetes control plane upgrade".to_owned()),
        ("Version", versions(u)),
        ("Start", when(start)),
        ("Estimated end", when(end)),
        (
            "Then",
            "every pool one by one, each a rolling reimage".to_owned(),
        ),
    ];
    if let Some(w) = u.window {
        details.push(("Window", format!("{} → {}", when(w.start), when(w.end))));
    }
    if u.control_plane_spill_minutes > 0 {
        details.push((
            "Spill",
            format!(
                "{} past the window's end",
                format_duration(u.control_plane_spill_minutes)
            ),
        ));
    }
    Some(UpgradeMark::new(
        (x, width),
        (x + width, 0.0),
        EventKind::KubernetesUpgrade,
        details,
    ))
}

/// The title of a pool's wait for the next auto-upgrade window.
pub fn wait_title(pool: &str, at: DateTime<Utc>) -> String {
    format!(
        "{pool}: the auto-upgrade window closed at {} before its Kubernetes upgrade could start; waits for the next window",
        when(at)
    )
}

/// The table rows of the cluster's Kubernetes upgrades, appended to `rows`.
pub fn table_rows(projection: &Projection, cluster: &ClusterProjection, rows: &mut Vec<TableRow>) {
    let k = &cluster.kubernetes;
    let row = |at, kind, pool: &str, text: String, spill: u32| TableRow {
        at,
        kind,
        pool: pool.to_owned(),
        text,
        spill: if spill > 0 {
            format_duration(spill)
        } else {
            String::new()
        },
    };
    for w in &k.windows {
        let text = if w.blocked {
            format!("until {}; blocked by a blackout", when(w.end))
        } else {
            format!("until {}", when(w.end))
        };
        rows.push(row(w.start, "Auto-upgrade window", "", text, 0));
    }
    for u in &k.upgrades {
        let Some(r) = projection.releases.get(u.release as usize) else {
            continue;
        };
        let (at, text) = match (u.start, u.control_plane_end) {
            (Some(start), Some(end)) => (
                start,
                format!(
                    "Kubernetes control plane {}, estimated end {}; then the pools one by one",
                    versions(u),
                    when(end)
                ),
            ),
            _ => (
                r.available,
                format!("Kubernetes upgrade {}: AKS-determined time", versions(u)),
            ),
        };
        rows.push(row(
            at,
            "Control plane",
            "",
            text,
            u.control_plane_spill_minutes,
        ));
    }
    for pool in cluster.pools.iter() {
        for e in pool.kubernetes_events.iter() {
            let label = projection
                .releases
                .get(e.release as usize)
                .map_or_else(String::new, |r| r.label.clone());
            if let (Some(start), Some(end)) = (e.start, e.end) {
                // A step that moves the pool to another OS version says so (docs/aks-2026.md §1.1).
                let os = k
                    .upgrades
                    .iter()
                    .find(|u| u.release == e.release)
                    .and_then(|u| effect(u, &pool.name, OsEffectKind::VersionChange))
                    .map_or(String::new(), |c| format!("; OS version change {}", c.text));
                rows.push(row(
                    start,
                    "Kubernetes upgrade",
                    &pool.name,
                    format!(
                        "rolling reimage to {label}, estimated end {}{os}",
                        when(end)
                    ),
                    e.spill_minutes,
                ));
            }
        }
        for &t in &pool.kubernetes_deferred {
            rows.push(row(
                t,
                "Waits",
                &pool.name,
                "auto-upgrade window closed before its Kubernetes upgrade: waits for the next window"
                    .to_owned(),
                0,
            ));
        }
    }
}
