//! The common ground of the walks over two tries at once ([`merge`](super::merge),
//! [`subset`](super::subset), [`diff`](super::diff)): a *part* of a trie at one level, which is
//! either a node or a single inline entry, what lies under one hash fragment of it, and how two
//! parts meet ([`meet`]: shared, two entries, a collision level, or fragment by fragment).
//!
//! Looking at an inline entry as a part of its own lets a walk meet "an entry on one side, a
//! sub-trie on the other" with the same code as "two sub-tries": under each fragment the entry is
//! either there or not.

use alloc::vec;
use alloc::vec::Vec;

use super::node::{HASH_BITS, Node, Slot, bit_at, slots};

/// An inline entry, borrowed from its node.
pub(super) struct EntryRef<'a, K, V> {
    pub(super) hash: u32,
    pub(super) key: &'a K,
    pub(super) value: &'a V,
}

impl<K, V> Clone for EntryRef<'_, K, V> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for EntryRef<'_, K, V> {}

impl<'a, K, V> EntryRef<'a, K, V> {
    /// The entry in `slot`, if it holds one.
    #[inline]
    pub(super) fn of(slot: &'a Slot<K, V>) -> Option<Self> {
        match slot {
            Slot::Entry { hash, key, value } => Some(Self {
                hash: *hash,
                key,
                value,
            }),
            _ => None,
        }
    }
}

/// What a trie holds at one place of a walk: a (sub-)trie node or one inline entry.
pub(super) enum Part<'a, K, V> {
    Entry(EntryRef<'a, K, V>),
    Node(&'a Node<K, V>),
}

impl<K, V> Clone for Part<'_, K, V> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for Part<'_, K, V> {}

impl<'a, K, V> Part<'a, K, V> {
    /// The fragments (at level `shift < HASH_BITS`) under which this part holds something.
    #[inline]
    pub(super) fn mask(self, shift: u32) -> u32 {
        match self {
            Part::Entry(entry) => bit_at(entry.hash, shift),
            Part::Node(node) => node.header.data | node.header.nodes,
        }
    }

    /// What this part holds under the fragment `bit` at level `shift < HASH_BITS`.
    #[inline]
    pub(super) fn at(self, bit: u32, shift: u32) -> Option<Self> {
        match self {
            Part::Entry(entry) => (bit_at(entry.hash, shift) == bit).then_some(self),
            Part::Node(node) => {
                let bitmaps = node.header;
                if bitmaps.data & bit != 0 {
                    EntryRef::of(&node.slice[bitmaps.data_index(bit)]).map(Part::Entry)
                } else if bitmaps.nodes & bit != 0 {
                    match &node.slice[bitmaps.node_index(bit)] {
                        Slot::Child(child) => Some(Part::Node(child)),
                        _ => None,
                    }
                } else {
                    None
                }
            }
        }
    }

    /// The entries of this part at a collision level (`shift >= HASH_BITS`), where a node is a
    /// plain list.
    pub(super) fn collision_entries(self) -> Vec<EntryRef<'a, K, V>> {
        match self {
            Part::Entry(entry) => vec![entry],
            Part::Node(node) => slots(node).iter().filter_map(EntryRef::of).collect(),
        }
    }

    /// Calls `f` on every entry of this part. O(its size): only used on parts that the other
    /// side does not hold at all, so the cost is bounded by the differences.
    pub(super) fn for_each(self, f: &mut impl FnMut(EntryRef<'a, K, V>)) {
        match self {
            Part::Entry(entry) => f(entry),
            Part::Node(node) => {
                for slot in slots(node) {
                    match slot {
                        Slot::Entry { .. } => {
                            if let Some(entry) = EntryRef::of(slot) {
                                f(entry);
                            }
                        }
                        Slot::Child(child) => Part::Node(child).for_each(f),
                        Slot::Vacant => {}
                    }
                }
            }
        }
    }

    /// The number of entries in this part (see [`for_each`](Self::for_each) for the cost).
    pub(super) fn count(self) -> usize {
        let mut count = 0;
        self.for_each(&mut |_| count += 1);
        count
    }
}

/// How two parts at the same place of two tries meet: what each walk over two tries at once
/// must look at first, in the order it must look (see [`meet`]).
pub(super) enum Meeting<'a, 'b, K, V> {
    /// The same node on both sides, so the same entries: decided without visiting them.
    Shared(&'a Node<K, V>),
    /// An inline entry on each side, under the same fragment.
    Entries(EntryRef<'a, K, V>, EntryRef<'b, K, V>),
    /// A collision level (past the hash bits): each side is a list of entries with one hash.
    Collision(Vec<EntryRef<'a, K, V>>, Vec<EntryRef<'b, K, V>>),
    /// Two nodes, or a node and an entry: the walk goes on fragment by fragment, under the
    /// fragments in these masks (`a.at(bit, shift)`, `b.at(bit, shift)`).
    Fragments {
        /// [`Part::mask`] of the left part.
        left: u32,
        /// [`Part::mask`] of the right part.
        right: u32,
    },
}

/// How `a` and `b`, at level `shift`, meet. With `detect_shared` false two identical nodes
/// are taken apart like any others (for a walk that must see every entry of both).
#[inline]
pub(super) fn meet<'a, 'b, K, V>(
    a: Part<'a, K, V>,
    b: Part<'b, K, V>,
    shift: u32,
    detect_shared: bool,
) -> Meeting<'a, 'b, K, V> {
    match (a, b) {
        (Part::Node(x), Part::Node(y)) if detect_shared && triomphe::Arc::ptr_eq(x, y) => {
            Meeting::Shared(x)
        }
        (Part::Entry(x), Part::Entry(y)) => Meeting::Entries(x, y),
        _ if shift >= HASH_BITS => Meeting::Collision(a.collision_entries(), b.collision_entries()),
        _ => Meeting::Fragments {
            left: a.mask(shift),
            right: b.mask(shift),
        },
    }
}

/// The set bits of `mask`, lowest first.
#[inline]
pub(super) fn bits(mut mask: u32) -> impl Iterator<Item = u32> {
    core::iter::from_fn(move || {
        if mask == 0 {
            return None;
        }
        let bit = mask & mask.wrapping_neg();
        mask &= !bit;
        Some(bit)
    })
}
