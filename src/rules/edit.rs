//! Plan-editing operations the app's buttons perform, and (in [`input`]) the parsing of the text
//! the user types into its number and version fields.
//!
//! Invariants:
//! - Every operation either changes the plan as described or returns an [`EditError`] and
//!   leaves it untouched (an index that no longer exists, a move past either end).
//! - Names the planner makes up are unique in their scope (clusters in the plan, pools in the
//!   cluster) and already follow AKS's naming rules (docs/aks-rules.md §6), and a new cluster has a
//!   resource group, so a new plan element never starts with an error of its own (notes such
//!   as "no region yet" remain, as they should).
//! - Parsing rejects text that has no meaning (`"abc"` nodes); numbers out of the service's
//!   range are accepted here and reported by [`findings`](super::findings).

mod input;

pub use input::{
    InputError, PLAN_YEARS, parse_date, parse_node_count, parse_optional_number,
    parse_optional_surge, parse_optional_version,
};

use super::cluster::Cluster;
use super::os::OsSku;
use super::plan::Plan;
use super::pool::{AgentPool, PoolMode, UpgradeSettings};

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no cluster number {0}: the plan has fewer clusters")]
    NoSuchCluster(usize),
    #[error("cluster number {cluster} has no node pool number {pool}")]
    NoSuchPool { cluster: usize, pool: usize },
    #[error("cluster number {0} cannot move further {1}: it is already at that end of the list")]
    AtEnd(usize, Direction),
}

/// Which way a list item moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Direction::Up => "up",
            Direction::Down => "down",
        })
    }
}

/// The first of `base`, `base{sep}2`, `base{sep}3`, … that is not in `taken`.
pub fn unique_name<'a>(
    base: &str,
    separator: &str,
    taken: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    let is_free = |candidate: &str| !taken.clone().into_iter().any(|t| t == candidate);
    if is_free(base) {
        return base.to_owned();
    }
    (2u32..)
        .map(|n| format!("{base}{separator}{n}"))
        .find(|candidate| is_free(candidate))
        .unwrap_or_else(|| base.to_owned())
}

/// A cluster the planner adds: API defaults, a resource group named after it (every `az aks`
/// command needs one), and one System pool, because every AKS cluster needs at least one System
/// pool (docs/aks-rules.md §4.2).
pub fn new_cluster(name: String) -> Cluster {
    let mut cluster = Cluster::new(name);
    cluster.resource_group = format!("rg-{}", cluster.name);
    cluster
        .agent_pool_profiles
        .push(new_pool("system".to_owned(), PoolMode::System));
    cluster
}

/// A pool the planner adds: Ubuntu on a general-purpose size with API-default upgrade settings
/// (so `maxSurge` is unset and the A-3 assumption is shown).
pub fn new_pool(name: String, mode: PoolMode) -> AgentPool {
    AgentPool {
        name,
        mode,
        os_sku: OsSku::Ubuntu,
        gpu: false,
        vm_size: "Standard_D4s_v5".to_owned(),
        count: 3,
        upgrade_settings: UpgradeSettings::default(),
    }
}

/// Appends a new cluster with a unique name; returns its index.
pub fn add_cluster(plan: &mut Plan) -> usize {
    let name = unique_name(
        "aks-cluster",
        "-",
        plan.clusters.iter().map(|c| c.name.as_str()),
    );
    plan.clusters.push(new_cluster(name));
    plan.clusters.len() - 1
}

/// Inserts a copy of cluster `index` right after it, named `<name>-copy` (made unique);
/// returns the copy's index.
pub fn duplicate_cluster(plan: &mut Plan, index: usize) -> Result<usize, EditError> {
    let original = plan
        .clusters
        .get(index)
        .ok_or(EditError::NoSuchCluster(index))?;
    let mut copy = original.clone();
    copy.name = unique_name(
        &format!("{}-copy", original.name),
        "-",
        plan.clusters.iter().map(|c| c.name.as_str()),
    );
    plan.clusters.insert(index + 1, copy);
    Ok(index + 1)
}

/// Renames cluster `index`. Naming rules are findings, so any text is kept.
pub fn rename_cluster(plan: &mut Plan, index: usize, name: String) -> Result<(), EditError> {
    cluster_mut(plan, index)?.name = name;
    Ok(())
}

/// Moves cluster `index` one place up or down; returns its new index.
pub fn move_cluster(
    plan: &mut Plan,
    index: usize,
    direction: Direction,
) -> Result<usize, EditError> {
    if index >= plan.clusters.len() {
        return Err(EditError::NoSuchCluster(index));
    }
    let target = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => Some(index + 1).filter(|t| *t < plan.clusters.len()),
    }
    .ok_or(EditError::AtEnd(index, direction))?;
    plan.clusters.swap(index, target);
    Ok(target)
}

/// Removes cluster `index` and returns it.
pub fn remove_cluster(plan: &mut Plan, index: usize) -> Result<Cluster, EditError> {
    if index >= plan.clusters.len() {
        return Err(EditError::NoSuchCluster(index));
    }
    Ok(plan.clusters.remove(index))
}

/// Appends a pool with a unique name to cluster `index`; returns the pool's index. The first
/// pool of a cluster is a System pool, later ones User pools.
pub fn add_pool(plan: &mut Plan, index: usize) -> Result<usize, EditError> {
    let cluster = cluster_mut(plan, index)?;
    let pools = &mut cluster.agent_pool_profiles;
    // Pool names are lower-case letters and digits only, at most 6 characters so the name
    // also suits a Windows pool (docs/aks-rules.md §6).
    let name = unique_name("pool", "", pools.iter().map(|p| p.name.as_str()));
    let mode = if pools.iter().any(|p| p.mode == PoolMode::System) {
        PoolMode::User
    } else {
        PoolMode::System
    };
    pools.push(new_pool(name, mode));
    Ok(pools.len() - 1)
}

/// Removes pool `pool` of cluster `cluster` and returns it.
pub fn remove_pool(plan: &mut Plan, cluster: usize, pool: usize) -> Result<AgentPool, EditError> {
    let pools = &mut cluster_mut(plan, cluster)?.agent_pool_profiles;
    if pool >= pools.len() {
        return Err(EditError::NoSuchPool { cluster, pool });
    }
    Ok(pools.remove(pool))
}

/// Cluster `index`, for editing one of its fields.
pub fn cluster_mut(plan: &mut Plan, index: usize) -> Result<&mut Cluster, EditError> {
    plan.clusters
        .get_mut(index)
        .ok_or(EditError::NoSuchCluster(index))
}

/// Pool `pool` of cluster `cluster`, for editing one of its fields.
pub fn pool_mut(plan: &mut Plan, cluster: usize, pool: usize) -> Result<&mut AgentPool, EditError> {
    cluster_mut(plan, cluster)?
        .agent_pool_profiles
        .get_mut(pool)
        .ok_or(EditError::NoSuchPool { cluster, pool })
}

/// Sets an ARM tag; blank text removes it (ARM has no "empty tag" worth keeping).
pub fn set_tag(cluster: &mut Cluster, key: &str, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        cluster.tags.remove(key);
    } else {
        cluster.tags.insert(key.to_owned(), value.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::demo_plan;

    fn names(plan: &Plan) -> Vec<&str> {
        plan.clusters.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn unique_name_counts_up_from_two_past_taken_names() {
        let taken = ["pool", "pool2", "aks"];
        assert_eq!(unique_name("pool", "", taken), "pool3");
        assert_eq!(unique_name("aks", "-", taken), "aks-2");
        assert_eq!(unique_name("fresh", "-", taken), "fresh");
    }

    #[test]
    fn added_clusters_get_distinct_names_and_a_system_pool() {
        let mut plan = Plan::default();
        assert_eq!(add_cluster(&mut plan), 0);
        assert_eq!(add_cluster(&mut plan), 1);
        assert_eq!(names(&plan), ["aks-cluster", "aks-cluster-2"]);
        assert_eq!(plan.clusters[1].resource_group, "rg-aks-cluster-2");
        let pools = &plan.clusters[0].agent_pool_profiles;
        assert_eq!(pools.len(), 1);
        assert_eq!(pools[0].mode, PoolMode::System);
        assert_eq!(pools[0].upgrade_settings.max_surge, None);
    }

    #[test]
    fn added_clusters_and_pools_start_without_errors() {
        use crate::rules::findings::{Severity, check};
        let mut plan = Plan::default();
        let c = add_cluster(&mut plan);
        add_pool(&mut plan, c).unwrap();
        add_cluster(&mut plan);
        let errors: Vec<_> = check(&plan)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.code)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn a_duplicate_sits_after_its_original_with_a_copy_name() {
        let mut plan = demo_plan();
        let first = plan.clusters[0].name.clone();
        assert_eq!(duplicate_cluster(&mut plan, 0), Ok(1));
        assert_eq!(duplicate_cluster(&mut plan, 0), Ok(1));
        assert_eq!(plan.clusters[1].name, format!("{first}-copy-2"));
        assert_eq!(plan.clusters[2].name, format!("{first}-copy"));
        assert_eq!(
            plan.clusters[1].agent_pool_profiles,
            plan.clusters[0].agent_pool_profiles
        );
        assert_eq!(
            duplicate_cluster(&mut plan, 9),
            Err(EditError::NoSuchCluster(9))
        );
    }

    #[test]
    fn clusters_move_one_place_and_stop_at_either_end() {
        let mut plan = demo_plan();
        let before: Vec<String> = plan.clusters.iter().map(|c| c.name.clone()).collect();
        assert_eq!(move_cluster(&mut plan, 0, Direction::Down), Ok(1));
        assert_eq!(names(&plan), [&before[1], &before[0], &before[2]]);
        assert_eq!(move_cluster(&mut plan, 1, Direction::Up), Ok(0));
        assert_eq!(
            move_cluster(&mut plan, 0, Direction::Up),
            Err(EditError::AtEnd(0, Direction::Up))
        );
        assert_eq!(
            move_cluster(&mut plan, 2, Direction::Down),
            Err(EditError::AtEnd(2, Direction::Down))
        );
        assert_eq!(names(&plan), [&before[0], &before[1], &before[2]]);
    }

    #[test]
    fn rename_and_remove_touch_only_the_chosen_cluster() {
        let mut plan = demo_plan();
        rename_cluster(&mut plan, 1, "aks-qa".to_owned()).unwrap();
        assert_eq!(plan.clusters[1].name, "aks-qa");
        let removed = remove_cluster(&mut plan, 1).unwrap();
        assert_eq!(removed.name, "aks-qa");
        assert_eq!(plan.clusters.len(), 2);
        assert_eq!(
            remove_cluster(&mut plan, 2).unwrap_err(),
            EditError::NoSuchCluster(2)
        );
    }

    #[test]
    fn pools_are_added_as_user_pools_with_short_unique_names() {
        let mut plan = Plan::default();
        add_cluster(&mut plan);
        assert_eq!(add_pool(&mut plan, 0), Ok(1));
        assert_eq!(add_pool(&mut plan, 0), Ok(2));
        let pools = &plan.clusters[0].agent_pool_profiles;
        let pool_names: Vec<&str> = pools.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(pool_names, ["system", "pool", "pool2"]);
        assert!(pools[1..].iter().all(|p| p.mode == PoolMode::User));
        assert!(pool_names.iter().all(|n| n.len() <= 6));
    }

    #[test]
    fn the_first_pool_of_an_empty_cluster_is_a_system_pool() {
        let mut plan = Plan::default();
        plan.clusters.push(Cluster::new("bare"));
        add_pool(&mut plan, 0).unwrap();
        assert_eq!(
            plan.clusters[0].agent_pool_profiles[0].mode,
            PoolMode::System
        );
    }

    #[test]
    fn removing_a_missing_pool_is_an_error_and_changes_nothing() {
        let mut plan = demo_plan();
        let before = plan.clone();
        assert_eq!(
            remove_pool(&mut plan, 0, 40).unwrap_err(),
            EditError::NoSuchPool {
                cluster: 0,
                pool: 40
            }
        );
        assert_eq!(plan, before);
        let removed = remove_pool(&mut plan, 0, 0).unwrap();
        assert_eq!(removed, before.clusters[0].agent_pool_profiles[0]);
    }

    #[test]
    fn a_blank_tag_removes_it() {
        let mut cluster = Cluster::new("a");
        set_tag(&mut cluster, "ring", " 2 ");
        assert_eq!(cluster.tags.get("ring").map(String::as_str), Some("2"));
        set_tag(&mut cluster, "ring", "  ");
        assert!(cluster.tags.is_empty());
    }
}
