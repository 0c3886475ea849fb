//! The std trait surface of [`FrozenOrdSet`]: formatting, comparison, hashing, collecting, set
//! operators and conversions from and to std sets.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{BuildHasher, Hash, Hasher};
use core::ops::{BitAnd, BitOr, BitXor, Sub};
use std::collections::{BTreeSet, HashSet};

use super::{FrozenOrdSet, IntoIter, Iter};

impl<T> Default for FrozenOrdSet<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// O(1): one reference-count increment.
impl<T> Clone for FrozenOrdSet<T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

/// Formats like a `BTreeSet`: `{1, 2, 3}`.
impl<T: Ord + fmt::Debug> fmt::Debug for FrozenOrdSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// Element-wise equality. Sets that share their root ([`FrozenOrdSet::ptr_eq`]) are equal at
/// once, and subtrees two versions share are skipped.
impl<T: Ord> PartialEq for FrozenOrdSet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other) || self.inner == other.inner
    }
}

impl<T: Ord> Eq for FrozenOrdSet<T> {}

/// The same elements as a `BTreeSet`, for comparing with a model.
///
/// One direction only: `BTreeSet` has a single `PartialEq` impl, which lets
/// `assert_eq!(btree_set, iter.collect())` infer the collected type in every crate; an impl of
/// `PartialEq<FrozenOrdSet>` for `BTreeSet` would make that code ambiguous wherever this crate is
/// linked.
///
/// ```
/// use deepfreeze::FrozenOrdSet;
/// use std::collections::BTreeSet;
///
/// let set = FrozenOrdSet::from([2, 1]);
/// assert_eq!(set, BTreeSet::from([1, 2]));
/// ```
impl<T: Ord> PartialEq<BTreeSet<T>> for FrozenOrdSet<T> {
    fn eq(&self, other: &BTreeSet<T>) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

/// Lexicographic over the elements in ascending order, like `BTreeSet`.
impl<T: Ord> PartialOrd for FrozenOrdSet<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Lexicographic over the elements in ascending order, like `BTreeSet`.
impl<T: Ord> Ord for FrozenOrdSet<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        if self.ptr_eq(other) {
            return Ordering::Equal;
        }
        self.iter().cmp(other.iter())
    }
}

/// Hashes the length, then each element in ascending order (equal sets hash equally).
impl<T: Ord + Hash> Hash for FrozenOrdSet<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for x in self {
            x.hash(state);
        }
    }
}

/// The last of equal elements is kept, like `BTreeSet`'s.
impl<T: Ord + Clone> FromIterator<T> for FrozenOrdSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut tree = super::Inner::new();
        for x in iter {
            tree.insert(x);
        }
        Self { inner: tree }
    }
}

/// [`insert`](FrozenOrdSet::insert)s each element: an equal element already present is kept,
/// like `BTreeSet`'s. All or nothing: if the iterator, a `Clone` or an `Ord` panics, the set is
/// left as it was before the call.
impl<T: Ord + Clone> Extend<T> for FrozenOrdSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.transact(|tree| {
            for x in iter {
                if !tree.contains(&x) {
                    tree.insert(x);
                }
            }
        });
    }
}

impl<'a, T: Ord + Copy + 'a> Extend<&'a T> for FrozenOrdSet<T> {
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, iter: I) {
        self.extend(iter.into_iter().copied());
    }
}

impl<'a, T: Ord> IntoIterator for &'a FrozenOrdSet<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T: Ord + Clone> IntoIterator for FrozenOrdSet<T> {
    type Item = T;
    type IntoIter = IntoIter<T>;

    fn into_iter(self) -> IntoIter<T> {
        IntoIter::new(self.inner.into_iter())
    }
}

/// `&a | &b`: the elements of either set as a new set, as std's operator on `&BTreeSet`
/// (the lazy form is [`FrozenOrdSet::union`]).
impl<T: Ord + Clone> BitOr<&FrozenOrdSet<T>> for &FrozenOrdSet<T> {
    type Output = FrozenOrdSet<T>;

    fn bitor(self, other: &FrozenOrdSet<T>) -> FrozenOrdSet<T> {
        self.union_set(other)
    }
}

/// `&a & &b`: the elements of both sets as a new set, as std's operator on `&BTreeSet`
/// (the lazy form is [`FrozenOrdSet::intersection`]).
impl<T: Ord + Clone> BitAnd<&FrozenOrdSet<T>> for &FrozenOrdSet<T> {
    type Output = FrozenOrdSet<T>;

    fn bitand(self, other: &FrozenOrdSet<T>) -> FrozenOrdSet<T> {
        self.intersection_set(other)
    }
}

/// `&a - &b`: the elements of `a` not in `b` as a new set, as std's operator on `&BTreeSet`
/// (the lazy form is [`FrozenOrdSet::difference`]).
impl<T: Ord + Clone> Sub<&FrozenOrdSet<T>> for &FrozenOrdSet<T> {
    type Output = FrozenOrdSet<T>;

    fn sub(self, other: &FrozenOrdSet<T>) -> FrozenOrdSet<T> {
        self.difference_set(other)
    }
}

/// `&a ^ &b`: the elements in exactly one set as a new set, as std's operator on `&BTreeSet`
/// (the lazy form is [`FrozenOrdSet::symmetric_difference`]).
impl<T: Ord + Clone> BitXor<&FrozenOrdSet<T>> for &FrozenOrdSet<T> {
    type Output = FrozenOrdSet<T>;

    fn bitxor(self, other: &FrozenOrdSet<T>) -> FrozenOrdSet<T> {
        self.symmetric_difference_set(other)
    }
}

impl<T: Ord + Clone> From<BTreeSet<T>> for FrozenOrdSet<T> {
    fn from(set: BTreeSet<T>) -> Self {
        set.into_iter().collect()
    }
}

impl<T: Ord + Clone, S: BuildHasher> From<HashSet<T, S>> for FrozenOrdSet<T> {
    fn from(set: HashSet<T, S>) -> Self {
        set.into_iter().collect()
    }
}

impl<T: Ord + Clone, const N: usize> From<[T; N]> for FrozenOrdSet<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<T: Ord + Clone> From<Vec<T>> for FrozenOrdSet<T> {
    fn from(values: Vec<T>) -> Self {
        values.into_iter().collect()
    }
}

impl<T: Ord + Clone> From<&[T]> for FrozenOrdSet<T> {
    fn from(values: &[T]) -> Self {
        values.iter().cloned().collect()
    }
}

/// Moves the elements this set owns alone, clones those still shared.
impl<T: Ord + Clone> From<FrozenOrdSet<T>> for BTreeSet<T> {
    fn from(set: FrozenOrdSet<T>) -> Self {
        set.into_iter().collect()
    }
}

impl<T: Ord + Clone> From<&FrozenOrdSet<T>> for BTreeSet<T> {
    fn from(set: &FrozenOrdSet<T>) -> Self {
        set.iter().cloned().collect()
    }
}
