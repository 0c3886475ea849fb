//! rayon's doc examples (`par_iter`, `into_par_iter`, `par_iter_mut`, `collect`, `par_extend`)
//! on every frozen collection.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use deepfreeze::{FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice, FrozenVec};
use rayon::prelude::*;

#[test]
fn vec_par_iter_and_into_par_iter() {
    let v: FrozenVec<i32> = (0..100).collect();
    assert_eq!(v.par_iter().sum::<i32>(), 100 * 99 / 2);

    // `v.par_iter()` is shorthand for `(&v).into_par_iter()`:
    assert!(v.par_iter().zip(&v).all(|(a, b)| std::ptr::eq(a, b)));

    let v = FrozenVec::from([0, 1, 2, 3, 4]);
    let sum_of_squares: i32 = v.par_iter().map(|x| x * x).sum();
    assert_eq!(sum_of_squares, 30);

    let owned: Vec<i32> = v.clone().into_par_iter().collect();
    assert_eq!(owned, [0, 1, 2, 3, 4]);

    // Indexed: `len`, `enumerate`, `rev`, `zip`.
    assert_eq!(v.par_iter().len(), 5);
    let pairs: Vec<(usize, i32)> = v.par_iter().enumerate().map(|(i, x)| (i, *x)).collect();
    assert_eq!(pairs, [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)]);
    let reversed: Vec<i32> = v.par_iter().rev().copied().collect();
    assert_eq!(reversed, [4, 3, 2, 1, 0]);
    let long: FrozenVec<u64> = (0..10_000).collect();
    let doubled: Vec<u64> = long
        .par_iter()
        .zip(long.par_iter())
        .map(|(a, b)| a + b)
        .collect();
    assert_eq!(doubled, (0..10_000).map(|x| 2 * x).collect::<Vec<_>>());
}

#[test]
fn vec_collect_and_par_extend() {
    let sync_vec: FrozenVec<_> = (0..100).collect();
    let async_vec: FrozenVec<_> = (0..100).into_par_iter().collect();
    assert_eq!(sync_vec, async_vec);

    let mut vec = FrozenVec::new();
    vec.par_extend(0..5);
    vec.par_extend((0..5).into_par_iter().map(|i| i * i));
    assert_eq!(vec, [0, 1, 2, 3, 4, 0, 1, 4, 9, 16]);
}

#[test]
fn slice_par_iter() {
    let s = FrozenSlice::from(&[1, 2, 3][..]);
    assert_eq!(s.par_iter().sum::<i32>(), 6);
    assert_eq!(s.par_iter().len(), 3);
    let back: FrozenSlice<i32> = s.par_iter().map(|x| x * 10).collect();
    assert_eq!(back, [10, 20, 30]);
}

#[test]
fn map_par_iter_collect_extend_iter_mut() {
    let a: FrozenMap<_, _> = (0..100).into_par_iter().map(|i| (i, i * i)).collect();
    let b: HashMap<_, _> = (0..100).map(|i| (i, i * i)).collect();
    assert_eq!(HashMap::from_iter(a.iter().map(|(k, v)| (*k, *v))), b);

    let total: i32 = a.par_iter().map(|(_, v)| *v).sum();
    assert_eq!(total, b.values().sum::<i32>());
    let keys: HashSet<i32> = a.clone().into_par_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, (0..100).collect());

    let mut a = a;
    a.par_iter_mut().for_each(|(_, v)| *v += 1);
    assert_eq!(a[&3], 10);

    let mut m = FrozenMap::new();
    m.par_extend((0..10).into_par_iter().map(|i| (i, i)));
    m.par_extend(vec![(0, 100)]);
    assert_eq!(m.len(), 10);
    assert_eq!(
        m[&0], 100,
        "a later entry replaces the value, as HashMap's par_extend"
    );
}

#[test]
fn set_par_iter_collect_extend() {
    let n: u32 = if cfg!(miri) { 100 } else { 1000 };
    let s: FrozenSet<u32> = (0..n).into_par_iter().collect();
    assert_eq!(s.len() as u32, n);
    assert_eq!(s.par_iter().sum::<u32>(), (n - 1) * n / 2);
    let owned: Vec<u32> = s.clone().into_par_iter().collect();
    assert_eq!(owned.len() as u32, n);

    let mut t = FrozenSet::new();
    t.par_extend((0..10u32).into_par_iter());
    t.par_extend(vec![3, 50]);
    assert_eq!(t.len(), 11);
    assert!(t.contains(&50));
}

#[test]
fn ord_map_par_iter_in_order() {
    let m: FrozenOrdMap<i32, i32> = (0..100).into_par_iter().map(|i| (i, -i)).collect();
    let b: BTreeMap<i32, i32> = (0..100).map(|i| (i, -i)).collect();
    assert_eq!(m, b);
    let pairs: Vec<(i32, i32)> = m.par_iter().map(|(k, v)| (*k, *v)).collect();
    assert_eq!(pairs, b.clone().into_iter().collect::<Vec<_>>());
    let owned: Vec<(i32, i32)> = m.clone().into_par_iter().collect();
    assert_eq!(owned, pairs);
    assert_eq!(m.par_iter().len(), 100);

    let mut e = FrozenOrdMap::new();
    e.par_extend((0..5).into_par_iter().map(|i| (i, i)));
    e.par_extend(vec![(0, 9)]);
    assert_eq!(e, BTreeMap::from([(0, 9), (1, 1), (2, 2), (3, 3), (4, 4)]));
}

#[test]
fn ord_set_par_iter_in_order() {
    let s: FrozenOrdSet<i32> = (0..100).rev().collect::<Vec<_>>().into_par_iter().collect();
    let b: BTreeSet<i32> = (0..100).collect();
    assert_eq!(s, b);
    let in_order: Vec<i32> = s.par_iter().copied().collect();
    assert_eq!(in_order, (0..100).collect::<Vec<_>>());
    let owned: Vec<i32> = s.clone().into_par_iter().collect();
    assert_eq!(owned, in_order);

    let mut e = FrozenOrdSet::new();
    e.par_extend((0..5).into_par_iter());
    e.par_extend(vec![2, 7]);
    assert_eq!(e, BTreeSet::from([0, 1, 2, 3, 4, 7]));
}
