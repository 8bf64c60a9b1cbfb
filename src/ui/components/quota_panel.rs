//! Surge quota (issue 4, docs/aks-rules.md §4.2–4.3): the extra regional vCPUs per VM family each
//! cluster needs while its pools surge, and per subscription and region the worst case against
//! the free quota the user enters (limit and used, as `az vm list-usage` shows them) or pastes
//! (its raw JSON). A cluster's figure is the sum over its pools (the AKS capacity doc) or, under
//! the labelled alternative reading, its largest pool's; clusters of one subscription and region
//! add up (their windows may overlap). Every
//! figure and verdict comes from `rules::projection::quota`; edits go through
//! `PlanState::edit` (undo, autosave) and `rules::usage`. Both tables draw a page at a time
//! (`paged`): the clusters the cluster list finds, largest surge first; the quotas in order.

use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::edit::parse_optional_number;
use crate::rules::projection::Projection;
use crate::rules::projection::assumptions::SurgeQuotaReading;
use crate::rules::projection::quota::{RegionQuota, SurgeQuota, format_families};
use crate::rules::usage;
use crate::ui::components::data_table::{DataTable, headings};
use crate::ui::components::field::{SelectField, TextField};
use crate::ui::components::index_list::index_list;
use crate::ui::components::paged::{MoreRows, Pager, cluster_rows, plain_listing};
use crate::ui::components::quota_paste::PasteUsage;
use crate::ui::state::use_plan_state;
use crate::view::paging::{PAGE, largest_surge_first};

#[component]
pub fn QuotaPanel(projection: Memo<Arc<Projection>>) -> impl IntoView {
    let state = use_plan_state();
    let reading = Memo::new(move |_| {
        state
            .plan()
            .with(|p| p.assumptions.projection.surge_quota.as_str().to_owned())
    });
    let (pager, cluster_list, listing) = cluster_rows(
        projection,
        |p, found, limit| largest_surge_first(&p.quota, found, limit),
        "largest surge first",
    );
    // One flat list of rows, keyed by position (an existing `For` key type: bundle size); each
    // row reads its text reactively, so typing keeps focus.
    let rows = Memo::new(move |_| {
        projection.with(|p| {
            let mut rows = Vec::new();
            for (g, r) in p.quota.regions.iter().enumerate() {
                let place = region_text(r, &p.quota);
                let short = r.place();
                rows.extend(r.checks.iter().enumerate().map(|(k, c)| RowKey {
                    g,
                    k,
                    subscription: r.subscription.clone(),
                    location: r.location.clone(),
                    place: place.clone(),
                    short: short.clone(),
                    name: c.name.clone(),
                    label: c.label(),
                }));
            }
            rows
        })
    });
    let row_count = Memo::new(move |_| rows.with(Vec::len));
    // In their own order, so that a row being typed in never moves.
    let checks_pager = Pager::new(PAGE);
    let checks_listing = plain_listing(checks_pager, move || row_count.get(), ("quota", "quotas"));
    view! {
        <section class="card tl-panel" aria-labelledby="quota-title" data-testid="quota-panel">
            <h3 id="quota-title">"Surge quota"</h3>
            <p class="muted">
                "Extra regional vCPUs per VM family while a cluster's pools upgrade. How much a cluster reserves at once is a reading of the sources:"
            </p>
            <SelectField
                id="surge-quota-reading".to_owned()
                label="Surge quota reading"
                options=SurgeQuotaReading::ALL
                    .iter()
                    .map(|r| (r.as_str().to_owned(), r.label().to_owned()))
                    .collect()
                value=reading
                on_change=move |v: String| {
                    if let Some(r) = SurgeQuotaReading::ALL.into_iter().find(|r| r.as_str() == v) {
                        state.edit(None, |p| p.assumptions.projection.surge_quota = r);
                    }
                }
            />
            <DataTable headings=headings(["Cluster", "Peak extra vCPUs"])>
                {index_list(move || cluster_list.get(), move |i| view! { <QuotaRow i projection /> })}
            </DataTable>
            <MoreRows pager listing testid="quota-more" />
            <h4 id="quota-free-title">"Against free quota"</h4>
            <p class="muted">
                "Peak surge per subscription and region; its clusters add up (worst case: their windows may overlap). Enter each quota's limit and used vCPUs as "
                <code>"az vm list-usage"</code>
                " shows them, or paste its output below."
            </p>
            <DataTable
                headings=headings(["Quota", "Limit", "Used", "Verdict"])
                testid="quota-free"
                labelledby="quota-free-title"
                class="quota-free"
                wrap_class="quota-free-wrap"
            >
                {index_list(
                    move || (0..row_count.get().min(checks_pager.limit())).collect(),
                    move |i| view! { <CheckRow i rows projection /> },
                )}
            </DataTable>
            <MoreRows pager=checks_pager listing=checks_listing testid="quota-free-more" />
            <PasteUsage projection />
        </section>
    }
}

#[component]
fn QuotaRow(i: usize, projection: Memo<Arc<Projection>>) -> impl IntoView {
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
fn region_text(r: &RegionQuota, quota: &SurgeQuota) -> String {
    let mut text = r.place();
    if r.has_clusters() {
        let names: Vec<&str> = r.cluster_names(quota).collect();
        text.push_str(&format!(" ({})", names.join(", ")));
    } else {
        text.push_str(": no cluster of the plan is here");
    }
    if r.incomplete {
        text.push_str("; some sizes have unknown vCPUs: figures are lower bounds");
    }
    text
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
    /// `contoso-prod / westeurope`.
    short: String,
    /// ARM usage name.
    name: String,
    label: String,
}

#[component]
fn CheckRow(i: usize, rows: Memo<Vec<RowKey>>, projection: Memo<Arc<Projection>>) -> impl IntoView {
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
    let label = move |what: &str| r.with(|r| format!("{what} of {} in {}", r.label, r.short));
    view! {
        <tr data-testid=id.clone()>
            <th scope="row">
                {move || r.with(|r| r.label.clone())}
                <span class="quota-place">{move || r.with(|r| r.place.clone())}</span>
            </th>
            <td>
                <TextField
                    id=format!("{id}-limit")
                    aria_label=Signal::derive(move || label("Limit"))
                    value=Signal::derive(move || live.with(|l| l.0.clone()))
                    on_input=set_limit
                    inputmode="numeric"
                    class="quota-input"
                />
            </td>
            <td>
                <TextField
                    id=format!("{id}-used")
                    aria_label=Signal::derive(move || label("Used"))
                    value=Signal::derive(move || live.with(|l| l.1.clone()))
                    on_input=set_used
                    inputmode="numeric"
                    class="quota-input"
                />
            </td>
            <td data-testid=format!("{id}-verdict")>{move || live.with(|l| l.2.clone())}</td>
        </tr>
    }
}
