//! `cargo bench --bench projection`: 200 clusters × 3 pools × 26 weeks (issue 4 target:
//! < 16 ms natively). The fleet is `rules::demo::fleet`, the same generated estate the app's
//! `?bench=200` page measures in the browser, so the two figures are comparable. A second
//! benchmark measures the app's per-edit path: the cached projection after a one-cluster edit.

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use planner::rules::demo::fleet;
use planner::rules::projection::cache::ProjectionCache;
use planner::rules::projection::project;

fn bench(c: &mut Criterion) {
    let plan = fleet(200);
    assert_eq!(plan.clusters.len(), 200, "the generated fleet must parse");
    let from: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-01T00:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("project 200 clusters x 3 pools x 26 weeks", |b| {
        b.iter(|| project(black_box(&plan), black_box(from), 26))
    });
    // What the app does per edit (rules::projection::cache): each iteration switches between
    // two plans that differ in one cluster's maxSurge, so one cluster is projected again.
    let mut edited = plan.clone();
    edited.clusters[7].agent_pool_profiles[1]
        .upgrade_settings
        .max_surge = Some("5".parse().unwrap_or_else(|e| panic!("{e}")));
    let plans = [&plan, &edited];
    let mut cache = ProjectionCache::default();
    let mut k = 0;
    c.bench_function("project with the cache after a one-cluster edit", |b| {
        b.iter(|| {
            k = 1 - k;
            cache.project(black_box(plans[k]), black_box(from), 26)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
