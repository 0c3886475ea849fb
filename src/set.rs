//! [`FrozenSet`]: a persistent hash set (a CHAMP hash trie), its iterators and its lazy set
//! operations.
//!
//! A `FrozenSet<T, S>` is a [`FrozenMap<T, (), S>`](crate::FrozenMap): the same trie, the same
//! default hasher ([`DefaultHashBuilder`]), the same canonical shape and the same behaviour under
//! panics (see the [`map` module docs](crate::map)). An empty set allocates nothing.

use core::borrow::Borrow;
use core::hash::{BuildHasher, Hash};

use crate::Frozen;
use crate::FrozenMap;
pub use crate::map::DefaultHashBuilder;

mod iter;
mod traits;

pub use iter::{
    Difference, Drain, ExtractIf, Intersection, IntoIter, Iter, SymmetricDifference, Union,
};

/// A persistent, deeply immutable hash set: O(1) clone, O(log n) updates that share structure.
///
/// `FrozenSet<T, S>` has the API of [`std::collections::HashSet`] with std's signatures and
/// semantics (lazy [`union`](Self::union), [`intersection`](Self::intersection),
/// [`difference`](Self::difference) and [`symmetric_difference`](Self::symmetric_difference)
/// iterators; the operators `&a | &b`, `&a & &b`, `&a - &b`, `&a ^ &b` return new sets),
/// in-place updates through `&mut self` that copy only the nodes shared with other versions, and
/// persistent updates through `&self` ([`with_inserted`](Self::with_inserted),
/// [`without`](Self::without)). It is [`Frozen`](trait@Frozen) when `T` and the hasher `S` are,
/// and it is `Hash` itself (order-independently), so sets of sets work, like Python's
/// `frozenset`.
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
/// assert_eq!(&primes & &odd, FrozenSet::from([3, 5, 7]));
/// let mut both: Vec<_> = primes.intersection(&odd).copied().collect();
/// both.sort();
/// assert_eq!(both, [3, 5, 7]);
/// ```
pub struct FrozenSet<T, S = DefaultHashBuilder> {
    map: FrozenMap<T, (), S>,
}

#[allow(unsafe_code)]
// SAFETY:
// - No interior mutability: a `FrozenSet<T, S>` is one `FrozenMap<T, (), S>`, which has none
//   (see its proof): trie nodes behind `triomphe::Arc`s, whose only mutable state is their
//   reference counts, and the hasher.
// - Nothing changes behind `&FrozenSet`: every `&self` method only reads; writes go through
//   `&mut self` and the map's copy-on-write.
// - Deep: everything reachable is an element `T`, `()`, the hasher `S`, or the nodes.
// - `Send + Sync + 'static` follow from `T, S: Frozen` (and are checked by the compiler).
unsafe impl<T: Frozen, S: Frozen> Frozen for FrozenSet<T, S> {}

#[cfg(feature = "std")]
impl<T> FrozenSet<T, DefaultHashBuilder> {
    /// Creates an empty set with the default hasher. Does not allocate.
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
        Self::with_hasher(DefaultHashBuilder::default())
    }
}

impl<T, S> FrozenSet<T, S> {
    /// The map of `element -> ()` the set is, for the parallel iterators and build.
    #[cfg(feature = "rayon")]
    #[inline]
    pub(crate) fn as_map(&self) -> &FrozenMap<T, (), S> {
        &self.map
    }

    /// The set as its map of `element -> ()`.
    #[cfg(feature = "rayon")]
    #[inline]
    pub(crate) fn into_map(self) -> FrozenMap<T, (), S> {
        self.map
    }

    /// The map of `element -> ()` the set is, for writing.
    #[cfg(feature = "rayon")]
    #[inline]
    pub(crate) fn map_mut(&mut self) -> &mut FrozenMap<T, (), S> {
        &mut self.map
    }

    /// The set of the keys of `map`.
    #[cfg(feature = "rayon")]
    #[inline]
    pub(crate) fn from_map(map: FrozenMap<T, (), S>) -> Self {
        Self { map }
    }

    /// Creates an empty set that hashes with `hasher`. Does not allocate.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::hash::RandomState;
    ///
    /// let mut set = FrozenSet::with_hasher(RandomState::new());
    /// set.insert(1);
    /// assert!(set.contains(&1));
    /// ```
    #[inline]
    #[must_use]
    pub const fn with_hasher(hasher: S) -> Self {
        Self {
            map: FrozenMap::with_hasher(hasher),
        }
    }

    /// Returns a reference to the set's hasher.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    /// use std::hash::{BuildHasher, RandomState};
    ///
    /// let state = RandomState::new();
    /// let set: FrozenSet<u8, _> = FrozenSet::with_hasher(state.clone());
    /// assert_eq!(set.hasher().hash_one(7), state.hash_one(7));
    /// ```
    #[inline]
    #[must_use]
    pub fn hasher(&self) -> &S {
        self.map.hasher()
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
        self.map.len()
    }

    /// Returns `true` if the set has no elements. O(1).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert!(FrozenSet::<u8>::new().is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Returns `true` if the two sets share their root node, or are both empty. O(1).
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
        self.map.ptr_eq(&other.map)
    }

    /// An iterator over the elements, in an arbitrary order (the same every time for the same
    /// set).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set = FrozenSet::from([1, 2, 3]);
    /// assert_eq!(set.iter().sum::<i32>(), 6);
    /// ```
    #[inline]
    pub fn iter(&self) -> Iter<'_, T> {
        Iter::new(self.map.keys())
    }

    /// Removes every element, keeping the hasher. Other versions keep theirs.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::from([1, 2]);
    /// set.clear();
    /// assert!(set.is_empty());
    /// ```
    #[inline]
    pub fn clear(&mut self) {
        self.map.clear();
    }
}

impl<T: Clone, S> FrozenSet<T, S> {
    /// Removes every element and returns them in an iterator; the set is empty as soon as this
    /// returns.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::from([1, 2]);
    /// let mut drained: Vec<_> = set.drain().collect();
    /// drained.sort();
    /// assert_eq!(drained, [1, 2]);
    /// assert!(set.is_empty());
    /// ```
    #[inline]
    pub fn drain(&mut self) -> Drain<'_, T> {
        Drain::new(self.map.drain())
    }

    /// Keeps only the elements for which `keep` returns `true`, like
    /// [`HashSet::retain`](std::collections::HashSet::retain). O(n): the set is rebuilt from the
    /// elements kept; if `keep` panics, every element it has not rejected stays.
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
        self.map.retain(|value, ()| keep(value));
    }

    /// An iterator that removes and yields the elements for which `pred` returns `true`, like
    /// [`HashSet::extract_if`](std::collections::HashSet::extract_if). Elements not visited
    /// before the iterator is dropped stay in the set.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set: FrozenSet<i32> = (0..6).collect();
    /// let mut evens: Vec<_> = set.extract_if(|x| x % 2 == 0).collect();
    /// evens.sort();
    /// assert_eq!(evens, [0, 2, 4]);
    /// assert_eq!(set, FrozenSet::from([1, 3, 5]));
    /// ```
    #[inline]
    pub fn extract_if<F>(&mut self, pred: F) -> ExtractIf<'_, T, F>
    where
        F: FnMut(&T) -> bool,
    {
        ExtractIf::new(&mut self.map, pred)
    }
}

impl<T, S> FrozenSet<T, S>
where
    T: Hash + Eq,
    S: BuildHasher,
{
    /// Returns `true` if the set contains `value`.
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
        self.map.contains_key(value)
    }

    /// Returns the stored element equal to `value`, if any.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let set = FrozenSet::from(["a".to_string()]);
    /// assert_eq!(set.get("a"), Some(&"a".to_string()));
    /// assert_eq!(set.get("b"), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn get<Q>(&self, value: &Q) -> Option<&T>
    where
        T: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.map.get_key_value(value).map(|(stored, ())| stored)
    }

    /// Returns `true` if every element of `self` is in `other`.
    ///
    /// When the two sets hash alike (always with the default hasher; see
    /// [`DefaultHashBuilder`]), the tries are compared node by node and the sub-tries they share
    /// are skipped, so testing a set against a version of itself that differs in `k` elements
    /// costs O(k log n). Otherwise each element of `self` is looked up in `other`.
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
        self.map.keys_subset(&other.map)
    }

    /// Returns `true` if every element of `other` is in `self`. Node by node as
    /// [`is_subset`](Self::is_subset).
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// assert!(FrozenSet::from([1, 2, 3]).is_superset(&FrozenSet::from([3])));
    /// ```
    #[must_use]
    pub fn is_superset(&self, other: &Self) -> bool {
        other.is_subset(self)
    }

    /// Returns `true` if the sets have no element in common. Node by node as
    /// [`is_subset`](Self::is_subset) when the sets hash alike (a shared sub-trie is a common
    /// element found at once); otherwise the smaller set's elements are looked up in the larger.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2]);
    /// assert!(a.is_disjoint(&FrozenSet::from([3])));
    /// assert!(!a.is_disjoint(&FrozenSet::from([2])));
    /// ```
    #[must_use]
    pub fn is_disjoint(&self, other: &Self) -> bool {
        self.map.keys_disjoint(&other.map)
    }

    /// The elements of `self` or `other`, each once, lazily, like
    /// [`HashSet::union`](std::collections::HashSet::union): those of `self`, then those of
    /// `other` not in `self`. The operator `&a | &b` builds the union as a new set.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2]);
    /// let b = FrozenSet::from([2, 3]);
    /// let mut all: Vec<_> = a.union(&b).copied().collect();
    /// all.sort();
    /// assert_eq!(all, [1, 2, 3]);
    /// ```
    #[inline]
    pub fn union<'a>(&'a self, other: &'a Self) -> Union<'a, T, S> {
        Union::new(self, other)
    }

    /// The elements of both `self` and `other`, lazily, like
    /// [`HashSet::intersection`](std::collections::HashSet::intersection) (it walks the smaller
    /// set). The operator `&a & &b` builds the intersection as a new set.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2, 3]);
    /// let b = FrozenSet::from([2, 3, 4]);
    /// let mut both: Vec<_> = a.intersection(&b).copied().collect();
    /// both.sort();
    /// assert_eq!(both, [2, 3]);
    /// ```
    #[inline]
    pub fn intersection<'a>(&'a self, other: &'a Self) -> Intersection<'a, T, S> {
        Intersection::new(self, other)
    }

    /// The elements of `self` that are not in `other`, lazily, like
    /// [`HashSet::difference`](std::collections::HashSet::difference). The operator `&a - &b`
    /// builds the difference as a new set.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2, 3]);
    /// let b = FrozenSet::from([2]);
    /// let mut only_a: Vec<_> = a.difference(&b).copied().collect();
    /// only_a.sort();
    /// assert_eq!(only_a, [1, 3]);
    /// ```
    #[inline]
    pub fn difference<'a>(&'a self, other: &'a Self) -> Difference<'a, T, S> {
        Difference::new(self, other)
    }

    /// The elements in exactly one of the sets, lazily, like
    /// [`HashSet::symmetric_difference`](std::collections::HashSet::symmetric_difference). The
    /// operator `&a ^ &b` builds it as a new set.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let a = FrozenSet::from([1, 2]);
    /// let b = FrozenSet::from([2, 3]);
    /// let mut either: Vec<_> = a.symmetric_difference(&b).copied().collect();
    /// either.sort();
    /// assert_eq!(either, [1, 3]);
    /// ```
    #[inline]
    pub fn symmetric_difference<'a>(&'a self, other: &'a Self) -> SymmetricDifference<'a, T, S> {
        SymmetricDifference::new(self, other)
    }
}

impl<T, S> FrozenSet<T, S>
where
    T: Hash + Eq + Clone,
    S: BuildHasher,
{
    /// Adds `value` in place. Returns `true` if it was not present. As
    /// [`HashSet::insert`](std::collections::HashSet::insert), an equal element already present
    /// is kept and `value` dropped.
    ///
    /// ```
    /// use deepfreeze::FrozenSet;
    ///
    /// let mut set = FrozenSet::new();
    /// assert!(set.insert(2));
    /// assert!(!set.insert(2));
    /// assert_eq!(set.len(), 1);
    /// ```
    #[inline]
    pub fn insert(&mut self, value: T) -> bool {
        self.map.insert_if_absent(value, ())
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
    #[inline]
    pub fn replace(&mut self, value: T) -> Option<T> {
        self.map.replace_key(value, ())
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
    #[inline]
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
    #[inline]
    pub fn take<Q>(&mut self, value: &Q) -> Option<T>
    where
        T: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.map.remove_entry(value).map(|(stored, ())| stored)
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
    /// assert!(v2.with_inserted(2).ptr_eq(&v2));
    /// ```
    #[must_use]
    pub fn with_inserted(&self, value: T) -> Self
    where
        S: Clone,
    {
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
        S: Clone,
    {
        let mut out = self.clone();
        out.remove(value);
        out
    }
}
