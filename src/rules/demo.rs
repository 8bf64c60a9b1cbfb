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

#[cfg(test)]
mod tests {
    use super::*;

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
