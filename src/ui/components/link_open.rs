//! Opening a shared link: when it starts (`link_watch` loads it, a part of its own, when the
//! first link arrives) and whenever the fragment changes (`hashchange`), a `#p=…` fragment is
//! decoded with `rules::share::decode`. If it would replace a plan the user
//! made, a dialog shows the before/after (`rules::share::diff`) and asks; a damaged link shows
//! the decoder's specific message and changes nothing. Either way the fragment is then removed
//! (`history.replaceState`), so a reload does not ask again. Replacing goes through
//! `PlanState::replace_with`, so Undo brings the old plan back.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::rules::demo::demo_plan;
use crate::rules::plan::Plan;
use crate::rules::share::{self, Change, ShareError};
use crate::rules::words::count;
use crate::ui::components::link_watch::current_fragment;
use crate::ui::state::{PlanState, focus_by_id, use_plan_state};

/// The dialog lists at most this many changes (a link from another fleet can differ in
/// thousands of fields; the summary line still counts them all).
const SHOWN_CHANGES: usize = 200;

/// A link's plan waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
struct Incoming {
    plan: Plan,
    changes: Vec<Change>,
}

/// Removes the fragment without a navigation or a new history entry.
fn clear_fragment() {
    let location = window().location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Whether replacing `local` loses nothing the user made: an empty plan, or the demo that opens
/// when nothing is saved (a fresh browser opening a link should just show it).
fn nothing_to_lose(local: &Plan) -> bool {
    local.clusters.is_empty() || *local == demo_plan()
}

fn open_incoming(state: PlanState, plan: Plan) {
    let message = format!(
        "Opened the shared plan{} ({}).",
        if plan.name.is_empty() {
            String::new()
        } else {
            format!(" \u{201c}{}\u{201d}", plan.name)
        },
        count(plan.clusters.len(), "cluster", "clusters"),
    );
    state.replace_with(plan, &message);
}

/// Handles a `#p=…` fragment once. Other fragments (e.g. `#main` from the skip link) are not
/// links and are left alone.
fn handle_fragment(
    state: PlanState,
    pending: RwSignal<Option<Incoming>>,
    error: RwSignal<Option<String>>,
) {
    let Some(fragment) = current_fragment() else {
        return;
    };
    let incoming = match share::decode(&fragment) {
        Err(ShareError::NotAPlannerLink) => return,
        Err(problem) => {
            clear_fragment();
            pending.set(None);
            error.set(Some(problem.to_string()));
            return;
        }
        Ok(plan) => plan,
    };
    clear_fragment();
    error.set(None);
    let local = state.plan().get_untracked();
    if incoming == local {
        state.say("The shared link holds the plan you already have.", false);
    } else if nothing_to_lose(&local) {
        open_incoming(state, incoming);
    } else {
        let changes = share::diff(&local, &incoming);
        remember_focus();
        pending.set(Some(Incoming {
            plan: incoming,
            changes,
        }));
        request_animation_frame(|| {
            focus_by_id("link-keep");
        });
    }
}

/// The element to give the keyboard back to when the dialog closes.
fn remember_focus() {
    let id = document()
        .active_element()
        .map(|e| e.id())
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| "main".to_owned());
    RETURN_FOCUS.with(|r| *r.borrow_mut() = id);
}

fn restore_focus() {
    let id = RETURN_FOCUS.with(|r| r.borrow().clone());
    request_animation_frame(move || {
        focus_by_id(&id);
    });
}

thread_local! {
    static RETURN_FOCUS: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Watches the URL for shared plans; renders the question and the error message.
#[component]
pub fn LinkOpener() -> impl IntoView {
    let state = use_plan_state();
    let pending: RwSignal<Option<Incoming>> = RwSignal::new(None);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    handle_fragment(state, pending, error);
    let listener = window_event_listener(ev::hashchange, move |_| {
        handle_fragment(state, pending, error)
    });
    on_cleanup(move || listener.remove());

    let replace = move || {
        if let Some(incoming) = pending.get_untracked() {
            pending.set(None);
            open_incoming(state, incoming.plan);
            restore_focus();
        }
    };
    let keep = move || {
        if pending.get_untracked().is_some() {
            pending.set(None);
            state.say("Kept your plan; the shared plan was not opened.", false);
            restore_focus();
        }
    };

    view! {
        <Show when=move || error.with(Option::is_some)>
            <div class="link-error" role="alert" data-testid="link-error">
                <p>
                    <strong>"This link could not be opened: "</strong>
                    <span data-testid="link-error-text">{move || error.get().unwrap_or_default()}</span>
                    ". Your plan was not changed."
                </p>
                <button type="button" class="btn-icon" data-testid="link-error-dismiss" aria-label="Dismiss message" on:click=move |_| error.set(None)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
        </Show>
        {move || pending.get().map(|incoming| view! {
            <LinkDialog incoming=incoming on_replace=Callback::new(move |()| replace()) on_keep=Callback::new(move |()| keep()) />
        })}
    }
}

/// The question, with the before/after. Modal: Tab stays inside, Escape keeps the local plan.
#[component]
fn LinkDialog(
    incoming: Incoming,
    on_replace: Callback<()>,
    on_keep: Callback<()>,
) -> impl IntoView {
    let state = use_plan_state();
    let local = state.plan().get_untracked();
    let Incoming { plan, changes } = incoming;
    let added = changes
        .iter()
        .filter(|c| matches!(c, Change::ClusterAdded { .. }))
        .count();
    let removed = changes
        .iter()
        .filter(|c| matches!(c, Change::ClusterRemoved { .. }))
        .count();
    let fields = changes.len() - added - removed;
    let hidden = changes.len().saturating_sub(SHOWN_CHANGES);
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            on_keep.run(());
        }
        "Tab" => {
            // Focus trap: the first and last focusable elements hand over to each other.
            let active = document()
                .active_element()
                .map(|e| e.id())
                .unwrap_or_default();
            let (first, last) = ("link-diff", "link-keep");
            if ev.shift_key() && active == first {
                ev.prevent_default();
                focus_by_id(last);
            } else if !ev.shift_key() && active == last {
                ev.prevent_default();
                focus_by_id(first);
            }
        }
        _ => {}
    };
    let describe = |p: &Plan| {
        let name = if p.name.is_empty() {
            "Untitled plan".to_owned()
        } else {
            p.name.clone()
        };
        format!(
            "{name} ({})",
            count(p.clusters.len(), "cluster", "clusters")
        )
    };
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog link-dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="link-dialog-title"
                aria-describedby="link-dialog-text"
                data-testid="link-dialog"
                on:keydown=on_keydown
            >
                <h2 id="link-dialog-title">"Open the shared plan?"</h2>
                <p id="link-dialog-text">
                    "The link holds " <strong data-testid="link-incoming">{describe(&plan)}</strong>
                    ". Opening it replaces your plan, " <strong>{describe(&local)}</strong>
                    ". Undo brings yours back."
                </p>
                <p class="link-summary" data-testid="link-summary">
                    {format!(
                        "What changes: {} added, {removed} removed, {} different.",
                        count(added, "cluster", "clusters"), count(fields, "field", "fields"),
                    )}
                </p>
                <ul class="link-diff" id="link-diff" data-testid="link-diff" tabindex="0" aria-label="Changes from your plan to the shared plan">
                    {changes
                        .iter()
                        .take(SHOWN_CHANGES)
                        .map(|change| {
                            let kind = match change {
                                Change::ClusterAdded { .. } => "added",
                                Change::ClusterRemoved { .. } => "removed",
                                Change::Field { .. } => "changed",
                            };
                            view! {
                                <li class=format!("change change-{kind}") data-testid="link-change">
                                    <span class="badge">{kind}</span>
                                    " "
                                    <span class="change-text">{change.to_string()}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                    {(hidden > 0).then(|| view! { <li class="hint">{format!("…and {hidden} more.")}</li> })}
                </ul>
                <div class="dialog-actions">
                    <button type="button" id="link-replace" class="btn btn-primary" data-testid="link-replace" on:click=move |_| on_replace.run(())>
                        "Replace my plan"
                    </button>
                    <button type="button" id="link-keep" class="btn" data-testid="link-keep" on:click=move |_| on_keep.run(())>
                        "Keep mine"
                    </button>
                </div>
            </div>
        </div>
    }
}
