//! Bulk construction in trie order: sort the hashed entries by their fragments, level 0 first,
//! then build every node bottom-up exactly once, so a trie built from `n` entries costs one sort
//! and `n` moves, its nodes are allocated in depth-first order (which iteration later follows),
//! and the result has the same canonical shape as one built by inserts.

use alloc::vec::{self, Vec};

use super::HashTrie;
use super::node::{BITS, Bitmaps, HASH_BITS, Loose, Node, Slot, bit_at, node_from_drain};

/// Sort key putting hashes in trie order: fragment 0 (bits 0..5) most significant.
pub(super) fn trie_order(hash: u32) -> u32 {
    let mut key = 0;
    let mut shift = 0;
    while shift < HASH_BITS {
        let width = BITS.min(HASH_BITS - shift);
        key = (key << width) | ((hash >> shift) & ((1 << width) - 1));
        shift += BITS;
    }
    key
}

impl<K, V> HashTrie<K, V> {
    /// Builds a trie from hashed entries. For entries with equal keys (`is_same`), the later one
    /// is passed to `merge` with the kept one, in input order.
    pub(crate) fn from_entries(
        mut entries: Vec<Loose<K, V>>,
        mut is_same: impl FnMut(&K, &K) -> bool,
        mut merge: impl FnMut(&mut Loose<K, V>, Loose<K, V>),
    ) -> Self {
        // The key is computed once per entry (not twice per comparison), and the sort is
        // stable, which the merge rule below relies on.
        entries.sort_by_cached_key(|entry| trie_order(entry.hash));
        let mut unique: Vec<Loose<K, V>> = Vec::with_capacity(entries.len());
        let mut run_start = 0;
        for entry in entries {
            if unique.last().is_none_or(|last| last.hash != entry.hash) {
                run_start = unique.len();
            }
            match unique[run_start..]
                .iter_mut()
                .find(|kept| is_same(&kept.key, &entry.key))
            {
                Some(kept) => merge(kept, entry),
                None => unique.push(entry),
            }
        }
        if unique.is_empty() {
            return Self::new();
        }
        let hashes: Vec<u32> = unique.iter().map(|entry| entry.hash).collect();
        let len = unique.len();
        let mut source = unique.into_iter();
        let mut scratch = Scratch {
            slots: Vec::new(),
            children: Vec::new(),
        };
        let root = Self::build_node(&hashes, &mut source, &mut scratch, 0);
        Self {
            root: Some(root),
            len,
        }
    }
}

/// The slots of the nodes being built, shared by the whole recursion: a node's inline entries
/// go onto `slots` and its children onto `children` (above where they stood when the node was
/// started), then the children move after the entries and all of them into the node's own
/// allocation. The nodes are thus the only allocations a build makes, besides the two stacks.
struct Scratch<K, V> {
    slots: Vec<Slot<K, V>>,
    children: Vec<Slot<K, V>>,
}

impl<K, V> HashTrie<K, V> {
    /// Builds the node for the entries with `hashes` (sorted in trie order, at least one), taking
    /// them from `source` in order.
    fn build_node(
        hashes: &[u32],
        source: &mut vec::IntoIter<Loose<K, V>>,
        scratch: &mut Scratch<K, V>,
        shift: u32,
    ) -> Node<K, V> {
        let start = scratch.slots.len();
        if shift >= HASH_BITS {
            scratch
                .slots
                .extend(source.by_ref().take(hashes.len()).map(Loose::into_slot));
            return node_from_drain(Bitmaps::default(), &mut scratch.slots, start);
        }
        let mut bitmaps = Bitmaps::default();
        let children_start = scratch.children.len();
        let mut rest = hashes;
        while let Some(&first) = rest.first() {
            let bit = bit_at(first, shift);
            let group = rest
                .iter()
                .take_while(|&&h| bit_at(h, shift) == bit)
                .count();
            if group == 1 {
                bitmaps.data |= bit;
                if let Some(entry) = source.next() {
                    scratch.slots.push(entry.into_slot());
                }
            } else {
                bitmaps.nodes |= bit;
                let child = Self::build_node(&rest[..group], source, scratch, shift + BITS);
                scratch.children.push(Slot::Child(child));
            }
            rest = &rest[group..];
        }
        let Scratch { slots, children } = scratch;
        slots.extend(children.drain(children_start..));
        node_from_drain(bitmaps, slots, start)
    }
}
