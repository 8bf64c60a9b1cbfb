//! The marks of one cluster's rows: background, blackouts, windows and releases, then each
//! pool's upgrade bars (the part past the window striped), deferrals and fix ETA flags.

use leptos::prelude::*;

use crate::rules::projection::EventKind;
use crate::rules::projection::release::Stream;
use crate::ui::components::timeline_focus::tabindex;
use crate::view::timeline::eta::EtaMark;
use crate::view::timeline::focus::Spot;
use crate::view::timeline::marks::{ClusterTrack, PoolTrack, UpgradeMark};
use crate::view::timeline::{self as layout, MIN_MARK_PX, POOL_ROW_PX, cluster_height};

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
pub(super) fn draw_pools(
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
    // A Kubernetes step that moves the pool to another OS version: a diamond labelled "OS" at
    // the bar's start (shape and text, not colour alone); the words are the core's.
    let os_change = u.os_change.clone().map(|label| {
        let (cx, cy, r) = (u.x, y + height / 2.0, height / 2.0 + 2.0);
        view! {
            <g class="tl-os-change" data-testid="os-change">
                <path d=format!("M{cx},{} l{r},{r} l-{r},{r} l-{r},-{r} z", cy - r) />
                <text x=cx y=cy + 3.0 text-anchor="middle">"OS"</text>
                <title>{label}</title>
            </g>
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
            {os_change}
            <title>{title}</title>
        </g>
    }
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
                    <line class="tl-eta-range" x1=m.range.0 x2=m.range.1 y1=base y2=base />
                    <line class="tl-eta-pole" x1=m.x x2=m.x y1=top + 2.0 y2=base />
                    <path class="tl-eta-flag" d=format!("M{},{} l9,4 l-9,4 z", m.x, top + 2.0) />
                </g>
            }
        })
        .collect_view()
}
