//! Tests of the timeline geometry (`layout.rs`), kept apart so each file stays readable.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::marks::*;
use super::*;
use crate::rules::demo::demo_plan;
use crate::rules::projection::project;
use crate::view::format::{bar_lengths, exposure_text, format_duration, format_milli};

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

#[test]
fn zoom_steps_between_two_weeks_and_half_a_year() {
    assert_eq!(Zoom::TwoWeeks.zoom_in(), Zoom::TwoWeeks);
    assert_eq!(Zoom::TwoWeeks.zoom_out(), Zoom::FourWeeks);
    assert_eq!(Zoom::Quarter.zoom_out(), Zoom::HalfYear);
    assert_eq!(Zoom::HalfYear.zoom_out(), Zoom::HalfYear);
    assert_eq!(Zoom::HalfYear.zoom_in(), Zoom::Quarter);
    let labels: Vec<String> = Zoom::ALL.iter().map(|z| z.label()).collect();
    assert_eq!(labels, ["2w", "4w", "13w", "26w"]);
    for z in Zoom::ALL {
        let shown = z.px_per_day() * f64::from(z.weeks() * 7);
        assert!((shown - 1_100.0).abs() < 1e-6, "{z:?}");
    }
}

#[test]
fn zoom_levels_fill_the_measured_plot_and_keep_a_minimum_on_narrow_screens() {
    for z in Zoom::ALL {
        let days = f64::from(z.weeks() * 7);
        // A laptop's plot: the zoom's weeks exactly fill it.
        assert!(
            (z.px_per_day_in(900.0) * days - 900.0).abs() < 1e-6,
            "{z:?}"
        );
        // A phone's plot: the minimum width, scrolled.
        assert!(
            (z.px_per_day_in(144.0) * days - MIN_PLOT_PX).abs() < 1e-6,
            "{z:?}"
        );
        let s = Scale::fitted(at(2026, 11, 24, 9), z, 900.0);
        assert_eq!(s.px_per_day, z.px_per_day_in(900.0));
    }
    assert_eq!(Zoom::FourWeeks.shown_text(900.0), "4 weeks on screen");
    assert_eq!(
        Zoom::FourWeeks.shown_text(240.0),
        "3.0 of 4 weeks on screen; scroll sideways for the rest"
    );
}

#[test]
fn monday_labels_are_thinned_so_they_never_crowd() {
    let from = at(2026, 11, 24, 9);
    for plot in [400.0, 700.0, 1_200.0] {
        let s = Scale::fitted(from, Zoom::HalfYear, plot);
        let labelled: Vec<f64> = ticks(&s, from + Duration::weeks(26))
            .iter()
            .filter(|t| !t.label.is_empty())
            .map(|t| t.x)
            .collect();
        assert!(labelled.len() >= 3, "{plot}");
        assert!(
            labelled.windows(2).all(|w| w[1] - w[0] >= 48.0),
            "{plot}: {labelled:?}"
        );
    }
}

#[test]
fn the_scale_starts_at_midnight_and_is_linear() {
    let s = Scale::new(at(2026, 11, 3, 14), Zoom::TwoWeeks);
    assert_eq!(s.origin, at(2026, 11, 3, 0));
    assert_eq!(s.x(at(2026, 11, 3, 0)), 0.0);
    let day = s.x(at(2026, 11, 4, 0));
    assert!((day - s.px_per_day).abs() < 1e-9);
    assert!((s.x(at(2026, 11, 3, 12)) - day / 2.0).abs() < 1e-9);
}

#[test]
fn spans_are_clipped_and_never_thinner_than_the_minimum() {
    let s = Scale::new(at(2026, 11, 3, 0), Zoom::HalfYear);
    let limit = s.x(at(2026, 11, 10, 0));
    let before = s
        .span(at(2026, 11, 1, 0), at(2026, 11, 4, 0), limit)
        .unwrap();
    assert_eq!(before.0, 0.0);
    assert!((before.1 - s.px_per_day).abs() < 1e-9);
    let tiny = s
        .span(at(2026, 11, 5, 0), at(2026, 11, 5, 0), limit)
        .unwrap();
    assert_eq!(tiny.1, MIN_MARK_PX);
    assert_eq!(
        s.span(at(2026, 11, 11, 0), at(2026, 11, 12, 0), limit),
        None
    );
    let after = s
        .span(at(2026, 11, 9, 0), at(2026, 11, 12, 0), limit)
        .unwrap();
    assert!((after.0 + after.1 - limit).abs() < 1e-9);
}

#[test]
fn ticks_label_days_when_close_and_mondays_when_far() {
    let from = at(2026, 11, 4, 9); // a Wednesday
    let to = from + Duration::weeks(2);
    let close = ticks(&Scale::new(from, Zoom::TwoWeeks), to);
    assert_eq!(close.len(), 16);
    assert_eq!(close[0].label, "Wed 4");
    assert_eq!(close[5].label, "Mon 9 Nov");
    assert!(close[5].major && !close[0].major);
    let far = ticks(&Scale::new(from, Zoom::HalfYear), to);
    assert_eq!(
        far.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
        // 42 px a week: every 2nd Monday labelled, both drawn.
        ["9 Nov", ""]
    );
    let mid = ticks(&Scale::new(from, Zoom::Quarter), to);
    assert_eq!(mid.len(), 16);
    assert_eq!(mid.iter().filter(|t| !t.label.is_empty()).count(), 2);
}

#[test]
fn clusters_the_search_does_not_find_take_no_height() {
    let h = |pools: f64| CLUSTER_ROW_PX + pools * POOL_ROW_PX;
    assert_eq!(
        shown_row_offsets(&[2, 0, 3], &[0, 2]),
        [0.0, h(2.0), h(2.0), h(2.0) + h(3.0)]
    );
    assert_eq!(shown_row_offsets(&[2, 0, 3], &[]), [0.0; 4]);
    assert_eq!(
        shown_row_offsets(&[2, 0, 3], &[0, 1, 2]),
        row_offsets([2, 0, 3])
    );
    // A found cluster between hidden ones is among the visible rows; the hidden ones around it
    // (no height) may be too, and the drawing leaves them out.
    let offsets = shown_row_offsets(&[3, 3, 3, 3], &[2]);
    let rows = visible_rows(&offsets, 0.0, 500.0, 0.0);
    assert!(rows.contains(&2));
}

#[test]
fn rows_stack_a_header_and_one_row_per_pool() {
    assert_eq!(
        row_offsets([2, 0, 3]),
        [
            0.0,
            CLUSTER_ROW_PX + 2.0 * POOL_ROW_PX,
            2.0 * CLUSTER_ROW_PX + 2.0 * POOL_ROW_PX,
            3.0 * CLUSTER_ROW_PX + 5.0 * POOL_ROW_PX
        ]
    );
}

#[test]
fn the_demo_tracks_stay_inside_the_horizon_with_spill_after_the_window() {
    let plan = demo_plan();
    let from = at(2026, 11, 2, 8);
    let p = project(&plan, from, HORIZON_WEEKS);
    for zoom in Zoom::ALL {
        let scale = Scale::new(from, zoom);
        let limit = scale.x(p.to);
        for i in 0..plan.clusters.len() {
            let t = cluster_track(&plan, &p, i, &scale).unwrap();
            assert_eq!(t.pools.len(), plan.clusters[i].agent_pool_profiles.len());
            assert_eq!(row_label(&p.clusters[i]).pools.len(), t.pools.len());
            let spans = t
                .windows
                .iter()
                .map(|w| (w.x, w.width))
                .chain(t.blackouts.iter().map(|b| (b.x, b.width)))
                .chain(
                    t.pools
                        .iter()
                        .flat_map(|p| p.upgrades.iter().map(|u| (u.x, u.width))),
                );
            for (x, w) in spans {
                assert!(
                    x >= 0.0 && x <= limit && w >= MIN_MARK_PX,
                    "{x} {w} {limit}"
                );
            }
            for u in t.pools.iter().flat_map(|p| &p.upgrades) {
                assert!((u.spill_x - (u.x + u.width)).abs() < 1e-6 || u.spill_width == 0.0);
                assert!(u.title.contains("Start: "));
            }
        }
    }
    assert!(cluster_track(&plan, &p, 3, &Scale::new(from, Zoom::Quarter)).is_none());
}

#[test]
fn a_scale_within_a_range_makes_exactly_the_marks_reaching_into_it() {
    let plan = crate::rules::demo::fleet(12);
    let from = at(2026, 11, 2, 8);
    let p = project(&plan, from, HORIZON_WEEKS);
    for zoom in [Zoom::TwoWeeks, Zoom::Quarter] {
        let whole = Scale::new(from, zoom);
        for (lo, hi) in [(-550.0, 2_200.0), (1_650.0, 4_400.0), (1e9, 2e9)] {
            let part = whole.within(lo, hi);
            let reaches = |x: f64, width: f64| x + width >= lo && x <= hi;
            for i in 0..plan.clusters.len() {
                let all = cluster_track(&plan, &p, i, &whole).unwrap();
                let mut expected = all.clone();
                expected.windows.retain(|w| reaches(w.x, w.width));
                expected.blackouts.retain(|b| reaches(b.x, b.width));
                expected.releases.retain(|r| reaches(r.x, 0.0));
                expected
                    .kubernetes
                    .windows
                    .retain(|w| reaches(w.x, w.width));
                let k8s = &mut expected.kubernetes.control_plane;
                k8s.retain(|u| reaches(u.x, u.width + u.spill_width));
                for pool in &mut expected.pools {
                    pool.upgrades
                        .retain(|u| reaches(u.x, u.width + u.spill_width));
                    pool.deferred.retain(|(x, _)| reaches(*x, 0.0));
                }
                assert_eq!(cluster_track(&plan, &p, i, &part).unwrap(), expected);
            }
        }
    }
}

#[test]
fn the_test_cluster_shows_its_year_end_blackout_and_blocked_windows() {
    let plan = demo_plan();
    let from = at(2026, 12, 1, 0);
    let p = project(&plan, from, HORIZON_WEEKS);
    let t = cluster_track(&plan, &p, 1, &Scale::new(from, Zoom::Quarter)).unwrap();
    assert_eq!(t.blackouts.len(), 1);
    assert!(t.blackouts[0].title.contains("Tue 22 Dec 23:00 UTC"));
    assert!(t.windows.iter().filter(|w| w.blocked).count() >= 10);
    assert!(
        t.windows
            .iter()
            .filter(|w| w.blocked)
            .all(|w| w.title.contains("blocked"))
    );
}

#[test]
fn a_pool_longer_than_its_window_has_a_spill_part_and_a_spill_total() {
    let mut plan = demo_plan();
    // prod apps: 12 nodes, maxSurge 1 → 12 batches × (2 drain + 10 soak + 30 reimage)
    // + 7 = 511 min, longer than the 8 h window.
    plan.assumptions.projection.timings.reimage_minutes = 30;
    plan.clusters[2].agent_pool_profiles[1]
        .upgrade_settings
        .max_surge = Some("1".parse().unwrap());
    let from = at(2026, 11, 2, 8);
    let p = project(&plan, from, HORIZON_WEEKS);
    let t = cluster_track(&plan, &p, 2, &Scale::new(from, Zoom::Quarter)).unwrap();
    let label = &row_label(&p.clusters[2]).pools[1];
    assert_eq!(label.upgrade_minutes, 511);
    assert!(label.spill_events > 0 && label.spill_minutes > 0);
    let spilled = t.pools[1]
        .upgrades
        .iter()
        .find(|u| u.spill_width > 0.0)
        .unwrap();
    assert!(spilled.title.contains("Spill: "));
}

#[test]
fn only_rows_near_the_viewport_are_drawn() {
    let offsets = row_offsets([3; 10]); // 92 px per cluster
    assert_eq!(visible_rows(&offsets, 0.0, 200.0, 0.0), 0..3);
    assert_eq!(visible_rows(&offsets, 184.0, 92.0, 0.0), 2..3);
    assert_eq!(visible_rows(&offsets, 300.0, 200.0, 100.0), 2..7);
    assert_eq!(visible_rows(&offsets, 5_000.0, 200.0, 0.0), 10..10);
    assert_eq!(visible_rows(&[0.0], 0.0, 500.0, 0.0), 0..0);
    assert_eq!(x_window(0.0, 1_000.0), (-250.0, 1_500.0));
    assert_eq!(x_window(1_500.0, 1_000.0), (1_250.0, 3_000.0));
    // Scrolling less than a quarter viewport keeps the range.
    assert_eq!(x_window(1_740.0, 1_000.0), (1_250.0, 3_000.0));
    // The visible range always lies inside the drawn one, with a quarter viewport to spare.
    for left in [0.0, 249.0, 999.0, 1_000.0, 2_345.0] {
        let (lo, hi) = x_window(left, 1_000.0);
        assert!(lo <= left - 250.0 && left + 1_250.0 <= hi, "{left}");
    }
}

#[test]
fn the_table_lists_windows_releases_and_upgrades_in_time_order() {
    let plan = demo_plan();
    let from = at(2026, 12, 1, 0);
    let p = project(&plan, from, 8);
    let rows = table_rows(&plan, &p, 1);
    assert!(rows.windows(2).all(|w| w[0].at <= w[1].at));
    for kind in [
        "Window",
        "Window (blocked)",
        "Blackout",
        "Release",
        "Upgrade",
    ] {
        assert!(rows.iter().any(|r| r.kind == kind), "{kind}");
    }
    let upgrades = rows.iter().filter(|r| r.kind == "Upgrade").count();
    let events: usize = p.clusters[1].pools.iter().map(|x| x.events.len()).sum();
    assert_eq!(upgrades, events);
    assert!(table_rows(&plan, &p, 9).is_empty());
}

#[test]
fn small_texts_read_naturally() {
    assert_eq!(format_duration(37), "37 min");
    assert_eq!(format_duration(245), "4 h 05 min");
    assert_eq!(exposure_text(Some(3 * 1440), false), "3.0 d");
    assert_eq!(exposure_text(Some(16 * 1440), true), "≥ 16.0 d");
    assert_eq!(exposure_text(None, false), "—");
    assert_eq!(format_milli(1_250), "1.25");
    assert_eq!(format_milli(4_334), "4.33");
    assert_eq!(bar_lengths(&[0, 5, 10], 100.0), [0.0, 50.0, 100.0]);
    assert_eq!(bar_lengths(&[0, 0], 100.0), [0.0, 0.0]);
}

#[test]
fn the_duration_tooltip_shows_the_slower_surge_1_retry_from_1_35() {
    // prod apps on 1.36.3: 12 nodes at 33 % → 4 surge, 3 batches × (2 + 10 soak + 8) + 7 =
    // 67 min; at surge 1 (docs/aks-2026.md §1.4), 12 batches × 20 + 7 = 247 min.
    let plan = demo_plan();
    let from = at(2026, 11, 2, 8);
    let p = project(&plan, from, HORIZON_WEEKS);
    let label = &row_label(&p.clusters[2]).pools[1];
    assert_eq!(
        label.duration_title,
        "One rolling reimage ≈ 1 h 07 min (estimate); if quota or capacity is short, AKS \
         retries with 1 surge node at a time: ≈ 4 h 07 min (Kubernetes 1.35 or later)"
    );
    // system: already 1 surge node, nothing slower to fall back to.
    assert_eq!(
        row_label(&p.clusters[2]).pools[0].duration_title,
        "One rolling reimage ≈ 37 min (estimate)"
    );
}
