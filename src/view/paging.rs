//! Long lists drawn a page at a time (issue 11: the DOM stays bounded whatever the fleet size,
//! and nothing is hidden): which rows a per-cluster or per-pool table draws first, and the line
//! that says how many it draws of how many. The app's `components::paged` draws the line and
//! the "Show more" / "Show all" buttons; every bounded list in the app uses both.

use std::cmp::Reverse;

use crate::rules::figures::group_thousands;
use crate::rules::projection::cost::CostSummary;
use crate::rules::projection::exposure::FleetExposure;
use crate::rules::projection::quota::SurgeQuota;
use crate::rules::stable_sort;

/// Rows a table draws at first, and how many more each "Show more" adds.
pub const PAGE: usize = 50;

/// The first `limit` of `found` (cluster or row indices, in plan order) ordered by `key`,
/// smallest first; rows with equal keys keep their plan order.
pub fn first_by_key<K: Ord>(found: &[usize], limit: usize, key: impl Fn(usize) -> K) -> Vec<usize> {
    let mut rows = found.to_vec();
    stable_sort::sort_by_key(&mut rows, |&i| key(i));
    rows.truncate(limit);
    rows
}

/// Clusters by worst exposure, the longest first; clusters with nothing projected last.
pub fn worst_exposure_first(e: &FleetExposure, found: &[usize], limit: usize) -> Vec<usize> {
    first_by_key(found, limit, |i| {
        Reverse(
            e.clusters
                .get(i)
                .and_then(|c| c.stats.worst_minutes)
                .unwrap_or(i64::MIN),
        )
    })
}

/// Clusters by cost per month, the most expensive first.
pub fn costliest_first(c: &CostSummary, found: &[usize], limit: usize) -> Vec<usize> {
    first_by_key(found, limit, |i| {
        Reverse(c.clusters.get(i).map_or(0, |c| c.per_month_micros))
    })
}

/// Clusters by the extra vCPUs their surge needs at its peak, the most first.
pub fn largest_surge_first(q: &SurgeQuota, found: &[usize], limit: usize) -> Vec<usize> {
    first_by_key(found, limit, |i| {
        Reverse(q.clusters.get(i).map_or(0, |c| c.peak_total))
    })
}

/// The positions in `items` of those whose cluster (`cluster_of`) is in `found` (sorted plan
/// indices), in the items' order: the pools or changes of the clusters the search finds.
pub fn of_found<T>(items: &[T], cluster_of: impl Fn(&T) -> usize, found: &[usize]) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| found.binary_search(&cluster_of(item)).is_ok())
        .map(|(i, _)| i)
        .collect()
}

/// The clusters a bounded choice offers: the first `limit` of `found` (plan order) and
/// `chosen` in its place, found or not.
pub fn offered(found: &[usize], chosen: Option<usize>, limit: usize) -> Vec<usize> {
    let mut list: Vec<usize> = found.iter().take(limit).copied().collect();
    if let Some(c) = chosen
        && let Err(at) = list.binary_search(&c)
    {
        list.insert(at, c);
    }
    list
}

/// `n` with its thousands grouped: `2,000`.
pub fn grouped(n: usize) -> String {
    group_thousands(n as u64)
}

/// How much of a list is drawn, for the line above its "Show more" button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing {
    /// Rows drawn.
    pub drawn: usize,
    /// Rows the cluster list's search and filters let through (all rows without them).
    pub found: usize,
    /// Rows in the whole plan.
    pub total: usize,
    /// The rows' noun, singular and plural: `("cluster", "clusters")`.
    pub noun: (&'static str, &'static str),
    /// The order the rows are drawn in (`"worst exposure first"`), or `""` for plan order.
    pub order: &'static str,
    /// Whether the list follows the cluster list's search and filters.
    pub follows_search: bool,
}

impl Listing {
    /// Whether the line is worth showing: some rows are not drawn or filtered out.
    pub fn is_partial(&self) -> bool {
        self.drawn < self.found || self.found < self.total
    }

    /// Rows not drawn yet (of those found).
    pub fn hidden(&self) -> usize {
        self.found.saturating_sub(self.drawn)
    }

    /// `Showing 50 of 2,000 clusters, worst exposure first. Search or filter the cluster list
    /// to find others.`
    pub fn text(&self) -> String {
        let (one, many) = self.noun;
        let of = if self.found == 1 { one } else { many };
        let mut text = format!(
            "Showing {} of {} {of}",
            grouped(self.drawn),
            grouped(self.found)
        );
        if self.found < self.total {
            let all = if self.total == 1 { one } else { many };
            text.push_str(&format!(
                " found by the cluster list's search and filters ({} {all} in all)",
                grouped(self.total)
            ));
        }
        if !self.order.is_empty() {
            text.push_str(", ");
            text.push_str(self.order);
        }
        text.push('.');
        if self.follows_search && self.drawn < self.found {
            text.push_str(" Search or filter the cluster list to find others.");
        }
        text
    }

    /// `Show 50 more` (fewer when fewer are left).
    pub fn more_text(&self, page: usize) -> String {
        format!("Show {} more", grouped(self.hidden().min(page)))
    }

    /// `Show all 2,000`.
    pub fn all_text(&self) -> String {
        format!("Show all {}", grouped(self.found))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(drawn: usize, found: usize, total: usize) -> Listing {
        Listing {
            drawn,
            found,
            total,
            noun: ("cluster", "clusters"),
            order: "worst exposure first",
            follows_search: true,
        }
    }

    #[test]
    fn first_by_key_orders_then_keeps_the_first_and_breaks_ties_by_plan_order() {
        // Keys of rows 0..6: the two 9s and the two 5s keep their plan order.
        let keys = [5, 9, 1, 9, 5, 7];
        let found: Vec<usize> = (0..keys.len()).collect();
        let by_key_desc = |i: usize| Reverse(keys[i]);
        assert_eq!(
            first_by_key(&found, 10, by_key_desc),
            vec![1, 3, 5, 0, 4, 2]
        );
        assert_eq!(first_by_key(&found, 3, by_key_desc), vec![1, 3, 5]);
        // Only the rows found are drawn.
        assert_eq!(first_by_key(&[0, 2, 4], 10, by_key_desc), vec![0, 4, 2]);
        assert_eq!(first_by_key(&found, 0, by_key_desc), Vec::<usize>::new());
    }

    #[test]
    fn the_chosen_cluster_is_offered_in_its_place_even_when_not_found() {
        assert_eq!(offered(&[1, 4, 7], None, 10), vec![1, 4, 7]);
        assert_eq!(offered(&[1, 4, 7], Some(4), 10), vec![1, 4, 7]);
        assert_eq!(offered(&[1, 4, 7], Some(5), 10), vec![1, 4, 5, 7]);
        assert_eq!(offered(&[1, 4, 7], Some(0), 2), vec![0, 1, 4]);
        let many: Vec<usize> = (0..2000).collect();
        let list = offered(&many, Some(1999), PAGE);
        assert_eq!(list.len(), PAGE + 1);
        assert_eq!(list[..PAGE], many[..PAGE]);
        assert_eq!(list.last(), Some(&1999));
    }

    #[test]
    fn of_found_keeps_the_items_of_the_clusters_found_in_their_own_order() {
        // (cluster, label) items in latest-first order, as the fix ETA lists pools.
        let items = [(3, "c"), (0, "a"), (3, "d"), (1, "b")];
        assert_eq!(of_found(&items, |x| x.0, &[0, 3]), vec![0, 1, 2]);
        assert_eq!(of_found(&items, |x| x.0, &[1]), vec![3]);
        assert_eq!(of_found(&items, |x| x.0, &[]), Vec::<usize>::new());
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(2000), "2,000");
        assert_eq!(grouped(15_000), "15,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn the_line_says_how_many_are_drawn_of_how_many_and_how_to_find_the_rest() {
        let l = listing(50, 2000, 2000);
        assert!(l.is_partial());
        assert_eq!(
            l.text(),
            "Showing 50 of 2,000 clusters, worst exposure first. Search or filter the cluster list to find others."
        );
        assert_eq!(l.more_text(PAGE), "Show 50 more");
        assert_eq!(l.all_text(), "Show all 2,000");
        assert_eq!(listing(1990, 2000, 2000).more_text(PAGE), "Show 10 more");
    }

    #[test]
    fn a_search_is_named_and_a_complete_list_says_nothing() {
        let l = listing(1, 1, 2000);
        assert!(l.is_partial());
        assert_eq!(
            l.text(),
            "Showing 1 of 1 cluster found by the cluster list's search and filters (2,000 clusters in all), worst exposure first."
        );
        assert!(!listing(5, 5, 5).is_partial());
        let plain = Listing {
            order: "",
            follows_search: false,
            noun: ("warning", "warnings"),
            ..listing(50, 867, 867)
        };
        assert_eq!(plain.text(), "Showing 50 of 867 warnings.");
    }
}
