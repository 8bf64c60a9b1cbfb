//! Autosave: the plan lives in localStorage under one key, as the plan file's JSON
//! (`Plan::to_json`), and is read back with `Plan::from_json`, the same reader as the CLI's.

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
