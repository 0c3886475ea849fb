//! A driver for counting the instructions of `FrozenMap<u64, u64>` lookups and iteration under
//! callgrind, against std's `HashMap` with the same hasher (one std `RandomState`, SipHash-1-3).
//! Instruction counts do not depend on the machine's load, unlike criterion's times.
//!
//! ```text
//! cargo build --release --example hash_instructions
//! valgrind --tool=callgrind --callgrind-out-file=cg.out --toggle-collect='hash_instructions::timed*' \
//!     target/release/examples/hash_instructions frozen lookup 100000 100000
//! callgrind_annotate cg.out | grep 'PROGRAM TOTALS'     # divide by the 100000 operations
//! ```
//!
//! Arguments: `frozen` or `std`, an operation, the size `n`, the count. `lookup` runs `count`
//! `get`s of present keys (cycling through them in a shuffled order); `lookup_hot` cycles through
//! only 1,000 of them, as `benches/collections.rs` does, so that their paths stay in cache (under
//! `time`, with a large count, a quick wall-clock comparison of the two maps); `fold` and `for`
//! sum the values of the whole map `count / n` times (at least once), through `Iterator::fold`
//! and a `for` loop (`next`). `insert` and `remove` are shaped like the `hashmap_insert` and
//! `hashmap_remove` benches: `count / 100` rounds (at least one) on one unshared map of `n`, each
//! inserting 100 fresh keys (timed) and removing them again (not timed), or the reverse for
//! `remove`. `persistent_insert` and `persistent_remove` make `count` new versions of the map,
//! each with one fresh key added or one present key removed, and drop them, as the
//! `hashmap_persistent_*` benches do (std: a clone and an update). Divide the total by `count`
//! for instructions per operation or per element. Only the work inside `timed` is counted;
//! building the map is not.

use std::collections::HashMap;
use std::hash::RandomState;
use std::hint::black_box;

use deepfreeze::FrozenMap;

/// The only code callgrind counts (`--toggle-collect`).
#[inline(never)]
fn timed<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// The operations measured, on both maps.
trait Measured {
    fn build(keys: &[u64], hasher: RandomState) -> Self;
    fn get(&self, key: &u64) -> Option<&u64>;
    fn insert_all(&mut self, keys: &[u64]);
    fn remove_all(&mut self, keys: &[u64]);
    fn with_inserted(&self, key: u64) -> Self;
    fn without(&self, key: &u64) -> Self;
    fn sum_fold(&self) -> u64;
    fn sum_for(&self) -> u64;
}

/// The same code for both maps, so that only the map differs (but for the persistent updates,
/// which std has not: a clone and an update).
macro_rules! measured {
    ($map:ident, |$map_in:ident, $key_in:ident| $inserted:expr, |$map_out:ident, $key_out:ident| $without:expr) => {
        impl Measured for $map<u64, u64, RandomState> {
            fn build(keys: &[u64], hasher: RandomState) -> Self {
                let mut map = $map::with_hasher(hasher);
                map.extend(keys.iter().map(|&k| (k, k)));
                map
            }
            fn get(&self, key: &u64) -> Option<&u64> {
                $map::get(self, key)
            }
            #[inline(never)]
            fn insert_all(&mut self, keys: &[u64]) {
                for &k in keys {
                    black_box($map::insert(self, black_box(k), 1));
                }
            }
            #[inline(never)]
            fn remove_all(&mut self, keys: &[u64]) {
                for k in keys {
                    black_box($map::remove(self, black_box(k)));
                }
            }
            fn with_inserted(&self, $key_in: u64) -> Self {
                let $map_in = self;
                $inserted
            }
            fn without(&self, $key_out: &u64) -> Self {
                let $map_out = self;
                $without
            }
            #[inline(never)]
            fn sum_fold(&self) -> u64 {
                self.iter().fold(0, |acc, (_, v)| acc.wrapping_add(*v))
            }
            #[inline(never)]
            fn sum_for(&self) -> u64 {
                let mut acc = 0u64;
                for (_, v) in self.iter() {
                    acc = acc.wrapping_add(*v);
                }
                acc
            }
        }
    };
}

measured!(
    FrozenMap,
    |map, key| map.with_inserted(key, 1),
    |map, key| map.without(key)
);
measured!(
    HashMap,
    |map, key| {
        let mut map = map.clone();
        map.insert(key, 1);
        map
    },
    |map, key| {
        let mut map = map.clone();
        map.remove(key);
        map
    }
);

/// `n` distinct pseudo-random keys (xorshift64*), in a fixed order.
fn keys(n: usize) -> Vec<u64> {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut out: Vec<u64> = (0..n)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    // A lookup order unrelated to the trie's or the table's.
    for i in (1..out.len()).rev() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let j = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
        out.swap(i, j);
    }
    out
}

/// Keys per round of `insert` and `remove`, as in the benches.
const UPDATES: usize = 100;

fn run<M: Measured>(op: &str, n: usize, count: usize) {
    let updates = if matches!(op, "insert" | "remove" | "persistent_insert") {
        UPDATES
    } else {
        0
    };
    let all = keys(n + updates);
    let (keys, fresh) = all.split_at(n);
    let mut map = M::build(keys, RandomState::new());
    let rounds = (count / UPDATES).max(1);
    let result = match op {
        "insert" => {
            for _ in 0..rounds {
                timed(|| map.insert_all(fresh));
                map.remove_all(fresh);
            }
            0
        }
        "remove" => {
            for _ in 0..rounds {
                map.insert_all(fresh);
                timed(|| map.remove_all(fresh));
            }
            0
        }
        "lookup" | "lookup_hot" => {
            let probe = if op == "lookup" {
                keys
            } else {
                &keys[..keys.len().min(1000)]
            };
            timed(|| {
                let mut acc = 0u64;
                for key in probe.iter().cycle().take(count) {
                    acc = acc.wrapping_add(*map.get(black_box(key)).unwrap_or(&0));
                }
                acc
            })
        }
        "persistent_insert" => timed(|| {
            for key in fresh.iter().cycle().take(count) {
                drop(black_box(map.with_inserted(*key)));
            }
            0
        }),
        "persistent_remove" => timed(|| {
            for key in keys.iter().cycle().take(count) {
                drop(black_box(map.without(key)));
            }
            0
        }),
        "fold" => timed(|| {
            (0..(count / keys.len()).max(1))
                .fold(0u64, |acc, _| acc.wrapping_add(black_box(&map).sum_fold()))
        }),
        "for" => timed(|| {
            (0..(count / keys.len()).max(1))
                .fold(0u64, |acc, _| acc.wrapping_add(black_box(&map).sum_for()))
        }),
        _ => panic!(
            "unknown operation {op}: lookup, lookup_hot, fold, for, insert, remove, \
             persistent_insert or persistent_remove"
        ),
    };
    black_box(result);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, which, op, n, count] = &args[..] else {
        panic!(
            "usage: hash_instructions frozen|std \
             lookup|lookup_hot|fold|for|insert|remove|persistent_insert|persistent_remove N COUNT"
        );
    };
    let n: usize = n.parse().expect("N is a number");
    let count: usize = count.parse().expect("COUNT is a number");
    match which.as_str() {
        "frozen" => run::<FrozenMap<u64, u64, RandomState>>(op, n, count),
        "std" => run::<HashMap<u64, u64, RandomState>>(op, n, count),
        _ => panic!("unknown map {which}: frozen or std"),
    }
}
