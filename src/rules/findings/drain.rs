//! Drain and soak settings (docs/aks-rules.md §4.1, §8 ): how long AKS waits to evict a
//! node, how long it waits after, and what it does with nodes it cannot drain.

use crate::rules::finding::FindingCode;
use crate::rules::plan::Plan;
use crate::rules::pool::{AgentPool, UndrainableNodeBehavior};
use crate::rules::surge::SurgeValue;
use crate::rules::version::KubernetesVersion;

use super::sources::{ROLLING_UPGRADE, UPGRADE_OPTIONS};
use super::{FieldPath, Finding, fields, per_pool};

use crate::rules::finding::fields::{DRAIN_TIMEOUT_MINUTES, SOAK_MINUTES};

/// Service minimum for `drainTimeoutInMinutes` (the API says 1; AKS enforces 5, §8 A-18).
pub const DRAIN_TIMEOUT_MIN: u32 = *DRAIN_TIMEOUT_MINUTES.start();
/// API maximum for `drainTimeoutInMinutes`.
pub const DRAIN_TIMEOUT_MAX: u32 = *DRAIN_TIMEOUT_MINUTES.end();
/// API maximum for `nodeSoakDurationInMinutes`.
pub const SOAK_MAX: u32 = *SOAK_MINUTES.end();

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    per_pool(plan, |ci, cluster, pi, pool, out| {
        let path = |field: &str| FieldPath::pool(ci, cluster, pi, pool, field);
        timeouts(pool, &path, out);
        blocked_nodes(cluster.kubernetes_version, pool, &path, out);
        if pool.upgrade_settings.undrainable_node_behavior
            == Some(UndrainableNodeBehavior::Schedule)
        {
            out.push(
                Finding::note(
                    FindingCode::UndrainableScheduleFailsUpgrade,
                    path(fields::UNDRAINABLE),
                    UPGRADE_OPTIONS,
                )
                .message(format!(
                    "node pool {:?} uses undrainableNodeBehavior Schedule",
                    pool.name
                ))
                .why(
                    "With Schedule, a node that cannot be drained (e.g. a blocking \
                     PodDisruptionBudget) is made schedulable again and left on its old \
                     image, and the upgrade operation fails. The docs describe it as deleting \
                     the blocked node and surging a replacement; the planner follows the API \
                     text.",
                )
                .fix(
                    "Use Cordon to quarantine blocked nodes and upgrade the rest, and fix the \
                     blocking PodDisruptionBudgets.",
                ),
            );
        }
    })
}

/// `maxBlockedNodes` (preview, docs/aks-rules.md §4.1, docs/aks-2026.md §1.4): needs
/// `undrainableNodeBehavior`, is capped at the nodes left, and is not exported.
fn blocked_nodes(
    version: Option<KubernetesVersion>,
    pool: &AgentPool,
    path: &dyn Fn(&str) -> FieldPath,
    out: &mut Vec<Finding>,
) {
    let Some(value) = pool.upgrade_settings.max_blocked_nodes else {
        return;
    };
    let name = &pool.name;
    if pool.upgrade_settings.undrainable_node_behavior.is_none() {
        out.push(
            Finding::warning(
                FindingCode::MaxBlockedNodesWithoutBehavior,
                path(fields::MAX_BLOCKED_NODES),
                UPGRADE_OPTIONS,
            )
            .message(format!(
                "node pool {name:?} sets maxBlockedNodes {value} without undrainableNodeBehavior"
            ))
            .why(
                "maxBlockedNodes says how many nodes that cannot be drained AKS tolerates; it \
                 only applies together with undrainableNodeBehavior.",
            )
            .fix("Set undrainableNodeBehavior to Cordon, or clear maxBlockedNodes."),
        );
    }
    let (_, capped) = pool.effective_max_blocked_nodes(version, pool.count);
    let above_pool = match value {
        SurgeValue::Nodes(n) => n > pool.count,
        SurgeValue::Percent(p) => p > 100,
    };
    if above_pool {
        out.push(
            Finding::note(
                FindingCode::MaxBlockedNodesCapped,
                path(fields::MAX_BLOCKED_NODES),
                UPGRADE_OPTIONS,
            )
            .message(format!(
                "maxBlockedNodes {value} of node pool {name:?} is above its {} node(s): AKS \
                 applies {capped}",
                pool.count
            ))
            .why(
                "Since 2026-08 AKS caps maxBlockedNodes (and maxUnavailable) at the nodes still \
                 to upgrade, so a larger value tolerates no more blocked nodes.",
            )
            .fix(format!(
                "Set maxBlockedNodes to {capped} or less to say what AKS will do."
            )),
        );
    }
    out.push(
        Finding::note(
            FindingCode::MaxBlockedNodesPreviewNotExported,
            path(fields::MAX_BLOCKED_NODES),
            UPGRADE_OPTIONS,
        )
        .message(format!(
            "maxBlockedNodes {value} of node pool {name:?} is not in the exports"
        ))
        .why(
            "maxBlockedNodes is a preview setting: it is not in the stable AKS API 2026-08-01 \
             and the --max-blocked-nodes flag exists only in the aks-preview az extension \
             18.0.0b9 or later. The az script, Bicep and Terraform exports leave it out and say \
             so in a comment.",
        )
        .fix(
            "Apply it yourself with aks-preview: az extension add --name aks-preview, then \
             az aks nodepool update --max-blocked-nodes with the value.",
        ),
    );
}

/// drainTimeoutInMinutes 5–1440 and nodeSoakDurationInMinutes 0–30 (§4.1).
fn timeouts(pool: &AgentPool, path: &dyn Fn(&str) -> FieldPath, out: &mut Vec<Finding>) {
    let settings = &pool.upgrade_settings;
    if let Some(d) = settings.drain_timeout_in_minutes
        && !(DRAIN_TIMEOUT_MIN..=DRAIN_TIMEOUT_MAX).contains(&d)
    {
        let why = if d < DRAIN_TIMEOUT_MIN {
            "AKS enforces a drain timeout of at least 5 minutes (since 2024-08; the API \
             schema still says 1). `az aks nodepool update --drain-timeout 0` is silently \
             ignored by the CLI."
        } else {
            "The drain timeout is at most 1440 minutes (24 hours)."
        };
        out.push(
            Finding::error(
                FindingCode::DrainTimeoutOutOfRange,
                path(fields::DRAIN_TIMEOUT),
                ROLLING_UPGRADE,
            )
            .message(format!(
                "drainTimeoutInMinutes of node pool {:?} is {d}",
                pool.name
            ))
            .why(why)
            .fix(
                "Use 5 to 1440 minutes (the default is 30): long enough for your slowest \
                 PodDisruptionBudget to allow an eviction.",
            ),
        );
    }
    if let Some(s) = settings.node_soak_duration_in_minutes
        && s > SOAK_MAX
    {
        out.push(
            Finding::error(
                FindingCode::SoakDurationOutOfRange,
                path(fields::SOAK_DURATION),
                ROLLING_UPGRADE,
            )
            .message(format!(
                "nodeSoakDurationInMinutes of node pool {:?} is {s}",
                pool.name
            ))
            .why("AKS waits 0 to 30 minutes after draining each node before reimaging it.")
            .fix(
                "Use 0 to 30 minutes; every minute of soak is added to each batch of the upgrade.",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{codes, only, plan_with, run, surge, with_user_pool};
    use super::*;
    use crate::rules::pool::UpgradeSettings;

    fn settings(drain: Option<u32>, soak: Option<u32>) -> UpgradeSettings {
        UpgradeSettings {
            max_surge: surge("1"),
            drain_timeout_in_minutes: drain,
            node_soak_duration_in_minutes: soak,
            ..UpgradeSettings::default()
        }
    }

    #[test]
    fn the_baseline_has_no_drain_findings() {
        assert!(codes(&run(findings, &plan_with(|_| {}))).is_empty());
    }

    #[test]
    fn drain_outside_5_to_1440_and_soak_above_30_are_errors_on_their_field() {
        let table = [
            (
                settings(Some(0), None),
                "drain-timeout-out-of-range",
                fields::DRAIN_TIMEOUT,
            ),
            (
                settings(Some(4), None),
                "drain-timeout-out-of-range",
                fields::DRAIN_TIMEOUT,
            ),
            (
                settings(Some(1441), None),
                "drain-timeout-out-of-range",
                fields::DRAIN_TIMEOUT,
            ),
            (
                settings(None, Some(31)),
                "soak-duration-out-of-range",
                fields::SOAK_DURATION,
            ),
        ];
        for (s, code, field) in table {
            let found = with_user_pool(findings, s, 4);
            let f = only(&found, code, Severity::Error);
            assert_eq!(
                (f.path.field.as_str(), f.path.pool),
                (field, Some(1)),
                "{s:?}"
            );
        }
    }

    #[test]
    fn boundary_drain_and_soak_values_are_accepted() {
        for s in [
            settings(Some(5), Some(30)),
            settings(Some(1440), Some(0)),
            settings(None, None),
        ] {
            let found = with_user_pool(findings, s, 4);
            assert!(found.is_empty(), "{s:?}: {:?}", codes(&found));
        }
    }

    #[test]
    fn a_drain_timeout_below_5_explains_the_service_minimum() {
        let found = with_user_pool(findings, settings(Some(1), None), 4);
        let f = only(&found, "drain-timeout-out-of-range", Severity::Error);
        assert!(f.why.contains("at least 5"), "{}", f.why);
    }

    #[test]
    fn undrainable_schedule_is_a_note_and_cordon_is_not() {
        for (behaviour, expected) in [
            (
                UndrainableNodeBehavior::Schedule,
                vec!["undrainable-schedule-fails-upgrade"],
            ),
            (UndrainableNodeBehavior::Cordon, vec![]),
        ] {
            let s = UpgradeSettings {
                undrainable_node_behavior: Some(behaviour),
                ..settings(None, None)
            };
            assert_eq!(
                codes(&with_user_pool(findings, s, 4)),
                expected,
                "{behaviour:?}"
            );
        }
    }

    #[test]
    fn max_blocked_nodes_needs_a_behaviour_is_capped_and_is_never_exported() {
        let blocked = |value: &str, behaviour| UpgradeSettings {
            max_blocked_nodes: surge(value),
            undrainable_node_behavior: behaviour,
            ..settings(None, None)
        };
        // 6 on a 4-node pool without a behaviour: the warning, the cap (6 -> 4 by hand,
        // docs/aks-2026.md §1.4) and the not-exported note, all on the field.
        let found = with_user_pool(findings, blocked("6", None), 4);
        assert_eq!(
            codes(&found),
            vec![
                "max-blocked-nodes-without-behavior",
                "max-blocked-nodes-capped",
                "max-blocked-nodes-preview-not-exported"
            ]
        );
        assert!(
            found
                .iter()
                .all(|f| f.path.field == fields::MAX_BLOCKED_NODES)
        );
        let capped = only(&found, "max-blocked-nodes-capped", Severity::Note);
        assert!(
            capped.message.contains("AKS applies 4"),
            "{}",
            capped.message
        );
        only(
            &found,
            "max-blocked-nodes-without-behavior",
            Severity::Warning,
        );
        // Within the pool and with Cordon: only the not-exported note.
        for value in ["4", "100%"] {
            assert_eq!(
                codes(&with_user_pool(
                    findings,
                    blocked(value, Some(UndrainableNodeBehavior::Cordon)),
                    4
                )),
                vec!["max-blocked-nodes-preview-not-exported"],
                "{value}"
            );
        }
    }
}
