//! Stable sorting through one shared instantiation of the standard library's sort.
//!
//! WHY: `slice::sort_by` is generic over the element and the comparator, so every call site
//! compiled its own copy of driftsort (~3.5 KB of wasm each; 19 copies were 82 KB of the
//! browser module before wasm-opt). Here the only instantiation sorts `usize` indices with a
//! `dyn` comparator; the elements are then moved into place by following the permutation's
//! cycles. The result is exactly that of the standard stable sort: equal elements keep their
//! order.

use std::cmp::Ordering;

/// Stable sort by a comparator; same result as `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    permute(v, order);
}

/// Stable sort by a key; same result as `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort by `Ord`; same result as `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in stable sorted order: `result[i]` is where the element that belongs
/// at `i` is now. Not generic, so the standard sort is compiled once.
fn sorted_indices(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..n).collect();
    indices.sort_by(|&a, &b| compare(a, b));
    indices
}

/// Moves `v[order[i]]` to `v[i]` for every `i`, in place, one cycle of the permutation at a time.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut current = start;
        // A position whose source is itself is done (fixed point or an already-closed cycle).
        while order[current] != current {
            let next = order[current];
            order[current] = current;
            if next == start {
                break;
            }
            v.swap(current, next);
            current = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_input_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn an_empty_slice_stays_empty() {
        let mut v: Vec<u32> = Vec::new();
        sort(&mut v);
        assert!(v.is_empty());
    }

    proptest! {
        #[test]
        fn sort_by_key_matches_the_standard_stable_sort(
            v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)
        ) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std_sorted);
        }

        #[test]
        fn sort_matches_the_standard_sort(v in proptest::collection::vec(any::<i32>(), 0..200)) {
            let mut ours = v.clone();
            sort(&mut ours);
            let mut std_sorted = v;
            std_sorted.sort();
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
