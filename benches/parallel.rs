//! Parallel iteration and collection (feature `rayon`): every container behind one small trait
//! ([`Subject`]), so one body measures all, each against its std equivalent with rayon.
//!
//! - `sum/{n}`, `filter/{n}`, `map/{n}`: a serial `fold`, `par_iter`, and `par_bridge` (for
//!   contrast) on 2 threads; `map` does ~20 ns of arithmetic per element, `filter` counts.
//! - `threads/{work}`: `par_iter` at 1e6 on pools of 1, 2 and 4 threads.
//! - `iter_mut/{n}`: a serial `iter_mut` against `par_iter_mut` writing every value of a hash
//!   map, alone (`unique`: no copy) and right after a clone (`shared`: every node copied).
//! - `collect/{n}`: serial `collect` against parallel `collect` into each container.
//!
//! `cargo bench --features rayon --bench parallel`; a filter such as `-- sum/1000000` runs part.
//! Adding a container is one `Subject` impl.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, measurement::WallTime};
use deepfreeze::{FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice, FrozenVec};
use rayon::iter::FromParallelIterator;
use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

/// A per-element workload: the value an element contributes to a wrapping sum. A type rather
/// than a function pointer, so that the loops inline it (and vectorize the sum) as user code
/// with a closure would.
trait Work: Copy + Send + Sync {
    const NAME: &'static str;
    fn apply(x: u64) -> u64;
}

#[derive(Clone, Copy)]
struct Sum;
impl Work for Sum {
    const NAME: &'static str = "sum";
    #[inline]
    fn apply(x: u64) -> u64 {
        x
    }
}

#[derive(Clone, Copy)]
struct Filter;
impl Work for Filter {
    const NAME: &'static str = "filter";
    #[inline]
    fn apply(x: u64) -> u64 {
        u64::from(x % 3 == 0)
    }
}

/// About 20 ns of dependent arithmetic (a few rounds of a 64-bit mixer).
#[derive(Clone, Copy)]
struct Map;
impl Work for Map {
    const NAME: &'static str = "map";
    #[inline]
    fn apply(x: u64) -> u64 {
        mix(x)
    }
}

fn mix(mut x: u64) -> u64 {
    for _ in 0..6 {
        x ^= x >> 31;
        x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    x
}

/// A container of `n` elements (`u64`, or `u64 -> u64` entries whose values are summed).
trait Subject: Sync + Sized {
    const NAME: &'static str;
    fn build(n: u64) -> Self;
    fn serial<W: Work>(&self) -> u64;
    fn parallel<W: Work>(&self) -> u64;
    fn bridge<W: Work>(&self) -> u64;
}

/// `Subject` for a container whose `iter()` and `par_iter()` yield `&u64`, or `(&u64, &u64)`
/// pairs (`$value` picks the summed number out of an item).
macro_rules! subject {
    ($ty:ty, $name:literal, |$n:ident| $build:expr, |$item:ident| $value:expr) => {
        impl Subject for $ty {
            const NAME: &'static str = $name;

            fn build($n: u64) -> Self {
                $build
            }

            fn serial<W: Work>(&self) -> u64 {
                self.iter()
                    .fold(0, |acc, $item| acc.wrapping_add(W::apply(*$value)))
            }

            fn parallel<W: Work>(&self) -> u64 {
                self.par_iter()
                    .map(|$item| W::apply(*$value))
                    .reduce(|| 0, u64::wrapping_add)
            }

            fn bridge<W: Work>(&self) -> u64 {
                self.iter()
                    .par_bridge()
                    .map(|$item| W::apply(*$value))
                    .reduce(|| 0, u64::wrapping_add)
            }
        }
    };
}

subject!(Vec<u64>, "std_vec", |n| (0..n).collect(), |x| x);
subject!(
    FrozenSlice<u64>,
    "frozen_slice",
    |n| (0..n).collect(),
    |x| x
);
subject!(FrozenVec<u64>, "frozen_vec", |n| (0..n).collect(), |x| x);
subject!(BTreeMap<u64, u64>, "std_btree_map", |n| (0..n).map(|k| (k, k)).collect(), |e| e.1);
subject!(FrozenOrdMap<u64, u64>, "frozen_ord_map", |n| (0..n).map(|k| (k, k)).collect(), |e| e.1);
subject!(
    FrozenOrdSet<u64>,
    "frozen_ord_set",
    |n| (0..n).collect(),
    |x| x
);
subject!(HashMap<u64, u64>, "std_hash_map", |n| (0..n).map(|k| (k, k)).collect(), |e| e.1);
subject!(FrozenMap<u64, u64>, "frozen_map", |n| (0..n).map(|k| (k, k)).collect(), |e| e.1);
subject!(HashSet<u64>, "std_hash_set", |n| (0..n).collect(), |x| x);
subject!(FrozenSet<u64>, "frozen_set", |n| (0..n).collect(), |x| x);

fn pool(threads: usize) -> ThreadPool {
    ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}

/// Serial, `par_iter` and (below 1e7) `par_bridge` of one container, on `pool`.
fn modes<S: Subject, W: Work>(g: &mut BenchmarkGroup<'_, WallTime>, n: u64, pool: &ThreadPool) {
    let subject = S::build(n);
    let expected = subject.serial::<W>();
    assert_eq!(pool.install(|| subject.parallel::<W>()), expected);
    g.bench_function(format!("{}/serial", S::NAME), |b| {
        b.iter(|| black_box(subject.serial::<W>()))
    });
    g.bench_function(format!("{}/par_iter", S::NAME), |b| {
        b.iter(|| pool.install(|| black_box(subject.parallel::<W>())))
    });
    if n < 10_000_000 {
        g.bench_function(format!("{}/par_bridge", S::NAME), |b| {
            b.iter(|| pool.install(|| black_box(subject.bridge::<W>())))
        });
    }
}

fn configure(g: &mut BenchmarkGroup<'_, WallTime>) {
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1000));
}

/// Every container under workload `W` at each size of `sizes` (the sequences and the hash
/// containers only at 1e7).
fn workload<W: Work>(c: &mut Criterion, sizes: &[u64], pool: &ThreadPool) {
    for &n in sizes {
        let mut g = c.benchmark_group(format!("{}/{n}", W::NAME));
        configure(&mut g);
        modes::<Vec<u64>, W>(&mut g, n, pool);
        modes::<FrozenSlice<u64>, W>(&mut g, n, pool);
        modes::<FrozenVec<u64>, W>(&mut g, n, pool);
        if n < 10_000_000 {
            modes::<BTreeMap<u64, u64>, W>(&mut g, n, pool);
            modes::<FrozenOrdMap<u64, u64>, W>(&mut g, n, pool);
            modes::<FrozenOrdSet<u64>, W>(&mut g, n, pool);
        }
        modes::<HashMap<u64, u64>, W>(&mut g, n, pool);
        modes::<FrozenMap<u64, u64>, W>(&mut g, n, pool);
        modes::<HashSet<u64>, W>(&mut g, n, pool);
        modes::<FrozenSet<u64>, W>(&mut g, n, pool);
        g.finish();
    }
}

fn iteration(c: &mut Criterion) {
    let two = pool(2);
    workload::<Sum>(c, &[10_000, 1_000_000, 10_000_000], &two);
    workload::<Filter>(c, &[1_000_000], &two);
    workload::<Map>(c, &[10_000, 1_000_000], &two);
}

/// `par_iter` of one container at 1e6 on 1, 2 and 4 threads.
fn scale<S: Subject, W: Work>(g: &mut BenchmarkGroup<'_, WallTime>, pools: &[(usize, ThreadPool)]) {
    let subject = S::build(1_000_000);
    for (threads, pool) in pools {
        g.bench_function(format!("{}/{threads}", S::NAME), |b| {
            b.iter(|| pool.install(|| black_box(subject.parallel::<W>())))
        });
    }
}

fn scaling<W: Work>(c: &mut Criterion, pools: &[(usize, ThreadPool)]) {
    let mut g = c.benchmark_group(format!("threads/{}", W::NAME));
    configure(&mut g);
    scale::<Vec<u64>, W>(&mut g, pools);
    scale::<FrozenVec<u64>, W>(&mut g, pools);
    scale::<BTreeMap<u64, u64>, W>(&mut g, pools);
    scale::<FrozenOrdMap<u64, u64>, W>(&mut g, pools);
    scale::<HashMap<u64, u64>, W>(&mut g, pools);
    scale::<FrozenMap<u64, u64>, W>(&mut g, pools);
    g.finish();
}

fn threads(c: &mut Criterion) {
    let pools: Vec<(usize, ThreadPool)> = [1, 2, 4].map(|t| (t, pool(t))).into();
    scaling::<Sum>(c, &pools);
    scaling::<Map>(c, &pools);
}

/// Writing every value of a hash map: serial `iter_mut`, `par_iter_mut`, and std's
/// `HashMap::par_iter_mut`; for `FrozenMap` also right after a clone, when every node is copied
/// on the way (`shared`).
fn iter_mut(c: &mut Criterion) {
    let two = pool(2);
    for n in [10_000u64, 1_000_000] {
        let mut g = c.benchmark_group(format!("iter_mut/{n}"));
        configure(&mut g);
        let mut std: HashMap<u64, u64> = (0..n).map(|k| (k, k)).collect();
        g.bench_function("std_hash_map/serial", |b| {
            b.iter(|| std.iter_mut().for_each(|(_, v)| *v = mix(*v)))
        });
        g.bench_function("std_hash_map/par_iter_mut", |b| {
            b.iter(|| two.install(|| std.par_iter_mut().for_each(|(_, v)| *v = mix(*v))))
        });
        let mut map: FrozenMap<u64, u64> = (0..n).map(|k| (k, k)).collect();
        g.bench_function("frozen_map/unique/serial", |b| {
            b.iter(|| map.iter_mut().for_each(|(_, v)| *v = mix(*v)))
        });
        g.bench_function("frozen_map/unique/par_iter_mut", |b| {
            b.iter(|| two.install(|| map.par_iter_mut().for_each(|(_, v)| *v = mix(*v))))
        });
        g.bench_function("frozen_map/shared/serial", |b| {
            b.iter_batched_ref(
                || map.clone(),
                |m| m.iter_mut().for_each(|(_, v)| *v = mix(*v)),
                criterion::BatchSize::LargeInput,
            )
        });
        g.bench_function("frozen_map/shared/par_iter_mut", |b| {
            b.iter_batched_ref(
                || map.clone(),
                |m| two.install(|| m.par_iter_mut().for_each(|(_, v)| *v = mix(*v))),
                criterion::BatchSize::LargeInput,
            )
        });
        g.finish();
    }
}

/// Keys in a scrambled order, so that building a map is not a run of appends at the end.
fn key(i: u64) -> u64 {
    i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 8
}

/// The `{name}/serial` row: `collect` of `item(0..n)` into `C`.
fn serial_collect<C, T>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    n: u64,
    item: impl Fn(u64) -> T + Copy,
) where
    C: FromIterator<T>,
{
    g.bench_function(format!("{name}/serial"), |b| {
        b.iter(|| black_box((0..n).map(item).collect::<C>()))
    });
}

/// The `{name}/parallel` row: rayon's `collect` of `item(0..n)` into `C`, on `pool`.
fn parallel_collect<C, T>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    n: u64,
    pool: &ThreadPool,
    item: impl Fn(u64) -> T + Copy + Send + Sync,
) where
    C: FromParallelIterator<T> + Send,
    T: Send,
{
    g.bench_function(format!("{name}/parallel"), |b| {
        b.iter(|| pool.install(|| black_box((0..n).into_par_iter().map(item).collect::<C>())))
    });
}

/// Both rows, serial then parallel.
fn both_collects<C, T>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    n: u64,
    pool: &ThreadPool,
    item: impl Fn(u64) -> T + Copy + Send + Sync,
) where
    C: FromIterator<T> + FromParallelIterator<T> + Send,
    T: Send,
{
    serial_collect::<C, T>(g, name, n, item);
    parallel_collect::<C, T>(g, name, n, pool, item);
}

/// An entry with a scrambled key, for the maps.
fn entry(i: u64) -> (u64, u64) {
    (key(i), i)
}

fn collect(c: &mut Criterion) {
    let two = pool(2);
    for n in [10_000u64, 1_000_000] {
        let mut g = c.benchmark_group(format!("collect/{n}"));
        configure(&mut g);
        both_collects::<Vec<_>, _>(&mut g, "std_vec", n, &two, mix);
        both_collects::<FrozenVec<_>, _>(&mut g, "frozen_vec", n, &two, mix);
        // The alternative `collect` could take: a vector per worker, concatenated in order.
        g.bench_function("frozen_vec/parallel_fold_append", |b| {
            b.iter(|| {
                two.install(|| {
                    let v = (0..n)
                        .into_par_iter()
                        .map(mix)
                        .fold(FrozenVec::new, |mut part, x| {
                            part.push_back(x);
                            part
                        })
                        .reduce(FrozenVec::new, |mut left, mut right| {
                            left.append(&mut right);
                            left
                        });
                    black_box(v)
                })
            })
        });
        parallel_collect::<FrozenSlice<_>, _>(&mut g, "frozen_slice", n, &two, mix);
        both_collects::<BTreeMap<_, _>, _>(&mut g, "std_btree_map", n, &two, entry);
        both_collects::<FrozenOrdMap<_, _>, _>(&mut g, "frozen_ord_map", n, &two, entry);
        both_collects::<HashMap<_, _>, _>(&mut g, "std_hash_map", n, &two, entry);
        both_collects::<FrozenMap<_, _>, _>(&mut g, "frozen_map", n, &two, entry);
        // The alternative `collect` could take: a map per worker, the maps unioned.
        g.bench_function("frozen_map/parallel_fold_union", |b| {
            b.iter(|| {
                two.install(|| {
                    let m = (0..n)
                        .into_par_iter()
                        .map(entry)
                        .fold(FrozenMap::new, |mut part, (k, v)| {
                            part.insert(k, v);
                            part
                        })
                        .reduce(FrozenMap::new, |left, right| right.union(&left));
                    black_box(m)
                })
            })
        });
        both_collects::<FrozenSet<_>, _>(&mut g, "frozen_set", n, &two, key);
        g.finish();
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    iteration(&mut c);
    threads(&mut c);
    iter_mut(&mut c);
    collect(&mut c);
    c.final_summary();
}
