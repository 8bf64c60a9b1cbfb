//! The Leptos app: a thin layer of views over `crate::rules`. It never re-implements a rule.

use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let plan = crate::rules::demo::demo_plan();
    view! {
        <main>
            <h1>"AKS node OS upgrade planner"</h1>
            <p data-testid="cluster-count">{plan.clusters.len()} " clusters"</p>
            <ul>{plan.clusters.into_iter().map(|c| view! { <li>{c.name}</li> }).collect_view()}</ul>
        </main>
    }
}
