//! The marks of one cluster's rows: background, blackouts, windows and releases, then each
//! pool's upgrade bars (the part past the window striped), deferrals and fix ETA flags.

use leptos::prelude::*;

use super::bars::{Row, bars, pool_marks};
use crate::rules::projection::release::Stream;
use crate::ui::components::timeline_focus::tabindex;
use crate::view::format::tenths;
use crate::view::timeline::eta::EtaMark;
use crate::view::timeline::focus::Spot;
use crate::view::timeline::marks::{ClusterTrack, PoolTrack};
use crate::view::timeline::{self as layout, POOL_ROW_PX, cluster_height};

/// The background, blackouts, windows and releases of cluster `i` (with `pools` pools).
pub(super) fn draw_backdrop(
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
                <rect class="tl-blackout" x=tenths(b.x) y="0" width=tenths(b.width) height=tenths(height) fill="url(#tl-hatch)">
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
                    <line class="tl-strike" x1=tenths(w.x) y1="2" x2=tenths(w.x + w.width) y2=tenths(layout::CLUSTER_ROW_PX - 4.0) />
                    <line class="tl-strike" x1=tenths(w.x) y1=tenths(layout::CLUSTER_ROW_PX - 4.0) x2=tenths(w.x + w.width) y2="2" />
                    {(w.width > 44.0).then(|| view! {
                        <text class="tl-blocked-label" x=tenths(w.x + 2.0) y=tenths(layout::CLUSTER_ROW_PX - 8.0)>"blocked"</text>
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
                    <rect class="tl-window-band" x=tenths(w.x) y="0" width=tenths(w.width) height=tenths(height) />
                    <rect class="tl-window-head" x=tenths(w.x) y="1" width=tenths(w.width) height=tenths(layout::CLUSTER_ROW_PX - 4.0) />
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
                    format!("M{},3 h8 v8 h-8 z", tenths(r.x - 4.0)),
                    "tl-release k8s",
                    "k8s-release",
                )
            } else {
                (
                    format!("M{},3 l5,0 l-5,8 l-5,-8 z", tenths(r.x)),
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
                <rect class="tl-k8s-window" class:blocked=w.blocked x=tenths(w.x) y=tenths(layout::CLUSTER_ROW_PX - 5.0) width=tenths(w.width) height="4" data-testid="k8s-window">
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <rect class="tl-row-bg" class:odd={i % 2 == 1} x="0" y="0" width=tenths(width) height=tenths(height) />
        {blackouts}
        {windows}
        {k8s_windows}
        {releases}
    }
}

/// The rules, upgrade bars and deferrals of cluster `i`'s `count` pool rows, read from `pools`
/// (the bars are kept in step with their marks by [`bars`]).
pub(super) fn draw_pools(
    count: usize,
    pools: Memo<Option<Vec<PoolTrack>>>,
    i: usize,
    width: f64,
    active: RwSignal<Option<Spot>>,
) -> impl IntoView + use<> {
    (0..count)
        .map(|j| {
            let top = layout::CLUSTER_ROW_PX + POOL_ROW_PX * j as f64;
            let row = Row {
                i,
                j: Some(j),
                y: top + 3.0,
                height: POOL_ROW_PX - 6.0,
                active,
            };
            let deferred = move || {
                pools.with(|p| {
                    p.as_ref()
                        .and_then(|p| p.get(j))
                        .map(|p| p.deferred.clone())
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(x, title)| {
                            view! {
                                <circle class="tl-deferred" cx=tenths(x) cy=tenths(top + POOL_ROW_PX / 2.0) r="4" data-testid="deferred">
                                    <title>{title}</title>
                                </circle>
                            }
                        })
                        .collect_view()
                })
            };
            view! {
                <line class="tl-pool-rule" x1="0" x2=tenths(width) y1=tenths(top) y2=tenths(top) />
                {bars(move || pool_marks(pools, j), row)}
                {deferred}
            }
        })
        .collect_view()
}

/// The fix ETA flags of a cluster's pools: a flag at the likely date the last node runs the
/// fix over a thin earliest–latest range. Each is its own Tab stop (outside the arrow-key
/// marks, which have a details box), named by its title for screen readers.
pub(super) fn draw_eta(marks: &[EtaMark]) -> impl IntoView + use<> {
    marks
        .iter()
        .map(|m| {
            let top = layout::CLUSTER_ROW_PX + POOL_ROW_PX * m.pool as f64;
            let base = top + POOL_ROW_PX - 3.0;
            let (title, label) = (m.title.clone(), m.title.clone());
            view! {
                <g class="tl-eta" tabindex="0" role="img" aria-label=label data-eta=m.key.clone() data-testid="eta-mark">
                    <title>{title}</title>
                    <line class="tl-eta-range" x1=tenths(m.range.0) x2=tenths(m.range.1) y1=tenths(base) y2=tenths(base) />
                    <line class="tl-eta-pole" x1=tenths(m.x) x2=tenths(m.x) y1=tenths(top + 2.0) y2=tenths(base) />
                    <path class="tl-eta-flag" d=format!("M{},{} l9,4 l-9,4 z", tenths(m.x), tenths(top + 2.0)) />
                </g>
            }
        })
        .collect_view()
}
