//! The `az` commands that apply a plan, as a shell-neutral model that [`super::bash`] and
//! [`super::pwsh`] render (docs/aks-rules.md §5).
//!
//! Apply order per cluster: maintenance configurations, then node pool upgrade settings, then
//! the channels. Windows and surge come first on purpose: a channel change may reimage every
//! node (§1.8) and AKS may start work right after it, so the window and the surge it will use
//! must already be in place.

use chrono::NaiveDate;

use super::cli_version::{CliFeature, CliVersion};

mod maintenance;

use crate::rules::channel::{NodeOsChannel, UpgradeChannel};
use crate::rules::cluster::Cluster;
use crate::rules::maintenance::{ConfigName, DefaultConfig};
use crate::rules::pool::AgentPool;
use maintenance::{legacy_default_steps, window_steps};
pub use maintenance::{window_config_json, window_for_export};

/// One argument of an `az` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A command word such as `aks` or `update`.
    Word(&'static str),
    /// `--flag=value`: always the `=` form, so a value starting with `-` (a negative UTC
    /// offset, §5.6) can never be read as another option.
    Opt(&'static str, String),
    /// A bare switch such as `--yes`.
    Switch(&'static str),
    /// `add` or `update`, chosen at run time by whether the configuration exists.
    Verb,
    /// `--config-file=<path of this step's temporary JSON file>`.
    ConfigFile,
}

impl Arg {
    /// The exact argv element this argument becomes, given the run-time values.
    pub fn argv(&self, verb: &str, config_path: &str) -> String {
        match self {
            Arg::Word(w) => (*w).to_owned(),
            Arg::Opt(flag, value) => format!("--{flag}={value}"),
            Arg::Switch(flag) => format!("--{flag}"),
            Arg::Verb => verb.to_owned(),
            Arg::ConfigFile => format!("--config-file={config_path}"),
        }
    }
}

/// `az` followed by these arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AzCommand(pub Vec<Arg>);

/// One thing a script does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A comment line.
    Comment(String),
    /// A comment line that the script also prints to stderr when it runs.
    Warning(String),
    Az(AzCommand),
    /// `show` decides between `add` and `update` (`add` fails on an existing configuration,
    /// `update` on a missing one); `config_json` is written to a temporary file first.
    UpsertMaintenance {
        show: AzCommand,
        apply: AzCommand,
        config_json: Option<String>,
    },
    /// Poll `az feature show` until the feature is `Registered` (bounded).
    WaitForFeature {
        namespace: &'static str,
        feature: &'static str,
    },
}

/// The steps for one cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterScript {
    pub name: String,
    pub steps: Vec<Step>,
}

/// A whole script: prerequisites once, then each cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    pub target_cli: CliVersion,
    pub prerequisites: Vec<Step>,
    pub clusters: Vec<ClusterScript>,
}

const CONTAINER_SERVICE: &str = "Microsoft.ContainerService";
/// The preview feature SecurityPatch needed before it went GA (docs/aks-rules.md §1.6).
const SECURITY_PATCH_FEATURE: &str = "NodeOsUpgradeChannelPreview";

/// Builds the script for `clusters` (already in apply order).
pub fn build(clusters: &[&Cluster], target: CliVersion, today: NaiveDate) -> Script {
    Script {
        target_cli: target,
        prerequisites: prerequisites(clusters, target),
        clusters: clusters
            .iter()
            .map(|c| ClusterScript {
                name: c.name.clone(),
                steps: cluster_steps(c, target, today),
            })
            .collect(),
    }
}

/// aks-preview and the preview feature flag, only when the target CLI lacks what the plan
/// uses (docs/aks-rules.md §1.6, §5.1, §5.5).
fn prerequisites(clusters: &[&Cluster], target: CliVersion) -> Vec<Step> {
    let security_patch = clusters
        .iter()
        .any(|c| c.auto_upgrade_profile.node_os_upgrade_channel == NodeOsChannel::SecurityPatch);
    let old_security_patch = security_patch && !target.supports(CliFeature::SecurityPatch);
    let old_channels = !target.supports(CliFeature::NodeOsChannelFlag);
    let old_windows = !target.supports(CliFeature::MaintenanceWindowFlags)
        && clusters
            .iter()
            .any(|c| !c.maintenance_configurations.is_empty());
    let mut steps = Vec::new();
    if !(old_security_patch || old_channels || old_windows) {
        return steps;
    }
    let mut why = Vec::new();
    if old_channels {
        why.push(format!(
            "--node-os-upgrade-channel (core CLI from {})",
            CliFeature::NodeOsChannelFlag.since()
        ));
    }
    if old_security_patch {
        why.push(format!(
            "SecurityPatch (core CLI from {})",
            CliFeature::SecurityPatch.since()
        ));
    }
    if old_windows {
        why.push(format!(
            "maintenance windows with --schedule-type (core CLI from {})",
            CliFeature::MaintenanceWindowFlags.since()
        ));
    }
    steps.push(Step::Comment(format!(
        "az CLI {target} lacks {}: install the aks-preview extension, which provides them. It overrides the core az aks commands.",
        why.join(", ")
    )));
    steps.push(Step::Az(AzCommand(vec![
        Arg::Word("extension"),
        Arg::Word("add"),
        Arg::Opt("name", "aks-preview".to_owned()),
        Arg::Switch("upgrade"),
    ])));
    if old_security_patch {
        steps.push(Step::Comment(format!(
            "SecurityPatch before CLI {} is the preview-era channel: register the {SECURITY_PATCH_FEATURE} feature, wait until it is Registered, then refresh the provider. Run once per subscription.",
            CliFeature::SecurityPatch.since()
        )));
        steps.push(Step::Az(AzCommand(vec![
            Arg::Word("feature"),
            Arg::Word("register"),
            Arg::Opt("namespace", CONTAINER_SERVICE.to_owned()),
            Arg::Opt("name", SECURITY_PATCH_FEATURE.to_owned()),
        ])));
        steps.push(Step::WaitForFeature {
            namespace: CONTAINER_SERVICE,
            feature: SECURITY_PATCH_FEATURE,
        });
        steps.push(Step::Az(AzCommand(vec![
            Arg::Word("provider"),
            Arg::Word("register"),
            Arg::Opt("namespace", CONTAINER_SERVICE.to_owned()),
        ])));
    }
    steps
}

fn cluster_steps(c: &Cluster, target: CliVersion, today: NaiveDate) -> Vec<Step> {
    let mut steps = vec![Step::Comment(format!(
        "cluster {} in resource group {}{}",
        c.name,
        // Only an unchecked preview reaches here without one (a findings error otherwise).
        if c.resource_group.is_empty() {
            "(not set)"
        } else {
            &c.resource_group
        },
        if c.subscription.is_empty() {
            String::new()
        } else {
            format!(
                ", subscription {} (check `az account show` points at it)",
                c.subscription
            )
        }
    ))];
    let cfgs = &c.maintenance_configurations;
    match &cfgs.default {
        Some(DefaultConfig::Window(w)) => {
            steps.extend(window_steps(c, ConfigName::Default, w, target, today))
        }
        Some(DefaultConfig::Legacy {
            time_in_week,
            not_allowed_time,
        }) => steps.extend(legacy_default_steps(c, time_in_week, not_allowed_time)),
        None => {}
    }
    if let Some(w) = &cfgs.auto_upgrade {
        steps.extend(window_steps(c, ConfigName::AutoUpgrade, w, target, today));
    }
    if let Some(w) = &cfgs.node_os {
        steps.extend(window_steps(c, ConfigName::NodeOs, w, target, today));
    }
    for pool in &c.agent_pool_profiles {
        steps.extend(pool_steps(c, pool, target));
    }
    steps.extend(channel_steps(c, target));
    steps
}

fn cluster_args(c: &Cluster, group: &'static str) -> Vec<Arg> {
    vec![
        Arg::Word("aks"),
        Arg::Word(group),
        Arg::Verb,
        Arg::Opt("resource-group", c.resource_group.clone()),
        Arg::Opt("cluster-name", c.name.clone()),
    ]
}

/// A flag the target CLI may be too old for: the flag, or a warning and nothing.
fn versioned(
    target: CliVersion,
    feature: CliFeature,
    flag: &'static str,
    value: String,
    pool: &str,
    args: &mut Vec<Arg>,
    steps: &mut Vec<Step>,
) {
    if target.supports(feature) {
        args.push(Arg::Opt(flag, value));
    } else {
        steps.push(Step::Warning(format!(
            "node pool {pool}: az CLI {target} is too old for --{flag} (added in {}); {flag} {value} is NOT applied. Upgrade the CLI (az upgrade) and re-export.",
            feature.since()
        )));
    }
}

fn pool_steps(c: &Cluster, pool: &AgentPool, target: CliVersion) -> Vec<Step> {
    let s = &pool.upgrade_settings;
    let mut steps = Vec::new();
    let mut flags = Vec::new();
    if let Some(v) = s.max_surge {
        flags.push(Arg::Opt("max-surge", v.to_string()));
    }
    if let Some(v) = s.max_unavailable {
        versioned(
            target,
            CliFeature::MaxUnavailable,
            "max-unavailable",
            v.to_string(),
            &pool.name,
            &mut flags,
            &mut steps,
        );
    }
    // `nodepool update` drops falsy values (docs/aks-rules.md §5.4): 0 cannot be set this way.
    for (value, feature, flag) in [
        (
            s.drain_timeout_in_minutes,
            CliFeature::DrainTimeout,
            "drain-timeout",
        ),
        (
            s.node_soak_duration_in_minutes,
            CliFeature::NodeSoakDuration,
            "node-soak-duration",
        ),
    ] {
        match value {
            Some(0) => steps.push(Step::Comment(format!(
                "node pool {}: --{flag} 0 is silently dropped by `az aks nodepool update`. If the pool has a non-zero value today, pass --{flag} 0 to the next `az aks nodepool upgrade --kubernetes-version …`, which accepts 0.",
                pool.name
            ))),
            Some(v) => versioned(target, feature, flag, v.to_string(), &pool.name, &mut flags, &mut steps),
            None => {}
        }
    }
    if let Some(b) = s.undrainable_node_behavior {
        let value = match b {
            crate::rules::pool::UndrainableNodeBehavior::Cordon => "Cordon",
            crate::rules::pool::UndrainableNodeBehavior::Schedule => "Schedule",
        };
        versioned(
            target,
            CliFeature::UndrainableNodeBehavior,
            "undrainable-node-behavior",
            value.to_owned(),
            &pool.name,
            &mut flags,
            &mut steps,
        );
    }
    if flags.is_empty() {
        steps.push(Step::Comment(format!(
            "node pool {}: no upgrade settings to set (AKS defaults apply)",
            pool.name
        )));
        return steps;
    }
    let mut args = cluster_args(c, "nodepool");
    args[2] = Arg::Word("update");
    args.push(Arg::Opt("name", pool.name.clone()));
    args.extend(flags);
    steps.push(Step::Comment(format!(
        "node pool {} upgrade settings",
        pool.name
    )));
    steps.push(Step::Az(AzCommand(args)));
    steps
}

fn channel_steps(c: &Cluster, target: CliVersion) -> Vec<Step> {
    let p = c.auto_upgrade_profile;
    let mut args = vec![
        Arg::Word("aks"),
        Arg::Word("update"),
        Arg::Opt("resource-group", c.resource_group.clone()),
        Arg::Opt("name", c.name.clone()),
        Arg::Opt(
            "auto-upgrade-channel",
            p.upgrade_channel.as_str().to_owned(),
        ),
        // Free text on `aks update`: the canonical casing matters (docs/aks-rules.md §5.2).
        Arg::Opt(
            "node-os-upgrade-channel",
            p.node_os_upgrade_channel.as_str().to_owned(),
        ),
    ];
    let mut steps = vec![Step::Comment(format!(
        "channels: cluster auto-upgrade {}, node OS {} (a change can take up to 24 h to take effect)",
        p.upgrade_channel, p.node_os_upgrade_channel
    ))];
    // `none` prompts for confirmation from CLI 2.73 (docs/aks-rules.md §2 rule 9).
    if p.upgrade_channel == UpgradeChannel::None
        && target.supports(CliFeature::AutoUpgradeNonePrompts)
    {
        args.push(Arg::Switch("yes"));
    }
    steps.push(Step::Az(AzCommand(args)));
    steps
}
