use super::*;
use crate::rules::channel::NodeOsChannel;
use crate::rules::maintenance::{DefaultConfig, Schedule};
use crate::rules::os::OsSku;
use crate::rules::surge::SurgeValue;

const SHOW: &str = include_str!("../../../tests/fixtures/az/aks-show.json");
const POOLS: &str = include_str!("../../../tests/fixtures/az/nodepool-list.json");
const CONFIGS: &str = include_str!("../../../tests/fixtures/az/maintenanceconfiguration-list.json");

fn check_prod(result: &ImportResult) {
    let plan = &result.plan;
    assert_eq!(plan.clusters.len(), 1, "{:?}", plan.clusters);
    let c = &plan.clusters[0];
    assert_eq!(
        (c.name.as_str(), c.resource_group.as_str()),
        ("aks-prod", "rg-prod")
    );
    assert_eq!(c.subscription, "00000000-0000-0000-0000-000000000001");
    assert_eq!(
        c.auto_upgrade_profile.node_os_upgrade_channel,
        NodeOsChannel::SecurityPatch
    );
    assert_eq!(c.current_auto_upgrade_profile, Some(c.auto_upgrade_profile));
    assert_eq!(
        c.kubernetes_version.map(|v| v.to_string()).as_deref(),
        Some("1.32.7")
    );
    let names: Vec<&str> = c
        .agent_pool_profiles
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["system", "gpu", "win"]);
    // nodepool list (newer, more complete) wins over the show's agentPoolProfiles.
    let system = &c.agent_pool_profiles[0].upgrade_settings;
    assert_eq!(system.max_surge, Some(SurgeValue::Percent(33)));
    assert_eq!(system.node_soak_duration_in_minutes, Some(5));
    assert!(c.agent_pool_profiles[1].gpu);
    assert_eq!(c.agent_pool_profiles[2].os_sku, OsSku::Windows2022);
    let w = c.maintenance_configurations.node_os.as_ref().unwrap();
    assert!(matches!(
        w.schedule,
        Schedule::Weekly {
            interval_weeks: 1,
            ..
        }
    ));
    assert_eq!(w.utc_offset.to_string(), "-08:00");
    assert!(matches!(
        c.maintenance_configurations.default,
        Some(DefaultConfig::Legacy { .. })
    ));
}

#[test]
fn show_pools_and_configs_in_any_order_make_one_cluster() {
    for order in [
        [SHOW, POOLS, CONFIGS],
        [CONFIGS, SHOW, POOLS],
        [POOLS, CONFIGS, SHOW],
    ] {
        check_prod(&import(&order).unwrap());
        // Concatenated into one paste works the same.
        check_prod(&import(&[&order.concat()]).unwrap());
    }
}

#[test]
fn unmodelled_fields_are_one_note_per_object() {
    let r = import(&[SHOW]).unwrap();
    let ignored: Vec<&ImportNote> = r
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Ignored)
        .collect();
    assert!(
        ignored
            .iter()
            .any(|n| n.message.starts_with("cluster aks-prod:")
                && n.message.contains("addonProfiles")),
        "{ignored:?}"
    );
}

#[test]
fn pools_without_their_cluster_make_a_cluster_with_a_note() {
    let r = import(&[POOLS]).unwrap();
    assert_eq!(r.plan.clusters[0].name, "aks-prod");
    assert!(
        r.notes
            .iter()
            .any(|n| n.kind == NoteKind::Assumption && n.message.contains("known only from"))
    );
}

#[test]
fn missing_channels_are_assumptions() {
    let r = import(&[r#"{"name":"a","resourceGroup":"rg","agentPoolProfiles":[{"name":"p","vmSize":"Standard_D2s_v5"}]}"#]).unwrap();
    let assumed: Vec<&str> = r
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Assumption)
        .map(|n| n.message.as_str())
        .collect();
    assert!(
        assumed.iter().any(|m| m.contains("upgradeChannel")),
        "{assumed:?}"
    );
    assert!(
        assumed.iter().any(|m| m.contains("nodeOSUpgradeChannel")),
        "{assumed:?}"
    );
    assert!(
        assumed.iter().any(|m| m.contains("no count")),
        "{assumed:?}"
    );
}

#[test]
fn malformed_json_names_input_line_and_column() {
    let err = import(&[SHOW, "[\n  {\"name\": \"x\",\n  oops\n]"]).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Json {
                input: 2,
                line: 3,
                column: 3,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().starts_with(
            "input 2 is not valid JSON at line 3, column 3: a field name must be in double quotes"
        ),
        "{err}"
    );
}

#[test]
fn other_json_is_refused_with_what_was_found() {
    let err = import(&[r#"{"kind":"Deployment","metadata":{}}"#]).unwrap_err();
    assert!(err.to_string().contains("kind, metadata"), "{err}");
    assert_eq!(import(&["", "  \n"]).unwrap_err(), ImportError::Empty);
}

#[test]
fn import_into_replaces_a_cluster_of_the_same_name_and_keeps_the_rest() {
    let base = crate::rules::demo::demo_plan();
    let r = import_into(&base, &[SHOW]).unwrap();
    assert_eq!(r.plan.clusters.len(), base.clusters.len() + 1);
    assert_eq!(r.plan.name, base.name);
}

#[test]
fn a_field_of_the_wrong_type_is_named_as_such_not_as_missing() {
    let cases = [
        (
            r#"{"name": 5, "agentPoolProfiles": []}"#,
            r#"a cluster: "name" must be text in double quotes, but it is the number 5"#,
        ),
        (
            r#"{"name": "aks-x", "resourceGroup": ["rg"], "agentPoolProfiles": []}"#,
            r#"cluster aks-x: "resourceGroup" must be text in double quotes, but it is a list"#,
        ),
        (
            r#"{"name": "aks-x", "resourceGroup": "rg", "agentPoolProfiles": "x"}"#,
            r#"cluster aks-x: "agentPoolProfiles" must be a list of node pools ([ … ]), but it is the text "x""#,
        ),
    ];
    for (text, expected) in cases {
        let err = import(&[text]).unwrap_err().to_string();
        assert!(err.contains(expected), "{text}: {err}");
    }
}

#[test]
fn reading_through_the_text_gives_from_values_messages() {
    let cases = [
        r#"{"name":"apps","count":"three"}"#,
        r#"{"name":"apps","mode":"Spare"}"#,
        r#"{"name":"apps","osSKU":"Windows2019","count":-1}"#,
        r#"{"name":"apps","maxSurge":"lots"}"#,
        r#"{"count":3}"#,
        r#"{"name":"apps","count":1.5}"#,
    ];
    let mut failed = 0;
    for case in cases {
        let value: Value = serde_json::from_str(case).unwrap();
        let reference =
            serde_json::from_value::<AgentPool>(value.clone()).map_err(|e| e.to_string());
        let ours = from_value::<AgentPool>(&value);
        assert_eq!(ours, reference, "{case}");
        failed += usize::from(ours.is_err());
    }
    assert!(failed >= 5, "only {failed} cases fail to read");
    // The one difference: a name-valued field holding a number is named in the message.
    let value: Value = serde_json::from_str(r#"{"name":"apps","mode":7}"#).unwrap();
    assert!(serde_json::from_value::<AgentPool>(value.clone()).is_err());
    assert_eq!(
        from_value::<AgentPool>(&value).unwrap_err(),
        "invalid type: mode must be a name in double quotes"
    );
    let mut bad: Value = serde_json::from_str(CONFIGS).unwrap();
    bad[0]["properties"] = serde_json::json!({"maintenanceWindow": {"durationHours": "four"}});
    assert!(from_value::<MaintenanceConfigurations>(&bad).is_err());
    assert_eq!(
        from_value::<MaintenanceConfigurations>(&bad),
        serde_json::from_value::<MaintenanceConfigurations>(bad.clone()).map_err(|e| e.to_string())
    );
    let configs: Value = serde_json::from_str(CONFIGS).unwrap();
    assert_eq!(
        from_value::<MaintenanceConfigurations>(&configs),
        serde_json::from_value::<MaintenanceConfigurations>(configs.clone())
            .map_err(|e| e.to_string())
    );
}
