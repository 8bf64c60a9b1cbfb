//! Free compute quota: the plan's copy of ARM's compute usage lists
//! (`Microsoft.Compute/locations/{location}/usages`, what `az vm list-usage --location L`
//! prints), per subscription label and region. Surge nodes need free vCPU quota of their VM
//! family and of the region's total (docs/aks-rules.md §4.2); the planner compares the two
//! (`projection::quota`) and warns when the surge does not fit (§4.3 "surge quota > free
//! quota (user input)").
//!
//! Invariants:
//! - Items keep ARM's `Usage` shape (`name.value`, `name.localizedValue`, `currentValue`,
//!   `limit`, `unit`), so a REST item can be copied in as is. Counts are whole numbers ≥ 0:
//!   anything else is a parse error naming the line and column. A `currentValue` above its
//!   `limit` is read and reported as a finding (Azure can show it after a quota was lowered,
//!   and a row being typed passes through it).
//! - Lookups match `name.value` case-insensitively (ARM names are case-insensitive and Azure
//!   spells some families `Standard…`) and regions ignoring case and spaces; the first item of
//!   a name counts.
//! - Every edit here leaves no empty region or subscription behind, so a plan without quota
//!   serializes exactly as before (no `computeUsages` key).

mod paste;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

pub use paste::{PasteError, PasteOutcome, fill_from_list, parse_list_usage};

/// ARM's usage name for the total regional vCPUs ("Total Regional vCPUs").
pub const TOTAL_REGIONAL_VCPUS: &str = "cores";

/// Subscription label → region → ARM usage items (plan key `computeUsages`).
pub type ComputeUsages = BTreeMap<String, BTreeMap<String, Vec<Usage>>>;

/// ARM `UsageName`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageName {
    /// E.g. `standardDSv5Family` or [`TOTAL_REGIONAL_VCPUS`].
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub localized_value: Option<String>,
}

/// ARM `Usage`: one quota of a subscription in a region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Usage {
    pub name: UsageName,
    #[serde(deserialize_with = "count")]
    pub current_value: u64,
    #[serde(deserialize_with = "count")]
    pub limit: u64,
    /// ARM's unit, `Count` for vCPU quotas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Usage {
    /// A vCPU quota as the planner writes it when the user types it.
    pub fn new(name: &str, limit: u64, current_value: u64) -> Self {
        Usage {
            name: UsageName {
                value: name.to_owned(),
                localized_value: None,
            },
            current_value,
            limit,
            unit: None,
        }
    }

    /// `limit − currentValue`, 0 when the usage is already above the limit.
    pub fn free(&self) -> u64 {
        self.limit.saturating_sub(self.current_value)
    }
}

/// A usage count: a whole number ≥ 0, with a message that says so (serde's own would say
/// "expected u64").
fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    struct Count;
    impl serde::de::Visitor<'_> for Count {
        type Value = u64;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number of vCPUs, 0 or more")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }
    }
    d.deserialize_u64(Count)
}

pub use super::region::region_key;

/// The usage list stored for `subscription` in `location`.
pub fn list<'a>(all: &'a ComputeUsages, subscription: &str, location: &str) -> &'a [Usage] {
    let key = region_key(location);
    all.get(subscription)
        .and_then(|regions| regions.iter().find(|(r, _)| region_key(r) == key))
        .map_or(&[], |(_, items)| items.as_slice())
}

/// The first item named `name` in a list.
pub fn find<'a>(items: &'a [Usage], name: &str) -> Option<&'a Usage> {
    items
        .iter()
        .find(|u| u.name.value.eq_ignore_ascii_case(name))
}

/// What people call a usage: `Total Regional vCPUs` for `cores`, else ARM's name.
pub fn label(name: &str) -> String {
    if name.eq_ignore_ascii_case(TOTAL_REGIONAL_VCPUS) {
        "Total Regional vCPUs".to_owned()
    } else {
        name.to_owned()
    }
}

/// Why a quota edit was refused; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsageError {
    #[error(
        "enter the limit of {0} first: a used count means nothing without it (az vm list-usage shows both)"
    )]
    NoLimit(String),
}

/// The list for `subscription` in `location`, created if missing (under `location` as given).
fn list_mut<'a>(
    all: &'a mut ComputeUsages,
    subscription: &str,
    location: &str,
) -> &'a mut Vec<Usage> {
    let regions = all.entry(subscription.to_owned()).or_default();
    let key = region_key(location);
    let existing = regions.keys().find(|r| region_key(r) == key).cloned();
    regions
        .entry(existing.unwrap_or_else(|| location.to_owned()))
        .or_default()
}

/// Drops the list of `subscription` in `location` if empty, then the subscription if empty,
/// so a plan without quota has no `computeUsages`.
fn prune(all: &mut ComputeUsages, subscription: &str, location: &str) {
    let Some(regions) = all.get_mut(subscription) else {
        return;
    };
    let key = region_key(location);
    let empty = regions
        .iter()
        .find(|(r, items)| region_key(r) == key && items.is_empty())
        .map(|(r, _)| r.clone());
    if let Some(r) = empty {
        regions.remove(&r);
    }
    if regions.is_empty() {
        all.remove(subscription);
    }
}

/// Sets the limit of quota `name`; a new quota starts with 0 used. `None` removes the quota
/// (every item of that name): its free amount is unknown again.
pub fn set_limit(
    all: &mut ComputeUsages,
    subscription: &str,
    location: &str,
    name: &str,
    limit: Option<u64>,
) {
    let items = list_mut(all, subscription, location);
    match (
        limit,
        items
            .iter_mut()
            .find(|u| u.name.value.eq_ignore_ascii_case(name)),
    ) {
        (Some(l), Some(u)) => u.limit = l,
        (Some(l), None) => items.push(Usage::new(name, l, 0)),
        (None, _) => items.retain(|u| !u.name.value.eq_ignore_ascii_case(name)),
    }
    prune(all, subscription, location);
}

/// Sets the used count (`currentValue`) of quota `name`, which must have a limit already.
pub fn set_current_value(
    all: &mut ComputeUsages,
    subscription: &str,
    location: &str,
    name: &str,
    current_value: u64,
) -> Result<(), UsageError> {
    let item = all
        .get_mut(subscription)
        .and_then(|regions| {
            let key = region_key(location);
            regions
                .iter_mut()
                .find(|(r, _)| region_key(r) == key)
                .map(|(_, items)| items)
        })
        .and_then(|items| {
            items
                .iter_mut()
                .find(|u| u.name.value.eq_ignore_ascii_case(name))
        })
        .ok_or_else(|| UsageError::NoLimit(label(name)))?;
    item.current_value = current_value;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::plan::Plan;

    const PLAN: &str = r#"{"version":1,"computeUsages":{"contoso-prod":{"westeurope":[
        {"name":{"value":"standardDSv5Family","localizedValue":"Standard DSv5 Family vCPUs"},
         "currentValue":12,"limit":350,"unit":"Count"},
        {"name":{"value":"cores","localizedValue":"Total Regional vCPUs"},"currentValue":40,"limit":100}
    ]}}}"#;

    #[test]
    fn arm_usage_items_read_and_write_back_unchanged() {
        let (plan, notices) = Plan::from_json(PLAN).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        let items = list(&plan.compute_usages, "contoso-prod", "West Europe");
        let dsv5 = find(items, "STANDARDDSV5FAMILY").unwrap();
        assert_eq!(
            (dsv5.limit, dsv5.current_value, dsv5.free()),
            (350, 12, 338)
        );
        assert_eq!(find(items, TOTAL_REGIONAL_VCPUS).unwrap().free(), 60);
        let (back, _) = Plan::from_json(&plan.to_json()).unwrap();
        assert_eq!(back, plan);
    }

    #[test]
    fn a_plan_without_quota_writes_no_compute_usages_key() {
        assert!(!Plan::default().to_json().contains("computeUsages"));
    }

    #[test]
    fn negative_fractional_or_quoted_counts_are_parse_errors_with_a_position() {
        for bad in ["-1", "1.5", "\"12\"", "null"] {
            let text = PLAN.replace("\"currentValue\":12", &format!("\"currentValue\":{bad}"));
            let err = Plan::from_json(&text).unwrap_err().to_string();
            assert!(err.starts_with("line 3, column "), "{bad}: {err}");
            assert!(err.contains("whole number of vCPUs"), "{bad}: {err}");
        }
    }

    #[test]
    fn unknown_fields_of_a_usage_become_notices() {
        let text = PLAN.replace(
            "\"unit\":\"Count\"",
            "\"unit\":\"Count\",\"localName\":\"x\"",
        );
        let (_, notices) = Plan::from_json(&text).unwrap();
        let paths: Vec<&str> = notices.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(
            paths,
            ["computeUsages.contoso-prod.westeurope[0].localName"]
        );
    }

    #[test]
    fn used_above_limit_has_no_free_quota() {
        assert_eq!(Usage::new("cores", 50, 60).free(), 0);
    }

    #[test]
    fn limit_edits_create_update_and_remove_leaving_nothing_empty() {
        let mut all = ComputeUsages::new();
        set_limit(&mut all, "s", "westeurope", "standardDSv5Family", Some(100));
        set_limit(&mut all, "s", "WestEurope", "standarddsv5family", Some(120));
        let items = list(&all, "s", "westeurope");
        assert_eq!(items, [Usage::new("standardDSv5Family", 120, 0)]);
        set_current_value(&mut all, "s", "westeurope", "standardDSv5Family", 30).unwrap();
        assert_eq!(
            find(list(&all, "s", "westeurope"), "standardDSv5Family")
                .unwrap()
                .free(),
            90
        );
        set_limit(&mut all, "s", "westeurope", "standardDSv5Family", None);
        assert!(all.is_empty(), "{all:?}");
    }

    #[test]
    fn a_used_count_without_a_limit_is_refused_and_changes_nothing() {
        let mut all = ComputeUsages::new();
        let err = set_current_value(&mut all, "s", "westeurope", "cores", 4).unwrap_err();
        assert_eq!(err, UsageError::NoLimit("Total Regional vCPUs".to_owned()));
        assert!(
            err.to_string()
                .starts_with("enter the limit of Total Regional vCPUs first")
        );
        assert!(all.is_empty());
    }
}
