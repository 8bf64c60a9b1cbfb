//! What builds each part loaded on first use (`ui::lazy`): the split points in `src/main.rs`
//! hand these back once the part's module is loaded. Only the web app's entry point names this
//! module, so the library's other modules (and the exports worker) never reach the parts.

use leptos::prelude::*;

use crate::ui::components::bulk_editor::BulkEditor;
use crate::ui::components::cluster_filters::Facets;
use crate::ui::components::export_tab::ExportTab;
use crate::ui::components::link_open::LinkOpener;
use crate::ui::components::timeline_tab::TimelineTab;
use crate::ui::components::windows_tab::WindowsTab;

/// The Windows tab's view, for the `windows_tab` split point.
pub fn windows_view() -> AnyView {
    view! { <WindowsTab /> }.into_any()
}

/// The Timeline tab's view, for the `timeline_tab` split point.
pub fn timeline_view() -> AnyView {
    view! { <TimelineTab /> }.into_any()
}

/// The Export tab's view, for the `export_tab` split point.
pub fn export_view() -> AnyView {
    view! { <ExportTab /> }.into_any()
}

/// The bulk editor's view, for the `bulk_editor` split point.
pub fn bulk_editor_view() -> AnyView {
    view! { <BulkEditor /> }.into_any()
}

/// The cluster list's filters (one select per facet), for the `filters` split point.
pub fn filters_view() -> AnyView {
    view! { <Facets /> }.into_any()
}

/// The link opener's view, for the `link_opener` split point.
pub fn link_opener_view() -> AnyView {
    view! { <LinkOpener /> }.into_any()
}
