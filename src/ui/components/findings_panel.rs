//! Findings, live: every family (`rules::findings::merge` of the plan checks and the
//! projection) on every edit, grouped by severity with counts.
//! Each finding says what is wrong, why (the AKS rule, linked), and how to fix it; its title is
//! a button that opens and focuses the field it is about.

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};

use leptos::prelude::*;

use crate::rules::findings::{Finding, Severity};
use crate::ui::components::icons::{SeverityIcon, severity_slug, severity_words};
use crate::ui::state::use_plan_state;
use crate::view::findings::estimate_note;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Note];

/// How many findings of one severity are drawn at first, and how many more each "List more"
/// adds.
const LISTED: usize = 200;

/// More notes than this start folded.
const FOLDED_NOTES_ABOVE: usize = 5;

#[component]
pub fn FindingsPanel() -> impl IntoView {
    let state = use_plan_state();
    let findings = state.findings;
    let count = move |severity: Severity| {
        findings.with(|f| f.iter().filter(|x| x.severity == severity).count())
    };
    view! {
        <section class="panel findings" aria-labelledby="findings-title" data-testid="findings">
            <div class="panel-head">
                <h2 id="findings-title">"Findings"</h2>
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
                        let of_severity = Memo::new(move |_| findings.with(|f| keyed(f, severity)));
                        // A big fleet has thousands of findings: the first ones are drawn, the
                        // rest on request (the count above says how many there are).
                        let limit = RwSignal::new(LISTED);
                        let listed = move || {
                            let limit = limit.get();
                            of_severity.with(|f| f.iter().take(limit).cloned().collect::<Vec<_>>())
                        };
                        let unlisted = move || of_severity.with(Vec::len).saturating_sub(limit.get());
                        view! {
                            <Show when=move || of_severity.with(|f| !f.is_empty())>
                                // Errors and warnings always start open; a long list of notes
                                // starts folded so that what needs action stays in view.
                                <details
                                    class="finding-group"
                                    data-testid=format!("finding-group-{slug}")
                                    open=severity != Severity::Note
                                        || of_severity.with_untracked(|f| f.len() <= FOLDED_NOTES_ABOVE)
                                >
                                    <summary class=format!("group-title sev-{slug}")>
                                        {many} " " <span class="count">{move || of_severity.with(Vec::len)}</span>
                                    </summary>
                                    <ul class="finding-list">
                                        <For each=listed key=|(k, _)| *k let:((_, f))>
                                            <FindingItem finding=f />
                                        </For>
                                    </ul>
                                    <Show when=move || unlisted() != 0>
                                        <button
                                            type="button"
                                            class="btn"
                                            data-testid=format!("finding-more-{slug}")
                                            on:click=move |_| limit.update(|l| *l += LISTED)
                                        >
                                            {move || format!("List {} more of {}", unlisted().min(LISTED), unlisted())}
                                        </button>
                                    </Show>
                                </details>
                            </Show>
                        }
                    })
                    .collect_view()}
            </Show>
        </section>
    }
}

/// The findings of `severity`, each with a key that stays the same while the finding does (a
/// hash of it, moved to the next free number if taken), so that an edit redraws only the
/// findings it changed: a 200-cluster fleet has hundreds, and redrawing them all on every
/// keystroke took longer than the rest of the edit.
fn keyed(all: &[Finding], severity: Severity) -> Vec<(usize, Finding)> {
    let mut taken = BTreeSet::new();
    all.iter()
        .filter(|f| f.severity == severity)
        .map(|f| {
            let mut hasher = Fnv(0xcbf2_9ce4_8422_2325);
            f.hash(&mut hasher);
            // Truncating on 32-bit targets is fine: the key only has to be unique here.
            let mut key = hasher.finish() as usize;
            while !taken.insert(key) {
                key = key.wrapping_add(1);
            }
            (key, f.clone())
        })
        .collect()
}

/// FNV-1a: small, and only needs to tell findings apart (std's SipHash costs bundle size).
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let state = use_plan_state();
    let slug = severity_slug(finding.severity);
    let (one, _) = severity_words(finding.severity);
    let path = finding.path.clone();
    let where_text = finding.path.display();
    let estimate = estimate_note(&finding);
    view! {
        <li class=format!("finding sev-{slug}") data-testid="finding" data-code=finding.code.as_str() data-severity=slug>
            <button type="button" class="finding-title" on:click=move |_| state.focus_field(&path)>
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
