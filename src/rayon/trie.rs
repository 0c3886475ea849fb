//! The trie's three sub-trie views ([`SubTrie`], [`SubTrieMut`], [`OwnedSubTrie`]) as
//! [`Tree`]s, and the parallel bulk build, for the parallel iterators and collections of
//! [`FrozenMap`](crate::FrozenMap) and [`FrozenSet`](crate::FrozenSet).

use core::hash::{BuildHasher, Hash};

use rayon::iter::{IntoParallelIterator, ParallelIterator};
use rayon::slice::ParallelSliceMut;

use super::tree::Tree;
use crate::hash_trie::{HashTrie, Loose, OwnedSubTrie, SubTrie, SubTrieMut, fold_hash, trie_order};

impl<'a, K: Send + Sync, V: Send + Sync> Tree for SubTrie<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn open(self) -> (Vec<Self::Item>, Vec<Self>) {
        SubTrie::open(self)
    }

    fn items(self) -> impl Iterator<Item = Self::Item> {
        self.iter()
    }
}

impl<'a, K, V> Tree for SubTrieMut<'a, K, V>
where
    K: Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    type Item = (&'a K, &'a mut V);

    fn open(self) -> (Vec<Self::Item>, Vec<Self>) {
        SubTrieMut::open(self)
    }

    fn items(self) -> impl Iterator<Item = Self::Item> {
        self.iter()
    }
}

impl<K, V> Tree for OwnedSubTrie<K, V>
where
    K: Clone + Send + Sync,
    V: Clone + Send + Sync,
{
    type Item = (K, V);

    fn open(self) -> (Vec<Self::Item>, Vec<Self>) {
        let (entries, children) = OwnedSubTrie::open(self);
        let entries = entries.into_iter().map(|e| (e.key, e.value)).collect();
        (entries, children)
    }

    fn items(self) -> impl Iterator<Item = Self::Item> {
        self.into_iter().map(|entry| (entry.key, entry.value))
    }
}

/// Builds a trie of `entries` hashed with `hasher`, with the serial bulk build's result (for
/// equal keys the first key and the last value are kept, as repeated inserts would): the input
/// is read and hashed in parallel into a `Vec` (in input order) with each entry's place in trie
/// order computed once, sorted in parallel by it (stably, so equal keys keep their input order),
/// then built in one serial pass, whose own sort finds the input already sorted.
pub(super) fn par_build_trie<K, V, S, I>(entries: I, hasher: &S) -> HashTrie<K, V>
where
    K: Hash + Eq + Send,
    V: Send,
    S: BuildHasher + Sync,
    I: IntoParallelIterator<Item = (K, V)>,
{
    let mut keyed: Vec<(u32, Loose<K, V>)> = entries
        .into_par_iter()
        .map(|(key, value)| {
            let hash = fold_hash(hasher.hash_one(&key));
            (trie_order(hash), Loose { hash, key, value })
        })
        .collect();
    keyed.par_sort_by_key(|&(order, _)| order);
    let sorted: Vec<Loose<K, V>> = keyed.into_par_iter().map(|(_, entry)| entry).collect();
    HashTrie::from_entries(
        sorted,
        |a, b| a == b,
        |kept, later| kept.value = later.value,
    )
}

#[cfg(test)]
mod tests {
    use core::hash::{BuildHasher, Hasher};

    use super::super::tree::TreeProducer;
    use super::super::tree::tests::split_fully;
    use crate::FrozenMap;

    /// Hashes a `u32` to itself masked by `.0`, so that a small mask makes long single-child
    /// chains and collision nodes.
    #[derive(Clone, Copy, Default)]
    struct Masked(u64);

    struct MaskedHasher(u64, u64);

    impl Hasher for MaskedHasher {
        fn finish(&self) -> u64 {
            self.0 & self.1
        }
        fn write(&mut self, bytes: &[u8]) {
            for &b in bytes {
                self.0 = self.0.rotate_left(8) ^ u64::from(b);
            }
        }
    }

    impl BuildHasher for Masked {
        type Hasher = MaskedHasher;
        fn build_hasher(&self) -> MaskedHasher {
            MaskedHasher(0, self.0)
        }
    }

    fn maps() -> Vec<FrozenMap<u32, u32, Masked>> {
        let sizes: &[u32] = if cfg!(miri) {
            &[0, 1, 40]
        } else {
            &[0, 1, 2, 33, 1000, 5000]
        };
        let masks = [u64::MAX, 0xF0F0_F0F0, 0x8000_0001, 0];
        let mut out = Vec::new();
        for &n in sizes {
            for &mask in &masks {
                let mut m = FrozenMap::with_hasher(Masked(mask));
                for k in 0..n {
                    m.insert(k.wrapping_mul(2_654_435_761), k);
                }
                out.push(m);
            }
        }
        out
    }

    #[test]
    fn every_split_of_a_trie_keeps_the_serial_order() {
        for mut map in maps() {
            let serial: Vec<(u32, u32)> = map.iter().map(|(&k, &v)| (k, v)).collect();

            let (shared, pieces) = split_fully(TreeProducer::new(map.trie().sub_trie()));
            let shared: Vec<(u32, u32)> = shared.into_iter().map(|(&k, &v)| (k, v)).collect();
            assert_eq!(shared, serial);
            assert!(pieces >= 1);

            let snapshot = map.clone();
            let (written, _) = split_fully(TreeProducer::new(map.trie_mut().sub_trie_mut()));
            assert_eq!(written.len(), serial.len());
            for (_, v) in written {
                *v += 1;
            }
            let after: Vec<(u32, u32)> = map.iter().map(|(&k, &v)| (k, v)).collect();
            let bumped: Vec<(u32, u32)> = serial.iter().map(|&(k, v)| (k, v + 1)).collect();
            assert_eq!(after, bumped);
            assert!(
                snapshot
                    .iter()
                    .map(|(&k, &v)| (k, v))
                    .eq(serial.iter().copied())
            );

            // Owned: first while a clone shares every node (entries cloned out), then from that
            // clone, alone by then (entries moved out).
            let clone = snapshot.clone();
            let (owned, _) =
                split_fully(TreeProducer::new(snapshot.into_parts().0.into_sub_trie()));
            assert_eq!(owned, serial);
            assert!(
                clone
                    .iter()
                    .map(|(&k, &v)| (k, v))
                    .eq(serial.iter().copied())
            );
            let (owned, _) = split_fully(TreeProducer::new(clone.into_parts().0.into_sub_trie()));
            assert_eq!(owned, serial);
        }
    }
}
