//! Undo/redo history for any value (the app uses it for the whole [`Plan`](super::plan::Plan)).
//!
//! The history keeps only the *other* states: the present value lives with the caller (the UI's
//! single plan signal), so there is exactly one source of truth. The caller records the state it
//! is about to leave, and hands the present back in when undoing or redoing.
//!
//! Invariants:
//! - At most [`History::capacity`] past states are kept; the oldest is dropped first.
//! - Recording a new state clears the redo stack (a new branch of edits).
//! - Consecutive edits in the same *group* (e.g. keystrokes in one text field) form one undo
//!   step, so Ctrl+Z undoes a typed word, not a letter. Undo, redo and [`History::seal`] end
//!   the current group.

use std::collections::VecDeque;

/// How many undo steps are kept by default.
pub const DEFAULT_CAPACITY: u32 = 200;

/// The undo and redo stacks around a present value held elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History<T> {
    past: VecDeque<T>,
    future: Vec<T>,
    open_group: Option<String>,
    capacity: u32,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History::with_capacity(DEFAULT_CAPACITY)
    }
}

impl<T> History<T> {
    /// An empty history keeping at most `capacity` undo steps (at least one).
    pub fn with_capacity(capacity: u32) -> Self {
        History {
            past: VecDeque::new(),
            future: Vec::new(),
            open_group: None,
            capacity: capacity.max(1),
        }
    }

    /// The most undo steps this history keeps.
    pub fn capacity(&self) -> u32 {
        self.capacity
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Number of steps that can be undone.
    pub fn undo_depth(&self) -> u32 {
        u32::try_from(self.past.len()).unwrap_or(u32::MAX)
    }

    /// The most recent undo step, if any (e.g. to share memory with the next one).
    pub fn latest(&self) -> Option<&T> {
        self.past.back()
    }

    /// Records `before`, the state the caller is leaving, as one undo step.
    ///
    /// With `group: Some(key)` and the previous record in the same open group, nothing is
    /// pushed: the step already on the stack holds the state from before the group began.
    pub fn record(&mut self, before: T, group: Option<&str>) {
        self.future.clear();
        let continues_group =
            matches!((group, &self.open_group), (Some(g), Some(open)) if g == open);
        self.open_group = group.map(str::to_owned);
        if continues_group && !self.past.is_empty() {
            return;
        }
        self.past.push_back(before);
        while self.past.len() > self.capacity as usize {
            self.past.pop_front();
        }
    }

    /// Ends the open group, so the next edit, even in the same field, is its own step.
    pub fn seal(&mut self) {
        self.open_group = None;
    }

    /// Steps back: takes the present and returns the state to show instead, or `None` (and
    /// drops nothing) when there is nothing to undo.
    pub fn undo(&mut self, present: T) -> Option<T> {
        self.open_group = None;
        let previous = self.past.pop_back()?;
        self.future.push(present);
        Some(previous)
    }

    /// Steps forward again after an undo; `None` when there is nothing to redo.
    pub fn redo(&mut self, present: T) -> Option<T> {
        self.open_group = None;
        let next = self.future.pop()?;
        self.past.push_back(present);
        Some(next)
    }

    /// Forgets every step (e.g. after a plan was opened from storage).
    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
        self.open_group = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Applies `next` the way the UI does: record the present, then replace it.
    fn edit(history: &mut History<i32>, present: &mut i32, next: i32, group: Option<&str>) {
        history.record(*present, group);
        *present = next;
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut h = History::default();
        let mut now = 0;
        edit(&mut h, &mut now, 1, None);
        edit(&mut h, &mut now, 2, None);
        now = h.undo(now).unwrap();
        assert_eq!(now, 1);
        now = h.undo(now).unwrap();
        assert_eq!(now, 0);
        assert!(!h.can_undo());
        assert_eq!(h.undo(now), None);
        now = h.redo(now).unwrap();
        assert_eq!(now, 1);
        now = h.redo(now).unwrap();
        assert_eq!(now, 2);
        assert_eq!(h.redo(now), None);
    }

    #[test]
    fn a_new_edit_after_undo_discards_the_redo_branch() {
        let mut h = History::default();
        let mut now = 0;
        edit(&mut h, &mut now, 1, None);
        now = h.undo(now).unwrap();
        edit(&mut h, &mut now, 5, None);
        assert!(!h.can_redo());
        assert_eq!(h.undo(now), Some(0));
    }

    #[test]
    fn keystrokes_in_one_field_undo_as_one_step() {
        let mut h = History::default();
        let mut now = 0;
        edit(&mut h, &mut now, 1, Some("c0-name"));
        edit(&mut h, &mut now, 12, Some("c0-name"));
        edit(&mut h, &mut now, 123, Some("c0-name"));
        assert_eq!(h.undo_depth(), 1);
        assert_eq!(h.undo(now), Some(0));
    }

    #[test]
    fn a_different_field_or_a_seal_starts_a_new_step() {
        let mut h = History::default();
        let mut now = 0;
        edit(&mut h, &mut now, 1, Some("a"));
        edit(&mut h, &mut now, 2, Some("b"));
        h.seal();
        edit(&mut h, &mut now, 3, Some("b"));
        edit(&mut h, &mut now, 4, None);
        edit(&mut h, &mut now, 5, None);
        assert_eq!(h.undo_depth(), 5);
    }

    #[test]
    fn undo_ends_the_open_group() {
        let mut h = History::default();
        let mut now = 0;
        edit(&mut h, &mut now, 1, Some("a"));
        edit(&mut h, &mut now, 2, Some("b"));
        now = h.undo(now).unwrap();
        assert_eq!(now, 1);
        edit(&mut h, &mut now, 7, Some("b"));
        assert_eq!(h.undo(now), Some(1));
    }

    #[test]
    fn the_oldest_steps_fall_off_past_the_capacity() {
        let mut h = History::with_capacity(3);
        let mut now = 0;
        for next in 1..=5 {
            edit(&mut h, &mut now, next, None);
        }
        assert_eq!(h.undo_depth(), 3);
        now = h.undo(now).unwrap();
        now = h.undo(now).unwrap();
        now = h.undo(now).unwrap();
        assert_eq!(now, 2);
        assert!(!h.can_undo());
    }

    #[test]
    fn clear_forgets_everything() {
        let mut h = History::default();
        let mut now = 0;
        edit(&mut h, &mut now, 1, None);
        now = h.undo(now).unwrap();
        h.clear();
        assert!(!h.can_undo() && !h.can_redo());
        assert_eq!(now, 0);
    }

    proptest! {
        #[test]
        fn undoing_every_step_returns_to_the_start(steps in proptest::collection::vec(any::<i32>(), 0..50)) {
            let mut h = History::default();
            let mut now = 0;
            for next in &steps {
                edit(&mut h, &mut now, *next, None);
            }
            while let Some(previous) = h.undo(now) {
                now = previous;
            }
            prop_assert_eq!(now, 0);
            // And redoing everything returns to the last state.
            while let Some(next) = h.redo(now) {
                now = next;
            }
            prop_assert_eq!(now, steps.last().copied().unwrap_or(0));
        }
    }
}
