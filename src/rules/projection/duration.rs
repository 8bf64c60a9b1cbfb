//! How long one pool's rolling upgrade takes and how many extra nodes it needs
//! (docs/aks-rules.md §4.2 surge arithmetic, §4.3 flow and duration model, §8 A-3, A-4, A-14).

use serde::Serialize;

use super::super::pool::{AgentPool, SurgeSource};
use super::super::version::KubernetesVersion;
use super::assumptions::StepTimings;

/// How a pool is rolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum UpgradePath {
    /// Surge nodes are created, old nodes drained and reimaged in batches (§4.3 steps 1–5).
    Surge,
    /// `maxSurge 0`, `maxUnavailable U`: drain U existing nodes at a time, no extra VMs.
    InPlace,
    /// Neither surge nor unavailable nodes: AKS cannot make progress.
    Stalled,
}

/// The arithmetic of one pool's rolling upgrade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolUpgrade {
    pub nodes: u32,
    pub path: UpgradePath,
    /// Nodes handled per batch: surge count (surge path) or unavailable count (in place).
    pub parallelism: u32,
    pub batches: u32,
    /// Extra VMs at the peak (0 in place).
    pub peak_extra_nodes: u32,
    /// `maxSurge` was not set and the planner assumed the AKS default (§8 A-3).
    pub surge_assumed: bool,
    /// Drain minutes per batch actually used: the estimate capped by `drainTimeoutInMinutes`.
    pub drain_minutes: u32,
    /// Estimated minutes for a rolling reimage of the whole pool.
    pub minutes: u32,
}

impl PoolUpgrade {
    /// N + surge as the VMSS sees it at the peak.
    pub fn peak_nodes(&self) -> u32 {
        self.nodes.saturating_add(self.peak_extra_nodes)
    }
}

/// The rolling-upgrade estimate for `pool` (docs/aks-rules.md §4.3):
/// `T = T_create + batches × (min(T_drain, drainTimeout) + soak + T_reimage) + T_delete`,
/// `batches = ceil(N / P)`; in place there is no create/delete step.
pub fn pool_upgrade(
    pool: &AgentPool,
    version: Option<KubernetesVersion>,
    timings: &StepTimings,
) -> PoolUpgrade {
    let nodes = pool.count;
    let settings = &pool.upgrade_settings;
    let (max_surge, source) = pool.effective_max_surge(version);
    let surge = max_surge.resolve(nodes);
    let unavailable = settings.max_unavailable_or_default().resolve(nodes);
    // §8 A-4: with both set, parallelism is the surge; maxUnavailable is only a fallback.
    let (path, parallelism) = if surge > 0 {
        (UpgradePath::Surge, surge)
    } else if unavailable > 0 {
        (UpgradePath::InPlace, unavailable)
    } else if nodes == 0 {
        (UpgradePath::Surge, 0)
    } else {
        (UpgradePath::Stalled, 0)
    };
    let batches = if parallelism == 0 {
        0
    } else {
        nodes.div_ceil(parallelism)
    };
    let drain_minutes = timings.drain_minutes.min(settings.drain_timeout_minutes());
    let per_batch = u64::from(drain_minutes)
        + u64::from(settings.soak_minutes())
        + u64::from(timings.reimage_minutes);
    let fixed = match path {
        UpgradePath::Surge if batches > 0 => {
            u64::from(timings.create_surge_minutes) + u64::from(timings.delete_surge_minutes)
        }
        _ => 0,
    };
    let minutes = u32::try_from(fixed + u64::from(batches) * per_batch).unwrap_or(u32::MAX);
    PoolUpgrade {
        nodes,
        path,
        parallelism,
        batches,
        peak_extra_nodes: if path == UpgradePath::Surge { surge } else { 0 },
        surge_assumed: source != SurgeSource::Explicit,
        drain_minutes,
        minutes,
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::surge::SurgeValue;
    use super::*;
    use proptest::prelude::*;

    fn pool(count: u32, surge: Option<&str>, unavailable: Option<&str>) -> AgentPool {
        let mut p: AgentPool =
            serde_json::from_str(r#"{"name":"apps","vmSize":"Standard_D8s_v5"}"#).unwrap();
        p.count = count;
        p.upgrade_settings.max_surge = surge.map(|s| s.parse::<SurgeValue>().unwrap());
        p.upgrade_settings.max_unavailable = unavailable.map(|s| s.parse().unwrap());
        p
    }

    #[test]
    fn twelve_nodes_at_33_percent_take_three_batches_of_four() {
        // ceil(12 × 0.33) = 4 surge nodes; ceil(12 / 4) = 3 batches;
        // 5 + 3 × (2 + 0 + 8) + 2 = 37 minutes.
        let u = pool_upgrade(&pool(12, Some("33%"), None), None, &StepTimings::default());
        assert_eq!(
            (
                u.path,
                u.parallelism,
                u.batches,
                u.peak_extra_nodes,
                u.minutes
            ),
            (UpgradePath::Surge, 4, 3, 4, 37)
        );
        assert!(!u.surge_assumed);
    }

    #[test]
    fn table_of_hand_computed_durations() {
        let t = StepTimings::default();
        // (count, maxSurge, maxUnavailable, path, parallelism, batches, extra, minutes)
        let cases = [
            (
                4,
                Some("50%"),
                None,
                UpgradePath::Surge,
                2,
                2,
                2,
                5 + 2 * 10 + 2,
            ),
            (
                8,
                Some("10%"),
                None,
                UpgradePath::Surge,
                1,
                8,
                1,
                5 + 8 * 10 + 2,
            ),
            (3, Some("10"), None, UpgradePath::Surge, 3, 1, 3, 5 + 10 + 2),
            (
                10,
                Some("0"),
                Some("2"),
                UpgradePath::InPlace,
                2,
                5,
                0,
                5 * 10,
            ),
            (10, Some("0"), Some("0"), UpgradePath::Stalled, 0, 0, 0, 0),
            (
                6,
                Some("2"),
                Some("1"),
                UpgradePath::Surge,
                2,
                3,
                2,
                5 + 3 * 10 + 2,
            ),
            (0, Some("33%"), None, UpgradePath::Surge, 0, 0, 0, 0),
        ];
        for (count, surge, unav, path, par, batches, extra, minutes) in cases {
            let u = pool_upgrade(&pool(count, surge, unav), None, &t);
            assert_eq!(
                (
                    u.path,
                    u.parallelism,
                    u.batches,
                    u.peak_extra_nodes,
                    u.minutes
                ),
                (path, par, batches, extra, minutes),
                "{count} nodes, surge {surge:?}, unavailable {unav:?}"
            );
        }
    }

    #[test]
    fn drain_is_capped_by_the_drain_timeout_and_soak_is_added_per_batch() {
        let mut p = pool(6, Some("2"), None);
        p.upgrade_settings.drain_timeout_in_minutes = Some(5);
        p.upgrade_settings.node_soak_duration_in_minutes = Some(10);
        let t = StepTimings {
            drain_minutes: 20,
            ..StepTimings::default()
        };
        let u = pool_upgrade(&p, None, &t);
        assert_eq!(u.drain_minutes, 5);
        assert_eq!(u.minutes, 5 + 3 * (5 + 10 + 8) + 2);
    }

    #[test]
    fn unset_max_surge_uses_the_a3_default_and_says_so() {
        let u = pool_upgrade(&pool(8, None, None), None, &StepTimings::default());
        assert!(u.surge_assumed);
        assert_eq!(u.parallelism, 1);
    }

    #[test]
    fn with_a_percentage_one_more_node_can_shorten_the_upgrade() {
        // Why the monotonicity property below holds only for node-count surges: 3 nodes at 33 %
        // surge 1 node (3 batches), 4 nodes surge ceil(1.32) = 2 (2 batches).
        let t = StepTimings::default();
        let three = pool_upgrade(&pool(3, Some("33%"), None), None, &t);
        let four = pool_upgrade(&pool(4, Some("33%"), None), None, &t);
        assert!(four.minutes < three.minutes);
    }

    proptest! {
        #[test]
        fn duration_never_shrinks_when_nodes_are_added_at_a_fixed_surge(
            n in 0u32..2000, extra in 0u32..500, surge in 1u32..50, soak in 0u32..30
        ) {
            let t = StepTimings::default();
            let mut a_pool = pool(n, Some(&surge.to_string()), None);
            a_pool.upgrade_settings.node_soak_duration_in_minutes = Some(soak);
            let mut b_pool = a_pool.clone();
            b_pool.count = n + extra;
            let a = pool_upgrade(&a_pool, None, &t);
            let b = pool_upgrade(&b_pool, None, &t);
            prop_assert!(b.minutes >= a.minutes, "{} nodes {} min, {} nodes {} min", n, a.minutes, n + extra, b.minutes);
            prop_assert!(a.parallelism <= n);
            prop_assert!(u64::from(a.batches) * u64::from(a.parallelism) >= u64::from(n));
        }
    }
}
