//! Unmanaged: the OS updater at ~06:00 UTC and, optionally, kured reboots (docs/aks-rules.md §1.1,
//! §1.7). Not governed by maintenance windows.

use chrono::{DateTime, Duration, Utc};

use super::assumptions::ProjectionAssumptions;
use super::timeline::{
    EventKind, PatchRecord, PatchState, PoolEvent, PoolProjection, Releases, WindowSlot, index_u32,
    plus_minutes,
};

/// The next daily `hour`:00 UTC at or after `t`. Counted in seconds since the epoch, where a
/// UTC day is 86,400 s: chrono's calendar (a date, a time of day, a day added) was the largest
/// part of projecting Unmanaged clusters (a bulk change of 2,000 clusters to Unmanaged).
fn next_daily(t: DateTime<Utc>, hour: u32) -> DateTime<Utc> {
    const DAY: i64 = 86_400;
    let secs = t.timestamp();
    let today = secs.div_euclid(DAY) * DAY + i64::from(hour.min(23)) * 3_600;
    let at_or_after = today > secs || (today == secs && t.timestamp_subsec_nanos() == 0);
    let at = if at_or_after { today } else { today + DAY };
    DateTime::from_timestamp(at, 0).unwrap_or(t)
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
        // One record per release, and an install (and perhaps a reboot) per release.
        pool.patches.reserve_exact(list.len());
        pool.events.reserve(list.len());
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

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, TimeZone};
    use proptest::prelude::*;

    use super::*;

    /// The calendar's answer: today's `hour`:00, or tomorrow's when that is before `t`.
    fn by_calendar(t: DateTime<Utc>, hour: u32) -> DateTime<Utc> {
        let time = NaiveTime::from_hms_opt(hour.min(23), 0, 0).unwrap_or(NaiveTime::MIN);
        let today = t.date_naive().and_time(time).and_utc();
        if today >= t {
            today
        } else {
            today + Duration::days(1)
        }
    }

    proptest! {
        #[test]
        fn next_daily_is_the_calendars_next_hour(
            secs in -2_208_988_800i64..4_102_444_800,
            nanos in prop_oneof![Just(0u32), 1u32..1_000_000_000],
            hour in prop_oneof![0u32..24, any::<u32>()],
        ) {
            let t = Utc.timestamp_opt(secs, nanos).single().unwrap();
            prop_assert_eq!(next_daily(t, hour), by_calendar(t, hour));
        }
    }

    #[test]
    fn next_daily_on_the_hour_is_that_hour() {
        let t = Utc.with_ymd_and_hms(2026, 12, 31, 6, 0, 0).unwrap();
        assert_eq!(next_daily(t, 6), t);
        let later = t + Duration::seconds(1);
        let next = Utc.with_ymd_and_hms(2027, 1, 1, 6, 0, 0).unwrap();
        assert_eq!(next_daily(later, 6), next);
        let before = Utc.with_ymd_and_hms(1969, 12, 31, 23, 30, 0).unwrap();
        let midnight = Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(next_daily(before, 0), midnight);
    }
}
