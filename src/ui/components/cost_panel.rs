//! Cost (issue 4, docs/aks-rules.md §1.4, §4.4): surge VMs during reimages (Kubernetes upgrades
//! shown apart, §2) and SecurityPatch VHD hosting, per cluster and fleet, per month and per year, with a bar per cluster so the
//! expensive ones stand out. Every amount is an estimate resting on the assumptions below.
//! The table draws the clusters the cluster list finds, most expensive first, a page at a time
//! (`paged`); the fleet totals always cover every cluster.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::rules::projection::Projection;
use crate::rules::projection::format_money;
use crate::ui::components::cells::text;
use crate::ui::components::data_table::{DataTable, headings};
use crate::ui::components::index_list::index_list;
use crate::ui::components::paged::{MoreRows, Pager, cluster_rows, plain_listing};
use crate::view::format::{bar_lengths, fixed, format_milli};
use crate::view::paging::{PAGE, costliest_first};

#[component]
pub fn CostPanel(projection: Memo<Arc<Projection>>) -> impl IntoView {
    let totals = Memo::new(move |_| {
        projection.with(|p| {
            (
                format_money(p.costs.per_month_micros, &p.costs.currency),
                format_money(p.costs.per_year_micros, &p.costs.currency),
                format_money(p.costs.kubernetes_per_month_micros, &p.costs.currency),
            )
        })
    });
    let unknown = Memo::new(move |_| projection.with(|p| p.costs.unknown_prices.clone()));
    let (pager, rows, listing) = cluster_rows(
        projection,
        |p, found, limit| costliest_first(&p.costs, found, limit),
        "most expensive first",
    );
    // Bar length of each cluster's monthly cost, relative to the most expensive (percent).
    let bars = Memo::new(move |_| {
        projection.with(|p| {
            let months: Vec<u64> = p
                .costs
                .clusters
                .iter()
                .map(|c| c.per_month_micros)
                .collect();
            bar_lengths(&months, 100.0)
        })
    });
    let lines_open = RwSignal::new(false);
    let lines_pager = Pager::new(PAGE);
    let lines_listing = plain_listing(
        lines_pager,
        move || projection.with(|p| p.costs.lines.len()),
        ("amount", "amounts"),
    );
    view! {
        <section class="card tl-panel" aria-labelledby="cost-title" data-testid="cost-panel">
            <h3 id="cost-title">"Cost " <span class="badge-estimate">"estimate"</span></h3>
            <p class="tl-fleet-figures">
                "Fleet: "
                <strong data-testid="cost-fleet-month">{move || totals.get().0}</strong>
                " per month, "
                <strong data-testid="cost-fleet-year">{move || totals.get().1}</strong>
                " per year, of which Kubernetes upgrades "
                <strong data-testid="cost-fleet-k8s-month">{move || totals.get().2}</strong>
                " per month"
            </p>
            <Show when=move || unknown.with(|u| !u.is_empty())>
                <p class="tl-warning" data-testid="cost-unknown-prices">
                    <span aria-hidden="true">"! "</span>
                    "No price for "
                    {move || unknown.get().join(", ")}
                    ": enter one under Assumptions (counted as 0 until then)."
                </p>
            </Show>
            <DataTable headings=headings([
                "Cluster",
                "Per month",
                "Per year",
                "Kubernetes upgrades / month",
                "Reimages / month",
            ])>
                {index_list(move || rows.get(), move |i| view! { <CostRow i projection bars /> })}
            </DataTable>
            <MoreRows pager listing testid="cost-more" />
            // The lines (hundreds at 200 clusters) are built only while
            // the box is open, so edits do not re-render text nobody sees.
            <details
                class="tl-cost-lines"
                on:toggle=move |ev| lines_open.set(is_open(&ev))
            >
                <summary>"How each amount is computed"</summary>
                <Show when=move || lines_open.get()>
                    <ul data-testid="cost-lines">
                        {move || {
                            let limit = lines_pager.limit();
                            projection.with(|p| cost_lines(p, limit))
                        }}
                    </ul>
                    <MoreRows pager=lines_pager listing=lines_listing testid="cost-lines-more" />
                </Show>
            </details>
        </section>
    }
}

/// One row's texts (see [`crate::ui::components::cells`]: the row is built once).
#[derive(Debug, Clone, PartialEq, Default)]
struct RowTexts {
    cluster: String,
    month: String,
    year: String,
    k8s: String,
    reimages: String,
}

/// Whether the `<details>` a toggle event came from is now open.
fn is_open(ev: &leptos::ev::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.has_attribute("open"))
}

/// "How each amount is computed": one item per cost line, the first `limit`.
fn cost_lines(p: &Projection, limit: usize) -> impl IntoView + use<> {
    p.costs
        .lines
        .iter()
        .take(limit)
        .map(|l| {
            let what = l.kind.label();
            let pool = l.pool.clone().map(|p| format!("/{p}")).unwrap_or_default();
            let month = format_money(l.per_month_micros, &p.costs.currency);
            let text = format!("{}{pool}, {what}: {month}/month ({})", l.cluster, l.basis);
            view! { <li>{text}</li> }
        })
        .collect_view()
}

#[component]
fn CostRow(i: usize, projection: Memo<Arc<Projection>>, bars: Memo<Vec<f64>>) -> impl IntoView {
    let row = Memo::new(move |_| {
        projection.with(|p| {
            p.costs
                .clusters
                .get(i)
                .map(|c| RowTexts {
                    cluster: c.cluster.clone(),
                    month: format_money(c.per_month_micros, &p.costs.currency),
                    year: format_money(c.per_year_micros, &p.costs.currency),
                    k8s: format_money(c.kubernetes_per_month_micros, &p.costs.currency),
                    reimages: format_milli(c.reimages_per_month_milli),
                })
                .unwrap_or_default()
        })
    });
    let bar = move || bars.with(|b| b.get(i).copied().unwrap_or(0.0));
    view! {
        <tr data-testid=format!("cost-row-{i}")>
            <th scope="row">{text(row, |r| &r.cluster)}</th>
            <td class="num">
                <span data-testid=format!("cost-month-{i}")>{text(row, |r| &r.month)}</span>
                <span class="tl-inline-bar" aria-hidden="true" style=move || format!("width:{}%", fixed(bar(), 0))></span>
            </td>
            <td class="num" data-testid=format!("cost-year-{i}")>{text(row, |r| &r.year)}</td>
            <td class="num" data-testid=format!("cost-k8s-month-{i}")>{text(row, |r| &r.k8s)}</td>
            <td class="num" data-testid=format!("reimages-{i}")>{text(row, |r| &r.reimages)}</td>
        </tr>
    }
}
