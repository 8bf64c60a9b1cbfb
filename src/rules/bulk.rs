//! Bulk editing: one change to many clusters at once (the node OS channel, the auto-upgrade
//! channel, a maintenance window, the pools' upgrade settings), applied all-or-nothing so the
//! app records it as one undo step, with a preview of every field it changes.
//!
//! Invariants:
//! - [`apply`] changes only the selected clusters, and either makes the whole change or returns
//!   a [`BulkError`] and leaves the plan untouched.
//! - A staggered window keeps its length, offset and schedule type; only its start moves (and,
//!   past midnight, its day), so every cluster gets the same window shifted in time.
//! - A window change never writes a window the findings would call an error (a range AKS
//!   rejects, a schedule type the configuration does not take): it is refused, naming why.

mod filter;
mod stagger;

pub use filter::{Facets, Filter, distinct_rings, environment, facets, ring, sort_rings};
pub use stagger::{RingDays, Stagger, StaggerError};

use super::channel::{NodeOsChannel, UpgradeChannel};
use super::finding::Severity;
use super::findings::windows::{At, window_findings};
use super::maintenance::{ConfigName, MaintenanceWindow};
use super::plan::Plan;
use super::pool::UndrainableNodeBehavior;
use super::share::{Change, diff};
use super::surge::SurgeValue;

/// One change for every selected cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkChange {
    /// `autoUpgradeProfile.nodeOSUpgradeChannel`.
    NodeOsChannel(NodeOsChannel),
    /// `autoUpgradeProfile.upgradeChannel`.
    UpgradeChannel(UpgradeChannel),
    /// Sets maintenance configuration `config` to `window`, shifted per cluster by `stagger`.
    Window {
        config: ConfigName,
        window: MaintenanceWindow,
        stagger: Stagger,
    },
    /// The upgrade settings of every pool of the selected clusters.
    PoolUpgrade(PoolUpgrade),
}

/// Pool upgrade settings to set: `None` leaves a setting as each pool has it; `Some(None)`
/// clears it (AKS's default applies).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PoolUpgrade {
    pub max_surge: Option<Option<SurgeValue>>,
    pub max_unavailable: Option<Option<SurgeValue>>,
    pub drain_timeout_in_minutes: Option<Option<u32>>,
    pub node_soak_duration_in_minutes: Option<Option<u32>>,
    pub undrainable_node_behavior: Option<Option<UndrainableNodeBehavior>>,
}

impl PoolUpgrade {
    pub fn is_empty(&self) -> bool {
        *self == PoolUpgrade::default()
    }
}

/// Why a bulk change cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BulkError {
    #[error("no cluster is selected: select the clusters to change first")]
    NothingSelected,
    #[error("there is no cluster number {0}: the plan has fewer clusters")]
    NoSuchCluster(usize),
    #[error("no pool setting is chosen: pick at least one setting to change")]
    NoPoolSetting,
    #[error(transparent)]
    Stagger(#[from] StaggerError),
    #[error("{cluster}'s {config} window would be refused by AKS: {message} {fix}")]
    Window {
        cluster: String,
        config: &'static str,
        message: String,
        fix: String,
    },
}

/// Makes `change` on the clusters at `selection` (plan indices), all or nothing.
pub fn apply(plan: &mut Plan, selection: &[usize], change: &BulkChange) -> Result<(), BulkError> {
    if selection.is_empty() {
        return Err(BulkError::NothingSelected);
    }
    if let Some(&missing) = selection.iter().find(|&&i| i >= plan.clusters.len()) {
        return Err(BulkError::NoSuchCluster(missing));
    }
    // Everything that can fail is worked out before anything changes.
    let windows = match change {
        BulkChange::Window {
            config,
            window,
            stagger,
        } => {
            let windows = stagger.windows(plan, selection, window)?;
            refuse_invalid(plan, selection, *config, &windows)?;
            windows
        }
        BulkChange::PoolUpgrade(settings) if settings.is_empty() => {
            return Err(BulkError::NoPoolSetting);
        }
        _ => Vec::new(),
    };
    for (k, &i) in selection.iter().enumerate() {
        let Some(cluster) = plan.clusters.get_mut(i) else {
            continue;
        };
        match change {
            BulkChange::NodeOsChannel(channel) => {
                cluster.auto_upgrade_profile.node_os_upgrade_channel = *channel;
            }
            BulkChange::UpgradeChannel(channel) => {
                cluster.auto_upgrade_profile.upgrade_channel = *channel;
            }
            BulkChange::Window { config, .. } => {
                let window = windows.get(k).cloned();
                cluster
                    .maintenance_configurations
                    .set_window(*config, window);
            }
            BulkChange::PoolUpgrade(settings) => {
                for pool in &mut cluster.agent_pool_profiles {
                    let u = &mut pool.upgrade_settings;
                    set(&mut u.max_surge, settings.max_surge);
                    set(&mut u.max_unavailable, settings.max_unavailable);
                    set(
                        &mut u.drain_timeout_in_minutes,
                        settings.drain_timeout_in_minutes,
                    );
                    set(
                        &mut u.node_soak_duration_in_minutes,
                        settings.node_soak_duration_in_minutes,
                    );
                    set(
                        &mut u.undrainable_node_behavior,
                        settings.undrainable_node_behavior,
                    );
                }
            }
        }
    }
    Ok(())
}

/// The first error finding of the windows about to be written (selection order), as an error.
fn refuse_invalid(
    plan: &Plan,
    selection: &[usize],
    config: ConfigName,
    windows: &[MaintenanceWindow],
) -> Result<(), BulkError> {
    for (&i, window) in selection.iter().zip(windows) {
        let name = plan.clusters.get(i).map_or("", |c| c.name.as_str());
        let at = At {
            cluster: i,
            cluster_name: name,
            config,
        };
        let findings = window_findings(at, window, None, plan.assumptions.recurrence);
        if let Some(error) = findings.into_iter().find(|f| f.severity == Severity::Error) {
            return Err(BulkError::Window {
                cluster: name.to_owned(),
                config: config.as_str(),
                message: error.message,
                fix: error.fix,
            });
        }
    }
    Ok(())
}

fn set<T: Copy>(field: &mut Option<T>, to: Option<Option<T>>) {
    if let Some(value) = to {
        *field = value;
    }
}

/// Every field `change` would change, per selected cluster (an empty list: nothing would).
pub fn preview(
    plan: &Plan,
    selection: &[usize],
    change: &BulkChange,
) -> Result<Vec<Change>, BulkError> {
    // Only the selected clusters are compared: a 2,000-cluster plan is not diffed whole.
    let selected = Plan {
        clusters: selection
            .iter()
            .filter_map(|&i| plan.clusters.get(i).cloned())
            .collect(),
        ..Plan::default()
    };
    // Staggering depends only on the selected clusters and their order, which this keeps.
    let mut changed = selected.clone();
    let all: Vec<usize> = (0..changed.clusters.len()).collect();
    if all.len() != selection.len() {
        let missing = selection.iter().find(|&&i| i >= plan.clusters.len());
        return Err(BulkError::NoSuchCluster(
            missing.copied().unwrap_or_default(),
        ));
    }
    apply(&mut changed, &all, change)?;
    Ok(diff(&selected, &changed))
}

#[cfg(test)]
mod tests;
