//! `cargo bench --bench fleet`: the per-edit and per-save work of a 2,000-cluster plan
//! (issue 11): recording an undo step (a snapshot sharing unchanged clusters with the previous
//! one), a bulk change of every cluster, and packing the plan for local storage.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use planner::rules::bulk::{self, BulkChange};
use planner::rules::channel::NodeOsChannel;
use planner::rules::demo::fleet;
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

criterion_group!(benches, bench);
criterion_main!(benches);
