//! Daylight-saving drift (issue 3): `utcOffset` is fixed (docs/aks-rules.md §3.2, §3.4: no DST), so
//! a window meant as "22:00 local" starts at 23:00 local for half the year in a zone with summer
//! time. Given the user's zone as offsets, this finds the dates where the zone's offset changes
//! under the fixed one, by how much, and the two remedies.
//!
//! The core knows no time zones: the caller passes the zone as a function from a UTC instant to
//! the offset in force (minutes east of UTC). The app gets it from the browser's Intl API; tests
//! and the CLI use a [`TransitionTable`].
//!
//! Intent: when `utcOffset` is one of the zone's offsets in the period checked, `startTime` is
//! read as wall-clock time in that zone, and every window at another offset drifts. When it is
//! none of them (a `+01:00` window read in `UTC`, or in New York), the team did not write the
//! window in this zone: that constant difference is stated neutrally
//! ([`DstDrift::zone_difference`]), never as something to fix, and drift is only what the
//! zone's own transitions change relative to its first window.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc};
use serde::Serialize;

use super::describe::{format_date, format_offset};
use super::recurrence::RecurrenceOptions;
use super::types::{MaintenanceWindow, StartTime, UtcOffset};

/// A zone as a transition list: `initial` minutes before the first transition, then each
/// `(instant, minutes)` from that instant on. Sorted by instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransitionTable {
    pub initial: i32,
    pub transitions: Vec<(DateTime<Utc>, i32)>,
}

impl TransitionTable {
    /// The offset in force at `t`.
    pub fn offset_at(&self, t: DateTime<Utc>) -> i32 {
        self.transitions
            .iter()
            .take_while(|(at, _)| *at <= t)
            .last()
            .map_or(self.initial, |&(_, m)| m)
    }
}

/// A run of consecutive windows at one zone offset that differs from `utcOffset`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DriftPeriod {
    /// Start of the first affected window, and its local date in the user's zone.
    pub first_window: DateTime<Utc>,
    pub first_local_date: NaiveDate,
    /// Start of the last affected window in the horizon.
    pub last_window: DateTime<Utc>,
    pub windows: u32,
    /// The zone's offset during the period, minutes east of UTC.
    pub zone_offset_minutes: i32,
    /// How much later (positive) or earlier the window starts on the wall clock.
    pub shift_minutes: i32,
    /// The wall-clock start in the user's zone.
    pub local_start: NaiveTime,
}

/// Remedy 1: one window long enough to cover the intended wall-clock hours at every offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LongerWindow {
    /// New `startTime`, in the window's unchanged `utcOffset`.
    pub start_time: StartTime,
    pub duration_hours: u32,
    /// −1: the start moves to the previous day (the schedule's day must move too); +1: next day.
    pub day_shift: i32,
    /// The API allows at most 24 hours.
    pub fits: bool,
}

/// Remedy 2: change `utcOffset` to follow the zone, after `after` and at least
/// [`super::CHANGE_LEAD_MINUTES`] (§3.6) before `before`, the first window at the new offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OffsetSwitch {
    pub utc_offset: UtcOffset,
    /// The zone's transition (to the minute), or the start of the horizon.
    pub after: DateTime<Utc>,
    pub before: DateTime<Utc>,
}

/// `utcOffset` is not an offset the zone uses in the period checked: the window was not written
/// in this zone. A fact to show (times in both clocks), not a fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZoneDifference {
    /// The zone's offset at the first window, minutes east of UTC.
    pub zone_offset_minutes: i32,
    /// The first window's start on the zone's wall clock.
    pub local_start: NaiveTime,
    /// Whether the zone's offset changes within the period checked.
    pub zone_changes: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DstDrift {
    pub periods: Vec<DriftPeriod>,
    /// `None` when there is no drift.
    pub longer_window: Option<LongerWindow>,
    /// Following the zone by changing `utcOffset`: only when `utcOffset` is one of the zone's
    /// offsets (otherwise the start time would have to change too).
    pub offset_switches: Vec<OffsetSwitch>,
    pub zone_difference: Option<ZoneDifference>,
}

impl DstDrift {
    /// Nothing to say: no drift and `utcOffset` is the zone's offset.
    pub fn is_none(&self) -> bool {
        self.periods.is_empty() && self.zone_difference.is_none()
    }
}

/// The drift of `window` against the zone `zone` for usable (unblocked) windows starting in
/// `[from, until)`.
pub fn dst_drift(
    window: &MaintenanceWindow,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    options: RecurrenceOptions,
    zone: impl Fn(DateTime<Utc>) -> i32,
) -> DstDrift {
    let w = window.utc_offset.minutes();
    let starts: Vec<(DateTime<Utc>, i32)> = window
        .occurrences(from, options)
        .take_while(|o| o.start < until)
        .filter(|o| !o.blocked)
        .map(|o| (o.start, zone(o.start)))
        .collect();
    let Some(&(first_start, first_zone)) = starts.first() else {
        return DstDrift {
            periods: Vec::new(),
            longer_window: None,
            offset_switches: Vec::new(),
            zone_difference: None,
        };
    };
    let (lo, hi) = starts
        .iter()
        .fold((first_zone, first_zone), |(lo, hi), &(_, z)| {
            (lo.min(z), hi.max(z))
        });
    let written_in_zone = starts.iter().any(|&(_, z)| z == w);
    // The wall-clock reading the windows drift from: the window's own offset when the zone
    // uses it, else the zone's offset at the first window.
    let baseline = if written_in_zone { w } else { first_zone };
    let mut periods: Vec<DriftPeriod> = Vec::new();
    let mut switches = Vec::new();
    let mut previous: Option<(DateTime<Utc>, i32)> = None;
    for &(start, z) in &starts {
        let changed = previous.map_or(z != baseline, |(_, pz)| pz != z);
        if changed && written_in_zone {
            let after = previous.map_or(from, |(pt, pz)| transition(pt, start, pz, &zone));
            switches.push(OffsetSwitch {
                utc_offset: UtcOffset::from_minutes(z),
                after,
                before: start,
            });
        }
        if z != baseline {
            match periods.last_mut() {
                Some(p) if !changed => {
                    p.last_window = start;
                    p.windows += 1;
                }
                _ => periods.push(period(baseline, start, z)),
            }
        }
        previous = Some((start, z));
    }
    let longer_window = (!periods.is_empty()).then(|| longer(window, baseline, lo, hi));
    let zone_difference = (!written_in_zone).then(|| ZoneDifference {
        zone_offset_minutes: first_zone,
        local_start: local_time(first_start, first_zone),
        zone_changes: lo != hi,
    });
    DstDrift {
        periods,
        longer_window,
        offset_switches: switches,
        zone_difference,
    }
}

/// The wall-clock time of `t` at `offset` minutes east of UTC.
fn local_time(t: DateTime<Utc>, offset: i32) -> NaiveTime {
    (t.naive_utc() + TimeDelta::minutes(i64::from(offset))).time()
}

fn period(baseline: i32, start: DateTime<Utc>, z: i32) -> DriftPeriod {
    let local = start.naive_utc() + TimeDelta::minutes(i64::from(z));
    DriftPeriod {
        first_window: start,
        first_local_date: local.date(),
        last_window: start,
        windows: 1,
        zone_offset_minutes: z,
        shift_minutes: z - baseline,
        local_start: local.time(),
    }
}

/// The first minute in `(a, b]` at which the zone shows `to` (bisection; one transition assumed
/// between two windows, which holds for real zones and windows at most weeks apart).
pub(crate) fn transition(
    a: DateTime<Utc>,
    b: DateTime<Utc>,
    from_offset: i32,
    zone: &impl Fn(DateTime<Utc>) -> i32,
) -> DateTime<Utc> {
    // Bisect on whole minutes after `a`: zone(a + lo) shows the old offset, zone(a + hi) not.
    let (mut lo, mut hi) = (0i64, (b - a).num_minutes());
    let at = |m: i64| a + TimeDelta::minutes(m);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if zone(at(mid)) == from_offset {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    at(hi)
}

/// Start early enough for the largest offset, last long enough for the smallest, so the
/// window covers the start time read at `baseline` whatever the zone's offset.
fn longer(window: &MaintenanceWindow, baseline: i32, lo: i32, hi: i32) -> LongerWindow {
    let t = i64::from(window.start_time.time().num_seconds_from_midnight() / 60);
    let start = t - i64::from(hi - baseline);
    let minutes = i64::from(window.duration_hours) * 60 + i64::from(hi - lo);
    let hours = u32::try_from((minutes + 59) / 60).unwrap_or(u32::MAX);
    let day_shift = i32::try_from(start.div_euclid(24 * 60)).unwrap_or(0);
    let in_day = u32::try_from(start.rem_euclid(24 * 60)).unwrap_or(0);
    LongerWindow {
        start_time: StartTime::new(in_day / 60, in_day % 60).unwrap_or(window.start_time),
        duration_hours: hours,
        day_shift,
        fits: hours <= 24,
    }
}

fn hhmm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The drift in sentences: a different zone first (neutral), one per period, then the
/// remedies.
pub fn describe_drift(window: &MaintenanceWindow, drift: &DstDrift) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(d) = &drift.zone_difference {
        out.push(format!(
            "This window is written in {} and this zone is at {}{}: it starts at {} {}, which is {} in this zone",
            format_offset(window.utc_offset),
            format_offset(UtcOffset::from_minutes(d.zone_offset_minutes)),
            if d.zone_changes { " at the first window" } else { "" },
            hhmm(window.start_time.time()),
            format_offset(window.utc_offset),
            hhmm(d.local_start),
        ));
        if !d.zone_changes {
            out.push(
                "The zone's offset does not change in the period checked, so the window starts at the same time in this zone all year: no daylight-saving drift"
                    .to_owned(),
            );
        }
    }
    // The wall-clock start the drift is measured from (utcOffset's reading, or the zone's at
    // the first window).
    let intended = drift.periods.first().map_or(window.start_time.time(), |p| {
        p.local_start - TimeDelta::minutes(i64::from(p.shift_minutes))
    });
    let intended = hhmm(intended);
    out.extend(drift.periods.iter().map(|p| {
        let sign = if p.shift_minutes > 0 { "+" } else { "−" };
        let abs = p.shift_minutes.unsigned_abs();
        format!(
            "From {} this window starts at {} local, not {intended} ({sign}{}:{:02}, {} window{} until {})",
            format_date(p.first_local_date),
            hhmm(p.local_start),
            abs / 60,
            abs % 60,
            p.windows,
            if p.windows == 1 { "" } else { "s" },
            format_date(
                (p.last_window.naive_utc() + TimeDelta::minutes(i64::from(p.zone_offset_minutes)))
                    .date()
            ),
        )
    }));
    // Two remedies when utcOffset can follow the zone, else the longer window alone.
    let (first, second) = if drift.offset_switches.is_empty() {
        ("Remedy", "Remedy")
    } else {
        ("Remedy 1", "Remedy 2")
    };
    if let Some(l) = &drift.longer_window {
        let day = match l.day_shift {
            d if d < 0 => " on the day before (move the schedule's day back one day too)",
            d if d > 0 => " on the day after (move the schedule's day forward one day too)",
            _ => "",
        };
        out.push(if l.fits {
            format!(
                "{first}: start at {}{day} ({}) and make the window {} hours long: it then covers {intended} local all year",
                l.start_time,
                format_offset(window.utc_offset),
                l.duration_hours
            )
        } else {
            format!(
                "{first} does not fit: covering {intended} local all year needs {} hours, more than the 24 AKS allows",
                l.duration_hours
            )
        });
    }
    if !drift.offset_switches.is_empty() {
        let steps: Vec<String> = drift
            .offset_switches
            .iter()
            .map(|s| {
                format!(
                    "to {} after {} UTC and at least {} minutes before the window of {}",
                    s.utc_offset,
                    crate::rules::timefmt::day_month_year_time(&s.after),
                    super::CHANGE_LEAD_MINUTES,
                    format_date(s.before.date_naive())
                )
            })
            .collect();
        out.push(format!(
            "{second}: switch utcOffset {}",
            steps.join(", then ")
        ));
    }
    out
}
