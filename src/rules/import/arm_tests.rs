//! ARM's own shape (`az rest`, `az resource show`, ARM template exports), `az aks list`, and
//! clusters whose fields were not found (issue 10).

use serde_json::{Map, Value, json};

use super::*;
use crate::rules::channel::NodeOsChannel;

const SHOW: &str = include_str!("../../../tests/fixtures/az/aks-show.json");
const POOLS: &str = include_str!("../../../tests/fixtures/az/nodepool-list.json");
const CONFIGS: &str = include_str!("../../../tests/fixtures/az/maintenanceconfiguration-list.json");

/// The top-level members of an ARM `managedClusters` resource (REST API "Managed Clusters -
/// Get" response); everything else lives under `properties`.
const ARM_TOP: &[&str] = &[
    "id",
    "name",
    "type",
    "location",
    "tags",
    "sku",
    "identity",
    "extendedLocation",
    "kind",
    "systemData",
];

/// The `az aks show` fixture in ARM's shape, as `az rest --method get --url …managedClusters/…`
/// prints it: settings under `properties`, no `resourceGroup` (az adds that one).
fn arm_shape() -> Value {
    let Value::Object(show) = serde_json::from_str::<Value>(SHOW).unwrap() else {
        panic!("fixture is an object")
    };
    let mut top = Map::new();
    let mut props = Map::new();
    for (k, v) in show {
        if ARM_TOP.contains(&k.as_str()) {
            top.insert(k, v);
        } else if k != "resourceGroup" {
            props.insert(k, v);
        }
    }
    top.insert("properties".to_owned(), Value::Object(props));
    Value::Object(top)
}

#[test]
fn arm_shape_reads_like_az_aks_show() {
    let arm = arm_shape().to_string();
    let from_show = import(&[SHOW, POOLS, CONFIGS]).unwrap();
    let from_arm = import(&[&arm, POOLS, CONFIGS]).unwrap();
    assert_eq!(from_arm.plan.clusters, from_show.plan.clusters);
    assert!(from_arm.incomplete.is_empty(), "{:?}", from_arm.incomplete);
    // Alone, its agentPoolProfiles are read too.
    let alone = import(&[&arm]).unwrap();
    let c = &alone.plan.clusters[0];
    assert!(!c.agent_pool_profiles.is_empty());
    assert_eq!(
        c.auto_upgrade_profile.node_os_upgrade_channel,
        NodeOsChannel::SecurityPatch
    );
    assert!(alone.incomplete.is_empty(), "{:?}", alone.incomplete);
}

#[test]
fn az_aks_list_is_an_array_of_clusters() {
    let mut second = serde_json::from_str::<Value>(SHOW).unwrap();
    second["name"] = json!("aks-dev");
    second["id"] = json!(
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-dev"
    );
    let list = json!([serde_json::from_str::<Value>(SHOW).unwrap(), second]).to_string();
    let r = import(&[&list]).unwrap();
    let names: Vec<&str> = r.plan.clusters.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["aks-prod", "aks-dev"]);
    assert!(r.incomplete.is_empty());
}

#[test]
fn an_arm_template_export_reads_its_cluster_resources() {
    let mut cluster = arm_shape();
    cluster.as_object_mut().unwrap().remove("id");
    cluster["apiVersion"] = json!("2025-07-01");
    let template = json!({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [
            {"type": "Microsoft.Network/virtualNetworks", "name": "vnet", "properties": {}},
            cluster,
        ]
    });
    let r = import(&[&template.to_string()]).unwrap();
    assert_eq!(r.plan.clusters.len(), 1);
    assert_eq!(
        r.plan.clusters[0]
            .auto_upgrade_profile
            .node_os_upgrade_channel,
        NodeOsChannel::SecurityPatch
    );
    // A name that is a template expression is refused with what to paste instead.
    let mut expr = arm_shape();
    expr["name"] = json!("[parameters('managedClusters_aks_prod_name')]");
    let template = json!({"$schema": "x", "resources": [expr]});
    let err = import(&[&template.to_string()]).unwrap_err().to_string();
    assert!(err.contains("ARM template expression"), "{err}");
    assert!(err.contains("resources[0]"), "{err}");
}

#[test]
fn a_cluster_whose_fields_were_not_found_says_what_was_missing() {
    // ARM's shape with nothing under properties (e.g. a trimmed `az resource list` entry).
    let bare = r#"{"id": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-a",
                   "name": "aks-a", "type": "Microsoft.ContainerService/managedClusters", "properties": {}}"#;
    let r = import(&[bare]).unwrap();
    assert_eq!(r.incomplete.len(), 1);
    let missing = &r.incomplete[0];
    assert_eq!(missing.cluster, "aks-a");
    assert_eq!(
        missing.missing,
        [
            "kubernetesVersion",
            "autoUpgradeProfile",
            "agentPoolProfiles",
            "location"
        ]
    );
    assert!(missing.summary().contains("autoUpgradeProfile"));
    // The assumed defaults are the plan's channels, never the live cluster's.
    assert_eq!(r.plan.clusters[0].current_auto_upgrade_profile, None);
    // A profile without its node OS channel: that field alone is missing.
    let partial = r#"{"name": "aks-b", "resourceGroup": "rg", "location": "westeurope", "kubernetesVersion": "1.33.2",
                      "autoUpgradeProfile": {"upgradeChannel": "stable"},
                      "agentPoolProfiles": [{"name": "system", "mode": "System", "vmSize": "Standard_D4s_v5", "count": 3}]}"#;
    let r = import(&[partial]).unwrap();
    assert_eq!(
        r.incomplete[0].missing,
        ["autoUpgradeProfile.nodeOSUpgradeChannel"]
    );
    assert_eq!(r.plan.clusters[0].current_auto_upgrade_profile, None);
    // Pools alone: everything az aks show would have given is missing but the pools.
    let r = import(&[POOLS]).unwrap();
    assert_eq!(
        r.incomplete[0].missing,
        ["autoUpgradeProfile", "kubernetesVersion", "location"]
    );
}

#[test]
fn a_display_name_region_is_stored_as_the_api_name() {
    let mut arm = arm_shape();
    arm["location"] = json!("West Europe");
    let r = import(&[&arm.to_string()]).unwrap();
    assert_eq!(r.plan.clusters[0].location, "westeurope");
}
