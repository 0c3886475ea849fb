//! Parallel iterators over a [`FrozenSet`]: [`Iter`] (`&T`) and [`IntoIter`] (`T`). They are
//! the map's iterators over the set's trie, without the values: they split the trie by node
//! and yield in the serial order (see [`rayon::map`](super::map)).

use core::fmt;

use rayon::iter::plumbing::UnindexedConsumer;
use rayon::iter::{IntoParallelIterator, ParallelIterator};

use super::map;
use crate::FrozenSet;

/// A parallel iterator over the elements of a [`FrozenSet`], created by `par_iter()`
/// ([`IntoParallelRefIterator`](rayon::iter::IntoParallelRefIterator)).
///
/// ```
/// use deepfreeze::FrozenSet;
/// use rayon::prelude::*;
///
/// let s: FrozenSet<u32> = (0..1000).collect();
/// assert_eq!(s.par_iter().filter(|&&x| x % 2 == 0).count(), 500);
/// assert_eq!(s.par_iter().copied().max(), Some(999));
/// ```
pub struct Iter<'a, T> {
    inner: map::Iter<'a, T, ()>,
}

impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T> fmt::Debug for Iter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

impl<'a, T: Send + Sync, S> IntoParallelIterator for &'a FrozenSet<T, S> {
    type Item = &'a T;
    type Iter = Iter<'a, T>;

    fn into_par_iter(self) -> Iter<'a, T> {
        Iter {
            inner: self.as_map().into_par_iter(),
        }
    }
}

impl<'a, T: Send + Sync> ParallelIterator for Iter<'a, T> {
    type Item = &'a T;

    fn drive_unindexed<C: UnindexedConsumer<&'a T>>(self, consumer: C) -> C::Result {
        self.inner
            .map(|(element, ())| element)
            .drive_unindexed(consumer)
    }
}

/// A parallel iterator that moves (or, where another version shares them, clones) the elements
/// out of a [`FrozenSet`], created by [`into_par_iter`](IntoParallelIterator::into_par_iter).
///
/// ```
/// use deepfreeze::FrozenSet;
/// use rayon::prelude::*;
///
/// let s = FrozenSet::from([String::from("a"), String::from("bc")]);
/// assert_eq!(s.into_par_iter().map(|x| x.len()).sum::<usize>(), 3);
/// ```
pub struct IntoIter<T> {
    inner: map::IntoIter<T, ()>,
}

impl<T> fmt::Debug for IntoIter<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

impl<T: Clone + Send + Sync, S> IntoParallelIterator for FrozenSet<T, S> {
    type Item = T;
    type Iter = IntoIter<T>;

    fn into_par_iter(self) -> IntoIter<T> {
        IntoIter {
            inner: self.into_map().into_par_iter(),
        }
    }
}

impl<T: Clone + Send + Sync> ParallelIterator for IntoIter<T> {
    type Item = T;

    fn drive_unindexed<C: UnindexedConsumer<T>>(self, consumer: C) -> C::Result {
        self.inner
            .map(|(element, ())| element)
            .drive_unindexed(consumer)
    }
}
