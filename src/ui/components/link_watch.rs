//! Watches the URL for a shared plan: at startup and whenever the fragment changes, a fragment
//! that holds a planner link (`rules::share::holds_link`) brings in the link opener
//! (`link_open`), a part loaded on first use (`ui::lazy`): most visits open no link, so the
//! first load carries neither the opener nor the link decoder.

use leptos::ev;
use leptos::prelude::*;

use crate::rules::share;
use crate::ui::lazy::{LazyPart, Part};

/// The fragment, with its `#`, when there is one.
pub fn current_fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    (hash.len() > 1).then_some(hash)
}

fn fragment_holds_link() -> bool {
    current_fragment().is_some_and(|f| share::holds_link(&f))
}

/// Nothing until a link arrives; then the link opener, which handles that link and every later
/// one itself.
#[component]
pub fn LinkWatcher() -> impl IntoView {
    let seen = RwSignal::new(fragment_holds_link());
    let listener = window_event_listener(ev::hashchange, move |_| {
        if !seen.get_untracked() && fragment_holds_link() {
            seen.set(true);
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <Show when=move || seen.get()>
            <LazyPart part=Part::LinkOpener />
        </Show>
    }
}
