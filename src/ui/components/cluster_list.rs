//! The sidebar: the plan's clusters in rollout order, narrowed by search and filters. Select one
//! to edit it; tick several for a bulk edit; move one up or down with buttons (keyboard
//! reachable, focus follows the moved cluster); add a new one.

use leptos::prelude::*;

use crate::rules::edit::{self, Direction};
use crate::ui::components::cluster_editor::display_name;
use crate::ui::components::cluster_filters::ClusterFilters;
use crate::ui::components::index_list::index_list;
use crate::ui::components::paged::{MoreRows, Pager};
use crate::ui::selection::use_selection;
use crate::ui::state::{focus_by_id, use_plan_state};
use crate::view::paging::Listing;

#[component]
pub fn ClusterList() -> impl IntoView {
    let state = use_plan_state();
    let selection = use_selection();
    let count = state.cluster_count;
    // Only the first clusters found are drawn: a 2,000-cluster list would otherwise be ~25,000
    // DOM nodes and 6,000 memos re-checked on every edit.
    let pager = Pager::new(PAGE);
    let listed = move || {
        let limit = pager.limit();
        selection
            .shown
            .with(|s| s.iter().take(limit).copied().collect::<Vec<_>>())
    };
    // The filter summary above already says how many of the plan's clusters are found.
    let listing = Signal::derive(move || {
        let found = selection.shown.with(Vec::len);
        Listing {
            drawn: found.min(pager.limit()),
            found,
            total: found,
            noun: ("cluster", "clusters"),
            order: "",
            follows_search: true,
        }
    });
    let add = move |_| {
        let index = state.edit(None, edit::add_cluster);
        pager.reach(index + 1);
        state.select(index);
        state.say("Added a cluster; it is open in the editor.", true);
        let id = format!("c{index}-name");
        request_animation_frame(move || {
            focus_by_id(&id);
        });
    };
    view! {
        <nav class="sidebar" aria-labelledby="clusters-title">
            <div class="sidebar-head">
                <h2 id="clusters-title" tabindex="-1">"Clusters " <span class="count">{move || count.get()}</span></h2>
                <button type="button" class="btn btn-primary" data-testid="add-cluster" on:click=add>
                    "Add cluster"
                </button>
            </div>
            <Show when=move || count.get() == 0>
                <p class="empty">"No clusters yet. Add one to start planning."</p>
            </Show>
            <Show when=move || count.get() != 0>
                <ClusterFilters />
            </Show>
            <ol class="cluster-list" data-testid="cluster-list">
                {index_list(listed, |i| view! { <ClusterItem index=i /> })}
            </ol>
            <MoreRows pager listing testid="list-more" />
        </nav>
    }
}

/// How many clusters the list draws at first, and how many more each "List more" adds.
const PAGE: usize = 200;

#[component]
fn ClusterItem(index: usize) -> impl IntoView {
    let state = use_plan_state();
    let i = index;
    let name = state.cluster_value(i, |c| c.name.clone());
    let subtitle = state.cluster_value(i, |c| {
        let mut parts = Vec::new();
        if let Some(env) = c.tags.get("environment") {
            parts.push(env.clone());
        }
        if let Some(ring) = c.tags.get("ring") {
            parts.push(format!("ring {ring}"));
        }
        parts.push(
            c.auto_upgrade_profile
                .node_os_upgrade_channel
                .as_str()
                .to_owned(),
        );
        parts.join(" · ")
    });
    let is_selected = move || state.selected_cluster.get() == Some(i);
    let errors = move || {
        state
            .cluster_errors
            .with(|e| e.get(i).copied().unwrap_or(0))
    };
    let is_first = move || i == 0;
    let is_last = move || i + 1 >= state.cluster_count.get();
    let selection = use_selection();
    let checked = Memo::new(move |_| selection.selected.with(|s| s.contains(&i)));
    let shift = move |direction: Direction| {
        if let Ok(target) = state.edit(None, |plan| edit::move_cluster(plan, i, direction)) {
            selection.moved(i, target);
            state.select(target);
            // Keep the keyboard on the moved cluster's button (or its other button at an end).
            let same = format!("cluster-{target}-{direction}");
            let other = format!("cluster-{target}-{}", opposite(direction));
            request_animation_frame(move || {
                if !focus_by_enabled_id(&same) {
                    focus_by_id(&other);
                }
            });
        }
    };
    view! {
        <li class="cluster-item" class:selected=is_selected data-testid=format!("cluster-item-{i}")>
            <input
                type="checkbox"
                class="cluster-check"
                id=format!("cluster-check-{i}")
                data-testid=format!("cluster-check-{i}")
                aria-label=move || format!("Select {} for a bulk edit", display_name(&name.get()))
                prop:checked=move || checked.get()
                on:change:target=move |ev| selection.toggle(i, ev.target().checked())
            />
            <button
                type="button"
                class="cluster-select"
                aria-current=move || is_selected().then_some("true")
                data-testid=format!("select-cluster-{i}")
                on:click=move |_| state.select(i)
            >
                <span class="cluster-name">{move || display_name(&name.get())}</span>
                <span class="cluster-sub">{move || subtitle.get()}</span>
                <Show when=move || errors() != 0>
                    <span class="badge sev-error">
                        {errors}
                        <span class="visually-hidden">{move || if errors() == 1 { " error" } else { " errors" }}</span>
                    </span>
                </Show>
            </button>
            <div class="reorder">
                <button
                    type="button"
                    class="btn-icon"
                    id=format!("cluster-{i}-up")
                    data-testid=format!("move-up-{i}")
                    aria-label=move || format!("Move {} up", name.get())
                    disabled=is_first
                    on:click=move |_| shift(Direction::Up)
                >
                    <span aria-hidden="true">"▲"</span>
                </button>
                <button
                    type="button"
                    class="btn-icon"
                    id=format!("cluster-{i}-down")
                    data-testid=format!("move-down-{i}")
                    aria-label=move || format!("Move {} down", name.get())
                    disabled=is_last
                    on:click=move |_| shift(Direction::Down)
                >
                    <span aria-hidden="true">"▼"</span>
                </button>
            </div>
        </li>
    }
}

fn opposite(direction: Direction) -> Direction {
    match direction {
        Direction::Up => Direction::Down,
        Direction::Down => Direction::Up,
    }
}

/// Focuses the element unless it is a disabled button (which cannot hold focus).
fn focus_by_enabled_id(id: &str) -> bool {
    let disabled = document()
        .get_element_by_id(id)
        .is_some_and(|e| e.has_attribute("disabled"));
    !disabled && focus_by_id(id)
}
