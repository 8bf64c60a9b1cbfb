use super::*;
use crate::rules::demo::fleet;
use crate::rules::maintenance::{DayOfWeek, Schedule, StartTime, UtcOffset};
use crate::rules::surge::SurgeValue;

fn weekly(day: DayOfWeek, hour: u32) -> MaintenanceWindow {
    MaintenanceWindow {
        schedule: Schedule::Weekly {
            interval_weeks: 1,
            day_of_week: day,
        },
        duration_hours: 4,
        utc_offset: UtcOffset::UTC,
        start_date: None,
        start_time: StartTime::new(hour, 0).expect("valid"),
        not_allowed_dates: Vec::new(),
    }
}

fn node_os_window(plan: &Plan, i: usize) -> Option<MaintenanceWindow> {
    plan.clusters[i]
        .maintenance_configurations
        .window(ConfigName::NodeOs)
        .cloned()
}

#[test]
fn a_channel_change_touches_exactly_the_selected_clusters() {
    let before = fleet(5);
    let mut plan = before.clone();
    apply(
        &mut plan,
        &[0, 2, 4],
        &BulkChange::NodeOsChannel(NodeOsChannel::Unmanaged),
    )
    .expect("applies");
    for (i, cluster) in plan.clusters.iter().enumerate() {
        let expected = if [0, 2, 4].contains(&i) {
            NodeOsChannel::Unmanaged
        } else {
            before.clusters[i]
                .auto_upgrade_profile
                .node_os_upgrade_channel
        };
        assert_eq!(
            cluster.auto_upgrade_profile.node_os_upgrade_channel,
            expected
        );
        // Nothing else of the cluster moved.
        let mut restored = cluster.clone();
        restored.auto_upgrade_profile = before.clusters[i].auto_upgrade_profile;
        assert_eq!(restored, before.clusters[i]);
    }
}

#[test]
fn the_same_window_staggered_per_cluster_wraps_into_the_next_day() {
    let mut plan = fleet(4);
    let change = BulkChange::Window {
        config: ConfigName::NodeOs,
        window: weekly(DayOfWeek::Saturday, 20),
        stagger: Stagger::HoursPerCluster(3),
    };
    apply(&mut plan, &[3, 1, 0], &change).expect("applies");
    // Selection order: cluster 3 at 20:00 Saturday, cluster 1 at 23:00, cluster 0 at 02:00
    // the next day (Sunday).
    assert_eq!(
        node_os_window(&plan, 3),
        Some(weekly(DayOfWeek::Saturday, 20))
    );
    assert_eq!(
        node_os_window(&plan, 1),
        Some(weekly(DayOfWeek::Saturday, 23))
    );
    assert_eq!(node_os_window(&plan, 0), Some(weekly(DayOfWeek::Sunday, 2)));
    // Cluster 2 keeps its own (fleet: cluster 2 is weekly on Tuesday at 02:00).
    let kept = node_os_window(&plan, 2).expect("has one");
    assert_eq!(
        kept.schedule,
        Schedule::Weekly {
            interval_weeks: 1,
            day_of_week: DayOfWeek::Tuesday
        }
    );
}

#[test]
fn ring_presets_and_ring_hours_follow_the_ring_tag() {
    // fleet: cluster i is in ring i % 3.
    let mut plan = fleet(6);
    let days: RingDays = [
        ("0".to_owned(), DayOfWeek::Monday),
        ("1".to_owned(), DayOfWeek::Wednesday),
        ("2".to_owned(), DayOfWeek::Saturday),
    ]
    .into();
    let all: Vec<usize> = (0..6).collect();
    let change = BulkChange::Window {
        config: ConfigName::AutoUpgrade,
        window: weekly(DayOfWeek::Sunday, 22),
        stagger: Stagger::RingDays(days),
    };
    apply(&mut plan, &all, &change).expect("applies");
    let expected = [DayOfWeek::Monday, DayOfWeek::Wednesday, DayOfWeek::Saturday];
    for i in 0..6 {
        let w = plan.clusters[i]
            .maintenance_configurations
            .window(ConfigName::AutoUpgrade)
            .cloned();
        assert_eq!(w, Some(weekly(expected[i % 3], 22)), "cluster {i}");
    }

    let mut plan = fleet(3);
    let change = BulkChange::Window {
        config: ConfigName::NodeOs,
        window: weekly(DayOfWeek::Friday, 1),
        stagger: Stagger::HoursPerRing(24),
    };
    apply(&mut plan, &[0, 1, 2], &change).expect("applies");
    assert_eq!(node_os_window(&plan, 0), Some(weekly(DayOfWeek::Friday, 1)));
    assert_eq!(
        node_os_window(&plan, 1),
        Some(weekly(DayOfWeek::Saturday, 1))
    );
    assert_eq!(node_os_window(&plan, 2), Some(weekly(DayOfWeek::Sunday, 1)));
}

#[test]
fn a_change_that_cannot_be_made_for_one_cluster_changes_none() {
    let before = fleet(3);
    let mut plan = before.clone();
    plan.clusters[1].tags.remove("ring");
    let unchanged = plan.clone();
    let change = BulkChange::Window {
        config: ConfigName::NodeOs,
        window: weekly(DayOfWeek::Friday, 1),
        stagger: Stagger::HoursPerRing(2),
    };
    assert_eq!(
        apply(&mut plan, &[0, 1, 2], &change),
        Err(BulkError::Stagger(StaggerError::NoRing {
            cluster: "aks-001".into()
        }))
    );
    assert_eq!(plan, unchanged);

    let monthly = MaintenanceWindow {
        schedule: Schedule::AbsoluteMonthly {
            interval_months: 1,
            day_of_month: 5,
        },
        ..weekly(DayOfWeek::Monday, 23)
    };
    let change = BulkChange::Window {
        config: ConfigName::NodeOs,
        window: monthly,
        stagger: Stagger::HoursPerCluster(2),
    };
    assert!(matches!(
        apply(&mut plan, &[0, 1], &change),
        Err(BulkError::Stagger(StaggerError::CannotMoveDay { .. }))
    ));
    assert_eq!(plan, unchanged);
    assert_eq!(
        apply(
            &mut plan,
            &[],
            &BulkChange::UpgradeChannel(UpgradeChannel::Stable)
        ),
        Err(BulkError::NothingSelected)
    );
    assert_eq!(
        apply(
            &mut plan,
            &[7],
            &BulkChange::UpgradeChannel(UpgradeChannel::Stable)
        ),
        Err(BulkError::NoSuchCluster(7))
    );
    assert_eq!(plan, unchanged);
}

#[test]
fn pool_settings_change_every_pool_and_only_the_settings_chosen() {
    let mut plan = fleet(2);
    let surge: SurgeValue = "2".parse().expect("valid");
    let change = BulkChange::PoolUpgrade(PoolUpgrade {
        max_surge: Some(Some(surge)),
        drain_timeout_in_minutes: Some(None),
        ..PoolUpgrade::default()
    });
    apply(&mut plan, &[1], &change).expect("applies");
    for pool in &plan.clusters[1].agent_pool_profiles {
        assert_eq!(pool.upgrade_settings.max_surge, Some(surge));
        assert_eq!(pool.upgrade_settings.drain_timeout_in_minutes, None);
    }
    // fleet's pools: maxSurge 33%, 33%, 10%; drain timeout 30. Cluster 0 untouched.
    let surges: Vec<String> = plan.clusters[0]
        .agent_pool_profiles
        .iter()
        .map(|p| {
            p.upgrade_settings
                .max_surge
                .map(|s| s.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(surges, ["33%", "33%", "10%"]);
    assert_eq!(
        apply(
            &mut plan,
            &[0],
            &BulkChange::PoolUpgrade(PoolUpgrade::default())
        ),
        Err(BulkError::NoPoolSetting)
    );
}

#[test]
fn the_preview_lists_each_changed_field_of_each_selected_cluster() {
    let plan = fleet(5);
    // fleet: even clusters are NodeImage, odd SecurityPatch.
    let changes = preview(
        &plan,
        &[0, 1, 2],
        &BulkChange::NodeOsChannel(NodeOsChannel::SecurityPatch),
    )
    .expect("previews");
    let shown: Vec<String> = changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "aks-000: autoUpgradeProfile.nodeOSUpgradeChannel: NodeImage → SecurityPatch",
            "aks-002: autoUpgradeProfile.nodeOSUpgradeChannel: NodeImage → SecurityPatch",
        ]
    );
}

#[test]
fn a_daily_window_in_another_offset_is_staggered_per_ring() {
    // fleet: cluster i is in ring i % 3.
    let mut plan = fleet(4);
    let daily = MaintenanceWindow {
        schedule: Schedule::Daily { interval_days: 1 },
        utc_offset: "+01:00".parse().expect("valid offset"),
        ..weekly(DayOfWeek::Monday, 21)
    };
    let change = BulkChange::Window {
        config: ConfigName::NodeOs,
        window: daily.clone(),
        stagger: Stagger::HoursPerRing(2),
    };
    apply(&mut plan, &[0, 1, 2, 3], &change).expect("applies");
    // Ring 0 at 21:00, ring 1 at 23:00, ring 2 at 01:00 (a daily window has no day to move),
    // all in UTC+01:00, every day, 4 hours.
    for (i, hour) in [(0, 21), (1, 23), (2, 1), (3, 21)] {
        let expected = MaintenanceWindow {
            start_time: StartTime::new(hour, 0).expect("valid"),
            ..daily.clone()
        };
        assert_eq!(node_os_window(&plan, i), Some(expected), "cluster {i}");
    }
}

#[test]
fn a_window_the_configuration_refuses_is_not_written() {
    let unchanged = fleet(3);
    let mut plan = unchanged.clone();
    // The default configuration takes a weekly schedule only (docs/aks-rules.md §8 A-8).
    let daily = MaintenanceWindow {
        schedule: Schedule::Daily { interval_days: 1 },
        ..weekly(DayOfWeek::Monday, 21)
    };
    let change = BulkChange::Window {
        config: ConfigName::Default,
        window: daily,
        stagger: Stagger::Same,
    };
    let refused = apply(&mut plan, &[1, 2], &change);
    assert!(
        matches!(&refused, Err(BulkError::Window { cluster, config, .. }) if cluster == "aks-001" && *config == "default"),
        "{refused:?}"
    );
    assert_eq!(plan, unchanged);
    // A node OS window shorter than AKS's 4-hour minimum is refused too, and the preview says so.
    let short = BulkChange::Window {
        config: ConfigName::NodeOs,
        window: MaintenanceWindow {
            duration_hours: 2,
            ..weekly(DayOfWeek::Monday, 21)
        },
        stagger: Stagger::Same,
    };
    let message = preview(&plan, &[0], &short)
        .expect_err("refused")
        .to_string();
    assert!(
        message.starts_with(
            "aks-000's aksManagedNodeOSUpgradeSchedule window would be refused by AKS: "
        ),
        "{message}"
    );
    assert!(message.contains("durationHours"), "{message}");
}
