//! Persistent collections against imbl (std `Arc` pointers, `ArcK`), rpds and std.
//!
//! `cargo bench --bench collections` (about ten minutes; filter with e.g. `-- hashmap_lookup`).
//!
//! Four families, each with one small trait that every implementation fills in, so that one body
//! measures them all: hash maps (`FrozenMap`, `imbl::HashMap`, imbl with triomphe pointers,
//! `rpds::HashTrieMapSync`, `std::collections::HashMap`), ordered maps, vectors and hash sets.
//! All hash maps and sets use one std `RandomState` (SipHash-1-3, the same seeds) per size.
//!
//! Most operations run on a batch, so one criterion iteration is `LOOKUPS` or `UPDATES`
//! operations (the benchmark's `Throughput` says how many); `scripts/report.py` divides. Keys are
//! random `u64`s; `fresh` keys are not in the collection. Operations run op-major: for each size
//! and family, every implementation measures one operation back to back before the next
//! operation starts, so ratios compare measurements taken within seconds of each other.
//!
//! - `lookup`: `get` of 1,000 present keys (vectors: 1,000 random indices);
//! - `persistent_insert` / `persistent_remove`: a new version with one key added / removed, from
//!   the same base each time, dropped (vectors: `with_pushed_back`, `with_replaced`, and a clone
//!   with `pop_back`, the same code for every implementation);
//!   std has no persistent update: its numbers are clone + update, measured at 1e3 only;
//! - `insert` / `remove` (vectors: `push_back` / `pop_back`, and `set`): in place on an unshared
//!   collection (the timed half inserts 100 fresh keys, the untimed half removes them again, or
//!   the other way round), so the size stays n;
//! - `iterate`: visit every element once (summing values with `fold`); `iterate_for` (maps and
//!   sets): the same with a `for` loop, which goes through `next`; `clone`: clone and drop.
//!
//! Then short vectors (groups `vector_short_*`, n = 1, 8, 32, 48, 64): `get` of every index,
//! `iterate`, `clone`, `push_back` and `set` in place on an unshared vector (a fresh one per
//! iteration, built untimed), `persistent_push_back`, and `collect` from a range.
//!
//! The `imbl_arctk` rows use imbl with `archery::ArcTK`, the backend the frozen types wrap:
//! the difference between them and `frozen` is what the wrappers cost; the difference between
//! them and `imbl` is triomphe's `Arc` against std's.
//!
//! Two groups compare versions of one collection: `hashmap_eq_one_path_apart` (equality of two
//! 10^6 maps one path apart) and `hashset_{union,is_subset,difference}_versions` (a set of 10^5
//! or 10^6 keys against a version with k = 1, 10, 100 more).

use archery::{ArcK, ArcTK, SharedPointerKind};
use criterion::measurement::WallTime;
use criterion::{
    BatchSize, Bencher, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use deepfreeze::{FrozenMap, FrozenOrdMap, FrozenSet, FrozenStr, FrozenVec};
use std::collections::{BTreeMap, HashMap, HashSet, hash_map::RandomState};
use std::hash::Hash;
use std::hint::black_box;
use std::marker::PhantomData;
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
struct Keys<K = u64> {
    present: Vec<K>,
    /// The value stored with each present key (its `u64` halved).
    values: Vec<u64>,
    probe: Vec<K>,
    fresh: Vec<K>,
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
            values: present.iter().map(|k| k >> 1).collect(),
            present,
            probe,
            fresh,
            hasher: RandomState::new(),
        }
    }

    /// The same keys spelled as `K`, with the same values and hasher.
    fn spelled<K: BenchKey>(&self) -> Keys<K> {
        let spell = |keys: &[u64]| keys.iter().map(|&k| K::from_u64(k)).collect();
        Keys {
            present: spell(&self.present),
            values: self.values.clone(),
            probe: spell(&self.probe),
            fresh: spell(&self.fresh),
            hasher: self.hasher.clone(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Maps (hash and ordered): one trait, one body.

/// A key type of the map benchmarks: `u64`, or a `FrozenStr` spelled from one.
trait BenchKey: Clone + Hash + Eq + 'static {
    fn from_u64(k: u64) -> Self;
}

impl BenchKey for u64 {
    fn from_u64(k: u64) -> Self {
        k
    }
}

/// 20 bytes: too long to be stored inline, so every key is its own allocation, as most string
/// keys are.
impl BenchKey for FrozenStr {
    fn from_u64(k: u64) -> Self {
        FrozenStr::from(format!("key-{k:016x}"))
    }
}

trait BenchMap<K = u64>: Clone + 'static {
    /// Whether `with_inserted`/`without` share structure (false: clone + update).
    const PERSISTENT: bool = true;
    fn build(pairs: impl Iterator<Item = (K, u64)>, hasher: &RandomState) -> Self;
    fn get(&self, k: &K) -> Option<&u64>;
    fn with_inserted(&self, k: K, v: u64) -> Self;
    fn without(&self, k: &K) -> Self;
    fn insert(&mut self, k: K, v: u64);
    fn remove(&mut self, k: &K);
    /// The sum of the values by `fold` (`sum`) and by a `for` loop over `next` (`sum_for`).
    fn sum(&self) -> u64;
    fn sum_for(&self) -> u64;
}

impl<K: BenchKey> BenchMap<K> for FrozenMap<K, u64, RandomState> {
    fn build(pairs: impl Iterator<Item = (K, u64)>, hasher: &RandomState) -> Self {
        let mut map = Self::with_hasher(hasher.clone());
        map.extend(pairs);
        map
    }
    fn get(&self, k: &K) -> Option<&u64> {
        self.get(k)
    }
    fn with_inserted(&self, k: K, v: u64) -> Self {
        self.with_inserted(k, v)
    }
    fn without(&self, k: &K) -> Self {
        self.without(k)
    }
    fn insert(&mut self, k: K, v: u64) {
        self.insert(k, v);
    }
    fn remove(&mut self, k: &K) {
        self.remove(k);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
    }
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for (_, v) in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
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
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for (_, v) in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
    }
}

impl<K: BenchKey, P: SharedPointerKind + 'static> BenchMap<K>
    for imbl::GenericHashMap<K, u64, RandomState, P>
{
    fn build(pairs: impl Iterator<Item = (K, u64)>, hasher: &RandomState) -> Self {
        let mut map = Self::with_hasher(hasher.clone());
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
    fn get(&self, k: &K) -> Option<&u64> {
        self.get(k)
    }
    fn with_inserted(&self, k: K, v: u64) -> Self {
        self.update(k, v)
    }
    fn without(&self, k: &K) -> Self {
        self.without(k)
    }
    fn insert(&mut self, k: K, v: u64) {
        self.insert(k, v);
    }
    fn remove(&mut self, k: &K) {
        self.remove(k);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
    }
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for (_, v) in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
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
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for (_, v) in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
    }
}

impl<K: BenchKey> BenchMap<K> for rpds::HashTrieMapSync<K, u64> {
    fn build(pairs: impl Iterator<Item = (K, u64)>, hasher: &RandomState) -> Self {
        let mut map = rpds::HashTrieMap::new_with_hasher_and_ptr_kind(hasher.clone());
        for (k, v) in pairs {
            map.insert_mut(k, v);
        }
        map
    }
    fn get(&self, k: &K) -> Option<&u64> {
        self.get(k)
    }
    fn with_inserted(&self, k: K, v: u64) -> Self {
        self.insert(k, v)
    }
    fn without(&self, k: &K) -> Self {
        self.remove(k)
    }
    fn insert(&mut self, k: K, v: u64) {
        self.insert_mut(k, v);
    }
    fn remove(&mut self, k: &K) {
        self.remove_mut(k);
    }
    fn sum(&self) -> u64 {
        self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
    }
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for (_, v) in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
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
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for (_, v) in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
    }
}

/// std's maps: no structural sharing, so a persistent update is a clone plus an update.
macro_rules! std_map {
    ([$($generics:tt)*] $ty:ty, $key:ty, $new:expr) => {
        impl<$($generics)*> BenchMap<$key> for $ty {
            const PERSISTENT: bool = false;
            fn build(pairs: impl Iterator<Item = ($key, u64)>, hasher: &RandomState) -> Self {
                let mut map: Self = ($new)(hasher);
                map.extend(pairs);
                map
            }
            fn get(&self, k: &$key) -> Option<&u64> {
                self.get(k)
            }
            fn with_inserted(&self, k: $key, v: u64) -> Self {
                let mut new = self.clone();
                new.insert(k, v);
                new
            }
            fn without(&self, k: &$key) -> Self {
                let mut new = self.clone();
                new.remove(k);
                new
            }
            fn insert(&mut self, k: $key, v: u64) {
                self.insert(k, v);
            }
            fn remove(&mut self, k: &$key) {
                self.remove(k);
            }
            fn sum(&self) -> u64 {
                self.iter().fold(0, |a, (_, v)| a.wrapping_add(*v))
            }
            fn sum_for(&self) -> u64 {
                let mut sum = 0u64;
                for (_, v) in self.iter() {
                    sum = sum.wrapping_add(*v);
                }
                sum
            }
        }
    };
}
std_map!([K: BenchKey] HashMap<K, u64>, K, |h: &RandomState| HashMap::with_hasher(h.clone()));
std_map!([] BTreeMap<u64, u64>, u64, |_: &RandomState| BTreeMap::new());

/// One implementation of one family at one size: its collection is built on first use (so a
/// filtered run builds only what it measures) and kept for every operation.
trait Case<K = u64> {
    fn run(&mut self, c: &mut Criterion, op: &str, n: usize, keys: &Keys<K>);
}

/// Runs the families' operations op-major: every implementation measures an operation back to
/// back, so that a noisy minute on the shared machine does not fall on one implementation only.
fn run_family<K>(
    c: &mut Criterion,
    ops: &[&str],
    n: usize,
    keys: &Keys<K>,
    mut cases: Vec<Box<dyn Case<K>>>,
) {
    for op in ops {
        for case in &mut cases {
            case.run(c, op, n, keys);
        }
    }
}

/// Times `iters` rounds of `timed` and untimed `undo`, which restores the collection's size.
fn half_timed<T>(
    b: &mut Bencher<'_>,
    value: &mut T,
    timed: impl Fn(&mut T),
    undo: impl Fn(&mut T),
) {
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            let t = Instant::now();
            timed(value);
            total += t.elapsed();
            undo(value);
        }
        total
    });
}

/// Operation names (criterion groups are `{family}_{op}`), and the element count per iteration.
const MAP_OPS: [&str; 8] = [
    "lookup",
    "persistent_insert",
    "persistent_remove",
    "insert",
    "remove",
    "iterate",
    "iterate_for",
    "clone",
];

fn elements(op: &str, n: usize) -> usize {
    match op {
        "lookup" => LOOKUPS,
        "iterate" | "iterate_for" => n,
        "clone" => 1,
        _ => UPDATES,
    }
}

struct MapCase<M, K> {
    family: &'static str,
    name: &'static str,
    map: Option<M>,
    key: PhantomData<K>,
}

fn map_case<K: BenchKey, M: BenchMap<K>>(
    family: &'static str,
    name: &'static str,
) -> Box<dyn Case<K>> {
    Box::new(MapCase::<M, K> {
        family,
        name,
        map: None,
        key: PhantomData,
    })
}

impl<K: BenchKey, M: BenchMap<K>> Case<K> for MapCase<M, K> {
    fn run(&mut self, c: &mut Criterion, op: &str, n: usize, keys: &Keys<K>) {
        if op.starts_with("persistent") && !M::PERSISTENT && n > 1_000 {
            return;
        }
        let slot = &mut self.map;
        let mut g = group(c, self.family, op, n, elements(op, n));
        g.bench_function(BenchmarkId::new(self.name, n), |b| {
            let map = slot.get_or_insert_with(|| {
                let pairs = keys
                    .present
                    .iter()
                    .cloned()
                    .zip(keys.values.iter().copied());
                M::build(pairs, &keys.hasher)
            });
            match op {
                "lookup" => b.iter(|| {
                    keys.probe
                        .iter()
                        .fold(0u64, |a, k| a.wrapping_add(*map.get(k).unwrap_or(&0)))
                }),
                "persistent_insert" => b.iter(|| {
                    for k in &keys.fresh {
                        black_box(map.with_inserted(k.clone(), 1));
                    }
                }),
                "persistent_remove" => b.iter(|| {
                    for k in &keys.probe[..UPDATES] {
                        black_box(map.without(k));
                    }
                }),
                "insert" => half_timed(
                    b,
                    map,
                    |m| keys.fresh.iter().for_each(|k| m.insert(k.clone(), 1)),
                    |m| keys.fresh.iter().for_each(|k| m.remove(k)),
                ),
                "remove" => half_timed(
                    b,
                    map,
                    |m| keys.fresh.iter().for_each(|k| m.remove(k)),
                    |m| keys.fresh.iter().for_each(|k| m.insert(k.clone(), 1)),
                ),
                "iterate" => b.iter(|| black_box(&*map).sum()),
                "iterate_for" => b.iter(|| black_box(&*map).sum_for()),
                "clone" => b.iter(|| map.clone()),
                _ => unreachable!("unknown map operation {op}"),
            }
        });
        g.finish();
    }
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

const VEC_OPS: [&str; 9] = [
    "lookup",
    "persistent_push_back",
    "persistent_set",
    "persistent_pop_back",
    "push_back",
    "pop_back",
    "set",
    "iterate",
    "clone",
];

struct VecCase<V> {
    name: &'static str,
    vec: Option<V>,
}

fn vec_case<V: BenchVec>(name: &'static str) -> Box<dyn Case> {
    Box::new(VecCase::<V> { name, vec: None })
}

impl<V: BenchVec> Case for VecCase<V> {
    fn run(&mut self, c: &mut Criterion, op: &str, n: usize, keys: &Keys) {
        if op.starts_with("persistent") && !V::PERSISTENT && n > 1_000 {
            return;
        }
        let index: Vec<usize> = keys
            .probe
            .iter()
            .map(|k| (mix(*k) % n as u64) as usize)
            .collect();
        let slot = &mut self.vec;
        let mut g = group(c, "vector", op, n, elements(op, n));
        g.bench_function(BenchmarkId::new(self.name, n), |b| {
            let vec = slot.get_or_insert_with(|| V::build(keys.present.iter().copied()));
            match op {
                "lookup" => b.iter(|| {
                    index
                        .iter()
                        .fold(0u64, |a, &i| a.wrapping_add(*vec.get(i).unwrap_or(&0)))
                }),
                "persistent_push_back" => b.iter(|| {
                    for &k in &keys.fresh {
                        black_box(vec.with_pushed_back(k));
                    }
                }),
                "persistent_set" => b.iter(|| {
                    for &i in &index[..UPDATES] {
                        black_box(vec.with_replaced(i, 7));
                    }
                }),
                "persistent_pop_back" => b.iter(|| {
                    for _ in 0..UPDATES {
                        black_box(vec.without_last());
                    }
                }),
                "push_back" => half_timed(
                    b,
                    vec,
                    |v| keys.fresh.iter().for_each(|&k| v.push_back(k)),
                    |v| (0..UPDATES).for_each(|_| v.pop_back()),
                ),
                "pop_back" => half_timed(
                    b,
                    vec,
                    |v| (0..UPDATES).for_each(|_| v.pop_back()),
                    |v| keys.fresh.iter().for_each(|&k| v.push_back(k)),
                ),
                "set" => b.iter(|| {
                    for &i in &index[..UPDATES] {
                        vec.set(i, 7);
                    }
                }),
                "iterate" => b.iter(|| black_box(&*vec).sum()),
                "clone" => b.iter(|| vec.clone()),
                _ => unreachable!("unknown vector operation {op}"),
            }
        });
        g.finish();
    }
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
    /// The sum of the values by `fold` (`sum`) and by a `for` loop over `next` (`sum_for`).
    fn sum(&self) -> u64;
    fn sum_for(&self) -> u64;
}

impl BenchSet for FrozenSet<u64, RandomState> {
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
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for v in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
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
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for v in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
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
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for v in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
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
    fn sum_for(&self) -> u64 {
        let mut sum = 0u64;
        for v in self.iter() {
            sum = sum.wrapping_add(*v);
        }
        sum
    }
}

struct SetCase<S> {
    name: &'static str,
    set: Option<S>,
}

fn set_case<S: BenchSet>(name: &'static str) -> Box<dyn Case> {
    Box::new(SetCase::<S> { name, set: None })
}

impl<S: BenchSet> Case for SetCase<S> {
    fn run(&mut self, c: &mut Criterion, op: &str, n: usize, keys: &Keys) {
        if op.starts_with("persistent") && !S::PERSISTENT && n > 1_000 {
            return;
        }
        let slot = &mut self.set;
        let mut g = group(c, "hashset", op, n, elements(op, n));
        g.bench_function(BenchmarkId::new(self.name, n), |b| {
            let set =
                slot.get_or_insert_with(|| S::build(keys.present.iter().copied(), &keys.hasher));
            match op {
                "lookup" => b.iter(|| keys.probe.iter().filter(|k| set.contains(k)).count()),
                "persistent_insert" => b.iter(|| {
                    for &k in &keys.fresh {
                        black_box(set.with_inserted(k));
                    }
                }),
                "persistent_remove" => b.iter(|| {
                    for k in &keys.probe[..UPDATES] {
                        black_box(set.without(k));
                    }
                }),
                "insert" => half_timed(
                    b,
                    set,
                    |s| keys.fresh.iter().for_each(|&k| s.insert(k)),
                    |s| keys.fresh.iter().for_each(|k| s.remove(k)),
                ),
                "remove" => half_timed(
                    b,
                    set,
                    |s| keys.fresh.iter().for_each(|k| s.remove(k)),
                    |s| keys.fresh.iter().for_each(|&k| s.insert(k)),
                ),
                "iterate" => b.iter(|| black_box(&*set).sum()),
                "iterate_for" => b.iter(|| black_box(&*set).sum_for()),
                "clone" => b.iter(|| set.clone()),
                _ => unreachable!("unknown set operation {op}"),
            }
        });
        g.finish();
    }
}

// ---------------------------------------------------------------------------------------------
// Short vectors (n = 1 … 64): `FrozenVec`'s exact-sized array against imbl's vector with
// triomphe pointers (`imbl_arctk`), which is what `FrozenVec` was for every length before the
// short representation, and std's `Vec`. 48 and 64 are above the threshold (a tree again).

const SHORT_SIZES: [usize; 5] = [1, 8, 32, 48, 64];

const SHORT_OPS: [&str; 7] = [
    "get",
    "iterate",
    "clone",
    "push_back",
    "persistent_push_back",
    "set",
    "collect",
];

fn short_vector_op<V: BenchVec>(c: &mut Criterion, name: &str, op: &str, n: usize) {
    let mut g = c.benchmark_group(format!("vector_short_{op}"));
    g.throughput(Throughput::Elements(match op {
        "get" | "iterate" | "collect" => n as u64,
        _ => 1,
    }));
    g.warm_up_time(Duration::from_millis(200));
    g.measurement_time(Duration::from_millis(600));
    g.sample_size(20);
    let build = || V::build(0..n as u64);
    let vec = build();
    g.bench_function(BenchmarkId::new(name, n), |b| match op {
        "get" => b.iter(|| {
            (0..n).fold(0u64, |a, i| {
                a.wrapping_add(*black_box(&vec).get(i).unwrap_or(&0))
            })
        }),
        "iterate" => b.iter(|| black_box(&vec).sum()),
        "clone" => b.iter(|| black_box(&vec).clone()),
        // In place on an unshared vector: a fresh one per iteration, built and dropped untimed.
        "push_back" => b.iter_batched_ref(build, |v| v.push_back(7), BatchSize::SmallInput),
        "persistent_push_back" => b.iter(|| black_box(&vec).with_pushed_back(7)),
        "set" => b.iter_batched_ref(build, |v| v.set(n / 2, 7), BatchSize::SmallInput),
        "collect" => b.iter(|| V::build(0..black_box(n) as u64)),
        _ => unreachable!("unknown short-vector operation {op}"),
    });
    g.finish();
}

fn short_vectors(c: &mut Criterion) {
    for op in SHORT_OPS {
        for n in SHORT_SIZES {
            short_vector_op::<FrozenVec<u64>>(c, "frozen", op, n);
            short_vector_op::<ImblVector<ArcTK>>(c, "imbl_arctk", op, n);
            short_vector_op::<Vec<u64>>(c, "std", op, n);
        }
    }
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
type StrImblMap<P> = imbl::GenericHashMap<FrozenStr, u64, RandomState, P>;
type ImblOrdMap<P> = imbl::GenericOrdMap<u64, u64, P>;
type ImblVector<P> = imbl::GenericVector<u64, P>;
type ImblSet<P> = imbl::GenericHashSet<u64, RandomState, P>;

/// Equality of two equal maps of 10^6 entries that share all but one path (one value rewritten
/// with itself): the frozen trie compares node by node and skips shared sub-tries; imbl and std
/// compare every entry.
fn equality_one_path_apart(c: &mut Criterion) {
    let n = 1_000_000;
    let keys = Keys::new(n);
    let pairs = || {
        keys.present
            .iter()
            .copied()
            .zip(keys.values.iter().copied())
    };
    let k = keys.present[n / 2];
    let frozen = <FrozenMap<u64, u64, RandomState> as BenchMap>::build(pairs(), &keys.hasher);
    let frozen_b = frozen.with_inserted(k, k >> 1);
    assert!(!frozen.ptr_eq(&frozen_b));
    let imbl_a = <ImblMap<ArcK> as BenchMap>::build(pairs(), &keys.hasher);
    let imbl_b = imbl_a.update(k, k >> 1);
    let std_a = <HashMap<u64, u64> as BenchMap>::build(pairs(), &keys.hasher);
    let std_b = std_a.clone();
    let mut g = group(c, "hashmap", "eq_one_path_apart", n, 1);
    g.bench_function(BenchmarkId::new("frozen", n), |b| {
        b.iter(|| black_box(&frozen) == black_box(&frozen_b))
    });
    g.bench_function(BenchmarkId::new("imbl", n), |b| {
        b.iter(|| black_box(&imbl_a) == black_box(&imbl_b))
    });
    g.bench_function(BenchmarkId::new("std", n), |b| {
        b.iter(|| black_box(&std_a) == black_box(&std_b))
    });
    g.finish();
}

/// Set algebra between a set of `n` keys and a version of it with `k` more (built by `k`
/// persistent inserts, so the two share all but `k` paths): `union`, `is_subset` and
/// `difference` (`&plus - &set`, the `k` new keys). The frozen set walks both tries and skips the
/// shared sub-tries; imbl combines element by element (its `union` and `relative_complement`
/// consume their operands, so the clones are part of its cost, as they would be for a caller
/// keeping both); std clones and loops (`union`: clone + `extend`), or loops (`is_subset`,
/// `&a - &b`).
fn set_algebra_between_versions(c: &mut Criterion) {
    for n in [100_000, 1_000_000] {
        let keys = Keys::new(n);
        let frozen = <FrozenSet<u64, RandomState> as BenchSet>::build(
            keys.present.iter().copied(),
            &keys.hasher,
        );
        let imbl_set =
            <ImblSet<ArcK> as BenchSet>::build(keys.present.iter().copied(), &keys.hasher);
        let std_set = <HashSet<u64> as BenchSet>::build(keys.present.iter().copied(), &keys.hasher);
        for k in [1, 10, 100] {
            let added = &keys.fresh[..k];
            let frozen_plus = added
                .iter()
                .fold(frozen.clone(), |s, &v| s.with_inserted(v));
            let imbl_plus = added.iter().fold(imbl_set.clone(), |s, &v| s.update(v));
            let mut std_plus = std_set.clone();
            std_plus.extend(added.iter().copied());
            let id = |name: &str| BenchmarkId::new(name, format!("{n}/k={k}"));

            let mut g = group(c, "hashset", "union_versions", n, 1);
            g.bench_function(id("frozen"), |b| {
                b.iter(|| black_box(&frozen) | black_box(&frozen_plus))
            });
            g.bench_function(id("imbl"), |b| {
                b.iter(|| black_box(imbl_set.clone()).union(black_box(imbl_plus.clone())))
            });
            g.bench_function(id("std"), |b| {
                b.iter(|| {
                    let mut out = black_box(&std_set).clone();
                    out.extend(black_box(&std_plus).iter().copied());
                    out
                })
            });
            g.finish();

            let mut g = group(c, "hashset", "is_subset_versions", n, 1);
            g.bench_function(id("frozen"), |b| {
                b.iter(|| black_box(&frozen).is_subset(black_box(&frozen_plus)))
            });
            g.bench_function(id("imbl"), |b| {
                b.iter(|| black_box(&imbl_set).is_subset(black_box(&imbl_plus)))
            });
            g.bench_function(id("std"), |b| {
                b.iter(|| black_box(&std_set).is_subset(black_box(&std_plus)))
            });
            g.finish();

            let mut g = group(c, "hashset", "difference_versions", n, 1);
            g.bench_function(id("frozen"), |b| {
                b.iter(|| black_box(&frozen_plus) - black_box(&frozen))
            });
            g.bench_function(id("imbl"), |b| {
                b.iter(|| {
                    black_box(imbl_plus.clone()).relative_complement(black_box(imbl_set.clone()))
                })
            });
            g.bench_function(id("std"), |b| {
                b.iter(|| black_box(&std_plus) - black_box(&std_set))
            });
            g.finish();
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    equality_one_path_apart(&mut c);
    set_algebra_between_versions(&mut c);
    for n in SIZES {
        let keys = Keys::new(n);
        let hash_maps = vec![
            map_case::<_, FrozenMap<u64, u64, RandomState>>("hashmap", "frozen"),
            map_case::<_, ImblMap<ArcK>>("hashmap", "imbl"),
            map_case::<_, ImblMap<ArcTK>>("hashmap", "imbl_arctk"),
            map_case::<_, rpds::HashTrieMapSync<u64, u64>>("hashmap", "rpds"),
            map_case::<_, HashMap<u64, u64>>("hashmap", "std"),
        ];
        run_family(&mut c, &MAP_OPS, n, &keys, hash_maps);
        let str_keys = keys.spelled::<FrozenStr>();
        let str_maps = vec![
            map_case::<_, FrozenMap<FrozenStr, u64, RandomState>>("hashmap_str", "frozen"),
            map_case::<_, StrImblMap<ArcK>>("hashmap_str", "imbl"),
            map_case::<_, rpds::HashTrieMapSync<FrozenStr, u64>>("hashmap_str", "rpds"),
            map_case::<_, HashMap<FrozenStr, u64>>("hashmap_str", "std"),
        ];
        run_family(&mut c, &MAP_OPS, n, &str_keys, str_maps);
        let ord_maps = vec![
            map_case::<_, FrozenOrdMap<u64, u64>>("ordmap", "frozen"),
            map_case::<_, ImblOrdMap<ArcK>>("ordmap", "imbl"),
            map_case::<_, ImblOrdMap<ArcTK>>("ordmap", "imbl_arctk"),
            map_case::<_, rpds::RedBlackTreeMapSync<u64, u64>>("ordmap", "rpds"),
            map_case::<_, BTreeMap<u64, u64>>("ordmap", "std"),
        ];
        run_family(&mut c, &MAP_OPS, n, &keys, ord_maps);
        let vectors = vec![
            vec_case::<FrozenVec<u64>>("frozen"),
            vec_case::<ImblVector<ArcK>>("imbl"),
            vec_case::<ImblVector<ArcTK>>("imbl_arctk"),
            vec_case::<rpds::VectorSync<u64>>("rpds"),
            vec_case::<Vec<u64>>("std"),
        ];
        run_family(&mut c, &VEC_OPS, n, &keys, vectors);
        let sets = vec![
            set_case::<FrozenSet<u64, RandomState>>("frozen"),
            set_case::<ImblSet<ArcK>>("imbl"),
            set_case::<rpds::HashTrieSetSync<u64>>("rpds"),
            set_case::<HashSet<u64>>("std"),
        ];
        run_family(&mut c, &MAP_OPS, n, &keys, sets);
    }
    short_vectors(&mut c);
    c.final_summary();
}
