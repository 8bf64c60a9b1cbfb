//! The protocol is a transport: what the worker answers must be what the core computes when
//! called directly (the CLI's path), for every format, scope and import outcome.

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::rules::assumptions::CliVersion;
use crate::rules::demo::demo_plan;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 15, 8, 0, 0).unwrap()
}

fn ask(job: Job) -> Answer {
    let request = Request { id: 7, job }.to_json();
    let reply = Reply::from_json(&answer(&request)).unwrap();
    assert_eq!(reply.id, 7, "the reply carries the request's number");
    reply.answer
}

fn export_job(plan: &Plan, format: ExportFormat, cluster: Option<&str>) -> Job {
    Job::Export {
        plan: plan.to_json(),
        format: format.as_str().to_owned(),
        cluster: cluster.map(str::to_owned),
        now: now(),
    }
}

#[test]
fn every_format_and_scope_exports_what_the_core_exports() {
    let plan = demo_plan();
    let scopes = [None, Some(plan.clusters[1].name.clone())];
    for format in ExportFormat::ALL {
        for cluster in &scopes {
            let scope = cluster.as_deref().map_or(Scope::Plan, Scope::Cluster);
            let direct = export::export_report(&plan, format, scope, now()).map(|e| e.text);
            let Answer::Export(via_worker) = ask(export_job(&plan, format, cluster.as_deref()))
            else {
                panic!("not an export answer");
            };
            assert_eq!(
                via_worker.map(|t| t.text),
                direct.map_err(|e| e.to_string()),
                "{format} {cluster:?}"
            );
        }
    }
}

#[test]
fn an_old_target_cli_needs_the_preview_extension_and_the_script_installs_it() {
    let mut plan = demo_plan();
    let Answer::Export(Ok(current)) = ask(export_job(&plan, ExportFormat::Az, None)) else {
        panic!("the demo plan exports");
    };
    assert!(!current.needs_preview);
    plan.assumptions.export.target_cli = CliVersion::new(2, 60);
    for format in [ExportFormat::Az, ExportFormat::Pwsh] {
        let Answer::Export(Ok(old)) = ask(export_job(&plan, format, None)) else {
            panic!("the demo plan exports");
        };
        assert!(old.needs_preview, "{format}");
        assert!(
            old.text.contains("aks-preview"),
            "{format}: the script installs it"
        );
    }
    // Only the az scripts install anything.
    let Answer::Export(Ok(bicep)) = ask(export_job(&plan, ExportFormat::Bicep, None)) else {
        panic!("the demo plan exports");
    };
    assert!(!bicep.needs_preview);
}

#[test]
fn an_export_error_the_gate_does_not_cover_comes_back_as_its_message() {
    let plan = demo_plan();
    let Answer::Export(Err(message)) = ask(export_job(&plan, ExportFormat::Az, Some("no-such")))
    else {
        panic!("an unknown cluster exports nothing");
    };
    assert_eq!(message, "no cluster named \"no-such\" in the plan");
}

const SHOW: &str = include_str!("../../tests/fixtures/az/aks-show.json");
const POOLS: &str = include_str!("../../tests/fixtures/az/nodepool-list.json");

#[test]
fn an_import_brings_the_plan_notes_and_missing_fields_the_core_computes() {
    let base = demo_plan();
    let (show, pools) = (SHOW.to_owned(), POOLS.to_owned());
    // The node pools alone: a cluster seen only through them, with fields missing.
    for inputs in [vec![pools.clone(), show.clone()], vec![pools]] {
        let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        let direct = import::import_into(&base, &refs).unwrap();
        let Answer::Import(Ok(via_worker)) = ask(Job::Import {
            base: base.to_json(),
            inputs: inputs.clone(),
        }) else {
            panic!("the fixtures import");
        };
        let (plan, notices) = Plan::from_json(&via_worker.plan).unwrap();
        assert!(notices.is_empty());
        assert_eq!(plan, direct.plan);
        assert_eq!(via_worker.notes, direct.notes);
        let missing: Vec<(String, Vec<String>)> = direct
            .incomplete
            .iter()
            .map(|i| {
                (
                    i.cluster.clone(),
                    i.missing.iter().map(|m| m.to_string()).collect(),
                )
            })
            .collect();
        let got: Vec<(String, Vec<String>)> = via_worker
            .incomplete
            .into_iter()
            .map(|m| (m.cluster, m.fields))
            .collect();
        assert_eq!(got, missing);
    }
}

#[test]
fn an_import_error_keeps_its_line_and_column() {
    let answer = ask(Job::Import {
        base: demo_plan().to_json(),
        inputs: vec!["[\n  {\"name\": \"x\",\n  oops\n]".to_owned()],
    });
    let Answer::Import(Err(ImportProblem { message, at })) = answer else {
        panic!("malformed JSON is an error: {answer:?}");
    };
    assert_eq!(at.map(|(line, _)| line), Some(3));
    assert!(
        message.starts_with("input 1 is not valid JSON at line 3, column"),
        "{message}"
    );
}

#[test]
fn an_unreadable_request_or_plan_is_invalid_not_a_crash() {
    let reply = Reply::from_json(&answer("{\"id\": 1")).unwrap();
    assert!(matches!(reply.answer, Answer::Invalid(_)), "{reply:?}");
    let answer = ask(Job::Export {
        plan: "[".to_owned(),
        format: "az".to_owned(),
        cluster: None,
        now: now(),
    });
    assert!(
        matches!(answer, Answer::Invalid(ref m) if m.starts_with("unreadable plan")),
        "{answer:?}"
    );
}

#[test]
fn every_reply_reads_back_as_written() {
    let note = |kind, input| ImportNote {
        input,
        path: "[0].upgradeSettings".to_owned(),
        kind,
        message: "maxSurge was not given: 10% assumed".to_owned(),
    };
    let answers = [
        Answer::Export(Ok(ExportText {
            text: "#!/usr/bin/env bash\n\"quoted\" ✓".to_owned(),
            needs_preview: true,
        })),
        Answer::Export(Err("no maintenance window".to_owned())),
        Answer::Import(Ok(Imported {
            plan: demo_plan().to_json(),
            notes: vec![
                note(NoteKind::Assumption, 1),
                note(NoteKind::Ignored, 2),
                note(NoteKind::Info, 0),
            ],
            incomplete: vec![Missing {
                cluster: "aks-x".to_owned(),
                fields: vec!["autoUpgradeProfile".to_owned()],
            }],
        })),
        Answer::Import(Err(ImportProblem {
            message: "nothing to import".to_owned(),
            at: None,
        })),
        Answer::Import(Err(ImportProblem {
            message: "input 1 is not valid JSON".to_owned(),
            at: Some((3, 2)),
        })),
        Answer::Invalid("unreadable request".to_owned()),
    ];
    for (id, answer) in answers.into_iter().enumerate() {
        let reply = Reply {
            id: u32::try_from(id).unwrap() + 40,
            answer,
        };
        assert_eq!(Reply::from_json(&reply.to_json()).unwrap(), reply);
    }
    assert!(Reply::from_json("{\"id\": 1, \"answer\": {\"other\": 1}}").is_err());
    assert!(Reply::from_json("not json").is_err());
}

/// The app shows `export::check` at once and the worker's text beside it: they must agree on
/// what is skipped and on why nothing is exported (the gate's errors).
#[test]
fn the_gate_the_app_checks_is_the_one_the_export_applies() {
    let mut plan = demo_plan();
    plan.clusters[0].name = String::new();
    let keys: Vec<Option<String>> = std::iter::once(None)
        .chain((0..plan.clusters.len()).map(|i| export::cluster_key(&plan, i)))
        .collect();
    for format in ExportFormat::ALL {
        for key in &keys {
            let scope = key.as_deref().map_or(Scope::Plan, Scope::Cluster);
            let checked = export::check(&plan, format, scope, now());
            let exported = export::export_report(&plan, format, scope, now());
            match (checked, exported) {
                (Ok(skipped), Ok(e)) => assert_eq!(skipped, e.skipped, "{format} {key:?}"),
                (Err(a), Err(b)) => assert_eq!(a, b, "{format} {key:?}"),
                // Only rendering can find these; the worker reports them as messages.
                (
                    Ok(_),
                    Err(export::ExportError::NoWindows { .. } | export::ExportError::Nul { .. }),
                ) => {}
                (a, b) => panic!("{format} {key:?}: check {a:?}, export {b:?}"),
            }
        }
    }
}
