//! "What this does": for each pool of the open cluster, what its node OS channel does there, in
//! plain words, from `rules::behaviour::describe`. The panel renders whatever the rule core
//! says and adds nothing of its own.

use leptos::prelude::*;

use crate::rules::behaviour::{
    ChannelSupport, PoolBehaviour, channel_support, describe, describe_upgrade_channel,
};
use crate::rules::cluster::Cluster;
use crate::rules::conflicts;
use crate::ui::state::use_plan_state;

/// What the panel shows for the open cluster, all of it from the rule core.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct ClusterBehaviour {
    node_os_channel: &'static str,
    upgrade_channel: &'static str,
    upgrade_description: String,
    pools: Vec<PoolEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct PoolEntry {
    name: String,
    os: &'static str,
    support: ChannelSupport,
    behaviour: PoolBehaviour,
}

fn cluster_behaviour(cluster: &Cluster) -> ClusterBehaviour {
    let profile = cluster.auto_upgrade_profile;
    ClusterBehaviour {
        node_os_channel: profile.node_os_upgrade_channel.as_str(),
        upgrade_channel: profile.upgrade_channel.as_str(),
        upgrade_description: describe_upgrade_channel(profile.upgrade_channel),
        pools: cluster
            .agent_pool_profiles
            .iter()
            .map(|pool| PoolEntry {
                name: pool.name.clone(),
                os: pool.os_sku.label(),
                support: channel_support(profile.node_os_upgrade_channel, pool.os_sku, pool.gpu),
                behaviour: describe(cluster, pool),
            })
            .collect(),
    }
}

#[component]
pub fn BehaviourPanel() -> impl IntoView {
    let state = use_plan_state();
    let selected = state.selected_cluster;
    let described = Memo::new(move |_| {
        selected.get().and_then(|i| {
            state
                .plan()
                .with(|plan| plan.clusters.get(i).map(cluster_behaviour))
        })
    });
    let has_pools = move || described.with(|d| d.as_ref().is_some_and(|d| !d.pools.is_empty()));
    view! {
        <section class="panel behaviour" aria-labelledby="behaviour-title" data-testid="behaviour" tabindex="0">
            <div class="panel-head">
                <h2 id="behaviour-title">"What this does"</h2>
            </div>
            {move || {
                described
                    .get()
                    .map(|d| {
                        view! {
                            <div class="behaviour-channel" data-testid="behaviour-upgrade-channel">
                                <h3>"Auto-upgrade channel " <code>{d.upgrade_channel}</code></h3>
                                <p>{d.upgrade_description}</p>
                            </div>
                            <p class="panel-sub">
                                "Node OS channel " <code>{d.node_os_channel}</code> " on each pool:"
                            </p>
                        }
                    })
            }}
            <Show
                when=has_pools
                fallback=|| view! { <p class="empty">"Add a node pool to see what its channel does."</p> }
            >
                <ul class="behaviour-list">
                    {move || {
                        described
                            .get()
                            .map(|d| d.pools)
                            .unwrap_or_default()
                            .into_iter()
                            .enumerate()
                            .map(|(j, entry)| view! { <BehaviourCard index=j entry=entry /> })
                            .collect_view()
                    }}
                </ul>
            </Show>
            <details class="source-conflicts" data-testid="source-conflicts">
                <summary>"Where AKS sources disagree (" {conflicts::ALL.len()} ")"</summary>
                <ul>
                    {conflicts::ALL
                        .iter()
                        .map(|c| view! { <li>{c.sentence()}</li> })
                        .collect_view()}
                </ul>
            </details>
        </section>
    }
}

#[component]
fn BehaviourCard(index: usize, entry: PoolEntry) -> impl IntoView {
    let PoolEntry {
        name,
        os,
        support,
        behaviour,
    } = entry;
    let (support_slug, support_text) = support_words(support);
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
                <span class=format!("support support-{support_slug}")>{support_text}</span>
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

/// A short label for how AKS supports the channel on the pool's OS (the text carries the
/// meaning; the colour only repeats it).
fn support_words(support: ChannelSupport) -> (&'static str, &'static str) {
    match support {
        ChannelSupport::Supported => ("supported", "Supported"),
        ChannelSupport::Unsupported => ("unsupported", "Not supported"),
        ChannelSupport::BehavesLikeNone => ("like-none", "Acts like None"),
        ChannelSupport::Undocumented => ("undocumented", "Undocumented"),
    }
}
