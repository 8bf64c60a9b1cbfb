//! The four node OS channels side by side for one cluster: exposure, cost and disruption at
//! one glance ("SecurityPatch + daily window: worst 3 d; NodeImage + weekly: worst 16 d").

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::super::channel::{NodeOsChannel, UpgradeChannel};
use super::super::plan::Plan;
use super::project;
use super::timeline::Scheduling;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelOutcome {
    pub channel: NodeOsChannel,
    pub scheduling: Scheduling,
    /// E.g. "daily window", "no window (AKS-determined)".
    pub cadence: String,
    pub typical_minutes: Option<i64>,
    pub worst_minutes: Option<i64>,
    pub worst_is_lower_bound: bool,
    pub aks_determined: u32,
    pub misses_sla: bool,
    pub per_month_micros: u64,
    pub per_year_micros: u64,
    pub reimages_per_month_milli: u64,
}

/// Projects cluster `index` of `plan` under each of the four channels (pending channel changes
/// ignored). `None` if there is no such cluster.
pub fn compare_channels(
    plan: &Plan,
    index: usize,
    from: DateTime<Utc>,
    weeks: u32,
) -> Option<Vec<ChannelOutcome>> {
    let cluster = plan.clusters.get(index)?;
    let cadence_of_window = cluster
        .maintenance_configurations
        .node_os
        .as_ref()
        .map(|w| format!("{} window", w.schedule.type_name().to_ascii_lowercase()));
    let outcomes = NodeOsChannel::ALL
        .into_iter()
        .map(|channel| {
            let mut c = cluster.clone();
            c.auto_upgrade_profile.node_os_upgrade_channel = channel;
            // `node-image` would force NodeImage (§2 rule 1); compare the node OS channel alone.
            if c.auto_upgrade_profile.upgrade_channel == UpgradeChannel::NodeImage {
                c.auto_upgrade_profile.upgrade_channel = UpgradeChannel::None;
            }
            c.current_auto_upgrade_profile = None;
            // Not `..plan.clone()`: that copied all other clusters only to drop them, four
            // times per edit (most of this function's time at 200 clusters).
            let single = Plan {
                version: plan.version,
                name: String::new(),
                clusters: vec![c].into(),
                assumptions: plan.assumptions.clone(),
                // Quota is not compared per channel.
                compute_usages: Default::default(),
                time_zone: plan.time_zone.clone(),
                // The fix-ETA question is not part of the projection.
                eta: None,
            };
            let p = project(&single, from, weeks);
            let cp = p.clusters.first();
            let scheduling = cp.map_or(Scheduling::NotPatched, |c| c.scheduling);
            let cadence = match scheduling {
                Scheduling::MaintenanceWindow => cadence_of_window.clone().unwrap_or_default(),
                Scheduling::AksDetermined => "no window (AKS-determined)".to_owned(),
                Scheduling::Nightly => "nightly OS updater".to_owned(),
                Scheduling::NotPatched => "nothing applied".to_owned(),
            };
            let stats = &p.exposure.fleet;
            let cost = p.costs.clusters.first();
            ChannelOutcome {
                channel,
                scheduling,
                cadence,
                typical_minutes: stats.typical_minutes,
                worst_minutes: stats.worst_minutes,
                worst_is_lower_bound: stats.worst_is_lower_bound,
                aks_determined: stats.aks_determined,
                misses_sla: stats.misses_sla,
                per_month_micros: cost.map_or(0, |c| c.per_month_micros),
                per_year_micros: cost.map_or(0, |c| c.per_year_micros),
                reimages_per_month_milli: cost.map_or(0, |c| c.reimages_per_month_milli),
            }
        })
        .collect();
    Some(outcomes)
}
