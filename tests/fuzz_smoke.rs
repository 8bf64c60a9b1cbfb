//! The fuzz targets' properties (see `fuzz/`), bounded, on stable: random and mutated inputs
//! never panic the link decoder or the importer, and what they accept is self-consistent.

use planner::rules::demo::demo_plan;
use planner::rules::import::import;
use planner::rules::plan::Plan;
use planner::rules::share::{decode, encode};
use proptest::prelude::*;

const SEEDS: &[&str] = &[
    include_str!("fixtures/az/aks-show.json"),
    include_str!("fixtures/az/nodepool-list.json"),
    include_str!("fixtures/az/maintenanceconfiguration-list.json"),
];

/// `text` with a few byte-level edits (replace, delete, insert), kept valid UTF-8.
fn mutate(text: &str, edits: &[(u16, u8, u8)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(pos, op, byte) in edits {
        if bytes.is_empty() {
            bytes.push(byte);
            continue;
        }
        let i = usize::from(pos) % bytes.len();
        match op % 3 {
            0 => bytes[i] = byte,
            1 => {
                bytes.remove(i);
            }
            _ => bytes.insert(i, byte),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn check_link(text: &str) {
    if let Ok(plan) = decode(text) {
        assert_eq!(decode(&encode(&plan)), Ok(plan));
    }
}

fn check_import(inputs: &[&str]) {
    if let Ok(result) = import(inputs) {
        let (again, _) = Plan::from_json(&result.plan.to_json()).unwrap();
        assert_eq!(again, result.plan);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_link_decoder_never_panics_on_random_text(text in "\\PC{0,200}|#p=1\\.[A-Za-z0-9_-]{0,300}") {
        check_link(&text);
    }

    #[test]
    fn the_link_decoder_never_panics_on_a_mutated_link(edits in proptest::collection::vec((any::<u16>(), any::<u8>(), any::<u8>()), 1..6)) {
        check_link(&mutate(&encode(&demo_plan()), &edits));
    }

    #[test]
    fn the_importer_never_panics_on_mutated_az_json(seed in 0usize..3, edits in proptest::collection::vec((any::<u16>(), any::<u8>(), 0x20u8..0x7f), 1..8)) {
        let mutated = mutate(SEEDS[seed], &edits);
        check_import(&[&mutated]);
        check_import(&[SEEDS[0], &mutated]);
    }

    #[test]
    fn the_importer_never_panics_on_random_json(text in "[\\[\\]{}\":,a-zA-Z0-9 /-]{0,200}") {
        check_import(&[&text]);
    }
}
