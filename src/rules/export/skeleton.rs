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

/// `az feature show … --query properties.state -o tsv`: what a wait-for-`Registered` loop
/// polls (docs/aks-rules.md §5.5).
pub(super) fn feature_state(namespace: &str, feature: &str) -> AzCommand {
    AzCommand(vec![
        Arg::Word("feature"),
        Arg::Word("show"),
        Arg::Opt("namespace", namespace.to_owned()),
        Arg::Opt("name", feature.to_owned()),
        Arg::Opt("query", "properties.state".to_owned()),
        Arg::Opt("output", "tsv".to_owned()),
    ])
}
