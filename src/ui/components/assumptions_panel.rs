//! Every editable estimate of the projection (plan.assumptions.projection) as a labelled input,
//! marked "estimate" where AKS publishes no number, plus the VM price table for the sizes in
//! the plan. Edits go through `PlanState::edit`, so undo works and the plan file keeps them.

use leptos::prelude::*;

use crate::rules::projection::assumption_edit::{
    VmPriceInput, panel_inputs, set_input, set_vm_price, vm_price_inputs,
};
use crate::ui::components::data_table::DataTable;
use crate::ui::components::field::TextField;
use crate::ui::state::use_plan_state;

#[component]
pub fn AssumptionsPanel() -> impl IntoView {
    let state = use_plan_state();
    let plan = state.plan();
    // The list of inputs never changes shape; only values do. It is made once per edit, not
    // once per input per edit.
    let inputs = Memo::new(move |_| plan.with(|p| panel_inputs(&p.assumptions.projection)));
    let fields = inputs
        .get_untracked()
        .into_iter()
        .map(|input| {
            let key = input.key;
            let value = Memo::new(move |_| {
                inputs.with(|all| {
                    all.iter()
                        .find(|i| i.key == key)
                        .map(|i| i.value.clone())
                        .unwrap_or_default()
                })
            });
            let on_input = Callback::new(move |text: String| {
                state
                    .edit(Some(key.as_str()), |p| {
                        set_input(&mut p.assumptions.projection, key, &text)
                    })
                    .map_err(|e| e.to_string())
            });
            let hint = if input.estimate {
                format!("Estimate ({})", input.basis)
            } else {
                format!("From {}", input.basis)
            };
            view! {
                <TextField
                    id=key.dom_id()
                    label=input.label
                    value=value
                    on_input=on_input
                    hint=Signal::derive(move || hint.clone())
                    class=if input.estimate { "tl-assumption estimate" } else { "tl-assumption" }
                />
            }
        })
        .collect_view();
    let prices = Memo::new(move |_| plan.with(vm_price_inputs));
    let sizes =
        Memo::new(move |_| prices.with(|p| p.iter().map(|i| i.size.clone()).collect::<Vec<_>>()));
    let currency =
        Memo::new(move |_| plan.with(|p| p.assumptions.projection.costs.currency.clone()));
    view! {
        <section class="card tl-assumptions" aria-labelledby="assumptions-title" data-testid="assumptions-panel">
            <h3 id="assumptions-title">"Assumptions"</h3>
            <p class="muted">
                "The projection rests on these numbers. Those marked "
                <span class="badge-estimate">"estimate"</span>
                " are not published by AKS; change them to match what you measure."
            </p>
            <div class="tl-assumption-grid">{fields}</div>
            <h4>"VM prices per hour " <span class="badge-estimate">"estimate"</span></h4>
            <DataTable
                headings=vec![
                    "VM size".into(),
                    TextProp::from(move || format!("Price per hour ({})", currency.get())),
                    "Source".into(),
                ]
                testid="vm-prices"
            >
                <For each=move || sizes.get() key=|s| s.clone() let:size>
                    <VmPriceRow size prices />
                </For>
            </DataTable>
        </section>
    }
}

#[component]
fn VmPriceRow(size: String, prices: Memo<Vec<VmPriceInput>>) -> impl IntoView {
    let state = use_plan_state();
    let size_for_row = size.clone();
    let row =
        Memo::new(move |_| prices.with(|p| p.iter().find(|i| i.size == size_for_row).cloned()));
    let value = Signal::derive(move || {
        row.with(|r| r.as_ref().map(|r| r.value.clone()).unwrap_or_default())
    });
    let known = move || row.with(|r| r.as_ref().is_some_and(|r| r.known));
    let id = format!("vm-price-{size}");
    let size_for_edit = size.clone();
    let on_input = Callback::new(move |text: String| {
        state
            .edit(Some(&format!("vm-price-{size_for_edit}")), |p| {
                set_vm_price(&mut p.assumptions.projection, &size_for_edit, &text)
            })
            .map_err(|e| e.to_string())
    });
    let source = move || {
        row.with(|r| match r.as_ref().map(|r| (r.known, r.estimate)) {
            Some((true, true)) => "built-in list price (estimate)",
            Some((true, false)) => "your price",
            _ => "unknown: enter a price",
        })
    };
    let name = format!("Price per hour of {size}");
    view! {
        <tr>
            <th scope="row"><label for=id.clone()>{size.clone()}</label></th>
            <td>
                <TextField
                    id=id
                    aria_label=Signal::derive(move || name.clone())
                    value=value
                    on_input=on_input
                    inputmode="decimal"
                    placeholder="e.g. 0.384"
                />
            </td>
            <td class:unknown=move || !known()>{source}</td>
        </tr>
    }
}
