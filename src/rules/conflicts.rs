//! Where AKS sources disagree (docs/aks-2026.md §1.9). The planner never picks silently: each
//! rule that rests on one of these says which reading it uses and shows both sides, in the
//! findings, the Markdown review and the UI, through [`SourceConflict::sentence`].

/// One side of a disagreement: what a source says, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// A public page or changelog entry, e.g. "Upgrade the OS version (learn.microsoft.com)".
    pub source: &'static str,
    pub says: &'static str,
}

/// Two sources that disagree, and the reading the planner uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceConflict {
    /// Short name, e.g. "lead time".
    pub topic: &'static str,
    pub one: Claim,
    pub other: Claim,
    /// What the planner does about it.
    pub reading: &'static str,
}

impl SourceConflict {
    /// "Sources disagree on the lead time before a maintenance window: per A, …; per B, …. The
    /// planner …"
    pub fn sentence(&self) -> String {
        format!(
            "Sources disagree on {}: per {}, {}; per {}, {}. {}",
            self.topic,
            self.one.source,
            self.one.says,
            self.other.source,
            self.other.says,
            self.reading
        )
    }
}

/// docs/aks-2026.md §1.9 item 1.
pub const WINDOWS_2025_DEFAULT: SourceConflict = SourceConflict {
    topic: "the Kubernetes version from which Windows Server 2025 is the default Windows SKU",
    one: Claim {
        source: "the AKS docs (learn.microsoft.com/azure/aks/upgrade-os-version)",
        says: "Kubernetes 1.36",
    },
    other: Claim {
        source: "the AKS changelog of 2026-07-17 (github.com/Azure/AKS/releases)",
        says: "Kubernetes 1.37",
    },
    reading: "The planner never relies on the default: set osSKU explicitly on Windows pools.",
};

/// docs/aks-2026.md §1.9 item 2.
pub const UBUNTU_AT_1_35: SourceConflict = SourceConflict {
    topic: "the Ubuntu version of osSKU Ubuntu on Kubernetes 1.35",
    one: Claim {
        source: "one row of learn.microsoft.com/azure/aks/upgrade-os-version",
        says: "Ubuntu 22.04 is the default on 1.25 to 1.35",
    },
    other: Claim {
        source: "another row of that page, and the AKS changelog of 2026-01-04",
        says: "Ubuntu 24.04 is the default from 1.35 (22.04 on 1.25 to 1.34)",
    },
    reading: "The planner reads 1.35 as Ubuntu 24.04 and marks the move; pin osSKU Ubuntu2204 or \
              Ubuntu2404 to be certain.",
};

/// docs/aks-2026.md §1.9 item 3.
pub const SECURITY_PATCH_NETWORK_ISOLATED: SourceConflict = SourceConflict {
    topic: "whether network-isolated clusters support SecurityPatch",
    one: Claim {
        source: "the AKS changelog of 2025-07-20",
        says: "SecurityPatch is supported for all network-isolated clusters",
    },
    other: Claim {
        source: "learn.microsoft.com/azure/aks/concepts-network-isolated",
        says: "only NodeImage and None are supported",
    },
    reading: "The planner does not model network isolation; check on a test cluster first.",
};

/// docs/aks-2026.md §1.9 item 4 (§1.3).
pub const LEAD_TIME: SourceConflict = SourceConflict {
    topic: "the lead time before a maintenance window",
    one: Claim {
        source: "learn.microsoft.com/azure/aks/planned-maintenance",
        says: "allow at least 15 minutes between a configuration change and the window start",
    },
    other: Claim {
        source: "learn.microsoft.com/azure/aks/node-auto-provisioning-upgrade-image",
        says: "allow at least 30 minutes",
    },
    reading: "The planner warns below 30 minutes, the safer of the two.",
};

/// docs/aks-2026.md §1.9 item 5.
pub const SECURITY_PATCH_CADENCE: SourceConflict = SourceConflict {
    topic: "the SecurityPatch cadence",
    one: Claim {
        source: "the AKS blog of 2025-04-22",
        says: "patches come faster than weekly, urgent CVEs within 5 days",
    },
    other: Claim {
        source: "the Fleet Manager docs (learn.microsoft.com/azure/kubernetes-fleet)",
        says: "daily patches are bundled into weekly updates",
    },
    reading: "The planner uses the editable security release interval (an assumption).",
};

/// docs/aks-2026.md §1.9 item 6 (§1.1).
pub const REIMAGING_TRANSITIONS: SourceConflict = SourceConflict {
    topic: "how many node OS channel changes reimage every node",
    one: Claim {
        source: "learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
        says: "5 transitions",
    },
    other: Claim {
        source: "learn.microsoft.com/azure/aks/node-disruption-policy",
        says: "7 transitions, adding Unmanaged to SecurityPatch and Unmanaged to NodeImage",
    },
    reading: "The planner marks all 7 as reimaging every node.",
};

/// Every conflict, in docs/aks-2026.md §1.9 order.
pub const ALL: [SourceConflict; 6] = [
    WINDOWS_2025_DEFAULT,
    UBUNTU_AT_1_35,
    SECURITY_PATCH_NETWORK_ISOLATED,
    LEAD_TIME,
    SECURITY_PATCH_CADENCE,
    REIMAGING_TRANSITIONS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conflict_sentence_names_both_sides_and_the_reading() {
        let s = LEAD_TIME.sentence();
        assert!(s.contains("15 minutes") && s.contains("30 minutes"), "{s}");
        assert!(s.contains("warns below 30"), "{s}");
    }

    #[test]
    fn the_six_documented_conflicts_are_listed() {
        // docs/aks-2026.md §1.9 lists six.
        assert_eq!(ALL.len(), 6);
        for c in ALL {
            assert_ne!(c.one.says, c.other.says, "{}", c.topic);
            assert!(!c.reading.is_empty());
        }
    }
}
