//! The header: the app's name, the plan's name, and the plan-wide actions (new, demo, undo,
//! redo), with the confirmation shown before a non-empty plan is discarded.

use leptos::prelude::*;

use crate::rules::words::count;
use crate::ui::state::{Replacement, focus_by_id, use_plan_state};

#[component]
pub fn AppHeader() -> impl IntoView {
    let state = use_plan_state();
    let plan_name = Memo::new(move |_| state.plan().with(|p| p.name.clone()));
    let ask = move |replacement: Replacement| {
        state.request_replacement(replacement);
        // Put the keyboard on the confirmation, if one opened: on its safe answer, so that an
        // Enter pressed twice keeps the plan instead of discarding it.
        request_animation_frame(|| {
            focus_by_id("cancel-replace");
        });
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
                    <path fill="currentColor" d="M16 2 3 9.5v13L16 30l13-7.5v-13L16 2zm0 3.5 9.5 5.5L16 16.5 6.5 11 16 5.5zM5.5 13.2l9.3 5.4v8.6l-9.3-5.4v-8.6zm11.7 14v-8.6l9.3-5.4v8.6l-9.3 5.4z" />
                </svg>
                <h1 class="brand-name">"AKS upgrade planner"</h1>
            </div>
            <div class="plan-name">
                <label for="plan-name">"Plan"</label>
                <input
                    id="plan-name"
                    data-testid="plan-name"
                    type="text"
                    autocomplete="off"
                    placeholder="Untitled plan"
                    prop:value=move || plan_name.get()
                    on:input:target=move |ev| {
                        let name = ev.target().value();
                        state.edit(Some("plan-name"), |p| p.name = name);
                    }
                    on:blur=move |_| state.seal_history()
                />
            </div>
            <div class="actions" role="toolbar" aria-label="Plan actions">
                <button type="button" class="btn" data-testid="new-plan" on:click=move |_| ask(Replacement::Empty)>
                    "New empty plan"
                </button>
                <button type="button" class="btn" data-testid="load-demo" on:click=move |_| ask(Replacement::Demo)>
                    "Load demo"
                </button>
                <span class="divider" aria-hidden="true"></span>
                <button
                    type="button"
                    class="btn"
                    data-testid="undo"
                    aria-keyshortcuts="Control+Z Meta+Z"
                    title="Undo (Ctrl+Z)"
                    disabled=move || !state.can_undo.get()
                    on:click=move |_| state.undo()
                >
                    "Undo"
                </button>
                <button
                    type="button"
                    class="btn"
                    data-testid="redo"
                    aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
                    title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
                    disabled=move || !state.can_redo.get()
                    on:click=move |_| state.redo()
                >
                    "Redo"
                </button>
            </div>
        </header>
        <ConfirmReplacement />
        <StatusLine />
    }
}

/// Asks before a plan with clusters is replaced. Replacing stays undoable either way.
#[component]
fn ConfirmReplacement() -> impl IntoView {
    let state = use_plan_state();
    let pending = state.pending_replacement;
    let clusters = state.cluster_count;
    view! {
        <Show when=move || pending.get().is_some()>
            <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" data-testid="confirm">
                <p id="confirm-title" class="confirm-title">
                    {move || match pending.get() {
                        Some(Replacement::Demo) => "Replace this plan with the demo?",
                        _ => "Discard this plan and start an empty one?",
                    }}
                </p>
                <p id="confirm-text">
                    {move || {
                        format!(
                            "The current plan has {}. You can still get it back with Undo.",
                            count(clusters.get(), "cluster", "clusters"),
                        )
                    }}
                </p>
                <div class="confirm-actions">
                    <button
                        type="button"
                        id="confirm-replace"
                        class="btn btn-danger"
                        data-testid="confirm-replace"
                        on:click=move |_| {
                            if let Some(replacement) = pending.get_untracked() {
                                state.replace(replacement);
                            }
                        }
                    >
                        {move || match pending.get() {
                            Some(Replacement::Demo) => "Replace with demo",
                            _ => "Discard and start empty",
                        }}
                    </button>
                    <button type="button" id="cancel-replace" class="btn" data-testid="cancel-replace" on:click=move |_| pending.set(None)>
                        "Keep my plan"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// A polite live region for what just happened, with Undo where that helps.
#[component]
fn StatusLine() -> impl IntoView {
    let state = use_plan_state();
    let status = state.status;
    view! {
        <div class="status-region" role="status" aria-live="polite" data-testid="status">
            {move || {
                status.get().map(|s| {
                    view! {
                        <div class="status" class:problem=s.is_problem>
                            <span class="status-text" data-testid="status-text">{s.text}</span>
                            {s.offer_undo.then(|| view! {
                                <button type="button" class="btn btn-quiet" data-testid="status-undo" on:click=move |_| state.undo()>
                                    "Undo"
                                </button>
                            })}
                            <button
                                type="button"
                                class="btn-icon"
                                data-testid="status-dismiss"
                                aria-label="Dismiss message"
                                on:click=move |_| status.set(None)
                            >
                                <span aria-hidden="true">"×"</span>
                            </button>
                        </div>
                    }
                })
            }}
        </div>
    }
}
