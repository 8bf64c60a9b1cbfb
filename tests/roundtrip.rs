//! Round trips: plan → link → plan, and plan → az script → (an emulated az) → az JSON →
//! import → the same settings.

mod common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use planner::rules::export::{AzCommand, Scope, Step, script_unchecked, window_for_export};
use planner::rules::import::import;
use planner::rules::maintenance::DefaultConfig;
use planner::rules::plan::Plan;
use planner::rules::share::{decode, diff, encode};
use proptest::prelude::*;
use serde_json::{Value, json};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_plan_survives_a_link(plan in common::plan(4, "\\PC{0,12}")) {
        let fragment = encode(&plan);
        prop_assert!(fragment.starts_with("#p=1."));
        let back = decode(&fragment).unwrap();
        prop_assert!(diff(&plan, &back).is_empty(), "{:?}", diff(&plan, &back));
        prop_assert_eq!(back, plan);
    }

    #[test]
    fn a_plan_applied_by_its_script_imports_back_the_same(plan in common::plan(3, "[a-z][a-z0-9-]{0,8}")) {
        let expected = expected_after_apply(&plan);
        let (show, configs) = emulate_az(&plan);
        let mut inputs: Vec<String> = show.iter().map(Value::to_string).collect();
        inputs.push(Value::Array(configs).to_string());
        let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        if plan.clusters.is_empty() {
            return Ok(());
        }
        let imported = import(&refs).unwrap().plan;
        prop_assert_eq!(imported.clusters, expected.clusters);
    }
}

/// What a cluster looks like after the export ran on it: what `nodepool update` cannot set
/// (0 drain/soak, §5.4) stays unset, and so does the preview maxBlockedNodes the script
/// only mentions in a comment; past start dates move to the first window on or after
/// today; the channels are both
/// the plan's and the live ones.
fn expected_after_apply(plan: &Plan) -> Plan {
    let mut plan = plan.clone();
    let options = plan.assumptions.recurrence;
    let now = today().and_time(chrono::NaiveTime::MIN).and_utc();
    for c in &mut plan.clusters {
        c.current_auto_upgrade_profile = Some(c.auto_upgrade_profile);
        c.subscription = "sub".to_owned();
        c.location = String::new();
        c.kubernetes_version = None;
        c.tags.clear();
        for p in &mut c.agent_pool_profiles {
            let s = &mut p.upgrade_settings;
            s.drain_timeout_in_minutes = s.drain_timeout_in_minutes.filter(|v| *v != 0);
            s.node_soak_duration_in_minutes = s.node_soak_duration_in_minutes.filter(|v| *v != 0);
            s.max_blocked_nodes = None;
        }
        c.agent_pool_profiles.sort_by(|a, b| {
            (a.mode != planner::rules::pool::PoolMode::System, &a.name)
                .cmp(&(b.mode != planner::rules::pool::PoolMode::System, &b.name))
        });
        let m = &mut c.maintenance_configurations;
        for w in [&mut m.auto_upgrade, &mut m.node_os].into_iter().flatten() {
            *w = window_for_export(w, now, options).0;
        }
        if let Some(DefaultConfig::Window(w)) = &mut m.default {
            *w = window_for_export(w, now, options).0;
        }
    }
    plan
}

fn options(argv: &[String]) -> BTreeMap<String, String> {
    argv.iter()
        .filter_map(|a| a.strip_prefix("--")?.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn int(v: &str) -> Value {
    json!(v.parse::<i64>().unwrap())
}

/// Runs the script's az commands against an in-memory Azure (per §5.3/§5.4 of docs/aks-rules.md)
/// and prints what `az aks show` and `az aks maintenanceconfiguration list` would.
fn emulate_az(plan: &Plan) -> (Vec<Value>, Vec<Value>) {
    let script = script_unchecked(plan, Scope::Plan, today()).unwrap();
    let id = |c: &str, rg: &str| {
        format!(
            "/subscriptions/sub/resourceGroups/{rg}/providers/Microsoft.ContainerService/managedClusters/{c}"
        )
    };
    let mut shows: BTreeMap<String, Value> = BTreeMap::new();
    for c in &plan.clusters {
        // The live cluster before the script: its pools exist, nothing is configured.
        let pools: Vec<Value> = c.agent_pool_profiles.iter().map(|p| json!({
            "name": p.name, "mode": p.mode, "osSku": p.os_sku, "osType": p.os_type(), "gpu": p.gpu,
            "vmSize": p.vm_size, "count": p.count, "upgradeSettings": {}
        })).collect();
        shows.insert(c.name.clone(), json!({"name": c.name, "resourceGroup": c.resource_group, "id": id(&c.name, &c.resource_group),
            "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": pools, "autoUpgradeProfile": {}}));
    }
    let mut configs = Vec::new();
    let argv = |c: &AzCommand| c.0.iter().map(|a| a.argv("add", "")).collect::<Vec<_>>();
    for step in script.clusters.iter().flat_map(|c| &c.steps) {
        match step {
            Step::Az(cmd) => {
                let a = argv(cmd);
                let o = options(&a);
                match (a[1].as_str(), a[2].as_str()) {
                    ("update", _) => {
                        // `az aks update` sets only the flags it is given (one or both channels).
                        let show = shows.get_mut(&o["name"]).unwrap();
                        let profile = show["autoUpgradeProfile"].as_object_mut().unwrap();
                        if let Some(v) = o.get("auto-upgrade-channel") {
                            profile.insert("upgradeChannel".to_owned(), json!(v));
                        }
                        if let Some(v) = o.get("node-os-upgrade-channel") {
                            profile.insert("nodeOsUpgradeChannel".to_owned(), json!(v));
                        }
                    }
                    ("nodepool", "update") => {
                        let show = shows.get_mut(&o["cluster-name"]).unwrap();
                        let pool = show["agentPoolProfiles"]
                            .as_array_mut()
                            .unwrap()
                            .iter_mut()
                            .find(|p| p["name"] == o["name"])
                            .unwrap();
                        let s = &mut pool["upgradeSettings"];
                        for (flag, key) in [
                            ("max-surge", "maxSurge"),
                            ("max-unavailable", "maxUnavailable"),
                            ("undrainable-node-behavior", "undrainableNodeBehavior"),
                        ] {
                            if let Some(v) = o.get(flag) {
                                s[key] = json!(v);
                            }
                        }
                        for (flag, key) in [
                            ("drain-timeout", "drainTimeoutInMinutes"),
                            ("node-soak-duration", "nodeSoakDurationInMinutes"),
                        ] {
                            // The CLI drops falsy values (§5.4).
                            if let Some(v) = o.get(flag).filter(|v| *v != "0") {
                                s[key] = int(v);
                            }
                        }
                    }
                    other => panic!("unexpected az command {other:?}"),
                }
            }
            Step::UpsertMaintenance {
                apply, config_json, ..
            } => {
                let a = argv(apply);
                let o = options(&a);
                let mut body = match config_json {
                    Some(j) => serde_json::from_str::<Value>(j).unwrap()["properties"].clone(),
                    None => {
                        let kind = o["schedule-type"].as_str();
                        let interval_weeks =
                            o.get("interval-weeks").map(|v| int(v)).unwrap_or(json!(1)); // default: CLI injects 1
                        let schedule = match kind {
                            "Daily" => json!({"daily": {"intervalDays": int(&o["interval-days"])}}),
                            "Weekly" => {
                                json!({"weekly": {"intervalWeeks": interval_weeks, "dayOfWeek": o["day-of-week"]}})
                            }
                            "RelativeMonthly" => {
                                json!({"relativeMonthly": {"intervalMonths": int(&o["interval-months"]), "weekIndex": o["week-index"], "dayOfWeek": o["day-of-week"]}})
                            }
                            other => panic!("{other} must go through --config-file"),
                        };
                        let mut w = json!({"schedule": schedule, "durationHours": int(&o["duration"]), "utcOffset": o["utc-offset"], "startTime": o["start-time"]});
                        if let Some(d) = o.get("start-date") {
                            w["startDate"] = json!(d);
                        }
                        json!({"maintenanceWindow": w})
                    }
                };
                let cluster = &o["cluster-name"];
                let rg = &o["resource-group"];
                body["name"] = json!(o["name"]);
                body["id"] = json!(format!(
                    "{}/maintenanceConfigurations/{}",
                    id(cluster, rg),
                    o["name"]
                ));
                body["type"] =
                    json!("Microsoft.ContainerService/managedClusters/maintenanceConfigurations");
                configs.push(body);
            }
            Step::Comment(_)
            | Step::Warning(_)
            | Step::WaitForFeature { .. }
            | Step::RequireSubscription { .. } => {}
        }
    }
    (shows.into_values().collect(), configs)
}
