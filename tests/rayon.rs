//! The `rayon` integration against the serial API: every parallel iterator and collection, on
//! random inputs, must give what the serial `iter`, `into_iter`, `collect` and `extend` give.
//! Inputs are built in ways that give the vector irregular leaves (pushes at the front, appends)
//! and the iterators are forced to split into tiny pieces (`with_max_len`), so every boundary of
//! a piece falls inside a leaf somewhere.
//!
//! Then: a threaded stress of parallel iteration over snapshots while a writer publishes new
//! versions of the live value.
#![cfg(feature = "rayon")]

use std::collections::{BTreeMap, BTreeSet};

use deepfreeze::{FrozenOrdMap, FrozenOrdSet, FrozenSlice, FrozenVec};
use proptest::prelude::*;
use rayon::prelude::*;

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
    }

    let (base, versions, reads) = if cfg!(miri) {
        (70, 4, 3)
    } else {
        (5_000, 300, 200)
    };
    let first = Snapshot {
        vec: (0..base).collect(),
        map: (0..base).map(|k| (k, k * 2)).collect(),
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
                    });
                }
            });
        }
    });
    assert_eq!(live.load().vec.len() as u64, base + versions);
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
