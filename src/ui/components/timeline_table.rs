//! The timeline as tables (one per cluster): every window, blackout, release, upgrade and wait
//! the drawing shows, in time order, for screen readers and for reading exact times. One
//! cluster, or the clusters the cluster list finds, a few tables at a time (`paged`).

use leptos::prelude::*;

use crate::rules::projection::Projection;
use crate::ui::components::cluster_choice::ClusterChoice;
use crate::ui::components::paged::{MoreRows, Pager, found_clusters};
use crate::ui::state::use_plan_state;
use crate::view::paging::Listing;
use crate::view::timeline::marks::{row_label, table_rows};
use crate::view::timeline::when;

/// Tables drawn at first with "All clusters", and how many more each "Show more" adds: each has
/// a row per window, release and upgrade over the horizon (dozens to hundreds of rows).
const TABLES_PER_PAGE: usize = 5;

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
    // Hundreds of rows per cluster: on a phone one cluster at a time is what can be read. All
    // clusters means those the cluster list finds, a few tables at a time.
    let only: RwSignal<Option<usize>> = RwSignal::new(None);
    let pager = Pager::new(TABLES_PER_PAGE);
    let (found, total) = found_clusters();
    let shown = move || {
        let n = names.with(Vec::len);
        match only.get().filter(|&i| i < n) {
            Some(i) => vec![i],
            None => found.with(|f| f.iter().take(pager.limit()).copied().collect()),
        }
    };
    let listing = Signal::derive(move || {
        let found = found.with(Vec::len);
        let all = only.get().is_none();
        Listing {
            drawn: if all { found.min(pager.limit()) } else { found },
            found,
            total: if all { total.get() } else { found },
            noun: ("cluster", "clusters"),
            order: "",
            follows_search: true,
        }
    });
    view! {
        <section class="tl-table" id="tl-table" data-testid="timeline-table" aria-label="Timeline as tables">
            <div class="tl-table-filter">
                <ClusterChoice
                    id="timeline-table-cluster"
                    label="Cluster"
                    names
                    leading=vec![("all", "All clusters")]
                    chosen=only
                    on_change=Callback::new(move |v: String| only.set(v.parse().ok()))
                />
            </div>
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
            <MoreRows pager listing testid="timeline-table-more" />
        </section>
    }
}
