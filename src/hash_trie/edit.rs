//! The two structural edits: adding an entry known to be absent, and removing the entry at a
//! known location, keeping the canonical shape. Neither runs user `Hash` or `Eq` code; the only
//! user code they run is `Clone`, while copying shared nodes, before anything is swapped in.
//!
//! Both are loops, not recursions, and always inlined, so that the caller can run them inside
//! [`with_popcnt`](super::popcnt::with_popcnt): a removal finds out first, by reading the
//! bitmaps on its path, how far up the canonical shape makes it collapse, and then walks down
//! once.

use super::Location;
use super::node::{
    BITS, Bitmaps, HASH_BITS, Loose, Node, Slot, bit_at, live_len, make_mut, pair, rebuild,
    take_entry,
};

/// The child of `node` (made unique first, copied if shared) that holds the entries whose
/// fragment at this level is `bit`'s.
#[inline(always)]
fn child_mut<K: Clone, V: Clone>(node: &mut Node<K, V>, bit: u32) -> &mut Node<K, V> {
    let index = node.header.node_index(bit);
    match &mut make_mut(node).slice[index] {
        Slot::Child(child) => child,
        _ => unreachable!("the slot indexed by a node bit is a child"),
    }
}

/// The node `depth` levels below `root` on the path of `hash`, each node on the way made unique
/// (copied if shared), with the shift of its level.
#[inline(always)]
pub(super) fn path_mut<K: Clone, V: Clone>(
    root: &mut Node<K, V>,
    hash: u32,
    depth: usize,
) -> (&mut Node<K, V>, u32) {
    let mut node = root;
    let mut shift = 0;
    for _ in 0..depth {
        node = child_mut(node, bit_at(hash, shift));
        shift += BITS;
    }
    (node, shift)
}

/// What [`place`] did with the entry.
pub(super) enum Placed<V> {
    /// Added it; it is now at this location.
    Added(Location),
    /// Found an entry for an equal key and replaced its value (the stored key is kept); here is
    /// the old value.
    Replaced(V),
}

/// Adds the entry to the trie whose root is `root`, or, if `is_present(stored_key, &entry.key)`
/// holds for an entry with the same stored hash, replaces that entry's value instead.
///
/// One descent for both: the nodes on the path are made unique on the way down, which both
/// outcomes need. `is_present` runs (on the entries with an equal hash) after some of them are,
/// so a panic in it leaves copies of shared nodes in place, which no reader can tell apart.
#[inline(always)]
pub(super) fn place<K: Clone, V: Clone>(
    root: &mut Node<K, V>,
    entry: Loose<K, V>,
    mut is_present: impl FnMut(&K, &K) -> bool,
) -> Placed<V> {
    let mut node = root;
    let mut shift = 0;
    let mut depth = 0;
    loop {
        let bitmaps = node.header;
        if shift >= HASH_BITS {
            let found = node.slice.iter().position(
                |slot| matches!(slot, Slot::Entry { key, .. } if is_present(key, &entry.key)),
            );
            if let Some(index) = found {
                return Placed::Replaced(replace_value(node, index, entry.value));
            }
            let index = live_len(node);
            rebuild(node, bitmaps, None, Some((index, entry.into_slot())));
            return Placed::Added(Location { depth, index });
        }
        let bit = bit_at(entry.hash, shift);
        if bitmaps.nodes & bit != 0 {
            node = child_mut(node, bit);
            shift += BITS;
            depth += 1;
        } else if bitmaps.data & bit != 0 {
            let index = bitmaps.data_index(bit);
            let present = matches!(
                node.slice.get(index),
                Some(Slot::Entry { hash, key, .. }) if *hash == entry.hash && is_present(key, &entry.key)
            );
            if present {
                return Placed::Replaced(replace_value(node, index, entry.value));
            }
            // Another key with the same fragment: both move down into a new sub-trie.
            let existing = take_entry(node, index);
            let (child, child_depth, child_index) = pair(shift + BITS, existing, entry);
            let new_bitmaps = Bitmaps {
                data: bitmaps.data & !bit,
                nodes: bitmaps.nodes | bit,
            };
            let at = new_bitmaps.node_index(bit);
            rebuild(
                node,
                new_bitmaps,
                Some(index),
                Some((at, Slot::Child(child))),
            );
            return Placed::Added(Location {
                depth: depth + 1 + child_depth,
                index: child_index,
            });
        } else {
            let new_bitmaps = Bitmaps {
                data: bitmaps.data | bit,
                nodes: bitmaps.nodes,
            };
            let index = new_bitmaps.data_index(bit);
            rebuild(node, new_bitmaps, None, Some((index, entry.into_slot())));
            return Placed::Added(Location { depth, index });
        }
    }
}

/// Replaces the value of the entry at `index` of `node` (made unique first) and returns the old
/// one.
#[inline(always)]
fn replace_value<K: Clone, V: Clone>(node: &mut Node<K, V>, index: usize, value: V) -> V {
    match &mut make_mut(node).slice[index] {
        Slot::Entry { value: stored, .. } => core::mem::replace(stored, value),
        _ => unreachable!("a present key is in an entry"),
    }
}

/// What a removal leaves of the trie.
pub(super) enum Left {
    /// Entries: the root was updated in place (or replaced by its copy).
    Entries,
    /// No entry: the root must be dropped.
    Nothing,
}

/// Removes the entry at `location` (on the path of `hash`) from the trie whose root is `root`,
/// and returns it with what is left.
///
/// Canonical shape: a non-root node that the removal leaves with a single entry and no child
/// is re-inlined into its parent, and so is each ancestor that then holds only that entry (a
/// node whose only slot is the child on the path, a *pass-through*). The entry ends up in the
/// deepest node above that keeps another slot, or in the root: the *anchor*. A first, read-only
/// walk along the path finds whether the removal collapses and where the anchor is; the second
/// walk makes the nodes down to the edited one unique.
#[inline(always)]
pub(super) fn remove_at<K: Clone, V: Clone>(
    root: &mut Node<K, V>,
    hash: u32,
    location: Location,
) -> (Loose<K, V>, Left) {
    let target = location.depth;
    let (collapses, anchor) = plan_removal(root, hash, target);
    if !collapses {
        let (node, shift) = path_mut(root, hash, target);
        let bitmaps = node.header;
        let new_bitmaps = if shift >= HASH_BITS {
            bitmaps
        } else {
            Bitmaps {
                data: bitmaps.data & !bit_at(hash, shift),
                nodes: bitmaps.nodes,
            }
        };
        let removed = take_entry(node, location.index);
        if new_bitmaps == Bitmaps::default() && shift < HASH_BITS {
            // The root's last entry.
            return (removed, Left::Nothing);
        }
        rebuild(node, new_bitmaps, Some(location.index), None);
        return (removed, Left::Entries);
    }
    let (node, shift) = path_mut(root, hash, anchor);
    let bit = bit_at(hash, shift);
    let bitmaps = node.header;
    let index = bitmaps.node_index(bit);
    let (removed, kept) = take_last_two(child_mut(node, bit), target - anchor - 1, location.index);
    let new_bitmaps = Bitmaps {
        data: bitmaps.data | bit,
        nodes: bitmaps.nodes & !bit,
    };
    let at = new_bitmaps.data_index(bit);
    rebuild(node, new_bitmaps, Some(index), Some((at, kept.into_slot())));
    (removed, Left::Entries)
}

/// Reads the bitmaps on the path of `hash` down to depth `target`: whether removing an entry
/// there leaves that node with a single entry that must move up (never for the root), and the
/// depth of the anchor it moves to (see [`remove_at`]).
#[inline(always)]
fn plan_removal<K, V>(root: &Node<K, V>, hash: u32, target: usize) -> (bool, usize) {
    let mut node = root;
    let mut shift = 0;
    let mut anchor = 0;
    for depth in 0..target {
        let bit = bit_at(hash, shift);
        let bitmaps = node.header;
        if depth == 0 || bitmaps.data != 0 || bitmaps.nodes != bit {
            anchor = depth;
        }
        node = match node.slice.get(bitmaps.node_index(bit)) {
            Some(Slot::Child(child)) => child,
            _ => unreachable!("a location's path goes through children"),
        };
        shift += BITS;
    }
    let collapses = target > 0
        && if shift >= HASH_BITS {
            live_len(node) == 2
        } else {
            let bitmaps = node.header;
            bitmaps.nodes == 0 && (bitmaps.data & !bit_at(hash, shift)).is_power_of_two()
        };
    (collapses, anchor)
}

/// Takes the two entries of the node `pass_through` levels below `node` (each level between a
/// node whose only slot is its child): the one at `index` and the other one. Moves them out if
/// every node on the way is unique (the caller then drops `node`, never reading it again), and
/// clones them otherwise, leaving the nodes as they were.
#[inline(always)]
fn take_last_two<K: Clone, V: Clone>(
    mut node: &mut Node<K, V>,
    pass_through: usize,
    index: usize,
) -> (Loose<K, V>, Loose<K, V>) {
    for level in 0..pass_through {
        if !node.is_unique() {
            return clone_last_two(node, pass_through - level, index);
        }
        node = match triomphe::Arc::get_mut(node).map(|body| &mut body.slice[0]) {
            Some(Slot::Child(child)) => child,
            _ => unreachable!("a unique pass-through node's one slot is a child"),
        };
    }
    (take_entry(node, index), take_entry(node, 1 - index))
}

/// [`take_last_two`] through a shared node: both entries are cloned.
#[cold]
fn clone_last_two<K: Clone, V: Clone>(
    mut node: &Node<K, V>,
    pass_through: usize,
    index: usize,
) -> (Loose<K, V>, Loose<K, V>) {
    for _ in 0..pass_through {
        node = match node.slice.first() {
            Some(Slot::Child(child)) => child,
            _ => unreachable!("a pass-through node's one slot is a child"),
        };
    }
    let clone_at = |at: usize| match &node.slice[at] {
        Slot::Entry { hash, key, value } => Loose {
            hash: *hash,
            key: key.clone(),
            value: value.clone(),
        },
        _ => unreachable!("a collapsing node holds two entries"),
    };
    (clone_at(index), clone_at(1 - index))
}
