//! The iterators of [`FrozenSet`](super::FrozenSet): [`Iter`], [`IntoIter`], [`Drain`],
//! [`ExtractIf`], and the lazy set operations [`Union`], [`Intersection`], [`Difference`] and
//! [`SymmetricDifference`], as std's.
//!
//! The borrowing ones are `Clone` and `Debug` (listing the remaining items); the others show how
//! many items remain. All are fused; those whose length is known are exact-sized.

use core::fmt;
use core::hash::{BuildHasher, Hash};
use core::iter::{Chain, FusedIterator};

use super::FrozenSet;
use crate::{hash_trie, map};

/// A borrowing iterator over the elements of a [`FrozenSet`], from [`FrozenSet::iter`].
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let set = FrozenSet::from([1]);
/// let mut iter = set.iter();
/// assert_eq!(iter.len(), 1);
/// assert_eq!(iter.next(), Some(&1));
/// assert_eq!(iter.next(), None);
/// ```
pub struct Iter<'a, T> {
    inner: map::Keys<'a, T, ()>,
}

impl<'a, T> Iter<'a, T> {
    pub(super) fn new(inner: map::Keys<'a, T, ()>) -> Self {
        Self { inner }
    }
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }

    #[inline]
    fn fold<B, F: FnMut(B, &'a T) -> B>(self, init: B, f: F) -> B {
        self.inner.fold(init, f)
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}
impl<T> FusedIterator for Iter<'_, T> {}

impl<T> Clone for Iter<'_, T> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Iter<'_, T> {
    /// Lists the remaining elements, like std's iterators.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// An owning iterator over the elements of a [`FrozenSet`], from its `into_iter`. Elements of
/// nodes that no other version shares are moved out; the others are cloned.
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let set = FrozenSet::from([1, 2]);
/// let iter = set.into_iter();
/// assert_eq!(iter.len(), 2);
/// let mut all: Vec<_> = iter.collect();
/// all.sort();
/// assert_eq!(all, [1, 2]);
/// ```
pub struct IntoIter<T> {
    inner: map::IntoKeys<T, ()>,
}

impl<T> IntoIter<T> {
    pub(super) fn new(inner: map::IntoKeys<T, ()>) -> Self {
        Self { inner }
    }
}

impl<T: Clone> Iterator for IntoIter<T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T: Clone> ExactSizeIterator for IntoIter<T> {}
impl<T: Clone> FusedIterator for IntoIter<T> {}

impl<T: Clone> fmt::Debug for IntoIter<T> {
    /// Shows how many elements remain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IntoIter")
            .field("remaining", &self.inner.len())
            .finish()
    }
}

/// A draining iterator over the elements of a [`FrozenSet`], from [`FrozenSet::drain`].
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let mut set = FrozenSet::from([1]);
/// assert_eq!(set.drain().collect::<Vec<_>>(), [1]);
/// assert!(set.is_empty());
/// ```
pub struct Drain<'a, T> {
    inner: map::Drain<'a, T, ()>,
}

impl<'a, T> Drain<'a, T> {
    pub(super) fn new(inner: map::Drain<'a, T, ()>) -> Self {
        Self { inner }
    }
}

impl<T: Clone> Iterator for Drain<'_, T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        self.inner.next().map(|(value, ())| value)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T: Clone> ExactSizeIterator for Drain<'_, T> {}
impl<T: Clone> FusedIterator for Drain<'_, T> {}

impl<T: Clone> fmt::Debug for Drain<'_, T> {
    /// Shows how many elements remain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Drain")
            .field("remaining", &self.inner.len())
            .finish()
    }
}

/// An iterator that removes the elements of a [`FrozenSet`] for which a predicate holds, from
/// [`FrozenSet::extract_if`].
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let mut set = FrozenSet::from([1, 2]);
/// assert_eq!(set.extract_if(|x| *x == 1).collect::<Vec<_>>(), [1]);
/// assert_eq!(set, FrozenSet::from([2]));
/// ```
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct ExtractIf<'a, T: Clone, F> {
    inner: hash_trie::Extract<'a, T, ()>,
    pred: F,
}

impl<'a, T: Clone, F> ExtractIf<'a, T, F> {
    pub(super) fn new<S>(map: &'a mut crate::FrozenMap<T, (), S>, pred: F) -> Self {
        Self {
            inner: hash_trie::Extract::new(map.trie_mut()),
            pred,
        }
    }
}

impl<T: Clone, F: FnMut(&T) -> bool> Iterator for ExtractIf<'_, T, F> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        let pred = &mut self.pred;
        self.inner
            .next_where(&mut |value, ()| pred(value))
            .map(|(value, ())| value)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.inner.remaining()))
    }
}

impl<T: Clone, F: FnMut(&T) -> bool> FusedIterator for ExtractIf<'_, T, F> {}

impl<T: Clone, F> fmt::Debug for ExtractIf<'_, T, F> {
    /// Shows how many elements are left to test.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExtractIf")
            .field("remaining", &self.inner.remaining())
            .finish()
    }
}

/// The lazy union of two [`FrozenSet`]s, from [`FrozenSet::union`].
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let (a, b) = (FrozenSet::from([1]), FrozenSet::from([1, 2]));
/// assert_eq!(a.union(&b).count(), 2);
/// ```
pub struct Union<'a, T, S> {
    inner: Chain<Iter<'a, T>, Difference<'a, T, S>>,
}

impl<'a, T: Hash + Eq, S: BuildHasher> Union<'a, T, S> {
    pub(super) fn new(left: &'a FrozenSet<T, S>, right: &'a FrozenSet<T, S>) -> Self {
        Self {
            inner: left.iter().chain(right.difference(left)),
        }
    }
}

/// The lazy intersection of two [`FrozenSet`]s, from [`FrozenSet::intersection`].
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let (a, b) = (FrozenSet::from([1]), FrozenSet::from([1, 2]));
/// assert_eq!(a.intersection(&b).collect::<Vec<_>>(), [&1]);
/// ```
pub struct Intersection<'a, T, S> {
    iter: Iter<'a, T>,
    other: &'a FrozenSet<T, S>,
}

impl<'a, T, S> Intersection<'a, T, S> {
    pub(super) fn new(left: &'a FrozenSet<T, S>, right: &'a FrozenSet<T, S>) -> Self {
        let (small, big) = if left.len() <= right.len() {
            (left, right)
        } else {
            (right, left)
        };
        Self {
            iter: small.iter(),
            other: big,
        }
    }
}

/// The lazy difference of two [`FrozenSet`]s, from [`FrozenSet::difference`].
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let (a, b) = (FrozenSet::from([1, 2]), FrozenSet::from([1]));
/// assert_eq!(a.difference(&b).collect::<Vec<_>>(), [&2]);
/// ```
pub struct Difference<'a, T, S> {
    iter: Iter<'a, T>,
    other: &'a FrozenSet<T, S>,
}

impl<'a, T, S> Difference<'a, T, S> {
    pub(super) fn new(left: &'a FrozenSet<T, S>, right: &'a FrozenSet<T, S>) -> Self {
        Self {
            iter: left.iter(),
            other: right,
        }
    }
}

/// The lazy symmetric difference of two [`FrozenSet`]s, from
/// [`FrozenSet::symmetric_difference`].
///
/// ```
/// use deepfreeze::FrozenSet;
///
/// let (a, b) = (FrozenSet::from([1, 2]), FrozenSet::from([1, 3]));
/// assert_eq!(a.symmetric_difference(&b).count(), 2);
/// ```
pub struct SymmetricDifference<'a, T, S> {
    inner: Chain<Difference<'a, T, S>, Difference<'a, T, S>>,
}

impl<'a, T: Hash + Eq, S: BuildHasher> SymmetricDifference<'a, T, S> {
    pub(super) fn new(left: &'a FrozenSet<T, S>, right: &'a FrozenSet<T, S>) -> Self {
        Self {
            inner: left.difference(right).chain(right.difference(left)),
        }
    }
}

impl<'a, T: Hash + Eq, S: BuildHasher> Iterator for Intersection<'a, T, S> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        let other = self.other;
        self.iter.find(|value| other.contains(*value))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.iter.size_hint().1)
    }

    #[inline]
    fn fold<B, F: FnMut(B, &'a T) -> B>(self, init: B, mut f: F) -> B {
        let other = self.other;
        self.iter.fold(init, |acc, value| {
            if other.contains(value) {
                f(acc, value)
            } else {
                acc
            }
        })
    }
}

impl<'a, T: Hash + Eq, S: BuildHasher> Iterator for Difference<'a, T, S> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        let other = self.other;
        self.iter.find(|value| !other.contains(*value))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.iter.size_hint().1)
    }

    #[inline]
    fn fold<B, F: FnMut(B, &'a T) -> B>(self, init: B, mut f: F) -> B {
        let other = self.other;
        self.iter.fold(init, |acc, value| {
            if other.contains(value) {
                acc
            } else {
                f(acc, value)
            }
        })
    }
}

/// `Iterator`, `FusedIterator`, `Clone` and `Debug` for the chained set operations.
macro_rules! chained {
    ($name:ident) => {
        impl<'a, T: Hash + Eq, S: BuildHasher> Iterator for $name<'a, T, S> {
            type Item = &'a T;

            #[inline]
            fn next(&mut self) -> Option<&'a T> {
                self.inner.next()
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }

            #[inline]
            fn fold<B, F: FnMut(B, &'a T) -> B>(self, init: B, f: F) -> B {
                self.inner.fold(init, f)
            }
        }

        impl<T, S> Clone for $name<'_, T, S> {
            #[inline]
            fn clone(&self) -> Self {
                Self {
                    inner: self.inner.clone(),
                }
            }
        }
    };
}

chained!(Union);
chained!(SymmetricDifference);

/// `Clone` for the filtered set operations.
macro_rules! filtered {
    ($name:ident) => {
        impl<T, S> Clone for $name<'_, T, S> {
            #[inline]
            fn clone(&self) -> Self {
                Self {
                    iter: self.iter.clone(),
                    other: self.other,
                }
            }
        }
    };
}

filtered!(Intersection);
filtered!(Difference);

/// `FusedIterator` and `Debug` (the remaining elements) for the set operations.
macro_rules! fused_and_debug {
    ($($name:ident),*) => {$(
        impl<T: Hash + Eq, S: BuildHasher> FusedIterator for $name<'_, T, S> {}

        impl<T: Hash + Eq + fmt::Debug, S: BuildHasher> fmt::Debug for $name<'_, T, S> {
            /// Lists the remaining elements, like std's.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.clone()).finish()
            }
        }
    )*};
}

fused_and_debug!(Union, Intersection, Difference, SymmetricDifference);
