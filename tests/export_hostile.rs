//! Hostile values stay inert: names full of shell syntax go through the real bash script with
//! a stub `az` that records its argv, and every argument must come back byte for byte as the
//! command model says. (PowerShell is not installed here; `export::quote`'s unit tests check
//! its quoting invariants instead.)

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use planner::rules::demo::demo_plan;
use planner::rules::export::{
    AzCommand, CliVersion, ExportFormat, Scope, Step, render_unchecked, script_unchecked,
};
use planner::rules::plan::Plan;
use proptest::prelude::*;

const STUB: &str = r#"#!/usr/bin/env bash
# Records argv (count, then each argument, NUL-terminated) and config files.
{ printf '%s\0' "$#"; printf '%s\0' "$@"; } >> "$AZ_LOG"
for a in "$@"; do
  case "$a" in --config-file=*) { cat "${a#--config-file=}"; printf '\0'; } >> "$AZ_CFG" ;; esac
done
case "$2 $3" in
  "maintenanceconfiguration show") exit 1 ;;
  "show --namespace=Microsoft.ContainerService") echo Registered ;;
esac
exit 0
"#;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// These tests run the real script: without bash they fail rather than pass unchecked.
fn require_bash() {
    let out = Command::new("bash")
        .arg("--version")
        .output()
        .expect("bash must be installed to run the exported script");
    assert!(out.status.success(), "bash --version failed");
}

/// A temporary directory with the stub `az` in `bin/`, removed on drop.
struct Sandbox {
    _temp: tempfile::TempDir,
    dir: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
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
    fn run(&self, script: &str) -> (Vec<Vec<Vec<u8>>>, Vec<Vec<u8>>) {
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
            .env("PATH", path)
            .env("AZ_LOG", &log)
            .env("AZ_CFG", &cfg)
            .current_dir(&self.dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "script failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            parse_log(&log),
            split_nul(&std::fs::read(&cfg).unwrap_or_default()),
        )
    }
}

fn split_nul(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut parts: Vec<Vec<u8>> = bytes.split(|b| *b == 0).map(<[u8]>::to_vec).collect();
    parts.pop(); // after the last NUL
    parts
}

fn parse_log(path: &Path) -> Vec<Vec<Vec<u8>>> {
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
fn expected_calls(plan: &Plan) -> (Vec<Vec<String>>, Vec<String>) {
    let script = script_unchecked(plan, Scope::Plan, today()).unwrap();
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
            Step::WaitForFeature { namespace, feature } => calls.push(vec![
                "feature".into(),
                "show".into(),
                format!("--namespace={namespace}"),
                format!("--name={feature}"),
                "--query=properties.state".into(),
                "--output=tsv".into(),
            ]),
            Step::Comment(_) | Step::Warning(_) => {}
        }
    }
    (calls, configs)
}

fn assert_inert(plan: &Plan, sandbox: &Sandbox) {
    let sh = render_unchecked(plan, ExportFormat::Az, Scope::Plan, today()).unwrap();
    let (calls, configs) = sandbox.run(&sh);
    let (expected, expected_configs) = expected_calls(plan);
    assert_eq!(calls.len(), expected.len(), "number of az calls\n{sh}");
    for (got, want) in calls.iter().zip(&expected) {
        assert_eq!(got.len(), want.len(), "{want:?}");
        for (g, w) in got.iter().zip(want) {
            if w == "--config-file=" {
                assert!(g.starts_with(b"--config-file="), "{g:?}");
            } else {
                assert_eq!(g, w.as_bytes(), "argument changed by the shell");
            }
        }
    }
    let configs: Vec<String> = configs
        .into_iter()
        .map(|c| String::from_utf8(c).unwrap().trim_end().to_owned())
        .collect();
    assert_eq!(configs, expected_configs);
}

fn hostile_plan(text: &str) -> Plan {
    let mut plan = demo_plan();
    plan.name = format!("{text}\n$(touch pwned-name)");
    // An old CLI exercises the prerequisites, the feature loop and the warnings too.
    plan.assumptions.export.target_cli = CliVersion::new(2, 50);
    for (i, c) in plan.clusters.iter_mut().enumerate() {
        c.name = format!("{text}{i}");
        c.resource_group = format!("rg{text}");
        c.subscription = text.to_owned();
        for p in &mut c.agent_pool_profiles {
            p.name = format!("{}{text}", p.name);
        }
    }
    plan
}

const NASTY: &[&str] = &[
    "'",
    "\"",
    "$(touch pwned)",
    "`touch pwned`",
    "; touch pwned",
    "a\nb\rc",
    "$HOME",
    "${IFS}",
    "\\'\\",
    "it's a \"test\"",
    "-g --subscription=evil",
    "*",
    "~",
    "!!",
    "#",
    "&& touch pwned",
    "| tee pwned",
    "> pwned",
    "ü€‘’‚‛\u{2028}\u{202e}",
    "AKS_PLANNER_JSON",
    "'@\n@'",
    "%PATH%",
];

#[test]
fn hostile_names_reach_az_byte_for_byte() {
    require_bash();
    let sandbox = Sandbox::new();
    for text in NASTY {
        assert_inert(&hostile_plan(text), &sandbox);
    }
    let created: Vec<_> = std::fs::read_dir(&sandbox.dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().starts_with("pwned"))
        .collect();
    assert!(
        created.is_empty(),
        "a hostile value ran a command: {created:?}"
    );
}

#[test]
fn a_name_with_nul_is_refused_not_truncated() {
    let err = render_unchecked(
        &hostile_plan("a\0b"),
        ExportFormat::Az,
        Scope::Plan,
        today(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("NUL"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_hostile_names_stay_inert(text in "[ -~\u{a0}-\u{ff}\u{2018}-\u{201f}\n\t]{1,24}") {
        require_bash();
        let sandbox = Sandbox::new();
        assert_inert(&hostile_plan(&text), &sandbox);
    }
}
