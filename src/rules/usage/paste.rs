//! Reading pasted usage lists: what `az vm list-usage --location L -o json` prints (a JSON
//! list; az turns `currentValue` and `limit` into strings and adds `localName`, see its
//! `transform_vm_usage_list`), or the REST response (`{"value": [...], "nextLink": …}`).
//! Only vCPU quotas are kept: `cores` and the VM families (`…Family`); of those, only the ones
//! the plan asks for, so a link does not carry a region's hundred quotas.

use serde_json::{Map, Value};

use super::{ComputeUsages, Usage, UsageName, find, label, list_mut};

/// Why a pasted text is not a usage list; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    #[error("nothing to read: paste the output of az vm list-usage --location REGION -o json")]
    Empty,
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "not az vm list-usage output ({found}): paste the whole JSON list that az vm list-usage --location REGION -o json prints"
    )]
    NotUsageList { found: String },
    #[error(
        "item [{index}] ({name}): {field} {value} is not a whole number of vCPUs (0 or more): paste the list exactly as az printed it"
    )]
    BadCount {
        index: u32,
        name: String,
        field: &'static str,
        value: String,
    },
    #[error(
        "the list has no vCPU quotas (no \"cores\" and no …Family item): is it az vm list-usage output?"
    )]
    NoVcpuQuotas,
}

/// Every vCPU quota (`cores` and `…Family` items) in a pasted usage list, in its order.
pub fn parse_list_usage(text: &str) -> Result<Vec<Usage>, PasteError> {
    if text.trim().is_empty() {
        return Err(PasteError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let message = full
            .rfind(" at line ")
            .map_or(full.clone(), |i| full[..i].to_owned());
        PasteError::Json {
            line: e.line(),
            column: e.column(),
            message,
        }
    })?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut map) => match map.remove("value") {
            Some(Value::Array(items)) => items,
            _ => {
                return Err(PasteError::NotUsageList {
                    found: "an object without a \"value\" list".to_owned(),
                });
            }
        },
        other => {
            return Err(PasteError::NotUsageList {
                found: format!("a JSON {}", kind(&other)),
            });
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let obj = item.as_object().ok_or_else(|| PasteError::NotUsageList {
            found: format!("item [{index}] is a {}", kind(item)),
        })?;
        let name = obj
            .get("name")
            .and_then(|n| n.get("value"))
            .and_then(Value::as_str)
            .ok_or_else(|| PasteError::NotUsageList {
                found: format!("item [{index}] has no name.value"),
            })?;
        // Quotas other than vCPUs (availability sets, disks, …) are not needed; their values
        // are not checked either, so an odd one there cannot block the paste.
        if !is_vcpu_quota(name) {
            continue;
        }
        let number = |field: &'static str| count(obj, field, index, name);
        out.push(Usage {
            name: UsageName {
                value: name.to_owned(),
                localized_value: obj
                    .get("name")
                    .and_then(|n| n.get("localizedValue"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            },
            current_value: number("currentValue")?,
            limit: number("limit")?,
            unit: obj.get("unit").and_then(Value::as_str).map(str::to_owned),
        });
    }
    if out.is_empty() {
        return Err(PasteError::NoVcpuQuotas);
    }
    Ok(out)
}

/// `cores` or a VM family quota (`standardDSv5Family`, `StandardNCADSA100v4Family`).
fn is_vcpu_quota(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == super::TOTAL_REGIONAL_VCPUS
        || (lower.starts_with("standard") && lower.ends_with("family"))
}

/// A count as REST (a number) or az (a string of digits) writes it.
fn count(
    obj: &Map<String, Value>,
    field: &'static str,
    index: u32,
    name: &str,
) -> Result<u64, PasteError> {
    let value = obj.get(field);
    let parsed = match value {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().ok()
        }
        _ => None,
    };
    parsed.ok_or_else(|| PasteError::BadCount {
        index,
        name: name.to_owned(),
        field,
        value: value.map_or("(missing)".to_owned(), Value::to_string),
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false value",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// What a paste changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteOutcome {
    /// vCPU quotas in the pasted list.
    pub read: u32,
    /// Wanted quotas found and stored (ARM's spelling).
    pub filled: Vec<String>,
    /// Wanted quotas the list does not have.
    pub missing: Vec<String>,
}

impl PasteOutcome {
    /// `Filled 2 of 2 quotas from 87 vCPU quotas: cores, standardDSv5Family.` and what is
    /// missing.
    pub fn message(&self, subscription: &str, location: &str) -> String {
        let wanted = self.filled.len() + self.missing.len();
        let mut text = format!(
            "{subscription} / {location}: filled {} of {wanted} quotas from {} vCPU quotas in the list",
            self.filled.len(),
            self.read
        );
        if !self.filled.is_empty() {
            text.push_str(": ");
            text.push_str(&self.filled.join(", "));
        }
        text.push('.');
        if !self.missing.is_empty() {
            let names: Vec<String> = self.missing.iter().map(|n| label(n)).collect();
            text.push_str(&format!(
                " Not in the list: {} (was it run for this region? enter them by hand).",
                names.join(", ")
            ));
        }
        text
    }
}

/// Stores the `wanted` quotas (ARM names, any case) found in `pasted` for `subscription` in
/// `location`, replacing earlier entries of the same names; other entries stay.
pub fn fill_from_list(
    all: &mut ComputeUsages,
    subscription: &str,
    location: &str,
    pasted: &[Usage],
    wanted: &[String],
) -> PasteOutcome {
    let mut filled = Vec::new();
    let mut missing = Vec::new();
    let items = list_mut(all, subscription, location);
    for name in wanted {
        match find(pasted, name) {
            Some(u) => {
                items.retain(|old| !old.name.value.eq_ignore_ascii_case(name));
                items.push(u.clone());
                filled.push(u.name.value.clone());
            }
            None => missing.push(name.clone()),
        }
    }
    super::prune(all, subscription, location);
    PasteOutcome {
        read: u32::try_from(pasted.len()).unwrap_or(u32::MAX),
        filled,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::super::list;
    use super::*;

    /// `az vm list-usage --location westeurope -o json` (az 2.6x): strings, `localName`.
    const AZ: &str = r#"[
      { "currentValue": "3", "limit": "2500", "localName": "Availability Sets",
        "name": { "localizedValue": "Availability Sets", "value": "availabilitySets" } },
      { "currentValue": "40", "limit": "100", "localName": "Total Regional vCPUs",
        "name": { "localizedValue": "Total Regional vCPUs", "value": "cores" } },
      { "currentValue": "12", "limit": "350", "localName": "Standard DSv5 Family vCPUs",
        "name": { "localizedValue": "Standard DSv5 Family vCPUs", "value": "standardDSv5Family" } },
      { "currentValue": "0", "limit": "24", "localName": "Standard NCSv3 Family vCPUs",
        "name": { "localizedValue": "Standard NCSv3 Family vCPUs", "value": "standardNCSv3Family" } },
      { "currentValue": "-1", "limit": "odd", "name": { "value": "PremiumDiskCount" } }
    ]"#;

    /// The REST response (numbers, a `value` wrapper).
    const REST: &str = r#"{"value":[{"unit":"Count","currentValue":12,"limit":350,
        "name":{"value":"standardDSv5Family","localizedValue":"Standard DSv5 Family vCPUs"}}],
        "nextLink":null}"#;

    #[test]
    fn az_output_keeps_the_vcpu_quotas_with_their_numbers() {
        let got = parse_list_usage(AZ).unwrap();
        let names: Vec<&str> = got.iter().map(|u| u.name.value.as_str()).collect();
        assert_eq!(
            names,
            ["cores", "standardDSv5Family", "standardNCSv3Family"]
        );
        assert_eq!((got[1].limit, got[1].current_value), (350, 12));
        assert_eq!(
            got[1].name.localized_value.as_deref(),
            Some("Standard DSv5 Family vCPUs")
        );
    }

    #[test]
    fn the_rest_response_reads_the_same() {
        let got = parse_list_usage(REST).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].free(), 338);
        assert_eq!(got[0].unit.as_deref(), Some("Count"));
    }

    #[test]
    fn garbage_gets_a_specific_message() {
        let cases: [(&str, &str); 7] = [
            ("   ", "nothing to read"),
            ("[{\"name\": ", "line 1, column"),
            ("\"hello\"", "not az vm list-usage output (a JSON string)"),
            ("{\"id\": 1}", "an object without a \"value\" list"),
            ("[{\"limit\": 3}]", "item [0] has no name.value"),
            (
                "[{\"name\":{\"value\":\"availabilitySets\"},\"limit\":\"1\",\"currentValue\":\"0\"}]",
                "no vCPU quotas",
            ),
            (
                "[{\"name\":{\"value\":\"cores\"},\"limit\":\"-5\",\"currentValue\":\"0\"}]",
                "item [0] (cores): limit \"-5\" is not a whole number of vCPUs",
            ),
        ];
        for (text, want) in cases {
            let err = parse_list_usage(text).unwrap_err().to_string();
            assert!(err.contains(want), "{text}: {err}");
        }
    }

    #[test]
    fn filling_stores_only_wanted_quotas_and_names_the_missing_ones() {
        let pasted = parse_list_usage(AZ).unwrap();
        let mut all = ComputeUsages::new();
        let wanted = [
            "standarddsv5family".to_owned(),
            "cores".to_owned(),
            "standardESv5Family".to_owned(),
        ];
        let outcome = fill_from_list(&mut all, "contoso-prod", "westeurope", &pasted, &wanted);
        assert_eq!(outcome.filled, ["standardDSv5Family", "cores"]);
        assert_eq!(outcome.missing, ["standardESv5Family"]);
        assert_eq!(list(&all, "contoso-prod", "westeurope").len(), 2);
        assert_eq!(
            outcome.message("contoso-prod", "westeurope"),
            "contoso-prod / westeurope: filled 2 of 3 quotas from 3 vCPU quotas in the list: standardDSv5Family, cores. Not in the list: standardESv5Family (was it run for this region? enter them by hand)."
        );
        // A second paste replaces, never duplicates.
        fill_from_list(&mut all, "contoso-prod", "westeurope", &pasted, &wanted);
        assert_eq!(list(&all, "contoso-prod", "westeurope").len(), 2);
    }

    #[test]
    fn a_paste_with_none_of_the_wanted_quotas_leaves_no_empty_entry() {
        let pasted = parse_list_usage(REST).unwrap();
        let mut all = ComputeUsages::new();
        let outcome = fill_from_list(&mut all, "s", "westeurope", &pasted, &["cores".to_owned()]);
        assert!(outcome.filled.is_empty());
        assert!(all.is_empty());
    }
}
