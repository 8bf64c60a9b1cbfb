//! The "Timeline" tab (issue 4): the projected timeline of the whole fleet, its table, the
//! exposure, cost, surge quota, channel and fleet panels beside it and the assumptions under it. One
//! `Memo<Arc<Projection>>` feeds them all; every number comes from `rules::projection`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::eta::sla::Sla;
use crate::rules::eta::{EtaQuestion, fleet_eta};
use crate::rules::projection::HORIZON_WEEKS;
use crate::rules::projection::{Projection, project};
use crate::ui::clock;
use crate::ui::components::assumptions_panel::AssumptionsPanel;
use crate::ui::components::channels_panel::ChannelsPanel;
use crate::ui::components::cost_panel::CostPanel;
use crate::ui::components::eta_panel::EtaPanel;
use crate::ui::components::exposure_panel::ExposurePanel;
use crate::ui::components::fleet_panel::FleetPanel;
use crate::ui::components::quota_panel::QuotaPanel;
use crate::ui::components::timeline_svg::{Detail, TimelineLegend, TimelineSvg};
use crate::ui::components::timeline_table::TimelineTable;
use crate::ui::state::use_plan_state;
use crate::view::format::fixed;
use crate::view::timeline::Zoom;

#[component]
pub fn TimelineTab() -> impl IntoView {
    let state = use_plan_state();
    let projection: Memo<Arc<Projection>> = state.projection;
    let zoom = RwSignal::new(Zoom::FourWeeks);
    let show_table = RwSignal::new(false);
    let detail: RwSignal<Option<Detail>> = RwSignal::new(None);
    view! {
        <div
            class="tab-panel timeline-tab"
            role="tabpanel"
            id="panel-timeline"
            aria-labelledby="tab-timeline"
            data-testid="panel-timeline"
        >
            <div class="tl-layout">
                <section class="tl-main" aria-labelledby="tl-title" aria-busy=move || state.busy()>
                    <div class="tl-toolbar">
                        <h2 id="tl-title">
                            "Projected timeline "
                            <span class="tl-range" data-testid="timeline-range">
                                {move || {
                                    projection
                                        .with(|p| {
                                            format!(
                                                "{} → {}",
                                                crate::rules::timefmt::day_month_year_time(&p.from) + " UTC",
                                                crate::rules::timefmt::day_month_year(&p.to),
                                            )
                                        })
                                }}
                            </span>
                        </h2>
                        <ZoomButtons zoom />
                        <button
                            type="button"
                            class="btn"
                            data-testid="timeline-table-toggle"
                            aria-expanded=move || if show_table.get() { "true" } else { "false" }
                            aria-controls=move || show_table.get().then_some("tl-table")
                            on:click=move |_| show_table.update(|s| *s = !*s)
                        >
                            {move || if show_table.get() { "Hide the table" } else { "Show as a table" }}
                        </button>
                    </div>
                    <TimelineSvg projection zoom detail />
                    <DetailsBox detail />
                    <TimelineLegend />
                    <Show when=move || show_table.get()>
                        <TimelineTable projection />
                    </Show>
                    <BenchProbe />
                </section>
                <div class="tl-side">
                    <ExposurePanel projection />
                    <CostPanel projection />
                    <QuotaPanel projection />
                    <ChannelsPanel />
                    <FleetPanel projection />
                </div>
            </div>
            <EtaPanel />
            <AssumptionsPanel />
        </div>
    }
}

/// 2w / 4w / 13w / 26w; `+` and `-` on the timeline do the same.
#[component]
fn ZoomButtons(zoom: RwSignal<Zoom>) -> impl IntoView {
    view! {
        <div class="tl-zoom" role="group" aria-label="Zoom: weeks on screen">
            {Zoom::ALL
                .map(|z| {
                    view! {
                        <button
                            type="button"
                            class="btn tl-zoom-btn"
                            data-testid=format!("zoom-{}", z.label())
                            aria-pressed=move || if zoom.get() == z { "true" } else { "false" }
                            on:click=move |_| zoom.set(z)
                        >
                            {z.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// What the focused or hovered mark is, in words (the same facts as its `<title>`).
#[component]
fn DetailsBox(detail: RwSignal<Option<Detail>>) -> impl IntoView {
    view! {
        <div class="tl-details" data-testid="timeline-details" aria-live="polite">
            {move || match detail.get() {
                None => {
                    view! {
                        <p class="muted">
                            "Hover a mark, or Tab into the timeline and move with the arrow keys "
                            "(Home/End: a row's ends), to see its details; + and − zoom."
                        </p>
                    }
                        .into_any()
                }
                Some(d) => {
                    view! {
                        <dl>
                            {d
                                .into_iter()
                                .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
                                .collect_view()}
                        </dl>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// With `?bench=N`: a button that times the projection of the open plan in this browser
/// (issue 4's < 16 ms target) and shows the result for the benchmark test.
#[component]
fn BenchProbe() -> impl IntoView {
    let state = use_plan_state();
    let result = RwSignal::new(String::new());
    let measure = move |_| {
        let now = clock::now();
        let runs = 10;
        let (ms, clusters) = clock::mean_ms(runs, || {
            state
                .plan()
                .with_untracked(|p| project(p, now, HORIZON_WEEKS))
                .clusters
                .len()
        });
        let clusters = clusters.unwrap_or(0);
        let ms = fixed(ms, 2);
        leptos::logging::log!(
            "projection of {clusters} clusters × {HORIZON_WEEKS} weeks: {ms} ms (mean of {runs})"
        );
        result.set(ms);
    };
    // The fix ETA of the open plan (issue 9's < 16 ms target): the Copy Fail question.
    let eta_result = RwSignal::new(String::new());
    let measure_eta = move |_| {
        let mut q = EtaQuestion {
            sla: Sla::CyberEssentials,
            ..EtaQuestion::default()
        };
        if q.set_image_text("202606.08.1")
            .and_then(|()| q.set_disclosed("2026-04-30"))
            .is_err()
        {
            return;
        }
        let now = clock::now();
        let runs = 10;
        let (ms, pools) = clock::mean_ms(runs, || {
            state
                .plan()
                .with_untracked(|p| fleet_eta(p, &q, now))
                .pools
                .len()
        });
        let pools = pools.unwrap_or(0);
        let ms = fixed(ms, 2);
        leptos::logging::log!("fix ETA of {pools} pools: {ms} ms (mean of {runs})");
        eta_result.set(ms);
    };
    clock::bench_clusters().map(|_| {
        view! {
            <p class="tl-bench">
                <button type="button" class="btn" data-testid="bench-measure" on:click=measure>
                    "Time the projection"
                </button>
                " "
                <output data-testid="bench-projection-ms">{move || result.get()}</output>
                " ms per projection"
            </p>
            <p class="tl-bench">
                <button type="button" class="btn" data-testid="bench-eta" on:click=measure_eta>
                    "Time the fix ETA"
                </button>
                " "
                <output data-testid="bench-eta-ms">{move || eta_result.get()}</output>
                " ms per fix ETA"
            </p>
        }
    })
}
