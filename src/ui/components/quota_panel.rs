//! Surge quota (issue 4, aks-rules.md §4.2–4.3): the extra regional vCPUs per VM family each
//! cluster needs while its pools surge, and per subscription and region the worst case against
//! the free quota the user enters (limit and used, as `az vm list-usage` shows them) or pastes
//! (its raw JSON). Pools go one after another (§2 rule 3), so a cluster's figure is its largest
//! pool's; clusters of one subscription and region add up (their windows may overlap). Every
//! figure and verdict comes from `rules::projection::quota`; edits go through
//! `PlanState::edit` (undo, autosave) and `rules::usage`.

use leptos::prelude::*;

use crate::rules::edit::parse_optional_number;
use crate::rules::projection::Projection;
use crate::rules::projection::quota::{RegionQuota, format_families};
use crate::rules::usage::{self, fill_from_list, parse_list_usage};
use crate::ui::state::{PlanState, use_plan_state};

#[component]
pub fn QuotaPanel(projection: Memo<Projection>) -> impl IntoView {
    let count = Memo::new(move |_| projection.with(|p| p.quota.clusters.len()));
    // One flat list of rows, keyed by position (an existing `For` key type: bundle size); each
    // row reads its text reactively, so typing keeps focus.
    let rows = Memo::new(move |_| {
        projection.with(|p| {
            let mut rows = Vec::new();
            for (g, r) in p.quota.regions.iter().enumerate() {
                let place = region_text(r);
                rows.extend(r.checks.iter().enumerate().map(|(k, c)| RowKey {
                    g,
                    k,
                    subscription: r.subscription.clone(),
                    location: r.location.clone(),
                    place: place.clone(),
                    name: c.name.clone(),
                    label: c.label(),
                }));
            }
            rows
        })
    });
    let row_count = Memo::new(move |_| rows.with(Vec::len));
    view! {
        <section class="card tl-panel" aria-labelledby="quota-title" data-testid="quota-panel">
            <h3 id="quota-title">"Surge quota"</h3>
            <p class="muted">
                "Extra regional vCPUs per VM family while a cluster's pools upgrade, one after another: the largest pool sets the peak."
            </p>
            <div class="tl-table-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Cluster"</th>
                            <th scope="col">"Peak extra vCPUs"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i let:i>
                            <QuotaRow i projection />
                        </For>
                    </tbody>
                </table>
            </div>
            <h4 id="quota-free-title">"Against free quota"</h4>
            <p class="muted">
                "Peak surge per subscription and region; its clusters add up (worst case: their windows may overlap). Enter each quota's limit and used vCPUs as "
                <code>"az vm list-usage"</code>
                " shows them, or paste its output below."
            </p>
            <div class="tl-table-wrap quota-free-wrap">
                <table class="data-table quota-free" aria-labelledby="quota-free-title" data-testid="quota-free">
                    <thead>
                        <tr>
                            <th scope="col">"Quota"</th>
                            <th scope="col">"Limit"</th>
                            <th scope="col">"Used"</th>
                            <th scope="col">"Verdict"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..row_count.get() key=|i| *i let:i>
                            <CheckRow i rows projection />
                        </For>
                    </tbody>
                </table>
            </div>
            <PasteUsage projection />
        </section>
    }
}

#[component]
fn QuotaRow(i: usize, projection: Memo<Projection>) -> impl IntoView {
    let row = Memo::new(move |_| {
        projection.with(|p| {
            p.quota.clusters.get(i).map(|c| {
                let mut peak = format_families(&c.peak);
                if !c.unknown_sizes.is_empty() {
                    peak.push_str(&format!(
                        " (vCPUs unknown for {}: enter them under Assumptions)",
                        c.unknown_sizes.join(", ")
                    ));
                }
                (c.cluster.clone(), peak)
            })
        })
    });
    move || {
        row.get().map(|(name, peak)| {
            view! {
                <tr data-testid=format!("quota-row-{i}")>
                    <th scope="row">{name}</th>
                    <td>{peak}</td>
                </tr>
            }
        })
    }
}

/// `contoso-prod / westeurope (aks-prod-weu)`, or why the figures are incomplete.
fn region_text(r: &RegionQuota) -> String {
    let mut text = place(&r.subscription, &r.location);
    if r.clusters.is_empty() {
        text.push_str(": no cluster of the plan is here");
    } else {
        text.push_str(&format!(" ({})", r.clusters.join(", ")));
    }
    if r.incomplete {
        text.push_str("; some sizes have unknown vCPUs: figures are lower bounds");
    }
    text
}

/// `contoso-prod / westeurope`.
fn place(subscription: &str, location: &str) -> String {
    let or = |s: &str, none: &str| {
        if s.is_empty() {
            none.to_owned()
        } else {
            s.to_owned()
        }
    };
    format!(
        "{} / {}",
        or(subscription, "(no subscription)"),
        or(location, "(no region)")
    )
}

/// One quota row's fixed part.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct RowKey {
    g: usize,
    k: usize,
    subscription: String,
    location: String,
    /// `contoso-prod / westeurope (aks-prod-weu)`.
    place: String,
    /// ARM usage name.
    name: String,
    label: String,
}

#[component]
fn CheckRow(i: usize, rows: Memo<Vec<RowKey>>, projection: Memo<Projection>) -> impl IntoView {
    let state = use_plan_state();
    let r = Memo::new(move |_| rows.with(|rows| rows.get(i).cloned().unwrap_or_default()));
    // (limit, used, verdict) as text.
    let live = Memo::new(move |_| {
        let (g, k) = r.with(|r| (r.g, r.k));
        projection.with(|p| {
            p.quota
                .regions
                .get(g)
                .and_then(|r| r.checks.get(k))
                .map(|c| {
                    let text = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
                    (text(c.limit), text(c.current_value), c.verdict())
                })
                .unwrap_or_default()
        })
    });
    // Ids by position in the table, as `quota-{region}-{row}`.
    let id = r.with_untracked(|r| format!("quota-{}-{}", r.g, r.k));
    let limit_group = format!("{id}-limit");
    let used_group = format!("{id}-used");
    let set_limit = Callback::new(move |text: String| {
        let value = parse_optional_number(&text).map_err(|e| e.to_string())?;
        let r = r.get_untracked();
        state.edit(Some(&limit_group), |p| {
            usage::set_limit(
                &mut p.compute_usages,
                &r.subscription,
                &r.location,
                &r.name,
                value.map(u64::from),
            );
        });
        Ok(())
    });
    let set_used = Callback::new(move |text: String| {
        // Blank used is 0, as for a quota nothing runs on yet.
        let value = parse_optional_number(&text).map_err(|e| e.to_string())?;
        if value.is_none() && live.with_untracked(|l| l.0.is_empty()) {
            return Ok(());
        }
        let r = r.get_untracked();
        state.edit(Some(&used_group), |p| {
            usage::set_current_value(
                &mut p.compute_usages,
                &r.subscription,
                &r.location,
                &r.name,
                value.map_or(0, u64::from),
            )
            .map_err(|e| e.to_string())
        })
    });
    let label = move |what: &str| {
        r.with(|r| {
            format!(
                "{what} of {} in {}",
                r.label,
                place(&r.subscription, &r.location)
            )
        })
    };
    view! {
        <tr data-testid=id.clone()>
            <th scope="row">
                {move || r.with(|r| r.label.clone())}
                <span class="quota-place">{move || r.with(|r| r.place.clone())}</span>
            </th>
            <td>
                <QuotaInput
                    id=format!("{id}-limit")
                    label=Signal::derive(move || label("Limit"))
                    value=Signal::derive(move || live.with(|l| l.0.clone()))
                    on_input=set_limit
                    state
                />
            </td>
            <td>
                <QuotaInput
                    id=format!("{id}-used")
                    label=Signal::derive(move || label("Used"))
                    value=Signal::derive(move || live.with(|l| l.1.clone()))
                    on_input=set_used
                    state
                />
            </td>
            <td data-testid=format!("{id}-verdict")>{move || live.with(|l| l.2.clone())}</td>
        </tr>
    }
}

/// A number cell applied on every keystroke; refused text keeps the plan's value and says why
/// under the input until the text parses or the plan's value changes (undo).
#[component]
fn QuotaInput(
    id: String,
    label: Signal<String>,
    value: Signal<String>,
    on_input: Callback<String, Result<(), String>>,
    state: PlanState,
) -> impl IntoView {
    let refused: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let error = Memo::new(move |_| {
        refused.with(|r| {
            r.as_ref()
                .filter(|(against, _)| *against == value.get())
                .map(|(_, message)| message.clone())
        })
    });
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <input
            id=id.clone()
            data-testid=id
            class="quota-input"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            aria-label=move || label.get()
            aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
            aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
            prop:value=move || value.get()
            on:input:target=move |ev| {
                match on_input.run(ev.target().value()) {
                    Ok(()) => refused.set(None),
                    Err(message) => refused.set(Some((value.get_untracked(), message))),
                }
            }
            on:blur=move |_| state.seal_history()
        />
        <p
            class="field-error"
            id=error_id.clone()
            data-testid=error_id
            role="alert"
            hidden=move || error.with(Option::is_none)
        >
            {move || error.get().map(|e| format!("{e}. The plan keeps {}.", kept(&value.get()))).unwrap_or_default()}
        </p>
    }
}

/// What the plan keeps while a cell's text is refused.
fn kept(value: &str) -> String {
    if value.is_empty() {
        "it unset".to_owned()
    } else {
        value.to_owned()
    }
}

/// Paste `az vm list-usage -o json` for one subscription and region: the quotas its rows need
/// are filled in one undoable edit; garbage says why and changes nothing.
#[component]
fn PasteUsage(projection: Memo<Projection>) -> impl IntoView {
    let state = use_plan_state();
    let choices = Memo::new(move |_| {
        projection.with(|p| {
            p.quota
                .regions
                .iter()
                .map(|r| place(&r.subscription, &r.location))
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(0usize);
    let text = RwSignal::new(String::new());
    // Ok(message) after a fill, Err(message) for unreadable text.
    let outcome: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let location = Memo::new(move |_| {
        projection.with(|p| {
            p.quota
                .regions
                .get(chosen.get())
                .map(|r| r.location.clone())
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| "REGION".to_owned())
        })
    });
    let fill = move |_| {
        let g = chosen.get_untracked();
        let target = projection.with_untracked(|p| {
            p.quota.regions.get(g).map(|r| {
                let wanted: Vec<String> = r.checks.iter().map(|c| c.name.clone()).collect();
                (r.subscription.clone(), r.location.clone(), wanted)
            })
        });
        let Some((subscription, location, wanted)) = target else {
            return;
        };
        let result = text.with_untracked(|t| parse_list_usage(t)).map(|pasted| {
            let outcome = state.edit(None, |p| {
                fill_from_list(
                    &mut p.compute_usages,
                    &subscription,
                    &location,
                    &pasted,
                    &wanted,
                )
            });
            outcome.message(&subscription, &location)
        });
        if result.is_ok() {
            text.set(String::new());
        }
        outcome.set(Some(result.map_err(|e| e.to_string())));
    };
    view! {
        <details class="quota-paste" data-testid="quota-paste" hidden=move || choices.with(Vec::is_empty)>
                <summary>"Paste az vm list-usage output"</summary>
                <div class="field">
                    <label for="quota-paste-region">"Subscription and region"</label>
                    <select
                        id="quota-paste-region"
                        data-testid="quota-paste-region"
                        on:change:target=move |ev| {
                            chosen.set(ev.target().value().parse().unwrap_or(0));
                            outcome.set(None);
                        }
                    >
                        {move || {
                            choices
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(g, label)| {
                                    view! {
                                        <option value=g.to_string() prop:selected=move || chosen.get() == g>
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <p class="hint" id="quota-paste-help">
                    "Run "
                    <code>{move || format!("az vm list-usage --location {} --subscription <id> -o json", location.get())}</code>
                    " and paste all of its output (the REST response works too). Only the quotas listed above are kept."
                </p>
                <label for="quota-paste-text" class="field-label">"az vm list-usage JSON"</label>
                <textarea
                    id="quota-paste-text"
                    data-testid="quota-paste-text"
                    class="import-text"
                    rows="6"
                    spellcheck="false"
                    autocomplete="off"
                    wrap="off"
                    aria-describedby="quota-paste-help"
                    prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())
                ></textarea>
                <button
                    type="button"
                    class="btn btn-primary"
                    data-testid="quota-paste-run"
                    disabled=move || text.with(|t| t.trim().is_empty())
                    on:click=fill
                >
                    "Fill the quotas"
                </button>
                <p
                    class="field-error"
                    data-testid="quota-paste-error"
                    role="alert"
                    hidden=move || !matches!(outcome.get(), Some(Err(_)))
                >
                    {move || match outcome.get() {
                        Some(Err(message)) => format!("{message} The plan is unchanged."),
                        _ => String::new(),
                    }}
                </p>
                <p class="import-status" data-testid="quota-paste-status" role="status" aria-live="polite">
                    {move || match outcome.get() {
                        Some(Ok(message)) => message,
                        _ => String::new(),
                    }}
                </p>
            </details>
    }
}
