//! The parts of the app loaded on first use, each a wasm module of its own (README "Loading,
//! served as users get it"): the Windows, Timeline and Export tabs, the bulk editor, the cluster
//! list's filters and the opener of shared links (`components::link_watch` loads it when a link
//! arrives). The first load carries what every visit shows (the header, the cluster list, the
//! Plan tab's cluster editor, the findings and behaviour panels), not these views: 348 KB
//! brotli instead of 543.
//!
//! The web app's entry point (`src/main.rs`) has a split point (`#[wasm_split]`) per part, each
//! handing back one of the builders in `ui::parts`: `scripts/postbuild.mjs` runs
//! `wasm-split-cli` on the linked module (built with `--emit-relocs`, `build.rs`), which moves
//! what only that split point reaches into a module of its own and leaves a stub that fetches
//! it. Code two parts share goes into a chunk both load; code the first load also reaches stays
//! in the main module. Asking for a part again after its load resolves at once, so reopening a
//! tab draws it in the same frame, as before the split.
//!
//! A failed fetch (the host went away, the network dropped after the page loaded) leaves the
//! plan as it is and says so where the part would be, with a button that tries again.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::ui::focus::{focus_pending, focus_when_drawn};
use crate::ui::state::Tab;

/// A part of the app in a module of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    WindowsTab,
    TimelineTab,
    ExportTab,
    BulkEditor,
    LinkOpener,
    Filters,
}

impl Part {
    /// The part that draws `tab`; `None` for the Plan tab, which is in the main module.
    pub fn of_tab(tab: Tab) -> Option<Part> {
        match tab {
            Tab::Plan => None,
            Tab::Windows => Some(Part::WindowsTab),
            Tab::Timeline => Some(Part::TimelineTab),
            Tab::Export => Some(Part::ExportTab),
        }
    }

    /// The tab a part draws, whose panel its loading line and failure message stand in.
    fn tab(self) -> Option<Tab> {
        match self {
            Part::WindowsTab => Some(Tab::Windows),
            Part::TimelineTab => Some(Tab::Timeline),
            Part::ExportTab => Some(Tab::Export),
            Part::BulkEditor | Part::LinkOpener | Part::Filters => None,
        }
    }

    /// What the loading line and the failure message call it.
    fn name(self) -> &'static str {
        match self {
            Part::WindowsTab => "Windows tab",
            Part::TimelineTab => "Timeline tab",
            Part::ExportTab => "Export tab",
            Part::BulkEditor => "bulk editor",
            Part::LinkOpener => "shared plan",
            Part::Filters => "filters",
        }
    }
}

/// A part's module could not be fetched or started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

/// What builds a part's view: a function of the part's module, once that module is loaded.
pub type PartBuilder = fn() -> AnyView;

/// A part's builder, once its module is loaded.
pub type PartLoad = Pin<Box<dyn Future<Output = Result<PartBuilder, NotLoaded>> + Send>>;

/// How the app gets the view of a part: the web app's entry point (`src/main.rs`) passes one
/// whose split points fetch each part's module. The split points live there, not in this
/// library: a split point is an exported function, and every binary linking the library would
/// keep what it reaches (the exports worker grew by the three tabs when they were here).
#[derive(Clone, Copy)]
pub struct Loader(pub fn(Part) -> PartLoad);

/// `part`'s view once its module is loaded; meanwhile a loading line, and a message with "Try
/// again" if the module could not be fetched. For a tab, the loading line and the message stand
/// in the tab's panel, so that the tab's `aria-controls` always names an element.
#[component]
pub fn LazyPart(part: Part) -> impl IntoView {
    let Loader(load) = expect_context::<Loader>();
    let tab = part.tab();
    let attempt = RwSignal::new(0u32);
    let loading = move || {
        framed(
            tab,
            view! {
                <p class="part-loading" role="status" data-testid="part-loading">
                    {format!("Loading the {}…", part.name())}
                </p>
            }
            .into_any(),
        )
    };
    let failed = move || {
        framed(
            tab,
            view! {
                <div class="part-failed" role="alert" data-testid="part-load-failed">
                    <p>
                        {format!(
                            "The {} could not be loaded: the server this planner is served from did not answer, or no longer has this version of the planner (then reload the page). Your plan is unchanged.",
                            part.name(),
                        )}
                    </p>
                    <button
                        type="button"
                        class="btn"
                        data-testid="part-load-retry"
                        on:click=move |_| {
                            attempt.update(|n| *n += 1);
                            // The button goes with the message: for a tab's part the keyboard
                            // goes to the tab (elsewhere it is left where the browser puts it).
                            if let Some(tab) = tab {
                                focus_when_drawn(vec![format!("tab-{}", tab.slug())]);
                            }
                        }
                    >
                        "Try again"
                    </button>
                </div>
            }
            .into_any(),
        )
    };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                // Left before the module arrived (another tab), this `Suspend` is cancelled with
                // its scope, so nothing is built where the user no longer is.
                Suspend::new(async move {
                    match load(part).await {
                        // Built untracked: `Suspend` runs again when a signal it read changes,
                        // and the part's components read signals as they are built.
                        Ok(build) => {
                            let view = untrack(build);
                            focus_pending();
                            view
                        }
                        Err(NotLoaded) => failed(),
                    }
                })
            }}
        </Suspense>
    }
}

/// `body` in `tab`'s panel, or as it is.
fn framed(tab: Option<Tab>, body: AnyView) -> AnyView {
    let Some(tab) = tab else { return body };
    let slug = tab.slug();
    view! {
        <div
            class="tab-panel"
            role="tabpanel"
            id=format!("panel-{slug}")
            aria-labelledby=format!("tab-{slug}")
            data-testid=format!("panel-{slug}")
        >
            {body}
        </div>
    }
    .into_any()
}
