//! [`FrozenOrdMap`]: a persistent ordered map (B-tree) with O(1) clones, its iterators, and
//! [`DiffItem`], the steps of a [`diff`](FrozenOrdMap::diff) between two versions.
//!
//! The backend is `imbl::GenericOrdMap` with `archery::ArcTK` (`triomphe::Arc` nodes). The only
//! imbl path that returns `&mut` into the tree is `get_mut`, which copies every shared node on
//! its way down before it hands out the reference (`tests/imbl_soundness_ord.rs` drives it under
//! Miri); imbl's own `entry` is not used. Single-key updates run in place and repair the tree
//! if user code panics inside imbl (module `repair`); multi-key updates run on a clone of the
//! tree that replaces `self` only once they have returned (see "Panics in user code" on
//! [`FrozenOrdMap`]).

use core::borrow::Borrow;
use core::ops::{Bound, RangeBounds};

use archery::ArcTK;
use imbl::GenericOrdMap;

use crate::Frozen;

mod iter;
mod traits;

mod entry;
pub(crate) mod repair;

pub use crate::diff_item::DiffItem;
pub use entry::{Entry, OccupiedEntry, VacantEntry};
pub use iter::{Diff, IntoIter, IntoKeys, IntoValues, Iter, Keys, Range, Values};

/// The backend: imbl's B-tree map with triomphe (`ArcTK`) pointers, named explicitly.
type Inner<K, V> = GenericOrdMap<K, V, ArcTK>;

/// A persistent, deeply immutable ordered map: O(1) clones, O(log n) lookups and updates,
/// iteration in key order.
///
/// It has the API of [`BTreeMap`](std::collections::BTreeMap) where that makes sense for an
/// immutable value, plus persistent updates ([`with_inserted`](Self::with_inserted),
/// [`without`](Self::without)) that take `&self` and return a new map, and
/// [`diff`](Self::diff), which walks the differences between two versions while skipping the
/// subtrees they share. Updates through `&mut self` ([`insert`](Self::insert),
/// [`entry`](Self::entry), [`get_mut`](Self::get_mut), ...) copy only the nodes they touch that
/// another clone shares: a clone never sees them.
///
/// `FrozenOrdMap<K, V>` is [`Frozen`] when `K` and `V` are, and `Send + Sync` exactly when they
/// are.
///
/// # Differences from `BTreeMap`
///
/// - No `iter_mut` and no `values_mut`: imbl 7.0.2, the backend, has no path that hands out
///   `&mut` to more than one value at a time, and one `get_mut` per key cannot be turned into an
///   iterator: each call reborrows the whole leaf it reaches, which invalidates the references
///   handed out into that leaf before. Update values one key at a time with
///   [`get_mut`](Self::get_mut) or [`entry`](Self::entry).
/// - [`retain`](Self::retain) passes `&V`, not `&mut V`, so that the entries it keeps stay shared
///   with other clones.
///
/// # Panics in user code
///
/// A panic in `K`'s or `V`'s `Clone` or `Ord`, or in a closure or iterator passed to a method,
/// is memory-safe, drops nothing twice and never changes another clone. The live map:
///
/// - **Single-key updates keep it valid.** `insert`, `remove`, `remove_entry`, `pop_first`,
///   `pop_last` and the [`Entry`] methods that insert or remove update the tree in place. A
///   panic in `Ord`, or in a `Clone` that copies a shared node on the way down, comes before any
///   change: the map keeps its entries. A `Clone` that panics while imbl splits or merges nodes
///   can leave imbl's tree inconsistent (entries gone while `len()` counts them, duplicates,
///   lookups that miss); the map then checks itself and, if it must, rebuilds itself from the
///   entries it still holds, before the panic continues. It is valid again (`len()` agrees with
///   iteration from both ends, every entry is found), but may have lost the entries of the node
///   being split or merged: at most 16, next to the updated key. If checking or rebuilding
///   panics as well, the map is left empty.
/// - **Multi-key updates are all or nothing.** `retain`, `append`, `split_off` and `extend` run
///   on a clone of the tree and replace `self` only when they return. If they panic, `self` (and
///   `other` for `append`) holds exactly the entries it held before the call, and what the call
///   had built is dropped. The clone costs one copy of the first path they change.
/// - **Value access keeps the entries.** If a `Clone` or `Ord` panics inside
///   [`get_mut`](Self::get_mut), [`entry`](Self::entry) or an entry's lookup, the map holds the
///   same entries (some nodes on the path may already be unshared copies). A panic in the
///   closure given to `and_modify`, or in code holding a `&mut V`, leaves whatever that code
///   wrote into the value. The entry methods that insert and return `&mut V`
///   (`or_insert*`, `or_default`, [`VacantEntry::insert`]) make two steps: the insertion, then a
///   lookup for the reference; a panic in that lookup leaves the entry inserted.
/// - **Everything else only reads or builds a new map** (`with_inserted`, `without`,
///   `collect`, comparisons, `diff`, iteration): a panic drops what was being built and leaves
///   every input as it was.
///
/// One leak: a `Clone` that panics while a removal merges two nodes (in any update above, or in
/// [`without`](Self::without)) leaks the entries of the node being filled, at most 16:
/// imbl-sized-chunks gives up on a chunk whose fill panicked rather than risk dropping slots it
/// never wrote. Nothing else leaks.
///
/// `tests/ord_panics.rs` checks each of these with a `Clone` and an `Ord` that panic at the k-th
/// call, for every k, and counts drops.
///
/// ```
/// use deepfreeze::FrozenOrdMap;
///
/// let v1 = FrozenOrdMap::from([("b", 2), ("a", 1)]);
/// let v2 = v1.with_inserted("c", 3).without("a");
///
/// assert_eq!(v1.keys().collect::<Vec<_>>(), [&"a", &"b"]);
/// assert_eq!(v2.keys().collect::<Vec<_>>(), [&"b", &"c"]);
/// assert_eq!(v2["c"], 3);
/// assert_eq!(format!("{v1:?}"), r#"{"a": 1, "b": 2}"#);
/// ```
pub struct FrozenOrdMap<K, V> {
    inner: Inner<K, V>,
}

// SAFETY:
// - No interior mutability reachable: a `FrozenOrdMap<K, V>` is one
//   `imbl::GenericOrdMap<K, V, ArcTK>`: a length and an optional B-tree of
//   `archery::SharedPointer<_, ArcTK>` (`triomphe::Arc`) nodes holding `(K, V)` pairs. imbl 7.0.2
//   holds no `UnsafeCell` in these other than triomphe's atomic reference counts, which never
//   change the value they count (the vendored-source scan test of docs/DESIGN.md §4 fails if a version
//   adds one). Through `&FrozenOrdMap` our API reads only; `&mut self` methods update through
//   imbl's copy-on-write (`make_mut` clones a node whose count is above one), so a node another
//   value can see is never written.
// - Deep: every key is a `K: Frozen` and every value a `V: Frozen`; the tree reaches nothing else.
// - `Send + Sync + 'static`: `SharedPointer<_, ArcTK>` is `Send + Sync` when its pointee is, and
//   `K, V: Frozen` are `Send + Sync + 'static` (the supertrait makes the compiler check it).
#[allow(unsafe_code)]
unsafe impl<K: Frozen, V: Frozen> Frozen for FrozenOrdMap<K, V> {}

impl<K, V> FrozenOrdMap<K, V> {
    /// Creates an empty map. Does not allocate.
    ///
    /// Unlike `BTreeMap::new`, not a `const fn`: imbl's tree constructor is not one.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m: FrozenOrdMap<u32, String> = FrozenOrdMap::new();
    /// assert!(m.is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            inner: Inner::new(),
        }
    }

    /// Returns the number of entries. O(1).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// assert_eq!(FrozenOrdMap::from([(1, 'a'), (2, 'b')]).len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Returns `true` if the map holds no entries.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// assert!(FrozenOrdMap::<i32, i32>::new().is_empty());
    /// assert!(!FrozenOrdMap::from([(1, 1)]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// Returns `true` if the two maps share their root, so they are certainly equal. O(1).
    ///
    /// A clone is `ptr_eq` to its source until one of them is updated; two empty maps are always
    /// `ptr_eq`. `false` says nothing about equality.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let a = FrozenOrdMap::from([(1, "one")]);
    /// let b = a.clone();
    /// assert!(a.ptr_eq(&b));
    /// assert!(!a.ptr_eq(&FrozenOrdMap::from([(1, "one")])));
    /// ```
    #[must_use]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        (self.is_empty() && other.is_empty()) || self.inner.ptr_eq(&other.inner)
    }

    /// Removes every entry.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m = FrozenOrdMap::from([(1, 1)]);
    /// m.clear();
    /// assert!(m.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.inner.clear();
    }
}

impl<K: Clone, V: Clone> FrozenOrdMap<K, V> {
    /// Consumes the map into an iterator over its keys, ascending, as
    /// [`BTreeMap::into_keys`](std::collections::BTreeMap::into_keys). Keys still shared with
    /// another clone are cloned out, as by `into_iter`.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut a = FrozenOrdMap::new();
    /// a.insert(2, "b");
    /// a.insert(1, "a");
    ///
    /// let keys: Vec<i32> = a.into_keys().collect();
    /// assert_eq!(keys, [1, 2]);
    /// ```
    pub fn into_keys(self) -> IntoKeys<K, V> {
        IntoKeys::new(self.into_iter())
    }

    /// Consumes the map into an iterator over its values, in ascending order of their keys, as
    /// [`BTreeMap::into_values`](std::collections::BTreeMap::into_values).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut a = FrozenOrdMap::new();
    /// a.insert(1, "hello");
    /// a.insert(2, "goodbye");
    ///
    /// let values: Vec<&str> = a.into_values().collect();
    /// assert_eq!(values, ["hello", "goodbye"]);
    /// ```
    pub fn into_values(self) -> IntoValues<K, V> {
        IntoValues::new(self.into_iter())
    }
}

impl<K: Ord, V> FrozenOrdMap<K, V> {
    /// Returns the value for `key`, or `None`. O(log n).
    ///
    /// The key may be any borrowed form of `K` (`&str` for `String` keys), as for `BTreeMap`.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(String::from("a"), 1)]);
    /// assert_eq!(m.get("a"), Some(&1));
    /// assert_eq!(m.get("b"), None);
    /// ```
    #[must_use]
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        self.inner.get(key)
    }

    /// Returns the stored key and its value for `key`, or `None`. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(1, "a")]);
    /// assert_eq!(m.get_key_value(&1), Some((&1, &"a")));
    /// assert_eq!(m.get_key_value(&2), None);
    /// ```
    #[must_use]
    pub fn get_key_value<Q>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        self.inner.get_key_value(key)
    }

    /// Returns `true` if the map holds `key`. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(1, "a")]);
    /// assert!(m.contains_key(&1));
    /// assert!(!m.contains_key(&2));
    /// ```
    #[must_use]
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        self.inner.contains_key(key)
    }

    /// Returns the entry with the smallest key, or `None` if the map is empty. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
    /// assert_eq!(m.first_key_value(), Some((&1, &'a')));
    /// ```
    #[must_use]
    pub fn first_key_value(&self) -> Option<(&K, &V)> {
        self.inner.get_min().map(|(k, v)| (k, v))
    }

    /// Returns the entry with the largest key, or `None` if the map is empty. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
    /// assert_eq!(m.last_key_value(), Some((&2, &'b')));
    /// ```
    #[must_use]
    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.inner.get_max().map(|(k, v)| (k, v))
    }

    /// Returns an iterator over the entries in ascending key order.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
    /// assert_eq!(m.iter().collect::<Vec<_>>(), [(&1, &'a'), (&2, &'b')]);
    /// ```
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter::new(self.inner.iter())
    }

    /// Returns an iterator over the keys in ascending order.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
    /// assert_eq!(m.keys().copied().collect::<Vec<_>>(), [1, 2]);
    /// ```
    pub fn keys(&self) -> Keys<'_, K, V> {
        Keys::new(self.iter())
    }

    /// Returns an iterator over the values in ascending order of their keys.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
    /// assert_eq!(m.values().copied().collect::<String>(), "ab");
    /// ```
    pub fn values(&self) -> Values<'_, K, V> {
        Values::new(self.iter())
    }

    /// Returns an iterator over the entries whose keys fall in `range`, in ascending order, as
    /// [`BTreeMap::range`](std::collections::BTreeMap::range). O(log n) to start.
    ///
    /// # Panics
    ///
    /// Panics, like `BTreeMap::range`, if the range starts after it ends, or if it starts and
    /// ends at the same key with both bounds excluded.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m: FrozenOrdMap<i32, char> = [(1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')].into();
    /// assert_eq!(m.range(2..4).map(|(k, _)| *k).collect::<Vec<_>>(), [2, 3]);
    /// assert_eq!(m.range(3..).next_back(), Some((&4, &'d')));
    ///
    /// use std::ops::Bound;
    /// let names = FrozenOrdMap::from([(String::from("ant"), 1), (String::from("bee"), 2)]);
    /// let from_b = names.range::<str, _>((Bound::Included("b"), Bound::Unbounded));
    /// assert_eq!(from_b.count(), 1);
    /// ```
    #[track_caller]
    pub fn range<Q, R>(&self, range: R) -> Range<'_, K, V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Ord,
        R: RangeBounds<Q>,
    {
        check_range(&range, "FrozenOrdMap");
        Range::new(self.inner.range(range))
    }

    /// Returns an iterator over the changes that turn `self` into `other`, in ascending key
    /// order: [`DiffItem::Add`] for keys only in `other`, [`DiffItem::Remove`] for keys only in
    /// `self`, [`DiffItem::Update`] for keys whose values differ.
    ///
    /// Subtrees that the two maps share (because one is an updated clone of the other) are
    /// skipped without being visited, so diffing two versions of a large map costs time in
    /// proportion to what changed, not to the map's size. Two `ptr_eq` maps yield nothing at once.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    /// use deepfreeze::ord_map::DiffItem;
    ///
    /// let old = FrozenOrdMap::from([(1, "a"), (2, "b"), (3, "c")]);
    /// let new = old.with_inserted(2, "B").without(&3).with_inserted(4, "d");
    ///
    /// let changes: Vec<_> = old.diff(&new).collect();
    /// assert_eq!(
    ///     changes,
    ///     [
    ///         DiffItem::Update { old: (&2, &"b"), new: (&2, &"B") },
    ///         DiffItem::Remove(&3, &"c"),
    ///         DiffItem::Add(&4, &"d"),
    ///     ]
    /// );
    /// ```
    pub fn diff<'a, 'b>(&'a self, other: &'b Self) -> Diff<'a, 'b, K, V>
    where
        V: PartialEq,
    {
        Diff::new(self.inner.diff(&other.inner))
    }
}

/// Panics like `BTreeMap::range` on a range that starts after it ends, or that starts and ends at
/// the same excluded bound.
#[track_caller]
pub(crate) fn check_range<Q, R>(range: &R, type_name: &str)
where
    Q: ?Sized + Ord,
    R: RangeBounds<Q>,
{
    match (range.start_bound(), range.end_bound()) {
        (Bound::Excluded(start), Bound::Excluded(end)) if start == end => {
            panic!("range start and end are equal and excluded in {type_name}")
        }
        (
            Bound::Included(start) | Bound::Excluded(start),
            Bound::Included(end) | Bound::Excluded(end),
        ) if start > end => panic!("range start is greater than range end in {type_name}"),
        _ => {}
    }
}

impl<K: Ord + Clone, V: Clone> FrozenOrdMap<K, V> {
    /// Runs a multi-key update on a clone of the tree and keeps the result only if `update`
    /// returns, so that a panic in user code (`Clone`, `Ord`, a closure, an iterator) leaves
    /// `self` as it was: imbl's in-place updates can leave a tree whose `len()` disagrees with its
    /// entries when a `Clone` panics mid-split or mid-merge (see module `repair`).
    ///
    /// The clone is O(1); while it lives, the root is shared, so the update copies the nodes of
    /// the first path it changes (which it does anyway where `self` shares them with another
    /// map); later changes find those copies unshared. The old tree is dropped after `self` holds
    /// the new one, so a panicking `Drop` cannot undo the update.
    fn transact<R>(&mut self, update: impl FnOnce(&mut Inner<K, V>) -> R) -> R {
        let mut work = self.inner.clone();
        let out = update(&mut work);
        drop(core::mem::replace(&mut self.inner, work));
        out
    }

    // ---- access to one value: `&mut self`, copying only shared nodes ----

    /// Returns a mutable reference to the value for `key`, or `None`. O(log n).
    ///
    /// The nodes on the key's path that another clone shares are copied first (only when `key`
    /// is present), so the clone keeps its value. The key may be any borrowed form of `K`.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m = FrozenOrdMap::from([(String::from("a"), 1)]);
    /// let before = m.clone();
    /// if let Some(v) = m.get_mut("a") {
    ///     *v += 10;
    /// }
    /// assert_eq!(m["a"], 11);
    /// assert_eq!(before["a"], 1);
    /// assert_eq!(m.get_mut("b"), None);
    /// ```
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        // imbl's `get_mut` copies the shared path before it knows whether `key` is there: look
        // first, so that a miss keeps the map's nodes shared.
        if !self.inner.contains_key(key) {
            return None;
        }
        self.inner.get_mut(key)
    }

    /// Returns the entry for `key`, occupied or vacant, for in-place manipulation, as
    /// [`BTreeMap::entry`](std::collections::BTreeMap::entry). O(log n), and O(log n) again for
    /// each access through the entry.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut letters = FrozenOrdMap::new();
    /// for ch in "a short treatise on fungi".chars() {
    ///     letters.entry(ch).and_modify(|n| *n += 1).or_insert(1);
    /// }
    /// assert_eq!(letters[&'s'], 2);
    /// assert_eq!(letters[&'t'], 3);
    /// assert_eq!(letters.get(&'y'), None);
    /// ```
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        Entry::new(self, key)
    }

    // ---- persistent updates: `&self` in, new map out ----

    /// Returns a new map with `key` mapped to `value`; `self` is unchanged. O(log n).
    ///
    /// If `key` was present, both the stored key and its value are replaced (the keys compare
    /// equal, so this is visible only for keys with identity beyond their order).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(1, "a")]);
    /// let n = m.with_inserted(1, "A").with_inserted(2, "b");
    /// assert_eq!(m, FrozenOrdMap::from([(1, "a")]));
    /// assert_eq!(n, FrozenOrdMap::from([(1, "A"), (2, "b")]));
    /// ```
    #[must_use]
    pub fn with_inserted(&self, key: K, value: V) -> Self {
        Self {
            inner: self.inner.update(key, value),
        }
    }

    /// Returns a new map without `key`; `self` is unchanged. O(log n).
    ///
    /// If `key` is absent, the result is a clone of `self` (still [`ptr_eq`](Self::ptr_eq)).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let m = FrozenOrdMap::from([(1, "a"), (2, "b")]);
    /// assert_eq!(m.without(&1), FrozenOrdMap::from([(2, "b")]));
    /// assert!(m.without(&9).ptr_eq(&m));
    /// assert_eq!(m.len(), 2);
    /// ```
    #[must_use]
    pub fn without<Q>(&self, key: &Q) -> Self
    where
        K: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        // imbl's `without` returns a clone of `self` when `key` is absent: one lookup.
        Self {
            inner: self.inner.without(key),
        }
    }

    // ---- in-place updates: `&mut self`, copying only shared nodes ----

    /// Maps `key` to `value`, returning the previous value if `key` was present. O(log n).
    ///
    /// As with `BTreeMap::insert`, a key already present is kept (only its value is replaced;
    /// `key` is dropped), which is visible only for keys with identity beyond their order.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m = FrozenOrdMap::new();
    /// assert_eq!(m.insert(1, "a"), None);
    /// assert_eq!(m.insert(1, "b"), Some("a"));
    /// assert_eq!(m[&1], "b");
    /// ```
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        // imbl's `insert` would replace the stored key: look first. imbl's `get_mut` copies the
        // shared nodes on the path even on a miss, but the insertion that follows a miss copies
        // the same nodes, so it costs one descent more than imbl's `insert`, never a node more.
        if let Some(old) = self.inner.get_mut(&key) {
            return Some(core::mem::replace(old, value));
        }
        repair::in_place(&mut self.inner, |tree| tree.insert(key, value))
    }

    /// Removes `key`, returning its value if it was present. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m = FrozenOrdMap::from([(1, "a")]);
    /// assert_eq!(m.remove(&1), Some("a"));
    /// assert_eq!(m.remove(&1), None);
    /// ```
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        repair::in_place(&mut self.inner, |tree| tree.remove(key))
    }

    /// Removes `key`, returning the stored key and its value if it was present. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m = FrozenOrdMap::from([(1, "a")]);
    /// assert_eq!(m.remove_entry(&1), Some((1, "a")));
    /// assert!(m.is_empty());
    /// ```
    pub fn remove_entry<Q>(&mut self, key: &Q) -> Option<(K, V)>
    where
        K: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        repair::in_place(&mut self.inner, |tree| tree.remove_with_key(key))
    }

    /// Removes and returns the entry with the smallest key, or `None` if the map is empty.
    /// O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
    /// assert_eq!(m.pop_first(), Some((1, 'a')));
    /// assert_eq!(m.len(), 1);
    /// ```
    pub fn pop_first(&mut self) -> Option<(K, V)> {
        let key = self.first_key_value()?.0.clone();
        self.remove_entry(&key)
    }

    /// Removes and returns the entry with the largest key, or `None` if the map is empty.
    /// O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
    /// assert_eq!(m.pop_last(), Some((2, 'b')));
    /// assert_eq!(m.len(), 1);
    /// ```
    pub fn pop_last(&mut self) -> Option<(K, V)> {
        let key = self.last_key_value()?.0.clone();
        self.remove_entry(&key)
    }

    /// Keeps only the entries for which `f` returns `true`. O(n + r log n) for `r` removals.
    ///
    /// `f` sees each entry once, in ascending key order. Unlike `BTreeMap::retain`, it gets the
    /// value by shared reference: values are never changed in place. Untouched subtrees stay
    /// shared with other clones.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m: FrozenOrdMap<i32, i32> = (0..8).map(|k| (k, k * 10)).collect();
    /// m.retain(|k, _| k % 2 == 0);
    /// assert_eq!(m.keys().copied().collect::<Vec<_>>(), [0, 2, 4, 6]);
    /// ```
    pub fn retain<F>(&mut self, mut f: F)
    where
        F: FnMut(&K, &V) -> bool,
    {
        let doomed: Vec<K> = self
            .iter()
            .filter(|&(k, v)| !f(k, v))
            .map(|(k, _)| k.clone())
            .collect();
        self.transact(|tree| {
            for key in &doomed {
                tree.remove(key);
            }
        });
    }

    /// Moves every entry of `other` into `self`, leaving `other` empty, as
    /// [`BTreeMap::append`](std::collections::BTreeMap::append): on a shared key, `other`'s
    /// value wins (and `self`'s key stays). O(m log n) for the smaller map's size `m`.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut a = FrozenOrdMap::from([(1, "a"), (2, "b")]);
    /// let mut b = FrozenOrdMap::from([(2, "B"), (3, "C")]);
    /// a.append(&mut b);
    /// assert_eq!(a, FrozenOrdMap::from([(1, "a"), (2, "B"), (3, "C")]));
    /// assert!(b.is_empty());
    /// ```
    pub fn append(&mut self, other: &mut Self) {
        // `other` is cleared only at the end, so that a panic leaves both maps as they were. As
        // in std, a shared key keeps `self`'s key with `other`'s value.
        let theirs = other.inner.clone();
        if theirs.len() > self.len() {
            // Our entries go into the larger map: our key in any case, our value where it has
            // none of its own.
            let mut base = theirs;
            for (k, v) in self.iter() {
                let value = base.get(k).unwrap_or(v).clone();
                base.insert(k.clone(), value);
            }
            drop(core::mem::replace(&mut self.inner, base));
        } else {
            self.transact(|tree| {
                for (k, v) in theirs.iter() {
                    match tree.get_mut(k) {
                        Some(ours) => *ours = v.clone(),
                        None => {
                            tree.insert(k.clone(), v.clone());
                        }
                    }
                }
            });
        }
        other.clear();
    }

    /// Splits the map at `key`: `self` keeps the entries below `key`, the returned map holds
    /// `key` and everything above, as [`BTreeMap::split_off`](std::collections::BTreeMap::split_off).
    /// O(m log n) where `m` is the size of the smaller half.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdMap;
    ///
    /// let mut m: FrozenOrdMap<i32, char> = [(1, 'a'), (2, 'b'), (3, 'c')].into();
    /// let high = m.split_off(&2);
    /// assert_eq!(m.keys().copied().collect::<Vec<_>>(), [1]);
    /// assert_eq!(high.keys().copied().collect::<Vec<_>>(), [2, 3]);
    /// ```
    #[must_use = "use `.retain()` if you don't need the split-off part"]
    pub fn split_off<Q>(&mut self, key: &Q) -> Self
    where
        K: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        let high_bounds = (Bound::Included(key), Bound::Unbounded);
        let high_len = self.inner.range::<_, Q>(high_bounds).count();
        let cloned = |(k, v): (&K, &V)| (k.clone(), v.clone());
        if high_len <= self.len() - high_len {
            // Copy the high part out, remove it here.
            let high: Inner<K, V> = self.inner.range::<_, Q>(high_bounds).map(cloned).collect();
            self.transact(|tree| {
                for k in high.keys() {
                    tree.remove(k);
                }
            });
            Self { inner: high }
        } else {
            // Copy the low part out, remove it from the rest.
            let low_bounds = (Bound::Unbounded, Bound::Excluded(key));
            // `self` gets the low part only at the end, so that a panic leaves it whole.
            let low: Inner<K, V> = self.inner.range::<_, Q>(low_bounds).map(cloned).collect();
            let mut high = self.inner.clone();
            for k in low.keys() {
                high.remove(k);
            }
            drop(core::mem::replace(&mut self.inner, low));
            Self { inner: high }
        }
    }
}
