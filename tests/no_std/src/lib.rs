//! A `#![no_std]` user of deepfreeze without its `std` feature.
//!
//! `.ci/run` builds this crate for `x86_64-unknown-none`, a target without `std`, which proves
//! that deepfreeze's `no_std` + `alloc` surface links there; then it runs the tests below on the
//! host, built alone so that nothing enables deepfreeze's `std`. Each function is one thing a
//! `no_std` program does: the hash containers with a caller-supplied hasher, the shared handles,
//! the derive.

#![no_std]

extern crate alloc;

use alloc::vec::Vec;
use core::hash::{BuildHasherDefault, Hasher};

use deepfreeze::{Frozen, FrozenArc, FrozenBytes, FrozenMap, FrozenSet, FrozenSlice, FrozenStr};

/// 64-bit FNV-1a: a hasher that needs no random keys, as a `no_std` program might bring.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The hasher builder of every container here.
pub type FnvBuild = BuildHasherDefault<Fnv>;

/// A map with a caller-supplied hasher: the default one needs `std`.
pub type Map<K, V> = FrozenMap<K, V, FnvBuild>;

/// A set with a caller-supplied hasher.
pub type Set<T> = FrozenSet<T, FnvBuild>;

/// A frozen record, derived without `std`.
#[derive(Frozen, Debug, PartialEq)]
pub struct Record {
    /// Its name.
    pub name: FrozenStr,
    /// Its payload.
    pub payload: FrozenBytes,
    /// Its readings, shared.
    pub readings: FrozenArc<FrozenSlice<u32>>,
}

/// Counts words with a map built by `FromIterator` and updated by persistent inserts.
pub fn word_counts(text: &str) -> Map<FrozenStr, u32> {
    let mut counts = Map::with_hasher(FnvBuild::default());
    for word in text.split_whitespace() {
        let n = counts.get(word).copied().unwrap_or(0);
        counts = counts.with_inserted(FrozenStr::from(word), n + 1);
    }
    counts
}

/// The distinct values, as a set collected from an iterator.
pub fn distinct(values: &[u32]) -> Set<u32> {
    values.iter().copied().collect()
}

/// Builds a record whose readings are shared by `FrozenArc`.
pub fn record(name: &str, payload: &[u8], readings: Vec<u32>) -> Record {
    Record {
        name: FrozenStr::from(name),
        payload: FrozenBytes::from(payload),
        readings: FrozenArc::new(FrozenSlice::from(readings)),
    }
}

/// Drops a chain of `FrozenArc`s as long as `len`: without `std` this recurses once per link.
pub fn chain(len: usize) -> Option<FrozenArc<Link>> {
    let mut head = None;
    for value in 0..len {
        head = Some(FrozenArc::new(Link { value, next: head }));
    }
    head
}

/// One link of [`chain`].
#[derive(Frozen)]
pub struct Link {
    /// Its position from the tail.
    pub value: usize,
    /// The rest of the chain.
    pub next: Option<FrozenArc<Link>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_counts_with_the_callers_hasher() {
        let counts = word_counts("a b a c a b");
        assert_eq!(counts.len(), 3);
        assert_eq!(counts.get("a"), Some(&3));
        assert_eq!(counts.get("b"), Some(&2));
        assert_eq!(counts.get("c"), Some(&1));
        assert_eq!(counts.get("d"), None);
        let again: Map<FrozenStr, u32> = counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
        assert_eq!(again, counts);
    }

    #[test]
    fn the_set_collects_distinct_values() {
        let set = distinct(&[3, 1, 3, 2, 1]);
        assert_eq!(set.len(), 3);
        assert!(set.contains(&2) && !set.contains(&4));
        let mut sorted: Vec<u32> = set.iter().copied().collect();
        sorted.sort_unstable();
        assert_eq!(sorted, [1, 2, 3]);
        assert_eq!(set.without(&1).len(), 2);
    }

    #[test]
    fn records_share_their_readings() {
        let a = record("probe", b"\x01\x02", alloc::vec![7, 8, 9]);
        let b = Record {
            name: a.name.clone(),
            payload: a.payload.clone(),
            readings: a.readings.clone(),
        };
        assert!(FrozenArc::ptr_eq(&a.readings, &b.readings));
        assert_eq!(a, b);
        assert_eq!(&*a.name, "probe");
        assert_eq!(&a.payload[..], [1, 2]);
        assert_eq!(a.readings[..], [7, 8, 9]);
    }

    #[test]
    fn a_short_chain_drops_whole() {
        let head = chain(1000).expect("non-empty");
        assert_eq!(head.value, 999);
        let mut len = 0;
        let mut link = Some(&head);
        while let Some(l) = link {
            len += 1;
            link = l.next.as_ref();
        }
        assert_eq!(len, 1000);
        drop(head);
    }
}
