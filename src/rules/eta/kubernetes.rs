//! A Kubernetes auto-upgrade that delivers the fix earlier (docs/aks-rules.md §2 rule 2): on
//! the `patch`, `stable` or `rapid` channel every pool's step of a Kubernetes upgrade installs
//! the newest node image. When a projected step of a pool starts once the fixed image is in
//! the region and ends before the node OS channel would have finished, that step is the
//! delivery. The steps come from the projection's own model (windows, blackouts, one pool
//! after another), never re-derived here.

use chrono::{DateTime, Duration, Utc};

use super::result::{DatedEta, Outcome, PoolEta, Span};
use crate::rules::cluster::Cluster;
use crate::rules::plan::Plan;
use crate::rules::projection::timeline::{Releases, project_cluster};
use crate::rules::stable_sort;

/// Per pool of `cluster`, the (start, end) of its dated Kubernetes upgrade steps from `now`
/// until `to`, in time order.
fn steps(
    plan: &Plan,
    index: usize,
    cluster: &Cluster,
    now: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    let releases = Releases::new(&plan.assumptions.projection, now, to);
    let projected = project_cluster(index, cluster, plan, &releases, now, to);
    if !projected.kubernetes.active() {
        return Vec::new();
    }
    projected
        .pools
        .iter()
        .map(|p| {
            let mut s: Vec<_> = p
                .kubernetes_events
                .iter()
                .filter_map(|e| Some((e.start?, e.end?)))
                .collect();
            // The shared sort (bundle size): equal spans are identical, so stable is the same.
            stable_sort::sort(&mut s);
            s
        })
        .collect()
}

/// Replaces, per case, a pool's node OS delivery by an earlier Kubernetes upgrade step.
/// `in_region[i]` is when the fix reaches pool `i`'s region (`None`: no dated fix).
pub(super) fn deliver_earlier(
    plan: &Plan,
    index: usize,
    cluster: &Cluster,
    now: DateTime<Utc>,
    out: &mut [PoolEta],
    in_region: &[Option<Span>],
) {
    let Some(to) = out
        .iter()
        .filter_map(|p| p.dated().map(|d| d.done.latest))
        .max()
    else {
        return;
    };
    if !matches!(
        cluster.auto_upgrade_profile.upgrade_channel,
        crate::rules::channel::UpgradeChannel::Patch
            | crate::rules::channel::UpgradeChannel::Stable
            | crate::rules::channel::UpgradeChannel::Rapid
    ) {
        return;
    }
    let all = steps(plan, index, cluster, now, to + Duration::days(1));
    for ((eta, steps), ready) in out.iter_mut().zip(&all).zip(in_region) {
        let (Outcome::Dated(d), Some(ready)) = (&mut eta.outcome, ready) else {
            continue;
        };
        let channel = cluster.auto_upgrade_profile.upgrade_channel;
        apply(d, steps, ready, &channel.to_string());
    }
}

/// Per case: the first step starting once the fix is in the region, if it ends earlier.
fn apply(d: &mut DatedEta, steps: &[(DateTime<Utc>, DateTime<Utc>)], ready: &Span, channel: &str) {
    let mut used = [false; 3];
    let (mut start, mut done) = (d.start, d.done);
    for (case, hit) in used.iter_mut().enumerate() {
        let Some(&(s, e)) = steps.iter().find(|(s, _)| *s >= ready.get(case)) else {
            continue;
        };
        if e < d.done.get(case) {
            start = start.map(|t, i| if i == case { s } else { t });
            done = done.map(|t, i| if i == case { e } else { t });
            *hit = true;
        }
    }
    if !used.iter().any(|u| *u) {
        return;
    }
    d.start = start;
    d.done = done;
    if used[2] {
        // The spill was the node OS window's; the Kubernetes step is placed by its own model.
        d.spill_minutes = 0;
    }
    let cases: Vec<&str> = ["earliest", "likely", "latest"]
        .into_iter()
        .zip(used)
        .filter_map(|(n, u)| u.then_some(n))
        .collect();
    let which = if cases.len() == 3 {
        "in every case".to_owned()
    } else {
        format!("in the {} case", cases.join(" and "))
    };
    d.how = format!(
        "Kubernetes auto-upgrade ({channel}) in its auto-upgrade window, {which}: each pool's step installs the newest node image, earlier than the node OS channel; otherwise {}",
        d.how
    );
}
