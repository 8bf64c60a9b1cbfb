//! Labelled form controls. Every control's `id` is the [`FieldPath::dom_id`] of the plan field
//! it edits (so clicking a finding can focus it) and doubles as its `data-testid`.
//!
//! [`FieldPath::dom_id`]: crate::rules::findings::FieldPath::dom_id

use leptos::prelude::*;

use crate::rules::findings::Severity;
use crate::ui::components::icons::{SeverityIcon, severity_slug, severity_words};
use crate::ui::state::{PlanState, use_plan_state};

/// How a field's text reached the plan: applied, or refused with a message for the user.
pub type Applied = Result<(), String>;

/// `aria-describedby` for a field: its hint and, while shown, its error.
fn described_by(state: PlanState, id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_findings(state, id) {
        ids.push(format!("{id}-findings"));
    }
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A text field applied to the plan on every keystroke. `on_input` parses the text and either
/// applies it or returns a message; on a message the plan keeps its last valid value and the
/// message shows next to the field until the text parses or the plan's value changes (undo).
#[component]
pub fn TextField(
    /// The `FieldPath::dom_id` of the plan field; also the test id.
    id: String,
    label: &'static str,
    /// The plan's current value, as text.
    #[prop(into)]
    value: Signal<String>,
    #[prop(into)] on_input: Callback<String, Applied>,
    /// Help under the field (may change with the plan, e.g. an assumed default).
    #[prop(optional, into)]
    hint: Signal<String>,
    #[prop(optional)] placeholder: &'static str,
    /// `numeric` brings up a number pad on phones while still letting any text be typed, so
    /// that a wrong entry gets a message instead of being silently dropped by the browser.
    #[prop(optional)]
    inputmode: &'static str,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let state = use_plan_state();
    // The refused text's message, with the plan value it was refused against.
    let refused: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let error = Memo::new(move |_| {
        refused.with(|r| {
            r.as_ref()
                .filter(|(against, _)| *against == value.get())
                .map(|(_, message)| message.clone())
        })
    });
    let hint_text = hint;
    let has_hint = move || hint_text.with(|h| !h.is_empty());
    let id_for_describe = id.clone();
    let aria_describedby = move || {
        described_by(
            state,
            &id_for_describe,
            has_hint(),
            error.with(Option::is_some),
        )
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let on_text = move |text: String| match on_input.run(text) {
        Ok(()) => refused.set(None),
        Err(message) => refused.set(Some((value.get_untracked(), message))),
    };
    view! {
        <div class=format!("field {class}") class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                data-testid=id.clone()
                type="text"
                autocomplete="off"
                spellcheck="false"
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                placeholder=(!placeholder.is_empty()).then_some(placeholder)
                prop:value=move || value.get()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=aria_describedby
                on:input:target=move |ev| on_text(ev.target().value())
                on:blur=move |_| state.seal_history()
            />
            <Show when=has_hint>
                <p class="hint" id=hint_id.clone()>{move || hint_text.get()}</p>
            </Show>
            <FieldFindings id=id.clone() />
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" id=error_id.clone() data-testid=error_id.clone()>
                    <SeverityIcon severity=Severity::Error />
                    <span>
                        {move || error.get().unwrap_or_default()}
                        " "
                        <span class="field-error-kept">
                            {move || {
                                value.with(|v| {
                                    if v.is_empty() {
                                        "The plan keeps this field unset.".to_owned()
                                    } else {
                                        format!("The plan keeps {v}.")
                                    }
                                })
                            }}
                        </span>
                    </span>
                </p>
            </Show>
        </div>
    }
}

/// A choice among fixed values (channels, SKUs, modes), applied on change.
#[component]
pub fn SelectField(
    id: String,
    label: &'static str,
    /// `(value, label)` pairs, in display order.
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional, into)] hint: Signal<String>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let state = use_plan_state();
    let hint_text = hint;
    let has_hint = move || hint_text.with(|h| !h.is_empty());
    let id_for_describe = id.clone();
    let hint_id = format!("{id}-hint");
    view! {
        <div class=format!("field {class}")>
            <label for=id.clone()>{label}</label>
            <select
                id=id.clone()
                data-testid=id.clone()
                aria-describedby=move || described_by(state, &id_for_describe, has_hint(), false)
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {options
                    .into_iter()
                    .map(|(option, text)| {
                        let option_for_selected = option.clone();
                        view! {
                            <option
                                value=option
                                prop:selected=move || value.with(|v| *v == option_for_selected)
                            >
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <Show when=has_hint>
                <p class="hint" id=hint_id.clone()>{move || hint_text.get()}</p>
            </Show>
            <FieldFindings id=id.clone() />
        </div>
    }
}

/// A yes/no setting.
#[component]
pub fn CheckboxField(
    id: String,
    label: &'static str,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("field checkbox {class}")>
            <input
                id=id.clone()
                data-testid=id.clone()
                type="checkbox"
                prop:checked=move || checked.get()
                on:change:target=move |ev| on_change.run(ev.target().checked())
            />
            <label for=id>{label}</label>
        </div>
    }
}

/// `(value, label)` options where the label is the value itself.
pub fn same_label_options<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<(String, String)> {
    values
        .into_iter()
        .map(|v| (v.to_owned(), v.to_owned()))
        .collect()
}

/// The errors and warnings the rule core reports on this very field, repeated under it so the
/// editor explains itself (the Findings panel still lists everything, notes included).
#[component]
fn FieldFindings(id: String) -> impl IntoView {
    let state = use_plan_state();
    let field_id = id.clone();
    let here = Memo::new(move |_| {
        state.field_findings.with(|all| {
            all.iter()
                .filter(|f| f.id == field_id)
                .map(|f| (f.severity, f.message.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || here.with(|h| !h.is_empty())>
            <div class="field-findings" id=format!("{id}-findings")>
                {move || {
                    here.get()
                        .into_iter()
                        .map(|(severity, message)| {
                            let (word, _) = severity_words(severity);
                            view! {
                                <p class=format!("field-finding sev-{}", severity_slug(severity))>
                                    <SeverityIcon severity=severity />
                                    <span><span class="visually-hidden">{word} ": "</span>{message}</span>
                                </p>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </Show>
    }
}

/// Whether the rule core reports an error or warning on the field with this id.
fn has_findings(state: PlanState, id: &str) -> bool {
    state
        .field_findings
        .with(|all| all.iter().any(|f| f.id == id))
}
