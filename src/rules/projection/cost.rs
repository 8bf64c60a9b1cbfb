//! Cost: surge VMs billed while a rolling reimage runs (docs/aks-rules.md §1.4, §4.4) and the
//! SecurityPatch VHDs hosted in the node resource group (§1.4, §8 A-15). Amounts are integer
//! micro-units of the plan's currency, so the total is exactly the sum of the lines.

use std::sync::Arc;

use std::collections::BTreeSet;

use serde::Serialize;

use super::super::channel::NodeOsChannel;
use super::super::plan::Plan;
use super::MONTH_MINUTES;
use super::timeline::{ClusterProjection, EventKind};
use super::vmsize::{Provenance, VmSizes, hourly_price};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CostKind {
    /// Extra VMs during rolling reimages.
    Surge,
    /// SecurityPatch VHD hosting.
    VhdHosting,
    /// Extra VMs while cluster auto-upgrade reimages the pool onto a new Kubernetes version
    /// (§4.4 "cluster auto-upgrade: each version upgrade").
    KubernetesUpgrade,
}

impl CostKind {
    /// Short words for a cost line, e.g. "Kubernetes upgrade surge".
    pub fn label(self) -> &'static str {
        match self {
            CostKind::Surge => "surge",
            CostKind::VhdHosting => "VHD hosting",
            CostKind::KubernetesUpgrade => "Kubernetes upgrade surge",
        }
    }
}

/// One priced line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostLine {
    pub cluster: String,
    pub pool: Option<String>,
    pub kind: CostKind,
    /// Reimage events in the horizon (surge), or OS SKUs hosted (VHD).
    pub events: u32,
    /// Surge cost of one reimage of the pool.
    pub per_event_micros: u64,
    /// Over the whole horizon.
    pub horizon_micros: u64,
    pub per_month_micros: u64,
    /// `false`: the VM price is unknown; the line is 0 until the user enters one.
    pub price_known: bool,
    /// How it was computed, e.g. "4 surge × 0.384/h × 37 min" (its `Display`; the JSON
    /// carries the text).
    #[serde(serialize_with = "as_text")]
    pub basis: CostBasis,
}

/// The figures a cost line's "how it was computed" is written from. Kept as figures and
/// written when shown (a table draws a page of lines; a 2,000-cluster fleet has ~13,000 lines,
/// and writing them all out on every edit was a tenth of a step-timing edit in the browser).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CostBasis {
    /// Surge nodes × the VM's price × the minutes one event takes, times events per month.
    Surge {
        nodes: u32,
        /// The VM size, with " (Windows)" for a Windows pool's.
        vm: String,
        price_per_hour_micros: u64,
        minutes: u32,
        per_event_micros: u64,
        events: u32,
        horizon_minutes: i64,
        /// The event, e.g. "reimage".
        what: &'static str,
        currency: String,
    },
    /// OS SKUs × retained VHDs × GB × price per GB-month.
    VhdHosting {
        os_skus: u32,
        retained_vhds_per_os_sku: u32,
        vhd_used_gb: u32,
        price_per_gb_month_micros: u64,
        currency: String,
    },
}

impl std::fmt::Display for CostBasis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CostBasis::Surge {
                nodes,
                vm,
                price_per_hour_micros,
                minutes,
                per_event_micros,
                events,
                horizon_minutes,
                what,
                currency,
            } => f.write_str(&surge_basis(
                (*nodes, vm, *price_per_hour_micros),
                (*minutes, *per_event_micros),
                (*events, *horizon_minutes, what),
                currency,
            )),
            CostBasis::VhdHosting {
                os_skus,
                retained_vhds_per_os_sku,
                vhd_used_gb,
                price_per_gb_month_micros,
                currency,
            } => write!(
                f,
                "{os_skus} OS SKU × {retained_vhds_per_os_sku} VHD × {vhd_used_gb} GB × {}/GB-month (estimate)",
                super::format_money(*price_per_gb_month_micros, currency)
            ),
        }
    }
}

/// Serialises a value as its text.
fn as_text<S: serde::Serializer>(value: &CostBasis, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterCost {
    pub cluster: String,
    pub horizon_micros: u64,
    pub per_month_micros: u64,
    pub per_year_micros: u64,
    /// Pool reimages per month (disruption, Kubernetes upgrades included), in thousandths.
    pub reimages_per_month_milli: u64,
    /// The part of `per_month_micros` from Kubernetes upgrades.
    pub kubernetes_per_month_micros: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostSummary {
    pub currency: String,
    pub lines: Vec<Arc<CostLine>>,
    pub clusters: Vec<Arc<ClusterCost>>,
    pub horizon_micros: u64,
    pub per_month_micros: u64,
    pub per_year_micros: u64,
    /// The part of the fleet totals from Kubernetes upgrades.
    pub kubernetes_per_month_micros: u64,
    pub kubernetes_per_year_micros: u64,
    /// VM sizes with no price: the user should enter one.
    pub unknown_prices: Vec<String>,
}

/// `value × MONTH / horizon`, rounded half up.
fn per_month(value: u64, horizon_minutes: i64) -> u64 {
    let h = u128::try_from(horizon_minutes.max(1)).unwrap_or(1);
    let m = u128::try_from(MONTH_MINUTES).unwrap_or(0);
    u64::try_from((u128::from(value) * m + h / 2) / h).unwrap_or(u64::MAX)
}

/// One reimage's surge cost: extra nodes × price per hour × minutes / 60 (§4.4), rounded.
pub fn surge_event_micros(extra_nodes: u32, price_per_hour_micros: u64, minutes: u32) -> u64 {
    let v = u128::from(extra_nodes) * u128::from(price_per_hour_micros) * u128::from(minutes);
    u64::try_from((v + 30) / 60).unwrap_or(u64::MAX)
}

/// Monthly VHD hosting: retained VHDs × used GB × price per GB-month per OS SKU (§1.4).
pub fn vhd_month_micros(plan: &Plan, os_skus: u32) -> u64 {
    let c = &plan.assumptions.projection.costs;
    u64::from(os_skus)
        .saturating_mul(u64::from(c.retained_vhds_per_os_sku))
        .saturating_mul(u64::from(c.vhd_used_gb))
        .saturating_mul(c.vhd_price_per_gb_month_micros)
}

/// How a surge line's monthly amount is computed, in its unit: per event, times events per
/// month (the horizon's count scaled to a month, as the amount is), e.g. "2 surge ×
/// Standard_D4s_v5 0.19 USD/h × 37 min = 0.24 USD per reimage × 8.70 reimages/month (26 in the
/// horizon)". Multiplying by the horizon's count under a "/month" label was off by the horizon.
fn surge_basis(
    (nodes, vm, price): (u32, &str, u64),
    (minutes, per_event): (u32, u64),
    (events, horizon, what): (u32, i64, &str),
    currency: &str,
) -> String {
    let rate = per_month(u64::from(events).saturating_mul(1000), horizon);
    format!(
        "{nodes} surge × {vm} {}/h × {minutes} min = {} per {what} × {} {what}s/month ({events} in the horizon)",
        super::format_money(price, currency),
        super::format_money(per_event, currency),
        crate::rules::figures::format_milli(rate),
    )
}

/// One cluster's cost lines and totals, and the VM sizes it found no price for. Kept per cluster
/// by the projection cache (issue 11, "Scale"), so an edit no longer prices the whole fleet
/// again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterCosts {
    pub lines: Vec<Arc<CostLine>>,
    pub cost: Arc<ClusterCost>,
    /// Sorted, each once.
    pub unknown_prices: Vec<String>,
}

/// The lines and totals of projected cluster `c` over a horizon of `horizon` minutes.
pub fn cluster(
    plan: &Plan,
    c: &ClusterProjection,
    horizon: i64,
    sizes: &mut VmSizes,
) -> ClusterCosts {
    let costs = &plan.assumptions.projection.costs;
    let mut lines = Vec::new();
    let mut unknown = BTreeSet::new();
    let mut reimages = 0u64;
    for p in c.pools.iter() {
        let node_os = p
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Reimage)
            .count();
        // Every pool step of a Kubernetes upgrade is a full rolling reimage (§2 rule 2).
        let kube = p.kubernetes_events.len();
        for (kind, events, what) in [
            (CostKind::Surge, node_os, "reimage"),
            (CostKind::KubernetesUpgrade, kube, "Kubernetes upgrade"),
        ] {
            let events = u32::try_from(events).unwrap_or(u32::MAX);
            reimages += u64::from(events);
            if events == 0 || p.upgrade.peak_extra_nodes == 0 {
                continue;
            }
            let vm = sizes.get(&p.vm_size);
            let price = hourly_price(vm, p.os_sku, costs).unwrap_or(0);
            if vm.price_from == Provenance::Unknown {
                unknown.insert(p.vm_size.clone());
            }
            let per_event =
                surge_event_micros(p.upgrade.peak_extra_nodes, price, p.upgrade.minutes);
            let total = per_event.saturating_mul(u64::from(events));
            lines.push(CostLine {
                cluster: c.name.clone(),
                pool: Some(p.name.clone()),
                kind,
                events,
                per_event_micros: per_event,
                horizon_micros: total,
                per_month_micros: per_month(total, horizon),
                price_known: vm.price_from != Provenance::Unknown,
                basis: CostBasis::Surge {
                    nodes: p.upgrade.peak_extra_nodes,
                    vm: if p.os_sku.is_windows() {
                        format!("{} (Windows)", p.vm_size)
                    } else {
                        p.vm_size.clone()
                    },
                    price_per_hour_micros: price,
                    minutes: p.upgrade.minutes,
                    per_event_micros: per_event,
                    events,
                    horizon_minutes: horizon,
                    what,
                    currency: costs.currency.clone(),
                },
            });
        }
    }
    if c.channel == NodeOsChannel::SecurityPatch {
        // `extend`, not `collect()`: collecting into a set compiles a sort (bundle size).
        let mut skus = BTreeSet::new();
        skus.extend(
            c.pools
                .iter()
                .filter(|p| p.stream.is_some())
                .map(|p| p.os_sku),
        );
        let skus = u32::try_from(skus.len()).unwrap_or(u32::MAX);
        if skus > 0 {
            let month = vhd_month_micros(plan, skus);
            let h = u128::try_from(horizon.max(0)).unwrap_or(0);
            let m = u128::try_from(MONTH_MINUTES).unwrap_or(1);
            let total = u64::try_from((u128::from(month) * h + m / 2) / m).unwrap_or(u64::MAX);
            lines.push(CostLine {
                cluster: c.name.clone(),
                pool: None,
                kind: CostKind::VhdHosting,
                events: skus,
                per_event_micros: 0,
                horizon_micros: total,
                per_month_micros: month,
                price_known: true,
                basis: CostBasis::VhdHosting {
                    os_skus: skus,
                    retained_vhds_per_os_sku: costs.retained_vhds_per_os_sku,
                    vhd_used_gb: costs.vhd_used_gb,
                    price_per_gb_month_micros: costs.vhd_price_per_gb_month_micros,
                    currency: costs.currency.clone(),
                },
            });
        }
    }
    let month: u64 = lines.iter().map(|l| l.per_month_micros).sum();
    let cost = ClusterCost {
        cluster: c.name.clone(),
        horizon_micros: lines.iter().map(|l| l.horizon_micros).sum(),
        per_month_micros: month,
        per_year_micros: month.saturating_mul(12),
        reimages_per_month_milli: per_month(reimages.saturating_mul(1000), horizon),
        kubernetes_per_month_micros: lines
            .iter()
            .filter(|l| l.kind == CostKind::KubernetesUpgrade)
            .map(|l| l.per_month_micros)
            .sum(),
    };
    ClusterCosts {
        lines: lines.into_iter().map(Arc::new).collect(),
        cost: Arc::new(cost),
        unknown_prices: unknown.into_iter().collect(),
    }
}

/// The fleet's cost from each cluster's `parts` (shared, not copied).
pub fn combine<'a>(
    plan: &Plan,
    parts: impl ExactSizeIterator<Item = &'a ClusterCosts> + Clone,
) -> CostSummary {
    let mut lines = Vec::new();
    let mut unknown = BTreeSet::new();
    for p in parts.clone() {
        lines.extend(p.lines.iter().cloned());
        unknown.extend(p.unknown_prices.iter().cloned());
    }
    let clusters: Vec<Arc<ClusterCost>> = parts.map(|p| Arc::clone(&p.cost)).collect();
    let per_month_total: u64 = clusters.iter().map(|c| c.per_month_micros).sum();
    let kubernetes_month: u64 = clusters.iter().map(|c| c.kubernetes_per_month_micros).sum();
    CostSummary {
        currency: plan.assumptions.projection.costs.currency.clone(),
        horizon_micros: clusters.iter().map(|c| c.horizon_micros).sum(),
        per_month_micros: per_month_total,
        per_year_micros: per_month_total.saturating_mul(12),
        kubernetes_per_month_micros: kubernetes_month,
        kubernetes_per_year_micros: kubernetes_month.saturating_mul(12),
        lines,
        clusters,
        unknown_prices: unknown.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surge_event_cost_is_nodes_times_price_times_hours() {
        // 4 × 0.384/h × 37 min = 0.9472.
        assert_eq!(surge_event_micros(4, 384_000, 37), 947_200);
        assert_eq!(surge_event_micros(0, 384_000, 37), 0);
    }

    #[test]
    fn vhd_hosting_defaults_to_one_30_gb_vhd_at_5_cents_per_os_sku() {
        let plan = Plan::default();
        assert_eq!(vhd_month_micros(&plan, 1), 1_500_000);
        assert_eq!(vhd_month_micros(&plan, 2), 3_000_000);
    }

    #[test]
    fn a_surge_line_multiplies_by_events_per_month_under_its_per_month_label() {
        // 26 reimages over 13 weeks is 8.70 a month (365.25 / 12 days).
        let basis = surge_basis(
            (2, "Standard_D4s_v5", 192_000),
            (37, 236_800),
            (26, 13 * 7 * 1440, "reimage"),
            "USD",
        );
        assert!(
            basis.contains("× 8.70 reimages/month (26 in the horizon)"),
            "{basis}"
        );
        assert!(basis.contains("= 0.24 USD per reimage"), "{basis}");
    }

    #[test]
    fn every_surge_line_equals_its_per_event_amount_times_its_monthly_rate() {
        let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 24, 9, 0, 0).unwrap();
        let weeks = super::super::HORIZON_WEEKS;
        let p = super::super::project(&crate::rules::demo::demo_plan(), now, weeks);
        let horizon = i64::from(weeks) * 7 * 1440;
        let surge: Vec<&Arc<CostLine>> = p
            .costs
            .lines
            .iter()
            .filter(|l| l.per_event_micros > 0)
            .collect();
        assert!(!surge.is_empty());
        for l in surge {
            let rate_milli = per_month(u64::from(l.events) * 1000, horizon);
            let product = l.per_event_micros * rate_milli / 1000;
            // Equal up to the rounding of the rate to thousandths.
            assert!(
                l.per_month_micros.abs_diff(product) <= l.per_event_micros / 1000 + 1,
                "{l:?}"
            );
            assert!(l.basis.to_string().contains("/month"), "{}", l.basis);
        }
    }

    #[test]
    fn per_month_scales_a_four_week_horizon() {
        // 28 days = 40 320 min; 1.00 over 28 days is 1.087 per month.
        assert_eq!(per_month(1_000_000, 40_320), 1_087_054);
    }
}
