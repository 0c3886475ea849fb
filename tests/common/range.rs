//! `valid_range`: turns any two bounds into a range that `BTreeMap::range` and `BTreeSet::range`
//! accept (they panic on a start above the end, or on equal excluded bounds), so that the model
//! tests of the ordered collections can draw bounds freely; the panics are tested separately.
//!
//! Use it from a test file with `#[path = "common/range.rs"] mod range;`.

use std::ops::Bound;

/// `(lo, hi)` with the bounds swapped if `lo` is above `hi`, and `lo` included if both exclude
/// the same key.
pub(crate) fn valid_range<K: Ord + Copy>(lo: Bound<K>, hi: Bound<K>) -> (Bound<K>, Bound<K>) {
    let key = |b: &Bound<K>| match b {
        Bound::Included(k) | Bound::Excluded(k) => Some(*k),
        Bound::Unbounded => None,
    };
    let (mut lo, mut hi) = (lo, hi);
    if let (Some(a), Some(b)) = (key(&lo), key(&hi)) {
        if a > b {
            std::mem::swap(&mut lo, &mut hi);
        }
        if a == b && matches!((lo, hi), (Bound::Excluded(_), Bound::Excluded(_))) {
            lo = Bound::Included(a);
        }
    }
    (lo, hi)
}
