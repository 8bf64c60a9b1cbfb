//! VM sizes: vCPUs and quota family (for surge quota, docs/aks-rules.md §4.2) and an hourly price
//! (for surge cost, §1.4/§4.4). A small built-in table covers common sizes; names that follow
//! the modern pattern (`Standard_D8s_v5`) are parsed; anything else is "unknown: ask the user",
//! and the user's entries in [`CostAssumptions::vm_sizes`] override everything.

use serde::Serialize;

use super::super::os::OsSku;
use super::assumptions::CostAssumptions;

/// Built-in list prices: Linux pay-as-you-go, East US, USD per hour in micro-units. Estimates
/// only (Azure retail prices vary by region, OS and agreement); the UI labels them as such.
const PRICES: &[(&str, u64)] = &[
    ("standard_b2s", 41_600),
    ("standard_b4ms", 166_000),
    ("standard_d2s_v3", 96_000),
    ("standard_d4s_v3", 192_000),
    ("standard_d8s_v3", 384_000),
    ("standard_d16s_v3", 768_000),
    ("standard_d2s_v5", 96_000),
    ("standard_d4s_v5", 192_000),
    ("standard_d8s_v5", 384_000),
    ("standard_d16s_v5", 768_000),
    ("standard_d32s_v5", 1_536_000),
    ("standard_d4ds_v5", 226_000),
    ("standard_d8ds_v5", 452_000),
    ("standard_d4as_v5", 172_000),
    ("standard_d8as_v5", 344_000),
    ("standard_e4s_v5", 252_000),
    ("standard_e8s_v5", 504_000),
    ("standard_e16s_v5", 1_008_000),
    ("standard_f4s_v2", 169_000),
    ("standard_f8s_v2", 338_000),
    ("standard_ds2_v2", 146_000),
    ("standard_ds3_v2", 293_000),
    ("standard_nc6s_v3", 3_060_000),
];

/// Old sizes whose number is a size index, not vCPUs.
const LEGACY_VCPUS: &[(&str, u32, &str)] = &[
    ("standard_ds2_v2", 2, "standardDSv2Family"),
    ("standard_ds3_v2", 4, "standardDSv2Family"),
    ("standard_ds4_v2", 8, "standardDSv2Family"),
    ("standard_d2_v2", 2, "standardDv2Family"),
    ("standard_d3_v2", 4, "standardDv2Family"),
    ("standard_d4_v2", 8, "standardDv2Family"),
];

/// A quota family in ARM's spelling (`name.value` of `az vm list-usage`): `DSv5` and
/// `standardDSv5Family` both give `standardDSv5Family`, so a short name the user typed under
/// the assumptions matches the usage list; blank is `None`.
pub fn arm_family(name: &str) -> Option<String> {
    let trimmed = name.trim();
    let lower = trimmed.to_ascii_lowercase();
    if trimmed.is_empty() {
        None
    } else if lower.starts_with("standard") && lower.ends_with("family") {
        Some(trimmed.to_owned())
    } else {
        Some(format!("standard{trimmed}Family"))
    }
}

/// The short name of a family for text: `standardDSv5Family` → `DSv5`.
pub fn short_family(arm: &str) -> &str {
    let lower = arm.to_ascii_lowercase();
    if lower.len() > 14 && lower.starts_with("standard") && lower.ends_with("family") {
        arm.get(8..arm.len() - 6).unwrap_or(arm)
    } else {
        arm
    }
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Provenance {
    /// The user's entry.
    User,
    /// Built-in table or parsed from the name: an estimate.
    BuiltIn,
    /// Not known: the user must enter it.
    Unknown,
}

/// Everything the projection knows about a VM size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VmSizeInfo {
    pub name: String,
    pub vcpus: Option<u32>,
    pub family: Option<String>,
    pub vcpus_from: Provenance,
    pub price_per_hour_micros: Option<u64>,
    pub price_from: Provenance,
}

/// vCPUs and quota family (ARM's `name.value` spelling) parsed from a modern size name:
/// `Standard_D8s_v5` → (8, "standardDSv5Family"), `Standard_D8ads_v5` → (8,
/// "standardDADSv5Family"), `Standard_NC6s_v3` → (6, "standardNCSv3Family"); every B-series
/// v1 size (`B2s`, `B4ms`) is in "standardBSFamily". Constrained-core names (`E8-4s_v5`) give
/// the active count (4). Old `D/DS/A/G` sizes before v3 number sizes, not vCPUs: `None`.
pub fn parse_vm_size(name: &str) -> Option<(u32, String)> {
    let lower = name.trim().to_ascii_lowercase();
    let body = lower.strip_prefix("standard_").unwrap_or(&lower);
    let (series_part, version) = match body.split_once('_') {
        Some((s, v)) if v.starts_with('v') && v.len() > 1 => (s, Some(v)),
        Some(_) => return None,
        None => (body, None),
    };
    let letters_end = series_part.find(|c: char| c.is_ascii_digit())?;
    let letters = &series_part[..letters_end];
    let rest = &series_part[letters_end..];
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let mut vcpus: u32 = rest[..digits_end].parse().ok()?;
    let mut features = &rest[digits_end..];
    // Constrained vCPU sizes: E8-4s_v5 has 4 active vCPUs.
    if let Some(constrained) = features.strip_prefix('-') {
        let end = constrained
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(constrained.len());
        vcpus = constrained[..end].parse().ok()?;
        features = &constrained[end..];
    }
    if letters.is_empty() || vcpus == 0 || !features.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let generation: u32 = version.and_then(|v| v[1..].parse().ok()).unwrap_or(1);
    let legacy =
        matches!(letters, "a" | "g" | "gs") || (matches!(letters, "d" | "ds") && generation < 3);
    if legacy {
        return None;
    }
    // ARM puts all first-generation B sizes (B1ls … B20ms) in one "BS" family.
    let features = if letters == "b" && version.is_none() {
        "s"
    } else {
        features
    };
    let series = format!("{letters}{features}").to_ascii_uppercase();
    Some((
        vcpus,
        format!("standard{series}{}Family", version.unwrap_or("")),
    ))
}

/// Looks a size up: user entry, then built-in table and name parsing, else unknown.
pub fn lookup(name: &str, costs: &CostAssumptions) -> VmSizeInfo {
    let lower = name.trim().to_ascii_lowercase();
    let user = costs
        .vm_sizes
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name.trim()))
        .map(|(_, v)| v);
    let builtin = LEGACY_VCPUS
        .iter()
        .find(|(n, _, _)| *n == lower)
        .map(|&(_, v, f)| (v, f.to_owned()))
        .or_else(|| parse_vm_size(name));
    let (vcpus, family, vcpus_from) = match (user.and_then(|u| u.vcpus), builtin) {
        (Some(v), b) => (
            Some(v),
            user.and_then(|u| u.family.as_deref().and_then(arm_family))
                .or_else(|| b.map(|(_, f)| f)),
            Provenance::User,
        ),
        (None, Some((v, f))) => (
            Some(v),
            Some(
                user.and_then(|u| u.family.as_deref().and_then(arm_family))
                    .unwrap_or(f),
            ),
            Provenance::BuiltIn,
        ),
        (None, None) => (
            None,
            user.and_then(|u| u.family.as_deref().and_then(arm_family)),
            Provenance::Unknown,
        ),
    };
    let (price, price_from) = match user.and_then(|u| u.price_per_hour_micros) {
        Some(p) => (Some(p), Provenance::User),
        None => match PRICES.iter().find(|(n, _)| *n == lower) {
            Some(&(_, p)) => (Some(p), Provenance::BuiltIn),
            None => (None, Provenance::Unknown),
        },
    };
    VmSizeInfo {
        name: name.to_owned(),
        vcpus,
        family,
        vcpus_from,
        price_per_hour_micros: price,
        price_from,
    }
}

/// [`lookup`], each name looked up once: a fleet repeats a few sizes thousands of times, and a
/// lookup lowercases, searches and parses the name (issue 11: 14 ms of a 2,000-cluster edit in
/// the browser). Only the sizes a plan uses are kept, so a linear search is enough.
pub struct VmSizes<'a> {
    costs: &'a CostAssumptions,
    known: Vec<VmSizeInfo>,
}

impl<'a> VmSizes<'a> {
    pub fn new(costs: &'a CostAssumptions) -> Self {
        VmSizes {
            costs,
            known: Vec::new(),
        }
    }

    /// Equal to [`lookup`]`(name, costs)`.
    pub fn get(&mut self, name: &str) -> &VmSizeInfo {
        let at = match self.known.iter().position(|v| v.name == name) {
            Some(at) => at,
            None => {
                self.known.push(lookup(name, self.costs));
                self.known.len() - 1
            }
        };
        &self.known[at]
    }
}

/// The hourly price of one VM of `vm` in a pool of `sku`: the built-in table holds Linux
/// prices, so a Windows pool adds the Windows Server license per vCPU; a price the user entered
/// is used as it is (docs/aks-2026.md §1.4 surge cost; Windows surge VMs are Windows VMs).
pub fn hourly_price(vm: &VmSizeInfo, sku: OsSku, costs: &CostAssumptions) -> Option<u64> {
    let base = vm.price_per_hour_micros?;
    Some(match (sku.is_windows(), vm.price_from, vm.vcpus) {
        (true, Provenance::BuiltIn, Some(vcpus)) => base.saturating_add(
            costs
                .windows_license_per_vcpu_hour_micros
                .saturating_mul(u64::from(vcpus)),
        ),
        _ => base,
    })
}

#[cfg(test)]
mod tests {
    use super::super::assumptions::VmSizeEntry;
    use super::*;

    #[test]
    fn modern_names_parse_to_vcpus_and_quota_family() {
        let cases = [
            // Families as ARM's usage list spells them (`az vm list-usage` name.value).
            ("Standard_D8s_v5", Some((8, "standardDSv5Family"))),
            ("Standard_D8ads_v5", Some((8, "standardDADSv5Family"))),
            ("Standard_D8ds_v5", Some((8, "standardDDSv5Family"))),
            ("Standard_D4as_v5", Some((4, "standardDASv5Family"))),
            ("Standard_D8_v5", Some((8, "standardDv5Family"))),
            ("Standard_D8s_v3", Some((8, "standardDSv3Family"))),
            ("Standard_NC6s_v3", Some((6, "standardNCSv3Family"))),
            ("Standard_B2s", Some((2, "standardBSFamily"))),
            ("Standard_B4ms", Some((4, "standardBSFamily"))),
            ("Standard_E8-4s_v5", Some((4, "standardESv5Family"))),
            ("Standard_F16s_v2", Some((16, "standardFSv2Family"))),
            ("Standard_DS3_v2", None),
            ("Standard_D3_v2", None),
            ("Standard_A4", None),
            ("bogus", None),
            ("", None),
        ];
        for (name, want) in cases {
            let got = parse_vm_size(name);
            assert_eq!(got, want.map(|(v, f)| (v, f.to_owned())), "{name}");
        }
    }

    #[test]
    fn families_convert_between_short_and_arm_spelling() {
        assert_eq!(arm_family(" DSv5 ").as_deref(), Some("standardDSv5Family"));
        assert_eq!(
            arm_family("StandardNCADSA100v4Family").as_deref(),
            Some("StandardNCADSA100v4Family")
        );
        assert_eq!(arm_family("  "), None);
        assert_eq!(short_family("standardDSv5Family"), "DSv5");
        assert_eq!(short_family("StandardNCADSA100v4Family"), "NCADSA100v4");
        assert_eq!(short_family("cores"), "cores");
        assert_eq!(short_family("standardFamily"), "standardFamily");
    }

    #[test]
    fn a_short_family_typed_by_the_user_matches_arm() {
        let mut costs = CostAssumptions::default();
        costs.vm_sizes.insert(
            "Custom_X".to_owned(),
            VmSizeEntry {
                vcpus: Some(4),
                family: Some("DSv5".to_owned()),
                price_per_hour_micros: None,
            },
        );
        assert_eq!(
            lookup("Custom_X", &costs).family.as_deref(),
            Some("standardDSv5Family")
        );
    }

    #[test]
    fn windows_surge_vms_are_priced_as_windows() {
        // Azure list prices (East US, pay-as-you-go) for Standard_D4s_v5: Linux 0.192/h,
        // Windows 0.376/h. Built-in Linux price + 4 vCPUs × 0.046 license = 0.376.
        let costs = CostAssumptions::default();
        let vm = lookup("Standard_D4s_v5", &costs);
        assert_eq!(hourly_price(&vm, OsSku::Ubuntu, &costs), Some(192_000));
        assert_eq!(hourly_price(&vm, OsSku::Windows2022, &costs), Some(376_000));
    }

    #[test]
    fn unknown_sizes_ask_the_user_and_user_entries_win() {
        let mut costs = CostAssumptions::default();
        let odd = lookup("Standard_DS3_v9x", &costs);
        assert_eq!(odd.vcpus_from, Provenance::Unknown);
        assert_eq!(odd.price_from, Provenance::Unknown);
        let legacy = lookup("Standard_DS3_v2", &costs);
        assert_eq!(legacy.vcpus, Some(4));
        costs.vm_sizes.insert(
            "Standard_D8s_v5".to_owned(),
            VmSizeEntry {
                vcpus: None,
                family: None,
                price_per_hour_micros: Some(400_000),
            },
        );
        let d8 = lookup("standard_d8s_v5", &costs);
        assert_eq!(d8.vcpus, Some(8));
        assert_eq!(d8.vcpus_from, Provenance::BuiltIn);
        assert_eq!(d8.price_per_hour_micros, Some(400_000));
        assert_eq!(d8.price_from, Provenance::User);
    }
}
