//! The next ten windows of a configuration, from the rule core's occurrence engine, shown in
//! three clocks: UTC, the window's own fixed offset, and the reader's time zone. A window a
//! blackout blocks stays in the list, struck through and labelled (never by colour alone).

use chrono::{DateTime, TimeDelta, Utc};
use leptos::prelude::*;

use crate::rules::maintenance::describe::{format_local, format_offset};
use crate::rules::maintenance::recurrence::local_datetime;
use crate::rules::maintenance::{ConfigName, UtcOffset};
use crate::ui::components::window_editor::config_dom_id;
use crate::ui::components::windows_tab::{WindowsView, ZONE_HORIZON_DAYS};
use crate::ui::state::use_plan_state;

/// How many windows the list shows (issue 3).
pub const LISTED: usize = 10;

/// One listed window, formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    start: DateTime<Utc>,
    /// Local date in the window's offset, `YYYY-MM-DD` (for tests and screen readers alike).
    local_date: String,
    utc: String,
    window_local: String,
    zone_local: Option<String>,
    blocked: bool,
    shortened: bool,
}

/// `Sun 13 Dec 2026 22:00 → Mon 04:00` with the start and end each read at their own offset
/// (a daylight-saving change can fall inside a window).
fn span_text(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    offset_at: impl Fn(DateTime<Utc>) -> i32,
) -> String {
    let start_offset = UtcOffset::from_minutes(offset_at(start));
    let end_offset = UtcOffset::from_minutes(offset_at(end));
    let from = format_local(start, start_offset);
    let (Some(a), Some(b)) = (
        local_datetime(start, start_offset),
        local_datetime(end, end_offset),
    ) else {
        return from;
    };
    let to = if a.date() == b.date() {
        crate::rules::timefmt::hour_minute(&b)
    } else {
        format!(
            "{} {}",
            crate::rules::timefmt::weekday_abbr(&b),
            crate::rules::timefmt::hour_minute(&b)
        )
    };
    format!("{from} → {to}")
}

#[component]
pub fn WindowList(cluster: usize, config: ConfigName, view: WindowsView) -> impl IntoView {
    let state = use_plan_state();
    let rows = Memo::new(move |_| {
        let options = view.options.get();
        let zone = view.zone.get();
        state.plan().with(|p| {
            let Some(cfgs) = p
                .clusters
                .get(cluster)
                .map(|c| &c.maintenance_configurations)
            else {
                return Vec::new();
            };
            // Legacy windows are in UTC; a maintenanceWindow in its utcOffset.
            let window = cfgs.window(config);
            let offset = window.map_or(UtcOffset::UTC, |w| w.utc_offset);
            let duration = window.map(|w| TimeDelta::hours(i64::from(w.duration_hours)));
            cfgs.occurrences(config, view.now, options)
                .into_iter()
                .flatten()
                .take(LISTED)
                .map(|o| Row {
                    start: o.start,
                    local_date: local_datetime(o.start, offset)
                        .map(|l| crate::rules::timefmt::iso_date(&l.date()))
                        .unwrap_or_default(),
                    utc: span_text(o.start, o.end, |_| 0),
                    window_local: span_text(o.start, o.end, |_| offset.minutes()),
                    zone_local: zone
                        .as_ref()
                        .ok()
                        .map(|table| span_text(o.start, o.end, |t| table.offset_at(t))),
                    blocked: o.blocked,
                    shortened: !o.blocked && duration.is_some_and(|d| o.end - o.start < d),
                })
                .collect::<Vec<_>>()
        })
    });
    let offset_label = Memo::new(move |_| {
        state.plan().with(|p| {
            p.clusters
                .get(cluster)
                .and_then(|c| c.maintenance_configurations.window(config))
                .map_or_else(|| "UTC".to_owned(), |w| format_offset(w.utc_offset))
        })
    });
    let beyond_zone_table = move || {
        let horizon = view.now + TimeDelta::days(ZONE_HORIZON_DAYS);
        rows.with(|r| r.iter().any(|row| row.start > horizon))
    };
    let table_id = config_dom_id(cluster, config, "windows");
    let caption_id = format!("{table_id}-caption");
    view! {
        <div class="window-list">
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! {
                    <p class="empty">"No windows to list: a value is out of range (see the window findings)."</p>
                }
            >
                <div class="table-scroll" role="region" aria-labelledby=caption_id.clone() tabindex="0">
                    <table class="occurrences" data-testid=table_id.clone()>
                        <caption id=caption_id.clone()>
                            "Next " {LISTED} " windows from " {format_local(view.now, UtcOffset::UTC)} " UTC"
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"#"</th>
                                <th scope="col">"UTC"</th>
                                <th scope="col">"Window's offset (" {move || offset_label.get()} ")"</th>
                                <th scope="col">"Time zone (" {move || view.zone_name.get()} ")"</th>
                                <th scope="col">"Status"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                rows.get()
                                    .into_iter()
                                    .enumerate()
                                    .map(|(n, row)| occurrence_row(n + 1, row))
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
                <Show when=beyond_zone_table>
                    <p class="hint">
                        "Times more than a year ahead use the zone's offset as it stands a year from now."
                    </p>
                </Show>
            </Show>
        </div>
    }
}

fn occurrence_row(n: usize, row: Row) -> impl IntoView {
    let blocked = row.blocked;
    // Struck through AND labelled: the status text says it, not only the line or colour.
    let cell = move |text: String| {
        if blocked {
            view! { <td><s>{text}</s></td> }.into_any()
        } else {
            view! { <td>{text}</td> }.into_any()
        }
    };
    let status = if blocked {
        "Blocked by blackout"
    } else if row.shortened {
        "Shortened by blackout"
    } else {
        "Usable"
    };
    view! {
        <tr
            class:blocked=blocked
            data-testid="occurrence"
            data-start=row.start.to_rfc3339()
            data-local-date=row.local_date
            data-blocked=if blocked { "true" } else { "false" }
        >
            <th scope="row">{n}</th>
            {cell(row.utc)}
            {cell(row.window_local)}
            {cell(row.zone_local.unwrap_or_else(|| "(pick a valid time zone)".to_owned()))}
            <td class="occurrence-status" data-testid="occurrence-status">{status}</td>
        </tr>
    }
}
