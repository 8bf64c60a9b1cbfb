//! Before/after: what differs between two plans, for the review when a link is opened over a
//! local plan. Clusters, pools and maintenance configurations are matched by name, not by
//! position, so reordering is not a change.

use serde_json::Value;

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
/// then removed clusters.
pub fn diff(before: &Plan, after: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    // The plan fields without `clusters`, and each cluster's value in plan order.
    let split = |p: &Plan| {
        let mut v = p.to_value();
        let clusters = match v.as_object_mut().and_then(|obj| obj.remove("clusters")) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        };
        (v, clusters)
    };
    let (before_plan, before_clusters) = split(before);
    let (after_plan, after_clusters) = split(after);
    let mut fields = Vec::new();
    walk("", Some(&before_plan), Some(&after_plan), &mut fields);
    out.extend(fields.into_iter().map(|(path, old, new)| Change::Field {
        cluster: None,
        path,
        old,
        new,
    }));
    for (i, c) in after.clusters.iter().enumerate() {
        match before.clusters.iter().position(|b| b.name == c.name) {
            None => out.push(Change::ClusterAdded {
                cluster: c.name.clone(),
            }),
            Some(j) => {
                let mut fields = Vec::new();
                walk(
                    "",
                    before_clusters.get(j),
                    after_clusters.get(i),
                    &mut fields,
                );
                out.extend(fields.into_iter().map(|(path, old, new)| Change::Field {
                    cluster: Some(c.name.clone()),
                    path,
                    old,
                    new,
                }));
            }
        }
    }
    for b in &before.clusters {
        if !after.clusters.iter().any(|c| c.name == b.name) {
            out.push(Change::ClusterRemoved {
                cluster: b.name.clone(),
            });
        }
    }
    out
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
