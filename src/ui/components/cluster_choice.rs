//! A choice of one cluster that stays bounded at any fleet size (issue 11: a `<select>` of
//! 2,000 clusters was 2,000 DOM nodes): its fixed first options ("Whole plan"), the first
//! clusters the cluster list's search and filters find, and the chosen cluster wherever it is.
//! A line under it says how many are listed and that searching the cluster list finds the
//! others (`view::paging::Listing`, the same words as every paged list).

use leptos::prelude::*;

use crate::ui::components::paged::found_clusters;
use crate::view::paging::{Listing, PAGE, offered};

#[component]
pub fn ClusterChoice(
    /// The select's DOM id and test id.
    id: &'static str,
    label: &'static str,
    /// Every cluster's name, by plan index.
    names: Memo<Vec<String>>,
    /// How an option reads, from the cluster's name (`Cluster aks-prod`).
    #[prop(optional)]
    option_text: Option<fn(&str) -> String>,
    /// Options before the clusters, `(value, text)`; the first is chosen when no cluster is.
    #[prop(optional)]
    leading: Vec<(&'static str, &'static str)>,
    /// The chosen cluster, if any.
    #[prop(into)]
    chosen: Signal<Option<usize>>,
    /// The chosen option's value: a leading value or a cluster index.
    on_change: Callback<String>,
) -> impl IntoView {
    let (found, total) = found_clusters();
    let clusters = Memo::new(move |_| found.with(|f| offered(f, chosen.get(), PAGE)));
    let listing = Signal::derive(move || Listing {
        drawn: found.with(|f| f.len().min(PAGE)),
        found: found.with(Vec::len),
        total: total.get(),
        noun: ("cluster", "clusters"),
        order: "",
        follows_search: true,
    });
    let hint_id = format!("{id}-listed");
    let partial = move || listing.with(Listing::is_partial);
    let leading = leading
        .into_iter()
        .enumerate()
        .map(|(k, (value, text))| {
            view! { <option value=value prop:selected=move || k == 0 && chosen.get().is_none()>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                data-testid=id
                aria-describedby=move || partial().then(|| hint_id.clone())
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {leading}
                {move || {
                    clusters
                        .get()
                        .into_iter()
                        .map(|i| {
                            let name = names.with(|n| n.get(i).cloned().unwrap_or_default());
                            let text = option_text.map_or_else(|| name.clone(), |f| f(&name));
                            view! {
                                <option value=i.to_string() prop:selected=move || chosen.get() == Some(i)>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <Show when=partial>
                <p class="hint" id=format!("{id}-listed") data-testid=format!("{id}-listed")>
                    {move || listing.with(Listing::text)}
                </p>
            </Show>
        </div>
    }
}
