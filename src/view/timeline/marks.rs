//! What the timeline draws for one cluster (issue 4 "Timeline view"): windows (blocked ones
//! flagged), blackouts, releases, upgrade bars split at the window's end into the part inside
//! and the spill, deferrals, the label column, and the same facts as table rows. Positions come
//! from [`Scale`]; texts are complete sentences for `<title>`, the details box and screen readers.

use std::collections::BTreeSet;

use super::kubernetes::{self as kubernetes_marks, KubernetesTrack};
use super::{Scale, event_kind_text, on_plot, when};
use crate::rules::figures::format_duration;
use crate::rules::maintenance::span_interval;
use crate::rules::plan::Plan;
use crate::rules::projection::Projection;
use crate::rules::projection::kubernetes::os_effects::{OsEffectKind, effect};
use crate::rules::projection::release::{Release, Stream};
use crate::rules::projection::timeline::{ClusterProjection, EventKind, PoolEvent, WindowSlot};

pub use super::labels::{PoolLabel, RowLabel, duration_title, row_label};
pub use super::table::{TableRow, table_rows};

/// A maintenance window occurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowMark {
    pub x: f64,
    pub width: f64,
    /// Blocked by a blackout (`notAllowedDates`, §3.5): drawn struck through and labelled.
    pub blocked: bool,
    pub title: String,
    /// Its `data-mark`, stable whatever part of the axis is made: `w{k}` is the cluster's
    /// window `k` (see [`ClusterTrack::details`]).
    pub key: String,
}

/// A blackout interval of the node OS configuration, hatched across the cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct BlackoutMark {
    pub x: f64,
    pub width: f64,
    pub title: String,
}

/// A release reaching the cluster's region.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseMark {
    pub x: f64,
    pub stream: Stream,
    /// Whether it needs a reimage (filled marker) or not (hollow).
    pub reimage: bool,
    pub title: String,
}

/// One projected upgrade of a pool.
#[derive(Debug, Clone, PartialEq)]
pub struct UpgradeMark {
    pub x: f64,
    /// Width of the part inside the window (the whole bar if it fits).
    pub width: f64,
    /// x and width of the part past the window's end; width 0 when it fits.
    pub spill_x: f64,
    pub spill_width: f64,
    pub kind: EventKind,
    pub title: String,
    /// The same facts as the title, one per line, for the details box.
    pub details: Vec<(&'static str, String)>,
    /// Its `data-mark`: `u{j}-{k}` is event `k` of pool `j` (node OS then Kubernetes), `c{k}`
    /// the control plane step of Kubernetes upgrade `k`.
    pub key: String,
    /// A Kubernetes step that moves the pool to another OS version: the label drawn beside the
    /// bar, e.g. "OS Ubuntu 22.04 → Ubuntu 24.04" (docs/aks-2026.md §1.1).
    pub os_change: Option<String>,
}

/// One pool's row.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolTrack {
    pub upgrades: Vec<UpgradeMark>,
    /// Window ends at which this pool still had work and waits for the next window (x, title).
    pub deferred: Vec<(f64, String)>,
}

/// Everything drawn for one cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterTrack {
    pub windows: Vec<WindowMark>,
    pub blackouts: Vec<BlackoutMark>,
    pub releases: Vec<ReleaseMark>,
    pub pools: Vec<PoolTrack>,
    /// Cluster auto-upgrade: its windows, versions and control plane steps (§2).
    pub kubernetes: KubernetesTrack,
}

/// The marks of cluster `index` of `projection` (made from `plan`) on `scale`.
pub fn cluster_track(
    plan: &Plan,
    projection: &Projection,
    index: usize,
    scale: &Scale,
) -> Option<ClusterTrack> {
    let cluster = projection.clusters.get(index)?;
    let limit = scale.x(projection.to);
    let windows = cluster
        .windows
        .iter()
        .enumerate()
        .filter_map(|(k, w)| window_mark(&cluster.name, k, w, scale, limit))
        .collect();
    let blackouts = plan
        .clusters
        .get(index)
        .and_then(|c| c.maintenance_configurations.node_os.as_ref())
        .map(|w| {
            w.not_allowed_dates
                .iter()
                .filter_map(|span| span_interval(span, w.utc_offset))
                .filter_map(|(a, b)| {
                    let (x, width) = scale.span(a, b, limit)?;
                    Some(BlackoutMark {
                        x,
                        width,
                        title: format!("Blackout (notAllowedDates): {} → {}", when(a), when(b)),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    // `extend`, not `collect()`: collecting sorts with a sort copy per collect site (bundle size).
    let mut streams: BTreeSet<Stream> = BTreeSet::new();
    streams.extend(cluster.pools.iter().filter_map(|p| p.stream));
    let mut releases: Vec<ReleaseMark> = projection
        .releases
        .iter()
        .filter(|r| streams.contains(&r.stream) && r.available < projection.to)
        .map(|r| (r, scale.x(r.available.max(projection.from))))
        .filter(|&(_, x)| scale.shows(x, 0.0))
        .map(|(r, x)| ReleaseMark {
            x,
            stream: r.stream,
            reimage: r.needs_reimage,
            title: release_title(r),
        })
        .collect();
    releases.extend(kubernetes_marks::releases(projection, cluster, scale));
    let pools = cluster
        .pools
        .iter()
        .enumerate()
        .map(|(j, pool)| PoolTrack {
            upgrades: pool
                .events
                .iter()
                .chain(&pool.kubernetes_events)
                .enumerate()
                .filter_map(|(k, e)| {
                    let mark = upgrade_mark(cluster, &pool.name, e, projection, scale, limit)?;
                    Some(UpgradeMark {
                        key: format!("u{j}-{k}"),
                        ..mark
                    })
                })
                .collect(),
            deferred: pool
                .deferred
                .iter()
                .filter(|&&t| scale.shows(on_plot(scale.x(t), limit), 0.0))
                .map(|&t| {
                    let title = format!(
                        "{}: work left when the window closed at {}; waits for the next window",
                        pool.name,
                        when(t)
                    );
                    (on_plot(scale.x(t), limit), title)
                })
                .chain(
                    pool.kubernetes_deferred
                        .iter()
                        .filter(|&&t| scale.shows(on_plot(scale.x(t), limit), 0.0))
                        .map(|&t| {
                            (
                                on_plot(scale.x(t), limit),
                                kubernetes_marks::wait_title(&pool.name, t),
                            )
                        }),
                )
                .collect(),
        })
        .collect();
    Some(ClusterTrack {
        windows,
        blackouts,
        releases,
        pools,
        kubernetes: kubernetes_marks::track(cluster, scale, limit),
    })
}

/// Window `k` of cluster `name`. The title names the cluster: it is the mark's accessible
/// name, read on its own when the mark is focused.
fn window_mark(
    name: &str,
    k: usize,
    w: &WindowSlot,
    scale: &Scale,
    limit: f64,
) -> Option<WindowMark> {
    let (x, width) = scale.span(w.start, w.end, limit)?;
    let blocked = if w.blocked {
        ": blocked by a blackout, nothing runs"
    } else {
        ""
    };
    Some(WindowMark {
        x,
        width,
        blocked: w.blocked,
        title: format!(
            "{name}, node OS window {} → {}{blocked}",
            when(w.start),
            when(w.end)
        ),
        key: format!("w{k}"),
    })
}

pub(crate) fn release_title(r: &Release) -> String {
    format!(
        "{} {}: published {}, in region {}{}",
        r.stream.label(),
        r.label,
        when(r.published),
        when(r.available),
        if r.needs_reimage {
            ", needs a reimage"
        } else {
            ""
        }
    )
}

fn upgrade_mark(
    cluster: &ClusterProjection,
    pool: &str,
    e: &PoolEvent,
    projection: &Projection,
    scale: &Scale,
    limit: f64,
) -> Option<UpgradeMark> {
    let (start, end) = (e.start?, e.end?);
    let window_end = e.window.map_or(end, |w| w.end.min(end).max(start));
    // Both parts are measured on the whole axis; the bar is made if either reaches the range.
    let axis = scale.within(f64::NEG_INFINITY, f64::INFINITY);
    let (x, width) = axis.span(start, window_end.max(start), limit)?;
    let (spill_x, spill_width) = if e.spill_minutes > 0 {
        axis.span(window_end, end, limit).unwrap_or((limit, 0.0))
    } else {
        (x + width, 0.0)
    };
    if !scale.shows(x, width + spill_width) {
        return None;
    }
    let release = projection
        .releases
        .get(usize::try_from(e.release).ok()?)
        .map_or_else(String::new, |r| format!("{} {}", r.stream.label(), r.label));
    let took = u32::try_from((end - start).num_minutes()).unwrap_or(u32::MAX);
    let mut details = vec![
        ("Cluster", cluster.name.clone()),
        ("Pool", pool.to_owned()),
        ("What", event_kind_text(e.kind).to_owned()),
        ("Release", release),
        ("Start", when(start)),
        ("Estimated end", when(end)),
        ("Duration", format_duration(took)),
    ];
    if e.covers > 1 {
        details.push(("Covers", format!("{} releases at once", e.covers)));
    }
    if let Some(w) = e.window {
        details.push(("Window", format!("{} → {}", when(w.start), when(w.end))));
    }
    if e.spill_minutes > 0 {
        details.push((
            "Spill",
            format!(
                "{} past the window's end (in-flight work continues)",
                format_duration(e.spill_minutes)
            ),
        ));
    }
    let upgrade = (e.kind == EventKind::KubernetesUpgrade)
        .then(|| {
            cluster
                .kubernetes
                .upgrades
                .iter()
                .find(|u| u.release == e.release)
        })
        .flatten();
    let changes = upgrade.and_then(|u| effect(u, pool, OsEffectKind::VersionChange));
    if let Some(c) = changes {
        details.push(("OS version change", c.text.clone()));
    }
    if let Some(u) = upgrade.and_then(|u| effect(u, pool, OsEffectKind::Unsupported)) {
        details.push(("OS SKU", u.text.clone()));
    }
    Some(UpgradeMark {
        os_change: changes.map(|c| format!("OS {}", c.text)),
        ..UpgradeMark::new((x, width), (spill_x, spill_width), e.kind, details)
    })
}

impl UpgradeMark {
    /// A bar at `(x, width)` with its spill part; the title is the details on one line.
    pub fn new(
        bar: (f64, f64),
        spill: (f64, f64),
        kind: EventKind,
        details: Vec<(&'static str, String)>,
    ) -> UpgradeMark {
        let title = details
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("; ");
        UpgradeMark {
            x: bar.0,
            width: bar.1,
            spill_x: spill.0,
            spill_width: spill.1,
            kind,
            title,
            details,
            key: String::new(),
            os_change: None,
        }
    }
}

impl ClusterTrack {
    /// The details box lines of the mark whose `data-mark` is `key` (a window, a control plane
    /// step or a pool's upgrade; see [`WindowMark::key`], [`UpgradeMark::key`]).
    pub fn details(&self, key: &str) -> Option<Vec<(&'static str, String)>> {
        if let Some(w) = self.windows.iter().find(|w| w.key == key) {
            return Some(vec![("Window", w.title.clone())]);
        }
        self.kubernetes
            .control_plane
            .iter()
            .chain(self.pools.iter().flat_map(|p| &p.upgrades))
            .find(|u| u.key == key)
            .map(|u| u.details.clone())
    }
}
