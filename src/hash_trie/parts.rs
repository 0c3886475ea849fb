//! Whole sub-tries as values, for code outside the trie that splits a walk by node (the rayon
//! producers): a node opens into its own entries and its children, and a sub-trie folds over
//! all its entries in trie order (a node's inline entries, then its children, depth first), the
//! order of the serial iterators.
//!
//! Three views, one per kind of access: [`SubTrie`] (shared, `(&K, &V)`), [`SubTrieMut`]
//! (`(&K, &mut V)`, copying each shared node when it is opened or folded, as the serial
//! `iter_mut` does) and [`OwnedSubTrie`] (`Loose` entries moved out of unique nodes, cloned out
//! of shared ones, as the serial `into_iter` does). This file is the only place outside the
//! trie that depends on the node layout.
#![cfg_attr(not(feature = "rayon"), allow(dead_code))]

use core::ops::ControlFlow;

use triomphe::Arc;

use super::HashTrie;
use super::node::{Loose, Node, Slot, make_mut, take_slot};

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

    /// Folds `f` over every entry of the sub-trie, in trie order, until it breaks.
    pub(crate) fn try_fold<B>(
        self,
        acc: B,
        f: &mut impl FnMut(B, (&'a K, &'a V)) -> ControlFlow<B, B>,
    ) -> ControlFlow<B, B> {
        let mut acc = acc;
        for slot in self.0.slice.iter() {
            acc = match slot {
                Slot::Entry { key, value, .. } => f(acc, (key, value))?,
                Slot::Child(child) => Self(child).try_fold(acc, f)?,
                Slot::Vacant => acc,
            };
        }
        ControlFlow::Continue(acc)
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

    /// Like [`SubTrie::try_fold`], making each node unique when it reaches it. Nodes it does not
    /// reach (because `f` broke first) stay as they were.
    pub(crate) fn try_fold<B>(
        self,
        acc: B,
        f: &mut impl FnMut(B, (&'a K, &'a mut V)) -> ControlFlow<B, B>,
    ) -> ControlFlow<B, B> {
        let mut acc = acc;
        for slot in make_mut(self.0).slice.iter_mut() {
            acc = match slot {
                Slot::Entry { key, value, .. } => f(acc, (&*key, value))?,
                Slot::Child(child) => Self(child).try_fold(acc, f)?,
                Slot::Vacant => acc,
            };
        }
        ControlFlow::Continue(acc)
    }
}

impl<K: Clone, V: Clone> OwnedSubTrie<K, V> {
    /// Like [`SubTrie::open`], moving the entries and children out if this handle is the only
    /// one to the root node, cloning them otherwise.
    pub(crate) fn open(mut self) -> (Vec<Loose<K, V>>, Vec<Self>) {
        let mut entries = Vec::new();
        let mut children = Vec::new();
        for index in 0..self.0.slice.len() {
            match self.take(index) {
                Slot::Entry { hash, key, value } => entries.push(Loose { hash, key, value }),
                Slot::Child(child) => children.push(Self(child)),
                Slot::Vacant => {}
            }
        }
        (entries, children)
    }

    /// Like [`SubTrie::try_fold`], moving or cloning each entry as [`open`](Self::open) does.
    /// What `f` does not reach (because it broke first) is dropped.
    pub(crate) fn try_fold<B>(
        mut self,
        acc: B,
        f: &mut impl FnMut(B, Loose<K, V>) -> ControlFlow<B, B>,
    ) -> ControlFlow<B, B> {
        let mut acc = acc;
        for index in 0..self.0.slice.len() {
            acc = match self.take(index) {
                Slot::Entry { hash, key, value } => f(acc, Loose { hash, key, value })?,
                Slot::Child(child) => Self(child).try_fold(acc, f)?,
                Slot::Vacant => acc,
            };
        }
        ControlFlow::Continue(acc)
    }

    /// The slot at `index`: moved out (leaving `Vacant`) from a unique node, which nothing else
    /// can see and which is dropped with `self`; cloned from a shared one.
    fn take(&mut self, index: usize) -> Slot<K, V> {
        match Arc::get_mut(&mut self.0) {
            Some(body) => take_slot(&mut body.slice[index]),
            None => self.0.slice[index].clone(),
        }
    }
}
