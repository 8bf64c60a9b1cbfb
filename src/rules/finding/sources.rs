//! The documents findings cite (docs/aks-rules.md §0.2), as public learn.microsoft.com links.

use super::Source;

/// D-NOS: node OS auto-upgrade channels, OS restrictions, channel changes.
pub const NODE_OS_UPGRADE: Source = Source {
    title: "Auto-upgrade node OS images",
    url: "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
};

/// D-AUC: cluster auto-upgrade channels.
pub const CLUSTER_AUTO_UPGRADE: Source = Source {
    title: "Automatically upgrade an AKS cluster",
    url: "https://learn.microsoft.com/azure/aks/auto-upgrade-cluster",
};

/// D-ROLL: rolling node pool upgrades (maxSurge, maxUnavailable, drain, soak, VMSS limit).
pub const ROLLING_UPGRADE: Source = Source {
    title: "Rolling upgrades of AKS node pools",
    url: "https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling",
};

/// D-OPT: upgrade options (undrainable node behaviour, production surge recommendation).
pub const UPGRADE_OPTIONS: Source = Source {
    title: "Upgrade options for AKS clusters",
    url: "https://learn.microsoft.com/azure/aks/upgrade-options",
};

/// D-KURED: rebooting Linux nodes after OS-native updates.
pub const KURED: Source = Source {
    title: "Apply security and kernel updates to Linux nodes (kured)",
    url: "https://learn.microsoft.com/azure/aks/upgrade-node-image-kured",
};

/// NAMES: Azure resource naming rules.
pub const RESOURCE_NAMES: Source = Source {
    title: "Naming rules and restrictions for Azure resources",
    url: "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules",
};

/// AKS-FAQ-NAMES: AKS naming restrictions (pool name lengths, node resource group).
pub const AKS_NAMES: Source = Source {
    title: "AKS FAQ: naming restrictions for AKS resources",
    url: "https://aka.ms/aks-naming-rules",
};

/// System node pools: every cluster needs one, Linux only.
pub const SYSTEM_POOLS: Source = Source {
    title: "Manage system node pools in AKS",
    url: "https://learn.microsoft.com/azure/aks/use-system-pools",
};

/// `az aks` reference (which arguments a command needs).
pub const AZ_AKS: Source = Source {
    title: "az aks command reference",
    url: "https://learn.microsoft.com/cli/azure/aks",
};

/// ARM tags: free text, which is why the planner checks the `ring` tag it reads.
pub const TAGS: Source = Source {
    title: "Use tags to organize your Azure resources",
    url: "https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources",
};

/// D-PM: planned maintenance windows, their configurations and lead time.
pub const PLANNED_MAINTENANCE: Source = Source {
    title: "Use planned maintenance to schedule and control upgrades",
    url: "https://learn.microsoft.com/azure/aks/planned-maintenance",
};

/// The maintenance configuration REST API: field shapes and ranges.
pub const MAINTENANCE_API: Source = Source {
    title: "AKS REST API: Maintenance Configurations - Create Or Update",
    url: "https://learn.microsoft.com/rest/api/aks/maintenance-configurations/create-or-update",
};

/// Since June 2025 the resource provider accepts only a weekly `default` window.
pub const AKS_5050: Source = Source {
    title: "Azure/AKS#5050: non-weekly default maintenance windows are ignored",
    url: "https://github.com/Azure/AKS/issues/5050",
};

/// How `intervalWeeks` counts from `startDate`.
pub const AKS_5720: Source = Source {
    title: "Azure/AKS#5720: how intervalWeeks counts from startDate",
    url: "https://github.com/Azure/AKS/issues/5720",
};

/// Upgrade guidance: the 24 hour auto-upgrade bound, rings, staggering.
pub const UPGRADE_PRACTICES: Source = Source {
    title: "AKS patch and upgrade guidance",
    url: "https://learn.microsoft.com/azure/architecture/operator-guides/aks/aks-upgrade-practices",
};

/// Surge capacity, quota and cost.
pub const CAPACITY: Source = Source {
    title: "Upgrade capacity and cost planning for AKS",
    url: "https://learn.microsoft.com/azure/aks/upgrade-capacity-cost-planning",
};

/// The AKS Kubernetes support window and release calendar.
pub const SUPPORTED_VERSIONS: Source = Source {
    title: "Supported Kubernetes versions in AKS",
    url: "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions",
};

/// The Azure region list (`az account list-locations` prints the same names).
pub const REGIONS: Source = Source {
    title: "Azure regions list (az account list-locations)",
    url: "https://learn.microsoft.com/azure/reliability/regions-list",
};

/// The VM size names Azure uses.
pub const VM_SIZES: Source = Source {
    title: "Sizes for virtual machines in Azure",
    url: "https://learn.microsoft.com/azure/virtual-machines/sizes/overview",
};
