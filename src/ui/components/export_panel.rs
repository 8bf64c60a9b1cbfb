//! Export: the plan (or one cluster) as an `az` script, PowerShell, Bicep, Terraform or the
//! Markdown review, from `rules::export`. Errors are scoped to what is exported: a cluster with
//! errors exports nothing but its errors, a whole-plan export skips clusters with errors and
//! lists them here; each error is a button that opens the field to fix. The errors are checked
//! here at once (`export::check`); the text is rendered by the exports worker
//! (`ui::exports_worker`), which says "Preparing exports…" while its module loads.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::offload::{Answer, ExportText, Job};
use crate::rules::export::{self, CliVersion, ExportError, ExportFormat, Scope};
use crate::rules::findings::Finding;
use crate::rules::plan::Plan;
use crate::rules::words;
use crate::ui::clipboard;
use crate::ui::components::cluster_choice::ClusterChoice;
use crate::ui::components::copy_button::{
    ActionStatus, ActionStatusRegion, CopyButton, CopyText, Outcome,
};
use crate::ui::components::field::{SelectField, TextField};
use crate::ui::components::paged::{MoreRows, Pager, found_clusters};
use crate::ui::exports_worker;
use crate::ui::state::use_plan_state;
use crate::view::paging::{Listing, PAGE};

/// What the format menu says (keyed by the core's name, so a format the core adds later shows
/// up under its own name until it gets a label here).
fn format_label(format: ExportFormat) -> String {
    match format.as_str() {
        "az" => "az CLI script (bash)".into(),
        "pwsh" => "az CLI script (PowerShell)".into(),
        "bicep" => "Bicep".into(),
        "terraform" => "Terraform (azurerm)".into(),
        "markdown" => "Markdown design-review summary".into(),
        "ics" => "Calendar of maintenance windows (.ics)".into(),
        other => other.to_owned(),
    }
}

fn mime(format: ExportFormat) -> &'static str {
    match format.extension() {
        "sh" => "text/x-shellscript;charset=utf-8",
        "md" => "text/markdown;charset=utf-8",
        "ics" => "text/calendar;charset=utf-8",
        _ => "text/plain;charset=utf-8",
    }
}

/// Whether the format is one of the `az` scripts (where the target CLI version matters).
fn is_az_script(format: ExportFormat) -> bool {
    matches!(format, ExportFormat::Az | ExportFormat::Pwsh)
}

/// A file-name-safe form of a plan or cluster name ("Prod fleet" → "prod-fleet").
fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "aks-plan".to_owned()
    } else {
        stem.to_owned()
    }
}

/// Runs `f` with the scope of `cluster` (`None` = the whole plan), selected by the core's key
/// (the name, or SUBSCRIPTION/RESOURCE_GROUP/NAME where clusters share a name).
fn with_scope<T>(plan: &Plan, cluster: Option<usize>, f: impl FnOnce(Scope<'_>) -> T) -> T {
    let key = cluster.and_then(|i| export::cluster_key(plan, i));
    f(key.as_deref().map_or(Scope::Plan, Scope::Cluster))
}

/// The worker's job: the export of `cluster` (`None` = the whole plan) in `format`.
fn export_job(
    plan: &Plan,
    format: ExportFormat,
    cluster: Option<usize>,
    now: DateTime<Utc>,
) -> Job {
    Job::Export {
        plan: plan.to_json(),
        format: format.as_str().to_owned(),
        cluster: cluster.and_then(|i| export::cluster_key(plan, i)),
        now,
    }
}

/// The text the worker rendered for `job`, or why there is none.
async fn render(job: Job) -> Result<ExportText, String> {
    match exports_worker::run(job).await? {
        Answer::Export(text) => text,
        _ => Err(
            "The exports module answered another question. Reload the page to try again."
                .to_owned(),
        ),
    }
}

/// What the copy button of cluster `i` copies: nothing if the cluster has errors, else its
/// export once the worker has rendered it.
fn cluster_text(plan: &Plan, format: ExportFormat, i: usize, now: DateTime<Utc>) -> CopyText {
    if with_scope(plan, Some(i), |scope| {
        export::check(plan, format, scope, now)
    })
    .is_err()
    {
        return CopyText::Now(None);
    }
    let job = export_job(plan, format, Some(i), now);
    CopyText::Later(Box::pin(async move { render(job).await.map(|t| t.text) }))
}

/// The worker's text for the current format and scope.
#[derive(Debug, Clone, PartialEq)]
enum Rendered {
    /// No answer yet: the worker's module is loading.
    Waiting,
    Text(ExportText),
    /// No text, and why (the core's message, or the worker could not be loaded).
    Problem(String),
}

#[component]
pub fn ExportPanel(
    /// The page's "now" (read once by the tab).
    now: DateTime<Utc>,
) -> impl IntoView {
    let state = use_plan_state();
    let plan = state.plan();
    let format = RwSignal::new(ExportFormat::Az);
    // `None` = the whole plan; `Some(i)` = cluster i.
    let cluster: RwSignal<Option<usize>> = RwSignal::new(None);
    // What the scope menu and the per-cluster buttons call each cluster: its name, or
    // SUBSCRIPTION/RESOURCE_GROUP/NAME where clusters share a name.
    let cluster_names = Memo::new(move |_| {
        plan.with(|p| {
            (0..p.clusters.len())
                .map(|i| export::cluster_key(p, i).unwrap_or_default())
                .collect::<Vec<_>>()
        })
    });
    // "Copy one cluster's part": the clusters the cluster list finds, a page at a time.
    let per_cluster_pager = Pager::new(PAGE);
    let (found, total) = found_clusters();
    let per_cluster = Memo::new(move |_| {
        let limit = per_cluster_pager.limit();
        found.with(|f| {
            cluster_names.with(|n| {
                f.iter()
                    .take(limit)
                    .map(|&i| (i, n.get(i).cloned().unwrap_or_default()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let per_cluster_listing = Signal::derive(move || Listing {
        drawn: per_cluster.with(Vec::len),
        found: found.with(Vec::len),
        total: total.get(),
        noun: ("cluster", "clusters"),
        order: "",
        follows_search: true,
    });
    // The clusters skipped for their errors, or why nothing is exported: known at once.
    let checked = Memo::new(move |_| {
        let (f, c) = (format.get(), cluster.get());
        plan.with(|p| with_scope(p, c, |scope| export::check(p, f, scope, now)))
    });
    // The text, from the worker. While a newer one is computed the last one stays on screen
    // (`aria-busy`), and Copy and Download wait for the new one.
    let rendered = RwSignal::new(Rendered::Waiting);
    let pending = RwSignal::new(false);
    let asked = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let (f, c) = (format.get(), cluster.get());
        if checked.with(Result::is_err) {
            pending.set(false);
            return;
        }
        let job = plan.with(|p| export_job(p, f, c, now));
        asked.update_value(|n| *n = n.wrapping_add(1));
        let mine = asked.get_value();
        pending.set(true);
        leptos::task::spawn_local(async move {
            let text = render(job).await;
            // A newer request's answer replaces this one; a panel closed meanwhile (another
            // tab) has nowhere to show it.
            if asked.try_get_value() == Some(mine) {
                let _ = rendered.try_set(match text {
                    Ok(text) => Rendered::Text(text),
                    Err(problem) => Rendered::Problem(problem),
                });
                let _ = pending.try_set(false);
            }
        });
    });
    // The script needs aks-preview when the target CLI lacks a GA flag the plan uses (§5.1).
    let needs_preview = Signal::derive(move || {
        is_az_script(format.get())
            && checked.with(Result::is_ok)
            && rendered.with(|r| matches!(r, Rendered::Text(t) if t.needs_preview))
    });
    let target_cli =
        Signal::derive(move || plan.with(|p| p.assumptions.export.target_cli.to_string()));
    let text_now = move || {
        let ready = checked.with_untracked(Result::is_ok) && !pending.get_untracked();
        rendered.with_untracked(|r| match r {
            Rendered::Text(t) if ready => Some(t.text.clone()),
            _ => None,
        })
    };
    let file_name = move || {
        let f = format.get_untracked();
        plan.with_untracked(|p| {
            let stem = match cluster.get_untracked().and_then(|i| p.clusters.get(i)) {
                Some(c) => format!("{}-{}", file_stem(&p.name), file_stem(&c.name)),
                None => file_stem(&p.name),
            };
            format!("{stem}.{}", f.extension())
        })
    };
    let status = ActionStatus::use_or_new();
    let on_download = move |_| {
        let Some(text) = text_now() else { return };
        let name = file_name();
        status.report(
            "export-download",
            match clipboard::download(&name, mime(format.get_untracked()), &text) {
                Ok(()) => Outcome::Done(format!("Saved {name}.")),
                Err(message) => Outcome::Failed(format!("Not saved: {message}")),
            },
        );
    };
    let format_options = ExportFormat::ALL
        .iter()
        .map(|f| (f.as_str().to_owned(), format_label(*f)))
        .collect::<Vec<_>>();
    let has_text = Signal::derive(move || {
        checked.with(Result::is_ok)
            && !pending.get()
            && rendered.with(|r| matches!(r, Rendered::Text(_)))
    });
    // The target CLI is a plan setting (assumptions.export): an edit, so Undo covers it.
    let set_target_cli = move |text: String| -> Result<(), String> {
        let version: CliVersion = text
            .parse()
            .map_err(|e: export::cli_version::CliVersionError| e.to_string())?;
        state.edit(Some("export-cli-version"), |p| {
            p.assumptions.export.target_cli = version
        });
        Ok(())
    };

    view! {
        <section class="card export-section" aria-labelledby="export-title" data-testid="export-section">
            <div class="section-head">
                <h2 id="export-title">"Export"</h2>
                <Show when=move || needs_preview.get()>
                    <span class="badge preview" data-testid="export-preview" title="Uses preview features">
                        "preview"
                    </span>
                </Show>
            </div>
            <div class="field-grid export-controls">
                <SelectField
                    id="export-format".into()
                    label="Format"
                    options=format_options
                    value=Signal::derive(move || format.get().as_str().to_owned())
                    on_change=move |v: String| {
                        if let Ok(f) = v.parse() {
                            format.set(f);
                        }
                    }
                />
                <ClusterChoice
                    id="export-scope"
                    label="Scope"
                    names=cluster_names
                    option_text=|name| format!("Cluster {name}")
                    leading=vec![("plan", "Whole plan")]
                    chosen=cluster
                    on_change=Callback::new(move |v: String| cluster.set(v.parse::<usize>().ok()))
                />
                <Show when=move || is_az_script(format.get())>
                <TextField
                        id="export-cli-version".into()
                        label="Target az CLI version"
                        value=target_cli
                        placeholder="2.91"
                        inputmode="decimal"
                        hint=Signal::derive(move || {
                            format!(
                                "`az version` shows it. Older CLIs get the prerequisites they need; {} is the newest checked.",
                                CliVersion::CURRENT,
                            )
                        })
                        on_input=set_target_cli
                    />
                </Show>
            </div>
            <Show when=move || needs_preview.get()>
                <p class="export-note" data-testid="export-preview-note">
                    <span class="badge preview">"preview"</span>
                    {move || format!(
                        " az CLI {} lacks flags this plan uses: the script first installs the aks-preview extension (preview features). A newer CLI needs none of that.",
                        plan.with(|p| p.assumptions.export.target_cli),
                    )}
                </p>
            </Show>
            {move || match checked.get() {
                Ok(skipped) => view! {
                    {(!skipped.is_empty()).then(|| view! { <SkippedClusters skipped=skipped /> })}
                    {move || match rendered.get() {
                        Rendered::Waiting => view! {
                            <p class="export-loading" role="status" data-testid="export-loading">"Preparing exports…"</p>
                        }.into_any(),
                        Rendered::Text(ExportText { text, .. }) => view! {
                            <pre class="export-output" data-testid="export-output" tabindex="0" aria-label="Exported text" aria-busy=move || pending.get().to_string()>{text}</pre>
                        }.into_any(),
                        Rendered::Problem(problem) => view! {
                            <p class="export-problem" role="alert" data-testid="export-problem">{problem}</p>
                        }.into_any(),
                    }}
                }.into_any(),
                Err(ExportError::PlanHasErrors(errors)) => view! {
                    <ExportErrors title=errors_title("This plan", errors.len()) errors=errors />
                }.into_any(),
                Err(ExportError::ClusterHasErrors { cluster, errors }) => view! {
                    <ExportErrors title=errors_title(&format!("Cluster {cluster}"), errors.len()) errors=errors />
                }.into_any(),
                Err(other) => view! {
                    <p class="export-problem" role="alert" data-testid="export-problem">{other.to_string()}</p>
                }.into_any(),
            }}
            <div class="export-actions">
                <CopyButton
                    testid="export-copy".into()
                    label="Copy".into()
                    what="the export"
                    primary=true
                    disabled=Signal::derive(move || !has_text.get())
                    text=move |()| text_now().into()
                />
                <button type="button" class="btn" data-testid="export-download" disabled=move || !has_text.get() on:click=on_download>
                    {move || format!("Download .{}", format.get().extension())}
                </button>
                <ActionStatusRegion owner="export-download".to_owned() status=status />
            </div>
            <Show when=move || cluster.get().is_none() && cluster_names.with(|n| n.len() > 1) && has_text.get()>
                <div class="per-cluster" data-testid="export-per-cluster">
                    <p class="hint">"Copy one cluster's part:"</p>
                    <div class="per-cluster-buttons">
                        // Keyed by cluster and name: a renamed cluster's button is drawn again.
                        <For each=move || per_cluster.get() key=|row| row.clone() let:((i, name))>
                            <CopyButton
                                testid=format!("export-copy-cluster-{i}")
                                label=name
                                what="the cluster's part"
                                text=move |()| {
                                    plan.with_untracked(|p| cluster_text(p, format.get_untracked(), i, now))
                                }
                            />
                        </For>
                    </div>
                    <MoreRows pager=per_cluster_pager listing=per_cluster_listing testid="export-per-cluster-more" />
                </div>
            </Show>
        </section>
    }
}

/// "This plan has 2 errors and exports nothing until they are fixed:".
fn errors_title(what: &str, count: usize) -> String {
    format!(
        "{what} has {} and exports nothing until {} fixed:",
        words::count(count, "error", "errors"),
        if count == 1 { "it is" } else { "they are" },
    )
}

/// The clusters a whole-plan export left out, each with its errors.
#[component]
fn SkippedClusters(skipped: Vec<export::Skipped>) -> impl IntoView {
    let count = skipped.len();
    view! {
        <div class="export-errors export-skipped" role="status" data-testid="export-skipped">
            <p class="export-errors-title">
                {format!(
                    "Not exported: {} with errors (the export's header lists {} too). Fix {} or export another cluster:",
                    words::count(count, "cluster", "clusters"),
                    if count == 1 { "it" } else { "them" },
                    if count == 1 { "it" } else { "them" },
                )}
            </p>
            <ul>
                {skipped
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li data-testid="export-skipped-cluster" data-cluster=s.cluster.clone()>
                                <strong>{format!("Cluster {}", s.cluster)}</strong>
                                <ErrorList errors=s.errors />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// The errors that block an export, each a button to the field to fix.
#[component]
fn ExportErrors(title: String, errors: Vec<Finding>) -> impl IntoView {
    view! {
        <div class="export-errors" role="alert" data-testid="export-errors">
            <p class="export-errors-title">{title}</p>
            <ErrorList errors=errors />
        </div>
    }
}

/// One button per error, opening the field to fix.
#[component]
fn ErrorList(errors: Vec<Finding>) -> impl IntoView {
    let state = use_plan_state();
    view! {
        <ul>
            {errors
                .into_iter()
                .map(|f| {
                    let path = f.path.clone();
                    view! {
                        <li data-testid="export-error" data-code=f.code.as_str()>
                            <button type="button" class="link-button" on:click=move |_| state.focus_field(&path)>
                                {f.message}
                            </button>
                            " "
                            <code>{f.path.display()}</code>
                            <span class="hint">{format!(" Fix: {}", f.fix)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
