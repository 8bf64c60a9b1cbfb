//! The editable inputs of the Kubernetes release model behind cluster auto-upgrade
//! (docs/aks-rules.md §2), stored in the plan under `assumptions.projection.kubernetes`. The model
//! itself is `crate::rules::projection::kubernetes`.

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::key::AssumptionKey;
use super::projection::AssumptionInput;
use crate::rules::version::KubernetesVersion;

/// The editable inputs of the Kubernetes release model, stored in the plan under
/// `assumptions.projection.kubernetes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KubernetesAssumptions {
    /// A minor version whose AKS GA date is known; later minors are projected from it.
    pub anchor_minor: KubernetesVersion,
    /// When `anchor_minor` went GA on AKS.
    #[serde(deserialize_with = "crate::rules::timeparse::de_date_time")]
    pub anchor_ga: DateTime<Utc>,
    /// Days between AKS minor versions going GA.
    pub minor_interval_days: u32,
    /// Days between AKS patch releases (one for every supported minor each time).
    pub patch_interval_days: u32,
    /// Hours from publication until a version is available in the cluster's region.
    pub rollout_hours: u32,
    /// Minutes the control plane upgrade takes before the first pool starts (§2 rule 3).
    pub control_plane_minutes: u32,
}

impl Default for KubernetesAssumptions {
    fn default() -> Self {
        KubernetesAssumptions {
            // AKS Kubernetes release calendar (learn.microsoft.com/azure/aks/
            // supported-kubernetes-versions, 2024-10 text): 1.32 "AKS GA Mar 2025". The day is
            // not published; mid-month assumed.
            anchor_minor: KubernetesVersion::new(1, 32, None),
            anchor_ga: Utc
                .with_ymd_and_hms(2025, 3, 15, 0, 0, 0)
                .single()
                .unwrap_or(DateTime::<Utc>::UNIX_EPOCH),
            // Same calendar: GA in Nov 2023, Mar 2024, Jul 2024, Nov 2024, Mar 2025 — every ~4
            // months; upstream "releases minor versions roughly every four months" (3 a year).
            minor_interval_days: 122,
            // Upstream: "Our typical patch release cadence is monthly" (kubernetes.io/releases/
            // patch-releases); AKS ships them in its releases. AKS publishes no cadence.
            patch_interval_days: 30,
            // "It might take up to 10 business days for a new release or a new version to be
            // available in all regions" (same AKS page): a week for a typical region, as for
            // node images (§1.3).
            rollout_hours: 7 * 24,
            // No published figure; the API server was unavailable "~5 minutes" during one
            // control-plane upgrade (Azure/AKS#2150). [ASSUMPTION]
            control_plane_minutes: 15,
        }
    }
}

impl KubernetesAssumptions {
    /// The editable inputs, for [`super::ProjectionAssumptions::inputs`].
    pub fn inputs(&self) -> Vec<AssumptionInput> {
        let input = AssumptionInput::new;
        vec![
            input(
                AssumptionKey::AnchorMinor,
                self.anchor_minor.to_string(),
                "AKS release calendar",
                false,
            ),
            input(
                AssumptionKey::AnchorGa,
                self.anchor_ga.to_rfc3339(),
                "AKS release calendar (month; day assumed)",
                true,
            ),
            input(
                AssumptionKey::MinorIntervalDays,
                self.minor_interval_days.to_string(),
                "AKS release calendar: about 4 months",
                true,
            ),
            input(
                AssumptionKey::PatchIntervalDays,
                self.patch_interval_days.to_string(),
                "Kubernetes releases patches about monthly",
                true,
            ),
            input(
                AssumptionKey::RolloutHours,
                self.rollout_hours.to_string(),
                "AKS: up to 10 business days to every region",
                true,
            ),
            input(
                AssumptionKey::ControlPlaneMinutes,
                self.control_plane_minutes.to_string(),
                "no published figure",
                true,
            ),
        ]
    }
}
