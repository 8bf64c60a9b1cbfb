//! `cargo bench --bench projection`: 200 clusters × 3 pools × 26 weeks (issue 4 target:
//! < 16 ms natively). The fleet mixes channels and window cadences like a real estate.

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use planner::rules::channel::NodeOsChannel;
use planner::rules::cluster::Cluster;
use planner::rules::maintenance::MaintenanceConfigurations;
use planner::rules::plan::Plan;
use planner::rules::projection::project;

fn fleet(clusters: usize) -> Plan {
    let schedules = [
        r#"{"daily":{"intervalDays":1}}"#,
        r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Saturday"}}"#,
        r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Tuesday"}}"#,
    ];
    let mut plan = Plan::default();
    for i in 0..clusters {
        let mut c = Cluster::new(format!("aks-{i:03}"));
        c.subscription = format!("sub-{}", i % 10);
        c.tags.insert("ring".into(), (i % 3).to_string());
        c.auto_upgrade_profile.node_os_upgrade_channel = if i % 2 == 0 {
            NodeOsChannel::NodeImage
        } else {
            NodeOsChannel::SecurityPatch
        };
        for (j, (sku, count, surge)) in [
            ("Ubuntu", 3, "33%"),
            ("Ubuntu", 12, "33%"),
            ("AzureLinux", 40, "10%"),
        ]
        .into_iter()
        .enumerate()
        {
            c.agent_pool_profiles.push(
                serde_json::from_str(&format!(
                    r#"{{"name":"p{j}","osSKU":"{sku}","vmSize":"Standard_D8s_v5","count":{count},"upgradeSettings":{{"maxSurge":"{surge}"}}}}"#
                ))
                .unwrap_or_else(|e| panic!("pool json: {e}")),
            );
        }
        let json = format!(
            r#"[{{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{{"schedule":{},"durationHours":4,"utcOffset":"+01:00","startTime":"{:02}:00"}}}}]"#,
            schedules[i % 3],
            i % 24
        );
        c.maintenance_configurations = serde_json::from_str::<MaintenanceConfigurations>(&json)
            .unwrap_or_else(|e| panic!("window json: {e}"));
        plan.clusters.push(c);
    }
    plan
}

fn bench(c: &mut Criterion) {
    let plan = fleet(200);
    let from: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-01T00:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("project 200 clusters x 3 pools x 26 weeks", |b| {
        b.iter(|| project(black_box(&plan), black_box(from), 26))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
