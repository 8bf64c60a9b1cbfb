//! Work an edit's frame need not wait for, done after it is painted: freeing what an edit
//! replaced ([`drop_after_paint`]), or a panel's figures that may follow a frame late
//! ([`after_paint`]). Freeing what an edit replaced after the frame that shows it (issue 11,
//! "Scale"): an edit that moves every cluster replaces a whole projection, and freeing the
//! last one (2,000 clusters' bars, findings and cost lines: about 12 ms in the browser) used
//! to happen before the paint. The value is kept until a task after the next animation frame.
//!
//! WHY hand-written: gloo has timers but no "after the next paint"; Leptos's
//! `request_animation_frame` runs just before a paint, and a timeout set there runs after it.

use std::any::Any;
use std::cell::RefCell;

use gloo_timers::callback::Timeout;
use leptos::prelude::request_animation_frame;

thread_local! {
    static KEPT: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// At most this many values wait: a hidden page paints no frame (a background tab adopting
/// another tab's saves still recomputes), so older ones are dropped at once rather than piling
/// up until the page is shown again.
const MAX_KEPT: usize = 2;

/// Keeps `value` alive until the next frame has been painted, then drops it.
pub fn drop_after_paint<T: 'static>(value: T) {
    let (first, overflow) = KEPT.with_borrow_mut(|kept| {
        kept.push(Box::new(value));
        let overflow: Vec<Box<dyn Any>> = if kept.len() > MAX_KEPT {
            kept.drain(..kept.len() - MAX_KEPT).collect()
        } else {
            Vec::new()
        };
        (kept.len() == 1, overflow)
    });
    // Dropped outside the borrow: a value's own drop may keep another for later.
    drop(overflow);
    if first {
        after_paint(|| {
            // Taken out first: a value's own drop may keep another for later.
            let kept = KEPT.with_borrow_mut(std::mem::take);
            drop(kept);
        });
    }
}

/// Runs `f` in a task after the next frame has been painted.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        Timeout::new(0, f).forget();
    });
}
