//! The two structural edits: adding an entry known to be absent, and removing the entry at a
//! known location, keeping the canonical shape. Neither runs user `Hash` or `Eq` code; the only
//! user code they run is `Clone`, while copying shared nodes, before anything is swapped in.

use super::Location;
use super::node::{
    BITS, Bitmaps, HASH_BITS, Loose, Node, Slot, bit_at, live_len, make_mut, pair, rebuild,
    take_entry,
};

/// Adds the entry (whose key is in no entry of `node`) to the sub-trie `node` at level `shift`.
/// Returns where the new entry now is, relative to `node`.
pub(super) fn insert_absent<K: Clone, V: Clone>(
    node: &mut Node<K, V>,
    shift: u32,
    entry: Loose<K, V>,
) -> Location {
    let bitmaps = node.header;
    if shift >= HASH_BITS {
        let index = live_len(node);
        rebuild(node, bitmaps, None, Some((index, entry.into_slot())));
        return Location { depth: 0, index };
    }
    let bit = bit_at(entry.hash, shift);
    if bitmaps.data & bit != 0 {
        // Another key with the same fragment: both move down into a new sub-trie.
        let index = bitmaps.data_index(bit);
        let existing = take_entry(node, index);
        let (child, depth, child_index) = pair(shift + BITS, existing, entry);
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
        Location {
            depth: depth + 1,
            index: child_index,
        }
    } else if bitmaps.nodes & bit != 0 {
        let index = bitmaps.node_index(bit);
        let body = make_mut(node);
        match &mut body.slice[index] {
            Slot::Child(child) => {
                let inner = insert_absent(child, shift + BITS, entry);
                Location {
                    depth: inner.depth + 1,
                    index: inner.index,
                }
            }
            _ => unreachable!("the slot indexed by a node bit is a child"),
        }
    } else {
        let new_bitmaps = Bitmaps {
            data: bitmaps.data | bit,
            nodes: bitmaps.nodes,
        };
        let index = new_bitmaps.data_index(bit);
        rebuild(node, new_bitmaps, None, Some((index, entry.into_slot())));
        Location { depth: 0, index }
    }
}

/// What a removal left of a sub-trie.
pub(super) enum Shape<K, V> {
    /// Still a valid node, updated in place.
    Kept,
    /// Down to one entry: the parent must store it inline instead of the child (canonical form).
    /// The child node still holds moved-out slots and must be dropped, not read.
    Single(Loose<K, V>),
    /// Empty (only the root can get here).
    Empty,
}

/// Removes the entry at `location` (relative to `node`, at level `shift`, along `hash`) and
/// returns it with what is left of `node`.
pub(super) fn remove_at<K: Clone, V: Clone>(
    node: &mut Node<K, V>,
    shift: u32,
    hash: u32,
    location: Location,
) -> (Loose<K, V>, Shape<K, V>) {
    let bitmaps = node.header;
    let is_root = shift == 0;
    if location.depth == 0 {
        let len = live_len(node);
        if shift >= HASH_BITS {
            if len == 2 {
                let removed = take_entry(node, location.index);
                let other = take_entry(node, 1 - location.index);
                return (removed, Shape::Single(other));
            }
            let removed = take_entry(node, location.index);
            rebuild(node, bitmaps, Some(location.index), None);
            return (removed, Shape::Kept);
        }
        let bit = bit_at(hash, shift);
        let new_bitmaps = Bitmaps {
            data: bitmaps.data & !bit,
            nodes: bitmaps.nodes,
        };
        if new_bitmaps.nodes == 0 && new_bitmaps.data.is_power_of_two() && !is_root {
            let removed = take_entry(node, location.index);
            let other = take_entry(node, 1 - location.index);
            return (removed, Shape::Single(other));
        }
        if new_bitmaps.nodes == 0 && new_bitmaps.data == 0 {
            let removed = take_entry(node, location.index);
            return (removed, Shape::Empty);
        }
        let removed = take_entry(node, location.index);
        rebuild(node, new_bitmaps, Some(location.index), None);
        return (removed, Shape::Kept);
    }
    let bit = bit_at(hash, shift);
    let index = bitmaps.node_index(bit);
    let inner = Location {
        depth: location.depth - 1,
        index: location.index,
    };
    let (removed, shape) = if let Some(body) = triomphe::Arc::get_mut(node) {
        match &mut body.slice[index] {
            Slot::Child(child) => remove_at(child, shift + BITS, hash, inner),
            _ => unreachable!("the slot indexed by a node bit is a child"),
        }
    } else {
        // Shared: edit a clone of the child handle (so the child is copied too), then copy this
        // node around the result.
        let mut child = match &node.slice[index] {
            Slot::Child(child) => child.clone(),
            _ => unreachable!("the slot indexed by a node bit is a child"),
        };
        let (removed, shape) = remove_at(&mut child, shift + BITS, hash, inner);
        if let Shape::Kept = shape {
            // Same shape: a plain copy of this node with the edited child in its slot (the copy's
            // handle to the old child is dropped again).
            make_mut(node).slice[index] = Slot::Child(child);
            return (removed, Shape::Kept);
        }
        (removed, shape)
    };
    match shape {
        Shape::Kept => (removed, Shape::Kept),
        Shape::Empty => unreachable!("a non-root node holds at least two entries"),
        Shape::Single(entry) => {
            if bitmaps.data == 0 && bitmaps.nodes == bit && !is_root {
                // This node held only that child: it shrinks to the single entry too.
                return (removed, Shape::Single(entry));
            }
            let new_bitmaps = Bitmaps {
                data: bitmaps.data | bit,
                nodes: bitmaps.nodes & !bit,
            };
            let at = new_bitmaps.data_index(bit);
            rebuild(
                node,
                new_bitmaps,
                Some(index),
                Some((at, entry.into_slot())),
            );
            (removed, Shape::Kept)
        }
    }
}
