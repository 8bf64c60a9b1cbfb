//! What a Kubernetes upgrade does to node OS exposure: "every Kubernetes upgrade also moves
//! the nodes to the latest node image" (docs/aks-rules.md §2 rule 2, D-AUC note). So each pool's
//! step of a scheduled Kubernetes upgrade delivers, at its end, every node image available in
//! the region when the step started — whatever the node OS channel, even None or Unmanaged —
//! and with it the security fixes published before that image (§1.3).
//!
//! AKS-determined upgrades have no date (§8 A-13): what they deliver — at least every image in
//! the region when their version arrived — becomes "AKS-determined" instead of "not within the
//! horizon", so it is counted apart rather than as a miss.

use chrono::{DateTime, Utc};

use super::super::assumptions::ReleaseAssumptions;
use super::super::release::{Release, Stream, newest_linux_image_published};
use super::super::timeline::{PatchRecord, PatchState, PoolProjection, Releases};

/// One pool step of a scheduled Kubernetes upgrade, as the node OS placement sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Releases `..prefix` of the pool's stream list are in the image the step installs.
    pub prefix: usize,
}

/// How many releases of `list` (one stream, in publication order) the newest node image
/// available at `at` contains: images already in the region, security fixes published before
/// that image.
pub fn covered(list: &[Release], at: DateTime<Utc>, a: &ReleaseAssumptions) -> usize {
    match list.first().map(|r| r.stream) {
        Some(Stream::LinuxNodeImage | Stream::WindowsNodeImage) => {
            list.partition_point(|r| r.available <= at)
        }
        Some(Stream::Security) => {
            let image = newest_linux_image_published(a, at);
            list.partition_point(|r| r.published <= image)
        }
        Some(Stream::Kubernetes) | None => 0,
    }
}

/// The deliveries of `pool`'s scheduled Kubernetes steps for its node OS stream, in time order.
pub fn deliveries(
    pool: &PoolProjection,
    releases: &Releases,
    a: &ReleaseAssumptions,
) -> Vec<Delivery> {
    let Some(stream) = pool.stream else {
        return Vec::new();
    };
    let (_, list) = releases.of(stream);
    pool.kubernetes_events
        .iter()
        .filter_map(|e| {
            let (start, end) = (e.start?, e.end?);
            Some(Delivery {
                start,
                end,
                prefix: covered(list, start, a),
            })
        })
        .collect()
}

/// Marks every release of `pool`'s patch records that a Kubernetes step delivered earlier than
/// the node OS channel did (or at all) as patched at that step's end.
pub fn apply(pool: &mut PoolProjection, releases: &Releases, a: &ReleaseAssumptions) {
    if pool.kubernetes_events.is_empty() {
        return;
    }
    // All records of a pool follow one stream (its own or the one it misses), in order.
    let Some(stream) = pool
        .patches
        .first()
        .and_then(|r| releases.all.get(r.release as usize))
        .map(|r| r.stream)
    else {
        return;
    };
    let (offset, list) = releases.of(stream);
    // Per dated step: (start, end, releases `..prefix` it delivers); prefixes only grow.
    let steps: Vec<(DateTime<Utc>, DateTime<Utc>, usize)> = pool
        .kubernetes_events
        .iter()
        .filter_map(|e| {
            let (start, end) = (e.start?, e.end?);
            Some((start, end, covered(list, start, a)))
        })
        .collect();
    // Undated upgrades: the arrival of the version they install bounds what they deliver.
    let undated = pool
        .kubernetes_events
        .iter()
        .filter(|e| !e.scheduled)
        .filter_map(|e| releases.all.get(e.release as usize))
        .map(|k| covered(list, k.available, a))
        .max()
        .unwrap_or(0);
    for rec in &mut pool.patches {
        let Some(j) = (rec.release as usize).checked_sub(offset) else {
            continue;
        };
        let first = steps.partition_point(|s| s.2 <= j);
        let Some(&(start, end, _)) = steps.get(first) else {
            if rec.state == PatchState::NotWithinHorizon && j < undated {
                rec.state = PatchState::AksDetermined;
            }
            continue;
        };
        let earlier = match rec.state {
            PatchState::Patched(t) => end < t,
            PatchState::NotWithinHorizon => true,
            // No date to compare with; the planner does not invent one (§8 A-13).
            PatchState::AksDetermined => false,
        };
        if earlier {
            *rec = PatchRecord {
                release: rec.release,
                state: PatchState::Patched(end),
                started: Some(start),
            };
        }
    }
}
