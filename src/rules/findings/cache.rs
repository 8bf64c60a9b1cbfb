//! The plan checks of a big fleet, kept per cluster (issue 11, "Scale"): most edits change one
//! cluster, so the app keeps one [`FindingsCache`] and checks again only the clusters whose
//! value (or index) changed; the rules that compare clusters with each other run again when a
//! cluster changed: the duplicate names from an index of every cluster's name that an edit
//! updates for the clusters it changed (`duplicates`), the shared quota from the projection's.
//! Pure and exact: the result
//! always equals [`check_at`](super::check_at) (and [`merge`](super::merge) with a
//! projection's findings), tested below against those functions.
//!
//! Invariant: a [`Part::Cluster`] rule finds things about one cluster at a time, reading the
//! rest of the plan (assumptions, …) but never another cluster; its findings all point at
//! that cluster. [`PARTS`] lists the families of [`FAMILIES`](super::FAMILIES) in
//! [`check_at`](super::check_at)'s order, so sorting by (severity, cluster, pool, part) puts
//! the findings exactly where `check_at`'s stable sort does.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::super::changed::{Moved, SameButTimings};
use super::super::cluster::Cluster;
use super::super::clusters::Clusters;
use super::super::plan::Plan;
use super::super::projection::quota::SurgeQuota;
use super::duplicates::DuplicateNames;
use super::{
    Finding, assumptions, changes, channels, drain, kubernetes_support, names, os_lifecycle,
    os_support, pools, quota, tags, upgrade_settings, values,
};

type Rule = fn(&Plan, Option<DateTime<Utc>>) -> Vec<Finding>;

/// A part of the plan checks.
#[derive(Clone, Copy)]
enum Part {
    /// Each cluster on its own: run on a plan holding that one cluster.
    Cluster(Rule),
    /// Across clusters: the duplicate cluster names, kept by name (`duplicates`).
    DuplicateNames,
    /// Across clusters, from the plan's surge quota: the projection's when the caller has it
    /// (the same figures; computing them again was a whole-fleet pass on every edit).
    Quota,
}

/// Every rule of [`check_at`](super::check_at), in its order.
const PARTS: [Part; 16] = [
    Part::Cluster(|p, _| names::cluster_names(p)),
    Part::DuplicateNames,
    Part::Cluster(|p, _| names::pool_names(p)),
    Part::Cluster(|p, _| tags::findings(p)),
    Part::Cluster(|p, _| pools::findings(p)),
    Part::Cluster(|p, _| channels::findings(p)),
    Part::Cluster(|p, _| os_support::findings(p)),
    Part::Cluster(|p, _| changes::findings(p)),
    Part::Cluster(|p, _| upgrade_settings::findings(p)),
    Part::Cluster(|p, _| drain::findings(p)),
    Part::Cluster(|p, _| assumptions::findings(p)),
    Part::Quota,
    Part::Cluster(|p, _| values::findings(p)),
    Part::Cluster(os_lifecycle::findings),
    Part::Cluster(kubernetes_support::findings),
    Part::Cluster(super::maintenance_windows),
];

/// Findings tagged with the index in [`PARTS`] of the rule that found them (the projection's
/// come last), shared between calls so an unchanged finding is never copied.
type Ranked = Vec<(u8, Arc<Finding>)>;

/// What the projection of the same plan already knows: its findings (merged after the plan
/// checks) and its surge quota (the figures of the quota findings, `Part::Quota`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Projected<'a> {
    pub findings: &'a [Arc<Finding>],
    /// `projection::quota::summarise(plan)` when known.
    pub quota: Option<&'a SurgeQuota>,
}

/// The last plan checks of each cluster, with the inputs they were made from.
#[derive(Debug, Clone, Default)]
pub struct FindingsCache {
    /// The plan without its clusters and name, and "now", the checks were made with.
    rest: Option<(Plan, Option<DateTime<Utc>>)>,
    /// By cluster index: the cluster as checked and its findings.
    clusters: Vec<(Arc<Cluster>, Ranked)>,
    /// The last call's fleet-wide and projection findings, reused where they did not change.
    others: Ranked,
    /// Every cluster's ARM name, kept for the duplicate-names check.
    names: DuplicateNames,
    /// What the last fleet-wide findings were made from, and "now".
    fleet_inputs: Option<(SameButTimings, Option<DateTime<Utc>>)>,
    rechecked: u32,
}

impl FindingsCache {
    /// Equal to [`check_at`](super::check_at)`(plan, now)`.
    pub fn check_at(&mut self, plan: &Plan, now: Option<DateTime<Utc>>) -> Vec<Finding> {
        let all = self.all(plan, now, Projected::default());
        all.iter().map(|f| Finding::clone(f)).collect()
    }

    /// Equal to [`merge`](super::merge)`(`[`check_at`](super::check_at)`(plan, now),
    /// projected.findings)`, each finding shared with the last call's when it did not change;
    /// checks again only the clusters that changed since the last call.
    pub fn all(
        &mut self,
        plan: &Plan,
        now: Option<DateTime<Utc>>,
        projected: Projected<'_>,
    ) -> Vec<Arc<Finding>> {
        let mut rest = rest_of(plan);
        if self.rest.as_ref() != Some(&(rest.clone(), now)) {
            self.clusters.clear();
            self.rest = Some((rest.clone(), now));
        }
        self.rechecked = 0;
        // The last call's checks, by index; a cluster an edit moved (removing, adding or moving
        // one shifts those after it) is found by pointer and its findings re-pointed.
        let old = std::mem::take(&mut self.clusters);
        let mut moved = Moved::new(&old, |(c, _): &(Arc<Cluster>, Ranked)| c);
        for (i, cluster) in plan.clusters.arcs().iter().enumerate() {
            let found = moved.find(i, cluster);
            let entry = match found {
                // Kept with the plan's pointer: an edit that changed nothing still copies a
                // cluster (a new pointer, an equal value), and the next lookup is by pointer.
                Some((_, found)) => (Arc::clone(cluster), at_index(found, i)),
                None => {
                    self.rechecked = self.rechecked.saturating_add(1);
                    (
                        Arc::clone(cluster),
                        check_cluster(&mut rest, i, cluster, now),
                    )
                }
            };
            self.clusters.push(entry);
        }
        self.others = self.fleet_and_projected(plan, now, projected);
        let mut ranked: Vec<&(u8, Arc<Finding>)> = Vec::new();
        for (_, found) in &self.clusters {
            ranked.extend(found);
        }
        ranked.extend(&self.others);
        in_order(ranked, self.clusters.len())
            .map(|(_, f)| Arc::clone(f))
            .collect()
    }

    /// The findings of the [`Part::DuplicateNames`] and [`Part::Quota`] rules, then the projected ones
    /// (which come after every plan check at the same place, as in `merge`), each fleet finding
    /// shared with the last call's at the same position when equal.
    fn fleet_and_projected(
        &mut self,
        plan: &Plan,
        now: Option<DateTime<Utc>>,
        Projected {
            findings: projected,
            quota,
        }: Projected<'_>,
    ) -> Ranked {
        let last = u8::try_from(PARTS.len()).unwrap_or(u8::MAX);
        // The fleet rules read the clusters and the plan's settings but no step timing: while
        // neither changed (a step timing), their last findings stand.
        let same = self
            .fleet_inputs
            .as_ref()
            .is_some_and(|(inputs, at)| *at == now && inputs.matches(plan));
        let found: Vec<(u8, std::borrow::Cow<'_, Finding>)> = if same {
            self.others
                .iter()
                .take_while(|(rank, _)| *rank != last)
                .map(|(rank, f)| (*rank, std::borrow::Cow::Borrowed(&**f)))
                .collect()
        } else {
            self.fleet_inputs = Some((SameButTimings::of(plan), now));
            let fleet = (0u8..).zip(PARTS).filter_map(|(rank, part)| match part {
                Part::DuplicateNames => Some((rank, self.names.findings(plan))),
                Part::Quota => Some((
                    rank,
                    match quota {
                        Some(known) => quota::findings_of(plan, known),
                        None => quota::findings(plan),
                    },
                )),
                Part::Cluster(_) => None,
            });
            fleet
                .flat_map(|(rank, found)| {
                    found
                        .into_iter()
                        .map(move |f| (rank, std::borrow::Cow::Owned(f)))
                })
                .collect()
        };
        let mut out: Ranked = (found.into_iter().enumerate())
            .map(|(i, (rank, f))| match self.others.get(i) {
                Some((r, old)) if *r == rank && **old == *f => (rank, Arc::clone(old)),
                _ => (rank, Arc::new(f.into_owned())),
            })
            .collect();
        // Already shared: the projection cache keeps each cluster's.
        out.extend(projected.iter().map(|f| (last, Arc::clone(f))));
        out
    }

    /// How many clusters the last call checked again.
    pub fn rechecked(&self) -> u32 {
        self.rechecked
    }
}

/// `ranked` in `check_at`'s order, a stable sort by (severity, cluster, pool, rank): placed by
/// severity and cluster in one counting pass, then each run of one severity and cluster sorted
/// by (cluster, pool, rank), a few findings each. Linear in the findings and the `clusters`: a
/// sort of every finding was the largest part of a rename at 5,000 clusters.
fn in_order(
    ranked: Vec<&(u8, Arc<Finding>)>,
    clusters: usize,
) -> impl Iterator<Item = &(u8, Arc<Finding>)> {
    // Runs: per severity, the findings of no cluster, then one per cluster (an index past the
    // plan's clusters shares the last run, whose sort keeps it in place).
    let width = clusters + 2;
    let run = |f: &Finding| {
        f.severity as usize * width + f.path.cluster.map_or(0, |c| c.min(clusters) + 1)
    };
    let mut starts = vec![0usize; 3 * width + 1];
    for (_, f) in &ranked {
        starts[run(f) + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut next = starts.clone();
    let mut placed = vec![0usize; ranked.len()];
    for (k, (_, f)) in ranked.iter().enumerate() {
        let r = run(f);
        placed[next[r]] = k;
        next[r] += 1;
    }
    let mut out: Vec<&(u8, Arc<Finding>)> = placed.into_iter().map(|k| ranked[k]).collect();
    for bounds in starts.windows(2) {
        let key = |(rank, f): &&(u8, Arc<Finding>)| (f.path.cluster, f.path.pool, *rank);
        // Most runs are in order already (one cluster's checks come in rank order).
        if let Some(run) = out.get_mut(bounds[0]..bounds[1])
            && !run.is_sorted_by_key(key)
        {
            crate::rules::stable_sort::sort_by_key(run, key);
        }
    }
    out.into_iter()
}

/// What a cluster's checks depend on besides the cluster and its index: the plan without its
/// clusters, its name (a label) and the estimates only the projection and the fleet rules read
/// (checked by `estimates_change_no_cluster_check` below), so that editing a step timing or
/// the exposure SLA checks no cluster again.
fn rest_of(plan: &Plan) -> Plan {
    let mut rest = Plan {
        name: String::new(),
        clusters: Clusters::new(),
        ..plan.without_clusters()
    };
    let a = &mut rest.assumptions.projection;
    a.timings = Default::default();
    a.costs = Default::default();
    a.exposure_sla_days = 0;
    a.ring_soak_hours = 0;
    rest
}

/// `found` (one cluster's findings) pointing at cluster `index`: shared when they already do,
/// copied with the new index when the cluster moved (a cluster's checks run on it alone, so
/// nothing else in them depends on where it is).
fn at_index(found: &Ranked, index: usize) -> Ranked {
    found
        .iter()
        .map(|(rank, f)| (*rank, Finding::at_cluster(f, index)))
        .collect()
}

/// The findings of every [`Part::Cluster`] rule about cluster `index`, run on `alone` (the
/// plan without its clusters, reused for every cluster checked: copying it per cluster was a
/// large part of checking 2,000 changed clusters) holding only that cluster.
fn check_cluster(
    alone: &mut Plan,
    index: usize,
    cluster: &Arc<Cluster>,
    now: Option<DateTime<Utc>>,
) -> Ranked {
    alone.clusters = Clusters::new();
    alone.clusters.push_shared(Arc::clone(cluster));
    let alone = &*alone;
    let mut out = Vec::new();
    for (rank, part) in (0u8..).zip(PARTS) {
        if let Part::Cluster(rule) = part {
            out.extend(rule(alone, now).into_iter().map(|mut f| {
                f.path.cluster = Some(index);
                (rank, Arc::new(f))
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::super::{check_at, merge};
    use super::*;
    use crate::rules::demo::{demo_plan, fleet};
    use crate::rules::edit::{self, Direction};

    #[test]
    fn findings_are_put_in_order_as_a_stable_sort_by_severity_cluster_pool_and_rank_would() {
        use crate::rules::finding::{FieldPath, FindingCode, Severity, sources};
        // Pseudo-random findings (a fixed LCG): clusters from none to past the plan's 10,
        // pools, ranks and severities, each numbered by its place in the input.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from((seed >> 33) % m).unwrap()
        };
        let severities = [Severity::Error, Severity::Warning, Severity::Note];
        let ranked: Vec<(u8, Arc<Finding>)> = (0..2_000)
            .map(|k| {
                let cluster = [None, Some(next(10)), Some(10 + next(3))][next(3)];
                let path = FieldPath {
                    cluster,
                    cluster_name: None,
                    pool: [None, Some(next(3))][next(2)],
                    pool_name: None,
                    config: None,
                    field: k.to_string(),
                };
                let severity = severities[next(3)];
                let f = Finding::new(
                    severity,
                    FindingCode::DuplicateClusterName,
                    path,
                    sources::RESOURCE_NAMES,
                );
                (u8::try_from(next(17)).unwrap(), Arc::new(f))
            })
            .collect();
        let mut want: Vec<&(u8, Arc<Finding>)> = ranked.iter().collect();
        crate::rules::stable_sort::sort_by_key(&mut want, |(rank, f)| {
            (f.severity, f.path.cluster, f.path.pool, *rank)
        });
        let got: Vec<&(u8, Arc<Finding>)> = in_order(ranked.iter().collect(), 10).collect();
        let fields = |v: &[&(u8, Arc<Finding>)]| -> Vec<String> {
            v.iter().map(|(_, f)| f.path.field.clone()).collect()
        };
        assert_eq!(fields(&got), fields(&want));
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap()
    }

    type Edit = fn(&mut Plan);
    /// How many clusters are checked again, from the cluster count after an edit.
    type Rechecked = fn(usize) -> usize;

    /// Edits of every kind, applied one after another, with how many clusters are checked
    /// again afterwards.
    const EDITS: [(&str, Edit, Rechecked); 11] = [
        ("nothing", |_| {}, |_| 0),
        (
            "a cluster's name",
            |p| p.clusters[3].name = "aks-9".into(),
            |_| 1,
        ),
        (
            "a duplicate name",
            |p| p.clusters[5].name = p.clusters[0].name.clone(),
            |_| 1,
        ),
        (
            "one pool's maxSurge",
            |p| {
                p.clusters[2].agent_pool_profiles[0]
                    .upgrade_settings
                    .max_surge = Some("250%".parse().unwrap())
            },
            |_| 1,
        ),
        (
            "a shared quota",
            |p| {
                for c in &mut p.clusters {
                    c.subscription = "shared".into();
                }
            },
            |n| n,
        ),
        ("the plan's name", |p| p.name = "fleet".into(), |_| 0),
        (
            "a step timing",
            |p| p.assumptions.projection.timings.drain_minutes = 9,
            |_| 0,
        ),
        (
            "a recurrence reading",
            |p| {
                p.assumptions.recurrence.missing_day =
                    crate::rules::maintenance::recurrence::MissingDay::Clamp
            },
            |n| n,
        ),
        // Clusters an edit moved keep their checks (found by pointer, re-pointed).
        (
            "moving a cluster down",
            |p| {
                edit::move_cluster(p, 4, Direction::Down).unwrap();
            },
            |_| 0,
        ),
        (
            "removing the first cluster",
            |p| {
                p.clusters.remove(0);
            },
            |_| 0,
        ),
        (
            "adding a cluster",
            |p| {
                edit::add_cluster(p);
            },
            |_| 1,
        ),
    ];

    #[test]
    fn the_cache_finds_what_check_at_does_after_every_kind_of_edit() {
        for mut plan in [fleet(12), demo_plan()] {
            let mut cache = FindingsCache::default();
            for (what, change, _) in EDITS {
                if plan.clusters.len() < 6 {
                    edit::add_cluster(&mut plan);
                    edit::add_cluster(&mut plan);
                    cache.check_at(&plan, Some(now()));
                }
                change(&mut plan);
                for at in [Some(now()), None] {
                    let cached = cache.check_at(&plan, at);
                    assert_eq!(cached, check_at(&plan, at), "after {what}, now {at:?}");
                }
                // The same again at `now`: what the last edit changed is checked once more.
                let cached = cache.check_at(&plan, Some(now()));
                assert_eq!(cached, check_at(&plan, Some(now())), "after {what}");
                let again = cache.check_at(&plan, Some(now()));
                assert_eq!(again, cached);
                assert_eq!(cache.rechecked(), 0, "nothing changed after {what}");
            }
        }
    }

    #[test]
    fn an_edit_checks_again_only_the_clusters_it_changed() {
        let mut plan = fleet(12);
        let mut cache = FindingsCache::default();
        cache.check_at(&plan, Some(now()));
        assert_eq!(cache.rechecked(), 12);
        for (what, change, rechecked) in EDITS {
            change(&mut plan);
            cache.check_at(&plan, Some(now()));
            assert_eq!(
                cache.rechecked() as usize,
                rechecked(plan.clusters.len()),
                "after {what}"
            );
        }
    }

    #[test]
    fn a_step_timing_keeps_the_fleet_wide_findings() {
        // Cluster 1 named as cluster 0, in its subscription and resource group: a fleet-wide
        // finding (one cluster's checks cannot see it).
        let mut plan = fleet(6);
        let first = plan.clusters[0].clone();
        let twin = edit::cluster_mut(&mut plan, 1).unwrap();
        (twin.name, twin.subscription, twin.resource_group) =
            (first.name, first.subscription, first.resource_group);
        let mut cache = FindingsCache::default();
        let duplicate = |found: &[Arc<Finding>]| {
            found
                .iter()
                .find(|f| f.code == crate::rules::finding::FindingCode::DuplicateClusterName)
                .cloned()
        };
        let before =
            duplicate(&cache.all(&plan, Some(now()), Projected::default())).expect("a shared name");
        plan.assumptions.projection.timings.drain_minutes = 44;
        let timed = cache.all(&plan, Some(now()), Projected::default());
        assert!(Arc::ptr_eq(&before, &duplicate(&timed).unwrap()));
        assert_eq!(
            cache.check_at(&plan, Some(now())),
            check_at(&plan, Some(now()))
        );
        edit::rename_cluster(&mut plan, 1, "another".to_owned()).unwrap();
        let renamed = cache.all(&plan, Some(now()), Projected::default());
        assert!(duplicate(&renamed).is_none(), "the names differ now");
        assert_eq!(
            cache.check_at(&plan, Some(now())),
            check_at(&plan, Some(now()))
        );
    }

    #[test]
    fn estimates_change_no_cluster_check() {
        // rest_of leaves these settings out: if a cluster's checks ever depend on one of them,
        // this fails and rest_of must keep it.
        let changes: [Edit; 5] = [
            |p| p.assumptions.projection.timings.drain_minutes = 90,
            |p| p.assumptions.projection.timings = Default::default(),
            |p| p.assumptions.projection.costs.currency = "EUR".to_owned(),
            |p| p.assumptions.projection.exposure_sla_days = 1,
            |p| p.assumptions.projection.ring_soak_hours = 500,
        ];
        for plan in [demo_plan(), fleet(12)] {
            for change in changes {
                let mut changed = plan.clone();
                change(&mut changed);
                for (i, cluster) in plan.clusters.arcs().iter().enumerate() {
                    for at in [Some(now()), None] {
                        assert_eq!(
                            check_cluster(&mut changed.without_clusters(), i, cluster, at),
                            check_cluster(&mut plan.without_clusters(), i, cluster, at)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn with_a_projection_it_merges_as_merge_does() {
        let plan = demo_plan();
        let projected = crate::rules::projection::project(&plan, now(), 26).findings;
        assert!(!projected.is_empty());
        let mut cache = FindingsCache::default();
        let want = merge(check_at(&plan, Some(now())), &projected);
        let first = cache.all(
            &plan,
            Some(now()),
            Projected {
                findings: &projected,
                quota: None,
            },
        );
        assert!(first.iter().map(|f| &**f).eq(want.iter()));
        // Called again, every finding is the same memory as before.
        let again = cache.all(
            &plan,
            Some(now()),
            Projected {
                findings: &projected,
                quota: None,
            },
        );
        assert!(first.iter().zip(&again).all(|(a, b)| Arc::ptr_eq(a, b)));
    }

    #[test]
    fn the_quota_findings_read_the_projections_quota() {
        use crate::rules::projection::{HORIZON_WEEKS, project};
        use crate::rules::usage::{set_current_value, set_limit};
        // 18 of 50 DSv5 vCPUs free in contoso-prod / westeurope: the demo's surges need 40.
        let mut plan = demo_plan();
        let usages = &mut plan.compute_usages;
        let family = "standardDSv5Family";
        set_limit(usages, "contoso-prod", "westeurope", family, Some(50));
        set_current_value(usages, "contoso-prod", "westeurope", family, 32).unwrap();
        let is_quota = |f: &Finding| f.code == "surge-exceeds-free-quota";
        let want = check_at(&plan, Some(now()));
        assert_eq!(want.iter().filter(|f| is_quota(f)).count(), 1);
        let projection = project(&plan, now(), HORIZON_WEEKS);
        let found = |quota| {
            FindingsCache::default()
                .all(
                    &plan,
                    Some(now()),
                    Projected {
                        findings: &[],
                        quota,
                    },
                )
                .iter()
                .map(|f| Finding::clone(f))
                .collect::<Vec<_>>()
        };
        assert_eq!(found(Some(&projection.quota)), want);
        // It is that quota the findings come from: another plan's (no usage recorded) has none.
        let other = project(&demo_plan(), now(), HORIZON_WEEKS).quota;
        assert!(!found(Some(&other)).iter().any(is_quota));
    }
}
