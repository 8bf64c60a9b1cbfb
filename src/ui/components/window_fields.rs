//! The fields of one `maintenanceWindow`: the schedule type, then only the fields that type has
//! (docs/aks-rules.md §3.2), each a select restricted to the API range where the range is small,
//! then duration, offset, start date and time. Every field explains itself underneath with the
//! rule core's `explain_*` sentences. The same fields edit a configuration of the plan (the
//! Windows tab) or a draft window (the bulk editor): [`WindowTarget`] says which.

use std::ops::RangeInclusive;

use leptos::prelude::*;

use crate::rules::finding::fields::WindowField;
use crate::rules::maintenance::describe::{
    describe_hours, explain_day_of_month, explain_first_window, explain_utc_offset,
    explain_week_index,
};
use crate::rules::maintenance::editing::{duration_choices, offset_choices};
use crate::rules::maintenance::recurrence::{DAY_OF_MONTH, DURATION_HOURS};
use crate::rules::maintenance::{
    ConfigName, DayOfWeek, MaintenanceWindow, RecurrenceOptions, Schedule, ScheduleKind, StartTime,
    UtcOffset, WeekIndex,
};
use crate::ui::components::field::{SelectField, TextField};
use crate::ui::components::window_editor::{config_dom_id, edit_window, window_memo};
use crate::ui::state::PlanState;
use crate::view::format;

/// One change to a window, as the fields make it.
type WindowChange = Box<dyn FnOnce(&mut MaintenanceWindow)>;

/// The window the fields show and edit: a configuration of the plan, or a draft (the bulk
/// editor's) that is not in the plan yet.
#[derive(Clone, Copy)]
pub struct WindowTarget {
    /// Which configuration it is (the default one allows fewer schedule types).
    config: ConfigName,
    window: Signal<Option<MaintenanceWindow>>,
    ids: Ids,
    /// Applies a change; the text groups consecutive typing into one undo step.
    edit: Callback<(Option<String>, WindowChange)>,
    /// "Now" and the recurrence readings, for the first-window sentences.
    now: chrono::DateTime<chrono::Utc>,
    options: Signal<RecurrenceOptions>,
}

#[derive(Clone, Copy)]
enum Ids {
    /// `FieldPath::dom_id` of the plan field, so the findings land on it.
    Plan { cluster: usize },
    /// `{prefix}-{field}`.
    Draft { prefix: &'static str },
}

impl WindowTarget {
    /// Configuration `config` of cluster `cluster` in the plan; every change is an undoable edit.
    pub fn plan(
        state: PlanState,
        cluster: usize,
        config: ConfigName,
        now: chrono::DateTime<chrono::Utc>,
        options: Memo<RecurrenceOptions>,
    ) -> Self {
        WindowTarget {
            config,
            window: window_memo(state, cluster, config).into(),
            ids: Ids::Plan { cluster },
            edit: Callback::new(move |(group, change): (Option<String>, WindowChange)| {
                edit_window(state, cluster, config, group.as_deref(), change)
            }),
            now,
            options: options.into(),
        }
    }

    /// A draft window held in `draft` (ids `{prefix}-{field}`), for configuration `config`.
    pub fn draft(
        draft: RwSignal<MaintenanceWindow>,
        prefix: &'static str,
        config: ConfigName,
        now: chrono::DateTime<chrono::Utc>,
        options: Signal<RecurrenceOptions>,
    ) -> Self {
        WindowTarget {
            config,
            window: Signal::derive(move || Some(draft.get())),
            ids: Ids::Draft { prefix },
            edit: Callback::new(move |(_, change): (Option<String>, WindowChange)| {
                draft.update(|w| change(w))
            }),
            now,
            options,
        }
    }

    fn id(&self, field: &str) -> String {
        match self.ids {
            Ids::Plan { cluster } => config_dom_id(cluster, self.config, field),
            Ids::Draft { prefix } => format!("{prefix}-{field}"),
        }
    }

    fn change(&self, group: Option<String>, change: impl FnOnce(&mut MaintenanceWindow) + 'static) {
        self.edit.run((group, Box::new(change)));
    }
}

/// Options for a number select: the valid values, plus the plan's value when it is out of
/// range (so the select still shows what the plan holds; the findings say why it is wrong).
fn number_options(
    range: RangeInclusive<u32>,
    current: Option<u32>,
    label: impl Fn(u32) -> String,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = range.clone().map(|n| (n.to_string(), label(n))).collect();
    if let Some(n) = current.filter(|n| !range.contains(n)) {
        out.push((n.to_string(), format!("{} (not allowed)", label(n))));
    }
    out
}

fn every(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("every {unit}")
    } else {
        format!("every {n} {unit}s")
    }
}

fn parse_day(v: &str) -> Option<DayOfWeek> {
    DayOfWeek::ALL.into_iter().find(|d| d.as_str() == v)
}

fn parse_index(v: &str) -> Option<WeekIndex> {
    WeekIndex::ALL.into_iter().find(|d| d.as_str() == v)
}

fn day_options() -> Vec<(String, String)> {
    DayOfWeek::ALL
        .map(|d| (d.as_str().to_owned(), d.as_str().to_owned()))
        .to_vec()
}

#[component]
pub fn WindowFields(target: WindowTarget) -> impl IntoView {
    let (window, config) = (target.window, target.config);
    let kind = Memo::new(move |_| window.with(|w| w.as_ref().map(|w| w.schedule.kind())));
    let id = move |field: &str| target.id(field);
    let text = move |read: fn(&MaintenanceWindow) -> String| {
        Signal::derive(move || window.with(|w| w.as_ref().map(read).unwrap_or_default()))
    };
    let first_window = Signal::derive(move || {
        let options = target.options.get();
        window.with(|w| {
            w.as_ref().map_or_else(String::new, |w| {
                let mut s = explain_first_window(w, target.now, options);
                if w.start_date.is_none() {
                    s.push_str(
                        ". Without a start date the planner counts from today (assumption A-10).",
                    );
                }
                s
            })
        })
    });

    let allowed = ScheduleKind::allowed_for(config);
    let mut kind_options: Vec<(String, String)> = allowed
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect();
    if let Some(current) = kind.get_untracked().filter(|k| !allowed.contains(k)) {
        kind_options.push((
            current.as_str().to_owned(),
            format!("{} (not allowed for default)", current.as_str()),
        ));
    }
    let kind_hint = match config {
        ConfigName::Default => {
            "The default configuration takes a Weekly schedule repeating every week only: AKS ignores any other (assumption A-8, Azure/AKS#5050)."
        }
        _ => "Only the fields of the chosen type are shown.",
    };

    let current_offset = window.with_untracked(|w| w.as_ref().map(|w| w.utc_offset));
    let mut offsets = offset_choices();
    if let Some(o) = current_offset.filter(|o| !offsets.contains(o)) {
        offsets.push(o);
    }
    let offset_options: Vec<(String, String)> = offsets
        .iter()
        .map(|o| (o.to_string(), format!("UTC{o}")))
        .collect();
    let current_duration = window.with_untracked(|w| w.as_ref().map(|w| w.duration_hours));

    view! {
        <div class="field-grid window-fields">
            <SelectField
                id=id(WindowField::Schedule.name())
                label="Schedule type"
                options=kind_options
                value=text(|w| w.schedule.type_name().to_owned())
                hint=Signal::derive(move || kind_hint.to_owned())
                on_change=move |v: String| {
                    if let Some(k) = ScheduleKind::parse(&v) {
                        target.change(None, move |w| w.schedule = w.schedule.with_kind(k));
                    }
                }
            />
            {move || kind.get().map(|k| schedule_fields(target, k, first_window))}
            <SelectField
                id=id(WindowField::DurationHours.name())
                label="Duration (hours)"
                options=number_options(duration_choices(), current_duration, |n| format!("{n} hours"))
                value=text(|w| w.duration_hours.to_string())
                hint=Signal::derive(move || {
                    window.with(|w| {
                        w.as_ref()
                            .map(|w| format!("Open {} in the window's offset. {}", describe_hours(w), format::allowed(&DURATION_HOURS, "hours")))
                            .unwrap_or_default()
                    })
                })
                on_change=move |v: String| {
                    if let Ok(n) = v.parse::<u32>() {
                        target.change(None, move |w| w.duration_hours = n);
                    }
                }
            />
            <SelectField
                id=id(WindowField::UtcOffset.name())
                label="UTC offset (utcOffset)"
                options=offset_options
                value=text(|w| w.utc_offset.to_string())
                hint=Signal::derive(move || window.with(|w| w.as_ref().map(explain_utc_offset).unwrap_or_default()))
                on_change=move |v: String| {
                    if let Ok(o) = v.parse::<UtcOffset>() {
                        target.change(None, move |w| w.utc_offset = o);
                    }
                }
            />
            <TextField
                id=id(WindowField::StartDate.name())
                label="Start date (optional)"
                input_type="date"
                value=text(|w| w.start_date.map(|d| crate::rules::timefmt::iso_date(&d)).unwrap_or_default())
                hint=first_window
                on_input=move |v: String| {
                    let date = if v.is_empty() {
                        None
                    } else {
                        Some(crate::rules::edit::parse_date(&v).map_err(|e| e.to_string())?)
                    };
                    let group = target.id(WindowField::StartDate.name());
                    target.change(Some(group), move |w| w.start_date = date);
                    Ok(())
                }
            />
            <TextField
                id=id(WindowField::StartTime.name())
                // The browser shows a time input in the reader's locale (09:00 AM or 09:00),
                // so the label names what it is, and the hint the 24-hour value the plan saves.
                label="Start time (in the window's offset)"
                input_type="time"
                value=text(|w| w.start_time.to_string())
                hint=Signal::derive(move || {
                    window.with(|w| {
                        w.as_ref()
                            .map(|w| format!(
                                "Saved as startTime {} (24-hour). Wall-clock time in UTC{}: the window is open {}.",
                                w.start_time, w.utc_offset, describe_hours(w)
                            ))
                            .unwrap_or_default()
                    })
                })
                on_input=move |v: String| {
                    if v.is_empty() {
                        return Err("startTime is required: enter a time such as 22:00".to_owned());
                    }
                    let time = v.parse::<StartTime>().map_err(|e| e.to_string())?;
                    let group = target.id(WindowField::StartTime.name());
                    target.change(Some(group), move |w| w.start_time = time);
                    Ok(())
                }
            />
        </div>
    }
}

/// The fields a schedule type has (and only those).
fn schedule_fields(
    target: WindowTarget,
    kind: ScheduleKind,
    first_window: Signal<String>,
) -> impl IntoView + use<> {
    let (window, config) = (target.window, target.config);
    let schedule = Memo::new(move |_| window.with(|w| w.as_ref().map(|w| w.schedule)));
    let id = move |field: &str| target.id(field);
    let (interval_field, interval_label, unit) = match kind {
        ScheduleKind::Daily => (
            "schedule.daily.intervalDays",
            "Repeat (intervalDays)",
            "day",
        ),
        ScheduleKind::Weekly => (
            "schedule.weekly.intervalWeeks",
            "Repeat (intervalWeeks)",
            "week",
        ),
        ScheduleKind::AbsoluteMonthly => (
            "schedule.absoluteMonthly.intervalMonths",
            "Repeat (intervalMonths)",
            "month",
        ),
        ScheduleKind::RelativeMonthly => (
            "schedule.relativeMonthly.intervalMonths",
            "Repeat (intervalMonths)",
            "month",
        ),
    };
    let current_interval = schedule.get_untracked().map(|s| s.interval());
    let value = move |read: fn(&Schedule) -> String| {
        Signal::derive(move || schedule.with(|s| s.as_ref().map(read).unwrap_or_default()))
    };
    let set_day = move |v: String| {
        if let Some(d) = parse_day(&v) {
            target.change(None, move |w| {
                if let Schedule::Weekly { day_of_week, .. }
                | Schedule::RelativeMonthly { day_of_week, .. } = &mut w.schedule
                {
                    *day_of_week = d;
                }
            });
        }
    };
    let day_of = |s: &Schedule| match s {
        Schedule::Weekly { day_of_week, .. } | Schedule::RelativeMonthly { day_of_week, .. } => {
            day_of_week.as_str().to_owned()
        }
        _ => String::new(),
    };
    let interval = view! {
        <SelectField
            id=id(interval_field)
            label=interval_label
            options=number_options(kind.intervals(config), current_interval, |n| every(n, unit))
            value=value(|s| s.interval().to_string())
            hint=first_window
            on_change=move |v: String| {
                if let Ok(n) = v.parse::<u32>() {
                    target.change(None, move |w| w.schedule = w.schedule.with_interval(n));
                }
            }
        />
    };
    let specific = match kind {
        ScheduleKind::Daily => None,
        ScheduleKind::Weekly => Some(
            view! {
                <SelectField
                    id=id("schedule.weekly.dayOfWeek")
                    label="Day of the week (dayOfWeek)"
                    options=day_options()
                    value=value(day_of)
                    hint=Signal::derive(|| "Read on the local date in the window's UTC offset.".to_owned())
                    on_change=set_day
                />
            }
            .into_any(),
        ),
        ScheduleKind::AbsoluteMonthly => {
            let current_day = schedule.get_untracked().and_then(|s| match s {
                Schedule::AbsoluteMonthly { day_of_month, .. } => Some(day_of_month),
                _ => None,
            });
            Some(
                view! {
                    <SelectField
                        id=id("schedule.absoluteMonthly.dayOfMonth")
                        label="Day of the month (dayOfMonth)"
                        options=number_options(DAY_OF_MONTH, current_day, |n| n.to_string())
                        value=value(|s| match s {
                            Schedule::AbsoluteMonthly { day_of_month, .. } => day_of_month.to_string(),
                            _ => String::new(),
                        })
                        hint=Signal::derive(move || {
                            let missing = target.options.get().missing_day;
                            schedule.with(|s| match s {
                                Some(Schedule::AbsoluteMonthly { day_of_month, .. }) => explain_day_of_month(*day_of_month, missing),
                                _ => String::new(),
                            })
                        })
                        on_change=move |v: String| {
                            if let Ok(n) = v.parse::<u32>() {
                                target.change(None, move |w| {
                                    if let Schedule::AbsoluteMonthly { day_of_month, .. } = &mut w.schedule {
                                        *day_of_month = n;
                                    }
                                });
                            }
                        }
                    />
                }
                .into_any(),
            )
        }
        ScheduleKind::RelativeMonthly => Some(
            view! {
                <SelectField
                    id=id("schedule.relativeMonthly.weekIndex")
                    label="Which one in the month (weekIndex)"
                    options=WeekIndex::ALL.map(|w| (w.as_str().to_owned(), w.as_str().to_owned())).to_vec()
                    value=value(|s| match s {
                        Schedule::RelativeMonthly { week_index, .. } => week_index.as_str().to_owned(),
                        _ => String::new(),
                    })
                    hint=Signal::derive(move || {
                        schedule.with(|s| match s {
                            Some(Schedule::RelativeMonthly { week_index, day_of_week, .. }) => explain_week_index(*week_index, *day_of_week),
                            _ => String::new(),
                        })
                    })
                    on_change=move |v: String| {
                        if let Some(index) = parse_index(&v) {
                            target.change(None, move |w| {
                                if let Schedule::RelativeMonthly { week_index, .. } = &mut w.schedule {
                                    *week_index = index;
                                }
                            });
                        }
                    }
                />
                <SelectField
                    id=id("schedule.relativeMonthly.dayOfWeek")
                    label="Day of the week (dayOfWeek)"
                    options=day_options()
                    value=value(day_of)
                    on_change=set_day
                />
            }
            .into_any(),
        ),
    };
    view! { {interval} {specific} }
}
