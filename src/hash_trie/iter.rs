//! Depth-first iterators over a trie: shared, mutable (copying shared nodes as it reaches them)
//! and owning (moving entries out of unique nodes, cloning those of shared ones). The order is
//! the trie's: a node's inline entries, then its children, so `fold` can recurse instead of
//! keeping a stack.

use alloc::vec::Vec;
use core::slice;

use triomphe::Arc;

use super::node::{Loose, MAX_DEPTH, Node, Slot, make_mut, take_slot};

/// Iterator over `(&K, &V)`: the slots left in the current node, and those left in each of its
/// ancestors that still have slots to visit. Most steps yield an entry of the current node: one
/// slice step and one tag test (entries first: the common case is tested first).
pub(crate) struct Iter<'a, K, V> {
    current: slice::Iter<'a, Slot<K, V>>,
    parents: [slice::Iter<'a, Slot<K, V>>; MAX_DEPTH],
    depth: usize,
    remaining: usize,
}

impl<K, V> Clone for Iter<'_, K, V> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            current: self.current.clone(),
            parents: self.parents.clone(),
            depth: self.depth,
            remaining: self.remaining,
        }
    }
}

impl<'a, K, V> Iter<'a, K, V> {
    pub(super) fn new(root: Option<&'a Node<K, V>>, len: usize) -> Self {
        Self {
            current: root.map_or(&[][..], |root| &root.slice).iter(),
            parents: Default::default(),
            depth: 0,
            remaining: len,
        }
    }
}

impl<'a, K, V> Iter<'a, K, V> {
    /// Makes `child` the current node, keeping the rest of the current one to come back to. A
    /// parent with nothing left (its last slot was `child`, as it is for every node whose
    /// children end it) is dropped instead: the step back up skips it.
    #[inline]
    fn enter(&mut self, child: &'a Node<K, V>) {
        let parent = core::mem::replace(&mut self.current, child.slice.iter());
        if parent.as_slice().is_empty() {
            return;
        }
        // A path has at most `MAX_DEPTH` nodes, so at most `MAX_DEPTH - 1` parents.
        if let Some(slot) = self.parents.get_mut(self.depth) {
            *slot = parent;
            self.depth += 1;
        }
    }
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    #[inline]
    fn next(&mut self) -> Option<(&'a K, &'a V)> {
        loop {
            while let Some(slot) = self.current.next() {
                if let Slot::Entry { key, value, .. } = slot {
                    self.remaining -= 1;
                    return Some((key, value));
                }
                if let Slot::Child(child) = slot {
                    self.enter(child);
                }
            }
            self.depth = self.depth.checked_sub(1)?;
            // `parents[depth]` is stale from here on: nothing reads above `depth`.
            self.current = self.parents.get(self.depth)?.clone();
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }

    fn fold<B, F>(mut self, init: B, mut f: F) -> B
    where
        F: FnMut(B, (&'a K, &'a V)) -> B,
    {
        let mut acc = fold_slots(self.current.as_slice(), init, &mut f);
        while self.depth > 0 {
            self.depth -= 1;
            let level = core::mem::take(&mut self.parents[self.depth]);
            acc = fold_slots(level.as_slice(), acc, &mut f);
        }
        acc
    }
}

/// Folds `f` over the entries of `slots` and of the sub-tries they point to, in trie order.
fn fold_slots<'a, K, V, B, F>(slots: &'a [Slot<K, V>], mut acc: B, f: &mut F) -> B
where
    F: FnMut(B, (&'a K, &'a V)) -> B,
{
    for slot in slots {
        acc = match slot {
            Slot::Entry { key, value, .. } => f(acc, (key, value)),
            Slot::Child(child) => fold_slots(&child.slice, acc, f),
            Slot::Vacant => acc,
        };
    }
    acc
}

/// Iterator over `(&K, &mut V)`. Each node is made unique (copied if shared) when the iterator
/// first enters it, so the `&mut` never reach a node that another version can see.
pub(crate) struct IterMut<'a, K, V> {
    stack: [slice::IterMut<'a, Slot<K, V>>; MAX_DEPTH],
    depth: usize,
    remaining: usize,
}

impl<'a, K: Clone, V: Clone> IterMut<'a, K, V> {
    pub(super) fn new(root: Option<&'a mut Node<K, V>>, len: usize) -> Self {
        let mut stack: [slice::IterMut<'a, Slot<K, V>>; MAX_DEPTH] = Default::default();
        let depth = match root {
            Some(root) => {
                stack[0] = make_mut(root).slice.iter_mut();
                1
            }
            None => 0,
        };
        Self {
            stack,
            depth,
            remaining: len,
        }
    }
}

impl<K, V> IterMut<'_, K, V> {
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.remaining
    }
}

impl<'a, K: Clone, V: Clone> Iterator for IterMut<'a, K, V> {
    type Item = (&'a K, &'a mut V);

    #[inline]
    fn next(&mut self) -> Option<(&'a K, &'a mut V)> {
        while self.depth > 0 {
            match self.stack[self.depth - 1].next() {
                Some(Slot::Entry { key, value, .. }) => {
                    self.remaining -= 1;
                    return Some((key, value));
                }
                Some(Slot::Child(child)) => {
                    self.stack[self.depth] = make_mut(child).slice.iter_mut();
                    self.depth += 1;
                }
                Some(Slot::Vacant) => {}
                None => self.depth -= 1,
            }
        }
        None
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

/// Owning iterator: entries of nodes that nothing else shares are moved out, the others cloned.
pub(crate) struct IntoIter<K, V> {
    stack: Vec<(Node<K, V>, usize)>,
    remaining: usize,
}

impl<K, V> IntoIter<K, V> {
    pub(super) fn new(root: Option<Node<K, V>>, len: usize) -> Self {
        Self {
            stack: root.map(|root| (root, 0)).into_iter().collect(),
            remaining: len,
        }
    }

    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.remaining
    }
}

impl<K: Clone, V: Clone> Iterator for IntoIter<K, V> {
    type Item = Loose<K, V>;

    fn next(&mut self) -> Option<Loose<K, V>> {
        loop {
            let (node, next) = self.stack.last_mut()?;
            let index = *next;
            if index == node.slice.len() {
                self.stack.pop();
                continue;
            }
            *next += 1;
            let slot = match Arc::get_mut(node) {
                Some(body) => take_slot(&mut body.slice[index]),
                None => node.slice[index].clone(),
            };
            match slot {
                Slot::Entry { hash, key, value } => {
                    self.remaining -= 1;
                    return Some(Loose { hash, key, value });
                }
                Slot::Child(child) => self.stack.push((child, 0)),
                Slot::Vacant => {}
            }
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<K, V> super::HashTrie<K, V> {
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
