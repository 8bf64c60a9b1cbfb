//! Autosave: the plan lives in localStorage under one key, as the plan file's JSON
//! (`Plan::to_json`), and is read back with `Plan::from_json`, the same reader as the CLI's.
//!
//! Writing is debounced ([`autosave`]): serialising and storing a 200-cluster plan costs about
//! 6 ms in the browser, which every keystroke used to pay before its frame was painted. The
//! write waits for [`AUTOSAVE_DELAY`] of quiet and is flushed at once when the page is hidden or
//! left (`visibilitychange` → hidden, `pagehide`), so a reload or a closed tab right after an
//! edit still finds it.

use std::time::Duration;

use leptos::prelude::*;

use crate::rules::demo::demo_plan;
use crate::rules::plan::Plan;

/// The one key holding the plan.
pub const PLAN_KEY: &str = "aks-planner/plan";
/// Where an unreadable saved plan is moved, so autosave never destroys it.
pub const UNREADABLE_KEY: &str = "aks-planner/plan-unreadable";

fn local_storage() -> Option<web_sys::Storage> {
    // Storage can be missing or refused (private modes, disabled cookies): the app then works
    // without autosave rather than failing.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved plan, or the demo when nothing is saved. An unreadable saved value never stops the
/// app: it opens the demo and returns a message saying what happened.
pub fn load() -> (Plan, Option<String>) {
    let Some(storage) = local_storage() else {
        return (demo_plan(), None);
    };
    let Ok(Some(text)) = storage.get_item(PLAN_KEY) else {
        return (demo_plan(), None);
    };
    match Plan::from_json(&text) {
        Ok((plan, notices)) if notices.is_empty() => (plan, None),
        Ok((plan, notices)) => {
            let fields: Vec<&str> = notices.iter().map(|n| n.path.as_str()).collect();
            let message = format!(
                "Your saved plan was opened; {} unknown field(s) were ignored: {}.",
                fields.len(),
                fields.join(", ")
            );
            (plan, Some(message))
        }
        Err(error) => {
            let kept = storage.set_item(UNREADABLE_KEY, &text).is_ok();
            let where_kept = if kept {
                format!(" A copy was kept in this browser's storage under \"{UNREADABLE_KEY}\".")
            } else {
                String::new()
            };
            let message = format!(
                "The plan saved in this browser could not be read ({error}), so the demo plan was opened instead.{where_kept}"
            );
            (demo_plan(), Some(message))
        }
    }
}

/// Saves the plan. A full or refused storage only loses autosave, never the page.
pub fn save(plan: &Plan) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(PLAN_KEY, &plan.to_json());
    }
}

/// Quiet time after the last edit before the plan is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(500);

/// Mirrors `plan` to localStorage [`AUTOSAVE_DELAY`] after its last change, and at once when
/// the page is hidden or left while a write is still pending.
pub fn autosave(plan: RwSignal<Plan>) {
    // The pending write, if any: a timer still to fire.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let flush = move || {
        if let Some(timer) = pending.try_update_value(Option::take).flatten() {
            timer.clear();
            plan.with_untracked(save);
        }
    };
    Effect::new(move |_| {
        plan.track();
        if let Some(timer) = pending.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        let write = move || {
            pending.try_set_value(None);
            plan.with_untracked(save);
        };
        match set_timeout_with_handle(write, AUTOSAVE_DELAY) {
            Ok(timer) => pending.set_value(Some(timer)),
            // No timer (never expected in a browser): save now rather than never.
            Err(_) => plan.with_untracked(save),
        }
    });
    // `pagehide` covers reloads, navigation and closing; `visibilitychange` covers a tab or
    // app switched away on mobile, where pagehide may never come.
    let left = window_event_listener_untyped("pagehide", move |_| flush());
    let hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            flush();
        }
    });
    on_cleanup(move || {
        left.remove();
        hidden.remove();
    });
}
