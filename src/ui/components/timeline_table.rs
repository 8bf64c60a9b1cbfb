//! The timeline as tables (one per cluster): every window, blackout, release, upgrade and wait
//! the drawing shows, in time order, for screen readers and for reading exact times. One
//! cluster, or the clusters the cluster list finds, a few tables at a time, each drawing its
//! first rows (`paged`: a daily window alone is 182 rows over the horizon).

use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::projection::Projection;
use crate::ui::components::cluster_choice::ClusterChoice;
use crate::ui::components::index_list::index_list;
use crate::ui::components::paged::{MoreRows, Pager, found_clusters};
use crate::ui::state::use_plan_state;
use crate::view::paging::Listing;
use crate::view::timeline::marks::{row_label, table_rows};
use crate::view::timeline::when;

/// Tables drawn at first with "All clusters", and how many more each "Show more" adds: each has
/// a row per window, release and upgrade over the horizon (dozens to hundreds of rows).
const TABLES_PER_PAGE: usize = 5;
/// Rows each table draws at first while several are shown, and how many more its "Show more"
/// adds: the first weeks of the horizon, in time order (2,000 clusters with daily windows drew
/// 17,800 DOM nodes with every row of 5 tables). One cluster chosen draws its table whole.
const ROWS_PER_TABLE: usize = 40;

#[component]
pub fn TimelineTable(projection: Memo<Arc<Projection>>) -> impl IntoView {
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
            {index_list(shown, move |i| {
                view! { <ClusterTable i projection whole=Signal::derive(move || only.get().is_some()) /> }
            })}
            <MoreRows pager listing testid="timeline-table-more" />
        </section>
    }
}

/// Cluster `i`'s table: every row when `whole`, else its first rows in time order and "Show
/// more" for the rest.
#[component]
fn ClusterTable(i: usize, projection: Memo<Arc<Projection>>, whole: Signal<bool>) -> impl IntoView {
    let plan = use_plan_state().plan();
    let rows = Memo::new(move |_| projection.with(|p| plan.with(|pl| table_rows(pl, p, i))));
    let caption = Memo::new(move |_| {
        projection
            .with(|p| {
                p.clusters.get(i).map(|c| {
                    let l = row_label(c);
                    format!("{}: {}", l.name, l.summary)
                })
            })
            .unwrap_or_default()
    });
    let pager = Pager::new(ROWS_PER_TABLE);
    let limit = move || {
        if whole.get() {
            usize::MAX
        } else {
            pager.limit()
        }
    };
    let listing = Signal::derive(move || {
        let len = rows.with(Vec::len);
        Listing {
            drawn: len.min(limit()),
            found: len,
            total: len,
            noun: ("row", "rows"),
            order: "in time order (choose this cluster above to see its whole table)",
            follows_search: false,
        }
    });
    view! {
        <table class="data-table" data-testid=format!("timeline-table-{i}")>
            <caption>{move || caption.get()}</caption>
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
                {move || {
                    rows.with(|rows| {
                        rows.iter()
                            .take(limit())
                            .cloned()
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
                            .collect_view()
                    })
                }}
            </tbody>
        </table>
        <MoreRows pager listing testid=format!("timeline-table-{i}-more") />
    }
}
