//! Panic safety of `FrozenMap` / `FrozenSet` updates: a fuse makes the k-th call of a key's
//! `Hash`, `Eq` or `Clone`, or of a value's `Clone`, or of the user closure, panic, for every k
//! until the operation completes without reaching the fuse. After each panic the map that was
//! being updated and a snapshot that shares its nodes must both be valid (`len` agrees with
//! iteration, every entry is found by lookup), the snapshot must be unchanged, and, once
//! everything is dropped, every value made must have been dropped exactly once.

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{BuildHasher, DefaultHasher, Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};

use deepfreeze::map::Entry;
use deepfreeze::{FrozenMap, FrozenSet};

thread_local! {
    /// Calls left before the fuse blows; `u64::MAX` when disarmed.
    static FUSE: Cell<u64> = const { Cell::new(u64::MAX) };
    /// Values alive (made minus dropped).
    static LIVE: Cell<i64> = const { Cell::new(0) };
}

/// One call of user code: counts down the fuse and panics when it reaches zero.
fn tick() {
    FUSE.with(|fuse| {
        let left = fuse.get();
        if left == u64::MAX {
            return;
        }
        if left == 0 {
            fuse.set(u64::MAX);
            panic!("fuse");
        }
        fuse.set(left - 1);
    });
}

fn arm(calls_before_panic: u64) {
    FUSE.with(|fuse| fuse.set(calls_before_panic));
}

fn disarm() -> bool {
    FUSE.with(|fuse| {
        let blown = fuse.get() == u64::MAX;
        fuse.set(u64::MAX);
        !blown
    })
}

/// A key whose `Hash`, `Eq` and `Clone` tick the fuse.
#[derive(Debug)]
struct Key(u32);

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        tick();
        self.0.hash(state);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        tick();
        self.0 == other.0
    }
}

impl Eq for Key {}

impl Clone for Key {
    fn clone(&self) -> Self {
        tick();
        Key(self.0)
    }
}

/// A value whose `Clone` ticks the fuse and whose drops are counted.
#[derive(Debug, PartialEq)]
struct Val(u32);

impl Val {
    fn new(v: u32) -> Self {
        LIVE.with(|live| live.set(live.get() + 1));
        Val(v)
    }
}

impl Clone for Val {
    fn clone(&self) -> Self {
        tick();
        Val::new(self.0)
    }
}

impl Drop for Val {
    fn drop(&mut self) {
        LIVE.with(|live| live.set(live.get() - 1));
    }
}

fn live() -> i64 {
    LIVE.with(Cell::get)
}

/// Hashes only `key % 4` (through SipHash): every key shares one of four collision nodes.
#[derive(Clone, Default)]
struct Collide;

struct CollideHasher(DefaultHasher);

impl Hasher for CollideHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }
    fn write_u32(&mut self, n: u32) {
        self.0.write_u32(n % 4);
    }
    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

impl BuildHasher for Collide {
    type Hasher = CollideHasher;
    fn build_hasher(&self) -> CollideHasher {
        CollideHasher(DefaultHasher::new())
    }
}

type Model = HashMap<u32, u32>;

fn size() -> u32 {
    if cfg!(miri) { 3 } else { 40 }
}

/// The fuse positions tried: every call natively; under Miri (some 10^4 times slower) every
/// seventh, which still lands in every phase of each operation.
fn fuse_stride() -> usize {
    if cfg!(miri) { 7 } else { 1 }
}

/// `map` is a valid map: `len` agrees with iteration, keys are distinct and found by lookup.
fn assert_valid<S: BuildHasher>(map: &FrozenMap<Key, Val, S>) -> Model {
    let entries: Model = map.iter().map(|(k, v)| (k.0, v.0)).collect();
    assert_eq!(entries.len(), map.len(), "len disagrees with iteration");
    assert_eq!(map.iter().len(), map.len());
    for (k, v) in &entries {
        assert_eq!(
            map.get(&Key(*k)).map(|v| v.0),
            Some(*v),
            "entry {k} not found"
        );
    }
    entries
}

fn build<S: BuildHasher + Clone>(hasher: &S, n: u32) -> FrozenMap<Key, Val, S> {
    let mut map = FrozenMap::with_hasher(hasher.clone());
    for i in 0..n {
        map.insert(Key(i), Val::new(i));
    }
    map
}

type Op<S> = fn(&mut FrozenMap<Key, Val, S>);

/// Runs `op` on a map of `n` entries (shared with a snapshot, or unique) with the fuse at
/// every k in turn, until `op` completes.
fn for_every_fuse<S: BuildHasher + Clone>(hasher: S, name: &str, op: Op<S>) {
    let before = live();
    for shared in [true, false] {
        for k in (0..).step_by(fuse_stride()) {
            let mut map = build(&hasher, size());
            let snapshot = shared.then(|| map.clone());
            let expected = assert_valid(&map);
            arm(k);
            let outcome = catch_unwind(AssertUnwindSafe(|| op(&mut map)));
            let blown = !disarm();
            let after = assert_valid(&map);
            if let Some(snapshot) = &snapshot {
                assert_eq!(
                    assert_valid(snapshot),
                    expected,
                    "{name}: k={k}: snapshot changed"
                );
            }
            if outcome.is_err() {
                assert!(blown || k == 0, "{name}: a panic that was not the fuse");
                // The map holds old and new entries only (no stray keys, no lost untouched ones).
                for key in after.keys() {
                    assert!(*key < 1000, "{name}: k={k}: unexpected key {key}");
                }
            } else {
                drop(map);
                drop(snapshot);
                break;
            }
            drop(map);
            drop(snapshot);
            assert_eq!(
                live(),
                before,
                "{name}: k={k}: values leaked or dropped twice"
            );
        }
    }
    assert_eq!(live(), before, "{name}: values leaked or dropped twice");
}

fn insert_new<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    for i in 500..500 + size() {
        map.insert(Key(i), Val::new(i));
    }
}

fn insert_existing<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    for i in 0..size() {
        map.insert(Key(i), Val::new(i + 1));
    }
}

fn remove_all<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    for i in 0..size() {
        assert!(map.remove(&Key(i)).is_some());
    }
    assert!(map.is_empty());
}

fn get_mut_all<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    for i in 0..size() {
        map.get_mut(&Key(i)).expect("present").0 += 1;
    }
}

fn entries<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    for i in 0..size() * 2 {
        match map.entry(Key(i)) {
            Entry::Occupied(entry) if i % 3 == 0 => {
                entry.remove();
            }
            Entry::Occupied(mut entry) => {
                tick();
                entry.get_mut().0 += 1;
            }
            Entry::Vacant(entry) => {
                let value = Val::new(i);
                tick();
                entry.insert(value);
            }
        }
    }
}

fn retain_odd<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    map.retain(|k, v| {
        tick();
        v.0 += 1;
        k.0 % 2 == 1
    });
}

fn extract_some<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    let taken: Vec<_> = map
        .extract_if(|k, _| {
            tick();
            k.0 % 3 == 0
        })
        .take(4)
        .collect();
    assert!(taken.len() <= 4);
}

fn iter_mut_all<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    for (_, v) in map.iter_mut() {
        tick();
        v.0 += 1;
    }
}

fn disjoint<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    let [a, b, c] = map.get_disjoint_mut([&Key(0), &Key(1), &Key(999)]);
    assert!(c.is_none());
    std::mem::swap(a.expect("present"), b.expect("present"));
}

fn merge<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    let other = build(map.hasher(), size() + 5);
    let merged = map.union_with(&other, |l, r| {
        tick();
        Val::new(l.0 + r.0)
    });
    *map = merged;
}

/// Union with a version of the map a few entries apart (node by node, sharing sub-tries).
fn union_version<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    let mut other = map.without(&Key(1)).with_inserted(Key(700), Val::new(700));
    other.insert(Key(2), Val::new(22));
    let merged = map.union(&other);
    assert!(merged.diff(map).count() <= 1);
    *map = merged;
}

fn rebuild<S: BuildHasher + Clone + Default>(map: &mut FrozenMap<Key, Val, S>) {
    let entries: Vec<(Key, Val)> = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let rebuilt: FrozenMap<Key, Val, S> = entries.into_iter().collect();
    *map = rebuilt;
}

fn drain_half<S: BuildHasher + Clone>(map: &mut FrozenMap<Key, Val, S>) {
    let half = map.len() / 2;
    let drained: Vec<_> = map.drain().take(half).collect();
    assert_eq!(drained.len(), half);
}

/// All the operations, with one hasher.
fn every_op<S: BuildHasher + Clone + Default>(hasher: S) {
    let ops: [(&str, Op<S>); 13] = [
        ("insert_new", insert_new),
        ("insert_existing", insert_existing),
        ("remove_all", remove_all),
        ("get_mut_all", get_mut_all),
        ("entries", entries),
        ("retain_odd", retain_odd),
        ("extract_some", extract_some),
        ("iter_mut_all", iter_mut_all),
        ("disjoint", disjoint),
        ("merge", merge),
        ("union_version", union_version),
        ("rebuild", rebuild),
        ("drain_half", drain_half),
    ];
    for (name, op) in ops {
        for_every_fuse(hasher.clone(), name, op);
    }
}

#[test]
fn every_update_survives_a_panic_at_every_call_default_hasher() {
    every_op(deepfreeze::map::DefaultHashBuilder::default());
}

#[test]
fn every_update_survives_a_panic_at_every_call_collision_nodes() {
    every_op(Collide);
}

#[test]
fn set_updates_survive_a_panic_at_every_call() {
    let before = live();
    for k in (0..).step_by(fuse_stride()) {
        let mut set: FrozenSet<Key> = (0..size()).map(Key).collect();
        let snapshot = set.clone();
        arm(k);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            for i in 0..size() {
                set.insert(Key(i + 100));
                set.replace(Key(i));
                set.remove(&Key(i / 2));
            }
            set.retain(|key| {
                tick();
                key.0 % 2 == 0
            });
        }));
        disarm();
        let elements: Vec<u32> = set.iter().map(|k| k.0).collect();
        assert_eq!(elements.len(), set.len());
        for e in &elements {
            assert!(set.contains(&Key(*e)));
        }
        assert_eq!(snapshot.len(), size() as usize);
        for i in 0..size() {
            assert!(snapshot.contains(&Key(i)));
        }
        if outcome.is_ok() {
            break;
        }
    }
    assert_eq!(live(), before);
}

/// The set operators and predicates only read their operands: a panic in `Hash`, `Eq` or
/// `Clone` at any call leaves both as they were. (Elements are not drop-counted; the map's
/// `union_version` above counts the drops of the same node-by-node code.)
#[test]
fn set_algebra_survives_a_panic_at_every_call() {
    for independent in [false, true] {
        for k in (0..).step_by(fuse_stride()) {
            let a: FrozenSet<Key> = (0..size()).map(Key).collect();
            let other: FrozenSet<Key> = (size() / 2..size() + 9).map(Key).collect();
            let b = if independent {
                other
            } else {
                a.without(&Key(3)).with_inserted(Key(900))
            };
            let (a_len, b_len) = (a.len(), b.len());
            arm(k);
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let results = [&a | &b, &a & &b, &a - &b, &b - &a, &a ^ &b];
                let answers = (a.is_subset(&b), b.is_superset(&a), a.is_disjoint(&b));
                (results, answers)
            }));
            disarm();
            for (set, len) in [(&a, a_len), (&b, b_len)] {
                assert_eq!(set.len(), len);
                assert_eq!(set.iter().count(), len);
                for key in set.iter() {
                    assert!(set.contains(key));
                }
            }
            if outcome.is_ok() {
                break;
            }
        }
    }
}
