//! The projection engine on whole plans: invariants over the demo and generated fleets,
//! channel comparison, unscheduled clusters, fleet checks, and the `project` CLI.

use chrono::{DateTime, Duration, Utc};
use planner::rules::channel::{NodeOsChannel, UpgradeChannel};
use planner::rules::cluster::Cluster;
use planner::rules::demo::demo_plan;
use planner::rules::findings;
use planner::rules::maintenance::MaintenanceConfigurations;
use planner::rules::plan::Plan;
use planner::rules::projection::compare::compare_channels;
use planner::rules::projection::{PatchState, Projection, Scheduling, project};
use planner::view::format::channel_summary;
use proptest::prelude::*;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

const FROM: &str = "2026-11-01T00:00:00Z";

fn window_json(schedule: &str, hours: u32, start: &str) -> String {
    format!(
        r#"[{{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{{"schedule":{schedule},"durationHours":{hours},"utcOffset":"+00:00","startTime":"{start}"}}}}]"#
    )
}

fn windows(schedule: &str, hours: u32, start: &str) -> MaintenanceConfigurations {
    serde_json::from_str(&window_json(schedule, hours, start)).unwrap()
}

/// Invariants every projection must hold.
fn check_invariants(plan: &Plan, p: &Projection) {
    for c in &p.clusters {
        // Pools of a cluster run one after another: scheduled reimage/live events never overlap.
        let mut spans: Vec<(DateTime<Utc>, DateTime<Utc>)> = c
            .pools
            .iter()
            .flat_map(|pool| &pool.events)
            .filter(|e| e.window.is_some() && c.scheduling == Scheduling::MaintenanceWindow)
            .map(|e| (e.start.unwrap(), e.end.unwrap()))
            .collect();
        spans.sort();
        for w in spans.windows(2) {
            assert!(w[0].1 <= w[1].0, "{}: overlapping upgrades {w:?}", c.name);
        }
        for pool in c.pools.iter() {
            for e in &pool.events {
                if let (Some(w), Some(start), Some(end)) = (e.window, e.start, e.end) {
                    // Work starts only inside an unblocked window and never before effective_from.
                    assert!(!w.blocked);
                    assert!(
                        start >= w.start && start < w.end,
                        "{} starts outside its window",
                        pool.name
                    );
                    assert!(start >= c.effective_from);
                    assert!(end >= start);
                    let spill = (end - w.end).num_minutes().max(0);
                    assert_eq!(i64::from(e.spill_minutes), spill);
                    // It runs a release that had reached the region.
                    assert!(p.releases[e.release as usize].available <= start);
                }
                if !e.scheduled {
                    assert!(e.start.is_none() && e.window.is_none());
                }
            }
            // Kubernetes steps (§2): inside an unblocked auto-upgrade window, after the version
            // reached the region, never before the channel is in effect.
            for e in &pool.kubernetes_events {
                if let (Some(w), Some(start), Some(end)) = (e.window, e.start, e.end) {
                    assert!(!w.blocked && start >= w.start && start < w.end);
                    assert!(start >= c.kubernetes.effective_from && end >= start);
                    assert!(p.releases[e.release as usize].available <= start);
                }
            }
            for rec in &pool.patches {
                if let PatchState::Patched(t) = rec.state {
                    assert!(
                        t >= p.releases[rec.release as usize].published,
                        "negative exposure"
                    );
                }
            }
        }
    }
    // Exposure is never negative.
    for ce in &p.exposure.clusters {
        for pe in &ce.pools {
            assert!(pe.stats.typical_minutes.unwrap_or(0) >= 0);
            assert!(pe.stats.worst_minutes.unwrap_or(0) >= pe.stats.typical_minutes.unwrap_or(0));
        }
    }
    // The totals are exactly the sum of the lines.
    let lines: u64 = p.costs.lines.iter().map(|l| l.per_month_micros).sum();
    assert_eq!(p.costs.per_month_micros, lines);
    let horizon: u64 = p.costs.lines.iter().map(|l| l.horizon_micros).sum();
    assert_eq!(p.costs.horizon_micros, horizon);
    assert_eq!(p.costs.per_year_micros, lines * 12);
    assert_eq!(p.clusters.len(), plan.clusters.len());
}

#[test]
fn the_demo_projection_holds_every_invariant_and_is_deterministic() {
    let plan = demo_plan();
    let p = project(&plan, at(FROM), 26);
    check_invariants(&plan, &p);
    assert_eq!(p, project(&plan, at(FROM), 26));
    // The test cluster (SecurityPatch, daily window) is typically patched within 3 days, worst
    // case the 12-day year-end blackout; dev (NodeImage, weekly Tuesday window, images
    // published on Tuesdays) just over a week.
    let stats = |name: &str| {
        &p.exposure
            .clusters
            .iter()
            .find(|c| c.cluster == name)
            .unwrap()
            .stats
    };
    let test = stats("aks-test-weu");
    assert!(test.typical_minutes.unwrap() < 3 * 1440, "{test:?}");
    assert!(
        test.worst_minutes.unwrap() > 11 * 1440 && !test.misses_sla,
        "{test:?}"
    );
    let dev = stats("aks-dev-weu").worst_minutes.unwrap();
    assert!(dev > 7 * 1440 && dev < 8 * 1440, "{dev}");
}

#[test]
fn the_demo_prod_apps_pool_takes_67_minutes_per_hand_computation() {
    // 12 nodes at 33 %: 4 surge, 3 batches; soak 10 min: 5 + 3 × (2 + 10 + 8) + 2 = 67 min.
    let p = project(&demo_plan(), at(FROM), 4);
    let apps = &p.clusters[2].pools[1];
    assert_eq!(
        (
            apps.upgrade.parallelism,
            apps.upgrade.batches,
            apps.upgrade.minutes
        ),
        (4, 3, 67)
    );
    // Its surge cost per reimage: 4 × 0.384 × 67 / 60 = 1.7152 USD.
    let line = p
        .costs
        .lines
        .iter()
        .find(|l| l.cluster == "aks-prod-weu" && l.pool.as_deref() == Some("apps"))
        .unwrap();
    assert_eq!(line.per_event_micros, 1_715_200);
}

#[test]
fn channel_comparison_ranks_securitypatch_daily_ahead_of_nodeimage_weekly() {
    let mut plan = demo_plan();
    // The dev cluster with a daily window for SecurityPatch vs its weekly one for NodeImage.
    // Six weeks: before the test cluster's year-end blackout.
    let daily = compare_channels(&plan, 1, at(FROM), 6).unwrap();
    let sp = daily
        .iter()
        .find(|o| o.channel == NodeOsChannel::SecurityPatch)
        .unwrap();
    assert!(
        channel_summary(sp).starts_with("SecurityPatch + daily window: worst"),
        "{}",
        channel_summary(sp)
    );
    let weekly = compare_channels(&plan, 0, at(FROM), 6).unwrap();
    let ni = weekly
        .iter()
        .find(|o| o.channel == NodeOsChannel::NodeImage)
        .unwrap();
    assert!(sp.worst_minutes.unwrap() < ni.worst_minutes.unwrap());
    // NodeImage reimages every week; SecurityPatch about 35 % as often per pool.
    let sp_weekly = weekly
        .iter()
        .find(|o| o.channel == NodeOsChannel::SecurityPatch)
        .unwrap();
    assert!(sp_weekly.reimages_per_month_milli * 2 < ni.reimages_per_month_milli);
    // With cluster auto-upgrade on (dev is on `patch`), even None gets node images: each
    // Kubernetes upgrade installs the newest one (docs/aks-rules.md §2 rule 2) and costs surge.
    let none = weekly
        .iter()
        .find(|o| o.channel == NodeOsChannel::None)
        .unwrap();
    assert!(!none.worst_is_lower_bound && none.per_month_micros > 0);
    // Without it, None gets nothing: the worst case only grows with the horizon, and no cost.
    plan.clusters[0].auto_upgrade_profile.upgrade_channel = UpgradeChannel::None;
    let manual = compare_channels(&plan, 0, at(FROM), 6).unwrap();
    let none = manual
        .iter()
        .find(|o| o.channel == NodeOsChannel::None)
        .unwrap();
    assert!(none.worst_is_lower_bound && none.per_month_micros == 0);
    plan.clusters.clear();
    assert!(compare_channels(&plan, 0, at(FROM), 4).is_none());
}

#[test]
fn without_a_window_no_date_is_invented() {
    let mut plan = demo_plan();
    plan.clusters[0].maintenance_configurations = MaintenanceConfigurations::default();
    let p = project(&plan, at(FROM), 8);
    let c = &p.clusters[0];
    assert_eq!(c.scheduling, Scheduling::AksDetermined);
    for pool in c.pools.iter() {
        assert!(!pool.events.is_empty());
        assert!(
            pool.events
                .iter()
                .all(|e| !e.scheduled && e.start.is_none() && e.end.is_none())
        );
        assert!(
            pool.patches
                .iter()
                .all(|r| r.state == PatchState::AksDetermined)
        );
    }
    // Said once, by the window checks (the projection's `upgrade-time-aks-determined`
    // repeated it until the two engines became one registry).
    let all = findings::merge(findings::check_at(&plan, Some(at(FROM))), &p.findings);
    assert!(
        all.iter()
            .any(|f| f.code == "maintenance-window-missing" && f.path.cluster == Some(0))
    );
    assert!(p.exposure.clusters[0].stats.worst_minutes.is_none());
}

#[test]
fn a_pool_longer_than_the_window_spills_and_the_following_pools_are_named() {
    let mut plan = demo_plan();
    let c = &mut plan.clusters[0];
    c.agent_pool_profiles[0].count = 60;
    c.agent_pool_profiles[0].upgrade_settings.max_surge = Some("1".parse().unwrap());
    // 60 batches × 10 min + 7 = 607 min, beyond the 4 h window.
    let p = project(&plan, at(FROM), 4);
    let system = &p.clusters[0].pools[0];
    assert_eq!(system.upgrade.minutes, 607);
    assert!(system.events.iter().all(|e| e.spill_minutes > 0));
    assert!(!p.clusters[0].pools[1].deferred.is_empty());
    let f = p
        .findings
        .iter()
        .find(|f| f.code == "pools-wait-for-next-window")
        .unwrap();
    assert!(f.message.contains("apps"), "{}", f.message);
    assert!(
        p.findings
            .iter()
            .any(|f| f.code == "upgrade-longer-than-window")
    );
}

#[test]
fn limits_and_grace_period_findings() {
    let mut plan = demo_plan();
    let pool = &mut plan.clusters[0].agent_pool_profiles[1];
    pool.count = 990;
    pool.upgrade_settings.max_surge = Some("2%".parse().unwrap()); // 20 surge → 1010
    pool.upgrade_settings.drain_timeout_in_minutes = Some(5);
    plan.assumptions.projection.pod_grace_period_seconds = 600;
    let p = project(&plan, at(FROM), 2);
    // The scale set limit is one rule of the plan checks (it was also a projection finding,
    // `surge-over-vmss-limit`, until the two engines became one registry).
    let all = findings::merge(findings::check_at(&plan, Some(at(FROM))), &p.findings);
    let codes: Vec<&str> = all.iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&"surge-exceeds-vmss-limit"), "{codes:?}");
    assert!(
        codes.contains(&"drain-timeout-below-grace-period"),
        "{codes:?}"
    );
    // 990 nodes / 20 surge = 50 batches × (2 + 8) + 7 = 507 min: under 24 h.
    assert!(!codes.contains(&"upgrade-over-24-hours"));
}

#[test]
fn clusters_of_one_subscription_sharing_a_window_start_collide() {
    let mut plan = Plan::default();
    for name in ["a", "b", "c"] {
        let mut c: Cluster = serde_json::from_str(&format!(
            r#"{{"name":"{name}","subscription":"{}","autoUpgradeProfile":{{"nodeOSUpgradeChannel":"NodeImage"}},
                "agentPoolProfiles":[{{"name":"p","vmSize":"Standard_D4s_v5","count":3}}]}}"#,
            if name == "c" { "other" } else { "shared" }
        ))
        .unwrap();
        c.maintenance_configurations = windows(
            r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Sunday"}}"#,
            4,
            "02:00",
        );
        plan.clusters.push(c);
    }
    let p = project(&plan, at(FROM), 4);
    assert_eq!(p.fleet.collisions.len(), 1);
    let col = &p.fleet.collisions[0];
    assert_eq!(
        (col.subscription.as_str(), col.clusters.clone()),
        ("shared", vec!["a".to_owned(), "b".to_owned()])
    );
    assert_eq!(col.occurrences, 4);
    assert!(p.findings.iter().any(|f| f.code == "window-collision"));
}

#[test]
fn a_later_ring_upgrading_before_the_earlier_ring_soaked_gets_a_stagger() {
    let mut plan = Plan::default();
    // ring 0 Tuesday 08:00 UTC, ring 1 Tuesday 12:00 UTC: only 4 h after, soak 24 h.
    for (name, ring, start) in [("dev", "0", "08:00"), ("prod", "1", "12:00")] {
        let mut c: Cluster = serde_json::from_str(&format!(
            r#"{{"name":"{name}","tags":{{"ring":"{ring}"}},"autoUpgradeProfile":{{"nodeOSUpgradeChannel":"NodeImage"}},
                "agentPoolProfiles":[{{"name":"p","vmSize":"Standard_D4s_v5","count":3,"upgradeSettings":{{"maxSurge":"1"}}}}]}}"#
        ))
        .unwrap();
        c.maintenance_configurations = windows(
            r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Tuesday"}}"#,
            4,
            start,
        );
        plan.clusters.push(c);
    }
    let p = project(&plan, at(FROM), 4);
    assert!(!p.fleet.ring_violations.is_empty());
    // dev finishes 08:37, + 24 h = Wed 08:37; prod starts Tue 12:00: 20 h 37 min short → 21 h.
    assert_eq!(p.fleet.stagger[0].suggested_delay_hours, Some(21));
    assert!(
        p.findings
            .iter()
            .any(|f| f.code == "ring-order" && f.fix.contains("21 h"))
    );
}

fn arb_plan() -> impl Strategy<Value = Plan> {
    let pool = (
        1u32..60,
        prop_oneof![Just("1"), Just("33%"), Just("10%"), Just("3")],
        any::<bool>(),
    );
    let cluster = (
        prop::sample::select(NodeOsChannel::ALL.to_vec()),
        prop::collection::vec(pool, 0..4),
        prop_oneof![
            Just(None),
            Just(Some(r#"{"daily":{"intervalDays":1}}"#)),
            Just(Some(
                r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Saturday"}}"#
            )),
            Just(Some(
                r#"{"relativeMonthly":{"intervalMonths":1,"weekIndex":"First","dayOfWeek":"Monday"}}"#
            )),
        ],
        4u32..10,
        // Cluster auto-upgrade: channel, minor (1.33 is already outside N-2 in Nov 2026) and
        // whether it has an aksManagedAutoUpgradeSchedule window (monthly, 4 h).
        (
            prop::sample::select(UpgradeChannel::ALL.to_vec()),
            33u32..39,
            any::<bool>(),
        ),
    );
    prop::collection::vec(cluster, 1..5).prop_map(|clusters| {
        let mut plan = Plan::default();
        for (i, (channel, pools, schedule, hours, (upgrade, minor, auto_window))) in
            clusters.into_iter().enumerate()
        {
            let mut c = Cluster::new(format!("c{i}"));
            c.subscription = "s".into();
            c.auto_upgrade_profile.node_os_upgrade_channel = channel;
            c.auto_upgrade_profile.upgrade_channel = upgrade;
            c.kubernetes_version = format!("1.{minor}.1").parse().ok();
            for (j, (count, surge, windows_os)) in pools.into_iter().enumerate() {
                let sku = if windows_os { "Windows2022" } else { "Ubuntu" };
                c.agent_pool_profiles.push(
                    serde_json::from_str(&format!(
                        r#"{{"name":"p{j}","osSKU":"{sku}","vmSize":"Standard_D4s_v5","count":{count},"upgradeSettings":{{"maxSurge":"{surge}"}}}}"#
                    ))
                    .unwrap(),
                );
            }
            if let Some(s) = schedule {
                c.maintenance_configurations = windows(s, hours, "03:00");
            }
            if auto_window {
                c.maintenance_configurations.auto_upgrade = serde_json::from_str(
                    r#"{"schedule":{"relativeMonthly":{"intervalMonths":1,"weekIndex":"First","dayOfWeek":"Wednesday"}},"durationHours":4,"startTime":"03:00"}"#,
                )
                .ok();
            }
            plan.clusters.push(c);
        }
        plan
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_fleets_hold_every_invariant(plan in arb_plan(), offset_h in 0i64..500, weeks in 1u32..14) {
        let from = at(FROM) + Duration::hours(offset_h);
        let p = project(&plan, from, weeks);
        check_invariants(&plan, &p);
        prop_assert_eq!(&p, &project(&plan, from, weeks));
    }
}

#[test]
fn the_cli_prints_events_exposure_cost_and_channels() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.json");
    std::fs::write(&file, demo_plan().to_json()).unwrap();
    let bin = env!("CARGO_BIN_EXE_aks-planner");
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let path = file.to_str().unwrap();

    let text = run(&["project", path, "--from", FROM, "--weeks", "4"]);
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let out = String::from_utf8(text.stdout).unwrap();
    assert!(
        out.contains("2026-11-03 08:00 → 2026-11-03 08:37  reimage        202610.27.0"),
        "{out}"
    );
    assert!(out.contains("Exposure (SLA 14 d)"));
    assert!(out.contains("fleet: ") && out.contains("USD per month"));
    assert!(out.contains("SecurityPatch + daily window: worst"));
    // prod apps: 12 nodes × 33 % → 4 surge × 8 vCPUs (D8s_v5) = 32; the cluster's figure is
    // the sum over its pools as the AKS capacity doc reserves it (docs/aks-2026.md §1.4): system
    // 1 × 4 + apps 32 + win 1 × 4 = 40.
    assert!(
        out.contains("aks-prod-weu: peak DSv5: +40 vCPUs\n"),
        "{out}"
    );
    assert!(
        out.contains("apps: +32 vCPUs DSv5 (4 surge nodes × 8 vCPUs)"),
        "{out}"
    );
    assert!(
        out.contains(
            "subscription contoso-prod, region westeurope: worst case if windows overlap DSv5: +40 vCPUs"
        ),
        "{out}"
    );

    let json = run(&["project", path, "--from", FROM, "--weeks", "4", "--json"]);
    assert!(json.status.success());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["projection"]["clusters"].as_array().unwrap().len(), 3);
    let prod = &v["projection"]["quota"]["clusters"][2];
    assert_eq!(prod["cluster"], "aks-prod-weu");
    assert_eq!(prod["peak"][0]["family"], "standardDSv5Family");
    assert_eq!(prod["peak"][0]["extraVcpus"], 40);
    assert_eq!(
        v["channelComparison"][0]["channels"]
            .as_array()
            .unwrap()
            .len(),
        4
    );

    let bad = run(&["project", path, "--from", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("RFC 3339"));
    let missing = run(&["project", path]);
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}
