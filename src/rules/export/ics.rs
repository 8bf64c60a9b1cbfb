//! The `.ics` calendar of the projected maintenance windows (issue 5 "Other exports",
//! RFC 5545): one VEVENT per window of every configuration in scope, over a horizon from
//! the export's "now" (windows that already ended are left out), so a team sees in its own calendar when AKS may touch which cluster.
//!
//! Decisions (documented in the calendar's description too):
//! - One VEVENT per window rather than RRULE + EXDATE: the recurrence engine
//!   ([`MaintenanceConfigurations::occurrences`]) already knows §8 A-1 (missing days), A-10
//!   (no `startDate`), blackouts and the legacy `default` form, which RRULE cannot say exactly.
//! - Times are UTC (`…Z`): the engine yields UTC instants, so no VTIMEZONE is needed and the
//!   fixed `utcOffset` of a window (which ignores DST, §3.4) is shown exactly as AKS applies it.
//! - A window in a `notAllowedDates` blackout is kept, with `STATUS:CANCELLED` and "(blocked by
//!   blackout)" in its summary: the freeze is what a reviewer wants to see, and AKS starts no
//!   work in it (§3.5).
//! - Events are `TRANSP:TRANSPARENT`: a maintenance window must not make anyone look busy.
//! - UIDs are derived from the cluster (subscription, resource group, name), the configuration
//!   and the start, so re-exporting the same plan updates events instead of duplicating them;
//!   `DTSTAMP` is the export's "now" (no clock is read).

use std::fmt::Write;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::quote::ics_text;
use super::{ExportError, Skipped, schedule_description};
use crate::rules::cluster::Cluster;
use crate::rules::maintenance::{ConfigName, Occurrence};
use crate::rules::plan::Plan;
use crate::rules::projection::timeline::effective_channel;
use crate::rules::region::region_or_raw;

/// The horizon of [`ExportFormat::Ics`](super::ExportFormat::Ics): half a year of windows.
pub const DEFAULT_WEEKS: u32 = super::PROJECTION_WEEKS;
/// The longest horizon offered (two years; enough for any review, bounded output).
pub const MAX_WEEKS: u32 = 104;

/// RFC 5545 §3.7.3: who made the calendar.
const PRODID: &str = "-//aks-planner//AKS node OS upgrade planner//EN";
/// RFC 5545 §3.1: content lines are at most 75 octets, excluding the CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// One window of one configuration of one cluster.
struct Event<'a> {
    order: usize,
    cluster: &'a Cluster,
    config: ConfigName,
    schedule: String,
    window: Occurrence,
}

/// Renders the calendar of `clusters` (in apply order) for `weeks` weeks from `now`: windows
/// that ended at `now` are not listed; one still open is. `skipped` clusters (errors) are named
/// in the calendar's description.
/// Fails with [`ExportError::NoWindows`] when nothing falls in the horizon: RFC 5545 requires
/// at least one component, and an empty calendar would look like "no maintenance".
pub fn render(
    plan: &Plan,
    clusters: &[&Cluster],
    skipped: &[Skipped],
    now: DateTime<Utc>,
    weeks: u32,
) -> Result<String, ExportError> {
    let weeks = weeks.clamp(1, MAX_WEEKS);
    let from = now;
    let today = now.date_naive();
    let to = from + Duration::weeks(i64::from(weeks));
    let mut events = Vec::new();
    let mut without = Vec::new();
    for (order, cluster) in clusters.iter().enumerate() {
        let before = events.len();
        for config in ConfigName::ALL {
            let Some(schedule) = schedule_description(&cluster.maintenance_configurations, config)
            else {
                continue;
            };
            let windows = cluster
                .maintenance_configurations
                .occurrences(config, from, plan.assumptions.recurrence)
                .into_iter()
                .flatten()
                .take_while(|w| w.start < to)
                // A zero-length piece (a blackout cut) is no window; DTEND must follow DTSTART.
                .filter(|w| w.end > w.start);
            events.extend(windows.map(|window| Event {
                order,
                cluster,
                config,
                schedule: schedule.clone(),
                window,
            }));
        }
        if events.len() == before {
            without.push(cluster.name.as_str());
        }
    }
    if events.is_empty() {
        return Err(ExportError::NoWindows {
            scope: scope_label(plan, clusters),
            weeks,
        });
    }
    crate::rules::stable_sort::sort_by_key(&mut events, |e| {
        (e.window.start, e.order, e.config as u8)
    });

    let mut out = String::new();
    let dtstamp = stamp(from);
    for line in [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!(
            "X-WR-CALNAME:{}",
            ics_text(&format!(
                "AKS maintenance windows: {}",
                scope_label(plan, clusters)
            ))
        ),
        format!(
            "X-WR-CALDESC:{}",
            ics_text(&calendar_description(today, weeks, &without, skipped))
        ),
    ] {
        push_line(&mut out, &line);
    }
    for e in &events {
        write_event(&mut out, plan, e, &dtstamp);
    }
    push_line(&mut out, "END:VCALENDAR");
    Ok(out)
}

fn scope_label(plan: &Plan, clusters: &[&Cluster]) -> String {
    match clusters {
        [one] if plan.clusters.len() != 1 || plan.name.is_empty() => one.name.clone(),
        _ if plan.name.is_empty() => "fleet".to_owned(),
        _ => plan.name.clone(),
    }
}

fn calendar_description(
    today: NaiveDate,
    weeks: u32,
    without: &[&str],
    skipped: &[Skipped],
) -> String {
    let mut text = format!(
        "Maintenance windows projected by aks-planner on {today} for {weeks} weeks, in UTC. \
         A window inside a notAllowedDates blackout is listed as cancelled: AKS starts no work in it. \
         Regenerate after changing the plan."
    );
    if !without.is_empty() {
        let _ = write!(
            text,
            "\nNo maintenance window in this period (AKS-determined time, if any): {}.",
            without.join(", ")
        );
    }
    for s in skipped {
        let _ = write!(text, "\nNot in this calendar: {}.", s.summary());
    }
    text
}

fn write_event(out: &mut String, plan: &Plan, e: &Event<'_>, dtstamp: &str) {
    let c = e.cluster;
    let what = match e.config {
        ConfigName::Default => "AKS releases window (default)",
        ConfigName::AutoUpgrade => "cluster auto-upgrade window",
        ConfigName::NodeOs => "node OS upgrade window",
    };
    let mut summary = format!("{}: {what}", c.name);
    let mut description = format!("{}.\n{}", e.schedule, channel_line(c, e.config));
    if e.window.blocked {
        summary.push_str(" (blocked by blackout)");
        description.push_str(
            "\nBlocked: the window overlaps a notAllowedDates blackout, so AKS starts no work in it.",
        );
    }
    description.push('\n');
    description.push_str(&cluster_line(plan, c, e.config));
    let status = if e.window.blocked {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    for line in [
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", uid(c, e.config, e.window.start)),
        format!("DTSTAMP:{dtstamp}"),
        format!("DTSTART:{}", stamp(e.window.start)),
        format!("DTEND:{}", stamp(e.window.end)),
        format!("SUMMARY:{}", ics_text(&summary)),
        format!("DESCRIPTION:{}", ics_text(&description)),
        format!("LOCATION:{}", ics_text(&region_or_raw(&c.location))),
        format!("STATUS:{status}"),
        "TRANSP:TRANSPARENT".to_owned(),
        "END:VEVENT".to_owned(),
    ] {
        push_line(out, &line);
    }
}

/// "Cluster X in resource group Y (subscription Z, region). Plan P; configuration C." with
/// the parts a plan under edit may leave empty left out.
fn cluster_line(plan: &Plan, c: &Cluster, config: ConfigName) -> String {
    let mut line = format!("Cluster {}", c.name);
    if !c.resource_group.is_empty() {
        let _ = write!(line, " in resource group {}", c.resource_group);
    }
    let place: Vec<String> = [
        (!c.subscription.is_empty()).then(|| format!("subscription {}", c.subscription)),
        (!c.location.is_empty()).then(|| c.location.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !place.is_empty() {
        let _ = write!(line, " ({})", place.join(", "));
    }
    if !plan.name.is_empty() {
        let _ = write!(line, ". Plan {}", plan.name);
    }
    let _ = write!(line, "; configuration {}.", config.as_str());
    line
}

/// Which channel acts in a configuration's windows (docs/aks-rules.md §2 rule 1: `node-image`
/// forces the node OS channel to NodeImage).
fn channel_line(c: &Cluster, config: ConfigName) -> String {
    let p = c.auto_upgrade_profile;
    match config {
        ConfigName::Default => {
            "AKS weekly releases (control plane components and add-ons); no channel setting."
                .to_owned()
        }
        ConfigName::AutoUpgrade => {
            format!("Cluster auto-upgrade channel: {}.", p.upgrade_channel)
        }
        ConfigName::NodeOs => {
            let effective = effective_channel(c);
            if effective == p.node_os_upgrade_channel {
                format!("Node OS upgrade channel: {effective}.")
            } else {
                format!(
                    "Node OS upgrade channel: {effective} (forced by auto-upgrade channel {}; set {}).",
                    p.upgrade_channel, p.node_os_upgrade_channel
                )
            }
        }
    }
}

/// `20261128T210000Z` (RFC 5545 §3.3.5, form #2: UTC).
fn stamp(t: DateTime<Utc>) -> String {
    crate::rules::timefmt::ics_utc_stamp(&t)
}

/// A globally unique, stable UID: the start, the configuration and a hash of the cluster's ARM
/// identity (ASCII whatever the names hold, so it never needs escaping or folding).
fn uid(c: &Cluster, config: ConfigName, start: DateTime<Utc>) -> String {
    let identity = [c.subscription.as_str(), &c.resource_group, &c.name];
    // Short keys keep the UID on one content line.
    let key = match config {
        ConfigName::Default => "default",
        ConfigName::AutoUpgrade => "auto-upgrade",
        ConfigName::NodeOs => "node-os",
    };
    format!(
        "{}-{key}-{:016x}@aks-planner",
        stamp(start),
        fnv1a(&identity)
    )
}

/// FNV-1a 64 over the parts, each followed by a NUL separator (stable across platforms and
/// releases, unlike `std`'s hasher).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Appends one content line, folded so no physical line exceeds [`MAX_LINE_OCTETS`] octets
/// (RFC 5545 §3.1: CRLF then one space; never inside a UTF-8 sequence), then CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if width + n > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        push_line(&mut out, &line);
        for physical in out.split_terminator("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let mut out = String::new();
        push_line(&mut out, &"x".repeat(75));
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));
    }

    #[test]
    fn uid_hash_is_the_reference_fnv1a() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c; with the trailing NUL separator it differs.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        h ^= u64::from(b'a');
        h = h.wrapping_mul(0x0100_0000_01b3);
        assert_eq!(h, 0xaf63_dc4c_8601_ec8c);
        assert_ne!(fnv1a(&["a", "b"]), fnv1a(&["ab"]));
    }
}
