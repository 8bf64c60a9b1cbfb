//! The tab bar of the main area (WAI-ARIA tabs pattern): Plan, Windows, Timeline, Export, each a
//! `Tab` variant with its own component file. One Tab stop (roving tabindex: the open tab);
//! Left/Right arrows move to the previous/next tab (wrapping), Home/End to the first/last, and
//! the focused tab opens (automatic activation).

use leptos::prelude::*;

use crate::ui::focus::forget_pending;
use crate::ui::state::{Tab, focus_by_id, use_plan_state};

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
                            // Only the open tab's panel is rendered: a reference to a panel
                            // that is not in the page is an error for assistive technology.
                            aria-controls=move || selected().then(|| format!("panel-{}", tab.slug()))
                            aria-selected=move || if selected() { "true" } else { "false" }
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| {
                                forget_pending();
                                state.tab.set(tab);
                            }
                            on:keydown=move |event| {
                                if let Some(next) = Tab::after_key(tab, &event.key()) {
                                    event.prevent_default();
                                    // Automatic activation: the focused tab's panel opens.
                                    forget_pending();
                                    if next != tab {
                                        state.tab.set(next);
                                    }
                                    focus_by_id(&format!("tab-{}", next.slug()));
                                }
                            }
                        >
                            {tab.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
