//! Set algebra on two tries hashed alike, node by node: union, intersection, difference and
//! symmetric difference of the entries (by key), reusing every sub-trie of either side that the
//! result holds unchanged and skipping the sub-tries the two sides share.
//!
//! Combining a trie with a version of itself that differs in `k` entries visits only the nodes
//! on the `k` differing paths: O(k log n) time and allocation. No key is hashed again (entries
//! carry their hash), so the walk is only valid when both tries were built with the same hash
//! function; the callers check that.
//!
//! The inputs are only read. The result is assembled from borrowed pieces first and cloned
//! (user `Clone`) only into nodes that did not exist, so a panic in `Eq`, `Clone` or the value
//! closure leaves both inputs as they were and drops what was built.

use core::mem;

use alloc::vec;
use alloc::vec::Vec;

use super::HashTrie;
use super::node::{self, BITS, Bitmaps, Loose, Node, Slot, bit_at, node_from_vec, pair};
use super::pairs::{EntryRef, Meeting, Part, bits, meet};

/// Which entries a combination keeps: those only on the left, those only on the right, and
/// those whose key is on both sides.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    pub(crate) left: bool,
    pub(crate) right: bool,
    pub(crate) both: bool,
    /// Whether a sub-trie both sides share is taken (or dropped) whole, without visiting its
    /// entries. Only valid when the value kept for a key on both sides does not depend on the
    /// two values being distinct entries (not for a user closure that merges values).
    pub(crate) skip_shared: bool,
}

impl Rule {
    pub(crate) const UNION: Self = Self::new(true, true, true);
    pub(crate) const INTERSECTION: Self = Self::new(false, false, true);
    pub(crate) const DIFFERENCE: Self = Self::new(true, false, false);
    pub(crate) const SYMMETRIC_DIFFERENCE: Self = Self::new(true, true, false);

    const fn new(left: bool, right: bool, both: bool) -> Self {
        Self {
            left,
            right,
            both,
            skip_shared: true,
        }
    }
}

/// One slot of a node being assembled: an entry borrowed from an input, an entry with a new
/// value, or a whole sub-trie.
enum Out<'a, K, V> {
    Entry(EntryRef<'a, K, V>),
    Merged {
        hash: u32,
        key: &'a K,
        value: V,
    },
    Child(Node<K, V>),
    /// Already moved into the node being built.
    Taken,
}

impl<K: Clone, V: Clone> Out<'_, K, V> {
    fn hash(&self) -> u32 {
        match self {
            Out::Entry(entry) => entry.hash,
            Out::Merged { hash, .. } => *hash,
            Out::Child(_) | Out::Taken => unreachable!("only entries are asked for their hash"),
        }
    }

    /// The slot, cloning borrowed keys and values.
    fn into_slot(self) -> Slot<K, V> {
        match self {
            Out::Entry(entry) => Slot::Entry {
                hash: entry.hash,
                key: entry.key.clone(),
                value: entry.value.clone(),
            },
            Out::Merged { hash, key, value } => Slot::Entry {
                hash,
                key: key.clone(),
                value,
            },
            Out::Child(node) => Slot::Child(node),
            Out::Taken => unreachable!("a slot is moved into its node once"),
        }
    }

    fn into_loose(self) -> Loose<K, V> {
        match self.into_slot() {
            Slot::Entry { hash, key, value } => Loose { hash, key, value },
            _ => unreachable!("only entries are made loose"),
        }
    }

    /// `true` if this is exactly the content of `slot` (the same borrowed entry or node).
    fn is(&self, slot: &Slot<K, V>) -> bool {
        match (self, slot) {
            (Out::Entry(entry), Slot::Entry { key, .. }) => core::ptr::eq(entry.key, key),
            (Out::Child(node), Slot::Child(child)) => triomphe::Arc::ptr_eq(node, child),
            _ => false,
        }
    }
}

/// What the combination of two parts at one level gives: nothing, one entry (which the parent
/// stores inline, keeping the shape canonical), or a node.
enum Built<'a, K, V> {
    Empty,
    Single(Out<'a, K, V>),
    Node(Node<K, V>),
}

/// The state of one combination walk.
struct Walk<E, F> {
    rule: Rule,
    key_eq: E,
    merge: F,
    /// Counts the entries of the left side whose key is not on the right if `true`, else those
    /// of the right side not on the left. From either count and the two lengths, every other
    /// count follows; the smaller side is counted, so counting costs at most its size.
    count_left: bool,
    counted: usize,
}

impl<E, F> Walk<E, F> {
    fn combine<'a, K, V>(
        &mut self,
        a: Part<'a, K, V>,
        b: Part<'a, K, V>,
        shift: u32,
    ) -> Built<'a, K, V>
    where
        K: Clone,
        V: Clone,
        E: FnMut(&K, &K) -> bool,
        F: FnMut(&K, &V, &V) -> Option<V>,
    {
        let mask = match meet(a, b, shift, self.rule.skip_shared) {
            Meeting::Shared(node) if self.rule.both => return Built::Node(node.clone()),
            Meeting::Shared(_) => return Built::Empty,
            Meeting::Entries(x, y) => return self.entries(x, y, shift),
            Meeting::Collision(left, right) => return self.collision(left, right, a, b),
            Meeting::Fragments { left, right } => left | right,
        };
        let mut bitmaps = Bitmaps::default();
        // In fragment order; `finish` puts the children after the entries.
        let mut slots: Vec<Out<'a, K, V>> = Vec::with_capacity(mask.count_ones() as usize);
        for bit in bits(mask) {
            let built = match (a.at(bit, shift), b.at(bit, shift)) {
                (Some(x), Some(y)) => self.combine(x, y, shift + BITS),
                (Some(x), None) => self.one_side(x, true),
                (None, Some(y)) => self.one_side(y, false),
                (None, None) => Built::Empty,
            };
            match built {
                Built::Empty => {}
                Built::Single(out) => {
                    bitmaps.data |= bit;
                    slots.push(out);
                }
                Built::Node(node) => {
                    bitmaps.nodes |= bit;
                    slots.push(Out::Child(node));
                }
            }
        }
        finish(bitmaps, slots, a, b)
    }

    /// A part held by one side only (`left` tells which).
    fn one_side<'a, K, V>(&mut self, part: Part<'a, K, V>, left: bool) -> Built<'a, K, V> {
        if self.count_left == left {
            self.counted += part.count();
        }
        let keep = if left {
            self.rule.left
        } else {
            self.rule.right
        };
        match (keep, part) {
            (false, _) => Built::Empty,
            (true, Part::Entry(entry)) => Built::Single(Out::Entry(entry)),
            (true, Part::Node(node)) => Built::Node(node.clone()),
        }
    }

    /// Two inline entries under the same fragment, at level `shift`.
    fn entries<'a, K, V>(
        &mut self,
        x: EntryRef<'a, K, V>,
        y: EntryRef<'a, K, V>,
        shift: u32,
    ) -> Built<'a, K, V>
    where
        K: Clone,
        V: Clone,
        E: FnMut(&K, &K) -> bool,
        F: FnMut(&K, &V, &V) -> Option<V>,
    {
        if x.hash == y.hash && (self.key_eq)(x.key, y.key) {
            return match self.both(x, y) {
                Some(out) => Built::Single(out),
                None => Built::Empty,
            };
        }
        self.counted += 1;
        match (self.rule.left, self.rule.right) {
            (true, true) => {
                let (left, right) = (Out::Entry(x).into_loose(), Out::Entry(y).into_loose());
                Built::Node(pair(shift, left, right).0)
            }
            (true, false) => Built::Single(Out::Entry(x)),
            (false, true) => Built::Single(Out::Entry(y)),
            (false, false) => Built::Empty,
        }
    }

    /// The entry kept for a key on both sides: the left one, or the left key with a merged
    /// value.
    fn both<'a, K, V>(
        &mut self,
        x: EntryRef<'a, K, V>,
        y: EntryRef<'a, K, V>,
    ) -> Option<Out<'a, K, V>>
    where
        F: FnMut(&K, &V, &V) -> Option<V>,
    {
        if !self.rule.both {
            return None;
        }
        Some(match (self.merge)(x.key, x.value, y.value) {
            None => Out::Entry(x),
            Some(value) => Out::Merged {
                hash: x.hash,
                key: x.key,
                value,
            },
        })
    }

    /// The entry lists `left` and `right` of the parts `a` and `b` at a collision level,
    /// matched by `Eq`.
    fn collision<'a, K, V>(
        &mut self,
        left: Vec<EntryRef<'a, K, V>>,
        right: Vec<EntryRef<'a, K, V>>,
        a: Part<'a, K, V>,
        b: Part<'a, K, V>,
    ) -> Built<'a, K, V>
    where
        K: Clone,
        V: Clone,
        E: FnMut(&K, &K) -> bool,
        F: FnMut(&K, &V, &V) -> Option<V>,
    {
        let mut matched = vec![false; right.len()];
        let mut slots = Vec::with_capacity(left.len() + right.len());
        for &x in &left {
            let found = right
                .iter()
                .zip(matched.iter_mut())
                .find(|(y, _)| (self.key_eq)(x.key, y.key));
            match found {
                Some((&y, seen)) => {
                    *seen = true;
                    slots.extend(self.both(x, y));
                }
                None => {
                    self.counted += usize::from(self.count_left);
                    if self.rule.left {
                        slots.push(Out::Entry(x));
                    }
                }
            }
        }
        for (&y, _) in right.iter().zip(&matched).filter(|(_, seen)| !**seen) {
            self.counted += usize::from(!self.count_left);
            if self.rule.right {
                slots.push(Out::Entry(y));
            }
        }
        finish(Bitmaps::default(), slots, a, b)
    }
}

/// The node (or single entry, or nothing) with `bitmaps` and `slots` (in fragment order, or a
/// collision list); an input node identical to it is reused instead of building a copy.
fn finish<'a, K: Clone, V: Clone>(
    bitmaps: Bitmaps,
    mut slots: Vec<Out<'a, K, V>>,
    a: Part<'a, K, V>,
    b: Part<'a, K, V>,
) -> Built<'a, K, V> {
    match slots.len() {
        0 => return Built::Empty,
        1 if bitmaps.nodes == 0 => return slots.pop().map_or(Built::Empty, Built::Single),
        _ => {}
    }
    // A node's slots are its entries, then its children.
    let in_node_order = || {
        let entries = slots.iter().filter(|out| !matches!(out, Out::Child(_)));
        entries.chain(slots.iter().filter(|out| matches!(out, Out::Child(_))))
    };
    for part in [a, b] {
        if let Part::Node(node) = part {
            let live = node::slots(node);
            let same = node.header == bitmaps
                && live.len() == slots.len()
                && in_node_order().zip(live).all(|(out, slot)| out.is(slot));
            if same {
                return Built::Node(node.clone());
            }
        }
    }
    let mut node_slots: Vec<Slot<K, V>> = Vec::with_capacity(slots.len());
    for out in &mut slots {
        if !matches!(out, Out::Child(_)) {
            node_slots.push(mem::replace(out, Out::Taken).into_slot());
        }
    }
    node_slots.extend(
        slots
            .into_iter()
            .filter(|out| !matches!(out, Out::Taken))
            .map(Out::into_slot),
    );
    Built::Node(node_from_vec(bitmaps, node_slots))
}

impl<K: Clone, V: Clone> HashTrie<K, V> {
    /// The entries of `self` and `other` that `rule` keeps, as a new trie sharing every
    /// sub-trie it can with both. Keys are compared with `key_eq`; for a key on both sides the
    /// left entry is kept, with the value `merge(key, left, right)` if that is `Some`.
    ///
    /// Both tries must have been built with the same hash function.
    pub(crate) fn combine(
        &self,
        other: &Self,
        rule: Rule,
        key_eq: impl FnMut(&K, &K) -> bool,
        merge: impl FnMut(&K, &V, &V) -> Option<V>,
    ) -> Self {
        let (a, b) = match (&self.root, &other.root) {
            (Some(a), Some(b)) => (a, b),
            (Some(_), None) => return if rule.left { self.clone() } else { Self::new() },
            (None, Some(_)) => {
                return if rule.right {
                    other.clone()
                } else {
                    Self::new()
                };
            }
            (None, None) => return Self::new(),
        };
        let mut walk = Walk {
            rule,
            key_eq,
            merge,
            count_left: self.len <= other.len,
            counted: 0,
        };
        let built = walk.combine(Part::Node(a), Part::Node(b), 0);
        // With `c` the number of keys on both sides: `self.len = left_only + c` and
        // `other.len = right_only + c`.
        let common = if walk.count_left {
            self.len - walk.counted
        } else {
            other.len - walk.counted
        };
        let len = usize::from(rule.left) * (self.len - common)
            + usize::from(rule.right) * (other.len - common)
            + usize::from(rule.both) * common;
        let root = match built {
            Built::Empty => None,
            Built::Node(node) => Some(node),
            Built::Single(out) => {
                let bitmaps = Bitmaps {
                    data: bit_at(out.hash(), 0),
                    nodes: 0,
                };
                Some(node_from_vec(bitmaps, vec![out.into_slot()]))
            }
        };
        Self { root, len }
    }
}
