//! The std trait surface of [`FrozenSet`]: cloning, formatting, comparison, hashing, collecting,
//! iterating, the set operators, and conversions from and to std sets.

use alloc::collections::BTreeSet;
use core::fmt;
use core::hash::{BuildHasher, Hash, Hasher};
use core::ops::{BitAnd, BitOr, BitXor, Sub};
#[cfg(feature = "std")]
use std::collections::HashSet;

#[cfg(feature = "std")]
use super::DefaultHashBuilder;
use super::{FrozenSet, IntoIter, Iter};
use crate::FrozenMap;
use crate::hash_trie::Rule;
use crate::map::entry_hash;

impl<T, S: Clone> Clone for FrozenSet<T, S> {
    /// O(1): one atomic increment (plus cloning the hasher).
    #[inline]
    fn clone(&self) -> Self {
        Self {
            map: self.map.clone(),
        }
    }
}

impl<T: fmt::Debug, S> fmt::Debug for FrozenSet<T, S> {
    /// Formats like [std's `HashSet`](std::collections::HashSet): `{a, b, ...}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T, S: Default> Default for FrozenSet<T, S> {
    /// An empty set with the default hasher.
    #[inline]
    fn default() -> Self {
        Self::with_hasher(S::default())
    }
}

impl<T, S> PartialEq for FrozenSet<T, S>
where
    T: Hash + Eq,
    S: BuildHasher,
{
    /// Sets are equal when they have the same elements. Compared node by node first, skipping
    /// shared sub-tries, as [`FrozenMap`]'s equality.
    ///
    /// As for `HashSet`, this is the only `PartialEq` impl: there is none with std's `HashSet`
    /// (either way), so that `assert_eq!(set, iter.collect())` infers the collected type, as in
    /// std's examples of `union`, `intersection`, `difference` and `symmetric_difference`.
    /// Compare with a std set through a conversion, `HashSet::from(&set) == std_set`.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert_eq!(FrozenSet::from([1, 2]), FrozenSet::from([2, 1]));
    /// let a = FrozenSet::from([1, 2, 3]);
    /// let b = FrozenSet::from([2, 3, 4]);
    /// let both: FrozenSet<_> = a.intersection(&b).collect();
    /// assert_eq!(both, [2, 3].iter().collect());
    /// assert_ne!(FrozenSet::from([1]), FrozenSet::from([2]));
    /// ```
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.map == other.map
    }
}

impl<T: Hash + Eq, S: BuildHasher> Eq for FrozenSet<T, S> {}

impl<T: Hash, S> Hash for FrozenSet<T, S> {
    /// An order-independent hash, consistent with `Eq`: the length and the wrapping sum of each
    /// element's hash under a fixed-key SipHash, so sets can be elements of sets.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let sets = FrozenSet::from([FrozenSet::from([1, 2]), FrozenSet::from([2, 1])]);
    /// assert_eq!(sets.len(), 1);
    /// ```
    fn hash<H: Hasher>(&self, state: &mut H) {
        let sum = self
            .iter()
            .fold(0u64, |sum, value| sum.wrapping_add(entry_hash(value)));
        state.write_usize(self.len());
        state.write_u64(sum);
    }
}

impl<T, S> FromIterator<T> for FrozenSet<T, S>
where
    T: Hash + Eq + Clone,
    S: BuildHasher + Default,
{
    /// Builds a set; of equal elements the first is kept. The trie is built in one pass after
    /// sorting by hash.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set: FrozenSet<_> = [3, 1, 3].into_iter().collect();
    /// assert_eq!(set.len(), 2);
    /// ```
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        Self {
            map: values.into_iter().map(|value| (value, ())).collect(),
        }
    }
}

impl<T, S> Extend<T> for FrozenSet<T, S>
where
    T: Hash + Eq + Clone,
    S: BuildHasher,
{
    /// Adds every element in place; an equal element already present is kept.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::from([1]);
    /// set.extend([1, 2]);
    /// assert_eq!(set, FrozenSet::from([1, 2]));
    /// ```
    fn extend<I: IntoIterator<Item = T>>(&mut self, values: I) {
        if self.is_empty() {
            self.map.extend(values.into_iter().map(|value| (value, ())));
            return;
        }
        for value in values {
            self.insert(value);
        }
    }
}

impl<'a, T, S> Extend<&'a T> for FrozenSet<T, S>
where
    T: Hash + Eq + Copy,
    S: BuildHasher,
{
    /// Adds copies of every element in place.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::new();
    /// set.extend(&[1, 2]);
    /// assert_eq!(set, FrozenSet::from([1, 2]));
    /// ```
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, values: I) {
        self.extend(values.into_iter().copied());
    }
}

impl<'a, T, S> IntoIterator for &'a FrozenSet<T, S> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    /// Same as [`FrozenSet::iter`].
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set = FrozenSet::from([1]);
    /// for value in &set {
    ///     assert_eq!(value, &1);
    /// }
    /// ```
    #[inline]
    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T: Clone, S> IntoIterator for FrozenSet<T, S> {
    type Item = T;
    type IntoIter = IntoIter<T>;

    /// Consumes the set; elements in nodes no other version shares are moved out, the others
    /// cloned.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set = FrozenSet::from(["a".to_string()]);
    /// assert_eq!(set.into_iter().collect::<Vec<_>>(), ["a".to_string()]);
    /// ```
    #[inline]
    fn into_iter(self) -> IntoIter<T> {
        IntoIter::new(self.map.into_keys())
    }
}

// The operators build their result node by node when the two sets hash alike (always with the
// default hasher): sub-tries the sets share, and those only one set has, are reused whole, so
// combining a set with a version of itself that differs in `k` elements costs O(k log n) time
// and memory. Otherwise the result is built by lookups. Of two equal elements the one of the
// left operand is kept; the result has the left operand's hasher.
macro_rules! set_operator {
    ($trait:ident, $method:ident, $doc:literal, $rule:expr, $a:expr, $b:expr, $out:expr) => {
        impl<T, S> $trait<&FrozenSet<T, S>> for &FrozenSet<T, S>
        where
            T: Hash + Eq + Clone,
            S: BuildHasher + Clone,
        {
            type Output = FrozenSet<T, S>;

            #[doc = concat!("`&a ", $doc, " &b`: a new set, as std's operator on `&HashSet`.")]
            ///
            /// Built node by node when the two sets hash alike (always with the default
            /// hasher), reusing every sub-trie it can from both sides: O(k log n) for two
            /// versions of a set that differ in `k` elements. Of two equal elements the left
            /// one is kept; the result has the left set's hasher.
            ///
            /// ```
            /// use deepfreeze::FrozenSet;
            ///
            #[doc = concat!("let a = FrozenSet::from(", stringify!($a), ");")]
            #[doc = concat!("let b = FrozenSet::from(", stringify!($b), ");")]
            #[doc = concat!(
                        "assert_eq!(&a ", $doc, " &b, FrozenSet::from(", stringify!($out), "));"
                    )]
            /// ```
            fn $method(self, other: &FrozenSet<T, S>) -> FrozenSet<T, S> {
                FrozenSet {
                    map: self.map.combine(&other.map, $rule, |_, _, _| None),
                }
            }
        }
    };
}

set_operator!(BitOr, bitor, "|", Rule::UNION, [1, 2], [2, 3], [1, 2, 3]);
set_operator!(BitAnd, bitand, "&", Rule::INTERSECTION, [1, 2], [2, 3], [2]);
set_operator!(Sub, sub, "-", Rule::DIFFERENCE, [1, 2], [2, 3], [1]);
set_operator!(
    BitXor,
    bitxor,
    "^",
    Rule::SYMMETRIC_DIFFERENCE,
    [1, 2],
    [2, 3],
    [1, 3]
);

// ---------------------------------------------------------------------------------------------
// Conversions

#[cfg(feature = "std")]
impl<T, S> From<HashSet<T, S>> for FrozenSet<T, S>
where
    T: Hash + Eq + Clone,
    S: BuildHasher + Clone,
{
    /// Moves the elements of a [`HashSet`] into a `FrozenSet` with the same hasher.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::collections::HashSet;
    ///
    /// let std_set = HashSet::from([1, 2]);
    /// let set = FrozenSet::from(std_set.clone());
    /// assert_eq!(HashSet::from(set), std_set);
    /// ```
    fn from(set: HashSet<T, S>) -> Self {
        let mut out = Self::with_hasher(set.hasher().clone());
        out.extend(set);
        out
    }
}

#[cfg(feature = "std")]
impl<T: Hash + Eq + Clone> From<BTreeSet<T>> for FrozenSet<T> {
    /// Moves the elements of a [`BTreeSet`] into a `FrozenSet`.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::collections::BTreeSet;
    ///
    /// let tree = BTreeSet::from([1, 2]);
    /// assert_eq!(BTreeSet::from(FrozenSet::from(tree.clone())), tree);
    /// ```
    fn from(set: BTreeSet<T>) -> Self {
        set.into_iter().collect()
    }
}

#[cfg(feature = "std")]
impl<T: Hash + Eq + Clone> From<Vec<T>> for FrozenSet<T> {
    /// Builds a set from a vector; of equal elements the first is kept.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert_eq!(FrozenSet::from(vec![1, 2, 1]).len(), 2);
    /// ```
    fn from(values: Vec<T>) -> Self {
        values.into_iter().collect()
    }
}

#[cfg(feature = "std")]
impl<T: Hash + Eq + Clone, const N: usize> From<[T; N]> for FrozenSet<T, DefaultHashBuilder> {
    /// Builds a set from an array; of equal elements the first is kept.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert!(FrozenSet::from([1, 2]).contains(&2));
    /// ```
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

#[cfg(feature = "std")]
impl<T, S> From<FrozenSet<T, S>> for HashSet<T, S>
where
    T: Hash + Eq + Clone,
    S: BuildHasher + Clone,
{
    /// Collects the elements into a [`HashSet`] with the same hasher.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::collections::HashSet;
    ///
    /// let std_set: HashSet<_, _> = FrozenSet::from([1]).into();
    /// assert!(std_set.contains(&1));
    /// ```
    fn from(set: FrozenSet<T, S>) -> Self {
        let mut out = HashSet::with_capacity_and_hasher(set.len(), set.hasher().clone());
        out.extend(set);
        out
    }
}

impl<T: Ord + Clone, S> From<FrozenSet<T, S>> for BTreeSet<T> {
    /// Collects the elements into a [`BTreeSet`].
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::collections::BTreeSet;
    ///
    /// let tree: BTreeSet<_> = FrozenSet::from([2, 1]).into();
    /// assert_eq!(tree.into_iter().collect::<Vec<_>>(), [1, 2]);
    /// ```
    fn from(set: FrozenSet<T, S>) -> Self {
        set.into_iter().collect()
    }
}

/// A set is a map to `()`: conversions for code that holds one and needs the other.
impl<T, S> From<FrozenSet<T, S>> for FrozenMap<T, (), S> {
    /// The set's trie, as a map to `()` (O(1)).
    ///
    /// ```
    /// use deepfreeze::{FrozenMap, FrozenSet};
    ///
    /// let map: FrozenMap<i32, ()> = FrozenSet::from([1]).into();
    /// assert!(map.contains_key(&1));
    /// ```
    fn from(set: FrozenSet<T, S>) -> Self {
        set.map
    }
}

// ---------------------------------------------------------------------------------------------
// The same surface as the sibling containers: conversions by reference

#[cfg(feature = "std")]
impl<T: Hash + Eq + Clone> From<&[T]> for FrozenSet<T> {
    /// Clones the elements into a set.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert_eq!(FrozenSet::from(&[1, 1, 2][..]).len(), 2);
    /// ```
    fn from(values: &[T]) -> Self {
        values.iter().cloned().collect()
    }
}

#[cfg(feature = "std")]
impl<T, S> From<&FrozenSet<T, S>> for HashSet<T, S>
where
    T: Hash + Eq + Clone,
    S: BuildHasher + Clone,
{
    /// Clones the elements into a [`HashSet`] with the same hasher, leaving the set as it is.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::collections::HashSet;
    ///
    /// let set = FrozenSet::from([1, 2]);
    /// let std_set: HashSet<_, _> = (&set).into();
    /// assert!(std_set.contains(&1) && std_set.contains(&2));
    /// assert_eq!(set.len(), 2);
    /// ```
    fn from(set: &FrozenSet<T, S>) -> Self {
        let mut out = HashSet::with_capacity_and_hasher(set.len(), set.hasher().clone());
        out.extend(set.iter().cloned());
        out
    }
}

impl<T: Ord + Clone, S> From<&FrozenSet<T, S>> for BTreeSet<T> {
    /// Clones the elements into a [`BTreeSet`], leaving the set as it is.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::collections::BTreeSet;
    ///
    /// let set = FrozenSet::from([2, 1]);
    /// assert_eq!(BTreeSet::from(&set), BTreeSet::from([1, 2]));
    /// ```
    fn from(set: &FrozenSet<T, S>) -> Self {
        set.iter().cloned().collect()
    }
}
