//! Parallel iterators over a [`FrozenOrdSet`], in ascending order: [`Iter`] (borrowing) and
//! [`IntoIter`] (owning), both indexed.
//!
//! imbl 7.0.2's B-tree keeps its nodes private, and they carry no subtree sizes: the only ways in
//! are cursors that walk element by element (`iter`, `range`) and key lookups, so a split point in
//! the middle of a key range cannot be found without walking up to it (imbl's `split`, `take`
//! and `skip` are such walks too, O(n) each). The borrowing iterator therefore first gathers
//! references to the elements, in order and without copying any, with two workers walking from
//! both ends at once (half a serial walk each), and then runs rayon's indexed iterator over
//! them. The owning iterator gathers the elements with one serial
//! `into_iter`, which clones out what other clones still share, as it does serially.
//!
//! The walk costs about as much as a serial loop doing nothing per element: the parallel part
//! pays off as the work per element grows (see BENCHMARKS.md), and it stays cheaper than
//! `par_bridge`, which takes a lock per item. A split by node will replace the walk if the tree
//! exposes its nodes.

use rayon::iter::plumbing::{Consumer, ProducerCallback, UnindexedConsumer};
use rayon::iter::{IndexedParallelIterator, IntoParallelIterator, ParallelIterator};

use super::{gather_from_both_ends, gathered_parallel_iterator};
use crate::FrozenOrdSet;

/// A parallel iterator over the elements of a [`FrozenOrdSet`], in ascending order, created by
/// `par_iter()` ([`IntoParallelRefIterator`](rayon::iter::IntoParallelRefIterator)).
///
/// It gathers references to the elements first, walking from both ends at once; see the
/// [module docs](self).
///
/// ```
/// use deepfreeze::FrozenOrdSet;
/// use rayon::prelude::*;
///
/// let s: FrozenOrdSet<u32> = (0..1000).rev().collect();
/// assert_eq!(s.par_iter().filter(|&&x| x % 2 == 0).count(), 500);
/// assert_eq!(s.par_iter().enumerate().find_first(|(_, x)| **x == 7), Some((7, &7)));
/// ```
pub struct Iter<'a, T> {
    set: &'a FrozenOrdSet<T>,
}

impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Self { set: self.set }
    }
}

impl<'a, T> Iter<'a, T> {
    fn item_count(&self) -> usize {
        self.set.len()
    }

    fn gather(self) -> Vec<&'a T>
    where
        T: Ord + Send + Sync,
    {
        gather_from_both_ends(self.set.iter(), self.set.iter(), self.set.len())
    }
}

impl<'a, T: Ord + Send + Sync> IntoParallelIterator for &'a FrozenOrdSet<T> {
    type Item = &'a T;
    type Iter = Iter<'a, T>;

    fn into_par_iter(self) -> Iter<'a, T> {
        Iter { set: self }
    }
}

gathered_parallel_iterator!(Iter<'a, T>, &'a T, ['a, T], [T: Ord + Send + Sync]);

/// A parallel iterator that moves (or, where they are shared with another clone, clones) the
/// elements out of a [`FrozenOrdSet`], in ascending order, created by
/// [`into_par_iter`](IntoParallelIterator::into_par_iter).
///
/// ```
/// use deepfreeze::FrozenOrdSet;
/// use rayon::prelude::*;
///
/// let s = FrozenOrdSet::from([3, 1, 2]);
/// assert_eq!(s.into_par_iter().map(|x| x * 10).collect::<Vec<_>>(), [10, 20, 30]);
/// ```
#[derive(Clone)]
pub struct IntoIter<T> {
    set: FrozenOrdSet<T>,
}

impl<T: Ord + Clone> IntoIter<T> {
    fn item_count(&self) -> usize {
        self.set.len()
    }

    fn gather(self) -> Vec<T> {
        self.set.into_iter().collect()
    }
}

impl<T: Ord + Clone + Send + Sync> IntoParallelIterator for FrozenOrdSet<T> {
    type Item = T;
    type Iter = IntoIter<T>;

    fn into_par_iter(self) -> IntoIter<T> {
        IntoIter { set: self }
    }
}

gathered_parallel_iterator!(IntoIter<T>, T, [T], [T: Ord + Clone + Send + Sync]);

impl<'a, T> core::fmt::Debug for Iter<'a, T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Iter")
            .field("len", &self.set.len())
            .finish()
    }
}

impl<T> core::fmt::Debug for IntoIter<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("IntoIter")
            .field("len", &self.set.len())
            .finish()
    }
}
