//! The four node OS channels side by side for one cluster (issue 4): exposure, cost and
//! disruption (reimages per month) at one glance, each with a small bar so the trade-off is
//! seen, plus a button to adopt a channel (an ordinary, undoable plan edit).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::rules::channel::NodeOsChannel;
use crate::rules::projection::HORIZON_WEEKS;
use crate::rules::projection::compare::compare_channels;
use crate::rules::projection::format_money;
use crate::rules::projection::timeline::effective_channel;
use crate::ui::clock;
use crate::ui::components::cluster_choice::ClusterChoice;
use crate::ui::state::use_plan_state;
use crate::view::format::{bar_lengths, exposure_text, format_milli, tenths};

/// Width of the longest bar, px.
const BAR_PX: f64 = 80.0;

#[component]
pub fn ChannelsPanel() -> impl IntoView {
    let state = use_plan_state();
    let plan = state.plan();
    let now = clock::now();
    let selected = state.selected_cluster;
    let names = Memo::new(move |_| {
        plan.with(|p| {
            p.clusters
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let current = Memo::new(move |_| {
        selected
            .get()
            .and_then(|i| plan.with(|p| p.clusters.get(i).map(effective_channel)))
    });
    let outcomes = Memo::new(move |_| {
        selected
            .get()
            .and_then(|i| plan.with(|p| compare_channels(p, i, now, HORIZON_WEEKS)))
            .unwrap_or_default()
    });
    let currency =
        Memo::new(move |_| plan.with(|p| p.assumptions.projection.costs.currency.clone()));
    // One handler for the table's "Use" buttons (each names its channel): the rows are redrawn
    // on every edit, and a handler on each button would be attached again every time.
    let use_channel = move |ev: leptos::ev::MouseEvent| {
        let channel = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-channel]").ok().flatten())
            .and_then(|b| b.get_attribute("data-channel"))
            .and_then(|name| name.parse::<NodeOsChannel>().ok());
        if let (Some(channel), Some(i)) = (channel, selected.get_untracked()) {
            state.edit_cluster(i, None, |c| {
                c.auto_upgrade_profile.node_os_upgrade_channel = channel
            });
            state.say(&format!("Node OS channel set to {channel}."), true);
        }
    };
    view! {
        <section class="card tl-panel" aria-labelledby="channels-title" data-testid="channels-panel">
            <h3 id="channels-title">"Channels side by side"</h3>
            <ClusterChoice
                id="channels-cluster"
                label="Cluster"
                names
                chosen=selected
                on_change=Callback::new(move |v: String| {
                    if let Ok(i) = v.parse::<usize>() {
                        state.select(i);
                    }
                })
            />
            {move || {
                let list = outcomes.get();
                if list.is_empty() {
                    return view! { <p class="muted">"Add a cluster to compare channels."</p> }.into_any();
                }
                // Worst exposure: AKS-determined (unknown) is drawn as no bar, labelled.
                let worst: Vec<u64> = list
                    .iter()
                    .map(|o| o.worst_minutes.and_then(|m| u64::try_from(m).ok()).unwrap_or(0))
                    .collect();
                let cost: Vec<u64> = list.iter().map(|o| o.per_month_micros).collect();
                let reimages: Vec<u64> = list.iter().map(|o| o.reimages_per_month_milli).collect();
                let (worst_bars, cost_bars, reimage_bars) = (
                    bar_lengths(&worst, BAR_PX),
                    bar_lengths(&cost, BAR_PX),
                    bar_lengths(&reimages, BAR_PX),
                );
                let currency = currency.get();
                let rows = list
                    .into_iter()
                    .enumerate()
                    .map(|(k, o)| {
                        let channel: NodeOsChannel = o.channel;
                        let name = channel.as_str();
                        let is_current = current.get() == Some(channel);
                        let worst_text = exposure_text(o.worst_minutes, o.worst_is_lower_bound);
                        let worst_text = if o.worst_minutes.is_none() && o.aks_determined > 0 {
                            "AKS-determined".to_owned()
                        } else {
                            worst_text
                        };
                        let bar = |len: f64| {
                            view! {
                                <svg class="tl-mini-bar" width=tenths(BAR_PX) height="8" aria-hidden="true">
                                    <rect x="0" y="0" width=tenths(len.max(0.0)) height="8" />
                                </svg>
                            }
                        };
                        view! {
                            <tr class:current=is_current data-testid=format!("channel-row-{name}")>
                                <th scope="row">
                                    {name}
                                    {is_current.then(|| view! { <span class="badge">" current"</span> })}
                                    <div class="muted small">{o.cadence.clone()}</div>
                                </th>
                                <td>
                                    <span data-testid=format!("channel-typical-{name}")>{exposure_text(o.typical_minutes, false)}</span>
                                </td>
                                <td>
                                    <span data-testid=format!("channel-worst-{name}")>{worst_text}</span>
                                    {o.misses_sla.then(|| view! { <span class="tl-verdict misses">" ✗ SLA"</span> })}
                                    {bar(worst_bars.get(k).copied().unwrap_or(0.0))}
                                </td>
                                <td>
                                    <span data-testid=format!("channel-cost-{name}")>{format_money(o.per_month_micros, &currency)}</span>
                                    {bar(cost_bars.get(k).copied().unwrap_or(0.0))}
                                </td>
                                <td>
                                    <span data-testid=format!("channel-reimages-{name}")>{format_milli(o.reimages_per_month_milli)}</span>
                                    {bar(reimage_bars.get(k).copied().unwrap_or(0.0))}
                                </td>
                                <td>
                                    <button
                                        type="button"
                                        class="btn btn-small"
                                        data-testid=format!("use-channel-{name}")
                                        data-channel=name
                                        aria-label=format!("Use {name} for this cluster")
                                        disabled=is_current
                                    >
                                        "Use"
                                    </button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="tl-table-wrap">
                        <table class="data-table tl-channels">
                            <thead>
                                <tr>
                                    <th scope="col">"Channel"</th>
                                    <th scope="col">"Typical"</th>
                                    <th scope="col">"Worst exposure"</th>
                                    <th scope="col">"Cost / month"</th>
                                    <th scope="col">"Reimages / month"</th>
                                    <th scope="col"><span class="visually-hidden">"Adopt"</span></th>
                                </tr>
                            </thead>
                            <tbody on:click=use_channel>{rows}</tbody>
                        </table>
                    </div>
                    <p class="muted small">
                        "Each channel projected for this cluster over the same horizon; pending channel changes ignored."
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}
