//! Cluster auto-upgrade projection on small hand-computed plans. Defaults: 1.32 GA 2025-03-15,
//! a minor every 122 days (1.37 GA 2026-11-15, in region 11-22), a patch every 30 days from
//! the anchor (…, 2026-11-05, 12-05, 2027-01-04, 02-03), a week to the region, 15 min control
//! plane. Pools: system 3 nodes at surge 1 = 37 min; apps 12 nodes at 33 % = 37 min (§4.3).

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;

use super::super::release::Stream;
use super::super::{EventKind, PatchState, Projection, Scheduling, project};
use crate::rules::channel::{NodeOsChannel, UpgradeChannel};
use crate::rules::plan::Plan;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

const FROM: &str = "2026-11-24T00:00:00Z";
const WEDNESDAY_0200_4H: &str = r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Wednesday"}}"#;

/// One cluster on `version` and `channel`, node OS `None`, with an auto-upgrade window of
/// `schedule` at 02:00 UTC for `hours` (none if `schedule` is empty).
fn plan(version: &str, channel: &str, schedule: &str, hours: u32) -> Plan {
    let window = if schedule.is_empty() {
        String::new()
    } else {
        format!(
            r#"{{"name":"aksManagedAutoUpgradeSchedule","maintenanceWindow":{{"schedule":{schedule},"durationHours":{hours},"startTime":"02:00"}}}}"#
        )
    };
    let json = format!(
        r#"{{"version":1,"clusters":[{{"name":"k","kubernetesVersion":"{version}",
        "autoUpgradeProfile":{{"upgradeChannel":"{channel}","nodeOSUpgradeChannel":"None"}},
        "agentPoolProfiles":[
          {{"name":"system","mode":"System","vmSize":"Standard_D4s_v5","count":3,"upgradeSettings":{{"maxSurge":"1"}}}},
          {{"name":"apps","vmSize":"Standard_D8s_v5","count":12,"upgradeSettings":{{"maxSurge":"33%"}}}}],
        "maintenanceConfigurations":[{window}]}}]}}"#
    );
    Plan::from_json(&json).unwrap().0
}

fn run(p: &Plan, weeks: u32) -> Projection {
    project(p, at(FROM), weeks)
}

fn starts(p: &Projection) -> Vec<String> {
    p.clusters[0]
        .kubernetes
        .upgrades
        .iter()
        .map(|u| {
            u.start
                .map_or("AKS".to_owned(), |t| t.format("%m-%d %H:%M").to_string())
        })
        .collect()
}

#[test]
fn patch_channel_takes_each_monthly_patch_in_the_first_window_after_it_reaches_the_region() {
    let p = run(&plan("1.36.3", "patch", WEDNESDAY_0200_4H, 4), 13);
    let k = &p.clusters[0].kubernetes;
    assert_eq!(k.scheduling, Scheduling::MaintenanceWindow);
    // Patches 12-05, 01-04, 02-03 reach the region 12-12 (Sat), 01-11 (Mon), 02-10 (Wed
    // 00:00) → the next Wednesday 02:00 windows.
    assert_eq!(starts(&p), ["12-16 02:00", "01-13 02:00", "02-10 02:00"]);
    let first = &k.upgrades[0];
    assert_eq!(first.from_version, "1.36.3");
    assert_eq!(first.to_version, "1.36 patch 2026-12-05 (projected)");
    assert!(!first.minor);
    assert_eq!(first.control_plane_end, Some(at("2026-12-16T02:15:00Z")));
    // Control plane, then system 37 min, then apps 37 min (§2 rule 3).
    assert_eq!(first.end, Some(at("2026-12-16T03:29:00Z")));
    assert_eq!(k.upgrades[1].from_version, first.to_version);
    let pools = &p.clusters[0].pools;
    assert_eq!(
        pools[1].kubernetes_events[0].start,
        Some(at("2026-12-16T02:52:00Z"))
    );
    assert_eq!(
        pools[1].kubernetes_events[0].kind,
        EventKind::KubernetesUpgrade
    );
    assert_eq!(k.total_minutes, 15 + 37 + 37);
    assert!(k.out_of_support.is_none() && k.note.is_none());
}

#[test]
fn stable_steps_one_minor_to_n_minus_1_and_rapid_to_the_newest_projected_minor() {
    // 2026-11-25: 1.37 is in the region (N), so stable targets 1.36 and rapid 1.37.
    let stable = run(&plan("1.35.1", "stable", WEDNESDAY_0200_4H, 4), 4);
    let u = &stable.clusters[0].kubernetes.upgrades[0];
    assert_eq!(u.start, Some(at("2026-11-25T02:00:00Z")));
    assert_eq!(
        (u.to_version.as_str(), u.minor),
        ("1.36 patch 2026-11-05 (projected)", true)
    );
    let rapid = run(&plan("1.36", "rapid", WEDNESDAY_0200_4H, 4), 4);
    let u = &rapid.clusters[0].kubernetes.upgrades[0];
    assert_eq!(
        (u.to_version.as_str(), u.minor),
        ("1.37 (projected minor)", true)
    );
    // Rapid from 1.35 (N-2) goes to 1.36 first, then 1.37 a window later (D-AUC).
    let behind = run(&plan("1.35.4", "rapid", WEDNESDAY_0200_4H, 4), 4);
    let to: Vec<&str> = behind.clusters[0]
        .kubernetes
        .upgrades
        .iter()
        .map(|u| u.to_version.as_str())
        .collect();
    assert_eq!(
        to[..2],
        [
            "1.36 patch 2026-11-05 (projected)",
            "1.37 (projected minor)"
        ]
    );
    assert_eq!(starts(&behind)[..2], ["11-25 02:00", "12-02 02:00"]);
}

#[test]
fn channels_none_and_node_image_project_no_kubernetes_upgrade() {
    for channel in ["none", "node-image"] {
        let p = run(&plan("1.36.3", channel, WEDNESDAY_0200_4H, 4), 13);
        let c = &p.clusters[0];
        assert!(c.kubernetes.upgrades.is_empty(), "{channel}");
        assert!(c.pools.iter().all(|p| p.kubernetes_events.is_empty()));
        assert!(
            !p.costs
                .lines
                .iter()
                .any(|l| l.kind == super::super::cost::CostKind::KubernetesUpgrade)
        );
    }
    let p = run(&plan("1.36.3", "node-image", WEDNESDAY_0200_4H, 4), 4);
    assert!(
        p.clusters[0]
            .kubernetes
            .note
            .as_deref()
            .unwrap()
            .contains("node images only (as NodeImage), no Kubernetes upgrades")
    );
}

#[test]
fn a_cluster_outside_n_minus_2_gets_no_auto_upgrade_and_a_patch_cluster_drops_out_on_time() {
    // 1.33 on 2026-11-24: N = 1.37, N-2 = 1.35 (§2 rule 4).
    let p = run(&plan("1.33.2", "patch", WEDNESDAY_0200_4H, 4), 13);
    let k = &p.clusters[0].kubernetes;
    assert!(k.upgrades.is_empty());
    assert!(k.out_of_support.unwrap() < at(FROM));
    assert!(
        k.note
            .as_deref()
            .unwrap()
            .contains("outside the support window"),
        "{k:?}"
    );
    // 1.35 on patch leaves N-2 when 1.38 reaches the region: 2027-03-17 + 7 d.
    let p = run(&plan("1.35.1", "patch", WEDNESDAY_0200_4H, 4), 26);
    let k = &p.clusters[0].kubernetes;
    assert_eq!(k.out_of_support, Some(at("2027-03-24T00:00:00Z")));
    assert!(
        k.upgrades
            .iter()
            .all(|u| u.start.unwrap() < at("2027-03-24T00:00:00Z"))
    );
    assert!(!k.upgrades.is_empty());
}

#[test]
fn without_an_auto_upgrade_window_upgrades_are_counted_but_never_dated() {
    let p = run(&plan("1.36.3", "patch", "", 4), 13);
    let k = &p.clusters[0].kubernetes;
    assert_eq!(k.scheduling, Scheduling::AksDetermined);
    assert_eq!(starts(&p), ["AKS", "AKS", "AKS"]);
    assert!(
        p.clusters[0]
            .pools
            .iter()
            .flat_map(|p| &p.kubernetes_events)
            .all(|e| !e.scheduled && e.start.is_none() && e.window.is_none())
    );
}

#[test]
fn pools_past_the_window_end_wait_and_go_first_in_the_next_window() {
    // Daily 02:00–06:00 windows and 80-minute reimages: each pool takes 5 + 3 × 82 + 2 = 253
    // min. Control plane 02:00–02:15, system 02:15–06:28 (28 min past the end: in flight, it
    // finishes), apps may not start after 06:00 and goes first the next day (§3.7, A-12).
    let mut p = plan("1.36.3", "patch", r#"{"daily":{"intervalDays":1}}"#, 4);
    p.assumptions.projection.timings.reimage_minutes = 80;
    let out = run(&p, 4);
    let u = &out.clusters[0].kubernetes.upgrades[0];
    assert_eq!(u.start, Some(at("2026-12-12T02:00:00Z")));
    assert_eq!(u.waits, 1);
    let pools = &out.clusters[0].pools;
    assert_eq!(pools[0].kubernetes_events[0].spill_minutes, 28);
    assert_eq!(pools[1].kubernetes_deferred, [at("2026-12-12T06:00:00Z")]);
    assert_eq!(
        pools[1].kubernetes_events[0].start,
        Some(at("2026-12-13T02:00:00Z"))
    );
    assert_eq!(u.end, Some(at("2026-12-13T06:13:00Z")));
    // The next patch starts a new upgrade only once this one is done.
    assert_eq!(out.clusters[0].kubernetes.upgrades.len(), 1);
}

#[test]
fn a_kubernetes_upgrade_delivers_the_newest_node_image_even_on_node_os_none() {
    let p = run(&plan("1.36.3", "patch", WEDNESDAY_0200_4H, 4), 13);
    let system = &p.clusters[0].pools[0];
    assert!(system.stream.is_none());
    // Security releases published before the newest Linux image in the region on 12-16
    // (published 12-08) are patched when the pool's step ends.
    let step_end = system.kubernetes_events[0].end.unwrap();
    let delivered: Vec<_> = system
        .patches
        .iter()
        .filter(|r| r.state == PatchState::Patched(step_end))
        .map(|r| p.releases[r.release as usize].published)
        .collect();
    assert!(!delivered.is_empty());
    assert!(delivered.iter().all(|t| *t <= at("2026-12-08T00:00:00Z")));
    assert!(p.exposure.clusters[0].pools[0].stats.counted > 0);
}

#[test]
fn node_image_windows_do_not_reimage_again_for_an_image_the_kubernetes_upgrade_delivered() {
    // NodeImage in a Thursday window the day after the Wednesday Kubernetes upgrade: the image
    // in the region on Wednesday 12-16 is 12-08's (published Tuesdays, a week to the region),
    // and no newer one arrives by Thursday, so Thursday 12-17 has nothing to do.
    let mut p = plan("1.36.3", "patch", WEDNESDAY_0200_4H, 4);
    let c = &mut p.clusters[0];
    c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::NodeImage;
    c.maintenance_configurations.node_os = serde_json::from_str(
        r#"{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Thursday"}},"durationHours":4,"startTime":"02:00"}"#,
    )
    .ok();
    let out = run(&p, 4);
    let system = &out.clusters[0].pools[0];
    assert_eq!(system.stream, Some(Stream::LinuxNodeImage));
    let node_os_days: Vec<String> = system
        .events
        .iter()
        .map(|e| e.start.unwrap().format("%m-%d").to_string())
        .collect();
    assert!(
        node_os_days.contains(&"12-10".to_owned()),
        "{node_os_days:?}"
    );
    assert!(
        !node_os_days.contains(&"12-17".to_owned()),
        "{node_os_days:?}"
    );
}

#[test]
fn kubernetes_surge_is_its_own_cost_line_and_part_of_the_totals() {
    use super::super::cost::CostKind;
    let p = run(&plan("1.36.3", "patch", WEDNESDAY_0200_4H, 4), 13);
    let lines: Vec<_> = p
        .costs
        .lines
        .iter()
        .filter(|l| l.kind == CostKind::KubernetesUpgrade)
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .all(|l| l.events == 3 && l.per_event_micros > 0)
    );
    let k8s: u64 = lines.iter().map(|l| l.per_month_micros).sum();
    assert_eq!(p.costs.clusters[0].kubernetes_per_month_micros, k8s);
    assert_eq!(p.costs.kubernetes_per_month_micros, k8s);
    assert!(p.costs.per_month_micros >= k8s);
}

fn arb_channel() -> impl Strategy<Value = UpgradeChannel> {
    prop::sample::select(UpgradeChannel::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn scheduled_steps_start_only_inside_unblocked_auto_upgrade_windows(
        channel in arb_channel(),
        minor in 33u32..39,
        schedule in prop::sample::select(vec![
            r#"{"daily":{"intervalDays":1}}"#,
            r#"{"daily":{"intervalDays":3}}"#,
            WEDNESDAY_0200_4H,
            r#"{"relativeMonthly":{"intervalMonths":1,"weekIndex":"First","dayOfWeek":"Monday"}}"#,
        ]),
        hours in 4u32..12,
        offset_h in 0i64..2000,
        weeks in 1u32..30,
    ) {
        let mut p = plan(&format!("1.{minor}.1"), channel.as_str(), schedule, hours);
        p.clusters[0].auto_upgrade_profile.upgrade_channel = channel;
        let from = at(FROM) + Duration::hours(offset_h);
        let out = project(&p, from, weeks);
        let c = &out.clusters[0];
        let k = &c.kubernetes;
        if !k.active() {
            prop_assert!(k.upgrades.is_empty());
        }
        for u in &k.upgrades {
            let (w, start) = (u.window.unwrap(), u.start.unwrap());
            prop_assert!(!w.blocked && start >= w.start && start < w.end);
            prop_assert!(start >= k.effective_from);
            prop_assert!(out.releases[u.release as usize].available <= start);
        }
        for pool in c.pools.iter() {
            for e in &pool.kubernetes_events {
                let (w, start, end) = (e.window.unwrap(), e.start.unwrap(), e.end.unwrap());
                prop_assert!(k.windows.contains(&w) && !w.blocked);
                prop_assert!(start >= w.start && start < w.end && end >= start);
                prop_assert_eq!(i64::from(e.spill_minutes), (end - w.end).num_minutes().max(0));
            }
        }
        // Pools go one after another: the steps of one cluster never overlap.
        let mut spans: Vec<_> = c.pools.iter().flat_map(|p| &p.kubernetes_events)
            .map(|e| (e.start.unwrap(), e.end.unwrap())).collect();
        spans.sort();
        prop_assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0));
    }

    #[test]
    fn patch_upgrades_follow_the_patch_cadence(interval in 7u32..60, weeks in 4u32..40) {
        // Daily 24-hour windows: every patch is taken the day it reaches the region.
        let mut p = plan("1.37.0", "patch", r#"{"daily":{"intervalDays":1}}"#, 24);
        p.assumptions.projection.kubernetes.patch_interval_days = interval;
        // Keep 1.37 supported over the whole horizon.
        p.assumptions.projection.kubernetes.minor_interval_days = 400;
        p.assumptions.projection.kubernetes.anchor_ga = at("2026-11-01T00:00:00Z");
        p.assumptions.projection.kubernetes.anchor_minor = "1.37".parse().unwrap();
        let out = project(&p, at(FROM), weeks);
        let count = out.clusters[0].kubernetes.upgrades.len() as u32;
        let days = weeks * 7;
        prop_assert!(count + 1 >= days / interval && count <= days / interval + 1,
            "{} upgrades in {} days at one patch per {} days", count, days, interval);
    }
}

fn codes(p: &Projection) -> Vec<&'static str> {
    p.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn findings_name_support_window_length_and_overlap() {
    let out = run(&plan("1.33.2", "patch", WEDNESDAY_0200_4H, 4), 4);
    let f = out
        .findings
        .iter()
        .find(|f| f.code == "kubernetes-version-outside-support")
        .unwrap();
    assert_eq!(f.path.field, "kubernetesVersion");
    assert!(f.message.contains("1.37 (projected)"), "{}", f.message);

    let mut p = plan("1.36.3", "patch", r#"{"daily":{"intervalDays":1}}"#, 4);
    p.assumptions.projection.timings.reimage_minutes = 80;
    let out = run(&p, 4);
    let f = out
        .findings
        .iter()
        .find(|f| f.code == "kubernetes-upgrade-longer-than-window")
        .unwrap();
    assert!(f.message.contains("8 h 41 min"), "{}", f.message);
    assert!(
        f.message.contains("waited for the next window 1×"),
        "{}",
        f.message
    );
    assert_eq!(
        f.path.config.as_deref(),
        Some("aksManagedAutoUpgradeSchedule")
    );

    // NodeImage in the same Wednesday window: the node OS reimage and the Kubernetes upgrade
    // run at the same time.
    let mut p = plan("1.36.3", "patch", WEDNESDAY_0200_4H, 4);
    let c = &mut p.clusters[0];
    c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::NodeImage;
    c.maintenance_configurations.node_os = c.maintenance_configurations.auto_upgrade.clone();
    let out = run(&p, 4);
    assert!(codes(&out).contains(&"kubernetes-and-node-os-upgrades-overlap"));

    let mut p = plan("1.36.3", "patch", WEDNESDAY_0200_4H, 4);
    p.assumptions.projection.timings.reimage_minutes = 600;
    assert!(codes(&run(&p, 4)).contains(&"kubernetes-upgrade-over-24-hours"));

    let clean = run(&plan("1.36.3", "patch", WEDNESDAY_0200_4H, 4), 13);
    assert!(
        !codes(&clean).iter().any(|c| c.starts_with("kubernetes")),
        "{:?}",
        codes(&clean)
    );
    assert!(
        codes(&run(&plan("1.40.0", "rapid", WEDNESDAY_0200_4H, 4), 4))
            .contains(&"kubernetes-release-model-behind")
    );
}

#[test]
fn the_timeline_draws_windows_versions_control_plane_and_pool_steps_and_tables_them() {
    use crate::view::timeline::marks::{cluster_track, row_label, table_rows};
    use crate::view::timeline::{Scale, Zoom};
    let p = plan("1.36.3", "patch", WEDNESDAY_0200_4H, 4);
    let out = run(&p, 13);
    let scale = Scale::new(out.from, Zoom::Quarter);
    let t = cluster_track(&p, &out, 0, &scale).unwrap();
    assert_eq!(t.kubernetes.windows.len(), 13);
    assert_eq!(t.kubernetes.control_plane.len(), 3);
    let squares: Vec<_> = t
        .releases
        .iter()
        .filter(|r| r.stream == Stream::Kubernetes)
        .collect();
    assert_eq!(squares.len(), 3);
    assert!(
        squares[0]
            .title
            .contains("1.36 patch 2026-12-05 (projected)")
    );
    assert!(
        t.kubernetes.control_plane[0]
            .title
            .contains("1.36.3 → 1.36 patch 2026-12-05 (projected)")
    );
    let steps: Vec<_> = t.pools[1]
        .upgrades
        .iter()
        .filter(|u| u.kind == EventKind::KubernetesUpgrade)
        .collect();
    assert_eq!(steps.len(), 3);
    assert!(
        steps[0].title.contains("What: Kubernetes upgrade"),
        "{}",
        steps[0].title
    );
    assert!(
        row_label(&out.clusters[0])
            .summary
            .ends_with("Kubernetes patch · auto-upgrade window")
    );
    let rows = table_rows(&p, &out, 0);
    let first_cp = rows.iter().find(|r| r.kind == "Control plane").unwrap();
    assert_eq!(first_cp.at, at("2026-12-16T02:00:00Z"));
    let apps: Vec<_> = rows
        .iter()
        .filter(|r| r.kind == "Kubernetes upgrade" && r.pool == "apps")
        .collect();
    assert_eq!(apps.len(), 3);
    assert!(
        apps[0].text.contains("estimated end Wed 16 Dec 03:29 UTC"),
        "{}",
        apps[0].text
    );
    assert!(rows.windows(2).all(|w| w[0].at <= w[1].at));
    // Without an auto-upgrade window: one row per upgrade, at the release's arrival, undated.
    let p = plan("1.36.3", "patch", "", 4);
    let out = run(&p, 13);
    let rows = table_rows(&p, &out, 0);
    assert!(
        rows.iter()
            .filter(|r| r.kind == "Control plane")
            .all(|r| r.text.contains("AKS-determined time"))
    );
    assert!(!rows.iter().any(|r| r.kind == "Kubernetes upgrade"));
}

#[test]
fn undated_kubernetes_upgrades_turn_missed_images_into_aks_determined_ones() {
    let out = run(&plan("1.36.3", "patch", "", 4), 13);
    let stats = &out.exposure.clusters[0].stats;
    assert!(stats.aks_determined > 0, "{stats:?}");
    let none = run(&plan("1.36.3", "none", "", 4), 13);
    assert_eq!(none.exposure.clusters[0].stats.aks_determined, 0);
}

#[test]
fn an_upgrade_across_1_35_changes_the_ubuntu_version_and_windows_2022_cannot_follow_to_1_37() {
    // 2026-06-01: 1.35 is the newest minor in the region (GA 2026-03-16 + a week), so rapid
    // takes a 1.34 cluster to 1.35, where osSKU Ubuntu means 24.04 (docs/aks-2026.md §1.1).
    let p = project(
        &plan("1.34.2", "rapid", WEDNESDAY_0200_4H, 4),
        at("2026-06-01T00:00:00Z"),
        8,
    );
    let u = &p.clusters[0].kubernetes.upgrades[0];
    let effects: Vec<(&str, &str)> = u
        .os_effects
        .iter()
        .map(|e| (e.pool.as_str(), e.text.as_str()))
        .collect();
    assert_eq!(
        effects,
        [
            ("system", "Ubuntu 22.04 → Ubuntu 24.04"),
            ("apps", "Ubuntu 22.04 → Ubuntu 24.04")
        ]
    );
    // 1.35 is where the sources disagree (§1.9 item 2): the effect carries both sides.
    assert!(u.os_effects[0].conflict.is_some());
    assert_eq!(
        codes(&p)
            .iter()
            .filter(|c| **c == "kubernetes-upgrade-changes-os-version")
            .count(),
        2
    );

    // From 1.36 rapid goes to 1.37 once it is in the region (2026-11-22): Windows2022 runs on
    // Kubernetes up to 1.36 only (docs/aks-2026.md §1.1).
    let mut w = plan("1.36.3", "rapid", WEDNESDAY_0200_4H, 4);
    w.clusters[0].agent_pool_profiles.push(
        serde_json::from_str(
            r#"{"name":"win","osSKU":"Windows2022","vmSize":"Standard_D4s_v5","count":2}"#,
        )
        .unwrap(),
    );
    let p = project(&w, at("2026-11-01T00:00:00Z"), 8);
    let to_137 = p.clusters[0]
        .kubernetes
        .upgrades
        .iter()
        .find(|u| u.to_version.starts_with("1.37"))
        .unwrap();
    let win: Vec<&str> = to_137
        .os_effects
        .iter()
        .filter(|e| e.pool == "win")
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        win,
        ["osSKU Windows2022 runs on Kubernetes up to 1.36 only, not on 1.37"]
    );
    assert!(codes(&p).contains(&"kubernetes-upgrade-unsupported-os-sku"));
}

#[test]
fn a_surge_1_retry_that_overruns_the_window_is_noted() {
    // 30 nodes at 50 %: 15 surge, 2 batches = 5 + 2 × 10 + 2 = 27 min in a 4 h window; on
    // 1.36 a short quota makes AKS retry 1 at a time (docs/aks-2026.md §1.4): 5 + 30 × 10 + 2
    // = 307 min, past the window.
    let mut p = plan("1.36.3", "none", WEDNESDAY_0200_4H, 4);
    let c = &mut p.clusters[0];
    c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::NodeImage;
    c.maintenance_configurations.node_os = c.maintenance_configurations.auto_upgrade.clone();
    c.agent_pool_profiles[1].count = 30;
    c.agent_pool_profiles[1].upgrade_settings.max_surge = "50%".parse().ok();
    let out = run(&p, 4);
    let f: Vec<_> = out
        .findings
        .iter()
        .filter(|f| f.code == "surge-fallback-slower")
        .collect();
    assert_eq!(f.len(), 1, "{:?}", codes(&out));
    assert!(
        f[0].message
            .contains("about 5 h 07 min instead of 27 min, longer than the 4 h window"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].path.pool_name.as_deref(), Some("apps"));
}
