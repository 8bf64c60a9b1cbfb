//! Findings, live: every family (`rules::findings::merge` of the plan checks and the
//! projection) on every edit, grouped by severity with counts.
//! Each finding says what is wrong, why (the AKS rule, linked), and how to fix it; its title is
//! a button that opens and focuses the field it is about.

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::findings::{Finding, Severity};
use crate::rules::fnv::Fnv;
use crate::ui::components::icons::{SeverityIcon, severity_slug, severity_words};
use crate::ui::components::paged::{MoreRows, Pager, plain_listing};
use crate::ui::state::use_plan_state;
use crate::view::findings::estimate_note;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Note];

/// More notes than this start folded.
const FOLDED_NOTES_ABOVE: usize = 5;

/// Findings drawn per severity at first, and how many more each "Show more" adds: a
/// 200-cluster fleet has hundreds (every pool over the exposure SLA is one), and redrawing them
/// all on an edit that changes them (the SLA) took most of the edit's time. The counts always
/// cover every finding.
const SHOWN_PER_GROUP: usize = 50;

#[component]
pub fn FindingsPanel() -> impl IntoView {
    let state = use_plan_state();
    let findings = state.findings;
    let updating = state.updating();
    let count = move |severity: Severity| {
        findings.with(|f| f.iter().filter(|x| x.severity == severity).count())
    };
    view! {
        <section class="panel findings" aria-labelledby="findings-title" data-testid="findings">
            <div class="panel-head">
                <h2 id="findings-title">"Findings"</h2>
                <Show when=move || updating.get()>
                    <span class="updating" data-testid="findings-updating">"Updating…"</span>
                </Show>
                <ul class="counts" aria-label="Findings by severity">
                    {SEVERITIES
                        .map(|severity| {
                            let slug = severity_slug(severity);
                            let (one, many) = severity_words(severity);
                            view! {
                                <li class=format!("count-chip sev-{slug}")>
                                    <SeverityIcon severity=severity />
                                    <span data-testid=format!("finding-count-{slug}")>{move || count(severity)}</span>
                                    <span class="count-word">{move || if count(severity) == 1 { one } else { many }}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
            <Show
                when=move || findings.with(|f| !f.is_empty())
                fallback=|| view! {
                    <p class="empty" data-testid="no-findings">
                        "No findings: nothing here that AKS would reject or that looks unintended."
                    </p>
                }
            >
                {SEVERITIES
                    .map(|severity| {
                        let slug = severity_slug(severity);
                        let (_, many) = severity_words(severity);
                        let pager = Pager::new(SHOWN_PER_GROUP);
                        let total = Memo::new(move |_| {
                            findings.with(|f| f.iter().filter(|x| x.severity == severity).count())
                        });
                        let listing = plain_listing(pager, move || total.get(), nouns(severity));
                        let of_severity = Memo::new(move |_| {
                            let limit = pager.limit();
                            findings.with(|f| keyed(f, severity, limit))
                        });
                        view! {
                            <Show when=move || of_severity.with(|f| !f.is_empty())>
                                // Errors and warnings always start open; a long list of notes
                                // starts folded so that what needs action stays in view.
                                <details
                                    class="finding-group"
                                    data-testid=format!("finding-group-{slug}")
                                    open=severity != Severity::Note
                                        || total.get_untracked() <= FOLDED_NOTES_ABOVE
                                >
                                    <summary class=format!("group-title sev-{slug}")>
                                        {many} " " <span class="count">{move || total.get()}</span>
                                    </summary>
                                    <ul class="finding-list">
                                        <For each=move || of_severity.get() key=|(k, _)| *k let:((key, f))>
                                            <FindingItem finding=f key rows=of_severity />
                                        </For>
                                    </ul>
                                    <MoreRows pager listing testid=format!("finding-more-{slug}") />
                                </details>
                            </Show>
                        }
                    })
                    .collect_view()}
            </Show>
        </section>
    }
}

/// "error" / "errors", for "Showing 50 of 867 warnings".
fn nouns(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("error", "errors"),
        Severity::Warning => ("warning", "warnings"),
        Severity::Note => ("note", "notes"),
    }
}

/// The first `limit` findings of `severity`, each with a key that stays the same while what the
/// finding shows does (a hash of it, moved to the next free number if taken), so that an edit
/// redraws only the findings it changed: a 200-cluster fleet has hundreds, and redrawing them
/// all on every keystroke took longer than the rest of the edit.
///
/// The cluster's index is left out of the key: it is not shown (the path is shown by name), and
/// removing or moving a cluster shifts the index of every cluster after it, which redrew every
/// finding drawn (110 at 2,000 clusters, most of a removal's time). A row finds its finding's
/// current path by its key when it is clicked.
fn keyed(all: &[Arc<Finding>], severity: Severity, limit: usize) -> Vec<(usize, Finding)> {
    let mut taken = BTreeSet::new();
    all.iter()
        .filter(|f| f.severity == severity)
        .take(limit)
        .map(|f| {
            let mut hasher = Fnv::default();
            let Finding {
                severity,
                code,
                path,
                message,
                why,
                fix,
                source,
            } = &**f;
            (severity, code, message, why, fix, source).hash(&mut hasher);
            let mut shown = path.clone();
            shown.cluster = None;
            shown.hash(&mut hasher);
            // Truncating on 32-bit targets is fine: the key only has to be unique here.
            let mut key = hasher.finish() as usize;
            while !taken.insert(key) {
                key = key.wrapping_add(1);
            }
            (key, Finding::clone(f))
        })
        .collect()
}

/// One finding; `key` is its key in `rows`, where its current path is looked up when its title
/// is clicked (the row is kept while a removal or move shifts the cluster's index, `keyed`).
#[component]
fn FindingItem(finding: Finding, key: usize, rows: Memo<Vec<(usize, Finding)>>) -> impl IntoView {
    let state = use_plan_state();
    let slug = severity_slug(finding.severity);
    let (one, _) = severity_words(finding.severity);
    let open = move |_| {
        let path = rows.with_untracked(|r| {
            r.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, f)| f.path.clone())
        });
        if let Some(path) = path {
            state.focus_field(&path);
        }
    };
    let where_text = finding.path.display();
    let estimate = estimate_note(&finding);
    view! {
        <li class=format!("finding sev-{slug}") data-testid="finding" data-code=finding.code.as_str() data-severity=slug>
            <button type="button" class="finding-title" on:click=open>
                <SeverityIcon severity=finding.severity />
                <span class="visually-hidden">{one} ": "</span>
                <span class="finding-message">{finding.message}</span>
            </button>
            <p class="finding-where">
                <code>{where_text}</code>
            </p>
            {estimate.map(|note| view! { <p class="finding-estimate" data-testid="finding-estimate">{note}</p> })}
            <dl class="finding-detail">
                <dt>"Why"</dt>
                <dd>{finding.why}</dd>
                <dt>"Fix"</dt>
                <dd>{finding.fix}</dd>
            </dl>
            <p class="finding-source">
                <a href=finding.source.url target="_blank" rel="noopener noreferrer">
                    {finding.source.title}
                    <span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
            </p>
        </li>
    }
}
