//! Findings the projection raises (issue 4): duration vs window and 24 h, VMSS limit, drain vs
//! grace period, exposure vs SLA, AKS-determined times, channel change delay, window
//! collisions, ring order, unknown VM sizes. Same [`Finding`] shape as `rules::findings`.

use std::sync::Arc;

use super::super::cluster::Cluster;
use super::super::plan::Plan;
use super::exposure::ClusterExposure;
use super::fleet::{FleetChecks, WindowCollision};
use super::kubernetes::release::Model;
use super::timeline::{ClusterProjection, Scheduling};
use super::vmsize::{Provenance, VmSizes};
use super::{format_days, format_duration};
use crate::rules::assumptions::ProjectionAssumptions;
use crate::rules::finding::FindingCode;
use crate::rules::finding::fields::WindowField;
use crate::rules::finding::sources::{
    CAPACITY, NODE_OS_UPGRADE, PLANNED_MAINTENANCE, ROLLING_UPGRADE, UPGRADE_PRACTICES,
};
use crate::rules::finding::{FieldPath, Finding, Severity, Source};

pub(super) fn path(
    c: &ClusterProjection,
    pool: Option<(usize, &str)>,
    config: Option<&str>,
    field: &str,
) -> FieldPath {
    FieldPath {
        cluster: Some(c.index as usize),
        cluster_name: Some(c.name.clone()),
        pool: pool.map(|p| p.0),
        pool_name: pool.map(|p| p.1.to_owned()),
        config: config.map(str::to_owned),
        field: field.to_owned(),
    }
}

pub(super) fn finding(
    severity: Severity,
    code: FindingCode,
    path: FieldPath,
    message: String,
    why: &str,
    fix: &str,
    source: Source,
) -> Finding {
    Finding {
        severity,
        code,
        path,
        message,
        why: why.to_owned(),
        fix: fix.to_owned(),
        source,
    }
}

const NODE_OS_CONFIG: &str = "aksManagedNodeOSUpgradeSchedule";

/// The projection's findings about one cluster, in the sections [`combine`] puts together.
/// Kept per cluster by the projection cache (issue 11, "Scale"): a cluster an edit left alone
/// keeps its findings, shared, so an edit no longer formats the whole fleet's messages again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClusterFindings {
    /// Its pools' upgrade lengths, drains and VM sizes, and the window's spill.
    pub pools: Vec<Arc<Finding>>,
    /// Its pools' exposure over the SLA.
    pub exposure: Vec<Arc<Finding>>,
    /// Its projected Kubernetes upgrades.
    pub kubernetes: Vec<Arc<Finding>>,
}

impl ClusterFindings {
    /// The same findings about cluster `index`: shared when they already point at it, copied
    /// with the new index when the cluster moved (nothing else in them depends on where it is).
    pub fn at_index(found: &Arc<ClusterFindings>, index: usize) -> Arc<ClusterFindings> {
        let all = || {
            (found.pools.iter())
                .chain(&found.exposure)
                .chain(&found.kubernetes)
        };
        if all().all(|f| f.path.cluster == Some(index)) {
            return Arc::clone(found);
        }
        let moved = |list: &[Arc<Finding>]| -> Vec<Arc<Finding>> {
            list.iter().map(|f| Finding::at_cluster(f, index)).collect()
        };
        Arc::new(ClusterFindings {
            pools: moved(&found.pools),
            exposure: moved(&found.exposure),
            kubernetes: moved(&found.kubernetes),
        })
    }
}

/// The findings about one cluster: projected `c` of the plan's `spec`, with its exposure `ce`
/// against an SLA of `sla_days`.
pub fn cluster(
    plan: &Plan,
    (c, spec): (&ClusterProjection, &Cluster),
    (ce, sla_days): (&ClusterExposure, u32),
    sizes: &mut VmSizes,
) -> ClusterFindings {
    let a = &plan.assumptions.projection;
    let mut kubernetes = Vec::new();
    super::kubernetes::findings::cluster(&Model::new(&a.kubernetes), c, &mut kubernetes);
    ClusterFindings {
        pools: shared(pool_findings(a, (c, spec), sizes)),
        exposure: shared(exposure_findings(c, ce, sla_days)),
        kubernetes: shared(kubernetes),
    }
}

fn shared(found: Vec<Finding>) -> Vec<Arc<Finding>> {
    found.into_iter().map(Arc::new).collect()
}

/// Its pools' upgrade lengths, drains and VM sizes, and the window's spill.
fn pool_findings(
    a: &ProjectionAssumptions,
    (c, spec): (&ClusterProjection, &Cluster),
    sizes: &mut VmSizes,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |severity, code, path, message: String, why: &str, fix: &str, source| {
        out.push(finding(severity, code, path, message, why, fix, source))
    };
    for (j, (p, pool)) in c.pools.iter().zip(&spec.agent_pool_profiles).enumerate() {
        let at = Some((j, p.name.as_str()));
        let u = &p.upgrade;
        if p.stream.is_some() {
            if let (Scheduling::MaintenanceWindow, Some(h)) = (c.scheduling, c.window_hours)
                && u.minutes > h.saturating_mul(60)
            {
                push(
                    Severity::Warning,
                    FindingCode::UpgradeLongerThanWindow,
                    path(c, at, None, "upgradeSettings.maxSurge"),
                    format!(
                        "{}/{}: a rolling reimage takes about {} ({} batches of {}), longer than the {h} h window",
                        c.name,
                        p.name,
                        format_duration(u.minutes),
                        u.batches,
                        u.parallelism
                    ),
                    "AKS starts work only inside the window; work in flight continues past the end, later pools wait for the next window.",
                    "Raise maxSurge, lengthen the window, or accept the spill.",
                    PLANNED_MAINTENANCE,
                );
            }
            if let Some(slow) = u.fallback_minutes {
                let limit = match (c.scheduling, c.window_hours) {
                    (Scheduling::MaintenanceWindow, Some(h)) => h.saturating_mul(60).min(24 * 60),
                    _ => 24 * 60,
                };
                if slow > limit && u.minutes <= limit {
                    push(
                        Severity::Note,
                        FindingCode::SurgeFallbackSlower,
                        path(c, at, None, "upgradeSettings.maxSurge"),
                        format!(
                            "{}/{}: if quota or capacity cannot give the {} surge nodes, AKS retries with 1 at a time: about {} instead of {}, longer than {}",
                            c.name,
                            p.name,
                            u.parallelism,
                            format_duration(slow),
                            format_duration(u.minutes),
                            if limit == 24 * 60 {
                                "24 hours".to_owned()
                            } else {
                                format!("the {} h window", limit / 60)
                            }
                        ),
                        "From Kubernetes 1.35, when maxSurge cannot be obtained because of quota or capacity, AKS retries with a surge of 1 by default; one node at a time takes as many batches as the pool has nodes. The durations are estimates from the step timings.",
                        "Check the free quota for the surge nodes before the window (Timeline tab, surge quota), or lengthen the window.",
                        ROLLING_UPGRADE,
                    );
                }
            }
            if u.minutes > 24 * 60 {
                push(
                    Severity::Warning,
                    FindingCode::UpgradeOver24Hours,
                    path(c, at, None, "upgradeSettings.maxSurge"),
                    format!(
                        "{}/{}: a rolling reimage takes about {}: AKS may not auto-upgrade this pool at all",
                        c.name,
                        p.name,
                        format_duration(u.minutes)
                    ),
                    "Pools are only auto-upgraded while the estimated total upgrade time is within 24 hours.",
                    "Raise maxSurge or split the pool.",
                    UPGRADE_PRACTICES,
                );
            }
        }
        let drain = pool.upgrade_settings.drain_timeout_minutes();
        if u64::from(drain) * 60 < u64::from(a.pod_grace_period_seconds) {
            push(
                Severity::Warning,
                FindingCode::DrainTimeoutBelowGracePeriod,
                path(c, at, None, "upgradeSettings.drainTimeoutInMinutes"),
                format!(
                    "{}/{}: drainTimeoutInMinutes {drain} is shorter than the stated pod grace period of {} s",
                    c.name, p.name, a.pod_grace_period_seconds
                ),
                "A drain that times out stops the upgrade.",
                "Raise drainTimeoutInMinutes above the longest terminationGracePeriodSeconds.",
                ROLLING_UPGRADE,
            );
        }
        if p.stream.is_some() && u.peak_extra_nodes > 0 {
            let vm = sizes.get(&pool.vm_size);
            if vm.vcpus_from == Provenance::Unknown || vm.price_from == Provenance::Unknown {
                push(
                    Severity::Note,
                    FindingCode::UnknownVmSize,
                    path(c, at, None, "vmSize"),
                    format!(
                        "{}/{}: VM size {:?} is not in the planner's table: surge quota and cost are not counted",
                        c.name, p.name, pool.vm_size
                    ),
                    "Surge needs quota and is billed per VM.",
                    "Enter its vCPUs and hourly price under assumptions.projection.costs.vmSizes.",
                    CAPACITY,
                );
            }
        }
    }
    if c.total_upgrade_minutes > 24 * 60 && c.pools.iter().all(|p| p.upgrade.minutes <= 24 * 60) {
        push(
            Severity::Warning,
            FindingCode::UpgradeOver24Hours,
            path(c, None, None, "agentPoolProfiles"),
            format!(
                "{}: the pools one after another take about {}",
                c.name,
                format_duration(c.total_upgrade_minutes)
            ),
            "Pools are upgraded one by one; AKS may skip auto-upgrades estimated above 24 hours.",
            "Raise maxSurge on the largest pools.",
            UPGRADE_PRACTICES,
        );
    }
    let waiting: Vec<String> = c
        .pools
        .iter()
        .filter(|p| !p.deferred.is_empty())
        .map(|p| {
            format!(
                "{} ({}×, first after {} UTC)",
                p.name,
                p.deferred.len(),
                crate::rules::timefmt::iso_date_time(&p.deferred[0])
            )
        })
        .collect();
    if !waiting.is_empty() {
        push(
            Severity::Warning,
            FindingCode::PoolsWaitForNextWindow,
            path(
                c,
                None,
                Some(NODE_OS_CONFIG),
                WindowField::DurationHours.name(),
            ),
            format!(
                "{}: when the window ends these pools still have work and wait for the next window: {}",
                c.name,
                waiting.join(", ")
            ),
            "No new operation starts after the window ends; AKS may also run catch-up upgrades outside windows.",
            "Lengthen the window, make it more frequent, or raise maxSurge.",
            PLANNED_MAINTENANCE,
        );
    }
    out
}

/// Its pools' exposure over the SLA.
fn exposure_findings(c: &ClusterProjection, ce: &ClusterExposure, sla_days: u32) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |severity, code, path, message: String, why: &str, fix: &str, source| {
        out.push(finding(severity, code, path, message, why, fix, source))
    };
    for (j, pe) in ce.pools.iter().enumerate() {
        if let (true, Some(worst)) = (pe.stats.misses_sla, pe.stats.worst_minutes) {
            let bound = if pe.stats.worst_is_lower_bound {
                "at least "
            } else {
                ""
            };
            push(
                Severity::Warning,
                FindingCode::ExposureOverSla,
                path(
                    c,
                    Some((j, &pe.pool)),
                    None,
                    "autoUpgradeProfile.nodeOSUpgradeChannel",
                ),
                format!(
                    "{}/{}: worst exposure {bound}{} exceeds the {}-day SLA",
                    pe.cluster,
                    pe.pool,
                    format_days(worst),
                    sla_days
                ),
                "Exposure = time from a release to the pool running it; it depends on channel, rollout and windows.",
                "Use SecurityPatch with a daily window, or a more frequent window.",
                NODE_OS_UPGRADE,
            );
        }
    }
    out
}

/// The window-collision findings of a call, each with the collision it was made from.
pub type KeptCollisions = Vec<(WindowCollision, Arc<Finding>)>;

/// The projection's findings from each cluster's `parts` and the `fleet` checks, in the order
/// of their sections (every cluster's pools, every cluster's exposure, the fleet checks, every
/// cluster's Kubernetes upgrades), errors first, then warnings, then notes.
///
/// `kept`: the window-collision findings of the last call, each with the collision it was made
/// from (names included); a collision an edit left as it was keeps its finding, and `kept`
/// becomes this call's.
pub fn combine<'a>(
    plan: &Plan,
    parts: impl Iterator<Item = &'a ClusterFindings> + Clone,
    clusters: &[Arc<ClusterProjection>],
    (fleet, kept): (&FleetChecks, &mut KeptCollisions),
) -> Vec<Arc<Finding>> {
    let a = &plan.assumptions.projection;
    let mut checks = Vec::new();
    let at = |i: Option<&u32>| i.and_then(|&i| clusters.get(i as usize));
    let mut last: Vec<Option<(WindowCollision, Arc<Finding>)>> =
        std::mem::take(kept).into_iter().map(Some).collect();
    for (k, col) in fleet.collisions.iter().enumerate() {
        let made = match last.get_mut(k).and_then(Option::take) {
            Some((was, f)) if was == *col => Some((was, f)),
            _ => at(col.cluster_indexes.first()).map(|c| {
                (
                    col.clone(),
                    Arc::new(finding(
                        Severity::Warning,
                        FindingCode::WindowCollision,
                        path(c, None, Some(NODE_OS_CONFIG), WindowField::StartTime.name()),
                        format!(
                            "subscription {}: {} open a window at the same time ({}×, first {} UTC)",
                            col.subscription,
                            col.clusters.join(", "),
                            col.occurrences,
                            crate::rules::timefmt::iso_date_time(&col.first_start)
                        ),
                        "Many clusters of one subscription upgrading at once risk ARM throttling; stagger windows.",
                        "Move some clusters' startTime or day.",
                        PLANNED_MAINTENANCE,
                    )),
                )
            }),
        };
        if let Some((col, f)) = made {
            checks.push(Arc::clone(&f));
            kept.push((col, f));
        }
    }
    let mut push = |severity, code, path, message: String, why: &str, fix: &str, source| {
        checks.push(Arc::new(finding(
            severity, code, path, message, why, fix, source,
        )))
    };
    for s in &fleet.stagger {
        let later = (fleet.rings.iter().zip(&fleet.ring_indexes))
            .find(|((_, r), _)| *r == s.later_ring)
            .and_then(|(_, i)| at(Some(i)));
        if let Some(c) = later {
            let fix = match s.suggested_delay_hours {
                Some(h) => format!("Delay ring {}'s windows by at least {h} h.", s.later_ring),
                None => format!(
                    "Ring {} does not finish some releases in the horizon: give it more frequent windows.",
                    s.earlier_ring
                ),
            };
            push(
                Severity::Warning,
                FindingCode::RingOrder,
                path(c, None, Some(NODE_OS_CONFIG), WindowField::StartTime.name()),
                format!(
                    "ring {} takes {} release(s) before ring {} finished them plus the {} h soak",
                    s.later_ring, s.violations, s.earlier_ring, a.ring_soak_hours
                ),
                "A later ring should get each release only after the earlier ring ran it for the soak time.",
                &fix,
                PLANNED_MAINTENANCE,
            );
        }
    }
    // The sections in their order, by plain loops (iterator chains compiled a copy of their
    // code per pass: bundle size).
    let mut all: Vec<&Arc<Finding>> = Vec::new();
    for p in parts.clone() {
        all.extend(&p.pools);
    }
    for p in parts.clone() {
        all.extend(&p.exposure);
    }
    all.extend(&checks);
    for p in parts {
        all.extend(&p.kubernetes);
    }
    // Stable by severity: one pass per severity (three) rather than a sort.
    let mut out = Vec::with_capacity(all.len());
    for severity in [Severity::Error, Severity::Warning, Severity::Note] {
        out.extend(
            all.iter()
                .filter(|f| f.severity == severity)
                .map(|f| Arc::clone(f)),
        );
    }
    out
}
