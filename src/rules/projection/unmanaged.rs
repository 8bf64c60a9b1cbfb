//! Unmanaged: the OS updater at ~06:00 UTC and, optionally, kured reboots (docs/aks-rules.md §1.1,
//! §1.7). Not governed by maintenance windows.

use chrono::{DateTime, Duration, NaiveTime, Utc};

use super::assumptions::ProjectionAssumptions;
use super::timeline::{
    EventKind, PatchRecord, PatchState, PoolEvent, PoolProjection, Releases, WindowSlot, index_u32,
    plus_minutes,
};

/// The next daily `hour`:00 UTC at or after `t`.
fn next_daily(t: DateTime<Utc>, hour: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour.min(23), 0, 0).unwrap_or(NaiveTime::MIN);
    let today = t.date_naive().and_time(time).and_utc();
    if today >= t {
        today
    } else {
        today + Duration::days(1)
    }
}

/// Unmanaged: the OS updater installs each security fix at the next ~06:00 UTC run after it
/// is published; fixes needing a reboot take effect only when kured reboots the nodes, one
/// node at a time (drain + reboot ≈ drain + reimage minutes per node), in its window (§1.1,
/// §1.7). Without kured they never take effect within the horizon.
pub(super) fn nightly(
    pools: &mut [PoolProjection],
    releases: &Releases,
    a: &ProjectionAssumptions,
    effective_from: DateTime<Utc>,
    to: DateTime<Utc>,
) {
    let r = &a.releases;
    for pool in pools.iter_mut() {
        let Some(stream) = pool.stream else { continue };
        let (offset, list) = releases.of(stream);
        for (j, rel) in list.iter().enumerate() {
            let release = index_u32(offset + j);
            let install = next_daily(
                rel.published.max(effective_from),
                r.unmanaged_patch_hour_utc,
            );
            if install >= to {
                pool.patches.push(PatchRecord {
                    release,
                    state: PatchState::NotWithinHorizon,
                    started: None,
                });
                continue;
            }
            pool.events.push(PoolEvent {
                release,
                covers: 1,
                kind: EventKind::NightlyPatch,
                scheduled: true,
                window: None,
                start: Some(install),
                end: Some(install),
                spill_minutes: 0,
            });
            let state = match (rel.needs_reimage, r.kured_reboot) {
                (false, _) => PatchState::Patched(install),
                (true, None) => PatchState::NotWithinHorizon,
                (true, Some(k)) => {
                    let start = next_daily(install, k.start_hour_utc);
                    let per_node = pool.upgrade.drain_minutes + a.timings.reimage_minutes;
                    let end = plus_minutes(start, per_node.saturating_mul(pool.upgrade.nodes));
                    if start >= to {
                        PatchState::NotWithinHorizon
                    } else {
                        let slot_end = start + Duration::hours(i64::from(k.duration_hours));
                        pool.events.push(PoolEvent {
                            release,
                            covers: 1,
                            kind: EventKind::Reboot,
                            scheduled: true,
                            window: Some(WindowSlot {
                                start,
                                end: slot_end,
                                blocked: false,
                            }),
                            start: Some(start),
                            end: Some(end),
                            spill_minutes: u32::try_from((end - slot_end).num_minutes().max(0))
                                .unwrap_or(u32::MAX),
                        });
                        PatchState::Patched(end)
                    }
                }
            };
            pool.patches.push(PatchRecord {
                release,
                state,
                started: Some(install),
            });
        }
    }
}
