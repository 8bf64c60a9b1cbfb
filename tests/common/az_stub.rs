//! A stub `az` that records its argv (and the config files it is given), and a sandbox that
//! runs an exported bash script against it: what the script would run, byte for byte.

use std::path::{Path, PathBuf};
use std::process::Command;

use planner::rules::export::{AzCommand, ExportTime, Scope, Step, script_unchecked};
use planner::rules::plan::Plan;

pub const STUB: &str = r#"#!/usr/bin/env bash
# Records argv (count, then each argument, NUL-terminated) and config files.
{ printf '%s\0' "$#"; printf '%s\0' "$@"; } >> "$AZ_LOG"
# AZ_DENY_SUB: a subscription the signed-in account cannot see.
if [ "$1 $2" = "account show" ] && [ -n "${AZ_DENY_SUB:-}" ] && [ "$3" = "--subscription=$AZ_DENY_SUB" ]; then
  echo "ERROR: Subscription '$AZ_DENY_SUB' not found. Check the spelling and casing and try again." >&2
  exit 1
fi
for a in "$@"; do
  case "$a" in --config-file=*) { cat "${a#--config-file=}"; printf '\0'; } >> "$AZ_CFG" ;; esac
done
case "$2 $3" in
  "maintenanceconfiguration show") exit 1 ;;
  "show --namespace=Microsoft.ContainerService") echo Registered ;;
esac
exit 0
"#;

/// Every recorded call: its arguments, as bytes.
pub type Calls = Vec<Vec<Vec<u8>>>;
/// The content of every config file the script passed.
pub type Configs = Vec<Vec<u8>>;

/// These tests run the real script: without bash they fail rather than pass unchecked.
pub fn require_bash() {
    let out = Command::new("bash")
        .arg("--version")
        .output()
        .expect("bash must be installed to run the exported script");
    assert!(out.status.success(), "bash --version failed");
}

/// A temporary directory with the stub `az` in `bin/`, removed on drop.
pub struct Sandbox {
    _temp: tempfile::TempDir,
    pub dir: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().to_path_buf();
        std::fs::create_dir_all(dir.join("bin")).unwrap();
        let stub = dir.join("bin/az");
        std::fs::write(&stub, STUB).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        Sandbox { _temp: temp, dir }
    }

    /// Runs `script` with the stub first on PATH; returns (argv per call, config files).
    pub fn run(&self, script: &str) -> (Calls, Configs) {
        let (out, calls, configs) = self.run_denying(script, "");
        assert!(
            out.status.success(),
            "script failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (calls, configs)
    }

    /// Runs `script` with a stub `az` that cannot see subscription `deny` (empty: sees all);
    /// returns the process output, the argv per call and the config files.
    pub fn run_denying(&self, script: &str, deny: &str) -> (std::process::Output, Calls, Configs) {
        self.run_with(script, deny, &[])
    }

    /// Runs `script` with command-line `args` (e.g. cluster selectors), the stub denying
    /// subscription `deny` (empty: none).
    pub fn run_with(
        &self,
        script: &str,
        deny: &str,
        args: &[&str],
    ) -> (std::process::Output, Calls, Configs) {
        let file = self.dir.join("plan.sh");
        std::fs::write(&file, script).unwrap();
        let (log, cfg) = (self.dir.join("az.log"), self.dir.join("cfg.log"));
        let _ = std::fs::remove_file(&log);
        let _ = std::fs::remove_file(&cfg);
        let path = format!(
            "{}:{}",
            self.dir.join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let out = Command::new("bash")
            .arg(&file)
            .args(args)
            .env("PATH", path)
            .env("AZ_LOG", &log)
            .env("AZ_CFG", &cfg)
            .env("AZ_DENY_SUB", deny)
            .current_dir(&self.dir)
            .output()
            .unwrap();
        (
            out,
            parse_log(&log),
            split_nul(&std::fs::read(&cfg).unwrap_or_default()),
        )
    }
}

pub fn split_nul(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut parts: Vec<Vec<u8>> = bytes.split(|b| *b == 0).map(<[u8]>::to_vec).collect();
    parts.pop(); // after the last NUL
    parts
}

pub fn parse_log(path: &Path) -> Calls {
    let fields = split_nul(&std::fs::read(path).unwrap_or_default());
    let mut calls = Vec::new();
    let mut it = fields.into_iter();
    while let Some(count) = it.next() {
        let n: usize = String::from_utf8(count).unwrap().parse().unwrap();
        calls.push(it.by_ref().take(n).collect());
    }
    calls
}

/// What the script must run, from the command model, in order. Config-file paths are run-time
/// temp paths: they are compared up to the `=`.
pub fn expected_calls(plan: &Plan, at: impl Into<ExportTime>) -> (Vec<Vec<String>>, Vec<String>) {
    let script = script_unchecked(plan, Scope::Plan, at).unwrap();
    let mut calls = Vec::new();
    let mut configs = Vec::new();
    let argv = |c: &AzCommand, verb: &str| c.0.iter().map(|a| a.argv(verb, "")).collect::<Vec<_>>();
    let steps = script
        .prerequisites
        .iter()
        .chain(script.clusters.iter().flat_map(|c| &c.steps));
    for step in steps {
        match step {
            Step::Az(c) => calls.push(argv(c, "")),
            Step::UpsertMaintenance {
                show,
                apply,
                config_json,
            } => {
                calls.push(argv(show, ""));
                calls.push(argv(apply, "add"));
                configs.extend(config_json.clone());
            }
            Step::WaitForFeature {
                namespace,
                feature,
                subscription,
            } => {
                let mut call: Vec<String> = vec![
                    "feature".into(),
                    "show".into(),
                    format!("--namespace={namespace}"),
                    format!("--name={feature}"),
                    "--query=properties.state".into(),
                    "--output=tsv".into(),
                ];
                if !subscription.is_empty() {
                    call.push(format!("--subscription={subscription}"));
                }
                calls.push(call)
            }
            Step::RequireSubscription { check, .. } => calls.push(argv(check, "")),
            Step::Comment(_) | Step::Warning(_) => {}
        }
    }
    (calls, configs)
}
