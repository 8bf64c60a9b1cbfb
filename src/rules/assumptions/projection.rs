//! The editable inputs the projection rests on. Every number here is an [ASSUMPTION] of
//! docs/aks-rules.md (§1.3 cadence, §1.4 costs, §4.3 step timings, §8 A-13–A-16) or a user choice
//! (SLA, ring soak); each has a default and a label so the UI can show it as an estimate.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::key::AssumptionKey;
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
    /// How much surge quota a cluster's upgrade reserves (docs/aks-2026.md §1.4): the docs'
    /// sum over pools, or the reading that pools go one at a time.
    #[serde(skip_serializing_if = "SurgeQuotaReading::is_documented")]
    pub surge_quota: SurgeQuotaReading,
}

/// How much surge quota a cluster's upgrade needs at once: an assumption switch, because the
/// capacity doc's example (5 pools × 4 nodes at 50 % need quota for 10 nodes) sums over pools,
/// while pools are upgraded one after another (docs/aks-rules.md §2 rule 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SurgeQuotaReading {
    /// Every pool's surge at once, as the AKS capacity doc computes it.
    #[default]
    SumOverPools,
    /// Only the largest pool's surge: pools are upgraded one at a time.
    PoolsOneAtATime,
}
crate::rules::variant::deserialize_by_name!(SurgeQuotaReading { SumOverPools = "sumOverPools", PoolsOneAtATime = "poolsOneAtATime" });

impl SurgeQuotaReading {
    pub const ALL: [SurgeQuotaReading; 2] = [
        SurgeQuotaReading::SumOverPools,
        SurgeQuotaReading::PoolsOneAtATime,
    ];

    pub fn is_documented(&self) -> bool {
        *self == SurgeQuotaReading::SumOverPools
    }

    /// The JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            SurgeQuotaReading::SumOverPools => "sumOverPools",
            SurgeQuotaReading::PoolsOneAtATime => "poolsOneAtATime",
        }
    }

    /// The choice as the UI offers it; the alternative is labelled as an assumption.
    pub fn label(self) -> &'static str {
        match self {
            SurgeQuotaReading::SumOverPools => {
                "Sum over pools (AKS docs: 5 pools × 4 nodes at 50% need quota for 10 nodes)"
            }
            SurgeQuotaReading::PoolsOneAtATime => {
                "Pools one at a time (assumption: only the largest pool's surge at once)"
            }
        }
    }
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
            surge_quota: SurgeQuotaReading::SumOverPools,
        }
    }
}

/// The release model (docs/aks-rules.md §1.3, §8 A-13, A-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReleaseAssumptions {
    /// When one Linux node image was published; all others are this ± k × interval, so every
    /// projected date is a function of this anchor and "from" only.
    #[serde(deserialize_with = "crate::rules::timeparse::de_date_time")]
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
    /// Windows Server license per vCPU-hour in micro-units, added to the built-in (Linux) price
    /// of a Windows pool's surge VMs. Default 0.046: Azure's pay-as-you-go list prices of
    /// Standard_D4s_v5 in East US, Windows 0.376 − Linux 0.192 = 0.184 per hour for 4 vCPUs.
    #[serde(skip_serializing_if = "is_default_windows_license")]
    pub windows_license_per_vcpu_hour_micros: u64,
}

/// Default of [`CostAssumptions::windows_license_per_vcpu_hour_micros`].
pub const WINDOWS_LICENSE_PER_VCPU_HOUR_MICROS: u64 = 46_000;

fn is_default_windows_license(v: &u64) -> bool {
    *v == WINDOWS_LICENSE_PER_VCPU_HOUR_MICROS
}

impl Default for CostAssumptions {
    fn default() -> Self {
        CostAssumptions {
            currency: "USD".to_owned(),
            retained_vhds_per_os_sku: 1,
            vhd_used_gb: 30,
            vhd_price_per_gb_month_micros: 50_000,
            vm_sizes: BTreeMap::new(),
            windows_license_per_vcpu_hour_micros: WINDOWS_LICENSE_PER_VCPU_HOUR_MICROS,
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
    /// Which assumption; serialized as its JSON path under `assumptions.projection`.
    pub key: AssumptionKey,
    /// The key's [`AssumptionKey::label`], unless the panel shows the value differently.
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
        key: AssumptionKey,
        value: String,
        basis: &'static str,
        estimate: bool,
    ) -> AssumptionInput {
        AssumptionInput {
            key,
            label: key.label(),
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
                AssumptionKey::NodeImageAnchor,
                r.node_image_anchor.to_rfc3339(),
                "AKS release tracker: a past Linux image",
                true,
            ),
            input(
                AssumptionKey::LinuxImageIntervalDays,
                r.linux_image_interval_days.to_string(),
                "AKS docs: a new Linux image about weekly",
                true,
            ),
            input(
                AssumptionKey::NodeImageRolloutHours,
                r.node_image_rollout_hours.to_string(),
                "AKS docs: up to about 2 weeks to every region",
                true,
            ),
            input(
                AssumptionKey::SecurityIntervalDays,
                r.security_interval_days.to_string(),
                "AKS docs: typically faster than weekly",
                true,
            ),
            input(
                AssumptionKey::SecurityRolloutHours,
                r.security_rollout_hours.to_string(),
                "AKS docs: rolled out region by region",
                true,
            ),
            input(
                AssumptionKey::SecurityReimagePercent,
                r.security_reimage_percent.to_string(),
                "AKS blog: 60–70 % fewer reimages than NodeImage",
                true,
            ),
            input(
                AssumptionKey::UnmanagedPatchHourUtc,
                r.unmanaged_patch_hour_utc.to_string(),
                "AKS docs: around 06:00 UTC",
                true,
            ),
            input(
                AssumptionKey::KuredReboot,
                kured,
                "your kured schedule",
                false,
            ),
            input(
                AssumptionKey::CreateSurgeMinutes,
                t.create_surge_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                AssumptionKey::DrainMinutes,
                t.drain_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                AssumptionKey::ReimageMinutes,
                t.reimage_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                AssumptionKey::DeleteSurgeMinutes,
                t.delete_surge_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                AssumptionKey::LivePatchMinutes,
                t.live_patch_minutes.to_string(),
                "no published figure",
                true,
            ),
            input(
                AssumptionKey::Currency,
                c.currency.clone(),
                "your choice",
                false,
            ),
            input(
                AssumptionKey::RetainedVhdsPerOsSku,
                c.retained_vhds_per_os_sku.to_string(),
                "AKS publishes no VHD count",
                true,
            ),
            input(
                AssumptionKey::VhdUsedGb,
                c.vhd_used_gb.to_string(),
                "AKS publishes no VHD size",
                true,
            ),
            input(
                AssumptionKey::VhdPricePerGbMonthMicros,
                c.vhd_price_per_gb_month_micros.to_string(),
                "unofficial: snapshot storage price",
                true,
            ),
            input(
                AssumptionKey::WindowsLicensePerVcpuHourMicros,
                c.windows_license_per_vcpu_hour_micros.to_string(),
                "Azure list prices: Windows minus Linux",
                true,
            ),
            input(
                AssumptionKey::ExposureSlaDays,
                self.exposure_sla_days.to_string(),
                "your choice",
                false,
            ),
            input(
                AssumptionKey::PodGracePeriodSeconds,
                self.pod_grace_period_seconds.to_string(),
                "your workloads",
                false,
            ),
            input(
                AssumptionKey::RingSoakHours,
                self.ring_soak_hours.to_string(),
                "your choice",
                false,
            ),
            input(
                AssumptionKey::ChannelChangeDelayHours,
                self.channel_change_delay_hours.to_string(),
                "AKS docs: up to 24 hours",
                false,
            ),
            input(
                AssumptionKey::WindowLeadTimeMinutes,
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

    #[test]
    fn every_key_is_an_input_exactly_once() {
        let keys: Vec<AssumptionKey> = ProjectionAssumptions::default()
            .inputs()
            .iter()
            .map(|i| i.key)
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len(), "no key twice");
        assert_eq!(keys.len(), AssumptionKey::ALL.len(), "every key listed");
    }
}
