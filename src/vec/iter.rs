//! The iterators of [`FrozenVec`](super::FrozenVec): [`Iter`] (borrowing) and [`IntoIter`] (owning).

use core::fmt;
use core::iter::FusedIterator;

use archery::ArcTK;
use triomphe::ThinArc;

use super::repr::{Repr, Storage, Tree};

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
    inner: IterInner<'a, T>,
}

enum IterInner<'a, T> {
    /// A short vector's array.
    Short(core::slice::Iter<'a, T>),
    /// A long vector's tree.
    Long(TreeIter<'a, T>),
}

/// imbl's iterator over a tree, with the indices still to yield, so that `fold` can walk the
/// leaves as slices from where `next`/`next_back` left off.
struct TreeIter<'a, T> {
    inner: imbl::vector::Iter<'a, T, ArcTK>,
    vector: &'a Tree<T>,
    /// The indices of the elements not yet yielded: `front..back`.
    front: usize,
    back: usize,
}

impl<'a, T> Iter<'a, T> {
    pub(super) fn new(repr: Repr<'a, T>) -> Self {
        let inner = match repr {
            Repr::Short(slice) => IterInner::Short(slice.iter()),
            Repr::Long(vector) => IterInner::Long(TreeIter {
                inner: vector.iter(),
                vector,
                front: 0,
                back: vector.len(),
            }),
        };
        Self { inner }
    }
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        match &mut self.inner {
            IterInner::Short(it) => it.next(),
            IterInner::Long(it) => {
                let item = it.inner.next()?;
                it.front += 1;
                Some(item)
            }
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            IterInner::Short(it) => it.size_hint(),
            IterInner::Long(it) => it.inner.size_hint(),
        }
    }

    /// Internal iteration (`fold`, `for_each`, `sum`, ...) walks a tree's leaves as slices
    /// instead of looking every index up: about twice as fast as `next` for small elements.
    fn fold<B, F>(self, init: B, f: F) -> B
    where
        F: FnMut(B, &'a T) -> B,
    {
        match self.inner {
            IterInner::Short(it) => it.fold(init, f),
            IterInner::Long(it) => it.fold(init, f),
        }
    }
}

impl<'a, T> TreeIter<'a, T> {
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
        match &mut self.inner {
            IterInner::Short(it) => it.next_back(),
            IterInner::Long(it) => {
                let item = it.inner.next_back()?;
                it.back -= 1;
                Some(item)
            }
        }
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}
impl<T> FusedIterator for Iter<'_, T> {}

// imbl's vector iterator is `Clone` only for `T: Clone` (its tree focus needs it).
impl<T: Clone> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        let inner = match &self.inner {
            IterInner::Short(it) => IterInner::Short(it.clone()),
            IterInner::Long(it) => IterInner::Long(TreeIter {
                inner: it.inner.clone(),
                vector: it.vector,
                front: it.front,
                back: it.back,
            }),
        };
        Self { inner }
    }
}

impl<T: fmt::Debug> fmt::Debug for Iter<'_, T> {
    /// The elements not yet yielded, as std's `slice::Iter` shows them: `Iter([2, 3])`. They are
    /// read by index, so `T` need not be `Clone`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Rest<'r, 'a, T>(&'r IterInner<'a, T>);
        impl<T: fmt::Debug> fmt::Debug for Rest<'_, '_, T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.0 {
                    IterInner::Short(it) => f.debug_list().entries(it.as_slice()).finish(),
                    IterInner::Long(it) => f
                        .debug_list()
                        .entries((it.front..it.back).filter_map(|i| it.vector.get(i)))
                        .finish(),
                }
            }
        }
        f.debug_tuple("Iter").field(&Rest(&self.inner)).finish()
    }
}

/// An owning iterator over a [`FrozenVec`](super::FrozenVec).
///
/// Created by `FrozenVec::into_iter`. The elements of a long vector that this iterator owns
/// alone are moved out; those still shared with another clone, and every element of a short
/// vector (at most 32, in an array that cannot give up single elements), are cloned out.
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

/// A short vector's array is read by index and each element cloned. imbl's own consuming
/// iterator pops from the front, which on a tree imbl stores inline reaches the Stacked Borrows
/// violation of imbl-sized-chunks' `InlineArray::remove` (see `remove_inline` in `vec.rs`). An
/// inline tree (at most a few dozen small elements) is therefore moved into a `Vec` first; a
/// tree with heap nodes is popped from both ends.
#[derive(Clone)]
enum IntoIterInner<T> {
    Short {
        array: ThinArc<(), T>,
        /// The indices of the elements not yet yielded: `front..back`.
        front: usize,
        back: usize,
    },
    Small(std::vec::IntoIter<T>),
    Tree(Tree<T>),
}

impl<T: Clone> IntoIter<T> {
    pub(super) fn new(storage: Storage<T>) -> Self {
        let mut vector = match storage {
            Storage::Empty => Tree::new(),
            Storage::Short(array) => {
                let back = array.slice.len();
                let inner = IntoIterInner::Short {
                    array,
                    front: 0,
                    back,
                };
                return Self { inner };
            }
            Storage::Long(tree) => triomphe::Arc::unwrap_or_clone(tree),
        };
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
            IntoIterInner::Short { array, front, back } => {
                let item = (*front < *back).then(|| array.slice[*front].clone());
                *front += usize::from(item.is_some());
                item
            }
            IntoIterInner::Small(it) => it.next(),
            // Popping never turns a vector with heap nodes back into an inline one.
            IntoIterInner::Tree(vector) => vector.pop_front(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = match &self.inner {
            IntoIterInner::Short { front, back, .. } => back - front,
            IntoIterInner::Small(it) => it.len(),
            IntoIterInner::Tree(vector) => vector.len(),
        };
        (len, Some(len))
    }
}

impl<T: Clone> DoubleEndedIterator for IntoIter<T> {
    fn next_back(&mut self) -> Option<T> {
        match &mut self.inner {
            IntoIterInner::Short { array, front, back } => {
                let item = (*front < *back).then(|| array.slice[*back - 1].clone());
                *back -= usize::from(item.is_some());
                item
            }
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

impl<T: Clone + fmt::Debug> fmt::Debug for IntoIter<T> {
    /// The elements not yet yielded, as std's `vec::IntoIter` shows them: `IntoIter([2, 3])`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IntoIter")
            .field(&crate::debug::Remaining(self.clone()))
            .finish()
    }
}
