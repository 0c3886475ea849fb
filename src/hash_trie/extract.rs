//! Removing entries chosen by a predicate while iterating, by taking the trie apart and building
//! it again from the entries kept.

use alloc::vec::Vec;
use core::mem;

use super::node::Loose;
use super::{HashTrie, IntoIter};

/// The state of an `extract_if`: the trie being emptied, the entries kept so far and the entry
/// being tested. Dropping it (after the last entry, on an early drop, or while unwinding from a
/// panic in the predicate) builds the target trie from every entry not extracted, so no entry is
/// ever lost.
pub(crate) struct Extract<'a, K: Clone, V: Clone> {
    target: &'a mut HashTrie<K, V>,
    source: IntoIter<K, V>,
    kept: Vec<Loose<K, V>>,
    current: Option<Loose<K, V>>,
}

impl<'a, K: Clone, V: Clone> Extract<'a, K, V> {
    pub(crate) fn new(target: &'a mut HashTrie<K, V>) -> Self {
        let source = mem::take(target).into_iter();
        Self {
            kept: Vec::with_capacity(source.len()),
            target,
            source,
            current: None,
        }
    }

    /// The next entry for which `pred` is true, removed; the others it passes are kept.
    pub(crate) fn next_where(
        &mut self,
        pred: &mut impl FnMut(&K, &mut V) -> bool,
    ) -> Option<(K, V)> {
        loop {
            let entry = self.current.insert(self.source.next()?);
            let extract = pred(&entry.key, &mut entry.value);
            if let Some(entry) = self.current.take() {
                if extract {
                    return Some((entry.key, entry.value));
                }
                self.kept.push(entry);
            }
        }
    }

    /// How many entries are left to test.
    #[inline]
    pub(crate) fn remaining(&self) -> usize {
        self.source.len()
    }
}

impl<K: Clone, V: Clone> Drop for Extract<'_, K, V> {
    fn drop(&mut self) {
        let mut kept = mem::take(&mut self.kept);
        kept.extend(self.current.take());
        kept.extend(self.source.by_ref());
        // The keys are distinct already: no comparison is needed.
        *self.target = HashTrie::from_entries(kept, |_, _| false, |_, _| {});
    }
}
