//! The iterators of [`FrozenOrdSet`](super::FrozenOrdSet): [`Iter`], [`Range`], [`IntoIter`],
//! and [`Diff`] with its items [`DiffItem`].

use core::fmt;
use core::iter::{Fuse, FusedIterator};

use archery::ArcTK;
use imbl::ordset;

/// A borrowing iterator over a [`FrozenOrdSet`](super::FrozenOrdSet), ascending.
///
/// Created by [`FrozenOrdSet::iter`](super::FrozenOrdSet::iter) and `&FrozenOrdSet` in a `for`
/// loop.
///
/// ```
/// use deepfreeze::FrozenOrdSet;
///
/// let s = FrozenOrdSet::from([3, 1, 2]);
/// let mut it = s.iter();
/// assert_eq!(it.len(), 3);
/// assert_eq!(it.next(), Some(&1));
/// assert_eq!(it.next_back(), Some(&3));
/// assert_eq!(it.len(), 1);
/// ```
pub struct Iter<'a, T> {
    inner: ordset::Iter<'a, T, ArcTK>,
}

impl<'a, T> Iter<'a, T> {
    pub(super) fn new(inner: ordset::Iter<'a, T, ArcTK>) -> Self {
        Self { inner }
    }
}

impl<'a, T: Ord> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        self.inner.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T: Ord> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back()
    }
}

impl<T: Ord> ExactSizeIterator for Iter<'_, T> {}
impl<T: Ord> FusedIterator for Iter<'_, T> {}

impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T: Ord + fmt::Debug> fmt::Debug for Iter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// A borrowing iterator over the elements of a [`FrozenOrdSet`](super::FrozenOrdSet) in a range,
/// ascending. Not `ExactSizeIterator`: its length is unknown until walked.
///
/// Created by [`FrozenOrdSet::range`](super::FrozenOrdSet::range).
///
/// ```
/// use deepfreeze::FrozenOrdSet;
///
/// let s: FrozenOrdSet<i32> = (0..10).collect();
/// let mut r = s.range(4..);
/// assert_eq!(r.next(), Some(&4));
/// assert_eq!(r.next_back(), Some(&9));
/// assert_eq!(r.count(), 4);
/// ```
pub struct Range<'a, T> {
    // imbl's set range iterator does not promise `FusedIterator`; `Fuse` makes it so.
    inner: Fuse<ordset::RangedIter<'a, T, ArcTK>>,
}

impl<'a, T: Ord> Range<'a, T> {
    pub(super) fn new(inner: ordset::RangedIter<'a, T, ArcTK>) -> Self {
        Self {
            inner: inner.fuse(),
        }
    }
}

impl<'a, T: Ord> Iterator for Range<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        self.inner.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T: Ord> DoubleEndedIterator for Range<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back()
    }
}

impl<T: Ord> FusedIterator for Range<'_, T> {}

impl<T> fmt::Debug for Range<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Range").finish_non_exhaustive()
    }
}

/// An owning iterator over a [`FrozenOrdSet`](super::FrozenOrdSet), ascending.
///
/// Created by `FrozenOrdSet::into_iter`. Elements still shared with another clone are cloned
/// out.
///
/// ```
/// use deepfreeze::FrozenOrdSet;
///
/// let s = FrozenOrdSet::from([2, 1, 3]);
/// let mut it = s.into_iter();
/// assert_eq!(it.len(), 3);
/// assert_eq!(it.next_back(), Some(3));
/// assert_eq!(it.collect::<Vec<_>>(), [1, 2]);
/// ```
pub struct IntoIter<T> {
    inner: ordset::ConsumingIter<T, ArcTK>,
}

impl<T> IntoIter<T> {
    pub(super) fn new(inner: ordset::ConsumingIter<T, ArcTK>) -> Self {
        Self { inner }
    }
}

impl<T: Clone> Iterator for IntoIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        self.inner.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T: Clone> DoubleEndedIterator for IntoIter<T> {
    fn next_back(&mut self) -> Option<T> {
        self.inner.next_back()
    }
}

impl<T: Clone> ExactSizeIterator for IntoIter<T> {}
impl<T: Clone> FusedIterator for IntoIter<T> {}

impl<T> Clone for IntoIter<T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T: Clone + fmt::Debug> fmt::Debug for IntoIter<T> {
    /// Lists the elements not yet yielded, like std's `btree_set::IntoIter`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// One difference between two versions of a [`FrozenOrdSet`](super::FrozenOrdSet), as yielded
/// by [`FrozenOrdSet::diff`](super::FrozenOrdSet::diff): what to apply to the old set (`'a`) to
/// get the new one (`'b`).
///
/// ```
/// use deepfreeze::FrozenOrdSet;
/// use deepfreeze::ord_set::DiffItem;
///
/// let old = FrozenOrdSet::from(["x"]);
/// let new = FrozenOrdSet::from(["y"]);
/// assert_eq!(old.diff(&new).collect::<Vec<_>>(), [DiffItem::Remove(&"x"), DiffItem::Add(&"y")]);
/// ```
#[derive(Debug, PartialEq, Eq)]
pub enum DiffItem<'a, 'b, T> {
    /// The element is only in the new set.
    Add(&'b T),
    /// The element is only in the old set.
    Remove(&'a T),
}

impl<T> Clone for DiffItem<'_, '_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for DiffItem<'_, '_, T> {}

/// The iterator returned by [`FrozenOrdSet::diff`](super::FrozenOrdSet::diff): the changes from
/// one set to another, ascending, skipping the subtrees the two sets share.
///
/// ```
/// use deepfreeze::FrozenOrdSet;
/// use deepfreeze::ord_set::DiffItem;
///
/// let old: FrozenOrdSet<u32> = (0..1000).collect();
/// let new = old.with_inserted(1000);
/// assert_eq!(old.diff(&new).collect::<Vec<_>>(), [DiffItem::Add(&1000)]);
/// ```
pub struct Diff<'a, 'b, T> {
    inner: ordset::DiffIter<'a, 'b, T, ArcTK>,
}

impl<'a, 'b, T> Diff<'a, 'b, T> {
    pub(super) fn new(inner: ordset::DiffIter<'a, 'b, T, ArcTK>) -> Self {
        Self { inner }
    }
}

impl<'a, 'b, T: Ord> Iterator for Diff<'a, 'b, T> {
    type Item = DiffItem<'a, 'b, T>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.inner.next()? {
            ordset::DiffItem::Add(x) => DiffItem::Add(x),
            ordset::DiffItem::Remove(x) => DiffItem::Remove(x),
        })
    }
}

impl<T: Ord> FusedIterator for Diff<'_, '_, T> {}

impl<T> fmt::Debug for Diff<'_, '_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Diff").finish_non_exhaustive()
    }
}
