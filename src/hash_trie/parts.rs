//! Whole sub-tries as values, for code outside the trie that splits a walk by node (the rayon
//! producers): a node opens into its own entries and its children, and a sub-trie iterates
//! over all its entries in trie order (a node's inline entries, then its children, depth first), the
//! order of the serial iterators.
//!
//! Three views, one per kind of access: [`SubTrie`] (shared, `(&K, &V)`), [`SubTrieMut`]
//! (`(&K, &mut V)`, copying each shared node when it is opened or entered, as the serial
//! `iter_mut` does) and [`OwnedSubTrie`] (`Loose` entries moved out of unique nodes, cloned out
//! of shared ones, as the serial `into_iter` does). This file is the only place outside the
//! trie that depends on the node layout. Compiled with the `rayon` feature only.

use core::slice;

use triomphe::Arc;

use super::HashTrie;
use super::node::{Loose, MAX_DEPTH, Node, Slot, make_mut, take_slot};

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
        let mut entries = Vec::new();
        let mut children = Vec::new();
        for slot in self.0.slice.iter() {
            match slot {
                Slot::Entry { key, value, .. } => entries.push((key, value)),
                Slot::Child(child) => children.push(Self(child)),
                Slot::Vacant => {}
            }
        }
        (entries, children)
    }

    /// Every entry of the sub-trie, in trie order.
    pub(crate) fn iter(self) -> SubTrieIter<'a, K, V> {
        let mut stack: [slice::Iter<'a, Slot<K, V>>; MAX_DEPTH] = Default::default();
        stack[0] = self.0.slice.iter();
        SubTrieIter { stack, depth: 1 }
    }
}

/// The entries of a [`SubTrie`]: a stack of slot iterators, one per level; `fold` recurses.
pub(crate) struct SubTrieIter<'a, K, V> {
    stack: [slice::Iter<'a, Slot<K, V>>; MAX_DEPTH],
    depth: usize,
}

impl<'a, K, V> Iterator for SubTrieIter<'a, K, V> {
    type Item = (&'a K, &'a V);

    #[inline]
    fn next(&mut self) -> Option<(&'a K, &'a V)> {
        while self.depth > 0 {
            match self.stack[self.depth - 1].next() {
                Some(Slot::Entry { key, value, .. }) => return Some((key, value)),
                Some(Slot::Child(child)) => {
                    self.stack[self.depth] = child.slice.iter();
                    self.depth += 1;
                }
                Some(Slot::Vacant) => {}
                None => self.depth -= 1,
            }
        }
        None
    }

    fn fold<B, F>(mut self, init: B, mut f: F) -> B
    where
        F: FnMut(B, (&'a K, &'a V)) -> B,
    {
        /// Folds `f` over the entries of `slots` and of the sub-tries they point to.
        fn fold_slots<'a, K, V, B>(
            slots: &'a [Slot<K, V>],
            mut acc: B,
            f: &mut impl FnMut(B, (&'a K, &'a V)) -> B,
        ) -> B {
            for slot in slots {
                acc = match slot {
                    Slot::Entry { key, value, .. } => f(acc, (key, value)),
                    Slot::Child(child) => fold_slots(&child.slice, acc, f),
                    Slot::Vacant => acc,
                };
            }
            acc
        }
        let mut acc = init;
        while self.depth > 0 {
            self.depth -= 1;
            let level = core::mem::take(&mut self.stack[self.depth]);
            acc = fold_slots(level.as_slice(), acc, &mut f);
        }
        acc
    }
}

impl<'a, K: Clone, V: Clone> SubTrieMut<'a, K, V> {
    /// Like [`SubTrie::open`], after making the root node unique (copying it if shared).
    pub(crate) fn open(self) -> (Vec<(&'a K, &'a mut V)>, Vec<Self>) {
        let mut entries = Vec::new();
        let mut children = Vec::new();
        for slot in make_mut(self.0).slice.iter_mut() {
            match slot {
                Slot::Entry { key, value, .. } => entries.push((&*key, value)),
                Slot::Child(child) => children.push(Self(child)),
                Slot::Vacant => {}
            }
        }
        (entries, children)
    }

    /// Like [`SubTrie::iter`], making each node unique when it reaches it. Nodes it does not
    /// reach stay as they were.
    pub(crate) fn iter(self) -> SubTrieIterMut<'a, K, V> {
        let mut stack: [slice::IterMut<'a, Slot<K, V>>; MAX_DEPTH] = Default::default();
        stack[0] = make_mut(self.0).slice.iter_mut();
        SubTrieIterMut { stack, depth: 1 }
    }
}

/// The entries of a [`SubTrieMut`], with `&mut` to their values.
pub(crate) struct SubTrieIterMut<'a, K, V> {
    stack: [slice::IterMut<'a, Slot<K, V>>; MAX_DEPTH],
    depth: usize,
}

impl<'a, K: Clone, V: Clone> Iterator for SubTrieIterMut<'a, K, V> {
    type Item = (&'a K, &'a mut V);

    #[inline]
    fn next(&mut self) -> Option<(&'a K, &'a mut V)> {
        while self.depth > 0 {
            match self.stack[self.depth - 1].next() {
                Some(Slot::Entry { key, value, .. }) => return Some((&*key, value)),
                Some(Slot::Child(child)) => {
                    self.stack[self.depth] = make_mut(child).slice.iter_mut();
                    self.depth += 1;
                }
                Some(Slot::Vacant) => {}
                None => self.depth -= 1,
            }
        }
        None
    }

    fn fold<B, F>(mut self, init: B, mut f: F) -> B
    where
        F: FnMut(B, (&'a K, &'a mut V)) -> B,
    {
        /// Folds `f` over the entries of `slots` and of the sub-tries they point to, making
        /// each child unique first.
        fn fold_slots<'a, K: Clone, V: Clone, B>(
            slots: &'a mut [Slot<K, V>],
            mut acc: B,
            f: &mut impl FnMut(B, (&'a K, &'a mut V)) -> B,
        ) -> B {
            for slot in slots {
                acc = match slot {
                    Slot::Entry { key, value, .. } => f(acc, (&*key, value)),
                    Slot::Child(child) => fold_slots(&mut make_mut(child).slice, acc, f),
                    Slot::Vacant => acc,
                };
            }
            acc
        }
        let mut acc = init;
        while self.depth > 0 {
            self.depth -= 1;
            let level = core::mem::take(&mut self.stack[self.depth]);
            acc = fold_slots(level.into_slice(), acc, &mut f);
        }
        acc
    }
}

impl<K: Clone, V: Clone> OwnedSubTrie<K, V> {
    /// Like [`SubTrie::open`], moving the entries and children out if this handle is the only
    /// one to the root node, cloning them otherwise.
    pub(crate) fn open(mut self) -> (Vec<Loose<K, V>>, Vec<Self>) {
        let mut entries = Vec::new();
        let mut children = Vec::new();
        for index in 0..self.0.slice.len() {
            match take_or_clone(&mut self.0, index) {
                Slot::Entry { hash, key, value } => entries.push(Loose { hash, key, value }),
                Slot::Child(child) => children.push(Self(child)),
                Slot::Vacant => {}
            }
        }
        (entries, children)
    }

    /// Every entry of the sub-trie, in trie order, moved or cloned as [`open`](Self::open)
    /// does. What the iterator does not reach is dropped with it.
    pub(crate) fn into_iter(self) -> OwnedSubTrieIter<K, V> {
        OwnedSubTrieIter {
            stack: vec![(self.0, 0)],
        }
    }
}

/// The entries of an [`OwnedSubTrie`]: a stack of nodes with the next slot index of each.
pub(crate) struct OwnedSubTrieIter<K, V> {
    stack: Vec<(Node<K, V>, usize)>,
}

impl<K: Clone, V: Clone> Iterator for OwnedSubTrieIter<K, V> {
    type Item = Loose<K, V>;

    fn next(&mut self) -> Option<Loose<K, V>> {
        loop {
            let (node, next) = self.stack.last_mut()?;
            let index = *next;
            if index == node.slice.len() {
                self.stack.pop();
                continue;
            }
            *next += 1;
            match take_or_clone(node, index) {
                Slot::Entry { hash, key, value } => return Some(Loose { hash, key, value }),
                Slot::Child(child) => self.stack.push((child, 0)),
                Slot::Vacant => {}
            }
        }
    }
}

/// The slot at `index` of `node`: moved out (leaving `Vacant`) if `node` is the only handle to
/// it (the node is then dropped by its owner without anyone seeing it again), cloned if shared.
fn take_or_clone<K: Clone, V: Clone>(node: &mut Node<K, V>, index: usize) -> Slot<K, V> {
    match Arc::get_mut(node) {
        Some(body) => take_slot(&mut body.slice[index]),
        None => node.slice[index].clone(),
    }
}
