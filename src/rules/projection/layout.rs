//! Geometry of the timeline view (issue 4 "Timeline view"): zoom levels, the instant → x
//! mapping, axis ticks, row heights and, per cluster, the marks to draw (windows, blackouts,
//! releases, upgrade bars with their spill, deferrals) with their texts. Pure and computed from
//! a [`Projection`], so the app only draws what this module returns and never re-derives a rule.
//!
//! # Invariants
//! - x is in CSS pixels from the scale's origin (UTC midnight at or before `from`); every mark
//!   lies inside `[0, Scale::x(to)]` and has a width of at least [`MIN_MARK_PX`].
//! - A bar's spill part starts where its window ends and is empty when the upgrade fits.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};

use super::super::maintenance::span_interval;
use super::super::plan::Plan;
use super::release::{Release, Stream};
use super::timeline::{ClusterProjection, EventKind, PoolEvent, Scheduling, WindowSlot};
use super::{Projection, format_days};

/// Weeks every projection of the timeline covers; zoom only changes how much is on screen.
pub const HORIZON_WEEKS: u32 = 26;
/// Height of the date axis above the rows, px.
pub const AXIS_PX: f64 = 28.0;
/// Height of a cluster's header row (windows, releases), px.
pub const CLUSTER_ROW_PX: f64 = 26.0;
/// Height of one pool row (its upgrade bars), px.
pub const POOL_ROW_PX: f64 = 22.0;
/// Narrowest mark drawn, so a 5-minute live patch stays visible and focusable.
pub const MIN_MARK_PX: f64 = 3.0;

/// How much of the horizon fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    TwoWeeks,
    FourWeeks,
    Quarter,
    HalfYear,
}

impl Zoom {
    pub const ALL: [Zoom; 4] = [
        Zoom::TwoWeeks,
        Zoom::FourWeeks,
        Zoom::Quarter,
        Zoom::HalfYear,
    ];

    pub fn weeks(self) -> u32 {
        match self {
            Zoom::TwoWeeks => 2,
            Zoom::FourWeeks => 4,
            Zoom::Quarter => 13,
            Zoom::HalfYear => 26,
        }
    }

    /// Button text, e.g. `2w`.
    pub fn label(self) -> String {
        format!("{}w", self.weeks())
    }

    /// Pixels per day so that [`Zoom::weeks`] fill about 1,100 px (the main area of a laptop
    /// screen); the rest of the horizon is reached by scrolling.
    pub fn px_per_day(self) -> f64 {
        1_100.0 / f64::from(self.weeks() * 7)
    }

    /// One step closer (fewer weeks on screen); stays at the closest level.
    pub fn zoom_in(self) -> Zoom {
        match self {
            Zoom::HalfYear => Zoom::Quarter,
            Zoom::Quarter => Zoom::FourWeeks,
            Zoom::FourWeeks | Zoom::TwoWeeks => Zoom::TwoWeeks,
        }
    }

    /// One step further out; stays at the widest level.
    pub fn zoom_out(self) -> Zoom {
        match self {
            Zoom::TwoWeeks => Zoom::FourWeeks,
            Zoom::FourWeeks => Zoom::Quarter,
            Zoom::Quarter | Zoom::HalfYear => Zoom::HalfYear,
        }
    }
}

/// Maps instants to x pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// UTC midnight at or before the projection's `from`, so day ticks fall on whole pixels.
    pub origin: DateTime<Utc>,
    pub px_per_day: f64,
}

impl Scale {
    pub fn new(from: DateTime<Utc>, zoom: Zoom) -> Scale {
        let origin = from
            .date_naive()
            .and_hms_opt(0, 0, 0)
            .map_or(from, |d| d.and_utc());
        Scale {
            origin,
            px_per_day: zoom.px_per_day(),
        }
    }

    /// x of `t`, px (negative before the origin).
    pub fn x(&self, t: DateTime<Utc>) -> f64 {
        // Seconds fit f64 exactly for any representable instant within ±285 million years.
        (t - self.origin).num_seconds() as f64 * self.px_per_day / 86_400.0
    }

    /// `(x, width)` of `[start, end)` clipped to `[0, limit]`; `None` if nothing is left.
    pub fn span(&self, start: DateTime<Utc>, end: DateTime<Utc>, limit: f64) -> Option<(f64, f64)> {
        let a = self.x(start).max(0.0);
        let b = self.x(end).min(limit);
        (b > a || (b == a && a < limit)).then(|| (a, (b - a).max(MIN_MARK_PX)))
    }
}

/// A vertical grid line of the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    /// Empty for an unlabelled minor line.
    pub label: String,
    /// Week starts (Mondays) are major: drawn darker.
    pub major: bool,
}

/// Axis ticks from the origin to `to`: every day labelled when days are wide enough to read
/// (≥ 60 px), else Mondays labelled with their date and other days as faint lines (≥ 8 px) or
/// nothing.
pub fn ticks(scale: &Scale, to: DateTime<Utc>) -> Vec<Tick> {
    let days = (to - scale.origin).num_days() + 1;
    (0..=days)
        .filter_map(|d| {
            let t = scale.origin + Duration::days(d);
            let monday = t.weekday() == Weekday::Mon;
            let label = if scale.px_per_day >= 60.0 {
                if monday {
                    t.format("Mon %-d %b").to_string()
                } else {
                    t.format("%a %-d").to_string()
                }
            } else if monday {
                t.format("%-d %b").to_string()
            } else if scale.px_per_day >= 8.0 {
                String::new()
            } else {
                return None;
            };
            Some(Tick {
                x: scale.x(t),
                label,
                major: monday,
            })
        })
        .collect()
}

/// Height of a cluster's block, px.
pub fn cluster_height(pools: usize) -> f64 {
    CLUSTER_ROW_PX + POOL_ROW_PX * pools as f64
}

/// Top of each cluster's block and, last, the total height.
pub fn row_offsets(pool_counts: impl IntoIterator<Item = usize>) -> Vec<f64> {
    let mut y = 0.0;
    let mut offsets = vec![0.0];
    for pools in pool_counts {
        y += cluster_height(pools);
        offsets.push(y);
    }
    offsets
}

/// A maintenance window occurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowMark {
    pub x: f64,
    pub width: f64,
    /// Blocked by a blackout (`notAllowedDates`, §3.5): drawn struck through and labelled.
    pub blocked: bool,
    pub title: String,
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
}

/// The words beside a pool's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolLabel {
    pub name: String,
    /// Estimated minutes of one rolling reimage of the pool (§4.3).
    pub upgrade_minutes: u32,
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
                spill_minutes: spilled.iter().fold(0u32, |a, &m| a.saturating_add(m)),
                spill_events: u32::try_from(spilled.len()).unwrap_or(u32::MAX),
                note,
            }
        })
        .collect();
    RowLabel {
        name: cluster.name.clone(),
        summary: format!(
            "{} · {}",
            cluster.channel,
            scheduling_text(cluster.scheduling)
        ),
        pools,
    }
}

/// `Tue 3 Nov 09:00 UTC`.
pub fn when(t: DateTime<Utc>) -> String {
    t.format("%a %-d %b %H:%M UTC").to_string()
}

/// `37 min` or `4 h 05 min`.
pub fn minutes_text(m: u32) -> String {
    if m < 60 {
        format!("{m} min")
    } else {
        format!("{} h {:02} min", m / 60, m % 60)
    }
}

pub fn scheduling_text(s: Scheduling) -> &'static str {
    match s {
        Scheduling::MaintenanceWindow => "maintenance window",
        Scheduling::AksDetermined => "AKS-determined time (no window)",
        Scheduling::Nightly => "nightly OS updater (~06:00 UTC)",
        Scheduling::NotPatched => "nothing applied",
    }
}

pub fn event_kind_text(k: EventKind) -> &'static str {
    match k {
        EventKind::Reimage => "reimage",
        EventKind::LivePatch => "live patch",
        EventKind::NightlyPatch => "nightly patch",
        EventKind::Reboot => "reboot",
    }
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
        .filter_map(|w| window_mark(w, scale, limit))
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
    let streams: BTreeSet<Stream> = cluster.pools.iter().filter_map(|p| p.stream).collect();
    let releases = projection
        .releases
        .iter()
        .filter(|r| streams.contains(&r.stream) && r.available < projection.to)
        .map(|r| ReleaseMark {
            x: scale.x(r.available.max(projection.from)),
            stream: r.stream,
            reimage: r.needs_reimage,
            title: release_title(r),
        })
        .collect();
    let pools = cluster
        .pools
        .iter()
        .map(|pool| PoolTrack {
            upgrades: pool
                .events
                .iter()
                .filter_map(|e| upgrade_mark(cluster, &pool.name, e, projection, scale, limit))
                .collect(),
            deferred: pool
                .deferred
                .iter()
                .map(|&t| {
                    let title = format!(
                        "{}: work left when the window closed at {}; waits for the next window",
                        pool.name,
                        when(t)
                    );
                    (scale.x(t).clamp(0.0, limit), title)
                })
                .collect(),
        })
        .collect();
    Some(ClusterTrack {
        windows,
        blackouts,
        releases,
        pools,
    })
}

fn window_mark(w: &WindowSlot, scale: &Scale, limit: f64) -> Option<WindowMark> {
    let (x, width) = scale.span(w.start, w.end, limit)?;
    let title = if w.blocked {
        format!(
            "Window {} → {}: blocked by a blackout, nothing runs",
            when(w.start),
            when(w.end)
        )
    } else {
        format!("Window {} → {}", when(w.start), when(w.end))
    };
    Some(WindowMark {
        x,
        width,
        blocked: w.blocked,
        title,
    })
}

fn release_title(r: &Release) -> String {
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
    let (x, width) = scale.span(start, window_end.max(start), limit)?;
    let (spill_x, spill_width) = if e.spill_minutes > 0 {
        scale.span(window_end, end, limit).unwrap_or((limit, 0.0))
    } else {
        (x + width, 0.0)
    };
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
        ("Duration", minutes_text(took)),
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
                minutes_text(e.spill_minutes)
            ),
        ));
    }
    let title = details
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join("; ");
    Some(UpgradeMark {
        x,
        width,
        spill_x,
        spill_width,
        kind: e.kind,
        title,
        details,
    })
}

/// Rows (`start..end` indices) whose block intersects `[top - margin, top + height + margin]`:
/// only those are drawn, so a 200-cluster fleet costs what a screenful does. `offsets` is
/// [`row_offsets`]' output.
pub fn visible_rows(offsets: &[f64], top: f64, height: f64, margin: f64) -> std::ops::Range<usize> {
    let rows = offsets.len().saturating_sub(1);
    let (lo, hi) = (top - margin, top + height + margin);
    let start = offsets
        .partition_point(|&y| y <= lo)
        .saturating_sub(1)
        .min(rows);
    let end = offsets.partition_point(|&y| y < hi).min(rows).max(start);
    start..end
}

/// The x range drawn: the visible one widened by a viewport on each side and snapped to whole
/// viewports, so that scrolling within it does not redraw anything.
pub fn x_window(left: f64, width: f64) -> (f64, f64) {
    let w = width.max(200.0);
    let chunk = (left / w).floor();
    ((chunk - 1.0) * w, (chunk + 3.0) * w)
}

/// One line of the accessible table: everything the timeline draws for a cluster, in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub at: DateTime<Utc>,
    /// "Window", "Window (blocked)", "Blackout", "Release", "Upgrade", "Waits".
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
    for w in &cluster.windows {
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
    let streams: BTreeSet<Stream> = cluster.pools.iter().filter_map(|p| p.stream).collect();
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
    for pool in &cluster.pools {
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
                        minutes_text(e.spill_minutes)
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
    rows.sort_by_key(|r| r.at);
    rows
}

/// Exposure minutes as a short text: `3.5 d`, `≥ 16.0 d`, or `—`.
pub fn exposure_text(minutes: Option<i64>, lower_bound: bool) -> String {
    match minutes {
        Some(m) if lower_bound => format!("≥ {}", format_days(m)),
        Some(m) => format_days(m),
        None => "—".to_owned(),
    }
}

/// Thousandths as `1.25`.
pub fn milli_text(milli: u64) -> String {
    let hundredths = (milli + 5) / 10;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Bar lengths 0..=`full` proportional to `values` (the largest gets `full`), for the small
/// side-by-side charts; all zero when every value is zero.
pub fn bar_lengths(values: &[u64], full: f64) -> Vec<f64> {
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if max == 0 {
                0.0
            } else {
                v as f64 / max as f64 * full
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::super::project;
    use super::*;
    use crate::rules::demo::demo_plan;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn zoom_steps_between_two_weeks_and_half_a_year() {
        assert_eq!(Zoom::TwoWeeks.zoom_in(), Zoom::TwoWeeks);
        assert_eq!(Zoom::TwoWeeks.zoom_out(), Zoom::FourWeeks);
        assert_eq!(Zoom::Quarter.zoom_out(), Zoom::HalfYear);
        assert_eq!(Zoom::HalfYear.zoom_out(), Zoom::HalfYear);
        assert_eq!(Zoom::HalfYear.zoom_in(), Zoom::Quarter);
        let labels: Vec<String> = Zoom::ALL.iter().map(|z| z.label()).collect();
        assert_eq!(labels, ["2w", "4w", "13w", "26w"]);
        for z in Zoom::ALL {
            let shown = z.px_per_day() * f64::from(z.weeks() * 7);
            assert!((shown - 1_100.0).abs() < 1e-6, "{z:?}");
        }
    }

    #[test]
    fn the_scale_starts_at_midnight_and_is_linear() {
        let s = Scale::new(at(2026, 11, 3, 14), Zoom::TwoWeeks);
        assert_eq!(s.origin, at(2026, 11, 3, 0));
        assert_eq!(s.x(at(2026, 11, 3, 0)), 0.0);
        let day = s.x(at(2026, 11, 4, 0));
        assert!((day - s.px_per_day).abs() < 1e-9);
        assert!((s.x(at(2026, 11, 3, 12)) - day / 2.0).abs() < 1e-9);
    }

    #[test]
    fn spans_are_clipped_and_never_thinner_than_the_minimum() {
        let s = Scale::new(at(2026, 11, 3, 0), Zoom::HalfYear);
        let limit = s.x(at(2026, 11, 10, 0));
        let before = s
            .span(at(2026, 11, 1, 0), at(2026, 11, 4, 0), limit)
            .unwrap();
        assert_eq!(before.0, 0.0);
        assert!((before.1 - s.px_per_day).abs() < 1e-9);
        let tiny = s
            .span(at(2026, 11, 5, 0), at(2026, 11, 5, 0), limit)
            .unwrap();
        assert_eq!(tiny.1, MIN_MARK_PX);
        assert_eq!(
            s.span(at(2026, 11, 11, 0), at(2026, 11, 12, 0), limit),
            None
        );
        let after = s
            .span(at(2026, 11, 9, 0), at(2026, 11, 12, 0), limit)
            .unwrap();
        assert!((after.0 + after.1 - limit).abs() < 1e-9);
    }

    #[test]
    fn ticks_label_days_when_close_and_mondays_when_far() {
        let from = at(2026, 11, 4, 9); // a Wednesday
        let to = from + Duration::weeks(2);
        let close = ticks(&Scale::new(from, Zoom::TwoWeeks), to);
        assert_eq!(close.len(), 16);
        assert_eq!(close[0].label, "Wed 4");
        assert_eq!(close[5].label, "Mon 9 Nov");
        assert!(close[5].major && !close[0].major);
        let far = ticks(&Scale::new(from, Zoom::HalfYear), to);
        assert_eq!(
            far.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["9 Nov", "16 Nov"]
        );
        let mid = ticks(&Scale::new(from, Zoom::Quarter), to);
        assert_eq!(mid.len(), 16);
        assert_eq!(mid.iter().filter(|t| !t.label.is_empty()).count(), 2);
    }

    #[test]
    fn rows_stack_a_header_and_one_row_per_pool() {
        assert_eq!(
            row_offsets([2, 0, 3]),
            [
                0.0,
                CLUSTER_ROW_PX + 2.0 * POOL_ROW_PX,
                2.0 * CLUSTER_ROW_PX + 2.0 * POOL_ROW_PX,
                3.0 * CLUSTER_ROW_PX + 5.0 * POOL_ROW_PX
            ]
        );
    }

    #[test]
    fn the_demo_tracks_stay_inside_the_horizon_with_spill_after_the_window() {
        let plan = demo_plan();
        let from = at(2026, 11, 2, 8);
        let p = project(&plan, from, HORIZON_WEEKS);
        for zoom in Zoom::ALL {
            let scale = Scale::new(from, zoom);
            let limit = scale.x(p.to);
            for i in 0..plan.clusters.len() {
                let t = cluster_track(&plan, &p, i, &scale).unwrap();
                assert_eq!(t.pools.len(), plan.clusters[i].agent_pool_profiles.len());
                assert_eq!(row_label(&p.clusters[i]).pools.len(), t.pools.len());
                let spans = t
                    .windows
                    .iter()
                    .map(|w| (w.x, w.width))
                    .chain(t.blackouts.iter().map(|b| (b.x, b.width)))
                    .chain(
                        t.pools
                            .iter()
                            .flat_map(|p| p.upgrades.iter().map(|u| (u.x, u.width))),
                    );
                for (x, w) in spans {
                    assert!(
                        x >= 0.0 && x <= limit && w >= MIN_MARK_PX,
                        "{x} {w} {limit}"
                    );
                }
                for u in t.pools.iter().flat_map(|p| &p.upgrades) {
                    assert!((u.spill_x - (u.x + u.width)).abs() < 1e-6 || u.spill_width == 0.0);
                    assert!(u.title.contains("Start: "));
                }
            }
        }
        assert!(cluster_track(&plan, &p, 3, &Scale::new(from, Zoom::Quarter)).is_none());
    }

    #[test]
    fn the_test_cluster_shows_its_year_end_blackout_and_blocked_windows() {
        let plan = demo_plan();
        let from = at(2026, 12, 1, 0);
        let p = project(&plan, from, HORIZON_WEEKS);
        let t = cluster_track(&plan, &p, 1, &Scale::new(from, Zoom::Quarter)).unwrap();
        assert_eq!(t.blackouts.len(), 1);
        assert!(t.blackouts[0].title.contains("Tue 22 Dec 23:00 UTC"));
        assert!(t.windows.iter().filter(|w| w.blocked).count() >= 10);
        assert!(
            t.windows
                .iter()
                .filter(|w| w.blocked)
                .all(|w| w.title.contains("blocked"))
        );
    }

    #[test]
    fn a_pool_longer_than_its_window_has_a_spill_part_and_a_spill_total() {
        let mut plan = demo_plan();
        // prod apps: 12 nodes, maxSurge 1 → 12 batches × (2 drain + 10 soak + 30 reimage)
        // + 7 = 511 min, longer than the 8 h window.
        plan.assumptions.projection.timings.reimage_minutes = 30;
        plan.clusters[2].agent_pool_profiles[1]
            .upgrade_settings
            .max_surge = Some("1".parse().unwrap());
        let from = at(2026, 11, 2, 8);
        let p = project(&plan, from, HORIZON_WEEKS);
        let t = cluster_track(&plan, &p, 2, &Scale::new(from, Zoom::Quarter)).unwrap();
        let label = &row_label(&p.clusters[2]).pools[1];
        assert_eq!(label.upgrade_minutes, 511);
        assert!(label.spill_events > 0 && label.spill_minutes > 0);
        let spilled = t.pools[1]
            .upgrades
            .iter()
            .find(|u| u.spill_width > 0.0)
            .unwrap();
        assert!(spilled.title.contains("Spill: "));
    }

    #[test]
    fn only_rows_near_the_viewport_are_drawn() {
        let offsets = row_offsets([3; 10]); // 92 px per cluster
        assert_eq!(visible_rows(&offsets, 0.0, 200.0, 0.0), 0..3);
        assert_eq!(visible_rows(&offsets, 184.0, 92.0, 0.0), 2..3);
        assert_eq!(visible_rows(&offsets, 300.0, 200.0, 100.0), 2..7);
        assert_eq!(visible_rows(&offsets, 5_000.0, 200.0, 0.0), 10..10);
        assert_eq!(visible_rows(&[0.0], 0.0, 500.0, 0.0), 0..0);
        assert_eq!(x_window(0.0, 1_000.0), (-1_000.0, 3_000.0));
        assert_eq!(x_window(1_500.0, 1_000.0), (0.0, 4_000.0));
    }

    #[test]
    fn the_table_lists_windows_releases_and_upgrades_in_time_order() {
        let plan = demo_plan();
        let from = at(2026, 12, 1, 0);
        let p = project(&plan, from, 8);
        let rows = table_rows(&plan, &p, 1);
        assert!(rows.windows(2).all(|w| w[0].at <= w[1].at));
        for kind in [
            "Window",
            "Window (blocked)",
            "Blackout",
            "Release",
            "Upgrade",
        ] {
            assert!(rows.iter().any(|r| r.kind == kind), "{kind}");
        }
        let upgrades = rows.iter().filter(|r| r.kind == "Upgrade").count();
        let events: usize = p.clusters[1].pools.iter().map(|x| x.events.len()).sum();
        assert_eq!(upgrades, events);
        assert!(table_rows(&plan, &p, 9).is_empty());
    }

    #[test]
    fn small_texts_read_naturally() {
        assert_eq!(minutes_text(37), "37 min");
        assert_eq!(minutes_text(245), "4 h 05 min");
        assert_eq!(exposure_text(Some(3 * 1440), false), "3.0 d");
        assert_eq!(exposure_text(Some(16 * 1440), true), "≥ 16.0 d");
        assert_eq!(exposure_text(None, false), "—");
        assert_eq!(milli_text(1_250), "1.25");
        assert_eq!(milli_text(4_334), "4.33");
        assert_eq!(bar_lengths(&[0, 5, 10], 100.0), [0.0, 50.0, 100.0]);
        assert_eq!(bar_lengths(&[0, 0], 100.0), [0.0, 0.0]);
    }
}
