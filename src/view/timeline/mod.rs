//! Geometry of the timeline view (issue 4 "Timeline view"): zoom levels, the instant → x
//! mapping, axis ticks, row heights, which rows and x range are drawn, and short texts; the
//! marks themselves are in [`marks`], keyboard focus in [`focus`]. Pure and computed from a
//! [`crate::rules::projection::Projection`], so the app only draws what this module returns
//! and never re-derives a rule. Moved here from `rules::projection` (issue 12: presentation
//! is not an AKS rule).
//!
//! # Invariants
//! - x is in CSS pixels from the scale's origin (UTC midnight at or before `from`); every mark
//!   lies inside `[0, Scale::x(to)]` and has a width of at least [`MIN_MARK_PX`].
//! - A bar's spill part starts where its window ends and is empty when the upgrade fits.

pub mod eta;
pub mod focus;
pub mod kubernetes;
pub mod labels;
pub mod marks;
pub mod table;

#[cfg(test)]
mod layout_tests;

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};

use crate::rules::projection::timeline::{EventKind, Scheduling};
use crate::view::format::tenths;

/// Weeks every projection of the timeline covers; zoom only changes how much is on screen.
pub use crate::rules::projection::HORIZON_WEEKS;
/// `Tue 3 Nov 09:00 UTC` (one format for an instant, `crate::rules::timefmt::when`).
pub use crate::rules::timefmt::when;
/// Height of the date axis above the rows, px.
pub const AXIS_PX: f64 = 28.0;
/// Height of a cluster's header row (windows, releases), px.
pub const CLUSTER_ROW_PX: f64 = 26.0;
/// Height of one pool row (its upgrade bars), px.
pub const POOL_ROW_PX: f64 = 22.0;
/// Narrowest mark drawn, so a 5-minute live patch stays visible and focusable.
pub const MIN_MARK_PX: f64 = 3.0;

/// Narrowest plot a zoom level is fitted to, px: narrower, days get too thin to read or hit,
/// so the plot keeps this width and scrolls.
pub const MIN_PLOT_PX: f64 = 320.0;

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

    /// Pixels per day so that [`Zoom::weeks`] fill a plot `plot_px` wide (the scroll area
    /// beside the labels, measured by the app), but never narrower than [`MIN_PLOT_PX`]: "4w"
    /// means four weeks on screen, whatever the screen (the fixed 1,100 px showed 1.5 weeks at
    /// 1366 px and needed 7 screens on a phone).
    pub fn px_per_day_in(self, plot_px: f64) -> f64 {
        plot_px.max(MIN_PLOT_PX) / f64::from(self.weeks() * 7)
    }

    /// What a plot `plot_px` wide shows: "4 weeks on screen", or where the plot is narrower
    /// than [`MIN_PLOT_PX`], "1.6 of 4 weeks on screen; scroll sideways for the rest".
    pub fn shown_text(self, plot_px: f64) -> String {
        let weeks = self.weeks();
        if plot_px >= MIN_PLOT_PX || !plot_px.is_finite() {
            return format!("{weeks} weeks on screen");
        }
        let shown = f64::from(weeks) * plot_px.max(0.0) / MIN_PLOT_PX;
        format!(
            "{} of {weeks} weeks on screen; scroll sideways for the rest",
            tenths(shown)
        )
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
    /// Only marks reaching into `[lo, hi]` px are made (see [`Scale::within`]); all by default.
    pub range: (f64, f64),
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
            range: (f64::NEG_INFINITY, f64::INFINITY),
        }
    }

    /// The scale on which `zoom` fills a plot `plot_px` wide (see [`Zoom::px_per_day_in`]).
    pub fn fitted(from: DateTime<Utc>, zoom: Zoom, plot_px: f64) -> Scale {
        Scale {
            px_per_day: zoom.px_per_day_in(plot_px),
            ..Scale::new(from, zoom)
        }
    }

    /// The same scale, making only the marks that reach into `[lo, hi]` px. The app draws only
    /// near the viewport (see [`x_window`]); formatting the titles of all 26 weeks' marks of
    /// every visible cluster cost more than drawing them (issue 4's edit→paint).
    pub fn within(self, lo: f64, hi: f64) -> Scale {
        Scale {
            range: (lo, hi),
            ..self
        }
    }

    /// Whether a mark at `x`, `width` px wide, reaches into [`Scale::range`].
    pub fn shows(&self, x: f64, width: f64) -> bool {
        x + width >= self.range.0 && x <= self.range.1
    }

    /// x of `t`, px (negative before the origin).
    pub fn x(&self, t: DateTime<Utc>) -> f64 {
        // Seconds fit f64 exactly for any representable instant within ±285 million years.
        (t - self.origin).num_seconds() as f64 * self.px_per_day / 86_400.0
    }

    /// `(x, width)` of `[start, end)` clipped to `[0, limit]`; `None` if nothing is left or it
    /// is outside [`Scale::range`].
    pub fn span(&self, start: DateTime<Utc>, end: DateTime<Utc>, limit: f64) -> Option<(f64, f64)> {
        let a = self.x(start).max(0.0);
        let b = self.x(end).min(limit);
        (b > a || (b == a && a < limit))
            .then(|| (a, (b - a).max(MIN_MARK_PX)))
            .filter(|&(x, width)| self.shows(x, width))
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
    // Monday labels ("30 Nov") need about 48 px: at 26 weeks on a laptop a week is ~30 px, so
    // only every 2nd (or 3rd, …) Monday is labelled; the others keep their line.
    let week_px = scale.px_per_day * 7.0;
    let every = if week_px > 0.0 {
        (48.0 / week_px).ceil().max(1.0) as i64
    } else {
        1
    };
    (0..=days)
        .filter_map(|d| {
            let t = scale.origin + Duration::days(d);
            let monday = t.weekday() == Weekday::Mon;
            let label = if scale.px_per_day >= 60.0 {
                if monday {
                    format!("Mon {}", crate::rules::timefmt::day_month(&t))
                } else {
                    format!("{} {}", crate::rules::timefmt::weekday_abbr(&t), t.day())
                }
            } else if monday && (d / 7) % every == 0 {
                crate::rules::timefmt::day_month(&t)
            } else if monday || scale.px_per_day >= 8.0 {
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

/// `x` kept on the plot, `0..=limit` px (`limit` itself when it is below 0; 0 for NaN).
/// WHY not `f64::clamp`: its check of the bounds formats them with `Debug` when it fails, and
/// that alone linked core's float formatting into the app (README "Bundle-size levers").
pub fn on_plot(x: f64, limit: f64) -> f64 {
    x.max(0.0).min(limit)
}

/// Height of a cluster's block, px.
pub fn cluster_height(pools: usize) -> f64 {
    CLUSTER_ROW_PX + POOL_ROW_PX * pools as f64
}

/// Top of each cluster's block and, last, the total height.
pub fn row_offsets(pool_counts: impl IntoIterator<Item = usize>) -> Vec<f64> {
    offsets_of(pool_counts.into_iter().map(cluster_height))
}

/// [`row_offsets`] of a timeline that draws only the clusters `shown` (sorted indices: those
/// the cluster list's search and filters find): the others take no height.
pub fn shown_row_offsets(pool_counts: &[usize], shown: &[usize]) -> Vec<f64> {
    offsets_of(pool_counts.iter().enumerate().map(|(i, &pools)| {
        if shown.binary_search(&i).is_ok() {
            cluster_height(pools)
        } else {
            0.0
        }
    }))
}

fn offsets_of(heights: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut y = 0.0;
    let mut offsets = vec![0.0];
    for h in heights {
        y += h;
        offsets.push(y);
    }
    offsets
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
        EventKind::KubernetesUpgrade => "Kubernetes upgrade",
    }
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

/// The x range drawn: the visible one plus a quarter to a half viewport on either side,
/// snapped to quarter viewports, so that scrolling less than a quarter viewport redraws
/// nothing. Kept small because every drawn mark is redrawn by an edit that changes it (issue
/// 4's edit→paint): 1.75 viewports; 2.5 drew 378 bars at `?bench=200` where this draws 279.
pub fn x_window(left: f64, width: f64) -> (f64, f64) {
    let quarter = width.max(200.0) / 4.0;
    let step = (left / quarter).floor();
    ((step - 1.0) * quarter, (step + 6.0) * quarter)
}
