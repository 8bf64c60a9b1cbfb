//! One node pool's card: what it is (name, mode, OS, size, count) and how it upgrades
//! (`upgradeSettings`, docs/aks-rules.md §4.1).

use leptos::prelude::*;

use crate::rules::cluster::Cluster;
use crate::rules::edit;
use crate::rules::findings::fields::{self, Field};
use crate::rules::os::{OsSku, lifecycle};
use crate::rules::pool::{
    AgentPool, DEFAULT_DRAIN_TIMEOUT_MINUTES, PoolMode, SurgeSource, UndrainableNodeBehavior,
    check_vm_size_entry,
};
use crate::ui::components::cluster_editor::display_name;
use crate::ui::components::field::{Applied, CheckboxField, SelectField, TextField};
use crate::ui::state::{PlanState, dom_id, focus_by_id, use_plan_state};
use crate::view::format::allowed_for;

#[component]
pub fn PoolEditor(cluster: usize, pool: usize) -> impl IntoView {
    let state = use_plan_state();
    let (i, j) = (cluster, pool);
    let name = state.pool_value(i, j, |_, p| p.name.clone());
    let summary = state.pool_value(i, j, |_, p| {
        format!(
            "{} · {} · {} × {}",
            mode_label(p.mode),
            p.os_sku.label(),
            p.count,
            p.vm_size
        )
    });

    // A text field whose text `write` parses and stores; `hint` explains the current value
    // (e.g. the default AKS applies while the field is blank).
    let parsed = move |field: &'static str,
                       label: &'static str,
                       read: fn(&Cluster, &AgentPool) -> String,
                       write: fn(&mut AgentPool, &str) -> Applied,
                       hint: fn(&Cluster, &AgentPool) -> String| {
        let id = dom_id(i, Some(j), field);
        let group = id.clone();
        // Whole-number fields get a number pad on phones; surge needs "%" too.
        let inputmode = match field {
            fields::COUNT | fields::DRAIN_TIMEOUT | fields::SOAK_DURATION => "numeric",
            _ => "",
        };
        let placeholder = match field {
            fields::MAX_SURGE | fields::MAX_UNAVAILABLE | fields::MAX_BLOCKED_NODES => {
                "nodes or %, e.g. 33%"
            }
            fields::COUNT => "e.g. 3",
            _ => "",
        };
        view! {
            <TextField
                id=id
                label=label
                inputmode=inputmode
                placeholder=placeholder
                value=state.pool_value(i, j, read)
                hint=state.pool_value(i, j, hint)
                on_input=move |text: String| apply(state, i, j, &group, &text, write)
            />
        }
    };

    // Undo rather than a confirmation, and focus onto a heading rather than the next pool's
    // Remove button (see `ClusterEditor`'s remove): the pool now at this place, else the one
    // before, else the "Node pools" heading.
    let remove = move |_| {
        let removed = name.get_untracked();
        let Ok(left) = state.edit(None, |plan| {
            edit::remove_pool(plan, i, j)?;
            edit::cluster_mut(plan, i).map(|c| c.agent_pool_profiles.len())
        }) else {
            return;
        };
        state.say(
            &format!("Removed node pool {}.", display_name(&removed)),
            true,
        );
        let target = if left == 0 {
            "pools-title".to_owned()
        } else {
            format!("c{i}-p{}-heading", j.min(left - 1))
        };
        request_animation_frame(move || {
            focus_by_id(&target);
        });
    };

    let name_id = dom_id(i, Some(j), fields::NAME);
    let name_group = name_id.clone();
    let heading_id = format!("c{i}-p{j}-heading");
    let labelled_by = heading_id.clone();

    view! {
        <article class="card pool" aria-labelledby=labelled_by data-testid=format!("pool-{j}")>
            <div class="pool-head">
                <h4 id=heading_id tabindex="-1">
                    <span class="pool-name">{move || display_name(&name.get())}</span>
                    <span class="pool-summary">{move || summary.get()}</span>
                </h4>
                <button
                    type="button"
                    class="btn btn-quiet btn-danger"
                    data-testid=format!("remove-pool-{j}")
                    aria-label=move || format!("Remove node pool {}", name.get())
                    on:click=remove
                >
                    "Remove"
                </button>
            </div>
            <div class="field-grid">
                <TextField
                    id=name_id
                    label="Pool name"
                    value=name
                    on_input=move |text: String| {
                        state.edit_pool(i, j, Some(&name_group), |p| p.name = text);
                        Ok(())
                    }
                />
                <SelectField
                    id=dom_id(i, Some(j), fields::MODE)
                    label="Mode"
                    options=vec![
                        ("System".to_owned(), "System".to_owned()),
                        ("User".to_owned(), "User".to_owned()),
                    ]
                    value=state.pool_value(i, j, |_, p| mode_label(p.mode).to_owned())
                    on_change=move |v: String| {
                        let mode = if v == "System" { PoolMode::System } else { PoolMode::User };
                        state.edit_pool(i, j, None, |p| p.mode = mode);
                    }
                />
                <SelectField
                    id=dom_id(i, Some(j), fields::OS_SKU)
                    label="OS SKU"
                    options=OsSku::ALL
                        .iter()
                        .map(|&s| (s.as_str().to_owned(), lifecycle::picker_label(s, crate::ui::clock::now())))
                        .collect()
                    value=state.pool_value(i, j, |_, p| p.os_sku.as_str().to_owned())
                    on_change=move |v: String| {
                        if let Ok(sku) = v.parse::<OsSku>() {
                            state.edit_pool(i, j, None, |p| p.os_sku = sku);
                        }
                    }
                />
                {parsed(
                    fields::VM_SIZE,
                    "VM size",
                    |_, p| p.vm_size.clone(),
                    |p, text| {
                        // Characters no size name has are refused here; the shape is a finding.
                        check_vm_size_entry(text).map_err(|e| e.to_string())?;
                        p.vm_size = text.to_owned();
                        Ok(())
                    },
                    |_, p| {
                        if AgentPool::is_gpu_vm_size(&p.vm_size) && !p.gpu {
                            "This looks like a GPU (N-series) size: tick GPU if it is one.".to_owned()
                        } else {
                            String::new()
                        }
                    },
                )}
                {parsed(
                    fields::COUNT,
                    "Node count",
                    |_, p| p.count.to_string(),
                    |p, text| {
                        p.count = edit::parse_node_count(text).map_err(|e| e.to_string())?;
                        Ok(())
                    },
                    |_, _| String::new(),
                )}
                <CheckboxField
                    id=dom_id(i, Some(j), fields::GPU)
                    label="GPU nodes"
                    class="field-gpu"
                    checked=state.pool_value(i, j, |_, p| p.gpu)
                    on_change=move |on: bool| state.edit_pool(i, j, None, |p| p.gpu = on)
                />
            </div>
            <fieldset class="upgrade-settings">
                <legend>"Upgrade settings"</legend>
                <div class="field-grid">
                    {parsed(
                        fields::MAX_SURGE,
                        "Max surge",
                        |_, p| optional_text(p.upgrade_settings.max_surge),
                        |p, text| {
                            p.upgrade_settings.max_surge = edit::parse_optional_surge(text).map_err(|e| e.to_string())?;
                            Ok(())
                        },
                        surge_hint,
                    )}
                    {parsed(
                        fields::MAX_UNAVAILABLE,
                        "Max unavailable",
                        |_, p| optional_text(p.upgrade_settings.max_unavailable),
                        |p, text| {
                            p.upgrade_settings.max_unavailable = edit::parse_optional_surge(text).map_err(|e| e.to_string())?;
                            Ok(())
                        },
                        |_, p| {
                            if p.upgrade_settings.max_unavailable.is_none() {
                                "Not set: AKS uses 0 (no node is taken down before its replacement is ready).".to_owned()
                            } else {
                                String::new()
                            }
                        },
                    )}
                    {parsed(
                        fields::DRAIN_TIMEOUT,
                        "Drain timeout (minutes)",
                        |_, p| optional_text(p.upgrade_settings.drain_timeout_in_minutes),
                        |p, text| {
                            p.upgrade_settings.drain_timeout_in_minutes = edit::parse_optional_number(text).map_err(|e| e.to_string())?;
                            Ok(())
                        },
                        |_, p| {
                            let allowed = allowed_for(Field::DrainTimeout);
                            if p.upgrade_settings.drain_timeout_in_minutes.is_none() {
                                format!("Not set: AKS waits {DEFAULT_DRAIN_TIMEOUT_MINUTES} minutes. {allowed}")
                            } else {
                                allowed
                            }
                        },
                    )}
                    {parsed(
                        fields::SOAK_DURATION,
                        "Node soak (minutes)",
                        |_, p| optional_text(p.upgrade_settings.node_soak_duration_in_minutes),
                        |p, text| {
                            p.upgrade_settings.node_soak_duration_in_minutes = edit::parse_optional_number(text).map_err(|e| e.to_string())?;
                            Ok(())
                        },
                        |_, p| {
                            let allowed = allowed_for(Field::SoakDuration);
                            if p.upgrade_settings.node_soak_duration_in_minutes.is_none() {
                                format!("Not set: AKS uses 0. {allowed}")
                            } else {
                                allowed
                            }
                        },
                    )}
                    <SelectField
                        id=dom_id(i, Some(j), fields::UNDRAINABLE)
                        label="Undrainable nodes"
                        options=vec![
                            (String::new(), "Not set (Schedule)".to_owned()),
                            ("Schedule".to_owned(), "Schedule: stop and reschedule".to_owned()),
                            ("Cordon".to_owned(), "Cordon: quarantine, upgrade the rest".to_owned()),
                        ]
                        value=state.pool_value(i, j, |_, p| match p.upgrade_settings.undrainable_node_behavior {
                            None => String::new(),
                            Some(UndrainableNodeBehavior::Schedule) => "Schedule".to_owned(),
                            Some(UndrainableNodeBehavior::Cordon) => "Cordon".to_owned(),
                        })
                        on_change=move |v: String| {
                            let behaviour = match v.as_str() {
                                "Schedule" => Some(UndrainableNodeBehavior::Schedule),
                                "Cordon" => Some(UndrainableNodeBehavior::Cordon),
                                _ => None,
                            };
                            state.edit_pool(i, j, None, |p| p.upgrade_settings.undrainable_node_behavior = behaviour);
                        }
                    />
                    {parsed(
                        fields::MAX_BLOCKED_NODES,
                        "Max blocked nodes (preview)",
                        |_, p| optional_text(p.upgrade_settings.max_blocked_nodes),
                        |p, text| {
                            p.upgrade_settings.max_blocked_nodes = edit::parse_optional_surge(text).map_err(|e| e.to_string())?;
                            Ok(())
                        },
                        blocked_hint,
                    )}
                </div>
            </fieldset>
        </article>
    }
}

/// What AKS makes of `maxBlockedNodes` for the whole pool, computed by
/// `AgentPool::effective_max_blocked_nodes` (default = maxSurge, capped at the nodes left).
fn blocked_hint(cluster: &Cluster, pool: &AgentPool) -> String {
    let (_, nodes) = pool.effective_max_blocked_nodes(cluster.kubernetes_version, pool.count);
    let source = if pool.upgrade_settings.max_blocked_nodes.is_none() {
        "Not set: as many as maxSurge"
    } else {
        "At most the nodes left to upgrade"
    };
    format!(
        "{source}: {nodes} undrainable node(s) tolerated on {} node(s). Needs undrainable nodes set; preview, not exported.",
        pool.count
    )
}

/// Parses and stores one field's text: refused text leaves the plan untouched.
fn apply(
    state: PlanState,
    cluster: usize,
    pool: usize,
    group: &str,
    text: &str,
    write: fn(&mut AgentPool, &str) -> Applied,
) -> Applied {
    let mut outcome = Ok(());
    state.edit_pool(cluster, pool, Some(group), |p| {
        let mut candidate = p.clone();
        outcome = write(&mut candidate, text);
        if outcome.is_ok() {
            *p = candidate;
        }
    });
    outcome
}

fn optional_text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn mode_label(mode: PoolMode) -> &'static str {
    match mode {
        PoolMode::System => "System",
        PoolMode::User => "User",
    }
}

/// The A-3 assumption in words when `maxSurge` is unset (docs/aks-rules.md §8 A-3), computed by
/// `AgentPool::effective_max_surge`.
fn surge_hint(cluster: &Cluster, pool: &AgentPool) -> String {
    let (value, source) = pool.effective_max_surge(cluster.kubernetes_version);
    let nodes = value.resolve(pool.count);
    let plural = if nodes == 1 { "" } else { "s" };
    match source {
        SurgeSource::Explicit => format!("{value} = {nodes} extra node{plural} at a time for {} nodes.", pool.count),
        SurgeSource::AssumedTenPercent => format!(
            "Not set: assumed AKS's default of 10% ({nodes} node{plural} here) for Kubernetes 1.32 and later."
        ),
        SurgeSource::AssumedOneNode => "Not set: assumed 1 node for Kubernetes before 1.32; pools created on 1.28+ after 2023-10 may use 10%.".to_owned(),
    }
}
