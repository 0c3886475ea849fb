//! The serial iterators over a whole trie: shared, mutable (copying shared nodes as it reaches
//! them) and owning (moving entries out of unique nodes, cloning those of shared ones). Each is
//! the trie's [`Cursor`] for its kind of access, counted down from the trie's length so that
//! it knows its exact size.

use core::slice;

use super::cursor::{Cursor, Level, OwnedLevel};
use super::node::Slot;

/// Iterator over `(&K, &V)`.
pub(crate) type Iter<'a, K, V> = Counted<slice::Iter<'a, Slot<K, V>>>;

/// Iterator over `(&K, &mut V)`. Each node is made unique (copied if shared) when the iterator
/// first enters it, so the `&mut` never reach a node that another version can see.
pub(crate) type IterMut<'a, K, V> = Counted<slice::IterMut<'a, Slot<K, V>>>;

/// Owning iterator: entries of nodes that nothing else shares are moved out, the others cloned.
pub(crate) type IntoIter<K, V> = Counted<OwnedLevel<K, V>>;

/// A walk over a whole trie that knows how many entries it has left.
#[derive(Clone)]
pub(crate) struct Counted<L> {
    entries: Cursor<L>,
    remaining: usize,
}

impl<L: Level> Counted<L> {
    /// A walk over the trie whose root is `root`, holding `len` entries.
    pub(super) fn new(root: Option<L::Child>, len: usize) -> Self {
        Self {
            entries: Cursor::new(root),
            remaining: len,
        }
    }
}

impl<L> Counted<L> {
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.remaining
    }
}

impl<L: Level> Iterator for Counted<L> {
    type Item = L::Entry;

    #[inline]
    fn next(&mut self) -> Option<L::Entry> {
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
        F: FnMut(B, L::Entry) -> B,
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
