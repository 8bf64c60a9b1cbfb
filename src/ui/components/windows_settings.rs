//! The Windows tab's settings: the time zone the windows are also shown in (not part of the
//! plan: it is the reader's clock), and the plan's recurrence assumptions (aks-rules.md §8 A-1,
//! ), labelled as assumptions because AKS does not document them.

use leptos::prelude::*;

use crate::rules::maintenance::dst::TransitionTable;
use crate::rules::maintenance::{BlackoutOverlap, MissingDay, RecurrenceOptions, WeeklyAnchor};
use crate::ui::components::field::SelectField;
use crate::ui::state::use_plan_state;
use crate::ui::tz;

pub const ZONE_ID: &str = "windows-zone";

/// An IANA zone name with suggestions; an unknown name gets a message next to the field.
#[component]
pub fn ZonePicker(
    /// The text as typed.
    text: RwSignal<String>,
    zone: Memo<Result<TransitionTable, String>>,
) -> impl IntoView {
    let browser = tz::browser_zone();
    let error = Memo::new(move |_| zone.with(|z| z.as_ref().err().cloned()));
    let invalid = move || error.with(Option::is_some);
    let described_by = move || {
        if invalid() {
            format!("{ZONE_ID}-hint {ZONE_ID}-error")
        } else {
            format!("{ZONE_ID}-hint")
        }
    };
    view! {
        <div class="field zone-picker" class:invalid=invalid>
            <label for=ZONE_ID>"Your time zone (IANA name)"</label>
            <input
                id=ZONE_ID
                data-testid=ZONE_ID
                type="text"
                list=format!("{ZONE_ID}-list")
                autocomplete="off"
                spellcheck="false"
                prop:value=move || text.get()
                aria-invalid=move || if invalid() { "true" } else { "false" }
                aria-describedby=described_by
                on:input:target=move |ev| text.set(ev.target().value())
            />
            <datalist id=format!("{ZONE_ID}-list")>
                {tz::COMMON_ZONES.map(|z| view! { <option value=z></option> }).collect_view()}
            </datalist>
            <p class="hint" id=format!("{ZONE_ID}-hint")>
                "The listed windows and the daylight-saving check use it. This browser's zone: " {browser}
                ". Not saved in the plan."
            </p>
            <Show when=invalid>
                <p class="field-error" id=format!("{ZONE_ID}-error") data-testid=format!("{ZONE_ID}-error") role="alert">
                    <span class="field-error-icon" aria-hidden="true">"!"</span>
                    <span>{move || error.get().unwrap_or_default()}</span>
                </p>
            </Show>
        </div>
    }
}

/// The three recurrence readings, stored in `plan.assumptions.recurrence`; ids follow
/// `FieldPath::dom_id` of `assumptions.recurrence.*` so a finding can focus them.
#[component]
pub fn AssumptionSwitches() -> impl IntoView {
    let state = use_plan_state();
    let read = move |f: fn(RecurrenceOptions) -> &'static str| {
        Signal::derive(move || state.plan.with(|p| f(p.assumptions.recurrence).to_owned()))
    };
    let write = move |change: Box<dyn FnOnce(&mut RecurrenceOptions)>| {
        state.edit(None, |p| change(&mut p.assumptions.recurrence));
    };
    let options = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(v, l)| ((*v).to_owned(), (*l).to_owned()))
            .collect::<Vec<_>>()
    };
    view! {
        <fieldset class="card assumption-switches" data-testid="assumption-switches">
            <legend>"Assumptions the dates rest on"</legend>
            <p class="hint assumption-intro">
                "AKS does not document these cases. The planner uses the first reading of each by default; switch one if you know AKS behaves otherwise. They are saved in the plan."
            </p>
            <div class="field-grid">
                <SelectField
                    id="assumptions-recurrence-missingDay".to_owned()
                    label="Assumption A-1: dayOfMonth 29–31 in a shorter month"
                    options=options(&[("skip", "No window that month (skip)"), ("clamp", "The month's last day (clamp)")])
                    value=read(|o| match o.missing_day {
                        MissingDay::Skip => "skip",
                        MissingDay::Clamp => "clamp",
                    })
                    on_change=move |v: String| {
                        let missing = if v == "clamp" { MissingDay::Clamp } else { MissingDay::Skip };
                        write(Box::new(move |o| o.missing_day = missing));
                    }
                />
                <SelectField
                    id="assumptions-recurrence-weeklyAnchor".to_owned()
                    label="Assumption A-2: every n weeks counts from"
                    options=options(&[
                        ("startDateWeek", "The Sunday–Saturday week of startDate (reading A)"),
                        ("firstMatchingDay", "The first matching day on or after startDate (reading B)"),
                    ])
                    value=read(|o| match o.weekly_anchor {
                        WeeklyAnchor::StartDateWeek => "startDateWeek",
                        WeeklyAnchor::FirstMatchingDay => "firstMatchingDay",
                    })
                    on_change=move |v: String| {
                        let anchor = if v == "firstMatchingDay" {
                            WeeklyAnchor::FirstMatchingDay
                        } else {
                            WeeklyAnchor::StartDateWeek
                        };
                        write(Box::new(move |o| o.weekly_anchor = anchor));
                    }
                />
                <SelectField
                    id="assumptions-recurrence-blackoutOverlap".to_owned()
                    label="Assumption A-11: a window that overlaps a blackout"
                    options=options(&[
                        ("drop", "Is unusable as a whole (drop)"),
                        ("trim", "Keeps the part outside the blackout (trim)"),
                    ])
                    value=read(|o| match o.blackout_overlap {
                        BlackoutOverlap::Drop => "drop",
                        BlackoutOverlap::Trim => "trim",
                    })
                    on_change=move |v: String| {
                        let overlap = if v == "trim" { BlackoutOverlap::Trim } else { BlackoutOverlap::Drop };
                        write(Box::new(move |o| o.blackout_overlap = overlap));
                    }
                />
            </div>
        </fieldset>
    }
}
