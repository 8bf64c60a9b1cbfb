//! The keys of the projection's editable assumptions: one enum owning each key's path under
//! `assumptions.projection` (also the DOM id part of its input), its label and, for whole
//! numbers, the values that make sense. The string form is only for the plan/JSON boundary.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use serde::{Serialize, Serializer};
use thiserror::Error;

/// The text names no assumption.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("`{key}` is not an assumption the planner knows")]
pub struct UnknownAssumptionKey {
    pub key: String,
}

macro_rules! assumption_keys {
    ($($variant:ident = $key:literal, $label:literal;)*) => {
        /// One editable assumption of [`super::ProjectionAssumptions`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum AssumptionKey {
            $($variant,)*
        }

        impl AssumptionKey {
            /// Every key, in declaration order.
            pub const ALL: &'static [AssumptionKey] = &[$(AssumptionKey::$variant,)*];

            /// JSON path under `assumptions.projection`, e.g. `timings.drainMinutes`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(AssumptionKey::$variant => $key,)*
                }
            }

            /// The input's label.
            pub const fn label(self) -> &'static str {
                match self {
                    $(AssumptionKey::$variant => $label,)*
                }
            }
        }

        impl FromStr for AssumptionKey {
            type Err = UnknownAssumptionKey;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($key => Ok(AssumptionKey::$variant),)*
                    _ => Err(UnknownAssumptionKey { key: s.to_owned() }),
                }
            }
        }
    };
}

assumption_keys! {
    NodeImageAnchor = "releases.nodeImageAnchor", "A Linux node image release (anchor)";
    LinuxImageIntervalDays = "releases.linuxImageIntervalDays", "Days between Linux node images";
    NodeImageRolloutHours = "releases.nodeImageRolloutHours",
        "Hours until a node image reaches the region";
    SecurityIntervalDays = "releases.securityIntervalDays", "Days between security patch releases";
    SecurityRolloutHours = "releases.securityRolloutHours",
        "Hours until a security patch reaches the region";
    SecurityReimagePercent = "releases.securityReimagePercent",
        "SecurityPatch reimages, % of NodeImage reimages";
    UnmanagedPatchHourUtc = "releases.unmanagedPatchHourUtc", "Unmanaged nightly patch hour (UTC)";
    KuredReboot = "releases.kuredReboot", "Unmanaged reboot window (kured)";
    CreateSurgeMinutes = "timings.createSurgeMinutes", "Minutes to create surge nodes";
    DrainMinutes = "timings.drainMinutes", "Minutes to drain a batch (capped by drain timeout)";
    ReimageMinutes = "timings.reimageMinutes", "Minutes to reimage a batch until Ready";
    DeleteSurgeMinutes = "timings.deleteSurgeMinutes", "Minutes to delete surge nodes";
    LivePatchMinutes = "timings.livePatchMinutes", "Minutes for a live security patch of a pool";
    Currency = "costs.currency", "Currency";
    RetainedVhdsPerOsSku = "costs.retainedVhdsPerOsSku", "SecurityPatch VHDs kept per OS SKU";
    VhdUsedGb = "costs.vhdUsedGb", "Used GB per VHD";
    VhdPricePerGbMonthMicros = "costs.vhdPricePerGbMonthMicros",
        "VHD price per GB-month (millionths)";
    WindowsLicensePerVcpuHourMicros = "costs.windowsLicensePerVcpuHourMicros",
        "Windows license per vCPU-hour (millionths), added to built-in Linux prices";
    ExposureSlaDays = "exposureSlaDays", "Exposure SLA (days)";
    PodGracePeriodSeconds = "podGracePeriodSeconds", "Longest pod termination grace period (s)";
    RingSoakHours = "ringSoakHours", "Soak between rings (hours)";
    ChannelChangeDelayHours = "channelChangeDelayHours", "Hours until a channel change takes effect";
    WindowLeadTimeMinutes = "windowLeadTimeMinutes", "Lead time before a new window counts (min)";
    AnchorMinor = "kubernetes.anchorMinor", "A Kubernetes minor with a known AKS GA date";
    AnchorGa = "kubernetes.anchorGa", "When that minor went GA on AKS";
    MinorIntervalDays = "kubernetes.minorIntervalDays",
        "Days between Kubernetes minor versions on AKS";
    PatchIntervalDays = "kubernetes.patchIntervalDays", "Days between Kubernetes patch releases";
    RolloutHours = "kubernetes.rolloutHours", "Hours until a Kubernetes version reaches the region";
    ControlPlaneMinutes = "kubernetes.controlPlaneMinutes", "Minutes to upgrade the control plane";
}

impl AssumptionKey {
    /// The DOM id of the key's input in the assumptions panel.
    pub fn dom_id(self) -> String {
        format!("assumption-{}", self.as_str().replace('.', "-"))
    }

    /// What a whole-number input means (its unit, in words) and the values that make sense
    /// for it; `None` for an input that is not a bounded whole number. Bounds are generous:
    /// they refuse nonsense, not unusual estimates.
    pub fn range(self) -> Option<(&'static str, RangeInclusive<u32>)> {
        use AssumptionKey::*;
        Some(match self {
            // docs/aks-rules.md §1.3: about weekly; a 0-day interval would mean a release
            // every instant.
            LinuxImageIntervalDays => ("the number of days between node images", 1..=90),
            SecurityIntervalDays => ("the number of days between security patches", 1..=90),
            // docs/aks-rules.md §1.3: safe deployment reaches every region within about two
            // weeks.
            NodeImageRolloutHours | SecurityRolloutHours => {
                ("a rollout time in hours (up to 60 days)", 0..=1440)
            }
            SecurityReimagePercent => ("a percentage", 0..=100),
            UnmanagedPatchHourUtc => ("an hour of the day (UTC)", 0..=23),
            CreateSurgeMinutes | DrainMinutes | ReimageMinutes | DeleteSurgeMinutes
            | LivePatchMinutes => ("a step time in minutes (up to a day)", 0..=1440),
            RetainedVhdsPerOsSku => ("the number of retained VHDs", 0..=100),
            VhdUsedGb => ("a VHD size in GB", 0..=4096),
            ExposureSlaDays => ("an exposure target in days", 1..=365),
            PodGracePeriodSeconds => ("a grace period in seconds (up to a day)", 0..=86_400),
            RingSoakHours => ("a soak time in hours (up to 90 days)", 0..=2160),
            ChannelChangeDelayHours => ("a delay in hours (up to 30 days)", 0..=720),
            WindowLeadTimeMinutes => ("a lead time in minutes (up to a day)", 0..=1440),
            // docs/aks-rules.md §2: new minors about every four months, patches about monthly.
            MinorIntervalDays => ("the number of days between minor versions", 30..=365),
            PatchIntervalDays => ("the number of days between patches", 1..=180),
            RolloutHours => ("a rollout time in hours (up to 60 days)", 0..=1440),
            ControlPlaneMinutes => ("a step time in minutes (up to a day)", 0..=1440),
            NodeImageAnchor
            | KuredReboot
            | Currency
            | VhdPricePerGbMonthMicros
            | WindowsLicensePerVcpuHourMicros
            | AnchorMinor
            | AnchorGa => return None,
        })
    }
}

impl fmt::Display for AssumptionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for AssumptionKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips_through_its_text() {
        for &key in AssumptionKey::ALL {
            assert_eq!(key.as_str().parse::<AssumptionKey>(), Ok(key));
            assert!(!key.label().is_empty(), "{key}");
        }
        let err = "nope".parse::<AssumptionKey>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "`nope` is not an assumption the planner knows"
        );
    }

    #[test]
    fn every_range_is_non_empty() {
        for &key in AssumptionKey::ALL {
            if let Some((what, range)) = key.range() {
                assert!(!range.is_empty() && !what.is_empty(), "{key}");
            }
        }
    }

    #[test]
    fn dom_ids_are_the_key_with_dashes() {
        // The ids the panel has always had, written out by hand.
        assert_eq!(
            AssumptionKey::MinorIntervalDays.dom_id(),
            "assumption-kubernetes-minorIntervalDays"
        );
        assert_eq!(
            AssumptionKey::ExposureSlaDays.dom_id(),
            "assumption-exposureSlaDays"
        );
    }
}
