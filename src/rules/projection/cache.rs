//! A per-cluster memo of the projection (issue 4: edit→paint at 200 clusters). Projecting the
//! clusters one by one is about two thirds of [`project`](super::project); most edits touch
//! one cluster, or only a summary setting such as the exposure SLA, so the app keeps one
//! [`ProjectionCache`] and every other cluster's projection is reused. Pure and exact: the
//! result always equals `project` (tested below).

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::super::changed::{Moved, SameButTimings, renamed_only};
use super::super::cluster::Cluster;
use super::super::plan::Plan;
use super::assumptions::CostAssumptions;
use super::exposure::{self, ClusterExposure};
use super::fleet::FleetMemo;
use super::quota::{self, ClusterQuota, SurgeQuota};
use super::timeline::{self, ClusterProjection, Releases, Scheduling, WindowSlot};
use super::vmsize::VmSizes;
use super::{ClusterParts, Projection, findings, summarise};
use crate::rules::maintenance::recurrence::RecurrenceOptions;

/// What a cluster's projection depends on besides the cluster and its index: the plan without
/// its clusters and without the settings only the summaries read (checked by
/// `summary_settings_change_no_cluster_projection` below), and the range.
#[derive(Debug, Clone, PartialEq)]
struct SharedInputs {
    plan: Plan,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

impl SharedInputs {
    fn of(plan: &Plan, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        let mut shared = Plan {
            version: plan.version,
            // The plan's name is only a label.
            name: String::new(),
            clusters: Default::default(),
            assumptions: plan.assumptions.clone(),
            // Recorded quota usage is read by the quota summary only.
            compute_usages: Default::default(),
            // Display zone: kept, in case a cluster's texts ever use it.
            time_zone: plan.time_zone.clone(),
            // The fix-ETA question is not part of the projection.
            eta: None,
        };
        // Not read by a cluster's projection: the SLA and the prices are read by each cluster's
        // exposure, findings and costs, which the cache makes again when they change
        // (`sla_changed`, `costs_changed`); the soak by the fleet checks only.
        let a = &mut shared.assumptions.projection;
        a.exposure_sla_days = 0;
        a.ring_soak_hours = 0;
        a.costs = CostAssumptions::default();
        SharedInputs {
            plan: shared,
            from,
            to,
        }
    }
}

/// One cluster as last projected: the cluster (shared with the plan it came from, so an
/// unchanged cluster is found by pointer), its projection, its exposure, and its findings and
/// cost.
#[derive(Debug, Clone)]
struct Entry {
    cluster: Arc<Cluster>,
    projection: Arc<ClusterProjection>,
    exposure: Arc<ClusterExposure>,
    parts: ClusterParts,
    /// The windows of the cluster's node OS maintenance window, when known: drawn by this
    /// projection, or kept from an earlier one while the cluster is not scheduled in windows
    /// (Unmanaged, None), so that changing the channel back and forth draws none again.
    windows: Option<Arc<[WindowSlot]>>,
}

/// What a cluster's node OS windows depend on besides the cluster: the range and the
/// recurrence readings.
type WindowInputs = (DateTime<Utc>, DateTime<Utc>, RecurrenceOptions);

/// The node OS windows `last` knows ([`Entry::windows`]), if `cluster` has the same node OS
/// maintenance window: they depend on nothing else of the cluster
/// (`timeline::project_cluster_in`).
fn same_windows(last: &Entry, cluster: &Arc<Cluster>) -> Option<Arc<[WindowSlot]>> {
    let same = Arc::ptr_eq(&last.cluster, cluster)
        || last.cluster.maintenance_configurations.node_os
            == cluster.maintenance_configurations.node_os;
    last.windows.as_ref().filter(|_| same).map(Arc::clone)
}

/// The last projection of each cluster, with the inputs it was made from.
#[derive(Debug, Clone, Default)]
pub struct ProjectionCache {
    shared: Option<SharedInputs>,
    windows: Option<WindowInputs>,
    /// By cluster index.
    clusters: Vec<Entry>,
    /// The exposure SLA the cached exposures were measured against.
    sla_days: u32,
    /// The prices the cached costs and VM-size findings were made with.
    costs: Option<CostAssumptions>,
    /// The last surge quota, with what it was made from.
    quota: Option<(SameButTimings, Arc<SurgeQuota>)>,
    /// The last fleet checks' parts, with what they were made from.
    fleet: FleetMemo,
    reused: u32,
    projected: u32,
}

impl ProjectionCache {
    /// Equal to [`project`](super::project)`(plan, from, weeks)`; projects again only the
    /// clusters whose inputs changed since the last call, and shares every other cluster's
    /// projection and exposure with the last result (no copy).
    pub fn project(&mut self, plan: &Plan, from: DateTime<Utc>, weeks: u32) -> Projection {
        let to = from + Duration::weeks(i64::from(weeks));
        let shared = SharedInputs::of(plan, from, to);
        // An edit of the shared inputs projects every cluster again; the last projections are
        // kept for their windows when the window inputs did not change.
        let mut last = Vec::new();
        if self.shared.as_ref() != Some(&shared) {
            last = std::mem::take(&mut self.clusters);
            self.shared = Some(shared);
        }
        let window_inputs = Some((from, to, plan.assumptions.recurrence));
        let windows_kept = self.windows == window_inputs;
        if !windows_kept {
            last.clear();
            self.windows = window_inputs;
        }
        let sla_days = plan.assumptions.projection.exposure_sla_days;
        let sla_changed = self.sla_days != sla_days;
        self.sla_days = sla_days;
        let costs = &plan.assumptions.projection.costs;
        let costs_changed = self.costs.as_ref() != Some(costs);
        if costs_changed {
            self.costs = Some(costs.clone());
        }
        let mut sizes = VmSizes::new(costs);
        let horizon = (to - from).num_minutes();
        self.reused = 0;
        self.projected = 0;
        let releases = Releases::new(&plan.assumptions.projection, from, to);
        // The last call's entries, by index; a cluster an edit moved (removing, adding or
        // moving one shifts those after it) is found by pointer.
        let old = std::mem::take(&mut self.clusters);
        let mut moved = Moved::new(&old, |e: &Entry| &e.cluster);
        let mut projected = Vec::with_capacity(plan.clusters.len());
        let mut exposures = Vec::with_capacity(plan.clusters.len());
        for (i, cluster) in plan.clusters.arcs().iter().enumerate() {
            let found = moved.find(i, cluster);
            let entry = match found {
                Some(entry) => {
                    self.reused = self.reused.saturating_add(1);
                    let mut entry = entry.clone();
                    // Kept with the plan's pointer: an edit that changed nothing still copies a
                    // cluster (a new pointer, an equal value), and the next lookup is by pointer.
                    entry.cluster = Arc::clone(cluster);
                    // Moved: its projection and findings are the same but for the index they
                    // carry.
                    let moved = entry.projection.index as usize != i;
                    if moved {
                        entry.projection = Arc::new(ClusterProjection {
                            index: timeline::index_u32(i),
                            ..ClusterProjection::clone(&entry.projection)
                        });
                    }
                    if sla_changed {
                        entry.exposure = Arc::new(exposure::cluster(
                            &entry.projection,
                            &releases.all,
                            to,
                            sla_days,
                        ));
                    }
                    if sla_changed || costs_changed {
                        entry.parts = ClusterParts::of(
                            plan,
                            (&entry.projection, cluster, &entry.exposure),
                            horizon,
                            &mut sizes,
                        );
                    } else if moved {
                        entry.parts.findings =
                            findings::ClusterFindings::at_index(&entry.parts.findings, i);
                    }
                    entry
                }
                None => {
                    // The windows of the cluster last at this index, if it has the same node
                    // OS window (a bulk change of every cluster's channel keeps every window).
                    let windows = (last.get(i).or_else(|| old.get(i)))
                        .filter(|_| windows_kept)
                        .and_then(|last| same_windows(last, cluster));
                    let projection = match old.get(i) {
                        // Renamed, nothing else: the projection is the same but for the name
                        // it carries (its windows and pools shared, so the fleet checks keep
                        // theirs); the exposure lists carry the name too.
                        Some(e) if renamed_only(&e.cluster, cluster) => {
                            self.reused = self.reused.saturating_add(1);
                            Arc::new(ClusterProjection {
                                name: cluster.name.clone(),
                                index: timeline::index_u32(i),
                                ..ClusterProjection::clone(&e.projection)
                            })
                        }
                        _ => {
                            self.projected = self.projected.saturating_add(1);
                            Arc::new(timeline::project_cluster_in(
                                i,
                                cluster,
                                plan,
                                &releases,
                                (from, to),
                                windows.clone(),
                            ))
                        }
                    };
                    let exposure =
                        Arc::new(exposure::cluster(&projection, &releases.all, to, sla_days));
                    let windows = match projection.scheduling {
                        Scheduling::MaintenanceWindow => Some(Arc::clone(&projection.windows)),
                        _ => windows,
                    };
                    Entry {
                        cluster: Arc::clone(cluster),
                        windows,
                        parts: ClusterParts::of(
                            plan,
                            (&projection, cluster, &exposure),
                            horizon,
                            &mut sizes,
                        ),
                        exposure,
                        projection,
                    }
                }
            };
            projected.push(Arc::clone(&entry.projection));
            exposures.push(Arc::clone(&entry.exposure));
            self.clusters.push(entry);
        }
        let exposure = exposure::combine(sla_days, exposures);
        let quota = self.quota(plan);
        summarise(
            plan,
            (from, to),
            releases,
            (
                projected,
                exposure,
                &self.clusters.iter().map(|e| &e.parts).collect::<Vec<_>>(),
            ),
            (quota, &mut self.fleet),
        )
    }

    /// [`quota::summarise`]`(plan)`, the last one again while no cluster and no quota input
    /// changed: surge counts depend on no step timing, so a step timing keeps it.
    ///
    /// Otherwise, while nothing but clusters and step timings changed, the clusters an edit left
    /// alone (found by pointer, `Moved`) keep their rows and only the subscriptions and regions
    /// are added up again.
    fn quota(&mut self, plan: &Plan) -> Arc<SurgeQuota> {
        if let Some((inputs, quota)) = &self.quota
            && inputs.matches(plan)
        {
            return Arc::clone(quota);
        }
        let a = &plan.assumptions.projection;
        let mut sizes = VmSizes::new(&a.costs);
        let last = self
            .quota
            .take()
            .filter(|(inputs, _)| inputs.rest_matches(plan));
        // The last rows with the clusters they were made of (none when the rest changed).
        let kept: Vec<(&Arc<Cluster>, &Arc<ClusterQuota>)> = last
            .iter()
            .flat_map(|(inputs, quota)| inputs.clusters().iter().zip(&quota.clusters))
            .collect();
        let mut moved = Moved::new(&kept, |k| k.0);
        let rows: Vec<Arc<ClusterQuota>> = (plan.clusters.arcs().iter().enumerate())
            .map(|(i, c)| match moved.find(i, c) {
                Some((_, row)) => Arc::clone(row),
                None => {
                    // A cluster changed elsewhere than its pools (a channel, a window) makes
                    // the same row: the last one is kept, and with it its region.
                    let row = quota::cluster_quota(c, a, &mut sizes);
                    match kept.get(i) {
                        Some((_, last)) if ***last == row => Arc::clone(last),
                        _ => Arc::new(row),
                    }
                }
            })
            .collect();
        let quota = Arc::new(quota::summarise_clusters(
            plan,
            rows,
            last.as_ref().map(|(_, q)| &**q),
        ));
        self.quota = Some((SameButTimings::of(plan), Arc::clone(&quota)));
        quota
    }

    /// The fleet checks' memo, for its tests.
    #[cfg(test)]
    pub(super) fn fleet_memo(&self) -> &FleetMemo {
        &self.fleet
    }

    /// How many clusters the last [`ProjectionCache::project`] reused.
    pub fn reused(&self) -> u32 {
        self.reused
    }

    /// How many clusters the last [`ProjectionCache::project`] projected (again).
    pub fn projected(&self) -> u32 {
        self.projected
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::super::HORIZON_WEEKS;
    use super::super::project;
    use super::*;
    use crate::rules::demo::{demo_plan, fleet};
    use crate::rules::edit::{self, Direction};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap()
    }

    type Edit = fn(&mut Plan);
    /// How many clusters are reused, from the smaller cluster count before and after an edit.
    type Reused = fn(u32) -> u32;

    /// Edits of every kind, applied one after another, with how many clusters the cache reuses
    /// afterwards.
    const EDITS: [(&str, Edit, Reused); 16] = [
        ("nothing", |_| {}, |n| n),
        (
            "one pool's maxSurge",
            |p| {
                p.clusters[3].agent_pool_profiles[1]
                    .upgrade_settings
                    .max_surge = Some("2".parse().unwrap())
            },
            |n| n - 1,
        ),
        (
            "the exposure SLA",
            |p| p.assumptions.projection.exposure_sla_days = 3,
            |n| n,
        ),
        (
            "the ring soak",
            |p| p.assumptions.projection.ring_soak_hours = 48,
            |n| n,
        ),
        // Read by the costs and the VM-size findings only: every cluster keeps its projection.
        (
            "the currency and the VHD price",
            |p| {
                let costs = &mut p.assumptions.projection.costs;
                costs.currency = "EUR".into();
                costs.vhd_price_per_gb_month_micros = 70_000;
            },
            |n| n,
        ),
        (
            "a step timing",
            |p| p.assumptions.projection.timings.drain_minutes = 9,
            |_| 0,
        ),
        (
            "a cluster's channel",
            |p| {
                p.clusters[0].auto_upgrade_profile.node_os_upgrade_channel =
                    crate::rules::channel::NodeOsChannel::Unmanaged
            },
            |n| n - 1,
        ),
        // A renamed cluster keeps its projection but for the name (and its windows and pools
        // shared, which the fleet checks find unchanged).
        (
            "renaming a cluster",
            |p| p.clusters[5].name = "renamed".into(),
            |n| n,
        ),
        // What the fleet checks read besides windows and patches: a ring, a subscription.
        (
            "a cluster's ring tag",
            |p| {
                p.clusters[1].tags.insert("ring".into(), "7".into());
            },
            |n| n - 1,
        ),
        (
            "a cluster's windows, made those of another subscription's cluster",
            |p| {
                p.clusters[2].maintenance_configurations =
                    p.clusters[5].maintenance_configurations.clone()
            },
            |n| n - 1,
        ),
        (
            "its subscription, made that cluster's: now they collide",
            |p| p.clusters[2].subscription = p.clusters[5].subscription.clone(),
            |n| n - 1,
        ),
        // Clusters an edit moved keep their projection (found by pointer).
        (
            "moving a cluster down",
            |p| {
                edit::move_cluster(p, 4, Direction::Down).unwrap();
            },
            |n| n,
        ),
        (
            "removing the first cluster",
            |p| {
                edit::remove_cluster(p, 0).unwrap();
            },
            |n| n,
        ),
        (
            "duplicating a cluster (inserted after it)",
            |p| {
                edit::duplicate_cluster(p, 2).unwrap();
            },
            |n| n,
        ),
        (
            "removing the last cluster",
            |p| {
                p.clusters.pop();
            },
            |n| n,
        ),
        (
            "adding a cluster",
            |p| {
                edit::add_cluster(p);
            },
            |n| n,
        ),
    ];

    #[test]
    fn the_cache_projects_what_project_does_after_every_kind_of_edit() {
        let mut plan = fleet(12);
        let mut cache = ProjectionCache::default();
        assert_eq!(
            cache.project(&plan, now(), HORIZON_WEEKS),
            project(&plan, now(), HORIZON_WEEKS)
        );
        for (what, change, _) in EDITS {
            change(&mut plan);
            let cached = cache.project(&plan, now(), HORIZON_WEEKS);
            assert_eq!(cached, project(&plan, now(), HORIZON_WEEKS), "after {what}");
        }
        // A later "now" is another range: every cluster is projected again.
        let later = now() + Duration::hours(1);
        assert_eq!(
            cache.project(&plan, later, HORIZON_WEEKS),
            project(&plan, later, HORIZON_WEEKS)
        );
        assert_eq!(cache.reused(), 0);
    }

    #[test]
    fn only_the_clusters_an_edit_touched_are_projected_again() {
        let mut plan = fleet(12);
        let mut cache = ProjectionCache::default();
        cache.project(&plan, now(), HORIZON_WEEKS);
        assert_eq!(cache.reused(), 0);
        for (what, change, reused) in EDITS {
            let before = u32::try_from(plan.clusters.len()).unwrap();
            change(&mut plan);
            let after = u32::try_from(plan.clusters.len()).unwrap();
            cache.project(&plan, now(), HORIZON_WEEKS);
            assert_eq!(cache.reused(), reused(before.min(after)), "after {what}");
            assert_eq!(cache.projected(), after - cache.reused(), "after {what}");
        }
    }

    /// Of `now`, how many are not shared (by pointer) with an element of `then`.
    fn made_again<T>(now: &[Arc<T>], then: &[Arc<T>]) -> usize {
        let old: std::collections::BTreeSet<*const T> = then.iter().map(Arc::as_ptr).collect();
        now.iter()
            .filter(|x| !old.contains(&Arc::as_ptr(x)))
            .count()
    }

    #[test]
    fn a_rename_makes_again_only_what_names_the_renamed_cluster() {
        // The same counts at 60 and 600 clusters: a rename's work does not grow with the fleet.
        for n in [60, 600] {
            let mut plan = fleet(n);
            let mut cache = ProjectionCache::default();
            let before = cache.project(&plan, now(), HORIZON_WEEKS);
            plan.clusters[7].name = "renamed".into();
            let after = cache.project(&plan, now(), HORIZON_WEEKS);
            assert_eq!(after, project(&plan, now(), HORIZON_WEEKS));
            assert_eq!(made_again(&after.costs.clusters, &before.costs.clusters), 1);
            let lines = after.costs.lines.iter().filter(|l| l.cluster == "renamed");
            assert_eq!(
                made_again(&after.costs.lines, &before.costs.lines),
                lines.count()
            );
            assert_eq!(made_again(&after.quota.clusters, &before.quota.clusters), 1);
            // The regions hold no names: a rename keeps every one.
            assert_eq!(made_again(&after.quota.regions, &before.quota.regions), 0);
            // Findings: those about the renamed cluster or naming it (a window collision),
            // and the ring order's (a handful, made again on every call).
            use crate::rules::finding::FindingCode;
            let may_change = after
                .findings
                .iter()
                .filter(|f| {
                    f.path.cluster == Some(7)
                        || f.code == FindingCode::RingOrder
                        || (f.code == FindingCode::WindowCollision && f.message.contains("renamed"))
                })
                .count();
            let made = made_again(&after.findings, &before.findings);
            assert!(made <= may_change, "{made} of {may_change} at {n} clusters");
            assert!(may_change < 20, "{may_change} at {n} clusters");
        }
    }

    #[test]
    fn the_surge_quota_is_kept_across_a_step_timing_only() {
        let mut plan = fleet(12);
        let mut cache = ProjectionCache::default();
        let first = cache.project(&plan, now(), HORIZON_WEEKS).quota;
        plan.assumptions.projection.timings.drain_minutes = 41;
        let timed = cache.project(&plan, now(), HORIZON_WEEKS).quota;
        assert!(
            Arc::ptr_eq(&first, &timed),
            "a step timing made the quota again"
        );
        assert_eq!(timed, project(&plan, now(), HORIZON_WEEKS).quota);
        plan.clusters[2].agent_pool_profiles[0].count += 5;
        let grown = cache.project(&plan, now(), HORIZON_WEEKS).quota;
        assert!(
            !Arc::ptr_eq(&timed, &grown),
            "a pool's size kept the old quota"
        );
        assert_eq!(grown, project(&plan, now(), HORIZON_WEEKS).quota);
        plan.assumptions.projection.surge_quota =
            crate::rules::projection::assumptions::SurgeQuotaReading::PoolsOneAtATime;
        let read = cache.project(&plan, now(), HORIZON_WEEKS).quota;
        assert_eq!(read, project(&plan, now(), HORIZON_WEEKS).quota);
        assert_ne!(read, grown, "the reading changes the fleet's figure");
    }

    #[test]
    fn windows_are_reused_only_while_their_inputs_stand() {
        // Every two weeks on Monday from Wednesday 2026-11-04: reading A counts from the week
        // containing the start date (its Monday, Nov 2, is before the start: Nov 16, 30, …),
        // reading B from the first Monday after it (Nov 9, 23, …) (docs/aks-rules.md §8).
        let text = r#"{"version":1,"name":"p","clusters":[{"name":"a","resourceGroup":"rg","location":"westeurope","subscription":"s","kubernetesVersion":"1.35.2","autoUpgradeProfile":{"nodeOSUpgradeChannel":"NodeImage"},"agentPoolProfiles":[{"name":"pool","mode":"System","osType":"Linux","osSKU":"Ubuntu","vmSize":"Standard_D4s_v5","count":3}],"maintenanceConfigurations":[{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{"schedule":{"weekly":{"intervalWeeks":2,"dayOfWeek":"Monday"}},"durationHours":4,"utcOffset":"+00:00","startDate":"2026-11-04","startTime":"06:00"}}]}]}"#;
        let mut plan = Plan::from_json(text).unwrap().0;
        let mut cache = ProjectionCache::default();
        cache.project(&plan, now(), HORIZON_WEEKS);
        // A step timing: every cluster projected again, with the same windows.
        plan.assumptions.projection.timings.drain_minutes = 17;
        assert_eq!(
            cache.project(&plan, now(), HORIZON_WEEKS),
            project(&plan, now(), HORIZON_WEEKS)
        );
        let before = project(&plan, now(), HORIZON_WEEKS).clusters[0]
            .windows
            .clone();
        plan.assumptions.recurrence.weekly_anchor =
            crate::rules::maintenance::recurrence::WeeklyAnchor::FirstMatchingDay;
        let after = cache.project(&plan, now(), HORIZON_WEEKS);
        assert_ne!(
            after.clusters[0].windows, before,
            "the reading moves the windows"
        );
        assert_eq!(after, project(&plan, now(), HORIZON_WEEKS));
    }

    #[test]
    fn a_channel_change_keeps_each_clusters_windows_and_a_window_change_does_not() {
        use crate::rules::bulk::{self, BulkChange};
        use crate::rules::channel::NodeOsChannel;
        let mut plan = fleet(40);
        let mut cache = ProjectionCache::default();
        let before = cache.project(&plan, now(), HORIZON_WEEKS);
        let every: Vec<usize> = (0..plan.clusters.len()).collect();
        // Every cluster's channel, None and Unmanaged ones included (drawn in no window before).
        let channel = |c: &Cluster| c.auto_upgrade_profile.node_os_upgrade_channel;
        let changes = (plan.clusters.iter())
            .filter(|c| channel(c) != NodeOsChannel::SecurityPatch)
            .count();
        let change = BulkChange::NodeOsChannel(NodeOsChannel::SecurityPatch);
        bulk::apply(&mut plan, &every, &change).unwrap();
        let after = cache.project(&plan, now(), HORIZON_WEEKS);
        assert_eq!(after, project(&plan, now(), HORIZON_WEEKS));
        assert!(changes > 10);
        assert_eq!(
            cache.projected() as usize,
            changes,
            "each changed cluster is projected"
        );
        let in_windows = |c: &ClusterProjection| c.scheduling == Scheduling::MaintenanceWindow;
        let kept = (before.clusters.iter().zip(&after.clusters))
            .filter(|(b, a)| in_windows(b) && in_windows(a))
            .inspect(|(b, a)| assert!(Arc::ptr_eq(&b.windows, &a.windows), "{}", a.name))
            .count();
        assert!(
            kept > 10,
            "only {kept} clusters were drawn in windows before and after"
        );
        // Unmanaged (not drawn in windows) and back: the windows are still known.
        for channel in [NodeOsChannel::Unmanaged, NodeOsChannel::SecurityPatch] {
            bulk::apply(&mut plan, &every, &BulkChange::NodeOsChannel(channel)).unwrap();
            assert_eq!(
                cache.project(&plan, now(), HORIZON_WEEKS),
                project(&plan, now(), HORIZON_WEEKS)
            );
        }
        let back = cache.project(&plan, now(), HORIZON_WEEKS);
        for (a, b) in after.clusters.iter().zip(&back.clusters) {
            assert!(in_windows(a) == in_windows(b));
            assert!(
                !in_windows(a) || Arc::ptr_eq(&a.windows, &b.windows),
                "{}",
                a.name
            );
        }
        // One cluster's window changes: its windows are drawn again, the others' are kept.
        let i = (0..40).find(|&i| in_windows(&after.clusters[i])).unwrap();
        let window = plan.clusters.get_mut(i).unwrap();
        let node_os = window.maintenance_configurations.node_os.as_mut().unwrap();
        node_os.duration_hours += 1;
        let changed = cache.project(&plan, now(), HORIZON_WEEKS);
        assert_eq!(changed, project(&plan, now(), HORIZON_WEEKS));
        assert_ne!(changed.clusters[i].windows, after.clusters[i].windows);
    }

    #[test]
    fn summary_settings_change_no_cluster_projection() {
        // The cache keys clusters without these settings: if a cluster's projection ever
        // depends on one of them, this fails and SharedInputs::of must keep it.
        let plan = demo_plan();
        let base = project(&plan, now(), HORIZON_WEEKS).clusters;
        let changes: [Edit; 5] = [
            |p| p.name = "renamed".to_owned(),
            |p| p.assumptions.projection.exposure_sla_days = 1,
            |p| p.assumptions.projection.ring_soak_hours = 500,
            |p| p.assumptions.projection.costs.currency = "EUR".to_owned(),
            |p| {
                p.assumptions.projection.costs = CostAssumptions {
                    vhd_used_gb: 999,
                    retained_vhds_per_os_sku: 9,
                    ..CostAssumptions::default()
                }
            },
        ];
        for change in changes {
            let mut changed = plan.clone();
            change(&mut changed);
            assert_eq!(project(&changed, now(), HORIZON_WEEKS).clusters, base);
        }
    }

    #[test]
    fn every_kubernetes_input_invalidates_the_cached_projection() {
        // The Kubernetes projection (§2) reads the auto-upgrade assumptions, the cluster's
        // version, its upgradeChannel and its aksManagedAutoUpgradeSchedule: an edit of each
        // must change the cached result exactly as it changes `project`.
        let changes: [(&str, Edit, u32); 4] = [
            (
                "assumptions.projection.kubernetes",
                |p| p.assumptions.projection.kubernetes.minor_interval_days = 30,
                0,
            ),
            (
                "kubernetesVersion",
                |p| p.clusters[0].kubernetes_version = "1.30.1".parse().ok(),
                2,
            ),
            (
                "upgradeChannel",
                |p| {
                    p.clusters[0].auto_upgrade_profile.upgrade_channel =
                        crate::rules::channel::UpgradeChannel::Rapid
                },
                2,
            ),
            (
                "aksManagedAutoUpgradeSchedule",
                |p| {
                    let w = p.clusters[0]
                        .maintenance_configurations
                        .auto_upgrade
                        .as_mut();
                    w.unwrap().duration_hours = 12;
                },
                2,
            ),
        ];
        for (what, change, reused) in changes {
            let plan = demo_plan();
            let mut cache = ProjectionCache::default();
            let before = cache.project(&plan, now(), HORIZON_WEEKS);
            let mut changed = plan.clone();
            change(&mut changed);
            let after = cache.project(&changed, now(), HORIZON_WEEKS);
            assert_eq!(after, project(&changed, now(), HORIZON_WEEKS), "{what}");
            assert_ne!(after.clusters, before.clusters, "{what} changed nothing");
            assert_eq!(cache.reused(), reused, "{what}");
        }
    }
}
