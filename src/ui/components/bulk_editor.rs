//! The bulk editor (Plan tab, while clusters are ticked in the list): one change for every
//! selected cluster, previewed field by field, applied as ONE undo step. The change itself is
//! `rules::bulk` (pure, unit-tested); this file only collects the choices.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::rules::bulk::{self, BulkChange, PoolUpgrade, RingDays, Stagger};
use crate::rules::channel::{NodeOsChannel, UpgradeChannel};
use crate::rules::edit::{parse_optional_number, parse_optional_surge};
use crate::rules::maintenance::editing::new_window;
use crate::rules::maintenance::{ConfigName, DayOfWeek, MaintenanceWindow, Schedule, StartTime};
use crate::rules::words::count;
use crate::ui::components::field::{SelectField, same_label_options};
use crate::ui::components::window_fields::{WindowFields, WindowTarget};
use crate::ui::selection::use_selection;
use crate::ui::state::use_plan_state;

/// The preview lists at most this many changes (the summary counts them all).
const SHOWN_CHANGES: usize = 100;

/// The ring preset: ring 0 on Monday, ring 1 on Wednesday, ring 2 on Saturday; a later ring
/// on Saturday too until changed.
fn preset_day(ring: &str) -> DayOfWeek {
    match ring {
        "0" => DayOfWeek::Monday,
        "1" => DayOfWeek::Wednesday,
        _ => DayOfWeek::Saturday,
    }
}

/// The choices, as the form holds them.
#[derive(Clone, Copy)]
struct Draft {
    kind: RwSignal<String>,
    node_os: RwSignal<String>,
    upgrade: RwSignal<String>,
    config: RwSignal<String>,
    /// The window every selected cluster gets (before any stagger), edited with the same
    /// fields as a cluster's window on the Windows tab: any schedule type, offset, start.
    window: RwSignal<MaintenanceWindow>,
    stagger: RwSignal<String>,
    stagger_hours: RwSignal<String>,
    ring_days: RwSignal<BTreeMap<String, String>>,
    max_surge: RwSignal<String>,
    max_unavailable: RwSignal<String>,
    drain: RwSignal<String>,
    soak: RwSignal<String>,
}

impl Draft {
    fn new() -> Self {
        let s = |v: &str| RwSignal::new(v.to_owned());
        Draft {
            kind: s("node-os"),
            node_os: s(NodeOsChannel::NodeImage.as_str()),
            upgrade: s(UpgradeChannel::Patch.as_str()),
            config: s(ConfigName::NodeOs.as_str()),
            window: RwSignal::new(MaintenanceWindow {
                schedule: Schedule::Weekly {
                    interval_weeks: 1,
                    day_of_week: DayOfWeek::Saturday,
                },
                duration_hours: 4,
                start_time: StartTime::new(22, 0).unwrap_or(StartTime::MIDNIGHT),
                ..new_window()
            }),
            stagger: s("same"),
            stagger_hours: s("2"),
            ring_days: RwSignal::new(BTreeMap::new()),
            max_surge: s(""),
            max_unavailable: s(""),
            drain: s(""),
            soak: s(""),
        }
    }

    /// The change the form describes, or what is wrong with it.
    fn change(&self, rings: &[String]) -> Result<BulkChange, String> {
        let bad = |what: &str, v: &str| format!("{v:?} is not a valid {what}");
        Ok(match self.kind.get().as_str() {
            "node-os" => {
                let v = self.node_os.get();
                BulkChange::NodeOsChannel(v.parse().map_err(|_| bad("node OS channel", &v))?)
            }
            "upgrade" => {
                let v = self.upgrade.get();
                BulkChange::UpgradeChannel(v.parse().map_err(|_| bad("auto-upgrade channel", &v))?)
            }
            "window" => BulkChange::Window {
                config: self.config_name(),
                window: self.window.get(),
                stagger: self.stagger(rings)?,
            },
            _ => {
                let surge = |s: RwSignal<String>| -> Result<_, String> {
                    let text = s.get();
                    let value = parse_optional_surge(&text).map_err(|e| e.to_string())?;
                    Ok(value.map(Some))
                };
                let minutes = |s: RwSignal<String>| -> Result<_, String> {
                    let text = s.get();
                    let value = parse_optional_number(&text).map_err(|e| e.to_string())?;
                    Ok(value.map(Some))
                };
                BulkChange::PoolUpgrade(PoolUpgrade {
                    max_surge: surge(self.max_surge)?,
                    max_unavailable: surge(self.max_unavailable)?,
                    drain_timeout_in_minutes: minutes(self.drain)?,
                    node_soak_duration_in_minutes: minutes(self.soak)?,
                    undrainable_node_behavior: None,
                })
            }
        })
    }

    fn config_name(&self) -> ConfigName {
        ConfigName::ALL
            .into_iter()
            .find(|c| c.as_str() == self.config.get())
            .unwrap_or(ConfigName::NodeOs)
    }

    fn stagger(&self, rings: &[String]) -> Result<Stagger, String> {
        let hours = || -> Result<u32, String> {
            let text = self.stagger_hours.get();
            match parse_optional_number(&text) {
                Ok(Some(n)) if (1..=168).contains(&n) => Ok(n),
                _ => Err(format!(
                    "{text:?} hours: enter a whole number of hours from 1 to 168"
                )),
            }
        };
        Ok(match self.stagger.get().as_str() {
            "cluster" => Stagger::HoursPerCluster(hours()?),
            "ring" => Stagger::HoursPerRing(hours()?),
            "ring-days" => {
                let chosen = self.ring_days.get();
                // Inserted one by one rather than collected: collecting into a map sorts its
                // items, one more copy of the sort in the bundle (ARCHITECTURE "Size").
                let mut days = RingDays::new();
                for r in rings {
                    let day = chosen.get(r).map_or_else(|| preset_day(r), |d| day_of(d));
                    days.insert(r.clone(), day);
                }
                Stagger::RingDays(days)
            }
            _ => Stagger::Same,
        })
    }
}

fn day_of(name: &str) -> DayOfWeek {
    DayOfWeek::ALL
        .into_iter()
        .find(|d| d.as_str() == name)
        .unwrap_or(DayOfWeek::Saturday)
}

#[component]
pub fn BulkEditor() -> impl IntoView {
    let state = use_plan_state();
    let selection = use_selection();
    let plan = state.plan();
    let draft = Draft::new();
    let chosen = Memo::new(move |_| selection.selected.get().into_iter().collect::<Vec<_>>());
    // The rings of the selected clusters, in number order (for the day-per-ring preset).
    let rings = Memo::new(move |_| {
        plan.with(|p| {
            chosen.with(|c| {
                bulk::distinct_rings(
                    (c.iter().filter_map(|&i| p.clusters.get(i))).filter_map(bulk::ring),
                )
            })
        })
    });
    let change = Memo::new(move |_| rings.with(|r| draft.change(r)));
    // The preview follows the plan's edits a frame late: after a change of 2,000 clusters (or
    // its undo) the plan is painted first, then the preview diffed again (tens of ms). A new
    // choice in the editor (`change`, `chosen`) updates it at once.
    // Until then the preview is of the plan before the edit: Apply waits for it (a second
    // click in that frame would apply to what the preview no longer describes).
    // After an edit whose projection follows its paint (`ui::checked`), the preview waits for
    // that projection to be painted too: diffing the selection before it would hold back the
    // findings' paint.
    let settled = RwSignal::new(0u32);
    let stale = RwSignal::new(false);
    let updating = state.updating();
    Effect::new(move |first: Option<()>| {
        plan.track();
        let projecting = updating.get();
        // The first run is the editor opening: its preview is already of this plan.
        if first.is_some() {
            stale.set(true);
            if !projecting {
                crate::ui::later::after_paint(move || {
                    stale.set(false);
                    settled.update(|n| *n = n.wrapping_add(1));
                });
            }
        }
    });
    let preview = Memo::new(move |_| {
        settled.track();
        let change = change.get()?;
        let selected = chosen.get();
        plan.with_untracked(|p| bulk::preview(p, &selected, &change))
            .map_err(|e| e.to_string())
    });
    let apply = move |_| {
        let Ok(change) = change.get_untracked() else {
            return;
        };
        let selected = chosen.get_untracked();
        match state.edit(None, |p| bulk::apply(p, &selected, &change)) {
            Ok(()) => state.say(
                &format!(
                    "Changed {} in one step.",
                    count(selected.len(), "cluster", "clusters")
                ),
                true,
            ),
            Err(e) => state.say(&format!("Nothing was changed: {e}."), false),
        }
    };
    let kind_options = vec![
        ("node-os".to_owned(), "Node OS channel".to_owned()),
        (
            "upgrade".to_owned(),
            "Cluster auto-upgrade channel".to_owned(),
        ),
        ("window".to_owned(), "Maintenance window".to_owned()),
        ("pools".to_owned(), "Pool upgrade settings".to_owned()),
    ];
    let kind = draft.kind;
    view! {
        <section class="bulk-editor card" id="bulk-editor" tabindex="-1" aria-labelledby="bulk-title" data-testid="bulk-editor">
            <h2 id="bulk-title">{move || format!("Bulk edit: {} selected", count(chosen.with(Vec::len), "cluster", "clusters"))}</h2>
            <SelectField id="bulk-kind".to_owned() label="Change" options=kind_options value=kind on_change=move |v| kind.set(v) />
            {move || match kind.get().as_str() {
                "node-os" => view! {
                    <SelectField id="bulk-node-os".to_owned() label="Node OS channel (nodeOSUpgradeChannel)"
                        options=same_label_options(NodeOsChannel::ALL.map(NodeOsChannel::as_str))
                        value=draft.node_os on_change=move |v| draft.node_os.set(v) />
                }.into_any(),
                "upgrade" => view! {
                    <SelectField id="bulk-upgrade".to_owned() label="Cluster auto-upgrade channel (upgradeChannel)"
                        options=same_label_options(UpgradeChannel::ALL.map(UpgradeChannel::as_str))
                        value=draft.upgrade on_change=move |v| draft.upgrade.set(v) />
                }.into_any(),
                "window" => view! { <WindowChoices draft=draft rings=rings /> }.into_any(),
                _ => view! { <PoolChoices draft=draft /> }.into_any(),
            }}
            <div class="bulk-preview" data-testid="bulk-preview" aria-live="polite">
                {move || match preview.get() {
                    Err(e) => view! { <p class="field-error" data-testid="bulk-error">{e}</p> }.into_any(),
                    Ok(changes) if changes.is_empty() => view! {
                        <p data-testid="bulk-summary">"Nothing would change: the selected clusters already have these settings."</p>
                    }.into_any(),
                    Ok(changes) => {
                        let total = changes.len();
                        view! {
                            <p data-testid="bulk-summary">{format!("{} would change:", count(total, "field", "fields"))}</p>
                            <ul class="change-list">
                                {changes.into_iter().take(SHOWN_CHANGES).map(|c| view! { <li data-testid="bulk-change">{c.to_string()}</li> }).collect_view()}
                            </ul>
                            {(total > SHOWN_CHANGES).then(|| view! { <p>{format!("and {} more.", total - SHOWN_CHANGES)}</p> })}
                        }.into_any()
                    }
                }}
            </div>
            <div class="bulk-actions">
                <button type="button" class="btn btn-primary" data-testid="bulk-apply"
                    disabled=move || stale.get() || preview.with(|p| p.as_ref().map_or(true, Vec::is_empty))
                    on:click=apply>
                    "Apply to selected clusters"
                </button>
                <button type="button" class="btn" data-testid="bulk-close" on:click=move |_| selection.clear()>
                    "Clear selection"
                </button>
            </div>
        </section>
    }
}

#[component]
fn WindowChoices(draft: Draft, rings: Memo<Vec<String>>) -> impl IntoView {
    let configs: Vec<(String, String)> = ConfigName::ALL
        .map(|c| {
            (
                c.as_str().to_owned(),
                format!("{} ({})", c.label(), c.as_str()),
            )
        })
        .to_vec();
    let plan = use_plan_state().plan();
    let options = Signal::derive(move || plan.with(|p| p.assumptions.recurrence));
    let now = crate::ui::clock::now();
    let staggers = vec![
        (
            "same".to_owned(),
            "The same window for every cluster".to_owned(),
        ),
        (
            "cluster".to_owned(),
            "Staggered: N hours later per cluster, in list order".to_owned(),
        ),
        (
            "ring".to_owned(),
            "Staggered: N hours later per ring (ring tag)".to_owned(),
        ),
        ("ring-days".to_owned(), "A weekday per ring".to_owned()),
    ];
    let stagger = draft.stagger;
    view! {
        <p class="hint">"The window each selected cluster gets in this configuration (any schedule type, offset and start, as on the Windows tab); their other configurations are kept."</p>
        <SelectField id="bulk-config".to_owned() label="Configuration" options=configs value=draft.config on_change=move |v| draft.config.set(v) />
        // Redrawn per configuration: the default one allows a weekly schedule only.
        {move || {
            let config = draft.config_name();
            view! { <WindowFields target=WindowTarget::draft(draft.window, "bulk-window", config, now, options) /> }
        }}
        <SelectField id="bulk-stagger".to_owned() label="Across clusters" options=staggers value=stagger on_change=move |v| stagger.set(v) />
        <Show when=move || matches!(stagger.get().as_str(), "cluster" | "ring")>
            <div class="field">
                <label for="bulk-stagger-hours">"Hours between starts"</label>
                <input id="bulk-stagger-hours" data-testid="bulk-stagger-hours" inputmode="numeric"
                    prop:value=move || draft.stagger_hours.get()
                    on:input:target=move |ev| draft.stagger_hours.set(ev.target().value()) />
            </div>
        </Show>
        <Show when=move || stagger.get() == "ring-days">
            <fieldset class="ring-days" data-testid="bulk-ring-days">
                <legend>"Day per ring (preset: ring 0 Monday, ring 1 Wednesday, ring 2 Saturday)"</legend>
                {move || rings.get().into_iter().map(|ring| {
                    let id = format!("bulk-ring-day-{ring}");
                    let key = ring.clone();
                    let current = move |ring: &str| {
                        draft.ring_days.with(|d| d.get(ring).cloned().unwrap_or_else(|| preset_day(ring).as_str().to_owned()))
                    };
                    view! {
                        <div class="field">
                            <label for=id.clone()>{format!("Ring {ring}")}</label>
                            <select id=id.clone() data-testid=id
                                on:change:target=move |ev| draft.ring_days.update(|d| { d.insert(key.clone(), ev.target().value()); })>
                                {DayOfWeek::ALL.into_iter().map(|day| {
                                    let ring = ring.clone();
                                    view! { <option value=day.as_str() prop:selected=move || current(&ring) == day.as_str()>{day.as_str()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </Show>
    }
}

#[component]
fn PoolChoices(draft: Draft) -> impl IntoView {
    let text = |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id data-testid=id placeholder="unchanged"
                    prop:value=move || value.get()
                    on:input:target=move |ev| value.set(ev.target().value()) />
            </div>
        }
    };
    view! {
        <p class="hint">"Every node pool of the selected clusters; a blank field leaves that setting as each pool has it."</p>
        {text("bulk-max-surge", "maxSurge (e.g. 33% or 2)", draft.max_surge)}
        {text("bulk-max-unavailable", "maxUnavailable (e.g. 0 or 1)", draft.max_unavailable)}
        {text("bulk-drain", "drainTimeoutInMinutes", draft.drain)}
        {text("bulk-soak", "nodeSoakDurationInMinutes", draft.soak)}
    }
}
