//! The std trait surface of [`FrozenMap`]: cloning, formatting, comparison, hashing, indexing,
//! collecting, iterating, and conversions from and to std maps.

use alloc::collections::BTreeMap;
use core::borrow::Borrow;
use core::fmt;
use core::hash::{BuildHasher, Hash, Hasher};
use core::ops::Index;
#[cfg(feature = "std")]
use std::collections::HashMap;

#[cfg(feature = "std")]
use super::DefaultHashBuilder;
use super::hasher::fixed_hasher;
use super::{FrozenMap, IntoIter, Iter, IterMut};

impl<K, V, S: Clone> Clone for FrozenMap<K, V, S> {
    /// O(1): one atomic increment (plus cloning the hasher).
    #[inline]
    fn clone(&self) -> Self {
        Self {
            trie: self.trie.clone(),
            hasher: self.hasher.clone(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug, S> fmt::Debug for FrozenMap<K, V, S> {
    /// Formats like [std's `HashMap`](std::collections::HashMap): `{k: v, ...}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K, V, S: Default> Default for FrozenMap<K, V, S> {
    /// An empty map with the default hasher.
    #[inline]
    fn default() -> Self {
        Self::with_hasher(S::default())
    }
}

impl<K, V, S> PartialEq for FrozenMap<K, V, S>
where
    K: Hash + Eq,
    V: PartialEq,
    S: BuildHasher,
{
    /// Maps are equal when they have the same keys with equal values.
    ///
    /// The two tries are first compared node by node, skipping the sub-tries they share: O(1) for
    /// clones, O(k log n) for versions that differ in `k` entries. Maps whose hashers differ may
    /// hold equal entries in different shapes, so when that walk finds a difference between maps
    /// of equal length, each entry is looked up in the other map (O(n)). Because shared sub-tries
    /// are skipped, a map compares equal to its clones even if a value is not equal to itself (a
    /// NaN).
    ///
    /// As for `HashMap`, this is the only `PartialEq` impl: there is none with std's `HashMap`
    /// (either way), so that `assert_eq!(map, iter.collect())` infers the collected type, in
    /// std's examples as in ours. Compare with a std map through a conversion,
    /// `HashMap::from(&map) == std_map`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let a = FrozenMap::from([(1, 'x'), (2, 'y')]);
    /// let b: FrozenMap<_, _> = [(2, 'y'), (1, 'x')].into_iter().collect();
    /// assert_eq!(a, b);
    /// assert_ne!(a, b.with_inserted(3, 'z'));
    /// ```
    fn eq(&self, other: &Self) -> bool {
        if self.len() != other.len() {
            return false;
        }
        self.trie
            .same_shape_eq(&other.trie, |a, b| a == b, |a, b| a == b)
            || self
                .iter()
                .all(|(key, value)| other.get(key) == Some(value))
    }
}

impl<K, V, S> Eq for FrozenMap<K, V, S>
where
    K: Hash + Eq,
    V: Eq,
    S: BuildHasher,
{
}

impl<K: Hash, V: Hash, S> Hash for FrozenMap<K, V, S> {
    /// An order-independent hash, consistent with `Eq`: the length and the wrapping sum of each
    /// entry's hash under a fixed-key SipHash, so maps can be keys of other maps and sets.
    ///
    /// ```
    /// use deepfreeze::{FrozenMap, FrozenSet};
    ///
    /// let a = FrozenMap::from([(1, 'x'), (2, 'y')]);
    /// let b = FrozenMap::from([(2, 'y'), (1, 'x')]);
    /// let set = FrozenSet::from([a, b]);
    /// assert_eq!(set.len(), 1);
    /// ```
    fn hash<H: Hasher>(&self, state: &mut H) {
        let sum = self
            .iter()
            .fold(0u64, |sum, entry| sum.wrapping_add(entry_hash(&entry)));
        state.write_usize(self.len());
        state.write_u64(sum);
    }
}

/// The hash of one element under a fixed-key hasher, for order-independent collection hashes.
pub(crate) fn entry_hash<T: Hash + ?Sized>(entry: &T) -> u64 {
    let mut hasher = fixed_hasher();
    entry.hash(&mut hasher);
    hasher.finish()
}

impl<K, Q, V, S> Index<&Q> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Borrow<Q>,
    Q: ?Sized + Hash + Eq,
    S: BuildHasher,
{
    type Output = V;

    /// Returns the value for `key`.
    ///
    /// # Panics
    ///
    /// If the key is not in the map, like [std's `HashMap`](std::collections::HashMap) `Index`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([("a".to_string(), 1)]);
    /// assert_eq!(map["a"], 1);
    /// ```
    ///
    /// ```should_panic
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([("a".to_string(), 1)]);
    /// let _ = map["b"]; // panics
    /// ```
    #[inline]
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("FrozenMap: key not found")
    }
}

impl<K, V, S> FromIterator<(K, V)> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher + Default,
{
    /// Builds a map from key-value pairs; for a repeated key the first key and the last value
    /// are kept, as with repeated [`insert`](FrozenMap::insert)s. The trie is built bottom-up in
    /// one pass after sorting by hash, not by one insert per pair.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map: FrozenMap<_, _> = [(1, 'a'), (1, 'b')].into_iter().collect();
    /// assert_eq!(map[&1], 'b');
    /// ```
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let hasher = S::default();
        Self {
            trie: Self::build_trie(entries, &hasher),
            hasher,
        }
    }
}

impl<K, V, S> Extend<(K, V)> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher,
{
    /// Inserts every pair in place; a later pair for the same key wins. Into an empty map the
    /// trie is built in one pass, as by [`collect`](Iterator::collect).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([(1, 'a')]);
    /// map.extend([(2, 'b'), (1, 'c')]);
    /// assert_eq!(map, FrozenMap::from([(1, 'c'), (2, 'b')]));
    /// ```
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        if self.is_empty() {
            self.trie = Self::build_trie(entries, &self.hasher);
            return;
        }
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
}

impl<'a, K, V, S> Extend<(&'a K, &'a V)> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Copy,
    V: Copy,
    S: BuildHasher,
{
    /// Inserts copies of every pair in place.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let source = FrozenMap::from([(1, 'a')]);
    /// let mut map = FrozenMap::new();
    /// map.extend(&source);
    /// assert_eq!(map, source);
    /// ```
    fn extend<I: IntoIterator<Item = (&'a K, &'a V)>>(&mut self, entries: I) {
        self.extend(entries.into_iter().map(|(&key, &value)| (key, value)));
    }
}

impl<'a, K, V, S> IntoIterator for &'a FrozenMap<K, V, S> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    /// Same as [`FrozenMap::iter`].
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, 10)]);
    /// for (k, v) in &map {
    ///     assert_eq!((k, v), (&1, &10));
    /// }
    /// ```
    #[inline]
    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

impl<'a, K: Clone, V: Clone, S> IntoIterator for &'a mut FrozenMap<K, V, S> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;

    /// Same as [`FrozenMap::iter_mut`].
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([(1, 10)]);
    /// for (_, v) in &mut map {
    ///     *v += 1;
    /// }
    /// assert_eq!(map[&1], 11);
    /// ```
    #[inline]
    fn into_iter(self) -> IterMut<'a, K, V> {
        self.iter_mut()
    }
}

impl<K: Clone, V: Clone, S> IntoIterator for FrozenMap<K, V, S> {
    type Item = (K, V);
    type IntoIter = IntoIter<K, V>;

    /// Consumes the map; entries in nodes no other version shares are moved out, the others
    /// cloned.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, "a".to_string())]);
    /// let entries: Vec<(i32, String)> = map.into_iter().collect();
    /// assert_eq!(entries, [(1, "a".to_string())]);
    /// ```
    #[inline]
    fn into_iter(self) -> IntoIter<K, V> {
        IntoIter::new(self.trie.into_iter())
    }
}

// ---------------------------------------------------------------------------------------------
// Conversions

#[cfg(feature = "std")]
impl<K, V, S> From<HashMap<K, V, S>> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher + Clone,
{
    /// Moves the entries of a [`HashMap`] into a `FrozenMap` with the same hasher.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::collections::HashMap;
    ///
    /// let std_map = HashMap::from([(1, 'a'), (2, 'b')]);
    /// let map = FrozenMap::from(std_map.clone());
    /// assert_eq!(HashMap::from(map), std_map);
    /// ```
    fn from(map: HashMap<K, V, S>) -> Self {
        let hasher = map.hasher().clone();
        Self {
            trie: Self::build_trie(map, &hasher),
            hasher,
        }
    }
}

#[cfg(feature = "std")]
impl<K, V> From<BTreeMap<K, V>> for FrozenMap<K, V>
where
    K: Hash + Eq + Clone,
    V: Clone,
{
    /// Moves the entries of a [`BTreeMap`] into a `FrozenMap`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::collections::BTreeMap;
    ///
    /// let tree = BTreeMap::from([(1, 'a'), (2, 'b')]);
    /// let map = FrozenMap::from(tree.clone());
    /// assert_eq!(BTreeMap::from(map), tree);
    /// ```
    fn from(map: BTreeMap<K, V>) -> Self {
        map.into_iter().collect()
    }
}

#[cfg(feature = "std")]
impl<K, V> From<Vec<(K, V)>> for FrozenMap<K, V>
where
    K: Hash + Eq + Clone,
    V: Clone,
{
    /// Builds a map from pairs; a later pair for the same key wins.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from(vec![(1, 'a'), (2, 'b'), (1, 'c')]);
    /// assert_eq!(map.len(), 2);
    /// assert_eq!(map[&1], 'c');
    /// ```
    fn from(entries: Vec<(K, V)>) -> Self {
        entries.into_iter().collect()
    }
}

#[cfg(feature = "std")]
impl<K, V, const N: usize> From<[(K, V); N]> for FrozenMap<K, V, DefaultHashBuilder>
where
    K: Hash + Eq + Clone,
    V: Clone,
{
    /// Builds a map from an array of pairs; a later pair for the same key wins.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([("a", 1), ("b", 2)]);
    /// assert_eq!(map["b"], 2);
    /// ```
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

#[cfg(feature = "std")]
impl<K, V, S> From<FrozenMap<K, V, S>> for HashMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher + Clone,
{
    /// Collects the entries into a [`HashMap`] with the same hasher.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::collections::HashMap;
    ///
    /// let map = FrozenMap::from([(1, 'a')]);
    /// let std_map: HashMap<_, _, _> = map.into();
    /// assert_eq!(std_map[&1], 'a');
    /// ```
    fn from(map: FrozenMap<K, V, S>) -> Self {
        let mut out = HashMap::with_capacity_and_hasher(map.len(), map.hasher().clone());
        out.extend(map);
        out
    }
}

impl<K, V, S> From<FrozenMap<K, V, S>> for BTreeMap<K, V>
where
    K: Ord + Clone,
    V: Clone,
{
    /// Collects the entries into a [`BTreeMap`].
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::collections::BTreeMap;
    ///
    /// let map = FrozenMap::from([(2, 'b'), (1, 'a')]);
    /// let tree: BTreeMap<_, _> = map.into();
    /// assert_eq!(tree.into_iter().collect::<Vec<_>>(), [(1, 'a'), (2, 'b')]);
    /// ```
    fn from(map: FrozenMap<K, V, S>) -> Self {
        map.into_iter().collect()
    }
}

// ---------------------------------------------------------------------------------------------
// The same surface as the sibling containers: conversions by reference

#[cfg(feature = "std")]
impl<K, V> From<&[(K, V)]> for FrozenMap<K, V>
where
    K: Hash + Eq + Clone,
    V: Clone,
{
    /// Clones the pairs into a map; a later pair for the same key wins.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let pairs = [(1, 'a'), (1, 'b')];
    /// assert_eq!(FrozenMap::from(&pairs[..])[&1], 'b');
    /// ```
    fn from(entries: &[(K, V)]) -> Self {
        entries.iter().cloned().collect()
    }
}

#[cfg(feature = "std")]
impl<K, V, S> From<&FrozenMap<K, V, S>> for HashMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher + Clone,
{
    /// Clones the entries into a [`HashMap`] with the same hasher, leaving the map as it is.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::collections::HashMap;
    ///
    /// let map = FrozenMap::from([(1, 'a')]);
    /// let std_map: HashMap<_, _, _> = (&map).into();
    /// assert_eq!(std_map.get(&1), Some(&'a'));
    /// assert_eq!(map.len(), 1);
    /// ```
    fn from(map: &FrozenMap<K, V, S>) -> Self {
        let mut out = HashMap::with_capacity_and_hasher(map.len(), map.hasher().clone());
        out.extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
        out
    }
}

impl<K, V, S> From<&FrozenMap<K, V, S>> for BTreeMap<K, V>
where
    K: Ord + Clone,
    V: Clone,
{
    /// Clones the entries into a [`BTreeMap`], leaving the map as it is.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::collections::BTreeMap;
    ///
    /// let map = FrozenMap::from([(2, 'b'), (1, 'a')]);
    /// assert_eq!(BTreeMap::from(&map), BTreeMap::from([(1, 'a'), (2, 'b')]));
    /// ```
    fn from(map: &FrozenMap<K, V, S>) -> Self {
        map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}
