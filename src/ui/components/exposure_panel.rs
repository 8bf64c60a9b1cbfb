//! Exposure (issue 4): per cluster and for the fleet, the typical and worst time from a
//! release to a pool running it, against the user's SLA, with the pools that miss it named.
//! The table draws the clusters the cluster list finds, worst first, a page at a time
//! (`paged`); the fleet figures always cover every cluster.

use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::assumptions::AssumptionKey;
use crate::rules::eta::sla::presets_by_days;
use crate::rules::projection::Projection;
use crate::rules::projection::assumption_edit::set_input;
use crate::rules::projection::exposure::{ClusterExposure, ExposureStats, TYPICAL_MEANS};
use crate::ui::components::cells::text;
use crate::ui::components::data_table::{DataTable, headings};
use crate::ui::components::field::{SelectField, TextField};
use crate::ui::components::index_list::index_list;
use crate::ui::components::paged::{MoreRows, Pager, cluster_rows, plain_listing};
use crate::ui::state::use_plan_state;
use crate::view::format::exposure_text;
use crate::view::paging::worst_exposure_first;

/// The preset choices: `""` = the number of days typed below.
fn preset_options() -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "Your own number of days".to_owned())];
    options.extend(
        presets_by_days()
            .into_iter()
            .map(|(d, label)| (d.to_string(), label)),
    );
    options
}

/// Pools missing the SLA named at first (and how many more each "Show more" adds): the list
/// stands above the table, which shows every cluster's verdict.
const MISSING_PAGE: usize = 10;

/// "meets" / "misses" in words and with an icon, never by colour alone.
fn verdict(stats: &ExposureStats) -> (&'static str, &'static str) {
    if stats.misses_sla {
        ("✗", "misses the SLA")
    } else if stats.worst_minutes.is_some() {
        ("✓", "within the SLA")
    } else if stats.aks_determined > 0 {
        ("?", "AKS-determined")
    } else {
        ("–", "nothing projected")
    }
}

fn unknowns(stats: &ExposureStats) -> String {
    let mut parts = Vec::new();
    if stats.pending > 0 {
        parts.push(format!("{} pending at the horizon end", stats.pending));
    }
    if stats.aks_determined > 0 {
        parts.push(format!("{} AKS-determined", stats.aks_determined));
    }
    parts.join(", ")
}

#[component]
pub fn ExposurePanel(projection: Memo<Arc<Projection>>) -> impl IntoView {
    let state = use_plan_state();
    let sla = Memo::new(move |_| {
        state
            .plan()
            .with(|p| p.assumptions.projection.exposure_sla_days.to_string())
    });
    let on_sla = Callback::new(move |text: String| {
        state
            .edit(Some(AssumptionKey::ExposureSlaDays.as_str()), |plan| {
                set_input(
                    &mut plan.assumptions.projection,
                    AssumptionKey::ExposureSlaDays,
                    &text,
                )
            })
            .map_err(|e| e.to_string())
    });
    let preset = Signal::derive(move || {
        state.plan().with(|p| {
            let days = p.assumptions.projection.exposure_sla_days;
            if presets_by_days().iter().any(|(d, _)| *d == days) {
                days.to_string()
            } else {
                String::new()
            }
        })
    });
    let on_preset = Callback::new(move |days: String| {
        if !days.is_empty() {
            let _ = state.edit(Some(AssumptionKey::ExposureSlaDays.as_str()), |plan| {
                set_input(
                    &mut plan.assumptions.projection,
                    AssumptionKey::ExposureSlaDays,
                    &days,
                )
            });
        }
    });
    let fleet = Memo::new(move |_| projection.with(|p| p.exposure.fleet.clone()));
    let missing = Memo::new(move |_| projection.with(|p| p.exposure.pools_missing_sla.clone()));
    let (pager, rows, listing) = cluster_rows(
        projection,
        |p, found, limit| worst_exposure_first(&p.exposure, found, limit),
        "worst exposure first",
    );
    // Up to every pool of the fleet, above the table: a short page at a time.
    let missing_pager = Pager::new(MISSING_PAGE);
    let missing_listing = plain_listing(
        missing_pager,
        move || missing.with(Vec::len),
        ("pool", "pools"),
    );
    view! {
        <section class="card tl-panel" aria-labelledby="exposure-title" data-testid="exposure-panel">
            <h3 id="exposure-title">"Exposure"</h3>
            <p class="muted" data-testid="exposure-measures">
                "Days from a release's publication (before it reaches your region) until a pool runs it."
            </p>
            <SelectField
                id="exposure-sla-preset".to_owned()
                label="Compliance preset"
                options=preset_options()
                value=preset
                on_change=on_preset
                class="tl-sla"
            />
            <TextField
                id="exposure-sla".to_owned()
                label="SLA (days)"
                value=sla
                on_input=on_sla
                inputmode="numeric"
                hint=Signal::derive(|| "Your choice; 14 days by default.".to_owned())
                class="tl-sla"
            />
            <p class="tl-fleet-figures">
                {move || {
                    fleet
                        .with(|f| {
                            let (icon, text) = verdict(f);
                            view! {
                                "Fleet: typical "
                                <strong data-testid="exposure-fleet-typical">{exposure_text(f.typical_minutes, false)}</strong>
                                ", worst "
                                <strong data-testid="exposure-fleet-worst">{exposure_text(f.worst_minutes, f.worst_is_lower_bound)}</strong>
                                " "
                                <span class="tl-verdict" class:misses=f.misses_sla data-testid="exposure-fleet-verdict">
                                    <span aria-hidden="true">{icon}" "</span>
                                    {text}
                                </span>
                            }
                        })
                }}
            </p>
            <p class="muted tl-note" data-testid="exposure-typical-means">{TYPICAL_MEANS}"."</p>
            <Show when=move || missing.with(|m| !m.is_empty())>
                <div class="tl-missing" data-testid="exposure-missing">
                    <p>
                        <span aria-hidden="true">"✗ "</span>
                        {move || format!("{} pool(s) miss the SLA:", missing.with(Vec::len))}
                    </p>
                    <ul>
                        {move || {
                            let limit = missing_pager.limit();
                            missing.with(|m| {
                                m.iter().take(limit).map(|m| view! { <li>{m.clone()}</li> }).collect_view()
                            })
                        }}
                    </ul>
                    <MoreRows pager=missing_pager listing=missing_listing testid="exposure-missing-more" />
                </div>
            </Show>
            <DataTable headings=headings(["Cluster", "Typical", "Worst", "SLA"])>
                {index_list(move || rows.get(), move |i| view! { <ExposureRow i projection /> })}
            </DataTable>
            <MoreRows pager listing testid="exposure-more" />
        </section>
    }
}

/// One row's texts (see [`crate::ui::components::cells`]: the row is built once).
#[derive(Debug, Clone, PartialEq, Default)]
struct RowTexts {
    cluster: String,
    note: String,
    typical: String,
    worst: String,
    /// Icon and words: the icon repeats the words for the eye and is hidden from readers.
    icon: String,
    verdict: &'static str,
    misses: bool,
}

impl RowTexts {
    fn of(c: &ClusterExposure) -> Self {
        let s = &c.stats;
        let (icon, text) = verdict(s);
        let note = unknowns(s);
        RowTexts {
            cluster: c.cluster.clone(),
            note: if note.is_empty() {
                note
            } else {
                format!(" ({note})")
            },
            typical: exposure_text(s.typical_minutes, false),
            worst: exposure_text(s.worst_minutes, s.worst_is_lower_bound),
            icon: format!("{icon} "),
            verdict: text,
            misses: s.misses_sla,
        }
    }
}

#[component]
fn ExposureRow(i: usize, projection: Memo<Arc<Projection>>) -> impl IntoView {
    let row = Memo::new(move |_| {
        projection.with(|p| {
            p.exposure
                .clusters
                .get(i)
                .map(|c| RowTexts::of(c))
                .unwrap_or_default()
        })
    });
    view! {
        <tr data-testid=format!("exposure-row-{i}")>
            <th scope="row">
                {text(row, |r| &r.cluster)}
                <span class="muted small">{text(row, |r| &r.note)}</span>
            </th>
            <td data-testid=format!("exposure-typical-{i}")>{text(row, |r| &r.typical)}</td>
            <td data-testid=format!("exposure-worst-{i}")>{text(row, |r| &r.worst)}</td>
            <td class="tl-verdict" class:misses=move || row.with(|r| r.misses) data-testid=format!("exposure-sla-{i}")>
                <span aria-hidden="true">{text(row, |r| &r.icon)}</span>
                {text(row, |r| r.verdict)}
            </td>
        </tr>
    }
}
