//! The std trait surface of [`FrozenOrdMap`]: formatting, comparison, hashing, collecting,
//! indexing and conversions from and to std maps.

use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{BuildHasher, Hash, Hasher};
use core::ops::Index;
use std::collections::{BTreeMap, HashMap};

use super::{FrozenOrdMap, IntoIter, Iter};

impl<K, V> Default for FrozenOrdMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// O(1): one reference-count increment.
impl<K, V> Clone for FrozenOrdMap<K, V> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

/// Formats like a `BTreeMap`: `{1: "a", 2: "b"}`.
impl<K: Ord + fmt::Debug, V: fmt::Debug> fmt::Debug for FrozenOrdMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Entry-wise equality. Maps that share their root ([`FrozenOrdMap::ptr_eq`]) are equal at once,
/// and subtrees two versions share are skipped (so a shared `NaN` value equals itself).
impl<K: Ord, V: PartialEq> PartialEq for FrozenOrdMap<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other) || self.inner == other.inner
    }
}

impl<K: Ord, V: Eq> Eq for FrozenOrdMap<K, V> {}

/// The same entries as a `BTreeMap`, for comparing with a model.
///
/// One direction only: `BTreeMap` has a single `PartialEq` impl, which lets
/// `assert_eq!(btree_map, iter.collect())` infer the collected type in every crate; an impl of
/// `PartialEq<FrozenOrdMap>` for `BTreeMap` would make that code ambiguous wherever this crate is
/// linked.
///
/// ```
/// use deepfreeze::FrozenOrdMap;
/// use std::collections::BTreeMap;
///
/// let map = FrozenOrdMap::from([(1, 'a'), (2, 'b')]);
/// assert_eq!(map, BTreeMap::from([(2, 'b'), (1, 'a')]));
/// ```
impl<K: Ord, V: PartialEq> PartialEq<BTreeMap<K, V>> for FrozenOrdMap<K, V> {
    fn eq(&self, other: &BTreeMap<K, V>) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

/// Lexicographic over the entries in key order, like `BTreeMap`.
impl<K: Ord, V: PartialOrd> PartialOrd for FrozenOrdMap<K, V> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        if self.ptr_eq(other) {
            return Some(Ordering::Equal);
        }
        self.iter().partial_cmp(other.iter())
    }
}

/// Lexicographic over the entries in key order, like `BTreeMap`.
impl<K: Ord, V: Ord> Ord for FrozenOrdMap<K, V> {
    fn cmp(&self, other: &Self) -> Ordering {
        if self.ptr_eq(other) {
            return Ordering::Equal;
        }
        self.iter().cmp(other.iter())
    }
}

/// Hashes the length, then each key and value in key order (equal maps hash equally).
impl<K: Ord + Hash, V: Hash> Hash for FrozenOrdMap<K, V> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for (k, v) in self {
            k.hash(state);
            v.hash(state);
        }
    }
}

/// Later entries win on equal keys (key and value), like `BTreeMap`'s.
impl<K: Ord + Clone, V: Clone> FromIterator<(K, V)> for FrozenOrdMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut tree = super::Inner::new();
        for (k, v) in iter {
            tree.insert(k, v);
        }
        Self { inner: tree }
    }
}

/// [`insert`](FrozenOrdMap::insert)s each entry: later values win, a key already present is
/// kept, like `BTreeMap`'s. All or nothing: if the iterator, a `Clone` or an `Ord` panics, the
/// map is left as it was before the call.
impl<K: Ord + Clone, V: Clone> Extend<(K, V)> for FrozenOrdMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        self.transact(|tree| {
            for (k, v) in iter {
                match tree.get_mut(&k) {
                    Some(old) => *old = v,
                    None => {
                        tree.insert(k, v);
                    }
                }
            }
        });
    }
}

impl<'a, K: Ord + Copy + 'a, V: Copy + 'a> Extend<(&'a K, &'a V)> for FrozenOrdMap<K, V> {
    fn extend<I: IntoIterator<Item = (&'a K, &'a V)>>(&mut self, iter: I) {
        self.extend(iter.into_iter().map(|(k, v)| (*k, *v)));
    }
}

impl<'a, K: Ord, V> IntoIterator for &'a FrozenOrdMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

impl<K: Clone, V: Clone> IntoIterator for FrozenOrdMap<K, V> {
    type Item = (K, V);
    type IntoIter = IntoIter<K, V>;

    fn into_iter(self) -> IntoIter<K, V> {
        IntoIter::new(self.inner.into_iter())
    }
}

/// `map[&key]`: O(log n). Panics if the key is absent, like `BTreeMap`. There is no `IndexMut`:
/// use [`FrozenOrdMap::insert`].
impl<K, V, Q> Index<&Q> for FrozenOrdMap<K, V>
where
    K: Ord + Borrow<Q>,
    Q: ?Sized + Ord,
{
    type Output = V;

    #[track_caller]
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

impl<K: Ord + Clone, V: Clone> From<BTreeMap<K, V>> for FrozenOrdMap<K, V> {
    fn from(map: BTreeMap<K, V>) -> Self {
        map.into_iter().collect()
    }
}

impl<K: Ord + Clone, V: Clone, S: BuildHasher> From<HashMap<K, V, S>> for FrozenOrdMap<K, V> {
    fn from(map: HashMap<K, V, S>) -> Self {
        map.into_iter().collect()
    }
}

/// Later entries win on equal keys.
impl<K: Ord + Clone, V: Clone, const N: usize> From<[(K, V); N]> for FrozenOrdMap<K, V> {
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

/// Later entries win on equal keys.
impl<K: Ord + Clone, V: Clone> From<Vec<(K, V)>> for FrozenOrdMap<K, V> {
    fn from(entries: Vec<(K, V)>) -> Self {
        entries.into_iter().collect()
    }
}

/// Later entries win on equal keys.
impl<K: Ord + Clone, V: Clone> From<&[(K, V)]> for FrozenOrdMap<K, V> {
    fn from(entries: &[(K, V)]) -> Self {
        entries.iter().cloned().collect()
    }
}

/// Moves the entries this map owns alone, clones those still shared.
impl<K: Ord + Clone, V: Clone> From<FrozenOrdMap<K, V>> for BTreeMap<K, V> {
    fn from(map: FrozenOrdMap<K, V>) -> Self {
        map.into_iter().collect()
    }
}

impl<K: Ord + Clone, V: Clone> From<&FrozenOrdMap<K, V>> for BTreeMap<K, V> {
    fn from(map: &FrozenOrdMap<K, V>) -> Self {
        map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}
