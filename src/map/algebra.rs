//! The node-by-node fast paths between two maps (set algebra on keys, containment), and the
//! rule that decides when they apply: both maps must hash alike.
//!
//! # When two maps hash alike
//!
//! A trie walk pairs up the nodes of two maps fragment by fragment, which is only meaningful if
//! both placed their keys with the same hash function. A zero-sized hasher (such as the default
//! [`DefaultHashBuilder`](super::DefaultHashBuilder) or a `BuildHasherDefault`) has no
//! per-instance state, so all its values hash alike. For a hasher with state (std's
//! `RandomState`, seeded per instance), a few stored keys of each map are hashed with the other
//! map's hasher: differently seeded instances disagree on the first of them except with
//! probability 2^-64, and the element-by-element path is taken. Clones of one instance agree,
//! so versions of one map keep the fast path.

use core::hash::{BuildHasher, Hash};
use core::mem;

use alloc::vec::Vec;

use super::{Entry, FrozenMap};
use crate::hash_trie::Rule;

/// How many stored keys of each map are hashed with the other map's hasher.
const PROBES: usize = 4;

impl<K, V, S> FrozenMap<K, V, S>
where
    K: Hash + Eq,
    S: BuildHasher,
{
    /// `true` if `self` and `other` can be walked together (see the module docs).
    pub(crate) fn hashes_alike(&self, other: &Self) -> bool {
        if mem::size_of::<S>() == 0 {
            return true;
        }
        let agree = |key: &K| self.hasher.hash_one(key) == other.hasher.hash_one(key);
        self.keys().take(PROBES).all(agree) && other.keys().take(PROBES).all(agree)
    }

    /// `true` if every key of `self` is a key of `other`.
    pub(crate) fn keys_subset(&self, other: &Self) -> bool {
        if self.ptr_eq(other) {
            return true;
        }
        if self.hashes_alike(other) {
            return self.trie.keys_subset(&other.trie, |a, b| a == b);
        }
        self.len() <= other.len() && self.keys().all(|key| other.contains_key(key))
    }

    /// `true` if no key of `self` is a key of `other`.
    pub(crate) fn keys_disjoint(&self, other: &Self) -> bool {
        if self.hashes_alike(other) {
            return self.trie.keys_disjoint(&other.trie, |a, b| a == b);
        }
        let (small, big) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        small.keys().all(|key| !big.contains_key(key))
    }
}

impl<K, V, S> FrozenMap<K, V, S>
where
    K: Hash + Eq + Clone,
    V: Clone,
    S: BuildHasher + Clone,
{
    /// The entries of `self` and `other` that `rule` keeps, with `self`'s hasher. For a key in
    /// both, `self`'s entry is kept, with the value `merge(key, ours, theirs)` if that is `Some`.
    ///
    /// Node by node (sharing every sub-trie it can) when the maps hash alike, else by lookups
    /// and edits of a clone.
    pub(crate) fn combine(
        &self,
        other: &Self,
        rule: Rule,
        mut merge: impl FnMut(&K, &V, &V) -> Option<V>,
    ) -> Self {
        if self.hashes_alike(other) {
            return Self {
                trie: self
                    .trie
                    .combine(&other.trie, rule, |a, b| a == b, &mut merge),
                hasher: self.hasher.clone(),
            };
        }
        match (rule.left, rule.right, rule.both) {
            // Union: `self` plus what `other` adds.
            (true, true, true) => {
                let mut out = self.clone();
                for (key, theirs) in other.iter() {
                    match out.entry(key.clone()) {
                        Entry::Occupied(mut entry) => {
                            if let Some(value) = merge(key, entry.get(), theirs) {
                                entry.insert(value);
                            }
                        }
                        Entry::Vacant(entry) => {
                            entry.insert(theirs.clone());
                        }
                    }
                }
                out
            }
            // Symmetric difference: `self`, toggled by every key of `other`.
            (true, true, false) => {
                let mut out = self.clone();
                for (key, theirs) in other.iter() {
                    if out.remove(key).is_none() {
                        out.insert(key.clone(), theirs.clone());
                    }
                }
                out
            }
            // Difference: `self` without the keys of `other`.
            (true, false, false) => {
                if other.len() <= self.len() {
                    let mut out = self.clone();
                    for key in other.keys() {
                        out.remove(key);
                    }
                    out
                } else {
                    self.filtered(|key, _| !other.contains_key(key))
                }
            }
            // Intersection (or anything else a rule may ask for): the kept entries of `self`,
            // then those of `other`.
            _ => {
                let mut out = self.filtered(|key, _| {
                    if other.contains_key(key) {
                        rule.both
                    } else {
                        rule.left
                    }
                });
                if rule.both {
                    for (key, ours) in out.iter_mut() {
                        if let Some(value) =
                            other.get(key).and_then(|theirs| merge(key, ours, theirs))
                        {
                            *ours = value;
                        }
                    }
                }
                if rule.right {
                    for (key, theirs) in other.iter() {
                        if !self.contains_key(key) {
                            out.insert(key.clone(), theirs.clone());
                        }
                    }
                }
                out
            }
        }
    }

    /// The entries of `self` for which `keep` is `true`, as a new map built in trie order.
    fn filtered(&self, mut keep: impl FnMut(&K, &V) -> bool) -> Self {
        let entries: Vec<(K, V)> = self
            .iter()
            .filter(|(key, value)| keep(key, value))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        Self {
            trie: Self::build_trie(entries, &self.hasher),
            hasher: self.hasher.clone(),
        }
    }
}
