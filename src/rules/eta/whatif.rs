//! What-if: for every pool that misses the SLA, the smallest single change to its cluster that
//! meets it, with its cost. Candidates are tried from the cheapest; each is checked by
//! computing the ETA again with the change applied, so a suggestion is never a guess.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::EtaQuestion;
use super::compute::{FleetEta, PoolEta, cluster_eta};
use super::history::History;
use crate::rules::behaviour::{ChannelSupport, channel_support};
use crate::rules::channel::{NodeOsChannel, UpgradeChannel};
use crate::rules::cluster::Cluster;
use crate::rules::maintenance::{MaintenanceWindow, Schedule, StartTime, UtcOffset};
use crate::rules::plan::Plan;
use crate::rules::surge::SurgeValue;

/// One suggested change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub cluster_index: u32,
    pub cluster: String,
    /// The pool that misses the SLA today.
    pub pool: String,
    /// The change, in plain words.
    pub change: String,
    /// What it costs.
    pub cost: String,
    /// The pool's latest ETA with the change.
    pub latest_after: DateTime<Utc>,
    /// The cluster with the change applied: one click replaces the plan's cluster with it.
    #[serde(skip)]
    pub cluster_after: Cluster,
}

/// A candidate change: its words, its cost and the cluster with it applied (`None`: does not
/// apply to this cluster).
type Candidate = (String, String, Option<Cluster>);

fn candidates(cluster: &Cluster, pool: usize) -> Vec<Candidate> {
    let mut out = Vec::new();
    let os = cluster.maintenance_configurations.node_os.as_ref();
    let p = &cluster.agent_pool_profiles[pool];
    // 1. A daily node OS window (same time and length).
    match os {
        Some(w) if w.schedule != (Schedule::Daily { interval_days: 1 }) => {
            let mut c = cluster.clone();
            if let Some(w) = c.maintenance_configurations.node_os.as_mut() {
                w.schedule = Schedule::Daily { interval_days: 1 };
            }
            out.push((
                format!(
                    "Make the node OS window daily ({} h at {} {})",
                    w.duration_hours, w.start_time, w.utc_offset
                ),
                "upgrades may disrupt workloads on any day, not only the current window's days"
                    .to_owned(),
                Some(c),
            ));
        }
        None => {
            let mut c = cluster.clone();
            c.maintenance_configurations.node_os = Some(MaintenanceWindow {
                schedule: Schedule::Daily { interval_days: 1 },
                duration_hours: 4,
                utc_offset: UtcOffset::default(),
                start_date: None,
                start_time: StartTime::MIDNIGHT,
                not_allowed_dates: Vec::new(),
            });
            out.push((
                "Add a daily node OS window (4 h at 00:00 UTC)".to_owned(),
                "upgrades may disrupt workloads every night; dates become predictable".to_owned(),
                Some(c),
            ));
        }
        _ => {}
    }
    // 2. SecurityPatch instead of NodeImage, where AKS supports it.
    let channel = cluster.auto_upgrade_profile.node_os_upgrade_channel;
    if channel != NodeOsChannel::SecurityPatch
        && cluster.auto_upgrade_profile.upgrade_channel != UpgradeChannel::NodeImage
        && channel_support(NodeOsChannel::SecurityPatch, p.os_sku, p.gpu)
            == ChannelSupport::Supported
    {
        let mut c = cluster.clone();
        c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::SecurityPatch;
        out.push((
            "Switch the node OS channel to SecurityPatch".to_owned(),
            "AKS keeps a patched VHD copy per OS SKU in your subscription (storage cost); only some patches reimage".to_owned(),
            Some(c),
        ));
    }
    // 3. More surge for this pool: shorter upgrades finish inside the window.
    for percent in [50, 100] {
        let current = p.upgrade_settings.max_surge;
        if current
            .is_some_and(|s| s.resolve(p.count) >= SurgeValue::Percent(percent).resolve(p.count))
        {
            continue;
        }
        let mut c = cluster.clone();
        c.agent_pool_profiles[pool].upgrade_settings.max_surge = Some(SurgeValue::Percent(percent));
        out.push((
            format!("Raise maxSurge of pool {} to {percent}%", p.name),
            format!(
                "up to {} extra VMs (and vCPU quota) while the pool upgrades",
                SurgeValue::Percent(percent).resolve(p.count)
            ),
            Some(c),
        ));
    }
    out
}

/// A cluster's index, its ETAs as planned, and its ETAs under each change tried so far.
type Tried = (usize, Vec<PoolEta>, Vec<(String, Vec<PoolEta>)>);

/// `after` is worse than `before`: it no longer meets the SLA, or no longer gets the fix.
fn worse(before: &PoolEta, after: &PoolEta) -> bool {
    (before.meets() && !after.meets()) || (before.dated().is_some() && after.dated().is_none())
}

/// The cheapest single change that makes each missing pool meet the SLA (one per cluster and
/// change; pools no single change helps get none).
pub fn suggestions(
    plan: &Plan,
    q: &EtaQuestion,
    eta: &FleetEta,
    now: DateTime<Utc>,
) -> Vec<Suggestion> {
    let history = History::builtin();
    let mut out: Vec<Suggestion> = Vec::new();
    // Per cluster: its ETAs before, and those of each candidate change tried so far (the
    // daily window and SecurityPatch are the same change for every pool of a cluster).
    let mut tried: Vec<Tried> = Vec::new();
    // A deadline already past cannot be met by any change.
    let hopeless = |p: &PoolEta| p.dated().is_some_and(|d| d.deadline <= now);
    for p in eta.pools.iter().filter(|p| !p.meets() && !hopeless(p)) {
        let ci = p.cluster_index as usize;
        let Some(cluster) = plan.clusters.get(ci) else {
            continue;
        };
        let Some(pi) = cluster
            .agent_pool_profiles
            .iter()
            .position(|x| x.name == p.pool)
        else {
            continue;
        };
        let eta_of = |c: &Cluster| cluster_eta(q, history, plan, ci, c, now);
        let slot = match tried.iter().position(|t| t.0 == ci) {
            Some(k) => k,
            None => {
                tried.push((ci, eta_of(cluster), Vec::new()));
                tried.len() - 1
            }
        };
        let (_, before, cache) = &mut tried[slot];
        // A change already suggested for this cluster that also fixes this pool: nothing new.
        let covered = out.iter().any(|s| {
            s.cluster_index == p.cluster_index
                && cache
                    .iter()
                    .any(|(c, etas)| *c == s.change && etas.get(pi).is_some_and(PoolEta::meets))
        });
        if covered {
            continue;
        }
        for (change, cost, after) in candidates(cluster, pi) {
            let Some(after) = after else { continue };
            let k = match cache.iter().position(|(c, _)| *c == change) {
                Some(k) => k,
                None => {
                    cache.push((change.clone(), eta_of(&after)));
                    cache.len() - 1
                }
            };
            let etas = &cache[k].1;
            let Some(fixed) = etas.get(pi).filter(|e| e.meets()) else {
                continue;
            };
            // Never at another pool's expense (SecurityPatch leaves a Windows pool unpatched).
            if before.iter().zip(etas).any(|(b, e)| worse(b, e)) {
                continue;
            }
            let latest_after = fixed.dated().map_or(now, |d| d.done.latest);
            if !out
                .iter()
                .any(|s| s.cluster_index == p.cluster_index && s.change == change)
            {
                out.push(Suggestion {
                    cluster_index: p.cluster_index,
                    cluster: p.cluster.clone(),
                    pool: p.pool.clone(),
                    change,
                    cost,
                    latest_after,
                    cluster_after: after,
                });
            }
            break;
        }
    }
    out
}
