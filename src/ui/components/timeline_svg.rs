//! The timeline drawing: one SVG, a row per cluster and a sub-row per pool, with a sticky label
//! column. Geometry and texts come from `view::timeline`; this file only draws.
//! This file holds the scroll area and what is drawn near the viewport; [`rows`] a cluster's
//! label and drawing row, [`draw`] the marks in a row (windows, releases, bars), [`legend`] the
//! fill patterns and the key to them.
//!
//! It draws the clusters the cluster list's search and filters find (all without them); the
//! others take no height, and the arrow keys skip them.
//!
//! Speed (issue 4: < 100 ms edit→paint at 200 clusters): each row has its own memos, so an
//! edit redraws only the clusters whose projection changed, and only rows near the viewport
//! (and marks within a viewport of the visible x range) are in the DOM at all.

use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::projection::Projection;
use crate::ui::components::index_list::index_list;
use crate::ui::components::timeline_focus::{Focus, mark_of};
use crate::ui::selection::use_selection;
use crate::ui::state::use_plan_state;
use crate::view::format::tenths;
use crate::view::paging::Listing;
use crate::view::timeline::focus::{self, Spot, Step};
use crate::view::timeline::{
    self as layout, AXIS_PX, Scale, Zoom, shown_row_offsets, ticks, visible_rows, x_window,
};

mod bars;
mod draw;
mod legend;
mod rows;

use legend::Patterns;
pub use legend::TimelineLegend;
use rows::{ClusterRow, RowLabels};

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
    projection: Memo<Arc<Projection>>,
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
    // Also runs a frame after an effect asks: by then the user may have left the tab (its
    // module loads on first use, so it can be drawn just before a quick switch), and its
    // signals are gone; then there is nothing to measure.
    let read_viewport = move || {
        if let Some(Some(el)) = scroller.try_get_untracked() {
            viewport.try_set(Viewport {
                top: f64::from(el.scroll_top()),
                left: f64::from(el.scroll_left()),
                height: f64::from(el.client_height()),
                width: f64::from(el.client_width()),
                labels: keys
                    .labels
                    .try_get_untracked()
                    .flatten()
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
    // The clusters the cluster list's search and filters find are drawn; the others take no
    // height (and are never in `visible`).
    let found = use_selection().shown;
    let offsets = Memo::new(move |_| pool_counts.with(|c| found.with(|f| shown_row_offsets(c, f))));
    let is_found = move |c: usize| found.with(|f| f.binary_search(&c).is_ok());
    let found_listing = Signal::derive(move || {
        let n = found.with(Vec::len);
        Listing {
            drawn: n,
            found: n,
            total: pool_counts.with(Vec::len),
            noun: ("cluster", "clusters"),
            order: "",
            follows_search: false,
        }
    });
    let rows_height = move || offsets.with(|o| o.last().copied().unwrap_or(0.0));
    let width = Memo::new(move |_| projection.with(|p| scale.get().x(p.to)));
    let releases = Memo::new(move |_| projection.with(|p| p.releases.clone()));
    // The active mark's cluster is always drawn, so the Tab stop and the focus never vanish.
    let active_cluster = Memo::new(move |_| active.with(|a| a.as_ref().map(|a| a.cluster)));
    let visible = Memo::new(move |_| {
        let v = viewport.get();
        let rows =
            offsets.with(|o| visible_rows(o, (v.top - AXIS_PX).max(0.0), v.height, ROW_MARGIN_PX));
        let mut rows: Vec<usize> = rows.filter(|&c| is_found(c)).collect();
        let count = pool_counts.with(Vec::len);
        if let Some(c) = active_cluster
            .get()
            .filter(|&c| c < count && !rows.contains(&c) && is_found(c))
        {
            // In order (the rows are a range, ascending): inserted where it belongs rather
            // than sorted, which compiled a sort of its own (README "Bundle-size levers").
            if let Err(at) = rows.binary_search(&c) {
                rows.insert(at, c);
            }
        }
        rows
    });
    // A removed cluster, or one the search no longer finds, takes the Tab stop to the first
    // cluster found's name.
    Effect::new(move |_| {
        let count = pool_counts.with(Vec::len);
        if active_cluster
            .get()
            .is_some_and(|c| c >= count || !is_found(c))
        {
            let first = found.with(|f| f.first().copied()).filter(|&c| c < count);
            active.set(first.map(Spot::name));
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
                    found.with_untracked(|f| {
                        focus::step(pl, p, &scale.get_untracked(), cluster, &mark, step, f)
                    })
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
        <Show when=move || found_listing.with(Listing::is_partial)>
            <p class="hint" data-testid="timeline-found">{move || found_listing.with(Listing::text)}</p>
        </Show>
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
            <div class="tl-canvas" style=move || format!("height:{}px", tenths(rows_height() + AXIS_PX))>
                <div class="tl-labels" node_ref=keys.labels>
                    <div class="tl-axis-spacer" style=format!("height:{}px", tenths(AXIS_PX))>
                        "Cluster / pool"
                    </div>
                    {index_list(move || visible.get(), move |i| view! { <RowLabels i projection offsets active /> })}
                </div>
                <svg
                    class="tl-svg"
                    data-testid="timeline-svg"
                    role="group"
                    aria-label="Projected maintenance windows, releases and upgrades per cluster and pool"
                    width=move || tenths(width.get())
                    height=move || tenths(rows_height() + AXIS_PX)
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
                                            x1=tenths(t.x)
                                            x2=tenths(t.x)
                                            y1=tenths(AXIS_PX - 6.0)
                                            y2=tenths(h)
                                        />
                                        <text class="tl-tick-label" x=tenths(t.x + 3.0) y=tenths(AXIS_PX - 10.0)>
                                            {t.label}
                                        </text>
                                    }
                                })
                                .collect_view()
                        }}
                    </g>
                    <g transform=format!("translate(0,{})", tenths(AXIS_PX))>
                        {index_list(
                            move || visible.get(),
                            move |i| view! { <ClusterRow i projection releases scale offsets width x_range detail active /> },
                        )}
                    </g>
                    <g class="tl-now" data-testid="timeline-now">
                        <line x1=move || tenths(now_x()) x2=move || tenths(now_x()) y1="0" y2=move || tenths(rows_height() + AXIS_PX) />
                        <text x=move || tenths(now_x() + 3.0) y="12">"now"</text>
                        <title>{move || format!("Now: {}", layout::when(from.get()))}</title>
                    </g>
                </svg>
            </div>
        </div>
    }
}
