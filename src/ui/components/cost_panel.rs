//! Cost (issue 4, aks-rules.md §1.4, §4.4): surge VMs during reimages (Kubernetes upgrades
//! shown apart, §2) and SecurityPatch VHD hosting, per cluster and fleet, per month and per year, with a bar per cluster so the
//! expensive ones stand out. Every amount is an estimate resting on the assumptions below.

use leptos::prelude::*;

use crate::rules::projection::Projection;
use crate::rules::projection::format_money;
use crate::rules::projection::layout::{bar_lengths, milli_text};

#[component]
pub fn CostPanel(projection: Memo<Projection>) -> impl IntoView {
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
    let count = Memo::new(move |_| projection.with(|p| p.costs.clusters.len()));
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
            <div class="tl-table-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Cluster"</th>
                            <th scope="col">"Per month"</th>
                            <th scope="col">"Per year"</th>
                            <th scope="col">"Kubernetes upgrades / month"</th>
                            <th scope="col">"Reimages / month"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i let:i>
                            <CostRow i projection bars />
                        </For>
                    </tbody>
                </table>
            </div>
            <details class="tl-cost-lines">
                <summary>"How each amount is computed"</summary>
                <ul data-testid="cost-lines">
                    {move || {
                        projection
                            .with(|p| {
                                p.costs
                                    .lines
                                    .iter()
                                    .map(|l| {
                                        let what = l.kind.label();
                                        let pool = l.pool.clone().map(|p| format!("/{p}")).unwrap_or_default();
                                        let month = format_money(l.per_month_micros, &p.costs.currency);
                                        let text = format!("{}{pool}, {what}: {month}/month ({})", l.cluster, l.basis);
                                        view! { <li>{text}</li> }
                                    })
                                    .collect_view()
                            })
                    }}
                </ul>
            </details>
        </section>
    }
}

#[component]
fn CostRow(i: usize, projection: Memo<Projection>, bars: Memo<Vec<f64>>) -> impl IntoView {
    let row = Memo::new(move |_| {
        projection.with(|p| {
            p.costs.clusters.get(i).map(|c| {
                (
                    c.cluster.clone(),
                    format_money(c.per_month_micros, &p.costs.currency),
                    format_money(c.per_year_micros, &p.costs.currency),
                    format_money(c.kubernetes_per_month_micros, &p.costs.currency),
                    milli_text(c.reimages_per_month_milli),
                )
            })
        })
    });
    let bar = move || bars.with(|b| b.get(i).copied().unwrap_or(0.0));
    move || {
        row.get().map(|(name, month, year, k8s, reimages)| {
            view! {
                <tr data-testid=format!("cost-row-{i}")>
                    <th scope="row">{name}</th>
                    <td class="num">
                        <span data-testid=format!("cost-month-{i}")>{month}</span>
                        <span class="tl-inline-bar" aria-hidden="true" style=move || format!("width:{:.0}%", bar())></span>
                    </td>
                    <td class="num" data-testid=format!("cost-year-{i}")>{year}</td>
                    <td class="num" data-testid=format!("cost-k8s-month-{i}")>{k8s}</td>
                    <td class="num" data-testid=format!("reimages-{i}")>{reimages}</td>
                </tr>
            }
        })
    }
}
