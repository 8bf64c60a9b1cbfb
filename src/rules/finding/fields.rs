//! The fields of a cluster and a node pool that findings point at ([`super::FieldPath::field`]),
//! as one enum: each owns its JSON name exactly as the plan file spells it (so the UI can focus
//! the matching input), its label, and the range AKS accepts where it has one. The UI's hints
//! ("Allowed: 5–1440 minutes") are generated from these ranges, never restated.

use std::ops::RangeInclusive;

/// A cluster or node pool field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    // Cluster fields (`Name` too).
    Name,
    ResourceGroup,
    Location,
    Subscription,
    KubernetesVersion,
    /// What the live cluster runs today (ARM `currentKubernetesVersion`).
    CurrentKubernetesVersion,
    /// ARM `supportPlan` (long-term support).
    SupportPlan,
    UpgradeChannel,
    NodeOsChannel,
    /// The `ring` tag the planner orders rollouts by.
    RingTag,
    // Pool fields.
    Mode,
    OsSku,
    Gpu,
    VmSize,
    Count,
    MaxSurge,
    MaxUnavailable,
    DrainTimeout,
    SoakDuration,
    Undrainable,
    /// `upgradeSettings.maxBlockedNodes` (preview).
    MaxBlockedNodes,
}

/// Most nodes a pool can have, and most nodes plus surge during an upgrade: a node pool is one
/// VM scale set, which holds at most 1000 nodes (docs/aks-rules.md §4.2).
pub const VMSS_MAX_NODES: u32 = 1000;
/// `drainTimeoutInMinutes`: the API schema says from 1; AKS enforces 5 since 2024-08
/// (docs/aks-rules.md §8 A-18).
pub const DRAIN_TIMEOUT_MINUTES: RangeInclusive<u32> = 5..=1440;
/// `nodeSoakDurationInMinutes` (docs/aks-rules.md §4.1).
pub const SOAK_MINUTES: RangeInclusive<u32> = 0..=30;

impl Field {
    pub const ALL: [Field; 21] = [
        Field::Name,
        Field::ResourceGroup,
        Field::Location,
        Field::Subscription,
        Field::KubernetesVersion,
        Field::CurrentKubernetesVersion,
        Field::SupportPlan,
        Field::UpgradeChannel,
        Field::NodeOsChannel,
        Field::RingTag,
        Field::Mode,
        Field::OsSku,
        Field::Gpu,
        Field::VmSize,
        Field::Count,
        Field::MaxSurge,
        Field::MaxUnavailable,
        Field::DrainTimeout,
        Field::SoakDuration,
        Field::Undrainable,
        Field::MaxBlockedNodes,
    ];

    /// The JSON name, e.g. `upgradeSettings.maxSurge` (the last part of a DOM id, with dots
    /// as dashes: [`super::FieldPath::dom_id`]).
    pub const fn path(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::ResourceGroup => "resourceGroup",
            Field::Location => "location",
            Field::Subscription => "subscription",
            Field::KubernetesVersion => "kubernetesVersion",
            Field::CurrentKubernetesVersion => "currentKubernetesVersion",
            Field::SupportPlan => "supportPlan",
            Field::UpgradeChannel => "autoUpgradeProfile.upgradeChannel",
            Field::NodeOsChannel => "autoUpgradeProfile.nodeOSUpgradeChannel",
            Field::RingTag => "tags.ring",
            Field::Mode => "mode",
            Field::OsSku => "osSKU",
            Field::Gpu => "gpu",
            Field::VmSize => "vmSize",
            Field::Count => "count",
            Field::MaxSurge => "upgradeSettings.maxSurge",
            Field::MaxUnavailable => "upgradeSettings.maxUnavailable",
            Field::DrainTimeout => "upgradeSettings.drainTimeoutInMinutes",
            Field::SoakDuration => "upgradeSettings.nodeSoakDurationInMinutes",
            Field::Undrainable => "upgradeSettings.undrainableNodeBehavior",
            Field::MaxBlockedNodes => "upgradeSettings.maxBlockedNodes",
        }
    }

    /// The field a JSON name names, if it is one of these.
    pub fn parse(path: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.path() == path)
    }

    /// The values AKS accepts, for the numeric fields that have a range.
    pub const fn range(self) -> Option<RangeInclusive<u32>> {
        match self {
            Field::Count => Some(0..=VMSS_MAX_NODES),
            Field::DrainTimeout => Some(DRAIN_TIMEOUT_MINUTES),
            Field::SoakDuration => Some(SOAK_MINUTES),
            _ => None,
        }
    }

    /// The unit of a numeric field, for hints (`minutes`, `nodes`).
    pub const fn unit(self) -> Option<&'static str> {
        match self {
            Field::Count => Some("nodes"),
            Field::DrainTimeout | Field::SoakDuration => Some("minutes"),
            _ => None,
        }
    }
}

// The JSON names as constants, for `match` patterns and existing callers.
pub const NAME: &str = Field::Name.path();
pub const RESOURCE_GROUP: &str = Field::ResourceGroup.path();
pub const LOCATION: &str = Field::Location.path();
pub const SUBSCRIPTION: &str = Field::Subscription.path();
pub const KUBERNETES_VERSION: &str = Field::KubernetesVersion.path();
pub const CURRENT_KUBERNETES_VERSION: &str = Field::CurrentKubernetesVersion.path();
pub const SUPPORT_PLAN: &str = Field::SupportPlan.path();
pub const UPGRADE_CHANNEL: &str = Field::UpgradeChannel.path();
pub const NODE_OS_CHANNEL: &str = Field::NodeOsChannel.path();
pub const RING_TAG: &str = Field::RingTag.path();
pub const MODE: &str = Field::Mode.path();
pub const OS_SKU: &str = Field::OsSku.path();
pub const GPU: &str = Field::Gpu.path();
pub const VM_SIZE: &str = Field::VmSize.path();
pub const COUNT: &str = Field::Count.path();
pub const MAX_SURGE: &str = Field::MaxSurge.path();
pub const MAX_UNAVAILABLE: &str = Field::MaxUnavailable.path();
pub const DRAIN_TIMEOUT: &str = Field::DrainTimeout.path();
pub const SOAK_DURATION: &str = Field::SoakDuration.path();
pub const UNDRAINABLE: &str = Field::Undrainable.path();
pub const MAX_BLOCKED_NODES: &str = Field::MaxBlockedNodes.path();

/// A field of a maintenance configuration's `maintenanceWindow` that findings point at and the
/// window editor has an input for (its DOM id: `FieldPath::dom_id` with the configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WindowField {
    Schedule,
    DurationHours,
    UtcOffset,
    StartDate,
    StartTime,
    NotAllowedDates,
}

impl WindowField {
    pub const ALL: [WindowField; 6] = [
        WindowField::Schedule,
        WindowField::DurationHours,
        WindowField::UtcOffset,
        WindowField::StartDate,
        WindowField::StartTime,
        WindowField::NotAllowedDates,
    ];

    /// The JSON name under `maintenanceWindow`, e.g. `durationHours`.
    pub const fn name(self) -> &'static str {
        match self {
            WindowField::Schedule => "schedule",
            WindowField::DurationHours => "durationHours",
            WindowField::UtcOffset => "utcOffset",
            WindowField::StartDate => "startDate",
            WindowField::StartTime => "startTime",
            WindowField::NotAllowedDates => "notAllowedDates",
        }
    }

    /// The window field a JSON name names, if it is one of these.
    pub fn parse(name: &str) -> Option<WindowField> {
        WindowField::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// A recurrence reading of the plan's assumptions (`assumptions.recurrence.*`), shown on the
/// Windows tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecurrenceReading {
    MissingDay,
    WeeklyAnchor,
    BlackoutOverlap,
}

impl RecurrenceReading {
    pub const ALL: [RecurrenceReading; 3] = [
        RecurrenceReading::MissingDay,
        RecurrenceReading::WeeklyAnchor,
        RecurrenceReading::BlackoutOverlap,
    ];

    /// The field path, e.g. `assumptions.recurrence.missingDay`.
    pub const fn path(self) -> &'static str {
        match self {
            RecurrenceReading::MissingDay => "assumptions.recurrence.missingDay",
            RecurrenceReading::WeeklyAnchor => "assumptions.recurrence.weeklyAnchor",
            RecurrenceReading::BlackoutOverlap => "assumptions.recurrence.blackoutOverlap",
        }
    }

    /// The DOM id of its input: the path with dots as dashes.
    pub fn dom_id(self) -> String {
        self.path().replace('.', "-")
    }

    /// The reading a field path names, if it is one.
    pub fn parse(path: &str) -> Option<RecurrenceReading> {
        RecurrenceReading::ALL
            .into_iter()
            .find(|r| r.path() == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_parses_back_from_its_name() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.path()), Some(f));
            assert_eq!(f.range().is_some(), f.unit().is_some(), "{f:?}");
        }
        assert_eq!(Field::parse("nope"), None);
    }

    #[test]
    fn every_recurrence_reading_parses_back_with_its_dom_id() {
        for r in RecurrenceReading::ALL {
            assert_eq!(RecurrenceReading::parse(r.path()), Some(r));
        }
        assert_eq!(RecurrenceReading::parse("assumptions.recurrence"), None);
        assert_eq!(
            RecurrenceReading::WeeklyAnchor.dom_id(),
            "assumptions-recurrence-weeklyAnchor"
        );
    }

    #[test]
    fn every_window_field_parses_back_from_its_name() {
        for f in WindowField::ALL {
            assert_eq!(WindowField::parse(f.name()), Some(f));
        }
        // The names as the plan file (AKS's maintenanceWindow) spells them.
        let names: Vec<&str> = WindowField::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(
            names,
            [
                "schedule",
                "durationHours",
                "utcOffset",
                "startDate",
                "startTime",
                "notAllowedDates"
            ]
        );
    }
}
