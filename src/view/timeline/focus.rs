//! Keyboard movement over the timeline (issue 4 "Hover/focus shows details… everything in it
//! is also reachable"): the drawing is one composite widget with a single Tab stop (WAI-ARIA
//! APG "roving tabindex"); arrow keys move between marks. Rows are the cluster row (its name
//! first, then windows and control plane steps) and one row per pool (its upgrade bars), each in
//! time order. Positions are on the whole axis, so what the app happens to have drawn near the
//! viewport never changes the order.

use super::marks::{ClusterTrack, cluster_track};
use super::{CLUSTER_ROW_PX, POOL_ROW_PX, Scale};
use crate::rules::plan::Plan;
use crate::rules::projection::Projection;
use crate::rules::stable_sort;

/// The `data-mark` of a cluster's name in the label column (first stop of its cluster row).
pub const NAME_KEY: &str = "n";

/// A key press that moves the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// ArrowLeft: the previous mark in time in the row.
    Earlier,
    /// ArrowRight.
    Later,
    /// ArrowUp: the nearest mark in time in the row above (across clusters).
    Up,
    /// ArrowDown.
    Down,
    /// Home: the row's first stop.
    First,
    /// End: the row's last mark.
    Last,
}

impl Step {
    /// The step of a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowLeft" => Step::Earlier,
            "ArrowRight" => Step::Later,
            "ArrowUp" => Step::Up,
            "ArrowDown" => Step::Down,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return None,
        })
    }
}

/// A focus stop: the mark `key` of cluster `cluster`'s row `row` (0 = cluster row, `1 + j` =
/// pool `j`), at `x`, `width` px on the whole axis (the name is at x = −1, width 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    pub cluster: usize,
    pub row: usize,
    pub key: String,
    pub x: f64,
    pub width: f64,
}

impl Spot {
    /// Cluster `cluster`'s name: where Tab first enters the drawing.
    pub fn name(cluster: usize) -> Spot {
        Spot {
            cluster,
            row: 0,
            key: NAME_KEY.to_owned(),
            x: -1.0,
            width: 0.0,
        }
    }

    /// Whether the spot is a cluster name (in the label column, never scrolled sideways).
    pub fn is_name(&self) -> bool {
        self.key == NAME_KEY
    }

    /// Top of its row within the cluster's block and the row's height, px.
    pub fn row_span(&self) -> (f64, f64) {
        match self.row {
            0 => (0.0, CLUSTER_ROW_PX),
            r => (CLUSTER_ROW_PX + POOL_ROW_PX * (r - 1) as f64, POOL_ROW_PX),
        }
    }
}

/// `(key, x, width)` of each stop, by row, each row in time order.
type Rows = Vec<Vec<(String, f64, f64)>>;

/// The stops of `t` by row: the name, windows and control plane steps, then each pool's bars.
pub fn rows(t: &ClusterTrack) -> Rows {
    let stop = |key: &String, x: f64, width: f64| (key.clone(), x, width);
    let mut first = vec![(NAME_KEY.to_owned(), -1.0, 0.0)];
    first.extend(t.windows.iter().map(|w| stop(&w.key, w.x, w.width)));
    first.extend(
        t.kubernetes
            .control_plane
            .iter()
            .map(|u| stop(&u.key, u.x, u.width)),
    );
    let mut all = vec![first];
    all.extend(t.pools.iter().map(|p| {
        p.upgrades
            .iter()
            .map(|u| stop(&u.key, u.x, u.width + u.spill_width))
            .collect()
    }));
    for row in &mut all {
        stable_sort::sort_by(row, |a, b| a.1.total_cmp(&b.1));
    }
    all
}

/// The spot of mark `key` of cluster `cluster` (one focused by a click), if it exists.
pub fn locate(
    plan: &Plan,
    projection: &Projection,
    scale: &Scale,
    cluster: usize,
    key: &str,
) -> Option<Spot> {
    let whole = scale.within(f64::NEG_INFINITY, f64::INFINITY);
    let rows = rows(&cluster_track(plan, projection, cluster, &whole)?);
    rows.iter().enumerate().find_map(|(r, row)| {
        let s = row.iter().find(|s| s.0 == key)?;
        Some(Spot {
            cluster,
            row: r,
            key: s.0.clone(),
            x: s.1,
            width: s.2,
        })
    })
}

/// The details box lines of the mark at `spot` (none for a cluster name). Only the marks at the
/// spot's x are made, so this is cheap enough for every focus change.
pub fn details(
    plan: &Plan,
    projection: &Projection,
    scale: &Scale,
    spot: &Spot,
) -> Option<Vec<(&'static str, String)>> {
    let near = scale.within(spot.x, spot.x + spot.width);
    cluster_track(plan, projection, spot.cluster, &near)?.details(&spot.key)
}

/// Where `step` from mark `key` of cluster `cluster` goes; `None` at an edge (the focus stays).
/// An unknown key (the mark vanished after an edit) goes to the cluster's name. Up and Down
/// move between the clusters `shown` (sorted indices: those the timeline draws).
pub fn step(
    plan: &Plan,
    projection: &Projection,
    scale: &Scale,
    cluster: usize,
    key: &str,
    step: Step,
    shown: &[usize],
) -> Option<Spot> {
    let whole = scale.within(f64::NEG_INFINITY, f64::INFINITY);
    let rows_of = |c: usize| cluster_track(plan, projection, c, &whole).map(|t| rows(&t));
    let here = rows_of(cluster)?;
    let Some((r, k)) = here
        .iter()
        .enumerate()
        .find_map(|(r, row)| Some((r, row.iter().position(|s| s.0 == key)?)))
    else {
        return Some(Spot::name(cluster));
    };
    let spot = |c: usize, r: usize, s: &(String, f64, f64)| Spot {
        cluster: c,
        row: r,
        key: s.0.clone(),
        x: s.1,
        width: s.2,
    };
    let row = here.get(r)?;
    match step {
        Step::Earlier => row.get(k.checked_sub(1)?).map(|s| spot(cluster, r, s)),
        Step::Later => row.get(k + 1).map(|s| spot(cluster, r, s)),
        Step::First => row.first().map(|s| spot(cluster, r, s)),
        Step::Last => row.last().map(|s| spot(cluster, r, s)),
        Step::Up | Step::Down => {
            let x = row.get(k)?.1;
            // Walk rows in the step's direction, loading the neighbour cluster's rows when
            // leaving this one; pools with nothing projected have empty rows and are skipped
            // (a cluster row always holds the name, so the walk ends).
            let (mut c, mut r, mut rows) = (cluster, r, here);
            loop {
                if step == Step::Up {
                    if r == 0 {
                        let before = shown.partition_point(|&x| x < c);
                        c = *shown.get(before.checked_sub(1)?)?;
                        rows = rows_of(c)?;
                        r = rows.len().checked_sub(1)?;
                    } else {
                        r -= 1;
                    }
                } else if r + 1 >= rows.len() {
                    c = *shown.get(shown.partition_point(|&x| x <= c))?;
                    rows = rows_of(c)?;
                    r = 0;
                } else {
                    r += 1;
                }
                let nearest = rows
                    .get(r)?
                    .iter()
                    .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()));
                if let Some(s) = nearest {
                    return Some(spot(c, r, s));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeZone, Utc};

    use super::super::{HORIZON_WEEKS, Zoom};
    use super::*;
    use crate::rules::demo::demo_plan;
    use crate::rules::projection::project;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap()
    }

    /// Steps `keys` from cluster 0's name; the spots visited.
    fn walk(keys: &[Step]) -> Vec<Spot> {
        let all: Vec<usize> = (0..demo_plan().clusters.len()).collect();
        walk_shown(keys, &all)
    }

    /// [`walk`] on a timeline that draws only the clusters `shown`.
    fn walk_shown(keys: &[Step], shown: &[usize]) -> Vec<Spot> {
        let plan = demo_plan();
        let p = project(&plan, now(), HORIZON_WEEKS);
        let scale = Scale::new(now(), Zoom::FourWeeks);
        let mut at = Spot::name(shown[0]);
        let mut seen = Vec::new();
        for &k in keys {
            if let Some(next) = step(&plan, &p, &scale, at.cluster, &at.key, k, shown) {
                at = next;
            }
            seen.push(at.clone());
        }
        seen
    }

    #[test]
    fn right_arrow_walks_a_row_in_time_order_and_stops_at_its_end() {
        let seen = walk(&[Step::Later; 200]);
        assert!(seen.iter().all(|s| s.cluster == 0 && s.row == 0));
        assert!(seen.windows(2).all(|w| w[0].x <= w[1].x), "time order");
        assert_eq!(seen.first().map(|s| s.key.starts_with('w')), Some(true));
        // At the end the focus stays put.
        assert_eq!(seen[198], seen[199]);
        let back = walk(&[Step::Last, Step::First]);
        assert_eq!(back[1], Spot::name(0));
    }

    #[test]
    fn down_goes_through_every_pool_row_then_the_next_cluster() {
        let plan = demo_plan();
        let pools = plan.clusters[0].agent_pool_profiles.len();
        let seen = walk(&vec![Step::Down; pools + 1]);
        // Pool rows in order (those with bars), then cluster 1's row.
        let last = seen.last().unwrap();
        assert_eq!((last.cluster, last.row), (1, 0));
        assert!(
            seen.windows(2)
                .all(|w| (w[0].cluster, w[0].row) < (w[1].cluster, w[1].row))
        );
        // Up comes back the same way.
        let up = walk(&[Step::Down, Step::Up]);
        assert_eq!((up[1].cluster, up[1].row), (0, 0));
    }

    #[test]
    fn up_and_down_skip_the_clusters_the_search_does_not_find() {
        let plan = demo_plan();
        assert!(plan.clusters.len() >= 3);
        let pools = plan.clusters[0].agent_pool_profiles.len();
        // Clusters 0 and 2 found: Down from cluster 0's last pool row goes to cluster 2's name
        // row, and Up from there back to cluster 0.
        let seen = walk_shown(&vec![Step::Down; pools + 1], &[0, 2]);
        let last = seen.last().unwrap();
        assert_eq!((last.cluster, last.row), (2, 0));
        assert!(seen.iter().all(|s| s.cluster != 1));
        let back = walk_shown(
            &[vec![Step::Down; pools + 1], vec![Step::Up]].concat(),
            &[0, 2],
        );
        assert_eq!(back.last().map(|s| s.cluster), Some(0));
        // Past the last cluster found the focus stays.
        let end = walk_shown(&[Step::Down; 40], &[2]);
        assert!(end.iter().all(|s| s.cluster == 2));
    }

    #[test]
    fn up_from_the_first_cluster_and_an_unknown_mark_are_handled() {
        assert_eq!(walk(&[Step::Up]), vec![Spot::name(0)]);
        let plan = demo_plan();
        let p = project(&plan, now(), HORIZON_WEEKS);
        let scale = Scale::new(now(), Zoom::FourWeeks);
        let all: Vec<usize> = (0..plan.clusters.len()).collect();
        let gone = step(&plan, &p, &scale, 1, "u9-999", Step::Later, &all);
        assert_eq!(gone, Some(Spot::name(1)));
        let key_of = |k: &str| Step::from_key(k);
        assert_eq!(key_of("ArrowUp"), Some(Step::Up));
        assert_eq!(key_of("Tab"), None);
    }

    #[test]
    fn marks_keep_their_key_whatever_part_of_the_axis_is_made() {
        let plan = demo_plan();
        let p = project(&plan, now(), HORIZON_WEEKS);
        let scale = Scale::new(now(), Zoom::FourWeeks);
        let whole = cluster_track(&plan, &p, 0, &scale).unwrap();
        let late = cluster_track(&plan, &p, 0, &scale.within(2_000.0, 3_000.0)).unwrap();
        assert!(late.windows.len() < whole.windows.len());
        for w in &late.windows {
            assert!(whole.windows.iter().any(|v| v.key == w.key && v.x == w.x));
            assert_eq!(late.details(&w.key), whole.details(&w.key));
        }
    }
}
