//! `aks-planner import FILE...`: `az aks show` / `az aks list` / `nodepool list` /
//! `maintenanceconfiguration list` JSON, or ARM's `{"properties": …}` shape (`az rest`, `az
//! resource show`, template exports), in (any order, "-" = stdin), plan JSON out; notes, and
//! each cluster whose fields were not found, go to stderr.

use std::process::ExitCode;

use planner::rules::import::{self, NoteKind};

use crate::args::Args;

pub fn run(raw: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(raw, &[], &[])?;
    if args.positional.is_empty() {
        return Err(
            "missing az JSON file(s): e.g. az aks show -g RG -n NAME -o json > show.json"
                .to_owned(),
        );
    }
    let mut texts = Vec::new();
    for path in &args.positional {
        let text = if path == "-" {
            std::io::read_to_string(std::io::stdin())
                .map_err(|e| format!("cannot read stdin: {e}"))?
        } else {
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?
        };
        texts.push(text);
    }
    let inputs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let result = import::import(&inputs).map_err(|e| {
        // Name the file instead of "input N".
        let text = e.to_string();
        let split = |rest: &str| {
            rest.find(|c: char| !c.is_ascii_digit())
                .map(|i| (rest[..i].to_owned(), rest[i..].to_owned()))
        };
        match text.strip_prefix("input ").and_then(split) {
            Some((n, rest)) => match n
                .parse::<usize>()
                .ok()
                .and_then(|n| args.positional.get(n.wrapping_sub(1)))
            {
                Some(path) => format!("{path}{rest}"),
                None => text,
            },
            None => text,
        }
    })?;
    for note in &result.notes {
        let label = match note.kind {
            NoteKind::Assumption => "assumption",
            NoteKind::Ignored => "ignored",
            NoteKind::Info => "note",
        };
        let file = usize::try_from(note.input)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| args.positional.get(n))
            .map(|p| format!("{p}: "))
            .unwrap_or_default();
        eprintln!("{file}{label}: {}", note.message);
    }
    for missing in &result.incomplete {
        eprintln!(
            "warning: {}: the plan holds defaults there, not the live values; import az aks show -o json of the cluster to fill them",
            missing.summary()
        );
    }
    println!("{}", result.plan.to_json());
    Ok(ExitCode::SUCCESS)
}
