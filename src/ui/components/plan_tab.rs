//! The "Plan" tab: the bulk editor while clusters are ticked in the list (loaded on first use,
//! `ui::lazy`), then the open cluster's editor, or a way to start when there is none.

use leptos::prelude::*;

use crate::ui::components::cluster_editor::ClusterEditor;
use crate::ui::lazy::{LazyPart, Part};
use crate::ui::selection::use_selection;
use crate::ui::state::use_plan_state;

#[component]
pub fn PlanTab() -> impl IntoView {
    let state = use_plan_state();
    let selected = state.selected_cluster;
    let bulk = use_selection().selected;
    view! {
        <div class="tab-panel" role="tabpanel" id="panel-plan" aria-labelledby="tab-plan" data-testid="panel-plan">
            <Show when=move || bulk.with(|s| !s.is_empty())>
                <LazyPart part=Part::BulkEditor />
            </Show>
            {move || match selected.get() {
                Some(i) => view! { <ClusterEditor index=i /> }.into_any(),
                None => view! {
                    <div class="empty-plan">
                        <h2>"This plan has no clusters"</h2>
                        <p>"Add a cluster from the list, or load the demo plan to see the planner at work."</p>
                    </div>
                }
                .into_any(),
            }}
        </div>
    }
}
