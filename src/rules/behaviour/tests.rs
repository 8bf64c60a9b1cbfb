//! Plain-words behaviour per channel, OS SKU and GPU.

use super::*;
use crate::rules::findings::testkit::{cluster_with, pool_of};
use crate::rules::surge::SurgeValue;

#[test]
fn the_support_matrix_matches_the_docs_table() {
    use ChannelSupport::*;
    use NodeOsChannel as C;
    // docs/aks-2026.md §1.1: Azure Container Linux takes NodeImage and None only; the
    // versioned Ubuntu SKUs take every channel.
    let table: [(C, OsSku, bool, ChannelSupport); 16] = [
        (C::Unmanaged, OsSku::AzureContainerLinux, false, Unsupported),
        (
            C::SecurityPatch,
            OsSku::AzureContainerLinux,
            false,
            Unsupported,
        ),
        (C::SecurityPatch, OsSku::Ubuntu2204, false, Supported),
        (C::Unmanaged, OsSku::Ubuntu2404, false, Supported),
        (C::Unmanaged, OsSku::Ubuntu, true, Supported),
        (C::Unmanaged, OsSku::AzureLinux, false, Supported),
        (C::Unmanaged, OsSku::AzureLinux, true, BehavesLikeNone),
        (C::Unmanaged, OsSku::Windows2019, false, BehavesLikeNone),
        (C::Unmanaged, OsSku::Flatcar, false, Undocumented),
        (C::Unmanaged, OsSku::AzureLinuxOSGuard, false, Unsupported),
        (C::SecurityPatch, OsSku::Ubuntu, true, Supported),
        (C::SecurityPatch, OsSku::AzureLinux, false, Supported),
        (C::SecurityPatch, OsSku::AzureLinux, true, Unsupported),
        (C::SecurityPatch, OsSku::Windows2025, false, Unsupported),
        (C::SecurityPatch, OsSku::Flatcar, false, Unsupported),
        (
            C::SecurityPatch,
            OsSku::AzureLinuxOSGuard,
            false,
            Unsupported,
        ),
    ];
    for (channel, sku, gpu, expected) in table {
        assert_eq!(
            channel_support(channel, sku, gpu),
            expected,
            "{channel} {sku} gpu={gpu}"
        );
    }
    for sku in OsSku::ALL {
        assert_eq!(channel_support(C::NodeImage, sku, true), Supported);
        assert_eq!(channel_support(C::None, sku, false), Supported);
    }
}

fn text(b: &PoolBehaviour) -> String {
    format!(
        "{} | {} | {} | {}",
        b.headline,
        b.points.join(" "),
        b.disruption,
        b.cost
    )
}

#[test]
fn unmanaged_on_ubuntu_mentions_the_nightly_updater_and_kured() {
    let c = cluster_with(NodeOsChannel::Unmanaged);
    let b = describe(&c, &pool_of(OsSku::Ubuntu));
    let t = text(&b);
    assert!(
        t.contains("unattended-upgrades") && t.contains("06:00 UTC") && t.contains("kured"),
        "{t}"
    );
    assert_eq!(b.effectively, None);
    let t = text(&describe(&c, &pool_of(OsSku::AzureLinux)));
    assert!(t.contains("dnf-automatic"), "{t}");
}

#[test]
fn unmanaged_on_windows_behaves_like_none() {
    let b = describe(
        &cluster_with(NodeOsChannel::Unmanaged),
        &pool_of(OsSku::Windows2022),
    );
    assert_eq!(b.effectively, Some(NodeOsChannel::None));
    assert!(
        b.headline.contains("Behaves like None on Windows"),
        "{}",
        b.headline
    );
    assert!(text(&b).contains("monthly"));
}

#[test]
fn securitypatch_is_live_first_and_costs_vhd_hosting() {
    let b = describe(
        &cluster_with(NodeOsChannel::SecurityPatch),
        &pool_of(OsSku::Ubuntu),
    );
    let t = text(&b);
    assert!(
        t.contains("live") && t.contains("reimage") && t.contains("snapshot.ubuntu.com"),
        "{t}"
    );
    assert!(b.cost.contains("VHD"), "{}", b.cost);
    let t = text(&describe(
        &cluster_with(NodeOsChannel::SecurityPatch),
        &pool_of(OsSku::AzureLinux),
    ));
    assert!(!t.contains("snapshot.ubuntu.com"), "{t}");
}

#[test]
fn securitypatch_on_windows_is_unsupported_and_effectively_none() {
    let b = describe(
        &cluster_with(NodeOsChannel::SecurityPatch),
        &pool_of(OsSku::Windows2025),
    );
    assert_eq!(b.effectively, Some(NodeOsChannel::None));
    assert!(b.headline.starts_with("Not supported"), "{}", b.headline);
}

#[test]
fn nodeimage_is_weekly_on_linux_and_monthly_on_windows_and_honours_surge() {
    let c = cluster_with(NodeOsChannel::NodeImage);
    let mut p = pool_of(OsSku::Ubuntu);
    p.count = 6;
    p.upgrade_settings.max_surge = Some(SurgeValue::Percent(50));
    let b = describe(&c, &p);
    assert!(b.headline.starts_with("Weekly"), "{}", b.headline);
    assert!(b.disruption.contains("3 of 6 nodes"), "{}", b.disruption);
    assert!(
        b.cost.contains("3 surge VM(s) of Standard_D4s_v5"),
        "{}",
        b.cost
    );
    let b = describe(&c, &pool_of(OsSku::Windows2019));
    assert!(b.headline.starts_with("Monthly"), "{}", b.headline);
}

#[test]
fn in_place_upgrades_say_capacity_drops_and_cost_nothing() {
    let c = cluster_with(NodeOsChannel::NodeImage);
    let mut p = pool_of(OsSku::Ubuntu);
    p.upgrade_settings.max_surge = Some(SurgeValue::Nodes(0));
    p.upgrade_settings.max_unavailable = Some(SurgeValue::Nodes(1));
    let b = describe(&c, &p);
    assert!(b.disruption.contains("capacity drops"), "{}", b.disruption);
    assert!(!b.cost.contains("surge"), "{}", b.cost);
}

#[test]
fn an_unset_max_surge_is_called_an_assumption() {
    let c = cluster_with(NodeOsChannel::NodeImage);
    let mut p = pool_of(OsSku::Ubuntu);
    p.upgrade_settings.max_surge = None;
    assert!(text(&describe(&c, &p)).contains("assumed default"));
}

#[test]
fn the_node_os_window_is_named_when_configured() {
    let mut c = cluster_with(NodeOsChannel::NodeImage);
    let t = text(&describe(&c, &pool_of(OsSku::Ubuntu)));
    assert!(t.contains("AKS picks the time"), "{t}");
    c.maintenance_configurations = serde_json::from_str(
        r#"[{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{
            "schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Sunday"}},
            "durationHours":4,"utcOffset":"+01:00","startTime":"02:00"}}]"#,
    )
    .unwrap();
    let t = text(&describe(&c, &pool_of(OsSku::Ubuntu)));
    assert!(t.contains("Weekly, 4 h from 02:00 UTC+01:00"), "{t}");
}

#[test]
fn none_says_the_team_owns_patching_and_cluster_auto_upgrade_still_reimages() {
    let mut c = cluster_with(NodeOsChannel::None);
    c.auto_upgrade_profile.upgrade_channel = UpgradeChannel::Patch;
    let t = text(&describe(&c, &pool_of(OsSku::Ubuntu)));
    assert!(
        t.contains("your team patches") && t.contains("Cluster auto-upgrade (patch)"),
        "{t}"
    );
}

#[test]
fn every_combination_has_all_texts_filled() {
    for channel in NodeOsChannel::ALL {
        for sku in OsSku::ALL {
            for gpu in [false, true] {
                let mut p = pool_of(sku);
                p.gpu = gpu;
                let b = describe(&cluster_with(channel), &p);
                assert!(
                    !b.headline.is_empty() && !b.points.is_empty(),
                    "{channel} {sku}"
                );
                assert!(
                    !b.disruption.is_empty() && !b.cost.is_empty(),
                    "{channel} {sku}"
                );
            }
        }
    }
}

#[test]
fn every_upgrade_channel_has_a_description() {
    for channel in UpgradeChannel::ALL {
        assert!(describe_upgrade_channel(channel).len() > 40, "{channel}");
    }
    assert!(describe_upgrade_channel(UpgradeChannel::Stable).contains("N-1"));
}

#[test]
fn an_azure_container_linux_pool_leaves_only_node_image_and_none_on_offer() {
    let mut c = cluster_with(NodeOsChannel::NodeImage);
    assert_eq!(
        channel_offer(&c.agent_pool_profiles),
        ChannelOffer::default()
    );
    let mut acl = pool_of(OsSku::AzureContainerLinux);
    acl.name = "apps".to_owned();
    c.agent_pool_profiles.push(acl);
    let offer = channel_offer(&c.agent_pool_profiles);
    assert_eq!(
        offer.ruled_out,
        [NodeOsChannel::Unmanaged, NodeOsChannel::SecurityPatch]
    );
    assert_eq!(
        offer.reason,
        "Azure Container Linux (pool \"apps\") supports only NodeImage and None."
    );
    // Windows pools are not immutable: SecurityPatch stays on offer (a finding explains it).
    let mut win = cluster_with(NodeOsChannel::NodeImage);
    win.agent_pool_profiles.push(pool_of(OsSku::Windows2022));
    assert!(channel_offer(&win.agent_pool_profiles).ruled_out.is_empty());
}
