//! Surge quota (issue 4, aks-rules.md §4.2): the extra regional vCPUs per VM family each
//! cluster needs while its pools surge. Pools go one after another (§2 rule 3), so a cluster's
//! figure is its largest pool's; per subscription the sum of cluster peaks is the worst case
//! when windows overlap. Every figure comes from `rules::projection::quota`.

use leptos::prelude::*;

use crate::rules::projection::Projection;
use crate::rules::projection::quota::format_families;

#[component]
pub fn QuotaPanel(projection: Memo<Projection>) -> impl IntoView {
    let count = Memo::new(move |_| projection.with(|p| p.quota.clusters.len()));
    let subscriptions = Memo::new(move |_| {
        projection.with(|p| {
            p.quota
                .subscriptions
                .iter()
                .filter(|s| !s.worst_case.is_empty())
                .map(|s| {
                    let name = if s.subscription.is_empty() {
                        "(no subscription)".to_owned()
                    } else {
                        s.subscription.clone()
                    };
                    format!("{name}: {}", format_families(&s.worst_case))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card tl-panel" aria-labelledby="quota-title" data-testid="quota-panel">
            <h3 id="quota-title">"Surge quota"</h3>
            <p class="muted">
                "Extra regional vCPUs per VM family while a cluster's pools upgrade, one after another: the largest pool sets the peak."
            </p>
            <div class="tl-table-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Cluster"</th>
                            <th scope="col">"Peak extra vCPUs"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i let:i>
                            <QuotaRow i projection />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || subscriptions.with(|s| !s.is_empty())>
                <p data-testid="quota-subscriptions">
                    "Per subscription, worst case if windows overlap: "
                    {move || subscriptions.get().join("; ")}
                </p>
            </Show>
        </section>
    }
}

#[component]
fn QuotaRow(i: usize, projection: Memo<Projection>) -> impl IntoView {
    let row = Memo::new(move |_| {
        projection.with(|p| {
            p.quota.clusters.get(i).map(|c| {
                let mut peak = format_families(&c.peak);
                if !c.unknown_sizes.is_empty() {
                    peak.push_str(&format!(
                        " (vCPUs unknown for {}: enter them under Assumptions)",
                        c.unknown_sizes.join(", ")
                    ));
                }
                (c.cluster.clone(), peak)
            })
        })
    });
    move || {
        row.get().map(|(name, peak)| {
            view! {
                <tr data-testid=format!("quota-row-{i}")>
                    <th scope="row">{name}</th>
                    <td>{peak}</td>
                </tr>
            }
        })
    }
}
