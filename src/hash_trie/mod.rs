//! The CHAMP hash trie under [`FrozenMap`](crate::FrozenMap) and [`FrozenSet`](crate::FrozenSet).
//!
//! # Layout
//!
//! A trie is an optional root node and a length. Every node is one `triomphe::Arc` allocation:
//! a reference count, two 32-bit bitmaps, and as many slots as the node holds (CHAMP,
//! Steindorfer & Vinju, OOPSLA 2015), plus, in a uniquely owned node that in-place removals
//! shrank, a tail of vacant slots that the next in-place insert fills without allocating (see
//! [`node::Body`]). The hash of a key is folded to 32 bits; level `l` uses
//! bits `5l .. 5l + 5` as a fragment `f`. Bit `f` of the `data` bitmap says the one entry with that
//! fragment is stored inline; bit `f` of the `nodes` bitmap says a child node holds the entries
//! with that fragment. Inline entries come first (in fragment order), then children. A slot is an
//! enum of an entry (`hash: u32`, key, value) and a child handle; for 8-byte keys and values the
//! tag and the stored hash share one word, so keeping the hash (which makes rehashing and most
//! failed comparisons free) costs nothing. After seven levels the 32 bits are used up and keys
//! with equal hashes share a *collision node*, a plain list compared with `Eq`.
//!
//! # Canonical form
//!
//! The shape of a trie depends only on its contents (and the hash function): a sub-trie that a
//! removal shrinks to one entry is re-inlined into its parent, and the root is the only node that
//! may hold a single entry. Two equal maps with the same hasher therefore have equal nodes, which
//! lets equality skip shared (pointer-equal) sub-tries.
//!
//! # Updates and panics
//!
//! Every `&mut` edit first finds the entry with a read-only descent (the only place user `Hash`
//! and `Eq` run), then walks the same path again by hash alone, copying each node that another
//! handle shares (`Arc::is_unique`) and reusing unique ones. A copy is built completely before it
//! replaces the shared node, and a node is only rebuilt from moved slots when no user code can run
//! until the new node is in place. So a panic in `Hash`, `Eq` or `Clone` leaves the trie as it was
//! (or with some nodes copied, which is unobservable) and drops nothing twice; the length is
//! updated only after the edit succeeded. It leaks nothing when `K` or `V` has drop glue. When
//! neither has, a shared node is copied straight into its new allocation, and a `Clone` that
//! panics midway leaks that unfinished node's memory (and only clones that own nothing).

#[cfg(test)]
mod algebra_tests;
mod build;
#[cfg(test)]
mod capacity_tests;
mod cursor;
mod diff;
mod edit;
mod eq;
mod extract;
mod iter;
mod lookup;
mod merge;
mod node;
mod pairs;
#[cfg(feature = "rayon")]
mod parts;
mod popcnt;
mod subset;

pub(crate) use diff::Change;
pub(crate) use extract::Extract;
pub(crate) use iter::{IntoIter, Iter, IterMut};
pub(crate) use merge::Rule;
pub(crate) use node::Loose;
#[cfg(feature = "rayon")]
pub(crate) use parts::{OwnedSubTrie, SubTrie, SubTrieMut, trie_order};

use alloc::vec::Vec;

use edit::{Left, Placed};
use node::{BITS, Node, Slot, bit_at, make_mut, slots_mut};
use popcnt::with_popcnt;

/// Where an entry is: `depth` levels below the root, at slot `index` of that node. The path to
/// that node follows the entry's hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Location {
    pub(crate) depth: usize,
    pub(crate) index: usize,
}

/// Folds a 64-bit hash to the 32 bits the trie uses, keeping the influence of every bit.
#[inline]
pub(crate) fn fold_hash(hash: u64) -> u32 {
    (hash ^ (hash >> 32)) as u32
}

/// A persistent CHAMP trie of `K -> V` entries, each stored with its folded hash.
pub(crate) struct HashTrie<K, V> {
    root: Option<Node<K, V>>,
    len: usize,
}

impl<K, V> Clone for HashTrie<K, V> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            root: self.root.clone(),
            len: self.len,
        }
    }
}

impl<K, V> Default for HashTrie<K, V> {
    #[inline]
    fn default() -> Self {
        Self::new()
    }
}

impl<K, V> HashTrie<K, V> {
    /// An empty trie: no allocation.
    #[inline]
    pub(crate) const fn new() -> Self {
        Self { root: None, len: 0 }
    }

    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// `true` when both tries share their root, or both are empty.
    #[inline]
    pub(crate) fn ptr_eq(&self, other: &Self) -> bool {
        match (&self.root, &other.root) {
            (Some(a), Some(b)) => triomphe::Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }

    #[inline]
    pub(crate) fn iter(&self) -> Iter<'_, K, V> {
        Iter::new(self.root.as_ref(), self.len)
    }

    /// The entry at `location` on the path of `hash` (as found by [`find`](Self::find)).
    pub(crate) fn entry_at(&self, hash: u32, location: Location) -> (&K, &V) {
        let Some(mut node) = self.root.as_ref() else {
            unreachable!("a location points into a non-empty trie")
        };
        let mut shift = 0;
        for _ in 0..location.depth {
            let index = node.header.node_index(bit_at(hash, shift));
            match &node.slice[index] {
                Slot::Child(child) => node = child,
                _ => unreachable!("a location's path goes through children"),
            }
            shift += BITS;
        }
        match &node.slice[location.index] {
            Slot::Entry { key, value, .. } => (key, value),
            _ => unreachable!("a location points at an entry"),
        }
    }

    /// Removes every entry. The nodes are released (other versions keep theirs).
    #[inline]
    pub(crate) fn clear(&mut self) {
        self.root = None;
        self.len = 0;
    }
}

impl<K: Clone, V: Clone> HashTrie<K, V> {
    /// The entry at `location`, for writing: copies the shared nodes on its path.
    pub(crate) fn entry_mut_at(&mut self, hash: u32, location: Location) -> (&mut K, &mut V) {
        let Some(root) = self.root.as_mut() else {
            unreachable!("a location points into a non-empty trie")
        };
        with_popcnt(
            #[inline(always)]
            move || {
                let (node, _) = edit::path_mut(root, hash, location.depth);
                match &mut make_mut(node).slice[location.index] {
                    Slot::Entry { key, value, .. } => (key, value),
                    _ => unreachable!("a location points at an entry"),
                }
            },
        )
    }

    /// Adds an entry whose key is not in the trie (the caller checked with [`find`](Self::find)).
    pub(crate) fn insert_absent(&mut self, hash: u32, key: K, value: V) -> Location {
        match self.place(Loose { hash, key, value }, |_, _| false) {
            Placed::Added(location) => location,
            Placed::Replaced(_) => unreachable!("no key is present"),
        }
    }

    /// Adds the entry for `key`, or replaces the value of the entry whose stored key is
    /// `is_same` as `key` (keeping the stored key) and returns the old value. One descent, which copies the
    /// shared nodes on the path in both cases.
    #[inline]
    pub(crate) fn insert(
        &mut self,
        hash: u32,
        key: K,
        value: V,
        is_same: impl FnMut(&K, &K) -> bool,
    ) -> Option<V> {
        match self.place(Loose { hash, key, value }, is_same) {
            Placed::Added(_) => None,
            Placed::Replaced(old) => Some(old),
        }
    }

    /// [`edit::place`] on this trie, with the length kept.
    #[inline(always)]
    fn place(&mut self, entry: Loose<K, V>, is_present: impl FnMut(&K, &K) -> bool) -> Placed<V> {
        let Some(root) = &mut self.root else {
            let bitmaps = node::Bitmaps {
                data: bit_at(entry.hash, 0),
                nodes: 0,
            };
            self.root = Some(node::node_from_array(bitmaps, [entry.into_slot()]));
            self.len += 1;
            return Placed::Added(Location { depth: 0, index: 0 });
        };
        let placed = with_popcnt(
            #[inline(always)]
            move || edit::place(root, entry, is_present),
        );
        if let Placed::Added(_) = placed {
            self.len += 1;
        }
        placed
    }

    /// Removes the entry at `location` on the path of `hash` and returns it.
    pub(crate) fn remove_at(&mut self, hash: u32, location: Location) -> (K, V) {
        let Some(root) = self.root.as_mut() else {
            unreachable!("a location points into a non-empty trie")
        };
        let (removed, left) = with_popcnt(
            #[inline(always)]
            move || edit::remove_at(root, hash, location),
        );
        if let Left::Nothing = left {
            self.root = None;
        }
        self.len -= 1;
        (removed.key, removed.value)
    }

    /// An iterator of `(&K, &mut V)` that copies each shared node as it reaches it.
    #[inline]
    pub(crate) fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut::new(self.root.as_mut(), self.len)
    }

    /// `&mut` to the values at `locations` (on the paths of their hashes), which must be
    /// pairwise different. Copies the shared nodes on those paths only.
    pub(crate) fn values_mut_at<const N: usize>(
        &mut self,
        targets: [Option<(u32, Location)>; N],
    ) -> [Option<&mut V>; N] {
        let mut out: [Option<&mut V>; N] = [const { None }; N];
        if let Some(root) = self.root.as_mut() {
            let wanted: Vec<(usize, u32, Location)> = targets
                .iter()
                .enumerate()
                .filter_map(|(slot, target)| target.map(|(hash, at)| (slot, hash, at)))
                .collect();
            if !wanted.is_empty() {
                collect_values_mut(root, 0, &wanted, &mut out);
            }
        }
        out
    }
}

/// Hands out `&mut` to the values of `wanted` (output slot, hash, location relative to `node`)
/// by splitting the borrow of each node's slots, descending only where a target lies.
fn collect_values_mut<'a, K: Clone, V: Clone, const N: usize>(
    node: &'a mut Node<K, V>,
    shift: u32,
    wanted: &[(usize, u32, Location)],
    out: &mut [Option<&'a mut V>; N],
) {
    let body = make_mut(node);
    let bitmaps = body.header;
    for (index, slot) in slots_mut(body).iter_mut().enumerate() {
        match slot {
            Slot::Entry { value, .. } => {
                if let Some(&(at, ..)) = wanted
                    .iter()
                    .find(|(_, _, loc)| loc.depth == 0 && loc.index == index)
                {
                    out[at] = Some(value);
                }
            }
            Slot::Child(child) => {
                let below: Vec<(usize, u32, Location)> = wanted
                    .iter()
                    .filter(|(_, hash, loc)| {
                        loc.depth > 0 && bitmaps.node_index(bit_at(*hash, shift)) == index
                    })
                    .map(|&(at, hash, loc)| {
                        let inner = Location {
                            depth: loc.depth - 1,
                            index: loc.index,
                        };
                        (at, hash, inner)
                    })
                    .collect();
                if !below.is_empty() {
                    collect_values_mut(child, shift + BITS, &below, out);
                }
            }
            Slot::Vacant => {}
        }
    }
}
