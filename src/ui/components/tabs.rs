//! The tab bar of the main area (WAI-ARIA tabs pattern). Only "Plan" exists so far; later tabs
//! (Windows, Timeline, Export) add a `Tab` variant and their own component file.

use leptos::prelude::*;

use crate::ui::state::{Tab, use_plan_state};

#[component]
pub fn TabBar() -> impl IntoView {
    let state = use_plan_state();
    view! {
        <div class="tab-bar" role="tablist" aria-label="Views">
            {Tab::ALL
                .map(|tab| {
                    let selected = move || state.tab.get() == tab;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tab"
                            id=format!("tab-{}", tab.slug())
                            data-testid=format!("tab-{}", tab.slug())
                            aria-controls=format!("panel-{}", tab.slug())
                            aria-selected=move || if selected() { "true" } else { "false" }
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| state.tab.set(tab)
                        >
                            {tab.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
