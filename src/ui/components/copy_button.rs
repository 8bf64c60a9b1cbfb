//! A "Copy" button with its own polite live region, so a screen reader hears "Copied" (or why
//! not) and sighted users see a tick and words, not a colour change alone.

use leptos::prelude::*;
use std::time::Duration;

use crate::ui::clipboard;

/// What the last click did.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Copied(String),
    Failed(String),
}

/// Copies the text `text` returns at click time (`None` = nothing to copy, e.g. a plan with
/// errors). The status is test id `{testid}-status`.
#[component]
pub fn CopyButton(
    testid: String,
    label: String,
    /// Called on click; the text to copy.
    #[prop(into)]
    text: Callback<(), Option<String>>,
    /// What the status says was copied, e.g. "the share link".
    #[prop(optional)]
    what: &'static str,
    #[prop(optional)] primary: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    let generation = StoredValue::new(0u32);
    let on_click = move |_| {
        let Some(content) = text.run(()) else {
            outcome.set(Some(Outcome::Failed("nothing to copy".into())));
            return;
        };
        leptos::task::spawn_local(async move {
            let result = clipboard::copy_text(&content).await;
            let chars = content.chars().count();
            let thing = if what.is_empty() { "text" } else { what };
            outcome.set(Some(match result {
                Ok(()) => Outcome::Copied(format!("Copied {thing} ({chars} characters)")),
                Err(message) => Outcome::Failed(format!("Not copied: {message}")),
            }));
            // The message fades after a while; a newer click keeps its own.
            generation.update_value(|g| *g = g.wrapping_add(1));
            let mine = generation.get_value();
            set_timeout(
                move || {
                    if generation.get_value() == mine {
                        outcome.set(None);
                    }
                },
                Duration::from_secs(6),
            );
        });
    };
    let status_id = format!("{testid}-status");
    view! {
        <span class="copy">
            <button
                type="button"
                class=if primary { "btn btn-primary" } else { "btn" }
                data-testid=testid.clone()
                aria-describedby=status_id.clone()
                disabled=move || disabled.get()
                on:click=on_click
            >
                {label}
            </button>
            <span class="copy-status" id=status_id.clone() data-testid=status_id role="status" aria-live="polite">
                {move || match outcome.get() {
                    Some(Outcome::Copied(text)) => view! {
                        <span class="copied"><span aria-hidden="true">"✓ "</span>{text}</span>
                    }.into_any(),
                    Some(Outcome::Failed(text)) => view! {
                        <span class="copy-failed"><span aria-hidden="true">"! "</span>{text}</span>
                    }.into_any(),
                    None => ().into_any(),
                }}
            </span>
        </span>
    }
}
