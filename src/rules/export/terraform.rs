//! Terraform azurerm snippets (docs/aks-rules.md §5.8): `automatic_upgrade_channel`,
//! `node_os_upgrade_channel`, `maintenance_window_auto_upgrade` / `maintenance_window_node_os`,
//! legacy `maintenance_window`, and `upgrade_settings` per pool.

use std::fmt::Write;

use super::az::window_for_export;
use super::quote::{comment, hcl as q};
use super::{Meta, When};
use crate::rules::channel::UpgradeChannel;
use crate::rules::cluster::Cluster;
use crate::rules::maintenance::{DefaultConfig, MaintenanceWindow, Schedule};
use crate::rules::pool::{AgentPool, PoolMode, SurgeSource, UndrainableNodeBehavior};
use crate::rules::region::region_or_raw;

pub fn render(meta: &Meta<'_>, clusters: &[&Cluster], when: When) -> String {
    let mut out = String::new();
    for line in super::header(meta, "Terraform azurerm snippets") {
        let _ = writeln!(out, "# {}", comment(&line));
    }
    out.push_str("# Merge into your azurerm_kubernetes_cluster / azurerm_kubernetes_cluster_node_pool resources.\n");
    let subs = providers(&mut out, clusters);
    for (i, c) in clusters.iter().enumerate() {
        let alias = subs
            .iter()
            .position(|s| *s == c.subscription)
            .map(|k| format!("sub{}", k + 1));
        cluster(
            &mut out,
            &format!("cluster{}", i + 1),
            c,
            alias.as_deref(),
            when,
        );
    }
    out
}

/// Whether `s` is a subscription ID (a GUID), which `subscription_id` needs; a name is not.
fn is_subscription_id(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Scope: one aliased `azurerm` provider per subscription of the plan, so every resource
/// deploys in its cluster's subscription whatever the default provider points at. A
/// subscription given by name becomes a variable: `subscription_id` takes only the ID.
/// Returns the subscriptions in alias order (`sub1`, `sub2`, …).
fn providers(out: &mut String, clusters: &[&Cluster]) -> Vec<String> {
    let mut subs: Vec<String> = Vec::new();
    for c in clusters {
        if !c.subscription.is_empty() && !subs.contains(&c.subscription) {
            subs.push(c.subscription.clone());
        }
    }
    out.push_str("# Scope: each cluster's resources deploy in its subscription through an aliased azurerm\n# provider (below) and in its resource group (resource_group_name).\n");
    for (k, sub) in subs.iter().enumerate() {
        let n = k + 1;
        let id = if is_subscription_id(sub) {
            q(sub)
        } else {
            let _ = writeln!(
                out,
                "\nvariable \"subscription_id_{n}\" {{\n  description = {}\n  type        = string\n}}",
                q(&format!(
                    "ID of subscription {sub}: az account show --subscription {sub} --query id -o tsv"
                ))
            );
            format!("var.subscription_id_{n}")
        };
        let _ = writeln!(
            out,
            "\nprovider \"azurerm\" {{\n  # {}\n  alias           = \"sub{n}\"\n  subscription_id = {id}\n  features {{\n  }}\n}}",
            comment(&format!("subscription {sub}"))
        );
    }
    subs
}

/// The pool that goes in `default_node_pool`: the first System pool (azurerm requires one).
fn default_pool(c: &Cluster) -> Option<usize> {
    c.agent_pool_profiles
        .iter()
        .position(|p| p.mode == PoolMode::System)
        .or(if c.agent_pool_profiles.is_empty() {
            None
        } else {
            Some(0)
        })
}

fn cluster(out: &mut String, id: &str, c: &Cluster, alias: Option<&str>, when: When) {
    let p = c.auto_upgrade_profile;
    let provider = |out: &mut String| {
        match alias {
        Some(a) => {
            let _ = writeln!(out, "  provider = azurerm.{a}");
        }
        None => out.push_str(
            "  # no subscription in the plan: deploys in the default azurerm provider's subscription\n",
        ),
    }
    };
    let _ = writeln!(out, "\nresource \"azurerm_kubernetes_cluster\" \"{id}\" {{");
    provider(out);
    let _ = writeln!(out, "  name                = {}", q(&c.name));
    let _ = writeln!(out, "  resource_group_name = {}", q(&c.resource_group));
    let _ = writeln!(
        out,
        "  location            = {}",
        q(&region_or_raw(&c.location))
    );
    out.push_str("  # ...the rest of your cluster definition\n\n");
    if p.upgrade_channel == UpgradeChannel::None {
        out.push_str("  # automatic_upgrade_channel omitted: none\n");
    } else {
        let _ = writeln!(
            out,
            "  automatic_upgrade_channel = {}",
            q(p.upgrade_channel.as_str())
        );
    }
    let _ = writeln!(
        out,
        "  node_os_upgrade_channel   = {}",
        q(p.node_os_upgrade_channel.as_str())
    );
    let cfgs = &c.maintenance_configurations;
    match &cfgs.default {
        Some(DefaultConfig::Legacy { time_in_week, not_allowed_time }) => {
            out.push_str("\n  maintenance_window {\n");
            for t in time_in_week {
                let hours: Vec<String> = t.hours_of_day().hour_slots.iter().map(u32::to_string).collect();
                let _ = writeln!(out, "    allowed {{\n      day   = {}\n      hours = [{}]\n    }}", q(t.day.as_str()), hours.join(", "));
            }
            for n in not_allowed_time {
                let _ = writeln!(out, "    not_allowed {{\n      start = {}\n      end   = {}\n    }}", q(&n.start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)), q(&n.end.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)));
            }
            out.push_str("  }\n");
        }
        Some(DefaultConfig::Window(_)) => out.push_str(
            "\n  # The default configuration's maintenanceWindow form has no azurerm block: apply it with the az export.\n",
        ),
        None => {}
    }
    if let Some(w) = &cfgs.auto_upgrade {
        window(out, "maintenance_window_auto_upgrade", w, when);
    }
    if let Some(w) = &cfgs.node_os {
        window(out, "maintenance_window_node_os", w, when);
    }
    let default = default_pool(c);
    if let Some(d) = default.and_then(|d| c.agent_pool_profiles.get(d)) {
        let _ = writeln!(
            out,
            "\n  default_node_pool {{\n    name    = {}\n    vm_size = {}",
            q(&d.name),
            q(&d.vm_size)
        );
        upgrade_settings(out, c, d, "    ");
        out.push_str("    # ...the rest of your default node pool\n  }\n");
    }
    out.push_str("}\n");
    for (j, pool) in c.agent_pool_profiles.iter().enumerate() {
        if Some(j) == default {
            continue;
        }
        let _ = writeln!(
            out,
            "\nresource \"azurerm_kubernetes_cluster_node_pool\" \"{id}_pool{}\" {{",
            j + 1
        );
        provider(out);
        let _ = writeln!(
            out,
            "  name                  = {}\n  kubernetes_cluster_id = azurerm_kubernetes_cluster.{id}.id\n  vm_size               = {}",
            q(&pool.name),
            q(&pool.vm_size)
        );
        upgrade_settings(out, c, pool, "  ");
        out.push_str("  # ...the rest of your node pool\n}\n");
    }
}

fn upgrade_settings(out: &mut String, c: &Cluster, pool: &AgentPool, indent: &str) {
    let s = &pool.upgrade_settings;
    if let Some(note) = super::max_blocked_nodes_comment(pool) {
        let _ = writeln!(out, "{indent}# {}", comment(&note));
    }
    // maxBlockedNodes is not exported (the comment above), so it alone is "none set".
    let exported = crate::rules::pool::UpgradeSettings {
        max_blocked_nodes: None,
        ..*s
    };
    if exported == Default::default() {
        let _ = writeln!(
            out,
            "{indent}# upgrade_settings: none set, AKS defaults apply"
        );
        return;
    }
    let _ = writeln!(out, "{indent}upgrade_settings {{");
    // azurerm requires max_surge once the block exists (docs/aks-rules.md §5.8).
    let (surge, source) = pool.effective_max_surge(c.kubernetes_version);
    if source != SurgeSource::Explicit {
        let _ = writeln!(
            out,
            "{indent}  # max_surge is unset in the plan; azurerm requires it: AKS's assumed default"
        );
    }
    let _ = writeln!(out, "{indent}  max_surge = {}", q(&surge.to_string()));
    if let Some(v) = s.max_unavailable {
        let _ = writeln!(out, "{indent}  max_unavailable = {}", q(&v.to_string()));
    }
    if let Some(v) = s.drain_timeout_in_minutes {
        let _ = writeln!(out, "{indent}  drain_timeout_in_minutes = {v}");
    }
    if let Some(v) = s.node_soak_duration_in_minutes {
        let _ = writeln!(out, "{indent}  node_soak_duration_in_minutes = {v}");
    }
    if let Some(b) = s.undrainable_node_behavior {
        let v = match b {
            UndrainableNodeBehavior::Cordon => "Cordon",
            UndrainableNodeBehavior::Schedule => "Schedule",
        };
        let _ = writeln!(out, "{indent}  undrainable_node_behavior = {}", q(v));
    }
    let _ = writeln!(out, "{indent}}}");
}

fn window(out: &mut String, block: &str, w: &MaintenanceWindow, when: When) {
    let (w, note) = window_for_export(w, when.now, when.options);
    let _ = writeln!(out, "\n  {block} {{");
    if let Some(note) = note {
        let _ = writeln!(out, "    # {}", comment(&note));
    }
    let _ = writeln!(out, "    frequency = {}", q(w.schedule.type_name()));
    match w.schedule {
        Schedule::Daily { interval_days } => {
            let _ = writeln!(out, "    interval  = {interval_days}");
        }
        Schedule::Weekly {
            interval_weeks,
            day_of_week,
        } => {
            let _ = writeln!(
                out,
                "    interval  = {interval_weeks}\n    day_of_week = {}",
                q(day_of_week.as_str())
            );
        }
        Schedule::AbsoluteMonthly {
            interval_months,
            day_of_month,
        } => {
            let _ = writeln!(
                out,
                "    interval  = {interval_months}\n    day_of_month = {day_of_month}"
            );
        }
        Schedule::RelativeMonthly {
            interval_months,
            week_index,
            day_of_week,
        } => {
            let _ = writeln!(
                out,
                "    interval  = {interval_months}\n    week_index  = {}\n    day_of_week = {}",
                q(week_index.as_str()),
                q(day_of_week.as_str())
            );
        }
    }
    let _ = writeln!(
        out,
        "    duration   = {}\n    start_time = {}\n    utc_offset = {}",
        w.duration_hours,
        q(&w.start_time.to_string()),
        q(&w.utc_offset.to_string())
    );
    if let Some(d) = w.start_date {
        // azurerm takes RFC 3339 and keeps the date part.
        let _ = writeln!(out, "    start_date = {}", q(&format!("{d}T00:00:00Z")));
    }
    for span in &w.not_allowed_dates {
        let _ = writeln!(
            out,
            "    not_allowed {{\n      start = {}\n      end   = {}\n    }}",
            q(&format!("{}T00:00:00Z", span.start)),
            q(&format!("{}T00:00:00Z", span.end))
        );
    }
    out.push_str("  }\n");
}
