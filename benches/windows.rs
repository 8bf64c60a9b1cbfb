//! Issue 3 benchmark: 1,000 clusters × 3 configurations × one year of maintenance windows,
//! through the same entry point the CLI and the app use (`MaintenanceConfigurations::occurrences`).
//!
//! Run: `cargo bench --bench windows`.

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use planner::rules::cluster::Cluster;
use planner::rules::maintenance::{ConfigName, RecurrenceOptions};
use std::hint::black_box;

const CLUSTERS: usize = 1_000;

/// A varied fleet: every schedule kind, offsets, intervals, blackouts and the legacy form.
fn fleet() -> Vec<Cluster> {
    let days = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    let index = ["First", "Second", "Third", "Fourth", "Last"];
    (0..CLUSTERS)
        .map(|i| {
            let day = days[i % 7];
            let default = if i % 5 == 0 {
                format!(r#"{{"name":"default","timeInWeek":[{{"day":"{day}","hourSlots":[1,2,3]}}]}}"#)
            } else {
                format!(
                    r#"{{"name":"default","maintenanceWindow":{{"schedule":{{"weekly":{{"intervalWeeks":1,"dayOfWeek":"{day}"}}}},
                        "durationHours":4,"startTime":"01:00"}}}}"#
                )
            };
            let auto = if i % 2 == 0 {
                format!(
                    r#"{{"relativeMonthly":{{"intervalMonths":{},"weekIndex":"{}","dayOfWeek":"{day}"}}}}"#,
                    1 + i % 3,
                    index[i % 5]
                )
            } else {
                format!(r#"{{"absoluteMonthly":{{"intervalMonths":1,"dayOfMonth":{}}}}}"#, 1 + i % 31)
            };
            let node = if i % 3 == 0 {
                format!(r#"{{"daily":{{"intervalDays":{}}}}}"#, 1 + i % 7)
            } else {
                format!(r#"{{"weekly":{{"intervalWeeks":{},"dayOfWeek":"{day}"}}}}"#, 1 + i % 4)
            };
            let json = format!(
                r#"{{"name":"aks-{i}","maintenanceConfigurations":[{default},
                  {{"name":"aksManagedAutoUpgradeSchedule","maintenanceWindow":{{"schedule":{auto},
                    "durationHours":8,"utcOffset":"+05:30","startDate":"2027-01-0{}","startTime":"22:00"}}}},
                  {{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{{"schedule":{node},
                    "durationHours":6,"utcOffset":"-08:00","startTime":"{:02}:30",
                    "notAllowedDates":[{{"start":"2027-12-20","end":"2028-01-02"}},{{"start":"2027-06-01","end":"2027-06-07"}}]}}}}]}}"#,
                1 + i % 9,
                i % 24
            );
            serde_json::from_str(&json).unwrap()
        })
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
