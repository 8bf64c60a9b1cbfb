//! Daylight-saving drift (issue 3): `utcOffset` is fixed, so in a zone with summer time the
//! window moves on the wall clock for part of the year. The rule core's `dst_drift` finds the
//! dates and the remedies against the plan's (or this browser's) zone; `describe_drift` words
//! them, and says so neutrally when the window is simply written in another offset.

use chrono::TimeDelta;
use leptos::prelude::*;

use crate::rules::maintenance::ConfigName;
use crate::rules::maintenance::dst::{describe_drift, dst_drift};
use crate::ui::components::window_editor::{config_dom_id, window_memo};
use crate::ui::components::windows_tab::WindowsView;
use crate::ui::state::use_plan_state;

/// The DST check looks this far ahead (issue 3: "over the next 12 months").
const DRIFT_HORIZON_DAYS: i64 = 365;

/// What the panel says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Drift {
    NoZone(String),
    None { start_time: String, zone: String },
    Lines(Vec<String>),
}

#[component]
pub fn DstPanel(cluster: usize, config: ConfigName, view: WindowsView) -> impl IntoView {
    let state = use_plan_state();
    let window = window_memo(state, cluster, config);
    let drift = Memo::new(move |_| {
        let options = view.options.get();
        view.zone.with(|zone| {
            let table = match zone {
                Ok(table) => table,
                Err(message) => return Drift::NoZone(message.clone()),
            };
            window.with(|w| {
                let Some(w) = w else {
                    return Drift::Lines(Vec::new());
                };
                let until = view.now + TimeDelta::days(DRIFT_HORIZON_DAYS);
                let drift = dst_drift(w, view.now, until, options, |t| table.offset_at(t));
                if drift.is_none() {
                    Drift::None {
                        start_time: w.start_time.to_string(),
                        zone: view.zone_name.get(),
                    }
                } else {
                    Drift::Lines(describe_drift(w, &drift))
                }
            })
        })
    });
    let id = config_dom_id(cluster, config, "dst");
    let title_id = format!("{id}-title");
    view! {
        <section class="dst-panel" aria-labelledby=title_id.clone() data-testid=id>
            <h4 id=title_id.clone()>
                "Wall-clock check in " {move || view.zone_name.get()} " (daylight saving), next 12 months"
            </h4>
            {move || match drift.get() {
                Drift::NoZone(problem) => view! {
                    <p class="empty">{problem} ". Pick a zone this browser knows above to check this window against its daylight-saving changes."</p>
                }
                .into_any(),
                Drift::None { start_time, zone } => view! {
                    <p class="dst-ok" data-testid="dst-none">
                        {format!(
                            "No drift: every window starts at {start_time} local in {zone} all year, because the zone's offset equals utcOffset."
                        )}
                    </p>
                }
                .into_any(),
                Drift::Lines(lines) => view! {
                    <ul class="dst-lines">
                        {lines
                            .into_iter()
                            .map(|line| view! { <li data-testid="dst-line">{line}</li> })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </section>
    }
}
