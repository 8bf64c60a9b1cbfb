//! How a reimage walks through a pool with its upgrade settings, in words (docs/aks-rules.md
//! §4.2–4.3, §8 A-3).

use crate::rules::cluster::Cluster;
use crate::rules::pool::{AgentPool, SurgeSource};

/// How a reimage walks through the pool with its surge settings (§4.2–4.3).
pub(super) struct Rolling {
    pub text: String,
    pub short: String,
    surge_nodes: u32,
    vm_size: String,
}

impl Rolling {
    pub fn surge_cost(&self, lead: &str) -> String {
        if self.surge_nodes == 0 {
            String::new()
        } else {
            format!(
                "{lead}{} surge VM(s) of {} billed while the pool upgrades",
                self.surge_nodes,
                if self.vm_size.is_empty() {
                    "the pool's size"
                } else {
                    &self.vm_size
                }
            )
        }
    }
}

pub(super) fn rolling(cluster: &Cluster, pool: &AgentPool) -> Rolling {
    let n = pool.count;
    let (surge_value, source) = pool.effective_max_surge(cluster.kubernetes_version);
    let surge = surge_value.resolve(n);
    let unavailable_value = pool.upgrade_settings.max_unavailable_or_default();
    let unavailable = unavailable_value.resolve(n);
    let settings = &pool.upgrade_settings;
    let drain = settings.drain_timeout_minutes();
    let soak = match settings.soak_minutes() {
        0 => String::new(),
        m => format!(", then waits {m} min before moving on"),
    };
    let assumed = match source {
        SurgeSource::Explicit => "",
        SurgeSource::AssumedTenPercent | SurgeSource::AssumedOneNode => {
            " (assumed default; maxSurge is not set)"
        }
    };
    let vm_size = pool.vm_size.clone();
    if n == 0 {
        return Rolling {
            text: "the pool has 0 nodes, so there is nothing to roll".to_owned(),
            short: "nothing to roll (0 nodes)".to_owned(),
            surge_nodes: 0,
            vm_size,
        };
    }
    if surge > 0 {
        Rolling {
            text: format!(
                "maxSurge {surge_value}{assumed} adds {surge} extra node(s), then drains and \
                 reimages {surge} of the {n} nodes at a time (drain timeout {drain} min{soak})"
            ),
            short: format!("{surge} of {n} nodes at a time, {surge} extra VM(s)"),
            surge_nodes: surge,
            vm_size,
        }
    } else if unavailable > 0 {
        Rolling {
            text: format!(
                "in place, no extra VMs: maxUnavailable {unavailable_value} drains and reimages \
                 {unavailable} of the {n} nodes at a time, so capacity drops by {unavailable} \
                 node(s) (drain timeout {drain} min{soak})"
            ),
            short: format!("{unavailable} of {n} nodes at a time, capacity drops meanwhile"),
            surge_nodes: 0,
            vm_size,
        }
    } else {
        Rolling {
            text: "maxSurge and maxUnavailable are both 0, so AKS cannot upgrade the pool"
                .to_owned(),
            short: "blocked (maxSurge and maxUnavailable are 0)".to_owned(),
            surge_nodes: 0,
            vm_size,
        }
    }
}
