//! The demo plan the app opens on and `aks-planner demo` prints: three clusters (dev, test,
//! prod) with Ubuntu, Azure Linux, GPU and Windows pools, so a newcomer sees real output.

use super::plan::Plan;

const DEMO_JSON: &str = include_str!("demo.json");

/// The demo plan. A unit test guarantees the embedded JSON parses without notices.
pub fn demo_plan() -> Plan {
    Plan::from_json(DEMO_JSON)
        .map(|(plan, _)| plan)
        .unwrap_or_default()
}

/// A generated fleet of `clusters` clusters × 3 pools (Ubuntu 3 and 12 nodes, Azure Linux 40),
/// alternating NodeImage and SecurityPatch, daily / Saturday / Tuesday 4-hour windows at
/// staggered hours, ten subscriptions and three rings: the size issue 4's performance target
/// names (200 clusters), for the app's `?bench=N` page and benchmarks. On Kubernetes 1.35.2,
/// in support over the whole horizon from the benchmarks' "now" (2026-11-02), so every channel
/// delivers and the projection is the full workload (on 1.33.2, out of support since July
/// 2026, the node OS channels delivered nothing and the timeline was nearly empty).
pub fn fleet(clusters: u32) -> Plan {
    const SCHEDULES: [&str; 3] = [
        r#"{"daily":{"intervalDays":1}}"#,
        r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Saturday"}}"#,
        r#"{"weekly":{"intervalWeeks":1,"dayOfWeek":"Tuesday"}}"#,
    ];
    const POOLS: [(&str, &str, u32, &str); 3] = [
        ("system", "Ubuntu", 3, "33%"),
        ("apps", "Ubuntu", 12, "33%"),
        ("batch", "AzureLinux", 40, "10%"),
    ];
    let cluster = |i: u32| {
        let pools: Vec<String> = POOLS
            .iter()
            .map(|(name, sku, count, surge)| {
                let mode = if *name == "system" { "System" } else { "User" };
                format!(
                    r#"{{"name":"{name}","mode":"{mode}","osType":"Linux","osSKU":"{sku}","vmSize":"Standard_D8s_v5","count":{count},"upgradeSettings":{{"maxSurge":"{surge}","drainTimeoutInMinutes":30}}}}"#
                )
            })
            .collect();
        let channel = if i.is_multiple_of(2) {
            "NodeImage"
        } else {
            "SecurityPatch"
        };
        format!(
            r#"{{"name":"aks-{i:03}","resourceGroup":"rg-fleet-{i:03}","location":"westeurope","subscription":"sub-{sub}","kubernetesVersion":"1.35.2","tags":{{"ring":"{ring}"}},"autoUpgradeProfile":{{"upgradeChannel":"patch","nodeOSUpgradeChannel":"{channel}"}},"agentPoolProfiles":[{pools}],"maintenanceConfigurations":[{{"name":"aksManagedNodeOSUpgradeSchedule","maintenanceWindow":{{"schedule":{schedule},"durationHours":4,"utcOffset":"+00:00","startTime":"{hour:02}:00"}}}}]}}"#,
            sub = i % 10,
            ring = i % 3,
            pools = pools.join(","),
            schedule = SCHEDULES[(i % 3) as usize],
            hour = i % 24,
        )
    };
    let json = format!(
        r#"{{"version":1,"name":"Generated fleet of {clusters} clusters","clusters":[{}]}}"#,
        (0..clusters).map(cluster).collect::<Vec<_>>().join(",")
    );
    Plan::from_json(&json)
        .map(|(plan, _)| plan)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_fleet_parses_cleanly_with_three_pools_per_cluster() {
        let plan = fleet(200);
        assert_eq!(plan.clusters.len(), 200);
        assert!(
            plan.clusters
                .iter()
                .all(|c| c.agent_pool_profiles.len() == 3)
        );
        let (_, notices) = Plan::from_json(&plan.to_json()).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(fleet(0).clusters.len(), 0);
    }

    #[test]
    fn the_demo_parses_cleanly_into_three_clusters() {
        let (plan, notices) = Plan::from_json(DEMO_JSON).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(plan.clusters.len(), 3);
        assert!(
            plan.clusters
                .iter()
                .flat_map(|c| &c.agent_pool_profiles)
                .any(|p| p.os_sku.is_windows())
        );
    }

    #[test]
    fn the_demo_round_trips_through_its_own_json() {
        let plan = demo_plan();
        let (again, notices) = Plan::from_json(&plan.to_json()).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(plan, again);
    }
}
