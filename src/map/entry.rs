//! The entry API of [`FrozenMap`](super::FrozenMap): [`Entry`], [`OccupiedEntry`] and
//! [`VacantEntry`], with std's methods and semantics.
//!
//! [`FrozenMap::entry`](super::FrozenMap::entry) hashes the key and finds its place once; every
//! later step walks to that place by hash alone, without calling `Hash` or `Eq` again, and copies
//! the nodes on the way that another version shares only when it hands out `&mut` or changes the
//! map.

use core::fmt;
use core::mem;

use crate::hash_trie::{HashTrie, Location};

/// A view into one entry of a [`FrozenMap`](super::FrozenMap), occupied or vacant, from
/// [`FrozenMap::entry`](super::FrozenMap::entry).
///
/// ```
/// use deepfreeze::FrozenMap;
/// use deepfreeze::map::Entry;
///
/// let mut map = FrozenMap::from([("a", 1)]);
/// match map.entry("a") {
///     Entry::Occupied(entry) => assert_eq!(entry.get(), &1),
///     Entry::Vacant(_) => unreachable!(),
/// }
/// assert!(matches!(map.entry("b"), Entry::Vacant(_)));
/// ```
pub enum Entry<'a, K, V> {
    /// The key is in the map.
    Occupied(OccupiedEntry<'a, K, V>),
    /// The key is not in the map.
    Vacant(VacantEntry<'a, K, V>),
}

/// A view into an entry that is in the map; part of [`Entry`].
///
/// ```
/// use deepfreeze::FrozenMap;
/// use deepfreeze::map::Entry;
///
/// let mut map = FrozenMap::from([("a", 1)]);
/// if let Entry::Occupied(mut entry) = map.entry("a") {
///     *entry.get_mut() += 1;
///     assert_eq!(entry.insert(10), 2);
/// }
/// assert_eq!(map["a"], 10);
/// ```
pub struct OccupiedEntry<'a, K, V> {
    trie: &'a mut HashTrie<K, V>,
    hash: u32,
    location: Location,
}

/// A view into a place where the key is not in the map; part of [`Entry`].
///
/// ```
/// use deepfreeze::FrozenMap;
/// use deepfreeze::map::Entry;
///
/// let mut map = FrozenMap::<&str, i32>::new();
/// if let Entry::Vacant(entry) = map.entry("a") {
///     assert_eq!(entry.key(), &"a");
///     *entry.insert(1) += 1;
/// }
/// assert_eq!(map["a"], 2);
/// ```
pub struct VacantEntry<'a, K, V> {
    trie: &'a mut HashTrie<K, V>,
    hash: u32,
    key: K,
}

impl<'a, K: Clone, V: Clone> Entry<'a, K, V> {
    /// Inserts `default` if the entry is vacant; returns a mutable reference to the value.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::new();
    /// *map.entry("a").or_insert(1) += 10;
    /// *map.entry("a").or_insert(1) += 10;
    /// assert_eq!(map["a"], 21);
    /// ```
    #[inline]
    pub fn or_insert(self, default: V) -> &'a mut V {
        match self {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => entry.insert(default),
        }
    }

    /// Inserts `default()` if the entry is vacant; returns a mutable reference to the value.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map: FrozenMap<&str, String> = FrozenMap::new();
    /// map.entry("a").or_insert_with(|| "x".repeat(3)).push('!');
    /// assert_eq!(map["a"], "xxx!");
    /// ```
    #[inline]
    pub fn or_insert_with<F: FnOnce() -> V>(self, default: F) -> &'a mut V {
        match self {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => entry.insert(default()),
        }
    }

    /// Inserts `default(&key)` if the entry is vacant; returns a mutable reference to the value.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::new();
    /// map.entry("four").or_insert_with_key(|key| key.len());
    /// assert_eq!(map["four"], 4);
    /// ```
    #[inline]
    pub fn or_insert_with_key<F: FnOnce(&K) -> V>(self, default: F) -> &'a mut V {
        match self {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let value = default(entry.key());
                entry.insert(value)
            }
        }
    }

    /// Calls `f` on the value if the entry is occupied, and returns the entry.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::new();
    /// map.entry("a").and_modify(|v| *v += 1).or_insert(0);
    /// map.entry("a").and_modify(|v| *v += 1).or_insert(0);
    /// assert_eq!(map["a"], 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn and_modify<F: FnOnce(&mut V)>(self, f: F) -> Self {
        match self {
            Entry::Occupied(mut entry) => {
                f(entry.get_mut());
                Entry::Occupied(entry)
            }
            Entry::Vacant(entry) => Entry::Vacant(entry),
        }
    }

    /// Stores `value` in the entry (replacing any value) and returns it as occupied.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::new();
    /// let entry = map.entry("a").insert_entry(5);
    /// assert_eq!(entry.get(), &5);
    /// assert_eq!(map["a"], 5);
    /// ```
    #[inline]
    pub fn insert_entry(self, value: V) -> OccupiedEntry<'a, K, V> {
        match self {
            Entry::Occupied(mut entry) => {
                entry.insert(value);
                entry
            }
            Entry::Vacant(entry) => entry.insert_entry(value),
        }
    }

    /// Inserts `V::default()` if the entry is vacant; returns a mutable reference to the value.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map: FrozenMap<&str, Vec<u8>> = FrozenMap::new();
    /// map.entry("a").or_default().push(1);
    /// assert_eq!(map["a"], [1]);
    /// ```
    #[inline]
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

impl<K, V> Entry<'_, K, V> {
    /// The entry's key: the stored one if occupied, the given one if vacant.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::<&str, u8>::new();
    /// assert_eq!(map.entry("a").key(), &"a");
    /// ```
    #[inline]
    pub fn key(&self) -> &K {
        match self {
            Entry::Occupied(entry) => entry.key(),
            Entry::Vacant(entry) => entry.key(),
        }
    }
}

impl<'a, K, V> OccupiedEntry<'a, K, V> {
    pub(super) fn new(trie: &'a mut HashTrie<K, V>, hash: u32, location: Location) -> Self {
        Self {
            trie,
            hash,
            location,
        }
    }

    /// The stored key.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::from([("a".to_string(), 1)]);
    /// if let Entry::Occupied(entry) = map.entry("a".to_string()) {
    ///     assert_eq!(entry.key(), "a");
    /// }
    /// ```
    #[inline]
    #[must_use]
    pub fn key(&self) -> &K {
        self.trie.entry_at(self.hash, self.location).0
    }

    /// The value.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::from([("a", 1)]);
    /// if let Entry::Occupied(entry) = map.entry("a") {
    ///     assert_eq!(entry.get(), &1);
    /// }
    /// ```
    #[inline]
    #[must_use]
    pub fn get(&self) -> &V {
        self.trie.entry_at(self.hash, self.location).1
    }
}

impl<'a, K: Clone, V: Clone> OccupiedEntry<'a, K, V> {
    /// A mutable reference to the value, valid while the entry is. Copies the shared nodes on the
    /// path.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::from([("a", 1)]);
    /// if let Entry::Occupied(mut entry) = map.entry("a") {
    ///     *entry.get_mut() *= 7;
    /// }
    /// assert_eq!(map["a"], 7);
    /// ```
    #[inline]
    pub fn get_mut(&mut self) -> &mut V {
        self.trie.entry_mut_at(self.hash, self.location).1
    }

    /// Turns the entry into a mutable reference to the value, valid as long as the map's borrow.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::from([("a", 1)]);
    /// let value = match map.entry("a") {
    ///     Entry::Occupied(entry) => entry.into_mut(),
    ///     Entry::Vacant(_) => unreachable!(),
    /// };
    /// *value = 3;
    /// assert_eq!(map["a"], 3);
    /// ```
    #[inline]
    pub fn into_mut(self) -> &'a mut V {
        self.trie.entry_mut_at(self.hash, self.location).1
    }

    /// Replaces the value and returns the old one (the stored key stays).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::from([("a", 1)]);
    /// if let Entry::Occupied(mut entry) = map.entry("a") {
    ///     assert_eq!(entry.insert(2), 1);
    /// }
    /// assert_eq!(map["a"], 2);
    /// ```
    #[inline]
    pub fn insert(&mut self, value: V) -> V {
        mem::replace(self.get_mut(), value)
    }

    /// Removes the entry and returns the stored key and the value.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::from([("a", 1)]);
    /// if let Entry::Occupied(entry) = map.entry("a") {
    ///     assert_eq!(entry.remove_entry(), ("a", 1));
    /// }
    /// assert!(map.is_empty());
    /// ```
    #[inline]
    pub fn remove_entry(self) -> (K, V) {
        self.trie.remove_at(self.hash, self.location)
    }

    /// Removes the entry and returns the value.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::from([("a", 1)]);
    /// if let Entry::Occupied(entry) = map.entry("a") {
    ///     assert_eq!(entry.remove(), 1);
    /// }
    /// assert!(map.is_empty());
    /// ```
    #[inline]
    pub fn remove(self) -> V {
        self.remove_entry().1
    }
}

impl<'a, K, V> VacantEntry<'a, K, V> {
    pub(super) fn new(trie: &'a mut HashTrie<K, V>, hash: u32, key: K) -> Self {
        Self { trie, hash, key }
    }

    /// The key that would be inserted.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::<&str, u8>::new();
    /// if let Entry::Vacant(entry) = map.entry("a") {
    ///     assert_eq!(entry.key(), &"a");
    /// }
    /// ```
    #[inline]
    #[must_use]
    pub fn key(&self) -> &K {
        &self.key
    }

    /// Takes the key back without inserting.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::<String, u8>::new();
    /// if let Entry::Vacant(entry) = map.entry("a".to_string()) {
    ///     assert_eq!(entry.into_key(), "a");
    /// }
    /// assert!(map.is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub fn into_key(self) -> K {
        self.key
    }
}

impl<'a, K: Clone, V: Clone> VacantEntry<'a, K, V> {
    /// Inserts `value` for the entry's key and returns a mutable reference to it.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::new();
    /// if let Entry::Vacant(entry) = map.entry("a") {
    ///     *entry.insert(1) += 1;
    /// }
    /// assert_eq!(map["a"], 2);
    /// ```
    #[inline]
    pub fn insert(self, value: V) -> &'a mut V {
        self.insert_entry(value).into_mut()
    }

    /// Inserts `value` for the entry's key and returns the occupied entry.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use deepfreeze::map::Entry;
    ///
    /// let mut map = FrozenMap::new();
    /// if let Entry::Vacant(entry) = map.entry("a") {
    ///     assert_eq!(entry.insert_entry(1).key(), &"a");
    /// }
    /// assert_eq!(map["a"], 1);
    /// ```
    #[inline]
    pub fn insert_entry(self, value: V) -> OccupiedEntry<'a, K, V> {
        let location = self.trie.insert_absent(self.hash, self.key, value);
        OccupiedEntry::new(self.trie, self.hash, location)
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Entry<'_, K, V> {
    /// Like std's: `Entry(Occupied(..))` or `Entry(Vacant(..))`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entry::Occupied(entry) => f.debug_tuple("Entry").field(entry).finish(),
            Entry::Vacant(entry) => f.debug_tuple("Entry").field(entry).finish(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for OccupiedEntry<'_, K, V> {
    /// Shows the key and the value, like std's.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OccupiedEntry")
            .field("key", self.key())
            .field("value", self.get())
            .finish()
    }
}

impl<K: fmt::Debug, V> fmt::Debug for VacantEntry<'_, K, V> {
    /// Shows the key, like std's.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("VacantEntry").field(self.key()).finish()
    }
}
