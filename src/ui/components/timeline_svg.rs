//! The timeline drawing: one SVG, a row per cluster and a sub-row per pool, with a sticky label
//! column. Geometry and texts come from `rules::projection::layout`; this file only draws.
//!
//! Speed (issue 4: < 100 ms edit→paint at 200 clusters): each row has its own memos, so an
//! edit redraws only the clusters whose projection changed, and only rows near the viewport
//! (and marks within a viewport of the visible x range) are in the DOM at all.

use leptos::prelude::*;

use crate::rules::projection::focus::{self, Spot, Step};
use crate::rules::projection::layout::{
    self, AXIS_PX, MIN_MARK_PX, POOL_ROW_PX, Scale, Zoom, cluster_height, minutes_text,
    row_offsets, ticks, visible_rows, x_window,
};
use crate::rules::projection::marks::{
    ClusterTrack, PoolTrack, RowLabel, UpgradeMark, cluster_track, row_label,
};
use crate::rules::projection::release::{Release, Stream};
use crate::rules::projection::{EventKind, Projection};
use crate::ui::components::timeline_focus::{Focus, mark_of, tabindex};
use crate::ui::state::use_plan_state;

/// The facts shown in the details box: `(label, value)` lines.
pub type Detail = Vec<(&'static str, String)>;

/// The visible part of the scroll area, px.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Viewport {
    top: f64,
    left: f64,
    height: f64,
    width: f64,
    /// Width of the sticky label column.
    labels: f64,
}

/// Rows drawn beyond the viewport, px, so a short scroll shows rows already there. Small: every
/// drawn row is redrawn by an edit that changes it (300 px drew 11 clusters for 7 on screen).
const ROW_MARGIN_PX: f64 = 100.0;

#[component]
pub fn TimelineSvg(
    projection: Memo<Projection>,
    zoom: RwSignal<Zoom>,
    detail: RwSignal<Option<Detail>>,
) -> impl IntoView {
    let keys = Focus::default();
    let (scroller, active) = (keys.scroller, keys.active);
    let plan = use_plan_state().plan();
    let viewport = RwSignal::new(Viewport {
        top: 0.0,
        left: 0.0,
        height: 900.0,
        width: 1_320.0,
        labels: 220.0,
    });
    let read_viewport = move || {
        if let Some(el) = scroller.get_untracked() {
            viewport.set(Viewport {
                top: f64::from(el.scroll_top()),
                left: f64::from(el.scroll_left()),
                height: f64::from(el.client_height()),
                width: f64::from(el.client_width()),
                labels: keys
                    .labels
                    .get_untracked()
                    .map_or(0.0, |l| f64::from(l.offset_width())),
            });
        }
    };
    // Measure once mounted (and after the first layout: the side panels and a scroll bar
    // narrow the plot), on a zoom, and when the window is resized.
    Effect::new(move |_| {
        zoom.track();
        if scroller.get().is_some() {
            read_viewport();
            request_animation_frame(read_viewport);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| read_viewport());
    on_cleanup(move || resize.remove());
    // The zoom levels fill the plot beside the labels (issue 4: "4w" shows four weeks).
    let plot = Memo::new(move |_| viewport.with(|v| v.width - v.labels));
    let from = Memo::new(move |_| projection.with(|p| p.from));
    let scale = Memo::new(move |_| Scale::fitted(from.get(), zoom.get(), plot.get()));
    // Zooming keeps the instant at the left edge in place.
    Effect::new(move |previous: Option<f64>| {
        let current = scale.with(|s| s.px_per_day);
        if let (Some(before), Some(el)) = (previous, scroller.get_untracked())
            && before != current
        {
            let left = f64::from(el.scroll_left()) * current / before;
            el.set_scroll_left(left.round() as i32);
            read_viewport();
        }
        current
    });
    let pool_counts = Memo::new(move |_| {
        projection.with(|p| p.clusters.iter().map(|c| c.pools.len()).collect::<Vec<_>>())
    });
    let offsets = Memo::new(move |_| pool_counts.with(|c| row_offsets(c.iter().copied())));
    let rows_height = move || offsets.with(|o| o.last().copied().unwrap_or(0.0));
    let width = Memo::new(move |_| projection.with(|p| scale.get().x(p.to)));
    let releases = Memo::new(move |_| projection.with(|p| p.releases.clone()));
    // The active mark's cluster is always drawn, so the Tab stop and the focus never vanish.
    let active_cluster = Memo::new(move |_| active.with(|a| a.as_ref().map(|a| a.cluster)));
    let visible = Memo::new(move |_| {
        let v = viewport.get();
        let rows =
            offsets.with(|o| visible_rows(o, (v.top - AXIS_PX).max(0.0), v.height, ROW_MARGIN_PX));
        let mut rows: Vec<usize> = rows.collect();
        let count = pool_counts.with(Vec::len);
        if let Some(c) = active_cluster
            .get()
            .filter(|&c| c < count && !rows.contains(&c))
        {
            rows.push(c);
            rows.sort_unstable();
        }
        rows
    });
    // A removed cluster takes the Tab stop back to the first cluster's name.
    Effect::new(move |_| {
        let count = pool_counts.with(Vec::len);
        if active_cluster.get().is_some_and(|c| c >= count) {
            active.set((count > 0).then(|| Spot::name(0)));
        }
    });
    let x_range = Memo::new(move |_| {
        let v = viewport.get();
        x_window(v.left, v.width)
    });
    let ticks = Memo::new(move |_| projection.with(|p| ticks(&scale.get(), p.to)));
    let now_x = move || scale.with(|s| s.x(from.get()));
    // Redraws (scrolling, zooming, edits) replace elements; put a lost focus back.
    Effect::new(move |_| {
        visible.track();
        x_range.track();
        projection.track();
        scale.track();
        // After the redraw's own tasks (queued already), in the same task: the
        // focus is never seen on <body>.
        queue_microtask(move || keys.restore());
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if let Some(step) = Step::from_key(&key) {
            let Some((cluster, mark, _)) = mark_of(&ev) else {
                return;
            };
            ev.prevent_default();
            let next = projection.with_untracked(|p| {
                plan.with_untracked(|pl| {
                    focus::step(pl, p, &scale.get_untracked(), cluster, &mark, step)
                })
            });
            if let Some(next) = next {
                let top = offsets.with_untracked(|o| o.get(next.cluster).copied().unwrap_or(0.0));
                keys.reveal(&next, top);
                active.set(Some(next));
                read_viewport();
                // Drawn already, or once the scroll above has drawn it.
                if !keys.focus_active() {
                    request_animation_frame(move || {
                        keys.focus_active();
                    });
                }
            }
            return;
        }
        let next = match key.as_str() {
            "+" | "=" => zoom.get_untracked().zoom_in(),
            "-" | "_" => zoom.get_untracked().zoom_out(),
            _ => return,
        };
        ev.prevent_default();
        zoom.set(next);
    };
    // A click or Tab onto a mark makes it the active one.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        let Some((cluster, mark, el)) = mark_of(&ev) else {
            return;
        };
        keys.focused.set_value(Some(el));
        let current = active.with_untracked(|a| {
            a.as_ref()
                .is_some_and(|a| a.cluster == cluster && a.key == mark)
        });
        if !current {
            let at = projection.with_untracked(|p| {
                plan.with_untracked(|pl| {
                    focus::locate(pl, p, &scale.get_untracked(), cluster, &mark)
                })
            });
            active.set(at);
            keys.focus_active();
        }
        let found = active.with_untracked(|a| {
            let a = a.as_ref()?;
            projection.with_untracked(|p| {
                plan.with_untracked(|pl| focus::details(pl, p, &scale.get_untracked(), a))
            })
        });
        if found.is_some() && detail.with_untracked(|d| *d != found) {
            detail.set(found);
        }
    };
    view! {
        <p class="tl-shown muted" data-testid="timeline-shown">
            {move || zoom.get().shown_text(plot.get())}
        </p>
        <div
            class="tl-scroll"
            node_ref=scroller
            role="region"
            aria-label="Timeline: arrow keys move between marks, Home and End to a row's ends; + and − zoom"
            data-testid="timeline-scroll"
            on:scroll=move |_| read_viewport()
            on:keydown=on_key
            on:focusin=on_focus
            on:focusout=move |ev| keys.on_blur(&ev)
        >
            <div class="tl-canvas" style=move || format!("height:{}px", rows_height() + AXIS_PX)>
                <div class="tl-labels" node_ref=keys.labels>
                    <div class="tl-axis-spacer" style=format!("height:{AXIS_PX}px")>
                        "Cluster / pool"
                    </div>
                    <For each=move || visible.get() key=|i| *i let:i>
                        <RowLabels i projection offsets active />
                    </For>
                </div>
                <svg
                    class="tl-svg"
                    data-testid="timeline-svg"
                    role="group"
                    aria-label="Projected maintenance windows, releases and upgrades per cluster and pool"
                    width=move || width.get()
                    height=move || rows_height() + AXIS_PX
                >
                    <Patterns />
                    <g class="tl-axis" aria-hidden="true">
                        {move || {
                            let h = rows_height() + AXIS_PX;
                            ticks
                                .get()
                                .into_iter()
                                .map(|t| {
                                    view! {
                                        <line
                                            class=if t.major { "tl-tick major" } else { "tl-tick" }
                                            x1=t.x
                                            x2=t.x
                                            y1=AXIS_PX - 6.0
                                            y2=h
                                        />
                                        <text class="tl-tick-label" x=t.x + 3.0 y=AXIS_PX - 10.0>
                                            {t.label}
                                        </text>
                                    }
                                })
                                .collect_view()
                        }}
                    </g>
                    <g transform=format!("translate(0,{AXIS_PX})")>
                        <For each=move || visible.get() key=|i| *i let:i>
                            <ClusterRow i projection releases scale offsets width x_range detail active />
                        </For>
                    </g>
                    <g class="tl-now" data-testid="timeline-now">
                        <line x1=now_x x2=now_x y1=0.0 y2=move || rows_height() + AXIS_PX />
                        <text x=move || now_x() + 3.0 y=12.0>"now"</text>
                        <title>{move || format!("Now: {}", layout::when(from.get()))}</title>
                    </g>
                </svg>
            </div>
        </div>
    }
}

/// Fill patterns, so that nothing is told by colour alone.
#[component]
fn Patterns() -> impl IntoView {
    view! {
        <defs>
            <pattern id="tl-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect class="tl-hatch-bg" width="8" height="8" />
                <line class="tl-hatch-line" x1="0" y1="0" x2="0" y2="8" />
            </pattern>
            <pattern id="tl-spill" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
                <rect class="tl-spill-bg" width="6" height="6" />
                <line class="tl-spill-line" x1="0" y1="0" x2="0" y2="6" />
            </pattern>
            <pattern id="tl-dots" width="4" height="4" patternUnits="userSpaceOnUse">
                <rect class="tl-dots-bg" width="4" height="4" />
                <circle class="tl-dots-dot" cx="2" cy="2" r="1" />
            </pattern>
            <pattern id="tl-k8s" width="6" height="6" patternUnits="userSpaceOnUse">
                <rect class="tl-k8s-bg" width="6" height="6" />
                <path class="tl-k8s-line" d="M0,0 L6,6 M6,0 L0,6" />
            </pattern>
        </defs>
    }
}

/// The names, durations and spill totals beside cluster `i`'s rows.
#[component]
fn RowLabels(
    i: usize,
    projection: Memo<Projection>,
    offsets: Memo<Vec<f64>>,
    active: RwSignal<Option<Spot>>,
) -> impl IntoView {
    let label: Memo<Option<RowLabel>> =
        Memo::new(move |_| projection.with(|p| p.clusters.get(i).map(row_label)));
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
            style=move || format!("top:{}px;height:{}px", top(), cluster_height(pool_count.get()))
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
                            format!("spills {} ×, {}", p.spill_events, minutes_text(p.spill_minutes))
                        } else {
                            "fits".to_owned()
                        };
                        view! {
                            <div class="tl-pool-name" style=format!("height:{POOL_ROW_PX}px")>
                                <span class="tl-pool" title=p.name.clone()>{p.name.clone()}</span>
                                <span class="tl-pool-duration" data-testid=format!("pool-duration-{i}-{j}")>
                                    {minutes_text(p.upgrade_minutes)}
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
fn ClusterRow(
    i: usize,
    projection: Memo<Projection>,
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
            transform=move || format!("translate(0,{})", y())
            data-testid=format!("timeline-cluster-{i}")
            data-row=i
            on:mouseover=move |ev| show(ev.into())
        >
            {move || {
                let (w, n) = (width.get(), pool_count.get());
                backdrop.with(|t| t.as_ref().map(|t| draw_backdrop(t, n, i, w, active)))
            }}
            {move || {
                let w = width.get();
                pools.with(|p| p.as_ref().map(|p| draw_pools(p, i, w, active)))
            }}
        </g>
    }
}

/// The background, blackouts, windows and releases of cluster `i` (with `pools` pools).
fn draw_backdrop(
    t: &ClusterTrack,
    pools: usize,
    i: usize,
    width: f64,
    active: RwSignal<Option<Spot>>,
) -> impl IntoView + use<> {
    let height = cluster_height(pools);
    let blackouts = t
        .blackouts
        .iter()
        .map(|b| {
            let title = b.title.clone();
            view! {
                <rect class="tl-blackout" x=b.x y=0.0 width=b.width height=height fill="url(#tl-hatch)">
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    let windows = t
        .windows
        .iter()
        .map(|w| {
            let title = w.title.clone();
            let aria = title.clone();
            let blocked = w.blocked.then(|| {
                view! {
                    <line class="tl-strike" x1=w.x y1=2.0 x2=w.x + w.width y2=layout::CLUSTER_ROW_PX - 4.0 />
                    <line class="tl-strike" x1=w.x y1=layout::CLUSTER_ROW_PX - 4.0 x2=w.x + w.width y2=2.0 />
                    {(w.width > 44.0).then(|| view! {
                        <text class="tl-blocked-label" x=w.x + 2.0 y=layout::CLUSTER_ROW_PX - 8.0>"blocked"</text>
                    })}
                }
            });
            view! {
                <g
                    class="tl-window"
                    class:blocked=w.blocked
                    tabindex=tabindex(active, i, &w.key)
                    role="img"
                    aria-label=aria
                    data-testid=if w.blocked { "window-blocked" } else { "window" }
                    data-mark=w.key.clone()
                >
                    <rect class="tl-window-band" x=w.x y=0.0 width=w.width height=height />
                    <rect class="tl-window-head" x=w.x y=1.0 width=w.width height=layout::CLUSTER_ROW_PX - 4.0 />
                    {blocked}
                    <title>{title}</title>
                </g>
            }
        })
        .collect_view();
    let releases = t
        .releases
        .iter()
        .map(|r| {
            let title = r.title.clone();
            // Kubernetes versions are squares, node OS releases triangles (not colour alone).
            let (d, class, id) = if r.stream == Stream::Kubernetes {
                (
                    format!("M{:.1},3 h8 v8 h-8 z", r.x - 4.0),
                    "tl-release k8s",
                    "k8s-release",
                )
            } else {
                (
                    format!("M{:.1},3 l5,0 l-5,8 l-5,-8 z", r.x),
                    "tl-release",
                    "release",
                )
            };
            view! {
                <path class=class class:reimage=r.reimage d=d data-testid=id>
                    <title>{title}</title>
                </path>
            }
        })
        .collect_view();
    let k8s = &t.kubernetes;
    let k8s_windows = k8s
        .windows
        .iter()
        .map(|w| {
            let title = w.title.clone();
            view! {
                <rect class="tl-k8s-window" class:blocked=w.blocked x=w.x y=layout::CLUSTER_ROW_PX - 5.0 width=w.width height=4.0 data-testid="k8s-window">
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    let control_plane = k8s
        .control_plane
        .iter()
        .map(|u| {
            upgrade_bar(
                u,
                12.0,
                9.0,
                format!("k8s-control-plane-{i}"),
                tabindex(active, i, &u.key),
            )
        })
        .collect_view();
    view! {
        <rect class="tl-row-bg" class:odd={i % 2 == 1} x=0.0 y=0.0 width=width height=height />
        {blackouts}
        {windows}
        {k8s_windows}
        {releases}
        {control_plane}
    }
}

/// The rules, upgrade bars and deferrals of cluster `i`'s pool rows.
fn draw_pools(
    pools: &[PoolTrack],
    i: usize,
    width: f64,
    active: RwSignal<Option<Spot>>,
) -> impl IntoView + use<> {
    pools
        .iter()
        .enumerate()
        .map(|(j, p)| {
            let top = layout::CLUSTER_ROW_PX + POOL_ROW_PX * j as f64;
            let bars = p
                .upgrades
                .iter()
                .map(|u| {
                    let id = if u.kind == EventKind::KubernetesUpgrade {
                        format!("k8s-upgrade-{i}-{j}")
                    } else {
                        format!("upgrade-{i}-{j}")
                    };
                    upgrade_bar(u, top + 3.0, POOL_ROW_PX - 6.0, id, tabindex(active, i, &u.key))
                })
                .collect_view();
            let deferred = p
                .deferred
                .iter()
                .map(|(x, title)| {
                    let title = title.clone();
                    view! {
                        <circle class="tl-deferred" cx=*x cy=top + POOL_ROW_PX / 2.0 r=4.0 data-testid="deferred">
                            <title>{title}</title>
                        </circle>
                    }
                })
                .collect_view();
            view! {
                <line class="tl-pool-rule" x1=0.0 x2=width y1=top y2=top />
                {bars}
                {deferred}
            }
        })
        .collect_view()
}

/// One focusable upgrade bar (its part past the window striped) at `y`, `height` tall, named
/// by its `data-mark` for the row's one details handler.
fn upgrade_bar(
    u: &UpgradeMark,
    y: f64,
    height: f64,
    testid: String,
    tabindex: &'static str,
) -> impl IntoView + use<> {
    let (kind, fill) = match u.kind {
        EventKind::Reimage => ("reimage", None),
        EventKind::LivePatch => ("live", Some("url(#tl-dots)")),
        EventKind::NightlyPatch => ("nightly", Some("url(#tl-dots)")),
        EventKind::Reboot => ("reboot", Some("url(#tl-dots)")),
        EventKind::KubernetesUpgrade => ("k8s", Some("url(#tl-k8s)")),
    };
    let title = u.title.clone();
    let aria = title.clone();
    let spill = (u.spill_width > 0.0).then(|| {
        view! {
            <rect
                class="tl-spill"
                x=u.spill_x
                y=y
                width=u.spill_width.max(MIN_MARK_PX)
                height=height
                fill="url(#tl-spill)"
            />
        }
    });
    view! {
        <g
            class=format!("tl-upgrade {kind}")
            class:spilled={u.spill_width > 0.0}
            tabindex=tabindex
            role="img"
            aria-label=aria
            data-testid=testid
            data-mark=u.key.clone()
        >
            <rect class="tl-bar" x=u.x y=y width=u.width height=height fill=fill />
            {spill}
            <title>{title}</title>
        </g>
    }
}

/// The key to the drawing's symbols, each with its pattern or shape.
#[component]
pub fn TimelineLegend() -> impl IntoView {
    let swatch = |body: AnyView| {
        view! {
            <svg class="tl-swatch" width="28" height="16" aria-hidden="true">
                {body}
            </svg>
        }
    };
    view! {
        <ul class="tl-legend" aria-label="Legend">
            <li>{swatch(view! { <rect class="tl-window-head" x="1" y="2" width="26" height="12" /> }.into_any())}"Maintenance window"</li>
            <li>{swatch(view! { <g class="tl-window blocked"><rect class="tl-window-head" x="1" y="2" width="26" height="12" /><line class="tl-strike" x1="1" y1="2" x2="27" y2="14" /><line class="tl-strike" x1="1" y1="14" x2="27" y2="2" /></g> }.into_any())}"Window blocked (struck through)"</li>
            <li>{swatch(view! { <rect x="1" y="1" width="26" height="14" fill="url(#tl-hatch)" class="tl-blackout" /> }.into_any())}"Blackout (hatched)"</li>
            <li>{swatch(view! { <path class="tl-release reimage" d="M14,3 l5,0 l-5,8 l-5,-8 z" /> }.into_any())}"Release needing a reimage (filled)"</li>
            <li>{swatch(view! { <path class="tl-release" d="M14,3 l5,0 l-5,8 l-5,-8 z" /> }.into_any())}"Release without reimage (hollow)"</li>
            <li>{swatch(view! { <g class="tl-upgrade reimage"><rect class="tl-bar" x="1" y="3" width="26" height="10" /></g> }.into_any())}"Rolling reimage (solid)"</li>
            <li>{swatch(view! { <g class="tl-upgrade live"><rect class="tl-bar" x="1" y="3" width="26" height="10" fill="url(#tl-dots)" /></g> }.into_any())}"Live patch / nightly patch (dotted)"</li>
            <li>{swatch(view! { <g class="tl-upgrade k8s"><path class="tl-release k8s" d="M1,1 h6 v6 h-6 z" /><rect class="tl-bar" x="9" y="1" width="18" height="8" fill="url(#tl-k8s)" /><rect class="tl-k8s-window" x="1" y="11" width="26" height="4" /></g> }.into_any())}"Kubernetes upgrade: version in the region (square), control plane then each pool (cross-hatched), auto-upgrade window (dashed strip)"</li>
            <li>{swatch(view! { <rect class="tl-spill" x="1" y="3" width="26" height="10" fill="url(#tl-spill)" /> }.into_any())}"Spill past the window (striped)"</li>
            <li>{swatch(view! { <circle class="tl-deferred" cx="14" cy="8" r="4" /> }.into_any())}"Pool waits for the next window"</li>
            <li>{swatch(view! { <g class="tl-now"><line x1="14" x2="14" y1="0" y2="16" /></g> }.into_any())}"Now (dashed)"</li>
        </ul>
    }
}
