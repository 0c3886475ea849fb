//! The node-by-node paths between two versions of a hash set or map really share: combining
//! a large set with a version of itself one element apart allocates about one path of nodes,
//! not a copy of the set, and the predicates and `diff` allocate (almost) nothing.

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{Counting, measure};
use deepfreeze::{FrozenMap, FrozenSet};

#[global_allocator]
static ALLOC: Counting = Counting;

/// Elements per set; the bound below is far under what a copy of the set would take.
const N: u32 = if cfg!(miri) { 300 } else { 100_000 };

/// A generous bound on what one root-to-leaf path of nodes takes (32 slots of a few words each,
/// at most a handful of levels, plus the walk's scratch space), whatever `N` and whatever the
/// process's hash seed (which decides how deep the edited path is); the set of `N` = 100,000
/// elements itself takes over 100 times this (asserted below).
const PATH_BYTES: usize = 16 * 1024;

#[test]
fn set_operators_between_versions_allocate_one_path() {
    let (set, built) = measure(|| (0..u64::from(N)).collect::<FrozenSet<u64>>());
    if !cfg!(miri) {
        assert!(
            built.retained.unsigned_abs() > 100 * PATH_BYTES,
            "{built:?}"
        );
    }
    let (total, _) = measure(|| set.iter().count());
    assert_eq!(total, N as usize);
    let plus = set.with_inserted(u64::from(N) + 7);
    let minus = set.without(&3);

    // For scale: one persistent insert copies one path.
    let (_, one_insert) = measure(|| set.with_inserted(u64::from(N) + 8));
    assert!(one_insert.requested <= PATH_BYTES, "{one_insert:?}");

    let (union, usage) = measure(|| &set | &plus);
    assert!(usage.requested <= PATH_BYTES, "union: {usage:?}");
    assert_eq!(union.len(), set.len() + 1);

    let (inter, usage) = measure(|| &plus & &set);
    assert!(usage.requested <= PATH_BYTES, "intersection: {usage:?}");
    assert_eq!(inter, set);

    let (difference, usage) = measure(|| &set - &minus);
    assert!(usage.requested <= PATH_BYTES, "difference: {usage:?}");
    assert_eq!(difference, FrozenSet::from([3]));

    let (xor, usage) = measure(|| &plus ^ &minus);
    assert!(
        usage.requested <= PATH_BYTES,
        "symmetric difference: {usage:?}"
    );
    assert_eq!(xor, FrozenSet::from([3, u64::from(N) + 7]));

    // Reusing a whole operand keeps nothing new (the walk's scratch space is freed).
    let (same, usage) = measure(|| &set | &minus);
    assert_eq!(usage.retained, 0, "union with a subset: {usage:?}");
    assert!(
        usage.requested <= PATH_BYTES,
        "union with a subset: {usage:?}"
    );
    assert!(same.ptr_eq(&set));
}

#[test]
fn set_predicates_between_versions_do_not_allocate() {
    let set: FrozenSet<u64> = (0..u64::from(N)).collect();
    let minus = set.without(&11);
    let (answers, usage) = measure(|| {
        (
            minus.is_subset(&set),
            set.is_subset(&minus),
            set.is_superset(&minus),
            set.is_disjoint(&minus),
        )
    });
    assert_eq!(answers, (true, false, true, false));
    assert_eq!(usage.requested, 0, "{usage:?}");
}

#[test]
fn map_union_and_diff_between_versions_allocate_one_path() {
    let map: FrozenMap<u64, u64> = (0..u64::from(N)).map(|k| (k, k)).collect();
    let edited = map.with_inserted(5, 500).without(&9);

    let (union, usage) = measure(|| edited.union(&map));
    assert!(usage.requested <= 2 * PATH_BYTES, "union: {usage:?}");
    assert_eq!(union.get(&5), Some(&500));
    assert_eq!(union.get(&9), Some(&9));
    assert_eq!(union.len(), map.len());

    let (changes, usage) = measure(|| map.diff(&edited).count());
    assert_eq!(changes, 2);
    assert!(usage.requested <= PATH_BYTES, "diff: {usage:?}");
}
