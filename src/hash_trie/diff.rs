//! The differences between two tries hashed alike, node by node, skipping the sub-tries they
//! share: [`HashTrie::diff`]. Two versions that differ in `k` entries are compared in
//! O(k log n).

use alloc::vec;
use alloc::vec::Vec;

use super::HashTrie;
use super::node::BITS;
use super::pairs::{EntryRef, Meeting, Part, bits, meet};

/// One difference found by [`HashTrie::diff`], as `(key, value)` pairs of the old (`'a`) and the
/// new (`'b`) trie.
pub(crate) enum Change<'a, 'b, K, V> {
    Added(&'b K, &'b V),
    Updated((&'a K, &'a V), (&'b K, &'b V)),
    Removed(&'a K, &'a V),
}

impl<K, V> HashTrie<K, V> {
    /// Every difference between `self` (old) and `other` (new): keys only in `other`, keys whose
    /// values differ by `value_eq`, keys only in `self`. Sub-tries the two share are skipped, so
    /// entries in them are never compared (a value unequal to itself there is not reported).
    ///
    /// Both tries must have been built with the same hash function.
    pub(crate) fn diff<'a, 'b>(
        &'a self,
        other: &'b Self,
        mut key_eq: impl FnMut(&K, &K) -> bool,
        mut value_eq: impl FnMut(&V, &V) -> bool,
    ) -> Vec<Change<'a, 'b, K, V>> {
        let mut out = Vec::new();
        let mut walk = DiffWalk {
            key_eq: &mut key_eq,
            value_eq: &mut value_eq,
            out: &mut out,
        };
        match (&self.root, &other.root) {
            (Some(a), Some(b)) => walk.parts(Part::Node(a), Part::Node(b), 0),
            (Some(a), None) => walk.removed(Part::Node(a)),
            (None, Some(b)) => walk.added(Part::Node(b)),
            (None, None) => {}
        }
        out
    }
}

struct DiffWalk<'w, 'a, 'b, K, V, E, Q> {
    key_eq: &'w mut E,
    value_eq: &'w mut Q,
    out: &'w mut Vec<Change<'a, 'b, K, V>>,
}

impl<'a, 'b, K, V, E, Q> DiffWalk<'_, 'a, 'b, K, V, E, Q>
where
    E: FnMut(&K, &K) -> bool,
    Q: FnMut(&V, &V) -> bool,
{
    fn parts(&mut self, a: Part<'a, K, V>, b: Part<'b, K, V>, shift: u32) {
        match meet(a, b, shift, true) {
            Meeting::Shared(_) => {}
            Meeting::Entries(x, y) => self.entries(x, y),
            Meeting::Collision(left, right) => self.lists(left, right),
            Meeting::Fragments { left, right } => {
                for bit in bits(left | right) {
                    match (a.at(bit, shift), b.at(bit, shift)) {
                        (Some(x), Some(y)) => self.parts(x, y, shift + BITS),
                        (Some(x), None) => self.removed(x),
                        (None, Some(y)) => self.added(y),
                        (None, None) => {}
                    }
                }
            }
        }
    }

    /// Two inline entries under one fragment.
    fn entries(&mut self, x: EntryRef<'a, K, V>, y: EntryRef<'b, K, V>) {
        if x.hash == y.hash && (self.key_eq)(x.key, y.key) {
            if !(self.value_eq)(x.value, y.value) {
                self.out
                    .push(Change::Updated((x.key, x.value), (y.key, y.value)));
            }
        } else {
            self.out.push(Change::Removed(x.key, x.value));
            self.out.push(Change::Added(y.key, y.value));
        }
    }

    /// Collision lists: entries matched by key, in any order.
    fn lists(&mut self, left: Vec<EntryRef<'a, K, V>>, right: Vec<EntryRef<'b, K, V>>) {
        let mut matched = vec![false; right.len()];
        for x in left {
            let found = right
                .iter()
                .zip(matched.iter_mut())
                .find(|(y, _)| x.hash == y.hash && (self.key_eq)(x.key, y.key));
            match found {
                Some((y, seen)) => {
                    *seen = true;
                    if !(self.value_eq)(x.value, y.value) {
                        self.out
                            .push(Change::Updated((x.key, x.value), (y.key, y.value)));
                    }
                }
                None => self.out.push(Change::Removed(x.key, x.value)),
            }
        }
        for (y, _) in right.iter().zip(&matched).filter(|(_, seen)| !**seen) {
            self.out.push(Change::Added(y.key, y.value));
        }
    }

    fn removed(&mut self, part: Part<'a, K, V>) {
        part.for_each(&mut |x| self.out.push(Change::Removed(x.key, x.value)));
    }

    fn added(&mut self, part: Part<'b, K, V>) {
        part.for_each(&mut |y| self.out.push(Change::Added(y.key, y.value)));
    }
}
