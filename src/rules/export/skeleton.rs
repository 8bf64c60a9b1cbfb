//! What the bash and PowerShell renderings of a [`Script`] share: the apply-order note, and the
//! function layout (prerequisites, one function per cluster, one for the whole plan). Each
//! dialect supplies only its syntax, so both scripts always have the same structure.

use std::fmt::Write;

use super::az::{Arg, AzCommand, Script, Step};
use super::quote::comment;

/// The header lines both scripts carry after the generated-by lines (why this order: a
/// channel change can reimage every node, docs/aks-rules.md §1.8).
pub(super) const APPLY_ORDER_NOTE: &str = "\
# Per cluster: maintenance windows, node pool upgrade settings, then the channels, so a\n\
# channel change that rolls nodes already uses the new window and surge.\n";

/// A dialect's syntax for the function layout.
pub(super) struct Dialect {
    /// Indentation of a function body.
    pub indent: &'static str,
    pub prerequisites_open: &'static str,
    /// The body line of an empty prerequisites function, before " none for az CLI <version>".
    pub nothing_to_do: &'static str,
    /// Opens the function of cluster `number` (1-based) and records its (already quoted) name.
    pub cluster_open: fn(number: usize, quoted_name: &str) -> String,
    /// Opens the whole-plan function, including the call of the prerequisites.
    pub plan_open: &'static str,
    /// The whole-plan function's call of cluster `number`.
    pub plan_call: fn(number: usize) -> String,
    /// Closes the whole-plan function.
    pub plan_close: &'static str,
    pub quote: fn(&str) -> String,
    /// Renders one step; the counter numbers the config files the script writes.
    pub step_lines: fn(&Step, &mut u32, &mut String),
}

/// Writes the prerequisites, the per-cluster functions and the whole-plan function.
pub(super) fn functions(script: &Script, dialect: &Dialect, out: &mut String) {
    let mut files = 0u32;
    out.push_str(dialect.prerequisites_open);
    if script.prerequisites.is_empty() {
        let _ = writeln!(
            out,
            "{}{} none for az CLI {}",
            dialect.indent, dialect.nothing_to_do, script.target_cli
        );
    }
    for step in &script.prerequisites {
        (dialect.step_lines)(step, &mut files, out);
    }
    out.push_str("}\n\n");
    for (i, cluster) in script.clusters.iter().enumerate() {
        let _ = writeln!(out, "# {}", comment(&cluster.name));
        out.push_str(&(dialect.cluster_open)(
            i + 1,
            &(dialect.quote)(&cluster.name),
        ));
        for step in &cluster.steps {
            (dialect.step_lines)(step, &mut files, out);
        }
        out.push_str("}\n\n");
    }
    out.push_str(dialect.plan_open);
    for i in 1..=script.clusters.len() {
        out.push_str(&(dialect.plan_call)(i));
    }
    out.push_str(dialect.plan_close);
}

/// `az feature show … --query properties.state -o tsv` in `subscription` (empty: the current
/// one): what a wait-for-`Registered` loop polls (docs/aks-rules.md §5.5).
pub(super) fn feature_state(namespace: &str, feature: &str, subscription: &str) -> AzCommand {
    let mut args = vec![
        Arg::Word("feature"),
        Arg::Word("show"),
        Arg::Opt("namespace", namespace.to_owned()),
        Arg::Opt("name", feature.to_owned()),
        Arg::Opt("query", "properties.state".to_owned()),
        Arg::Opt("output", "tsv".to_owned()),
    ];
    if !subscription.is_empty() {
        args.push(Arg::Opt("subscription", subscription.to_owned()));
    }
    AzCommand(args)
}

/// What a script says when it cannot see a subscription (it then stops, having changed nothing).
pub(super) fn missing_subscription_message(subscription: &str) -> String {
    format!(
        "aks-planner: the signed-in account cannot see subscription {subscription} (az account show --subscription failed): run az login with an account that has access, or correct the subscription in the plan. Nothing was changed."
    )
}

/// One entry of the script's command-line selector (`bash THIS.sh CLUSTER…`).
pub(super) enum Selector<'s> {
    /// This word applies cluster `number` (1-based).
    Apply { key: &'s str, number: usize },
    /// This name belongs to several clusters: the script refuses it and lists their qualified
    /// names, so one word never changes two clusters in different subscriptions.
    Ambiguous { key: &'s str, message: String },
}

/// The selector entries: each cluster by its name when the name is unique in the script, else
/// by `SUBSCRIPTION/RESOURCE_GROUP/NAME`, with the bare name refused.
pub(super) fn selectors(script: &Script) -> Vec<Selector<'_>> {
    let clusters = &script.clusters;
    let count = |name: &str| clusters.iter().filter(|c| c.name == name).count();
    let mut out = Vec::new();
    for (i, c) in clusters.iter().enumerate() {
        if count(&c.name) == 1 {
            out.push(Selector::Apply {
                key: &c.name,
                number: i + 1,
            });
            continue;
        }
        if clusters.iter().position(|o| o.name == c.name) == Some(i) {
            let choices: Vec<&str> = clusters
                .iter()
                .filter(|o| o.name == c.name)
                .map(|o| o.qualified.as_str())
                .collect();
            out.push(Selector::Ambiguous {
                key: &c.name,
                message: format!(
                    "aks-planner: {} clusters in this script are named {}: name one as SUBSCRIPTION/RESOURCE_GROUP/NAME: {}",
                    choices.len(),
                    c.name,
                    choices.join(", ")
                ),
            });
        }
        out.push(Selector::Apply {
            key: &c.qualified,
            number: i + 1,
        });
    }
    out
}

/// Whether two clusters of the script share a name (the selector then wants qualified names).
pub(super) fn shares_names(script: &Script) -> bool {
    selectors(script)
        .iter()
        .any(|s| matches!(s, Selector::Ambiguous { .. }))
}
