//! The unknown-field notes of `Plan::from_json` (src/rules/unknown_fields.rs) against an
//! independent reference: `serde_ignored`, which reports every key serde skipped while reading.

use planner::rules::plan::Plan;
use serde_json::Value;

/// The reference: `serde_ignored` on the same text, its `a.0.b` paths as `a[0].b`.
fn ignored_by_serde(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let _: Plan = serde_ignored::deserialize(&mut de, |p| {
        let mut out = String::new();
        for seg in p.to_string().split('.') {
            if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
                out.push_str(&format!("[{seg}]"));
            } else {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(seg);
            }
        }
        paths.push(out);
    })
    .unwrap();
    paths
}

fn ours(text: &str) -> Vec<String> {
    let (_, notices) = Plan::from_json(text).unwrap();
    notices.into_iter().map(|n| n.path).collect()
}

#[test]
fn agrees_with_serde_ignored_on_every_fixture_plan() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = vec![dir.join("fixtures/pitfalls.json")];
    for e in std::fs::read_dir(dir.join("plans")).unwrap() {
        files.push(e.unwrap().path());
    }
    let mut checked = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        if Plan::from_json(&text).is_err() {
            continue;
        }
        assert_eq!(ours(&text), ignored_by_serde(&text), "{}", file.display());
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} fixture plans read");
}

#[test]
fn agrees_with_serde_ignored_on_unknown_fields_at_every_depth() {
    let demo = planner::rules::demo::demo_plan().to_json();
    let mut value: Value = serde_json::from_str(&demo).unwrap();
    value["colour"] = Value::from("blue");
    value["clusters"][0]["owner"] = serde_json::json!({"team": "x", "list": [1, 2]});
    value["clusters"][0]["agentPoolProfiles"][0]["osSku"] = Value::from("Ubuntu");
    value["clusters"][0]["agentPoolProfiles"][0]
        .as_object_mut()
        .unwrap()
        .remove("osSKU");
    value["clusters"][0]["agentPoolProfiles"][0]["note"] = Value::from(1);
    value["assumptions"]["weird"] = Value::Null;
    let text = serde_json::to_string(&value).unwrap();
    let expected = ignored_by_serde(&text);
    assert!(expected.len() >= 3, "{expected:?}");
    // `weird: null` is the one documented difference: a null unknown key is not reported.
    let expected: Vec<String> = expected
        .into_iter()
        .filter(|p| p != "assumptions.weird")
        .collect();
    assert_eq!(ours(&text), expected);
}
