//! The Surge quota panel's paste box: the raw output of `az vm list-usage --location L -o json`
//! (or the REST response) for one subscription and region fills the quotas its rows need, in
//! one undoable edit (`rules::usage::fill_from_list`); text that is not a usage list says why
//! (`rules::usage::PasteError`) and changes nothing.

use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::projection::Projection;
use crate::rules::usage::{fill_from_list, parse_list_usage};
use crate::ui::state::use_plan_state;

/// Paste `az vm list-usage -o json` for one subscription and region: the quotas its rows need
/// are filled in one undoable edit; garbage says why and changes nothing.
#[component]
pub fn PasteUsage(projection: Memo<Arc<Projection>>) -> impl IntoView {
    let state = use_plan_state();
    let choices = Memo::new(move |_| {
        projection.with(|p| {
            p.quota
                .regions
                .iter()
                .map(|r| r.place())
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(0usize);
    let text = RwSignal::new(String::new());
    // Ok(message) after a fill, Err(message) for unreadable text.
    let outcome: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let location = Memo::new(move |_| {
        projection.with(|p| {
            p.quota
                .regions
                .get(chosen.get())
                .map(|r| r.location.clone())
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| "REGION".to_owned())
        })
    });
    let fill = move |_| {
        let g = chosen.get_untracked();
        let target = projection.with_untracked(|p| {
            p.quota.regions.get(g).map(|r| {
                let wanted: Vec<String> = r.checks.iter().map(|c| c.name.clone()).collect();
                (r.subscription.clone(), r.location.clone(), wanted)
            })
        });
        let Some((subscription, location, wanted)) = target else {
            return;
        };
        let result = text.with_untracked(|t| parse_list_usage(t)).map(|pasted| {
            let outcome = state.edit(None, |p| {
                fill_from_list(
                    &mut p.compute_usages,
                    &subscription,
                    &location,
                    &pasted,
                    &wanted,
                )
            });
            outcome.message(&subscription, &location)
        });
        if result.is_ok() {
            text.set(String::new());
        }
        outcome.set(Some(result.map_err(|e| e.to_string())));
    };
    view! {
        <details class="quota-paste" data-testid="quota-paste" hidden=move || choices.with(Vec::is_empty)>
                <summary>"Paste az vm list-usage output"</summary>
                <div class="field">
                    <label for="quota-paste-region">"Subscription and region"</label>
                    <select
                        id="quota-paste-region"
                        data-testid="quota-paste-region"
                        on:change:target=move |ev| {
                            chosen.set(ev.target().value().parse().unwrap_or(0));
                            outcome.set(None);
                        }
                    >
                        {move || {
                            choices
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(g, label)| {
                                    view! {
                                        <option value=g.to_string() prop:selected=move || chosen.get() == g>
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <p class="hint" id="quota-paste-help">
                    "Run "
                    <code>{move || format!("az vm list-usage --location {} --subscription <id> -o json", location.get())}</code>
                    " and paste all of its output (the REST response works too). Only the quotas listed above are kept."
                </p>
                <label for="quota-paste-text" class="field-label">"az vm list-usage JSON"</label>
                <textarea
                    id="quota-paste-text"
                    data-testid="quota-paste-text"
                    class="import-text"
                    rows="6"
                    spellcheck="false"
                    autocomplete="off"
                    wrap="off"
                    aria-describedby="quota-paste-help"
                    prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())
                ></textarea>
                <button
                    type="button"
                    class="btn btn-primary"
                    data-testid="quota-paste-run"
                    disabled=move || text.with(|t| t.trim().is_empty())
                    on:click=fill
                >
                    "Fill the quotas"
                </button>
                <p
                    class="field-error"
                    data-testid="quota-paste-error"
                    role="alert"
                    hidden=move || !matches!(outcome.get(), Some(Err(_)))
                >
                    {move || match outcome.get() {
                        Some(Err(message)) => format!("{message} The plan is unchanged."),
                        _ => String::new(),
                    }}
                </p>
                <p class="import-status" data-testid="quota-paste-status" role="status" aria-live="polite">
                    {move || match outcome.get() {
                        Some(Ok(message)) => message,
                        _ => String::new(),
                    }}
                </p>
            </details>
    }
}
