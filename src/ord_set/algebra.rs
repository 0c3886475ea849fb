//! The lazy set operations of [`FrozenOrdSet`](super::FrozenOrdSet): [`Union`],
//! [`Intersection`], [`Difference`] and [`SymmetricDifference`], each a merge of the two sets'
//! ascending iterators, yielding borrowed elements in ascending order, like std `BTreeSet`'s.

use core::cmp::Ordering;
use core::fmt;
use core::iter::FusedIterator;

use super::Iter;

/// The two ascending inputs of a merge, each with its next element taken out already.
struct Merge<'a, T> {
    left: Iter<'a, T>,
    right: Iter<'a, T>,
    left_next: Option<&'a T>,
    right_next: Option<&'a T>,
}

impl<T> Clone for Merge<'_, T> {
    fn clone(&self) -> Self {
        Self {
            left: self.left.clone(),
            right: self.right.clone(),
            left_next: self.left_next,
            right_next: self.right_next,
        }
    }
}

/// Where the next element of a merge comes from.
enum Next<'a, T> {
    Left(&'a T),
    Right(&'a T),
    /// Equal elements in both sets: the left one.
    Both(&'a T),
    Done,
}

impl<'a, T: Ord> Merge<'a, T> {
    fn new(mut left: Iter<'a, T>, mut right: Iter<'a, T>) -> Self {
        Self {
            left_next: left.next(),
            right_next: right.next(),
            left,
            right,
        }
    }

    /// Takes the smaller of the two next elements, or both if they are equal.
    fn step(&mut self) -> Next<'a, T> {
        match (self.left_next, self.right_next) {
            (None, None) => Next::Done,
            (Some(x), None) => {
                self.left_next = self.left.next();
                Next::Left(x)
            }
            (None, Some(y)) => {
                self.right_next = self.right.next();
                Next::Right(y)
            }
            (Some(x), Some(y)) => match x.cmp(y) {
                Ordering::Less => {
                    self.left_next = self.left.next();
                    Next::Left(x)
                }
                Ordering::Greater => {
                    self.right_next = self.right.next();
                    Next::Right(y)
                }
                Ordering::Equal => {
                    self.left_next = self.left.next();
                    self.right_next = self.right.next();
                    Next::Both(x)
                }
            },
        }
    }

    /// How many elements are left on each side.
    fn lens(&self) -> (usize, usize) {
        (
            self.left.len() + usize::from(self.left_next.is_some()),
            self.right.len() + usize::from(self.right_next.is_some()),
        )
    }
}

/// Defines one lazy set operation: the struct, its constructor, `Iterator` with the elements
/// `$keep` selects, `Clone`, `FusedIterator` and `Debug` (the remaining elements).
macro_rules! lazy_operation {
    (
        $(#[$doc:meta])*
        $name:ident, |$next:ident| $keep:expr, |$l:ident, $r:ident| $hint:expr
    ) => {
        $(#[$doc])*
        pub struct $name<'a, T> {
            merge: Merge<'a, T>,
        }

        impl<'a, T: Ord> $name<'a, T> {
            pub(super) fn new(left: Iter<'a, T>, right: Iter<'a, T>) -> Self {
                Self {
                    merge: Merge::new(left, right),
                }
            }
        }

        impl<'a, T: Ord> Iterator for $name<'a, T> {
            type Item = &'a T;

            fn next(&mut self) -> Option<&'a T> {
                loop {
                    let $next = self.merge.step();
                    if let Next::Done = $next {
                        return None;
                    }
                    if let Some(value) = $keep {
                        return Some(value);
                    }
                }
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                let ($l, $r) = self.merge.lens();
                $hint
            }
        }

        impl<T: Ord> FusedIterator for $name<'_, T> {}

        impl<T> Clone for $name<'_, T> {
            fn clone(&self) -> Self {
                Self {
                    merge: self.merge.clone(),
                }
            }
        }

        impl<T: Ord + fmt::Debug> fmt::Debug for $name<'_, T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.clone()).finish()
            }
        }
    };
}

lazy_operation!(
    /// The elements of either of two [`FrozenOrdSet`](super::FrozenOrdSet)s, each once,
    /// ascending, from [`FrozenOrdSet::union`](super::FrozenOrdSet::union).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let (a, b) = (FrozenOrdSet::from([1, 3]), FrozenOrdSet::from([2, 3]));
    /// let union = a.union(&b);
    /// assert_eq!(format!("{union:?}"), "[1, 2, 3]");
    /// assert_eq!(union.max(), Some(&3));
    /// ```
    Union,
    |next| match next {
        Next::Left(value) | Next::Right(value) | Next::Both(value) => Some(value),
        Next::Done => None,
    },
    |left, right| (left.max(right), Some(left + right))
);

lazy_operation!(
    /// The elements of both of two [`FrozenOrdSet`](super::FrozenOrdSet)s, ascending, from
    /// [`FrozenOrdSet::intersection`](super::FrozenOrdSet::intersection).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let (a, b) = (FrozenOrdSet::from([1, 2, 3]), FrozenOrdSet::from([2, 3, 4]));
    /// assert_eq!(format!("{:?}", a.intersection(&b)), "[2, 3]");
    /// ```
    Intersection,
    |next| match next {
        Next::Both(value) => Some(value),
        _ => None,
    },
    |left, right| (0, Some(left.min(right)))
);

lazy_operation!(
    /// The elements of one [`FrozenOrdSet`](super::FrozenOrdSet) not in another, ascending,
    /// from [`FrozenOrdSet::difference`](super::FrozenOrdSet::difference).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let (a, b) = (FrozenOrdSet::from([1, 2, 3]), FrozenOrdSet::from([2]));
    /// assert_eq!(format!("{:?}", a.difference(&b)), "[1, 3]");
    /// ```
    Difference,
    |next| match next {
        Next::Left(value) => Some(value),
        _ => None,
    },
    |left, right| (left.saturating_sub(right), Some(left))
);

lazy_operation!(
    /// The elements in exactly one of two [`FrozenOrdSet`](super::FrozenOrdSet)s, ascending,
    /// from [`FrozenOrdSet::symmetric_difference`](super::FrozenOrdSet::symmetric_difference).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let (a, b) = (FrozenOrdSet::from([1, 2]), FrozenOrdSet::from([2, 3]));
    /// assert_eq!(format!("{:?}", a.symmetric_difference(&b)), "[1, 3]");
    /// ```
    SymmetricDifference,
    |next| match next {
        Next::Left(value) | Next::Right(value) => Some(value),
        _ => None,
    },
    |left, right| (0, Some(left + right))
);
