//! `cargo bench --bench fleet`: the per-edit and per-save work of a 2,000-cluster plan
//! (issue 11): recording an undo step (a snapshot sharing unchanged clusters with the previous
//! one), a bulk change of every cluster, and packing the plan for local storage; then each
//! piece of the app's per-edit work (`src/ui/state.rs`) measured alone, for a rename of one
//! cluster and for a step timing (which changes every cluster's projection): copying and
//! comparing the plan, the plan checks and the projection (whole, and through the caches the
//! app keeps), and merging the findings.

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use planner::rules::bulk::{self, BulkChange};
use planner::rules::channel::NodeOsChannel;
use planner::rules::demo::fleet;
use planner::rules::findings;
use planner::rules::findings::cache::{FindingsCache, Projected};
use planner::rules::projection::cache::ProjectionCache;
use planner::rules::projection::{HORIZON_WEEKS, project};
use planner::rules::saved::{self, SavedPlan};
use planner::rules::snapshot::Snapshot;

fn bench(c: &mut Criterion) {
    let plan = fleet(2_000);
    assert_eq!(plan.clusters.len(), 2_000, "the generated fleet must parse");
    let previous = Snapshot::new(plan.clone(), None);
    let mut renamed = plan.clone();
    renamed.clusters[1_000].name = "renamed".into();
    c.bench_function("undo step of a one-cluster edit, 2,000 clusters", |b| {
        b.iter(|| Snapshot::new(black_box(renamed.clone()), Some(&previous)))
    });
    let all: Vec<usize> = (0..plan.clusters.len()).collect();
    let change = BulkChange::NodeOsChannel(NodeOsChannel::SecurityPatch);
    c.bench_function("bulk change of 2,000 clusters", |b| {
        b.iter(|| {
            let mut p = plan.clone();
            bulk::apply(&mut p, black_box(&all), black_box(&change)).map(|()| p)
        })
    });
    c.bench_function("pack 2,000 clusters for local storage", |b| {
        b.iter(|| SavedPlan::new(black_box(&plan), 1, "bench").to_text())
    });
    let text = SavedPlan::new(&plan, 1, "bench").to_text();
    c.bench_function("read 2,000 clusters back from local storage", |b| {
        b.iter(|| saved::read(black_box(&text)))
    });
}

/// Each piece of one edit's work at 2,000 clusters, alone.
fn per_edit(c: &mut Criterion) {
    let plan = fleet(2_000);
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-02T08:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut renamed = plan.clone();
    renamed.clusters[1_000].name = "renamed".into();
    let mut timed = plan.clone();
    timed.assumptions.projection.timings.drain_minutes += 1;
    c.bench_function("copy, change and compare the plan, 2,000 clusters", |b| {
        b.iter(|| {
            let mut next = black_box(&plan).clone();
            next.clusters[1_000].name = "renamed".into();
            next != plan
        })
    });
    c.bench_function("plan checks (findings::check_at), 2,000 clusters", |b| {
        b.iter(|| findings::check_at(black_box(&plan), Some(now)))
    });
    c.bench_function("project 2,000 clusters x 3 pools x 26 weeks", |b| {
        b.iter(|| project(black_box(&plan), now, HORIZON_WEEKS))
    });
    for (what, edited) in [("a rename", &renamed), ("a step timing", &timed)] {
        let plans = [&plan, edited];
        let mut cache = ProjectionCache::default();
        let mut k = 0;
        c.bench_function(
            &format!("projection cache after {what}, 2,000 clusters"),
            |b| {
                b.iter(|| {
                    k = 1 - k;
                    cache.project(black_box(plans[k]), now, HORIZON_WEEKS)
                })
            },
        );
    }
    for (what, edited) in [("a rename", &renamed), ("a step timing", &timed)] {
        let plans = [&plan, edited];
        let projected = [
            project(&plan, now, HORIZON_WEEKS),
            project(edited, now, HORIZON_WEEKS),
        ];
        let mut cache = FindingsCache::default();
        let mut k = 0;
        c.bench_function(
            &format!("findings cache after {what}, 2,000 clusters"),
            |b| {
                b.iter(|| {
                    k = 1 - k;
                    let known = Projected {
                        findings: &projected[k].findings,
                        quota: Some(&projected[k].quota),
                    };
                    cache.all(black_box(plans[k]), Some(now), known)
                })
            },
        );
    }
    let checked = findings::check_at(&plan, Some(now));
    let projected = project(&plan, now, HORIZON_WEEKS).findings;
    c.bench_function("merge the findings, 2,000 clusters", |b| {
        b.iter(|| findings::merge(black_box(checked.clone()), black_box(&projected)))
    });
}

criterion_group!(benches, bench, per_edit);
criterion_main!(benches);
