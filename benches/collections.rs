//! Persistent collections against imbl (std `Arc` pointers, `ArcK`), rpds and std.
//!
//! `cargo bench --bench collections` (about ten minutes; filter with e.g. `-- hashmap_lookup`).
//!
//! Four families, each with one small trait that every implementation fills in, so that one body
//! measures them all: hash maps (`FrozenMap`, `imbl::HashMap`, imbl with triomphe pointers,
//! `rpds::HashTrieMapSync`, `std::collections::HashMap`), ordered maps, vectors and hash sets.
//! All hash maps and sets use one std `RandomState` (SipHash-1-3, the same seeds) per size.
//!
//! Every operation runs on a batch, so one criterion iteration is `BATCH` operations (the
//! `Throughput` of the benchmark says how many); `scripts/report.py` divides. Keys are random
//! `u64`s; `fresh` keys are not in the collection.
//!
//! - `lookup`: `get` of 1,000 present keys (vectors: 1,000 random indices);
//! - `persistent_insert` / `persistent_remove`: a new version with one key added / removed, from
//!   the same base each time, dropped (vectors: `with_pushed_back`, `with_replaced`, remove last).
//!   std has no persistent update: its numbers are clone + update, measured at 1e3 only;
//! - `insert` / `remove`: in place on an unshared collection (the timed half inserts 100 fresh
//!   keys, the untimed half removes them again, or the other way round), so the size stays n;
//! - `iterate`: visit every element once (summing values); `clone`: clone and drop.
//!
//! The `imbl_arctk` rows use imbl with `archery::ArcTK`, the backend the frozen types wrap:
//! the difference between them and `frozen` is what the wrappers cost; the difference between
//! them and `imbl` is triomphe's `Arc` against std's.

use archery::{ArcK, ArcTK, SharedPointerKind};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput};
use deepfreeze::{FrozenMap, FrozenOrdMap, FrozenSet, FrozenVec};
use std::collections::{BTreeMap, HashMap, HashSet, hash_map::RandomState};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Operations per criterion iteration for lookups, and for updates.
const LOOKUPS: usize = 1_000;
const UPDATES: usize = 100;

const SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];

/// splitmix64: deterministic, well-spread keys without a `rand` dependency.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// `n` present keys, `LOOKUPS` of them picked at random, `UPDATES` fresh keys, and the one
/// `RandomState` every hash collection of this size is built with (same seeds, so the same hash
/// values and trie shapes for every implementation).
struct Keys {
    present: Vec<u64>,
    probe: Vec<u64>,
    fresh: Vec<u64>,
    hasher: RandomState,
}

impl Keys {
    fn new(n: usize) -> Keys {
        // Odd keys are present, even keys are fresh.
        let present: Vec<u64> = (0..n as u64).map(|i| mix(i) | 1).collect();
        let probe = (0..LOOKUPS as u64)
            .map(|i| present[(mix((i + 1) << 40) % n as u64) as usize])
            .collect();
        let fresh = (0..UPDATES as u64)
            .map(|i| mix(i + (1 << 50)) & !1)
            .collect();
        Keys {
            present,
            probe,
            fresh,
            hasher: RandomState::new(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Maps (hash and ordered): one trait, one body.

trait BenchMap: Clone + 'static {
    /// Whether `with_inserted`/`without` share structure (false: clone + update).
    const PERSISTENT: bool = true;
    fn build(pairs: impl Iterator<Item = (u64, u64)>, hasher: &RandomState) -> Self;
    fn get(&self, k: &u64) -> Option<&u64>;
    fn with_inserted(&self, k: u64, v: u64) -> Self;
    fn without(&self, k: &u64) -> Self;
    fn insert(&mut self, k: u64, v: u64);
    fn remove(&mut self, k: &u64);
    fn sum(&self) -> u64;
}

impl BenchMap for FrozenMap<u64, u64> {
    fn build(pairs: impl Iterator<Item = (u64, u64)>, hasher: &RandomState) -> Self {
        let mut map = Self::with_hasher(hasher.clone());
        map.extend(pairs);
        map
    }
    fn get(&self, k: &u64) -> Option<&u64> {
        self.get(k)
    }
    fn with_inserted(&self, k: u64, v: u64) -> Self {
        self.with_inserted(k, v)
    }
    fn without(&self, k: &u64) -> Self {
        self.without(k)
    }
    fn insert(&mut self, k: u64, v: u64) {
        self.insert(k, v);
    }
    fn remove(&mut self, k: &u64) {
        self.remove(k);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
    }
}

impl BenchMap for FrozenOrdMap<u64, u64> {
    fn build(pairs: impl Iterator<Item = (u64, u64)>, _: &RandomState) -> Self {
        pairs.collect()
    }
    fn get(&self, k: &u64) -> Option<&u64> {
        self.get(k)
    }
    fn with_inserted(&self, k: u64, v: u64) -> Self {
        self.with_inserted(k, v)
    }
    fn without(&self, k: &u64) -> Self {
        self.without(k)
    }
    fn insert(&mut self, k: u64, v: u64) {
        self.insert(k, v);
    }
    fn remove(&mut self, k: &u64) {
        self.remove(k);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
    }
}

impl<P: SharedPointerKind + 'static> BenchMap for imbl::GenericHashMap<u64, u64, RandomState, P> {
    fn build(pairs: impl Iterator<Item = (u64, u64)>, hasher: &RandomState) -> Self {
        let mut map = Self::with_hasher(hasher.clone());
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
    fn get(&self, k: &u64) -> Option<&u64> {
        self.get(k)
    }
    fn with_inserted(&self, k: u64, v: u64) -> Self {
        self.update(k, v)
    }
    fn without(&self, k: &u64) -> Self {
        self.without(k)
    }
    fn insert(&mut self, k: u64, v: u64) {
        self.insert(k, v);
    }
    fn remove(&mut self, k: &u64) {
        self.remove(k);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
    }
}

impl<P: SharedPointerKind + 'static> BenchMap for imbl::GenericOrdMap<u64, u64, P> {
    fn build(pairs: impl Iterator<Item = (u64, u64)>, _: &RandomState) -> Self {
        pairs.collect()
    }
    fn get(&self, k: &u64) -> Option<&u64> {
        self.get(k)
    }
    fn with_inserted(&self, k: u64, v: u64) -> Self {
        self.update(k, v)
    }
    fn without(&self, k: &u64) -> Self {
        self.without(k)
    }
    fn insert(&mut self, k: u64, v: u64) {
        self.insert(k, v);
    }
    fn remove(&mut self, k: &u64) {
        self.remove(k);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
    }
}

impl BenchMap for rpds::HashTrieMapSync<u64, u64> {
    fn build(pairs: impl Iterator<Item = (u64, u64)>, hasher: &RandomState) -> Self {
        let mut map = rpds::HashTrieMap::new_with_hasher_and_ptr_kind(hasher.clone());
        for (k, v) in pairs {
            map.insert_mut(k, v);
        }
        map
    }
    fn get(&self, k: &u64) -> Option<&u64> {
        self.get(k)
    }
    fn with_inserted(&self, k: u64, v: u64) -> Self {
        self.insert(k, v)
    }
    fn without(&self, k: &u64) -> Self {
        self.remove(k)
    }
    fn insert(&mut self, k: u64, v: u64) {
        self.insert_mut(k, v);
    }
    fn remove(&mut self, k: &u64) {
        self.remove_mut(k);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
    }
}

impl BenchMap for rpds::RedBlackTreeMapSync<u64, u64> {
    fn build(pairs: impl Iterator<Item = (u64, u64)>, _: &RandomState) -> Self {
        pairs.collect()
    }
    fn get(&self, k: &u64) -> Option<&u64> {
        self.get(k)
    }
    fn with_inserted(&self, k: u64, v: u64) -> Self {
        self.insert(k, v)
    }
    fn without(&self, k: &u64) -> Self {
        self.remove(k)
    }
    fn insert(&mut self, k: u64, v: u64) {
        self.insert_mut(k, v);
    }
    fn remove(&mut self, k: &u64) {
        self.remove_mut(k);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
    }
}

/// std's maps: no structural sharing, so a persistent update is a clone plus an update.
macro_rules! std_map {
    ($ty:ty, $new:expr) => {
        impl BenchMap for $ty {
            const PERSISTENT: bool = false;
            fn build(pairs: impl Iterator<Item = (u64, u64)>, hasher: &RandomState) -> Self {
                let mut map: Self = ($new)(hasher);
                map.extend(pairs);
                map
            }
            fn get(&self, k: &u64) -> Option<&u64> {
                self.get(k)
            }
            fn with_inserted(&self, k: u64, v: u64) -> Self {
                let mut new = self.clone();
                new.insert(k, v);
                new
            }
            fn without(&self, k: &u64) -> Self {
                let mut new = self.clone();
                new.remove(k);
                new
            }
            fn insert(&mut self, k: u64, v: u64) {
                self.insert(k, v);
            }
            fn remove(&mut self, k: &u64) {
                self.remove(k);
            }
            fn sum(&self) -> u64 {
                self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
            }
        }
    };
}
std_map!(HashMap<u64, u64>, |h: &RandomState| HashMap::with_hasher(h.clone()));
std_map!(BTreeMap<u64, u64>, |_: &RandomState| BTreeMap::new());

fn map_ops<M: BenchMap>(c: &mut Criterion, family: &str, name: &str, n: usize, keys: &Keys) {
    // Built on first use, so that a filtered run (`-- hashmap_lookup`) builds only what it needs.
    let mut slot = None;
    let build = || M::build(keys.present.iter().map(|&k| (k, k >> 1)), &keys.hasher);
    let persistent_here = M::PERSISTENT || n <= 1_000;

    let mut g = group(c, family, "lookup", n, LOOKUPS);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let map = slot.get_or_insert_with(build);
        b.iter(|| {
            keys.probe
                .iter()
                .fold(0u64, |a, k| a.wrapping_add(*map.get(k).unwrap_or(&0)))
        });
    });
    g.finish();

    if persistent_here {
        let mut g = group(c, family, "persistent_insert", n, UPDATES);
        g.bench_function(BenchmarkId::new(name, n), |b| {
            let map = slot.get_or_insert_with(build);
            b.iter(|| {
                for &k in &keys.fresh {
                    black_box(map.with_inserted(k, 1));
                }
            });
        });
        g.finish();
        let mut g = group(c, family, "persistent_remove", n, UPDATES);
        g.bench_function(BenchmarkId::new(name, n), |b| {
            let map = slot.get_or_insert_with(build);
            b.iter(|| {
                for k in &keys.probe[..UPDATES] {
                    black_box(map.without(k));
                }
            });
        });
        g.finish();
    }

    let mut g = group(c, family, "insert", n, UPDATES);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let map = slot.get_or_insert_with(build);
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                for &k in &keys.fresh {
                    map.insert(k, 1);
                }
                timed += t.elapsed();
                for k in &keys.fresh {
                    map.remove(k);
                }
            }
            timed
        });
    });
    g.finish();
    let mut g = group(c, family, "remove", n, UPDATES);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let map = slot.get_or_insert_with(build);
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                for &k in &keys.fresh {
                    map.insert(k, 1);
                }
                let t = Instant::now();
                for k in &keys.fresh {
                    map.remove(k);
                }
                timed += t.elapsed();
            }
            timed
        });
    });
    g.finish();

    let mut g = group(c, family, "iterate", n, n);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let map = slot.get_or_insert_with(build);
        b.iter(|| map.sum())
    });
    g.finish();
    let mut g = group(c, family, "clone", n, 1);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let map = slot.get_or_insert_with(build);
        b.iter(|| map.clone())
    });
    g.finish();
}

// ---------------------------------------------------------------------------------------------
// Vectors.

trait BenchVec: Clone + 'static {
    const PERSISTENT: bool = true;
    fn build(values: impl Iterator<Item = u64>) -> Self;
    fn get(&self, i: usize) -> Option<&u64>;
    fn with_pushed_back(&self, v: u64) -> Self;
    fn with_replaced(&self, i: usize, v: u64) -> Self;
    fn without_last(&self) -> Self;
    fn push_back(&mut self, v: u64);
    fn pop_back(&mut self);
    fn set(&mut self, i: usize, v: u64);
    fn sum(&self) -> u64;
}

impl BenchVec for FrozenVec<u64> {
    fn build(values: impl Iterator<Item = u64>) -> Self {
        values.collect()
    }
    fn get(&self, i: usize) -> Option<&u64> {
        self.get(i)
    }
    fn with_pushed_back(&self, v: u64) -> Self {
        self.with_pushed_back(v)
    }
    fn with_replaced(&self, i: usize, v: u64) -> Self {
        self.with_replaced(i, v)
    }
    fn without_last(&self) -> Self {
        let mut new = self.clone();
        new.pop_back();
        new
    }
    fn push_back(&mut self, v: u64) {
        self.push_back(v);
    }
    fn pop_back(&mut self) {
        self.pop_back();
    }
    fn set(&mut self, i: usize, v: u64) {
        self.set(i, v);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, v| a.wrapping_add(*v))
    }
}

impl<P: SharedPointerKind + 'static> BenchVec for imbl::GenericVector<u64, P> {
    fn build(values: impl Iterator<Item = u64>) -> Self {
        values.collect()
    }
    fn get(&self, i: usize) -> Option<&u64> {
        self.get(i)
    }
    fn with_pushed_back(&self, v: u64) -> Self {
        let mut new = self.clone();
        new.push_back(v);
        new
    }
    fn with_replaced(&self, i: usize, v: u64) -> Self {
        self.update(i, v)
    }
    fn without_last(&self) -> Self {
        let mut new = self.clone();
        new.pop_back();
        new
    }
    fn push_back(&mut self, v: u64) {
        self.push_back(v);
    }
    fn pop_back(&mut self) {
        self.pop_back();
    }
    fn set(&mut self, i: usize, v: u64) {
        self.set(i, v);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, v| a.wrapping_add(*v))
    }
}

impl BenchVec for rpds::VectorSync<u64> {
    fn build(values: impl Iterator<Item = u64>) -> Self {
        values.collect()
    }
    fn get(&self, i: usize) -> Option<&u64> {
        self.get(i)
    }
    fn with_pushed_back(&self, v: u64) -> Self {
        self.push_back(v)
    }
    fn with_replaced(&self, i: usize, v: u64) -> Self {
        self.set(i, v).expect("index in range")
    }
    fn without_last(&self) -> Self {
        self.drop_last().expect("not empty")
    }
    fn push_back(&mut self, v: u64) {
        self.push_back_mut(v);
    }
    fn pop_back(&mut self) {
        self.drop_last_mut();
    }
    fn set(&mut self, i: usize, v: u64) {
        self.set_mut(i, v);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, v| a.wrapping_add(*v))
    }
}

impl BenchVec for Vec<u64> {
    const PERSISTENT: bool = false;
    fn build(values: impl Iterator<Item = u64>) -> Self {
        values.collect()
    }
    fn get(&self, i: usize) -> Option<&u64> {
        self.as_slice().get(i)
    }
    fn with_pushed_back(&self, v: u64) -> Self {
        let mut new = self.clone();
        new.push(v);
        new
    }
    fn with_replaced(&self, i: usize, v: u64) -> Self {
        let mut new = self.clone();
        new[i] = v;
        new
    }
    fn without_last(&self) -> Self {
        let mut new = self.clone();
        new.pop();
        new
    }
    fn push_back(&mut self, v: u64) {
        self.push(v);
    }
    fn pop_back(&mut self) {
        self.pop();
    }
    fn set(&mut self, i: usize, v: u64) {
        self[i] = v;
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, v| a.wrapping_add(*v))
    }
}

fn vec_ops<V: BenchVec>(c: &mut Criterion, name: &str, n: usize, keys: &Keys) {
    let family = "vector";
    let mut slot = None;
    let build = || V::build(keys.present.iter().copied());
    let index: Vec<usize> = keys
        .probe
        .iter()
        .map(|k| (mix(*k) % n as u64) as usize)
        .collect();
    let persistent_here = V::PERSISTENT || n <= 1_000;

    let mut g = group(c, family, "lookup", n, LOOKUPS);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let vec = slot.get_or_insert_with(build);
        b.iter(|| {
            index
                .iter()
                .fold(0u64, |a, &i| a.wrapping_add(*vec.get(i).unwrap_or(&0)))
        });
    });
    g.finish();

    if persistent_here {
        let mut g = group(c, family, "persistent_push_back", n, UPDATES);
        g.bench_function(BenchmarkId::new(name, n), |b| {
            let vec = slot.get_or_insert_with(build);
            b.iter(|| {
                for &k in &keys.fresh {
                    black_box(vec.with_pushed_back(k));
                }
            });
        });
        g.finish();
        let mut g = group(c, family, "persistent_set", n, UPDATES);
        g.bench_function(BenchmarkId::new(name, n), |b| {
            let vec = slot.get_or_insert_with(build);
            b.iter(|| {
                for &i in &index[..UPDATES] {
                    black_box(vec.with_replaced(i, 7));
                }
            });
        });
        g.finish();
        let mut g = group(c, family, "persistent_pop_back", n, UPDATES);
        g.bench_function(BenchmarkId::new(name, n), |b| {
            let vec = slot.get_or_insert_with(build);
            b.iter(|| {
                for _ in 0..UPDATES {
                    black_box(vec.without_last());
                }
            });
        });
        g.finish();
    }

    let mut g = group(c, family, "push_back", n, UPDATES);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let vec = slot.get_or_insert_with(build);
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                for &k in &keys.fresh {
                    vec.push_back(k);
                }
                timed += t.elapsed();
                for _ in 0..UPDATES {
                    vec.pop_back();
                }
            }
            timed
        });
    });
    g.finish();
    let mut g = group(c, family, "pop_back", n, UPDATES);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let vec = slot.get_or_insert_with(build);
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                for &k in &keys.fresh {
                    vec.push_back(k);
                }
                let t = Instant::now();
                for _ in 0..UPDATES {
                    vec.pop_back();
                }
                timed += t.elapsed();
            }
            timed
        });
    });
    g.finish();
    let mut g = group(c, family, "set", n, UPDATES);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let vec = slot.get_or_insert_with(build);
        b.iter(|| {
            for &i in &index[..UPDATES] {
                vec.set(i, 7);
            }
        });
    });
    g.finish();

    let mut g = group(c, family, "iterate", n, n);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let vec = slot.get_or_insert_with(build);
        b.iter(|| vec.sum())
    });
    g.finish();
    let mut g = group(c, family, "clone", n, 1);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let vec = slot.get_or_insert_with(build);
        b.iter(|| vec.clone())
    });
    g.finish();
}

// ---------------------------------------------------------------------------------------------
// Hash sets.

trait BenchSet: Clone + 'static {
    const PERSISTENT: bool = true;
    fn build(values: impl Iterator<Item = u64>, hasher: &RandomState) -> Self;
    fn contains(&self, v: &u64) -> bool;
    fn with_inserted(&self, v: u64) -> Self;
    fn without(&self, v: &u64) -> Self;
    fn insert(&mut self, v: u64);
    fn remove(&mut self, v: &u64);
    fn sum(&self) -> u64;
}

impl BenchSet for FrozenSet<u64> {
    fn build(values: impl Iterator<Item = u64>, hasher: &RandomState) -> Self {
        let mut set = Self::with_hasher(hasher.clone());
        set.extend(values);
        set
    }
    fn contains(&self, v: &u64) -> bool {
        self.contains(v)
    }
    fn with_inserted(&self, v: u64) -> Self {
        self.with_inserted(v)
    }
    fn without(&self, v: &u64) -> Self {
        self.without(v)
    }
    fn insert(&mut self, v: u64) {
        self.insert(v);
    }
    fn remove(&mut self, v: &u64) {
        self.remove(v);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, v| a.wrapping_add(*v))
    }
}

impl<P: SharedPointerKind + 'static> BenchSet for imbl::GenericHashSet<u64, RandomState, P> {
    fn build(values: impl Iterator<Item = u64>, hasher: &RandomState) -> Self {
        let mut set = Self::with_hasher(hasher.clone());
        for v in values {
            set.insert(v);
        }
        set
    }
    fn contains(&self, v: &u64) -> bool {
        self.contains(v)
    }
    fn with_inserted(&self, v: u64) -> Self {
        self.update(v)
    }
    fn without(&self, v: &u64) -> Self {
        self.without(v)
    }
    fn insert(&mut self, v: u64) {
        self.insert(v);
    }
    fn remove(&mut self, v: &u64) {
        self.remove(v);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, v| a.wrapping_add(*v))
    }
}

impl BenchSet for rpds::HashTrieSetSync<u64> {
    fn build(values: impl Iterator<Item = u64>, hasher: &RandomState) -> Self {
        let mut set = rpds::HashTrieSet::new_with_hasher_with_ptr_kind(hasher.clone());
        for v in values {
            set.insert_mut(v);
        }
        set
    }
    fn contains(&self, v: &u64) -> bool {
        self.contains(v)
    }
    fn with_inserted(&self, v: u64) -> Self {
        self.insert(v)
    }
    fn without(&self, v: &u64) -> Self {
        self.remove(v)
    }
    fn insert(&mut self, v: u64) {
        self.insert_mut(v);
    }
    fn remove(&mut self, v: &u64) {
        self.remove_mut(v);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, v| a.wrapping_add(*v))
    }
}

impl BenchSet for HashSet<u64> {
    const PERSISTENT: bool = false;
    fn build(values: impl Iterator<Item = u64>, hasher: &RandomState) -> Self {
        let mut set = Self::with_hasher(hasher.clone());
        set.extend(values);
        set
    }
    fn contains(&self, v: &u64) -> bool {
        self.contains(v)
    }
    fn with_inserted(&self, v: u64) -> Self {
        let mut new = self.clone();
        new.insert(v);
        new
    }
    fn without(&self, v: &u64) -> Self {
        let mut new = self.clone();
        new.remove(v);
        new
    }
    fn insert(&mut self, v: u64) {
        self.insert(v);
    }
    fn remove(&mut self, v: &u64) {
        self.remove(v);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, v| a.wrapping_add(*v))
    }
}

fn set_ops<S: BenchSet>(c: &mut Criterion, name: &str, n: usize, keys: &Keys) {
    let family = "hashset";
    let mut slot = None;
    let build = || S::build(keys.present.iter().copied(), &keys.hasher);
    let persistent_here = S::PERSISTENT || n <= 1_000;

    let mut g = group(c, family, "lookup", n, LOOKUPS);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let set = slot.get_or_insert_with(build);
        b.iter(|| keys.probe.iter().filter(|k| set.contains(k)).count());
    });
    g.finish();

    if persistent_here {
        let mut g = group(c, family, "persistent_insert", n, UPDATES);
        g.bench_function(BenchmarkId::new(name, n), |b| {
            let set = slot.get_or_insert_with(build);
            b.iter(|| {
                for &k in &keys.fresh {
                    black_box(set.with_inserted(k));
                }
            });
        });
        g.finish();
        let mut g = group(c, family, "persistent_remove", n, UPDATES);
        g.bench_function(BenchmarkId::new(name, n), |b| {
            let set = slot.get_or_insert_with(build);
            b.iter(|| {
                for k in &keys.probe[..UPDATES] {
                    black_box(set.without(k));
                }
            });
        });
        g.finish();
    }

    let mut g = group(c, family, "insert", n, UPDATES);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let set = slot.get_or_insert_with(build);
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                for &k in &keys.fresh {
                    set.insert(k);
                }
                timed += t.elapsed();
                for k in &keys.fresh {
                    set.remove(k);
                }
            }
            timed
        });
    });
    g.finish();
    let mut g = group(c, family, "remove", n, UPDATES);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let set = slot.get_or_insert_with(build);
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                for &k in &keys.fresh {
                    set.insert(k);
                }
                let t = Instant::now();
                for k in &keys.fresh {
                    set.remove(k);
                }
                timed += t.elapsed();
            }
            timed
        });
    });
    g.finish();

    let mut g = group(c, family, "iterate", n, n);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let set = slot.get_or_insert_with(build);
        b.iter(|| set.sum())
    });
    g.finish();
    let mut g = group(c, family, "clone", n, 1);
    g.bench_function(BenchmarkId::new(name, n), |b| {
        let set = slot.get_or_insert_with(build);
        b.iter(|| set.clone())
    });
    g.finish();
}

// ---------------------------------------------------------------------------------------------

/// A benchmark group `{family}_{op}` whose iterations are `elements` operations, with short
/// measurement times (1e6-element collections get flat sampling and 10 samples).
fn group<'c>(
    c: &'c mut Criterion,
    family: &str,
    op: &str,
    n: usize,
    elements: usize,
) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(format!("{family}_{op}"));
    g.throughput(Throughput::Elements(elements as u64));
    g.warm_up_time(Duration::from_millis(300));
    g.measurement_time(Duration::from_millis(700));
    if n >= 1_000_000 {
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
    } else {
        g.sample_size(20);
    }
    g
}

type ImblMap<P> = imbl::GenericHashMap<u64, u64, RandomState, P>;
type ImblOrdMap<P> = imbl::GenericOrdMap<u64, u64, P>;
type ImblVector<P> = imbl::GenericVector<u64, P>;
type ImblSet<P> = imbl::GenericHashSet<u64, RandomState, P>;

fn main() {
    let mut c = Criterion::default().configure_from_args();
    for n in SIZES {
        let keys = Keys::new(n);
        map_ops::<FrozenMap<u64, u64>>(&mut c, "hashmap", "frozen", n, &keys);
        map_ops::<ImblMap<ArcK>>(&mut c, "hashmap", "imbl", n, &keys);
        map_ops::<ImblMap<ArcTK>>(&mut c, "hashmap", "imbl_arctk", n, &keys);
        map_ops::<rpds::HashTrieMapSync<u64, u64>>(&mut c, "hashmap", "rpds", n, &keys);
        map_ops::<HashMap<u64, u64>>(&mut c, "hashmap", "std", n, &keys);

        map_ops::<FrozenOrdMap<u64, u64>>(&mut c, "ordmap", "frozen", n, &keys);
        map_ops::<ImblOrdMap<ArcK>>(&mut c, "ordmap", "imbl", n, &keys);
        map_ops::<ImblOrdMap<ArcTK>>(&mut c, "ordmap", "imbl_arctk", n, &keys);
        map_ops::<rpds::RedBlackTreeMapSync<u64, u64>>(&mut c, "ordmap", "rpds", n, &keys);
        map_ops::<BTreeMap<u64, u64>>(&mut c, "ordmap", "std", n, &keys);

        vec_ops::<FrozenVec<u64>>(&mut c, "frozen", n, &keys);
        vec_ops::<ImblVector<ArcK>>(&mut c, "imbl", n, &keys);
        vec_ops::<ImblVector<ArcTK>>(&mut c, "imbl_arctk", n, &keys);
        vec_ops::<rpds::VectorSync<u64>>(&mut c, "rpds", n, &keys);
        vec_ops::<Vec<u64>>(&mut c, "std", n, &keys);

        set_ops::<FrozenSet<u64>>(&mut c, "frozen", n, &keys);
        set_ops::<ImblSet<ArcK>>(&mut c, "imbl", n, &keys);
        set_ops::<rpds::HashTrieSetSync<u64>>(&mut c, "rpds", n, &keys);
        set_ops::<HashSet<u64>>(&mut c, "std", n, &keys);
    }
    c.final_summary();
}
