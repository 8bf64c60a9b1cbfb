//! Pool shape: every cluster needs a Linux System pool; node counts; VM size and GPU flag.

use crate::rules::cluster::Cluster;
use crate::rules::finding::FindingCode;
use crate::rules::plan::Plan;
use crate::rules::pool::{AgentPool, PoolMode};

use super::sources::{NODE_OS_UPGRADE, ROLLING_UPGRADE, SYSTEM_POOLS};
use super::{FieldPath, Finding, fields, per_cluster, per_pool};

/// A node pool (one VM scale set) holds at most 1000 nodes (docs/aks-rules.md §4.2, D-ROLL).
pub(crate) const MAX_POOL_NODES: u32 = crate::rules::finding::fields::VMSS_MAX_NODES;

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    let mut out = per_cluster(plan, system_pool);
    out.extend(per_pool(plan, |ci, cluster, pi, pool, out| {
        let path = |field: &str| FieldPath::pool(ci, cluster, pi, pool, field);
        if pool.mode == PoolMode::System && pool.os_sku.is_windows() {
            out.push(
                Finding::error(
                    FindingCode::WindowsSystemPool,
                    path(fields::MODE),
                    SYSTEM_POOLS,
                )
                .message(format!(
                    "node pool {:?} is a System pool running {}",
                    pool.name, pool.os_sku
                ))
                .why(
                    "System node pools must run Linux; Windows is only supported for User \
                         pools.",
                )
                .fix(
                    "Set the pool's mode to User, and keep a Linux pool (e.g. Azure Linux) as \
                         the System pool.",
                ),
            );
        }
        node_count(pool, &path, out);
        vm_size(pool, &path, out);
    }));
    out
}

fn system_pool(ci: usize, cluster: &Cluster, out: &mut Vec<Finding>) {
    let pools = &cluster.agent_pool_profiles;
    let Some(first) = pools.first() else {
        out.push(
            Finding::error(
                FindingCode::NoNodePools,
                FieldPath::cluster(ci, cluster, fields::NAME),
                SYSTEM_POOLS,
            )
            .message(format!("cluster {:?} has no node pools", cluster.name))
            .why("An AKS cluster needs at least one System node pool to run its system pods.")
            .fix("Add a Linux node pool with mode System (at least 2-3 nodes for production)."),
        );
        return;
    };
    if !pools.iter().any(|p| p.mode == PoolMode::System) {
        let path = FieldPath::pool(ci, cluster, 0, first, fields::MODE);
        out.push(
            Finding::error(FindingCode::NoSystemPool, path, SYSTEM_POOLS)
                .message(format!(
                    "cluster {:?} has {} node pool(s) but none with mode System",
                    cluster.name,
                    cluster.agent_pool_profiles.len()
                ))
                .why(
                    "Every AKS cluster must keep at least one System node pool; AKS refuses to \
                     delete or convert the last one.",
                )
                .fix("Set one Linux pool's mode to System."),
        );
    }
}

fn node_count(pool: &AgentPool, path: &dyn Fn(&str) -> FieldPath, out: &mut Vec<Finding>) {
    if pool.count > MAX_POOL_NODES {
        out.push(
            Finding::error(
                FindingCode::NodeCountOutOfRange,
                path(fields::COUNT),
                ROLLING_UPGRADE,
            )
            .message(format!(
                "node pool {:?} has {} nodes",
                pool.name, pool.count
            ))
            .why("A node pool is one VM scale set, which holds at most 1000 nodes.")
            .fix("Use at most 1000 nodes per pool; split the workload over several pools."),
        );
    } else if pool.count == 0 && pool.mode == PoolMode::System {
        out.push(
            Finding::error(
                FindingCode::SystemPoolWithoutNodes,
                path(fields::COUNT),
                SYSTEM_POOLS,
            )
            .message(format!("System node pool {:?} has 0 nodes", pool.name))
            .why("System node pools need at least one node (User pools may scale to 0).")
            .fix("Give the System pool at least 1 node (3 for production)."),
        );
    } else if pool.count == 0 {
        out.push(
            Finding::note(
                FindingCode::NodeCountZero,
                path(fields::COUNT),
                ROLLING_UPGRADE,
            )
            .message(format!("node pool {:?} has 0 nodes", pool.name))
            .why(
                "A pool scaled to 0 has nothing to upgrade; nodes added later start from the \
                     pool's current node image.",
            )
            .fix("Enter the usual node count so durations and surge costs are estimated."),
        );
    }
}

fn vm_size(pool: &AgentPool, path: &dyn Fn(&str) -> FieldPath, out: &mut Vec<Finding>) {
    if pool.vm_size.trim().is_empty() {
        out.push(
            Finding::note(
                FindingCode::VmSizeMissing,
                path(fields::VM_SIZE),
                ROLLING_UPGRADE,
            )
            .message(format!("node pool {:?} has no VM size", pool.name))
            .why(
                "Each surge node is one extra VM of the pool's size, billed while the upgrade \
                     runs.",
            )
            .fix("Enter the VM size, e.g. Standard_D4s_v5."),
        );
    } else if pool.gpu != AgentPool::is_gpu_vm_size(&pool.vm_size) {
        let (said, size_says) = if pool.gpu {
            ("marked as GPU", "is not an N-series GPU size")
        } else {
            ("not marked as GPU", "is an N-series GPU size")
        };
        out.push(
            Finding::note(
                FindingCode::GpuFlagMismatch,
                path(fields::GPU),
                NODE_OS_UPGRADE,
            )
            .message(format!(
                "node pool {:?} is {said} but its VM size {} {size_says}",
                pool.name, pool.vm_size
            ))
            .why(
                "The planner uses the GPU flag for channel rules: Azure Linux on NVIDIA GPU \
                     sizes cannot use SecurityPatch and gets no Unmanaged updates.",
            )
            .fix("Check the GPU box only for GPU VM sizes (NC, ND, NV, NG series)."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{codes, only, plan_with, pool, run};
    use super::*;
    use crate::rules::os::OsSku;

    #[test]
    fn a_cluster_with_a_linux_system_pool_has_no_pool_findings() {
        assert!(codes(&run(findings, &plan_with(|_| {}))).is_empty());
    }

    #[test]
    fn a_cluster_without_pools_or_without_a_system_pool_is_an_error() {
        let found = run(findings, &plan_with(|c| c.agent_pool_profiles.clear()));
        only(&found, "no-node-pools", Severity::Error);
        let found = run(
            findings,
            &plan_with(|c| c.agent_pool_profiles[0].mode = PoolMode::User),
        );
        let f = only(&found, "no-system-pool", Severity::Error);
        assert_eq!(f.path.dom_id(), "c0-p0-mode");
    }

    #[test]
    fn a_windows_system_pool_is_an_error() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.agent_pool_profiles
                    .push(pool("win", PoolMode::System, OsSku::Windows2022))
            }),
        );
        only(&found, "windows-system-pool", Severity::Error);
    }

    #[test]
    fn node_counts_outside_0_to_1000_and_empty_system_pools_are_errors() {
        let found = run(
            findings,
            &plan_with(|c| c.agent_pool_profiles[0].count = 1001),
        );
        only(&found, "node-count-out-of-range", Severity::Error);
        let found = run(findings, &plan_with(|c| c.agent_pool_profiles[0].count = 0));
        only(&found, "system-pool-without-nodes", Severity::Error);
        let found = run(
            findings,
            &plan_with(|c| {
                let mut p = pool("apps", PoolMode::User, OsSku::Ubuntu);
                p.count = 0;
                c.agent_pool_profiles.push(p);
            }),
        );
        only(&found, "node-count-zero", Severity::Note);
        let found = run(
            findings,
            &plan_with(|c| c.agent_pool_profiles[0].count = 1000),
        );
        assert!(codes(&found).is_empty());
    }

    #[test]
    fn a_gpu_flag_that_contradicts_the_vm_size_is_a_note() {
        let found = run(
            findings,
            &plan_with(|c| c.agent_pool_profiles[0].gpu = true),
        );
        only(&found, "gpu-flag-mismatch", Severity::Note);
        let found = run(
            findings,
            &plan_with(|c| c.agent_pool_profiles[0].vm_size = "Standard_NC6s_v3".into()),
        );
        only(&found, "gpu-flag-mismatch", Severity::Note);
    }

    #[test]
    fn a_missing_vm_size_is_a_note() {
        let found = run(
            findings,
            &plan_with(|c| c.agent_pool_profiles[0].vm_size.clear()),
        );
        only(&found, "vm-size-missing", Severity::Note);
    }
}
