//! The findings registry: one [`FindingCode`] per rule, with its stable code string, its
//! severity, the rule in one sentence, the public source it rests on and whether its numbers
//! are estimates. Every finding the planner raises (plan checks, maintenance windows, the
//! projection) carries one of these codes, so the app, `aks-planner check`, `project` and the
//! Markdown review show one set, and `docs/findings.md` is generated from this table.
//!
//! Codes are stable: pipelines match on them. A code that was merged into another stays
//! listed in [`RETIRED`] with the code that replaced it.

use serde::{Serialize, Serializer};

use super::Severity;
use super::Source;
use super::sources::{
    AKS_5050, AKS_5720, AKS_CHANGELOG, AKS_NAMES, AZ_AKS, CAPACITY, CLUSTER_AUTO_UPGRADE, KURED,
    MAINTENANCE_API, NODE_OS_UPGRADE, OS_VERSION, PLANNED_MAINTENANCE, REGIONS, RESOURCE_NAMES,
    ROLLING_UPGRADE, SUPPORTED_VERSIONS, SYSTEM_POOLS, TAGS, UPGRADE_OPTIONS, UPGRADE_PRACTICES,
    VM_SIZES,
};

/// What a finding's numbers rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// A rule or a value of the plan: exact.
    Rule,
    /// The projection's estimates (step timings, release cadence): the finding is an estimate
    /// and says so.
    Estimate,
}

/// One rule of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub code: FindingCode,
    pub severity: Severity,
    pub basis: Basis,
    /// The public document the rule comes from.
    pub source: Source,
    /// The rule, in one sentence.
    pub rule: &'static str,
}

macro_rules! registry {
    ($($variant:ident = $code:literal, $severity:ident, $basis:ident, $source:ident, $rule:literal;)*) => {
        /// Every finding code, one per rule (see the module docs).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FindingCode {
            $($variant,)*
        }

        impl FindingCode {
            /// Every code, in registry order (the order of docs/findings.md).
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$variant,)*];

            /// The stable kebab-case code, e.g. `securitypatch-unsupported-os`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(FindingCode::$variant => $code,)*
                }
            }

            /// The rule behind this code.
            pub const fn rule(self) -> Rule {
                match self {
                    $(FindingCode::$variant => Rule {
                        code: self,
                        severity: Severity::$severity,
                        basis: Basis::$basis,
                        source: $source,
                        rule: $rule,
                    },)*
                }
            }
        }
    };
}

registry! {
    // Names and identity.
    ClusterNameInvalid = "cluster-name-invalid", Error, Rule, AKS_NAMES,
        "A cluster name is 1 to 63 letters, digits, hyphens and underscores, starting and ending with a letter or digit.";
    DuplicateClusterName = "duplicate-cluster-name", Error, Rule, RESOURCE_NAMES,
        "Two clusters in one subscription and resource group cannot share a name.";
    ResourceGroupMissing = "resource-group-missing", Error, Rule, AZ_AKS,
        "Every az aks command needs the cluster's resource group.";
    ResourceGroupNameInvalid = "resource-group-name-invalid", Error, Rule, RESOURCE_NAMES,
        "A resource group name is 1 to 90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period.";
    LocationMissing = "location-missing", Note, Rule, AZ_AKS,
        "Without a region the planner cannot tell when releases reach the cluster or which quota applies.";
    LocationInvalid = "location-invalid", Error, Rule, REGIONS,
        "A location is an Azure region name (westeurope, or its display name West Europe); nothing else reaches an exported file.";
    SubscriptionMissing = "subscription-missing", Note, Rule, AZ_AKS,
        "Without a subscription, quota and fleet checks cannot group the cluster, and exported commands act on whichever subscription az is signed in to.";
    NodeResourceGroupNameTooLong = "node-resource-group-name-too-long", Warning, Rule, AKS_NAMES,
        "The generated node resource group MC_<group>_<cluster>_<region> must fit in 80 characters.";
    PoolNameInvalid = "pool-name-invalid", Error, Rule, AKS_NAMES,
        "A node pool name is 1 to 12 lowercase letters and digits, starting with a letter.";
    PoolNameReserved = "pool-name-reserved", Error, Rule, AKS_NAMES,
        "AKS reserves some node pool names, such as aksmanagedap, for its own pools.";
    WindowsPoolNameTooLong = "windows-pool-name-too-long", Error, Rule, AKS_NAMES,
        "A Windows node pool name has at most 6 characters.";
    LinuxPoolNameLong = "linux-pool-name-long", Warning, Rule, AKS_NAMES,
        "A Linux node pool name of 12 characters leaves no room for names AKS derives from it.";
    DuplicatePoolName = "duplicate-pool-name", Error, Rule, AKS_NAMES,
        "Node pool names must be unique within a cluster.";
    RingTagNotANumber = "ring-tag-not-a-number", Warning, Rule, TAGS,
        "The ring tag orders rollouts, so it must be a whole number.";
    // Pools.
    NoNodePools = "no-node-pools", Error, Rule, SYSTEM_POOLS,
        "An AKS cluster needs at least one System node pool.";
    NoSystemPool = "no-system-pool", Error, Rule, SYSTEM_POOLS,
        "An AKS cluster needs at least one System node pool to run its system pods.";
    WindowsSystemPool = "windows-system-pool", Error, Rule, SYSTEM_POOLS,
        "System node pools must run Linux.";
    SystemPoolWithoutNodes = "system-pool-without-nodes", Error, Rule, SYSTEM_POOLS,
        "System node pools need at least one node (User pools may scale to 0).";
    NodeCountOutOfRange = "node-count-out-of-range", Error, Rule, ROLLING_UPGRADE,
        "A node pool is one VM scale set, which holds at most 1000 nodes.";
    NodeCountZero = "node-count-zero", Note, Rule, ROLLING_UPGRADE,
        "A pool with 0 nodes has nothing to upgrade.";
    VmSizeMissing = "vm-size-missing", Note, Rule, CAPACITY,
        "Without a VM size the planner cannot count surge quota or cost.";
    VmSizeInvalid = "vm-size-invalid", Error, Rule, VM_SIZES,
        "A VM size is an Azure size name such as Standard_D4s_v5; nothing else reaches an exported file.";
    GpuFlagMismatch = "gpu-flag-mismatch", Note, Rule, NODE_OS_UPGRADE,
        "Whether a pool is a GPU pool follows from its VM size, and GPU pools have their own channel rules.";
    // Channels.
    NodeImageRequiresNodeImage = "node-image-requires-nodeimage", Error, Rule, NODE_OS_UPGRADE,
        "While upgradeChannel is node-image, nodeOSUpgradeChannel must be NodeImage.";
    UpgradeChannelNodeImageLegacy = "upgrade-channel-node-image-legacy", Note, Rule, CLUSTER_AUTO_UPGRADE,
        "upgradeChannel node-image is the legacy way to get node images; nodeOSUpgradeChannel NodeImage replaces it.";
    NoneChannelNoPatching = "none-channel-no-patching", Warning, Rule, NODE_OS_UPGRADE,
        "With nodeOSUpgradeChannel None nodes get no OS security updates until you upgrade them by hand.";
    UnmanagedRebootsNeedKured = "unmanaged-reboots-need-kured", Note, Rule, KURED,
        "Unmanaged installs OS updates but never reboots nodes; kernel fixes wait for a reboot tool such as kured.";
    SecuritypatchNeedsUbuntuEgress = "securitypatch-needs-ubuntu-egress", Note, Rule, NODE_OS_UPGRADE,
        "SecurityPatch on Ubuntu fetches packages from snapshot.ubuntu.com and needs outbound access to it.";
    SecuritypatchCmkPolicy = "securitypatch-cmk-policy", Note, Rule, NODE_OS_UPGRADE,
        "SecurityPatch may create a temporary scale set, which a policy requiring customer-managed-key disks can deny.";
    // OS support of channels.
    SecuritypatchUnsupportedOs = "securitypatch-unsupported-os", Error, Rule, NODE_OS_UPGRADE,
        "SecurityPatch is not available for every OS SKU (not for Windows, for example).";
    SecuritypatchUnsupportedGpu = "securitypatch-unsupported-gpu", Error, Rule, NODE_OS_UPGRADE,
        "SecurityPatch is not supported on some GPU pools.";
    UnmanagedUnsupportedOsGuard = "unmanaged-unsupported-os-guard", Error, Rule, NODE_OS_UPGRADE,
        "Azure Linux OS Guard does not support the Unmanaged channel.";
    UnmanagedWindowsBehavesLikeNone = "unmanaged-windows-behaves-like-none", Warning, Rule, NODE_OS_UPGRADE,
        "On Windows the Unmanaged channel installs nothing: it behaves like None.";
    UnmanagedAzureLinuxGpuNoUpdates = "unmanaged-azure-linux-gpu-no-updates", Warning, Rule, NODE_OS_UPGRADE,
        "Unmanaged does not update Azure Linux GPU pools.";
    UnmanagedFlatcarUndocumented = "unmanaged-flatcar-undocumented", Note, Rule, NODE_OS_UPGRADE,
        "AKS does not document what Unmanaged does on Flatcar.";
    UnmanagedUnsupportedContainerLinux = "unmanaged-unsupported-container-linux", Error, Rule, NODE_OS_UPGRADE,
        "Azure Container Linux has a read-only /usr: AKS supports only the NodeImage and None channels on it.";
    // OS SKU lifecycle and OS versions (late 2026).
    OsSkuRetired = "os-sku-retired", Warning, Rule, AKS_CHANGELOG,
        "A retired OS SKU gets no new node images, patches or pools; once its images are deleted, scaling and reimage fail.";
    OsSkuImagesDeleted = "os-sku-images-deleted", Error, Rule, AKS_CHANGELOG,
        "Once a retired OS SKU's images are deleted, scaling the pool and every reimage fail.";
    OsSkuRetiring = "os-sku-retiring", Note, Rule, AKS_CHANGELOG,
        "An OS SKU with an announced retirement date gets no new node images after it.";
    OsSkuKubernetesUnsupported = "os-sku-kubernetes-unsupported", Error, Rule, OS_VERSION,
        "Each OS SKU runs on a range of Kubernetes versions (Windows Server 2022 up to 1.36, Azure Container Linux from 1.34).";
    OsSkuPreview = "os-sku-preview", Note, Rule, OS_VERSION,
        "A preview OS SKU has no SLA and may change.";
    PlannedUpgradeChangesOsVersion = "planned-upgrade-changes-os-version", Warning, Rule, OS_VERSION,
        "With osSKU Ubuntu the Ubuntu version follows the Kubernetes version (24.04 from 1.35), so an upgrade across 1.35 changes the OS under the workloads.";
    NodeOsStoppedOutOfSupport = "node-os-stopped-out-of-support", Warning, Estimate, NODE_OS_UPGRADE,
        "SecurityPatch and NodeImage deliver only while the cluster's Kubernetes minor is in support, or under long-term support.";
    // Channel changes.
    ChannelChangeReimagesAllNodes = "channel-change-reimages-all-nodes", Warning, Rule, NODE_OS_UPGRADE,
        "Some node OS channel transitions reimage every node of the cluster.";
    ChannelChangeMayRollNodes = "channel-change-may-roll-nodes", Note, Rule, NODE_OS_UPGRADE,
        "Any other node OS channel change may still roll nodes.";
    ChannelChangeTakesUpTo24h = "channel-change-takes-up-to-24h", Note, Rule, NODE_OS_UPGRADE,
        "A change of the node OS or cluster auto-upgrade channel takes effect within 24 hours, not at once.";
    NodeOsChangeNeedsClusterChannelFirst = "node-os-change-needs-cluster-channel-first", Note, Rule, CLUSTER_AUTO_UPGRADE,
        "While upgradeChannel is node-image the node OS channel cannot change; change upgradeChannel first.";
    NodeImageNeedsNodeOsChannelFirst = "node-image-needs-node-os-channel-first", Note, Rule, CLUSTER_AUTO_UPGRADE,
        "upgradeChannel node-image requires nodeOSUpgradeChannel NodeImage and then locks it; set NodeImage first.";
    // Upgrade settings.
    MaxSurgeOutOfRange = "max-surge-out-of-range", Error, Rule, ROLLING_UPGRADE,
        "maxSurge as a percentage is at most 100%.";
    MaxUnavailableOutOfRange = "max-unavailable-out-of-range", Error, Rule, ROLLING_UPGRADE,
        "maxUnavailable as a percentage is at most 100%.";
    MaxUnavailableOnSystemPool = "max-unavailable-on-system-pool", Error, Rule, ROLLING_UPGRADE,
        "maxUnavailable is for User pools only.";
    SurgeAndUnavailableZero = "surge-and-unavailable-zero", Error, Rule, ROLLING_UPGRADE,
        "maxSurge and maxUnavailable cannot both be 0: the upgrade could never progress.";
    SurgeAndUnavailableBothSet = "surge-and-unavailable-both-set", Note, Rule, ROLLING_UPGRADE,
        "With both set, maxSurge decides the parallelism; maxUnavailable is only a fallback.";
    MaxSurgeAboveNodeCount = "max-surge-above-node-count", Note, Rule, ROLLING_UPGRADE,
        "A surge larger than the pool adds no speed: at most one surge node per node is used.";
    SurgeExceedsVmssLimit = "surge-exceeds-vmss-limit", Error, Rule, ROLLING_UPGRADE,
        "A pool's nodes plus its surge nodes must fit in one VM scale set of at most 1000 nodes, or AKS rejects the upgrade.";
    DefaultMaxSurgeAssumed = "default-max-surge-assumed", Note, Rule, ROLLING_UPGRADE,
        "Without maxSurge AKS uses its default for the Kubernetes version.";
    // Drain and soak.
    DrainTimeoutOutOfRange = "drain-timeout-out-of-range", Error, Rule, ROLLING_UPGRADE,
        "drainTimeoutInMinutes is 5 to 1440 minutes.";
    SoakDurationOutOfRange = "soak-duration-out-of-range", Error, Rule, ROLLING_UPGRADE,
        "nodeSoakDurationInMinutes is 0 to 30 minutes.";
    UndrainableScheduleFailsUpgrade = "undrainable-schedule-fails-upgrade", Note, Rule, ROLLING_UPGRADE,
        "With undrainableNodeBehavior Schedule a node that cannot be drained stays, and the upgrade reports a failure.";
    MaxBlockedNodesWithoutBehavior = "max-blocked-nodes-without-behavior", Warning, Rule, UPGRADE_OPTIONS,
        "maxBlockedNodes only takes effect with undrainableNodeBehavior set.";
    MaxBlockedNodesCapped = "max-blocked-nodes-capped", Note, Rule, UPGRADE_OPTIONS,
        "AKS caps maxBlockedNodes at the nodes still to upgrade.";
    MaxBlockedNodesPreviewNotExported = "max-blocked-nodes-preview-not-exported", Note, Rule, UPGRADE_OPTIONS,
        "maxBlockedNodes is a preview setting: the az script, Bicep and Terraform exports do not apply it.";
    DrainTimeoutBelowGracePeriod = "drain-timeout-below-grace-period", Warning, Rule, ROLLING_UPGRADE,
        "A drain that times out before the pods' grace period ends stops the upgrade.";
    // Assumptions and missing data.
    KubernetesVersionMissing = "kubernetes-version-missing", Note, Rule, SUPPORTED_VERSIONS,
        "Without a Kubernetes version the planner assumes AKS defaults for surge and support.";
    // Quota.
    SurgeExceedsFreeQuota = "surge-exceeds-free-quota", Warning, Rule, CAPACITY,
        "Surge nodes need free vCPU quota of their VM family in the region; without it the upgrade fails.";
    QuotaUsedOverLimit = "quota-used-over-limit", Warning, Rule, CAPACITY,
        "Free quota is limit minus used; usage above a lowered limit leaves nothing free.";
    UnknownVmSize = "unknown-vm-size", Note, Rule, CAPACITY,
        "Surge needs quota and is billed per VM, so an unknown VM size leaves both uncounted.";
    // Maintenance windows: values.
    MaintenanceValueOutOfRange = "maintenance-value-out-of-range", Error, Rule, MAINTENANCE_API,
        "Every number of a maintenance window has a range the API enforces (durationHours 4 to 24, intervals, dayOfMonth).";
    MaintenanceStartDateInPast = "maintenance-start-date-in-past", Warning, Rule, PLANNED_MAINTENANCE,
        "AKS rejects a startDate in the past when a configuration is created or updated.";
    MaintenanceUtcOffsetOutOfRange = "maintenance-utc-offset-out-of-range", Error, Rule, PLANNED_MAINTENANCE,
        "Real utcOffsets lie within -12:00 to +14:00; no time zone has another, so the planner never exports one.";
    MaintenanceUtcOffsetUnusual = "maintenance-utc-offset-unusual", Warning, Rule, PLANNED_MAINTENANCE,
        "Real utcOffsets have minutes 00, 15, 30 or 45.";
    MaintenanceBlackoutReversed = "maintenance-blackout-reversed", Warning, Rule, MAINTENANCE_API,
        "A blackout that ends before it starts blocks nothing.";
    MaintenanceDayOfMonthAfter28 = "maintenance-day-of-month-after-28", Warning, Rule, MAINTENANCE_API,
        "Days 29 to 31 do not exist in every month.";
    DefaultScheduleNotWeekly = "default-schedule-not-weekly", Error, Rule, AKS_5050,
        "The default configuration takes a Weekly schedule only.";
    DefaultWeeklyIntervalNotOne = "default-weekly-interval-not-one", Error, Rule, AKS_5050,
        "The default configuration accepts only intervalWeeks 1.";
    DefaultLegacyForm = "default-legacy-form", Warning, Rule, PLANNED_MAINTENANCE,
        "The timeInWeek/notAllowedTime form of default is deprecated; AKS migrates it to maintenanceWindow.";
    DefaultLegacyHourSlotOutOfRange = "default-legacy-hour-slot-out-of-range", Error, Rule, MAINTENANCE_API,
        "A legacy hour slot is an hour of the day, 0 to 23; the planner never exports another.";
    DefaultLegacyEmptyHourSlots = "default-legacy-empty-hour-slots", Warning, Rule, PLANNED_MAINTENANCE,
        "A legacy timeInWeek day without hour slots schedules no window the planner can show.";
    // Maintenance windows: readings the planner assumes.
    AssumptionWeeklyAnchor = "assumption-weekly-anchor", Note, Rule, AKS_5720,
        "AKS does not document from which week intervalWeeks counts; the planner's reading is a switch.";
    AssumptionMonthlyAnchor = "assumption-monthly-anchor", Note, Rule, PLANNED_MAINTENANCE,
        "AKS does not document from which month intervalMonths counts; the planner counts from startDate.";
    AssumptionMissingDay = "assumption-missing-day", Note, Rule, PLANNED_MAINTENANCE,
        "AKS does not document what happens to a dayOfMonth a month lacks; the planner's reading is a switch.";
    AssumptionNoStartDate = "assumption-no-start-date", Note, Rule, MAINTENANCE_API,
        "Without startDate AKS counts from the day the configuration is created, which the planner does not know.";
    AssumptionBlackoutOverlap = "assumption-blackout-overlap", Note, Rule, PLANNED_MAINTENANCE,
        "AKS does not say whether the rest of a window overlapping a blackout is used; the planner's reading is a switch.";
    AssumptionLocalDate = "assumption-local-date", Note, Rule, PLANNED_MAINTENANCE,
        "startTime is local to utcOffset, so the schedule's day is read on the local date.";
    AssumptionWorkOutsideWindow = "assumption-work-outside-window", Note, Rule, PLANNED_MAINTENANCE,
        "AKS starts work only inside a window; work in progress continues past its end.";
    // Maintenance windows: fit with the channels.
    MaintenanceWindowMissing = "maintenance-window-missing", Note, Rule, PLANNED_MAINTENANCE,
        "Without a maintenance configuration AKS applies upgrades at times it determines.";
    NodeOsWindowIgnored = "node-os-window-ignored", Warning, Rule, NODE_OS_UPGRADE,
        "AKS schedules nothing in aksManagedNodeOSUpgradeSchedule for the None and Unmanaged channels.";
    AutoUpgradeWindowUnused = "auto-upgrade-window-unused", Warning, Rule, CLUSTER_AUTO_UPGRADE,
        "A window does not turn cluster auto-upgrade on: with upgradeChannel none it schedules nothing.";
    DefaultDoesNotScheduleAutoUpgrade = "default-does-not-schedule-auto-upgrade", Warning, Rule, PLANNED_MAINTENANCE,
        "The default configuration governs AKS weekly releases only; cluster auto-upgrades follow aksManagedAutoUpgradeSchedule.";
    NodeImageCadenceTooLong = "node-image-cadence-too-long", Warning, Rule, PLANNED_MAINTENANCE,
        "AKS releases a node image every week; a longer window cadence lets nodes fall behind.";
    SecurityPatchCadenceTooLong = "security-patch-cadence-too-long", Warning, Rule, PLANNED_MAINTENANCE,
        "SecurityPatch delivers fixes as they come; AKS recommends a daily window for it.";
    SecurityPatchCadenceWeekly = "security-patch-cadence-weekly", Note, Rule, PLANNED_MAINTENANCE,
        "SecurityPatch can use a daily window to receive security updates as they are released.";
    MaintenanceWindowsOverlap = "maintenance-windows-overlap", Warning, Rule, PLANNED_MAINTENANCE,
        "When the node OS and auto-upgrade windows overlap, AKS decides the order of the work.";
    MaintenanceChangedTooLate = "maintenance-changed-too-late", Warning, Rule, PLANNED_MAINTENANCE,
        "AKS needs some minutes to pick up a new or changed maintenance configuration, so a window starting soon after the change may be missed.";
    // The projection: node OS upgrades.
    UpgradeLongerThanWindow = "upgrade-longer-than-window", Warning, Estimate, PLANNED_MAINTENANCE,
        "AKS starts work only inside the window; a pool whose rolling upgrade takes longer spills past it and later pools wait.";
    UpgradeOver24Hours = "upgrade-over-24-hours", Warning, Estimate, UPGRADE_PRACTICES,
        "AKS auto-upgrades pools only while the estimated total upgrade time is within 24 hours.";
    PoolsWaitForNextWindow = "pools-wait-for-next-window", Warning, Estimate, PLANNED_MAINTENANCE,
        "No new operation starts after the window ends, so pools with work left wait for the next window.";
    ExposureOverSla = "exposure-over-sla", Warning, Estimate, NODE_OS_UPGRADE,
        "Exposure, the time from a release to the pool running it, should stay within your SLA.";
    WindowCollision = "window-collision", Warning, Rule, UPGRADE_PRACTICES,
        "Many clusters of one subscription opening a window at the same time risk ARM throttling; stagger them.";
    RingOrder = "ring-order", Warning, Estimate, UPGRADE_PRACTICES,
        "A later ring should get each release only after the earlier ring ran it for the soak time.";
    // The projection: Kubernetes (cluster auto-upgrade).
    KubernetesVersionOutsideSupport = "kubernetes-version-outside-support", Warning, Estimate, SUPPORTED_VERSIONS,
        "Cluster auto-upgrade runs only while the cluster's minor is inside the AKS support window (N-2).";
    KubernetesReleaseModelBehind = "kubernetes-release-model-behind", Note, Estimate, SUPPORTED_VERSIONS,
        "Kubernetes upgrades are projected from an anchor minor and a release cadence, which must reach the cluster's version.";
    KubernetesUpgradeLongerThanWindow = "kubernetes-upgrade-longer-than-window", Warning, Estimate, PLANNED_MAINTENANCE,
        "A cluster auto-upgrade (control plane, then every pool) that takes longer than the auto-upgrade window spills past it.";
    KubernetesUpgradeOver24Hours = "kubernetes-upgrade-over-24-hours", Warning, Estimate, UPGRADE_PRACTICES,
        "AKS auto-upgrades a cluster only while the estimated total upgrade time is within 24 hours.";
    KubernetesAndNodeOsUpgradesOverlap = "kubernetes-and-node-os-upgrades-overlap", Note, Estimate, CLUSTER_AUTO_UPGRADE,
        "When Kubernetes and node OS upgrades run at once AKS decides the order.";
    KubernetesUpgradeChangesOsVersion = "kubernetes-upgrade-changes-os-version", Warning, Estimate, OS_VERSION,
        "A projected Kubernetes upgrade across 1.35 moves osSKU Ubuntu pools from Ubuntu 22.04 to 24.04.";
    KubernetesUpgradeUnsupportedOsSku = "kubernetes-upgrade-unsupported-os-sku", Warning, Estimate, OS_VERSION,
        "A projected Kubernetes upgrade to a version a pool's OS SKU does not run (Windows Server 2022 on 1.37) cannot carry that pool.";
    SurgeFallbackSlower = "surge-fallback-slower", Note, Estimate, ROLLING_UPGRADE,
        "From Kubernetes 1.35, when quota or capacity cannot give maxSurge, AKS retries with 1 surge node at a time, which can overrun the window.";
}

/// Codes that were merged into another and are no longer raised, with the code that replaced
/// each: a pipeline that matched the old code should match the new one.
pub const RETIRED: &[(&str, FindingCode)] = &[
    // The projection and the plan checks both checked the 1000-node scale set limit.
    ("surge-over-vmss-limit", FindingCode::SurgeExceedsVmssLimit),
    // The projection and the plan checks both reported the 24 hour channel-change delay.
    (
        "channel-change-delay",
        FindingCode::ChannelChangeTakesUpTo24h,
    ),
    // The projection and the window checks both reported a channel without a node OS window.
    (
        "upgrade-time-aks-determined",
        FindingCode::MaintenanceWindowMissing,
    ),
];

impl FindingCode {
    /// The code for a code string, including a retired one (mapped to its replacement).
    pub fn parse(text: &str) -> Option<FindingCode> {
        FindingCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == text)
            .or_else(|| RETIRED.iter().find(|(old, _)| *old == text).map(|r| r.1))
    }
}

impl std::fmt::Display for FindingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FindingCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Tests and pipelines compare codes with their strings: `f.code == "ring-order"`.
impl PartialEq<&str> for FindingCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<FindingCode> for &str {
    fn eq(&self, other: &FindingCode) -> bool {
        *self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_never_reuse_a_retired_one() {
        let mut seen = BTreeSet::new();
        for code in FindingCode::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(
                text.split('-').all(|part| !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{text} is not kebab-case"
            );
            assert_eq!(FindingCode::parse(text), Some(*code));
        }
        for (old, new) in RETIRED {
            assert!(!seen.contains(old), "{old} is retired but still raised");
            assert_eq!(FindingCode::parse(old), Some(*new));
        }
    }

    #[test]
    fn every_rule_has_a_sentence_and_a_public_source() {
        for code in FindingCode::ALL {
            let rule = code.rule();
            assert_eq!(rule.code, *code);
            assert!(
                rule.rule.ends_with('.') && !rule.rule.contains(".."),
                "{code}"
            );
            assert!(
                !rule.rule.contains('§') && !rule.rule.contains("aks-rules"),
                "{code}"
            );
            assert!(rule.source.url.starts_with("https://"), "{code}");
        }
    }
}
