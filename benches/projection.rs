//! `cargo bench --bench projection`: 200 clusters × 3 pools × 26 weeks (issue 4 target:
//! < 16 ms natively). The fleet is `rules::demo::fleet`, the same generated estate the app's
//! `?bench=200` page measures in the browser, so the two figures are comparable.

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use planner::rules::demo::fleet;
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
