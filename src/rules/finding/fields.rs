//! The JSON field names findings point at ([`super::FieldPath::field`]), exactly as the plan
//! file spells them, so the UI can focus the matching input.

// Cluster fields.
pub const NAME: &str = "name";
pub const RESOURCE_GROUP: &str = "resourceGroup";
pub const LOCATION: &str = "location";
pub const SUBSCRIPTION: &str = "subscription";
pub const KUBERNETES_VERSION: &str = "kubernetesVersion";
pub const UPGRADE_CHANNEL: &str = "autoUpgradeProfile.upgradeChannel";
pub const NODE_OS_CHANNEL: &str = "autoUpgradeProfile.nodeOSUpgradeChannel";
/// The `ring` tag the planner orders rollouts by.
pub const RING_TAG: &str = "tags.ring";

// Pool fields (`NAME` too).
pub const MODE: &str = "mode";
pub const OS_SKU: &str = "osSKU";
pub const GPU: &str = "gpu";
pub const VM_SIZE: &str = "vmSize";
pub const COUNT: &str = "count";
pub const MAX_SURGE: &str = "upgradeSettings.maxSurge";
pub const MAX_UNAVAILABLE: &str = "upgradeSettings.maxUnavailable";
pub const DRAIN_TIMEOUT: &str = "upgradeSettings.drainTimeoutInMinutes";
pub const SOAK_DURATION: &str = "upgradeSettings.nodeSoakDurationInMinutes";
pub const UNDRAINABLE: &str = "upgradeSettings.undrainableNodeBehavior";
