//! Schedule-quality findings: does the window fit the channel it governs (docs/aks-rules.md §3.1,
//! §3.6), do two windows collide, is a change too close to its window, and what happens without
//! a window (§8 ).

use crate::rules::finding::FindingCode;
use crate::rules::finding::fields::WindowField;
use chrono::{DateTime, TimeDelta, Utc};

use super::At;
use crate::rules::channel::{NodeOsChannel, UpgradeChannel};
use crate::rules::cluster::Cluster;
use crate::rules::finding::sources::{CLUSTER_AUTO_UPGRADE, NODE_OS_UPGRADE, PLANNED_MAINTENANCE};
use crate::rules::findings::{Finding, Severity, Source};
use crate::rules::maintenance::describe::format_local;
use crate::rules::maintenance::recurrence::{Occurrence, RecurrenceOptions};
use crate::rules::maintenance::{ConfigName, MaintenanceWindow, Schedule};

/// How far ahead overlapping node OS and auto-upgrade windows are looked for.
pub const OVERLAP_HORIZON_WEEKS: i64 = 12;

/// The lead time a changed configuration needs (docs/aks-rules.md §3.6, docs/aks-2026.md §1.9):
/// one constant, owned by `maintenance` so the DST remedies can name it too.
pub use crate::rules::maintenance::CHANGE_LEAD_MINUTES;

/// The longest gap between windows, in days (months count as 31).
fn cadence_days(s: &Schedule) -> u32 {
    match *s {
        Schedule::Daily { interval_days } => interval_days,
        Schedule::Weekly { interval_weeks, .. } => interval_weeks.saturating_mul(7),
        Schedule::AbsoluteMonthly {
            interval_months, ..
        }
        | Schedule::RelativeMonthly {
            interval_months, ..
        } => interval_months.saturating_mul(31),
    }
}

fn cadence_words(s: &Schedule) -> String {
    crate::rules::maintenance::describe::describe_schedule(s).to_ascii_lowercase()
}

/// Channel fit, ignored or missing windows, `default` misuse, overlaps and the A-12 note.
pub(crate) fn cluster_findings(
    cluster_index: usize,
    cluster: &Cluster,
    now: Option<DateTime<Utc>>,
    options: RecurrenceOptions,
) -> Vec<Finding> {
    let cfgs = &cluster.maintenance_configurations;
    let at = |config| At {
        cluster: cluster_index,
        cluster_name: &cluster.name,
        config,
    };
    let node_os = cluster.auto_upgrade_profile.node_os_upgrade_channel;
    let upgrade = cluster.auto_upgrade_profile.upgrade_channel;
    let mut out = Vec::new();
    match cfgs.node_os.as_ref() {
        Some(w) => node_os_fit(at(ConfigName::NodeOs), node_os, w, &mut out),
        None if node_os.uses_maintenance_window() => out.push(unscheduled(
            at(ConfigName::NodeOs),
            &format!("nodeOSUpgradeChannel {node_os}"),
            NODE_OS_UPGRADE,
        )),
        None => {}
    }
    match cfgs.auto_upgrade.as_ref() {
        Some(_) if upgrade == UpgradeChannel::None => out.push(at(ConfigName::AutoUpgrade).finding(
            Severity::Warning,
            FindingCode::AutoUpgradeWindowUnused,
            "",
            CLUSTER_AUTO_UPGRADE,
            [
                "aksManagedAutoUpgradeSchedule is set but upgradeChannel is none".into(),
                "a window does not turn auto-upgrade on; with upgradeChannel none it schedules nothing".into(),
                "set upgradeChannel (patch or stable), or remove the configuration".into(),
            ],
        )),
        Some(_) => {}
        None if upgrade != UpgradeChannel::None => {
            out.push(unscheduled(at(ConfigName::AutoUpgrade), &format!("upgradeChannel {upgrade}"), CLUSTER_AUTO_UPGRADE));
            if cfgs.default.is_some() {
                out.push(at(ConfigName::Default).finding(
                    Severity::Warning,
                    FindingCode::DefaultDoesNotScheduleAutoUpgrade,
                    "",
                    PLANNED_MAINTENANCE,
                    [
                        format!("the default configuration does not schedule upgradeChannel {upgrade}"),
                        "default governs AKS weekly releases only; cluster auto-upgrades follow aksManagedAutoUpgradeSchedule".into(),
                        "add an aksManagedAutoUpgradeSchedule configuration (a monthly window is the usual choice)".into(),
                    ],
                ));
            }
        }
        None => {}
    }
    if let (Some(now), Some(a), Some(n)) = (now, cfgs.auto_upgrade.as_ref(), cfgs.node_os.as_ref())
        && upgrade != UpgradeChannel::None
        && node_os.uses_maintenance_window()
        && let Some((x, y)) = first_overlap(a, n, now, options)
    {
        let start = x.start.max(y.start);
        out.push(at(ConfigName::NodeOs).finding(
            Severity::Warning,
            FindingCode::MaintenanceWindowsOverlap,
            "",
            PLANNED_MAINTENANCE,
            [
                format!(
                    "the node OS and auto-upgrade windows overlap, first on {} (UTC)",
                    format_local(start, crate::rules::maintenance::UtcOffset::UTC)
                ),
                "when windows overlap, AKS decides the order: a Kubernetes upgrade and a node image rollout may run back to back in one window".into(),
                "move one of the windows to another day or time if the order or the combined disruption matters".into(),
            ],
        ));
    }
    if cfgs.auto_upgrade.is_some() || cfgs.node_os.is_some() {
        let config = if cfgs.node_os.is_some() {
            ConfigName::NodeOs
        } else {
            ConfigName::AutoUpgrade
        };
        out.push(at(config).finding(
            Severity::Note,
            FindingCode::AssumptionWorkOutsideWindow,
            "",
            PLANNED_MAINTENANCE,
            [
                "assumption A-12: AKS only starts work inside a window; work in progress continues past its end".into(),
                "2026 docs: in-flight upgrades finish after the window, new ones wait; older docs also described catch-up upgrades outside windows after failures. Maintenance is best effort".into(),
                "size windows for the slowest node pool; see the projection for spill-over".into(),
            ],
        ));
    }
    out
}

/// §3.1: Unmanaged/None ignore the window; §3.6: NodeImage wants weekly, SecurityPatch can use daily.
fn node_os_fit(at: At<'_>, channel: NodeOsChannel, w: &MaintenanceWindow, out: &mut Vec<Finding>) {
    let cadence = cadence_days(&w.schedule);
    let words = cadence_words(&w.schedule);
    match channel {
        NodeOsChannel::None | NodeOsChannel::Unmanaged => out.push(at.finding(
            Severity::Warning,
            FindingCode::NodeOsWindowIgnored,
            "",
            NODE_OS_UPGRADE,
            [
                format!("aksManagedNodeOSUpgradeSchedule is set but nodeOSUpgradeChannel is {channel}"),
                "AKS schedules nothing for None or Unmanaged (Unmanaged patches nightly through the OS's own updater), so this window is ignored".into(),
                "choose SecurityPatch or NodeImage, or remove the configuration".into(),
            ],
        )),
        NodeOsChannel::NodeImage if cadence > 7 => out.push(at.finding(
            Severity::Warning,
            FindingCode::NodeImageCadenceTooLong,
            WindowField::Schedule.name(),
            PLANNED_MAINTENANCE,
            [
                format!("NodeImage with a window {words}"),
                "AKS releases a new node image every week; with a longer cadence images pile up and nodes fall behind on security fixes".into(),
                "use a weekly window (e.g. every Sunday)".into(),
            ],
        )),
        NodeOsChannel::SecurityPatch if cadence > 7 => out.push(at.finding(
            Severity::Warning,
            FindingCode::SecurityPatchCadenceTooLong,
            WindowField::Schedule.name(),
            PLANNED_MAINTENANCE,
            [
                format!("SecurityPatch with a window {words}"),
                "SecurityPatch delivers security fixes as they come; AKS recommends a daily window for it, and a longer cadence leaves patches waiting for weeks".into(),
                "use a daily window (or at most weekly)".into(),
            ],
        )),
        NodeOsChannel::SecurityPatch if cadence == 7 => out.push(at.finding(
            Severity::Note,
            FindingCode::SecurityPatchCadenceWeekly,
            WindowField::Schedule.name(),
            PLANNED_MAINTENANCE,
            [
                format!("SecurityPatch with a window {words}"),
                "SecurityPatch can use a daily window to receive security updates as they are released".into(),
                "consider a daily window if most patches are live and a week's delay matters".into(),
            ],
        )),
        _ => {}
    }
}

/// §8 A-13: a channel without a window runs at AKS-determined times.
fn unscheduled(at: At<'_>, what: &str, source: Source) -> Finding {
    at.finding(
        Severity::Note,
        FindingCode::MaintenanceWindowMissing,
        "",
        source,
        [
            format!("{what} has no {} window: AKS picks the time", at.config),
            "without a configuration AKS applies upgrades at times it determines; the planner shows them as unscheduled (assumption A-13)".into(),
            format!("add {} to control when upgrades may start", at.config),
        ],
    )
}

/// The first pair of usable (unblocked) windows that overlap within the horizon.
fn first_overlap(
    a: &MaintenanceWindow,
    b: &MaintenanceWindow,
    now: DateTime<Utc>,
    options: RecurrenceOptions,
) -> Option<(Occurrence, Occurrence)> {
    let until = now.checked_add_signed(TimeDelta::weeks(OVERLAP_HORIZON_WEEKS))?;
    let usable = |w: &MaintenanceWindow| -> Vec<Occurrence> {
        w.occurrences(now, options)
            .take_while(|o| o.start < until)
            .filter(|o| !o.blocked)
            .collect()
    };
    let (xs, ys) = (usable(a), usable(b));
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (xs.get(i), ys.get(j)) {
        if x.start < y.end && y.start < x.end {
            return Some((*x, *y));
        }
        if x.end <= y.end {
            i += 1;
        } else {
            j += 1;
        }
    }
    None
}

/// A configuration changed at `changed_at` whose next usable window starts less than
/// [`CHANGE_LEAD_MINUTES`] later may miss that window (§3.6; docs/aks-2026.md §1.3: 15 or 30).
pub fn change_lead_time(
    cluster_index: usize,
    cluster: &Cluster,
    config: ConfigName,
    changed_at: DateTime<Utc>,
    options: RecurrenceOptions,
) -> Option<Finding> {
    let next = cluster
        .maintenance_configurations
        .occurrences(config, changed_at, options)?
        .filter(|o| !o.blocked && o.start >= changed_at)
        .take(1)
        .next()?;
    let lead = next.start - changed_at;
    (lead < TimeDelta::minutes(CHANGE_LEAD_MINUTES)).then(|| {
        At {
            cluster: cluster_index,
            cluster_name: &cluster.name,
            config,
        }
        .finding(
            Severity::Warning,
            FindingCode::MaintenanceChangedTooLate,
            "",
            PLANNED_MAINTENANCE,
            [
                format!(
                    "{config} changes {} minutes before its next window ({} UTC)",
                    lead.num_minutes(),
                    format_local(next.start, crate::rules::maintenance::UtcOffset::UTC)
                ),
                format!(
                    "AKS needs time to pick up a new or changed maintenance configuration; that window may be missed. {}",
                    crate::rules::conflicts::LEAD_TIME.sentence()
                ),
                format!("apply the change at least {CHANGE_LEAD_MINUTES} minutes before the window starts"),
            ],
        )
    })
}
