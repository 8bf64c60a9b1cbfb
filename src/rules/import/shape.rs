//! The shapes of `az` output: which command printed an object, ARM ids, nulls.

use serde_json::{Map, Value};

/// `(resource group, cluster)` from an ARM id, case-insensitively on the segment names.
pub(super) fn id_parts(id: &str) -> (Option<String>, Option<String>, Option<String>) {
    let parts: Vec<&str> = id.split('/').collect();
    let after = |key: &str| {
        parts
            .iter()
            .position(|p| p.eq_ignore_ascii_case(key))
            .and_then(|i| parts.get(i + 1))
            .map(|s| (*s).to_owned())
    };
    (
        after("subscriptions"),
        after("resourceGroups"),
        after("managedClusters"),
    )
}

pub(super) fn str_field<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    obj.get(key).and_then(Value::as_str)
}

/// A field that must be text: `Ok(None)` when absent; when present as anything else, says what
/// it is instead (`{"name": 5}` is a wrong type, not a missing name).
pub(super) fn text_field<'v>(
    obj: &'v Map<String, Value>,
    key: &str,
) -> Result<Option<&'v str>, String> {
    match obj.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!(
            "\"{key}\" must be text in double quotes, but it is {}",
            json_kind(other)
        )),
    }
}

/// What a JSON value is, in words, with a short sample.
pub(super) fn json_kind(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {s:?}"),
        Value::Array(_) => "a list ([ … ])".to_owned(),
        Value::Object(_) => "an object ({ … })".to_owned(),
    }
}

/// Drops `null` members everywhere: `az` prints unset fields as null; the plan types want
/// them absent.
pub(super) fn strip_nulls(value: Value) -> Value {
    match value {
        // In place, not `collect()`: collecting a map sorts its pairs, and every collect site
        // compiles its own copy of the sort (bundle size).
        Value::Object(mut map) => {
            map.retain(|_, v| !v.is_null());
            for v in map.values_mut() {
                *v = strip_nulls(std::mem::take(v));
            }
            Value::Object(map)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Cluster,
    Pool,
    Config,
}

/// ARM's own shape (`az rest`, `az resource show`, ARM template exports) nests a resource's
/// settings under `properties`; `az aks show` prints them at the top level. Lifts them to the
/// top (a top-level field wins), so both shapes read alike.
pub(super) fn lift_properties(mut obj: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(props)) = obj.remove("properties") {
        for (k, v) in props {
            obj.entry(k).or_insert(v);
        }
    }
    obj
}

/// An ARM template expression such as `[parameters('name')]`: a value only a deployment
/// resolves, never a name or region the planner can use.
pub(super) fn is_template_expression(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('[') && t.ends_with(']') && !t.starts_with("[[")
}

pub(super) fn classify(obj: &Map<String, Value>) -> Option<Kind> {
    if let Some(t) = str_field(obj, "type") {
        let t = t.to_ascii_lowercase();
        if t.ends_with("/agentpools") {
            return Some(Kind::Pool);
        }
        if t.ends_with("/maintenanceconfigurations") {
            return Some(Kind::Config);
        }
        if t.ends_with("/managedclusters") {
            return Some(Kind::Cluster);
        }
    }
    let props = obj.get("properties").and_then(Value::as_object);
    // A field at the top (az) or under `properties` (ARM).
    let has = |k: &str| obj.contains_key(k) || props.is_some_and(|p| p.contains_key(k));
    if has("agentPoolProfiles") || has("autoUpgradeProfile") {
        Some(Kind::Cluster)
    } else if has("maintenanceWindow") || has("timeInWeek") {
        Some(Kind::Config)
    } else if has("vmSize") || has("osSku") || has("osSKU") {
        Some(Kind::Pool)
    } else {
        None
    }
}

/// The node pools of a cluster, as ARM names them.
pub(super) const POOLS_FIELD: &str = "agentPoolProfiles";
pub(super) const PROFILE_FIELD: &str = "autoUpgradeProfile";
pub(super) const NODE_OS_CHANNEL_FIELD: &str = "autoUpgradeProfile.nodeOSUpgradeChannel";
pub(super) const VERSION_FIELD: &str = "kubernetesVersion";
pub(super) const LOCATION_FIELD: &str = "location";

/// What `az aks show` gives that a cluster known only from its pools or configurations lacks.
pub(super) const SHOW_FIELDS: &[&str] =
    &[PROFILE_FIELD, VERSION_FIELD, LOCATION_FIELD, POOLS_FIELD];

pub(super) const CLUSTER_FIELDS: &[&str] = &[
    "name",
    "id",
    "type",
    "resourceGroup",
    "location",
    "subscription",
    "kubernetesVersion",
    "currentKubernetesVersion",
    "tags",
    "autoUpgradeProfile",
    "currentAutoUpgradeProfile",
    "agentPoolProfiles",
    "maintenanceConfigurations",
];
pub(super) const POOL_FIELDS: &[&str] = &[
    "name",
    "id",
    "type",
    "resourceGroup",
    "mode",
    "osType",
    "osSku",
    "osSKU",
    "gpu",
    "vmSize",
    "count",
    "upgradeSettings",
];
