//! Placing the fix into node OS windows (docs/aks-rules.md §3.6, §3.7): per case (earliest,
//! likely, latest), the pools of a cluster one after another, each in the first unblocked
//! window open at or after the fix reaches the region.

use chrono::{DateTime, Duration, Utc};

use super::compute::Route;
use super::result::{DatedEta, Outcome, PoolEta, Span, Verdict, midnight};
use crate::rules::cluster::Cluster;
use crate::rules::maintenance::RecurrenceOptions;

/// How far past the fix reaching the region a window is looked for.
pub const SEARCH_DAYS: i64 = 366;

/// Start, end and spill minutes of one placed upgrade.
type Placed = Option<(DateTime<Utc>, DateTime<Utc>, u32)>;

/// One pool waiting for a window.
pub(super) struct Waiting {
    pub pool: usize,
    pub ready: Span,
    pub minutes: [u32; 3],
}

/// A pool's fix: image label, build, release and in-region spans, and route.
pub(super) type Fix = Option<(String, Span, Span, Span, Route)>;

/// Places the waiting pools in the node OS windows, one pool after another, for each of the
/// three cases (docs/aks-rules.md §3.7: in-flight work continues past the window end; a pool
/// starts only while the window is open).
pub(super) fn place(
    cluster: &Cluster,
    waiting: &[Waiting],
    recurrence: RecurrenceOptions,
    from: DateTime<Utc>,
    out: &mut [PoolEta],
    fixes: &[Fix],
) {
    let Some(window) = cluster.maintenance_configurations.node_os.as_ref() else {
        return;
    };
    if waiting.is_empty() {
        return;
    }
    let horizon = waiting
        .iter()
        .map(|w| w.ready.latest)
        .max()
        .unwrap_or(from)
        .max(from)
        + Duration::days(SEARCH_DAYS);
    let slots: Vec<(DateTime<Utc>, DateTime<Utc>)> = window
        .occurrences(from, recurrence)
        .take_while(|o| o.start < horizon)
        .filter(|o| !o.blocked)
        .map(|o| (o.start, o.end))
        .collect();
    let per_case: [Vec<Placed>; 3] = [0, 1, 2].map(|case| {
        let mut placed: Vec<Placed> = vec![None; waiting.len()];
        let mut order: Vec<usize> = (0..waiting.len()).collect();
        crate::rules::stable_sort::sort_by_key(&mut order, |&k| {
            (waiting[k].ready.get(case), waiting[k].pool)
        });
        let mut busy = from;
        let mut s = 0usize;
        for k in order {
            let w = &waiting[k];
            let t = w.ready.get(case).max(busy).max(from);
            while s < slots.len() && slots[s].1 <= t {
                s += 1;
            }
            let Some(&(start, end)) = slots.get(s) else {
                continue;
            };
            let begin = start.max(t);
            let finish = begin + Duration::minutes(i64::from(w.minutes[case]));
            let spill = u32::try_from((finish - end).num_minutes().max(0)).unwrap_or(u32::MAX);
            placed[k] = Some((begin, finish, spill));
            busy = finish;
        }
        placed
    });
    for (k, w) in waiting.iter().enumerate() {
        let res = [per_case[0][k], per_case[1][k], per_case[2][k]];
        let eta = &mut out[w.pool];
        let Some((_, built, _, in_region, route)) = &fixes[w.pool] else {
            continue;
        };
        let [Some(e), Some(l), Some(la)] = res else {
            eta.outcome = Outcome::Never {
                why: format!(
                    "no node OS window opens within {SEARCH_DAYS} days after the fix reaches the region (blackouts or dates rule them out)"
                ),
            };
            continue;
        };
        let how = match route {
            Route::Security => "SecurityPatch in the node OS window: a live patch if the fix needs no reimage, otherwise a rolling reimage".to_owned(),
            _ => "NodeImage: a rolling reimage onto the fixed image in the node OS window".to_owned(),
        };
        eta.outcome = Outcome::Dated(Box::new(DatedEta {
            image: String::new(),
            built: *built,
            in_region: *in_region,
            start: Span {
                earliest: e.0,
                likely: l.0,
                latest: la.0,
            },
            done: Span {
                earliest: e.1,
                likely: l.1,
                latest: la.1,
            },
            upgrade_minutes: [w.minutes[0], w.minutes[2]],
            spill_minutes: la.2,
            how,
            exposure_from: DateTime::<Utc>::UNIX_EPOCH,
            exposure_minutes: [0, 0],
            deadline: DateTime::<Utc>::UNIX_EPOCH,
            verdict: Verdict::Met { margin_minutes: 0 },
            image_past_validity: false,
        }));
    }
}

/// The first `hour`:00 UTC at or after `t`.
pub(super) fn nightly_after(t: DateTime<Utc>, hour: u32) -> DateTime<Utc> {
    let day = midnight(t.date_naive()) + Duration::hours(i64::from(hour.min(23)));
    if day >= t {
        day
    } else {
        day + Duration::days(1)
    }
}
