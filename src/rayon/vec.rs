//! Parallel iterators over a [`FrozenVec`]: [`Iter`] (borrowing) and [`IntoIter`] (owning), both
//! indexed, split by index range.
//!
//! A piece of a borrowing iteration is an index range; it walks the vector's leaves (arrays of up
//! to 64 elements) as slices, so each worker runs a plain slice loop. Everything that knows how
//! the vector is stored is `LeafRange`, at the bottom of this file.

use core::iter::FusedIterator;
use core::ops::Range;
use core::slice;

use archery::ArcTK;
use imbl::vector::Focus;
use rayon::iter::plumbing::{
    Consumer, Folder, Producer, ProducerCallback, UnindexedConsumer, bridge,
};
use rayon::iter::{IndexedParallelIterator, IntoParallelIterator, ParallelIterator};

use crate::FrozenVec;
use crate::vec::Repr;

/// Where a [`LeafRange`] finds its leaves.
enum Leaves<'a, T> {
    /// A short vector's elements: one leaf.
    Short(&'a [T]),
    /// A long vector's tree.
    Long(Focus<'a, T, ArcTK>),
}

/// A parallel iterator over shared references to the elements of a [`FrozenVec`], in index
/// order, created by `par_iter()` ([`IntoParallelRefIterator`](rayon::iter::IntoParallelRefIterator)).
///
/// It splits the vector by index range, and each worker walks its range's leaves as slices; no
/// element is copied and no lock is taken. It is an [`IndexedParallelIterator`]: `len`,
/// `enumerate`, `zip`, `rev`, `skip`, `take` and an in-order `collect` all work.
///
/// ```
/// use deepfreeze::FrozenVec;
/// use rayon::prelude::*;
///
/// let v: FrozenVec<u64> = (0..10_000).collect();
/// assert_eq!(v.par_iter().sum::<u64>(), v.iter().sum::<u64>());
/// assert_eq!(v.par_iter().len(), 10_000);
/// let (i, x) = v.par_iter().enumerate().rev().find_first(|&(_, &x)| x % 1000 == 999).unwrap();
/// assert_eq!((i, *x), (9_999, 9_999));
/// ```
#[derive(Debug)]
pub struct Iter<'a, T> {
    vec: &'a FrozenVec<T>,
}

impl<'a, T: Send + Sync> IntoParallelIterator for &'a FrozenVec<T> {
    type Item = &'a T;
    type Iter = Iter<'a, T>;

    fn into_par_iter(self) -> Iter<'a, T> {
        Iter { vec: self }
    }
}

impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Self { vec: self.vec }
    }
}

impl<'a, T: Send + Sync> ParallelIterator for Iter<'a, T> {
    type Item = &'a T;

    fn drive_unindexed<C: UnindexedConsumer<&'a T>>(self, consumer: C) -> C::Result {
        bridge(self, consumer)
    }

    fn opt_len(&self) -> Option<usize> {
        Some(self.vec.len())
    }
}

impl<'a, T: Send + Sync> IndexedParallelIterator for Iter<'a, T> {
    fn len(&self) -> usize {
        self.vec.len()
    }

    fn drive<C: Consumer<&'a T>>(self, consumer: C) -> C::Result {
        bridge(self, consumer)
    }

    fn with_producer<CB: ProducerCallback<&'a T>>(self, callback: CB) -> CB::Output {
        callback.callback(RangeProducer {
            vec: self.vec,
            range: 0..self.vec.len(),
        })
    }
}

/// One piece of a borrowing iteration: the elements at the indices `range`.
struct RangeProducer<'a, T> {
    vec: &'a FrozenVec<T>,
    range: Range<usize>,
}

impl<'a, T: Send + Sync> Producer for RangeProducer<'a, T> {
    type Item = &'a T;
    type IntoIter = LeafRange<'a, T>;

    fn into_iter(self) -> LeafRange<'a, T> {
        LeafRange::new(self.vec, self.range)
    }

    fn split_at(self, index: usize) -> (Self, Self) {
        let mid = self.range.start + index;
        (
            Self {
                vec: self.vec,
                range: self.range.start..mid,
            },
            Self {
                vec: self.vec,
                range: mid..self.range.end,
            },
        )
    }

    /// Feeds the folder one leaf slice at a time, so that folders with a fast `consume_iter`
    /// (`sum`, `count`, `collect`, ...) run their slice loop.
    fn fold_with<F: Folder<&'a T>>(self, mut folder: F) -> F {
        let mut leaves = LeafRange::new(self.vec, self.range);
        while let Some(leaf) = leaves.next_leaf() {
            folder = folder.consume_iter(leaf);
            if folder.full() {
                break;
            }
        }
        folder
    }
}

/// A parallel iterator that moves (or, where they are shared with another clone, clones) the
/// elements out of a [`FrozenVec`], in index order; created by
/// [`into_par_iter`](IntoParallelIterator::into_par_iter).
///
/// It splits the vector with [`FrozenVec::split_at`] (O(log n), sharing the nodes), so each
/// worker consumes its own part.
///
/// ```
/// use deepfreeze::FrozenVec;
/// use rayon::prelude::*;
///
/// let words: FrozenVec<String> = ["a", "bb", "ccc"].map(String::from).into();
/// let lengths: Vec<usize> = words.into_par_iter().map(|w| w.len()).collect();
/// assert_eq!(lengths, [1, 2, 3]);
/// ```
#[derive(Debug, Clone)]
pub struct IntoIter<T> {
    vec: FrozenVec<T>,
}

impl<T: Clone + Send + Sync> IntoParallelIterator for FrozenVec<T> {
    type Item = T;
    type Iter = IntoIter<T>;

    fn into_par_iter(self) -> IntoIter<T> {
        IntoIter { vec: self }
    }
}

impl<T: Clone + Send + Sync> ParallelIterator for IntoIter<T> {
    type Item = T;

    fn drive_unindexed<C: UnindexedConsumer<T>>(self, consumer: C) -> C::Result {
        bridge(self, consumer)
    }

    fn opt_len(&self) -> Option<usize> {
        Some(self.vec.len())
    }
}

impl<T: Clone + Send + Sync> IndexedParallelIterator for IntoIter<T> {
    fn len(&self) -> usize {
        self.vec.len()
    }

    fn drive<C: Consumer<T>>(self, consumer: C) -> C::Result {
        bridge(self, consumer)
    }

    fn with_producer<CB: ProducerCallback<T>>(self, callback: CB) -> CB::Output {
        callback.callback(OwnedProducer { vec: self.vec })
    }
}

/// One piece of an owning iteration: a part of the vector, split off persistently.
struct OwnedProducer<T> {
    vec: FrozenVec<T>,
}

impl<T: Clone + Send + Sync> Producer for OwnedProducer<T> {
    type Item = T;
    type IntoIter = crate::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.vec.into_iter()
    }

    fn split_at(self, index: usize) -> (Self, Self) {
        let (left, right) = self.vec.split_at(index);
        (Self { vec: left }, Self { vec: right })
    }
}

/// The elements of `vec` at the indices of a range, front to back, read one leaf (a slice) at a
/// time. This is the one part of the rayon integration that knows how a `FrozenVec` is stored:
/// a short vector is one slice (its only leaf); a long one is an imbl RRB vector whose leaves an
/// `imbl::vector::Focus` finds by index in O(log n).
struct LeafRange<'a, T> {
    /// A read-only focus on a long vector's tree (`chunk_at` finds the leaf holding an index), or
    /// the elements of a short one.
    leaves: Leaves<'a, T>,
    /// The rest of the leaf being read from the front.
    front: slice::Iter<'a, T>,
    /// The rest of the leaf being read from the back.
    back: slice::Iter<'a, T>,
    /// The indices not yet loaded into `front` or `back`.
    unread: Range<usize>,
}

impl<'a, T> LeafRange<'a, T> {
    fn new(vec: &'a FrozenVec<T>, range: Range<usize>) -> Self {
        debug_assert!(range.start <= range.end && range.end <= vec.len());
        let leaves = match vec.repr() {
            Repr::Short(elements) => Leaves::Short(elements),
            Repr::Long(tree) => Leaves::Long(tree.focus()),
        };
        Self {
            leaves,
            front: [].iter(),
            back: [].iter(),
            unread: range,
        }
    }

    /// The leaf holding `index` and the indices it covers, borrowed from the vector itself.
    #[allow(unsafe_code)]
    fn leaf_at(&mut self, index: usize) -> (Range<usize>, &'a [T]) {
        let focus = match &mut self.leaves {
            Leaves::Short(elements) => return (0..elements.len(), elements),
            Leaves::Long(focus) => focus,
        };
        let (range, leaf) = focus.chunk_at(index);
        let leaf: *const [T] = leaf;
        // SAFETY: `Focus::chunk_at` ties the slice to the `&mut` borrow of the focus, but the
        // slice lives as long as the vector the focus reads, `&'a GenericVector`:
        // - In imbl 7.0.2 (pinned with `=`), a `Focus<'a>` is either `Focus::Single(&'a [T])`,
        //   whose slice is returned as is, or a `TreeFocus` holding reference-counted clones of
        //   the vector's own node pointers; `chunk_at` returns a slice of one of those shared
        //   nodes, never of memory owned by the focus, so dropping or moving the focus, or
        //   refocusing it on another leaf, does not free or move the slice.
        // - The nodes are also owned by the vector, which is borrowed shared for `'a`: it cannot
        //   be dropped, and no `&mut` path writes a node it shares (imbl copies a node whose
        //   count is above one before writing, and this crate never calls `focus_mut`), so the
        //   slice is neither freed nor written during `'a`.
        (range, unsafe { &*leaf })
    }

    /// The next unread elements from the front, up to the end of their leaf, as one slice.
    fn next_leaf(&mut self) -> Option<slice::Iter<'a, T>> {
        if self.front.len() > 0 {
            return Some(core::mem::replace(&mut self.front, [].iter()));
        }
        if let Some(leaf) = self.take_unread_front() {
            return Some(leaf);
        }
        let back = core::mem::replace(&mut self.back, [].iter());
        (back.len() > 0).then_some(back)
    }

    /// Loads the leaf holding the first unread index into `front`. `false` if none is unread.
    fn load_front(&mut self) -> bool {
        match self.take_unread_front() {
            Some(leaf) => {
                self.front = leaf;
                true
            }
            None => false,
        }
    }

    /// The unread elements of the leaf holding the first unread index, marked read.
    fn take_unread_front(&mut self) -> Option<slice::Iter<'a, T>> {
        if self.unread.is_empty() {
            return None;
        }
        let start = self.unread.start;
        let (leaf_range, leaf) = self.leaf_at(start);
        let end = leaf_range.end.min(self.unread.end);
        self.unread.start = end;
        Some(leaf[start - leaf_range.start..end - leaf_range.start].iter())
    }

    /// Loads the leaf holding the last unread index into `back`. `false` if none is unread.
    fn load_back(&mut self) -> bool {
        if self.unread.is_empty() {
            return false;
        }
        let last = self.unread.end - 1;
        let (leaf_range, leaf) = self.leaf_at(last);
        let start = leaf_range.start.max(self.unread.start);
        let end = self.unread.end;
        self.unread.end = start;
        self.back = leaf[start - leaf_range.start..end - leaf_range.start].iter();
        true
    }
}

impl<'a, T> Iterator for LeafRange<'a, T> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        loop {
            if let Some(x) = self.front.next() {
                return Some(x);
            }
            if !self.load_front() {
                return self.back.next();
            }
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.len();
        (len, Some(len))
    }

    fn fold<B, F: FnMut(B, &'a T) -> B>(mut self, init: B, mut f: F) -> B {
        let mut acc = init;
        while let Some(leaf) = self.next_leaf() {
            acc = leaf.fold(acc, &mut f);
        }
        acc
    }
}

impl<T> DoubleEndedIterator for LeafRange<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(x) = self.back.next_back() {
                return Some(x);
            }
            if !self.load_back() {
                return self.front.next_back();
            }
        }
    }
}

impl<T> ExactSizeIterator for LeafRange<'_, T> {
    fn len(&self) -> usize {
        self.front.len() + self.unread.len() + self.back.len()
    }
}

impl<T> FusedIterator for LeafRange<'_, T> {}

#[cfg(test)]
mod tests {
    use super::LeafRange;
    use crate::FrozenVec;

    /// The leaf reader on its own, with no thread pool (so Miri checks its borrows under Stacked
    /// Borrows and strict provenance, which rayon's scheduler does not support): every range of
    /// a vector with irregular leaves, read from the front, the back, both, and by `fold`, and
    /// the slices it handed out still readable after the reader and a clone of the vector are
    /// gone and the clone's updates copied the nodes it shared.
    #[test]
    fn leaf_range_reads_every_range_from_both_ends() {
        let n: u32 = if cfg!(miri) { 150 } else { 700 };
        let mut v: FrozenVec<u32> = (n / 3..n).collect();
        for x in (0..n / 3).rev() {
            v.push_front(x);
        }
        let len = v.len();
        let step = if cfg!(miri) { 37 } else { 7 };
        for start in (0..=len).step_by(step) {
            for end in (start..=len).step_by(step) {
                let expected: Vec<u32> = (start as u32..end as u32).collect();
                let forward: Vec<&u32> = LeafRange::new(&v, start..end).collect();
                assert!(forward.iter().copied().eq(&expected));
                let backward: Vec<&u32> = LeafRange::new(&v, start..end).rev().collect();
                assert!(backward.iter().copied().eq(expected.iter().rev()));
                let folded = LeafRange::new(&v, start..end).fold(Vec::new(), |mut acc, x| {
                    acc.push(*x);
                    acc
                });
                assert_eq!(folded, expected);
                // Alternate ends; `len` stays exact throughout.
                let mut it = LeafRange::new(&v, start..end);
                let (mut front, mut back) = (Vec::new(), Vec::new());
                while it.len() > 0 {
                    let remaining = it.len();
                    if it.len() % 2 == 0 {
                        front.push(*it.next().unwrap());
                    } else {
                        back.push(*it.next_back().unwrap());
                    }
                    assert_eq!(it.len(), remaining - 1);
                }
                assert_eq!(it.next(), None);
                back.reverse();
                front.extend(back);
                assert_eq!(front, expected);
            }
        }
        let mut clone = v.clone();
        let kept: Vec<&u32> = LeafRange::new(&v, 0..len).collect();
        for i in 0..len {
            clone.set(i, 0);
        }
        drop(clone);
        assert!(kept.into_iter().copied().eq(0..n));
    }
}
