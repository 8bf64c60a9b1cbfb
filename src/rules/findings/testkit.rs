//! Small builders for rule tests: a valid baseline plan that each test bends one way.

use crate::rules::channel::NodeOsChannel;
use crate::rules::cluster::Cluster;
use crate::rules::os::OsSku;
use crate::rules::plan::Plan;
use crate::rules::pool::{AgentPool, PoolMode, UpgradeSettings};
use crate::rules::surge::SurgeValue;

use super::{Finding, Severity};

/// A 3-node Ubuntu pool with an explicit 33 % surge (no assumption notes).
pub fn pool(name: &str, mode: PoolMode, os_sku: OsSku) -> AgentPool {
    AgentPool {
        name: name.to_owned(),
        mode,
        os_sku,
        gpu: false,
        vm_size: "Standard_D4s_v5".to_owned(),
        count: 3,
        upgrade_settings: UpgradeSettings {
            max_surge: Some(SurgeValue::Percent(33)),
            ..UpgradeSettings::default()
        },
    }
}

/// A complete cluster on 1.33.2 with NodeImage and one System pool.
pub fn cluster(name: &str) -> Cluster {
    let mut c = Cluster::new(name);
    c.resource_group = "rg-app".to_owned();
    c.location = "westeurope".to_owned();
    c.subscription = "contoso".to_owned();
    c.kubernetes_version = "1.33.2".parse().ok();
    c.auto_upgrade_profile.node_os_upgrade_channel = NodeOsChannel::NodeImage;
    c.agent_pool_profiles = vec![pool("system", PoolMode::System, OsSku::Ubuntu)];
    c
}

/// A plan with one cluster, after `edit` has changed it.
pub fn plan_with(edit: impl FnOnce(&mut Cluster)) -> Plan {
    let mut c = cluster("aks-a");
    edit(&mut c);
    Plan {
        clusters: vec![c].into(),
        ..Plan::default()
    }
}

/// The findings one family reports for the plan.
pub fn run(family: super::Family, plan: &Plan) -> Vec<Finding> {
    family(plan)
}

/// The codes in `found`.
pub fn codes(found: &[Finding]) -> Vec<&'static str> {
    found.iter().map(|f| f.code.as_str()).collect()
}

/// The one finding with `code`, asserting its severity.
pub fn only<'a>(found: &'a [Finding], code: &str, severity: Severity) -> &'a Finding {
    let matching: Vec<&Finding> = found.iter().filter(|f| f.code == code).collect();
    assert_eq!(
        matching.len(),
        1,
        "expected one {code} in {:?}",
        codes(found)
    );
    assert_eq!(matching[0].severity, severity, "{code}");
    matching[0]
}

/// The baseline cluster on `channel`.
pub fn cluster_with(channel: NodeOsChannel) -> Cluster {
    let mut c = cluster("aks-a");
    c.auto_upgrade_profile.node_os_upgrade_channel = channel;
    c
}

/// A 3-node User pool of `sku` named "pool".
pub fn pool_of(sku: OsSku) -> AgentPool {
    pool("pool", PoolMode::User, sku)
}

/// What `family` reports when the baseline cluster runs `node_os` and gets an extra User pool
/// named "extra" of `sku`.
pub fn with_channel(
    family: super::Family,
    node_os: NodeOsChannel,
    sku: OsSku,
    gpu: bool,
) -> Vec<Finding> {
    run(
        family,
        &plan_with(|c| {
            c.auto_upgrade_profile.node_os_upgrade_channel = node_os;
            let mut p = pool("extra", PoolMode::User, sku);
            p.gpu = gpu;
            c.agent_pool_profiles.push(p);
        }),
    )
}

/// What `family` reports for an extra `count`-node Ubuntu User pool named "apps" with
/// `settings`.
pub fn with_user_pool(
    family: super::Family,
    settings: UpgradeSettings,
    count: u32,
) -> Vec<Finding> {
    run(
        family,
        &plan_with(|c| {
            let mut p = pool("apps", PoolMode::User, OsSku::Ubuntu);
            p.upgrade_settings = settings;
            p.count = count;
            c.agent_pool_profiles.push(p);
        }),
    )
}

/// A surge value from its API string.
pub fn surge(s: &str) -> Option<SurgeValue> {
    s.parse().ok()
}
