//! The fix ETA in words: one formatting for the app, the CLI and the Markdown review.

use chrono::{DateTime, NaiveDate, Utc};

use super::compute::{DatedEta, FleetEta, Outcome, PoolEta, Span, Verdict};
use crate::rules::projection::format_days;
use crate::rules::timefmt;

/// `2026-06-20 00:00`.
pub fn instant(t: DateTime<Utc>) -> String {
    format!("{} {}", timefmt::iso_date(&t), timefmt::hour_minute(&t))
}

/// `2026-06-20 … 2026-07-04 (likely 2026-06-27)`, dates only.
pub fn span(s: &Span) -> String {
    if s.earliest == s.latest {
        return timefmt::iso_date(&s.latest);
    }
    format!(
        "{} … {} (likely {})",
        timefmt::iso_date(&s.earliest),
        timefmt::iso_date(&s.latest),
        timefmt::iso_date(&s.likely)
    )
}

/// `met, 3.2 d to spare` / `MISSED by 35.0 d`.
pub fn verdict(v: Verdict) -> String {
    match v {
        Verdict::Met { margin_minutes } => format!("met, {} to spare", format_days(margin_minutes)),
        Verdict::Missed { by_minutes } => format!("MISSED by {}", format_days(by_minutes)),
    }
}

/// The verdict cell of a pool: the SLA verdict, or "never: why".
pub fn pool_verdict(p: &PoolEta) -> String {
    match &p.outcome {
        Outcome::Dated(d) => verdict(d.verdict),
        Outcome::Never { why } => format!("never: {why}"),
    }
}

/// What exposure is measured from: the disclosure date, or each pool's fixed image's AKS
/// release (the same start as the exposure panel's "publication").
pub fn exposure_basis(disclosed: Option<NaiveDate>) -> String {
    match disclosed {
        Some(d) => format!(
            "Exposure = days from disclosure ({}) until the last node of the pool runs the fix",
            timefmt::iso_date(&d)
        ),
        None => "Exposure = days from the AKS release of the pool's fixed image (not its arrival in the region) until the last node of the pool runs the fix".to_owned(),
    }
}

/// `58.0 d likely, 65.3 d at the latest`.
pub fn exposure(d: &DatedEta) -> String {
    format!(
        "{} likely, {} at the latest",
        format_days(d.exposure_minutes[0]),
        format_days(d.exposure_minutes[1])
    )
}

/// One line for the fleet: how many pools meet the SLA.
pub fn fleet_line(e: &FleetEta) -> String {
    let mut line = format!(
        "{} of {} pools meet the SLA ({}); {} miss it, {} never get the fix",
        e.met,
        e.pools.len(),
        e.sla.label(),
        e.missed,
        e.never
    );
    if let Some(t) = e.latest {
        line.push_str(&format!("; the last pool runs it by {}", instant(t)));
    }
    line
}

/// Shown when the slowest pool would still run an image past its 90-day validity.
pub const VALIDITY_WARNING: &str = "The slowest pool would still run an image more than 90 days old when the fix arrives: AKS node images are valid for 90 days";

/// Where a pool's ETA sits on the fix-ETA chart: percentages of the chart width for the
/// earliest and latest "last node runs it", the likely one and the SLA deadline, over
/// `[from, to]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub start: f64,
    pub end: f64,
    pub likely: f64,
    pub deadline: f64,
}

/// The chart's range: from `now` to the later of the last ETA and the last deadline.
pub fn chart_range(e: &FleetEta, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let end = e
        .pools
        .iter()
        .filter_map(PoolEta::dated)
        .flat_map(|d| [d.done.latest, d.deadline])
        .max()
        .unwrap_or(now);
    (now.min(end), end.max(now + chrono::Duration::days(1)))
}

/// The bar of a dated ETA over `[from, to]`.
pub fn bar(d: &DatedEta, from: DateTime<Utc>, to: DateTime<Utc>) -> Bar {
    let total = (to - from).num_minutes().max(1);
    // Kept in range as minutes: `f64::clamp`'s check of its bounds formats floats with
    // `Debug`, which alone linked core's float formatting into the app (README "Bundle-size
    // levers").
    let x =
        |t: DateTime<Utc>| (t - from).num_minutes().clamp(0, total) as f64 / total as f64 * 100.0;
    Bar {
        start: x(d.done.earliest),
        end: x(d.done.latest),
        likely: x(d.done.likely),
        deadline: x(d.deadline),
    }
}
