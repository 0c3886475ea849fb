//! Node-by-node comparison of two tries, skipping the sub-tries they share.

use super::HashTrie;
use super::node::{BITS, HASH_BITS, Node, Slot, slots};

impl<K, V> HashTrie<K, V> {
    /// `true` if both tries hold the same entries *in the same shape*: pointer-equal sub-tries
    /// are skipped, so two versions that differ in `k` entries compare in O(k log n).
    ///
    /// Tries built with the same hash function have the same shape exactly when they hold the
    /// same entries (canonical form), so for them `false` means "not equal". Tries hashed
    /// differently may hold equal entries in different shapes: then `false` proves nothing.
    pub(crate) fn same_shape_eq(
        &self,
        other: &Self,
        mut key_eq: impl FnMut(&K, &K) -> bool,
        mut value_eq: impl FnMut(&V, &V) -> bool,
    ) -> bool {
        if self.len != other.len {
            return false;
        }
        match (&self.root, &other.root) {
            (Some(a), Some(b)) => nodes_eq(a, b, 0, &mut key_eq, &mut value_eq),
            (None, None) => true,
            _ => false,
        }
    }
}

fn nodes_eq<K, V>(
    a: &Node<K, V>,
    b: &Node<K, V>,
    shift: u32,
    key_eq: &mut impl FnMut(&K, &K) -> bool,
    value_eq: &mut impl FnMut(&V, &V) -> bool,
) -> bool {
    if triomphe::Arc::ptr_eq(a, b) {
        return true;
    }
    if a.header != b.header {
        return false;
    }
    let (a, b) = (slots(a), slots(b));
    if a.len() != b.len() {
        return false;
    }
    if shift >= HASH_BITS {
        // Collision nodes: the same entries in any order (keys are distinct within a node).
        return a.iter().all(|left| match left {
            Slot::Entry { key, value, .. } => b.iter().any(|right| match right {
                Slot::Entry {
                    key: other_key,
                    value: other_value,
                    ..
                } => key_eq(key, other_key) && value_eq(value, other_value),
                _ => false,
            }),
            _ => false,
        });
    }
    a.iter().zip(b.iter()).all(|pair| match pair {
        (
            Slot::Entry { hash, key, value },
            Slot::Entry {
                hash: other_hash,
                key: other_key,
                value: other_value,
            },
        ) => hash == other_hash && key_eq(key, other_key) && value_eq(value, other_value),
        (Slot::Child(left), Slot::Child(right)) => {
            nodes_eq(left, right, shift + BITS, key_eq, value_eq)
        }
        _ => false,
    })
}
