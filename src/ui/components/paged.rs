//! Long lists drawn a page at a time (issue 11), the one way every list of the app that grows
//! with the fleet stays bounded: the cluster list, the findings, the exposure, cost, quota and
//! fix-ETA tables, the timeline's table view and the per-cluster export buttons. A [`Pager`]
//! holds how many rows a list draws; [`MoreRows`] says how many it draws of how many
//! (`view::paging::Listing`) and offers "Show N more" and "Show all". Which rows come first is
//! the list's own (`view::paging`); lists of clusters follow the cluster list's search and
//! filters ([`found_clusters`]), so any cluster's row can be found.

use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::projection::Projection;
use crate::ui::selection::use_selection;
use crate::ui::state::{focus_by_id, use_plan_state};
use crate::view::paging::{Listing, PAGE};

/// How many rows a list draws: a page at first, a page more on each "Show more".
#[derive(Clone, Copy)]
pub struct Pager {
    limit: RwSignal<usize>,
    page: usize,
}

impl Pager {
    pub fn new(page: usize) -> Self {
        Pager {
            limit: RwSignal::new(page),
            page,
        }
    }

    /// Rows to draw (tracked).
    pub fn limit(self) -> usize {
        self.limit.get()
    }

    /// Draws at least the first `rows` rows (a cluster just added at the end stays listed).
    pub fn reach(self, rows: usize) {
        self.limit.update(|l| *l = (*l).max(rows));
    }

    fn more(self) {
        self.limit.update(|l| *l = l.saturating_add(self.page));
    }

    /// Draws the `found` rows there are now. Not every row ever: after "Show all" on 11
    /// clusters found, clearing the search would otherwise draw the whole fleet's rows (every
    /// table of 2,000 clusters in the timeline's table view: 14 s and far past the DOM bound).
    fn all(self, found: usize) {
        self.limit.set(found.max(self.page));
    }
}

/// The clusters the cluster list's search and filters find (every cluster without them), in
/// plan order, and how many the plan has: what a per-cluster list draws its rows from.
pub fn found_clusters() -> (Memo<Vec<usize>>, Memo<usize>) {
    (use_selection().shown, use_plan_state().cluster_count)
}

/// How a per-cluster table of the projection orders and keeps its rows: a `view::paging`
/// function of the projection, the clusters found and the limit.
pub type ClusterOrder = fn(&Projection, &[usize], usize) -> Vec<usize>;

/// The rows of a per-cluster table of the projection (cluster indices: the clusters found,
/// ordered by `rank`, a page at a time) and its listing line. `order` names the order.
pub fn cluster_rows(
    projection: Memo<Arc<Projection>>,
    rank: ClusterOrder,
    order: &'static str,
) -> (Pager, Memo<Vec<usize>>, Signal<Listing>) {
    let pager = Pager::new(PAGE);
    let (found, total) = found_clusters();
    let rows = Memo::new(move |_| {
        let limit = pager.limit();
        found.with(|f| projection.with(|p| rank(p, f, limit)))
    });
    let listing = Signal::derive(move || Listing {
        drawn: rows.with(Vec::len),
        found: found.with(Vec::len),
        total: total.get(),
        noun: ("cluster", "clusters"),
        order,
        follows_search: true,
    });
    (pager, rows, listing)
}

/// The listing of a list drawn from its start (`len` items, the first `pager.limit()` drawn)
/// that does not follow the cluster list's search.
pub fn plain_listing(
    pager: Pager,
    len: impl Fn() -> usize + Send + Sync + 'static,
    noun: (&'static str, &'static str),
) -> Signal<Listing> {
    Signal::derive(move || {
        let len = len();
        Listing {
            drawn: len.min(pager.limit()),
            found: len,
            total: len,
            noun,
            order: "",
            follows_search: false,
        }
    })
}

/// "Showing 50 of 2,000 clusters, worst exposure first." with "Show 50 more" and "Show all
/// 2,000" buttons; nothing while the list is drawn whole and was never extended. When the last
/// rows are drawn the buttons go and the keyboard focus moves to the line (which then says
/// "Showing 2,000 of 2,000"), not to the page's start. Test ids: `{testid}-note` (the line, also
/// its DOM id), `{testid}` ("Show more"), `{testid}-all`.
#[component]
pub fn MoreRows(
    pager: Pager,
    /// How much is drawn of how much (`drawn` is the rows actually drawn, at most the limit).
    #[prop(into)]
    listing: Signal<Listing>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    // Copy handles, so that the views below can be drawn again.
    let note_id = StoredValue::new(format!("{testid}-note"));
    let all_id = StoredValue::new(format!("{testid}-all"));
    let more_id = StoredValue::new(testid);
    // Drawn whole after "Show more" or "Show all": the line stays, so the keyboard focus has
    // somewhere to go and the reader sees that every row is drawn.
    let extended = move || pager.limit() > pager.page && listing.with(|l| l.found > pager.page);
    // After a click that drew the last rows, the focused button is gone: focus the line.
    let after_click = move || {
        request_animation_frame(move || {
            if listing.with_untracked(|l| l.hidden() == 0) {
                focus_by_id(&note_id.get_value());
            }
        });
    };
    view! {
        <Show when=move || listing.with(Listing::is_partial) || extended()>
            <div class="paged-more">
                <p class="hint" id=note_id.get_value() data-testid=note_id.get_value() tabindex="-1">
                    {move || listing.with(Listing::text)}
                </p>
                <Show when=move || listing.with(|l| l.hidden() != 0)>
                    <button
                        type="button"
                        class="btn btn-small"
                        data-testid=more_id.get_value()
                        on:click=move |_| {
                            pager.more();
                            after_click();
                        }
                    >
                        {move || listing.with(|l| l.more_text(pager.page))}
                    </button>
                    <button
                        type="button"
                        class="btn btn-small btn-quiet"
                        data-testid=all_id.get_value()
                        on:click=move |_| {
                            pager.all(listing.with_untracked(|l| l.found));
                            after_click();
                        }
                    >
                        {move || listing.with(Listing::all_text)}
                    </button>
                </Show>
            </div>
        </Show>
    }
}
