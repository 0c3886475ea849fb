//! Parallel iterators over a [`FrozenMap`]: [`Iter`] (`(&K, &V)`), [`IterMut`] (`(&K, &mut V)`),
//! [`ValuesMut`] (`&mut V`) and [`IntoIter`] (`(K, V)`).
//!
//! They split the trie itself: a piece of the walk is a list of whole sub-tries, halved at a
//! child boundary when rayon splits it (a lone sub-trie is first opened into its node's inline
//! entries and its children). No piece is gathered into a buffer first and no lock is taken per
//! item. Items come in the order of the serial iterators, so `collect` into a `Vec` gives the
//! serial `iter`'s order.
//!
//! The writing iterators copy each node that another version shares when a worker opens or
//! walks it, as the serial [`iter_mut`](FrozenMap::iter_mut) does: other versions never see the
//! writes, and nodes no other version shares are written in place. The owning iterator moves
//! the entries out of nodes nothing else shares and clones those of shared ones, as the serial
//! `into_iter` does.
//!
//! These iterators are unindexed (the trie's nodes carry no subtree sizes), like the iterators
//! of std's `HashMap` under rayon.

use core::fmt;

use rayon::iter::plumbing::{UnindexedConsumer, bridge_unindexed};
use rayon::iter::{IntoParallelIterator, ParallelIterator};

use super::tree::TreeProducer;
use crate::FrozenMap;
use crate::hash_trie::HashTrie;

/// A parallel iterator over the entries of a [`FrozenMap`], created by `par_iter()`
/// ([`IntoParallelRefIterator`](rayon::iter::IntoParallelRefIterator)).
///
/// ```
/// use deepfreeze::FrozenMap;
/// use rayon::prelude::*;
///
/// let m: FrozenMap<u32, u64> = (0..1000).map(|k| (k, u64::from(k) * 2)).collect();
/// assert_eq!(m.par_iter().map(|(_, v)| v).sum::<u64>(), 999_000);
/// assert_eq!(m.par_iter().filter(|(k, _)| *k % 10 == 0).count(), 100);
/// // In the serial order.
/// let keys: Vec<&u32> = m.par_iter().map(|(k, _)| k).collect();
/// assert!(keys.into_iter().eq(m.keys()));
/// ```
pub struct Iter<'a, K, V> {
    trie: &'a HashTrie<K, V>,
}

impl<K, V> Clone for Iter<'_, K, V> {
    fn clone(&self) -> Self {
        Self { trie: self.trie }
    }
}

impl<K, V> fmt::Debug for Iter<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Iter")
            .field("len", &self.trie.len())
            .finish()
    }
}

impl<'a, K: Send + Sync, V: Send + Sync, S> IntoParallelIterator for &'a FrozenMap<K, V, S> {
    type Item = (&'a K, &'a V);
    type Iter = Iter<'a, K, V>;

    fn into_par_iter(self) -> Iter<'a, K, V> {
        Iter { trie: self.trie() }
    }
}

impl<'a, K: Send + Sync, V: Send + Sync> ParallelIterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn drive_unindexed<C: UnindexedConsumer<Self::Item>>(self, consumer: C) -> C::Result {
        bridge_unindexed(TreeProducer::new(self.trie.sub_trie()), consumer)
    }
}

/// A parallel iterator over the entries of a [`FrozenMap`] with mutable references to the
/// values, created by `par_iter_mut()`
/// ([`IntoParallelRefMutIterator`](rayon::iter::IntoParallelRefMutIterator)). Copies each node
/// that another version shares as a worker reaches it; see the [module docs](self).
///
/// ```
/// use deepfreeze::FrozenMap;
/// use rayon::prelude::*;
///
/// let mut m: FrozenMap<u32, u32> = (0..1000).map(|k| (k, k)).collect();
/// let before = m.clone();
/// m.par_iter_mut().for_each(|(k, v)| *v += k);
/// assert_eq!(m[&7], 14);
/// assert_eq!(before[&7], 7); // the other version is unchanged
/// ```
pub struct IterMut<'a, K, V> {
    trie: &'a mut HashTrie<K, V>,
}

impl<K, V> fmt::Debug for IterMut<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IterMut")
            .field("len", &self.trie.len())
            .finish()
    }
}

impl<'a, K, V, S> IntoParallelIterator for &'a mut FrozenMap<K, V, S>
where
    K: Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    type Item = (&'a K, &'a mut V);
    type Iter = IterMut<'a, K, V>;

    fn into_par_iter(self) -> IterMut<'a, K, V> {
        IterMut {
            trie: self.trie_mut(),
        }
    }
}

impl<'a, K, V> ParallelIterator for IterMut<'a, K, V>
where
    K: Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    type Item = (&'a K, &'a mut V);

    fn drive_unindexed<C: UnindexedConsumer<Self::Item>>(self, consumer: C) -> C::Result {
        bridge_unindexed(TreeProducer::new(self.trie.sub_trie_mut()), consumer)
    }
}

/// A parallel iterator over mutable references to the values of a [`FrozenMap`], created by
/// [`FrozenMap::par_values_mut`]. It is [`IterMut`] without the keys.
///
/// ```
/// use deepfreeze::FrozenMap;
/// use rayon::prelude::*;
///
/// let mut m = FrozenMap::from([("a", 1), ("b", 2)]);
/// m.par_values_mut().for_each(|v| *v *= 10);
/// assert_eq!(m, FrozenMap::from([("a", 10), ("b", 20)]));
/// ```
pub struct ValuesMut<'a, K, V> {
    inner: IterMut<'a, K, V>,
}

impl<K, V> fmt::Debug for ValuesMut<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValuesMut")
            .field("len", &self.inner.trie.len())
            .finish()
    }
}

impl<'a, K, V> ParallelIterator for ValuesMut<'a, K, V>
where
    K: Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    type Item = &'a mut V;

    fn drive_unindexed<C: UnindexedConsumer<Self::Item>>(self, consumer: C) -> C::Result {
        self.inner.map(|(_, value)| value).drive_unindexed(consumer)
    }
}

impl<K, V, S> FrozenMap<K, V, S>
where
    K: Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    /// A parallel iterator over mutable references to the values (feature `rayon`), in the
    /// order of [`values_mut`](Self::values_mut). Copies each node that another version shares
    /// as a worker reaches it.
    ///
    /// ```
    /// use deepfreeze::FrozenMap;
    /// use rayon::prelude::*;
    ///
    /// let mut m: FrozenMap<u32, u32> = (0..100).map(|k| (k, k)).collect();
    /// m.par_values_mut().for_each(|v| *v = 0);
    /// assert!(m.values().all(|&v| v == 0));
    /// ```
    pub fn par_values_mut(&mut self) -> ValuesMut<'_, K, V> {
        ValuesMut {
            inner: self.into_par_iter(),
        }
    }
}

/// A parallel iterator that moves (or, where another version shares them, clones) the entries
/// out of a [`FrozenMap`], created by [`into_par_iter`](IntoParallelIterator::into_par_iter).
///
/// ```
/// use deepfreeze::FrozenMap;
/// use rayon::prelude::*;
///
/// let m = FrozenMap::from([(1, String::from("a")), (2, String::from("b"))]);
/// let mut joined: Vec<String> = m.into_par_iter().map(|(k, v)| format!("{k}{v}")).collect();
/// joined.sort();
/// assert_eq!(joined, ["1a", "2b"]);
/// ```
pub struct IntoIter<K, V> {
    trie: HashTrie<K, V>,
}

impl<K, V> fmt::Debug for IntoIter<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IntoIter")
            .field("len", &self.trie.len())
            .finish()
    }
}

impl<K, V, S> IntoParallelIterator for FrozenMap<K, V, S>
where
    K: Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    type Item = (K, V);
    type Iter = IntoIter<K, V>;

    fn into_par_iter(self) -> IntoIter<K, V> {
        IntoIter {
            trie: self.into_parts().0,
        }
    }
}

impl<K, V> ParallelIterator for IntoIter<K, V>
where
    K: Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    type Item = (K, V);

    fn drive_unindexed<C: UnindexedConsumer<Self::Item>>(self, consumer: C) -> C::Result {
        bridge_unindexed(TreeProducer::new(self.trie.into_sub_trie()), consumer)
    }
}
