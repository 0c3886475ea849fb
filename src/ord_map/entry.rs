//! The entry API of [`FrozenOrdMap`](super::FrozenOrdMap): [`Entry`], [`OccupiedEntry`] and
//! [`VacantEntry`], with the methods and meanings of `std::collections::btree_map`'s.
//!
//! An entry holds the map and the key, not a position in the tree: each method that reads or
//! writes the value looks the key up again (O(log n)), through imbl's `get_mut`, which copies the
//! nodes on the path that another clone shares before handing out `&mut V`
//! (`tests/imbl_soundness_ord.rs` drives that path under Miri). Insertions and removals are the
//! map's single-key updates, repaired if user code panics inside imbl.

use core::fmt;
use core::mem;

use super::FrozenOrdMap;

/// The message of the lookups that cannot fail unless `K`'s `Ord` is not a total order.
const VANISHED: &str = "FrozenOrdMap entry: the key is no longer found (is `Ord` a total order?)";

/// A view into one entry of a [`FrozenOrdMap`], occupied or vacant, as
/// [`btree_map::Entry`](std::collections::btree_map::Entry).
///
/// Created by [`FrozenOrdMap::entry`].
///
/// ```
/// use deepfreeze::FrozenOrdMap;
///
/// let mut counts = FrozenOrdMap::new();
/// for word in ["a", "b", "a"] {
///     *counts.entry(word).or_insert(0) += 1;
/// }
/// assert_eq!(counts, FrozenOrdMap::from([("a", 2), ("b", 1)]));
/// ```
pub enum Entry<'a, K, V> {
    /// The key is in the map.
    Occupied(OccupiedEntry<'a, K, V>),
    /// The key is not in the map.
    Vacant(VacantEntry<'a, K, V>),
}

/// A view into an occupied entry of a [`FrozenOrdMap`], as
/// [`btree_map::OccupiedEntry`](std::collections::btree_map::OccupiedEntry).
///
/// ```
/// use deepfreeze::FrozenOrdMap;
/// use deepfreeze::ord_map::Entry;
///
/// let mut m = FrozenOrdMap::from([(1, "a")]);
/// if let Entry::Occupied(mut e) = m.entry(1) {
///     assert_eq!(e.insert("b"), "a");
///     assert_eq!(e.remove(), "b");
/// }
/// assert!(m.is_empty());
/// ```
pub struct OccupiedEntry<'a, K, V> {
    map: &'a mut FrozenOrdMap<K, V>,
    /// The key given to `entry`; it compares equal to the stored one, which `key` returns.
    key: K,
}

/// A view into a vacant entry of a [`FrozenOrdMap`], as
/// [`btree_map::VacantEntry`](std::collections::btree_map::VacantEntry).
///
/// ```
/// use deepfreeze::FrozenOrdMap;
/// use deepfreeze::ord_map::Entry;
///
/// let mut m: FrozenOrdMap<i32, &str> = FrozenOrdMap::new();
/// if let Entry::Vacant(e) = m.entry(1) {
///     assert_eq!(*e.key(), 1);
///     *e.insert("a") = "A";
/// }
/// assert_eq!(m[&1], "A");
/// ```
pub struct VacantEntry<'a, K, V> {
    map: &'a mut FrozenOrdMap<K, V>,
    key: K,
}

impl<'a, K: Ord + Clone, V: Clone> Entry<'a, K, V> {
    pub(super) fn new(map: &'a mut FrozenOrdMap<K, V>, key: K) -> Self {
        if map.contains_key(&key) {
            Entry::Occupied(OccupiedEntry { map, key })
        } else {
            Entry::Vacant(VacantEntry { map, key })
        }
    }

    /// Inserts `default` if the entry is vacant, and returns a mutable reference to the value.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m = FrozenOrdMap::from([("a", 1)]);
    /// *m.entry("a").or_insert(10) += 1;
    /// *m.entry("b").or_insert(10) += 1;
    /// assert_eq!(m, FrozenOrdMap::from([("a", 2), ("b", 11)]));
    /// ```
    pub fn or_insert(self, default: V) -> &'a mut V {
        match self {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => entry.insert(default),
        }
    }

    /// Inserts the result of `default` if the entry is vacant (`default` is not called
    /// otherwise), and returns a mutable reference to the value.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m: FrozenOrdMap<&str, String> = FrozenOrdMap::new();
    /// m.entry("a").or_insert_with(|| "x".repeat(3)).push('!');
    /// assert_eq!(m["a"], "xxx!");
    /// ```
    pub fn or_insert_with<F: FnOnce() -> V>(self, default: F) -> &'a mut V {
        match self {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => entry.insert(default()),
        }
    }

    /// Inserts the result of `default` called with the key if the entry is vacant, and returns
    /// a mutable reference to the value.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m: FrozenOrdMap<&str, usize> = FrozenOrdMap::new();
    /// assert_eq!(*m.entry("four").or_insert_with_key(|k| k.len()), 4);
    /// ```
    pub fn or_insert_with_key<F: FnOnce(&K) -> V>(self, default: F) -> &'a mut V {
        match self {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let value = default(&entry.key);
                entry.insert(value)
            }
        }
    }

    /// Returns the entry's key: the stored one if occupied, the given one if vacant.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m: FrozenOrdMap<&str, i32> = FrozenOrdMap::new();
    /// assert_eq!(m.entry("a").key(), &"a");
    /// ```
    pub fn key(&self) -> &K {
        match self {
            Entry::Occupied(entry) => entry.key(),
            Entry::Vacant(entry) => entry.key(),
        }
    }

    /// Calls `f` on the value if the entry is occupied, and returns the entry.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m = FrozenOrdMap::from([("a", 1)]);
    /// m.entry("a").and_modify(|v| *v += 1).or_insert(0);
    /// m.entry("b").and_modify(|v| *v += 1).or_insert(0);
    /// assert_eq!(m, FrozenOrdMap::from([("a", 2), ("b", 0)]));
    /// ```
    #[must_use]
    pub fn and_modify<F: FnOnce(&mut V)>(self, f: F) -> Self {
        match self {
            Entry::Occupied(mut entry) => {
                f(entry.get_mut());
                Entry::Occupied(entry)
            }
            vacant @ Entry::Vacant(_) => vacant,
        }
    }

    /// Inserts `V::default()` if the entry is vacant, and returns a mutable reference to the
    /// value.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m: FrozenOrdMap<&str, Vec<i32>> = FrozenOrdMap::new();
    /// m.entry("a").or_default().push(1);
    /// assert_eq!(m["a"], [1]);
    /// ```
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

impl<'a, K: Ord + Clone, V: Clone> Entry<'a, K, V> {
    /// Sets the value of the entry (inserting the key if it is vacant) and returns the occupied
    /// entry, as [`btree_map::Entry::insert_entry`](std::collections::btree_map::Entry::insert_entry).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut map: FrozenOrdMap<&str, String> = FrozenOrdMap::new();
    /// let entry = map.entry("poneyland").insert_entry("hoho".to_string());
    /// assert_eq!(entry.key(), &"poneyland");
    /// let entry = map.entry("poneyland").insert_entry("haha".to_string());
    /// assert_eq!(entry.get(), "haha");
    /// ```
    pub fn insert_entry(self, value: V) -> OccupiedEntry<'a, K, V> {
        match self {
            Entry::Occupied(mut entry) => {
                entry.insert(value);
                entry
            }
            Entry::Vacant(entry) => entry.insert_entry(value),
        }
    }
}

impl<'a, K: Ord + Clone, V: Clone> OccupiedEntry<'a, K, V> {
    /// Returns the key stored in the map.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m = FrozenOrdMap::from([(1, "a")]);
    /// if let Entry::Occupied(e) = m.entry(1) {
    ///     assert_eq!(e.key(), &1);
    /// }
    /// ```
    #[must_use]
    pub fn key(&self) -> &K {
        self.map.get_key_value(&self.key).expect(VANISHED).0
    }

    /// Removes the entry from the map, returning the stored key and the value.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m = FrozenOrdMap::from([(1, "a")]);
    /// if let Entry::Occupied(e) = m.entry(1) {
    ///     assert_eq!(e.remove_entry(), (1, "a"));
    /// }
    /// assert!(m.is_empty());
    /// ```
    pub fn remove_entry(self) -> (K, V) {
        self.map.remove_entry(&self.key).expect(VANISHED)
    }

    /// Returns a reference to the value.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m = FrozenOrdMap::from([(1, "a")]);
    /// if let Entry::Occupied(e) = m.entry(1) {
    ///     assert_eq!(e.get(), &"a");
    /// }
    /// ```
    #[must_use]
    pub fn get(&self) -> &V {
        self.map.get(&self.key).expect(VANISHED)
    }

    /// Returns a mutable reference to the value, valid while the entry lives (see
    /// [`into_mut`](Self::into_mut) for one that outlives it). Copies the nodes on the key's
    /// path that another clone shares.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m = FrozenOrdMap::from([(1, 10)]);
    /// let before = m.clone();
    /// if let Entry::Occupied(mut e) = m.entry(1) {
    ///     *e.get_mut() += 1;
    ///     assert_eq!(*e.get(), 11);
    /// }
    /// assert_eq!((m[&1], before[&1]), (11, 10));
    /// ```
    pub fn get_mut(&mut self) -> &mut V {
        // The key is present: no need for `FrozenOrdMap::get_mut`'s look before the copy.
        self.map.inner.get_mut(&self.key).expect(VANISHED)
    }

    /// Converts the entry into a mutable reference to the value, with the map's borrow's
    /// lifetime.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m = FrozenOrdMap::from([(1, 10)]);
    /// if let Entry::Occupied(e) = m.entry(1) {
    ///     *e.into_mut() *= 2;
    /// }
    /// assert_eq!(m[&1], 20);
    /// ```
    #[must_use = "`self` will be dropped if the result is not used"]
    pub fn into_mut(self) -> &'a mut V {
        self.map.inner.get_mut(&self.key).expect(VANISHED)
    }

    /// Replaces the value, returning the old one. The stored key is kept.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m = FrozenOrdMap::from([(1, "a")]);
    /// if let Entry::Occupied(mut e) = m.entry(1) {
    ///     assert_eq!(e.insert("b"), "a");
    /// }
    /// assert_eq!(m[&1], "b");
    /// ```
    pub fn insert(&mut self, value: V) -> V {
        mem::replace(self.get_mut(), value)
    }

    /// Removes the entry from the map, returning the value.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m = FrozenOrdMap::from([(1, "a")]);
    /// if let Entry::Occupied(e) = m.entry(1) {
    ///     assert_eq!(e.remove(), "a");
    /// }
    /// assert!(m.is_empty());
    /// ```
    pub fn remove(self) -> V {
        self.remove_entry().1
    }
}

impl<'a, K: Ord + Clone, V: Clone> VacantEntry<'a, K, V> {
    /// Returns the key that would be inserted.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m: FrozenOrdMap<i32, i32> = FrozenOrdMap::new();
    /// if let Entry::Vacant(e) = m.entry(3) {
    ///     assert_eq!(e.key(), &3);
    /// }
    /// ```
    pub fn key(&self) -> &K {
        &self.key
    }

    /// Takes the key back without inserting anything.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m: FrozenOrdMap<String, i32> = FrozenOrdMap::new();
    /// if let Entry::Vacant(e) = m.entry(String::from("k")) {
    ///     assert_eq!(e.into_key(), "k");
    /// }
    /// assert!(m.is_empty());
    /// ```
    pub fn into_key(self) -> K {
        self.key
    }

    /// Inserts `value` under the entry's key and returns a mutable reference to it.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut m: FrozenOrdMap<i32, i32> = FrozenOrdMap::new();
    /// if let Entry::Vacant(e) = m.entry(1) {
    ///     *e.insert(5) += 1;
    /// }
    /// assert_eq!(m[&1], 6);
    /// ```
    pub fn insert(self, value: V) -> &'a mut V {
        // The key is needed again for the lookup after the insertion moved it into the tree.
        // It is absent, so imbl's `insert` (in place, repaired on a panic) cannot replace one.
        let lookup = self.key.clone();
        let tree = &mut self.map.inner;
        super::repair::in_place(tree, |tree| tree.insert(self.key, value));
        tree.get_mut(&lookup).expect(VANISHED)
    }

    /// Inserts the entry's key with `value` and returns the occupied entry, as
    /// [`btree_map::VacantEntry::insert_entry`](std::collections::btree_map::VacantEntry::insert_entry).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::Entry;
    ///
    /// let mut map: FrozenOrdMap<&str, u32> = FrozenOrdMap::new();
    /// if let Entry::Vacant(o) = map.entry("poneyland") {
    ///     assert_eq!(o.insert_entry(37).get(), &37);
    /// }
    /// assert_eq!(map["poneyland"], 37);
    /// ```
    pub fn insert_entry(self, value: V) -> OccupiedEntry<'a, K, V> {
        let VacantEntry { map, key } = self;
        // The entry keeps a copy of the key to find the value again, as `OccupiedEntry` does.
        let kept = key.clone();
        super::repair::in_place(&mut map.inner, |tree| tree.insert(key, value));
        OccupiedEntry { map, key: kept }
    }
}

/// Formats like std's: `Entry(VacantEntry(1))` or `Entry(OccupiedEntry { key: 1, value: "a" })`.
impl<K: Ord + Clone + fmt::Debug, V: Clone + fmt::Debug> fmt::Debug for Entry<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entry::Vacant(entry) => f.debug_tuple("Entry").field(entry).finish(),
            Entry::Occupied(entry) => f.debug_tuple("Entry").field(entry).finish(),
        }
    }
}

/// Formats like std's: `OccupiedEntry { key: 1, value: "a" }`.
impl<K: Ord + Clone + fmt::Debug, V: Clone + fmt::Debug> fmt::Debug for OccupiedEntry<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OccupiedEntry")
            .field("key", self.key())
            .field("value", self.get())
            .finish()
    }
}

/// Formats like std's: `VacantEntry(1)`.
impl<K: fmt::Debug, V> fmt::Debug for VacantEntry<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("VacantEntry").field(&self.key).finish()
    }
}
