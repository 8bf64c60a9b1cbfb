//! Share: the whole plan as a link. The plan travels in the URL fragment (`#p=…`, built by
//! `rules::share`), which browsers never send to a server, so sharing uploads nothing.

use leptos::prelude::*;

use crate::rules::share;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::state::use_plan_state;

/// Links longer than this can be cut by some chat and ticket tools.
const LONG_LINK: usize = 2000;

/// This page's address without query or fragment: where a shared link must point.
fn page_base() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let state = use_plan_state();
    let base = page_base();
    let link = Memo::new(move |_| state.plan().with(|p| share::link(&base, p)));
    let length = Memo::new(move |_| link.with(|l| l.chars().count()));
    view! {
        <section class="card share-section" aria-labelledby="share-title" data-testid="share-section">
            <div class="section-head">
                <h2 id="share-title">"Share"</h2>
            </div>
            <p class="hint">
                "The link holds the whole plan. It stays in the part of the address after #, which browsers never send to a server: nothing is uploaded."
            </p>
            <p class="share-link" id="share-link" data-testid="share-link">{move || link.get()}</p>
            <div class="export-actions">
                <CopyButton
                    testid="share-copy".into()
                    label="Copy share link".into()
                    what="the share link"
                    primary=true
                    text=move |()| Some(link.get_untracked()).into()
                />
                <span class="hint" data-testid="share-length">
                    {move || format!("{} characters", length.get())}
                </span>
            </div>
            <Show when=move || { length.get() > LONG_LINK }>
                <p class="hint" data-testid="share-long">
                    "This link is long: some chat and ticket tools cut long links. Attach the Markdown summary or the plan file instead if it does not open whole."
                </p>
            </Show>
        </section>
    }
}
