//! One exported function that reaches every rule-core entry point the app calls, so the linker
//! keeps exactly the core's share of the app. The return value depends on every result, so no
//! call can be optimised away.

use chrono::{DateTime, Utc};
use planner::rules::{behaviour, demo, export, findings, import, plan, projection, share};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn core_entry_points(plan_json: &str, link: &str, az_json: &str, now_secs: f64) -> String {
    let now = DateTime::<Utc>::from_timestamp(now_secs as i64, 0).unwrap_or_default();
    let today = now.date_naive();
    let mut out = String::new();
    let plan = match plan::Plan::from_json(plan_json) {
        Ok((plan, notices)) => {
            out.push_str(&notices.len().to_string());
            plan
        }
        Err(e) => return e.to_string(),
    };
    for f in findings::check_at(&plan, Some(now)) {
        out.push_str(&f.message);
        out.push_str(&f.path.dom_id());
    }
    let projected = projection::project(&plan, now, 26);
    out.push_str(&projected.horizon_minutes().to_string());
    for outcome in projection::compare::compare_channels(&plan, 0, now, 26).unwrap_or_default() {
        out.push_str(&outcome.summary());
    }
    for format in export::ExportFormat::ALL {
        match export::export(&plan, format, export::Scope::Plan, today) {
            Ok(text) => out.push_str(&text),
            Err(e) => out.push_str(&e.to_string()),
        }
    }
    out.push_str(&share::link("#", &plan));
    match share::decode(link) {
        Ok(other) => out.push_str(&share::diff(&plan, &other).len().to_string()),
        Err(e) => out.push_str(&e.to_string()),
    }
    match import::import(&[az_json]) {
        Ok(imported) => out.push_str(&imported.plan.to_json()),
        Err(e) => out.push_str(&e.to_string()),
    }
    for cluster in &plan.clusters {
        for pool in &cluster.agent_pool_profiles {
            out.push_str(&format!("{:?}", behaviour::describe(cluster, pool)));
        }
    }
    out.push_str(&plan.to_json());
    out.push_str(&demo::demo_plan().to_json());
    out
}
