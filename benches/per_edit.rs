//! Issue 11, "Scale": the rule core's work per edit as the app does it
//! (`ProjectionCache::project`, every summary included, then the plan checks,
//! `FindingsCache::all`, given the projection's findings and quota), after a step timing
//! (every cluster projected again), after renaming one cluster, after removing the first
//! one (every other cluster shifts) and after a bulk change of every cluster's node OS channel
//! (alternately Unmanaged and NodeImage, as `tests/e2e/fleet-bench.mjs` does), at 200 to 5,000
//! clusters of the bench fleet
//! (`rules::demo::fleet`, full workload). Medians of 9 edits; the results an edit replaced are
//! dropped outside the timing, as the app frees them after the frame is painted.
//!
//! `cargo bench --bench per_edit`. To compare with another commit, build the same file there
//! (`git worktree add /tmp/base <commit>`, copy this file, `cargo bench --bench per_edit`) and
//! run the two one after the other: README "Work per edit, part 2" has such a pair.

use std::time::{Duration, Instant};

use chrono::TimeZone;
use planner::rules::bulk::{self, BulkChange};
use planner::rules::channel::NodeOsChannel;
use planner::rules::demo::fleet;
use planner::rules::edit;
use planner::rules::findings::cache::{FindingsCache, Projected};
use planner::rules::projection::HORIZON_WEEKS;
use planner::rules::projection::cache::ProjectionCache;

fn median_ms(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v.get(v.len() / 2).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

fn main() {
    let Some(now) = chrono::Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).single() else {
        return;
    };
    for n in [200u32, 1000, 2000, 5000] {
        let mut plan = fleet(n);
        let mut cache = ProjectionCache::default();
        let mut checks = FindingsCache::default();
        let now_at = Some(now);
        // One edit as the app makes it: the projection, then the plan checks merged with it.
        let mut apply = |plan: &planner::rules::plan::Plan| {
            let p = cache.project(plan, now, HORIZON_WEEKS);
            let projected = Projected {
                findings: &p.findings,
                quota: Some(&p.quota),
            };
            let f = checks.all(plan, now_at, projected);
            (cache.projected(), p, f)
        };
        let mut replaced = vec![apply(&plan)];
        let mut renamed_projected = 0;
        let (mut step, mut rename, mut remove) = (Vec::new(), Vec::new(), Vec::new());
        let mut bulk_change = Vec::new();
        for k in 0..9u32 {
            plan.assumptions.projection.timings.drain_minutes = 3 + (k % 5);
            let t = Instant::now();
            replaced.push(apply(&plan));
            step.push(t.elapsed());
            if let Some(c) = plan.clusters.get_mut(0) {
                c.name = format!("aks-x{k}");
            }
            let t = Instant::now();
            let renamed = apply(&plan);
            rename.push(t.elapsed());
            renamed_projected = renamed.0;
            replaced.push(renamed);
            if edit::remove_cluster(&mut plan, 0).is_ok() {
                let t = Instant::now();
                replaced.push(apply(&plan));
                remove.push(t.elapsed());
            }
            let channel = [NodeOsChannel::Unmanaged, NodeOsChannel::NodeImage][k as usize % 2];
            let every: Vec<usize> = (0..plan.clusters.len()).collect();
            if bulk::apply(&mut plan, &every, &BulkChange::NodeOsChannel(channel)).is_ok() {
                let t = Instant::now();
                replaced.push(apply(&plan));
                bulk_change.push(t.elapsed());
            }
            replaced.clear();
        }
        println!(
            "{n} clusters: step timing {:.1} ms, rename {:.1} ms, remove the first {:.1} ms, bulk change of every channel {:.1} ms (projected after a rename: {renamed_projected})",
            median_ms(step),
            median_ms(rename),
            median_ms(remove),
            median_ms(bulk_change),
        );
    }
}
