//! Cluster auto-upgrade (docs/aks-rules.md §2): the Kubernetes version upgrades a cluster on the
//! `patch`, `stable` or `rapid` channel gets, placed in its `aksManagedAutoUpgradeSchedule`
//! windows (§3.1), with the control plane first and then every pool one by one, each a full
//! rolling reimage (§2 rule 3, §4.3), and the newest node image delivered to every pool on the
//! way (§2 rule 2).
//!
//! # Where to start
//! [`release`] is the release model, [`placement`] puts upgrades into windows (or leaves them
//! AKS-determined, §8 A-13), [`delivery`] feeds the node images they deliver into exposure,
//! [`findings`] and [`marks`] summarise for people.

pub mod delivery;
pub mod findings;
mod placement;
pub mod release;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::timeline::{PoolProjection, Releases, Scheduling, WindowSlot};
pub use crate::rules::assumptions::KubernetesAssumptions;
use crate::rules::channel::UpgradeChannel;
use crate::rules::cluster::Cluster;
use crate::rules::plan::Plan;
use crate::rules::version::KubernetesVersion;

/// One projected Kubernetes upgrade of a cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KubernetesUpgrade {
    /// The version upgraded to (index into `Projection::releases`, stream Kubernetes).
    pub release: u32,
    /// The version before, e.g. `1.33.2` or `1.34 (projected minor)`.
    pub from_version: String,
    /// The version after (the release's label).
    pub to_version: String,
    /// A minor version step rather than a patch.
    pub minor: bool,
    /// `false`: AKS-determined time; `window`, `start` and the ends are then `None`.
    pub scheduled: bool,
    pub window: Option<WindowSlot>,
    pub start: Option<DateTime<Utc>>,
    /// When the control plane is done and the first pool starts.
    pub control_plane_end: Option<DateTime<Utc>>,
    /// When the last pool is done; `None` while pools still wait at the horizon's end.
    pub end: Option<DateTime<Utc>>,
    /// Minutes the control plane runs past the window's end (in-flight work continues, §3.7).
    pub control_plane_spill_minutes: u32,
    /// How many times a window closed while pools of this upgrade still waited (§8 A-12).
    pub waits: u32,
}

/// Everything projected for a cluster's auto-upgrade channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KubernetesProjection {
    pub channel: UpgradeChannel,
    pub version: Option<KubernetesVersion>,
    /// `MaintenanceWindow` (aksManagedAutoUpgradeSchedule), `AksDetermined` (no such window)
    /// or `NotPatched` (channel none/node-image, or nothing the model can project).
    pub scheduling: Scheduling,
    /// First instant work can start: `from` + window lead time, or + the channel change delay.
    pub effective_from: DateTime<Utc>,
    /// The planned `upgradeChannel` differs from the live one (takes up to 24 h, §1.8).
    pub channel_change: bool,
    pub window_hours: Option<u32>,
    pub windows: Vec<WindowSlot>,
    pub upgrades: Vec<KubernetesUpgrade>,
    /// From this instant the cluster's minor is outside N-2 and auto-upgrade stops (§2 rule 4).
    pub out_of_support: Option<DateTime<Utc>>,
    /// Why nothing (more) is projected, in words.
    pub note: Option<String>,
    /// Control plane plus every pool one after another (§2 rule 3), minutes.
    pub total_minutes: u32,
}

impl KubernetesProjection {
    /// Whether the channel asks for Kubernetes upgrades at all.
    pub fn active(&self) -> bool {
        matches!(
            self.channel,
            UpgradeChannel::Patch | UpgradeChannel::Stable | UpgradeChannel::Rapid
        )
    }

    /// E.g. "Kubernetes patch · auto-upgrade window"; `None` when the channel is off.
    pub fn summary(&self) -> Option<String> {
        self.active().then(|| {
            let when = match self.scheduling {
                _ if self
                    .out_of_support
                    .is_some_and(|t| t <= self.effective_from) =>
                {
                    "outside the support window: none projected"
                }
                Scheduling::MaintenanceWindow => "auto-upgrade window",
                Scheduling::AksDetermined => "AKS-determined time (no auto-upgrade window)",
                _ => "nothing projected",
            };
            format!("Kubernetes {} · {when}", self.channel)
        })
    }
}

impl KubernetesProjection {
    /// One sentence for the review summary, e.g. "Kubernetes patch from 1.36.3 in auto-upgrade
    /// windows of 4 h: 3 upgrades, first Wed 16 Dec 02:00 UTC to 1.36 patch 2026-12-05
    /// (projected); control plane then pools ≈ 1 h 29 min"; `None` when the channel is off.
    pub fn describe(&self) -> Option<String> {
        if !self.active() {
            return None;
        }
        let from = self
            .version
            .map_or("an unknown version".to_owned(), |v| v.to_string());
        let mut text = format!("Kubernetes {} from {from}", self.channel);
        match (self.scheduling, self.window_hours) {
            (Scheduling::MaintenanceWindow, Some(h)) => {
                text.push_str(&format!(" in auto-upgrade windows of {h} h"));
            }
            (Scheduling::AksDetermined, _) => {
                text.push_str(" with no auto-upgrade window: AKS picks the times (A-13)");
            }
            _ => {}
        }
        let n = self.upgrades.len();
        match self.upgrades.first() {
            Some(u) => {
                let first = u
                    .start
                    .map_or("undated".to_owned(), crate::rules::timefmt::when);
                text.push_str(&format!(
                    ": {n} upgrade{}, first {first} to {}",
                    if n == 1 { "" } else { "s" },
                    u.to_version
                ));
            }
            None => text.push_str(": no upgrade projected"),
        }
        text.push_str(&format!(
            "; control plane then pools ≈ {}",
            super::format_duration(self.total_minutes)
        ));
        if let Some(note) = &self.note {
            text.push_str(&format!("; {note}"));
        }
        Some(text)
    }
}

/// Projects `cluster`'s auto-upgrade channel over `[from, to)` and records each pool's steps in
/// `pools` (`kubernetes_events`, `kubernetes_deferred`).
pub fn project(
    cluster: &Cluster,
    pools: &mut [PoolProjection],
    plan: &Plan,
    releases: &Releases,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> KubernetesProjection {
    let a = &plan.assumptions.projection;
    let channel = cluster.auto_upgrade_profile.upgrade_channel;
    let channel_change = cluster
        .current_auto_upgrade_profile
        .is_some_and(|c| c.upgrade_channel != channel);
    let lead = Duration::minutes(i64::from(a.window_lead_time_minutes));
    let effective_from = if channel_change {
        from + Duration::hours(i64::from(a.channel_change_delay_hours)).max(lead)
    } else {
        from + lead
    };
    let window = cluster.maintenance_configurations.auto_upgrade.as_ref();
    let total_minutes = pools
        .iter()
        .fold(a.kubernetes.control_plane_minutes, |acc, p| {
            acc.saturating_add(p.upgrade.minutes)
        });
    let mut out = KubernetesProjection {
        channel,
        version: cluster.kubernetes_version,
        scheduling: Scheduling::NotPatched,
        effective_from,
        channel_change,
        window_hours: window.map(|w| w.duration_hours),
        windows: Vec::new(),
        upgrades: Vec::new(),
        out_of_support: None,
        note: None,
        total_minutes,
    };
    match channel {
        UpgradeChannel::None => return out,
        UpgradeChannel::NodeImage => {
            out.note = Some(
                "node-image: node images only (as NodeImage), no Kubernetes upgrades".to_owned(),
            );
            return out;
        }
        _ => {}
    }
    let model = release::Model::new(&a.kubernetes);
    let Some(minor) = cluster.kubernetes_version.and_then(|v| model.offset(v)) else {
        out.note = Some(match cluster.kubernetes_version {
            None => {
                "kubernetesVersion is not set: Kubernetes upgrades are not projected".to_owned()
            }
            Some(v) => format!(
                "kubernetesVersion {v} has another major version than the release model ({}.x): not projected",
                model.major
            ),
        });
        return out;
    };
    let ctx = placement::Context {
        model,
        channel,
        releases,
        control_plane_minutes: a.kubernetes.control_plane_minutes,
        start_version: cluster
            .kubernetes_version
            .map_or_else(String::new, |v| v.to_string()),
        minor,
        baseline: model
            .latest_available(minor, from.timestamp())
            .map(|(t, _)| t),
    };
    match window {
        Some(w) => {
            out.scheduling = Scheduling::MaintenanceWindow;
            out.windows = w
                .occurrences(from, plan.assumptions.recurrence)
                .take_while(|o| o.start < to)
                .map(|o| WindowSlot {
                    start: o.start,
                    end: o.end,
                    blocked: o.blocked,
                })
                .collect();
            placement::in_windows(&ctx, pools, &mut out, effective_from);
        }
        None => {
            out.scheduling = Scheduling::AksDetermined;
            placement::unscheduled(&ctx, pools, &mut out, effective_from, to);
        }
    }
    out
}
