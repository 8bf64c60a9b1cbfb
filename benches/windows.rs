//! Issue 3 benchmark: 1,000 clusters × 3 configurations × one year of maintenance windows,
//! through the same entry point the CLI and the app use (`MaintenanceConfigurations::occurrences`).
//!
//! Run: `cargo bench --bench windows`.

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use planner::rules::cluster::Cluster;
use planner::rules::maintenance::{ConfigName, RecurrenceOptions};
use std::hint::black_box;

#[path = "support/windows_fleet.rs"]
mod windows_fleet;
use windows_fleet::{CLUSTERS, cluster_json};

/// The fleet, parsed: a varied mix of every schedule kind, offsets, intervals and blackouts.
fn fleet() -> Vec<Cluster> {
    (0..CLUSTERS)
        .map(|i| serde_json::from_str(&cluster_json(i)).unwrap())
        .collect()
}

/// Every window of every configuration starting within a year of `from`; returns the count.
fn one_year(fleet: &[Cluster], from: DateTime<Utc>, options: RecurrenceOptions) -> usize {
    let until = from + TimeDelta::days(365);
    fleet
        .iter()
        .flat_map(|c| {
            ConfigName::ALL.into_iter().filter_map(move |name| {
                c.maintenance_configurations
                    .occurrences(name, from, options)
            })
        })
        .map(|it| it.take_while(|o| o.start < until).count())
        .sum()
}

fn bench(c: &mut Criterion) {
    let fleet = fleet();
    let from: DateTime<Utc> = "2027-01-01T00:00:00Z".parse().unwrap();
    let options = RecurrenceOptions::default();
    let total = one_year(&fleet, from, options);
    eprintln!("{CLUSTERS} clusters × 3 configurations × 1 year = {total} windows");
    c.bench_function("windows_1000_clusters_3_configs_1_year", |b| {
        b.iter(|| one_year(black_box(&fleet), black_box(from), options))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
