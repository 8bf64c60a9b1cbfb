//! Any text given to the share-link decoder returns Ok or a ShareError, never panics, and a
//! link it accepts re-encodes to a link of the same plan.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planner::rules::share::{decode, encode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(plan) = decode(text) {
        assert_eq!(decode(&encode(&plan)), Ok(plan));
    }
});
