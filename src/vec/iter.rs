//! The iterators of [`FrozenVec`](super::FrozenVec): [`Iter`] (borrowing) and [`IntoIter`] (owning).

use core::fmt;
use core::iter::FusedIterator;

use archery::ArcTK;
use imbl::GenericVector;

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
    vector: &'a GenericVector<T, ArcTK>,
    /// The indices of the elements not yet yielded: `front..back`.
    front: usize,
    back: usize,
}

impl<'a, T> Iter<'a, T> {
    pub(super) fn new(vector: &'a GenericVector<T, ArcTK>) -> Self {
        Self {
            inner: vector.iter(),
            vector,
            front: 0,
            back: vector.len(),
        }
    }
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        let item = self.inner.next()?;
        self.front += 1;
        Some(item)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }

    /// Internal iteration (`fold`, `for_each`, `sum`, ...) walks the tree's leaves as slices
    /// instead of looking every index up: about twice as fast as `next` for small elements.
    fn fold<B, F>(self, init: B, mut f: F) -> B
    where
        F: FnMut(B, &'a T) -> B,
    {
        let (front, back) = (self.front, self.back);
        let mut acc = init;
        if front >= back {
            return acc;
        }
        // `start` is the index of `chunk[0]`. Leaves wholly before `front` are skipped (fewer
        // than the elements `next` already yielded); the walk stops at the leaf holding `back`.
        let mut start = 0;
        for chunk in self.vector.leaves() {
            let end = start + chunk.len();
            if end > front {
                let lo = front.saturating_sub(start);
                let hi = chunk.len().min(back - start);
                acc = chunk[lo..hi].iter().fold(acc, &mut f);
            }
            if end >= back {
                break;
            }
            start = end;
        }
        acc
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let item = self.inner.next_back()?;
        self.back -= 1;
        Some(item)
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}
impl<T> FusedIterator for Iter<'_, T> {}

// imbl's vector iterator is `Clone` only for `T: Clone` (its tree focus needs it).
impl<T: Clone> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            vector: self.vector,
            front: self.front,
            back: self.back,
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
    inner: IntoIterInner<T>,
}

/// imbl's own consuming iterator pops from the front, which on a vector stored inline reaches
/// the Stacked Borrows violation of imbl-sized-chunks' `InlineArray::remove` (see
/// `remove_inline` in `vec.rs`). An inline vector (at most a few dozen small elements) is
/// therefore moved into a `Vec` first; a vector with heap nodes is popped from both ends.
#[derive(Clone)]
enum IntoIterInner<T> {
    Small(std::vec::IntoIter<T>),
    Tree(GenericVector<T, ArcTK>),
}

impl<T: Clone> IntoIter<T> {
    pub(super) fn new(mut vector: GenericVector<T, ArcTK>) -> Self {
        let inner = if vector.is_inline() {
            let mut reversed = Vec::with_capacity(vector.len());
            while let Some(x) = vector.pop_back() {
                reversed.push(x);
            }
            reversed.reverse();
            IntoIterInner::Small(reversed.into_iter())
        } else {
            IntoIterInner::Tree(vector)
        };
        Self { inner }
    }
}

impl<T: Clone> Iterator for IntoIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match &mut self.inner {
            IntoIterInner::Small(it) => it.next(),
            // Popping never turns a vector with heap nodes back into an inline one.
            IntoIterInner::Tree(vector) => vector.pop_front(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = match &self.inner {
            IntoIterInner::Small(it) => it.len(),
            IntoIterInner::Tree(vector) => vector.len(),
        };
        (len, Some(len))
    }
}

impl<T: Clone> DoubleEndedIterator for IntoIter<T> {
    fn next_back(&mut self) -> Option<T> {
        match &mut self.inner {
            IntoIterInner::Small(it) => it.next_back(),
            IntoIterInner::Tree(vector) => vector.pop_back(),
        }
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
