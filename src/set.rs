//! [`FrozenSet`]: a persistent hash set (a hash array mapped trie), and its iterators.
//!
//! Cloning a `FrozenSet` costs one atomic increment; updates copy only the nodes on the path to
//! the changed element and share the rest.
//!
//! # Backend and the paths we never take
//!
//! The set wraps `imbl::GenericHashSet<T, S, archery::ArcTK>` (imbl pinned `=7.0.2`). As for
//! [`FrozenMap`](crate::FrozenMap) (see [`crate::map`]), no `&mut`-returning imbl API is called,
//! and the operations that imbl builds on its unsound `&mut` paths are written here from the
//! shared iterator plus copy-on-write `insert`/`remove`: [`retain`](FrozenSet::retain) iterates an
//! O(1) snapshot and removes from the live set, and the set algebra
//! ([`union`](FrozenSet::union), [`intersection`](FrozenSet::intersection),
//! [`difference`](FrozenSet::difference),
//! [`symmetric_difference`](FrozenSet::symmetric_difference)) never calls imbl's versions.
//!
//! The only imbl calls made are `with_hasher`/`hasher`/`len`/`ptr_eq`/`clear`, `contains`, the
//! shared iterator (`iter`), the consuming iterator (`into_iter`), and copy-on-write `insert` and
//! `remove`.

use std::borrow::Borrow;
use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher, RandomState};
use std::iter::FusedIterator;
use std::ops::{BitAnd, BitOr, BitXor, Sub};

use archery::ArcTK;
use imbl::GenericHashSet;

use crate::Frozen;
use crate::map::entry_hash;

/// A persistent, deeply immutable hash set: O(1) clone, O(log n) updates that share structure.
///
/// `FrozenSet<T, S>` has the API of [`std::collections::HashSet`] for reading, in-place updates
/// through `&mut self` that copy only the nodes shared with other versions, persistent updates
/// through `&self` ([`with_inserted`](Self::with_inserted), [`without`](Self::without)), and set
/// algebra that returns new sets. It is [`Frozen`](trait@Frozen) when `T` and the hasher `S` are,
/// and it is `Hash` itself (order-independently), so sets of sets work, like Python's `frozenset`.
///
/// Updating methods need `T: Clone`: writing to a node that another version shares copies it.
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let mut primes = FrozenSet::from([2, 3, 5]);
/// let snapshot = primes.clone(); // O(1)
/// primes.insert(7);
///
/// assert!(primes.contains(&7));
/// assert!(!snapshot.contains(&7));
/// assert!(snapshot.is_subset(&primes));
///
/// let odd = FrozenSet::from([1, 3, 5, 7, 9]);
/// assert_eq!(primes.intersection(&odd), FrozenSet::from([3, 5, 7]));
/// ```
pub struct FrozenSet<T, S = RandomState> {
    inner: GenericHashSet<T, S, ArcTK>,
}

#[allow(unsafe_code)]
// SAFETY:
// - No interior mutability: a `FrozenSet` is one `imbl::GenericHashSet<T, S, ArcTK>`: the hasher
//   `S`, an `Option` of a `SharedPointer<Node<Value<T>, ArcTK>, ArcTK>` root (a `triomphe::Arc`,
//   whose only mutable state is its atomic reference count) and a `usize` length. `Value<T>` is a
//   newtype of `T`; the trie nodes are the same as `FrozenMap`'s (see its proof): no
//   `UnsafeCell`, checked against the exact vendored sources by `tests/backend_scan.rs`.
// - Nothing changes behind `&FrozenSet`: every `&self` method only reads; writes go through
//   `&mut self` and copy any node whose count shows it is shared.
// - Deep: everything reachable is an element `T` or the hasher `S`, each `Frozen`, or the nodes.
// - `Send + Sync + 'static` follow from `T, S: Frozen` (and are checked by the compiler).
unsafe impl<T: Frozen, S: Frozen> Frozen for FrozenSet<T, S> {}

impl<T> FrozenSet<T, RandomState> {
    /// Creates an empty set with the default hasher, [`RandomState`]. Does not allocate.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set: FrozenSet<u32> = FrozenSet::new();
    /// assert!(set.is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub fn new() -> Self {
        Self::with_hasher(RandomState::new())
    }
}

impl<T, S> FrozenSet<T, S> {
    /// Creates an empty set that hashes elements with `hasher`. Does not allocate.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::hash::{BuildHasherDefault, DefaultHasher};
    ///
    /// let mut set = FrozenSet::with_hasher(BuildHasherDefault::<DefaultHasher>::default());
    /// set.insert("x");
    /// assert!(set.contains("x"));
    /// ```
    #[inline]
    #[must_use]
    pub fn with_hasher(hasher: S) -> Self {
        Self {
            inner: GenericHashSet::with_hasher(hasher),
        }
    }

    /// Returns a reference to the set's hasher.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::hash::{BuildHasher, RandomState};
    ///
    /// let state = RandomState::new();
    /// let set: FrozenSet<u8> = FrozenSet::with_hasher(state.clone());
    /// assert_eq!(set.hasher().hash_one(7), state.hash_one(7));
    /// ```
    #[inline]
    #[must_use]
    pub fn hasher(&self) -> &S {
        self.inner.hasher()
    }

    /// Returns the number of elements. O(1).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert_eq!(FrozenSet::from([1, 2, 2]).len(), 2);
    /// ```
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Returns `true` if the set has no elements. O(1).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::new();
    /// assert!(set.is_empty());
    /// set.insert(1);
    /// assert!(!set.is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// Returns `true` if the two sets share their root node (one is an unmodified clone of the
    /// other), or are both empty. O(1). `ptr_eq` implies equality, not the reverse.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2]);
    /// assert!(a.ptr_eq(&a.clone()));
    /// assert!(!a.ptr_eq(&FrozenSet::from([1, 2])));
    /// ```
    #[inline]
    #[must_use]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        self.inner.ptr_eq(&other.inner)
    }

    /// An iterator over the elements, in an arbitrary order (the same every time for the same
    /// set).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set = FrozenSet::from([3, 1, 2]);
    /// let mut elements: Vec<_> = set.iter().copied().collect();
    /// elements.sort();
    /// assert_eq!(elements, [1, 2, 3]);
    /// ```
    #[inline]
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            inner: self.inner.iter(),
        }
    }

    /// Removes every element, keeping the hasher. Other versions keep theirs.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::from([1, 2]);
    /// let before = set.clone();
    /// set.clear();
    /// assert!(set.is_empty());
    /// assert_eq!(before.len(), 2);
    /// ```
    #[inline]
    pub fn clear(&mut self) {
        self.inner.clear();
    }
}

impl<T, S> FrozenSet<T, S>
where
    T: Hash + Eq,
    S: BuildHasher,
{
    /// Returns `true` if the set contains `value`. The value may be any borrowed form of `T`
    /// (`&str` for `String` elements).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set = FrozenSet::from(["a".to_string()]);
    /// assert!(set.contains("a"));
    /// assert!(!set.contains("b"));
    /// ```
    #[inline]
    #[must_use]
    pub fn contains<Q>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.inner.contains(value)
    }

    /// Returns `true` if every element of `self` is in `other`.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let small = FrozenSet::from([1, 2]);
    /// let big = FrozenSet::from([1, 2, 3]);
    /// assert!(small.is_subset(&big));
    /// assert!(!big.is_subset(&small));
    /// ```
    #[must_use]
    pub fn is_subset(&self, other: &Self) -> bool {
        self.ptr_eq(other)
            || (self.len() <= other.len() && self.iter().all(|value| other.inner.contains(value)))
    }

    /// Returns `true` if every element of `other` is in `self`.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let big = FrozenSet::from([1, 2, 3]);
    /// assert!(big.is_superset(&FrozenSet::from([3])));
    /// assert!(!big.is_superset(&FrozenSet::from([4])));
    /// ```
    #[must_use]
    pub fn is_superset(&self, other: &Self) -> bool {
        other.is_subset(self)
    }

    /// Returns `true` if `self` and `other` have no element in common.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2]);
    /// assert!(a.is_disjoint(&FrozenSet::from([3, 4])));
    /// assert!(!a.is_disjoint(&FrozenSet::from([2, 3])));
    /// ```
    #[must_use]
    pub fn is_disjoint(&self, other: &Self) -> bool {
        let (small, large) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        small.iter().all(|value| !large.inner.contains(value))
    }
}

impl<T, S> FrozenSet<T, S>
where
    T: Hash + Eq + Clone,
    S: BuildHasher + Clone,
{
    /// Adds `value` in place. Returns `true` if it was not present. As [`HashSet::insert`], an
    /// equal element already present is kept and `value` dropped.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::new();
    /// assert!(set.insert(2));
    /// assert!(!set.insert(2));
    /// assert_eq!(set.len(), 1);
    /// ```
    pub fn insert(&mut self, value: T) -> bool {
        if self.inner.contains(&value) {
            false
        } else {
            self.inner.insert(value);
            true
        }
    }

    /// Adds `value` in place, replacing an equal element, which is returned.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::new();
    /// assert_eq!(set.replace(5), None);
    /// assert_eq!(set.replace(5), Some(5));
    /// ```
    pub fn replace(&mut self, value: T) -> Option<T> {
        self.inner.insert(value)
    }

    /// Removes `value` in place. Returns `true` if it was present.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::from(["a".to_string()]);
    /// assert!(set.remove("a"));
    /// assert!(!set.remove("a"));
    /// ```
    pub fn remove<Q>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.take(value).is_some()
    }

    /// Removes `value` in place and returns the stored element, if it was present.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::from(["a".to_string()]);
    /// assert_eq!(set.take("a"), Some("a".to_string()));
    /// assert_eq!(set.take("a"), None);
    /// ```
    pub fn take<Q>(&mut self, value: &Q) -> Option<T>
    where
        T: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        if self.is_empty() {
            // imbl's `remove` allocates a root for an empty set; skip it.
            return None;
        }
        self.inner.remove(value)
    }

    /// Keeps only the elements for which `keep` returns `true`, in place. Iterates an O(1)
    /// snapshot and removes from the live set, so only the nodes on the paths to removed
    /// elements are copied.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set: FrozenSet<i32> = (0..10).collect();
    /// set.retain(|x| x % 3 == 0);
    /// assert_eq!(set, FrozenSet::from([0, 3, 6, 9]));
    /// ```
    pub fn retain<F>(&mut self, mut keep: F)
    where
        F: FnMut(&T) -> bool,
    {
        let snapshot = self.inner.clone();
        for value in snapshot.iter() {
            if !keep(value) {
                self.inner.remove(value);
            }
        }
    }

    /// Returns a new set with `value` added, leaving `self` unchanged. O(log n). When an equal
    /// element is present, the result is a clone ([`ptr_eq`](Self::ptr_eq) to `self`).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let v1 = FrozenSet::from([1]);
    /// let v2 = v1.with_inserted(2);
    /// assert_eq!(v1, FrozenSet::from([1]));
    /// assert_eq!(v2, FrozenSet::from([1, 2]));
    /// ```
    #[must_use]
    pub fn with_inserted(&self, value: T) -> Self {
        let mut out = self.clone();
        out.insert(value);
        out
    }

    /// Returns a new set without `value`, leaving `self` unchanged. O(log n). When `value` is
    /// absent, the result is a clone ([`ptr_eq`](Self::ptr_eq) to `self`).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let v1 = FrozenSet::from([1, 2]);
    /// let v2 = v1.without(&1);
    /// assert_eq!(v1.len(), 2);
    /// assert_eq!(v2, FrozenSet::from([2]));
    /// assert!(v1.without(&9).ptr_eq(&v1));
    /// ```
    #[must_use]
    pub fn without<Q>(&self, value: &Q) -> Self
    where
        T: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        // One lookup, as `FrozenMap::without`.
        let mut out = self.clone();
        match out.inner.remove(value) {
            Some(_) => out,
            None => self.clone(),
        }
    }

    /// Returns the elements in `self` or `other` (or both). For an element in both, the one of
    /// `self` is kept, as [`HashSet::union`] yields it.
    ///
    /// Starts from an O(1) clone of the larger set, so it costs O(m log n) for a smaller set of
    /// `m` elements. The result uses the hasher of the larger set.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2]);
    /// let b = FrozenSet::from([2, 3]);
    /// assert_eq!(a.union(&b), FrozenSet::from([1, 2, 3]));
    /// ```
    #[must_use]
    pub fn union(&self, other: &Self) -> Self {
        if self.len() >= other.len() {
            let mut out = self.clone();
            for value in other.iter() {
                if !self.inner.contains(value) {
                    out.inner.insert(value.clone());
                }
            }
            out
        } else {
            let mut out = other.clone();
            for value in self.iter() {
                out.inner.insert(value.clone());
            }
            out
        }
    }

    /// Returns the elements in both `self` and `other`. O(m log n) for the smaller set of `m`
    /// elements, whose copies of the common elements the result holds (as with
    /// [`HashSet::intersection`], which of two equal elements you get is unspecified). The result
    /// uses the hasher of `self`.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2, 3]);
    /// let b = FrozenSet::from([2, 3, 4]);
    /// assert_eq!(a.intersection(&b), FrozenSet::from([2, 3]));
    /// ```
    #[must_use]
    pub fn intersection(&self, other: &Self) -> Self {
        let mut out = Self::with_hasher(self.hasher().clone());
        if self.len() <= other.len() {
            for value in self.iter() {
                if other.inner.contains(value) {
                    out.inner.insert(value.clone());
                }
            }
        } else {
            for value in other.iter() {
                if self.inner.contains(value) {
                    out.inner.insert(value.clone());
                }
            }
        }
        out
    }

    /// Returns the elements in `self` that are not in `other` (the relative complement
    /// `self \ other`, as [`HashSet::difference`]).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2, 3]);
    /// let b = FrozenSet::from([2, 3, 4]);
    /// assert_eq!(a.difference(&b), FrozenSet::from([1]));
    /// assert_eq!(b.difference(&a), FrozenSet::from([4]));
    /// ```
    #[must_use]
    pub fn difference(&self, other: &Self) -> Self {
        if other.len() < self.len() {
            // Remove the (fewer) elements of `other` from a clone of `self`.
            let mut out = self.clone();
            for value in other.iter() {
                if out.inner.contains(value) {
                    out.inner.remove(value);
                }
            }
            out
        } else {
            let mut out = Self::with_hasher(self.hasher().clone());
            for value in self.iter() {
                if !other.inner.contains(value) {
                    out.inner.insert(value.clone());
                }
            }
            out
        }
    }

    /// Returns the elements in exactly one of `self` and `other`.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2, 3]);
    /// let b = FrozenSet::from([2, 3, 4]);
    /// assert_eq!(a.symmetric_difference(&b), FrozenSet::from([1, 4]));
    /// ```
    #[must_use]
    pub fn symmetric_difference(&self, other: &Self) -> Self {
        let (large, small) = if self.len() >= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = large.clone();
        for value in small.iter() {
            if large.inner.contains(value) {
                out.inner.remove(value);
            } else {
                out.inner.insert(value.clone());
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Traits

impl<T: Clone, S: Clone> Clone for FrozenSet<T, S> {
    /// O(1): one atomic increment (plus cloning the hasher).
    #[inline]
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T: fmt::Debug, S> fmt::Debug for FrozenSet<T, S> {
    /// Formats like [`HashSet`]: `{a, b, ...}`.
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
    /// Sets are equal when they have the same elements. O(1) when they share their root or differ
    /// in length, O(n) otherwise.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert_eq!(FrozenSet::from([1, 2]), FrozenSet::from([2, 1]));
    /// assert_ne!(FrozenSet::from([1, 2]), FrozenSet::from([1]));
    /// ```
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other)
            || (self.len() == other.len() && self.iter().all(|value| other.inner.contains(value)))
    }
}

impl<T: Hash + Eq, S: BuildHasher> Eq for FrozenSet<T, S> {}

impl<T: Hash, S> Hash for FrozenSet<T, S> {
    /// An order-independent hash, consistent with `Eq`: the length and the wrapping sum of each
    /// element's hash under a fixed-key SipHash. Sets of sets work:
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let family = FrozenSet::from([FrozenSet::from([1, 2]), FrozenSet::from([2, 1])]);
    /// assert_eq!(family.len(), 1);
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
    S: BuildHasher + Default + Clone,
{
    /// Builds a set; of equal elements, the first is kept.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set: FrozenSet<char> = "hello".chars().collect();
    /// assert_eq!(set.len(), 4);
    /// ```
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut set = Self::default();
        set.extend(values);
        set
    }
}

impl<T, S> Extend<T> for FrozenSet<T, S>
where
    T: Hash + Eq + Clone,
    S: BuildHasher + Clone,
{
    /// Adds every value in place; an equal element already present is kept.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::from([1]);
    /// set.extend([1, 2, 3]);
    /// assert_eq!(set, FrozenSet::from([1, 2, 3]));
    /// ```
    fn extend<I: IntoIterator<Item = T>>(&mut self, values: I) {
        for value in values {
            self.insert(value);
        }
    }
}

impl<'a, T, S> Extend<&'a T> for FrozenSet<T, S>
where
    T: Hash + Eq + Copy,
    S: BuildHasher + Clone,
{
    /// Adds copies of every value in place.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set: FrozenSet<i32> = FrozenSet::new();
    /// set.extend(&[1, 2]);
    /// assert_eq!(set, FrozenSet::from([1, 2]));
    /// ```
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, values: I) {
        for &value in values {
            self.insert(value);
        }
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

impl<T, S> IntoIterator for FrozenSet<T, S>
where
    T: Hash + Eq + Clone,
    S: BuildHasher,
{
    type Item = T;
    type IntoIter = IntoIter<T>;

    /// Consumes the set; elements in nodes no other version shares are moved out, the others
    /// cloned.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set = FrozenSet::from(["a".to_string()]);
    /// let all: Vec<String> = set.into_iter().collect();
    /// assert_eq!(all, ["a"]);
    /// ```
    #[inline]
    fn into_iter(self) -> IntoIter<T> {
        IntoIter {
            inner: self.inner.into_iter(),
        }
    }
}

macro_rules! set_operator {
    ($trait:ident, $method:ident, $call:ident, $doc:literal, $a:expr, $b:expr, $out:expr) => {
        impl<T, S> $trait<&FrozenSet<T, S>> for &FrozenSet<T, S>
        where
            T: Hash + Eq + Clone,
            S: BuildHasher + Clone,
        {
            type Output = FrozenSet<T, S>;

            #[doc = concat!("Same as [`FrozenSet::", stringify!($call), "`]: ", $doc, ".")]
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
                self.$call(other)
            }
        }
    };
}

set_operator!(BitOr, bitor, union, "|", [1, 2], [2, 3], [1, 2, 3]);
set_operator!(BitAnd, bitand, intersection, "&", [1, 2], [2, 3], [2]);
set_operator!(Sub, sub, difference, "-", [1, 2], [2, 3], [1]);
set_operator!(
    BitXor,
    bitxor,
    symmetric_difference,
    "^",
    [1, 2],
    [2, 3],
    [1, 3]
);

// ---------------------------------------------------------------------------------------------
// Conversions

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
        for value in set {
            out.inner.insert(value);
        }
        out
    }
}

impl<T: Hash + Eq + Clone> From<BTreeSet<T>> for FrozenSet<T> {
    /// Moves the elements of a [`BTreeSet`] into a `FrozenSet`.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::collections::BTreeSet;
    ///
    /// let tree = BTreeSet::from([1, 2]);
    /// let set = FrozenSet::from(tree.clone());
    /// assert_eq!(BTreeSet::from(set), tree);
    /// ```
    fn from(set: BTreeSet<T>) -> Self {
        set.into_iter().collect()
    }
}

impl<T: Hash + Eq + Clone> From<Vec<T>> for FrozenSet<T> {
    /// Builds a set; of equal elements, the first is kept.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert_eq!(FrozenSet::from(vec![1, 1, 2]).len(), 2);
    /// ```
    fn from(values: Vec<T>) -> Self {
        values.into_iter().collect()
    }
}

impl<T: Hash + Eq + Clone, const N: usize> From<[T; N]> for FrozenSet<T> {
    /// Builds a set; of equal elements, the first is kept.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert!(FrozenSet::from(["a", "b"]).contains("a"));
    /// ```
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

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
    /// let std_set: HashSet<_> = FrozenSet::from([1]).into();
    /// assert!(std_set.contains(&1));
    /// ```
    fn from(set: FrozenSet<T, S>) -> Self {
        let mut out = HashSet::with_capacity_and_hasher(set.len(), set.hasher().clone());
        out.extend(set);
        out
    }
}

impl<T, S> From<FrozenSet<T, S>> for BTreeSet<T>
where
    T: Hash + Ord + Clone,
    S: BuildHasher,
{
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

// ---------------------------------------------------------------------------------------------
// Iterators

/// An iterator over the elements of a [`FrozenSet`], from [`FrozenSet::iter`].
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let set = FrozenSet::from([1]);
/// let mut iter = set.iter();
/// assert_eq!(iter.len(), 1);
/// assert_eq!(iter.next(), Some(&1));
/// assert_eq!(iter.next(), None);
/// ```
pub struct Iter<'a, T> {
    inner: imbl::hashset::Iter<'a, T, ArcTK>,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}
impl<T> FusedIterator for Iter<'_, T> {}

impl<T> Clone for Iter<'_, T> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Iter<'_, T> {
    /// Lists the remaining elements, like std's iterators.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// An owning iterator over the elements of a [`FrozenSet`], from its `into_iter`.
///
/// Elements in nodes that no other version shares are moved out; the others are cloned.
/// (`T: Hash + Eq + Clone` is required by the backend's iterator type.)
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let iter = FrozenSet::from([1, 2]).into_iter();
/// assert_eq!(iter.len(), 2);
/// assert_eq!(iter.sum::<i32>(), 3);
/// ```
pub struct IntoIter<T: Hash + Eq + Clone> {
    inner: imbl::hashset::ConsumingIter<T, ArcTK>,
}

impl<T: Hash + Eq + Clone> Iterator for IntoIter<T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T: Hash + Eq + Clone> ExactSizeIterator for IntoIter<T> {}
impl<T: Hash + Eq + Clone> FusedIterator for IntoIter<T> {}

impl<T: Hash + Eq + Clone> fmt::Debug for IntoIter<T> {
    /// Shows how many elements remain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IntoIter")
            .field("remaining", &self.len())
            .finish()
    }
}
