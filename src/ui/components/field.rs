//! Form controls: [`TextField`], the one input for typed values (with one refusal and message
//! behaviour), [`SelectField`] and [`CheckboxField`]. Every control's `id` is the
//! [`FieldPath::dom_id`] of the plan field it edits (so clicking a finding can focus it) and
//! doubles as its `data-testid`.
//!
//! [`FieldPath::dom_id`]: crate::rules::findings::FieldPath::dom_id

use leptos::prelude::*;

use crate::rules::findings::Severity;
use crate::ui::components::icons::{SeverityIcon, severity_slug, severity_words};
use crate::ui::state::{PlanState, use_plan_state};

/// How a field's text reached the plan: applied, or refused with a message for the user.
pub type Applied = Result<(), String>;

pub use crate::ui::state::FieldFinding;

/// The errors and warnings on the field whose id is `id` (its `FieldPath::dom_id`), picked from
/// [`PlanState::field_findings`] (made once per change of the findings, not once per field).
pub fn field_findings(state: PlanState, id: String) -> Memo<Vec<FieldFinding>> {
    Memo::new(move |_| {
        state
            .field_findings
            .with(|all| all.get(&id).cloned().unwrap_or_default())
    })
}

/// The refused text's message, with the plan value it was refused against.
pub type Refused = Option<(String, String)>;

/// A field's refused entry: the message and the plan value it was refused against, and the
/// message while the plan still holds that value (an undo or another edit clears it).
pub fn refusal(value: Signal<String>) -> (RwSignal<Refused>, Memo<Option<String>>) {
    let refused: RwSignal<Refused> = RwSignal::new(None);
    let error = Memo::new(move |_| {
        refused.with(|r| {
            r.as_ref()
                .filter(|(against, _)| *against == value.get())
                .map(|(_, message)| message.clone())
        })
    });
    (refused, error)
}

/// Whether the field is invalid: its text was refused, or the rule core reports an error on
/// its value (a warning does not make a field invalid: the value works).
pub fn is_invalid(refused: bool, findings: Memo<Vec<FieldFinding>>) -> bool {
    refused || findings.with(|f| f.iter().any(|f| f.severity == Severity::Error))
}

/// `"true"`/`"false"` for `aria-invalid`.
pub fn aria_bool(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// `aria-describedby` for a field: its findings, its hint and, while shown, its error.
fn described_by(id: &str, has_findings: bool, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_findings {
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

/// The one input of the app that edits a plan value from typed text: fields in the editors,
/// the Windows tab's dates and times, the Timeline tab's estimates, prices and quota cells.
/// `on_input` parses the text and either applies it or returns a message; on a message the
/// plan keeps its last valid value, the input is marked invalid and the message shows under
/// it, with the value the plan keeps, until the text parses or the plan's value changes
/// (undo). An error the rule core reports on the field marks it invalid the same way.
#[component]
pub fn TextField(
    /// The `FieldPath::dom_id` of the plan field (or the cell's own id); also the test id.
    id: String,
    /// The visible label. Blank in a table cell, where `aria_label` names the input.
    #[prop(optional)]
    label: &'static str,
    /// The accessible name when there is no visible label (a table cell's row and column).
    #[prop(optional, into)]
    aria_label: Option<Signal<String>>,
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
    /// `text` (the default), or `date` / `time` for the browser's own pickers.
    #[prop(optional)]
    input_type: &'static str,
    #[prop(optional)] class: &'static str,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: &'static str,
) -> impl IntoView {
    let state = use_plan_state();
    let findings = field_findings(state, id.clone());
    let (refused, error) = refusal(value);
    let invalid = move || is_invalid(error.with(Option::is_some), findings);
    // While the value is wrong the hint would describe it as if it worked ("150% = 3 extra
    // nodes"): the error and its fix replace it.
    let hint_text = hint;
    let has_hint = move || !invalid() && hint_text.with(|h| !h.is_empty());
    let id_for_describe = id.clone();
    let aria_describedby = move || {
        described_by(
            &id_for_describe,
            findings.with(|f| !f.is_empty()),
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
    let input_type = if input_type.is_empty() {
        "text"
    } else {
        input_type
    };
    view! {
        <div class=format!("field {class}") class:invalid=invalid>
            {(!label.is_empty()).then(|| view! { <label for=id.clone()>{label}</label> })}
            <input
                id=id.clone()
                data-testid=id.clone()
                type=input_type
                autocomplete="off"
                spellcheck="false"
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                placeholder=(!placeholder.is_empty()).then_some(placeholder)
                list=(!list.is_empty()).then_some(list)
                aria-label=move || aria_label.map(|l| l.get())
                prop:value=move || value.get()
                aria-invalid=move || aria_bool(invalid())
                aria-describedby=aria_describedby
                on:input:target=move |ev| on_text(ev.target().value())
                on:blur=move |_| state.seal_history()
            />
            <Show when=has_hint>
                <p class="hint" id=hint_id.clone()>{move || hint_text.get()}</p>
            </Show>
            <FieldFindings id=id.clone() findings=findings />
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
    /// Values the rule core rules out right now: shown, but not selectable.
    #[prop(optional, into)]
    disabled: Signal<Vec<String>>,
) -> impl IntoView {
    let state = use_plan_state();
    let findings = field_findings(state, id.clone());
    let invalid = move || is_invalid(false, findings);
    let hint_text = hint;
    let has_hint = move || hint_text.with(|h| !h.is_empty());
    let id_for_describe = id.clone();
    let hint_id = format!("{id}-hint");
    view! {
        <div class=format!("field {class}") class:invalid=invalid>
            <label for=id.clone()>{label}</label>
            <select
                id=id.clone()
                data-testid=id.clone()
                aria-invalid=move || aria_bool(invalid())
                aria-describedby=move || {
                    described_by(&id_for_describe, findings.with(|f| !f.is_empty()), has_hint(), false)
                }
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {options
                    .into_iter()
                    .map(|(option, text)| {
                        let option_for_selected = option.clone();
                        let option_for_disabled = option.clone();
                        view! {
                            <option
                                value=option
                                prop:selected=move || value.with(|v| *v == option_for_selected)
                                prop:disabled=move || disabled.with(|d| d.contains(&option_for_disabled))
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
            <FieldFindings id=id.clone() findings=findings />
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
/// editor explains itself (the Findings panel still lists everything, notes included). An
/// error also says how to fix it.
#[component]
pub fn FieldFindings(id: String, findings: Memo<Vec<FieldFinding>>) -> impl IntoView {
    view! {
        <Show when=move || findings.with(|h| !h.is_empty())>
            <div class="field-findings" id=format!("{id}-findings")>
                {move || {
                    findings.get()
                        .into_iter()
                        .map(|f| {
                            let (word, _) = severity_words(f.severity);
                            let fix = (f.severity == Severity::Error && !f.fix.is_empty())
                                .then(|| view! { <span class="field-finding-fix">{f.fix}</span> });
                            view! {
                                <p class=format!("field-finding sev-{}", severity_slug(f.severity))>
                                    <SeverityIcon severity=f.severity />
                                    <span><span class="visually-hidden">{word} ": "</span>{f.message} " " {fix}</span>
                                </p>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </Show>
    }
}
