//! The iterators of [`FrozenOrdMap`](super::FrozenOrdMap): [`Iter`], [`Keys`], [`Values`],
//! [`Range`], [`IntoIter`], [`IntoKeys`], [`IntoValues`], and [`Diff`] with its items [`DiffItem`].

use core::fmt;
use core::iter::FusedIterator;

use archery::ArcTK;
use imbl::ordmap;

use crate::diff_item::DiffItem;

/// Forwards `Iterator` (with `size_hint`) and `DoubleEndedIterator` to the wrapped imbl iterator.
macro_rules! forward_iterator {
    ($name:ident<$($lt:lifetime,)? $($param:ident),*>, $item:ty $(, where $($bound:tt)*)?) => {
        impl<$($lt,)? $($param),*> Iterator for $name<$($lt,)? $($param),*> $(where $($bound)*)? {
            type Item = $item;

            fn next(&mut self) -> Option<$item> {
                self.inner.next()
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }
        }

        impl<$($lt,)? $($param),*> DoubleEndedIterator for $name<$($lt,)? $($param),*>
        $(where $($bound)*)?
        {
            fn next_back(&mut self) -> Option<$item> {
                self.inner.next_back()
            }
        }

        impl<$($lt,)? $($param),*> FusedIterator for $name<$($lt,)? $($param),*>
        $(where $($bound)*)? {}
    };
}

/// A borrowing iterator over the entries of a [`FrozenOrdMap`](super::FrozenOrdMap), in
/// ascending key order.
///
/// Created by [`FrozenOrdMap::iter`](super::FrozenOrdMap::iter) and `&FrozenOrdMap` in a `for`
/// loop.
///
/// ```
/// use deepfreeze::FrozenOrdMap;
///
/// let m = FrozenOrdMap::from([(1, 'a'), (2, 'b'), (3, 'c')]);
/// let mut it = m.iter();
/// assert_eq!(it.len(), 3);
/// assert_eq!(it.next(), Some((&1, &'a')));
/// assert_eq!(it.next_back(), Some((&3, &'c')));
/// assert_eq!(it.len(), 1);
/// ```
pub struct Iter<'a, K, V> {
    inner: ordmap::Iter<'a, K, V, ArcTK>,
}

impl<'a, K, V> Iter<'a, K, V> {
    pub(super) fn new(inner: ordmap::Iter<'a, K, V, ArcTK>) -> Self {
        Self { inner }
    }
}

forward_iterator!(Iter<'a, K, V>, (&'a K, &'a V));
impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

impl<K, V> Clone for Iter<'_, K, V> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Iter<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// A borrowing iterator over the keys of a [`FrozenOrdMap`](super::FrozenOrdMap), ascending.
///
/// ```
/// use deepfreeze::FrozenOrdMap;
///
/// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
/// let keys = m.keys();
/// assert_eq!(keys.len(), 2);
/// assert_eq!(keys.rev().collect::<Vec<_>>(), [&2, &1]);
/// ```
pub struct Keys<'a, K, V> {
    // Over the entries (imbl's own key iterator is not `Clone`), as std's `Keys` is `Clone`.
    inner: Iter<'a, K, V>,
}

impl<'a, K, V> Keys<'a, K, V> {
    pub(super) fn new(inner: Iter<'a, K, V>) -> Self {
        Self { inner }
    }
}

/// A borrowing iterator over the values of a [`FrozenOrdMap`](super::FrozenOrdMap), in
/// ascending order of their keys.
///
/// ```
/// use deepfreeze::FrozenOrdMap;
///
/// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
/// let values = m.values();
/// assert_eq!(values.len(), 2);
/// assert_eq!(values.collect::<String>(), "ab");
/// ```
pub struct Values<'a, K, V> {
    inner: Iter<'a, K, V>,
}

impl<'a, K, V> Values<'a, K, V> {
    pub(super) fn new(inner: Iter<'a, K, V>) -> Self {
        Self { inner }
    }
}

/// `Iterator`, `DoubleEndedIterator`, `ExactSizeIterator`, `FusedIterator`, `Clone` and a
/// `Debug` listing the remaining items, for an iterator over one part of [`Iter`]'s entries.
macro_rules! part_iterator {
    ($name:ident, $item:ty, $part:expr, $shown:ident) => {
        impl<'a, K, V> Iterator for $name<'a, K, V> {
            type Item = $item;

            fn next(&mut self) -> Option<$item> {
                self.inner.next().map($part)
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }
        }

        impl<'a, K, V> DoubleEndedIterator for $name<'a, K, V> {
            fn next_back(&mut self) -> Option<$item> {
                self.inner.next_back().map($part)
            }
        }

        impl<K, V> ExactSizeIterator for $name<'_, K, V> {}
        impl<K, V> FusedIterator for $name<'_, K, V> {}

        impl<K, V> Clone for $name<'_, K, V> {
            fn clone(&self) -> Self {
                Self {
                    inner: self.inner.clone(),
                }
            }
        }

        impl<K, V> fmt::Debug for $name<'_, K, V>
        where
            $shown: fmt::Debug,
        {
            /// Lists the remaining items, like std's.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.clone()).finish()
            }
        }
    };
}

part_iterator!(Keys, &'a K, |(key, _)| key, K);
part_iterator!(Values, &'a V, |(_, value)| value, V);

/// A borrowing iterator over the entries of a [`FrozenOrdMap`](super::FrozenOrdMap) whose keys
/// fall in a range, ascending. Not `ExactSizeIterator`: its length is unknown until walked.
///
/// Created by [`FrozenOrdMap::range`](super::FrozenOrdMap::range).
///
/// ```
/// use deepfreeze::FrozenOrdMap;
///
/// let m: FrozenOrdMap<i32, i32> = (0..10).map(|k| (k, k * k)).collect();
/// let mut r = m.range(3..=5);
/// assert_eq!(r.next(), Some((&3, &9)));
/// assert_eq!(r.next_back(), Some((&5, &25)));
/// assert_eq!(r.next(), Some((&4, &16)));
/// assert_eq!(r.next(), None);
/// ```
pub struct Range<'a, K, V> {
    inner: ordmap::RangedIter<'a, K, V, ArcTK>,
}

impl<'a, K, V> Range<'a, K, V> {
    pub(super) fn new(inner: ordmap::RangedIter<'a, K, V, ArcTK>) -> Self {
        Self { inner }
    }
}

forward_iterator!(Range<'a, K, V>, (&'a K, &'a V));

impl<K, V> Clone for Range<'_, K, V> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Range<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// An owning iterator over the entries of a [`FrozenOrdMap`](super::FrozenOrdMap), in ascending
/// key order.
///
/// Created by `FrozenOrdMap::into_iter`. Entries still shared with another clone are cloned out.
///
/// ```
/// use deepfreeze::FrozenOrdMap;
///
/// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
/// let mut it = m.into_iter();
/// assert_eq!(it.len(), 2);
/// assert_eq!(it.next(), Some((1, 'a')));
/// assert_eq!(it.next_back(), Some((2, 'b')));
/// ```
pub struct IntoIter<K, V> {
    inner: ordmap::ConsumingIter<K, V, ArcTK>,
}

impl<K, V> IntoIter<K, V> {
    pub(super) fn new(inner: ordmap::ConsumingIter<K, V, ArcTK>) -> Self {
        Self { inner }
    }
}

forward_iterator!(IntoIter<K, V>, (K, V), where K: Clone, V: Clone);
impl<K: Clone, V: Clone> ExactSizeIterator for IntoIter<K, V> {}

impl<K, V> Clone for IntoIter<K, V> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<K: Clone + fmt::Debug, V: Clone + fmt::Debug> fmt::Debug for IntoIter<K, V> {
    /// Lists the entries not yet yielded, like std's `btree_map::IntoIter`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// An owning iterator over the keys of a [`FrozenOrdMap`](super::FrozenOrdMap), ascending, as
/// std's `btree_map::IntoKeys`.
///
/// Created by [`FrozenOrdMap::into_keys`](super::FrozenOrdMap::into_keys).
///
/// ```
/// use deepfreeze::FrozenOrdMap;
///
/// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
/// assert_eq!(m.into_keys().collect::<Vec<_>>(), [1, 2]);
/// ```
pub struct IntoKeys<K, V> {
    inner: IntoIter<K, V>,
}

/// An owning iterator over the values of a [`FrozenOrdMap`](super::FrozenOrdMap), in ascending
/// order of their keys, as std's `btree_map::IntoValues`.
///
/// Created by [`FrozenOrdMap::into_values`](super::FrozenOrdMap::into_values).
///
/// ```
/// use deepfreeze::FrozenOrdMap;
///
/// let m = FrozenOrdMap::from([(2, 'b'), (1, 'a')]);
/// assert_eq!(m.into_values().collect::<String>(), "ab");
/// ```
pub struct IntoValues<K, V> {
    inner: IntoIter<K, V>,
}

/// The iterator traits, `Clone` and a listing `Debug` for an owning iterator over one part of
/// [`IntoIter`]'s entries.
macro_rules! owned_part_iterator {
    ($name:ident, $item:ty, $part:expr, $shown:ident) => {
        impl<K, V> $name<K, V> {
            pub(super) fn new(inner: IntoIter<K, V>) -> Self {
                Self { inner }
            }
        }

        impl<K: Clone, V: Clone> Iterator for $name<K, V> {
            type Item = $item;

            fn next(&mut self) -> Option<$item> {
                self.inner.next().map($part)
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }
        }

        impl<K: Clone, V: Clone> DoubleEndedIterator for $name<K, V> {
            fn next_back(&mut self) -> Option<$item> {
                self.inner.next_back().map($part)
            }
        }

        impl<K: Clone, V: Clone> ExactSizeIterator for $name<K, V> {}
        impl<K: Clone, V: Clone> FusedIterator for $name<K, V> {}

        impl<K, V> Clone for $name<K, V> {
            fn clone(&self) -> Self {
                Self {
                    inner: self.inner.clone(),
                }
            }
        }

        impl<K: Clone, V: Clone> fmt::Debug for $name<K, V>
        where
            $shown: fmt::Debug,
        {
            /// Lists the items not yet yielded, like std's.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.clone()).finish()
            }
        }
    };
}

owned_part_iterator!(IntoKeys, K, |(key, _)| key, K);
owned_part_iterator!(IntoValues, V, |(_, value)| value, V);

/// The iterator returned by [`FrozenOrdMap::diff`](super::FrozenOrdMap::diff): the changes from
/// one map to another in ascending key order, skipping the subtrees the two maps share.
///
/// ```
/// use deepfreeze::FrozenOrdMap;
/// use deepfreeze::ord_map::DiffItem;
///
/// let old: FrozenOrdMap<u32, u32> = (0..1000).map(|k| (k, k)).collect();
/// let new = old.without(&500);
/// assert_eq!(old.diff(&new).collect::<Vec<_>>(), [DiffItem::Remove(&500, &500)]);
/// assert_eq!(new.diff(&old).collect::<Vec<_>>(), [DiffItem::Add(&500, &500)]);
/// ```
pub struct Diff<'a, 'b, K, V> {
    inner: ordmap::DiffIter<'a, 'b, K, V, ArcTK>,
}

impl<'a, 'b, K, V> Diff<'a, 'b, K, V> {
    pub(super) fn new(inner: ordmap::DiffIter<'a, 'b, K, V, ArcTK>) -> Self {
        Self { inner }
    }
}

impl<'a, 'b, K: Ord, V: PartialEq> Iterator for Diff<'a, 'b, K, V> {
    type Item = DiffItem<'a, 'b, K, V>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.inner.next()? {
            ordmap::DiffItem::Add(k, v) => DiffItem::Add(k, v),
            ordmap::DiffItem::Update { old, new } => DiffItem::Update { old, new },
            ordmap::DiffItem::Remove(k, v) => DiffItem::Remove(k, v),
        })
    }
}

impl<K: Ord, V: PartialEq> FusedIterator for Diff<'_, '_, K, V> {}

impl<K, V> fmt::Debug for Diff<'_, '_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Diff").finish_non_exhaustive()
    }
}
