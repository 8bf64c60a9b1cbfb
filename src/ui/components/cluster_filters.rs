//! Above the cluster list: search, filters by environment, ring, subscription, region and tag
//! (`rules::bulk::Filter`), and the selection for a bulk edit (select what is shown, clear,
//! open the bulk editor). Every control is a native input, select or button.

use leptos::prelude::*;

use crate::rules::bulk::Filter;
use crate::rules::words::count;
use crate::ui::focus::focus_when_drawn;
use crate::ui::lazy::{LazyPart, Part};
use crate::ui::selection::use_selection;
use crate::ui::state::{Tab, use_plan_state};

/// The value of the "any" choice of a filter select.
const ANY: &str = "";

#[component]
pub fn ClusterFilters() -> impl IntoView {
    let state = use_plan_state();
    let selection = use_selection();
    let filter = selection.filter;
    let open = selection.filters_open;
    let shown = selection.shown;
    let selected = Memo::new(move |_| selection.count());
    let total = state.cluster_count;
    let edit_selected = move |_| {
        if state.tab.get_untracked() != Tab::Plan {
            state.tab.set(Tab::Plan);
        }
        // The bulk editor is loaded on first use (`ui::lazy`).
        focus_when_drawn(vec!["bulk-editor".to_owned()]);
    };
    view! {
        <div class="cluster-filters" data-testid="cluster-filters">
            <label class="visually-hidden" for="cluster-search">"Search clusters"</label>
            <input
                type="search"
                id="cluster-search"
                data-testid="cluster-search"
                placeholder="Search name, group, region, tag"
                prop:value=move || filter.with(|f| f.text.clone())
                on:input:target=move |ev| filter.update(|f| f.text = ev.target().value())
            />
            <button
                type="button"
                class="btn btn-quiet"
                data-testid="toggle-filters"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                // Only while the filters are on the page (a dangling reference is an error
                // for assistive technology).
                aria-controls=move || open.get().then_some("cluster-facets")
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { "Hide filters" } else { "Filters" }}
            </button>
            // The id the toggle's `aria-controls` names is here, not in the part, so that it
            // names an element while the part loads (or says it could not be loaded).
            <Show when=move || open.get()>
                <div id="cluster-facets">
                    <LazyPart part=Part::Filters />
                </div>
            </Show>
            <p class="filter-summary" data-testid="filter-summary" aria-live="polite">
                {move || {
                    let (n, all) = (shown.with(Vec::len), total.get());
                    if n == all { format!("{} in the plan", count(all, "cluster", "clusters")) } else { format!("{n} of {all} found") }
                }}
                {move || match selected.get() {
                    0 => String::new(),
                    n => format!("; {n} selected"),
                }}
            </p>
            <div class="selection-actions">
                <button type="button" class="btn" data-testid="select-shown" on:click=move |_| selection.select_shown()>
                    "Select all found"
                </button>
                <Show when=move || selected.get() != 0>
                    <button type="button" class="btn" data-testid="select-none" on:click=move |_| selection.clear()>
                        "Clear selection"
                    </button>
                    <button type="button" class="btn btn-primary" data-testid="edit-selected" on:click=edit_selected>
                        {move || format!("Edit {} selected", selected.get())}
                    </button>
                </Show>
            </div>
        </div>
    }
}

/// One select per facet that has values in the plan.
/// Loaded on first use (`ui::lazy`): most visits never open the filters.
#[component]
pub fn Facets() -> impl IntoView {
    let selection = use_selection();
    let facets = selection.facets;
    let filter = selection.filter;
    let facet = move |id: &'static str,
                      label: &'static str,
                      values: fn(&crate::rules::bulk::Facets) -> Vec<(String, String)>,
                      get: fn(&Filter) -> String,
                      set: fn(&mut Filter, Option<String>)| {
        let options = Memo::new(move |_| facets.with(values));
        view! {
            <Show when=move || options.with(|o| !o.is_empty())>
                <div class="field facet">
                    <label for=id>{label}</label>
                    <select
                        id=id
                        data-testid=id
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            filter.update(|f| set(f, (v != ANY).then_some(v)));
                        }
                    >
                        <option value=ANY prop:selected=move || filter.with(|f| get(f).is_empty())>"any"</option>
                        {move || options.get().into_iter().map(|(value, text)| {
                            let chosen = value.clone();
                            view! {
                                <option value=value prop:selected=move || filter.with(|f| get(f) == chosen)>{text}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
            </Show>
        }
    };
    view! {
        <div class="facets" data-testid="cluster-facets">
            {facet("filter-environment", "Environment", |f| plain(&f.environments),
                |f| f.environment.clone().unwrap_or_default(), |f, v| f.environment = v)}
            {facet("filter-ring", "Ring", |f| plain(&f.rings),
                |f| f.ring.clone().unwrap_or_default(), |f, v| f.ring = v)}
            {facet("filter-subscription", "Subscription", |f| plain(&f.subscriptions),
                |f| f.subscription.clone().unwrap_or_default(), |f, v| f.subscription = v)}
            {facet("filter-region", "Region", |f| plain(&f.regions),
                |f| f.region.clone().unwrap_or_default(), |f, v| f.region = v)}
            {facet("filter-tag", "Tag",
                |f| f.tags.iter().map(|(k, v)| (format!("{k}={v}"), format!("{k} = {v}"))).collect(),
                |f| f.tag.as_ref().map(|(k, v)| format!("{k}={v}")).unwrap_or_default(),
                |f, v| f.tag = v.and_then(|v| v.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned()))))}
        </div>
    }
}

/// Choices whose value is their label.
fn plain(values: &[String]) -> Vec<(String, String)> {
    values.iter().map(|v| (v.clone(), v.clone())).collect()
}
