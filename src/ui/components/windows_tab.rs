//! The "Windows" tab (issue 3): for the open cluster, one editor per maintenance configuration,
//! what each window means in plain English, its next windows in three clocks, its
//! daylight-saving drift, and the window findings; above them the time-zone picker and the
//! assumption switches the dates rest on.
//!
//! "Now" is read once here ([`tz::now`], the same instant the plan-wide findings use) and passed
//! down; every rule comes from `crate::rules::maintenance`.

use chrono::{DateTime, TimeDelta, Utc};
use leptos::prelude::*;

use crate::rules::findings::Finding;
use crate::rules::maintenance::dst::TransitionTable;
use crate::rules::maintenance::{ConfigName, RecurrenceOptions};
use crate::ui::components::cluster_editor::display_name;
use crate::ui::components::icons::{SeverityIcon, severity_slug, severity_words};
use crate::ui::components::window_editor::WindowEditor;
use crate::ui::components::windows_settings::{AssumptionSwitches, ZonePicker};
use crate::ui::state::use_plan_state;
use crate::ui::tz;

/// How far ahead the zone's offsets are sampled: the DST panel looks 12 months ahead, and the
/// ten listed windows of a 6-monthly schedule reach further (those fall back to the last
/// offset known, which a note under the list says).
pub const ZONE_HORIZON_DAYS: i64 = 366;

/// What every part of the tab computes from: the instant, the picked zone, the readings.
#[derive(Clone, Copy)]
pub struct WindowsView {
    pub now: DateTime<Utc>,
    /// The zone the tab reads windows in: the plan's, else this browser's.
    pub zone_name: Memo<String>,
    /// The zone's offsets over the next [`ZONE_HORIZON_DAYS`], or why the name is not a zone.
    pub zone: Memo<Result<TransitionTable, String>>,
    pub options: Memo<RecurrenceOptions>,
}

#[component]
pub fn WindowsTab() -> impl IntoView {
    let state = use_plan_state();
    let now = tz::now();
    // The plan's zone (the team's), else this browser's: never blank.
    let browser = tz::browser_zone();
    let zone_name = Memo::new(move |_| {
        state.plan().with(|p| {
            p.time_zone
                .as_ref()
                .map_or_else(|| browser.clone(), |z| z.to_string())
        })
    });
    let zone = Memo::new(move |_| {
        zone_name.with(|z| tz::zone_table(z, now, now + TimeDelta::days(ZONE_HORIZON_DAYS)))
    });
    let options = Memo::new(move |_| state.plan().with(|p| p.assumptions.recurrence));
    let view_state = WindowsView {
        now,
        zone_name,
        zone,
        options,
    };
    let selected = state.selected_cluster;
    view! {
        <div
            class="tab-panel windows-tab"
            role="tabpanel"
            id="panel-windows"
            aria-labelledby="tab-windows"
            data-testid="panel-windows"
        >
            <div class="windows-settings">
                <ZonePicker zone=zone />
                <AssumptionSwitches />
            </div>
            {move || match selected.get() {
                Some(i) => view! { <ClusterWindows index=i view=view_state /> }.into_any(),
                None => view! {
                    <div class="empty-plan">
                        <h2>"This plan has no clusters"</h2>
                        <p>"Add a cluster from the list to plan its maintenance windows."</p>
                    </div>
                }
                .into_any(),
            }}
        </div>
    }
}

#[component]
fn ClusterWindows(index: usize, view: WindowsView) -> impl IntoView {
    let state = use_plan_state();
    let i = index;
    let name = state.cluster_value(i, |c| c.name.clone());
    view! {
        <section class="cluster-windows" aria-labelledby="windows-title" data-testid="cluster-windows">
            <div class="editor-head">
                <h2 id="windows-title">
                    <span class="eyebrow">"Maintenance windows"</span>
                    <span class="title-text">{move || display_name(&name.get())}</span>
                </h2>
            </div>
            <p class="windows-intro">
                "AKS starts upgrades only inside these windows. Times are wall-clock times in each window's fixed UTC offset; "
                "the lists below also show them in UTC and in the time zone above."
            </p>
            <WindowFindings index=i />
            {ConfigName::ALL
                .map(|config| view! { <WindowEditor cluster=i config=config view=view /> })
                .collect_view()}
        </section>
    }
}

/// The cluster's maintenance findings: the plan-wide findings (`findings::check_at`, with the
/// same "now") that point at a maintenance configuration of this cluster.
#[component]
fn WindowFindings(index: usize) -> impl IntoView {
    let state = use_plan_state();
    let findings = Memo::new(move |_| {
        state.findings.with(|all| {
            all.iter()
                .filter(|f| f.path.cluster == Some(index) && f.path.config.is_some())
                .map(|f| Finding::clone(f))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card window-findings" aria-labelledby="window-findings-title" data-testid="window-findings">
            <h3 id="window-findings-title">
                "Window findings " <span class="count">{move || findings.with(Vec::len)}</span>
            </h3>
            <Show
                when=move || findings.with(|f| !f.is_empty())
                fallback=|| view! { <p class="empty">"Nothing to report about these windows."</p> }
            >
                <ul class="finding-list window-finding-list">
                    {move || findings.get().into_iter().map(|f| view! { <WindowFinding finding=f /> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn WindowFinding(finding: Finding) -> impl IntoView {
    let state = use_plan_state();
    let slug = severity_slug(finding.severity);
    let (word, _) = severity_words(finding.severity);
    let path = finding.path.clone();
    let where_text = finding
        .path
        .config
        .clone()
        .map(|c| format!("{c} {}", finding.path.field))
        .unwrap_or_else(|| finding.path.field.clone());
    view! {
        <li
            class=format!("finding window-finding sev-{slug}")
            data-testid="window-finding"
            data-code=finding.code.as_str()
            data-severity=slug
        >
            <button type="button" class="finding-title" on:click=move |_| state.focus_field(&path)>
                <SeverityIcon severity=finding.severity />
                <span class="visually-hidden">{word} ": "</span>
                <span class="finding-message">{finding.message}</span>
            </button>
            <p class="finding-where"><code>{where_text}</code></p>
            <p class="hint window-finding-detail">{finding.why} " " <strong>"Fix: "</strong> {finding.fix}</p>
        </li>
    }
}
