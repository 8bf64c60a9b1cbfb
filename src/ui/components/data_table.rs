//! The one table of figures: a scrolling wrapper, a `data-table` with one header row of column
//! headings, and the rows the caller gives as children (built once and updated in place, see
//! [`crate::ui::components::cells`]). The cost, exposure, quota and VM price tables use it, so
//! they look, scroll and read (`scope="col"`) the same.

use leptos::prelude::*;

/// Column headings: each a fixed text or a reactive one (`Price per hour (USD)`).
pub fn headings<const N: usize>(texts: [&'static str; N]) -> Vec<TextProp> {
    texts.into_iter().map(TextProp::from).collect()
}

#[component]
pub fn DataTable(
    /// The column headings, left to right.
    headings: Vec<TextProp>,
    /// The table's test id (and nothing when blank).
    #[prop(optional)]
    testid: &'static str,
    /// The id of the heading that names the table.
    #[prop(optional)]
    labelledby: &'static str,
    /// Extra classes of the table and of its scrolling wrapper.
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] wrap_class: &'static str,
    /// The rows (`<tr>`s), usually a `For`.
    children: Children,
) -> impl IntoView {
    let some = |s: &'static str| (!s.is_empty()).then_some(s);
    view! {
        <div class=format!("tl-table-wrap {wrap_class}")>
            <table
                class=format!("data-table {class}")
                data-testid=some(testid)
                aria-labelledby=some(labelledby)
            >
                <thead>
                    <tr>
                        {headings
                            .into_iter()
                            .map(|h| view! { <th scope="col">{move || h.get()}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
