//! `cargo bench --bench eta`: the fix ETA (issue 9) for the 200-cluster bench fleet
//! (`rules::demo::fleet`, the estate the app's `?bench=200` page measures), with and without
//! the what-if suggestions. Target: < 16 ms in Chromium (README "Performance").

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use planner::rules::demo::fleet;
use planner::rules::eta::sla::Sla;
use planner::rules::eta::whatif::suggestions;
use planner::rules::eta::{EtaQuestion, fleet_eta};

fn bench(c: &mut Criterion) {
    let plan = fleet(200);
    assert_eq!(plan.clusters.len(), 200, "the generated fleet must parse");
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut q = EtaQuestion {
        sla: Sla::CyberEssentials,
        ..EtaQuestion::default()
    };
    q.set_image_text("202606.08.1")
        .unwrap_or_else(|e| panic!("{e}"));
    // Exposure from the AKS release (2026-06-19): the Cyber Essentials deadline is ahead, so
    // the what-if search runs for every pool that misses it (the expensive case).
    let pools: usize = plan
        .clusters
        .iter()
        .map(|c| c.agent_pool_profiles.len())
        .sum();
    assert_eq!(fleet_eta(&plan, &q, now).pools.len(), pools);
    c.bench_function("fix ETA for 200 clusters", |b| {
        b.iter(|| fleet_eta(black_box(&plan), black_box(&q), black_box(now)))
    });
    c.bench_function("fix ETA and what-if suggestions for 200 clusters", |b| {
        b.iter(|| {
            let eta = fleet_eta(black_box(&plan), black_box(&q), black_box(now));
            suggestions(&plan, &q, &eta, now)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
