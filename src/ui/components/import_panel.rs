//! Import: paste or drop what `az` already prints (`az aks show`/`list`, `az aks nodepool list`,
//! `az aks maintenanceconfiguration list`, `-o json`, in any order) and `rules::import` turns it
//! into clusters. The result goes through `PlanState::edit`, so an import is one Undo away and
//! never destroys the plan; a malformed input changes nothing and says where it broke. The
//! import runs in the exports worker (`ui::exports_worker`), loaded on first use.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::offload::{Answer, ImportProblem, Job, Missing};
use crate::rules::cluster::Cluster;
use crate::rules::import::{ImportNote, NoteKind};
use crate::rules::plan::Plan;
use crate::rules::share;
use crate::rules::words::count;
use crate::ui::clipboard;
use crate::ui::exports_worker;
use crate::ui::state::{focus_by_id, use_plan_state};

const TEXT_ID: &str = "import-text";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Imported clusters join the plan (replacing those with the same name and group).
    Add,
    /// The plan's clusters are replaced; its name and assumptions stay.
    Replace,
}

/// One imported cluster, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Imported {
    name: String,
    resource_group: String,
    pools: usize,
    configurations: usize,
    /// Fields the input did not have (empty: complete).
    missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Done {
        clusters: Vec<Imported>,
        notes: Vec<ImportNote>,
    },
    Failed(ImportProblem),
    /// Nothing imported, for a reason outside the input (the worker could not be loaded, or
    /// the plan changed while the import ran).
    NotRun(String),
}

/// Clusters of `after` that are new or different from `before` (what the import brought), with
/// the fields `incomplete` says were not found.
fn imported(before: &Plan, after: &Plan, incomplete: &[Missing]) -> Vec<Imported> {
    let unchanged = |c: &Cluster| before.clusters.iter().any(|b| b == c);
    after
        .clusters
        .iter()
        .filter(|c| !unchanged(c))
        .map(|c| {
            let m = &c.maintenance_configurations;
            Imported {
                name: c.name.clone(),
                resource_group: c.resource_group.clone(),
                pools: c.agent_pool_profiles.len(),
                configurations: [
                    m.default.is_some(),
                    m.auto_upgrade.is_some(),
                    m.node_os.is_some(),
                ]
                .into_iter()
                .filter(|present| *present)
                .count(),
                missing: incomplete
                    .iter()
                    .find(|i| i.cluster == c.name)
                    .map(|i| i.fields.clone())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn kind_label(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Assumption => "Assumed",
        NoteKind::Ignored => "Ignored",
        NoteKind::Info => "Note",
    }
}

/// Puts the caret on `line`:`column` (1-based, as the parser reports them) of the textarea.
fn show_position(line: usize, column: usize) {
    let Some(area) = document()
        .get_element_by_id(TEXT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = area.value();
    // The textarea counts UTF-16 units.
    let mut offset: usize = text
        .split('\n')
        .take(line.saturating_sub(1))
        .map(|l| l.encode_utf16().count() + 1)
        .sum();
    offset += column.saturating_sub(1);
    let at = u32::try_from(offset).unwrap_or(u32::MAX);
    focus_by_id(TEXT_ID);
    let _ = area.set_selection_range(at, at.saturating_add(1));
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_plan_state();
    let text = RwSignal::new(String::new());
    let mode = RwSignal::new(Mode::Add);
    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    let file_status: RwSignal<Option<String>> = RwSignal::new(None);
    let dragging = RwSignal::new(false);
    // An import is running (the first one also loads the worker's module).
    let busy = RwSignal::new(false);

    // The worker's plan replaces the plan as one undoable step, with the summary.
    let apply = move |before: &Plan, plan: Plan, notes: Vec<ImportNote>, incomplete: &[Missing]| {
        let clusters = imported(before, &plan, incomplete);
        let partial = clusters.iter().filter(|c| !c.missing.is_empty()).count();
        state.replace_with(
            plan,
            &if partial == 0 {
                format!(
                    "Imported {} from az.",
                    count(clusters.len(), "cluster", "clusters")
                )
            } else {
                format!(
                    "Imported {} from az; {} with fields not found: check the summary.",
                    count(clusters.len(), "cluster", "clusters"),
                    partial
                )
            },
        );
        // The panel may have closed meanwhile (another tab): the status line still says it.
        let _ = outcome.try_set(Some(Outcome::Done { clusters, notes }));
    };

    let run = move |_| {
        let input = text.get_untracked();
        // A share link pasted here goes where links go: the link opener asks, or says why the
        // link is broken, exactly as if it had been opened in the address bar.
        if let Some(fragment) = share::link_fragment(&input) {
            outcome.set(None);
            file_status.set(Some(
                "That is a share link, not az output: it was opened as a link.".to_owned(),
            ));
            let _ = window().location().set_hash(&fragment);
            return;
        }
        let before = state.plan().get_untracked();
        let base = match mode.get_untracked() {
            Mode::Add => before.to_json(),
            Mode::Replace => Plan {
                clusters: Default::default(),
                ..before.clone()
            }
            .to_json(),
        };
        busy.set(true);
        // The last import's result would read as this one's while it runs.
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let answer = exports_worker::run(Job::Import {
                base,
                inputs: vec![input],
            })
            .await;
            // The panel's signals are gone if it closed meanwhile (another tab): try_set, and
            // a problem that cannot be shown there goes to the status line.
            let _ = busy.try_set(false);
            let not_run = move |problem: String| {
                if outcome
                    .try_set(Some(Outcome::NotRun(problem.clone())))
                    .is_some()
                {
                    state.say(&problem, false);
                }
            };
            let result = match answer {
                // What is wrong with the input holds whatever the plan became meanwhile.
                Ok(Answer::Import(Err(error))) => {
                    let _ = outcome.try_set(Some(Outcome::Failed(error)));
                    return;
                }
                Ok(Answer::Import(Ok(result))) => result,
                Ok(_) => return not_run("The import module answered another question: nothing was imported. Reload the page to try again.".to_owned()),
                Err(problem) => return not_run(problem),
            };
            // Imported over the plan as it was: applying it now would undo the edit made since.
            if !state.plan().with_untracked(|p| *p == before) {
                return not_run(
                    "The plan changed while the import ran, so nothing was imported: press Import again.".to_owned(),
                );
            }
            match Plan::from_json(&result.plan) {
                Ok((plan, _)) => apply(&before, plan, result.notes, &result.incomplete),
                Err(e) => not_run(format!(
                    "The imported plan could not be read back ({e}): nothing was imported."
                )),
            }
        });
    };

    // Files are appended to the text, so what is imported is always what is on screen and a
    // line number in an error points into the textarea.
    let add_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if list.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut added = Vec::new();
            let mut problems = Vec::new();
            for file in list {
                match clipboard::read_file(&file).await {
                    Ok(content) => {
                        text.update(|t| {
                            if !t.trim().is_empty() && !t.ends_with('\n') {
                                t.push('\n');
                            }
                            t.push_str(&content);
                        });
                        added.push(file.name());
                    }
                    Err(message) => problems.push(message),
                }
            }
            let mut message = String::new();
            if !added.is_empty() {
                message = format!(
                    "Added {} to the text: {}.",
                    count(added.len(), "file", "files"),
                    added.join(", ")
                );
            }
            if !problems.is_empty() {
                message = format!("{message} {}.", problems.join("; "))
                    .trim()
                    .to_owned();
            }
            file_status.set(Some(message));
            outcome.set(None);
        });
    };

    let error_text = Memo::new(move |_| match outcome.get() {
        Some(Outcome::Failed(e)) => Some(e),
        _ => None,
    });

    view! {
        <section class="card import-section" aria-labelledby="import-title" data-testid="import-section">
            <div class="section-head">
                <h2 id="import-title">"Import from az"</h2>
            </div>
            <p class="hint" id="import-help">
                "Paste the output of " <code>"az aks show -o json"</code> " (or " <code>"az aks list"</code> "), "
                <code>"az aks nodepool list -o json"</code> " and " <code>"az aks maintenanceconfiguration list -o json"</code>
                ", one or several, in any order; ARM's own shape (" <code>"az rest"</code> ", " <code>"az resource show"</code>
                ", an ARM template export) is read too. Or drop .json files here."
            </p>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    add_files(ev.data_transfer().and_then(|d| d.files()));
                }
            >
                <label for=TEXT_ID class="field-label">"az JSON"</label>
                <textarea
                    id=TEXT_ID
                    data-testid=TEXT_ID
                    class="import-text"
                    rows="10"
                    spellcheck="false"
                    autocomplete="off"
                    wrap="off"
                    aria-describedby=move || {
                        if error_text.with(Option::is_some) { "import-help import-error" } else { "import-help" }
                    }
                    aria-invalid=move || if error_text.with(Option::is_some) { "true" } else { "false" }
                    prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())
                ></textarea>
                <Show when=move || error_text.with(Option::is_some)>
                    <div class="field-error" id="import-error" data-testid="import-error" role="alert">
                        <span class="field-error-icon" aria-hidden="true">"!"</span>
                        <span>
                            {move || error_text.get().map(|e| e.message).unwrap_or_default()}
                            {move || match error_text.get().and_then(|e| e.at) {
                                Some((line, column)) => Some(view! {
                                    " "
                                    <button type="button" class="link-button" data-testid="import-error-goto" on:click=move |_| show_position(line, column)>
                                        {format!("Go to line {line}")}
                                    </button>
                                }),
                                _ => None,
                            }}
                        </span>
                    </div>
                </Show>
            </div>
            <div class="import-controls">
                <label class="file-pick btn">
                    "Choose .json files…"
                    <input
                        type="file"
                        class="visually-hidden"
                        data-testid="import-files"
                        accept=".json,application/json"
                        multiple=true
                        on:change:target=move |ev| {
                            let input = ev.target();
                            add_files(input.files());
                            // Picking the same file again must fire change again.
                            input.set_value("");
                        }
                    />
                </label>
                <fieldset class="import-mode">
                    <legend class="visually-hidden">"What to do with the plan's clusters"</legend>
                    <label>
                        <input type="radio" name="import-mode" data-testid="import-mode-add"
                            prop:checked=move || mode.get() == Mode::Add
                            on:change=move |_| mode.set(Mode::Add) />
                        " Add to my plan"
                    </label>
                    <label>
                        <input type="radio" name="import-mode" data-testid="import-mode-replace"
                            prop:checked=move || mode.get() == Mode::Replace
                            on:change=move |_| mode.set(Mode::Replace) />
                        " Replace my plan's clusters"
                    </label>
                </fieldset>
                <button
                    type="button"
                    class="btn btn-primary"
                    data-testid="import-run"
                    disabled=move || busy.get() || text.with(|t| t.trim().is_empty())
                    on:click=run
                >
                    "Import"
                </button>
            </div>
            <p class="hint">"A cluster with the same name and resource group as one in the plan is replaced by the imported one. Undo brings the plan back."</p>
            {move || match outcome.get() {
                Some(Outcome::NotRun(problem)) => Some(view! {
                    <p class="export-problem" role="alert" data-testid="import-problem">{problem}</p>
                }),
                _ => None,
            }}
            <div role="status" aria-live="polite" class="import-status" data-testid="import-status">
                {move || busy.get().then(|| view! { <p data-testid="import-busy">"Importing… (the first import also loads the import module)"</p> })}
                {move || file_status.get().map(|s| view! { <p>{s}</p> })}
                {move || match outcome.get() {
                    Some(Outcome::Done { clusters, notes }) => Some(view! { <ImportSummary clusters=clusters notes=notes /> }),
                    _ => None,
                }}
            </div>
        </section>
    }
}

#[component]
fn ImportSummary(clusters: Vec<Imported>, notes: Vec<ImportNote>) -> impl IntoView {
    let note_count = notes.len();
    let partial = clusters.iter().filter(|c| !c.missing.is_empty()).count();
    // ✓ only when every field of every cluster was found.
    let (mark, title) = if partial == 0 {
        (
            "✓ ",
            format!("Imported {}:", count(clusters.len(), "cluster", "clusters")),
        )
    } else {
        (
            "⚠ ",
            format!(
                "Imported {}, {} with fields that were not in the input (they hold defaults, not the live values: import az aks show -o json of the cluster to fill them):",
                count(clusters.len(), "cluster", "clusters"),
                partial
            ),
        )
    };
    view! {
        <div class="import-result" data-testid="import-result" data-complete=(partial == 0).to_string()>
            <p class="import-result-title">
                <span aria-hidden="true">{mark}</span>
                {title}
            </p>
            <ul class="import-clusters" data-testid="import-summary">
                {clusters
                    .into_iter()
                    .map(|c| view! {
                        <li data-testid="import-cluster">
                            <strong>{c.name}</strong>
                            {format!(
                                " (resource group {}): {}, {}",
                                if c.resource_group.is_empty() { "not given" } else { c.resource_group.as_str() },
                                count(c.pools, "node pool", "node pools"),
                                count(c.configurations, "maintenance configuration", "maintenance configurations"),
                            )}
                            {(!c.missing.is_empty()).then(|| view! {
                                <span class="import-missing" data-testid="import-missing">
                                    {format!(". Not found: {}", c.missing.join(", "))}
                                </span>
                            })}
                        </li>
                    })
                    .collect_view()}
            </ul>
            <Show when=move || { note_count > 0 }>
                <h3 class="import-notes-title">{count(note_count, "note", "notes")}</h3>
            </Show>
            <ul class="import-notes" data-testid="import-notes">
                {notes
                    .into_iter()
                    .map(|n| {
                        let kind = kind_label(n.kind);
                        let place = match (n.input, n.path.is_empty()) {
                            (0, _) => String::new(),
                            (_, true) => format!("input {}", n.input),
                            (_, false) => format!("input {} at {}", n.input, n.path),
                        };
                        view! {
                            <li class="import-note" data-testid="import-note" data-kind=kind>
                                <span class="badge">{kind}</span>
                                " "
                                {(!place.is_empty()).then(|| view! { <code>{place}</code> " " })}
                                {n.message}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
