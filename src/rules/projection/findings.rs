//! Findings the projection raises (issue 4): duration vs window and 24 h, VMSS limit, drain vs
//! grace period, exposure vs SLA, AKS-determined times, channel change delay, window
//! collisions, ring order, unknown VM sizes. Same [`Finding`] shape as `rules::findings`.

use super::super::findings::{FieldPath, Finding, Severity, Source};
use super::super::plan::Plan;
use super::duration::VMSS_NODE_LIMIT;
use super::exposure::FleetExposure;
use super::fleet::FleetChecks;
use super::timeline::{ClusterProjection, Scheduling};
use super::vmsize::{Provenance, lookup};
use super::{format_days, format_hours_minutes};

pub(super) const PLANNED_MAINTENANCE: Source = Source {
    title: "Use planned maintenance to schedule and control upgrades",
    url: "https://learn.microsoft.com/azure/aks/planned-maintenance",
};
const ROLLING: Source = Source {
    title: "Upgrade node pools with rolling upgrades",
    url: "https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling",
};
pub(super) const PRACTICES: Source = Source {
    title: "AKS patch and upgrade guidance",
    url: "https://learn.microsoft.com/azure/architecture/operator-guides/aks/aks-upgrade-practices",
};
const NODE_OS: Source = Source {
    title: "Autoupgrade node OS images",
    url: "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
};
const CAPACITY: Source = Source {
    title: "Upgrade capacity and cost planning",
    url: "https://learn.microsoft.com/azure/aks/upgrade-capacity-cost-planning",
};

/// Kubernetes ≥ 1.35 falls back to a surge of 1 and then overruns the window or 24 h
/// (docs/aks-2026.md §1.4).
pub const SURGE_FALLBACK_SLOWER: &str = "surge-fallback-slower";

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
    code: &'static str,
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

pub fn collect(
    plan: &Plan,
    clusters: &[ClusterProjection],
    exposure: &FleetExposure,
    fleet: &FleetChecks,
) -> Vec<Finding> {
    let a = &plan.assumptions.projection;
    let mut out = Vec::new();
    let mut push = |severity, code, path, message: String, why: &str, fix: &str, source| {
        out.push(finding(severity, code, path, message, why, fix, source))
    };
    for (c, spec) in clusters.iter().zip(&plan.clusters) {
        for (j, (p, pool)) in c.pools.iter().zip(&spec.agent_pool_profiles).enumerate() {
            let at = Some((j, p.name.as_str()));
            let u = &p.upgrade;
            if p.stream.is_some() {
                if let (Scheduling::MaintenanceWindow, Some(h)) = (c.scheduling, c.window_hours)
                    && u.minutes > h.saturating_mul(60)
                {
                    push(
                        Severity::Warning,
                        "upgrade-longer-than-window",
                        path(c, at, None, "upgradeSettings.maxSurge"),
                        format!(
                            "{}/{}: a rolling reimage takes about {} ({} batches of {}), longer than the {h} h window",
                            c.name,
                            p.name,
                            format_hours_minutes(u.minutes),
                            u.batches,
                            u.parallelism
                        ),
                        "AKS starts work only inside the window; work in flight continues past the end, later pools wait for the next window (aks-rules.md §3.7, §8 A-12).",
                        "Raise maxSurge, lengthen the window, or accept the spill.",
                        PLANNED_MAINTENANCE,
                    );
                }
                if let Some(slow) = u.fallback_minutes {
                    let limit = match (c.scheduling, c.window_hours) {
                        (Scheduling::MaintenanceWindow, Some(h)) => {
                            h.saturating_mul(60).min(24 * 60)
                        }
                        _ => 24 * 60,
                    };
                    if slow > limit && u.minutes <= limit {
                        push(
                            Severity::Note,
                            SURGE_FALLBACK_SLOWER,
                            path(c, at, None, "upgradeSettings.maxSurge"),
                            format!(
                                "{}/{}: if quota or capacity cannot give the {} surge nodes, AKS retries with 1 at a time: about {} instead of {}, longer than {}",
                                c.name,
                                p.name,
                                u.parallelism,
                                format_hours_minutes(slow),
                                format_hours_minutes(u.minutes),
                                if limit == 24 * 60 {
                                    "24 hours".to_owned()
                                } else {
                                    format!("the {} h window", limit / 60)
                                }
                            ),
                            "From Kubernetes 1.35, when maxSurge cannot be obtained because of quota or capacity, AKS retries with a surge of 1 by default; one node at a time takes as many batches as the pool has nodes. The durations are estimates from the step timings.",
                            "Check the free quota for the surge nodes before the window (Timeline tab, surge quota), or lengthen the window.",
                            ROLLING,
                        );
                    }
                }
                if u.minutes > 24 * 60 {
                    push(
                        Severity::Warning,
                        "upgrade-over-24-hours",
                        path(c, at, None, "upgradeSettings.maxSurge"),
                        format!(
                            "{}/{}: a rolling reimage takes about {}: AKS may not auto-upgrade this pool at all",
                            c.name,
                            p.name,
                            format_hours_minutes(u.minutes)
                        ),
                        "Pools are only auto-upgraded while the estimated total upgrade time is within 24 hours (aks-rules.md §3.6).",
                        "Raise maxSurge or split the pool.",
                        PRACTICES,
                    );
                }
            }
            if u.peak_nodes() > VMSS_NODE_LIMIT {
                push(
                    Severity::Error,
                    "surge-over-vmss-limit",
                    path(c, at, None, "upgradeSettings.maxSurge"),
                    format!(
                        "{}/{}: {} nodes + {} surge = {} exceeds the VMSS limit of {VMSS_NODE_LIMIT}",
                        c.name,
                        p.name,
                        u.nodes,
                        u.peak_extra_nodes,
                        u.peak_nodes()
                    ),
                    "AKS rejects the upgrade before it starts when N + surge > 1000 (aks-rules.md §4.2).",
                    "Lower maxSurge or split the pool.",
                    ROLLING,
                );
            }
            let drain = pool.upgrade_settings.drain_timeout_minutes();
            if u64::from(drain) * 60 < u64::from(a.pod_grace_period_seconds) {
                push(
                    Severity::Warning,
                    "drain-timeout-below-grace-period",
                    path(c, at, None, "upgradeSettings.drainTimeoutInMinutes"),
                    format!(
                        "{}/{}: drainTimeoutInMinutes {drain} is shorter than the stated pod grace period of {} s",
                        c.name, p.name, a.pod_grace_period_seconds
                    ),
                    "A drain that times out stops the upgrade (aks-rules.md §4.1).",
                    "Raise drainTimeoutInMinutes above the longest terminationGracePeriodSeconds.",
                    ROLLING,
                );
            }
            if p.stream.is_some() && u.peak_extra_nodes > 0 {
                let vm = lookup(&pool.vm_size, &a.costs);
                if vm.vcpus_from == Provenance::Unknown || vm.price_from == Provenance::Unknown {
                    push(
                        Severity::Note,
                        "unknown-vm-size",
                        path(c, at, None, "vmSize"),
                        format!(
                            "{}/{}: VM size {:?} is not in the planner's table: surge quota and cost are not counted",
                            c.name, p.name, pool.vm_size
                        ),
                        "Surge needs quota and is billed per VM (aks-rules.md §1.4, §4.2).",
                        "Enter its vCPUs and hourly price under assumptions.projection.costs.vmSizes.",
                        CAPACITY,
                    );
                }
            }
        }
        if c.total_upgrade_minutes > 24 * 60 && c.pools.iter().all(|p| p.upgrade.minutes <= 24 * 60)
        {
            push(
                Severity::Warning,
                "upgrade-over-24-hours",
                path(c, None, None, "agentPoolProfiles"),
                format!(
                    "{}: the pools one after another take about {}",
                    c.name,
                    format_hours_minutes(c.total_upgrade_minutes)
                ),
                "Pools are upgraded one by one; AKS may skip auto-upgrades estimated above 24 hours (aks-rules.md §2 rule 3, §3.6).",
                "Raise maxSurge on the largest pools.",
                PRACTICES,
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
                "pools-wait-for-next-window",
                path(c, None, Some(NODE_OS_CONFIG), "durationHours"),
                format!(
                    "{}: when the window ends these pools still have work and wait for the next window: {}",
                    c.name,
                    waiting.join(", ")
                ),
                "No new operation starts after the window ends (aks-rules.md §3.7, §8 A-12); AKS may also run catch-up upgrades outside windows.",
                "Lengthen the window, make it more frequent, or raise maxSurge.",
                PLANNED_MAINTENANCE,
            );
        }
        if c.scheduling == Scheduling::AksDetermined {
            push(
                Severity::Note,
                "upgrade-time-aks-determined",
                path(c, None, Some(NODE_OS_CONFIG), "schedule"),
                format!(
                    "{}: {} has no {NODE_OS_CONFIG} window: AKS picks the time, so the planner shows no dates",
                    c.name, c.channel
                ),
                "Without a window AKS applies updates at times it chooses (aks-rules.md §8 A-13).",
                "Add a node OS maintenance window (weekly for NodeImage, daily for SecurityPatch).",
                PLANNED_MAINTENANCE,
            );
        }
        if c.channel_change {
            push(
                Severity::Note,
                "channel-change-delay",
                path(c, None, None, "autoUpgradeProfile.nodeOSUpgradeChannel"),
                format!(
                    "{}: the channel change to {} can take up to {} h; work is projected from {} UTC",
                    c.name,
                    c.channel,
                    a.channel_change_delay_hours,
                    crate::rules::timefmt::iso_date_time(&c.effective_from)
                ),
                "Channel changes take effect after up to 24 hours (aks-rules.md §1.8).",
                "Change channels well before the window you count on.",
                NODE_OS,
            );
        }
    }
    for ce in &exposure.clusters {
        let Some(c) = clusters.iter().find(|c| c.name == ce.cluster) else {
            continue;
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
                    "exposure-over-sla",
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
                        exposure.sla_days
                    ),
                    "Exposure = time from a release to the pool running it; it depends on channel, rollout and windows (aks-rules.md §1.3).",
                    "Use SecurityPatch with a daily window, or a more frequent window.",
                    NODE_OS,
                );
            }
        }
    }
    for col in &fleet.collisions {
        let first = col
            .clusters
            .first()
            .and_then(|n| clusters.iter().find(|c| &c.name == n));
        if let Some(c) = first {
            push(
                Severity::Warning,
                "window-collision",
                path(c, None, Some(NODE_OS_CONFIG), "startTime"),
                format!(
                    "subscription {}: {} open a window at the same time ({}×, first {} UTC)",
                    col.subscription,
                    col.clusters.join(", "),
                    col.occurrences,
                    crate::rules::timefmt::iso_date_time(&col.first_start)
                ),
                "Many clusters of one subscription upgrading at once risk ARM throttling; stagger windows (aks-rules.md §3.6).",
                "Move some clusters' startTime or day.",
                PLANNED_MAINTENANCE,
            );
        }
    }
    for s in &fleet.stagger {
        let later = fleet
            .rings
            .iter()
            .find(|(_, r)| *r == s.later_ring)
            .and_then(|(n, _)| clusters.iter().find(|c| &c.name == n));
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
                "ring-order",
                path(c, None, Some(NODE_OS_CONFIG), "startTime"),
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
    super::kubernetes::findings::collect(plan, clusters, &mut out);
    crate::rules::stable_sort::sort_by_key(&mut out, |f| f.severity);
    out
}
