//! [`FrozenMap`]: a persistent hash map (a hash array mapped trie), and its iterators.
//!
//! Cloning a `FrozenMap` costs one atomic increment; updates copy only the nodes on the path to
//! the changed entry and share the rest, so old and new versions coexist cheaply.
//!
//! # Backend and the paths we never take
//!
//! The map wraps `imbl::GenericHashMap<K, V, S, archery::ArcTK>` (imbl pinned `=7.0.2`, pointers
//! are `triomphe::Arc`). imbl 7.0.2 has memory-safety bugs on some of its `&mut` paths, so this
//! module never calls them:
//!
//! - `HashMap::get_mut`, `get_key_value_mut`, `iter_mut` and `IndexMut`: they hand out `&mut`
//!   into trie nodes through a raw-pointer reborrow loop (`GenericSimdNode::get_mut`) that Miri
//!   flags; no `&mut` into a node is ever needed here.
//! - `HashMap::entry` (and `Entry`, `OccupiedEntry`, `VacantEntry`): built on the same `get_mut`.
//! - `HashMap::union`, `union_with`, `union_with_key`, `unions*` and `Add`/`Sum`: built on `entry`.
//!   [`FrozenMap::union`] and friends are written here from [`iter`](FrozenMap::iter) + `insert`.
//! - `HashMap::retain`: it iterates nodes it is mutating through a cloned root; sound as far as
//!   we can tell, but [`FrozenMap::retain`] iterates an O(1) snapshot through the public API and
//!   removes from the live map instead, which leaves nothing to trust.
//!
//! The only imbl calls made are `new`/`with_hasher`/`hasher`/`len`/`ptr_eq`/`clear`, the
//! `&self` lookups (`get`, `get_key_value`, `contains_key`), the shared iterator (`iter`), the
//! consuming iterator (`into_iter`), and copy-on-write `insert` and `remove_with_key`.
//! A regression test (`tests/imbl_soundness_map.rs`) drives our equivalents of the forbidden paths
//! on the inputs that trigger the upstream bugs, under Miri.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, DefaultHasher, Hash, Hasher, RandomState};
use std::iter::FusedIterator;
use std::ops::Index;

use archery::ArcTK;
use imbl::GenericHashMap;

use crate::Frozen;

/// A persistent, deeply immutable hash map: O(1) clone, O(log n) updates that share structure.
///
/// `FrozenMap<K, V, S>` has the API of [`std::collections::HashMap`] for reading, in-place
/// updates through `&mut self` (`insert`, `remove`, `retain`, `extend`, ...) that copy only the
/// nodes shared with other versions, and persistent updates through `&self` that return a new
/// map ([`with_inserted`](Self::with_inserted), [`without`](Self::without)). It is
/// [`Frozen`](trait@Frozen) when `K`, `V` and the hasher `S` are, so a map can be shared between
/// threads for the price of one atomic increment.
///
/// The default hasher is [`RandomState`] (SipHash-1-3, resistant to HashDoS). Any
/// `S: BuildHasher + Clone` works; the hasher is stored in the map and cloned with it.
///
/// Updating methods need `K: Clone` and `V: Clone`, because writing to a node that another
/// version shares copies that node first. Keys and values that are themselves frozen handles
/// (`FrozenArc`, `FrozenStr`, ...) clone in O(1).
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let mut prices = FrozenMap::new();
/// prices.insert("apple".to_string(), 3);
/// prices.insert("pear".to_string(), 4);
///
/// let snapshot = prices.clone(); // O(1)
/// prices.insert("apple".to_string(), 5);
///
/// assert_eq!(snapshot["apple"], 3); // the snapshot never changes
/// assert_eq!(prices["apple"], 5);
/// assert_eq!(prices.get("plum"), None); // `String` keys are looked up with `&str`
///
/// // Persistent updates leave `prices` as it is.
/// let more = prices.with_inserted("plum".to_string(), 7);
/// assert_eq!((prices.len(), more.len()), (2, 3));
/// ```
pub struct FrozenMap<K, V, S = RandomState> {
    inner: GenericHashMap<K, V, S, ArcTK>,
}

#[allow(unsafe_code)]
// SAFETY:
// - No interior mutability: a `FrozenMap` is one `imbl::GenericHashMap<K, V, S, ArcTK>`, whose
//   fields are a `usize` length, an `Option` of a `SharedPointer<Node<(K, V), ArcTK>, ArcTK>` root
//   (a `triomphe::Arc`, whose only mutable state is its atomic reference count) and the hasher
//   `S`. The trie nodes hold `SparseChunk`s of entries, `wide::u8x16` control bytes, child
//   pointers of the same kind, and collision `Vec`s: no `UnsafeCell` (checked against the exact
//   vendored sources by `tests/backend_scan.rs`; the one `UnsafeCell` in `imbl::nodes::hamt` wraps
//   a freshly allocated, uniquely owned node while it is initialised and is transmuted away
//   before the node is shared).
// - Nothing changes behind `&FrozenMap`: every `&self` method of this type and of the imbl calls
//   it makes only reads. Writes happen through `&mut self` and copy any node whose count shows it
//   is shared (`SharedPointer::make_mut`), so no other map ever observes them.
// - Deep: everything reachable is a key `K`, a value `V` or the hasher `S`, each `Frozen`, or the
//   nodes described above.
// - `Send + Sync + 'static` follow from `K, V, S: Frozen` (and are checked by the compiler).
unsafe impl<K: Frozen, V: Frozen, S: Frozen> Frozen for FrozenMap<K, V, S> {}

impl<K, V> FrozenMap<K, V, RandomState> {
    /// Creates an empty map with the default hasher, [`RandomState`]. Does not allocate.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map: FrozenMap<u32, &str> = FrozenMap::new();
    /// assert!(map.is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub fn new() -> Self {
        Self::with_hasher(RandomState::new())
    }
}

impl<K, V, S> FrozenMap<K, V, S> {
    /// Creates an empty map that hashes keys with `hasher`. Does not allocate.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::hash::{BuildHasherDefault, DefaultHasher};
    ///
    /// let mut map = FrozenMap::with_hasher(BuildHasherDefault::<DefaultHasher>::default());
    /// map.insert(1, "one");
    /// assert_eq!(map[&1], "one");
    /// ```
    #[inline]
    #[must_use]
    pub fn with_hasher(hasher: S) -> Self {
        Self {
            inner: GenericHashMap::with_hasher(hasher),
        }
    }

    /// Returns a reference to the map's hasher.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::hash::{BuildHasher, RandomState};
    ///
    /// let state = RandomState::new();
    /// let map: FrozenMap<u8, u8> = FrozenMap::with_hasher(state.clone());
    /// assert_eq!(map.hasher().hash_one(7), state.hash_one(7));
    /// ```
    #[inline]
    #[must_use]
    pub fn hasher(&self) -> &S {
        self.inner.hasher()
    }

    /// Returns the number of entries. O(1).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, 'a'), (2, 'b')]);
    /// assert_eq!(map.len(), 2);
    /// ```
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Returns `true` if the map has no entries. O(1).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::new();
    /// assert!(map.is_empty());
    /// map.insert("k", 1);
    /// assert!(!map.is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// Returns `true` if the two maps share their root node (one is an unmodified clone of the
    /// other), or are both empty. O(1).
    ///
    /// `ptr_eq` implies equality; two equal maps built separately are not `ptr_eq`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let a = FrozenMap::from([(1, 10), (2, 20)]);
    /// let b = a.clone();
    /// assert!(a.ptr_eq(&b));
    ///
    /// let c = FrozenMap::from([(1, 10), (2, 20)]);
    /// assert!(!a.ptr_eq(&c));
    /// assert_eq!(a, c);
    /// ```
    #[inline]
    #[must_use]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        self.inner.ptr_eq(&other.inner)
    }

    /// An iterator over the entries, in an arbitrary order (the same every time for the same map).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([("a", 1), ("b", 2), ("c", 3)]);
    /// let mut entries: Vec<_> = map.iter().collect();
    /// entries.sort();
    /// assert_eq!(entries, [(&"a", &1), (&"b", &2), (&"c", &3)]);
    /// ```
    #[inline]
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter {
            inner: self.inner.iter(),
        }
    }

    /// An iterator over the keys, in the order of [`iter`](Self::iter).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([("a", 1), ("b", 2)]);
    /// let mut keys: Vec<_> = map.keys().copied().collect();
    /// keys.sort();
    /// assert_eq!(keys, ["a", "b"]);
    /// ```
    #[inline]
    pub fn keys(&self) -> Keys<'_, K, V> {
        Keys { inner: self.iter() }
    }

    /// An iterator over the values, in the order of [`iter`](Self::iter).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([("a", 1), ("b", 2)]);
    /// assert_eq!(map.values().sum::<i32>(), 3);
    /// ```
    #[inline]
    pub fn values(&self) -> Values<'_, K, V> {
        Values { inner: self.iter() }
    }

    /// Removes every entry, keeping the hasher. Other versions that share the entries keep them.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([(1, 1), (2, 4)]);
    /// let before = map.clone();
    /// map.clear();
    /// assert!(map.is_empty());
    /// assert_eq!(before.len(), 2);
    /// ```
    #[inline]
    pub fn clear(&mut self) {
        self.inner.clear();
    }
}

impl<K, V, S> FrozenMap<K, V, S>
where
    K: Hash + Eq,
    S: BuildHasher + Clone,
{
    /// Returns a reference to the value for `key`, if present.
    ///
    /// The key may be any borrowed form of `K` (`&str` for `String` keys), with `Hash` and `Eq`
    /// consistent with `K`'s, as for [`HashMap::get`].
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([("one".to_string(), 1)]);
    /// assert_eq!(map.get("one"), Some(&1));
    /// assert_eq!(map.get("two"), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.inner.get(key)
    }

    /// Returns the stored key and the value for `key`, if present.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([("one".to_string(), 1)]);
    /// assert_eq!(map.get_key_value("one"), Some((&"one".to_string(), &1)));
    /// assert_eq!(map.get_key_value("two"), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn get_key_value<Q>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.inner.get_key_value(key)
    }

    /// Returns `true` if the map has an entry for `key`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, "a")]);
    /// assert!(map.contains_key(&1));
    /// assert!(!map.contains_key(&2));
    /// ```
    #[inline]
    #[must_use]
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.inner.contains_key(key)
    }
}

impl<K, V, S> FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher + Clone,
{
    /// Inserts `value` for `key` in place and returns the previous value, if any. O(log n);
    /// copies only the nodes on the path that other versions share.
    ///
    /// Unlike [`HashMap::insert`], when the key was present the stored key is replaced by `key`
    /// too (this only shows with keys that are equal but distinguishable).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::new();
    /// assert_eq!(map.insert(37, "a"), None);
    /// let old = map.clone();
    /// assert_eq!(map.insert(37, "b"), Some("a"));
    /// assert_eq!(map[&37], "b");
    /// assert_eq!(old[&37], "a");
    /// ```
    #[inline]
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        self.inner.insert(key, value)
    }

    /// Removes the entry for `key` in place and returns its value, if it was present.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([(1, "a")]);
    /// assert_eq!(map.remove(&1), Some("a"));
    /// assert_eq!(map.remove(&1), None);
    /// ```
    #[inline]
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.remove_entry(key).map(|(_, value)| value)
    }

    /// Removes the entry for `key` in place and returns the stored key and value, if present.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([("k".to_string(), 1)]);
    /// assert_eq!(map.remove_entry("k"), Some(("k".to_string(), 1)));
    /// assert_eq!(map.remove_entry("k"), None);
    /// ```
    #[inline]
    pub fn remove_entry<Q>(&mut self, key: &Q) -> Option<(K, V)>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        self.inner.remove_with_key(key)
    }

    /// Keeps only the entries for which `keep(&key, &value)` returns `true`, in place.
    ///
    /// Unlike [`HashMap::retain`], the predicate sees `&V`, not `&mut V`: nodes are never
    /// handed out mutably. It iterates an O(1) snapshot of the map and removes from the live one,
    /// so only the nodes on the paths to removed entries are copied.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map: FrozenMap<i32, i32> = (0..8).map(|x| (x, x * 10)).collect();
    /// let all = map.clone();
    /// map.retain(|&k, _| k % 2 == 0);
    /// assert_eq!(map.len(), 4);
    /// assert_eq!(all.len(), 8);
    /// ```
    pub fn retain<F>(&mut self, mut keep: F)
    where
        F: FnMut(&K, &V) -> bool,
    {
        let snapshot = self.inner.clone();
        for (key, value) in snapshot.iter() {
            if !keep(key, value) {
                self.inner.remove_with_key(key);
            }
        }
    }

    /// Updates the entry for `key` in place with the result of `f(current_value)`: `Some(v)`
    /// stores `v`, `None` removes the entry. The safe stand-in for `HashMap::entry` and `get_mut`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut counts = FrozenMap::new();
    /// for word in ["a", "b", "a"] {
    ///     counts.alter(word, |n| Some(n.copied().unwrap_or(0) + 1));
    /// }
    /// assert_eq!(counts, FrozenMap::from([("a", 2), ("b", 1)]));
    ///
    /// counts.alter("a", |_| None);
    /// assert!(!counts.contains_key("a"));
    /// ```
    pub fn alter<F>(&mut self, key: K, f: F)
    where
        F: FnOnce(Option<&V>) -> Option<V>,
    {
        let current = self.inner.get(&key);
        let present = current.is_some();
        match f(current) {
            Some(value) => {
                self.inner.insert(key, value);
            }
            None if present => {
                self.inner.remove_with_key(&key);
            }
            None => {}
        }
    }

    /// Returns a new map with `value` stored for `key`, leaving `self` unchanged. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let v1 = FrozenMap::from([(1, "a")]);
    /// let v2 = v1.with_inserted(2, "b");
    /// assert_eq!(v1.len(), 1);
    /// assert_eq!(v2, FrozenMap::from([(1, "a"), (2, "b")]));
    /// ```
    #[must_use]
    pub fn with_inserted(&self, key: K, value: V) -> Self {
        let mut out = self.clone();
        out.inner.insert(key, value);
        out
    }

    /// Returns a new map without the entry for `key`, leaving `self` unchanged. O(log n). When
    /// `key` is absent the result is a clone ([`ptr_eq`](Self::ptr_eq) to `self`).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let v1 = FrozenMap::from([(1, "a"), (2, "b")]);
    /// let v2 = v1.without(&1);
    /// assert_eq!(v1.len(), 2);
    /// assert_eq!(v2, FrozenMap::from([(2, "b")]));
    /// assert!(v1.without(&9).ptr_eq(&v1));
    /// ```
    #[must_use]
    pub fn without<Q>(&self, key: &Q) -> Self
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        // One lookup, as imbl's `without`: remove from a clone, and when nothing was removed
        // return a clone of `self` instead (the removal copied the root, so `out` is no longer
        // `ptr_eq` to `self`).
        let mut out = self.clone();
        match out.inner.remove_with_key(key) {
            Some(_) => out,
            None => self.clone(),
        }
    }

    /// Returns the union of two maps; for a key in both, the value of `self` is kept.
    ///
    /// Starts from an O(1) clone of the larger map and inserts the entries of the smaller one, so
    /// it costs O(m log n) for a smaller map of `m` entries. The result uses the hasher of the
    /// larger map.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let a = FrozenMap::from([(1, "a1"), (2, "a2")]);
    /// let b = FrozenMap::from([(2, "b2"), (3, "b3")]);
    /// assert_eq!(a.union(&b), FrozenMap::from([(1, "a1"), (2, "a2"), (3, "b3")]));
    /// ```
    #[must_use]
    pub fn union(&self, other: &Self) -> Self {
        if self.len() >= other.len() {
            let mut out = self.clone();
            for (key, value) in other.iter() {
                if !self.inner.contains_key(key) {
                    out.inner.insert(key.clone(), value.clone());
                }
            }
            out
        } else {
            let mut out = other.clone();
            for (key, value) in self.iter() {
                out.inner.insert(key.clone(), value.clone());
            }
            out
        }
    }

    /// Returns the union of two maps; for a key in both, the value is
    /// `f(&value_in_self, &value_in_other)`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let a = FrozenMap::from([("x", 1), ("y", 2)]);
    /// let b = FrozenMap::from([("y", 10), ("z", 20)]);
    /// let sum = a.union_with(&b, |l, r| l + r);
    /// assert_eq!(sum, FrozenMap::from([("x", 1), ("y", 12), ("z", 20)]));
    /// ```
    #[must_use]
    pub fn union_with<F>(&self, other: &Self, mut f: F) -> Self
    where
        F: FnMut(&V, &V) -> V,
    {
        self.union_with_key(other, |_, left, right| f(left, right))
    }

    /// Returns the union of two maps; for a key in both, the value is
    /// `f(&key, &value_in_self, &value_in_other)`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let a = FrozenMap::from([(1, 100), (2, 200)]);
    /// let b = FrozenMap::from([(2, 20), (3, 30)]);
    /// let merged = a.union_with_key(&b, |k, l, r| k + l - r);
    /// assert_eq!(merged, FrozenMap::from([(1, 100), (2, 182), (3, 30)]));
    /// ```
    #[must_use]
    pub fn union_with_key<F>(&self, other: &Self, mut f: F) -> Self
    where
        F: FnMut(&K, &V, &V) -> V,
    {
        let self_is_base = self.len() >= other.len();
        let (mut out, smaller) = if self_is_base {
            (self.clone(), other)
        } else {
            (other.clone(), self)
        };
        for (key, value) in smaller.iter() {
            let merged = match out.inner.get(key) {
                Some(existing) if self_is_base => f(key, existing, value),
                Some(existing) => f(key, value, existing),
                None => value.clone(),
            };
            out.inner.insert(key.clone(), merged);
        }
        out
    }

    /// Inserts every entry of `entries` in place, combining with an existing value as
    /// `f(&key, &old_value, new_value)`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut stock = FrozenMap::from([("apple", 3)]);
    /// stock.merge_with([("apple", 2), ("pear", 5)], |_, old, new| old + new);
    /// assert_eq!(stock, FrozenMap::from([("apple", 5), ("pear", 5)]));
    /// ```
    pub fn merge_with<I, F>(&mut self, entries: I, mut f: F)
    where
        I: IntoIterator<Item = (K, V)>,
        F: FnMut(&K, &V, V) -> V,
    {
        for (key, value) in entries {
            let value = match self.inner.get(&key) {
                Some(old) => f(&key, old, value),
                None => value,
            };
            self.inner.insert(key, value);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Traits

impl<K: Clone, V: Clone, S: Clone> Clone for FrozenMap<K, V, S> {
    /// O(1): one atomic increment (plus cloning the hasher).
    #[inline]
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug, S> fmt::Debug for FrozenMap<K, V, S> {
    /// Formats like [`HashMap`]: `{k: v, ...}`.
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
    S: BuildHasher + Clone,
{
    /// Maps are equal when they have the same keys with equal values. O(1) when they share their
    /// root ([`ptr_eq`](FrozenMap::ptr_eq)) or differ in length, O(n) otherwise. Because of the
    /// `ptr_eq` shortcut a map compares equal to its clones even if a value is not equal to
    /// itself (a NaN).
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
        self.ptr_eq(other)
            || (self.len() == other.len()
                && self
                    .iter()
                    .all(|(key, value)| other.inner.get(key) == Some(value)))
    }
}

impl<K, V, S> Eq for FrozenMap<K, V, S>
where
    K: Hash + Eq,
    V: Eq,
    S: BuildHasher + Clone,
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
    let mut hasher = DefaultHasher::new();
    entry.hash(&mut hasher);
    hasher.finish()
}

impl<K, Q, V, S> Index<&Q> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Borrow<Q>,
    Q: ?Sized + Hash + Eq,
    S: BuildHasher + Clone,
{
    type Output = V;

    /// Returns the value for `key`.
    ///
    /// # Panics
    ///
    /// If the key is not in the map, like [`HashMap`]'s `Index`.
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
    S: BuildHasher + Default + Clone,
{
    /// Builds a map from key-value pairs; a later pair for the same key wins.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map: FrozenMap<_, _> = [(1, 'a'), (1, 'b')].into_iter().collect();
    /// assert_eq!(map[&1], 'b');
    /// ```
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut map = Self::default();
        map.extend(entries);
        map
    }
}

impl<K, V, S> Extend<(K, V)> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher + Clone,
{
    /// Inserts every pair in place; a later pair for the same key wins.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([(1, 'a')]);
    /// map.extend([(2, 'b'), (1, 'c')]);
    /// assert_eq!(map, FrozenMap::from([(1, 'c'), (2, 'b')]));
    /// ```
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        for (key, value) in entries {
            self.inner.insert(key, value);
        }
    }
}

impl<'a, K, V, S> Extend<(&'a K, &'a V)> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Copy,
    V: Copy,
    S: BuildHasher + Clone,
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
        for (&key, &value) in entries {
            self.inner.insert(key, value);
        }
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

impl<K, V, S> IntoIterator for FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher + Clone,
{
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
        IntoIter {
            inner: self.inner.into_iter(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Conversions

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
        let mut out = Self::with_hasher(map.hasher().clone());
        out.extend(map);
        out
    }
}

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

impl<K, V, const N: usize> From<[(K, V); N]> for FrozenMap<K, V>
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
    /// let std_map: HashMap<_, _> = map.into();
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
    K: Hash + Ord + Clone,
    V: Clone,
    S: BuildHasher + Clone,
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
// Iterators

/// An iterator over the entries of a [`FrozenMap`], from [`FrozenMap::iter`].
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let map = FrozenMap::from([(1, 'a')]);
/// let mut iter = map.iter();
/// assert_eq!(iter.len(), 1);
/// assert_eq!(iter.next(), Some((&1, &'a')));
/// assert_eq!(iter.next(), None);
/// ```
pub struct Iter<'a, K, V> {
    inner: imbl::hashmap::Iter<'a, K, V, ArcTK>,
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    #[inline]
    fn next(&mut self) -> Option<(&'a K, &'a V)> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}
impl<K, V> FusedIterator for Iter<'_, K, V> {}

impl<K, V> Clone for Iter<'_, K, V> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Iter<'_, K, V> {
    /// Lists the remaining entries, like std's iterators.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// An iterator over the keys of a [`FrozenMap`], from [`FrozenMap::keys`].
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let map = FrozenMap::from([(1, 'a')]);
/// assert_eq!(map.keys().collect::<Vec<_>>(), [&1]);
/// ```
pub struct Keys<'a, K, V> {
    inner: Iter<'a, K, V>,
}

impl<'a, K, V> Iterator for Keys<'a, K, V> {
    type Item = &'a K;

    #[inline]
    fn next(&mut self) -> Option<&'a K> {
        self.inner.next().map(|(key, _)| key)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<K, V> ExactSizeIterator for Keys<'_, K, V> {}
impl<K, V> FusedIterator for Keys<'_, K, V> {}

impl<K, V> Clone for Keys<'_, K, V> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<K: fmt::Debug, V> fmt::Debug for Keys<'_, K, V> {
    /// Lists the remaining keys.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// An iterator over the values of a [`FrozenMap`], from [`FrozenMap::values`].
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let map = FrozenMap::from([(1, 'a')]);
/// assert_eq!(map.values().collect::<Vec<_>>(), [&'a']);
/// ```
pub struct Values<'a, K, V> {
    inner: Iter<'a, K, V>,
}

impl<'a, K, V> Iterator for Values<'a, K, V> {
    type Item = &'a V;

    #[inline]
    fn next(&mut self) -> Option<&'a V> {
        self.inner.next().map(|(_, value)| value)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<K, V> ExactSizeIterator for Values<'_, K, V> {}
impl<K, V> FusedIterator for Values<'_, K, V> {}

impl<K, V> Clone for Values<'_, K, V> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<K, V: fmt::Debug> fmt::Debug for Values<'_, K, V> {
    /// Lists the remaining values.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// An owning iterator over the entries of a [`FrozenMap`], from its `into_iter`.
///
/// Entries in nodes that no other version shares are moved out; the others are cloned.
/// (`K: Eq` is required by the backend's iterator type.)
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let map = FrozenMap::from([(1, 'a'), (2, 'b')]);
/// let mut iter = map.into_iter();
/// assert_eq!(iter.len(), 2);
/// let mut entries: Vec<_> = iter.collect();
/// entries.sort();
/// assert_eq!(entries, [(1, 'a'), (2, 'b')]);
/// ```
pub struct IntoIter<K: Eq, V> {
    inner: imbl::hashmap::ConsumingIter<(K, V), ArcTK>,
}

impl<K: Eq + Clone, V: Clone> Iterator for IntoIter<K, V> {
    type Item = (K, V);

    #[inline]
    fn next(&mut self) -> Option<(K, V)> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<K: Eq + Clone, V: Clone> ExactSizeIterator for IntoIter<K, V> {}
impl<K: Eq + Clone, V: Clone> FusedIterator for IntoIter<K, V> {}

impl<K: Eq + Clone, V: Clone> fmt::Debug for IntoIter<K, V> {
    /// Shows how many entries remain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IntoIter")
            .field("remaining", &self.len())
            .finish()
    }
}
