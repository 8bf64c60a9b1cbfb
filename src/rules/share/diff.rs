//! Before/after: what differs between two plans, for the review when a link is opened over a
//! local plan. Clusters, pools and maintenance configurations are matched by name, not by
//! position, so reordering is not a change.

use serde_json::Value;

use crate::rules::cluster::Cluster;
use crate::rules::plan::Plan;

/// One difference, `old → new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    ClusterAdded {
        cluster: String,
    },
    ClusterRemoved {
        cluster: String,
    },
    /// A field of a cluster (`cluster` is set) or of the plan itself. `old`/`new` are `None`
    /// when the field or element exists on one side only; values are JSON text (strings bare).
    Field {
        cluster: Option<String>,
        path: String,
        old: Option<String>,
        new: Option<String>,
    },
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::ClusterAdded { cluster } => write!(f, "cluster {cluster} added"),
            Change::ClusterRemoved { cluster } => write!(f, "cluster {cluster} removed"),
            Change::Field {
                cluster,
                path,
                old,
                new,
            } => {
                if let Some(c) = cluster {
                    write!(f, "{c}: ")?;
                }
                let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
                write!(f, "{path}: {} → {}", show(old), show(new))
            }
        }
    }
}

/// Every change from `before` to `after`, plan fields first, then clusters in `after`'s order,
/// then removed clusters. A cluster is matched by name (the one at the same place first); an
/// equal one is skipped without being written out, so the bulk editor's preview after its
/// change is applied, or a link over the same plan, costs a comparison per cluster.
pub fn diff(before: &Plan, after: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    // The plan fields without `clusters`.
    let fields_of = |p: &Plan| {
        let mut v = p.without_clusters().to_value();
        if let Some(obj) = v.as_object_mut() {
            obj.remove("clusters");
        }
        v
    };
    let mut fields = Vec::new();
    walk(
        "",
        Some(&fields_of(before)),
        Some(&fields_of(after)),
        &mut fields,
    );
    out.extend(fields.into_iter().map(|(path, old, new)| Change::Field {
        cluster: None,
        path,
        old,
        new,
    }));
    for (i, c) in after.clusters.iter().enumerate() {
        let matched = match before.clusters.get(i) {
            Some(b) if b.name == c.name => Some(b),
            _ => before.clusters.iter().find(|b| b.name == c.name),
        };
        match matched {
            None => out.push(Change::ClusterAdded {
                cluster: c.name.clone(),
            }),
            Some(b) if b == c => {}
            Some(b) => {
                let mut fields = Vec::new();
                walk("", Some(&value_of(b)), Some(&value_of(c)), &mut fields);
                out.extend(fields.into_iter().map(|(path, old, new)| Change::Field {
                    cluster: Some(c.name.clone()),
                    path,
                    old,
                    new,
                }));
            }
        }
    }
    let same_names = before.clusters.len() == after.clusters.len()
        && (before.clusters.iter().zip(after.clusters.iter())).all(|(b, c)| b.name == c.name);
    if !same_names {
        for b in &before.clusters {
            if !after.clusters.iter().any(|c| c.name == b.name) {
                out.push(Change::ClusterRemoved {
                    cluster: b.name.clone(),
                });
            }
        }
    }
    out
}

/// A cluster as a JSON value, through the compact writer the plan uses (one copy of its
/// Serialize code in the browser module, as `Plan::to_value`).
fn value_of(c: &Cluster) -> Value {
    serde_json::to_string(c)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn name_of(v: &Value) -> Option<&str> {
    v.get("name").and_then(Value::as_str)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn walk(
    path: &str,
    old: Option<&Value>,
    new: Option<&Value>,
    out: &mut Vec<(String, Option<String>, Option<String>)>,
) {
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            crate::rules::stable_sort::sort(&mut keys);
            keys.dedup();
            for k in keys {
                walk(&join(path, k), a.get(k), b.get(k), out);
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b)))
            if a.iter().chain(b).all(|v| name_of(v).is_some()) =>
        {
            for item in b {
                let name = name_of(item).unwrap_or_default();
                let before = a.iter().find(|x| name_of(x) == Some(name));
                walk(&format!("{path}[{name}]"), before, Some(item), out);
            }
            for item in a {
                let name = name_of(item).unwrap_or_default();
                if !b.iter().any(|x| name_of(x) == Some(name)) {
                    walk(&format!("{path}[{name}]"), Some(item), None, out);
                }
            }
        }
        (a, b) if a == b => {}
        (a, b) => out.push((path.to_owned(), a.map(text), b.map(text))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::{demo_plan, fleet};

    #[test]
    fn a_cluster_is_written_as_its_plan_writes_it() {
        for plan in [demo_plan(), fleet(7)] {
            let whole = plan.to_value();
            for (i, c) in plan.clusters.iter().enumerate() {
                assert_eq!(value_of(c), whole["clusters"][i], "cluster {i}");
            }
        }
    }

    #[test]
    fn a_cluster_moved_and_another_renamed_are_told_apart() {
        let before = fleet(4);
        let mut after = before.clone();
        crate::rules::edit::move_cluster(&mut after, 0, crate::rules::edit::Direction::Down)
            .unwrap();
        after.clusters[3].name = "renamed".into();
        let said: Vec<String> = diff(&before, &after)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said.iter().any(|s| s.contains("renamed")), "{said:?}");
        assert!(
            said.iter().any(|s| s.contains(&before.clusters[3].name)),
            "{said:?}"
        );
    }
}
