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

/// Checks shared by the trie's tests: every walk of a trie yields the same entries in the same
/// order.
#[cfg(test)]
pub(super) mod walks {
    use alloc::vec::Vec;
    use core::fmt::Debug;

    use super::super::HashTrie;

    /// `next`, `fold`, `next` then `fold` and `next` then `next` from every `step`-th point
    /// (each counting down exactly), `iter_mut` (by `next` and by `fold`) and `into_iter` of a
    /// clone (which shares every node) all yield the entries of `trie` in one order, each once.
    /// Returns them in that order.
    pub(in super::super) fn assert_walks_agree<K, V>(
        trie: &HashTrie<K, V>,
        step: usize,
    ) -> Vec<(K, V)>
    where
        K: Clone + PartialEq + Debug,
        V: Clone + PartialEq + Debug,
    {
        let by_next = assert_shared_walks_agree(trie, step);
        let mut copy = trie.clone();
        let mutable: Vec<(K, V)> = copy
            .iter_mut()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(mutable, by_next, "iter_mut by next");
        let mutable = copy.iter_mut().fold(Vec::new(), |mut out, (k, v)| {
            out.push((k.clone(), v.clone()));
            out
        });
        assert_eq!(mutable, by_next, "iter_mut by fold");
        for taken in (0..=by_next.len()).step_by(step.max(1)) {
            let pair = |(k, v): (&K, &mut V)| (k.clone(), v.clone());
            assert_next_then_fold(copy.iter_mut(), taken, pair, &by_next, "iter_mut");
        }
        assert_into_iter_agrees(trie.clone(), &by_next, step);
        by_next
    }

    /// `into_iter` of `trie` (moving the entries of the nodes it alone holds, cloning the others)
    /// by `next` and by `fold`, and by `next` then `fold` from every `step`-th point of a clone,
    /// yields `expected`, counting down exactly. Consumes `trie` last.
    pub(in super::super) fn assert_into_iter_agrees<K, V>(
        trie: HashTrie<K, V>,
        expected: &[(K, V)],
        step: usize,
    ) where
        K: Clone + PartialEq + Debug,
        V: Clone + PartialEq + Debug,
    {
        let owned = trie.clone().into_iter().fold(Vec::new(), |mut out, e| {
            out.push((e.key, e.value));
            out
        });
        assert_eq!(owned, expected, "into_iter by fold");
        for taken in (0..=expected.len()).step_by(step.max(1)) {
            let iter = trie.clone().into_iter();
            assert_next_then_fold(iter, taken, |e| (e.key, e.value), expected, "into_iter");
        }
        // Last, so that the nodes only `trie` holds are moved out: half by `next`, half by `fold`.
        let mut iter = trie.into_iter();
        let mut owned = Vec::new();
        for _ in 0..expected.len() / 2 {
            let entry = iter.next().expect("as many entries as the trie's length");
            owned.push((entry.key, entry.value));
            assert_eq!(iter.len(), expected.len() - owned.len());
        }
        let owned = iter.fold(owned, |mut out, e| {
            out.push((e.key, e.value));
            out
        });
        assert_eq!(owned, expected, "into_iter by next, then fold");
    }

    /// `iter` yields `expected` (as `pair` turns its items into entries) when `taken` items are
    /// read by `next` and the rest by `fold`, and knows exactly how many are left after the
    /// `next`s.
    fn assert_next_then_fold<I: Iterator, K, V>(
        mut iter: I,
        taken: usize,
        pair: impl Fn(I::Item) -> (K, V),
        expected: &[(K, V)],
        what: &str,
    ) where
        K: PartialEq + Debug,
        V: PartialEq + Debug,
    {
        let mut seen = Vec::new();
        for _ in 0..taken {
            seen.push(pair(
                iter.next().expect("as many entries as the trie's length"),
            ));
        }
        let left = expected.len() - taken;
        assert_eq!(
            iter.size_hint(),
            (left, Some(left)),
            "{what}: {taken} by next"
        );
        let seen = iter.fold(seen, |mut out, item| {
            out.push(pair(item));
            out
        });
        assert_eq!(seen, expected, "{what}: {taken} by next, then fold");
    }

    /// The shared walks of [`assert_walks_agree`]: `next`, `fold`, and both from every
    /// `step`-th point.
    pub(in super::super) fn assert_shared_walks_agree<K, V>(
        trie: &HashTrie<K, V>,
        step: usize,
    ) -> Vec<(K, V)>
    where
        K: Clone + PartialEq + Debug,
        V: Clone + PartialEq + Debug,
    {
        let pair = |(k, v): (&K, &V)| (k.clone(), v.clone());
        let by_next: Vec<(K, V)> = trie.iter().map(pair).collect();
        assert_eq!(by_next.len(), trie.len(), "len agrees with iteration");
        let by_fold = trie.iter().fold(Vec::new(), |mut out, entry| {
            out.push(pair(entry));
            out
        });
        assert_eq!(by_fold, by_next, "fold and next");

        for taken in (0..=by_next.len()).step_by(step.max(1)) {
            let mut iter = trie.iter();
            let mut seen = Vec::new();
            for _ in 0..taken {
                seen.push(pair(
                    iter.next().expect("as many entries as the trie's length"),
                ));
            }
            let left = by_next.len() - taken;
            assert_eq!((iter.len(), iter.size_hint()), (left, (left, Some(left))));
            let rest = iter.clone().fold(seen.clone(), |mut out, entry| {
                out.push(pair(entry));
                out
            });
            assert_eq!(rest, by_next, "{taken} by next, then fold");
            seen.extend(iter.map(pair));
            assert_eq!(seen, by_next, "{taken} by next, then the rest by next");
        }

        by_next
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use super::super::HashTrie;
    use super::super::node::{Bitmaps, Node, Slot, live_len, node_from_array, slots};
    use super::walks::{assert_into_iter_agrees, assert_shared_walks_agree, assert_walks_agree};

    /// Whether a node of the sub-trie `node` has a vacant tail.
    fn has_spare(node: &Node<u32, u32>) -> bool {
        live_len(node) < node.slice.len()
            || slots(node).iter().any(|slot| match slot {
                Slot::Child(child) => has_spare(child),
                _ => false,
            })
    }

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
        let entries = assert_walks_agree(&trie, if cfg!(miri) { 17 } else { 1 });
        let mut keys: Vec<u32> = entries.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), trie.len(), "every entry exactly once");
    }

    /// The shared `fold` splits a node's slots by its `data` bitmap, but reads every slot by its
    /// tag: with bitmaps that disagree with the slots it still yields what `next` does.
    #[test]
    fn fold_reads_slots_by_tag_whatever_the_bitmaps() {
        let entry = |key: u32| Slot::Entry {
            hash: key,
            key,
            value: key * 10,
        };
        let lying = |data: u32, nodes: u32| Bitmaps { data, nodes };
        let leaf = node_from_array(lying(0b1, 0b10), [entry(3), entry(4), Slot::Vacant]);
        let inner = node_from_array(lying(0b1111, 0), [entry(2), Slot::Child(leaf), entry(5)]);
        let root = node_from_array(
            lying(0b1, 0),
            [entry(1), Slot::Child(inner), entry(6), Slot::Vacant],
        );
        let trie = HashTrie {
            root: Some(root),
            len: 6,
        };
        // Only the shared walks: the others copy nodes, which checks their bitmaps.
        let entries = assert_shared_walks_agree(&trie, 1);
        let keys: Vec<u32> = entries.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, [1, 2, 3, 4, 5, 6]);
    }

    /// The same after removals that leave vacant tails in unique nodes, and with a kept version
    /// that shares nodes with the edited one.
    #[test]
    fn walks_agree_over_vacant_tails() {
        let mut trie = deep_trie();
        let kept = trie.clone();
        let hashed: Vec<(u32, u32)> = kept.clone().into_iter().map(|e| (e.hash, e.key)).collect();
        for &(hash, key) in hashed.iter().step_by(3) {
            let (location, ..) = trie.find(hash, |k| *k == key).expect("present");
            trie.remove_at(hash, location);
        }
        assert!(trie.root.as_ref().is_some_and(has_spare));
        let step = if cfg!(miri) { 23 } else { 7 };
        let entries = assert_walks_agree(&trie, step);
        assert_walks_agree(&kept, step);
        drop(kept);
        // Unique now, vacant tails and all: moved out, not cloned.
        assert_into_iter_agrees(trie, &entries, step);
    }
}
