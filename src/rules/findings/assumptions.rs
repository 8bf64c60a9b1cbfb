//! Assumptions the planner makes where AKS sources are silent or disagree, shown as notes so a
//! reviewer sees what the numbers rest on (docs/aks-rules.md §8 A-3).

use crate::rules::finding::FindingCode;
use crate::rules::plan::Plan;
use crate::rules::pool::SurgeSource;

use super::sources::ROLLING_UPGRADE;
use super::{FieldPath, Finding, fields, per_cluster, per_pool};

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    let mut out = per_cluster(plan, |ci, cluster, out| {
        if cluster.kubernetes_version.is_none() {
            out.push(
                Finding::note(
                    FindingCode::KubernetesVersionMissing,
                    FieldPath::cluster(ci, cluster, fields::KUBERNETES_VERSION),
                    ROLLING_UPGRADE,
                )
                .message(format!(
                    "cluster {:?} has no kubernetesVersion",
                    cluster.name
                ))
                .why(
                    "The default maxSurge depends on it (10% on Kubernetes 1.32 and later, 1 \
                     node on older clusters), and so do cluster \
                     auto-upgrade targets; without it the planner assumes 10%.",
                )
                .fix(format!(
                    "Enter the version `az aks show -g {} -n {} --query \
                     kubernetesVersion` prints, e.g. 1.33.2.",
                    if cluster.resource_group.is_empty() {
                        "<rg>"
                    } else {
                        &cluster.resource_group
                    },
                    if cluster.name.is_empty() {
                        "<cluster>"
                    } else {
                        &cluster.name
                    }
                )),
            );
        }
    });
    out.extend(per_pool(plan, |ci, cluster, pi, pool, out| {
        let version = cluster.kubernetes_version;
        let (value, source) = pool.effective_max_surge(version);
        let reason = match (source, version) {
            (SurgeSource::Explicit, _) => return,
            (SurgeSource::AssumedTenPercent, Some(v)) => format!(
                "Kubernetes {v} is 1.32 or later, where AKS defaults maxSurge to 10% for all \
                 clusters (AKS release notes, 2025-03)"
            ),
            (SurgeSource::AssumedTenPercent, None) => {
                "the Kubernetes version is unknown and 10% is the default on current versions \
                 (1.32 and later)"
                    .to_owned()
            }
            (SurgeSource::AssumedOneNode, Some(v)) => format!(
                "Kubernetes {v} is older than 1.32, where the documented default is 1 node; \
                 pools created on 1.28 or later after October 2023 may default to 10% instead"
            ),
            (SurgeSource::AssumedOneNode, None) => "older clusters default to 1 node".to_owned(),
        };
        let nodes = value.resolve(pool.count);
        out.push(
            Finding::note(
                FindingCode::DefaultMaxSurgeAssumed,
                FieldPath::pool(ci, cluster, pi, pool, fields::MAX_SURGE),
                ROLLING_UPGRADE,
            )
            .message(format!(
                "maxSurge of node pool {:?} is not set: the planner assumes {value} \
                 ({nodes} of {} node(s) at a time)",
                pool.name, pool.count
            ))
            .why(format!(
                "AKS sources disagree on the default: the upgrade docs say 1 node, the \
                 API says 10%. The planner assumes {value} because \
                 {reason}."
            ))
            .fix(
                "Set maxSurge explicitly (e.g. 33%, which the AKS docs suggest for \
                 production) so upgrade speed and surge cost do not depend on AKS defaults.",
            ),
        );
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::testkit::{codes, only, plan_with, run};
    use super::*;

    #[test]
    fn an_explicit_max_surge_needs_no_assumption() {
        assert!(codes(&run(findings, &plan_with(|_| {}))).is_empty());
    }

    #[test]
    fn an_unset_max_surge_on_1_32_or_later_assumes_ten_percent() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.agent_pool_profiles[0].upgrade_settings.max_surge = None;
                c.agent_pool_profiles[0].count = 8;
            }),
        );
        let f = only(&found, "default-max-surge-assumed", Severity::Note);
        assert!(
            f.message.contains("assumes 10% (1 of 8 node(s)"),
            "{}",
            f.message
        );
        assert!(f.why.contains("1.33.2"), "{}", f.why);
        assert_eq!(f.path.dom_id(), "c0-p0-upgradeSettings-maxSurge");
    }

    #[test]
    fn an_unset_max_surge_before_1_32_assumes_one_node() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.kubernetes_version = "1.30.4".parse().ok();
                c.agent_pool_profiles[0].upgrade_settings.max_surge = None;
            }),
        );
        let f = only(&found, "default-max-surge-assumed", Severity::Note);
        assert!(f.message.contains("assumes 1 (1 of 3"), "{}", f.message);
    }

    #[test]
    fn a_missing_kubernetes_version_is_a_note_that_explains_the_surge_link() {
        let found = run(
            findings,
            &plan_with(|c| {
                c.kubernetes_version = None;
                c.agent_pool_profiles[0].upgrade_settings.max_surge = None;
            }),
        );
        let f = only(&found, "kubernetes-version-missing", Severity::Note);
        assert!(f.why.contains("maxSurge"));
        assert!(
            f.fix.contains("az aks show -g rg-app -n aks-a"),
            "{}",
            f.fix
        );
        let f = only(&found, "default-max-surge-assumed", Severity::Note);
        assert!(f.why.contains("unknown"), "{}", f.why);
    }
}
