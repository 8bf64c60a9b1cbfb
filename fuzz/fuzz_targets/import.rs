//! Any bytes, split at NUL into several inputs, given to the az JSON importer return Ok or an
//! ImportError, never panic; an imported plan survives its own JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planner::rules::import::import;
use planner::rules::plan::Plan;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let inputs: Vec<&str> = text.split('\0').collect();
    if let Ok(result) = import(&inputs) {
        let (again, _) = Plan::from_json(&result.plan.to_json()).expect("an imported plan re-reads");
        assert_eq!(again, result.plan);
    }
});
