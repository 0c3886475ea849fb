//! Whole sub-tries as values, for code outside the trie that splits a walk by node (the rayon
//! producers): a node opens into its own entries and its children, and a sub-trie iterates
//! over all its entries in trie order (a node's inline entries, then its children, depth first), the
//! order of the serial iterators.
//!
//! Three views, one per kind of access: [`SubTrie`] (shared, `(&K, &V)`), [`SubTrieMut`]
//! (`(&K, &mut V)`, copying each shared node when it is opened or entered, as the serial
//! `iter_mut` does) and [`OwnedSubTrie`] (`Loose` entries moved out of unique nodes, cloned out
//! of shared ones, as the serial `into_iter` does). Each is a handle on a node for the trie's
//! one [`Cursor`]: opening reads the node's own level, iterating walks the cursor from it.
//! Compiled with the `rayon` feature only.

use core::slice;

use super::HashTrie;
use super::cursor::{Cursor, OwnedLevel, open};
use super::node::{Loose, Node, Slot};

/// The order in which a trie stores hashes (fragment 0 most significant): sorting hashed
/// entries by it, stably, puts them in the order the bulk build wants.
#[inline]
pub(crate) fn trie_order(hash: u32) -> u32 {
    super::build::trie_order(hash)
}

/// A shared sub-trie.
pub(crate) struct SubTrie<'a, K, V>(&'a Node<K, V>);

impl<K, V> Clone for SubTrie<'_, K, V> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for SubTrie<'_, K, V> {}

/// A sub-trie whose entries' values can be written, reached through `&mut`.
pub(crate) struct SubTrieMut<'a, K, V>(&'a mut Node<K, V>);

/// A sub-trie taken out of its trie, to be consumed.
pub(crate) struct OwnedSubTrie<K, V>(Node<K, V>);

impl<K, V> HashTrie<K, V> {
    /// The whole trie as a sub-trie, or `None` when it is empty.
    #[inline]
    pub(crate) fn sub_trie(&self) -> Option<SubTrie<'_, K, V>> {
        self.root.as_ref().map(SubTrie)
    }

    /// The whole trie as a writable sub-trie, or `None` when it is empty.
    #[inline]
    pub(crate) fn sub_trie_mut(&mut self) -> Option<SubTrieMut<'_, K, V>> {
        self.root.as_mut().map(SubTrieMut)
    }

    /// The whole trie as an owned sub-trie, or `None` when it is empty.
    #[inline]
    pub(crate) fn into_sub_trie(self) -> Option<OwnedSubTrie<K, V>> {
        self.root.map(OwnedSubTrie)
    }
}

impl<'a, K, V> SubTrie<'a, K, V> {
    /// The entries stored in the root node of this sub-trie, then its children, in trie order.
    pub(crate) fn open(self) -> (Vec<(&'a K, &'a V)>, Vec<Self>) {
        let (entries, children) = open::<slice::Iter<'a, Slot<K, V>>>(self.0);
        (entries, children.into_iter().map(Self).collect())
    }

    /// Every entry of the sub-trie, in trie order.
    pub(crate) fn iter(self) -> Cursor<slice::Iter<'a, Slot<K, V>>> {
        Cursor::new(Some(self.0))
    }
}

impl<'a, K: Clone, V: Clone> SubTrieMut<'a, K, V> {
    /// Like [`SubTrie::open`], after making the root node unique (copying it if shared).
    pub(crate) fn open(self) -> (Vec<(&'a K, &'a mut V)>, Vec<Self>) {
        let (entries, children) = open::<slice::IterMut<'a, Slot<K, V>>>(self.0);
        (entries, children.into_iter().map(Self).collect())
    }

    /// Like [`SubTrie::iter`], making each node unique when it reaches it. Nodes it does not
    /// reach stay as they were.
    pub(crate) fn iter(self) -> Cursor<slice::IterMut<'a, Slot<K, V>>> {
        Cursor::new(Some(self.0))
    }
}

impl<K: Clone, V: Clone> OwnedSubTrie<K, V> {
    /// Like [`SubTrie::open`], moving the entries and children out if this handle is the only
    /// one to the root node, cloning them otherwise.
    pub(crate) fn open(self) -> (Vec<Loose<K, V>>, Vec<Self>) {
        let (entries, children) = open::<OwnedLevel<K, V>>(self.0);
        (entries, children.into_iter().map(Self).collect())
    }

    /// Every entry of the sub-trie, in trie order, moved or cloned as [`open`](Self::open)
    /// does. What the iterator does not reach is dropped with it.
    pub(crate) fn into_iter(self) -> Cursor<OwnedLevel<K, V>> {
        Cursor::new(Some(self.0))
    }
}
