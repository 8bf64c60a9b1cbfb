//! "What this does": for each pool of the open cluster, what its node OS channel does there, in
//! plain words, from `rules::behaviour::describe`. The panel renders whatever the rule core
//! says and adds nothing of its own.

use leptos::prelude::*;

use crate::rules::behaviour::{PoolBehaviour, describe};
use crate::ui::state::use_plan_state;

#[component]
pub fn BehaviourPanel() -> impl IntoView {
    let state = use_plan_state();
    let selected = state.selected_cluster;
    // One entry per pool of the open cluster: its name, OS and the described behaviour.
    let described = Memo::new(move |_| {
        let Some(i) = selected.get() else {
            return (String::new(), Vec::new());
        };
        state.plan.with(|plan| {
            plan.clusters
                .get(i)
                .map(|cluster| {
                    let channel = cluster
                        .auto_upgrade_profile
                        .node_os_upgrade_channel
                        .as_str()
                        .to_owned();
                    let pools = cluster
                        .agent_pool_profiles
                        .iter()
                        .map(|pool| {
                            (
                                pool.name.clone(),
                                pool.os_sku.label(),
                                describe(cluster, pool),
                            )
                        })
                        .collect::<Vec<_>>();
                    (channel, pools)
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="panel behaviour" aria-labelledby="behaviour-title" data-testid="behaviour" tabindex="0">
            <div class="panel-head">
                <h2 id="behaviour-title">"What this does"</h2>
                <Show when=move || described.with(|(channel, _)| !channel.is_empty())>
                    <p class="panel-sub">
                        "Node OS channel " <strong>{move || described.with(|(channel, _)| channel.clone())}</strong>
                        " on each pool of this cluster"
                    </p>
                </Show>
            </div>
            <Show
                when=move || described.with(|(_, pools)| !pools.is_empty())
                fallback=|| view! { <p class="empty">"Add a node pool to see what its channel does."</p> }
            >
                <ul class="behaviour-list">
                    {move || {
                        described
                            .get()
                            .1
                            .into_iter()
                            .enumerate()
                            .map(|(j, (name, os, behaviour))| view! { <BehaviourCard index=j name=name os=os behaviour=behaviour /> })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn BehaviourCard(
    index: usize,
    name: String,
    os: &'static str,
    behaviour: PoolBehaviour,
) -> impl IntoView {
    let PoolBehaviour {
        headline,
        points,
        disruption,
        cost,
        effectively,
        ..
    } = behaviour;
    let line = |label: &'static str, text: String| {
        (!text.is_empty()).then(|| view! { <p class="behaviour-line"><span class="label">{label}</span> " " {text}</p> })
    };
    view! {
        <li class="behaviour-card" data-testid=format!("behaviour-{index}")>
            <h3>
                <span class="pool-name">{name}</span>
                <span class="pool-summary">{os}</span>
            </h3>
            {(!headline.is_empty()).then(|| view! { <p class="behaviour-headline">{headline}</p> })}
            {(!points.is_empty()).then(|| view! {
                <ul class="behaviour-points">
                    {points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            })}
            {line("Disruption:", disruption)}
            {line("Cost:", cost)}
            {effectively.map(|channel| view! {
                <p class="behaviour-line effectively">
                    <span class="label">"Behaves like:"</span> " " <strong>{channel.as_str()}</strong>
                </p>
            })}
        </li>
    }
}
