//! The iterators of [`FrozenMap`](super::FrozenMap): [`Iter`], [`Keys`], [`Values`],
//! [`IterMut`], [`ValuesMut`], [`IntoIter`], [`IntoKeys`], [`IntoValues`], [`Drain`] and
//! [`ExtractIf`].
//!
//! All of them are exact-sized and fused. The borrowing ones are `Clone` and `Debug` (listing
//! the remaining items); the others show how many items remain. [`Iter`] and its adaptors
//! override `fold`, which walks the trie recursively and is the fastest way to visit every entry
//! (`for_each`, `sum`, `count`, ... use it).

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::hash_trie;

/// Implements `ExactSizeIterator` and `FusedIterator` for an iterator type.
macro_rules! exact_and_fused {
    ($name:ident<$($lt:lifetime,)? $($param:ident),*> $(where $($bound:tt)*)?) => {
        impl<$($lt,)? $($param),*> ExactSizeIterator for $name<$($lt,)? $($param),*>
        $(where $($bound)*)? {}
        impl<$($lt,)? $($param),*> FusedIterator for $name<$($lt,)? $($param),*>
        $(where $($bound)*)? {}
    };
}

/// A borrowing iterator over the entries of a [`FrozenMap`](super::FrozenMap), from
/// [`FrozenMap::iter`](super::FrozenMap::iter).
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let map = FrozenMap::from([(1, 'a')]);
/// let mut iter = map.iter();
/// assert_eq!(iter.len(), 1);
/// assert_eq!(iter.next(), Some((&1, &'a')));
/// assert_eq!(iter.next(), None);
/// ```
pub struct Iter<'a, K, V> {
    inner: hash_trie::Iter<'a, K, V>,
}

impl<'a, K, V> Iter<'a, K, V> {
    pub(super) fn new(inner: hash_trie::Iter<'a, K, V>) -> Self {
        Self { inner }
    }
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    #[inline]
    fn next(&mut self) -> Option<(&'a K, &'a V)> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }

    #[inline]
    fn fold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, f: F) -> B {
        self.inner.fold(init, f)
    }
}

exact_and_fused!(Iter<'a, K, V>);

impl<K, V> Clone for Iter<'_, K, V> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Iter<'_, K, V> {
    /// Lists the remaining entries, like std's iterators.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// Defines a borrowing adaptor of [`Iter`] that yields one part of each entry.
macro_rules! iter_part {
    ($(#[$doc:meta])* $name:ident, $item:ty, |$key:pat_param, $value:pat_param| $part:expr) => {
        $(#[$doc])*
        pub struct $name<'a, K, V> {
            inner: Iter<'a, K, V>,
        }

        impl<'a, K, V> $name<'a, K, V> {
            pub(super) fn new(inner: Iter<'a, K, V>) -> Self {
                Self { inner }
            }
        }

        impl<'a, K, V> Iterator for $name<'a, K, V> {
            type Item = $item;

            #[inline]
            fn next(&mut self) -> Option<$item> {
                self.inner.next().map(|($key, $value)| $part)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }

            #[inline]
            fn fold<B, F: FnMut(B, $item) -> B>(self, init: B, mut f: F) -> B {
                self.inner.fold(init, |acc, ($key, $value)| f(acc, $part))
            }
        }

        exact_and_fused!($name<'a, K, V>);

        impl<K, V> Clone for $name<'_, K, V> {
            #[inline]
            fn clone(&self) -> Self {
                Self {
                    inner: self.inner.clone(),
                }
            }
        }

        impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for $name<'_, K, V> {
            /// Lists the remaining items.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.clone()).finish()
            }
        }
    };
}

iter_part!(
    /// An iterator over the keys of a [`FrozenMap`](super::FrozenMap), from
    /// [`FrozenMap::keys`](super::FrozenMap::keys).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, 'a')]);
    /// assert_eq!(map.keys().collect::<Vec<_>>(), [&1]);
    /// ```
    Keys, &'a K, |key, _value| key
);

iter_part!(
    /// An iterator over the values of a [`FrozenMap`](super::FrozenMap), from
    /// [`FrozenMap::values`](super::FrozenMap::values).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, 'a')]);
    /// assert_eq!(map.values().collect::<Vec<_>>(), [&'a']);
    /// ```
    Values, &'a V, |_key, value| value
);

/// An iterator over the entries of a [`FrozenMap`](super::FrozenMap) with mutable references to
/// the values, from [`FrozenMap::iter_mut`](super::FrozenMap::iter_mut). Nodes shared with other
/// versions are copied as the iterator reaches them.
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let mut map = FrozenMap::from([(1, 10)]);
/// let mut iter = map.iter_mut();
/// assert_eq!(iter.len(), 1);
/// if let Some((_, value)) = iter.next() {
///     *value += 1;
/// }
/// assert_eq!(map[&1], 11);
/// ```
pub struct IterMut<'a, K, V> {
    inner: hash_trie::IterMut<'a, K, V>,
}

impl<'a, K, V> IterMut<'a, K, V> {
    pub(super) fn new(inner: hash_trie::IterMut<'a, K, V>) -> Self {
        Self { inner }
    }
}

impl<'a, K: Clone, V: Clone> Iterator for IterMut<'a, K, V> {
    type Item = (&'a K, &'a mut V);

    #[inline]
    fn next(&mut self) -> Option<(&'a K, &'a mut V)> {
        self.inner.next()
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

exact_and_fused!(IterMut<'a, K, V> where K: Clone, V: Clone);

impl<K, V> fmt::Debug for IterMut<'_, K, V> {
    /// Shows how many entries remain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IterMut")
            .field("remaining", &self.inner.len())
            .finish()
    }
}

/// An iterator over mutable references to the values of a [`FrozenMap`](super::FrozenMap), from
/// [`FrozenMap::values_mut`](super::FrozenMap::values_mut).
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let mut map = FrozenMap::from([(1, 10), (2, 20)]);
/// for value in map.values_mut() {
///     *value /= 10;
/// }
/// assert_eq!(map, FrozenMap::from([(1, 1), (2, 2)]));
/// ```
pub struct ValuesMut<'a, K, V> {
    inner: IterMut<'a, K, V>,
}

impl<'a, K, V> ValuesMut<'a, K, V> {
    pub(super) fn new(inner: IterMut<'a, K, V>) -> Self {
        Self { inner }
    }
}

impl<'a, K: Clone, V: Clone> Iterator for ValuesMut<'a, K, V> {
    type Item = &'a mut V;

    #[inline]
    fn next(&mut self) -> Option<&'a mut V> {
        self.inner.next().map(|(_, value)| value)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

exact_and_fused!(ValuesMut<'a, K, V> where K: Clone, V: Clone);

impl<K, V> fmt::Debug for ValuesMut<'_, K, V> {
    /// Shows how many values remain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValuesMut")
            .field("remaining", &self.inner.inner.len())
            .finish()
    }
}

/// Defines an owning iterator over the trie's entries that yields one part of each.
macro_rules! owning {
    ($(#[$doc:meta])* $name:ident<$($lt:lifetime)?>, $item:ty, |$entry:ident| $part:expr) => {
        $(#[$doc])*
        pub struct $name<$($lt,)? K, V> {
            inner: hash_trie::IntoIter<K, V>,
            $(_borrow: PhantomData<&$lt mut ()>,)?
        }

        impl<$($lt,)? K, V> $name<$($lt,)? K, V> {
            pub(super) fn new(inner: hash_trie::IntoIter<K, V>) -> Self {
                Self {
                    inner,
                    $(_borrow: PhantomData::<&$lt mut ()>,)?
                }
            }
        }

        impl<$($lt,)? K: Clone, V: Clone> Iterator for $name<$($lt,)? K, V> {
            type Item = $item;

            #[inline]
            fn next(&mut self) -> Option<$item> {
                self.inner.next().map(|$entry| $part)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }
        }

        exact_and_fused!($name<$($lt,)? K, V> where K: Clone, V: Clone);

        impl<$($lt,)? K, V> fmt::Debug for $name<$($lt,)? K, V> {
            /// Shows how many items remain.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("remaining", &self.inner.len())
                    .finish()
            }
        }
    };
}

owning!(
    /// An owning iterator over the entries of a [`FrozenMap`](super::FrozenMap), from its
    /// `into_iter`. Entries of nodes that no other version shares are moved out; the others are
    /// cloned.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, 'a'), (2, 'b')]);
    /// let iter = map.into_iter();
    /// assert_eq!(iter.len(), 2);
    /// let mut entries: Vec<_> = iter.collect();
    /// entries.sort();
    /// assert_eq!(entries, [(1, 'a'), (2, 'b')]);
    /// ```
    IntoIter<>, (K, V), |entry| (entry.key, entry.value)
);

owning!(
    /// An owning iterator over the keys of a [`FrozenMap`](super::FrozenMap), from
    /// [`FrozenMap::into_keys`](super::FrozenMap::into_keys).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, 'a')]);
    /// assert_eq!(map.into_keys().collect::<Vec<_>>(), [1]);
    /// ```
    IntoKeys<>, K, |entry| entry.key
);

owning!(
    /// An owning iterator over the values of a [`FrozenMap`](super::FrozenMap), from
    /// [`FrozenMap::into_values`](super::FrozenMap::into_values).
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let map = FrozenMap::from([(1, 'a')]);
    /// assert_eq!(map.into_values().collect::<Vec<_>>(), ['a']);
    /// ```
    IntoValues<>, V, |entry| entry.value
);

owning!(
    /// A draining iterator over the entries of a [`FrozenMap`](super::FrozenMap), from
    /// [`FrozenMap::drain`](super::FrozenMap::drain). The map is already empty; dropping the
    /// iterator drops the entries not yet yielded.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    ///
    /// let mut map = FrozenMap::from([(1, 'a')]);
    /// let drain = map.drain();
    /// assert_eq!(drain.len(), 1);
    /// drop(drain);
    /// assert!(map.is_empty());
    /// ```
    Drain<'a>, (K, V), |entry| (entry.key, entry.value)
);

/// An iterator that removes the entries of a [`FrozenMap`](super::FrozenMap) for which a
/// predicate holds, from [`FrozenMap::extract_if`](super::FrozenMap::extract_if).
///
/// ```
/// use deepfreeze::FrozenMap;
///
/// let mut map = FrozenMap::from([(1, 'a'), (2, 'b')]);
/// let odd: Vec<_> = map.extract_if(|k, _| k % 2 == 1).collect();
/// assert_eq!(odd, [(1, 'a')]);
/// assert_eq!(map, FrozenMap::from([(2, 'b')]));
/// ```
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct ExtractIf<'a, K: Clone, V: Clone, F> {
    inner: hash_trie::Extract<'a, K, V>,
    pred: F,
}

impl<'a, K: Clone, V: Clone, F> ExtractIf<'a, K, V, F> {
    pub(super) fn new(trie: &'a mut hash_trie::HashTrie<K, V>, pred: F) -> Self {
        Self {
            inner: hash_trie::Extract::new(trie),
            pred,
        }
    }
}

impl<K: Clone, V: Clone, F> Iterator for ExtractIf<'_, K, V, F>
where
    F: FnMut(&K, &mut V) -> bool,
{
    type Item = (K, V);

    #[inline]
    fn next(&mut self) -> Option<(K, V)> {
        self.inner.next_where(&mut self.pred)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.inner.remaining()))
    }
}

impl<K: Clone, V: Clone, F> FusedIterator for ExtractIf<'_, K, V, F> where
    F: FnMut(&K, &mut V) -> bool
{
}

impl<K: Clone, V: Clone, F> fmt::Debug for ExtractIf<'_, K, V, F> {
    /// Shows how many entries are left to test.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExtractIf")
            .field("remaining", &self.inner.remaining())
            .finish()
    }
}
