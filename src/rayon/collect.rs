//! `FromParallelIterator` and `ParallelExtend` for the frozen containers.
//!
//! The sequences collect into a `Vec` in parallel first, which beats concatenating one `FrozenVec`
//! per worker (BENCHMARKS.md, `collect`). For the ordered maps and sets, each worker builds a tree of its own
//! from its part of the input, and the trees are merged in input order, the smaller into the
//! larger, later input winning on equal keys as in the serial `collect`. The hash containers
//! hash their input in parallel, sort it into trie order in parallel, and build the trie
//! bottom-up in one pass, as the serial `collect` does after its own (serial) hashing and sort.

use core::hash::{BuildHasher, Hash};

use rayon::iter::{FromParallelIterator, IntoParallelIterator, ParallelExtend, ParallelIterator};

use super::trie::par_build_trie;
use crate::{FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice, FrozenVec};

/// Collects in parallel into a `Vec` (rayon writes an indexed input in place), then moves the
/// elements into one allocation.
///
/// ```
/// use deepfreeze::FrozenSlice;
/// use rayon::prelude::*;
///
/// let s: FrozenSlice<u32> = (0..100u32).into_par_iter().filter(|x| x % 10 == 0).collect();
/// assert_eq!(s, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
/// ```
impl<T: Send> FromParallelIterator<T> for FrozenSlice<T> {
    fn from_par_iter<I: IntoParallelIterator<Item = T>>(par_iter: I) -> Self {
        Self::from(Vec::from_par_iter(par_iter))
    }
}

/// Collects in parallel into a `Vec` (rayon writes an indexed input in place), then builds the
/// tree from it, rather than building a vector per worker and concatenating them, which is slower
/// (BENCHMARKS.md, `collect/*/frozen_vec/parallel_fold_append`).
///
/// ```
/// use deepfreeze::FrozenVec;
/// use rayon::prelude::*;
///
/// let v: FrozenVec<u64> = (0..10_000u64).into_par_iter().map(|x| x * 2).collect();
/// assert_eq!(v.len(), 10_000);
/// assert_eq!(v[4_999], 9_998);
/// ```
impl<T: Clone + Send + Sync> FromParallelIterator<T> for FrozenVec<T> {
    fn from_par_iter<I: IntoParallelIterator<Item = T>>(par_iter: I) -> Self {
        Self::from(Vec::from_par_iter(par_iter))
    }
}

/// Collects the input in parallel (as `collect`), then appends it.
///
/// ```
/// use deepfreeze::FrozenVec;
/// use rayon::prelude::*;
///
/// let mut v = FrozenVec::from([1, 2]);
/// v.par_extend(vec![3, 4, 5]);
/// v.par_extend(&[6, 7]); // `Copy` elements by reference, as `Extend<&T>`
/// assert_eq!(v, [1, 2, 3, 4, 5, 6, 7]);
/// ```
impl<T: Clone + Send + Sync> ParallelExtend<T> for FrozenVec<T> {
    fn par_extend<I: IntoParallelIterator<Item = T>>(&mut self, par_iter: I) {
        let mut tail = Self::from_par_iter(par_iter);
        self.append(&mut tail);
    }
}

impl<'a, T: Copy + Send + Sync + 'a> ParallelExtend<&'a T> for FrozenVec<T> {
    fn par_extend<I: IntoParallelIterator<Item = &'a T>>(&mut self, par_iter: I) {
        self.par_extend(par_iter.into_par_iter().copied());
    }
}

/// Each worker inserts its part into a map of its own; the maps are then merged, a later entry
/// for a key replacing an earlier one (as `BTreeMap::from_iter`).
///
/// ```
/// use deepfreeze::FrozenOrdMap;
/// use rayon::prelude::*;
///
/// let m: FrozenOrdMap<u32, u32> = (0..1000u32).into_par_iter().map(|i| (i % 10, i)).collect();
/// assert_eq!(m.len(), 10);
/// assert_eq!(m[&3], 993); // the last of 3, 13, ..., 993
/// ```
impl<K, V> FromParallelIterator<(K, V)> for FrozenOrdMap<K, V>
where
    K: Ord + Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    fn from_par_iter<I: IntoParallelIterator<Item = (K, V)>>(par_iter: I) -> Self {
        par_iter
            .into_par_iter()
            .fold(Self::new, |mut part, (k, v)| {
                part.insert(k, v);
                part
            })
            .reduce(Self::new, |mut left, mut right| {
                left.append(&mut right);
                left
            })
    }
}

/// Collects the input in parallel (as `collect`), then appends it: on a shared key the new
/// value wins, as `BTreeMap::extend`.
///
/// ```
/// use deepfreeze::FrozenOrdMap;
/// use rayon::prelude::*;
///
/// let mut m = FrozenOrdMap::from([(1, "a"), (2, "b")]);
/// m.par_extend(vec![(2, "B"), (3, "C")]);
/// assert_eq!(m, FrozenOrdMap::from([(1, "a"), (2, "B"), (3, "C")]));
/// ```
impl<K, V> ParallelExtend<(K, V)> for FrozenOrdMap<K, V>
where
    K: Ord + Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    fn par_extend<I: IntoParallelIterator<Item = (K, V)>>(&mut self, par_iter: I) {
        let mut tail = Self::from_par_iter(par_iter);
        self.append(&mut tail);
    }
}

impl<'a, K, V> ParallelExtend<(&'a K, &'a V)> for FrozenOrdMap<K, V>
where
    K: Ord + Copy + Send + Sync + 'a,
    V: Copy + Send + Sync + 'a,
{
    fn par_extend<I: IntoParallelIterator<Item = (&'a K, &'a V)>>(&mut self, par_iter: I) {
        self.par_extend(par_iter.into_par_iter().map(|(&k, &v)| (k, v)));
    }
}

/// Each worker inserts its part into a set of its own; the sets are then merged.
///
/// ```
/// use deepfreeze::FrozenOrdSet;
/// use rayon::prelude::*;
///
/// let s: FrozenOrdSet<u32> = (0..1000u32).into_par_iter().map(|i| i % 7).collect();
/// assert_eq!(s, FrozenOrdSet::from([0, 1, 2, 3, 4, 5, 6]));
/// ```
impl<T: Ord + Clone + Send + Sync> FromParallelIterator<T> for FrozenOrdSet<T> {
    fn from_par_iter<I: IntoParallelIterator<Item = T>>(par_iter: I) -> Self {
        par_iter
            .into_par_iter()
            .fold(Self::new, |mut part, x| {
                part.insert(x);
                part
            })
            .reduce(Self::new, |mut left, mut right| {
                left.append(&mut right);
                left
            })
    }
}

/// Collects the input in parallel (as `collect`), then appends it.
///
/// ```
/// use deepfreeze::FrozenOrdSet;
/// use rayon::prelude::*;
///
/// let mut s = FrozenOrdSet::from([1, 5]);
/// s.par_extend(vec![2, 5, 9]);
/// s.par_extend(&[0]);
/// assert_eq!(s, FrozenOrdSet::from([0, 1, 2, 5, 9]));
/// ```
impl<T: Ord + Clone + Send + Sync> ParallelExtend<T> for FrozenOrdSet<T> {
    fn par_extend<I: IntoParallelIterator<Item = T>>(&mut self, par_iter: I) {
        let mut tail = Self::from_par_iter(par_iter);
        self.append(&mut tail);
    }
}

impl<'a, T: Ord + Copy + Send + Sync + 'a> ParallelExtend<&'a T> for FrozenOrdSet<T> {
    fn par_extend<I: IntoParallelIterator<Item = &'a T>>(&mut self, par_iter: I) {
        self.par_extend(par_iter.into_par_iter().copied());
    }
}

/// Hashes the input in parallel, sorts it into trie order in parallel and builds the trie in one
/// pass: the serial `collect`'s result (for a repeated key the first key and the last value are
/// kept, as repeated [`insert`](FrozenMap::insert)s and `HashMap::from_iter` do).
///
/// ```
/// use deepfreeze::FrozenMap;
/// use rayon::prelude::*;
///
/// let m: FrozenMap<u32, u32> = (0..1000u32).into_par_iter().map(|i| (i % 10, i)).collect();
/// assert_eq!(m.len(), 10);
/// assert_eq!(m[&3], 993); // the last of 3, 13, ..., 993
/// ```
impl<K, V, S> FromParallelIterator<(K, V)> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone + Send,
    V: Clone + Send,
    S: BuildHasher + Default + Sync,
{
    fn from_par_iter<I: IntoParallelIterator<Item = (K, V)>>(par_iter: I) -> Self {
        let hasher = S::default();
        let trie = par_build_trie(par_iter, &hasher);
        Self::from_parts(trie, hasher)
    }
}

/// Into an empty map, builds the trie as [`collect`](FromParallelIterator) does, with the map's
/// hasher. Into a non-empty one, collects the input in parallel, then inserts it serially, with
/// `extend`'s result: a later entry for a key replaces the value, the stored key is kept. A
/// panic in the input leaves the map as it was.
///
/// ```
/// use deepfreeze::FrozenMap;
/// use rayon::prelude::*;
///
/// let mut m = FrozenMap::from([(1, "a"), (2, "b")]);
/// m.par_extend(vec![(2, "B"), (3, "C")]);
/// assert_eq!(m, FrozenMap::from([(1, "a"), (2, "B"), (3, "C")]));
/// ```
impl<K, V, S> ParallelExtend<(K, V)> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone + Send,
    V: Clone + Send,
    S: BuildHasher + Sync,
{
    fn par_extend<I: IntoParallelIterator<Item = (K, V)>>(&mut self, par_iter: I) {
        if self.is_empty() {
            *self.trie_mut() = par_build_trie(par_iter, self.hasher());
        } else {
            let entries: Vec<(K, V)> = par_iter.into_par_iter().collect();
            self.extend(entries);
        }
    }
}

impl<'a, K, V, S> ParallelExtend<(&'a K, &'a V)> for FrozenMap<K, V, S>
where
    K: Hash + Eq + Copy + Send + Sync + 'a,
    V: Copy + Send + Sync + 'a,
    S: BuildHasher + Sync,
{
    fn par_extend<I: IntoParallelIterator<Item = (&'a K, &'a V)>>(&mut self, par_iter: I) {
        self.par_extend(par_iter.into_par_iter().map(|(&k, &v)| (k, v)));
    }
}

/// Hashes the input in parallel, sorts it into trie order in parallel and builds the trie in one
/// pass: the serial `collect`'s result (of equal elements the first is kept, as
/// `HashSet::from_iter` does).
///
/// ```
/// use deepfreeze::FrozenSet;
/// use rayon::prelude::*;
///
/// let s: FrozenSet<u32> = (0..1000u32).into_par_iter().map(|i| i % 7).collect();
/// assert_eq!(s, FrozenSet::from([0, 1, 2, 3, 4, 5, 6]));
/// ```
impl<T, S> FromParallelIterator<T> for FrozenSet<T, S>
where
    T: Hash + Eq + Clone + Send,
    S: BuildHasher + Default + Sync,
{
    fn from_par_iter<I: IntoParallelIterator<Item = T>>(par_iter: I) -> Self {
        let map = par_iter
            .into_par_iter()
            .map(|element| (element, ()))
            .collect();
        Self::from_map(map)
    }
}

/// As the map's `par_extend`: into an empty set a parallel build, otherwise a parallel collect
/// and a serial `extend` (an equal element already present is kept, as `HashSet::extend`).
///
/// ```
/// use deepfreeze::FrozenSet;
/// use rayon::prelude::*;
///
/// let mut s = FrozenSet::from([1, 5]);
/// s.par_extend(vec![2, 5, 9]);
/// s.par_extend(&[0]);
/// assert_eq!(s, FrozenSet::from([0, 1, 2, 5, 9]));
/// ```
impl<T, S> ParallelExtend<T> for FrozenSet<T, S>
where
    T: Hash + Eq + Clone + Send,
    S: BuildHasher + Sync,
{
    fn par_extend<I: IntoParallelIterator<Item = T>>(&mut self, par_iter: I) {
        if self.is_empty() {
            let hasher = self.hasher();
            let trie = par_build_trie(
                par_iter.into_par_iter().map(|element| (element, ())),
                hasher,
            );
            *self.map_mut().trie_mut() = trie;
        } else {
            let elements: Vec<T> = par_iter.into_par_iter().collect();
            self.extend(elements);
        }
    }
}

impl<'a, T, S> ParallelExtend<&'a T> for FrozenSet<T, S>
where
    T: Hash + Eq + Copy + Send + Sync + 'a,
    S: BuildHasher + Sync,
{
    fn par_extend<I: IntoParallelIterator<Item = &'a T>>(&mut self, par_iter: I) {
        self.par_extend(par_iter.into_par_iter().copied());
    }
}
