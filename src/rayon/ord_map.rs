//! Parallel iterators over a [`FrozenOrdMap`], in ascending key order: [`Iter`] (borrowing) and
//! [`IntoIter`] (owning), both indexed.
//!
//! imbl 7.0.2's B-tree keeps its nodes private, and they carry no subtree sizes: the only ways in
//! are cursors that walk entry by entry (`iter`, `range`) and key lookups, so a split point in
//! the middle of a key range cannot be found without walking up to it. (Its `split`,
//! `split_lookup`, `take` and `skip` are such walks too: each folds or collects over the entries,
//! O(n), so none of them gives a cheaper split.) The borrowing iterator
//! therefore first gathers references to the entries, in order and without copying any, with
//! two workers walking from both ends at once (half a serial walk each), and then runs rayon's
//! indexed iterator over them. The owning iterator gathers the entries with one serial
//! `into_iter`, which clones out what other clones still share, as it does serially.
//!
//! The walk costs about as much as a serial loop doing nothing per entry: the parallel part
//! pays off as the work per entry grows (see BENCHMARKS.md), and it stays cheaper than
//! `par_bridge`, which takes a lock per item. A split by node will replace the walk if the tree
//! exposes its nodes.

use rayon::iter::plumbing::{Consumer, ProducerCallback, UnindexedConsumer};
use rayon::iter::{IndexedParallelIterator, IntoParallelIterator, ParallelIterator};

use super::{gather_from_both_ends, gathered_parallel_iterator};
use crate::FrozenOrdMap;

/// A parallel iterator over the entries of a [`FrozenOrdMap`], in ascending key order, created
/// by `par_iter()` ([`IntoParallelRefIterator`](rayon::iter::IntoParallelRefIterator)).
///
/// It gathers references to the entries first, walking from both ends at once; see the
/// [module docs](self).
///
/// ```
/// use deepfreeze::FrozenOrdMap;
/// use rayon::prelude::*;
///
/// let m: FrozenOrdMap<u32, u32> = (0..1000).map(|k| (k, k * k)).collect();
/// assert_eq!(m.par_iter().map(|(_, v)| u64::from(*v)).sum::<u64>(), 332_833_500);
/// let keys: Vec<u32> = m.par_iter().map(|(k, _)| *k).collect(); // in key order
/// assert!(keys.windows(2).all(|w| w[0] < w[1]));
/// ```
pub struct Iter<'a, K, V> {
    map: &'a FrozenOrdMap<K, V>,
}

impl<K, V> Clone for Iter<'_, K, V> {
    fn clone(&self) -> Self {
        Self { map: self.map }
    }
}

impl<'a, K, V> Iter<'a, K, V> {
    fn item_count(&self) -> usize {
        self.map.len()
    }

    fn gather(self) -> Vec<(&'a K, &'a V)>
    where
        K: Ord + Send + Sync,
        V: Send + Sync,
    {
        gather_from_both_ends(self.map.iter(), self.map.iter(), self.map.len())
    }
}

impl<'a, K: Ord + Send + Sync, V: Send + Sync> IntoParallelIterator for &'a FrozenOrdMap<K, V> {
    type Item = (&'a K, &'a V);
    type Iter = Iter<'a, K, V>;

    fn into_par_iter(self) -> Iter<'a, K, V> {
        Iter { map: self }
    }
}

gathered_parallel_iterator!(Iter<'a, K, V>, (&'a K, &'a V), ['a, K, V], [K: Ord + Send + Sync, V: Send + Sync]);

/// A parallel iterator that moves (or, where they are shared with another clone, clones) the
/// entries out of a [`FrozenOrdMap`], in ascending key order, created by
/// [`into_par_iter`](IntoParallelIterator::into_par_iter).
///
/// ```
/// use deepfreeze::FrozenOrdMap;
/// use rayon::prelude::*;
///
/// let m = FrozenOrdMap::from([(2, String::from("b")), (1, String::from("a"))]);
/// let joined: Vec<String> = m.into_par_iter().map(|(k, v)| format!("{k}{v}")).collect();
/// assert_eq!(joined, ["1a", "2b"]);
/// ```
#[derive(Clone)]
pub struct IntoIter<K, V> {
    map: FrozenOrdMap<K, V>,
}

impl<K: Ord + Clone, V: Clone> IntoIter<K, V> {
    fn item_count(&self) -> usize {
        self.map.len()
    }

    fn gather(self) -> Vec<(K, V)> {
        self.map.into_iter().collect()
    }
}

impl<K: Ord + Clone + Send + Sync, V: Clone + Send + Sync> IntoParallelIterator
    for FrozenOrdMap<K, V>
{
    type Item = (K, V);
    type Iter = IntoIter<K, V>;

    fn into_par_iter(self) -> IntoIter<K, V> {
        IntoIter { map: self }
    }
}

gathered_parallel_iterator!(IntoIter<K, V>, (K, V), [K, V], [K: Ord + Clone + Send + Sync, V: Clone + Send + Sync]);

impl<'a, K, V> core::fmt::Debug for Iter<'a, K, V> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Iter")
            .field("len", &self.map.len())
            .finish()
    }
}

impl<K, V> core::fmt::Debug for IntoIter<K, V> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("IntoIter")
            .field("len", &self.map.len())
            .finish()
    }
}
