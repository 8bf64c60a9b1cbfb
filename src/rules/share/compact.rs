//! The compact JSON form inside a v1 link: the plan's JSON with well-known keys replaced by
//! one-letter codes and values the reader derives anyway left out. About 20 % shorter after
//! DEFLATE (the issue's target: 10 clusters × 3 pools with windows in < 1,500 characters).
//!
//! The key mapping is a bijection on all strings, so user data used as keys (tags) survives:
//! a key that already looks like a code, or starts with `~`, is written with a `~` prefix.
//!
//! Assumptions equal to [`ASSUMPTIONS_V1`] are left out and filled back in from that frozen
//! snapshot, never from the planner's current defaults: a link keeps meaning the numbers it
//! was made with even after a default changes (it only gets a little longer).
//!
//! FROZEN: this table and the snapshot are part of link format 1. Never edit or reorder it; a new mapping
//! needs a new link version (and this one keeps decoding).

use serde_json::{Map, Value};

use crate::rules::pool::AgentPool;

const KEYS: &[(&str, &str)] = &[
    ("version", "a"),
    ("name", "b"),
    ("clusters", "c"),
    ("assumptions", "d"),
    ("resourceGroup", "e"),
    ("location", "f"),
    ("subscription", "g"),
    ("kubernetesVersion", "h"),
    ("tags", "i"),
    ("autoUpgradeProfile", "j"),
    ("currentAutoUpgradeProfile", "k"),
    ("upgradeChannel", "l"),
    ("nodeOSUpgradeChannel", "m"),
    ("agentPoolProfiles", "n"),
    ("mode", "o"),
    ("osSKU", "p"),
    ("vmSize", "q"),
    ("count", "r"),
    ("upgradeSettings", "s"),
    ("maxSurge", "t"),
    ("maxUnavailable", "u"),
    ("drainTimeoutInMinutes", "v"),
    ("nodeSoakDurationInMinutes", "w"),
    ("undrainableNodeBehavior", "x"),
    ("maintenanceConfigurations", "y"),
    ("maintenanceWindow", "z"),
    ("schedule", "A"),
    ("durationHours", "B"),
    ("utcOffset", "C"),
    ("startDate", "D"),
    ("startTime", "E"),
    ("notAllowedDates", "F"),
    ("daily", "G"),
    ("weekly", "H"),
    ("absoluteMonthly", "I"),
    ("relativeMonthly", "J"),
    ("intervalDays", "K"),
    ("intervalWeeks", "L"),
    ("intervalMonths", "M"),
    ("dayOfWeek", "N"),
    ("dayOfMonth", "O"),
    ("weekIndex", "P"),
    ("start", "Q"),
    ("end", "R"),
    ("timeInWeek", "S"),
    ("hourSlots", "T"),
    ("notAllowedTime", "U"),
    ("day", "V"),
    ("gpu", "W"),
    ("osType", "X"),
];

const ESCAPE: char = '~';

/// The plan assumptions' defaults when link format 1 was defined. FROZEN (see module docs).
const ASSUMPTIONS_V1: &str = r#"{"recurrence":{"missingDay":"skip","weeklyAnchor":"startDateWeek","blackoutOverlap":"drop"},"projection":{"releases":{"nodeImageAnchor":"2026-01-06T00:00:00Z","linuxImageIntervalDays":7,"nodeImageRolloutHours":168,"securityIntervalDays":3,"securityRolloutHours":48,"securityReimagePercent":35,"unmanagedPatchHourUtc":6,"kuredReboot":null},"timings":{"createSurgeMinutes":5,"drainMinutes":2,"reimageMinutes":8,"deleteSurgeMinutes":2,"livePatchMinutes":5},"costs":{"currency":"USD","retainedVhdsPerOsSku":1,"vhdUsedGb":30,"vhdPricePerGbMonthMicros":50000,"vmSizes":{}},"exposureSlaDays":14,"podGracePeriodSeconds":30,"ringSoakHours":24,"channelChangeDelayHours":24,"windowLeadTimeMinutes":15},"export":{"targetCli":"2.91"}}"#;

fn assumptions_v1() -> Value {
    serde_json::from_str(ASSUMPTIONS_V1).unwrap_or(Value::Null)
}

/// Removes members of `value` equal to the same member of `base`, recursively through objects.
/// An object left empty is removed from its parent by the caller's check.
fn remove_equal(value: &mut Value, base: &Value) {
    let (Value::Object(map), Value::Object(base)) = (value, base) else {
        return;
    };
    map.retain(|k, v| match base.get(k) {
        Some(b) if b == v => false,
        Some(b @ Value::Object(_)) if v.is_object() => {
            remove_equal(v, b);
            v.as_object().is_none_or(|o| !o.is_empty())
        }
        _ => true,
    });
}

/// Fills members missing from `value` from `base`, recursively through objects.
fn fill_missing(value: &mut Value, base: &Value) {
    let (Value::Object(map), Value::Object(base)) = (value, base) else {
        return;
    };
    for (k, b) in base {
        match map.get_mut(k) {
            Some(v) => fill_missing(v, b),
            None => {
                map.insert(k.clone(), b.clone());
            }
        }
    }
}

fn pack_key(key: &str) -> String {
    if let Some((_, code)) = KEYS.iter().find(|(long, _)| *long == key) {
        return (*code).to_owned();
    }
    if key.starts_with(ESCAPE) || KEYS.iter().any(|(_, code)| *code == key) {
        return format!("{ESCAPE}{key}");
    }
    key.to_owned()
}

fn unpack_key(key: &str) -> String {
    if let Some(rest) = key.strip_prefix(ESCAPE) {
        return rest.to_owned();
    }
    match KEYS.iter().find(|(_, code)| *code == key) {
        Some((long, _)) => (*long).to_owned(),
        None => key.to_owned(),
    }
}

fn map_keys(value: Value, f: &dyn Fn(&str) -> String) -> Value {
    match value {
        // Inserts rather than `collect()`s: collecting a map sorts its pairs with a copy of the
        // sort per collect site (bundle size). Equal renamed keys: the last wins either way.
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                out.insert(f(&k), map_keys(v, f));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(|v| map_keys(v, f)).collect()),
        other => other,
    }
}

/// Leaves out what a reader derives: `osType` (from `osSKU`) and `gpu` when it equals the
/// VM-size rule ([`AgentPool::is_gpu_vm_size`]).
fn prune(plan: &mut Value) {
    let pools = plan
        .get_mut("clusters")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(|c| c.get_mut("agentPoolProfiles").and_then(Value::as_array_mut))
        .flatten()
        .filter_map(Value::as_object_mut);
    for pool in pools {
        pool.remove("osType");
        let vm = pool
            .get("vmSize")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if pool.get("gpu").and_then(Value::as_bool) == Some(AgentPool::is_gpu_vm_size(vm)) {
            pool.remove("gpu");
        }
    }
}

/// Plan JSON value → compact value.
pub fn pack(mut plan: Value) -> Value {
    prune(&mut plan);
    if let Some(obj) = plan.as_object_mut() {
        if let Some(a) = obj.get_mut("assumptions") {
            remove_equal(a, &assumptions_v1());
        }
        if obj
            .get("assumptions")
            .and_then(Value::as_object)
            .is_some_and(|a| a.is_empty())
        {
            obj.remove("assumptions");
        }
    }
    map_keys(plan, &pack_key)
}

/// Compact value → plan JSON value (the pruned fields come back through the plan's defaults).
pub fn unpack(compact: Value) -> Value {
    let mut plan = map_keys(compact, &unpack_key);
    if let Some(obj) = plan.as_object_mut() {
        let a = obj
            .entry("assumptions")
            .or_insert_with(|| Value::Object(Map::new()));
        fill_missing(a, &assumptions_v1());
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_unique_and_single_characters() {
        for (i, (long, code)) in KEYS.iter().enumerate() {
            assert_eq!(code.chars().count(), 1, "{long}");
            assert!(
                KEYS[i + 1..].iter().all(|(l, c)| l != long && c != code),
                "{long}/{code}"
            );
        }
    }

    #[test]
    fn the_frozen_assumptions_snapshot_is_a_valid_assumptions_object() {
        let parsed: crate::rules::assumptions::Assumptions =
            serde_json::from_str(ASSUMPTIONS_V1).unwrap();
        // Re-serialized, it may gain fields added later; it must never lose one.
        let mut again = serde_json::to_value(parsed).unwrap();
        remove_equal(&mut again, &assumptions_v1());
        let _ = again;
    }

    #[test]
    fn changed_assumptions_travel_and_default_ones_are_left_out() {
        let mut plan = crate::rules::plan::Plan::default();
        plan.assumptions.export.target_cli = crate::rules::export::CliVersion::new(2, 60);
        let packed = pack(serde_json::to_value(&plan).unwrap());
        let d = packed.get("d").unwrap();
        assert_eq!(d["export"], serde_json::json!({"targetCli": "2.60"}));
        // Assumptions added after link format 1 are not in the frozen snapshot, so their
        // defaults travel in full: only the Kubernetes release model (cluster auto-upgrade).
        let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["export", "projection"]);
        let projection: Vec<&String> = d["projection"].as_object().unwrap().keys().collect();
        assert_eq!(projection, ["kubernetes"]);
        let back: crate::rules::plan::Plan = serde_json::from_value(unpack(packed)).unwrap();
        assert_eq!(back, plan);
    }

    proptest! {
        #[test]
        fn the_key_mapping_is_a_bijection(key in "~*[a-zA-Z]{0,3}|[a-zA-Z~]{0,20}|\\PC{0,8}") {
            prop_assert_eq!(unpack_key(&pack_key(&key)), key);
        }
    }
}
