//! Names and required identity fields (docs/aks-rules.md §6): cluster, resource group and pool
//! names, duplicates, the generated node resource group, and fields `az` cannot do without.

use crate::rules::finding::FindingCode;
use std::collections::BTreeMap;

use crate::rules::cluster::Cluster;
use crate::rules::names::{
    self as rules_names, LINUX_POOL_NAME_SOFT_MAX, NODE_RESOURCE_GROUP_MAX, NameError, NameKind,
};
use crate::rules::os::OsType;
use crate::rules::plan::Plan;

use super::sources::{AKS_NAMES, AZ_AKS, RESOURCE_NAMES};
use super::{FieldPath, Finding, fields, per_cluster, per_pool};

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    let mut out = cluster_names(plan);
    out.extend(duplicate_clusters(plan));
    out.extend(pool_names(plan));
    out
}

/// The names of each cluster on its own (the part of [`findings`] before
/// [`duplicate_clusters`]).
pub(super) fn cluster_names(plan: &Plan) -> Vec<Finding> {
    per_cluster(plan, cluster_fields)
}

/// The pools' names, each cluster on its own (the part of [`findings`] after
/// [`duplicate_clusters`]).
pub(super) fn pool_names(plan: &Plan) -> Vec<Finding> {
    let mut out = per_cluster(plan, duplicate_pools);
    out.extend(per_pool(plan, |ci, cluster, pi, pool, out| {
        let path = || FieldPath::pool(ci, cluster, pi, pool, fields::NAME);
        match rules_names::validate_pool_name(&pool.name, pool.os_type()) {
            Err(e @ NameError::Reserved { .. }) => out.push(
                Finding::error(FindingCode::PoolNameReserved, path(), AKS_NAMES)
                    .message(e.to_string())
                    .why("AKS reserves the node pool name \"aksmanagedap\" for its own pools.")
                    .fix("Rename the pool, e.g. \"apps\" or \"user1\"."),
            ),
            Err(e) if e.kind() == NameKind::WindowsPool => out.push(
                Finding::error(FindingCode::WindowsPoolNameTooLong, path(), AKS_NAMES)
                    .message(e.to_string())
                    .why(
                        "Windows node pool names are limited to 6 characters because the \
                         Windows computer name is built from them (AKS naming rules).",
                    )
                    .fix("Use a short name such as \"win\" or \"win22\"."),
            ),
            Err(e) => out.push(
                Finding::error(FindingCode::PoolNameInvalid, path(), AKS_NAMES)
                    .message(e.to_string())
                    .why(
                        "The AKS API accepts pool names matching ^[a-z][a-z0-9]{0,11}$: \
                         1-12 lowercase letters and digits, starting with a letter.",
                    )
                    .fix("Rename the pool to lowercase letters and digits, e.g. \"apps1\"."),
            ),
            Ok(())
                if pool.os_type() == OsType::Linux
                    && rules_names::char_len(&pool.name) > LINUX_POOL_NAME_SOFT_MAX =>
            {
                out.push(
                    Finding::warning(FindingCode::LinuxPoolNameLong, path(), AKS_NAMES)
                        .message(format!(
                            "the node pool name {:?} has 12 characters",
                            pool.name
                        ))
                        .why(
                            "The API allows 12 characters but the AKS naming FAQ says Linux \
                             pool names are limited to 11.",
                        )
                        .fix("Shorten the name to at most 11 characters to be safe."),
                )
            }
            Ok(()) => {}
        }
    }));
    out
}

/// Cluster name, resource group, location, subscription, and the generated node resource group.
fn cluster_fields(ci: usize, cluster: &Cluster, out: &mut Vec<Finding>) {
    let path = |field| FieldPath::cluster(ci, cluster, field);
    if let Err(e) = rules_names::validate_cluster_name(&cluster.name) {
        out.push(
            Finding::error(
                FindingCode::ClusterNameInvalid,
                path(fields::NAME),
                RESOURCE_NAMES,
            )
            .message(e.to_string())
            .why(
                "AKS cluster names are 1-63 letters, digits, '-' and '_', starting and \
                     ending with a letter or digit (ARM managedClusters name pattern).",
            )
            .fix("Rename the cluster, e.g. \"aks-prod-weu\"."),
        );
    }
    if cluster.resource_group.is_empty() {
        out.push(
            Finding::error(
                FindingCode::ResourceGroupMissing,
                path(fields::RESOURCE_GROUP),
                AZ_AKS,
            )
            .message(format!("cluster {:?} has no resource group", cluster.name))
            .why(
                "Every az aks command needs the resource group (-g); without it the \
                 planner cannot produce commands for this cluster.",
            )
            .fix(format!(
                "Enter the resource group, as `az aks list --query \
                 \"[?name=='{}'].resourceGroup\"` prints it.",
                cluster.name
            )),
        );
    } else if let Err(e) = rules_names::validate_resource_group_name(&cluster.resource_group) {
        out.push(
            Finding::error(
                FindingCode::ResourceGroupNameInvalid,
                path(fields::RESOURCE_GROUP),
                RESOURCE_NAMES,
            )
            .message(e.to_string())
            .why(
                "Resource group names are 1-90 letters, digits, '_', '-', '.', '(' and ')', \
                 and cannot end with '.' (Azure naming rules).",
            )
            .fix("Correct the resource group name."),
        );
    }
    if cluster.location.is_empty() {
        out.push(
            Finding::note(FindingCode::LocationMissing, path(fields::LOCATION), AZ_AKS)
                .message(format!(
                    "cluster {:?} has no location (region)",
                    cluster.name
                ))
                .why(
                    "New node images roll out region by region, and az aks create falls back \
                     to the resource group's region when --location is omitted.",
                )
                .fix("Enter the Azure region, e.g. westeurope."),
        );
    }
    if cluster.subscription.is_empty() {
        out.push(
            Finding::note(
                FindingCode::SubscriptionMissing,
                path(fields::SUBSCRIPTION),
                AZ_AKS,
            )
            .message(format!("cluster {:?} has no subscription", cluster.name))
            .why(
                "Names are unique per subscription and resource group, and az commands run \
                 against the signed-in default subscription unless told otherwise: the exported \
                 commands can target the cluster's subscription only when the plan names it.",
            )
            .fix("Enter the subscription name or ID the cluster lives in."),
        );
    }
    node_resource_group(ci, cluster, out);
}

/// `MC_<rg>_<cluster>_<region>` longer than 80 characters makes `az aks create` fail unless
/// `--node-resource-group` is given (docs/aks-rules.md §6, AKS-FAQ-NAMES).
fn node_resource_group(ci: usize, cluster: &Cluster, out: &mut Vec<Finding>) {
    if cluster.resource_group.is_empty() || cluster.name.is_empty() || cluster.location.is_empty() {
        return;
    }
    let generated = rules_names::node_resource_group_name(
        &cluster.resource_group,
        &cluster.name,
        &cluster.location,
    );
    let len = rules_names::char_len(&generated);
    if len > NODE_RESOURCE_GROUP_MAX {
        out.push(
            Finding::warning(
                FindingCode::NodeResourceGroupNameTooLong,
                FieldPath::cluster(ci, cluster, fields::NAME),
                AKS_NAMES,
            )
            .message(format!(
                "the generated node resource group {generated:?} is {len} characters long"
            ))
            .why(
                "AKS names the node resource group MC_<resource group>_<cluster>_<region>, \
                 limited to 80 characters; creating the cluster fails when it is longer.",
            )
            .fix(
                "Shorten the cluster or resource group name, or create the cluster with \
                 --node-resource-group set to a shorter name.",
            ),
        );
    }
}

/// What makes two clusters the same ARM resource: subscription, resource group and name, each
/// ASCII-lowercased (ARM names are case-insensitive); `None` for a cluster without a name.
///
/// ASCII folding on purpose: `str::to_lowercase` links core's Unicode case tables (~7 KB gzip
/// of wasm). Cluster names and subscription ids are ASCII by rule (§6); only a resource group
/// with non-ASCII letters differing in case would slip past.
pub(super) type ArmKey = (String, String, String);

pub(super) fn arm_key(cluster: &Cluster) -> Option<ArmKey> {
    (!cluster.name.is_empty()).then(|| {
        (
            cluster.subscription.to_ascii_lowercase(),
            cluster.resource_group.to_ascii_lowercase(),
            cluster.name.to_ascii_lowercase(),
        )
    })
}

/// Two clusters with the same name in the same subscription and resource group (ARM names are
/// case-insensitive). `findings::duplicates` keeps the same check across edits.
pub(super) fn duplicate_clusters(plan: &Plan) -> Vec<Finding> {
    let mut first_seen: BTreeMap<ArmKey, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (ci, cluster) in plan.clusters.iter().enumerate() {
        let Some(key) = arm_key(cluster) else {
            continue;
        };
        match first_seen.get(&key) {
            Some(&first) => out.push(duplicate_cluster(ci, cluster, first)),
            None => {
                first_seen.insert(key, ci);
            }
        }
    }
    out
}

/// Cluster `ci` has the ARM name of cluster `first`, an earlier one.
pub(super) fn duplicate_cluster(ci: usize, cluster: &Cluster, first: usize) -> Finding {
    Finding::error(
        FindingCode::DuplicateClusterName,
        FieldPath::cluster(ci, cluster, fields::NAME),
        RESOURCE_NAMES,
    )
    .message(format!(
        "cluster {} is named {:?}, like cluster {} in the same subscription {:?} \
         and resource group {:?}",
        ci + 1,
        cluster.name,
        first + 1,
        cluster.subscription,
        cluster.resource_group
    ))
    .why(
        "A cluster name must be unique within its resource group (names are \
         case-insensitive); both entries would configure the same cluster.",
    )
    .fix("Rename one of them, or move it to its real resource group or subscription.")
}

fn duplicate_pools(ci: usize, cluster: &Cluster, out: &mut Vec<Finding>) {
    let mut first_seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (pi, pool) in cluster.agent_pool_profiles.iter().enumerate() {
        if pool.name.is_empty() {
            continue;
        }
        match first_seen.get(pool.name.as_str()) {
            Some(&first) => out.push(
                Finding::error(
                    FindingCode::DuplicatePoolName,
                    FieldPath::pool(ci, cluster, pi, pool, fields::NAME),
                    AKS_NAMES,
                )
                .message(format!(
                    "node pool {} of cluster {:?} is named {:?}, like node pool {}",
                    pi + 1,
                    cluster.name,
                    pool.name,
                    first + 1
                ))
                .why("Node pool names must be unique within a cluster.")
                .fix("Rename one of the pools."),
            ),
            None => {
                first_seen.insert(&pool.name, pi);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{cluster, codes, only, plan_with, pool, run};
    use super::*;
    use crate::rules::os::OsSku;
    use crate::rules::pool::PoolMode;

    #[test]
    fn a_complete_cluster_has_no_name_findings() {
        assert_eq!(
            codes(&run(findings, &plan_with(|_| {}))),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn an_invalid_cluster_name_is_an_error_naming_the_value() {
        let found = run(findings, &plan_with(|c| c.name = "aks.prod".into()));
        let f = only(&found, "cluster-name-invalid", Severity::Error);
        assert!(f.message.contains("aks.prod"));
        assert_eq!(f.path.field, "name");
        assert_eq!(f.path.dom_id(), "c0-name");
    }

    #[test]
    fn a_missing_resource_group_is_an_error_and_a_bad_one_too() {
        let found = run(findings, &plan_with(|c| c.resource_group.clear()));
        only(&found, "resource-group-missing", Severity::Error);
        let found = run(findings, &plan_with(|c| c.resource_group = "rg.".into()));
        only(&found, "resource-group-name-invalid", Severity::Error);
    }

    #[test]
    fn missing_location_and_subscription_are_notes() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.location.clear();
                c.subscription.clear();
            }),
        );
        only(&found, "location-missing", Severity::Note);
        only(&found, "subscription-missing", Severity::Note);
    }

    #[test]
    fn a_long_node_resource_group_is_a_warning() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.resource_group = "r".repeat(40);
                c.name = "a".repeat(30);
            }),
        );
        let f = only(
            &found,
            "node-resource-group-name-too-long",
            Severity::Warning,
        );
        assert!(f.message.contains("MC_"), "{}", f.message);
    }

    #[test]
    fn pool_name_rules_each_have_their_own_code() {
        let table: [(&str, OsSku, &str, Severity); 5] = [
            ("Apps", OsSku::Ubuntu, "pool-name-invalid", Severity::Error),
            ("", OsSku::Ubuntu, "pool-name-invalid", Severity::Error),
            (
                "aksmanagedap",
                OsSku::Ubuntu,
                "pool-name-reserved",
                Severity::Error,
            ),
            (
                "windows",
                OsSku::Windows2022,
                "windows-pool-name-too-long",
                Severity::Error,
            ),
            (
                "abcdefghijkl",
                OsSku::AzureLinux,
                "linux-pool-name-long",
                Severity::Warning,
            ),
        ];
        for (name, sku, code, severity) in table {
            let found = run(
                findings,
                &plan_with(|c| c.agent_pool_profiles.push(pool(name, PoolMode::User, sku))),
            );
            let f = only(&found, code, severity);
            assert_eq!(f.path.dom_id(), "c0-p1-name", "{name}");
        }
    }

    #[test]
    fn eleven_character_linux_and_six_character_windows_names_are_fine() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.agent_pool_profiles
                    .push(pool("abcdefghijk", PoolMode::User, OsSku::Ubuntu));
                c.agent_pool_profiles
                    .push(pool("win225", PoolMode::User, OsSku::Windows2025));
            }),
        );
        assert!(found.is_empty(), "{:?}", codes(&found));
    }

    #[test]
    fn duplicate_clusters_in_the_same_resource_group_are_errors_case_insensitively() {
        let mut plan = plan_with(|_| {});
        let mut twin = cluster("AKS-A");
        twin.resource_group = "RG-APP".into();
        plan.clusters.push(twin);
        let found = run(findings, &plan);
        let f = only(&found, "duplicate-cluster-name", Severity::Error);
        assert_eq!(f.path.cluster, Some(1));
    }

    #[test]
    fn the_same_cluster_name_in_another_resource_group_is_fine() {
        let mut plan = plan_with(|_| {});
        let mut other = cluster("aks-a");
        other.resource_group = "rg-other".into();
        plan.clusters.push(other);
        assert!(codes(&run(findings, &plan)).is_empty());
    }

    #[test]
    fn duplicate_pool_names_are_errors_on_the_second_pool() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.agent_pool_profiles
                    .push(pool("system", PoolMode::User, OsSku::Ubuntu))
            }),
        );
        let f = only(&found, "duplicate-pool-name", Severity::Error);
        assert_eq!(f.path.pool, Some(1));
    }
}
