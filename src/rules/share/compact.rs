//! The compact JSON form inside a v1 link: the plan's JSON with well-known keys replaced by
//! one-letter codes and values the reader derives anyway left out. About 20 % shorter after
//! DEFLATE (the issue's target: 10 clusters × 3 pools with windows in < 1,500 characters).
//!
//! The key mapping is a bijection on all strings, so user data used as keys (tags) survives:
//! a key that already looks like a code, or starts with `~`, is written with a `~` prefix.
//!
//! FROZEN: this table is part of link format 1. Never edit or reorder it; a new mapping
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
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (f(&k), map_keys(v, f)))
                .collect::<Map<_, _>>(),
        ),
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
    map_keys(plan, &pack_key)
}

/// Compact value → plan JSON value (the pruned fields come back through the plan's defaults).
pub fn unpack(compact: Value) -> Value {
    map_keys(compact, &unpack_key)
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

    proptest! {
        #[test]
        fn the_key_mapping_is_a_bijection(key in "~*[a-zA-Z]{0,3}|[a-zA-Z~]{0,20}|\\PC{0,8}") {
            prop_assert_eq!(unpack_key(&pack_key(&key)), key);
        }
    }
}
