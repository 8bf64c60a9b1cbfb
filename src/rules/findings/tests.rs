//! Properties of the whole engine: order, determinism, complete texts, field names, and that
//! every rule code can fire.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::testkit::{cluster, plan_with, pool};
use super::*;
use crate::rules::channel::{AutoUpgradeProfile, NodeOsChannel, UpgradeChannel};
use crate::rules::demo::demo_plan;
use crate::rules::os::OsSku;
use crate::rules::pool::{PoolMode, UndrainableNodeBehavior, UpgradeSettings};
use crate::rules::surge::SurgeValue;

/// Every field a finding may point at: the UI renders an input for each.
const KNOWN_FIELDS: [&str; 19] = [
    fields::NAME,
    fields::RING_TAG,
    fields::RESOURCE_GROUP,
    fields::LOCATION,
    fields::SUBSCRIPTION,
    fields::KUBERNETES_VERSION,
    fields::UPGRADE_CHANNEL,
    fields::NODE_OS_CHANNEL,
    fields::MODE,
    fields::OS_SKU,
    fields::GPU,
    fields::VM_SIZE,
    fields::COUNT,
    fields::MAX_SURGE,
    fields::MAX_UNAVAILABLE,
    fields::DRAIN_TIMEOUT,
    fields::SOAK_DURATION,
    fields::UNDRAINABLE,
    "",
];

/// Fields of a maintenance configuration a finding may point at (the Windows tab's inputs).
const MAINTENANCE_FIELDS: [&str; 15] = [
    "",
    "maintenanceWindow",
    "schedule",
    "schedule.daily.intervalDays",
    "schedule.weekly.intervalWeeks",
    "schedule.absoluteMonthly.intervalMonths",
    "schedule.absoluteMonthly.dayOfMonth",
    "schedule.relativeMonthly.intervalMonths",
    "durationHours",
    "utcOffset",
    "startDate",
    "startTime",
    "notAllowedDates",
    "timeInWeek",
    "notAllowedTime",
];

fn assert_well_formed(found: &[Finding]) {
    for f in found {
        assert!(
            !f.message.is_empty() && !f.why.is_empty() && !f.fix.is_empty(),
            "{f:?}"
        );
        assert!(
            f.code
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}",
            f.code
        );
        assert!(f.source.url.starts_with("https://"), "{}", f.source.url);
        let known = if f.path.config.is_some() {
            MAINTENANCE_FIELDS.contains(&f.path.field.as_str())
        } else {
            KNOWN_FIELDS.contains(&f.path.field.as_str())
        };
        assert!(known, "{}", f.path.field);
        assert!(f.path.cluster.is_some(), "{f:?}");
    }
    let keys: Vec<_> = found
        .iter()
        .map(|f| (f.severity, f.path.cluster, f.path.pool))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
}

#[test]
fn the_demo_plan_has_no_errors_and_one_warning_its_channel_change() {
    let found = check(&demo_plan());
    assert_well_formed(&found);
    let serious: Vec<_> = found
        .iter()
        .filter(|f| f.severity != Severity::Note)
        .map(|f| (f.code.as_str(), f.path.display()))
        .collect();
    // prod moves from Unmanaged to NodeImage: one of the 7 transitions that reimage every
    // node (docs/aks-2026.md §1.1), which the demo is there to show.
    assert_eq!(
        serious,
        [(
            "channel-change-reimages-all-nodes",
            "aks-prod-weu/autoUpgradeProfile.nodeOSUpgradeChannel".to_owned()
        )]
    );
}

#[test]
fn findings_are_sorted_by_severity_then_plan_order() {
    let mut plan = plan_with(|c| {
        // A note on the cluster, a warning and an error on pools.
        c.kubernetes_version = None;
        let mut win = pool("win", PoolMode::User, OsSku::Windows2022);
        win.upgrade_settings.drain_timeout_in_minutes = Some(1);
        c.agent_pool_profiles.push(win);
        c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::Unmanaged;
    });
    plan.clusters.insert(0, {
        let mut c = cluster("aks-0");
        c.resource_group.clear();
        c
    });
    let found = check(&plan);
    assert_well_formed(&found);
    let first = &found[0];
    assert_eq!(
        (first.code.as_str(), first.path.cluster),
        ("resource-group-missing", Some(0))
    );
    assert_eq!(found[1].code, "drain-timeout-out-of-range");
    assert_eq!(found.last().map(|f| f.severity), Some(Severity::Note));
}

/// One plan that breaks every rule once; each code must appear.
fn kitchen_sink() -> Plan {
    let mut sp = cluster("aks.bad");
    sp.resource_group = "rg.".into();
    sp.location.clear();
    sp.subscription.clear();
    sp.kubernetes_version = None;
    sp.auto_upgrade_profile = AutoUpgradeProfile {
        upgrade_channel: UpgradeChannel::NodeImage,
        node_os_upgrade_channel: NodeOsChannel::SecurityPatch,
    };
    // Entering node-image from node OS channel None: NodeImage must come first.
    sp.current_auto_upgrade_profile = Some(AutoUpgradeProfile {
        upgrade_channel: UpgradeChannel::Stable,
        node_os_upgrade_channel: NodeOsChannel::None,
    });
    let mut system = pool("system", PoolMode::System, OsSku::Windows2022);
    system.upgrade_settings = UpgradeSettings {
        max_surge: Some(SurgeValue::Nodes(0)),
        max_unavailable: Some(SurgeValue::Nodes(1)),
        ..UpgradeSettings::default()
    };
    system.count = 0;
    let mut gpu = pool("Gpu", PoolMode::User, OsSku::AzureLinux);
    gpu.gpu = true;
    gpu.vm_size.clear();
    gpu.upgrade_settings = UpgradeSettings {
        max_surge: Some(SurgeValue::Percent(150)),
        max_unavailable: Some(SurgeValue::Percent(101)),
        drain_timeout_in_minutes: Some(2),
        node_soak_duration_in_minutes: Some(45),
        undrainable_node_behavior: Some(UndrainableNodeBehavior::Schedule),
        max_blocked_nodes: None,
    };
    let mut big = pool("abcdefghijkl", PoolMode::User, OsSku::Flatcar);
    big.count = 995;
    big.upgrade_settings.max_surge = None;
    let mut huge = pool("aksmanagedap", PoolMode::User, OsSku::Ubuntu);
    huge.count = 2000;
    huge.upgrade_settings.max_surge = Some(SurgeValue::Nodes(5000));
    let mut zero = pool("zero", PoolMode::User, OsSku::Ubuntu);
    zero.count = 0;
    zero.gpu = true;
    let dup = pool("zero", PoolMode::User, OsSku::AzureLinuxOSGuard);
    let mut small = pool("small", PoolMode::User, OsSku::Ubuntu);
    small.upgrade_settings.max_surge = Some(SurgeValue::Nodes(10));
    small.upgrade_settings.max_unavailable = Some(SurgeValue::Nodes(1));
    let winlong = pool("windows", PoolMode::User, OsSku::Windows2019);
    sp.agent_pool_profiles = vec![system, gpu, big, huge, zero, dup, small, winlong];

    let mut um = cluster("aks-unmanaged");
    um.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::Unmanaged;
    // Leaving node-image while changing the node OS channel: the cluster channel first.
    um.current_auto_upgrade_profile = Some(AutoUpgradeProfile {
        upgrade_channel: UpgradeChannel::NodeImage,
        node_os_upgrade_channel: NodeOsChannel::NodeImage,
    });
    let mut algpu = pool("gpu", PoolMode::User, OsSku::AzureLinux);
    algpu.gpu = true;
    algpu.vm_size = "Standard_NC6s_v3".into();
    um.agent_pool_profiles.extend([
        algpu,
        pool("win", PoolMode::User, OsSku::Windows2022),
        pool("flat", PoolMode::User, OsSku::Flatcar),
        pool("guard", PoolMode::User, OsSku::AzureLinuxOSGuard),
    ]);

    let mut none = cluster("aks-none");
    none.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::None;
    let mut stuck = pool("stuck", PoolMode::User, OsSku::Ubuntu);
    stuck.upgrade_settings.max_surge = Some(SurgeValue::Percent(0));
    none.agent_pool_profiles.push(stuck);
    let mut twin = cluster("AKS-NONE");
    twin.agent_pool_profiles[0].mode = PoolMode::User;
    twin.location = "westeurope\n$(touch pwned)".into();
    twin.agent_pool_profiles[0].vm_size = "D4s v5".into();
    let mut empty = cluster("aks-empty");
    empty.agent_pool_profiles.clear();
    empty.resource_group.clear();
    let mut long = cluster(&"a".repeat(40));
    long.resource_group = "r".repeat(40);
    long.tags.insert("ring".into(), "first".into());

    let mut plan = Plan {
        clusters: vec![sp, um, none, twin, empty, long].into(),
        ..Plan::default()
    };
    // Recorded quota: none free and used above the limit (docs/aks-rules.md §4.3).
    let quota = &mut plan.compute_usages;
    crate::rules::usage::set_limit(quota, "contoso", "westeurope", "cores", Some(1));
    let _ = crate::rules::usage::set_current_value(quota, "contoso", "westeurope", "cores", 2);
    plan
}

#[test]
fn every_rule_code_fires_on_the_kitchen_sink_plan() {
    let found = check(&kitchen_sink());
    assert_well_formed(&found);
    let fired: BTreeSet<&str> = found.iter().map(|f| f.code.as_str()).collect();
    let expected = [
        "cluster-name-invalid",
        "resource-group-missing",
        "resource-group-name-invalid",
        "location-missing",
        "subscription-missing",
        "node-resource-group-name-too-long",
        "duplicate-cluster-name",
        "duplicate-pool-name",
        "pool-name-invalid",
        "pool-name-reserved",
        "windows-pool-name-too-long",
        "linux-pool-name-long",
        "no-node-pools",
        "no-system-pool",
        "windows-system-pool",
        "system-pool-without-nodes",
        "node-count-out-of-range",
        "node-count-zero",
        "vm-size-missing",
        "gpu-flag-mismatch",
        "node-image-requires-nodeimage",
        "upgrade-channel-node-image-legacy",
        "none-channel-no-patching",
        "unmanaged-reboots-need-kured",
        "securitypatch-needs-ubuntu-egress",
        "securitypatch-cmk-policy",
        "securitypatch-unsupported-os",
        "securitypatch-unsupported-gpu",
        "unmanaged-unsupported-os-guard",
        "unmanaged-windows-behaves-like-none",
        "unmanaged-azure-linux-gpu-no-updates",
        "unmanaged-flatcar-undocumented",
        "channel-change-reimages-all-nodes",
        "channel-change-may-roll-nodes",
        "channel-change-takes-up-to-24h",
        "node-os-change-needs-cluster-channel-first",
        "node-image-needs-node-os-channel-first",
        "location-invalid",
        "vm-size-invalid",
        "max-surge-out-of-range",
        "max-unavailable-out-of-range",
        "max-surge-above-node-count",
        "max-unavailable-on-system-pool",
        "surge-and-unavailable-zero",
        "surge-and-unavailable-both-set",
        "surge-exceeds-vmss-limit",
        "drain-timeout-out-of-range",
        "soak-duration-out-of-range",
        "undrainable-schedule-fails-upgrade",
        "default-max-surge-assumed",
        "kubernetes-version-missing",
        "surge-exceeds-free-quota",
        "quota-used-over-limit",
        "ring-tag-not-a-number",
        // The sink has an Azure Linux with OS Guard pool: a preview (docs/aks-2026.md §1.1).
        "os-sku-preview",
        // From the maintenance family: SecurityPatch clusters in the sink have no window.
        "maintenance-window-missing",
    ];
    let missing: Vec<_> = expected.iter().filter(|c| !fired.contains(*c)).collect();
    assert!(missing.is_empty(), "never fired: {missing:?}");
    let unexpected: Vec<_> = fired.iter().filter(|c| !expected.contains(c)).collect();
    assert!(unexpected.is_empty(), "not in the list: {unexpected:?}");
}

#[test]
fn an_empty_plan_has_no_findings() {
    assert!(check(&Plan::default()).is_empty());
}

fn arb_surge() -> impl Strategy<Value = Option<SurgeValue>> {
    prop_oneof![
        Just(None),
        (0u32..1500).prop_map(|n| Some(SurgeValue::Nodes(n))),
        (0u32..300).prop_map(|p| Some(SurgeValue::Percent(p))),
        Just(Some(SurgeValue::Nodes(u32::MAX))),
        Just(Some(SurgeValue::Percent(u32::MAX))),
    ]
}

fn arb_pool() -> impl Strategy<Value = AgentPool> {
    (
        "[a-zA-Z0-9ä-]{0,14}",
        any::<bool>(),
        0usize..OsSku::ALL.len(),
        any::<bool>(),
        prop_oneof![Just(""), Just("Standard_D4s_v5"), Just("Standard_NC6s_v3")],
        prop_oneof![0u32..1200, Just(u32::MAX)],
        (arb_surge(), arb_surge()),
        (
            proptest::option::of(prop_oneof![0u32..2000, Just(u32::MAX)]),
            proptest::option::of(0u32..100),
            proptest::option::of(any::<bool>()),
        ),
    )
        .prop_map(
            |(name, system, sku, gpu, vm, count, (s, u), (d, soak, cordon))| {
                let mut p = pool(
                    &name,
                    if system {
                        PoolMode::System
                    } else {
                        PoolMode::User
                    },
                    OsSku::ALL[sku],
                );
                p.gpu = gpu;
                p.vm_size = vm.to_owned();
                p.count = count;
                p.upgrade_settings = UpgradeSettings {
                    max_surge: s,
                    max_unavailable: u,
                    drain_timeout_in_minutes: d,
                    node_soak_duration_in_minutes: soak,
                    undrainable_node_behavior: cordon.map(|c| {
                        if c {
                            UndrainableNodeBehavior::Cordon
                        } else {
                            UndrainableNodeBehavior::Schedule
                        }
                    }),
                    max_blocked_nodes: None,
                };
                p
            },
        )
}

fn arb_profile() -> impl Strategy<Value = AutoUpgradeProfile> {
    (0usize..5, 0usize..4).prop_map(|(u, n)| AutoUpgradeProfile {
        upgrade_channel: UpgradeChannel::ALL[u],
        node_os_upgrade_channel: NodeOsChannel::ALL[n],
    })
}

fn arb_cluster() -> impl Strategy<Value = Cluster> {
    (
        "[a-zA-Z0-9_.-]{0,70}",
        "[a-z().]{0,5}",
        proptest::option::of((1u32..2, 20u32..40)),
        arb_profile(),
        proptest::option::of(arb_profile()),
        proptest::collection::vec(arb_pool(), 0..5),
    )
        .prop_map(|(name, rg, version, profile, current, pools)| {
            let mut c = cluster(&name);
            c.resource_group = rg;
            c.kubernetes_version = version.map(|(major, minor)| {
                crate::rules::version::KubernetesVersion::new(major, minor, None)
            });
            c.auto_upgrade_profile = profile;
            c.current_auto_upgrade_profile = current;
            c.agent_pool_profiles = pools;
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_plan_gives_well_formed_sorted_findings_deterministically(
        clusters in proptest::collection::vec(arb_cluster(), 0..4)
    ) {
        let plan = Plan { clusters: clusters.into(), ..Plan::default() };
        let found = check(&plan);
        assert_well_formed(&found);
        prop_assert_eq!(&found, &check(&plan));
    }

    /// Every pool gets every part of its description, and the description says what the
    /// support matrix of docs/aks-rules.md §1.1–1.2 (restated here as the reference, not read
    /// from `channel_support`) says the channel does on that OS SKU.
    #[test]
    fn every_pool_gets_a_complete_behaviour(c in arb_cluster()) {
        use NodeOsChannel as N;
        let channel = c.auto_upgrade_profile.node_os_upgrade_channel;
        let cluster_channel = c.auto_upgrade_profile.upgrade_channel;
        for p in &c.agent_pool_profiles {
            let b = crate::rules::behaviour::describe(&c, p);
            prop_assert!(
                !b.headline.is_empty() && !b.points.is_empty() && !b.disruption.is_empty()
                    && !b.cost.is_empty(),
                "{:?}", b
            );
            let windows = p.os_sku.is_windows();
            let azure_linux_gpu = p.os_sku == OsSku::AzureLinux && p.gpu;
            // (how the headline starts, the channel it effectively is, a point it must make)
            let (headline, effectively, point) = match channel {
                N::None => ("No automatic OS updates", None, "AKS applies no OS updates"),
                N::NodeImage if windows => (
                    "Monthly rolling reimage",
                    None,
                    "aksManagedNodeOSUpgradeSchedule",
                ),
                N::NodeImage => ("Weekly rolling reimage", None, "aksManagedNodeOSUpgradeSchedule"),
                // docs/aks-2026.md §1.1: every Ubuntu SKU takes SecurityPatch; Azure Container
                // Linux, like OS Guard, takes neither SecurityPatch nor Unmanaged.
                N::SecurityPatch if p.os_sku.is_ubuntu() || p.os_sku == OsSku::AzureLinux && !p.gpu => (
                    "AKS-tested security patches",
                    None,
                    "aksManagedNodeOSUpgradeSchedule",
                ),
                N::SecurityPatch => ("Not supported on", Some(N::None), "AKS does not support SecurityPatch"),
                N::Unmanaged if matches!(p.os_sku, OsSku::AzureLinuxOSGuard | OsSku::AzureContainerLinux) => {
                    ("Not supported on", Some(N::None), "AKS does not support Unmanaged")
                }
                N::Unmanaged if p.os_sku == OsSku::Flatcar => ("Undocumented", None, "do not describe Unmanaged"),
                N::Unmanaged if windows => (
                    "Behaves like None",
                    Some(N::None),
                    "never patched automatically",
                ),
                N::Unmanaged if azure_linux_gpu => {
                    ("Behaves like None", Some(N::None), "nothing patches the nodes")
                }
                N::Unmanaged => ("Nightly in-place patching", None, "maintenance windows do not govern it"),
            };
            prop_assert!(b.headline.starts_with(headline), "{:?} on {:?}: {}", channel, p.os_sku, b.headline);
            prop_assert_eq!(b.effectively, effectively);
            prop_assert!(b.points.iter().any(|x| x.contains(point)), "{:?} on {:?}: {:?}", channel, p.os_sku, b.points);
            // Reimaging channels say so; None costs nothing.
            if channel == N::NodeImage {
                prop_assert!(b.disruption.contains("reimage"), "{}", b.disruption);
            }
            if channel == N::None {
                prop_assert_eq!(b.cost.as_str(), "None.");
            }
            // The cluster channel adds a point exactly when it changes nodes (§2).
            let cluster_point = b.points.iter().any(|x| {
                x.starts_with("Cluster auto-upgrade") || x.contains("legacy cluster channel node-image")
            });
            prop_assert_eq!(cluster_point, cluster_channel != UpgradeChannel::None);
        }
    }
}

#[test]
fn applying_a_window_change_less_than_15_minutes_before_the_window_is_flagged() {
    // The demo's dev node OS window is Tuesdays 09:00 at +01:00, i.e. 08:00 UTC.
    let at = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let late = check_at(&demo_plan(), Some(at("2026-11-24T07:50:00Z")));
    assert!(
        late.iter()
            .any(|f| f.code == "maintenance-changed-too-late" && f.path.cluster == Some(0))
    );
    let early = check_at(&demo_plan(), Some(at("2026-11-24T07:30:00Z")));
    assert!(
        !early
            .iter()
            .any(|f| f.code == "maintenance-changed-too-late")
    );
}
