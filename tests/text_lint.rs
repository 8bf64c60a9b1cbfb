//! A lint over every text a user reads, produced from the demo plan, the export-pitfalls plan,
//! hostile plans (names full of shell syntax), the plans under `tests/plans/` and a generated
//! fleet: findings (message, why, fix, source), what each channel does on each pool, the
//! projection's inputs, every export format (for scripts: their comments, which carry the
//! prose), and the CLI's output of `check`, `windows`, `project` and `export`.
//!
//! A user never follows an internal reference (`docs/aks-rules.md`, a `§` section, a relative
//! path): texts link public sources instead. Sentences end once (no `..`), have no space before
//! their punctuation and no doubled spaces, and no debug formatting leaks (`Some(`, `None)`).
//! User data is echoed as typed, so the plans' own names avoid these patterns.

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, NaiveDate, Utc};
use planner::rules::behaviour::{describe, describe_upgrade_channel};
use planner::rules::channel::UpgradeChannel;
use planner::rules::demo::{demo_plan, fleet};
use planner::rules::export::{ExportFormat, Scope, export, render_unchecked};
use planner::rules::findings::check;
use planner::rules::plan::Plan;
use planner::rules::projection::project;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn from() -> DateTime<Utc> {
    "2026-11-24T00:00:00Z".parse().unwrap()
}

/// Internal references a user cannot follow.
const INTERNAL: &[&str] = &["aks-rules", "aks-2026", "§", "../", "shared/", "PREAMBLE"];

/// Debug formatting and unfilled templates that must never reach a user.
const LEAKS: &[&str] = &[
    "Some(",
    "None)",
    "Ok(",
    "Err(",
    "{}",
    "{:?}",
    "NaN",
    "undefined",
];

/// What is wrong with one text; `prose` adds the checks that only hold for sentences (code in
/// scripts indents with spaces and writes `[0..2]`).
fn problems(text: &str, prose: bool) -> Vec<String> {
    let mut out = Vec::new();
    for bad in INTERNAL {
        if text.contains(bad) {
            out.push(format!("internal reference {bad:?}"));
        }
    }
    for bad in LEAKS {
        if text.contains(bad) {
            out.push(format!("leaked formatting {bad:?}"));
        }
    }
    if prose {
        // Exactly two: "..." is an ellipsis (ASCII scripts write it so).
        let chars: Vec<char> = text.chars().collect();
        let double = chars
            .windows(4)
            .any(|w| w[0] != '.' && w[1] == '.' && w[2] == '.' && w[3] != '.')
            || text.ends_with("..") && !text.ends_with("...")
            || text.starts_with("..") && !text.starts_with("...");
        if double {
            out.push("a double period \"..\"".to_owned());
        }
        // Punctuation after a space, before the end or a space (" ./run.sh" is a path).
        for mark in ['.', ',', ';', ':'] {
            let bad = format!(" {mark}");
            let stray = text.match_indices(&bad).any(|(i, _)| {
                text[i + 2..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == '"')
            });
            if stray {
                out.push(format!("stray spacing {bad:?}"));
            }
        }
    }
    out
}

/// Collects texts with where they came from, and reports every problem at once.
#[derive(Default)]
struct Lint {
    report: Vec<String>,
    checked: usize,
}

impl Lint {
    fn prose(&mut self, at: &str, text: &str) {
        self.check(at, text, true);
    }

    fn code(&mut self, at: &str, text: &str) {
        self.check(at, text, false);
    }

    fn check(&mut self, at: &str, text: &str, prose: bool) {
        self.checked += 1;
        for p in problems(text, prose) {
            let excerpt: String = text.chars().take(160).collect();
            self.report.push(format!("{at}: {p} in {excerpt:?}"));
        }
    }

    /// One export: prose formats line by line; scripts and snippets by their comment lines
    /// (the prose) and then as code.
    fn export(&mut self, at: &str, format: ExportFormat, text: &str) {
        let comment = match format {
            ExportFormat::Az | ExportFormat::Pwsh | ExportFormat::Terraform => "#",
            ExportFormat::Bicep => "//",
            ExportFormat::Ics | ExportFormat::Markdown => "",
        };
        for (n, line) in text.lines().enumerate() {
            let at = format!("{at} line {}", n + 1);
            let trimmed = line.trim_start();
            if comment.is_empty() {
                // Markdown tables and lists align with spaces; indentation is not prose.
                self.prose(&at, trimmed.trim_end_matches(' '));
            } else if let Some(words) = trimmed.strip_prefix(comment) {
                self.prose(&at, words.trim());
            } else {
                self.code(&at, line);
            }
        }
    }

    fn assert_clean(self, what: &str, at_least: usize) {
        assert!(
            self.checked >= at_least,
            "{what}: only {} texts checked",
            self.checked
        );
        assert!(
            self.report.is_empty(),
            "{} problem(s) in user-facing text of {what}:\n  {}",
            self.report.len(),
            self.report.join("\n  ")
        );
    }
}

/// The rule core's texts for one plan: findings, behaviour, projection inputs and findings,
/// every export format.
fn lint_plan(lint: &mut Lint, name: &str, plan: &Plan) {
    for f in check(plan) {
        let at = format!("{name}: finding {}", f.code);
        lint.prose(&at, &f.message);
        lint.prose(&at, &f.why);
        lint.prose(&at, &f.fix);
        lint.prose(&at, f.source.title);
    }
    for c in &plan.clusters {
        for p in &c.agent_pool_profiles {
            let b = describe(c, p);
            let at = format!("{name}: behaviour of {}/{}", c.name, p.name);
            for text in [&b.headline, &b.disruption, &b.cost]
                .into_iter()
                .chain(&b.points)
            {
                lint.prose(&at, text);
            }
        }
    }
    for input in plan.assumptions.projection.inputs() {
        let at = format!("{name}: assumption {}", input.key);
        lint.prose(&at, input.label);
        lint.prose(&at, input.basis);
    }
    let projection = project(plan, from(), 26);
    for f in &projection.findings {
        let at = format!("{name}: projection finding {}", f.code);
        lint.prose(&at, &f.message);
        lint.prose(&at, &f.why);
        lint.prose(&at, &f.fix);
    }
    for line in &projection.costs.lines {
        lint.prose(
            &format!("{name}: cost line of {}", line.cluster),
            &line.basis.to_string(),
        );
    }
    for format in ExportFormat::ALL {
        let at = format!("{name}: export {format}");
        match export(plan, format, Scope::Plan, today()) {
            Ok(text) => lint.export(&at, format, &text),
            Err(e) => lint.prose(&at, &e.to_string()),
        }
        // What a plan with errors would export, as the preview shows it.
        if let Ok(text) = render_unchecked(plan, format, Scope::Plan, today()) {
            lint.export(&format!("{at} (unchecked)"), format, &text);
        }
    }
}

/// The CLI's output (stdout and stderr) for `args`, with `plan` written to a temporary file.
fn cli(plan_json: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    std::fs::write(&path, plan_json).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_aks-planner"))
        .arg(args[0])
        .arg(&path)
        .args(&args[1..])
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "aks-planner {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut text = String::from_utf8(out.stdout).unwrap();
    text.push_str(&String::from_utf8(out.stderr).unwrap());
    text
}

fn lint_cli(lint: &mut Lint, name: &str, plan: &Plan) {
    let json = plan.to_json();
    let from = "--from=2026-11-24T00:00:00Z";
    for args in [
        vec!["check"],
        vec!["check", "--json", "--now", "2026-11-24T00:00:00Z"],
        vec!["windows", from],
        vec!["windows", from, "--json"],
        vec!["project", from],
        vec!["project", from, "--json"],
    ] {
        let at = format!("{name}: aks-planner {}", args.join(" "));
        let text = cli(&json, &args);
        for (n, line) in text.lines().enumerate() {
            // JSON and tables indent with spaces; the words are what a user reads.
            lint.prose(&format!("{at} line {}", n + 1), line.trim());
        }
    }
    for format in ExportFormat::ALL {
        let format_arg = format!("--format={format}");
        let text = cli(&json, &["export", &format_arg, "--today", "2026-11-24"]);
        lint.export(
            &format!("{name}: aks-planner export {format}"),
            format,
            &text,
        );
    }
}

/// The plans the lint reads: name and plan.
fn plans() -> Vec<(String, Plan)> {
    let mut plans = vec![
        ("demo".to_owned(), demo_plan()),
        ("fleet".to_owned(), fleet(12)),
    ];
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = vec![fixtures.join("fixtures/pitfalls.json")];
    let mut dir: Vec<_> = std::fs::read_dir(fixtures.join("plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dir.sort();
    files.extend(dir);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // `malformed.json` is meant not to parse: its message is linted below.
        match Plan::from_json(&text) {
            Ok((plan, notices)) => {
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                for n in &notices {
                    assert!(
                        problems(&n.message, true).is_empty(),
                        "{name}: {}",
                        n.message
                    );
                }
                plans.push((name, plan));
            }
            Err(e) => {
                let text = e.to_string();
                assert!(
                    problems(&text, true).is_empty(),
                    "{}: {text}",
                    file.display()
                );
            }
        }
    }
    // Hostile names: shell syntax, quotes, Unicode look-alikes, as the exports' hostile tests
    // use them (without the patterns this lint looks for, which a user may type on purpose).
    for (i, text) in ["'$(touch pwned)'", "it's a \"test\"", "`x`;&|>", "ü€‘’‚‛"]
        .into_iter()
        .enumerate()
    {
        let mut plan = demo_plan();
        plan.name = format!("{text} plan");
        for c in &mut plan.clusters {
            c.resource_group = format!("rg{text}");
            c.subscription = text.to_owned();
        }
        plans.push((format!("hostile {i}"), plan));
    }
    plans
}

#[test]
fn the_rule_core_writes_no_internal_reference_or_sloppy_text() {
    let mut lint = Lint::default();
    let all = plans();
    assert!(all.len() >= 10, "{} plans", all.len());
    for (name, plan) in &all {
        lint_plan(&mut lint, name, plan);
    }
    for channel in UpgradeChannel::ALL {
        lint.prose(
            &format!("cluster channel {channel}"),
            &describe_upgrade_channel(channel),
        );
    }
    lint.assert_clean("the rule core", 5_000);
}

#[test]
fn the_cli_writes_no_internal_reference_or_sloppy_text() {
    let mut lint = Lint::default();
    for (name, plan) in plans()
        .iter()
        .filter(|(n, _)| ["demo", "fleet", "pitfalls.json", "hostile 0"].contains(&n.as_str()))
    {
        lint_cli(&mut lint, name, plan);
    }
    lint.assert_clean("the CLI", 2_000);
}

#[test]
fn the_lint_catches_what_it_looks_for() {
    for bad in [
        // Split so that the repository's own citation check does not read them as citations.
        concat!("Why: the window is too short (aks-rules", ".md §3.6)."),
        "The plan keeps 5..",
        concat!("See ..", "/shared/notes for details."),
        "AKS applies 10 % , then 1 node.",
        "maxSurge is Some(3).",
    ] {
        assert!(!problems(bad, true).is_empty(), "not caught: {bad}");
    }
    assert!(
        problems(
            "Allow HTTPS egress to snapshot.ubuntu.com; or use NodeImage.",
            true
        )
        .is_empty()
    );
    // An ellipsis and a path are not sloppy; code may use ranges and indentation.
    assert!(
        problems(
            "Usage: ./THIS.ps1 -Cluster NAME,...   apply only those",
            true
        )
        .is_empty()
    );
    assert!(problems("    $AzArgs[0..2] -join ' '", false).is_empty());
}
