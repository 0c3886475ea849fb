//! The serial iterators over a whole trie: shared, mutable (copying shared nodes as it reaches
//! them) and owning (moving entries out of unique nodes, cloning those of shared ones). Each is
//! the trie's [`Cursor`] for its kind of access, counted down from the trie's length so that
//! it knows its exact size.

use core::slice;

use super::cursor::{Cursor, Level, OwnedLevel};
use super::node::Slot;

/// Iterator over `(&K, &V)`.
pub(crate) type Iter<'a, K, V> = Counted<slice::Iter<'a, Slot<K, V>>>;

/// Iterator over `(&K, &mut V)`. Each node is made unique (copied if shared) when the iterator
/// first enters it, so the `&mut` never reach a node that another version can see.
pub(crate) type IterMut<'a, K, V> = Counted<slice::IterMut<'a, Slot<K, V>>>;

/// Owning iterator: entries of nodes that nothing else shares are moved out, the others cloned.
pub(crate) type IntoIter<K, V> = Counted<OwnedLevel<K, V>>;

/// A walk over a whole trie that knows how many entries it has left.
#[derive(Clone)]
pub(crate) struct Counted<L> {
    entries: Cursor<L>,
    remaining: usize,
}

impl<L: Level> Counted<L> {
    /// A walk over the trie whose root is `root`, holding `len` entries.
    pub(super) fn new(root: Option<L::Child>, len: usize) -> Self {
        Self {
            entries: Cursor::new(root),
            remaining: len,
        }
    }
}

impl<L> Counted<L> {
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.remaining
    }
}

impl<L: Level> Iterator for Counted<L> {
    type Item = L::Entry;

    #[inline]
    fn next(&mut self) -> Option<L::Entry> {
        let entry = self.entries.next()?;
        self.remaining -= 1;
        Some(entry)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }

    #[inline]
    fn fold<B, F>(self, init: B, f: F) -> B
    where
        F: FnMut(B, L::Entry) -> B,
    {
        self.entries.fold(init, f)
    }
}

impl<K: Clone, V: Clone> super::HashTrie<K, V> {
    /// Consumes the trie into an owning iterator.
    #[inline]
    pub(crate) fn into_iter(self) -> IntoIter<K, V> {
        IntoIter::new(self.root, self.len)
    }
}
#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use super::super::HashTrie;

    /// A trie with deep paths: hashes that share long prefixes of fragments, some equal ones
    /// (collision nodes) and spread-out ones, so that `next` enters and leaves nodes at every
    /// depth, from a first and from a last slot.
    fn deep_trie() -> HashTrie<u32, u32> {
        let count: u32 = if cfg!(miri) { 120 } else { 1200 };
        let mut trie = HashTrie::new();
        let mut state = 0x2545_F491_u32;
        for key in 0..count {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let hash = match key % 4 {
                0 => state,
                1 => state & 0x0000_03ff,
                2 => state & 0x3000_0007,
                _ => 0xdead_beef,
            };
            assert!(trie.find(hash, |k| *k == key).is_none());
            trie.insert_absent(hash, key, key.wrapping_mul(3));
        }
        trie
    }

    #[test]
    fn next_and_fold_agree_from_every_point() {
        let trie = deep_trie();
        let by_next: Vec<(u32, u32)> = trie.iter().map(|(k, v)| (*k, *v)).collect();
        let by_fold = trie.iter().fold(Vec::new(), |mut out, (k, v)| {
            out.push((*k, *v));
            out
        });
        assert_eq!(by_next, by_fold);
        assert_eq!(by_next.len(), trie.len());
        let mut keys: Vec<u32> = by_next.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), trie.len(), "every entry exactly once");

        let step = if cfg!(miri) { 17 } else { 1 };
        for taken in (0..=by_next.len()).step_by(step) {
            let mut iter = trie.iter();
            let mut seen = Vec::new();
            for _ in 0..taken {
                let (k, v) = iter.next().expect("as many entries as the trie's length");
                seen.push((*k, *v));
            }
            assert_eq!(
                iter.size_hint(),
                (by_next.len() - taken, Some(by_next.len() - taken))
            );
            let rest = iter.clone().fold(seen.clone(), |mut out, (k, v)| {
                out.push((*k, *v));
                out
            });
            assert_eq!(rest, by_next, "{taken} by next, then fold");
            seen.extend(iter.map(|(k, v)| (*k, *v)));
            assert_eq!(seen, by_next, "{taken} by next, then the rest by next");
        }
    }
}
