//! Surge quota against the free quota the user recorded (docs/aks-rules.md §4.3: "warn when surge
//! quota > free quota (user input)"; §4.2: on Kubernetes ≥ 1.35 AKS retries with surge 1).
//! The figures come from `projection::quota::summarise`; no quota recorded → no finding (the
//! quota panel says "free quota unknown").

use crate::rules::cluster::Cluster;
use crate::rules::finding::FindingCode;
use crate::rules::finding::sources::CAPACITY;
use crate::rules::plan::Plan;
use crate::rules::pool::AgentPool;
use crate::rules::projection::duration::pool_upgrade;
use crate::rules::projection::format_duration;
use crate::rules::projection::quota::free::Contributor;
use crate::rules::projection::quota::{
    QuotaCheck, QuotaStatus, RegionQuota, SurgeQuota, summarise,
};
use crate::rules::surge::SurgeValue;

use super::{FieldPath, Finding, fields};

/// D-CAP: surge nodes need quota; how to plan for it.
/// Where users ask for more vCPU quota.
const QUOTA_REQUEST: &str = "https://learn.microsoft.com/azure/quotas/per-vm-quota-requests";

pub(super) fn findings(plan: &Plan) -> Vec<Finding> {
    findings_of(plan, &summarise(plan))
}

/// [`findings`] from the plan's surge quota when it is already known (`quota` must be
/// `summarise(plan)`: the app passes its projection's, made from the same plan).
pub(super) fn findings_of(plan: &Plan, quota: &SurgeQuota) -> Vec<Finding> {
    let mut out = Vec::new();
    for region in &quota.regions {
        for check in &region.checks {
            if check.status == QuotaStatus::Short {
                out.push(short(plan, region, check));
            }
            if check.used_over_limit() {
                out.push(used_over_limit(plan, region, check));
            }
        }
    }
    out
}

/// The name of a contributor's cluster.
fn cluster_name<'p>(plan: &'p Plan, c: &Contributor) -> &'p str {
    plan.clusters
        .get(c.cluster_index as usize)
        .map_or("", |cl| cl.name.as_str())
}

/// The pool of a contributor, with its cluster.
fn pool_of<'p>(plan: &'p Plan, c: &Contributor) -> Option<(&'p Cluster, &'p AgentPool)> {
    let cluster = plan.clusters.get(c.cluster_index as usize)?;
    Some((
        cluster,
        cluster.agent_pool_profiles.get(c.pool_index as usize)?,
    ))
}

/// The finding points at the `maxSurge` of the largest contributor: lowering it is one fix,
/// and the pool editor shows the finding there.
fn path(plan: &Plan, check: &QuotaCheck) -> FieldPath {
    let at = check.contributors.first().and_then(|c| {
        pool_of(plan, c).map(|(cluster, pool)| {
            FieldPath::pool(
                c.cluster_index as usize,
                cluster,
                c.pool_index as usize,
                pool,
                fields::MAX_SURGE,
            )
        })
    });
    at.unwrap_or(FieldPath {
        cluster: None,
        cluster_name: None,
        pool: None,
        pool_name: None,
        config: None,
        field: "computeUsages".to_owned(),
    })
}

/// What happens to one contributing cluster when its surge nodes cannot be created (§4.2).
fn consequence(plan: &Plan, c: &Contributor, free: u64) -> String {
    let Some((cluster, pool)) = pool_of(plan, c) else {
        return String::new();
    };
    let version = cluster.kubernetes_version;
    let named = match version {
        Some(v) => format!("{} (Kubernetes {v})", cluster.name),
        None => format!("{} (Kubernetes version not recorded)", cluster.name),
    };
    if free < u64::from(c.vcpus_per_node) {
        return format!(
            "{named}: not even one {}-vCPU surge node fits, so the upgrade of {} stops with a quota error",
            c.vcpus_per_node, c.pool
        );
    }
    let timings = &plan.assumptions.projection.timings;
    let normal = pool_upgrade(pool, version, timings).minutes;
    let mut one = pool.clone();
    one.upgrade_settings.max_surge = Some(SurgeValue::Nodes(1));
    let slow = pool_upgrade(&one, version, timings).minutes;
    if slow == normal {
        // Already one surge node at a time: the retry changes nothing worth saying.
        return String::new();
    }
    let retry = format!(
        "AKS retries with 1 surge node, so {} takes about {} instead of {}",
        c.pool,
        format_duration(slow),
        format_duration(normal)
    );
    match version {
        Some(v) if v.at_least(1, 35) => format!("{named}: {retry}"),
        Some(_) => format!(
            "{named}: the upgrade stops with a quota error (the surge-1 retry needs Kubernetes ≥ 1.35; there, {retry})"
        ),
        None => format!(
            "{named}: the upgrade stops with a quota error, or on Kubernetes ≥ 1.35 {retry}"
        ),
    }
}

fn short(plan: &Plan, r: &RegionQuota, check: &QuotaCheck) -> Finding {
    let free = check.free.unwrap_or(0);
    let label = check.label();
    let mut message = format!(
        "{}: surges need up to {} vCPUs of the {label} quota but only {free} are free (limit {}, used {})",
        r.place(),
        check.needed,
        check.limit.unwrap_or(0),
        check.current_value.unwrap_or(0)
    );
    let mut clusters: Vec<u32> = check.contributors.iter().map(|c| c.cluster_index).collect();
    clusters.dedup();
    let several_clusters = clusters.iter().any(|&c| c != clusters[0]);
    if check.contributors.len() > 1 {
        let parts: Vec<String> = check
            .contributors
            .iter()
            .map(|c| format!("{}/{} +{}", cluster_name(plan, c), c.pool, c.extra_vcpus))
            .collect();
        message.push_str(&format!(
            "; {}: {}",
            if several_clusters {
                "worst case if their upgrades overlap"
            } else {
                // One cluster's pools summed: the reservation the AKS docs compute
                // (docs/aks-2026.md §1.4).
                "its pools' surges add up"
            },
            parts.join(", ")
        ));
    }
    let consequences: Vec<String> = check
        .contributors
        .iter()
        .map(|c| consequence(plan, c, free))
        .filter(|s| !s.is_empty())
        .collect();
    let why = format!(
        "Surge nodes count against the subscription's vCPU quota in the region, per VM family and in total. Without free quota the upgrade cannot get its surge nodes: {}.",
        consequences.join("; ")
    );
    let pools: Vec<String> = check
        .contributors
        .iter()
        .map(|c| format!("{}/{}", cluster_name(plan, c), c.pool))
        .collect();
    let mut fix = format!(
        "Request at least {} more vCPUs of the {label} quota in {} ({QUOTA_REQUEST}), or lower maxSurge on {}",
        check.shortfall(),
        if r.location.is_empty() {
            "the region"
        } else {
            &r.location
        },
        pools.join(", ")
    );
    if several_clusters {
        fix.push_str(
            ", or stagger these clusters' maintenance windows so their upgrades do not overlap",
        );
    }
    fix.push('.');
    Finding::warning(
        FindingCode::SurgeExceedsFreeQuota,
        path(plan, check),
        CAPACITY,
    )
    .message(message)
    .why(why)
    .fix(fix)
}

fn used_over_limit(plan: &Plan, r: &RegionQuota, check: &QuotaCheck) -> Finding {
    Finding::warning(FindingCode::QuotaUsedOverLimit, path(plan, check), CAPACITY)
        .message(format!(
            "{}: {} shows {} used but a limit of {}: no free quota is counted",
            r.place(),
            check.label(),
            check.current_value.unwrap_or(0),
            check.limit.unwrap_or(0)
        ))
        .why("Free quota is limit − used; Azure can show usage above a limit that was lowered, and then nothing new fits.")
        .fix("Check the numbers against az vm list-usage --location REGION -o json (or paste its output in the Surge quota panel), or request more quota.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::demo_plan;
    use crate::rules::findings::check;
    use crate::rules::usage::{set_current_value, set_limit};
    use crate::rules::version::KubernetesVersion;

    fn plan_with(sub: &str, name: &str, limit: u64, used: u64) -> Plan {
        let mut plan = demo_plan();
        set_limit(
            &mut plan.compute_usages,
            sub,
            "westeurope",
            name,
            Some(limit),
        );
        set_current_value(&mut plan.compute_usages, sub, "westeurope", name, used).unwrap();
        plan
    }

    fn quota_findings(plan: &Plan) -> Vec<Finding> {
        check(plan)
            .into_iter()
            .filter(|f| f.code == "surge-exceeds-free-quota" || f.code == "quota-used-over-limit")
            .collect()
    }

    #[test]
    fn no_recorded_quota_means_no_finding() {
        assert!(quota_findings(&demo_plan()).is_empty());
    }

    #[test]
    fn below_kubernetes_1_35_a_short_quota_stops_the_upgrade() {
        let mut plan = plan_with("contoso-prod", "standardDSv5Family", 50, 32);
        plan.clusters[2].kubernetes_version = "1.32.7".parse().ok();
        let found = quota_findings(&plan);
        assert_eq!(found.len(), 1, "{found:?}");
        // No surge-1 retry before 1.35 (§4.2).
        assert!(found[0].why.contains("aks-prod-weu (Kubernetes 1.32.7): the upgrade stops with a quota error (the surge-1 retry needs Kubernetes ≥ 1.35; there, AKS retries with 1 surge node, so apps takes about 4 h 07 min instead of 1 h 07 min)"), "{}", found[0].why);
    }

    #[test]
    fn a_family_short_of_free_quota_warns_with_the_numbers_and_points_at_max_surge() {
        let plan = plan_with("contoso-prod", "standardDSv5Family", 50, 32);
        let found = quota_findings(&plan);
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_eq!(f.severity, crate::rules::findings::Severity::Warning);
        assert_eq!(
            f.message,
            "contoso-prod / westeurope: surges need up to 40 vCPUs of the standardDSv5Family quota but only 18 are free (limit 50, used 32); its pools' surges add up: aks-prod-weu/apps +32, aks-prod-weu/system +4, aks-prod-weu/win +4"
        );
        assert_eq!(
            f.path.display(),
            "aks-prod-weu/apps/upgradeSettings.maxSurge"
        );
        assert_eq!(f.path.dom_id(), "c2-p1-upgradeSettings-maxSurge");
        // prod is on 1.36.3: AKS retries with one surge node (§4.2).
        assert!(
            f.why.contains("aks-prod-weu (Kubernetes 1.36.3): AKS retries with 1 surge node, so apps takes about 4 h 07 min instead of 1 h 07 min."),
            "{}",
            f.why
        );
        assert!(
            f.fix.starts_with(
                "Request at least 22 more vCPUs of the standardDSv5Family quota in westeurope (https://"
            ),
            "{}",
            f.fix
        );
        assert!(
            f.fix.contains(
                "lower maxSurge on aks-prod-weu/apps, aks-prod-weu/system, aks-prod-weu/win."
            ),
            "{}",
            f.fix
        );
        assert!(f.source.url.starts_with("https://learn.microsoft.com/"));
    }

    #[test]
    fn on_kubernetes_1_35_the_consequence_is_the_slow_surge_1_retry() {
        let mut plan = plan_with("contoso-prod", "standardDSv5Family", 50, 32);
        plan.clusters[2].kubernetes_version = Some(KubernetesVersion::new(1, 35, Some(0)));
        let f = &quota_findings(&plan)[0];
        assert!(f.why.contains("aks-prod-weu (Kubernetes 1.35.0): AKS retries with 1 surge node, so apps takes about 4 h 07 min instead of 1 h 07 min"), "{}", f.why);
    }

    #[test]
    fn when_not_even_one_node_fits_the_finding_says_so() {
        let plan = plan_with("contoso-prod", "standardDSv5Family", 10, 4);
        let f = &quota_findings(&plan)[0];
        assert!(
            f.why.contains("not even one 8-vCPU surge node fits"),
            "{}",
            f.why
        );
    }

    #[test]
    fn enough_free_quota_means_no_finding() {
        // prod needs 40 DSv5 vCPUs summed over its pools (docs/aks-2026.md §1.4).
        let plan = plan_with("contoso-prod", "standardDSv5Family", 50, 10);
        assert!(quota_findings(&plan).is_empty());
    }

    #[test]
    fn the_total_regional_quota_is_checked_too() {
        let plan = plan_with("contoso-nonprod", "cores", 100, 90);
        let found = quota_findings(&plan);
        assert_eq!(found.len(), 1);
        // test: 4 + 16 DSv5 and 6 NCSv3 summed over its pools (docs/aks-2026.md §1.4).
        assert!(found[0].message.starts_with("contoso-nonprod / westeurope: surges need up to 26 vCPUs of the Total Regional vCPUs quota but only 10 are free"), "{}", found[0].message);
    }

    #[test]
    fn clusters_sharing_a_quota_are_listed_and_staggering_is_offered() {
        let mut plan = plan_with("shared", "standardDSv5Family", 100, 60);
        for c in &mut plan.clusters {
            c.subscription = "shared".to_owned();
        }
        let f = &quota_findings(&plan)[0];
        assert!(f.message.ends_with("worst case if their upgrades overlap: aks-prod-weu/apps +32, aks-dev-weu/apps +16, aks-test-weu/apps +16, aks-dev-weu/system +4, aks-test-weu/system +4, aks-prod-weu/system +4, aks-prod-weu/win +4"), "{}", f.message);
        assert!(
            f.fix
                .contains("stagger these clusters' maintenance windows"),
            "{}",
            f.fix
        );
    }

    #[test]
    fn used_above_limit_is_its_own_warning() {
        let plan = plan_with("contoso-prod", "standardDSv5Family", 50, 60);
        let codes: Vec<&str> = quota_findings(&plan)
            .iter()
            .map(|f| f.code.as_str())
            .collect();
        assert_eq!(codes, ["surge-exceeds-free-quota", "quota-used-over-limit"]);
    }
}
