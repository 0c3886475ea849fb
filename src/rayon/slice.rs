//! Parallel iterators over a [`FrozenSlice`]: borrowing is rayon's own slice iterator (the
//! elements are one array), owning is [`IntoIter`].

use core::iter::FusedIterator;
use core::ops::Range;

use rayon::iter::plumbing::{Consumer, Producer, ProducerCallback, UnindexedConsumer, bridge};
use rayon::iter::{IndexedParallelIterator, IntoParallelIterator, ParallelIterator};

use crate::FrozenSlice;

/// `par_iter()` on a [`FrozenSlice`] is rayon's slice iterator over its one array.
///
/// ```
/// use deepfreeze::FrozenSlice;
/// use rayon::prelude::*;
///
/// let s: FrozenSlice<u32> = (1..=100).collect();
/// assert_eq!(s.par_iter().sum::<u32>(), 5050);
/// let doubled: Vec<u32> = s.par_iter().rev().map(|x| x * 2).collect();
/// assert_eq!(doubled[0], 200);
/// ```
impl<'a, T: Sync> IntoParallelIterator for &'a FrozenSlice<T> {
    type Item = &'a T;
    type Iter = rayon::slice::Iter<'a, T>;

    fn into_par_iter(self) -> Self::Iter {
        self.as_slice().into_par_iter()
    }
}

/// A parallel iterator over clones of the elements of a [`FrozenSlice`], in order, created by
/// [`into_par_iter`](IntoParallelIterator::into_par_iter).
///
/// The elements are shared with every other clone of the slice, so they are cloned out, as the
/// serial [`IntoIterator`] for `FrozenSlice` does; each worker holds its own handle (one atomic
/// increment) and an index range.
///
/// ```
/// use deepfreeze::FrozenSlice;
/// use rayon::prelude::*;
///
/// let names: FrozenSlice<String> = ["ann", "bob"].map(String::from).into();
/// let upper: Vec<String> = names.into_par_iter().map(|n| n.to_uppercase()).collect();
/// assert_eq!(upper, ["ANN", "BOB"]);
/// ```
#[derive(Debug, Clone)]
pub struct IntoIter<T> {
    slice: FrozenSlice<T>,
}

impl<T: Clone + Send + Sync> IntoParallelIterator for FrozenSlice<T> {
    type Item = T;
    type Iter = IntoIter<T>;

    fn into_par_iter(self) -> IntoIter<T> {
        IntoIter { slice: self }
    }
}

impl<T: Clone + Send + Sync> ParallelIterator for IntoIter<T> {
    type Item = T;

    fn drive_unindexed<C: UnindexedConsumer<T>>(self, consumer: C) -> C::Result {
        bridge(self, consumer)
    }

    fn opt_len(&self) -> Option<usize> {
        Some(self.slice.len())
    }
}

impl<T: Clone + Send + Sync> IndexedParallelIterator for IntoIter<T> {
    fn len(&self) -> usize {
        self.slice.len()
    }

    fn drive<C: Consumer<T>>(self, consumer: C) -> C::Result {
        bridge(self, consumer)
    }

    fn with_producer<CB: ProducerCallback<T>>(self, callback: CB) -> CB::Output {
        let range = 0..self.slice.len();
        callback.callback(ClonedRange {
            slice: self.slice,
            range,
        })
    }
}

/// Clones of the elements of `slice` at the indices `range`: one piece of an owning iteration,
/// and its serial iterator.
struct ClonedRange<T> {
    slice: FrozenSlice<T>,
    range: Range<usize>,
}

impl<T: Clone + Send + Sync> Producer for ClonedRange<T> {
    type Item = T;
    type IntoIter = Self;

    fn into_iter(self) -> Self {
        self
    }

    fn split_at(self, index: usize) -> (Self, Self) {
        let mid = self.range.start + index;
        let left = Self {
            slice: self.slice.clone(),
            range: self.range.start..mid,
        };
        let right = Self {
            slice: self.slice,
            range: mid..self.range.end,
        };
        (left, right)
    }
}

impl<T: Clone> Iterator for ClonedRange<T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        let index = self.range.next()?;
        Some(self.slice[index].clone())
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }

    fn fold<B, F: FnMut(B, T) -> B>(self, init: B, f: F) -> B {
        self.slice[self.range].iter().cloned().fold(init, f)
    }
}

impl<T: Clone> DoubleEndedIterator for ClonedRange<T> {
    #[inline]
    fn next_back(&mut self) -> Option<T> {
        let index = self.range.next_back()?;
        Some(self.slice[index].clone())
    }
}

impl<T: Clone> ExactSizeIterator for ClonedRange<T> {}
impl<T: Clone> FusedIterator for ClonedRange<T> {}
