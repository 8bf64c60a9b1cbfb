//! Placing NodeImage / SecurityPatch upgrades: into maintenance windows (docs/aks-rules.md §3.6,
//! §3.7, §8 A-12) or, without a window, at AKS-determined times that are never dated (§8 A-13).

use chrono::{DateTime, Utc};

use super::assumptions::ProjectionAssumptions;
use super::duration::UpgradePath;
use super::kubernetes::delivery::Delivery;
use super::release::Release;
use super::timeline::{
    EventKind, PatchRecord, PatchState, PoolEvent, PoolProjection, Releases, WindowSlot, index_u32,
    plus_minutes,
};

/// NodeImage / SecurityPatch in maintenance windows. Pools go one after another; a pool starts
/// only while the window is open and takes the newest release available when it starts; work
/// in flight at the window end continues (spill), the remaining pools wait for the next
/// window, where they go first (§3.7, §8 A-12). A newer release arriving while the window is
/// still open is applied in the same window (§1.3 "upgraded twice"). Releases a Kubernetes
/// upgrade delivered before the window (`deliveries[i]` for pool i, §2 rule 2) are not
/// reimaged again.
pub(crate) fn in_windows(
    pools: &mut [PoolProjection],
    windows: &[WindowSlot],
    releases: &Releases,
    a: &ProjectionAssumptions,
    effective_from: DateTime<Utc>,
    deliveries: &[Vec<Delivery>],
) {
    let n = pools.len();
    if n == 0 {
        return;
    }
    for pool in pools.iter_mut() {
        if let Some(stream) = pool.stream {
            let len = releases.of(stream).1.len();
            pool.patches.reserve_exact(len);
            pool.events.reserve(len);
        }
    }
    // Next release each pool still needs (index within its stream).
    let mut next = vec![0usize; n];
    // Next Kubernetes delivery each pool has not caught up with.
    let mut delivered = vec![0usize; n];
    let mut resume = 0usize;
    // Each pool's stream, looked up once (this loop runs per window on every edit).
    let lists: Vec<(usize, &[Release])> = pools
        .iter()
        .map(|p| p.stream.map_or((0, &[][..]), |s| releases.of(s)))
        .collect();
    // What `available_at` last answered for each pool.
    let mut last_available = vec![(DateTime::<Utc>::MIN_UTC, 0usize); n];
    for slot in windows.iter().filter(|w| !w.blocked) {
        let mut cursor = slot.start.max(effective_from);
        if cursor >= slot.end {
            continue;
        }
        for (i, pool) in pools.iter_mut().enumerate() {
            if let Some(d) = deliveries.get(i).filter(|d| delivered[i] < d.len()) {
                catch_up(pool, lists[i].0, &mut next[i], &mut delivered[i], d, cursor);
            }
        }
        // Nothing reaches the region before this window closes: no work, no deferral.
        let nothing_due = lists
            .iter()
            .zip(&next)
            .all(|((_, list), &k)| list.get(k).is_none_or(|r| r.available >= slot.end));
        if nothing_due {
            continue;
        }
        let mut first_deferred: Option<usize> = None;
        'passes: loop {
            let mut progressed = false;
            for step in 0..n {
                let i = (resume + step) % n;
                let pool = &mut pools[i];
                let (offset, list) = lists[i];
                if let Some(d) = deliveries.get(i).filter(|d| delivered[i] < d.len()) {
                    catch_up(pool, offset, &mut next[i], &mut delivered[i], d, cursor);
                }
                let available = available_at(list, &mut last_available[i], cursor);
                if available <= next[i] {
                    continue;
                }
                let pending = &list[next[i]..available];
                let reimage = pending.iter().any(|r| r.needs_reimage);
                if reimage && pool.upgrade.path == UpgradePath::Stalled {
                    continue;
                }
                if cursor >= slot.end {
                    pool.deferred.push(slot.end);
                    first_deferred.get_or_insert(i);
                    continue;
                }
                let took = if reimage {
                    pool.upgrade.minutes
                } else {
                    a.timings.live_patch_minutes
                };
                let end = plus_minutes(cursor, took);
                let spill = (end - slot.end).num_minutes().max(0);
                let release = index_u32(offset + available - 1);
                pool.events.push(PoolEvent {
                    release,
                    covers: index_u32(pending.len()),
                    kind: if reimage {
                        EventKind::Reimage
                    } else {
                        EventKind::LivePatch
                    },
                    scheduled: true,
                    window: Some(*slot),
                    start: Some(cursor),
                    end: Some(end),
                    spill_minutes: u32::try_from(spill).unwrap_or(u32::MAX),
                });
                for j in next[i]..available {
                    pool.patches.push(PatchRecord {
                        release: index_u32(offset + j),
                        state: PatchState::Patched(end),
                        started: Some(cursor),
                    });
                }
                next[i] = available;
                cursor = end;
                progressed = true;
            }
            if first_deferred.is_some() {
                break 'passes;
            }
            if !progressed {
                // A release reaching the region while the window is still open is applied in
                // the same window: the pool may be upgraded twice (§1.3, §3.7).
                let arrival = lists
                    .iter()
                    .zip(&next)
                    .filter_map(|((_, list), &k)| list.get(k).map(|r| r.available))
                    .filter(|&t| t > cursor && t < slot.end)
                    .min();
                match arrival {
                    Some(t) => cursor = t,
                    None => break 'passes,
                }
            }
        }
        resume = first_deferred.unwrap_or(0);
    }
    for (i, pool) in pools.iter_mut().enumerate() {
        if let Some(stream) = pool.stream {
            let (offset, list) = releases.of(stream);
            for j in next[i]..list.len() {
                pool.patches.push(PatchRecord {
                    release: index_u32(offset + j),
                    state: PatchState::NotWithinHorizon,
                    started: None,
                });
            }
        }
    }
}

/// How many releases of `list` (in time order) are available at `cursor`:
/// `list.partition_point(|r| r.available <= cursor)`. The cursor moves forward within a window
/// and windows come in order, so the count steps on from the last answer (`last`, for the last
/// cursor) instead of searching the list again for every pool at every step (issue 11: the
/// searches were a fifth of projecting a 2,000-cluster fleet); a spill that leaves the cursor
/// behind the last one searches.
fn available_at(
    list: &[Release],
    last: &mut (DateTime<Utc>, usize),
    cursor: DateTime<Utc>,
) -> usize {
    let (at, count) = *last;
    let now = match list.get(count..) {
        Some(rest) if cursor >= at => {
            count + rest.iter().take_while(|r| r.available <= cursor).count()
        }
        _ => list.partition_point(|r| r.available <= cursor),
    };
    *last = (cursor, now);
    now
}

/// Records the releases Kubernetes steps ending by `cursor` delivered to the pool, so the node
/// OS channel does not reimage for them again (§2 rule 2).
fn catch_up(
    pool: &mut PoolProjection,
    offset: usize,
    next: &mut usize,
    done: &mut usize,
    deliveries: &[Delivery],
    cursor: DateTime<Utc>,
) {
    while let Some(d) = deliveries.get(*done).filter(|d| d.end <= cursor) {
        for j in *next..d.prefix {
            pool.patches.push(PatchRecord {
                release: index_u32(offset + j),
                state: PatchState::Patched(d.end),
                started: Some(d.start),
            });
        }
        *next = (*next).max(d.prefix);
        *done += 1;
    }
}

/// No window: every release is applied at an AKS-determined time (§8 A-13).
pub(super) fn unscheduled(pools: &mut [PoolProjection], releases: &Releases) {
    for pool in pools.iter_mut() {
        let Some(stream) = pool.stream else { continue };
        let (offset, list) = releases.of(stream);
        for (j, r) in list.iter().enumerate() {
            let release = index_u32(offset + j);
            pool.events.push(PoolEvent {
                release,
                covers: 1,
                kind: if r.needs_reimage {
                    EventKind::Reimage
                } else {
                    EventKind::LivePatch
                },
                scheduled: false,
                window: None,
                start: None,
                end: None,
                spill_minutes: 0,
            });
            pool.patches.push(PatchRecord {
                release,
                state: PatchState::AksDetermined,
                started: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::super::release::Stream;
    use super::*;

    proptest! {
        #[test]
        fn stepping_on_counts_what_a_search_counts(
            gaps in proptest::collection::vec(0i64..5, 0..30),
            cursors in proptest::collection::vec(0i64..100, 1..40),
        ) {
            let t0 = Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap();
            let hour = |h: i64| t0 + chrono::Duration::hours(h);
            let mut at = 0;
            let list: Vec<Release> = gaps
                .iter()
                .map(|g| {
                    at += g;
                    Release {
                        stream: Stream::Security,
                        label: String::new(),
                        published: hour(at),
                        available: hour(at),
                        needs_reimage: false,
                    }
                })
                .collect();
            // Cursors going forward and, sometimes, back (a spill past the next window).
            let mut last = (DateTime::<Utc>::MIN_UTC, 0);
            for c in cursors {
                let cursor = hour(c);
                let expected = list.partition_point(|r| r.available <= cursor);
                prop_assert_eq!(available_at(&list, &mut last, cursor), expected);
            }
        }
    }
}
