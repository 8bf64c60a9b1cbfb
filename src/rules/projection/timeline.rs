//! Places every projected release onto each pool: which window, when the pool's rolling
//! upgrade starts and ends, whether it spills past the window, and which pools wait for the
//! next window (docs/aks-rules.md §1.1, §1.3, §1.8, §3.6, §3.7, §8 ).

use std::ops::Range;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveTime, Timelike, Utc};
use serde::Serialize;

use super::super::behaviour::{ChannelSupport, channel_support};
use super::super::channel::{NodeOsChannel, UpgradeChannel};
use super::super::cluster::Cluster;
use super::super::os::OsSku;
use super::super::plan::Plan;
use super::super::pool::AgentPool;
use super::assumptions::ProjectionAssumptions;
use super::duration::{PoolUpgrade, pool_upgrade};
use super::kubernetes::{self, KubernetesProjection, delivery};
use super::release::{Release, Stream, releases};
use super::{placement, unmanaged};

/// The releases of all streams in one list, with each stream's range.
#[derive(Debug, Clone)]
pub struct Releases {
    pub all: Vec<Release>,
    ranges: [(Stream, Range<usize>); 4],
    /// Minor and kind of each release of [`Stream::Kubernetes`], in the order of its range.
    pub kubernetes: Vec<kubernetes::release::KubeRelease>,
}

impl Releases {
    pub fn new(a: &ProjectionAssumptions, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        let mut all = Vec::new();
        let mut range = |stream| {
            let start = all.len();
            all.extend(releases(stream, &a.releases, from, to));
            (stream, start..all.len())
        };
        let linux = range(Stream::LinuxNodeImage);
        let windows = range(Stream::WindowsNodeImage);
        let security = range(Stream::Security);
        let start = all.len();
        let mut kube = Vec::new();
        for (k, r) in kubernetes::release::releases(&a.kubernetes, from, to) {
            kube.push(k);
            all.push(r);
        }
        let ranges = [
            linux,
            windows,
            security,
            (Stream::Kubernetes, start..all.len()),
        ];
        Releases {
            all,
            ranges,
            kubernetes: kube,
        }
    }

    /// The stream's releases and the index of the first one in [`Releases::all`].
    pub(super) fn of(&self, stream: Stream) -> (usize, &[Release]) {
        let range = self
            .ranges
            .iter()
            .find(|(s, _)| *s == stream)
            .map(|(_, r)| r.clone())
            .unwrap_or(0..0);
        let start = range.start;
        (start, self.all.get(range).unwrap_or(&[]))
    }
}

/// One concrete maintenance window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowSlot {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// In a `notAllowedDates` blackout: no work starts (shown struck through).
    pub blocked: bool,
}

/// How a cluster's node OS work (and, in [`KubernetesProjection`], its Kubernetes upgrades) is
/// timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Scheduling {
    /// In `aksManagedNodeOSUpgradeSchedule` windows.
    MaintenanceWindow,
    /// NodeImage/SecurityPatch without that window: AKS picks the time (§8 A-13). No dates.
    AksDetermined,
    /// Unmanaged: the OS updater at ~06:00 UTC, not governed by windows (§1.1).
    Nightly,
    /// None: nothing is applied.
    NotPatched,
}

/// What an event does to the nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EventKind {
    /// Rolling reimage: surge, drain, reimage (§4.3).
    Reimage,
    /// SecurityPatch applied live: no drain (§1.1).
    LivePatch,
    /// Unmanaged: packages installed in place by the OS updater.
    NightlyPatch,
    /// Unmanaged: kured reboots the nodes so a kernel patch takes effect (§1.7).
    Reboot,
    /// Cluster auto-upgrade: the pool's rolling reimage onto a new Kubernetes version and the
    /// newest node image (§2 rules 2–3).
    KubernetesUpgrade,
}

/// One upgrade of one pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolEvent {
    /// Newest release applied (index into `Projection::releases`).
    pub release: u32,
    /// How many releases this event applies at once (older ones it supersedes included).
    pub covers: u32,
    pub kind: EventKind,
    /// `false`: AKS-determined time; `window`, `start` and `end` are then `None`.
    pub scheduled: bool,
    pub window: Option<WindowSlot>,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    /// Minutes the upgrade runs past the window end (in-flight work continues, §3.7).
    pub spill_minutes: u32,
}

/// When a pool runs a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PatchState {
    Patched(DateTime<Utc>),
    /// Not running it by the end of the horizon (or never: None, unsupported, no reboot).
    NotWithinHorizon,
    /// No window: AKS picks the time; the planner does not invent one (§8 A-13).
    AksDetermined,
}

/// One release on one pool, for exposure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PatchRecord {
    pub release: u32,
    pub state: PatchState,
    /// Start of the upgrade that brought it (for ring order checks).
    pub started: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolProjection {
    pub name: String,
    pub os_sku: OsSku,
    pub vm_size: String,
    /// The releases this pool follows; `None` when the channel gives it nothing.
    pub stream: Option<Stream>,
    /// Why the pool gets nothing, or a caveat about what it gets.
    pub note: Option<String>,
    pub upgrade: PoolUpgrade,
    pub events: Vec<PoolEvent>,
    pub patches: Vec<PatchRecord>,
    /// Ends of windows after which this pool still had work but no new operation could start
    /// (it waits for the next window, §3.7, §8 A-12).
    pub deferred: Vec<DateTime<Utc>>,
    /// The pool's steps of Kubernetes upgrades (kind `KubernetesUpgrade`, §2), in time order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kubernetes_events: Vec<PoolEvent>,
    /// Auto-upgrade window ends after which this pool still waited for its Kubernetes step.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kubernetes_deferred: Vec<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterProjection {
    pub index: u32,
    pub name: String,
    pub subscription: String,
    /// The node OS channel in effect (`upgradeChannel: node-image` forces NodeImage, §2 rule 1).
    pub channel: NodeOsChannel,
    /// First instant work can start: `from` + window lead time, or + the channel change delay.
    pub effective_from: DateTime<Utc>,
    /// The planned channel differs from the live one: it takes effect within 24 h (§1.8).
    pub channel_change: bool,
    pub scheduling: Scheduling,
    pub window_hours: Option<u32>,
    /// Shared, not copied, by the cache's projections that keep them: a step timing keeps
    /// every cluster's windows, a removal shifts every cluster after it, a rename keeps all
    /// but the name (issue 11, "Scale"); the fleet checks find them unchanged by pointer.
    pub windows: Arc<[WindowSlot]>,
    pub pools: Arc<[PoolProjection]>,
    /// Sum of the pools' rolling-upgrade estimates: pools go one after another (§2 rule 3).
    pub total_upgrade_minutes: u32,
    /// Kubernetes version upgrades of the cluster auto-upgrade channel (§2).
    pub kubernetes: KubernetesProjection,
}

/// The node OS channel AKS applies (docs/aks-rules.md §2 rule 1).
pub fn effective_channel(cluster: &Cluster) -> NodeOsChannel {
    if cluster.auto_upgrade_profile.upgrade_channel == UpgradeChannel::NodeImage {
        NodeOsChannel::NodeImage
    } else {
        cluster.auto_upgrade_profile.node_os_upgrade_channel
    }
}

/// Which stream a pool follows under `channel`, or why it gets nothing (§1.1, §1.2, §8 A-6).
/// Whether the channel serves the pool at all is `channel_support`, the matrix the findings
/// and the behaviour panel use too (docs/aks-2026.md §1.1).
fn pool_stream(channel: NodeOsChannel, pool: &AgentPool) -> Result<Stream, &'static str> {
    let sku = pool.os_sku;
    match (channel, channel_support(channel, sku, pool.gpu)) {
        (NodeOsChannel::None, _) => {
            Err("channel None: AKS applies nothing and the OS updater is off")
        }
        (NodeOsChannel::NodeImage, _) if sku.is_windows() => Ok(Stream::WindowsNodeImage),
        (NodeOsChannel::NodeImage, _) => Ok(Stream::LinuxNodeImage),
        (NodeOsChannel::SecurityPatch, ChannelSupport::Supported) => Ok(Stream::Security),
        (NodeOsChannel::SecurityPatch, _) if sku.is_windows() => Err(
            "SecurityPatch is not supported on Windows pools: assumed to receive nothing (assumption A-6)",
        ),
        (NodeOsChannel::SecurityPatch, _) => {
            Err("SecurityPatch is not supported on this OS SKU: assumed to receive nothing")
        }
        (NodeOsChannel::Unmanaged, ChannelSupport::Supported) => Ok(Stream::Security),
        (NodeOsChannel::Unmanaged, _) if sku.is_windows() => {
            Err("Unmanaged on Windows behaves like None: no automatic patching")
        }
        (NodeOsChannel::Unmanaged, _) => {
            Err("Unmanaged has no OS updater on this OS SKU / GPU size")
        }
    }
}

/// Why a pool of a cluster on an out-of-support minor without LTS gets nothing.
const OUT_OF_SUPPORT: &str = "the cluster's Kubernetes minor is out of support and has no long-term support: SecurityPatch and NodeImage deliver nothing until it is upgraded";

/// The stream against which a pool that gets nothing is measured (what it is missing).
fn reference_stream(pool: &AgentPool) -> Stream {
    if pool.os_sku.is_windows() {
        Stream::WindowsNodeImage
    } else {
        Stream::Security
    }
}

pub(super) fn minutes(m: u32) -> Duration {
    Duration::minutes(i64::from(m))
}

/// `t + minutes(m)`. chrono adds through the calendar (a date and a time of day, normalised
/// with divisions), which was a third of placing upgrades in windows at 2,000 clusters; a sum
/// that stays within the day (most upgrades) only moves the time of day.
pub(super) fn plus_minutes(t: DateTime<Utc>, m: u32) -> DateTime<Utc> {
    let secs = u64::from(t.time().num_seconds_from_midnight()) + u64::from(m) * 60;
    let same_day = u32::try_from(secs)
        .ok()
        .filter(|_| t.timestamp_subsec_nanos() == 0)
        .and_then(|secs| NaiveTime::from_num_seconds_from_midnight_opt(secs, 0));
    match same_day {
        Some(time) => t.date_naive().and_time(time).and_utc(),
        None => t + minutes(m),
    }
}

/// Projects one cluster.
pub fn project_cluster(
    index: usize,
    cluster: &Cluster,
    plan: &Plan,
    releases: &Releases,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> ClusterProjection {
    project_cluster_in(index, cluster, plan, releases, (from, to), None)
}

/// [`project_cluster`], given the cluster's node OS windows over `[from, to)` when they are
/// known: they depend only on the cluster, the range and the recurrence readings, so the
/// projection cache passes the last ones when an edit changed none of those (a step timing
/// moves every bar but no window).
pub(super) fn project_cluster_in(
    index: usize,
    cluster: &Cluster,
    plan: &Plan,
    releases: &Releases,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    known_windows: Option<Arc<[WindowSlot]>>,
) -> ClusterProjection {
    let a = &plan.assumptions.projection;
    let channel = effective_channel(cluster);
    let channel_change = channel_changes(cluster);
    let effective_from = effective_from(cluster, a, from);
    let version = cluster.kubernetes_version;
    // An out-of-support minor without LTS gets no node OS updates (docs/aks-2026.md §1.1).
    let out_of_support =
        kubernetes::support::blocked_at(&a.kubernetes, cluster, channel, effective_from);
    let mut pools: Vec<PoolProjection> = cluster
        .agent_pool_profiles
        .iter()
        .map(|p| {
            let stream = if out_of_support.is_some() {
                Err(OUT_OF_SUPPORT)
            } else {
                pool_stream(channel, p)
            };
            PoolProjection {
                name: p.name.clone(),
                os_sku: p.os_sku,
                vm_size: p.vm_size.clone(),
                stream: stream.ok(),
                note: stream.err().map(str::to_owned),
                upgrade: pool_upgrade(p, version, &a.timings),
                events: Vec::new(),
                patches: Vec::new(),
                deferred: Vec::new(),
                kubernetes_events: Vec::new(),
                kubernetes_deferred: Vec::new(),
            }
        })
        .collect();
    // Kubernetes upgrades first: the node images they deliver (§2 rule 2) are not reimaged
    // again by the node OS channel.
    let kube = kubernetes::project(cluster, &mut pools, plan, releases, from, to);
    let deliveries: Vec<Vec<delivery::Delivery>> = pools
        .iter()
        .map(|p| delivery::deliveries(p, releases, &a.releases))
        .collect();
    let window = cluster.maintenance_configurations.node_os.as_ref();
    let scheduling = match channel {
        _ if out_of_support.is_some() => Scheduling::NotPatched,
        NodeOsChannel::None => Scheduling::NotPatched,
        NodeOsChannel::Unmanaged => Scheduling::Nightly,
        _ if window.is_some() => Scheduling::MaintenanceWindow,
        _ => Scheduling::AksDetermined,
    };
    let mut windows: Arc<[WindowSlot]> = Arc::new([]);
    match scheduling {
        Scheduling::MaintenanceWindow => {
            if let Some(w) = window {
                windows = known_windows.unwrap_or_else(|| {
                    w.occurrences(from, plan.assumptions.recurrence)
                        .take_while(|o| o.start < to)
                        .map(|o| WindowSlot {
                            start: o.start,
                            end: o.end,
                            blocked: o.blocked,
                        })
                        .collect::<Vec<_>>()
                        .into()
                });
            }
            placement::in_windows(
                &mut pools,
                &windows,
                releases,
                a,
                effective_from,
                &deliveries,
            );
        }
        Scheduling::AksDetermined => placement::unscheduled(&mut pools, releases),
        Scheduling::Nightly => unmanaged::nightly(&mut pools, releases, a, effective_from, to),
        Scheduling::NotPatched => {}
    }
    // Pools that get nothing are measured against what they miss.
    for (pool, spec) in pools.iter_mut().zip(&cluster.agent_pool_profiles) {
        if pool.stream.is_none() {
            let (offset, list) = releases.of(reference_stream(spec));
            pool.patches = (0..list.len())
                .map(|i| PatchRecord {
                    release: index_u32(offset + i),
                    state: PatchState::NotWithinHorizon,
                    started: None,
                })
                .collect();
        }
    }
    for pool in &mut pools {
        delivery::apply(pool, releases, &a.releases);
    }
    let total_upgrade_minutes = pools
        .iter()
        .filter(|p| p.stream.is_some())
        .fold(0u32, |acc, p| acc.saturating_add(p.upgrade.minutes));
    ClusterProjection {
        index: index_u32(index),
        name: cluster.name.clone(),
        subscription: cluster.subscription.clone(),
        channel,
        effective_from,
        channel_change,
        scheduling,
        window_hours: window.map(|w| w.duration_hours),
        windows,
        pools: pools.into(),
        total_upgrade_minutes,
        kubernetes: kube,
    }
}

/// The planned node OS channel differs from the live one (it takes effect within 24 h, §1.8).
fn channel_changes(cluster: &Cluster) -> bool {
    let channel = effective_channel(cluster);
    cluster.current_auto_upgrade_profile.is_some_and(|c| {
        effective_channel_of(c.upgrade_channel, c.node_os_upgrade_channel) != channel
    })
}

/// First instant node OS work can start from `from`: after the window lead time (§3.6), or
/// after the channel change delay when the plan changes the channel (§1.8).
pub(crate) fn effective_from(
    cluster: &Cluster,
    a: &ProjectionAssumptions,
    from: DateTime<Utc>,
) -> DateTime<Utc> {
    let lead = minutes(a.window_lead_time_minutes);
    if channel_changes(cluster) {
        from + Duration::hours(i64::from(a.channel_change_delay_hours)).max(lead)
    } else {
        from + lead
    }
}

fn effective_channel_of(upgrade: UpgradeChannel, node_os: NodeOsChannel) -> NodeOsChannel {
    if upgrade == UpgradeChannel::NodeImage {
        NodeOsChannel::NodeImage
    } else {
        node_os
    }
}

pub(super) fn index_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod plus_minutes_tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn plus_minutes_is_chronos_addition(
            secs in 0i64..4_102_444_800,
            nanos in prop_oneof![Just(0u32), 1u32..1_000_000_000],
            m in prop_oneof![0u32..3_000, any::<u32>()],
        ) {
            let t = Utc.timestamp_opt(secs, nanos).single().unwrap();
            prop_assert_eq!(plus_minutes(t, m), t + Duration::minutes(i64::from(m)));
        }
    }
}
