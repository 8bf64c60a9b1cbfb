//! The timeline as an accessible table: everything [`super::marks::cluster_track`] draws for a
//! cluster, one row per fact, in time order.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::kubernetes as kubernetes_marks;
use super::marks::release_title;
use super::{event_kind_text, when};
use crate::rules::figures::format_duration;
use crate::rules::maintenance::span_interval;
use crate::rules::plan::Plan;
use crate::rules::projection::Projection;
use crate::rules::projection::release::Stream;

/// One line of the accessible table: everything the timeline draws for a cluster, in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub at: DateTime<Utc>,
    /// "Window", "Window (blocked)", "Blackout", "Release", "Upgrade", "Waits", and for cluster
    /// auto-upgrade "Auto-upgrade window", "Control plane", "Kubernetes upgrade".
    pub kind: &'static str,
    /// Pool name for upgrades, empty otherwise.
    pub pool: String,
    pub text: String,
    /// Spill past the window, empty when none.
    pub spill: String,
}

/// The table version of [`cluster_track`] for cluster `index`.
pub fn table_rows(plan: &Plan, projection: &Projection, index: usize) -> Vec<TableRow> {
    let Some(cluster) = projection.clusters.get(index) else {
        return Vec::new();
    };
    let mut rows: Vec<TableRow> = Vec::new();
    let row = |at, kind, pool: &str, text: String, spill: String| TableRow {
        at,
        kind,
        pool: pool.to_owned(),
        text,
        spill,
    };
    for w in cluster.windows.iter() {
        let (kind, text) = if w.blocked {
            (
                "Window (blocked)",
                format!("until {}; blocked by a blackout", when(w.end)),
            )
        } else {
            ("Window", format!("until {}", when(w.end)))
        };
        rows.push(row(w.start, kind, "", text, String::new()));
    }
    if let Some(w) = plan
        .clusters
        .get(index)
        .and_then(|c| c.maintenance_configurations.node_os.as_ref())
    {
        for (a, b) in w
            .not_allowed_dates
            .iter()
            .filter_map(|span| span_interval(span, w.utc_offset))
            .filter(|&(a, b)| b > projection.from && a < projection.to)
        {
            rows.push(row(
                a,
                "Blackout",
                "",
                format!("until {}", when(b)),
                String::new(),
            ));
        }
    }
    // `extend`, not `collect()`: collecting sorts with a sort copy per collect site (bundle size).
    let mut streams: BTreeSet<Stream> = BTreeSet::new();
    streams.extend(cluster.pools.iter().filter_map(|p| p.stream));
    for r in projection
        .releases
        .iter()
        .filter(|r| streams.contains(&r.stream))
    {
        rows.push(row(
            r.available,
            "Release",
            "",
            release_title(r),
            String::new(),
        ));
    }
    for pool in cluster.pools.iter() {
        for e in &pool.events {
            let release = usize::try_from(e.release)
                .ok()
                .and_then(|k| projection.releases.get(k))
                .map_or_else(String::new, |r| r.label.clone());
            match (e.start, e.end) {
                (Some(start), Some(end)) => rows.push(row(
                    start,
                    "Upgrade",
                    &pool.name,
                    format!(
                        "{} to {release}, estimated end {}",
                        event_kind_text(e.kind),
                        when(end)
                    ),
                    if e.spill_minutes > 0 {
                        format_duration(e.spill_minutes)
                    } else {
                        String::new()
                    },
                )),
                _ => {
                    if let Some(r) = usize::try_from(e.release)
                        .ok()
                        .and_then(|k| projection.releases.get(k))
                    {
                        rows.push(row(
                            r.available,
                            "Upgrade",
                            &pool.name,
                            format!(
                                "{} to {release}: AKS-determined time",
                                event_kind_text(e.kind)
                            ),
                            String::new(),
                        ));
                    }
                }
            }
        }
        for &t in &pool.deferred {
            rows.push(row(
                t,
                "Waits",
                &pool.name,
                "work left at the window's end: waits for the next window".to_owned(),
                String::new(),
            ));
        }
    }
    kubernetes_marks::table_rows(projection, cluster, &mut rows);
    super::eta::table_rows(plan, projection, index, &mut rows);
    crate::rules::stable_sort::sort_by_key(&mut rows, |r| r.at);
    rows
}
