//! Containment tests between two tries hashed alike, node by node: [`HashTrie::keys_subset`] and
//! [`HashTrie::keys_disjoint`]. Shared sub-tries are decided without being visited, so testing
//! a trie against a version of itself that differs in `k` entries costs O(k log n).

use super::HashTrie;
use super::node::BITS;
use super::pairs::{Meeting, Part, bits, meet};

impl<K, V> HashTrie<K, V> {
    /// `true` if every key of `self` is a key of `other` (compared with `key_eq`).
    ///
    /// Both tries must have been built with the same hash function.
    pub(crate) fn keys_subset(&self, other: &Self, mut key_eq: impl FnMut(&K, &K) -> bool) -> bool {
        if self.len > other.len {
            return false;
        }
        match (&self.root, &other.root) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => subset(Part::Node(a), Part::Node(b), 0, &mut key_eq),
        }
    }

    /// `true` if no key of `self` is a key of `other` (compared with `key_eq`).
    ///
    /// Both tries must have been built with the same hash function.
    pub(crate) fn keys_disjoint(
        &self,
        other: &Self,
        mut key_eq: impl FnMut(&K, &K) -> bool,
    ) -> bool {
        match (&self.root, &other.root) {
            (Some(a), Some(b)) => disjoint(Part::Node(a), Part::Node(b), 0, &mut key_eq),
            _ => true,
        }
    }
}

fn subset<K, V>(
    a: Part<'_, K, V>,
    b: Part<'_, K, V>,
    shift: u32,
    key_eq: &mut impl FnMut(&K, &K) -> bool,
) -> bool {
    // A node below the root holds at least two entries: not all in one entry.
    if shift > 0 && matches!((a, b), (Part::Node(_), Part::Entry(_))) {
        return false;
    }
    match meet(a, b, shift, true) {
        Meeting::Shared(_) => true,
        Meeting::Entries(x, y) => x.hash == y.hash && key_eq(x.key, y.key),
        Meeting::Collision(left, right) => left
            .iter()
            .all(|x| right.iter().any(|y| key_eq(x.key, y.key))),
        Meeting::Fragments { left, right } => {
            left & !right == 0
                && bits(left).all(|bit| match (a.at(bit, shift), b.at(bit, shift)) {
                    (Some(x), Some(y)) => subset(x, y, shift + BITS, key_eq),
                    _ => false,
                })
        }
    }
}

fn disjoint<K, V>(
    a: Part<'_, K, V>,
    b: Part<'_, K, V>,
    shift: u32,
    key_eq: &mut impl FnMut(&K, &K) -> bool,
) -> bool {
    match meet(a, b, shift, true) {
        Meeting::Shared(_) => false,
        Meeting::Entries(x, y) => x.hash != y.hash || !key_eq(x.key, y.key),
        Meeting::Collision(left, right) => left
            .iter()
            .all(|x| !right.iter().any(|y| key_eq(x.key, y.key))),
        Meeting::Fragments { left, right } => {
            bits(left & right).all(|bit| match (a.at(bit, shift), b.at(bit, shift)) {
                (Some(x), Some(y)) => disjoint(x, y, shift + BITS, key_eq),
                _ => true,
            })
        }
    }
}
