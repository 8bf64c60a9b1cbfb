//! The editor for one cluster: identity, tags, the two upgrade channels (planned and, when
//! known, live), then its node pools.

use leptos::prelude::*;

use crate::rules::behaviour::channel_offer;
use crate::rules::channel::{AutoUpgradeProfile, NodeOsChannel, UpgradeChannel};
use crate::rules::cluster::{Cluster, SupportPlan};
use crate::rules::edit;
use crate::rules::findings::fields;
use crate::rules::region::region_name;
use crate::ui::components::field::{CheckboxField, SelectField, TextField, same_label_options};
use crate::ui::components::index_list::index_list;
use crate::ui::components::pool_editor::PoolEditor;
use crate::ui::state::{dom_id, focus_by_id, use_plan_state};

/// Which of a cluster's two channel profiles a control edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Profile {
    Planned,
    Live,
}

impl Profile {
    /// The plan fields of the auto-upgrade and node OS channel selects.
    fn fields(self) -> (&'static str, &'static str) {
        match self {
            Profile::Planned => (fields::UPGRADE_CHANNEL, fields::NODE_OS_CHANNEL),
            Profile::Live => (
                "currentAutoUpgradeProfile.upgradeChannel",
                "currentAutoUpgradeProfile.nodeOSUpgradeChannel",
            ),
        }
    }

    /// Labels of the auto-upgrade and node OS channel selects.
    fn labels(self) -> (&'static str, &'static str) {
        match self {
            Profile::Planned => ("Auto-upgrade channel", "Node OS upgrade channel"),
            Profile::Live => ("Live auto-upgrade channel", "Live node OS channel"),
        }
    }

    fn is_planned(self) -> bool {
        self == Profile::Planned
    }

    fn read(self, cluster: &Cluster) -> Option<AutoUpgradeProfile> {
        match self {
            Profile::Planned => Some(cluster.auto_upgrade_profile),
            Profile::Live => cluster.current_auto_upgrade_profile,
        }
    }

    fn write(self, cluster: &mut Cluster, change: impl FnOnce(&mut AutoUpgradeProfile)) {
        match self {
            Profile::Planned => change(&mut cluster.auto_upgrade_profile),
            Profile::Live => {
                if let Some(profile) = cluster.current_auto_upgrade_profile.as_mut() {
                    change(profile);
                }
            }
        }
    }
}

#[component]
pub fn ClusterEditor(index: usize) -> impl IntoView {
    let state = use_plan_state();
    let i = index;
    let name = state.cluster_value(i, |c| c.name.clone());
    let pool_count = state.cluster_value(i, |c| c.agent_pool_profiles.len());
    let knows_live = state.cluster_value(i, |c| c.current_auto_upgrade_profile.is_some());

    let text_field = move |field: &'static str,
                           label: &'static str,
                           read: fn(&Cluster) -> String,
                           write: fn(&mut Cluster, String)| {
        let id = dom_id(i, None, field);
        let group = id.clone();
        view! {
            <TextField
                id=id
                label=label
                value=state.cluster_value(i, read)
                on_input=move |text: String| {
                    // A region is refused as typed when no region name could contain it (a line
                    // break, `$(…)`): every beginning of a region name passes.
                    if field == fields::LOCATION {
                        region_name(&text).map_err(|e| e.to_string())?;
                    }
                    state.edit_cluster(i, Some(&group), |c| write(c, text));
                    Ok(())
                }
            />
        }
    };

    let version_id = dom_id(i, None, fields::KUBERNETES_VERSION);
    let live_version_id = dom_id(i, None, fields::CURRENT_KUBERNETES_VERSION);

    // No confirmation: removing is one Undo away (the status offers it, Ctrl+Z too), and a
    // question asked on every removal trains people to click through it. What makes a
    // removal safe from the keyboard is where focus goes: onto the heading of the cluster that
    // is now open (or the list's heading when none is left), never onto the next cluster's
    // Remove button, so pressing Enter twice removes one cluster, not two.
    let remove = move |_| {
        let removed = name.get_untracked();
        if state
            .edit(None, |plan| edit::remove_cluster(plan, i))
            .is_ok()
        {
            state.say(
                &format!("Removed cluster {}.", display_name(&removed)),
                true,
            );
            let target = if state.cluster_count.get_untracked() == 0 {
                "clusters-title"
            } else {
                "cluster-editor-title"
            };
            request_animation_frame(move || {
                focus_by_id(target);
            });
        }
    };
    let duplicate = move |_| {
        if let Ok(copy) = state.edit(None, |plan| edit::duplicate_cluster(plan, i)) {
            state.select(copy);
            state.say("Duplicated the cluster; the copy is open.", true);
        }
    };
    let add_pool = move |_| {
        if let Ok(j) = state.edit(None, |plan| edit::add_pool(plan, i)) {
            let id = dom_id(i, Some(j), fields::NAME);
            request_animation_frame(move || {
                focus_by_id(&id);
            });
        }
    };

    view! {
        <section class="cluster-editor" aria-labelledby="cluster-editor-title" data-testid="cluster-editor">
            <div class="editor-head">
                <h2 id="cluster-editor-title" tabindex="-1">
                    <span class="eyebrow">"Cluster"</span>
                    <span class="title-text">{move || display_name(&name.get())}</span>
                </h2>
                <div class="editor-actions">
                    <button type="button" class="btn" data-testid="duplicate-cluster" on:click=duplicate>
                        "Duplicate"
                    </button>
                    <button type="button" class="btn btn-danger" data-testid="remove-cluster" on:click=remove>
                        "Remove"
                    </button>
                </div>
            </div>

            <fieldset class="card">
                <legend>"Identity"</legend>
                <div class="field-grid">
                    {text_field(fields::NAME, "Cluster name", |c| c.name.clone(), |c, v| c.name = v)}
                    {text_field(fields::RESOURCE_GROUP, "Resource group", |c| c.resource_group.clone(), |c, v| c.resource_group = v)}
                    {text_field(fields::LOCATION, "Region", |c| c.location.clone(), |c, v| c.location = v)}
                    {text_field(fields::SUBSCRIPTION, "Subscription (name or ID)", |c| c.subscription.clone(), |c, v| c.subscription = v)}
                    {text_field("tags.environment", "Environment tag", |c| tag(c, "environment"), |c, v| edit::set_tag(c, "environment", &v))}
                    {text_field("tags.ring", "Rollout ring tag", |c| tag(c, "ring"), |c, v| edit::set_tag(c, "ring", &v))}
                </div>
            </fieldset>

            <fieldset class="card">
                <legend>"Upgrades"</legend>
                <div class="field-grid">
                    <TextField
                        id=version_id.clone()
                        label="Kubernetes version"
                        placeholder="e.g. 1.33"
                        inputmode="decimal"
                        value=state.cluster_value(i, |c| c.kubernetes_version.map(|v| v.to_string()).unwrap_or_default())
                        on_input=move |text: String| {
                            let version = edit::parse_optional_version(&text).map_err(|e| e.to_string())?;
                            state.edit_cluster(i, Some(&version_id), |c| c.kubernetes_version = version);
                            Ok(())
                        }
                    />
                    <TextField
                        id=live_version_id.clone()
                        label="Live Kubernetes version (blank: same)"
                        placeholder="e.g. 1.34.6"
                        inputmode="decimal"
                        value=state.cluster_value(i, |c| c.current_kubernetes_version.map(|v| v.to_string()).unwrap_or_default())
                        on_input=move |text: String| {
                            let version = edit::parse_optional_version(&text).map_err(|e| e.to_string())?;
                            state.edit_cluster(i, Some(&live_version_id), |c| c.current_kubernetes_version = version);
                            Ok(())
                        }
                    />
                    {channel_selects(i, Profile::Planned)}
                </div>
                <CheckboxField
                    id=dom_id(i, None, fields::SUPPORT_PLAN)
                    label="Long-term support (supportPlan AKSLongTermSupport, Premium tier): a minor stays supported past community support"
                    checked=state.cluster_value(i, |c| !c.support_plan.is_community())
                    on_change=move |on: bool| {
                        state.edit_cluster(i, None, |c| {
                            c.support_plan = if on {
                                SupportPlan::AksLongTermSupport
                            } else {
                                SupportPlan::KubernetesOfficial
                            };
                        })
                    }
                />
                <CheckboxField
                    id=format!("c{i}-knows-live-channels")
                    label="I know the channels the live cluster uses today (to see what changing them does)"
                    checked=knows_live
                    on_change=move |on: bool| {
                        state.edit_cluster(i, None, |c| {
                            c.current_auto_upgrade_profile = on.then_some(c.auto_upgrade_profile);
                        })
                    }
                />
                <Show when=move || knows_live.get()>
                    <div class="field-grid live-channels">{channel_selects(i, Profile::Live)}</div>
                </Show>
            </fieldset>

            <section class="pools" aria-labelledby="pools-title">
                <div class="section-head">
                    <h3 id="pools-title" tabindex="-1">"Node pools " <span class="count">{move || pool_count.get()}</span></h3>
                    <button type="button" class="btn" data-testid="add-pool" on:click=add_pool>
                        "Add node pool"
                    </button>
                </div>
                <Show when=move || pool_count.get() == 0>
                    <p class="empty">"This cluster has no node pools yet. Every AKS cluster needs at least one System pool."</p>
                </Show>
                <div class="pool-list">
                    {index_list(
                        move || (0..pool_count.get()).collect(),
                        move |j| view! { <PoolEditor cluster=i pool=j /> },
                    )}
                </div>
            </section>
        </section>
    }
}

/// The cluster auto-upgrade and node OS channel selects of one profile.
fn channel_selects(i: usize, profile: Profile) -> impl IntoView {
    let state = use_plan_state();
    let (upgrade_field, node_os_field) = profile.fields();
    let plan = state.plan();
    let read = move |pick: fn(&AutoUpgradeProfile) -> &'static str| {
        Memo::new(move |_| {
            plan.with(|p| {
                p.clusters
                    .get(i)
                    .and_then(|c| profile.read(c))
                    .map(|a| pick(&a).to_owned())
                    .unwrap_or_default()
            })
        })
    };
    let upgrade = read(|a| a.upgrade_channel.as_str());
    let node_os = read(|a| a.node_os_upgrade_channel.as_str());
    // Channels the pools' OS SKUs rule out (the live profile shows what is, so only the plan's).
    let offer = Memo::new(move |_| {
        plan.with(|p| {
            p.clusters
                .get(i)
                .filter(|_| profile.is_planned())
                .map(|c| channel_offer(&c.agent_pool_profiles))
                .unwrap_or_default()
        })
    });
    let ruled_out = Signal::derive(move || {
        offer.with(|o| {
            o.ruled_out
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect::<Vec<_>>()
        })
    });
    let offer_hint = Signal::derive(move || offer.with(|o| o.reason.clone()));
    let (upgrade_label, node_os_label) = profile.labels();
    view! {
        <SelectField
            id=dom_id(i, None, upgrade_field)
            label=upgrade_label
            options=same_label_options(UpgradeChannel::ALL.map(UpgradeChannel::as_str))
            value=upgrade
            on_change=move |v: String| {
                if let Ok(channel) = v.parse::<UpgradeChannel>() {
                    state.edit_cluster(i, None, |c| profile.write(c, |a| a.upgrade_channel = channel));
                }
            }
        />
        <SelectField
            id=dom_id(i, None, node_os_field)
            label=node_os_label
            options=same_label_options(NodeOsChannel::ALL.map(NodeOsChannel::as_str))
            value=node_os
            disabled=ruled_out
            hint=offer_hint
            on_change=move |v: String| {
                if let Ok(channel) = v.parse::<NodeOsChannel>() {
                    state.edit_cluster(i, None, |c| profile.write(c, |a| a.node_os_upgrade_channel = channel));
                }
            }
        />
    }
}

fn tag(cluster: &Cluster, key: &str) -> String {
    cluster.tags.get(key).cloned().unwrap_or_default()
}

/// A name for headings: blank names still need something to read.
pub fn display_name(name: &str) -> String {
    if name.trim().is_empty() {
        "(unnamed)".to_owned()
    } else {
        name.to_owned()
    }
}
