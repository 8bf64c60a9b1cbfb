//! Proptest strategies for whole plans, shared by the round-trip tests.
#![allow(dead_code)]

pub mod az_stub;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use planner::rules::channel::{AutoUpgradeProfile, NodeOsChannel, UpgradeChannel};
use planner::rules::cluster::Cluster;
use planner::rules::maintenance::{
    DateSpan, DayOfWeek, DefaultConfig, MaintenanceConfigurations, MaintenanceWindow, Schedule,
    StartTime, TimeInWeek, TimeSpan, UtcOffset, WeekIndex,
};
use planner::rules::os::OsSku;
use planner::rules::plan::Plan;
use planner::rules::pool::{AgentPool, PoolMode, UndrainableNodeBehavior, UpgradeSettings};
use planner::rules::surge::SurgeValue;
use planner::rules::usage::{ComputeUsages, Usage, UsageName};
use planner::rules::version::KubernetesVersion;
use proptest::prelude::*;
use proptest::sample::select;

fn date() -> impl Strategy<Value = NaiveDate> {
    (2024i32..2030, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (1_700_000_000i64..1_900_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
}

fn surge() -> impl Strategy<Value = SurgeValue> {
    prop_oneof![
        (0u32..50).prop_map(SurgeValue::Nodes),
        (0u32..200).prop_map(SurgeValue::Percent)
    ]
}

pub fn schedule() -> impl Strategy<Value = Schedule> {
    let dow = select(DayOfWeek::ALL.to_vec());
    prop_oneof![
        (0u32..9).prop_map(|interval_days| Schedule::Daily { interval_days }),
        (0u32..6, dow.clone()).prop_map(|(interval_weeks, day_of_week)| Schedule::Weekly {
            interval_weeks,
            day_of_week
        }),
        (0u32..8, 0u32..33).prop_map(
            |(interval_months, day_of_month)| Schedule::AbsoluteMonthly {
                interval_months,
                day_of_month
            }
        ),
        (0u32..8, select(WeekIndex::ALL.to_vec()), dow).prop_map(
            |(interval_months, week_index, day_of_week)| Schedule::RelativeMonthly {
                interval_months,
                week_index,
                day_of_week
            }
        ),
    ]
}

pub fn window() -> impl Strategy<Value = MaintenanceWindow> {
    (
        schedule(),
        0u32..30,
        -720i32..=840,
        proptest::option::of(date()),
        (0u32..24, 0u32..60),
        proptest::collection::vec((date(), 0i64..30), 0..3),
    )
        .prop_map(
            |(schedule, duration_hours, offset, start_date, (h, m), spans)| MaintenanceWindow {
                schedule,
                duration_hours,
                utc_offset: UtcOffset::from_minutes(offset),
                start_date,
                start_time: StartTime::new(h, m).unwrap(),
                not_allowed_dates: spans
                    .into_iter()
                    .map(|(start, days)| DateSpan {
                        start,
                        end: start + chrono::Duration::days(days),
                    })
                    .collect(),
            },
        )
}

fn default_config() -> impl Strategy<Value = DefaultConfig> {
    let legacy = (
        proptest::collection::vec(
            (
                select(DayOfWeek::ALL.to_vec()),
                proptest::collection::vec(0u32..24, 1..4),
            ),
            1..3,
        ),
        proptest::collection::vec((instant(), instant()), 0..2),
    )
        .prop_map(|(tiw, nat)| DefaultConfig::Legacy {
            time_in_week: tiw
                .into_iter()
                .map(|(day, hour_slots)| TimeInWeek { day, hour_slots })
                .collect(),
            not_allowed_time: nat
                .into_iter()
                .map(|(start, end)| TimeSpan { start, end })
                .collect(),
        });
    prop_oneof![window().prop_map(DefaultConfig::Window), legacy]
}

fn pool(name: String) -> impl Strategy<Value = AgentPool> {
    (
        any::<bool>(),
        select(OsSku::ALL.to_vec()),
        any::<bool>(),
        select(vec![
            "Standard_D4s_v5",
            "Standard_NC6s_v3",
            "Standard_D2s_v5",
        ]),
        0u32..200,
        (
            proptest::option::of(surge()),
            proptest::option::of(surge()),
            proptest::option::of(0u32..100),
            proptest::option::of(0u32..40),
            proptest::option::of(select(vec![
                UndrainableNodeBehavior::Cordon,
                UndrainableNodeBehavior::Schedule,
            ])),
            proptest::option::of(surge()),
        ),
    )
        .prop_map(
            move |(system, os_sku, gpu, vm, count, (ms, mu, dt, sd, ub, mb))| AgentPool {
                name: name.clone(),
                mode: if system {
                    PoolMode::System
                } else {
                    PoolMode::User
                },
                os_sku,
                gpu,
                vm_size: vm.to_owned(),
                count,
                upgrade_settings: UpgradeSettings {
                    max_surge: ms,
                    max_unavailable: mu,
                    drain_timeout_in_minutes: dt,
                    node_soak_duration_in_minutes: sd,
                    undrainable_node_behavior: ub,
                    max_blocked_nodes: mb,
                },
            },
        )
}

fn profile() -> impl Strategy<Value = AutoUpgradeProfile> {
    (
        select(UpgradeChannel::ALL.to_vec()),
        select(NodeOsChannel::ALL.to_vec()),
    )
        .prop_map(|(u, n)| AutoUpgradeProfile {
            upgrade_channel: u,
            node_os_upgrade_channel: n,
        })
}

/// A cluster named `name` whose free-text fields come from `text`.
pub fn cluster(
    name: String,
    text: impl Strategy<Value = String> + Clone,
) -> impl Strategy<Value = Cluster> {
    (
        text.clone(),
        text.clone(),
        text.clone(),
        proptest::option::of((1u32..2, 20u32..40, proptest::option::of(0u32..20))),
        proptest::collection::btree_map(text, "[a-z]{0,6}", 0..3),
        profile(),
        proptest::option::of(profile()),
        (1usize..4).prop_flat_map(|n| (0..n).map(|i| pool(format!("pool{i}"))).collect::<Vec<_>>()),
        (
            proptest::option::of(default_config()),
            proptest::option::of(window()),
            proptest::option::of(window()),
        ),
    )
        .prop_map(
            move |(
                rg,
                location,
                subscription,
                version,
                tags,
                auto,
                current,
                pools,
                (default, auto_upgrade, node_os),
            )| {
                let mut c = Cluster::new(name.clone());
                c.resource_group = rg;
                c.location = location;
                c.subscription = subscription;
                c.kubernetes_version = version.map(|(a, b, p)| KubernetesVersion::new(a, b, p));
                c.tags = tags.into_iter().collect::<BTreeMap<_, _>>();
                c.auto_upgrade_profile = auto;
                c.current_auto_upgrade_profile = current;
                c.agent_pool_profiles = pools;
                c.maintenance_configurations = MaintenanceConfigurations {
                    default,
                    auto_upgrade,
                    node_os,
                };
                c
            },
        )
}

/// Recorded free quota (`computeUsages`): ARM usage items under subscription and region keys
/// from `text` (so keys that look like link codes are covered), any counts.
pub fn compute_usages(
    text: impl Strategy<Value = String> + Clone,
) -> impl Strategy<Value = ComputeUsages> {
    let usage = (
        prop_oneof![
            Just("cores".to_owned()),
            Just("standardDSv5Family".to_owned()),
            text.clone()
        ],
        proptest::option::of(text.clone()),
        any::<u64>(),
        any::<u64>(),
        proptest::option::of(Just("Count".to_owned())),
    )
        .prop_map(
            |(value, localized_value, current_value, limit, unit)| Usage {
                name: UsageName {
                    value,
                    localized_value,
                },
                current_value,
                limit,
                unit,
            },
        );
    let regions =
        proptest::collection::btree_map(text.clone(), proptest::collection::vec(usage, 0..3), 1..3);
    proptest::collection::btree_map(text, regions, 0..3)
}

/// A plan of up to `max` clusters with distinct names; free text from `text`.
pub fn plan(
    max: usize,
    text: impl Strategy<Value = String> + Clone + 'static,
) -> impl Strategy<Value = Plan> {
    (text.clone(), 0..=max).prop_flat_map(move |(name, n)| {
        let clusters: Vec<_> = (0..n)
            .map(|i| cluster(format!("aks-{i}"), text.clone()))
            .collect();
        (Just(name), clusters, compute_usages(text.clone())).prop_map(
            |(name, clusters, compute_usages)| Plan {
                name,
                clusters: clusters.into(),
                compute_usages,
                ..Plan::default()
            },
        )
    })
}
