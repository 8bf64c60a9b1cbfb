//! Pretty JSON text from compact JSON text, byte for byte what `serde_json::to_string_pretty`
//! writes for the same value (two-space indent, `": "` after keys, `[]` and `{}` for empty
//! containers).
//!
//! WHY: the plan is written compactly (saves) and pretty (plan files, `Plan::to_json`). Each
//! serde formatter compiles its own copy of the plan's whole `Serialize` code (about 11 KB of
//! the browser module after wasm-opt); serializing once, compactly, and re-indenting the text
//! keeps one copy (README "Bundle-size levers").

/// Re-indents `compact`, JSON as `serde_json::to_string` writes it (no whitespace outside
/// strings). Text that is not such JSON comes out re-spaced but otherwise unchanged.
pub fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = Vec::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'[' | b'{' => {
                out.push(b);
                let close = if b == b'[' { b']' } else { b'}' };
                if bytes.get(i) == Some(&close) {
                    out.push(close);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
    // Only ASCII bytes were added and multi-byte characters were copied whole.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// The reference: serde_json's own pretty writer on the same value.
    fn same_as_serde(value: &Value) {
        let compact = serde_json::to_string(value).unwrap();
        assert_eq!(
            pretty(&compact),
            serde_json::to_string_pretty(value).unwrap(),
            "{compact}"
        );
    }

    #[test]
    fn plans_come_out_as_serde_json_writes_them() {
        for plan in [
            crate::rules::demo::demo_plan(),
            crate::rules::demo::fleet(5),
            crate::rules::plan::Plan::default(),
        ] {
            same_as_serde(&serde_json::to_value(&plan).unwrap());
            assert_eq!(plan.to_json(), serde_json::to_string_pretty(&plan).unwrap());
        }
    }

    #[test]
    fn empty_nested_and_awkward_strings() {
        let v: Value = serde_json::from_str(
            r#"{"":[],"a":{},"b":[[],{},[{}]],"c":"q\"uo:te,[x]{y}\\","d":"\\\"","é":"ü→😀","n":[-1.5e3,0,true,false,null]}"#,
        )
        .unwrap();
        same_as_serde(&v);
        same_as_serde(&Value::Null);
        same_as_serde(&Value::String("\u{1}\n\t".into()));
    }

    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            "[ -~\\\\\"\u{e9}\u{1f600}\n]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("[ -~\\\\\"]{0,5}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_value_comes_out_as_serde_json_writes_it(v in json()) {
            let compact = serde_json::to_string(&v).unwrap();
            prop_assert_eq!(pretty(&compact), serde_json::to_string_pretty(&v).unwrap());
        }
    }
}
