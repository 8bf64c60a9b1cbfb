//! The message shown while the plan in this tab is not what is saved in the browser
//! ([`SaveProblem`]): a refused write, an unreadable saved plan, another tab's save. It stays
//! until the problem is resolved and always offers a way out that loses nothing.

use leptos::prelude::*;

use crate::ui::clipboard::download;
use crate::ui::state::use_plan_state;
use crate::ui::storage::{Autosave, SaveProblem};

#[component]
pub fn SaveBanner() -> impl IntoView {
    // No autosave: the `?bench` hook's generated fleet, which is never saved.
    let Some(autosave) = use_context::<Autosave>() else {
        return view! {
            <p class="hint scratch-note" data-testid="scratch-note">
                "A generated fleet for measuring: it is not saved, and the plan saved in this browser is left as it was."
            </p>
        }
        .into_any();
    };
    let state = use_plan_state();
    let problem = autosave.problem;
    let download_error = RwSignal::new(None::<String>);
    let offer = move |name: &str, text: &str| {
        download_error.set(download(name, "application/json", text).err());
    };
    let download_plan = move |_| {
        let text = state.plan().with_untracked(|p| p.to_json());
        offer("aks-plan.json", &text);
    };
    view! {
        <div class="save-region" role="alert" data-testid="save-problem-region">
            {move || problem.get().map(|p| {
                let (text, actions) = match p {
                    SaveProblem::Failed(reason) => (
                        format!("Your changes could not be saved in this browser: {reason}. They are still here in this tab but will be lost when it closes: download the plan, or free some storage and try again."),
                        view! {
                            <button type="button" class="btn btn-primary" data-testid="save-retry" on:click=move |_| autosave.save_now()>"Try again"</button>
                            <button type="button" class="btn" data-testid="save-download" on:click=download_plan>"Download the plan"</button>
                        }.into_any(),
                    ),
                    SaveProblem::Unreadable { text, error } => (
                        format!("The plan saved in this browser could not be read ({error}). It is kept as it is: this tab shows the demo plan and saves nothing until you decide. Download the saved text to keep it, or discard it."),
                        view! {
                            <button type="button" class="btn btn-primary" data-testid="unreadable-download" on:click=move |_| offer("aks-plan-unreadable.txt", &text)>"Download the saved text"</button>
                            <button type="button" class="btn btn-danger" data-testid="unreadable-discard" on:click=move |_| autosave.overwrite()>"Discard it and save this plan"</button>
                        }.into_any(),
                    ),
                    SaveProblem::OtherTab => (
                        "This plan was changed in another tab while this tab had unsaved changes. This tab has stopped saving: choose which version to keep.".to_owned(),
                        view! {
                            <button type="button" class="btn btn-primary" data-testid="other-tab-use" on:click=move |_| autosave.use_saved()>"Use the other tab's version"</button>
                            <button type="button" class="btn" data-testid="other-tab-keep" on:click=move |_| autosave.overwrite()>"Keep this tab's version"</button>
                        }.into_any(),
                    ),
                };
                view! {
                    <div class="status problem save-problem" data-testid="save-problem">
                        <span class="status-text" data-testid="save-problem-text">{text}</span>
                        <span class="save-actions">{actions}</span>
                        {move || download_error.get().map(|e| view! { <span class="status-text">{e}</span> })}
                    </div>
                }
            })}
        </div>
    }
    .into_any()
}
