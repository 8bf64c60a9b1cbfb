//! Which clusters the list shows (search and facets, `rules::bulk::Filter`) and which are
//! selected for a bulk edit. Provided as context by [`Selection::provide`].

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::rules::bulk::{Facets, Filter, facets};

use super::state::PlanState;

#[derive(Clone, Copy)]
pub struct Selection {
    pub filter: RwSignal<Filter>,
    /// Selected cluster indices. Cleared when clusters are added, removed or reordered, so an
    /// index never silently points at another cluster.
    pub selected: RwSignal<BTreeSet<usize>>,
    /// The indices the filter shows, in plan order.
    pub shown: Memo<Vec<usize>>,
    /// The values to filter by; computed only while the filters are open.
    pub facets: Memo<Facets>,
    pub filters_open: RwSignal<bool>,
}

impl Selection {
    pub fn provide(state: PlanState) -> Self {
        let plan = state.plan();
        let filter = RwSignal::new(Filter::default());
        let filters_open = RwSignal::new(false);
        let count = state.cluster_count;
        let shown = Memo::new(move |_| {
            if filter.with(Filter::is_empty) {
                (0..count.get()).collect()
            } else {
                plan.with(|p| filter.with(|f| f.matching(p)))
            }
        });
        let facets = Memo::new(move |_| {
            if filters_open.get() {
                plan.with(facets)
            } else {
                Facets::default()
            }
        });
        let selected = RwSignal::new(BTreeSet::new());
        // Moving a cluster keeps its selection (`Selection::moved`); adding or removing clears.
        Effect::new(move |previous: Option<usize>| {
            let now = count.get();
            if previous.is_some_and(|p| p != now) {
                selected.set(BTreeSet::new());
            }
            now
        });
        let selection = Selection {
            filter,
            selected,
            shown,
            facets,
            filters_open,
        };
        provide_context(selection);
        selection
    }

    pub fn toggle(&self, index: usize, on: bool) {
        self.selected.update(|s| {
            if on {
                s.insert(index);
            } else {
                s.remove(&index);
            }
        });
    }

    /// Selects every cluster the filter shows (adding to the selection).
    pub fn select_shown(&self) {
        let shown = self.shown.get_untracked();
        self.selected.update(|s| s.extend(shown));
    }

    /// Cluster `from` moved to `to` (swapped with its neighbour): the selection follows.
    pub fn moved(&self, from: usize, to: usize) {
        self.selected.update(|s| {
            let (a, b) = (s.contains(&from), s.contains(&to));
            for (index, on) in [(to, a), (from, b)] {
                if on {
                    s.insert(index);
                } else {
                    s.remove(&index);
                }
            }
        });
    }

    pub fn clear(&self) {
        self.selected.set(BTreeSet::new());
    }

    pub fn count(&self) -> usize {
        self.selected.with(BTreeSet::len)
    }
}

pub fn use_selection() -> Selection {
    expect_context::<Selection>()
}
