//! The `az` commands that apply a plan, as a shell-neutral model that [`super::bash`] and
//! [`super::pwsh`] render (docs/aks-rules.md §5).
//!
//! Apply order per cluster: maintenance configurations, then node pool upgrade settings, then
//! the channels. Windows and surge come first on purpose: a channel change may reimage every
//! node (§1.8) and AKS may start work right after it, so the window and the surge it will use
//! must already be in place.
//!
//! Every command that acts on a cluster names its subscription (`--subscription`), and the
//! prerequisites first check that the signed-in account can see each subscription, so a
//! same-named resource group in whatever subscription `az account` points at is never touched.

use chrono::{DateTime, Utc};

use super::cli_version::{CliFeature, CliVersion};

mod maintenance;
mod prerequisites;

use crate::rules::channel::{ChannelOrder, UpgradeChannel};
use crate::rules::cluster::Cluster;
use crate::rules::maintenance::recurrence::RecurrenceOptions;
use crate::rules::maintenance::{ConfigName, DefaultConfig};
use crate::rules::pool::AgentPool;
use maintenance::{legacy_default_steps, window_steps};
pub use maintenance::{window_config_json, window_for_export};
use prerequisites::{preview_prerequisites, subscription_arg, subscription_checks};

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
        subscription: String,
    },
    /// Stop the script, changing nothing, unless `check` (`az account show --subscription …`)
    /// succeeds: the signed-in account cannot see the subscription.
    RequireSubscription {
        subscription: String,
        check: AzCommand,
    },
}

/// The steps for one cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterScript {
    pub name: String,
    /// `SUBSCRIPTION/RESOURCE_GROUP/NAME`: how the script's command line selects this cluster
    /// when another cluster of the script has the same name (in another subscription or group).
    pub qualified: String,
    pub steps: Vec<Step>,
}

/// A whole script: prerequisites once, then each cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    pub target_cli: CliVersion,
    pub prerequisites: Vec<Step>,
    pub clusters: Vec<ClusterScript>,
}

/// Builds the script for `clusters` (already in apply order) as exported at `now`.
pub fn build(
    clusters: &[&Cluster],
    target: CliVersion,
    now: DateTime<Utc>,
    options: RecurrenceOptions,
) -> Script {
    let mut prerequisites = subscription_checks(clusters);
    prerequisites.extend(preview_prerequisites(clusters, target));
    Script {
        target_cli: target,
        prerequisites,
        clusters: clusters
            .iter()
            .map(|c| ClusterScript {
                name: c.name.clone(),
                qualified: c.qualified_name(),
                steps: cluster_steps(c, target, now, options),
            })
            .collect(),
    }
}

fn cluster_steps(
    c: &Cluster,
    target: CliVersion,
    now: DateTime<Utc>,
    options: RecurrenceOptions,
) -> Vec<Step> {
    // Only an unchecked preview reaches here without one (a findings error otherwise).
    let group = if c.resource_group.is_empty() {
        "(not set)"
    } else {
        &c.resource_group
    };
    let mut steps = vec![if c.subscription.is_empty() {
        Step::Warning(format!(
            "cluster {} in resource group {group}: the plan names no subscription, so these commands act on the current az account's subscription (az account show); enter the subscription in the plan and export again",
            c.name
        ))
    } else {
        Step::Comment(format!(
            "cluster {} in resource group {group}, subscription {}",
            c.name, c.subscription
        ))
    }];
    let cfgs = &c.maintenance_configurations;
    match &cfgs.default {
        Some(DefaultConfig::Window(w)) => steps.extend(window_steps(
            c,
            ConfigName::Default,
            w,
            target,
            now,
            options,
        )),
        Some(DefaultConfig::Legacy {
            time_in_week,
            not_allowed_time,
        }) => steps.extend(legacy_default_steps(c, time_in_week, not_allowed_time)),
        None => {}
    }
    if let Some(w) = &cfgs.auto_upgrade {
        steps.extend(window_steps(
            c,
            ConfigName::AutoUpgrade,
            w,
            target,
            now,
            options,
        ));
    }
    if let Some(w) = &cfgs.node_os {
        steps.extend(window_steps(c, ConfigName::NodeOs, w, target, now, options));
    }
    for pool in &c.agent_pool_profiles {
        steps.extend(pool_steps(c, pool, target));
    }
    steps.extend(channel_steps(c, target));
    steps
}

/// `az aks <group> <verb>` on cluster `c`, in its subscription.
fn cluster_args(c: &Cluster, group: &'static str) -> Vec<Arg> {
    let mut args = vec![
        Arg::Word("aks"),
        Arg::Word(group),
        Arg::Verb,
        Arg::Opt("resource-group", c.resource_group.clone()),
        Arg::Opt("cluster-name", c.name.clone()),
    ];
    args.extend(subscription_arg(&c.subscription));
    args
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
    if let Some(note) = super::max_blocked_nodes_comment(pool) {
        steps.push(Step::Comment(note));
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
    let update = |flags: Vec<Arg>| {
        let mut args = vec![
            Arg::Word("aks"),
            Arg::Word("update"),
            Arg::Opt("resource-group", c.resource_group.clone()),
            Arg::Opt("name", c.name.clone()),
        ];
        args.extend(subscription_arg(&c.subscription));
        args.extend(flags);
        Step::Az(AzCommand(args))
    };
    let mut cluster_channel = vec![Arg::Opt(
        "auto-upgrade-channel",
        p.upgrade_channel.as_str().to_owned(),
    )];
    // `none` prompts for confirmation from CLI 2.73 (docs/aks-rules.md §2 rule 9).
    if p.upgrade_channel == UpgradeChannel::None
        && target.supports(CliFeature::AutoUpgradeNonePrompts)
    {
        cluster_channel.push(Arg::Switch("yes"));
    }
    // Free text on `aks update`: the canonical casing matters (docs/aks-rules.md §5.2).
    let node_os = vec![Arg::Opt(
        "node-os-upgrade-channel",
        p.node_os_upgrade_channel.as_str().to_owned(),
    )];
    let mut steps = vec![Step::Comment(format!(
        "channels: cluster auto-upgrade {}, node OS {} (a change can take up to 24 h to take effect)",
        p.upgrade_channel, p.node_os_upgrade_channel
    ))];
    match ChannelOrder::of(c.auto_upgrade_profile, c.current_auto_upgrade_profile) {
        ChannelOrder::Together => {
            let mut both = node_os;
            both.splice(0..0, cluster_channel);
            steps.push(update(both));
        }
        ChannelOrder::ClusterChannelFirst => {
            steps.push(Step::Comment(format!(
                "two steps: while upgradeChannel is node-image{} AKS refuses to change the node OS channel, so leave node-image first",
                if c.current_auto_upgrade_profile.is_none() {
                    " (which the live cluster may have: the plan does not record its current channels)"
                } else {
                    ""
                }
            )));
            steps.push(update(cluster_channel));
            steps.push(update(node_os));
        }
        ChannelOrder::NodeOsChannelFirst => {
            steps.push(Step::Comment(
                "two steps: node-image requires the node OS channel NodeImage, so set NodeImage first, then node-image".to_owned(),
            ));
            steps.push(update(node_os));
            steps.push(update(cluster_channel));
        }
    }
    steps
}
