//! The exports worker's protocol: the jobs the browser app hands to a second wasm module
//! (`planner-exports`, `src/worker.rs`), fetched the first time the Export tab opens, so the
//! first load does not carry the code of the six export formats and the `az`/ARM import
//! (README "Performance", "Bundle-size levers").
//!
//! Pure like the rule core: a [`Request`] in, a [`Reply`] out, both JSON text (what a worker
//! message carries), and [`answer`] computes one from the other by calling `rules::export` and
//! `rules::import` exactly as the CLI does. The plan travels as its plan-file JSON
//! ([`Plan::to_json`]). Only the worker calls [`answer`]: the app module must never link it,
//! or the exports' code is back in the first load.
//!
//! The reply is written and read by hand through `serde_json::Value` ([`Reply::to_json`],
//! [`Reply::from_json`]): the app already holds the `Value` parser, while derived readers for
//! the reply's types cost its first load about 15 KB brotli (measured; README "Bundle-size
//! levers").

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::rules::export::{self, ExportFormat, Scope};
use crate::rules::import::{self, ImportError, ImportNote, NoteKind};
use crate::rules::plan::Plan;

/// The worker's first message: it is ready for requests (sent once its module has started).
pub const READY: &str = "ready";

/// What to compute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "camelCase")]
pub enum Job {
    /// [`export::export_report`] of `plan` in `format` (its [`ExportFormat::as_str`]) for
    /// `cluster` (a [`export::cluster_key`]; `None` = the whole plan) at `now`.
    Export {
        plan: String,
        format: String,
        cluster: Option<String>,
        now: DateTime<Utc>,
    },
    /// [`import::import_into`] of `inputs` over `base`.
    Import { base: String, inputs: Vec<String> },
}

/// A job and the number the reply carries back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub id: u32,
    pub job: Job,
}

impl Request {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// An export's text, and whether the `az` script first installs the aks-preview extension
/// (the target CLI lacks a flag the plan uses, docs/aks-rules.md §5.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportText {
    pub text: String,
    pub needs_preview: bool,
}

/// A cluster imported with fields the input did not have ([`import::Incomplete`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub cluster: String,
    pub fields: Vec<String>,
}

/// An import's result: the new plan (plan-file JSON), its notes and its incomplete clusters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub plan: String,
    pub notes: Vec<ImportNote>,
    pub incomplete: Vec<Missing>,
}

/// Why an input imported nothing: [`ImportError`]'s message, and for malformed JSON the line
/// and column (1-based) to show in the text box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub message: String,
    pub at: Option<(usize, usize)>,
}

impl From<ImportError> for ImportProblem {
    fn from(e: ImportError) -> Self {
        let at = match e {
            ImportError::Json { line, column, .. } => Some((line, column)),
            _ => None,
        };
        ImportProblem {
            message: e.to_string(),
            at,
        }
    }
}

/// What the worker computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The text, or why there is none (the app checks the findings gate itself first, with
    /// [`export::check`], so this is a message such as "no maintenance window").
    Export(Result<ExportText, String>),
    Import(Result<Imported, ImportProblem>),
    /// The request could not be read: the app and the worker disagree (a bug).
    Invalid(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub id: u32,
    pub answer: Answer,
}

const NOTE_KINDS: [(NoteKind, &str); 3] = [
    (NoteKind::Assumption, "assumption"),
    (NoteKind::Ignored, "ignored"),
    (NoteKind::Info, "info"),
];

impl Reply {
    /// The worker's message.
    pub fn to_json(&self) -> String {
        let answer = match &self.answer {
            Answer::Export(Ok(t)) => {
                json!({"export": {"text": t.text, "needsPreview": t.needs_preview}})
            }
            Answer::Export(Err(message)) => json!({ "exportProblem": message }),
            Answer::Import(Ok(i)) => json!({"import": {
                "plan": i.plan,
                "notes": i.notes.iter().map(|n| json!({
                    "input": n.input,
                    "path": n.path,
                    "kind": NOTE_KINDS.iter().find(|(k, _)| *k == n.kind).map_or("info", |(_, s)| *s),
                    "message": n.message,
                })).collect::<Vec<_>>(),
                "incomplete": i.incomplete.iter().map(|m| json!({
                    "cluster": m.cluster,
                    "fields": m.fields,
                })).collect::<Vec<_>>(),
            }}),
            Answer::Import(Err(p)) => json!({"importProblem": {
                "message": p.message,
                "line": p.at.map(|(line, _)| line),
                "column": p.at.map(|(_, column)| column),
            }}),
            Answer::Invalid(message) => json!({ "invalid": message }),
        };
        json!({"id": self.id, "answer": answer}).to_string()
    }

    /// Reads the worker's message.
    pub fn from_json(text: &str) -> Result<Reply, String> {
        let unreadable = |what: &str| format!("the exports worker's reply is unreadable ({what})");
        let value: Value = serde_json::from_str(text).map_err(|_| unreadable("not JSON"))?;
        let id = value
            .get("id")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| unreadable("no id"))?;
        let answer = value.get("answer").ok_or_else(|| unreadable("no answer"))?;
        let answer = if let Some(t) = answer.get("export") {
            Answer::Export(Ok(ExportText {
                text: string(t, "text").ok_or_else(|| unreadable("export text"))?,
                needs_preview: t
                    .get("needsPreview")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            }))
        } else if let Some(m) = answer.get("exportProblem").and_then(Value::as_str) {
            Answer::Export(Err(m.to_owned()))
        } else if let Some(i) = answer.get("import") {
            Answer::Import(Ok(read_imported(i).ok_or_else(|| unreadable("import"))?))
        } else if let Some(p) = answer.get("importProblem") {
            let number = |key| {
                p.get(key)
                    .and_then(Value::as_u64)
                    .and_then(|n| usize::try_from(n).ok())
            };
            Answer::Import(Err(ImportProblem {
                message: string(p, "message").ok_or_else(|| unreadable("import problem"))?,
                at: number("line").zip(number("column")),
            }))
        } else if let Some(m) = answer.get("invalid").and_then(Value::as_str) {
            Answer::Invalid(m.to_owned())
        } else {
            return Err(unreadable("unknown answer"));
        };
        Ok(Reply { id, answer })
    }
}

fn string(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_owned)
}

fn read_imported(i: &Value) -> Option<Imported> {
    let notes = i
        .get("notes")?
        .as_array()?
        .iter()
        .map(|n| {
            let kind = n.get("kind")?.as_str()?;
            Some(ImportNote {
                input: u32::try_from(n.get("input")?.as_u64()?).ok()?,
                path: string(n, "path")?,
                kind: NOTE_KINDS.iter().find(|(_, s)| *s == kind)?.0,
                message: string(n, "message")?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let incomplete = i
        .get("incomplete")?
        .as_array()?
        .iter()
        .map(|m| {
            Some(Missing {
                cluster: string(m, "cluster")?,
                fields: m
                    .get("fields")?
                    .as_array()?
                    .iter()
                    .map(|f| f.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Imported {
        plan: string(i, "plan")?,
        notes,
        incomplete,
    })
}

/// The reply to `request` (both JSON): what the worker does with each message.
pub fn answer(request: &str) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Ok(Request { id, job }) => Reply {
            id,
            answer: run(job),
        },
        Err(e) => Reply {
            id: 0,
            answer: Answer::Invalid(format!("unreadable request: {e}")),
        },
    };
    reply.to_json()
}

fn run(job: Job) -> Answer {
    match job {
        Job::Export {
            plan,
            format,
            cluster,
            now,
        } => {
            let (plan, format) = match (read_plan(&plan), format.parse::<ExportFormat>()) {
                (Ok(plan), Ok(format)) => (plan, format),
                (Err(e), _) => return Answer::Invalid(e),
                (_, Err(e)) => return Answer::Invalid(e.to_string()),
            };
            let scope = cluster.as_deref().map_or(Scope::Plan, Scope::Cluster);
            Answer::Export(
                export::export_report(&plan, format, scope, now)
                    .map(|exported| ExportText {
                        text: exported.text,
                        needs_preview: needs_preview(&plan, format, scope, now),
                    })
                    .map_err(|e| e.to_string()),
            )
        }
        Job::Import { base, inputs } => {
            let base = match read_plan(&base) {
                Ok(base) => base,
                Err(e) => return Answer::Invalid(e),
            };
            let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
            Answer::Import(
                import::import_into(&base, &inputs)
                    .map_err(ImportProblem::from)
                    .map(|result| Imported {
                        plan: result.plan.to_json(),
                        notes: result.notes,
                        incomplete: result
                            .incomplete
                            .into_iter()
                            .map(|i| Missing {
                                cluster: i.cluster,
                                fields: i.missing.into_iter().map(str::to_owned).collect(),
                            })
                            .collect(),
                    }),
            )
        }
    }
}

fn read_plan(json: &str) -> Result<Plan, String> {
    serde_json::from_str(json).map_err(|e| format!("unreadable plan: {e}"))
}

/// Whether the `az` script (bash or PowerShell) of `scope` first installs aks-preview.
fn needs_preview(plan: &Plan, format: ExportFormat, scope: Scope<'_>, now: DateTime<Utc>) -> bool {
    matches!(format, ExportFormat::Az | ExportFormat::Pwsh)
        && export::script_unchecked(plan, scope, now).is_ok_and(|s| {
            s.prerequisites
                .iter()
                .any(|step| matches!(step, export::Step::Az(_)))
        })
}

#[cfg(test)]
mod tests;
