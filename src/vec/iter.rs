//! The iterators of [`FrozenVec`](super::FrozenVec): [`Iter`] (borrowing) and [`IntoIter`] (owning).

use core::fmt;
use core::iter::FusedIterator;

use archery::ArcTK;

/// A borrowing iterator over a [`FrozenVec`](super::FrozenVec), front to back (or back to front).
///
/// Created by [`FrozenVec::iter`](super::FrozenVec::iter) and `&FrozenVec` in a `for` loop.
///
/// ```
/// use deepfreeze::FrozenVec;
///
/// let v = FrozenVec::from([1, 2, 3]);
/// let mut it = v.iter();
/// assert_eq!(it.len(), 3);
/// assert_eq!(it.next(), Some(&1));
/// assert_eq!(it.next_back(), Some(&3));
/// assert_eq!(it.collect::<Vec<_>>(), [&2]);
/// ```
pub struct Iter<'a, T> {
    inner: imbl::vector::Iter<'a, T, ArcTK>,
}

impl<'a, T> Iter<'a, T> {
    pub(super) fn new(inner: imbl::vector::Iter<'a, T, ArcTK>) -> Self {
        Self { inner }
    }
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        self.inner.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back()
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}
impl<T> FusedIterator for Iter<'_, T> {}

// imbl's vector iterator is `Clone` only for `T: Clone` (its tree focus needs it).
impl<T: Clone> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T> fmt::Debug for Iter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Iter")
            .field("remaining", &self.len())
            .finish()
    }
}

/// An owning iterator over a [`FrozenVec`](super::FrozenVec).
///
/// Created by `FrozenVec::into_iter`. Elements still shared with another clone are cloned out;
/// elements this iterator owns alone are moved.
///
/// ```
/// use deepfreeze::FrozenVec;
///
/// let v = FrozenVec::from([String::from("a"), String::from("b")]);
/// let mut it = v.into_iter();
/// assert_eq!(it.len(), 2);
/// assert_eq!(it.next_back().as_deref(), Some("b"));
/// assert_eq!(it.next().as_deref(), Some("a"));
/// assert_eq!(it.next(), None);
/// ```
pub struct IntoIter<T> {
    inner: imbl::vector::ConsumingIter<T, ArcTK>,
}

impl<T> IntoIter<T> {
    pub(super) fn new(inner: imbl::vector::ConsumingIter<T, ArcTK>) -> Self {
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

impl<T: Clone> Clone for IntoIter<T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T: Clone> fmt::Debug for IntoIter<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IntoIter")
            .field("remaining", &self.len())
            .finish()
    }
}
