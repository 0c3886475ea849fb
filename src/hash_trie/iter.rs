//! The serial iterators over a whole trie: shared, mutable (copying shared nodes as it reaches
//! them) and owning (moving entries out of unique nodes, cloning those of shared ones). Each is
//! the trie's [`Cursor`] for its kind of access, counted down from the trie's length so that
//! it knows its exact size.

use core::slice;

use super::cursor::{Cursor, OwnedLevel};
use super::node::{Loose, Node, Slot};

/// Iterator over `(&K, &V)`.
pub(crate) struct Iter<'a, K, V> {
    entries: Cursor<slice::Iter<'a, Slot<K, V>>>,
    remaining: usize,
}

impl<K, V> Clone for Iter<'_, K, V> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            entries: self.entries.clone(),
            remaining: self.remaining,
        }
    }
}

impl<'a, K, V> Iter<'a, K, V> {
    pub(super) fn new(root: Option<&'a Node<K, V>>, len: usize) -> Self {
        Self {
            entries: Cursor::new(root),
            remaining: len,
        }
    }
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    #[inline]
    fn next(&mut self) -> Option<(&'a K, &'a V)> {
        let entry = self.entries.next()?;
        self.remaining -= 1;
        Some(entry)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }

    #[inline]
    fn fold<B, F>(self, init: B, f: F) -> B
    where
        F: FnMut(B, (&'a K, &'a V)) -> B,
    {
        self.entries.fold(init, f)
    }
}

/// Iterator over `(&K, &mut V)`. Each node is made unique (copied if shared) when the iterator
/// first enters it, so the `&mut` never reach a node that another version can see.
pub(crate) struct IterMut<'a, K, V> {
    entries: Cursor<slice::IterMut<'a, Slot<K, V>>>,
    remaining: usize,
}

impl<'a, K: Clone, V: Clone> IterMut<'a, K, V> {
    pub(super) fn new(root: Option<&'a mut Node<K, V>>, len: usize) -> Self {
        Self {
            entries: Cursor::new(root),
            remaining: len,
        }
    }
}

impl<K, V> IterMut<'_, K, V> {
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.remaining
    }
}

impl<'a, K: Clone, V: Clone> Iterator for IterMut<'a, K, V> {
    type Item = (&'a K, &'a mut V);

    #[inline]
    fn next(&mut self) -> Option<(&'a K, &'a mut V)> {
        let entry = self.entries.next()?;
        self.remaining -= 1;
        Some(entry)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }

    #[inline]
    fn fold<B, F>(self, init: B, f: F) -> B
    where
        F: FnMut(B, (&'a K, &'a mut V)) -> B,
    {
        self.entries.fold(init, f)
    }
}

/// Owning iterator: entries of nodes that nothing else shares are moved out, the others cloned.
pub(crate) struct IntoIter<K, V> {
    entries: Cursor<OwnedLevel<K, V>>,
    remaining: usize,
}

impl<K: Clone, V: Clone> IntoIter<K, V> {
    pub(super) fn new(root: Option<Node<K, V>>, len: usize) -> Self {
        Self {
            entries: Cursor::new(root),
            remaining: len,
        }
    }
}

impl<K, V> IntoIter<K, V> {
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.remaining
    }
}

impl<K: Clone, V: Clone> Iterator for IntoIter<K, V> {
    type Item = Loose<K, V>;

    #[inline]
    fn next(&mut self) -> Option<Loose<K, V>> {
        let entry = self.entries.next()?;
        self.remaining -= 1;
        Some(entry)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }

    #[inline]
    fn fold<B, F>(self, init: B, f: F) -> B
    where
        F: FnMut(B, Loose<K, V>) -> B,
    {
        self.entries.fold(init, f)
    }
}

impl<K: Clone, V: Clone> super::HashTrie<K, V> {
    /// Consumes the trie into an owning iterator.
    #[inline]
    pub(crate) fn into_iter(self) -> IntoIter<K, V> {
        IntoIter::new(self.root, self.len)
    }
}
