//! Moving the keyboard focus to an element by its id, now or once it is drawn.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with this id; `false` if there is none.
pub fn focus_by_id(id: &str) -> bool {
    let Some(element) = document().get_element_by_id(id) else {
        return false;
    };
    match element.dyn_into::<web_sys::HtmlElement>() {
        Ok(element) => element.focus().is_ok(),
        Err(_) => false,
    }
}

thread_local! {
    /// The ids `focus_when_drawn` found no element for, in order of preference: focused once
    /// a part being loaded is drawn. The app is single-threaded; this is its one thread's cell.
    static PENDING_FOCUS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Focuses the first element of `ids` (in order of preference) in the next frame, once what the
/// caller just changed is drawn; if none is on the page then because a part is still loading
/// (a finding that opens the Windows tab before its module is here), once that part is drawn.
pub fn focus_when_drawn(ids: Vec<String>) {
    request_animation_frame(move || {
        if !ids.iter().any(|id| focus_by_id(id)) {
            PENDING_FOCUS.with(|pending| *pending.borrow_mut() = ids);
        }
    });
}

/// After a part loaded on first use (`ui::lazy`) is drawn: focuses what `focus_when_drawn` was
/// waiting for, if it is there now, and forgets it either way.
///
/// A user who moves on first (another tab) cancels it: see [`forget_pending`].
pub fn focus_pending() {
    request_animation_frame(|| {
        let ids = PENDING_FOCUS.with(|pending| std::mem::take(&mut *pending.borrow_mut()));
        let _ = ids.iter().any(|id| focus_by_id(id));
    });
}

/// Forgets what `focus_when_drawn` was waiting for: the user went elsewhere (the tab bar), and
/// a part loaded later must not pull the keyboard back to a field they left.
pub fn forget_pending() {
    PENDING_FOCUS.with(|pending| pending.borrow_mut().clear());
}
