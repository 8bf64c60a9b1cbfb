//! Lists whose rows are keyed by an index (a cluster, a node pool, a blackout, a table row),
//! all drawn by ONE instance of Leptos's `For`. `For` is generic over its items, key and
//! closures, so every `<For>` written in a component compiles to its own copy of the keyed
//! diff and of the row mounting (about 3 KB of wasm each before wasm-opt); the lists here share
//! one copy, and each call site adds only its two small closures (README "Bundle-size levers").
//! Same behaviour as `<For each=… key=|i| *i let:i>`: a row whose index stays keeps its DOM
//! nodes (and the focus in them), and each row has its own reactive owner.

use std::sync::Arc;

use leptos::prelude::*;

/// The indices to draw, in order.
type Indices = Box<dyn Fn() -> Vec<usize> + Send>;
/// The row drawn for an index.
type Row = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// Draws `row(i)` for each index `each()` returns, keyed by the index.
pub fn index_list<V: IntoView + 'static>(
    each: impl Fn() -> Vec<usize> + Send + 'static,
    row: impl Fn(usize) -> V + Send + Sync + 'static,
) -> AnyView {
    keyed(Box::new(each), Arc::new(move |i| row(i).into_any()))
}

/// The one `For` of every index list.
fn keyed(each: Indices, row: Row) -> AnyView {
    view! {
        <For each=move || each() key=|i| *i let:i>
            {row(i)}
        </For>
    }
    .into_any()
}
