//! Sorting lists of large items (claims, drafts) without a second copy of the list.

/// Sorts `items` by `key`, keeping the order of equal keys (a stable sort). The order is
/// worked out on small keys, then each item moves about once: a merge sort would hold
/// half the list again, and a sorted copy all of it.
pub fn sort_large_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    if items.is_sorted_by_key(&key) {
        return;
    }
    // The index breaks ties, so the unstable sort gives the stable order.
    let mut keys: Vec<(K, usize)> = items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    keys.sort_unstable();
    // `from[k]`: the item that goes to position k. Each cycle of the permutation is
    // applied with swaps; a position done is marked as its own source.
    let mut from: Vec<usize> = keys.into_iter().map(|(_, i)| i).collect();
    for start in 0..from.len() {
        let mut k = start;
        while from[k] != k {
            let src = from[k];
            from[k] = k;
            if src == start {
                break;
            }
            items.swap(k, src);
            k = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn it_is_the_stable_sort(keys in prop::collection::vec(0u8..6, 0..300)) {
            let mut items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            sort_large_by_key(&mut items, |&(k, _)| k);
            prop_assert_eq!(items, expected);
        }
    }
}
