//! `notAllowedDates`: blackout date pairs (local dates in the window's offset, end included,
//! docs/aks-rules.md §3.5), added and removed like a list, each explained in UTC.

use leptos::prelude::*;

use crate::rules::edit::parse_date;
use crate::rules::finding::fields::WindowField;
use crate::rules::maintenance::describe::explain_blackout;
use crate::rules::maintenance::recurrence::local_date;
use crate::rules::maintenance::{ConfigName, DateSpan};
use crate::ui::components::field::TextField;
use crate::ui::components::index_list::index_list;
use crate::ui::components::window_editor::{config_dom_id, edit_window, window_memo};
use crate::ui::components::windows_tab::WindowsView;
use crate::ui::state::{focus_by_id, use_plan_state};

#[derive(Clone, Copy)]
enum End {
    Start,
    End,
}

#[component]
pub fn BlackoutList(cluster: usize, config: ConfigName, view: WindowsView) -> impl IntoView {
    let state = use_plan_state();
    let window = window_memo(state, cluster, config);
    let count =
        Memo::new(move |_| window.with(|w| w.as_ref().map_or(0, |w| w.not_allowed_dates.len())));
    let list_id = config_dom_id(cluster, config, WindowField::NotAllowedDates.name());
    let legend_id = format!("{list_id}-legend");
    let add = move |_| {
        // A new blackout starts as one day: the local date of the next window, else today.
        let day = window.with_untracked(|w| {
            w.as_ref().and_then(|w| {
                let options = view.options.get_untracked();
                let next = w.occurrences(view.now, options).next();
                next.and_then(|o| local_date(o.start, w.utc_offset))
                    .or_else(|| local_date(view.now, w.utc_offset))
            })
        });
        let Some(day) = day else { return };
        let mut added = None;
        edit_window(state, cluster, config, None, |w| {
            w.not_allowed_dates.push(DateSpan {
                start: day,
                end: day,
            });
            added = Some(w.not_allowed_dates.len() - 1);
        });
        if let Some(k) = added {
            let id = config_dom_id(cluster, config, &format!("notAllowedDates.{k}.start"));
            request_animation_frame(move || {
                focus_by_id(&id);
            });
        }
    };
    view! {
        <fieldset
            class="blackouts"
            id=list_id.clone()
            tabindex="-1"
            aria-labelledby=legend_id.clone()
            data-testid=list_id.clone()
        >
            <legend id=legend_id.clone()>"Blackouts (notAllowedDates)"</legend>
            <p class="hint">
                "No maintenance from the start date's midnight to the end of the end date, in the window's offset. A window that overlaps one is blocked (assumption A-11 decides whether it is dropped or trimmed)."
            </p>
            <Show when=move || count.get() == 0>
                <p class="empty">"No blackouts."</p>
            </Show>
            <ol class="blackout-list">
                {index_list(
                    move || (0..count.get()).collect(),
                    move |k| view! { <BlackoutRow cluster=cluster config=config index=k /> },
                )}
            </ol>
            <button type="button" class="btn" data-testid=format!("{list_id}-add") on:click=add>
                "Add blackout"
            </button>
        </fieldset>
    }
}

#[component]
fn BlackoutRow(cluster: usize, config: ConfigName, index: usize) -> impl IntoView {
    let state = use_plan_state();
    let window = window_memo(state, cluster, config);
    let span = Memo::new(move |_| {
        window.with(|w| {
            w.as_ref()
                .and_then(|w| w.not_allowed_dates.get(index).copied())
        })
    });
    let field =
        |end: &str| config_dom_id(cluster, config, &format!("notAllowedDates.{index}.{end}"));
    let date_text = move |end: End| {
        Signal::derive(move || {
            span.with(|s| {
                s.map(|s| match end {
                    End::Start => s.start,
                    End::End => s.end,
                })
                .map(|d| crate::rules::timefmt::iso_date(&d))
                .unwrap_or_default()
            })
        })
    };
    let set = move |end: End| {
        move |v: String| -> Result<(), String> {
            if v.is_empty() {
                return Err("A blackout needs both dates".to_owned());
            }
            let date = parse_date(&v).map_err(|e| e.to_string())?;
            let group = config_dom_id(cluster, config, &format!("notAllowedDates.{index}"));
            edit_window(state, cluster, config, Some(&group), |w| {
                if let Some(s) = w.not_allowed_dates.get_mut(index) {
                    match end {
                        End::Start => {
                            // Moving the start past the end drags the end along (a one-day span).
                            s.start = date;
                            if s.end < date {
                                s.end = date;
                            }
                        }
                        End::End => s.end = date,
                    }
                }
            });
            Ok(())
        }
    };
    let explanation = Signal::derive(move || {
        let offset = window
            .with(|w| w.as_ref().map(|w| w.utc_offset))
            .unwrap_or_default();
        span.with(|s| s.map(|s| explain_blackout(&s, offset)).unwrap_or_default())
    });
    let remove = move |_| {
        edit_window(state, cluster, config, None, |w| {
            if index < w.not_allowed_dates.len() {
                w.not_allowed_dates.remove(index);
            }
        });
        state.say("Removed the blackout.", true);
    };
    let days = Memo::new(move |_| {
        span.with(|s| s.and_then(|s| (s.end >= s.start).then(|| (s.end - s.start).num_days() + 1)))
    });
    view! {
        <li class="blackout-row" data-testid="blackout">
            <div class="blackout-dates">
                <TextField id=field("start") label="From" input_type="date" value=date_text(End::Start) on_input=set(End::Start) />
                <TextField id=field("end") label="To (included)" input_type="date" value=date_text(End::End) on_input=set(End::End) />
                <button
                    type="button"
                    class="btn btn-quiet blackout-remove"
                    data-testid=field("remove")
                    aria-label=format!("Remove blackout {}", index + 1)
                    on:click=remove
                >
                    "Remove"
                </button>
            </div>
            <p class="hint">
                {move || days.get().map(|n| format!("{n} day{}. ", if n == 1 { "" } else { "s" }))}
                {move || explanation.get()}
            </p>
        </li>
    }
}
