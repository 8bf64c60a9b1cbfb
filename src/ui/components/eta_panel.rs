//! "Fix ETA" (issue 9): when every pool runs a fix, from the public node image history. The
//! question (fixed images or a disclosure date, the SLA) is stored in the plan; every figure
//! and word comes from `rules::eta`. The table draws the pools of the clusters the cluster list
//! finds, a page at a time (`paged`); the fleet line always covers every pool.

use leptos::prelude::*;

use crate::rules::eta::cadence::{CADENCE_SOURCE, Cadence, ROLLOUT_SOURCE, Rollout};
use crate::rules::eta::compute::{FleetEta, Outcome};
use crate::rules::eta::history::{History, ImageFamily, LINUX_FAMILIES};
use crate::rules::eta::sla::Sla;
use crate::rules::eta::whatif::{Suggestion, suggestions};
use crate::rules::eta::{EtaQuestion, fleet_eta, text};
use crate::ui::clock;
use crate::ui::components::data_table::{DataTable, headings};
use crate::ui::components::field::{SelectField, TextField};
use crate::ui::components::paged::{MoreRows, Pager, found_clusters};
use crate::ui::state::{PlanState, use_plan_state};
use crate::view::format::fixed;
use crate::view::paging::{Listing, PAGE, of_found};

/// The SLA select's value for a custom number of days.
const CUSTOM: &str = "days";

fn sla_options() -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> =
        Sla::PRESETS.iter().map(|p| (p.key(), p.label())).collect();
    options.push((
        CUSTOM.to_owned(),
        "A number of days (your choice)".to_owned(),
    ));
    options
}

/// The SLA select's value for `sla`.
fn sla_choice(sla: Sla) -> String {
    match sla {
        Sla::Days(_) => CUSTOM.to_owned(),
        p => p.key(),
    }
}

/// Applies `change` to the plan's question (a default one if the plan has none); a refusal
/// leaves the plan as it was. A question back at the defaults is removed from the plan.
fn edit_question(
    state: PlanState,
    group: &'static str,
    change: impl FnOnce(&mut EtaQuestion) -> Result<(), String>,
) -> Result<(), String> {
    state.edit(Some(group), |plan| {
        let mut q = plan.eta.clone().unwrap_or_default();
        change(&mut q)?;
        plan.eta = (q != EtaQuestion::default()).then_some(q);
        Ok(())
    })
}

#[component]
pub fn EtaPanel() -> impl IntoView {
    let state = use_plan_state();
    let now = clock::now();
    let question = Memo::new(move |_| state.plan().with(|p| p.eta.clone().unwrap_or_default()));
    let eta: Memo<Option<FleetEta>> = Memo::new(move |_| {
        state.plan().with(|p| {
            p.eta
                .as_ref()
                .filter(|q| !q.is_empty())
                .map(|q| fleet_eta(p, q, now))
        })
    });
    let tips: Memo<Vec<Suggestion>> = Memo::new(move |_| {
        eta.with(|e| {
            e.as_ref().map_or_else(Vec::new, |e| {
                state.plan().with_untracked(|p| {
                    p.eta
                        .as_ref()
                        .map_or_else(Vec::new, |q| suggestions(p, q, e, now))
                })
            })
        })
    });
    let images = Signal::derive(move || question.with(EtaQuestion::images_text));
    let on_images = Callback::new(move |t: String| {
        edit_question(state, "eta.images", |q| {
            q.set_images_text(&t).map_err(|e| e.to_string())
        })
    });
    let disclosed = Signal::derive(move || {
        question.with(|q| {
            q.disclosed
                .map(|d| crate::rules::timefmt::iso_date(&d))
                .unwrap_or_default()
        })
    });
    let on_disclosed = Callback::new(move |t: String| {
        edit_question(state, "eta.disclosed", |q| {
            q.set_disclosed(&t).map_err(|e| e.to_string())
        })
    });
    let sla_value = Signal::derive(move || question.with(|q| sla_choice(q.sla)));
    let on_sla = Callback::new(move |v: String| {
        let _ = edit_question(state, "eta.sla", |q| {
            q.sla = if v == CUSTOM {
                Sla::Days(q.sla.days())
            } else {
                v.parse::<Sla>().map_err(|e| e.to_string())?
            };
            Ok(())
        });
    });
    let days = Signal::derive(move || question.with(|q| q.sla.days().to_string()));
    let on_days = Callback::new(move |t: String| {
        edit_question(state, "eta.slaDays", |q| {
            q.sla = t
                .parse::<Sla>()
                .map_err(|e| e.to_string())
                .and_then(|s| match s {
                    Sla::Days(_) => Ok(s),
                    _ => Err("enter a number of days from 1 to 365".to_owned()),
                })?;
            Ok(())
        })
    });
    let custom = move || question.with(|q| matches!(q.sla, Sla::Days(_)));
    // One row per pool: a page at a time, kept across edits.
    let pager = Pager::new(PAGE);
    view! {
        <section class="card tl-panel eta-panel" aria-labelledby="eta-title" data-testid="eta-panel">
            <h3 id="eta-title">"Fix ETA"</h3>
            <p class="muted">
                "When will each pool run a fix? Enter the first node image version that carries it, "
                "or the date the vulnerability was disclosed (the fix then comes with the first image built after it)."
            </p>
            <DataNotice now />
            <TextField
                id="eta-images".to_owned()
                label="Fixed node image versions"
                value=images
                on_input=on_images
                placeholder="202606.08.1 20348.4773.260210"
                hint=Signal::derive(|| "A Linux version applies to Ubuntu 22.04, 24.04 and Azure Linux 3; a Windows version to its OS; FAMILY=VERSION (e.g. AKSUbuntu-2204=202606.08.1) for one family.".to_owned())
            />
            <TextField
                id="eta-disclosed".to_owned()
                label="Disclosed on (YYYY-MM-DD)"
                value=disclosed
                on_input=on_disclosed
                placeholder="2026-04-30"
                hint=Signal::derive(|| "Exposure counts from here; without it, from the fixed image's AKS release.".to_owned())
            />
            <SelectField
                id="eta-sla".to_owned()
                label="SLA"
                options=sla_options()
                value=sla_value
                on_change=on_sla
            />
            <Show when=custom>
                <TextField
                    id="eta-sla-days".to_owned()
                    label="SLA (days)"
                    value=days
                    on_input=on_days
                    inputmode="numeric"
                />
            </Show>
            {move || match eta.get() {
                None => view! { <p class="muted" data-testid="eta-empty">"No fix asked about yet."</p> }.into_any(),
                Some(e) => view! { <EtaResult eta=e now pager /> }.into_any(),
            }}
            <Suggestions tips />
            <CadenceInputs question />
        </section>
    }
}

/// "Release data as of …", and a warning when it is old.
#[component]
fn DataNotice(now: chrono::DateTime<chrono::Utc>) -> impl IntoView {
    let (line, warning) = crate::rules::eta::history::data_notice(
        crate::rules::eta::history::History::builtin(),
        now.date_naive(),
    );
    view! {
        <p class="muted small" data-testid="eta-data-as-of">{line}</p>
        {warning.map(|w| view! {
            <p class="field-error" role="note" data-testid="eta-data-warning">
                <span aria-hidden="true">"⚠ "</span>{w}
            </p>
        })}
    }
}

#[component]
fn EtaResult(eta: FleetEta, now: chrono::DateTime<chrono::Utc>, pager: Pager) -> impl IntoView {
    let (from, to) = text::chart_range(&eta, now);
    let mut heads = headings([
        "Pool",
        "Fix in region",
        "Last node runs it",
        "Exposure",
        "SLA",
    ]);
    heads.push(TextProp::from(format!(
        "{} → {}",
        crate::rules::timefmt::iso_date(&from),
        crate::rules::timefmt::iso_date(&to)
    )));
    let basis = eta.exposure_basis.clone();
    let fleet_line = text::fleet_line(&eta);
    let past_validity = eta.image_past_validity;
    let total = eta.pools.len();
    let eta = StoredValue::new(eta);
    // The pools of the clusters the cluster list finds, in the core's order (latest first).
    let (found, _) = found_clusters();
    let shown = Memo::new(move |_| {
        found.with(|f| eta.with_value(|e| of_found(&e.pools, |p| p.cluster_index as usize, f)))
    });
    let listing = Signal::derive(move || {
        let found = shown.with(Vec::len);
        Listing {
            drawn: found.min(pager.limit()),
            found,
            total,
            noun: ("pool", "pools"),
            order: "latest fix first (never last)",
            follows_search: true,
        }
    });
    let rows = move || {
        let limit = pager.limit();
        shown.with(|shown| eta.with_value(|e| eta_rows(e, shown, limit, from, to)))
    };
    view! {
        <p class="tl-fleet-figures" data-testid="eta-fleet">{fleet_line}</p>
        {past_validity.then(|| view! {
            <p class="field-error" data-testid="eta-validity"><span aria-hidden="true">"⚠ "</span>{text::VALIDITY_WARNING}"."</p>
        })}
        {basis.map(|b| view! { <p class="muted tl-note" data-testid="eta-basis">{b}"."</p> })}
        <DataTable headings=heads testid="eta-table" wrap_class="eta-table-wrap">{rows}</DataTable>
        <MoreRows pager listing testid="eta-more" />
        <p class="muted small">"Bars: earliest to latest date the last node runs the fix; the thin mark is the likely date, the red one the SLA deadline."</p>
    }
}

/// The table rows of the pools at positions `shown` of `eta.pools`, the first `limit`; each row's
/// test ids carry its position in the whole list.
fn eta_rows(
    eta: &FleetEta,
    shown: &[usize],
    limit: usize,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> impl IntoView + use<> {
    shown
        .iter()
        .take(limit)
        .filter_map(|&i| eta.pools.get(i).map(|p| (i, p)))
        .map(|(i, p)| {
            let family = p.family.map_or("—", |f| f.label());
            let name = format!("{}/{}", p.cluster, p.pool);
            match &p.outcome {
                Outcome::Dated(d) => {
                    let b = text::bar(d, from, to);
                    let met = d.verdict.met();
                    view! {
                        <tr data-testid=format!("eta-row-{i}")>
                            <th scope="row">{name}<span class="muted small">" "{family}</span></th>
                            <td>{text::span(&d.in_region)}</td>
                            <td data-testid=format!("eta-done-{i}")>{text::span(&d.done)}</td>
                            <td>{text::exposure(d)}</td>
                            <td class="tl-verdict" class:misses=!met data-testid=format!("eta-verdict-{i}")>
                                <span aria-hidden="true">{if met { "✓ " } else { "✗ " }}</span>
                                {text::verdict(d.verdict)}
                            </td>
                            <td class="eta-chart-cell">
                                <svg class="eta-chart" viewBox="0 0 100 10" preserveAspectRatio="none" role="img"
                                    aria-label=format!("last node runs it {}; SLA deadline {}", text::span(&d.done), text::instant(d.deadline))>
                                    <rect class="eta-bar" x=fixed(b.start, 2) y="2" width=fixed((b.end - b.start).max(0.8), 2) height="6"></rect>
                                    <rect class="eta-likely" x=fixed((b.likely - 0.4).max(0.0), 2) y="0" width="0.8" height="10"></rect>
                                    <rect class="eta-deadline" x=fixed((b.deadline - 0.3).max(0.0), 2) y="0" width="0.6" height="10"></rect>
                                </svg>
                            </td>
                        </tr>
                    }
                    .into_any()
                }
                Outcome::Never { why } => view! {
                    <tr data-testid=format!("eta-row-{i}")>
                        <th scope="row">{name}<span class="muted small">" "{family}</span></th>
                        <td>"—"</td>
                        <td data-testid=format!("eta-done-{i}")>"never"</td>
                        <td>"—"</td>
                        <td class="tl-verdict misses" data-testid=format!("eta-verdict-{i}")>
                            <span aria-hidden="true">"✗ "</span>{format!("never: {why}")}
                        </td>
                        <td></td>
                    </tr>
                }
                .into_any(),
            }
        })
        .collect_view()
}

/// One-click changes that make a missing pool meet the SLA.
#[component]
fn Suggestions(tips: Memo<Vec<Suggestion>>) -> impl IntoView {
    let state = use_plan_state();
    // One per missing pool at most: those of the clusters the cluster list finds, a page at a
    // time.
    let pager = Pager::new(PAGE);
    let (found, _) = found_clusters();
    let shown = Memo::new(move |_| {
        found.with(|f| tips.with(|t| of_found(t, |s| s.cluster_index as usize, f)))
    });
    let listing = Signal::derive(move || {
        let found = shown.with(Vec::len);
        Listing {
            drawn: found.min(pager.limit()),
            found,
            total: tips.with(Vec::len),
            noun: ("change", "changes"),
            order: "",
            follows_search: true,
        }
    });
    view! {
        <Show when=move || tips.with(|t| !t.is_empty())>
            <div class="eta-suggestions" data-testid="eta-suggestions">
                <h4>"What would meet the SLA"</h4>
                <ul>
                    {move || {
                        // Only the drawn suggestions are copied (each holds a whole cluster).
                        let limit = pager.limit();
                        let drawn: Vec<(usize, Suggestion)> = shown.with(|shown| {
                            tips.with(|tips| {
                                shown
                                    .iter()
                                    .take(limit)
                                    .filter_map(|&i| tips.get(i).cloned().map(|s| (i, s)))
                                    .collect()
                            })
                        });
                        drawn
                            .into_iter()
                            .map(|(i, s)| {
                                let label = format!("{}/{}: {}", s.cluster, s.pool, s.change);
                                let detail = format!(
                                    "Cost: {}. The pool then runs the fix by {}.",
                                    s.cost,
                                    text::instant(s.latest_after)
                                );
                                let apply = move |_| {
                                    let s = s.clone();
                                    state.edit(None, |plan| {
                                        if let Some(c) = plan.clusters.get_mut(s.cluster_index as usize) {
                                            *c = s.cluster_after.clone();
                                        }
                                    });
                                    state.say(&format!("Applied: {}", s.change), true);
                                };
                                view! {
                                    <li>
                                        <span>{label}</span>" "
                                        <span class="muted small">{detail}</span>" "
                                        <button type="button" class="btn" data-testid=format!("eta-apply-{i}") on:click=apply>
                                            "Apply"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <MoreRows pager listing testid="eta-suggestions-more" />
            </div>
        </Show>
    }
}

/// The cadence and rollout the ETA rests on: editable, with where each default comes from.
#[component]
fn CadenceInputs(question: Memo<EtaQuestion>) -> impl IntoView {
    let state = use_plan_state();
    let rollout = Signal::derive(move || question.with(|q| q.rollout.to_text()));
    let on_rollout = Callback::new(move |t: String| {
        edit_question(state, "eta.rollout", |q| {
            q.rollout = Rollout::from_text(&t).map_err(|e| e.to_string())?;
            Ok(())
        })
    });
    let families = LINUX_FAMILIES
        .into_iter()
        .chain([ImageFamily::Windows2022, ImageFamily::Windows2025])
        .map(|family| {
            let value = Signal::derive(move || {
                question.with(|q| q.cadence_of(History::builtin(), family).to_text())
            });
            let on_input = Callback::new(move |t: String| {
                edit_question(state, "eta.cadence", |q| {
                        let c = Cadence::from_text(&t).map_err(|e| e.to_string())?;
                        q.cadence.insert(family, c);
                        Ok(())
                    })
            });
            view! {
                <TextField
                    id=format!("eta-cadence-{}", family.key())
                    label=family.label()
                    value
                    on_input
                    hint=Signal::derive(|| "Days: gap median, gap P90, lag min, lag median, lag P90".to_owned())
                />
            }
        })
        .collect_view();
    view! {
        <details class="eta-assumptions" data-testid="eta-assumptions">
            <summary>"Cadence assumptions (estimates; edit to change)"</summary>
            <p class="muted small">{CADENCE_SOURCE}"."</p>
            {families}
            <TextField
                id="eta-rollout".to_owned()
                label="Days from an AKS release to your region (earliest likely latest)"
                value=rollout
                on_input=on_rollout
            />
            <p class="muted small">{ROLLOUT_SOURCE}"."</p>
        </details>
    }
}
