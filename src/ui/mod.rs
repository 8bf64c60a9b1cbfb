//! The Leptos app: a thin layer of views over `crate::rules`. It never re-implements a rule.
//!
//! # Where to start
//! - [`state`]: `PlanState`, the one plan signal plus undo history, provided as context.
//! - [`storage`]: autosave to localStorage.
//! - [`components`]: one file per component; `plan_tab` is the Plan tab, `windows_tab` the
//!   Windows tab (maintenance windows; time zones come from [`tz`]).
//!
//! # Test ids (`data-testid`), for browser tests
//! - Header: `new-plan`, `load-demo`, `undo`, `redo`, `plan-name`; the confirmation before a
//!   non-empty plan is replaced: `confirm`, `confirm-replace`, `cancel-replace`; the status
//!   line: `status`, `status-text`, `status-undo`, `status-dismiss`.
//! - Saving ([`storage`]): `save-problem`, `save-problem-text`; `save-retry`, `save-download`
//!   (a refused write), `unreadable-download`, `unreadable-discard` (an unreadable save),
//!   `other-tab-use`, `other-tab-keep` (another tab saved).
//! - Sidebar: `add-cluster`, `cluster-list`, `cluster-item-{i}`, `select-cluster-{i}`,
//!   `cluster-check-{i}` (bulk selection), `move-up-{i}`, `move-down-{i}`; search and filters
//!   `cluster-search`, `toggle-filters`, `filter-{environment,ring,subscription,region,tag}`,
//!   `filter-summary`, `select-shown`, `select-none`, `edit-selected`.
//! - Bulk editor (Plan tab): `bulk-editor`, `bulk-kind`, `bulk-node-os`, `bulk-upgrade`,
//!   `bulk-config`, `bulk-day`, `bulk-hour`, `bulk-duration`, `bulk-stagger`,
//!   `bulk-stagger-hours`, `bulk-ring-day-{ring}`, `bulk-max-surge`, `bulk-max-unavailable`,
//!   `bulk-drain`, `bulk-soak`, `bulk-preview`, `bulk-summary`, `bulk-change`, `bulk-error`,
//!   `bulk-apply`, `bulk-close`.
//! - Tabs: `tab-plan`, `panel-plan`, `tab-windows`, `panel-windows`.
//! - Windows tab: `windows-zone` (+ `windows-zone-error`), `assumption-switches`,
//!   `assumptions-recurrence-{missingDay,weeklyAnchor,blackoutOverlap}`, `cluster-windows`,
//!   `window-findings`, `window-finding` (with `data-code`, `data-severity`); per configuration
//!   `c{i}-{config}-{editor,enabled,sentence,windows,dst}`, its fields by `FieldPath::dom_id()`
//!   (`c{i}-{config}-schedule`, `…-schedule-weekly-intervalWeeks`, `…-startDate`, …),
//!   blackouts `…-notAllowedDates-add`, `…-notAllowedDates-{k}-{start,end,remove}`, the legacy
//!   default's `c{i}-default-convert`; listed windows `occurrence` (with `data-start`,
//!   `data-local-date`, `data-blocked`) and `occurrence-status`; drift `dst-line`, `dst-none`.
//!   `?now=<RFC 3339>` in the URL pins the tab's "now" (see [`tz`]).
//! - Editor: `cluster-editor`, `duplicate-cluster`, `remove-cluster`, `add-pool`, `pool-{j}`,
//!   `remove-pool-{j}`. Every input's test id equals its DOM id, the
//!   `FieldPath::dom_id()` of its plan field (`c{i}-name`, `c{i}-p{j}-upgradeSettings-maxSurge`,
//!   …); a refused entry shows `{id}-error`.
//! - Findings: `findings`, `finding` (with `data-code` and `data-severity`),
//!   `finding-count-error`, `finding-count-warning`, `finding-count-note`, `no-findings`.
//! - Long lists, drawn a page at a time (`components::paged::MoreRows`): `{list}-note` ("Showing
//!   50 of 2,000 clusters…"), `{list}` ("Show 50 more"), `{list}-all`, where `{list}` is
//!   `list-more` (sidebar), `finding-more-{error,warning,note}`, `exposure-more`,
//!   `exposure-missing-more`, `cost-more`, `cost-lines-more`, `quota-more`, `quota-free-more`,
//!   `eta-more`, `eta-suggestions-more`, `timeline-table-more`, `export-per-cluster-more`. A
//!   bounded cluster choice (`components::cluster_choice`: `channels-cluster`,
//!   `timeline-table-cluster`, `export-scope`) says `{id}-listed` when it lists only some.
//! - Behaviour: `behaviour`, `behaviour-{j}`.

pub mod checked;
pub mod clipboard;
pub mod clock;
pub mod components;
pub mod exports_worker;
pub mod focus;
pub mod later;
pub mod lazy;
pub mod parts;
pub mod selection;
pub mod state;
pub mod storage;
pub mod tz;
pub mod work;

use leptos::ev;
use leptos::prelude::*;

use components::behaviour_panel::BehaviourPanel;
use components::cluster_list::ClusterList;
use components::findings_panel::FindingsPanel;
use components::header::AppHeader;
use components::link_watch::LinkWatcher;
use components::plan_tab::PlanTab;
use components::save_banner::SaveBanner;
use components::tabs::TabBar;
use lazy::{LazyPart, Loader, Part};
use state::PlanState;

/// The app. `parts` gives the views of the parts loaded on first use ([`lazy`]).
#[component]
pub fn App(parts: Loader) -> impl IntoView {
    let state = PlanState::open();
    provide_context(state);
    provide_context(parts);
    selection::Selection::provide(state);
    install_shortcuts(state);
    view! {
        <a class="skip-link" href="#main">"Skip to the editor"</a>
        <div class="app">
            <AppHeader />
            <SaveBanner />
            <LinkWatcher />
            <div class="workspace">
                <ClusterList />
                <main id="main" class="main" tabindex="-1">
                    <TabBar />
                    {move || match Part::of_tab(state.tab.get()) {
                        Some(part) => view! { <LazyPart part /> }.into_any(),
                        None => view! { <PlanTab /> }.into_any(),
                    }}
                </main>
                // While a big edit's projection follows a frame late (`ui::checked`), the panels made
                // from it (these, the timeline's drawing) say so; the editors, up to date, do not.
                <aside class="side" aria-label="Findings and behaviour" aria-busy=move || state.busy()>
                    <FindingsPanel />
                    <BehaviourPanel />
                </aside>
            </div>
        </div>
    }
}

/// Undo: Ctrl/Cmd+Z. Redo: Shift+Ctrl/Cmd+Z or Ctrl+Y. Escape closes the confirmation. The
/// plan's undo replaces the text fields' own, so one key does one thing everywhere.
fn install_shortcuts(state: PlanState) {
    let handle = window_event_listener(ev::keydown, move |event| {
        let key = event.key().to_ascii_lowercase();
        let command = event.ctrl_key() || event.meta_key();
        let action = match (command, event.shift_key(), key.as_str()) {
            (true, false, "z") => Some(Shortcut::Undo),
            (true, true, "z") | (true, false, "y") => Some(Shortcut::Redo),
            (false, _, "escape") if state.pending_replacement.get_untracked().is_some() => {
                Some(Shortcut::Cancel)
            }
            _ => None,
        };
        let Some(action) = action else { return };
        event.prevent_default();
        match action {
            Shortcut::Undo => state.undo(),
            Shortcut::Redo => state.redo(),
            Shortcut::Cancel => state.pending_replacement.set(None),
        }
    });
    on_cleanup(move || handle.remove());
}

enum Shortcut {
    Undo,
    Redo,
    Cancel,
}
