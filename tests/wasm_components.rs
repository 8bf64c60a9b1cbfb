//! Component tests in a real browser (wasm-bindgen-test in headless Chromium, no release
//! build): the one text input's refusal behaviour, the one data table's shape and the one
//! paged list's "Show more", mounted alone with the app's own state. Faster to run and to read than a whole-app journey, and
//! they pin what every field and table of the app inherits.
//!
//! Run (scripts/test.sh does): `CHROMEDRIVER=/usr/bin/chromedriver
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test --target wasm32-unknown-unknown --test wasm_components` (webdriver.json in the
//! crate root passes Chromium its headless flags).

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use planner::rules::assumptions::AssumptionKey;
use planner::rules::projection::assumption_edit::set_input;
use planner::ui::components::data_table::{DataTable, headings};
use planner::ui::components::field::TextField;
use planner::ui::components::paged::{MoreRows, Pager, plain_listing};
use planner::ui::state::PlanState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the reactive system run the effects a change scheduled (they run as tasks).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A fresh element in the page to mount into.
fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

fn find(host: &Element, selector: &str) -> Option<Element> {
    host.query_selector(selector).unwrap()
}

/// Types `text` into the input as a user does: sets it and fires `input`.
fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_refused_entry_keeps_the_plan_value_and_says_so_until_it_changes() {
    let host = host();
    let state = StoredValue::new(None::<PlanState>);
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        let plan = PlanState::open();
        provide_context(plan);
        state.set_value(Some(plan));
        let sla = Memo::new(move |_| {
            plan.plan()
                .with(|p| p.assumptions.projection.exposure_sla_days)
        });
        view! {
            <TextField
                id="sla".to_owned()
                label="SLA (days)"
                value=Signal::derive(move || sla.get().to_string())
                on_input=move |text: String| {
                    plan.edit(Some("sla"), |p| set_input(&mut p.assumptions.projection, AssumptionKey::ExposureSlaDays, &text))
                        .map_err(|e| e.to_string())
                }
                hint=Signal::derive(|| "Your choice.".to_owned())
            />
        }
    });
    settle().await;
    let plan = state.get_value().unwrap();
    let sla = move || {
        plan.plan()
            .with_untracked(|p| p.assumptions.projection.exposure_sla_days)
    };
    let before = sla();
    let input: HtmlInputElement = find(&host, "#sla").unwrap().unchecked_into();
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(input.value(), before.to_string());
    assert!(find(&host, "#sla-hint").is_some());

    // Refused: the plan keeps its value, the field is invalid and says why and what it keeps.
    type_into(&input, "soon");
    settle().await;
    assert_eq!(sla(), before);
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = find(&host, "#sla-error")
        .expect("the refusal message")
        .text_content()
        .unwrap();
    assert!(error.contains("`soon` is not a whole number"), "{error}");
    assert!(
        error.contains(&format!("The plan keeps {before}.")),
        "{error}"
    );
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(
        described.split(' ').any(|id| id == "sla-error"),
        "{described}"
    );
    // The hint describes a working value, so it gives way while the entry is refused.
    assert!(find(&host, "#sla-hint").is_none());

    // A valid entry applies and clears the message.
    type_into(&input, "21");
    settle().await;
    assert_eq!(sla(), 21);
    assert!(find(&host, "#sla-error").is_none());
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );

    // Refused again, then the plan's value changes (undo): the message is about a value the
    // plan no longer holds, so it goes.
    type_into(&input, "x");
    settle().await;
    assert!(find(&host, "#sla-error").is_some());
    plan.seal_history();
    plan.undo();
    settle().await;
    assert_eq!(sla(), before);
    assert!(find(&host, "#sla-error").is_none());
    assert_eq!(input.value(), before.to_string());
}

#[wasm_bindgen_test]
async fn the_data_table_has_scoped_headings_and_the_given_rows() {
    let host = host();
    let currency = RwSignal::new("USD".to_owned());
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        let mut cols = headings(["Cluster"]);
        cols.push(TextProp::from(move || {
            format!("Per month ({})", currency.get())
        }));
        view! {
            <DataTable headings=cols testid="costs" labelledby="costs-title">
                <tr><th scope="row">"aks-a"</th><td>"1.00"</td></tr>
                <tr><th scope="row">"aks-b"</th><td>"2.00"</td></tr>
            </DataTable>
        }
    });
    settle().await;
    let table = find(&host, "[data-testid=\"costs\"]").expect("the table");
    assert_eq!(
        table.get_attribute("aria-labelledby").as_deref(),
        Some("costs-title")
    );
    assert!(table.class_list().contains("data-table"));
    let heads = table.query_selector_all("thead th[scope=\"col\"]").unwrap();
    assert_eq!(heads.length(), 2);
    assert_eq!(table.query_selector_all("tbody tr").unwrap().length(), 2);
    let second = || heads.item(1).unwrap().text_content().unwrap();
    assert_eq!(second(), "Per month (USD)");
    currency.set("EUR".to_owned());
    settle().await;
    assert_eq!(second(), "Per month (EUR)");
    assert!(
        table
            .parent_element()
            .unwrap()
            .class_list()
            .contains("tl-table-wrap"),
        "the scroll wrapper"
    );
}

#[wasm_bindgen_test]
async fn a_paged_list_draws_a_page_then_more_then_all_and_says_how_many() {
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        // Seven items, two a page: the numbers an independent count gives below.
        let pager = Pager::new(2);
        let listing = plain_listing(pager, || 7, ("item", "items"));
        view! {
            <ul>
                {move || (0..7).take(pager.limit()).map(|i| view! { <li>{i}</li> }).collect_view()}
            </ul>
            <MoreRows pager listing testid="items-more" />
        }
    });
    settle().await;
    let items = || host.query_selector_all("li").unwrap().length();
    let text = |id: &str| {
        find(&host, &format!("[data-testid=\"{id}\"]")).map(|e| e.text_content().unwrap())
    };
    let click = |id: &str| {
        find(&host, &format!("[data-testid=\"{id}\"]"))
            .expect(id)
            .unchecked_into::<web_sys::HtmlElement>()
            .click()
    };
    assert_eq!(items(), 2);
    assert_eq!(
        text("items-more-note").as_deref(),
        Some("Showing 2 of 7 items.")
    );
    assert_eq!(text("items-more").as_deref(), Some("Show 2 more"));
    assert_eq!(text("items-more-all").as_deref(), Some("Show all 7"));
    click("items-more");
    settle().await;
    assert_eq!(items(), 4);
    assert_eq!(
        text("items-more-note").as_deref(),
        Some("Showing 4 of 7 items.")
    );
    click("items-more-all");
    settle().await;
    assert_eq!(items(), 7);
    // Every item drawn: the buttons go, the line stays and says so.
    assert_eq!(text("items-more"), None);
    assert_eq!(text("items-more-all"), None);
    assert_eq!(
        text("items-more-note").as_deref(),
        Some("Showing 7 of 7 items.")
    );
    let note = find(&host, "[data-testid=\"items-more-note\"]").unwrap();
    assert_eq!(note.id(), "items-more-note");
    assert_eq!(note.get_attribute("tabindex").as_deref(), Some("-1"));
}
