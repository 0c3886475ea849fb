//! The `rayon` integration against the serial API: every parallel iterator and collection, on
//! random inputs, must give what the serial `iter`, `into_iter`, `collect` and `extend` give.
//! Inputs are built in ways that give the vector irregular leaves (pushes at the front, appends)
//! and the iterators are forced to split into tiny pieces (`with_max_len`), so every boundary of
//! a piece falls inside a leaf somewhere.
//!
//! Then: a threaded stress of parallel iteration over snapshots while a writer publishes new
//! versions of the live value.
#![cfg(feature = "rayon")]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use deepfreeze::{FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice, FrozenVec};
use proptest::prelude::*;
use rayon::prelude::*;

#[path = "common/hashers.rs"]
mod hashers;
use hashers::Masked;

/// Hash containers' parallel iterators are unindexed: rayon splits them about as often as it
/// has threads. A pool with many more threads than cores makes it split the trie many levels
/// down, so piece boundaries fall at many children and inside chains of single children.
fn wide_pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(if cfg!(miri) { 3 } else { 16 })
            .build()
            .unwrap()
    })
}

/// Keys for the hash containers: few distinct ones, so inputs repeat keys.
fn hash_entries() -> impl Strategy<Value = Vec<(u16, u32)>> {
    proptest::collection::vec((0u16..400, any::<u32>()), len())
}

/// Checks every parallel API of `FrozenMap<u16, u32, S>` against the serial ones and std's
/// `HashMap` on `entries` then `more`.
fn check_map_parallel_apis<S>(
    entries: &[(u16, u32)],
    more: &[(u16, u32)],
) -> Result<(), TestCaseError>
where
    S: std::hash::BuildHasher + Default + Clone + Send + Sync,
{
    wide_pool().install(|| {
        let serial: FrozenMap<u16, u32, S> = entries.iter().copied().collect();
        let parallel: FrozenMap<u16, u32, S> = entries.par_iter().copied().collect();
        let std: HashMap<u16, u32> = entries.iter().copied().collect();
        prop_assert_eq!(&parallel, &serial);
        prop_assert!(parallel.iter().eq(serial.iter()), "same shape, same order");
        prop_assert_eq!(parallel.len(), std.len());
        prop_assert!(std.iter().all(|(k, v)| parallel.get(k) == Some(v)));

        // Borrowing: the serial order, and the short-circuiting adaptors.
        let refs: Vec<(&u16, &u32)> = serial.par_iter().collect();
        prop_assert!(refs.iter().copied().eq(serial.iter()));
        let sum: u64 = serial.par_iter().map(|(_, &v)| u64::from(v)).sum();
        prop_assert_eq!(sum, std.values().map(|&v| u64::from(v)).sum::<u64>());
        let first = serial.par_iter().find_first(|(k, _)| **k % 7 == 3);
        prop_assert_eq!(first, serial.iter().find(|(k, _)| **k % 7 == 3));

        // Writing, with a snapshot sharing every node: the snapshot is unchanged.
        let snapshot = serial.clone();
        let mut written = serial.clone();
        written
            .par_iter_mut()
            .for_each(|(k, v)| *v = v.wrapping_add(u32::from(*k)));
        let mut expected = serial.clone();
        for (k, v) in expected.iter_mut() {
            *v = v.wrapping_add(u32::from(*k));
        }
        prop_assert_eq!(&written, &expected);
        prop_assert!(snapshot.iter().eq(serial.iter()));
        written
            .par_values_mut()
            .for_each(|v| *v = v.wrapping_mul(3));
        for v in expected.values_mut() {
            *v = v.wrapping_mul(3);
        }
        prop_assert_eq!(&written, &expected);
        prop_assert_eq!(&snapshot, &serial);

        // Owned, from a map that shares its nodes (cloned out) and from one alone (moved out).
        let owned: Vec<(u16, u32)> = snapshot.clone().into_par_iter().collect();
        prop_assert!(owned.iter().map(|(k, v)| (k, v)).eq(serial.iter()));
        let owned: Vec<(u16, u32)> = snapshot.into_par_iter().collect();
        prop_assert!(owned.iter().map(|(k, v)| (k, v)).eq(serial.iter()));

        // Extending: into an empty map (parallel build) and a non-empty one.
        let mut from_empty: FrozenMap<u16, u32, S> = FrozenMap::default();
        from_empty.par_extend(entries.par_iter().copied());
        prop_assert_eq!(&from_empty, &serial);
        let mut extended = serial.clone();
        extended.par_extend(more.par_iter().copied());
        let mut by_ref = serial.clone();
        by_ref.par_extend(more.par_iter().map(|(k, v)| (k, v)));
        let mut expected = std.clone();
        expected.extend(more.iter().copied());
        prop_assert_eq!(extended.len(), expected.len());
        prop_assert!(expected.iter().all(|(k, v)| extended.get(k) == Some(v)));
        prop_assert_eq!(extended, by_ref);
        Ok(())
    })
}

/// Checks every parallel API of `FrozenSet<u16, S>` against the serial ones and std's
/// `HashSet`.
fn check_set_parallel_apis<S>(elements: &[u16], more: &[u16]) -> Result<(), TestCaseError>
where
    S: std::hash::BuildHasher + Default + Clone + Send + Sync,
{
    wide_pool().install(|| {
        let serial: FrozenSet<u16, S> = elements.iter().copied().collect();
        let parallel: FrozenSet<u16, S> = elements.par_iter().copied().collect();
        let std: HashSet<u16> = elements.iter().copied().collect();
        prop_assert_eq!(&parallel, &serial);
        prop_assert_eq!(parallel.len(), std.len());

        let refs: Vec<&u16> = serial.par_iter().collect();
        prop_assert!(refs.iter().copied().eq(serial.iter()));
        prop_assert_eq!(serial.par_iter().copied().max(), std.iter().copied().max());
        let kept = serial.clone();
        let owned: Vec<u16> = serial.clone().into_par_iter().collect();
        prop_assert!(owned.iter().eq(kept.iter()));

        let mut extended = serial.clone();
        extended.par_extend(more.par_iter().copied());
        let mut by_ref = serial.clone();
        by_ref.par_extend(more);
        let mut from_empty: FrozenSet<u16, S> = FrozenSet::default();
        from_empty.par_extend(elements.par_iter().copied());
        prop_assert_eq!(&from_empty, &serial);
        let mut expected = std.clone();
        expected.extend(more.iter().copied());
        prop_assert_eq!(extended.len(), expected.len());
        prop_assert!(expected.iter().all(|x| extended.contains(x)));
        prop_assert_eq!(extended, by_ref);
        prop_assert_eq!(kept, serial);
        Ok(())
    })
}

/// A vector of `back.len() + front.len()` elements: `back` pushed at the back, `front` pushed at
/// the front, then `tail` appended, so its leaves are not all full or aligned at multiples of 64.
fn irregular_vec(front: &[u32], back: &[u32], tail: &[u32]) -> (FrozenVec<u32>, Vec<u32>) {
    let mut v: FrozenVec<u32> = back.iter().copied().collect();
    for &x in front {
        v.push_front(x);
    }
    let mut t: FrozenVec<u32> = tail.iter().copied().collect();
    v.append(&mut t);
    let model: Vec<u32> = front
        .iter()
        .rev()
        .chain(back)
        .chain(tail)
        .copied()
        .collect();
    (v, model)
}

/// Element counts that reach several leaves and tree levels, kept small under Miri.
fn len() -> std::ops::Range<usize> {
    if cfg!(miri) { 0..80 } else { 0..700 }
}

fn irregular() -> impl Strategy<Value = (FrozenVec<u32>, Vec<u32>)> {
    (
        proptest::collection::vec(any::<u32>(), len()),
        proptest::collection::vec(any::<u32>(), len()),
        proptest::collection::vec(any::<u32>(), len()),
    )
        .prop_map(|(f, b, t)| irregular_vec(&f, &b, &t))
}

/// The largest piece rayon may hand to one worker: 1 forces a split at every index.
fn max_piece() -> impl Strategy<Value = usize> {
    prop_oneof![Just(1usize), 1usize..100, Just(usize::MAX)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: if cfg!(miri) { 4 } else { 64 }, ..ProptestConfig::default() })]

    #[test]
    fn vec_par_iter_matches_iter((v, model) in irregular(), piece in max_piece()) {
        let serial: Vec<&u32> = v.iter().collect();
        prop_assert_eq!(serial.len(), model.len());
        let parallel: Vec<&u32> = v.par_iter().with_max_len(piece).collect();
        prop_assert_eq!(&parallel, &serial);
        prop_assert_eq!(v.par_iter().len(), model.len());
        let sum: u64 = v.par_iter().with_max_len(piece).map(|&x| u64::from(x)).sum();
        prop_assert_eq!(sum, model.iter().map(|&x| u64::from(x)).sum::<u64>());
        // Reversed and zipped pieces read from both ends of their leaves.
        let reversed: Vec<&u32> = v.par_iter().with_max_len(piece).rev().collect();
        prop_assert!(reversed.iter().eq(serial.iter().rev()));
        let pairs: Vec<(usize, &u32, &u32)> = v
            .par_iter()
            .enumerate()
            .zip(v.par_iter().rev())
            .with_max_len(piece)
            .map(|((i, a), b)| (i, a, b))
            .collect();
        let expected: Vec<(usize, &u32, &u32)> = serial
            .iter()
            .enumerate()
            .zip(serial.iter().rev())
            .map(|((i, a), b)| (i, *a, *b))
            .collect();
        prop_assert_eq!(pairs, expected);
        let skipped: Vec<&u32> = v.par_iter().skip(model.len() / 3).take(model.len() / 2).collect();
        prop_assert!(skipped.iter().eq(serial.iter().skip(model.len() / 3).take(model.len() / 2)));
    }

    #[test]
    fn vec_into_par_iter_matches_into_iter((v, model) in irregular(), piece in max_piece()) {
        let kept = v.clone(); // shared nodes are cloned out, not taken from `kept`
        let parallel: Vec<u32> = v.into_par_iter().with_max_len(piece).collect();
        prop_assert_eq!(&parallel, &model);
        let reversed: Vec<u32> = kept.clone().into_par_iter().with_max_len(piece).rev().collect();
        prop_assert!(reversed.iter().eq(model.iter().rev()));
        prop_assert_eq!(kept, model);
    }

    #[test]
    fn vec_collect_and_extend_match_serial(
        (v, model) in irregular(),
        more in proptest::collection::vec(any::<u32>(), len()),
        piece in max_piece(),
    ) {
        let evens: FrozenVec<u32> = v.par_iter().with_max_len(piece).copied().filter(|x| x % 2 == 0).collect();
        let serial: FrozenVec<u32> = v.iter().copied().filter(|x| x % 2 == 0).collect();
        prop_assert_eq!(&evens, &serial);
        let mut extended = v.clone();
        extended.par_extend(more.par_iter().with_max_len(piece).copied());
        let mut by_ref = v.clone();
        by_ref.par_extend(&more);
        let mut expected = model.clone();
        expected.extend(&more);
        prop_assert_eq!(&extended, &expected);
        prop_assert_eq!(&by_ref, &expected);
        prop_assert_eq!(v, model);
    }

    #[test]
    fn slice_parallel_apis_match_serial(model in proptest::collection::vec(any::<u32>(), len()), piece in max_piece()) {
        let s = FrozenSlice::from(model.clone());
        let refs: Vec<&u32> = s.par_iter().with_max_len(piece).collect();
        prop_assert!(refs.iter().copied().eq(s.iter()));
        let owned: Vec<u32> = s.clone().into_par_iter().with_max_len(piece).collect();
        prop_assert_eq!(&owned, &model);
        let reversed: Vec<u32> = s.clone().into_par_iter().with_max_len(piece).rev().collect();
        prop_assert!(reversed.iter().eq(model.iter().rev()));
        let collected: FrozenSlice<u32> = model.par_iter().with_max_len(piece).map(|x| x / 2).collect();
        let serial: FrozenSlice<u32> = model.iter().map(|x| x / 2).collect();
        prop_assert_eq!(collected, serial);
    }

    #[test]
    fn ord_map_parallel_apis_match_serial(
        entries in proptest::collection::vec((0u16..300, any::<u32>()), len()),
        more in proptest::collection::vec((0u16..300, any::<u32>()), 0..50),
        piece in max_piece(),
    ) {
        let serial: FrozenOrdMap<u16, u32> = entries.iter().copied().collect();
        let parallel: FrozenOrdMap<u16, u32> = entries.par_iter().with_max_len(piece).copied().collect();
        // Later entries win, as in `BTreeMap::from_iter`.
        let std: BTreeMap<u16, u32> = entries.iter().copied().collect();
        prop_assert!(parallel.iter().eq(std.iter()));
        prop_assert_eq!(&parallel, &serial);

        let refs: Vec<(&u16, &u32)> = serial.par_iter().with_max_len(piece).collect();
        prop_assert!(refs.iter().copied().eq(serial.iter()));
        prop_assert_eq!(serial.par_iter().len(), serial.len());
        let indexed: Vec<(usize, &u16)> = serial.par_iter().enumerate().rev().map(|(i, (k, _))| (i, k)).collect();
        prop_assert!(indexed.iter().copied().eq(serial.keys().enumerate().rev()));
        let owned: Vec<(u16, u32)> = serial.clone().into_par_iter().with_max_len(piece).collect();
        prop_assert!(owned.iter().eq(std.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>().iter()));

        let mut extended = serial.clone();
        extended.par_extend(more.par_iter().with_max_len(piece).copied());
        let mut by_ref = serial.clone();
        by_ref.par_extend(more.par_iter().map(|(k, v)| (k, v)));
        let mut expected = std.clone();
        expected.extend(more.iter().copied());
        prop_assert!(extended.iter().eq(expected.iter()));
        prop_assert_eq!(extended, by_ref);
    }

    #[test]
    fn ord_set_parallel_apis_match_serial(
        elements in proptest::collection::vec(0u16..500, len()),
        more in proptest::collection::vec(0u16..500, 0..50),
        piece in max_piece(),
    ) {
        let serial: FrozenOrdSet<u16> = elements.iter().copied().collect();
        let parallel: FrozenOrdSet<u16> = elements.par_iter().with_max_len(piece).copied().collect();
        let std: BTreeSet<u16> = elements.iter().copied().collect();
        prop_assert!(parallel.iter().eq(std.iter()));
        prop_assert_eq!(&parallel, &serial);

        let refs: Vec<&u16> = serial.par_iter().with_max_len(piece).collect();
        prop_assert!(refs.iter().copied().eq(serial.iter()));
        let found = serial.par_iter().position_first(|&x| x >= 250);
        prop_assert_eq!(found, serial.iter().position(|&x| x >= 250));
        let owned: Vec<u16> = serial.clone().into_par_iter().with_max_len(piece).rev().collect();
        prop_assert!(owned.iter().eq(std.iter().rev()));

        let mut extended = serial.clone();
        extended.par_extend(more.par_iter().with_max_len(piece).copied());
        let mut by_ref = serial.clone();
        by_ref.par_extend(&more);
        let mut expected = std.clone();
        expected.extend(more.iter().copied());
        prop_assert!(extended.iter().eq(expected.iter()));
        prop_assert_eq!(extended, by_ref);
    }
}

/// `FrozenMap`'s and `FrozenSet`'s parallel iterators, collections and extensions against the
/// serial ones, with the default hasher and hashers that make deep single-child chains
/// (`Masked<0xE000_0000>`: only fragment 6 differs) and full collisions (`Masked<0>`).
mod hash_containers {
    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: if cfg!(miri) { 2 } else { 48 }, ..ProptestConfig::default() })]

        #[test]
        fn map_parallel_apis_match_serial(entries in hash_entries(), more in hash_entries()) {
            check_map_parallel_apis::<deepfreeze::map::DefaultHashBuilder>(&entries, &more)?;
        }

        #[test]
        fn map_parallel_apis_match_serial_with_deep_chains(entries in hash_entries(), more in hash_entries()) {
            check_map_parallel_apis::<Masked<0xE000_0000>>(&entries, &more)?;
        }

        #[test]
        fn map_parallel_apis_match_serial_with_collisions(
            entries in proptest::collection::vec((0u16..60, any::<u32>()), 0..60),
            more in proptest::collection::vec((0u16..60, any::<u32>()), 0..60),
        ) {
            check_map_parallel_apis::<Masked<0>>(&entries, &more)?;
        }

        #[test]
        fn set_parallel_apis_match_serial(
            elements in proptest::collection::vec(0u16..500, len()),
            more in proptest::collection::vec(0u16..500, len()),
        ) {
            check_set_parallel_apis::<deepfreeze::map::DefaultHashBuilder>(&elements, &more)?;
            check_set_parallel_apis::<Masked<0xE000_0000>>(&elements, &more)?;
        }
    }

    /// Of equal keys the parallel `collect` keeps the first key and the last value, and of
    /// equal elements the first, as the serial `collect` and std's do; told apart by a key
    /// type whose equality ignores a tag.
    #[test]
    fn collect_keeps_the_first_key_and_the_last_value() {
        #[derive(Clone, Debug)]
        struct Tagged(u32, usize);
        impl PartialEq for Tagged {
            fn eq(&self, other: &Self) -> bool {
                self.0 == other.0
            }
        }
        impl Eq for Tagged {}
        impl std::hash::Hash for Tagged {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.0.hash(state);
            }
        }
        let n = if cfg!(miri) { 60 } else { 20_000 };
        let input: Vec<(Tagged, usize)> = (0..n).map(|i| (Tagged((i % 97) as u32, i), i)).collect();
        wide_pool().install(|| {
            let parallel: FrozenMap<Tagged, usize> = input.par_iter().cloned().collect();
            let serial: FrozenMap<Tagged, usize> = input.iter().cloned().collect();
            assert_eq!(parallel.len(), 97.min(n));
            for (k, v) in serial.iter() {
                let (pk, pv) = parallel.get_key_value(k).unwrap();
                assert_eq!((pk.1, *pv), (k.1, *v));
                assert_eq!(k.1, k.0 as usize, "the first key");
                assert_eq!(*v, (n - 1 - k.1) / 97 * 97 + k.1, "the last value");
            }
            let set: FrozenSet<Tagged> = input.par_iter().map(|(k, _)| k.clone()).collect();
            assert!(set.iter().all(|k| k.1 == k.0 as usize));
        });
    }

    /// The parallel `iter_mut` copies only what is shared: after writing to a map that shares
    /// every node with a snapshot, the snapshot reads as before; writing again, to a map that
    /// now owns every node, changes no other map either.
    #[test]
    fn par_iter_mut_copies_shared_nodes_only() {
        let n = if cfg!(miri) { 200 } else { 50_000 };
        let mut live: FrozenMap<u64, u64> = (0..n).map(|k| (k, k)).collect();
        let v1 = live.clone();
        live.par_iter_mut().for_each(|(_, v)| *v += 1);
        let v2 = live.clone();
        live.par_values_mut().for_each(|v| *v *= 2);
        assert!(v1.iter().all(|(k, v)| k == v));
        assert!(v2.iter().all(|(k, v)| *v == k + 1));
        assert!(live.iter().all(|(k, v)| *v == 2 * (k + 1)));
        assert_eq!(live.par_iter().map(|(_, v)| v).sum::<u64>(), n * (n + 1));
    }

    /// Short-circuiting adaptors stop a trie walk early and still find the serial answer.
    #[test]
    fn map_short_circuits() {
        let n = if cfg!(miri) { 300 } else { 100_000 };
        let m: FrozenMap<u32, u32> = (0..n).map(|k| (k, k)).collect();
        let serial_first = m.iter().find(|(k, _)| **k % 1000 == 999);
        assert_eq!(
            m.par_iter().find_first(|(k, _)| **k % 1000 == 999),
            serial_first
        );
        assert!(m.par_iter().any(|(k, _)| *k == n - 1));
        assert!(!m.par_iter().all(|(k, _)| *k < n - 1));
        let mut m = m;
        let touched = m.par_iter_mut().take_any_while(|(k, _)| **k != 5).count();
        assert!(touched < n as usize);
    }
}

/// Parallel iteration stops early (`find_any`, `any`) without reading the rest; the leaf reader
/// must stop at once too, and still yield the right element.
#[test]
fn vec_short_circuits() {
    let n = if cfg!(miri) { 300 } else { 100_000 };
    let v: FrozenVec<u32> = (0..n).collect();
    assert_eq!(
        v.par_iter().position_first(|&x| x == n / 2),
        Some(n as usize / 2)
    );
    assert!(v.par_iter().any(|&x| x == n - 1));
    assert!(!v.par_iter().all(|&x| x < n - 1));
    assert_eq!(
        v.par_iter().find_last(|&&x| x % 7 == 0),
        Some(&((n - 1) / 7 * 7))
    );
}

/// Owned parallel iteration moves elements out of nodes it owns alone and clones the ones another
/// clone still shares: the other clone keeps its elements.
#[test]
fn owned_parallel_iteration_leaves_clones_intact() {
    let n = if cfg!(miri) { 200 } else { 10_000 };
    let v: FrozenVec<String> = (0..n).map(|i| i.to_string()).collect();
    let kept = v.clone();
    let lengths: usize = v.into_par_iter().map(|s| s.len()).sum();
    assert_eq!(lengths, kept.iter().map(String::len).sum::<usize>());
    assert_eq!(kept[n - 1], (n - 1).to_string());

    let m: FrozenOrdMap<usize, String> = (0..n).map(|i| (i, i.to_string())).collect();
    let kept = m.clone();
    let joined: Vec<String> = m.into_par_iter().map(|(_, s)| s).collect();
    assert_eq!(joined.len(), n);
    assert!(kept.values().eq(joined.iter()));
}

/// Readers run parallel iterations over snapshots while a writer publishes new versions: every
/// snapshot a reader loads is complete and unchanged for as long as it is held, whatever the
/// writer does meanwhile.
#[cfg(feature = "arc-swap")]
#[test]
fn parallel_iteration_over_snapshots_while_a_writer_publishes() {
    use deepfreeze::FrozenArc;
    use deepfreeze::arc_swap::ArcSwapFrozen;

    /// Version `i` holds the numbers `0..base + i` in both containers.
    #[derive(deepfreeze::Frozen)]
    struct Snapshot {
        vec: FrozenVec<u64>,
        map: FrozenOrdMap<u64, u64>,
        hash: FrozenMap<u64, u64>,
        set: FrozenSet<u64>,
    }

    let (base, versions, reads) = if cfg!(miri) {
        (70, 4, 3)
    } else {
        (5_000, 300, 200)
    };
    let first = Snapshot {
        vec: (0..base).collect(),
        map: (0..base).map(|k| (k, k * 2)).collect(),
        hash: (0..base).map(|k| (k, k * 2)).collect(),
        set: (0..base).collect(),
    };
    let live = ArcSwapFrozen::new(FrozenArc::new(first));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap();

    std::thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..versions {
                let current = live.load_full();
                let n = current.vec.len() as u64;
                let next = Snapshot {
                    vec: current.vec.with_pushed_back(n),
                    map: current.map.with_inserted(n, n * 2),
                    hash: current.hash.with_inserted(n, n * 2),
                    set: current.set.with_inserted(n),
                };
                live.store(FrozenArc::new(next));
            }
        });
        for _ in 0..2 {
            s.spawn(|| {
                for _ in 0..reads {
                    let snapshot = live.load_full();
                    let n = snapshot.vec.len() as u64;
                    pool.install(|| {
                        let sum: u64 = snapshot.vec.par_iter().with_max_len(512).sum();
                        assert_eq!(sum, n * (n - 1) / 2);
                        assert_eq!(snapshot.map.len() as u64, n);
                        let doubled: u64 = snapshot.map.par_iter().map(|(_, v)| v).sum();
                        assert_eq!(doubled, n * (n - 1));
                        let collected: FrozenVec<u64> =
                            snapshot.vec.par_iter().map(|x| x + 1).collect();
                        assert_eq!(collected.len() as u64, n);
                        assert_eq!(collected.last(), Some(&n));
                        let doubled: u64 = snapshot.hash.par_iter().map(|(_, v)| v).sum();
                        assert_eq!(doubled, n * (n - 1));
                        assert_eq!(snapshot.set.par_iter().sum::<u64>(), n * (n - 1) / 2);
                        // A private copy written in parallel leaves the published one intact.
                        let mut mine = snapshot.hash.clone();
                        mine.par_values_mut().for_each(|v| *v = 0);
                        assert_eq!(mine.par_iter().filter(|(_, v)| **v == 0).count() as u64, n);
                        let rebuilt: FrozenSet<u64> =
                            snapshot.hash.par_iter().map(|(k, _)| *k).collect();
                        assert_eq!(rebuilt, snapshot.set);
                    });
                }
            });
        }
    });
    let last = live.load_full();
    assert_eq!(last.vec.len() as u64, base + versions);
    assert_eq!(last.hash.par_iter().map(|(_, v)| v).sum::<u64>(), {
        let n = base + versions;
        n * (n - 1)
    });
}

/// Ordered containers above 1,024 entries are gathered from both ends at once by two workers;
/// their blocks must meet exactly, whatever the length (just above a block, at a multiple of
/// it, with a partial last block) and the number of threads.
#[test]
fn ordered_containers_gathered_from_both_ends_stay_in_order() {
    let sizes: &[u64] = if cfg!(miri) {
        &[1_537]
    } else {
        &[1_025, 2_048, 3_000, 50_001]
    };
    let thread_counts: &[usize] = if cfg!(miri) { &[2] } else { &[1, 2, 3] };
    for &threads in thread_counts {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        for &n in sizes {
            let map: FrozenOrdMap<u64, u64> = (0..n).map(|k| (k * 3, k)).collect();
            let set: FrozenOrdSet<u64> = (0..n).map(|k| k * 7).collect();
            pool.install(|| {
                let entries: Vec<(&u64, &u64)> = map.par_iter().collect();
                assert!(
                    entries.iter().copied().eq(map.iter()),
                    "map, n = {n}, {threads} threads"
                );
                let elements: Vec<&u64> = set.par_iter().collect();
                assert!(
                    elements.iter().copied().eq(set.iter()),
                    "set, n = {n}, {threads} threads"
                );
                assert_eq!(map.par_iter().map(|(_, v)| v).sum::<u64>(), n * (n - 1) / 2);
            });
        }
    }
}
