//! One cluster of the timeline: its label column entry (names, durations, spill totals) and
//! its drawing row, each redrawn only when that cluster's projection changes.

use std::sync::Arc;

use leptos::prelude::*;

use super::Detail;
use super::bars::{Row, bars};
use super::draw::{draw_backdrop, draw_eta, draw_pools};
use crate::rules::figures::format_duration;
use crate::rules::projection::Projection;
use crate::rules::projection::release::Release;
use crate::ui::components::timeline_focus::{mark_of, tabindex};
use crate::ui::state::use_plan_state;
use crate::view::format::tenths;
use crate::view::timeline::focus::{self, Spot};
use crate::view::timeline::marks::{ClusterTrack, RowLabel, cluster_track, row_label};
use crate::view::timeline::{AXIS_PX, POOL_ROW_PX, Scale, cluster_height};

/// The names, durations and spill totals beside cluster `i`'s rows.
#[component]
pub(super) fn RowLabels(
    i: usize,
    projection: Memo<Arc<Projection>>,
    offsets: Memo<Vec<f64>>,
    active: RwSignal<Option<Spot>>,
) -> impl IntoView {
    let label: Memo<Option<RowLabel>> =
        Memo::new(move |_| projection.with(|p| p.clusters.get(i).map(|c| row_label(c))));
    // The name (with its button) is redrawn only when it changes, not with every duration.
    let head =
        Memo::new(move |_| label.with(|l| l.as_ref().map(|l| (l.name.clone(), l.summary.clone()))));
    let pools = Memo::new(move |_| {
        label
            .with(|l| l.as_ref().map(|l| l.pools.clone()))
            .unwrap_or_default()
    });
    let pool_count = Memo::new(move |_| pools.with(Vec::len));
    let top = move || offsets.with(|o| o.get(i).copied().unwrap_or(0.0)) + AXIS_PX;
    let state = use_plan_state();
    view! {
        <div
            class="tl-row-label"
            class:odd={i % 2 == 1}
            style=move || format!("top:{}px;height:{}px", tenths(top()), tenths(cluster_height(pool_count.get())))
            data-testid=format!("timeline-label-{i}")
            data-row=i
        >
            {move || {
                head.get()
                    .map(|(name, summary)| {
                        view! {
                            <div class="tl-cluster-name">
                                <button
                                    type="button"
                                    class="linkish"
                                    tabindex=tabindex(active, i, focus::NAME_KEY)
                                    data-mark=focus::NAME_KEY
                                    title="Open in the channel comparison"
                                    on:click=move |_| state.select(i)
                                >
                                    {name}
                                </button>
                                <span class="tl-cluster-summary" title=summary.clone()>{summary.clone()}</span>
                            </div>
                        }
                    })
            }}
            {move || {
                pools
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(j, p)| {
                        let spill = if p.spill_events > 0 {
                            format!("spills {} ×, {}", p.spill_events, format_duration(p.spill_minutes))
                        } else {
                            "fits".to_owned()
                        };
                        view! {
                            <div class="tl-pool-name" style=format!("height:{}px", tenths(POOL_ROW_PX))>
                                <span class="tl-pool" title=p.name.clone()>{p.name.clone()}</span>
                                <span
                                    class="tl-pool-duration"
                                    data-testid=format!("pool-duration-{i}-{j}")
                                    title=p.duration_title.clone()
                                >
                                    {format_duration(p.upgrade_minutes)}
                                </span>
                                <span
                                    class="tl-pool-spill"
                                    class:spills={p.spill_events > 0}
                                    data-testid=format!("pool-spill-{i}-{j}")
                                >
                                    {spill}
                                </span>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// Cluster `i`'s block of the SVG. Its marks are recomputed only when this cluster's
/// projection, the releases, its blackouts, the zoom or the drawn x range change.
#[component]
pub(super) fn ClusterRow(
    i: usize,
    projection: Memo<Arc<Projection>>,
    releases: Memo<Vec<Release>>,
    scale: Memo<Scale>,
    offsets: Memo<Vec<f64>>,
    width: Memo<f64>,
    x_range: Memo<(f64, f64)>,
    detail: RwSignal<Option<Detail>>,
    active: RwSignal<Option<Spot>>,
) -> impl IntoView {
    let state = use_plan_state();
    let plan = state.plan();
    let cluster = Memo::new(move |_| projection.with(|p| p.clusters.get(i).cloned()));
    let blackouts = Memo::new(move |_| {
        plan.with(|p| {
            p.clusters
                .get(i)
                .and_then(|c| c.maintenance_configurations.node_os.as_ref())
                .map(|w| (w.not_allowed_dates.clone(), w.utc_offset))
        })
    });
    let keep = Memo::new(move |_| {
        active.with(|a| {
            a.as_ref()
                .filter(|a| a.cluster == i && !a.is_name())
                .map(|a| (a.x, a.width))
        })
    });
    let track: Memo<Option<ClusterTrack>> = Memo::new(move |_| {
        cluster.track();
        releases.track();
        blackouts.track();
        // Only the marks near the viewport are made (and drawn), and the active one.
        let (mut lo, mut hi) = x_range.get();
        if let Some((x, w)) = keep.get() {
            (lo, hi) = (lo.min(x), hi.max(x + w));
        }
        let s = scale.get().within(lo, hi);
        projection.with_untracked(|p| plan.with_untracked(|pl| cluster_track(pl, p, i, &s)))
    });
    // An edit of a step timing changes every bar but no window: the pools' bars and the rest
    // are separate memos, so each part is redrawn only when its own marks change.
    let backdrop = Memo::new(move |_| {
        track.with(|t| {
            t.as_ref().map(|t| ClusterTrack {
                pools: Vec::new(),
                ..t.clone()
            })
        })
    });
    let pools = Memo::new(move |_| track.with(|t| t.as_ref().map(|t| t.pools.clone())));
    // Fix ETA flags (only when the plan stores an ETA question): independent of scrolling.
    let eta = Memo::new(move |_| {
        let (s, w) = (scale.get(), width.get());
        projection.with(|p| plan.with(|pl| crate::view::timeline::eta::marks(pl, p, i, &s, w)))
    });
    let pool_count = Memo::new(move |_| pools.with(|p| p.as_ref().map_or(0, Vec::len)));
    let y = move || offsets.with(|o| o.get(i).copied().unwrap_or(0.0));
    // One handler for all of the cluster's marks (each names itself with `data-mark`): marks
    // are redrawn on edits, and handlers on them would be re-attached every time.
    // Hover only: a focus listener would make this <g> itself focusable in Chromium (SVG
    // elements with focus listeners are), a stray Tab stop; focus details are shown by the
    // drawing's one focusin handler.
    let show = move |ev: leptos::ev::Event| {
        let Some((_, key, _)) = mark_of(&ev) else {
            return;
        };
        let found = track.with_untracked(|t| t.as_ref().and_then(|t| t.details(&key)));
        if found.is_some() && detail.with_untracked(|d| *d != found) {
            detail.set(found);
        }
    };
    view! {
        <g
            class="tl-cluster"
            transform=move || format!("translate(0,{})", tenths(y()))
            data-testid=format!("timeline-cluster-{i}")
            data-row=i
            on:mouseover=move |ev| show(ev.into())
        >
            {move || {
                let (w, n) = (width.get(), pool_count.get());
                backdrop.with(|t| t.as_ref().map(|t| draw_backdrop(t, n, i, w, active)))
            }}
            {bars(
                move || {
                    backdrop.with(|t| {
                        t.as_ref()
                            .map(|t| t.kubernetes.control_plane.clone())
                            .unwrap_or_default()
                    })
                },
                Row { i, j: None, y: 12.0, height: 9.0, active },
            )}
            {move || {
                let w = width.get();
                draw_pools(pool_count.get(), pools, i, w, active)
            }}
            {move || eta.with(|m| draw_eta(m))}
        </g>
    }
}
