//! What a node OS channel does on one pool, in plain words (aks-rules.md §1.1–1.4, §1.7).
//!
//! OWNER: the findings work (issue 2) fills this in; the UI's behaviour panel shows it.

use super::cluster::Cluster;
use super::pool::AgentPool;

/// The plain-words description of a channel on a pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolBehaviour {
    /// One line, e.g. "Weekly rolling reimage onto the newest Ubuntu node image".
    pub headline: String,
    /// Short sentences: what happens, when, what AKS does and does not do.
    pub points: Vec<String>,
    /// What running workloads feel ("live patch, no drain", "rolling reimage").
    pub disruption: String,
    /// Extra cost, e.g. VHD hosting for SecurityPatch.
    pub cost: String,
    /// The channel behaves like another one on this pool (e.g. Unmanaged on Windows = None).
    pub effectively: Option<super::channel::NodeOsChannel>,
}

/// Describes the cluster's node OS channel on `pool`.
pub fn describe(cluster: &Cluster, pool: &AgentPool) -> PoolBehaviour {
    let _ = (cluster, pool);
    PoolBehaviour {
        headline: String::new(),
        points: Vec::new(),
        disruption: String::new(),
        cost: String::new(),
        effectively: None,
    }
}
