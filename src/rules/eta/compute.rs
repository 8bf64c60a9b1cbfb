//! The fix ETA per pool: when the fixed image (or security packages) can reach the pool's
//! region, the first eligible window of its channel after that, the rolling upgrade and its
//! spill, and the date the last node runs it, each as earliest / likely / latest. Pools that
//! never get it say why.

use chrono::{DateTime, Duration, Utc};

use super::EtaQuestion;
use super::family::image_family;
use super::history::{History, ImageFamily, data_notice};
use crate::rules::behaviour::{ChannelSupport, channel_support};
use crate::rules::channel::NodeOsChannel;
use crate::rules::cluster::Cluster;
use crate::rules::plan::Plan;
use crate::rules::projection::duration::{UpgradePath, pool_upgrade};
use crate::rules::projection::kubernetes::release::Model;
use crate::rules::projection::timeline::{effective_channel, effective_from};
use crate::rules::{stable_sort, timefmt};

use super::placement::{Waiting, nightly_after, place};
use super::result::midnight;
pub use super::result::{DatedEta, FleetEta, Outcome, PoolEta, Span, Verdict};

/// Node images are valid for 90 days (docs/aks-2026.md §1.2).
pub const IMAGE_VALIDITY_DAYS: i64 = 90;

/// How the fix reaches a pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    /// A reimage onto the fixed node image in the node OS window.
    Image,
    /// SecurityPatch: live patch or reimage in the node OS window.
    Security,
    /// Unmanaged: the nightly OS updater; the reboot is the user's.
    Nightly,
}

/// The fix reaching a family: (image label, build span, AKS release span) or why never.
fn fix_dates(
    q: &EtaQuestion,
    history: &History,
    family: ImageFamily,
) -> Result<(String, Span, Span), String> {
    let c = q.cadence_of(history, family);
    let (label, built, released) = if let Some(v) = q.images.get(family) {
        let b = midnight(v.built());
        let built = Span {
            earliest: b,
            likely: b,
            latest: b,
        };
        let released = match history.find(family, v).and_then(|i| i.released) {
            Some(r) => {
                let r = midnight(r).max(b);
                Span {
                    earliest: r,
                    likely: r,
                    latest: r,
                }
            }
            None => built.days([c.lag_min_days, c.lag_median_days, c.lag_p90_days]),
        };
        if family.last_build().is_some_and(|last| v.built() > last) {
            return Err(retired(family));
        }
        (v.to_string(), built, released)
    } else if let Some(d) = q.disclosed {
        let d = midnight(d);
        let built = Span {
            earliest: d,
            likely: d,
            latest: d,
        }
        .days([1, (c.gap_median_days / 2).max(1), c.gap_p90_days.max(1)]);
        if family
            .last_build()
            .is_some_and(|last| built.earliest > midnight(last))
        {
            return Err(retired(family));
        }
        let released = built.days([c.lag_min_days, c.lag_median_days, c.lag_p90_days]);
        (
            format!(
                "first {} image built after {}",
                family.label(),
                timefmt::iso_date(&d)
            ),
            built,
            released,
        )
    } else {
        return Err(format!(
            "no fixed {} image given: enter its version, or a disclosure date",
            family.label()
        ));
    };
    Ok((label, built, released))
}

fn retired(family: ImageFamily) -> String {
    let last = family
        .last_build()
        .map_or(String::new(), |d| timefmt::iso_date(&d));
    format!(
        "{} is retired: AKS builds no new image of it after {last}; move the pool to a supported OS",
        family.label()
    )
}

/// The route of a pool under `channel`, or why it gets nothing.
fn route(channel: NodeOsChannel, cluster: &Cluster, pool_index: usize) -> Result<Route, String> {
    let pool = &cluster.agent_pool_profiles[pool_index];
    let support = channel_support(channel, pool.os_sku, pool.gpu);
    let window = cluster.maintenance_configurations.node_os.is_some();
    match (channel, support) {
        (NodeOsChannel::None, _) => Err(
            "node OS channel None: AKS applies nothing; upgrade the node image yourself (az aks nodepool upgrade --node-image-only)".to_owned(),
        ),
        (_, ChannelSupport::Unsupported | ChannelSupport::BehavesLikeNone) => Err(format!(
            "{} is not supported on {} pools: nothing patches them",
            channel.as_str(),
            pool.os_sku.label()
        )),
        (_, ChannelSupport::Undocumented) => Err(format!(
            "what {} does on {} is undocumented: no date can be promised",
            channel.as_str(),
            pool.os_sku.label()
        )),
        (NodeOsChannel::Unmanaged, _) => Ok(Route::Nightly),
        _ if !window => Err(
            "no node OS maintenance window (aksManagedNodeOSUpgradeSchedule): AKS picks the time, so no date can be promised; add a window".to_owned(),
        ),
        (NodeOsChannel::SecurityPatch, _) => Ok(Route::Security),
        _ => Ok(Route::Image),
    }
}

/// The ETA of every pool of `cluster`.
pub fn cluster_eta(
    q: &EtaQuestion,
    history: &History,
    plan: &Plan,
    index: usize,
    cluster: &Cluster,
    now: DateTime<Utc>,
) -> Vec<PoolEta> {
    let a = &plan.assumptions.projection;
    let recurrence = plan.assumptions.recurrence;
    let channel = effective_channel(cluster);
    let from = effective_from(cluster, a, now);
    let version = cluster.kubernetes_version;
    let support_ends = version.and_then(|v| {
        let model = Model::new(&a.kubernetes);
        model.offset(v).map(|k| model.support_ends(k))
    });
    let sla_minutes = i64::from(q.sla.days()) * 1440;
    let rollout = [
        q.rollout.earliest_days,
        q.rollout.likely_days,
        q.rollout.latest_days,
    ];
    let r = &a.releases;
    let mut out: Vec<PoolEta> = Vec::with_capacity(cluster.agent_pool_profiles.len());
    let mut waiting: Vec<Waiting> = Vec::new();
    // Per pool: (label, built, released) once known.
    let mut fixes = Vec::with_capacity(cluster.agent_pool_profiles.len());
    for (i, pool) in cluster.agent_pool_profiles.iter().enumerate() {
        let family = image_family(pool.os_sku, version);
        let mut eta = PoolEta {
            cluster_index: u32::try_from(index).unwrap_or(u32::MAX),
            cluster: cluster.name.clone(),
            pool: pool.name.clone(),
            family: family.ok(),
            channel,
            outcome: Outcome::Never { why: String::new() },
        };
        let found = family
            .map_err(|e| e.to_string())
            .and_then(|f| fix_dates(q, history, f))
            .and_then(|fix| route(channel, cluster, i).map(|route| (fix, route)));
        let ((label, built, released), route) = match found {
            Ok(x) => x,
            Err(why) => {
                eta.outcome = Outcome::Never { why };
                out.push(eta);
                fixes.push(None);
                continue;
            }
        };
        let in_region = match route {
            Route::Image => released.days(rollout),
            // Security packages ship on their own cadence from the day the fix is built.
            Route::Security | Route::Nightly => {
                let step = r.security_interval_days;
                built
                    .days([0, step / 2, step])
                    .map(|t, _| t + Duration::hours(i64::from(r.security_rollout_hours)))
            }
        };
        if let Some(end) = support_ends.filter(|end| *end <= in_region.earliest) {
            eta.outcome = Outcome::Never {
                why: format!(
                    "Kubernetes {} leaves the support window on {} (projected): without LTS the pool gets no node OS updates after that; upgrade Kubernetes",
                    version.map_or(String::new(), |v| v.to_string()),
                    timefmt::iso_date(&end)
                ),
            };
            out.push(eta);
            fixes.push(None);
            continue;
        }
        let upgrade = pool_upgrade(pool, version, &a.timings);
        let needs_reimage = route != Route::Nightly;
        if needs_reimage && upgrade.path == UpgradePath::Stalled {
            eta.outcome = Outcome::Never {
                why: "maxSurge and maxUnavailable are both 0: the rolling upgrade cannot make progress".to_owned(),
            };
            out.push(eta);
            fixes.push(None);
            continue;
        }
        let minutes = match route {
            Route::Image => [upgrade.minutes; 3],
            Route::Security => {
                let live = a.timings.live_patch_minutes;
                let likely = if r.security_reimage_percent >= 50 {
                    upgrade.minutes
                } else {
                    live
                };
                [live.min(upgrade.minutes), likely, live.max(upgrade.minutes)]
            }
            Route::Nightly => [0; 3],
        };
        fixes.push(Some((label, built, released, in_region, route)));
        if route == Route::Nightly {
            let start =
                in_region.map(|t, _| nightly_after(t.max(from), r.unmanaged_patch_hour_utc));
            let done = match r.kured_reboot {
                Some(w) => start.map(|t, _| nightly_after(t, w.start_hour_utc)),
                None => start,
            };
            eta.outcome = Outcome::Dated(Box::new(DatedEta {
                image: String::new(),
                built,
                in_region,
                start,
                done,
                upgrade_minutes: [0, 0],
                spill_minutes: 0,
                how: if r.kured_reboot.is_some() {
                    "Unmanaged: packages at the nightly OS update, the kernel fix active after your reboot window".to_owned()
                } else {
                    "Unmanaged: packages at the nightly OS update; a kernel fix is active only after a reboot you run (none recorded)".to_owned()
                },
                exposure_from: DateTime::<Utc>::UNIX_EPOCH,
                exposure_minutes: [0, 0],
                deadline: DateTime::<Utc>::UNIX_EPOCH,
                verdict: Verdict::Met { margin_minutes: 0 },
                image_past_validity: false,
            }));
        } else {
            waiting.push(Waiting {
                pool: i,
                ready: in_region,
                minutes,
            });
        }
        out.push(eta);
    }
    place(cluster, &waiting, recurrence, from, &mut out, &fixes);
    let in_region: Vec<Option<Span>> = fixes.iter().map(|f| f.as_ref().map(|f| f.3)).collect();
    super::kubernetes::deliver_earlier(plan, index, cluster, now, &mut out, &in_region);
    // Exposure and verdicts.
    for (eta, fix) in out.iter_mut().zip(&fixes) {
        let (Outcome::Dated(d), Some((label, built, released, _, _))) = (&mut eta.outcome, fix)
        else {
            continue;
        };
        d.image = label.clone();
        d.exposure_from = q.disclosed.map_or(released.likely, midnight);
        d.deadline = d.exposure_from + Duration::minutes(sla_minutes);
        d.exposure_minutes = [
            (d.done.likely - d.exposure_from).num_minutes().max(0),
            (d.done.latest - d.exposure_from).num_minutes().max(0),
        ];
        let late = (d.done.latest - d.deadline).num_minutes();
        d.verdict = if late > 0 {
            Verdict::Missed { by_minutes: late }
        } else {
            Verdict::Met {
                margin_minutes: -late,
            }
        };
        d.image_past_validity = (d.done.latest - built.earliest).num_days() > IMAGE_VALIDITY_DAYS;
    }
    out
}

/// The ETA of every pool of the plan at `now` for `q`, sorted by latest ETA.
pub fn fleet_eta(plan: &Plan, q: &EtaQuestion, now: DateTime<Utc>) -> FleetEta {
    let history = History::builtin();
    let pools: Vec<PoolEta> = plan
        .clusters
        .iter()
        .enumerate()
        .flat_map(|(i, c)| cluster_eta(q, history, plan, i, c, now))
        .collect();
    // By latest ETA; pools that never get the fix last.
    let mut pools = pools;
    stable_sort::sort_by_key(&mut pools, |p| {
        let latest = p.dated().map(|d| d.done.latest);
        (latest.is_none(), latest)
    });
    summarise(history, q, now, pools)
}

fn summarise(
    history: &History,
    q: &EtaQuestion,
    now: DateTime<Utc>,
    pools: Vec<PoolEta>,
) -> FleetEta {
    let (data_as_of, data_warning) = data_notice(history, now.date_naive());
    let count = |f: &dyn Fn(&PoolEta) -> bool| {
        u32::try_from(pools.iter().filter(|p| f(p)).count()).unwrap_or(u32::MAX)
    };
    let met = count(&|p| p.meets());
    let never = count(&|p| p.dated().is_none());
    let missed = count(&|p| p.dated().is_some_and(|d| !d.verdict.met()));
    let latest = pools
        .iter()
        .filter_map(|p| p.dated().map(|d| d.done.latest))
        .max();
    let image_past_validity = pools
        .iter()
        .filter_map(PoolEta::dated)
        .any(|d| d.image_past_validity);
    let exposure_basis = pools
        .iter()
        .any(|p| p.dated().is_some())
        .then(|| super::text::exposure_basis(q.disclosed));
    FleetEta {
        exposure_basis,
        data_as_of,
        data_warning,
        sla: q.sla,
        sla_days: q.sla.days(),
        pools,
        met,
        missed,
        never,
        latest,
        image_past_validity,
    }
}
