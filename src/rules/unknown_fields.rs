//! Which fields of a read JSON document the planner did not understand, with their paths.
//!
//! The document is compared with what the parsed value writes back: a key of the input that
//! the written form does not have was not read. This replaces `serde_ignored`, whose wrapping
//! deserializer doubled the plan's reading code in the browser module (~107 KB of wasm, README
//! "Performance"). Two read-only cases are told apart from unknown keys: an alias (the written
//! key equals it ignoring ASCII case and `_`, e.g. `osSku` for `osSKU`, `hour_slots` for
//! `hourSlots`), and a field written only when set (`null` or `[]` in the input). A test
//! (tests/unknown_fields.rs) compares the result with `serde_ignored` on every plan fixture.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The input's shape in document order (keys in the order the file has them).
enum Shape {
    Object(Vec<(String, Shape)>),
    Array(Vec<Shape>),
    /// `null` or `[]`: what a field written only when set may hold.
    Unset,
    Scalar,
}

/// Paths of the keys of `text` (valid JSON) that `written` (the parsed value written back)
/// lacks, in document order, dotted with array indexes as `clusters[0].owner`.
pub(crate) fn unknown_paths(text: &str, written: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(shape) = serde_json::from_str::<Shape>(text) {
        walk(&shape, written, &mut String::new(), &mut out);
    }
    out
}

fn walk(shape: &Shape, written: &Value, path: &mut String, out: &mut Vec<String>) {
    let len = path.len();
    match (shape, written) {
        (Shape::Object(entries), Value::Object(map)) => {
            for (key, value) in entries {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                match map.get(key).or_else(|| alias(map, key)) {
                    Some(known) => walk(value, known, path, out),
                    None if matches!(value, Shape::Unset) => {}
                    None => out.push(path.clone()),
                }
                path.truncate(len);
            }
        }
        (Shape::Array(items), Value::Array(known)) => {
            for (i, (item, known)) in items.iter().zip(known).enumerate() {
                path.push_str(&format!("[{i}]"));
                walk(item, known, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn alias<'a>(map: &'a serde_json::Map<String, Value>, key: &str) -> Option<&'a Value> {
    let fold = |k: &str| -> String {
        k.chars()
            .filter(|c| *c != '_')
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let key = fold(key);
    map.iter().find(|(k, _)| fold(k) == key).map(|(_, v)| v)
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ShapeVisitor)
    }
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::Scalar)
    }
    fn visit_str<E>(self, _: &str) -> Result<Shape, E> {
        Ok(Shape::Scalar)
    }
    fn visit_unit<E>(self) -> Result<Shape, E> {
        Ok(Shape::Unset)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(if items.is_empty() {
            Shape::Unset
        } else {
            Shape::Array(items)
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, Shape>()? {
            entries.push(entry);
        }
        Ok(Shape::Object(entries))
    }
}
