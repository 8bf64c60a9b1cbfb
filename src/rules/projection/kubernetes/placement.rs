//! Placing Kubernetes upgrades: in `aksManagedAutoUpgradeSchedule` windows (§3.1, §3.7, §8 A-12)
//! or, without one, at AKS-determined times that are never dated (§8 A-13).
//!
//! One upgrade operation starts per window [ASSUMPTION: the docs describe a second run in one
//! window only for node images, §3.7]; it upgrades the control plane, then the pools one by one
//! in plan order (§2 rule 3). A pool starts only while the window is open; the pool in flight
//! at the window's end finishes (spill), the rest wait and go first in the next window.

use chrono::{DateTime, Utc};

use super::super::duration::UpgradePath;
use super::super::release::Stream;
use super::super::timeline::{
    EventKind, PoolEvent, PoolProjection, Releases, WindowSlot, index_u32, plus_minutes,
};
use super::release::{Model, Target, target};
use super::{KubernetesProjection, KubernetesUpgrade};
use crate::rules::channel::UpgradeChannel;

/// The most upgrades AKS-determined placement takes at one instant (minor steps in a row).
const MAX_STEPS_AT_ONCE: u32 = 8;

pub(super) struct Context<'a> {
    pub model: Model,
    pub channel: UpgradeChannel,
    pub releases: &'a Releases,
    pub control_plane_minutes: u32,
    /// The cluster's `kubernetesVersion` as written.
    pub start_version: String,
    /// The cluster's minor (offset from the model's anchor).
    pub minor: i64,
    /// Publication of the version the cluster is assumed to run at `from`: the newest of its
    /// minor in the region, as node images already available count as installed.
    pub baseline: Option<i64>,
}

/// The version the cluster runs.
struct Current {
    minor: i64,
    published: Option<i64>,
    label: String,
}

impl Current {
    fn is_behind(&self, t: Target) -> bool {
        match t {
            Target::Version {
                minor, published, ..
            } => {
                minor > self.minor
                    || (minor == self.minor && published > self.published.unwrap_or(i64::MIN))
            }
            _ => false,
        }
    }
}

/// Pools a Kubernetes upgrade touches: those with nodes and a way to roll them.
fn upgradable(pool: &PoolProjection) -> bool {
    pool.upgrade.nodes > 0 && pool.upgrade.path != UpgradePath::Stalled
}

impl Context<'_> {
    fn current(&self) -> Current {
        Current {
            minor: self.minor,
            published: self.baseline,
            label: self.start_version.clone(),
        }
    }

    /// Index in `Projection::releases` of the Kubernetes release `t` names.
    fn release_index(&self, t: Target) -> Option<usize> {
        let Target::Version {
            minor,
            published,
            ga,
        } = t
        else {
            return None;
        };
        let (offset, list) = self.releases.of(Stream::Kubernetes);
        self.releases
            .kubernetes
            .iter()
            .zip(list)
            .position(|(k, r)| {
                k.minor == minor && k.ga == ga && r.published.timestamp() == published
            })
            .map(|i| offset + i)
    }

    /// Records why auto-upgrade stops or cannot start; `true` if it stops for good.
    fn explain(
        &self,
        t: Target,
        at: DateTime<Utc>,
        cur: &Current,
        out: &mut KubernetesProjection,
    ) -> bool {
        let name = |k: i64| {
            self.model
                .version(k)
                .map_or_else(|| format!("minor {k:+}"), |v| v.to_string())
        };
        match t {
            Target::OutOfSupport { newest } => {
                let since = self.model.support_ends(cur.minor).min(at);
                out.out_of_support = Some(since);
                out.note = Some(format!(
                    "{} is outside the support window (N-2) from {} under the release assumptions: the newest minor in the region is {}{}; cluster auto-upgrade does not run from then on",
                    cur.label,
                    crate::rules::timefmt::iso_date(&since),
                    name(newest),
                    if newest > 0 { " (projected)" } else { "" },
                ));
                true
            }
            Target::AheadOfModel { newest } => {
                out.note.get_or_insert_with(|| {
                    format!(
                        "{} is newer than the newest minor the release model has in the region ({}): check the Kubernetes assumptions",
                        cur.label,
                        name(newest)
                    )
                });
                false
            }
            _ => false,
        }
    }

    /// Starts an upgrade to `t` (must be a version behind which `cur` is) and updates `cur`.
    fn begin(
        &self,
        t: Target,
        cur: &mut Current,
        window: Option<WindowSlot>,
        start: Option<DateTime<Utc>>,
    ) -> Option<KubernetesUpgrade> {
        let Target::Version {
            minor, published, ..
        } = t
        else {
            return None;
        };
        let index = self.release_index(t)?;
        let label = self.releases.all.get(index)?.label.clone();
        let upgrade = KubernetesUpgrade {
            release: index_u32(index),
            from_version: std::mem::replace(&mut cur.label, label.clone()),
            to_version: label,
            minor: minor > cur.minor,
            scheduled: start.is_some(),
            window,
            start,
            control_plane_end: None,
            end: None,
            control_plane_spill_minutes: 0,
            waits: 0,
            from_minor: self.model.version(cur.minor),
            to_minor: self.model.version(minor),
            os_effects: Vec::new(),
        };
        cur.minor = minor;
        cur.published = Some(published);
        Some(upgrade)
    }

    /// The first instant in `(after, before)` at which a Kubernetes release reaching the region
    /// gives the cluster something new (or ends its support).
    fn next_arrival(
        &self,
        cur: &Current,
        after: DateTime<Utc>,
        before: DateTime<Utc>,
    ) -> Option<(DateTime<Utc>, Target)> {
        let (_, list) = self.releases.of(Stream::Kubernetes);
        list.iter()
            .map(|r| r.available)
            .filter(|&t| t > after && t < before)
            .map(|t| {
                (
                    t,
                    target(&self.model, self.channel, cur.minor, t.timestamp()),
                )
            })
            .find(|&(_, tg)| cur.is_behind(tg) || matches!(tg, Target::OutOfSupport { .. }))
    }
}

/// Runs pools `first..` of upgrade `u` from `cursor` inside `slot`. Returns the first pool
/// left waiting when the window closed, if any.
fn run_pools(
    pools: &mut [PoolProjection],
    u: &mut KubernetesUpgrade,
    first: usize,
    mut cursor: DateTime<Utc>,
    slot: &WindowSlot,
) -> Option<usize> {
    for i in first..pools.len() {
        if !upgradable(&pools[i]) {
            continue;
        }
        if cursor >= slot.end {
            // No new operation after the window's end: every remaining pool waits (§3.7).
            for pool in pools[i..].iter_mut().filter(|p| upgradable(p)) {
                pool.kubernetes_deferred.push(slot.end);
            }
            u.waits += 1;
            return Some(i);
        }
        let pool = &mut pools[i];
        let end = plus_minutes(cursor, pool.upgrade.minutes);
        pool.kubernetes_events.push(PoolEvent {
            release: u.release,
            covers: 1,
            kind: EventKind::KubernetesUpgrade,
            scheduled: true,
            window: Some(*slot),
            start: Some(cursor),
            end: Some(end),
            spill_minutes: spill(end, slot),
        });
        cursor = end;
    }
    u.end = Some(cursor);
    None
}

fn spill(end: DateTime<Utc>, slot: &WindowSlot) -> u32 {
    u32::try_from((end - slot.end).num_minutes().max(0)).unwrap_or(u32::MAX)
}

/// Upgrades in the windows of `out.windows`.
pub(super) fn in_windows(
    ctx: &Context<'_>,
    pools: &mut [PoolProjection],
    out: &mut KubernetesProjection,
    effective_from: DateTime<Utc>,
) {
    let mut cur = ctx.current();
    // An upgrade whose pools wait for the next window: (index in out.upgrades, next pool).
    let mut pending: Option<(usize, usize)> = None;
    let slots: Vec<WindowSlot> = out.windows.iter().filter(|w| !w.blocked).copied().collect();
    for slot in &slots {
        let mut cursor = slot.start.max(effective_from);
        if cursor >= slot.end {
            continue;
        }
        if let Some((u, next)) = pending {
            if let Some(upgrade) = out.upgrades.get_mut(u) {
                pending = run_pools(pools, upgrade, next, cursor, slot).map(|p| (u, p));
            }
            continue;
        }
        let mut t = target(&ctx.model, ctx.channel, cur.minor, cursor.timestamp());
        if !cur.is_behind(t) && !matches!(t, Target::OutOfSupport { .. }) {
            ctx.explain(t, cursor, &cur, out);
            // Something reaching the region while the window is open starts then.
            match ctx.next_arrival(&cur, cursor, slot.end) {
                Some((at, later)) => (cursor, t) = (at, later),
                None => continue,
            }
        }
        if ctx.explain(t, cursor, &cur, out) {
            break;
        }
        let Some(mut upgrade) = ctx.begin(t, &mut cur, Some(*slot), Some(cursor)) else {
            continue;
        };
        let cp_end = plus_minutes(cursor, ctx.control_plane_minutes);
        upgrade.control_plane_end = Some(cp_end);
        upgrade.control_plane_spill_minutes = spill(cp_end, slot);
        let waiting = run_pools(pools, &mut upgrade, 0, cp_end, slot);
        out.upgrades.push(upgrade);
        pending = waiting.map(|p| (out.upgrades.len() - 1, p));
    }
}

/// No window: every upgrade happens at an AKS-determined time (§8 A-13). One upgrade per new
/// target: at `effective_from` (a cluster already behind) and whenever a release reaches the
/// region.
pub(super) fn unscheduled(
    ctx: &Context<'_>,
    pools: &mut [PoolProjection],
    out: &mut KubernetesProjection,
    effective_from: DateTime<Utc>,
    to: DateTime<Utc>,
) {
    let mut cur = ctx.current();
    let (_, list) = ctx.releases.of(Stream::Kubernetes);
    let mut instants = vec![effective_from];
    instants.extend(
        list.iter()
            .map(|r| r.available)
            .filter(|&t| t > effective_from && t < to),
    );
    for at in instants {
        for _ in 0..MAX_STEPS_AT_ONCE {
            let t = target(&ctx.model, ctx.channel, cur.minor, at.timestamp());
            if ctx.explain(t, at, &cur, out) {
                return;
            }
            if !cur.is_behind(t) {
                break;
            }
            let Some(upgrade) = ctx.begin(t, &mut cur, None, None) else {
                break;
            };
            for pool in pools.iter_mut().filter(|p| upgradable(p)) {
                pool.kubernetes_events.push(PoolEvent {
                    release: upgrade.release,
                    covers: 1,
                    kind: EventKind::KubernetesUpgrade,
                    scheduled: false,
                    window: None,
                    start: None,
                    end: None,
                    spill_minutes: 0,
                });
            }
            out.upgrades.push(upgrade);
        }
    }
}
