//! What a script does before it changes any cluster: check the signed-in account can see every
//! subscription of the plan, and install what an old target CLI lacks (aks-preview, the
//! preview feature flag, registered per subscription).

use super::{Arg, AzCommand, Step};
use crate::rules::channel::NodeOsChannel;
use crate::rules::cluster::Cluster;
use crate::rules::export::cli_version::{CliFeature, CliVersion};

const CONTAINER_SERVICE: &str = "Microsoft.ContainerService";
/// The preview feature SecurityPatch needed before it went GA (docs/aks-rules.md §1.6).
const SECURITY_PATCH_FEATURE: &str = "NodeOsUpgradeChannelPreview";

/// The distinct subscriptions of `clusters`, in first-use order (empty ones left out).
fn subscriptions<'c>(clusters: impl IntoIterator<Item = &'c &'c Cluster>) -> Vec<&'c str> {
    let mut out: Vec<&str> = Vec::new();
    for c in clusters {
        if !c.subscription.is_empty() && !out.contains(&c.subscription.as_str()) {
            out.push(&c.subscription);
        }
    }
    out
}

/// `--subscription=<the cluster's>`, when the plan names one.
pub(super) fn subscription_arg(subscription: &str) -> Option<Arg> {
    (!subscription.is_empty()).then(|| Arg::Opt("subscription", subscription.to_owned()))
}

/// One `az account show --subscription` check per subscription, before anything changes.
pub(super) fn subscription_checks(clusters: &[&Cluster]) -> Vec<Step> {
    let subs = subscriptions(clusters);
    let mut steps = Vec::new();
    if !subs.is_empty() {
        steps.push(Step::Comment(format!(
            "Check the signed-in account can see {}: the script stops before changing anything if not.",
            match subs.len() {
                1 => "the subscription".to_owned(),
                2 => "both subscriptions".to_owned(),
                n => format!("all {n} subscriptions"),
            }
        )));
    }
    for sub in subs {
        steps.push(Step::RequireSubscription {
            subscription: sub.to_owned(),
            check: AzCommand(vec![
                Arg::Word("account"),
                Arg::Word("show"),
                Arg::Opt("subscription", sub.to_owned()),
                Arg::Opt("output", "none".to_owned()),
            ]),
        });
    }
    steps
}

/// aks-preview and the preview feature flag, only when the target CLI lacks what the plan
/// uses (docs/aks-rules.md §1.6, §5.1, §5.5). The feature is registered per subscription.
pub(super) fn preview_prerequisites(clusters: &[&Cluster], target: CliVersion) -> Vec<Step> {
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
            "SecurityPatch before CLI {} is the preview-era channel: register the {SECURITY_PATCH_FEATURE} feature, wait until it is Registered, then refresh the provider, in every subscription with a SecurityPatch cluster.",
            CliFeature::SecurityPatch.since()
        )));
        let patched = clusters.iter().filter(|c| {
            c.auto_upgrade_profile.node_os_upgrade_channel == NodeOsChannel::SecurityPatch
        });
        let mut subs: Vec<&str> = subscriptions(patched);
        if subs.is_empty() {
            // No subscription in the plan: the signed-in default one.
            subs.push("");
        }
        for sub in subs {
            let mut register = vec![
                Arg::Word("feature"),
                Arg::Word("register"),
                Arg::Opt("namespace", CONTAINER_SERVICE.to_owned()),
                Arg::Opt("name", SECURITY_PATCH_FEATURE.to_owned()),
            ];
            register.extend(subscription_arg(sub));
            steps.push(Step::Az(AzCommand(register)));
            steps.push(Step::WaitForFeature {
                namespace: CONTAINER_SERVICE,
                feature: SECURITY_PATCH_FEATURE,
                subscription: sub.to_owned(),
            });
            let mut provider = vec![
                Arg::Word("provider"),
                Arg::Word("register"),
                Arg::Opt("namespace", CONTAINER_SERVICE.to_owned()),
            ];
            provider.extend(subscription_arg(sub));
            steps.push(Step::Az(AzCommand(provider)));
        }
    }
    steps
}
