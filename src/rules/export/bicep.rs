//! Bicep snippets: `managedClusters` autoUpgradeProfile, `maintenanceConfigurations` and
//! `agentPools` upgradeSettings (issue 5). A snippet to merge into the user's templates: ARM
//! PUTs replace whole resources, so each resource says what else it needs.

use std::fmt::Write;

use super::az::window_for_export;
use super::quote::{bicep as q, comment};
use super::{Meta, When};
use crate::rules::cluster::Cluster;
use crate::rules::maintenance::{ConfigName, DefaultConfig, MaintenanceWindow, TimeInWeek};
use crate::rules::pool::{AgentPool, UndrainableNodeBehavior};
use crate::rules::region::region_or_raw;

/// Stable API with `SecurityPatch`, `maxUnavailable` and `undrainableNodeBehavior` (SDK 39.1.0,
/// docs/aks-rules.md §0.1).
const API: &str = "2025-07-01";

pub fn render(meta: &Meta<'_>, clusters: &[&Cluster], when: When) -> String {
    let mut out = String::new();
    for line in super::header(meta, &format!("Bicep snippets (API {API})")) {
        let _ = writeln!(out, "// {}", comment(&line));
    }
    out.push_str("// Merge each managedClusters block into your existing cluster resource: a deployment\n// replaces properties it does not mention.\n");
    scope_lines(&mut out, clusters);
    for (i, c) in clusters.iter().enumerate() {
        let id = format!("cluster{}", i + 1);
        cluster(&mut out, &id, c, when);
    }
    out
}

/// Where the resources deploy: resource-group scope, in each cluster's subscription and
/// resource group, which the deployment command names (a Bicep file cannot).
fn scope_lines(out: &mut String, clusters: &[&Cluster]) {
    let scopes = super::deployment_scopes(clusters);
    let command = |sub: &str, rg: &str| {
        let sub = if sub.is_empty() {
            "<the cluster's subscription: none in the plan>".to_owned()
        } else {
            sub.to_owned()
        };
        format!(
            "az deployment group create --subscription {sub} --resource-group {rg} --template-file THIS.bicep"
        )
    };
    out.push_str("// Scope: resource group. The resources below have no scope of their own: they land in the\n// subscription and resource group the deployment targets.\n");
    match scopes.as_slice() {
        [(sub, rg)] => {
            let _ = writeln!(out, "// Deploy with: {}", comment(&command(sub, rg)));
        }
        _ => {
            let _ = writeln!(
                out,
                "// These clusters live in {} different subscription/resource-group scopes: never deploy\n// this file as a whole. Merge each cluster's blocks into the template of its own scope\n// (named above each cluster) or export one cluster at a time.",
                scopes.len()
            );
        }
    }
    out.push_str("targetScope = 'resourceGroup'\n");
}

fn cluster(out: &mut String, id: &str, c: &Cluster, when: When) {
    let p = c.auto_upgrade_profile;
    let _ = writeln!(
        out,
        "\n// {}",
        comment(&format!(
            "cluster {} (subscription {}, resource group {})",
            c.name,
            if c.subscription.is_empty() {
                "not named in the plan"
            } else {
                &c.subscription
            },
            c.resource_group
        ))
    );
    let _ = writeln!(
        out,
        "resource {id} 'Microsoft.ContainerService/managedClusters@{API}' = {{"
    );
    let _ = writeln!(out, "  name: {}", q(&c.name));
    let _ = writeln!(out, "  location: {}", q(&region_or_raw(&c.location)));
    let _ = writeln!(out, "  properties: {{\n    autoUpgradeProfile: {{");
    let _ = writeln!(
        out,
        "      upgradeChannel: {}",
        q(p.upgrade_channel.as_str())
    );
    let _ = writeln!(
        out,
        "      nodeOSUpgradeChannel: {}",
        q(p.node_os_upgrade_channel.as_str())
    );
    let _ = writeln!(
        out,
        "    }}\n    // ...the rest of your cluster properties\n  }}\n}}"
    );
    let cfgs = &c.maintenance_configurations;
    for name in ConfigName::ALL {
        let body = match (name, &cfgs.default) {
            (
                ConfigName::Default,
                Some(DefaultConfig::Legacy {
                    time_in_week,
                    not_allowed_time,
                }),
            ) => {
                let hours: Vec<TimeInWeek> =
                    time_in_week.iter().map(TimeInWeek::hours_of_day).collect();
                let json =
                    serde_json::json!({ "timeInWeek": hours, "notAllowedTime": not_allowed_time });
                Some(format!("    // legacy form\n{}", json_props(&json, 4)))
            }
            _ => cfgs.window(name).map(|w| window(w, when)),
        };
        if let Some(body) = body {
            let sym = format!("{id}_{}", symbol(name));
            let _ = writeln!(
                out,
                "\nresource {sym} 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations@{API}' = {{"
            );
            let _ = writeln!(
                out,
                "  parent: {id}\n  name: {}\n  properties: {{\n{body}  }}\n}}",
                q(name.as_str())
            );
        }
    }
    for (j, pool) in c.agent_pool_profiles.iter().enumerate() {
        let _ = writeln!(
            out,
            "\nresource {id}_pool{} 'Microsoft.ContainerService/managedClusters/agentPools@{API}' = {{",
            j + 1
        );
        let _ = writeln!(
            out,
            "  parent: {id}\n  name: {}\n  properties: {{",
            q(&pool.name)
        );
        let _ = writeln!(
            out,
            "    mode: {}\n    osType: {}\n    osSKU: {}",
            q(mode(pool)),
            q(&format!("{:?}", pool.os_type())),
            q(pool.os_sku.as_str())
        );
        let _ = writeln!(
            out,
            "    vmSize: {}\n    count: {}",
            q(&pool.vm_size),
            pool.count
        );
        upgrade_settings(out, pool);
        let _ = writeln!(out, "    // ...the rest of your pool properties\n  }}\n}}");
    }
}

fn symbol(name: ConfigName) -> &'static str {
    match name {
        ConfigName::Default => "default",
        ConfigName::AutoUpgrade => "autoUpgrade",
        ConfigName::NodeOs => "nodeOs",
    }
}

fn mode(pool: &AgentPool) -> &'static str {
    match pool.mode {
        crate::rules::pool::PoolMode::System => "System",
        crate::rules::pool::PoolMode::User => "User",
    }
}

fn upgrade_settings(out: &mut String, pool: &AgentPool) {
    let s = &pool.upgrade_settings;
    let mut lines = Vec::new();
    if let Some(v) = s.max_surge {
        lines.push(format!("maxSurge: {}", q(&v.to_string())));
    }
    if let Some(v) = s.max_unavailable {
        lines.push(format!("maxUnavailable: {}", q(&v.to_string())));
    }
    if let Some(v) = s.drain_timeout_in_minutes {
        lines.push(format!("drainTimeoutInMinutes: {v}"));
    }
    if let Some(v) = s.node_soak_duration_in_minutes {
        lines.push(format!("nodeSoakDurationInMinutes: {v}"));
    }
    if let Some(b) = s.undrainable_node_behavior {
        let v = match b {
            UndrainableNodeBehavior::Cordon => "Cordon",
            UndrainableNodeBehavior::Schedule => "Schedule",
        };
        lines.push(format!("undrainableNodeBehavior: {}", q(v)));
    }
    if let Some(note) = super::max_blocked_nodes_comment(pool) {
        let _ = writeln!(out, "    // {}", comment(&note));
    }
    if lines.is_empty() {
        out.push_str("    // upgradeSettings: none set, AKS defaults apply\n");
        return;
    }
    out.push_str("    upgradeSettings: {\n");
    for l in lines {
        let _ = writeln!(out, "      {l}");
    }
    out.push_str("    }\n");
}

fn window(w: &MaintenanceWindow, when: When) -> String {
    let (w, note) = window_for_export(w, when.now, when.options);
    let mut out = String::new();
    if let Some(note) = note {
        let _ = writeln!(out, "    // {}", comment(&note));
    }
    let json = serde_json::json!({ "maintenanceWindow": w });
    out.push_str(&json_props(&json, 4));
    out
}

/// A JSON object's members as Bicep object lines (keys bare, strings single-quoted), indented.
fn json_props(value: &serde_json::Value, indent: usize) -> String {
    let mut out = String::new();
    if let serde_json::Value::Object(map) = value {
        for (k, v) in map {
            let _ = writeln!(out, "{:indent$}{k}: {}", "", json_value(v, indent));
        }
    }
    out
}

fn json_value(v: &serde_json::Value, indent: usize) -> String {
    match v {
        serde_json::Value::Null => "null".to_owned(),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => q(s),
        serde_json::Value::Array(items) => {
            let inner: Vec<String> = items
                .iter()
                .map(|i| format!("{:w$}{}\n", "", json_value(i, indent + 2), w = indent + 2))
                .collect();
            format!("[\n{}{:indent$}]", inner.concat(), "")
        }
        serde_json::Value::Object(_) => {
            format!("{{\n{}{:indent$}}}", json_props(v, indent + 2), "")
        }
    }
}
