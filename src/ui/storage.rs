//! Autosave: the plan lives in local storage under one key, packed by
//! [`rules::saved`](crate::rules::saved) (compressed, so a 5,000-cluster plan fits) with a save
//! generation beside it. Storage goes through `gloo-storage`, the timer through `gloo-timers`,
//! the other tabs' saves arrive through a `gloo-events` listener.
//!
//! No save fails silently, and nothing overwrites work without asking ([`SaveProblem`]):
//! - a refused write (storage full, storage disabled) keeps the plan in this tab, says so, and
//!   retries on the next edit or on "Try again";
//! - an unreadable saved plan is never written over: this tab opens the demo and does not save
//!   until the user has downloaded the saved text or chosen to discard it;
//! - another tab's save is taken over at once when this tab has nothing unsaved; when both tabs
//!   changed the plan, this tab stops saving and asks which version to keep.
//!
//! Writing is debounced: serialising a big plan costs milliseconds, which every keystroke used to
//! pay before its frame was painted. The write waits for [`AUTOSAVE_DELAY`] of quiet and is
//! flushed at once when the page is hidden or left (`visibilitychange` → hidden, `pagehide`).

use gloo_events::EventListener;
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage as Browser, Storage};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::rules::plan::Plan;
use crate::rules::saved::{self, SaveId, SavedPlan};

/// What autosave needs from the app's state (passed in, so that this module does not depend
/// on `state`, which depends on it).
#[derive(Clone, Copy)]
pub struct Host {
    pub plan: ReadSignal<Plan>,
    /// Shows a plan from storage as one undo step, with a message offering Undo.
    pub adopt: Callback<(Plan, &'static str)>,
    /// Shows a status message.
    pub say: Callback<&'static str>,
}

/// The one key holding the plan.
pub const PLAN_KEY: &str = "aks-planner/plan";

/// Quiet time after the last edit before the plan is written, in milliseconds.
pub const AUTOSAVE_DELAY: u32 = 500;

/// Why the plan in this tab is not (or no longer) what is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveProblem {
    /// The browser refused the write; the message says what it said.
    Failed(String),
    /// The saved plan could not be read; it is kept untouched until the user decides.
    Unreadable { text: String, error: String },
    /// Another tab saved while this one had unsaved changes.
    OtherTab,
}

/// What was found in storage when the page opened.
pub enum Loaded {
    Plan {
        plan: Box<Plan>,
        id: SaveId,
        notice: Option<String>,
    },
    Nothing,
    Unreadable {
        text: String,
        error: String,
    },
}

fn storage_available() -> bool {
    // gloo's LocalStorage throws when storage is missing or refused (private modes, disabled
    // cookies): the app then works without autosave rather than failing.
    web_sys::window().is_some_and(|w| w.local_storage().ok().flatten().is_some())
}

/// Reads the saved plan.
pub fn load() -> Loaded {
    if !storage_available() {
        return Loaded::Nothing;
    }
    let Ok(Some(text)) = Browser::raw().get_item(PLAN_KEY) else {
        return Loaded::Nothing;
    };
    match saved::read(&text) {
        Ok(opened) => {
            let notice = (!opened.notices.is_empty()).then(|| {
                let fields: Vec<&str> = opened.notices.iter().map(|n| n.path.as_str()).collect();
                format!(
                    "Your saved plan was opened; {} unknown field(s) were ignored: {}.",
                    fields.len(),
                    fields.join(", ")
                )
            });
            Loaded::Plan {
                plan: Box::new(opened.plan),
                id: opened.id,
                notice,
            }
        }
        Err(error) => Loaded::Unreadable {
            text,
            error: error.to_string(),
        },
    }
}

/// The autosave of one tab. `Copy`: it only holds arena handles.
#[derive(Clone, Copy)]
pub struct Autosave {
    host: Host,
    /// The save this tab last read or wrote.
    last: StoredValue<SaveId>,
    /// This tab's id, written with its saves.
    me: StoredValue<String>,
    /// The pending write: a timer still to fire.
    pending: StoredValue<Option<Timeout>, LocalStorage>,
    /// Set when this tab takes over another tab's plan, so that taking it over is not saved
    /// back as a new generation (which would bounce between the tabs).
    skip_next: StoredValue<bool>,
    pub problem: RwSignal<Option<SaveProblem>>,
}

impl Autosave {
    /// Starts mirroring `state`'s plan to storage. `last` is the save [`load`] read.
    pub fn start(host: Host, last: SaveId, problem: Option<SaveProblem>) -> Self {
        // Unique enough per tab: 53 random bits.
        let me = format!(
            "{:x}",
            (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
        );
        let autosave = Autosave {
            host,
            last: StoredValue::new(last),
            me: StoredValue::new(me),
            pending: StoredValue::new_local(None),
            skip_next: StoredValue::new(false),
            problem: RwSignal::new(problem),
        };
        provide_context(autosave);
        let plan = host.plan;
        // The plan as loaded needs no save. Effects first run after the app has mounted, by
        // when a shared link may already have replaced it: compare, do not assume.
        let loaded = StoredValue::new(Some(plan.get_untracked()));
        Effect::new(move |_| {
            plan.track();
            if let Some(Some(loaded)) = loaded.try_update_value(Option::take)
                && plan.with_untracked(|p| *p == loaded)
            {
                return;
            }
            if autosave.skip_next.try_update_value(std::mem::take) == Some(true) {
                return;
            }
            autosave.schedule();
        });
        let flush = move || {
            if autosave.cancel_pending() {
                autosave.save_now();
            }
        };
        let listeners = [
            // `pagehide` covers reloads, navigation and closing; `visibilitychange` covers a tab
            // or app switched away on mobile, where pagehide may never come.
            EventListener::new(&window(), "pagehide", move |_| flush()),
            EventListener::new(&document(), "visibilitychange", move |_| {
                if document().hidden() {
                    flush();
                }
            }),
            // Fired in every *other* tab of this site when one of them writes storage.
            EventListener::new(&window(), "storage", move |event| {
                if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>()
                    && event.key().as_deref() == Some(PLAN_KEY)
                    && let Some(text) = event.new_value()
                {
                    autosave.other_tab_saved(&text);
                }
            }),
        ];
        let listeners = StoredValue::new_local(Some(listeners));
        on_cleanup(move || {
            listeners.try_set_value(None);
        });
        autosave
    }

    /// Whether a write is waiting for its timer.
    fn has_pending(&self) -> bool {
        self.pending.with_value(Option::is_some)
    }

    /// Cancels the pending write; `true` if there was one.
    fn cancel_pending(&self) -> bool {
        self.pending
            .try_update_value(Option::take)
            .flatten()
            .map(Timeout::cancel)
            .is_some()
    }

    fn schedule(self) {
        self.cancel_pending();
        let timer = Timeout::new(AUTOSAVE_DELAY, move || {
            self.pending.try_set_value(None);
            self.save_now();
        });
        self.pending.set_value(Some(timer));
    }

    /// Writes the plan now, unless that would overwrite something the user has not chosen to
    /// give up (an unreadable save, another tab's newer save).
    pub fn save_now(self) {
        if !storage_available() {
            self.problem.set(Some(SaveProblem::Failed(
                "this browser does not allow this page to use local storage".to_owned(),
            )));
            return;
        }
        if matches!(
            self.problem.get_untracked(),
            Some(SaveProblem::Unreadable { .. } | SaveProblem::OtherTab)
        ) {
            return;
        }
        let last = self.last.get_value();
        if let Some(stored) = stored_id()
            && stored != last
        {
            self.problem.set(Some(SaveProblem::OtherTab));
            return;
        }
        let saved = self
            .host
            .plan
            .with_untracked(|plan| SavedPlan::new(plan, last.generation + 1, &self.me.get_value()));
        match Browser::set(PLAN_KEY, &saved) {
            Ok(()) => {
                self.last.set_value(saved.id());
                if self.problem.get_untracked().is_some() {
                    self.problem.set(None);
                    self.host
                        .say
                        .run("Saved: the plan is stored in this browser again.");
                }
            }
            Err(error) => self.problem.set(Some(SaveProblem::Failed(refusal(&error)))),
        }
    }

    /// Another tab saved `text`: take it over when this tab has nothing unsaved and the save
    /// builds on this tab's, else ask.
    fn other_tab_saved(self, text: &str) {
        let Some(id) = saved::id(text) else {
            return;
        };
        let last = self.last.get_value();
        if id == last {
            return;
        }
        // The same generation from another writer: both tabs saved over the same save at once.
        let raced = id.generation <= last.generation;
        let quiet = !raced && !self.has_pending() && self.problem.get_untracked().is_none();
        if !quiet {
            if !matches!(
                self.problem.get_untracked(),
                Some(SaveProblem::Unreadable { .. })
            ) {
                self.problem.set(Some(SaveProblem::OtherTab));
            }
            return;
        }
        if let Ok(opened) = saved::read(text) {
            self.last.set_value(opened.id);
            self.take_over(
                opened.plan,
                "Updated with the changes saved in another tab.",
            );
        }
    }

    /// Shows `plan` (undoable) without saving it back.
    fn take_over(self, plan: Plan, message: &'static str) {
        let differs = self.host.plan.with_untracked(|p| *p != plan);
        if differs {
            self.skip_next.set_value(true);
            self.host.adopt.run((plan, message));
        }
    }

    /// "Use the other tab's version": this tab shows the saved plan (Undo brings its own back).
    pub fn use_saved(self) {
        self.cancel_pending();
        let text = Browser::raw().get_item(PLAN_KEY).ok().flatten();
        match text.as_deref().map(saved::read) {
            Some(Ok(opened)) => {
                self.last.set_value(opened.id);
                self.problem.set(None);
                self.take_over(
                    opened.plan,
                    "This tab now shows the version saved in the other tab; Undo brings this tab's version back.",
                );
            }
            Some(Err(error)) => self.problem.set(Some(SaveProblem::Unreadable {
                text: text.unwrap_or_default(),
                error: error.to_string(),
            })),
            None => {
                self.problem.set(None);
                self.save_now();
            }
        }
    }

    /// "Keep this tab's version" / "Discard the unreadable save": overwrite what is stored.
    pub fn overwrite(self) {
        self.cancel_pending();
        self.last.set_value(stored_id().unwrap_or_default());
        self.problem.set(None);
        self.save_now();
    }
}

/// The save in storage now: `None` when nothing is saved; generation 0 for a save this version
/// cannot read the id of (an earlier version's plain JSON).
fn stored_id() -> Option<SaveId> {
    match Browser::get::<SaveId>(PLAN_KEY) {
        Ok(saved) => Some(saved),
        Err(StorageError::KeyNotFound(_)) => None,
        Err(_) => Some(SaveId::default()),
    }
}

/// The browser's reason for refusing a write, in words a user can act on.
fn refusal(error: &StorageError) -> String {
    match error {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => {
            "this browser's storage for the page is full".to_owned()
        }
        StorageError::JsError(js) => format!("{}: {}", js.name, js.message),
        other => other.to_string(),
    }
}

/// The autosave provided by [`Autosave::start`].
pub fn use_autosave() -> Autosave {
    expect_context::<Autosave>()
}
