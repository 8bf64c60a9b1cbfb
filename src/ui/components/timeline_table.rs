//! The timeline as tables (one per cluster): every window, blackout, release, upgrade and wait
//! the drawing shows, in time order, for screen readers and for reading exact times.

use leptos::prelude::*;

use crate::rules::projection::Projection;
use crate::ui::state::use_plan_state;
use crate::view::timeline::marks::{row_label, table_rows};
use crate::view::timeline::when;

#[component]
pub fn TimelineTable(projection: Memo<Projection>) -> impl IntoView {
    let state = use_plan_state();
    let plan = state.plan();
    let names = Memo::new(move |_| {
        projection.with(|p| {
            p.clusters
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
        })
    });
    // Hundreds of rows per cluster: on a phone one cluster at a time is what can be read.
    let only: RwSignal<Option<usize>> = RwSignal::new(None);
    let shown = move || {
        let n = names.with(Vec::len);
        match only.get().filter(|&i| i < n) {
            Some(i) => i..i + 1,
            None => 0..n,
        }
    };
    view! {
        <section class="tl-table" id="tl-table" data-testid="timeline-table" aria-label="Timeline as tables">
            <label class="tl-table-filter">
                "Cluster "
                <select
                    data-testid="timeline-table-cluster"
                    on:change=move |ev| only.set(event_target_value(&ev).parse().ok())
                >
                    <option value="all">"All clusters"</option>
                    {move || {
                        names
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, n)| view! { <option value=i.to_string()>{n}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <For each=shown key=|i| *i let:i>
                {move || {
                    let rows = projection.with(|p| plan.with(|pl| table_rows(pl, p, i)));
                    let caption = projection
                        .with(|p| p.clusters.get(i).map(|c| {
                            let l = row_label(c);
                            format!("{}: {}", l.name, l.summary)
                        }))
                        .unwrap_or_default();
                    view! {
                        <table class="data-table" data-testid=format!("timeline-table-{i}")>
                            <caption>{caption}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"When"</th>
                                    <th scope="col">"What"</th>
                                    <th scope="col">"Pool"</th>
                                    <th scope="col">"Details"</th>
                                    <th scope="col">"Spill"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr data-kind=r.kind>
                                                <td>{when(r.at)}</td>
                                                <td>{r.kind}</td>
                                                <td>{r.pool}</td>
                                                <td>{r.text}</td>
                                                <td>{r.spill}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                }}
            </For>
        </section>
    }
}
