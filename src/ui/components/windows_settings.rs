//! The Windows tab's settings: the team's time zone the windows are also shown in (saved with
//! the plan, so a reviewer opening a share link reads the team's clock rather than their own),
//! and the plan's recurrence assumptions (docs/aks-rules.md §8 ), labelled as
//! assumptions because AKS does not document them.

use chrono::TimeDelta;
use leptos::prelude::*;

use crate::rules::finding::fields::RecurrenceReading;
use crate::rules::maintenance::dst::TransitionTable;
use crate::rules::maintenance::{
    BlackoutOverlap, MissingDay, RecurrenceOptions, WeeklyAnchor, ZoneName,
};
use crate::ui::components::field::{SelectField, TextField};
use crate::ui::state::use_plan_state;
use crate::ui::tz;

pub const ZONE_ID: &str = "windows-zone";

/// The plan's zone as an IANA name with suggestions. Blank: each reader's own zone. A name
/// this browser does not know is refused with a message; the plan keeps its zone.
#[component]
pub fn ZonePicker(zone: Memo<Result<TransitionTable, String>>) -> impl IntoView {
    let state = use_plan_state();
    let browser = tz::browser_zone();
    let value = Memo::new(move |_| {
        state.plan().with(|p| {
            p.time_zone
                .as_ref()
                .map(|z| z.to_string())
                .unwrap_or_default()
        })
    });
    let on_input = move |text: String| {
        let zone = if text.trim().is_empty() {
            None
        } else {
            let name: ZoneName = text
                .parse()
                .map_err(|e: crate::rules::maintenance::ZoneNameError| e.to_string())?;
            let now = tz::now();
            tz::zone_table(name.as_str(), now, now + TimeDelta::days(1))?;
            Some(name)
        };
        state.edit(Some(ZONE_ID), |p| p.time_zone = zone);
        Ok(())
    };
    let hint = Signal::derive(move || {
        let shared = "Saved with the plan: everyone who opens it, or its share link, sees the windows in this zone.";
        match zone.with(|z| z.as_ref().err().cloned()) {
            Some(problem) => format!("{problem}. {shared}"),
            None if value.with(String::is_empty) => format!(
                "Blank: each reader's own zone (this browser: {browser}). Type the team's zone to save it with the plan."
            ),
            None => format!("{shared} Clear it to use each reader's own zone."),
        }
    });
    view! {
        <div class="zone-picker">
            <TextField
                id=ZONE_ID.to_owned()
                label="Team time zone (IANA name)"
                value=value
                on_input=on_input
                hint=hint
                list="windows-zone-list"
            />
            <datalist id="windows-zone-list">
                {tz::COMMON_ZONES.map(|z| view! { <option value=z></option> }).collect_view()}
            </datalist>
        </div>
    }
}

/// The three recurrence readings, stored in `plan.assumptions.recurrence`; ids follow
/// `FieldPath::dom_id` of `assumptions.recurrence.*` so a finding can focus them.
#[component]
pub fn AssumptionSwitches() -> impl IntoView {
    let state = use_plan_state();
    let read = move |f: fn(RecurrenceOptions) -> &'static str| {
        Signal::derive(move || {
            state
                .plan()
                .with(|p| f(p.assumptions.recurrence).to_owned())
        })
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
                    id=RecurrenceReading::MissingDay.dom_id()
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
                    id=RecurrenceReading::WeeklyAnchor.dom_id()
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
                    id=RecurrenceReading::BlackoutOverlap.dom_id()
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
