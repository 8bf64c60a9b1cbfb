//! A "Copy" button with its own polite live region, so a screen reader hears "Copied" (or why
//! not) and sighted users see a tick and words, not a colour change alone.
//!
//! One message at a time: the buttons of a view share an [`ActionStatus`] (the Export tab
//! provides one), so a newer copy or download replaces the older message instead of piling up
//! next to every button, and the message clears itself after a while.

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::ui::clipboard;

/// How long a copy or download message stays.
const SHOWN_FOR: Duration = Duration::from_secs(6);

/// What the last action did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(String),
    Failed(String),
}

/// The one action message of a view and which control it belongs to.
#[derive(Clone, Copy)]
pub struct ActionStatus {
    current: RwSignal<Option<(String, Outcome)>>,
    generation: StoredValue<u32>,
}

impl ActionStatus {
    fn new() -> Self {
        ActionStatus {
            current: RwSignal::new(None),
            generation: StoredValue::new(0),
        }
    }

    /// A shared status for the controls rendered below the caller.
    pub fn provide() {
        provide_context(ActionStatus::new());
    }

    /// The shared status, or a private one outside a provider.
    pub fn use_or_new() -> Self {
        use_context::<ActionStatus>().unwrap_or_else(ActionStatus::new)
    }

    /// Shows `outcome` next to the control `owner`, replacing any other message, and clears
    /// it after [`SHOWN_FOR`] unless a newer message came meanwhile. A view closed meanwhile
    /// (the user went to another tab before a copy finished) shows nothing.
    pub fn report(self, owner: &str, outcome: Outcome) {
        if self
            .current
            .try_set(Some((owner.to_owned(), outcome)))
            .is_some()
        {
            return;
        }
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        let mine = self.generation.get_value();
        set_timeout(
            move || {
                if self.generation.try_get_value() == Some(mine) {
                    let _ = self.current.try_set(None);
                }
            },
            SHOWN_FOR,
        );
    }
}

/// The live region of control `owner` (test id `{owner}-status`): the shared message when it
/// is this control's, else empty.
#[component]
pub fn ActionStatusRegion(owner: String, status: ActionStatus) -> impl IntoView {
    let id = format!("{owner}-status");
    let mine = move || {
        status.current.with(|c| {
            c.as_ref()
                .filter(|(o, _)| *o == owner)
                .map(|(_, outcome)| outcome.clone())
        })
    };
    view! {
        <span class="copy-status" id=id.clone() data-testid=id role="status" aria-live="polite">
            {move || match mine() {
                Some(Outcome::Done(text)) => view! {
                    <span class="copied"><span aria-hidden="true">"✓ "</span>{text}</span>
                }.into_any(),
                Some(Outcome::Failed(text)) => view! {
                    <span class="copy-failed"><span aria-hidden="true">"! "</span>{text}</span>
                }.into_any(),
                None => ().into_any(),
            }}
        </span>
    }
}

/// What a copy button copies, as known at click time.
pub enum CopyText {
    /// The text (`None` = nothing to copy, e.g. a plan with errors).
    Now(Option<String>),
    /// A text still being computed (by the exports worker); `Err` says why there is none.
    Later(Pin<Box<dyn Future<Output = Result<String, String>>>>),
}

impl From<Option<String>> for CopyText {
    fn from(text: Option<String>) -> Self {
        CopyText::Now(text)
    }
}

/// Copies the text `text` returns at click time. The status is test id `{testid}-status`.
#[component]
pub fn CopyButton(
    testid: String,
    label: String,
    /// Called on click; the text to copy.
    #[prop(into)]
    text: Callback<(), CopyText>,
    /// What the status says was copied, e.g. "the share link".
    #[prop(optional)]
    what: &'static str,
    #[prop(optional)] primary: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let status = ActionStatus::use_or_new();
    let owner = testid.clone();
    let on_click = move |_| {
        let owner = owner.clone();
        let pending = match text.run(()) {
            CopyText::Now(None) => {
                status.report(&owner, Outcome::Failed("nothing to copy".into()));
                return;
            }
            CopyText::Now(Some(content)) => Box::pin(async move { Ok(content) }),
            CopyText::Later(pending) => pending,
        };
        leptos::task::spawn_local(async move {
            let content = match pending.await {
                Ok(content) => content,
                Err(message) => {
                    status.report(&owner, Outcome::Failed(format!("Not copied: {message}")));
                    return;
                }
            };
            let result = clipboard::copy_text(&content).await;
            let chars = content.chars().count();
            let thing = if what.is_empty() { "text" } else { what };
            status.report(
                &owner,
                match result {
                    Ok(()) => Outcome::Done(format!("Copied {thing} ({chars} characters)")),
                    Err(message) => Outcome::Failed(format!("Not copied: {message}")),
                },
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
                aria-describedby=status_id
                disabled=move || disabled.get()
                on:click=on_click
            >
                {label}
            </button>
            <ActionStatusRegion owner=testid status=status />
        </span>
    }
}
