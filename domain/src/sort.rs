//! One stable sort for the app's lists (all but the journal's, which is
//! sorted on every search keystroke and keeps its own, faster copy).
//!
//! `slice::sort_by` is generic over the item and the comparison, so each
//! call site used to carry its own copy of the standard library's sort, about
//! 5 KB of wasm each. Here every list is sorted through a single copy that
//! orders positions (`u32`), with the comparison behind a `dyn` call, and the
//! items are then moved into that order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (like
/// `sort_by`).
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_positions(&mut order, &|a, b| {
        compare(&items[a as usize], &items[b as usize])
    });
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .map(|&i| taken[i as usize].take().expect("each position comes once")),
    );
}

/// The only instance of the standard sort in the app.
#[inline(never)]
fn sort_positions(order: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = items;
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn moves_items_that_are_not_copy() {
        let mut words = vec!["pear".to_string(), "fig".to_string(), "apple".to_string()];
        sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["fig", "pear", "apple"]);
    }
}
