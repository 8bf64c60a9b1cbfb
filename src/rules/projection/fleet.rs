//! Fleet checks: clusters in one subscription whose windows start together (ARM throttling,
//! docs/aks-rules.md §3.6 "stagger") and ring order (a later ring takes each release only after the
//! earlier ring finished it plus a soak the user sets).

use std::sync::Arc;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use crate::rules::fnv::Fnv;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::super::cluster::Cluster;
use super::super::plan::Plan;
use super::timeline::{ClusterProjection, PatchState};

mod memo;
pub use memo::FleetMemo;

/// Clusters of one subscription opening a window at the same instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowCollision {
    pub subscription: String,
    pub clusters: Vec<String>,
    /// The indexes of `clusters` in the plan.
    #[serde(skip)]
    pub cluster_indexes: Vec<u32>,
    pub first_start: DateTime<Utc>,
    /// How many window starts they share in the horizon.
    pub occurrences: u32,
}

/// A release a later ring started before the earlier ring finished it + soak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RingViolation {
    pub release: u32,
    pub earlier_ring: u32,
    pub later_ring: u32,
    /// `None`: the earlier ring had not finished it at all within the horizon.
    pub earlier_finished: Option<DateTime<Utc>>,
    pub later_started: DateTime<Utc>,
    /// Minutes the later ring would have to wait longer; `None` if the earlier never finished.
    pub shortfall_minutes: Option<i64>,
}

/// A suggested delay of a ring's windows behind the previous ring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RingStagger {
    pub earlier_ring: u32,
    pub later_ring: u32,
    pub violations: u32,
    /// Shift the later ring's windows by at least this many hours (rounded up).
    pub suggested_delay_hours: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetChecks {
    pub collisions: Vec<WindowCollision>,
    /// `(cluster, ring)` for every cluster with a ring.
    pub rings: Vec<(String, u32)>,
    /// The index in the plan of each cluster of `rings`.
    #[serde(skip)]
    pub ring_indexes: Vec<u32>,
    pub ring_violations: Vec<RingViolation>,
    pub stagger: Vec<RingStagger>,
}

/// The ring of a cluster: tag `ring` (0..n), else `environment` dev < test < prod.
pub fn ring_of(cluster: &Cluster) -> Option<u32> {
    let tag = |k: &str| {
        cluster
            .tags
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.trim())
    };
    if let Some(r) = tag("ring").and_then(|v| v.parse().ok()) {
        return Some(r);
    }
    // Compared without a lowercased copy: every edit reads every cluster's ring.
    let env = tag("environment").or_else(|| tag("env"))?;
    let is = |names: &[&str]| names.iter().any(|n| env.eq_ignore_ascii_case(n));
    if is(&["dev", "development", "sandbox"]) {
        Some(0)
    } else if is(&["test", "qa", "staging", "uat", "preprod"]) {
        Some(1)
    } else if is(&["prod", "production"]) {
        Some(2)
    } else {
        None
    }
}

/// The checks from their parts: the collisions (by cluster index) named, and each ringed
/// cluster's name and ring.
fn assemble(
    plan: &Plan,
    clusters: &[Arc<ClusterProjection>],
    ring_of_cluster: &[Option<u32>],
    collisions: &[Collision],
    (ring_violations, stagger): (Vec<RingViolation>, Vec<RingStagger>),
) -> FleetChecks {
    let mut rings = Vec::new();
    let mut ring_indexes = Vec::new();
    for ((i, c), r) in (0u32..).zip(plan.clusters.iter()).zip(ring_of_cluster) {
        if let Some(r) = r {
            rings.push((c.name.clone(), *r));
            ring_indexes.push(i);
        }
    }
    FleetChecks {
        collisions: named(collisions, clusters),
        rings,
        ring_indexes,
        ring_violations,
        stagger,
    }
}

/// A [`WindowCollision`] by cluster index: what the names are put into.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Collision {
    subscription: String,
    /// In index order.
    clusters: Vec<u32>,
    first_start: DateTime<Utc>,
    occurrences: u32,
}

fn named(collisions: &[Collision], clusters: &[Arc<ClusterProjection>]) -> Vec<WindowCollision> {
    collisions
        .iter()
        .map(|c| WindowCollision {
            subscription: c.subscription.clone(),
            clusters: c
                .clusters
                .iter()
                .filter_map(|&i| clusters.get(i as usize).map(|c| c.name.clone()))
                .collect(),
            cluster_indexes: c.clusters.clone(),
            first_start: c.first_start,
            occurrences: c.occurrences,
        })
        .collect()
}

/// Clusters of one subscription opening a window at the same instant, grouped by who they are.
///
/// Clusters of one subscription whose windows start at the same instants form a class (a fleet
/// shares a few schedules: rings, presets), and each class's starts are sorted once, tagged by
/// the class: the work follows the distinct schedules, not the fleet's size (issue 11, "Scale":
/// sorting every cluster's ~180 daily starts was a third of a 2,000-cluster edit). Equal to
/// sorting every cluster's starts (`tests::by_every_start`, the first version, is the reference).
fn collisions(clusters: &[Arc<ClusterProjection>]) -> Vec<Collision> {
    let mut subs: BTreeMap<&str, u32> = BTreeMap::new();
    // (subscription, window starts) and the clusters with exactly those starts.
    type Schedule = (u32, Vec<i64>);
    type Class = (Schedule, Vec<u32>);
    // Found by (subscription, how many starts, a hash of them), so a cluster's starts are
    // compared in full only with a schedule that is almost surely the same.
    let mut buckets: BTreeMap<(u32, usize, u64), Vec<Class>> = BTreeMap::new();
    for (i, c) in clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.subscription.is_empty())
    {
        let next = u32::try_from(subs.len()).unwrap_or(u32::MAX);
        let sub = *subs.entry(c.subscription.as_str()).or_insert(next);
        let mut hash = Fnv::default();
        for w in c.windows.iter() {
            w.start.hash(&mut hash);
        }
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        let bucket = buckets
            .entry((sub, c.windows.len(), hash.finish()))
            .or_default();
        // A class is compared through its first cluster's windows (instants, not seconds:
        // turning an instant into seconds goes through the calendar).
        let same = |k: &u32| {
            let first = clusters
                .get(*k as usize)
                .map_or(&[][..], |f| &f.windows[..]);
            first
                .iter()
                .map(|w| w.start)
                .eq(c.windows.iter().map(|w| w.start))
        };
        match bucket
            .iter_mut()
            .find(|(_, members)| members.first().is_some_and(same))
        {
            Some((_, members)) => members.push(i),
            // As seconds from here on: the classes' starts are sorted together.
            None => bucket.push((
                (sub, c.windows.iter().map(|w| w.start.timestamp()).collect()),
                vec![i],
            )),
        }
    }
    let classes: Vec<Class> = buckets.into_values().flatten().collect();
    // (subscription, start, class): one entry per start of each class's schedule.
    let mut starts: Vec<(u32, i64, u32)> = Vec::new();
    for (k, ((sub, schedule), _)) in (0u32..).zip(&classes) {
        starts.extend(schedule.iter().map(|&at| (*sub, at, k)));
    }
    crate::rules::stable_sort::sort(&mut starts);
    let mut sub_names: BTreeMap<u32, &str> = BTreeMap::new();
    sub_names.extend(subs.iter().map(|(k, v)| (*v, *k)));
    let members = |k: u32| classes.get(k as usize).map_or(&[][..], |c| c.1.as_slice());
    // (subscription, classes meeting, one entry per start) -> (first shared start, count).
    // Classes are disjoint, so the classes that meet name the clusters that meet.
    type Shared<'a> = BTreeMap<(&'a str, Vec<u32>), (DateTime<Utc>, u32)>;
    let mut grouped: Shared = BTreeMap::new();
    for run in starts.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1) {
        if run.iter().map(|r| members(r.2).len()).sum::<usize>() < 2 {
            continue;
        }
        // Window starts are whole minutes, so the timestamp round-trips exactly.
        let (Some(sub), Some(start)) = (
            sub_names.get(&run[0].0),
            DateTime::from_timestamp(run[0].1, 0),
        ) else {
            continue;
        };
        let meeting: Vec<u32> = run.iter().map(|r| r.2).collect();
        let e = grouped.entry((sub, meeting)).or_insert((start, 0));
        e.0 = e.0.min(start);
        e.1 += 1;
    }
    let mut out: Vec<Collision> = grouped
        .into_iter()
        .map(|((sub, meeting), (first, n))| {
            let mut idx: Vec<u32> = meeting.iter().flat_map(|&k| members(k)).copied().collect();
            crate::rules::stable_sort::sort(&mut idx);
            Collision {
                subscription: sub.to_owned(),
                clusters: idx,
                first_start: first,
                occurrences: n,
            }
        })
        .collect();
    // A start belongs to one group, so (first start, subscription) orders the groups fully.
    crate::rules::stable_sort::sort_by(&mut out, |a, b| {
        (a.first_start, &a.subscription).cmp(&(b.first_start, &b.subscription))
    });
    out
}

/// Per release and ring: earliest start, latest finish, and whether every pool finished.
#[derive(Debug, Clone, Copy)]
struct RingProgress {
    started: Option<DateTime<Utc>>,
    finished: Option<DateTime<Utc>>,
    all_patched: bool,
}

/// `ring_of_cluster`: each cluster's ring; `releases`: how many releases the projection has
/// (patch records point into that list).
fn ring_order(
    ring_of_cluster: &[Option<u32>],
    clusters: &[Arc<ClusterProjection>],
    releases: usize,
    soak_hours: u32,
) -> (Vec<RingViolation>, Vec<RingStagger>) {
    let soak = Duration::hours(i64::from(soak_hours));
    let mut ring_ids: Vec<u32> = ring_of_cluster.iter().flatten().copied().collect();
    crate::rules::stable_sort::sort(&mut ring_ids);
    ring_ids.dedup();
    // Dense table [release][ring], rings few and releases ~100: no map lookups per record.
    let mut table: Vec<Option<RingProgress>> = vec![None; releases * ring_ids.len()];
    for (ring, c) in ring_of_cluster.iter().zip(clusters) {
        let Some(slot) = ring.and_then(|r| ring_ids.binary_search(&r).ok()) else {
            continue;
        };
        for p in c.pools.iter().filter(|p| p.stream.is_some()) {
            for rec in &p.patches {
                let Some(cell) = table.get_mut(rec.release as usize * ring_ids.len() + slot) else {
                    continue;
                };
                let e = cell.get_or_insert(RingProgress {
                    started: None,
                    finished: None,
                    all_patched: true,
                });
                if let Some(s) = rec.started {
                    e.started = Some(e.started.map_or(s, |x| x.min(s)));
                }
                match rec.state {
                    PatchState::Patched(at) => {
                        e.finished = Some(e.finished.map_or(at, |x| x.max(at)))
                    }
                    _ => e.all_patched = false,
                }
            }
        }
    }
    let mut progress: BTreeMap<(u32, u32), RingProgress> = BTreeMap::new();
    for (i, cell) in table.iter().enumerate() {
        if let Some(p) = cell {
            let release = u32::try_from(i / ring_ids.len()).unwrap_or(u32::MAX);
            progress.insert((release, ring_ids[i % ring_ids.len()]), *p);
        }
    }
    let mut violations = Vec::new();
    let mut per_release: BTreeMap<u32, Vec<(u32, RingProgress)>> = BTreeMap::new();
    for ((release, ring), p) in progress {
        per_release.entry(release).or_default().push((ring, p));
    }
    for (release, rings) in per_release {
        for pair in rings.windows(2) {
            let ((earlier, e), (later, l)) = (pair[0], pair[1]);
            let Some(later_started) = l.started else {
                continue;
            };
            let earlier_finished = if e.all_patched { e.finished } else { None };
            let shortfall = earlier_finished.map(|f| (f + soak - later_started).num_minutes());
            if shortfall.is_none_or(|m| m > 0) {
                violations.push(RingViolation {
                    release,
                    earlier_ring: earlier,
                    later_ring: later,
                    earlier_finished,
                    later_started,
                    shortfall_minutes: shortfall,
                });
            }
        }
    }
    let mut stagger: BTreeMap<(u32, u32), (u32, Option<i64>)> = BTreeMap::new();
    for v in &violations {
        let e = stagger
            .entry((v.earlier_ring, v.later_ring))
            .or_insert((0, None));
        e.0 += 1;
        if let Some(m) = v.shortfall_minutes {
            e.1 = Some(e.1.map_or(m, |x: i64| x.max(m)));
        }
    }
    let stagger = stagger
        .into_iter()
        .map(|((earlier, later), (n, worst))| RingStagger {
            earlier_ring: earlier,
            later_ring: later,
            violations: n,
            suggested_delay_hours: worst.map(|m| u32::try_from((m + 59) / 60).unwrap_or(u32::MAX)),
        })
        .collect();
    (violations, stagger)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    /// The first version: every cluster's starts sorted together (the reference).
    fn by_every_start(clusters: &[Arc<ClusterProjection>]) -> Vec<WindowCollision> {
        // Subscriptions as small integers and starts as seconds keep the sort cheap (it runs on
        // every edit: 200 clusters × daily windows is ~15 000 starts).
        let mut subs: BTreeMap<&str, u32> = BTreeMap::new();
        let mut starts: Vec<(u32, i64, u32)> = Vec::new();
        for (i, c) in clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.subscription.is_empty())
        {
            let next = u32::try_from(subs.len()).unwrap_or(u32::MAX);
            let sub = *subs.entry(c.subscription.as_str()).or_insert(next);
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            starts.extend(c.windows.iter().map(|w| (sub, w.start.timestamp(), i)));
        }
        crate::rules::stable_sort::sort(&mut starts);
        // `extend`, not `collect()` (bundle size: see view::timeline::marks).
        let mut sub_names: BTreeMap<u32, &str> = BTreeMap::new();
        sub_names.extend(subs.iter().map(|(k, v)| (*v, *k)));
        // (subscription, clusters) -> (first shared start, count)
        type Shared<'a> = BTreeMap<(&'a str, Vec<u32>), (DateTime<Utc>, u32)>;
        let mut grouped: Shared = BTreeMap::new();
        for run in starts.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1) {
            if run.len() < 2 {
                continue;
            }
            // Window starts are whole minutes, so the timestamp round-trips exactly.
            let (Some(sub), Some(start)) = (
                sub_names.get(&run[0].0),
                DateTime::from_timestamp(run[0].1, 0),
            ) else {
                continue;
            };
            let names: Vec<u32> = run.iter().map(|r| r.2).collect();
            let e = grouped.entry((sub, names)).or_insert((start, 0));
            e.0 = e.0.min(start);
            e.1 += 1;
        }
        let mut out: Vec<WindowCollision> = grouped
            .into_iter()
            .map(|((sub, idx), (first, n))| WindowCollision {
                subscription: sub.to_owned(),
                clusters: idx
                    .iter()
                    .filter_map(|&i| clusters.get(i as usize).map(|c| c.name.clone()))
                    .collect(),
                cluster_indexes: idx,
                first_start: first,
                occurrences: n,
            })
            .collect();
        crate::rules::stable_sort::sort_by(&mut out, |a, b| {
            (a.first_start, &a.subscription).cmp(&(b.first_start, &b.subscription))
        });
        out
    }

    /// A plan of clusters given as (subscription, schedule, start hour): few values, so
    /// schedules repeat and collide, within and across subscriptions.
    fn plan_of(clusters: &[(u8, u8, u8)]) -> Plan {
        const SCHEDULES: [&str; 4] = [
            r#"{"daily":{"intervalDays":1}}"#,
            r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Saturday"}}"#,
            r#"{"weekly":{"intervalWeeks":2,"dayOfWeek":"Saturday"}}"#,
            r#"{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":5}}"#,
        ];
        let json: Vec<String> = clusters
            .iter()
            .enumerate()
            .map(|(i, (sub, schedule, hour))| {
                let sub = if *sub == 0 { String::new() } else { format!("sub-{sub}") };
                format!(
                    r#"{{"name":"c{i}","resourceGroup":"rg","location":"westeurope","subscription":"{sub}","autoUpgradeProfile":{{"nodeOSUpgradeChannel":"NodeImage"}},"agentPoolProfiles":[{{"name":"pool","mode":"System","osType":"Linux","osSKU":"Ubuntu","vmSize":"Standard_D4s_v5","count":3}}],"maintenanceConfigurations":[{{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{{"schedule":{},"durationHours":4,"utcOffset":"+00:00","startTime":"{:02}:00"}}}}]}}"#,
                    SCHEDULES[usize::from(*schedule) % 4],
                    hour % 24
                )
            })
            .collect();
        let text = format!(
            r#"{{"version":1,"name":"p","clusters":[{}]}}"#,
            json.join(",")
        );
        Plan::from_json(&text).unwrap().0
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn grouping_by_schedule_finds_what_sorting_every_start_finds(
            clusters in proptest::collection::vec((0u8..3, 0u8..4, prop_oneof![Just(0u8), Just(6), Just(18)]), 0..24)
        ) {
            let plan = plan_of(&clusters);
            let from = Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap();
            let projected = super::super::project(&plan, from, 8).clusters;
            prop_assert_eq!(named(&collisions(&projected), &projected), by_every_start(&projected));
        }
    }

    #[test]
    fn clusters_sharing_a_schedule_collide_and_the_rest_do_not() {
        // Independent of both versions: c0 and c2 share sub-1's daily 06:00 window, c1 has
        // sub-1's Saturdays at 06:00, c3 is in another subscription and c4 has none. From
        // Monday 2026-11-02 08:00 for 8 weeks the daily window starts 57 times (Nov 2, still
        // open at 08:00, to Dec 28 06:00), 8 of them Saturdays (Nov 7 … Dec 26), where c1
        // meets them: 49 starts of two clusters, 8 of three.
        let plan = plan_of(&[(1, 0, 6), (1, 1, 6), (1, 0, 6), (2, 0, 6), (0, 0, 6)]);
        let from = Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap();
        let projected = super::super::project(&plan, from, 8).clusters;
        let found = named(&collisions(&projected), &projected);
        let names: Vec<(Vec<String>, u32)> = found
            .iter()
            .map(|c| (c.clusters.clone(), c.occurrences))
            .collect();
        assert_eq!(
            names,
            [
                (vec!["c0".to_owned(), "c2".to_owned()], 49),
                (vec!["c0".to_owned(), "c1".to_owned(), "c2".to_owned()], 8),
            ]
        );
    }

    #[test]
    fn ring_tag_wins_over_environment_and_environments_are_ordered() {
        let mut c = Cluster::new("a");
        assert_eq!(ring_of(&c), None);
        c.tags.insert("environment".into(), "Prod".into());
        assert_eq!(ring_of(&c), Some(2));
        c.tags.insert("ring".into(), "5".into());
        assert_eq!(ring_of(&c), Some(5));
    }
}
