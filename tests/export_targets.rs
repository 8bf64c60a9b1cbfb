//! Exports do what the plan says, where it says (issue 10), checked by running the exported
//! bash script against a stub `az` that records its arguments: every command names its
//! cluster's subscription, the script stops before any change when it cannot see one, channel
//! changes around `node-image` come in two steps in the order AKS accepts, and errors are
//! scoped to what is exported.

mod common;

use chrono::NaiveDate;
use common::az_stub::{Sandbox, expected_calls, require_bash};
use planner::rules::channel::{AutoUpgradeProfile, NodeOsChannel, UpgradeChannel};
use planner::rules::demo::demo_plan;
use planner::rules::export::{ExportError, ExportFormat, Scope, export, export_report};
use planner::rules::plan::Plan;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

const SUB_ID: &str = "0b1f6471-1bf0-4dda-aec3-111122223333";

/// Two clusters of the same name in resource groups of the same name, in two subscriptions
/// (one given by name, one by ID): only `--subscription` tells them apart.
fn two_subscriptions() -> Plan {
    let mut plan = demo_plan();
    plan.name = "Two subscriptions".to_owned();
    plan.clusters.truncate(2);
    for (c, sub) in plan.clusters.iter_mut().zip(["contoso-prod", SUB_ID]) {
        c.name = "aks-app".to_owned();
        c.resource_group = "rg-app".to_owned();
        c.subscription = sub.to_owned();
    }
    plan
}

fn text(arg: &[u8]) -> &str {
    std::str::from_utf8(arg).unwrap()
}

fn is(call: &[Vec<u8>], words: &[&str]) -> bool {
    call.len() >= words.len() && call.iter().zip(words).all(|(a, w)| text(a) == *w)
}

fn has(call: &[Vec<u8>], arg: &str) -> bool {
    call.iter().any(|a| text(a) == arg)
}

#[test]
fn every_command_targets_its_clusters_subscription_after_checking_both() {
    require_bash();
    let plan = two_subscriptions();
    let sh = export(&plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
    let sandbox = Sandbox::new();
    let (calls, _) = sandbox.run(&sh);
    let (expected, _) = expected_calls(&plan, today());
    assert_eq!(calls.len(), expected.len(), "{sh}");
    // First the two checks, before anything else.
    assert!(
        is(
            &calls[0],
            &["account", "show", "--subscription=contoso-prod"]
        ),
        "{:?}",
        calls[0]
    );
    assert!(is(
        &calls[1],
        &["account", "show", &format!("--subscription={SUB_ID}")]
    ));
    // Then every aks command names the subscription of the cluster it belongs to, in apply
    // order: the first cluster's commands, then the second's.
    let aks: Vec<&Vec<Vec<u8>>> = calls.iter().filter(|c| is(c, &["aks"])).collect();
    assert!(!aks.is_empty());
    let subs: Vec<&str> = aks
        .iter()
        .map(|c| {
            let found: Vec<&str> = c
                .iter()
                .map(|a| text(a))
                .filter(|a| a.starts_with("--subscription="))
                .collect();
            assert_eq!(found.len(), 1, "one --subscription per command: {c:?}");
            found[0]
        })
        .collect();
    let switch = subs
        .iter()
        .position(|s| *s != "--subscription=contoso-prod")
        .unwrap();
    assert!(switch > 0);
    assert!(
        subs[switch..]
            .iter()
            .all(|s| *s == format!("--subscription={SUB_ID}"))
    );
    assert!(aks.iter().all(|c| has(c, "--resource-group=rg-app")));
}

#[test]
fn a_subscription_the_account_cannot_see_stops_the_script_before_any_change() {
    require_bash();
    let plan = two_subscriptions();
    let sh = export(&plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
    let sandbox = Sandbox::new();
    let (out, calls, _) = sandbox.run_denying(&sh, SUB_ID);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("cannot see subscription {SUB_ID}"))
            && stderr.contains("Nothing was changed"),
        "{stderr}"
    );
    assert!(
        calls.iter().all(|c| is(c, &["account", "show"])),
        "{calls:?}"
    );
}

#[test]
fn a_name_two_clusters_share_selects_neither_and_the_qualified_name_selects_one() {
    require_bash();
    let plan = two_subscriptions();
    let sh = export(&plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
    let sandbox = Sandbox::new();
    // The bare name would be ambiguous: refused with both qualified names, nothing changed.
    let (out, calls, _) = sandbox.run_with(&sh, "", &["aks-app"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("contoso-prod/rg-app/aks-app")
            && stderr.contains(&format!("{SUB_ID}/rg-app/aks-app")),
        "{stderr}"
    );
    assert!(calls.iter().all(|c| !is(c, &["aks"])), "{calls:?}");
    // SUBSCRIPTION/RESOURCE_GROUP/NAME applies that cluster only, in its subscription.
    let (out, calls, _) = sandbox.run_with(&sh, "", &[&format!("{SUB_ID}/rg-app/aks-app")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let aks: Vec<_> = calls.iter().filter(|c| is(c, &["aks"])).collect();
    assert!(!aks.is_empty());
    assert!(
        aks.iter()
            .all(|c| has(c, &format!("--subscription={SUB_ID}")))
    );
    // PowerShell refuses the bare name the same way.
    let ps1 = export(&plan, ExportFormat::Pwsh, Scope::Plan, today()).unwrap();
    assert!(
        ps1.contains("'aks-app' { throw 'aks-planner: 2 clusters in this script are named aks-app")
    );
    assert!(ps1.contains("'contoso-prod/rg-app/aks-app' { Invoke-Cluster1 }"));
}

#[test]
fn powershell_checks_every_subscription_first_and_targets_it() {
    let plan = two_subscriptions();
    let ps1 = export(&plan, ExportFormat::Pwsh, Scope::Plan, today()).unwrap();
    let check = format!(
        "if (-not (Test-Az -AzArgs @('account', 'show', '--subscription={SUB_ID}', '--output=none')))"
    );
    let first_change = ps1.find("Invoke-Az -AzArgs @('aks'").unwrap();
    let at = ps1.find(&check).unwrap_or_else(|| panic!("{ps1}"));
    assert!(at < first_change);
    assert!(ps1.contains("'--subscription=contoso-prod'"));
    assert!(
        ps1[first_change..]
            .lines()
            .filter(|l| l.contains("Invoke-Az -AzArgs @('aks'"))
            .all(|l| l.contains("'--subscription="))
    );
}

#[test]
fn bicep_and_terraform_say_where_they_deploy() {
    let plan = two_subscriptions();
    let bicep = export(&plan, ExportFormat::Bicep, Scope::Plan, today()).unwrap();
    assert!(bicep.contains("targetScope = 'resourceGroup'"));
    assert!(
        bicep.contains("2 different subscription/resource-group scopes"),
        "{bicep}"
    );
    assert!(bicep.contains("subscription contoso-prod, resource group rg-app"));
    let one = export(
        &plan,
        ExportFormat::Bicep,
        Scope::Cluster("contoso-prod/rg-app/aks-app"),
        today(),
    )
    .unwrap();
    assert!(one.contains(
        "// Deploy with: az deployment group create --subscription contoso-prod --resource-group rg-app"
    ));
    let tf = export(&plan, ExportFormat::Terraform, Scope::Plan, today()).unwrap();
    // A name becomes a variable (subscription_id takes an ID); an ID is used as is.
    assert!(tf.contains("variable \"subscription_id_1\""), "{tf}");
    assert!(tf.contains("subscription_id = var.subscription_id_1"));
    assert!(tf.contains(&format!("subscription_id = \"{SUB_ID}\"")));
    let providers: Vec<&str> = tf
        .lines()
        .filter(|l| l.trim_start().starts_with("provider = azurerm."))
        .map(str::trim)
        .collect();
    let resources = tf.matches("\nresource \"").count();
    assert_eq!(
        providers.len(),
        resources,
        "every resource names its provider"
    );
    assert!(
        providers.contains(&"provider = azurerm.sub1")
            && providers.contains(&"provider = azurerm.sub2")
    );
}

/// The `az aks update` calls a one-cluster plan's script makes, as (flag=value) lists.
fn channel_updates(plan: &Plan, sandbox: &Sandbox) -> Vec<Vec<String>> {
    let sh = export(plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
    let (calls, _) = sandbox.run(&sh);
    calls
        .iter()
        .filter(|c| is(c, &["aks", "update"]))
        .map(|c| {
            c.iter()
                .map(|a| text(a).to_owned())
                .filter(|a| a.contains("-channel="))
                .collect()
        })
        .collect()
}

fn one_cluster(current: Option<AutoUpgradeProfile>, planned: AutoUpgradeProfile) -> Plan {
    let mut plan = demo_plan();
    plan.clusters.truncate(1);
    let c = &mut plan.clusters[0];
    c.current_auto_upgrade_profile = current;
    c.auto_upgrade_profile = planned;
    plan
}

fn profile(upgrade: UpgradeChannel, node_os: NodeOsChannel) -> AutoUpgradeProfile {
    AutoUpgradeProfile {
        upgrade_channel: upgrade,
        node_os_upgrade_channel: node_os,
    }
}

/// docs/aks-rules.md §2 rule 1: while upgradeChannel is node-image the node OS channel cannot be
/// changed, so leaving node-image sets the cluster channel first; entering it sets NodeImage
/// first. azure-cli 2.91 (`aks update`) sends only the flags given and does not check the pair
/// itself, so each step is its own `az aks update` with one flag.
#[test]
fn channel_changes_around_node_image_come_in_two_steps_in_the_order_aks_accepts() {
    require_bash();
    use NodeOsChannel as Os;
    use UpgradeChannel as Up;
    let sandbox = Sandbox::new();
    let leave = one_cluster(
        Some(profile(Up::NodeImage, Os::NodeImage)),
        profile(Up::Stable, Os::SecurityPatch),
    );
    let f = planner::rules::findings::check(&leave);
    assert!(
        f.iter()
            .any(|f| f.code == "node-os-change-needs-cluster-channel-first")
    );
    assert_eq!(
        channel_updates(&leave, &sandbox),
        [
            vec!["--auto-upgrade-channel=stable".to_owned()],
            vec!["--node-os-upgrade-channel=SecurityPatch".to_owned()],
        ]
    );
    let enter = one_cluster(
        Some(profile(Up::Stable, Os::SecurityPatch)),
        profile(Up::NodeImage, Os::NodeImage),
    );
    let f = planner::rules::findings::check(&enter);
    assert!(
        f.iter()
            .any(|f| f.code == "node-image-needs-node-os-channel-first")
    );
    assert_eq!(
        channel_updates(&enter, &sandbox),
        [
            vec!["--node-os-upgrade-channel=NodeImage".to_owned()],
            vec!["--auto-upgrade-channel=node-image".to_owned()],
        ]
    );
    // Live channels unknown: the cluster may be on node-image, so the safe order is used.
    let unknown = one_cluster(None, profile(Up::Patch, Os::SecurityPatch));
    assert_eq!(channel_updates(&unknown, &sandbox).len(), 2);
    // Known and far from node-image: one command sets both.
    let plain = one_cluster(
        Some(profile(Up::Stable, Os::NodeImage)),
        profile(Up::Patch, Os::SecurityPatch),
    );
    assert_eq!(
        channel_updates(&plain, &sandbox),
        [vec![
            "--auto-upgrade-channel=patch".to_owned(),
            "--node-os-upgrade-channel=SecurityPatch".to_owned()
        ]]
    );
}

/// A plan whose second cluster has an error (a pool name AKS rejects).
fn one_broken() -> Plan {
    let mut plan = demo_plan();
    plan.clusters[1].agent_pool_profiles[0].name = "Bad_Pool".to_owned();
    plan
}

#[test]
fn errors_are_scoped_to_what_is_exported() {
    let plan = one_broken();
    let broken = plan.clusters[1].name.clone();
    let fine = plan.clusters[0].name.clone();
    for format in [
        ExportFormat::Az,
        ExportFormat::Pwsh,
        ExportFormat::Bicep,
        ExportFormat::Terraform,
        ExportFormat::Ics,
    ] {
        // A cluster without errors exports even though another has some.
        let text = export(&plan, format, Scope::Cluster(&fine), today()).unwrap();
        assert!(text.contains(&fine), "{format}");
        assert!(!text.contains("NOT EXPORTED"), "{format}");
        // The broken cluster alone exports nothing but its own errors.
        match export(&plan, format, Scope::Cluster(&broken), today()) {
            Err(ExportError::ClusterHasErrors { cluster, errors }) => {
                assert_eq!(cluster, broken);
                assert!(errors.iter().all(|e| e.path.cluster == Some(1)), "{format}");
            }
            other => panic!("{format}: {other:?}"),
        }
        // The whole plan skips it and says so.
        let report = export_report(&plan, format, Scope::Plan, today()).unwrap();
        assert_eq!(report.skipped.len(), 1, "{format}");
        assert_eq!(report.skipped[0].cluster, broken);
        assert!(
            report.skipped[0]
                .errors
                .iter()
                .any(|e| e.code == "pool-name-invalid")
        );
        // (The calendar folds long lines: unfold before searching.)
        let unfolded = report.text.replace("\r\n ", "");
        assert!(
            unfolded.contains(&format!("cluster {broken} skipped")),
            "{format}: {}",
            report.text
        );
    }
    // A script of the whole plan has no function for the skipped cluster.
    let sh = export(&plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
    assert!(sh.contains("# NOT EXPORTED: 1 cluster(s) with errors"));
    assert!(!sh.contains(&format!("CURRENT_CLUSTER='{broken}'")));
    // Every cluster broken: nothing at all.
    let mut all = plan.clone();
    for c in &mut all.clusters {
        c.agent_pool_profiles[0].name = "Bad_Pool".to_owned();
    }
    assert!(matches!(
        export(&all, ExportFormat::Az, Scope::Plan, today()),
        Err(ExportError::PlanHasErrors(_))
    ));
    // The review summary is where errors are listed: never gated.
    let md = export_report(&plan, ExportFormat::Markdown, Scope::Plan, today()).unwrap();
    assert!(md.skipped.is_empty());
}

#[test]
fn one_of_two_clusters_sharing_a_name_is_exported_by_its_qualified_name() {
    let plan = two_subscriptions();
    let err = export(&plan, ExportFormat::Az, Scope::Cluster("aks-app"), today()).unwrap_err();
    assert!(matches!(err, ExportError::AmbiguousCluster { .. }), "{err}");
    assert!(
        err.to_string()
            .contains(&format!("{SUB_ID}/rg-app/aks-app"))
    );
    let key = planner::rules::export::cluster_key(&plan, 1).unwrap();
    assert_eq!(key, format!("{SUB_ID}/rg-app/aks-app"));
    let sh = export(&plan, ExportFormat::Az, Scope::Cluster(&key), today()).unwrap();
    assert!(sh.contains(&format!("--subscription={SUB_ID}")));
    assert!(!sh.contains("--subscription=contoso-prod --name"));
    assert!(
        !sh.contains("contoso-prod"),
        "only the second cluster: {sh}"
    );
    // A unique name stays the key.
    assert_eq!(
        planner::rules::export::cluster_key(&demo_plan(), 0).as_deref(),
        Some("aks-dev-weu")
    );
}

/// The preview `maxBlockedNodes` (not in the stable API; `--max-blocked-nodes` only in
/// aks-preview ≥ 18.0.0b9) is never applied silently: every export says in a comment that it
/// is left out, and no command or property sets it.
#[test]
fn preview_max_blocked_nodes_is_only_a_comment_in_every_export() {
    require_bash();
    let mut plan = demo_plan();
    plan.clusters.truncate(1);
    plan.clusters[0].agent_pool_profiles[0]
        .upgrade_settings
        .max_blocked_nodes = Some("2".parse().unwrap());
    let pool = plan.clusters[0].agent_pool_profiles[0].name.clone();
    let note = format!("node pool {pool}: maxBlockedNodes 2 is NOT applied here");
    let sh = export(&plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
    assert!(sh.contains(&note), "{sh}");
    assert!(sh.contains("aks-preview extension 18.0.0b9 or later"));
    for line in sh.lines().filter(|l| l.contains("max-blocked-nodes")) {
        assert!(line.trim_start().starts_with('#'), "{line}");
    }
    let (calls, _) = Sandbox::new().run(&sh);
    assert!(!calls.iter().any(|c| has(c, "--max-blocked-nodes")));
    for (format, prefix, property) in [
        (ExportFormat::Bicep, "//", "maxBlockedNodes:"),
        (ExportFormat::Terraform, "#", "max_blocked_nodes ="),
    ] {
        let out = export(&plan, format, Scope::Plan, today()).unwrap();
        assert!(out.contains(&format!("{prefix} {note}")), "{out}");
        assert!(!out.contains(property), "{out}");
    }
}
