//! Sorting without a sort per element type. A stable sort is about 5 KB of wasm for each type
//! and comparison it is used with; the lists the views show (areas, plan rows, log entries,
//! budget lines …) are each of their own type. [`sort_by`] sorts the positions `0..n` — one
//! type, one comparison through `dyn` — and then moves the elements into that order, so every
//! caller shares one sort.
use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` gives them (stable: equal ones keep their order).
#[inline(never)]
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut at: Vec<usize> = (0..n).collect();
    at.sort_by(|a, b| cmp(*a, *b));
    at
}

/// Sorts `v` stably by `cmp`, as `v.sort_by(cmp)` does.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let at = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        at.into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` stably by the key `key` gives, as `v.sort_by_key(key)` does.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort() {
        // By the number only: (1,"b") and (1,"a") keep their order, as a stable sort does.
        let mut v = vec![(3, "c"), (1, "b"), (2, "x"), (1, "a")];
        let mut w = v.clone();
        sort_by_key(&mut v, |p| p.0);
        w.sort_by_key(|p| p.0);
        assert_eq!(v, w);
        assert_eq!(v, vec![(1, "b"), (1, "a"), (2, "x"), (3, "c")]);
        let mut e: Vec<u8> = Vec::new();
        sort_by(&mut e, u8::cmp);
        assert!(e.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn equals_the_standard_sort(v in proptest::collection::vec((0u8..5, 0u16..1000), 0..60)) {
            let mut a = v.clone();
            let mut b = v;
            sort_by_key(&mut a, |p| p.0);
            b.sort_by_key(|p| p.0);
            proptest::prop_assert_eq!(a, b);
        }
    }
}
