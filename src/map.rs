//! [`FrozenMap`]: a persistent hash map (a CHAMP hash trie), its [`Entry`] API, its iterators
//! and its default hasher [`DefaultHashBuilder`].
//!
//! Cloning a `FrozenMap` costs one atomic increment; updates copy only the nodes on the path to
//! the changed entry that another version shares, so old and new versions coexist cheaply.
//!
//! # The trie
//!
//! Each node is one `triomphe::Arc` allocation: a reference count, two 32-bit bitmaps (inline
//! entries, child nodes) and one slot per entry or child, exact-sized except that an in-place
//! `remove` leaves the freed slots for the next in-place insert (at most about half the node's
//! slots; copies and bulk builds are always exact); an entry slot stores the key, the value and
//! a 32-bit fold of the key's hash. Lookups descend by 5-bit fragments of
//! that hash; keys whose 32-bit hashes are equal share a collision node compared with `Eq`. An
//! empty map allocates nothing; a map of one `u64 -> u64` entry is one 40-byte allocation.
//!
//! The shape is canonical: it depends only on the entries and the hash function (a sub-trie that
//! shrinks to one entry is folded back into its parent). Equality therefore compares two maps
//! node by node and skips the sub-tries they share, so comparing a map with an edited version of
//! itself costs O(k log n) for `k` differences. The same walk merges two maps
//! ([`union`](FrozenMap::union) and friends, reusing whole sub-tries of either side), lists their
//! differences ([`diff`](FrozenMap::diff)), and gives [`FrozenSet`](crate::FrozenSet) its
//! operators and subset tests. This needs both maps to hash alike, which is why the default
//! hasher, [`DefaultHashBuilder`], uses one random key per process; with a hasher seeded per
//! instance (std's `RandomState`), maps whose seeds differ are detected and combined entry by
//! entry instead.
//!
//! # Panics in user code
//!
//! A panic in `Hash`, `Eq` or `Clone` of a key or value, or in a closure passed to a method,
//! leaves the map and every other version valid: `len` agrees with iteration, nothing is dropped
//! twice, and nothing leaks (except, for keys and values without drop glue, the memory of the
//! one node copy a panicking `Clone` interrupts). Every `&mut` update first finds its entry
//! without changing anything
//! (that is where `Hash` and `Eq` run), then copies the shared nodes on the path (where `Clone`
//! runs; each copy is complete before it replaces the shared node), and only then moves entries.
//! Methods that rebuild the whole map ([`retain`](FrozenMap::retain),
//! [`extract_if`](FrozenMap::extract_if)) keep every entry they have not removed, whatever
//! panics. After a panic inside an update some entries may already be changed, exactly as the
//! method's own steps would have left them (for instance `retain`'s closure may have edited some
//! values).
//!
//! # Capacity
//!
//! A trie grows and shrinks node by node, so there is no capacity: `with_capacity`, `reserve`,
//! `shrink_to_fit` and friends of [`HashMap`](std::collections::HashMap) have no counterpart.

use alloc::vec::Vec;
use core::borrow::Borrow;
use core::hash::{BuildHasher, Hash};
use core::mem;

use crate::Frozen;
use crate::hash_trie::{Change, HashTrie, Location, Loose, Rule, fold_hash};

mod algebra;
mod diff;
mod entry;
mod hasher;
mod iter;
mod traits;

pub use crate::diff_item::DiffItem;
pub use diff::Diff;
pub use entry::{Entry, OccupiedEntry, VacantEntry};
pub use hasher::DefaultHashBuilder;
pub use iter::{
    Drain, ExtractIf, IntoIter, IntoKeys, IntoValues, Iter, IterMut, Keys, Values, ValuesMut,
};

pub(crate) use traits::entry_hash;

/// A persistent, deeply immutable hash map: O(1) clone, O(log n) updates that share structure.
///
/// `FrozenMap<K, V, S>` has the API of [`std::collections::HashMap`], with std's signatures and
/// semantics: lookups, in-place updates through `&mut self` ([`insert`](Self::insert),
/// [`entry`](Self::entry), [`get_mut`](Self::get_mut), [`iter_mut`](Self::iter_mut),
/// [`retain`](Self::retain), ...) that copy only the nodes shared with other versions, and
/// persistent updates through `&self` that return a new map ([`with_inserted`](Self::with_inserted),
/// [`without`](Self::without)). It is [`Frozen`](trait@Frozen) when `K`, `V` and the hasher `S`
/// are, so a map can be shared between threads for the price of one atomic increment.
///
/// The default hasher is [`DefaultHashBuilder`]: SipHash-1-3 with one random key per process.
/// Any `S: BuildHasher` works ([`with_hasher`](Self::with_hasher)).
///
/// Updating methods need `K: Clone` and `V: Clone`, because writing to a node that another
/// version shares copies that node first. Keys and values that are themselves frozen handles
/// (`FrozenArc`, `FrozenStr`, ...) clone in O(1). See the [module docs](crate::map) for the
/// layout and the behaviour under panics.
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let mut prices = FrozenMap::new();
/// prices.insert("apple".to_string(), 3);
/// prices.insert("pear".to_string(), 4);
///
/// let snapshot = prices.clone(); // O(1)
/// *prices.get_mut("apple").unwrap() += 2;
/// *prices.entry("plum".to_string()).or_insert(0) += 7;
///
/// assert_eq!(snapshot["apple"], 3); // the snapshot never changes
/// assert_eq!(prices["apple"], 5);
/// assert_eq!(prices["plum"], 7);
///
/// // Persistent updates leave `prices` as it is.
/// let fewer = prices.without("pear");
/// assert_eq!((prices.len(), fewer.len()), (3, 2));
/// ```
pub struct FrozenMap<K, V, S = DefaultHashBuilder> {
    trie: HashTrie<K, V>,
    hasher: S,
}

#[allow(unsafe_code)]
// SAFETY:
// - No interior mutability: a `FrozenMap` is a `HashTrie` (an `Option` of a `triomphe::Arc` root
//   node and a `usize` length) and the hasher `S`. A node is a `triomphe::Arc` of two `u32`
//   bitmaps and a slice of slots, each an entry (`u32` hash, `K`, `V`), a child node or empty.
//   The only mutable state is the reference counts of the `triomphe::Arc`s.
// - Nothing changes behind `&FrozenMap`: every `&self` method only reads. Writes go through
//   `&mut self` and reach a node only after `Arc::is_unique` showed that no other handle (hence
//   no other map) can see it; shared nodes are copied first.
// - Deep: everything reachable is a key `K`, a value `V` or the hasher `S`, each `Frozen`, or the
//   nodes described above.
// - `Send + Sync + 'static` follow from `K, V, S: Frozen` (and are checked by the compiler).
unsafe impl<K: Frozen, V: Frozen, S: Frozen> Frozen for FrozenMap<K, V, S> {}

#[cfg(feature = "std")]
impl<K, V> FrozenMap<K, V, DefaultHashBuilder> {
    /// Creates an empty map with the default hasher, [`DefaultHashBuilder`]. Does not allocate.
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
        Self::with_hasher(DefaultHashBuilder::default())
    }
}

impl<K, V, S> FrozenMap<K, V, S> {
    /// Creates an empty map that hashes keys with `hasher`. Does not allocate.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::hash::RandomState;
    ///
    /// let mut map = FrozenMap::with_hasher(RandomState::new());
    /// map.insert(1, "one");
    /// assert_eq!(map[&1], "one");
    /// ```
    #[inline]
    #[must_use]
    pub const fn with_hasher(hasher: S) -> Self {
        Self {
            trie: HashTrie::new(),
            hasher,
        }
    }

    /// Returns a reference to the map's hasher.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use std::hash::{BuildHasher, RandomState};
    ///
    /// let state = RandomState::new();
    /// let map: FrozenMap<u8, u8, _> = FrozenMap::with_hasher(state.clone());
    /// assert_eq!(map.hasher().hash_one(7), state.hash_one(7));
    /// ```
    #[inline]
    #[must_use]
    pub fn hasher(&self) -> &S {
        &self.hasher
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
        self.trie.len()
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
        self.len() == 0
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
        self.trie.ptr_eq(&other.trie)
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
        Iter::new(self.trie.iter())
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
        Keys::new(self.iter())
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
        Values::new(self.iter())
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
        self.trie.clear();
    }
}

#[cfg(feature = "rayon")]
impl<K, V, S> FrozenMap<K, V, S> {
    /// The trie, for the parallel iterators.
    #[inline]
    pub(crate) fn trie(&self) -> &HashTrie<K, V> {
        &self.trie
    }

    /// The trie and the hasher, for the owning parallel iterator and the parallel build.
    #[inline]
    pub(crate) fn into_parts(self) -> (HashTrie<K, V>, S) {
        (self.trie, self.hasher)
    }

    /// A map of `trie`, whose entries must have been hashed with `hasher`.
    #[inline]
    pub(crate) fn from_parts(trie: HashTrie<K, V>, hasher: S) -> Self {
        Self { trie, hasher }
    }
}

impl<K: Clone, V: Clone, S> FrozenMap<K, V, S> {
    /// The trie, for the set built on this map.
    #[inline]
    pub(crate) fn trie_mut(&mut self) -> &mut HashTrie<K, V> {
        &mut self.trie
    }

    /// An iterator over the entries with mutable references to the values, in the order of
    /// [`iter`](Self::iter). Copies each node that another version shares as it reaches it.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([("a", 1), ("b", 2)]);
    /// let before = map.clone();
    /// for (_, value) in map.iter_mut() {
    ///     *value *= 10;
    /// }
    /// assert_eq!(map, FrozenMap::from([("a", 10), ("b", 20)]));
    /// assert_eq!(before["a"], 1);
    /// ```
    #[inline]
    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut::new(self.trie.iter_mut())
    }

    /// An iterator over mutable references to the values, in the order of [`iter`](Self::iter).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([("a", 1), ("b", 2)]);
    /// map.values_mut().for_each(|value| *value += 1);
    /// assert_eq!(map.values().sum::<i32>(), 5);
    /// ```
    #[inline]
    pub fn values_mut(&mut self) -> ValuesMut<'_, K, V> {
        ValuesMut::new(self.iter_mut())
    }

    /// Removes every entry and returns them in an iterator. The map is empty as soon as this
    /// returns, whether or not the iterator is consumed. Entries of nodes that another version
    /// shares are cloned, the others moved.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([(1, 'a'), (2, 'b')]);
    /// let mut drained: Vec<_> = map.drain().collect();
    /// drained.sort();
    /// assert_eq!(drained, [(1, 'a'), (2, 'b')]);
    /// assert!(map.is_empty());
    /// ```
    #[inline]
    pub fn drain(&mut self) -> Drain<'_, K, V> {
        Drain::new(mem::take(&mut self.trie).into_iter())
    }

    /// Consumes the map into an iterator over its keys.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, 'a'), (2, 'b')]);
    /// let mut keys: Vec<i32> = map.into_keys().collect();
    /// keys.sort();
    /// assert_eq!(keys, [1, 2]);
    /// ```
    #[inline]
    pub fn into_keys(self) -> IntoKeys<K, V> {
        IntoKeys::new(self.trie.into_iter())
    }

    /// Consumes the map into an iterator over its values.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, 10), (2, 20)]);
    /// assert_eq!(map.into_values().sum::<i32>(), 30);
    /// ```
    #[inline]
    pub fn into_values(self) -> IntoValues<K, V> {
        IntoValues::new(self.trie.into_iter())
    }

    /// Keeps only the entries for which `keep(&key, &mut value)` returns `true`, like
    /// [`HashMap::retain`](std::collections::HashMap::retain). O(n): the map is rebuilt from the
    /// kept entries (in trie order, so the result has the canonical shape).
    ///
    /// If `keep` panics, the entries it has not yet rejected all stay in the map.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map: FrozenMap<i32, i32> = (0..8).map(|x| (x, x * 10)).collect();
    /// let all = map.clone();
    /// map.retain(|&k, v| {
    ///     *v += 1;
    ///     k % 2 == 0
    /// });
    /// assert_eq!(map.len(), 4);
    /// assert_eq!(map[&2], 21);
    /// assert_eq!(all.len(), 8);
    /// ```
    pub fn retain<F>(&mut self, mut keep: F)
    where
        F: FnMut(&K, &mut V) -> bool,
    {
        self.extract_if(|key, value| !keep(key, value))
            .for_each(drop);
    }

    /// An iterator that removes and yields the entries for which `pred(&key, &mut value)` returns
    /// `true`, like [`HashMap::extract_if`](std::collections::HashMap::extract_if). Entries for
    /// which it returns `false`, and every entry not yet visited when the iterator is dropped,
    /// stay in the map, with any change `pred` made to their values.
    ///
    /// O(n) once the iterator is dropped: the map is rebuilt from the entries it keeps.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map: FrozenMap<i32, i32> = (0..8).map(|x| (x, x)).collect();
    /// let mut evens: Vec<_> = map.extract_if(|k, _| k % 2 == 0).collect();
    /// evens.sort();
    /// assert_eq!(evens, [(0, 0), (2, 2), (4, 4), (6, 6)]);
    /// assert_eq!(map.len(), 4);
    /// ```
    #[inline]
    pub fn extract_if<F>(&mut self, pred: F) -> ExtractIf<'_, K, V, F>
    where
        F: FnMut(&K, &mut V) -> bool,
    {
        ExtractIf::new(&mut self.trie, pred)
    }
}

impl<K, V, S> FrozenMap<K, V, S>
where
    K: Hash + Eq,
    S: BuildHasher,
{
    /// The trie's hash of `key`.
    #[inline]
    fn hash_of<Q: ?Sized + Hash>(&self, key: &Q) -> u32 {
        fold_hash(self.hasher.hash_one(key))
    }

    /// Finds `key`: its hash and, if present, its location.
    #[inline]
    fn locate<Q>(&self, key: &Q) -> (u32, Option<Location>)
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        let hash = self.hash_of(key);
        let found = self.trie.find(hash, |stored| stored.borrow() == key);
        (hash, found.map(|(location, ..)| location))
    }

    /// Returns a reference to the value for `key`, if present.
    ///
    /// The key may be any borrowed form of `K` (`&str` for `String` keys), with `Hash` and `Eq`
    /// consistent with `K`'s, as for [`HashMap::get`](std::collections::HashMap::get).
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
        self.get_key_value(key).map(|(_, value)| value)
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
        HashTrie::get_in_context(
            (self, key),
            |(map, _)| &map.trie,
            |(map, key)| map.hash_of(key),
            |(_, key), stored| stored.borrow() == key,
        )
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
        self.get_key_value(key).is_some()
    }
}

impl<K, V, S> FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher,
{
    /// Returns a mutable reference to the value for `key`, if present. Copies the nodes on the
    /// path to it that another version shares (none if the key is absent).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([("a", 1)]);
    /// let old = map.clone();
    /// if let Some(value) = map.get_mut("a") {
    ///     *value = 10;
    /// }
    /// assert_eq!((map["a"], old["a"]), (10, 1));
    /// assert_eq!(map.get_mut("b"), None);
    /// ```
    #[inline]
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        let (hash, location) = self.locate(key);
        let location = location?;
        Some(self.trie.entry_mut_at(hash, location).1)
    }

    /// Returns mutable references to the values of `N` keys at once, like
    /// [`HashMap::get_disjoint_mut`](std::collections::HashMap::get_disjoint_mut): `None` for a
    /// key that is absent.
    ///
    /// # Panics
    ///
    /// If two of the keys are equal (refer to the same entry), like std.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([("a", 1), ("b", 2)]);
    /// let [a, b, c] = map.get_disjoint_mut(["a", "b", "c"]);
    /// std::mem::swap(a.unwrap(), b.unwrap());
    /// assert_eq!(c, None);
    /// assert_eq!((map["a"], map["b"]), (2, 1));
    /// ```
    ///
    /// ```should_panic
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([("a", 1)]);
    /// let _ = map.get_disjoint_mut(["a", "a"]); // panics: the same key twice
    /// ```
    pub fn get_disjoint_mut<Q, const N: usize>(&mut self, ks: [&Q; N]) -> [Option<&'_ mut V>; N]
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq,
    {
        let targets: [Option<(u32, Location)>; N] = ks.map(|key| {
            let (hash, location) = self.locate(key);
            location.map(|location| (hash, location))
        });
        for (i, target) in targets.iter().enumerate() {
            if let Some((hash, location)) = target {
                let repeated = targets[..i]
                    .iter()
                    .flatten()
                    .any(|(h, l)| h == hash && l == location);
                assert!(!repeated, "duplicate keys found");
            }
        }
        self.trie.values_mut_at(targets)
    }

    /// Inserts `value` for `key` in place and returns the previous value, if any. O(log n);
    /// copies only the nodes on the path that other versions share.
    ///
    /// As for [`HashMap::insert`](std::collections::HashMap::insert), when the key was present
    /// its stored key is kept (only the value is replaced).
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
        let hash = self.hash_of(&key);
        self.trie
            .insert(hash, key, value, |stored, new| stored == new)
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
        let (hash, location) = self.locate(key);
        Some(self.trie.remove_at(hash, location?))
    }

    /// Gets the entry for `key`, for in-place reading, updating, inserting or removing, like
    /// [`HashMap::entry`](std::collections::HashMap::entry).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut counts = FrozenMap::new();
    /// for word in ["a", "b", "a"] {
    ///     *counts.entry(word).or_insert(0) += 1;
    /// }
    /// assert_eq!(counts, FrozenMap::from([("a", 2), ("b", 1)]));
    /// ```
    #[inline]
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        let (hash, location) = self.locate(&key);
        match location {
            Some(location) => Entry::Occupied(OccupiedEntry::new(&mut self.trie, hash, location)),
            None => Entry::Vacant(VacantEntry::new(&mut self.trie, hash, key)),
        }
    }

    /// Updates the entry for `key` in place with the result of `f(current_value)`: `Some(v)`
    /// stores `v`, `None` removes the entry (or leaves it absent).
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
        match self.entry(key) {
            Entry::Occupied(mut entry) => match f(Some(entry.get())) {
                Some(value) => {
                    entry.insert(value);
                }
                None => {
                    entry.remove();
                }
            },
            Entry::Vacant(entry) => {
                if let Some(value) = f(None) {
                    entry.insert(value);
                }
            }
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
    pub fn with_inserted(&self, key: K, value: V) -> Self
    where
        S: Clone,
    {
        let mut out = self.clone();
        out.insert(key, value);
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
        S: Clone,
    {
        let mut out = self.clone();
        out.remove(key);
        out
    }

    /// Returns the union of two maps; for a key in both, the entry of `self` is kept. The result
    /// has `self`'s hasher.
    ///
    /// When the two maps hash alike (always with the default hasher; see
    /// [`DefaultHashBuilder`]), the tries are merged node by node: sub-tries the maps share, and
    /// sub-tries only one of them has, are reused whole, so the union of a map with a version of
    /// itself that differs in `k` entries costs O(k log n) time and memory. Otherwise the entries
    /// of `other` are inserted into a clone of `self`.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let a = FrozenMap::from([(1, "a1"), (2, "a2")]);
    /// let b = FrozenMap::from([(2, "b2"), (3, "b3")]);
    /// assert_eq!(a.union(&b), FrozenMap::from([(1, "a1"), (2, "a2"), (3, "b3")]));
    ///
    /// let big: FrozenMap<u32, u32> = (0..1000).map(|k| (k, k)).collect();
    /// assert!(big.union(&big.without(&7)).ptr_eq(&big)); // nothing new: `big` itself
    /// ```
    #[must_use]
    pub fn union(&self, other: &Self) -> Self
    where
        S: Clone,
    {
        self.combine(other, Rule::UNION, |_, _, _| None)
    }

    /// Returns the union of two maps; for a key in both, the value is
    /// `f(&value_in_self, &value_in_other)` (and the key is `self`'s). The result has `self`'s
    /// hasher.
    ///
    /// Merged node by node as [`union`](Self::union), except that sub-tries the two maps share
    /// are visited too, since `f` must see every key in both (so the cost is O(c) calls of `f`
    /// for `c` keys in both, without hashing anything).
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
        S: Clone,
    {
        self.union_with_key(other, |_, left, right| f(left, right))
    }

    /// Returns the union of two maps; for a key in both, the value is
    /// `f(&key, &value_in_self, &value_in_other)` (and the key is `self`'s). Merged as
    /// [`union_with`](Self::union_with).
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
        S: Clone,
    {
        let rule = Rule {
            skip_shared: false,
            ..Rule::UNION
        };
        self.combine(other, rule, |key, left, right| Some(f(key, left, right)))
    }

    /// Returns an iterator over the changes that turn `self` into `other`, in an arbitrary
    /// order: [`DiffItem::Add`] for keys only in `other`, [`DiffItem::Remove`] for keys only in
    /// `self`, [`DiffItem::Update`] for keys whose values differ.
    ///
    /// When the two maps hash alike (always with the default hasher), the tries are compared
    /// node by node and the sub-tries they share are skipped without being visited (so, as for
    /// [`FrozenOrdMap::diff`], a value unequal to itself there is not reported): two versions
    /// that differ in `k` entries are compared in O(k log n).
    /// Otherwise every entry is looked up in the other map.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::DiffItem;
    ///
    /// let old = FrozenMap::from([(1, "a"), (2, "b")]);
    /// let new = old.with_inserted(2, "B").with_inserted(3, "c");
    /// let mut changes: Vec<_> = old.diff(&new).collect();
    /// changes.sort_by_key(|change| match change {
    ///     DiffItem::Add(k, _) | DiffItem::Remove(k, _) => **k,
    ///     DiffItem::Update { old: (k, _), .. } => **k,
    /// });
    /// assert_eq!(
    ///     changes,
    ///     [
    ///         DiffItem::Update { old: (&2, &"b"), new: (&2, &"B") },
    ///         DiffItem::Add(&3, &"c"),
    ///     ]
    /// );
    /// ```
    #[cfg_attr(
        feature = "std",
        doc = "[`FrozenOrdMap::diff`]: crate::FrozenOrdMap::diff"
    )]
    #[cfg_attr(
        not(feature = "std"),
        doc = "[`FrozenOrdMap::diff`]: https://docs.rs/deepfreeze/latest/deepfreeze/struct.FrozenOrdMap.html#method.diff"
    )]
    pub fn diff<'a, 'b>(&'a self, other: &'b Self) -> Diff<'a, 'b, K, V>
    where
        V: PartialEq,
    {
        if self.hashes_alike(other) {
            return Diff::new(self.trie.diff(&other.trie, |a, b| a == b, |a, b| a == b));
        }
        let mut changes = Vec::new();
        for (key, value) in self.iter() {
            match other.get_key_value(key) {
                None => changes.push(Change::Removed(key, value)),
                Some(new) if new.1 != value => changes.push(Change::Updated((key, value), new)),
                Some(_) => {}
            }
        }
        for (key, value) in other.iter() {
            if !self.contains_key(key) {
                changes.push(Change::Added(key, value));
            }
        }
        Diff::new(changes)
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
            match self.entry(key) {
                Entry::Occupied(mut entry) => {
                    let merged = f(entry.key(), entry.get(), value);
                    entry.insert(merged);
                }
                Entry::Vacant(entry) => {
                    entry.insert(value);
                }
            }
        }
    }

    /// Stores `key` in place of an equal stored key (inserting it with `value` if absent), and
    /// returns the key it replaced: the rule of `HashSet::replace`.
    pub(crate) fn replace_key(&mut self, key: K, value: V) -> Option<K> {
        let (hash, location) = self.locate(&key);
        match location {
            Some(location) => Some(mem::replace(self.trie.entry_mut_at(hash, location).0, key)),
            None => {
                self.trie.insert_absent(hash, key, value);
                None
            }
        }
    }

    /// Inserts `key` with `value` only if no equal key is stored; returns whether it did (the
    /// rule of `HashSet::insert`: an equal element already present is kept).
    pub(crate) fn insert_if_absent(&mut self, key: K, value: V) -> bool {
        let (hash, location) = self.locate(&key);
        if location.is_some() {
            return false;
        }
        self.trie.insert_absent(hash, key, value);
        true
    }

    /// Builds a trie of `entries` hashed with `hasher`, in trie order; for a repeated key the
    /// first key and the last value are kept, as repeated [`insert`](Self::insert)s would.
    pub(crate) fn build_trie(
        entries: impl IntoIterator<Item = (K, V)>,
        hasher: &S,
    ) -> HashTrie<K, V> {
        let loose: Vec<Loose<K, V>> = entries
            .into_iter()
            .map(|(key, value)| Loose {
                hash: fold_hash(hasher.hash_one(&key)),
                key,
                value,
            })
            .collect();
        HashTrie::from_entries(loose, |a, b| a == b, |kept, later| kept.value = later.value)
    }
}
