//! The "Export" tab: the plan leaves as scripts and documents ([`ExportPanel`]), travels as a
//! link ([`SharePanel`]) and comes in from `az` output ([`ImportPanel`]). Every section calls
//! `crate::rules`; nothing here re-implements a rule.

use leptos::prelude::*;

use crate::ui::clock;
use crate::ui::components::copy_button::ActionStatus;
use crate::ui::components::export_panel::ExportPanel;
use crate::ui::components::import_panel::ImportPanel;
use crate::ui::components::share_panel::SharePanel;

#[component]
pub fn ExportTab() -> impl IntoView {
    // Read once: exports date their header, never emit a start date before today and list no
    // window that already ended.
    let now = clock::now();
    // One copy/download message on the whole tab at a time.
    ActionStatus::provide();
    view! {
        <div class="tab-panel export-tab" role="tabpanel" id="panel-export" aria-labelledby="tab-export" data-testid="panel-export">
            <ExportPanel now=now />
            <div class="export-columns">
                <SharePanel />
                <ImportPanel />
            </div>
        </div>
    }
}
