//! Renders a [`Script`] as bash: `set -Eeuo pipefail`, an ERR trap naming the cluster being
//! applied, one function per cluster and one for the whole plan (docs/aks-rules.md §5.6).

use std::fmt::Write;

use super::Meta;
use super::az::{Arg, AzCommand, Script, Step};
use super::quote::{bash as q, comment};
use super::skeleton::{self, Dialect, Selector};

const TMP: &str = "AKS_PLANNER_TMP";
/// Heredoc delimiter. Quoted (`<<'…'`) so the body is never expanded; the body is one line of
/// JSON (serde output starting with `{`), which cannot equal the delimiter.
const EOF_MARK: &str = "AKS_PLANNER_JSON";

const DIALECT: Dialect = Dialect {
    indent: "  ",
    prerequisites_open: "prerequisites() {\n",
    nothing_to_do: ": #",
    cluster_open: |number, quoted_name| {
        format!("apply_cluster_{number}() {{\n  CURRENT_CLUSTER={quoted_name}\n")
    },
    plan_open: "apply_plan() {\n  prerequisites\n",
    plan_call: |number| format!("  apply_cluster_{number}\n"),
    plan_close: "  CURRENT_CLUSTER='(done)'\n  echo 'aks-planner: plan applied' >&2\n}\n\n",
    quote: |text| q(text).into_owned(),
    step_lines,
};

pub fn render(meta: &Meta<'_>, script: &Script) -> String {
    let mut out = String::from("#!/usr/bin/env bash\n");
    for line in super::header(
        meta,
        &format!("az CLI script (bash, target az CLI {})", script.target_cli),
    ) {
        let _ = writeln!(out, "# {}", comment(&line));
    }
    out.push_str(skeleton::APPLY_ORDER_NOTE);
    out.push_str(
        "# Usage: bash THIS.sh                 apply the whole plan\n\
         #        bash THIS.sh CLUSTER...      apply only the named clusters\n",
    );
    if skeleton::shares_names(script) {
        out.push_str(
            "#        (a name two clusters share: SUBSCRIPTION/RESOURCE_GROUP/NAME instead)\n",
        );
    }
    out.push_str(
        "# Stops at the first failing command and names the cluster it was applying.\n\
         set -Eeuo pipefail\n\
         CURRENT_CLUSTER='(prerequisites)'\n\
         trap 'echo \"aks-planner: a command failed while applying cluster ${CURRENT_CLUSTER}; later commands were not run\" >&2' ERR\n",
    );
    let _ = writeln!(
        out,
        "{TMP}=\"$(mktemp -d)\"\ntrap 'rm -rf \"${TMP}\"' EXIT\n"
    );
    skeleton::functions(script, &DIALECT, &mut out);
    out.push_str("if [ \"$#\" -eq 0 ]; then\n  apply_plan\nelse\n  prerequisites\n  for cluster in \"$@\"; do\n    case \"$cluster\" in\n");
    for selector in skeleton::selectors(script) {
        match selector {
            Selector::Apply { key, number } => {
                let _ = writeln!(out, "      {}) apply_cluster_{number} ;;", q(key));
            }
            Selector::Ambiguous { key, message } => {
                let _ = writeln!(out, "      {}) echo {} >&2; exit 2 ;;", q(key), q(&message));
            }
        }
    }
    out.push_str("      *) echo \"aks-planner: no cluster named $cluster in this script\" >&2; exit 2 ;;\n    esac\n  done\nfi\n");
    out
}

fn command(cmd: &AzCommand, verb: &str) -> String {
    let mut line = String::from("az");
    for arg in &cmd.0 {
        line.push(' ');
        match arg {
            Arg::Word(w) => line.push_str(&q(w)),
            Arg::Opt(flag, value) => {
                let _ = write!(line, "--{flag}={}", q(value));
            }
            Arg::Switch(flag) => {
                let _ = write!(line, "--{flag}");
            }
            Arg::Verb => line.push_str(verb),
            Arg::ConfigFile => line.push_str("--config-file=\"$config\""),
        }
    }
    line
}

fn step_lines(step: &Step, files: &mut u32, out: &mut String) {
    match step {
        Step::Comment(text) => {
            let _ = writeln!(out, "  # {}", comment(text));
        }
        Step::Warning(text) => {
            let _ = writeln!(out, "  # WARNING: {}", comment(text));
            let _ = writeln!(
                out,
                "  echo {} >&2",
                q(&format!("aks-planner: warning: {text}"))
            );
        }
        Step::Az(cmd) => {
            let _ = writeln!(out, "  {}", command(cmd, ""));
        }
        Step::UpsertMaintenance {
            show,
            apply,
            config_json,
        } => {
            if let Some(json) = config_json {
                *files += 1;
                let _ = writeln!(out, "  local config=\"${TMP}/config-{files}.json\"");
                let _ = writeln!(
                    out,
                    "  cat > \"$config\" <<'{EOF_MARK}'\n{json}\n{EOF_MARK}"
                );
            }
            let _ = writeln!(
                out,
                "  local verb=add\n  if {} >/dev/null 2>&1; then verb=update; fi",
                command(show, "")
            );
            let _ = writeln!(out, "  {}", command(apply, "\"$verb\""));
        }
        Step::RequireSubscription {
            subscription,
            check,
        } => {
            let _ = writeln!(
                out,
                "  if ! {} >/dev/null 2>&1; then\n    echo {} >&2\n    exit 1\n  fi",
                command(check, ""),
                q(&skeleton::missing_subscription_message(subscription))
            );
        }
        Step::WaitForFeature {
            namespace,
            feature,
            subscription,
        } => {
            let show = skeleton::feature_state(namespace, feature, subscription);
            let _ = writeln!(
                out,
                "  local attempts=0\n  until [ \"$({})\" = Registered ]; do\n    attempts=$((attempts + 1))\n    if [ \"$attempts\" -ge 60 ]; then\n      echo {} >&2\n      exit 1\n    fi\n    sleep 30\n  done",
                command(&show, ""),
                q(&format!(
                    "aks-planner: feature {namespace}/{feature} is not Registered after 30 minutes; check `az feature show` and run this script again"
                ))
            );
        }
    }
}
