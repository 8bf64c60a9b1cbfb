//! `maxSurge` / `maxUnavailable` ranges and combinations (docs/aks-rules.md §4.1–4.2, §8 A-4);
//! drain, soak and undrainable-node settings are in [`super::drain`].
//! Shapes (`"33%"`, `"5"`) are checked when the plan is read; values are checked here.

use crate::rules::cluster::Cluster;
use crate::rules::finding::FindingCode;
use crate::rules::plan::Plan;
use crate::rules::pool::{AgentPool, PoolMode};
use crate::rules::surge::SurgeValue;

use super::pools::MAX_POOL_NODES;
use super::sources::ROLLING_UPGRADE;
use super::{FieldPath, Finding, fields, per_pool};

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    per_pool(plan, |ci, cluster, pi, pool, out| {
        let path = |field: &str| FieldPath::pool(ci, cluster, pi, pool, field);
        surge_values(pool, &path, out);
        surge_combination(pool, &path, out);
        vmss_limit(cluster, pool, &path, out);
    })
}

/// Percentages above 100 % (§4.1) and integer surges larger than the pool (capped, §4.2).
fn surge_values(pool: &AgentPool, path: &dyn Fn(&str) -> FieldPath, out: &mut Vec<Finding>) {
    let settings = &pool.upgrade_settings;
    for (field, value, code) in [
        (
            fields::MAX_SURGE,
            settings.max_surge,
            FindingCode::MaxSurgeOutOfRange,
        ),
        (
            fields::MAX_UNAVAILABLE,
            settings.max_unavailable,
            FindingCode::MaxUnavailableOutOfRange,
        ),
    ] {
        if let Some(SurgeValue::Percent(p @ 101..)) = value {
            let name = field.trim_start_matches("upgradeSettings.");
            out.push(
                Finding::error(code, path(field), ROLLING_UPGRADE)
                    .message(format!("{name} of node pool {:?} is {p}%", pool.name))
                    .why(format!(
                        "A percentage {name} is a share of the pool's nodes: 1% to 100%."
                    ))
                    .fix(format!(
                        "Use at most 100%, or a node count such as {}.",
                        pool.count.max(1)
                    )),
            );
        }
    }
    if let Some(SurgeValue::Nodes(n)) = settings.max_surge
        && pool.count > 0
        && n > pool.count
    {
        out.push(
            Finding::note(
                FindingCode::MaxSurgeAboveNodeCount,
                path(fields::MAX_SURGE),
                ROLLING_UPGRADE,
            )
            .message(format!(
                "maxSurge of node pool {:?} is {n} but the pool has {} node(s)",
                pool.name, pool.count
            ))
            .why(
                "AKS never surges more nodes than there are left to upgrade, so the extra \
                 surge has no effect.",
            )
            .fix(format!(
                "Set maxSurge to {} or a percentage such as 100%.",
                pool.count
            )),
        );
    }
}

/// maxSurge with maxUnavailable: the System-pool rule, both zero, both set (§4.1, A-4).
fn surge_combination(pool: &AgentPool, path: &dyn Fn(&str) -> FieldPath, out: &mut Vec<Finding>) {
    let settings = &pool.upgrade_settings;
    let unavailable = settings.max_unavailable_or_default();
    if pool.mode == PoolMode::System && !unavailable.is_zero() {
        out.push(
            Finding::error(
                FindingCode::MaxUnavailableOnSystemPool,
                path(fields::MAX_UNAVAILABLE),
                ROLLING_UPGRADE,
            )
            .message(format!(
                "System node pool {:?} sets maxUnavailable {unavailable}",
                pool.name
            ))
            .why(
                "AKS does not allow maxUnavailable on System pools: taking system nodes away \
                 without a replacement could stop cluster services.",
            )
            .fix("Remove maxUnavailable (or set it to 0) and use maxSurge, e.g. 33%."),
        );
    }
    let surge_zero = settings.max_surge.is_some_and(SurgeValue::is_zero);
    if surge_zero && unavailable.is_zero() {
        out.push(
            Finding::error(
                FindingCode::SurgeAndUnavailableZero,
                path(fields::MAX_SURGE),
                ROLLING_UPGRADE,
            )
            .message(format!(
                "node pool {:?} has maxSurge {} and maxUnavailable {unavailable}",
                pool.name,
                settings.max_surge.unwrap_or(SurgeValue::Nodes(0))
            ))
            .why(
                "With no surge node and no node allowed to be unavailable, an upgrade could \
                 never replace a node; AKS requires maxSurge > 0 when maxUnavailable is 0.",
            )
            .fix(
                "Set maxSurge to at least 1 (e.g. 33%), or on a User pool set maxUnavailable \
                 to at least 1 for an in-place upgrade without extra VMs.",
            ),
        );
    }
    let surge_positive = settings.max_surge.is_some_and(|s| !s.is_zero());
    if surge_positive && !unavailable.is_zero() && pool.mode != PoolMode::System {
        out.push(
            Finding::note(
                FindingCode::SurgeAndUnavailableBothSet,
                path(fields::MAX_UNAVAILABLE),
                ROLLING_UPGRADE,
            )
            .message(format!(
                "node pool {:?} sets both maxSurge {} and maxUnavailable {unavailable}",
                pool.name,
                settings.max_surge.unwrap_or(SurgeValue::Nodes(0))
            ))
            .why(
                "Both together are the preview 'maxUnavailable fallback' (aks-preview): AKS \
                 surges first, then retries with one surge node, and only then upgrades in \
                 place with maxUnavailable. They do not add up; the planner uses maxSurge for \
                 parallelism.",
            )
            .fix(
                "Keep both only if you use aks-preview and want the fallback; otherwise set \
                 maxUnavailable to 0.",
            ),
        );
    }
}

/// Pool size plus surge must fit in one VM scale set (≤ 1000 nodes, §4.2).
fn vmss_limit(
    cluster: &Cluster,
    pool: &AgentPool,
    path: &dyn Fn(&str) -> FieldPath,
    out: &mut Vec<Finding>,
) {
    if pool.count > MAX_POOL_NODES {
        return; // node-count-out-of-range already says so.
    }
    let (surge_value, _) = pool.effective_max_surge(cluster.kubernetes_version);
    let surge = surge_value.resolve(pool.count);
    let total = u64::from(pool.count) + u64::from(surge);
    if total > u64::from(MAX_POOL_NODES) {
        out.push(
            Finding::error(
                FindingCode::SurgeExceedsVmssLimit,
                path(fields::MAX_SURGE),
                ROLLING_UPGRADE,
            )
            .message(format!(
                "node pool {:?} has {} nodes and maxSurge {surge_value} adds {surge}: \
                 {total} nodes during the upgrade",
                pool.name, pool.count
            ))
            .why(
                "During an upgrade the pool's nodes plus its surge nodes must fit in one VM \
                 scale set of at most 1000 nodes; AKS rejects the upgrade before it starts \
                 otherwise.",
            )
            .fix(format!(
                "Lower maxSurge to at most {}, or use maxUnavailable on a User pool for \
                 an in-place upgrade.",
                MAX_POOL_NODES.saturating_sub(pool.count)
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{codes, only, plan_with, run, surge, with_user_pool};
    use super::*;
    use crate::rules::pool::UpgradeSettings;

    #[test]
    fn the_baseline_has_no_upgrade_setting_findings() {
        assert!(codes(&run(findings, &plan_with(|_| {}))).is_empty());
    }

    #[test]
    fn out_of_range_settings_are_errors_on_their_field() {
        let table: [(UpgradeSettings, &str, &str); 3] = [
            (
                UpgradeSettings {
                    max_surge: surge("101%"),
                    ..Default::default()
                },
                "max-surge-out-of-range",
                "upgradeSettings.maxSurge",
            ),
            (
                UpgradeSettings {
                    max_surge: surge("1"),
                    max_unavailable: surge("150%"),
                    ..Default::default()
                },
                "max-unavailable-out-of-range",
                "upgradeSettings.maxUnavailable",
            ),
            (
                UpgradeSettings {
                    max_surge: surge("0"),
                    ..Default::default()
                },
                "surge-and-unavailable-zero",
                "upgradeSettings.maxSurge",
            ),
        ];
        for (settings, code, field) in table {
            let found = with_user_pool(findings, settings, 4);
            let f = only(&found, code, Severity::Error);
            assert_eq!(f.path.field, field, "{code}");
            assert_eq!(f.path.pool, Some(1), "{code}");
        }
    }

    #[test]
    fn boundary_values_are_accepted() {
        let table = [
            UpgradeSettings {
                max_surge: surge("100%"),
                ..Default::default()
            },
            UpgradeSettings {
                max_surge: surge("1"),
                ..Default::default()
            },
            UpgradeSettings {
                max_surge: surge("0"),
                max_unavailable: surge("1"),
                ..Default::default()
            },
        ];
        for settings in table {
            let found = with_user_pool(findings, settings, 4);
            assert!(found.is_empty(), "{settings:?}: {:?}", codes(&found));
        }
    }

    #[test]
    fn max_unavailable_on_a_system_pool_is_an_error() {
        let found = run(
            findings,
            &plan_with(|c| c.agent_pool_profiles[0].upgrade_settings.max_unavailable = surge("1")),
        );
        only(&found, "max-unavailable-on-system-pool", Severity::Error);
        let found = run(
            findings,
            &plan_with(|c| c.agent_pool_profiles[0].upgrade_settings.max_unavailable = surge("0")),
        );
        assert!(found.is_empty(), "{:?}", codes(&found));
    }

    #[test]
    fn surge_and_unavailable_together_are_the_preview_fallback() {
        let found = with_user_pool(
            findings,
            UpgradeSettings {
                max_surge: surge("33%"),
                max_unavailable: surge("1"),
                ..Default::default()
            },
            4,
        );
        let f = only(&found, "surge-and-unavailable-both-set", Severity::Note);
        assert!(f.why.contains("preview"), "{}", f.why);
    }

    #[test]
    fn a_pool_plus_its_surge_above_1000_nodes_is_an_error() {
        let found = with_user_pool(
            findings,
            UpgradeSettings {
                max_surge: surge("10%"),
                ..Default::default()
            },
            950,
        );
        let f = only(&found, "surge-exceeds-vmss-limit", Severity::Error);
        assert!(f.message.contains("1045 nodes"), "{}", f.message);
        assert!(f.fix.contains("at most 50"), "{}", f.fix);
        let found = with_user_pool(
            findings,
            UpgradeSettings {
                max_surge: surge("50"),
                ..Default::default()
            },
            950,
        );
        assert!(found.is_empty(), "{:?}", codes(&found));
    }

    #[test]
    fn the_assumed_default_surge_counts_towards_the_vmss_limit() {
        let found = with_user_pool(findings, UpgradeSettings::default(), 999);
        only(&found, "surge-exceeds-vmss-limit", Severity::Error);
    }

    #[test]
    fn an_integer_surge_larger_than_the_pool_is_a_note() {
        let found = with_user_pool(
            findings,
            UpgradeSettings {
                max_surge: surge("10"),
                ..Default::default()
            },
            4,
        );
        only(&found, "max-surge-above-node-count", Severity::Note);
    }
}
