//! Trie nodes: the two bitmaps, the slot array, and the copy-on-write primitives every edit is
//! made of.

use alloc::vec::Vec;
use core::mem;

use triomphe::{Arc, HeaderSlice};

/// Bits of the hash consumed per level.
pub(crate) const BITS: u32 = 5;
/// Width of the stored hash; a node at `shift >= HASH_BITS` is a collision node.
pub(crate) const HASH_BITS: u32 = 32;
/// The most nodes on one root-to-entry path: 7 bitmap levels (shifts 0, 5, ..., 30) and one
/// collision level.
pub(crate) const MAX_DEPTH: usize = 8;

/// The two CHAMP bitmaps of a node: bit `f` of `data` is set when the entry whose hash fragment
/// at this level is `f` is stored inline, bit `f` of `nodes` when a sub-trie holds the entries
/// with that fragment. The two never share a bit. A collision node has both maps zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Bitmaps {
    pub(crate) data: u32,
    pub(crate) nodes: u32,
}

impl Bitmaps {
    /// Slot index of the inline entry for `bit` (which must be set in `data`).
    #[inline]
    pub(crate) fn data_index(self, bit: u32) -> usize {
        (self.data & (bit - 1)).count_ones() as usize
    }

    /// Slot index of the child for `bit` (which must be set in `nodes`).
    ///
    /// One population count over both maps side by side (instead of one per map), and none at
    /// all in a node whose 32 slots are all children, which every upper level of a big trie is.
    #[inline]
    pub(crate) fn node_index(self, bit: u32) -> usize {
        if self.nodes == u32::MAX {
            return bit.trailing_zeros() as usize;
        }
        ((u64::from(self.data) << 32) | u64::from(self.nodes & (bit - 1))).count_ones() as usize
    }
}

/// One slot of a node: an inline entry (with its 32-bit hash, which shares a word with the
/// enum tag), or a child node.
///
/// `Vacant` marks a slot whose contents were moved out of a uniquely owned node, and the spare
/// slots of a bitmap node past its live ones (see [`slots`]). No reader sees one: readers go
/// through [`slots`], and a node with a vacant slot among its live ones is replaced or dropped
/// before anyone can observe it.
pub(crate) enum Slot<K, V> {
    Entry { hash: u32, key: K, value: V },
    Child(Node<K, V>),
    Vacant,
}

impl<K: Clone, V: Clone> Clone for Slot<K, V> {
    #[inline]
    fn clone(&self) -> Self {
        match self {
            Slot::Entry { hash, key, value } => Slot::Entry {
                hash: *hash,
                key: key.clone(),
                value: value.clone(),
            },
            Slot::Child(node) => Slot::Child(node.clone()),
            Slot::Vacant => Slot::Vacant,
        }
    }
}

/// The body of a node: bitmaps, then its slots (entries first in bit order, then children in bit
/// order), in one allocation behind one reference count.
///
/// A bitmap node's live slots are the first `popcount(data) + popcount(nodes)`; a uniquely owned
/// node that lost slots to in-place removals keeps them as a `Vacant` tail, so the next in-place
/// insert needs no allocation, until more than half its slots (of at least 4) are vacant. Nodes
/// built any other way (bulk build, copies of shared nodes, growth) are exact. A collision node
/// (both maps zero) is always exact.
pub(crate) type Body<K, V> = HeaderSlice<Bitmaps, [Slot<K, V>]>;

/// How many slots of `body` are live (the rest are its vacant tail).
#[inline]
pub(crate) fn live_len<K, V>(body: &Body<K, V>) -> usize {
    let Bitmaps { data, nodes } = body.header;
    if data == 0 && nodes == 0 {
        return body.slice.len();
    }
    ((u64::from(data) << 32) | u64::from(nodes)).count_ones() as usize
}

/// The live slots of `body`: the only slots any reader may look at.
#[inline]
pub(crate) fn slots<K, V>(body: &Body<K, V>) -> &[Slot<K, V>] {
    &body.slice[..checked_live_len(body)]
}

/// The live slots of `body`, for writing.
#[inline]
pub(crate) fn slots_mut<K, V>(body: &mut Body<K, V>) -> &mut [Slot<K, V>] {
    let live = checked_live_len(body);
    &mut body.slice[..live]
}

/// [`live_len`], checking in debug builds that the slots past the live ones are vacant.
#[inline]
fn checked_live_len<K, V>(body: &Body<K, V>) -> usize {
    let live = live_len(body);
    debug_assert!(
        body.slice[live..]
            .iter()
            .all(|slot| matches!(slot, Slot::Vacant)),
        "the slots past a node's live ones are vacant"
    );
    live
}

/// A shared handle to a node.
pub(crate) type Node<K, V> = Arc<Body<K, V>>;

/// An entry moved or cloned out of a node.
pub(crate) struct Loose<K, V> {
    pub(crate) hash: u32,
    pub(crate) key: K,
    pub(crate) value: V,
}

impl<K, V> Loose<K, V> {
    #[inline]
    pub(crate) fn into_slot(self) -> Slot<K, V> {
        Slot::Entry {
            hash: self.hash,
            key: self.key,
            value: self.value,
        }
    }
}

/// The bit of `hash`'s fragment at level `shift` (`shift < HASH_BITS`).
#[inline]
pub(crate) fn bit_at(hash: u32, shift: u32) -> u32 {
    1 << ((hash >> shift) & 31)
}

/// Builds a node from its bitmaps and slots. Moves only: cannot panic.
#[inline]
pub(crate) fn node_from_vec<K, V>(bitmaps: Bitmaps, slots: Vec<Slot<K, V>>) -> Node<K, V> {
    Arc::from_header_and_vec(bitmaps, slots)
}

/// Builds a node from `slots[start..]`, moved out of `slots` (whose buffer is kept for reuse).
/// Moves only: cannot panic.
#[inline]
pub(crate) fn node_from_drain<K, V>(
    bitmaps: Bitmaps,
    slots: &mut Vec<Slot<K, V>>,
    start: usize,
) -> Node<K, V> {
    Arc::from_header_and_iter(bitmaps, slots.drain(start..))
}

/// Builds a node from a few slots moved in (an array: cannot panic), in one allocation.
#[inline]
pub(crate) fn node_from_array<K, V, const N: usize>(
    bitmaps: Bitmaps,
    slots: [Slot<K, V>; N],
) -> Node<K, V> {
    Arc::from_header_and_iter(bitmaps, slots.into_iter())
}

/// Builds a node from `slots`, which clones the slots of a shared node and so may run a user
/// `Clone` that panics. `slots` must yield a node's slots in order, entries before children.
///
/// When `K` or `V` has drop glue, the clones are collected in a `Vec` first: a panic drops the
/// clones made so far and leaks nothing. Otherwise they are written straight into the node (one
/// allocation instead of two); a panic can then only come from an entry's clone, before any
/// child handle was cloned (children come last), so what it leaks is the unfinished node's
/// memory and clones that own nothing.
#[inline]
pub(crate) fn node_from_clones<K, V>(
    bitmaps: Bitmaps,
    slots: impl ExactSizeIterator<Item = Slot<K, V>>,
) -> Node<K, V> {
    if mem::needs_drop::<K>() || mem::needs_drop::<V>() {
        node_from_vec(bitmaps, slots.collect())
    } else {
        Arc::from_header_and_iter(bitmaps, slots)
    }
}

/// Returns the body of `node` for writing, first replacing `node` by a copy of itself if another
/// handle shares it. The copy holds the live slots only (it is exact) and is built completely
/// (any panic of a `K`/`V` clone leaves `node` as it was; see [`node_from_clones`] for what the
/// partial copy leaves) before it is swapped in.
#[inline(always)]
pub(crate) fn make_mut<K: Clone, V: Clone>(node: &mut Node<K, V>) -> &mut Body<K, V> {
    if !node.is_unique() {
        copy_shared(node);
    }
    match Arc::get_mut(node) {
        Some(body) => body,
        None => unreachable!("a node just copied or found unique has one handle"),
    }
}

/// [`make_mut`]'s copy, out of line: an in-place update meets unique nodes.
#[inline(never)]
fn copy_shared<K: Clone, V: Clone>(node: &mut Node<K, V>) {
    *node = node_from_clones(node.header, slots(node).iter().cloned());
}

/// Moves the slot out of a uniquely owned node body, leaving `Vacant`.
#[inline]
pub(crate) fn take_slot<K, V>(slot: &mut Slot<K, V>) -> Slot<K, V> {
    mem::replace(slot, Slot::Vacant)
}

/// Takes the entry at `index` out of `node`: moved if `node` is unique (the slot is left
/// `Vacant`, so the caller must replace or drop `node` before anyone can see it), cloned if
/// shared.
pub(crate) fn take_entry<K: Clone, V: Clone>(node: &mut Node<K, V>, index: usize) -> Loose<K, V> {
    let slot = match Arc::get_mut(node) {
        Some(body) => take_slot(&mut body.slice[index]),
        None => node.slice[index].clone(),
    };
    match slot {
        Slot::Entry { hash, key, value } => Loose { hash, key, value },
        _ => unreachable!("the slot indexed by a data bit is an entry"),
    }
}

/// Makes `node` a node with bitmaps `bitmaps` whose live slots are `node`'s, without the slot at
/// `remove` and with `insert.1` at position `insert.0` of the result.
///
/// A unique bitmap node with room for the result is edited in place: its slots shift within the
/// allocation and a removal leaves a vacant tail. Otherwise a new exact-sized node replaces it: a
/// unique `node` gives up its slots by moves (no user code runs, nothing can panic); a shared one
/// is copied into a `Vec` first, so a panicking clone drops the partial copy and leaves `node`
/// untouched. The old node is dropped only after the new one is in place.
///
/// The in-place edit, the common case of an in-place update, is inlined into the caller; the
/// copies are not.
#[inline(always)]
pub(crate) fn rebuild<K: Clone, V: Clone>(
    node: &mut Node<K, V>,
    bitmaps: Bitmaps,
    remove: Option<usize>,
    insert: Option<(usize, Slot<K, V>)>,
) {
    // Room for the result: a removal frees a slot, and a spare slot is always the last one.
    let fits =
        remove.is_some() || insert.is_none() || matches!(node.slice.last(), Some(Slot::Vacant));
    if bitmaps != Bitmaps::default() && fits {
        if let Some(body) = Arc::get_mut(node) {
            let shrinks = insert.is_none();
            splice_in_place(body, bitmaps, remove, insert);
            // More than half the slots vacant: the node moves into an exact allocation, so a
            // node keeps at most about twice the slots it holds.
            let capacity = body.slice.len();
            if shrinks && capacity >= 4 && matches!(body.slice[capacity / 2], Slot::Vacant) {
                shrink_to_exact(node);
            }
            return;
        }
    }
    rebuild_into_new(node, bitmaps, remove, insert);
}

/// Moves the live slots of the unique `node` into an exact allocation.
#[inline(never)]
fn shrink_to_exact<K, V>(node: &mut Node<K, V>) {
    let Some(body) = Arc::get_mut(node) else {
        unreachable!("only a unique node is shrunk")
    };
    let live = live_len(body);
    let exact =
        Arc::from_header_and_iter(body.header, body.slice[..live].iter_mut().map(take_slot));
    *node = exact;
}

/// [`rebuild`] into a new exact-sized node.
#[inline(never)]
fn rebuild_into_new<K: Clone, V: Clone>(
    node: &mut Node<K, V>,
    bitmaps: Bitmaps,
    remove: Option<usize>,
    insert: Option<(usize, Slot<K, V>)>,
) {
    let old_len = live_len(node);
    let new_len = old_len - usize::from(remove.is_some()) + usize::from(insert.is_some());
    let (insert_at, mut new_slot) = match insert {
        Some((at, slot)) => (Some(at), Some(slot)),
        None => (None, None),
    };
    let order = SpliceOrder {
        next_out: 0,
        next_src: 0,
        len: new_len,
        remove,
        insert_at,
    };
    let new = match Arc::get_mut(node) {
        Some(body) => Arc::from_header_and_iter(
            bitmaps,
            order.map(|source| match source {
                Some(index) => take_slot(&mut body.slice[index]),
                None => new_slot.take().unwrap_or(Slot::Vacant),
            }),
        ),
        None => node_from_clones(
            bitmaps,
            order.map(|source| match source {
                Some(index) => node.slice[index].clone(),
                None => new_slot.take().unwrap_or(Slot::Vacant),
            }),
        ),
    };
    *node = new;
}

/// [`rebuild`] within a unique body with room for the result: moves only, so nothing can panic
/// before the slots and bitmaps agree again. A replacement shifts only the slots between the two
/// positions; a lone removal pulls back the live slots after it (up to the first vacant one); a
/// lone insertion rotates the rest of the slice, vacant tail included, one place on (one
/// `memmove`, which measured cheaper than stopping at the first vacant slot). No count of the
/// live slots is needed. The removed slot (a moved-out entry, or a child whose
/// slots were moved out) is dropped last.
#[inline(always)]
fn splice_in_place<K, V>(
    body: &mut Body<K, V>,
    bitmaps: Bitmaps,
    remove: Option<usize>,
    insert: Option<(usize, Slot<K, V>)>,
) {
    let slice = &mut body.slice;
    let removed = match (remove, insert) {
        (Some(index), Some((at, slot))) => {
            let removed = mem::replace(&mut slice[index], slot);
            if at <= index {
                for i in (at..index).rev() {
                    slice.swap(i, i + 1);
                }
            } else {
                for i in index..at {
                    slice.swap(i, i + 1);
                }
            }
            removed
        }
        (Some(index), None) => {
            let removed = take_slot(&mut slice[index]);
            for i in index + 1..slice.len() {
                if matches!(slice[i], Slot::Vacant) {
                    break;
                }
                slice.swap(i - 1, i);
            }
            removed
        }
        (None, Some((at, slot))) => {
            // The first spare slot, which the caller checked there is.
            let end = live_len(body);
            let slice = &mut body.slice;
            let spare = mem::replace(&mut slice[end], slot);
            for i in (at..end).rev() {
                slice.swap(i, i + 1);
            }
            debug_assert!(matches!(spare, Slot::Vacant), "a spare slot is vacant");
            spare
        }
        (None, None) => Slot::Vacant,
    };
    body.header = bitmaps;
    debug_assert!(!slots(body).iter().any(|slot| matches!(slot, Slot::Vacant)));
    drop(removed);
}

/// The order in which [`rebuild`] fills a node: `Some(i)` for the old slot `i`, `None` for the
/// inserted one.
struct SpliceOrder {
    next_out: usize,
    next_src: usize,
    len: usize,
    remove: Option<usize>,
    insert_at: Option<usize>,
}

impl Iterator for SpliceOrder {
    type Item = Option<usize>;

    #[inline]
    fn next(&mut self) -> Option<Option<usize>> {
        if self.next_out == self.len {
            return None;
        }
        let out = self.next_out;
        self.next_out += 1;
        if self.insert_at == Some(out) {
            return Some(None);
        }
        if self.remove == Some(self.next_src) {
            self.next_src += 1;
        }
        let src = self.next_src;
        self.next_src += 1;
        Some(Some(src))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.len - self.next_out;
        (left, Some(left))
    }
}

impl ExactSizeIterator for SpliceOrder {}

/// A node holding exactly the two entries `a` and `b` (with different keys), starting at level
/// `shift`: two inline entries if their fragments differ, a chain of single-child nodes down to
/// the level where they do, or a collision node past the hash bits. Returns the node and the
/// depth and slot index of `b` in it. Moves only: cannot panic.
pub(crate) fn pair<K, V>(shift: u32, a: Loose<K, V>, b: Loose<K, V>) -> (Node<K, V>, usize, usize) {
    if shift >= HASH_BITS {
        let node = node_from_array(Bitmaps::default(), [a.into_slot(), b.into_slot()]);
        return (node, 0, 1);
    }
    let (bit_a, bit_b) = (bit_at(a.hash, shift), bit_at(b.hash, shift));
    if bit_a == bit_b {
        let (child, depth, index) = pair(shift + BITS, a, b);
        let bitmaps = Bitmaps {
            data: 0,
            nodes: bit_a,
        };
        (
            node_from_array(bitmaps, [Slot::Child(child)]),
            depth + 1,
            index,
        )
    } else {
        let bitmaps = Bitmaps {
            data: bit_a | bit_b,
            nodes: 0,
        };
        if bit_a < bit_b {
            let node = node_from_array(bitmaps, [a.into_slot(), b.into_slot()]);
            (node, 0, 1)
        } else {
            let node = node_from_array(bitmaps, [b.into_slot(), a.into_slot()]);
            (node, 0, 0)
        }
    }
}
