//! The editable inputs the projection rests on. Every number here is an [ASSUMPTION] of
//! docs/aks-rules.md (§1.3 cadence, §1.4 costs, §4.3 step timings, §8 A-13–A-16) or a user choice
//! (SLA, ring soak); each has a default and a label so the UI can show it as an estimate.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::kubernetes::KubernetesAssumptions;

/// All projection inputs, stored in the plan under `assumptions.projection`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProjectionAssumptions {
    pub releases: ReleaseAssumptions,
    /// The Kubernetes release model for cluster auto-upgrade (§2).
    pub kubernetes: KubernetesAssumptions,
    pub timings: StepTimings,
    pub costs: CostAssumptions,
    /// Days from a release to a pool running it that the user accepts (default 14).
    pub exposure_sla_days: u32,
    /// Longest `terminationGracePeriodSeconds` of the workloads (Kubernetes default 30 s).
    pub pod_grace_period_seconds: u32,
    /// Hours a ring must run a release before the next ring takes it.
    pub ring_soak_hours: u32,
    /// Node OS / cluster channel changes take effect after up to this long (§1.8: 24 h).
    pub channel_change_delay_hours: u32,
    /// A new or changed maintenance configuration needs this lead time (§3.6: 15 min).
    pub window_lead_time_minutes: u32,
}

impl Default for ProjectionAssumptions {
    fn default() -> Self {
        ProjectionAssumptions {
            releases: ReleaseAssumptions::default(),
            kubernetes: KubernetesAssumptions::default(),
            timings: StepTimings::default(),
            costs: CostAssumptions::default(),
            exposure_sla_days: 14,
            pod_grace_period_seconds: 30,
            ring_soak_hours: 24,
            channel_change_delay_hours: 24,
            window_lead_time_minutes: 15,
        }
    }
}

/// The release model (docs/aks-rules.md §1.3, §8 A-13, A-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReleaseAssumptions {
    /// When one Linux node image was published; all others are this ± k × interval, so every
    /// projected date is a function of this anchor and "from" only.
    pub node_image_anchor: DateTime<Utc>,
    /// Days between Linux node images (§1.3: ~weekly).
    pub linux_image_interval_days: u32,
    /// Hours from publication until an image reaches the cluster's region (§1.3: safe
    /// deployment takes up to ~2 weeks across all regions).
    pub node_image_rollout_hours: u32,
    /// Days between SecurityPatch releases (§1.3: "typically faster than weekly").
    pub security_interval_days: u32,
    /// Hours from a security release to the region.
    pub security_rollout_hours: u32,
    /// Percent of weekly image releases for which SecurityPatch also reimages (§8 A-16: 35 %
    /// of NodeImage reimages). The same releases need a reboot under Unmanaged.
    pub security_reimage_percent: u32,
    /// UTC hour of the nightly unattended-upgrades run under Unmanaged (§1.1: ~06:00 UTC).
    pub unmanaged_patch_hour_utc: u32,
    /// A kured-style daily reboot window under Unmanaged (§1.7); `None` = nobody reboots.
    pub kured_reboot: Option<DailyWindow>,
}

/// A daily window in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DailyWindow {
    pub start_hour_utc: u32,
    pub duration_hours: u32,
}

impl Default for ReleaseAssumptions {
    fn default() -> Self {
        ReleaseAssumptions {
            // A Tuesday; the day is arbitrary, only the spacing matters.
            node_image_anchor: Utc
                .with_ymd_and_hms(2026, 1, 6, 0, 0, 0)
                .single()
                .unwrap_or(DateTime::<Utc>::UNIX_EPOCH),
            linux_image_interval_days: 7,
            node_image_rollout_hours: 7 * 24,
            security_interval_days: 3,
            security_rollout_hours: 48,
            security_reimage_percent: 35,
            unmanaged_patch_hour_utc: 6,
            kured_reboot: None,
        }
    }
}

/// Per-step timings of a rolling upgrade (docs/aks-rules.md §4.3, §8 A-14), minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StepTimings {
    pub create_surge_minutes: u32,
    /// Per batch; capped by the pool's `drainTimeoutInMinutes`.
    pub drain_minutes: u32,
    pub reimage_minutes: u32,
    pub delete_surge_minutes: u32,
    /// A SecurityPatch live patch of a whole pool (no drain, §1.1).
    pub live_patch_minutes: u32,
}

impl Default for StepTimings {
    fn default() -> Self {
        StepTimings {
            create_surge_minutes: 5,
            drain_minutes: 2,
            reimage_minutes: 8,
            delete_surge_minutes: 2,
            live_patch_minutes: 5,
        }
    }
}

/// Money is held in micro-units of `currency` (1 USD = 1 000 000) so sums stay exact and
/// sub-cent VM-hour prices are representable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CostAssumptions {
    /// ISO 4217 code shown next to every amount.
    pub currency: String,
    /// SecurityPatch VHDs kept per OS SKU (§1.4: unknown; 1 assumed).
    pub retained_vhds_per_os_sku: u32,
    /// Used GB per VHD (§1.4: ~30 GB Linux assumed).
    pub vhd_used_gb: u32,
    /// Price per GB-month in micro-units (§1.4: ≈ 0.05, unofficial).
    pub vhd_price_per_gb_month_micros: u64,
    /// The user's VM size entries; they override the built-in table (see `vmsize`).
    pub vm_sizes: BTreeMap<String, VmSizeEntry>,
}

impl Default for CostAssumptions {
    fn default() -> Self {
        CostAssumptions {
            currency: "USD".to_owned(),
            retained_vhds_per_os_sku: 1,
            vhd_used_gb: 30,
            vhd_price_per_gb_month_micros: 50_000,
            vm_sizes: BTreeMap::new(),
        }
    }
}

/// A user entry for a VM size; unset fields fall back to the built-in table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VmSizeEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vcpus: Option<u32>,
    /// Quota family, e.g. `DSv5`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_per_hour_micros: Option<u64>,
}

/// One editable input, for the UI's assumptions panel and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssumptionInput {
    /// JSON path under `assumptions.projection`, e.g. `timings.drainMinutes`.
    pub key: &'static str,
    pub label: &'static str,
    pub value: String,
    /// Where the default comes from, in words a user can check (a public source, "no published
    /// figure" or "your choice"); the rule behind it is cited in this file's comments.
    pub basis: &'static str,
    /// Whether the number is an estimate rather than an AKS fact.
    pub estimate: bool,
}

impl AssumptionInput {
    pub fn new(
        key: &'static str,
        label: &'static str,
        value: String,
        basis: &'static str,
        estimate: bool,
    ) -> AssumptionInput {
        AssumptionInput {
            key,
            label,
            value,
            basis,
            estimate,
        }
    }
}

impl ProjectionAssumptions {
    /// Every input with its label, in a stable order.
    pub fn inputs(&self) -> Vec<AssumptionInput> {
        let r = &self.releases;
        let t = &self.timings;
        let c = &self.costs;
        let input = AssumptionInput::new;
        let kured = match r.kured_reboot {
            Some(w) => format!("{:02}:00 UTC for {} h", w.start_hour_utc, w.duration_hours),
            None => "none".to_owned(),
        };
        let mut inputs = vec![
            input(
                "releases.nodeImageAnchor",
                "A Linux node image release (anchor)",
                r.node_image_anchor.to_rfc3339(),
                "AKS release tracker: a past Linux image",
                true,
            ),
            input(
                "releases.linuxImageIntervalDays",
                "Days between Linux node images",
                r.linux_image_interval_days.to_string(),
                "AKS docs: a new Linux image about weekly",
                true,
            ),
            input(
                "releases.nodeImageRolloutHours",
                "Hours until a node image reaches the region",
                r.node_image_rollout_hours.to_string(),
                "AKS docs: up to about 2 weeks to every region",
                true,
            ),
            input(
                "releases.securityIntervalDays",
                "Days between security patch releases",
                r.security_interval_days.to_string(),
                "AKS docs: typically faster than weekly",
                true,
            ),
            input(
                "releases.securityRolloutHours",
                "Hours until a security patch reaches the region",
                r.security_rollout_hours.to_string(),
                "AKS docs: rolled out region by region",
                true,
            ),
            input(
                "releases.securityReimagePercent",
                "SecurityPatch reimages, % of NodeImage reimages",
                r.security_reimage_percent.to_string(),
                "AKS blog: 60–70 % fewer reimages than NodeImage",
                true,
            ),
            input(
                "releases.unmanagedPatchHourUtc",
                "Unmanaged nightly patch hour (UTC)",
                r.unmanaged_patch_hour_utc.to_string(),
                "AKS docs: around 06:00 UTC",
                true,
            ),
            input(
                "releases.kuredReboot",
                "Unmanaged reboot window (kured)",
                kured,
                "your kured schedule",
                false,
            ),
            input(
                "timings.createSurgeMinutes",
                "Minutes to create surge nodes",
                t.create_surge_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                "timings.drainMinutes",
                "Minutes to drain a batch (capped by drain timeout)",
                t.drain_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                "timings.reimageMinutes",
                "Minutes to reimage a batch until Ready",
                t.reimage_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                "timings.deleteSurgeMinutes",
                "Minutes to delete surge nodes",
                t.delete_surge_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                "timings.livePatchMinutes",
                "Minutes for a live security patch of a pool",
                t.live_patch_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                "costs.currency",
                "Currency",
                c.currency.clone(),
                "your choice",
                false,
            ),
            input(
                "costs.retainedVhdsPerOsSku",
                "SecurityPatch VHDs kept per OS SKU",
                c.retained_vhds_per_os_sku.to_string(),
                "AKS publishes no VHD count",
                true,
            ),
            input(
                "costs.vhdUsedGb",
                "Used GB per VHD",
                c.vhd_used_gb.to_string(),
                "AKS publishes no VHD size",
                true,
            ),
            input(
                "costs.vhdPricePerGbMonthMicros",
                "VHD price per GB-month (millionths)",
                c.vhd_price_per_gb_month_micros.to_string(),
                "unofficial: snapshot storage price",
                true,
            ),
            input(
                "exposureSlaDays",
                "Exposure SLA (days)",
                self.exposure_sla_days.to_string(),
                "your choice",
                false,
            ),
            input(
                "podGracePeriodSeconds",
                "Longest pod termination grace period (s)",
                self.pod_grace_period_seconds.to_string(),
                "your workloads",
                false,
            ),
            input(
                "ringSoakHours",
                "Soak between rings (hours)",
                self.ring_soak_hours.to_string(),
                "your choice",
                false,
            ),
            input(
                "channelChangeDelayHours",
                "Hours until a channel change takes effect",
                self.channel_change_delay_hours.to_string(),
                "AKS docs: up to 24 hours",
                false,
            ),
            input(
                "windowLeadTimeMinutes",
                "Lead time before a new window counts (min)",
                self.window_lead_time_minutes.to_string(),
                "AKS docs: at least 15 minutes",
                false,
            ),
        ];
        inputs.extend(self.kubernetes.inputs());
        inputs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_object_reads_as_the_defaults() {
        let a: ProjectionAssumptions = serde_json::from_str("{}").unwrap();
        assert_eq!(a, ProjectionAssumptions::default());
        assert_eq!(a.releases.security_reimage_percent, 35);
        assert_eq!(a.timings.create_surge_minutes, 5);
    }

    #[test]
    fn a_partial_object_keeps_the_other_defaults() {
        let a: ProjectionAssumptions =
            serde_json::from_str(r#"{"timings":{"drainMinutes":4},"exposureSlaDays":7}"#).unwrap();
        assert_eq!(a.timings.drain_minutes, 4);
        assert_eq!(a.timings.reimage_minutes, 8);
        assert_eq!(a.exposure_sla_days, 7);
    }

    #[test]
    fn every_input_has_a_label_and_a_basis() {
        let inputs = ProjectionAssumptions::default().inputs();
        assert!(inputs.len() > 20);
        assert!(
            inputs
                .iter()
                .all(|i| !i.label.is_empty() && !i.basis.is_empty())
        );
    }
}
