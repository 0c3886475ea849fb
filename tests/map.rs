//! `FrozenMap` against a `std::collections::HashMap` model: random action sequences, compared
//! after every step; persistent updates and snapshots must never change; clones read the same
//! from other threads; hashers that force collisions and deep tries.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Debug;
use std::hash::{BuildHasher, DefaultHasher, Hash, Hasher, RandomState};

use deepfreeze::map::{DiffItem, Entry};
use deepfreeze::{Frozen, FrozenMap};
use proptest::prelude::*;
use static_assertions::{assert_impl_all, assert_not_impl_any};

// ---------------------------------------------------------------------------------------------
// Hashers

#[path = "common/hashers.rs"]
mod hashers;

use hashers::{Masked, NotFrozenHasher};

/// 8 distinct hashes: almost every key collides fully.
type FewHashes = Masked<0b111>;
/// 64 distinct hashes: collision nodes of a few keys each.
type SomeHashes = Masked<0x3f>;
/// Only bits 29..32 vary: all keys share the path through the first five levels.
type DeepPrefix = Masked<0xe000_0000>;
/// Only the top 4 of 64 bits vary: keys collide in all but the top bits.
type TopBits = Masked<0xf000_0000_0000_0000>;

assert_impl_all!(FrozenMap<u16, String, FewHashes>: Frozen, Send, Sync, Clone, Default);
assert_impl_all!(FrozenMap<String, FrozenMap<u8, u8, FewHashes>, FewHashes>: Frozen);
assert_impl_all!(FrozenMap<u16, u16>: Send, Sync, Clone, Eq, Hash, Debug);
assert_not_impl_any!(FrozenMap<u16, std::cell::Cell<u8>, FewHashes>: Frozen);
assert_not_impl_any!(FrozenMap<std::rc::Rc<u8>, u8, FewHashes>: Frozen);
assert_not_impl_any!(FrozenMap<u16, u16, NotFrozenHasher>: Frozen);
assert_impl_all!(deepfreeze::map::Iter<'static, u8, u8>: ExactSizeIterator, std::iter::FusedIterator, Clone, Send, Sync);
assert_impl_all!(deepfreeze::map::Keys<'static, u8, u8>: ExactSizeIterator, std::iter::FusedIterator, Clone);
assert_impl_all!(deepfreeze::map::Values<'static, u8, u8>: ExactSizeIterator, std::iter::FusedIterator, Clone);
assert_impl_all!(deepfreeze::map::IntoIter<u8, u8>: ExactSizeIterator, std::iter::FusedIterator, Send, Sync);
assert_not_impl_any!(deepfreeze::map::Iter<'static, u8, u8>: Frozen);

// ---------------------------------------------------------------------------------------------
// Keys and values made from small numbers, so one `Action` type drives every instantiation.

trait Key: Clone + Hash + Ord + Debug + Send + Sync + 'static {
    fn make(index: u16) -> Self;
}
impl Key for u16 {
    fn make(index: u16) -> Self {
        index
    }
}
impl Key for String {
    fn make(index: u16) -> Self {
        format!("key-{index}")
    }
}

trait Val: Clone + Hash + Ord + Debug + Send + Sync + 'static {
    fn make(seed: u32) -> Self;
    /// A non-commutative combination, so argument order mistakes show.
    fn combine(&self, other: &Self) -> Self;
}
impl Val for u32 {
    fn make(seed: u32) -> Self {
        seed
    }
    fn combine(&self, other: &Self) -> Self {
        self.wrapping_mul(31).wrapping_add(*other)
    }
}
impl Val for String {
    fn make(seed: u32) -> Self {
        format!("v{seed}")
    }
    fn combine(&self, other: &Self) -> Self {
        format!("({self}<{other})")
    }
}

fn fixed_hash<T: Hash>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// The retain predicate of `Action::Retain(seed)`.
fn keep<K: Hash, V: Hash>(seed: u8, key: &K, value: &V) -> bool {
    fixed_hash(&(seed, key, value)) % 3 != 0
}

// ---------------------------------------------------------------------------------------------
// Actions

#[derive(Clone, Debug)]
enum Action {
    Insert(u16, u32),
    Remove(u16),
    RemoveEntry(u16),
    WithInserted(u16, u32),
    Without(u16),
    Alter(u16, Option<u32>),
    Retain(u8),
    Extend(Vec<(u16, u32)>),
    /// Inserts keys `start..start + count`, all with value `seed + i`: grows the trie.
    InsertRange(u16, u16, u32),
    Union(Vec<(u16, u32)>),
    /// Union with a map made from the entries, as the left operand.
    UnionLeft(Vec<(u16, u32)>),
    UnionWith(Vec<(u16, u32)>),
    UnionWithKey(Vec<(u16, u32)>),
    /// Union with the snapshot at this index (shares structure with the current map).
    UnionWithSnapshot(usize),
    /// `union_with` with the snapshot at this index: the merge sees every key, shared or not.
    UnionWithWithSnapshot(usize),
    /// `diff` against a map made from the entries, both ways.
    Diff(Vec<(u16, u32)>),
    /// `diff` against the snapshot at this index, both ways.
    DiffWithSnapshot(usize),
    MergeWith(Vec<(u16, u32)>),
    /// Rebuilds the map through its owning iterator while a snapshot still shares its nodes.
    IntoIterRoundTrip,
    Clear,
    /// `entry(k)`: `or_insert(v)` plus one, or `and_modify`, or `remove` when occupied.
    Entry(u16, u32, u8),
    /// `get_mut(k)` and overwrite with `v`.
    GetMut(u16, u32),
    /// `get_disjoint_mut` of two keys (skipped when equal), swapping their values.
    GetDisjointMut(u16, u16),
    /// `iter_mut` adding `seed` to every value chosen by `keep(seed, ..)`.
    IterMut(u8),
    /// `extract_if(keep(seed, ..))`, consuming only the first `n` extracted entries.
    ExtractIf(u8, u8),
    /// `drain`, consuming only `n` entries.
    Drain(u8),
    /// Keeps a clone of the current map and model.
    Snapshot,
    /// Continues from (a clone of) the snapshot at this index.
    Revert(usize),
}

const KEYS: u16 = 64;

fn entries() -> impl Strategy<Value = Vec<(u16, u32)>> {
    prop::collection::vec((0..KEYS, 0..1000u32), 0..24)
}

fn action() -> impl Strategy<Value = Action> {
    let range_max: u16 = if cfg!(miri) { 36 } else { 600 };
    prop_oneof![
        8 => (0..KEYS, 0..1000u32).prop_map(|(k, v)| Action::Insert(k, v)),
        4 => (0..KEYS).prop_map(Action::Remove),
        2 => (0..KEYS).prop_map(Action::RemoveEntry),
        3 => (0..KEYS, 0..1000u32).prop_map(|(k, v)| Action::WithInserted(k, v)),
        3 => (0..KEYS).prop_map(Action::Without),
        3 => (0..KEYS, prop::option::of(0..1000u32)).prop_map(|(k, v)| Action::Alter(k, v)),
        2 => any::<u8>().prop_map(Action::Retain),
        2 => entries().prop_map(Action::Extend),
        1 => (0..2000u16, 0..range_max, 0..1000u32)
            .prop_map(|(s, n, v)| Action::InsertRange(s, n, v)),
        1 => entries().prop_map(Action::Union),
        1 => entries().prop_map(Action::UnionLeft),
        1 => entries().prop_map(Action::UnionWith),
        1 => entries().prop_map(Action::UnionWithKey),
        1 => any::<usize>().prop_map(Action::UnionWithSnapshot),
        1 => any::<usize>().prop_map(Action::UnionWithWithSnapshot),
        1 => entries().prop_map(Action::Diff),
        1 => any::<usize>().prop_map(Action::DiffWithSnapshot),
        1 => entries().prop_map(Action::MergeWith),
        1 => Just(Action::IntoIterRoundTrip),
        1 => Just(Action::Clear),
        3 => (0..KEYS, 0..1000u32, any::<u8>()).prop_map(|(k, v, m)| Action::Entry(k, v, m)),
        2 => (0..KEYS, 0..1000u32).prop_map(|(k, v)| Action::GetMut(k, v)),
        1 => (0..KEYS, 0..KEYS).prop_map(|(a, b)| Action::GetDisjointMut(a, b)),
        1 => any::<u8>().prop_map(Action::IterMut),
        1 => (any::<u8>(), 0..8u8).prop_map(|(s, n)| Action::ExtractIf(s, n)),
        1 => (0..8u8).prop_map(Action::Drain),
        2 => Just(Action::Snapshot),
        1 => any::<usize>().prop_map(Action::Revert),
    ]
}

fn actions() -> impl Strategy<Value = Vec<Action>> {
    prop::collection::vec(action(), 1..if cfg!(miri) { 12 } else { 64 })
}

// ---------------------------------------------------------------------------------------------
// The model runner

type Model<K, V> = HashMap<K, V>;

fn model_entries<K: Key, V: Val>(raw: &[(u16, u32)]) -> Model<K, V> {
    raw.iter().map(|&(k, v)| (K::make(k), V::make(v))).collect()
}

fn frozen_from<K: Key, V: Val, S: BuildHasher + Clone>(
    hasher: &S,
    model: &Model<K, V>,
) -> FrozenMap<K, V, S> {
    let mut map = FrozenMap::with_hasher(hasher.clone());
    map.extend(model.iter().map(|(k, v)| (k.clone(), v.clone())));
    map
}

/// Every observation of `map` agrees with `model`.
fn check<K: Key, V: Val, S: BuildHasher + Clone>(map: &FrozenMap<K, V, S>, model: &Model<K, V>) {
    assert_eq!(map.len(), model.len());
    assert_eq!(map.is_empty(), model.is_empty());
    for (k, v) in model {
        assert_eq!(map.get(k), Some(v), "get({k:?})");
        assert_eq!(map.get_key_value(k), Some((k, v)));
        assert!(map.contains_key(k));
        assert_eq!(&map[k], v);
    }
    // Absent keys too (fewer under Miri, where a lookup is slow).
    for index in 0..if cfg!(miri) { 8 } else { KEYS } {
        let k = K::make(index);
        assert_eq!(map.get(&k), model.get(&k), "get({k:?})");
        assert_eq!(map.contains_key(&k), model.contains_key(&k));
    }
    let iter = map.iter();
    assert_eq!(iter.len(), model.len());
    let seen: Vec<_> = iter.collect();
    assert_eq!(seen.len(), model.len());
    let collected: Model<K, V> = seen
        .into_iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(&collected, model);
    assert_eq!(map.keys().len(), model.len());
    assert_eq!(
        map.keys().filter(|k| model.contains_key(*k)).count(),
        model.len()
    );
    let mut values: Vec<_> = map.values().cloned().collect();
    let mut expected: Vec<_> = model.values().cloned().collect();
    values.sort_by_key(fixed_hash);
    expected.sort_by_key(fixed_hash);
    assert_eq!(values, expected);
}

/// The check after each step: everything natively. Miri looks for undefined behaviour, not
/// logic errors (the native run covers those), and runs a lookup some 10^4 times slower, so under
/// Miri only the length and a full iteration; the end of each case checks everything.
fn check_step<K: Key, V: Val, S: BuildHasher + Clone>(
    map: &FrozenMap<K, V, S>,
    model: &Model<K, V>,
) {
    if cfg!(miri) {
        assert_eq!(map.len(), model.len());
        assert_eq!(map.iter().count(), model.len());
    } else {
        check(map, model);
    }
}

struct Snapshot<K, V, S> {
    map: FrozenMap<K, V, S>,
    model: Model<K, V>,
}

/// Runs `actions` on a map hashed by `make()`; every other map of the run (union operands,
/// rebuilt maps) gets its own `make()`, so with `RandomState::new` every map hashes differently.
fn run<K: Key, V: Val, S>(make: impl Fn() -> S, actions: &[Action])
where
    S: BuildHasher + Clone + Send + Sync,
{
    let hasher = make();
    let mut map: FrozenMap<K, V, S> = FrozenMap::with_hasher(hasher.clone());
    let mut model: Model<K, V> = HashMap::new();
    let mut snapshots: Vec<Snapshot<K, V, S>> = Vec::new();

    for action in actions {
        match action {
            Action::Insert(k, v) => {
                let (k, v) = (K::make(*k), V::make(*v));
                assert_eq!(map.insert(k.clone(), v.clone()), model.insert(k, v));
            }
            Action::Remove(k) => {
                let k = K::make(*k);
                assert_eq!(map.remove(&k), model.remove(&k));
            }
            Action::RemoveEntry(k) => {
                let k = K::make(*k);
                assert_eq!(map.remove_entry(&k), model.remove_entry(&k));
            }
            Action::WithInserted(k, v) => {
                let (k, v) = (K::make(*k), V::make(*v));
                let next = map.with_inserted(k.clone(), v.clone());
                check_step(&map, &model); // the old version is untouched
                model.insert(k, v);
                map = next;
            }
            Action::Without(k) => {
                let k = K::make(*k);
                let next = map.without(&k);
                check_step(&map, &model);
                assert_eq!(next.ptr_eq(&map), !model.contains_key(&k));
                model.remove(&k);
                map = next;
            }
            Action::Alter(k, v) => {
                let k = K::make(*k);
                let old = model.get(&k).cloned();
                let new = v.map(V::make);
                map.alter(k.clone(), |current| {
                    assert_eq!(current, old.as_ref());
                    new.clone()
                });
                match new {
                    Some(v) => model.insert(k, v),
                    None => model.remove(&k),
                };
            }
            Action::Retain(seed) => {
                let mut calls = 0;
                map.retain(|k, v| {
                    calls += 1;
                    keep(*seed, k, v)
                });
                assert_eq!(calls, model.len(), "retain visits each entry once");
                model.retain(|k, v| keep(*seed, k, v));
            }
            Action::Extend(raw) => {
                let pairs: Vec<(K, V)> =
                    raw.iter().map(|&(k, v)| (K::make(k), V::make(v))).collect();
                map.extend(pairs.clone());
                model.extend(pairs);
            }
            Action::InsertRange(start, count, seed) => {
                for i in 0..*count {
                    let k = K::make(start.wrapping_add(i));
                    let v = V::make(seed.wrapping_add(u32::from(i)));
                    assert_eq!(map.insert(k.clone(), v.clone()), model.insert(k, v));
                }
            }
            Action::Union(raw) | Action::UnionLeft(raw) => {
                let other_model = model_entries::<K, V>(raw);
                let other = frozen_from(&make(), &other_model);
                let left_is_map = matches!(action, Action::Union(_));
                let (result, expected) = if left_is_map {
                    let mut expected = other_model.clone();
                    expected.extend(model.clone()); // `self` wins
                    (map.union(&other), expected)
                } else {
                    let mut expected = model.clone();
                    expected.extend(other_model.clone());
                    (other.union(&map), expected)
                };
                check_step(&map, &model);
                check_step(&other, &other_model);
                model = expected;
                map = result;
            }
            Action::UnionWith(raw) | Action::UnionWithKey(raw) => {
                let other_model = model_entries::<K, V>(raw);
                let other = frozen_from(&make(), &other_model);
                let mut expected = other_model.clone();
                for (k, v) in &model {
                    let merged = match other_model.get(k) {
                        Some(right) => v.combine(right),
                        None => v.clone(),
                    };
                    expected.insert(k.clone(), merged);
                }
                let result = if matches!(action, Action::UnionWith(_)) {
                    map.union_with(&other, |l, r| l.combine(r))
                } else {
                    map.union_with_key(&other, |k, l, r| {
                        assert_eq!(model.get(k), Some(l));
                        assert_eq!(other_model.get(k), Some(r));
                        l.combine(r)
                    })
                };
                check_step(&map, &model);
                check_step(&other, &other_model);
                model = expected;
                map = result;
            }
            Action::UnionWithSnapshot(index) => {
                if let Some(snapshot) = pick(&snapshots, *index) {
                    let mut expected = snapshot.model.clone();
                    expected.extend(model.clone());
                    let result = map.union(&snapshot.map);
                    check_step(&snapshot.map, &snapshot.model);
                    let reverse = snapshot.map.union(&map);
                    let mut expected_reverse = model.clone();
                    expected_reverse.extend(snapshot.model.clone());
                    check_step(&reverse, &expected_reverse);
                    model = expected;
                    map = result;
                }
            }
            Action::UnionWithWithSnapshot(index) => {
                if let Some(snapshot) = pick(&snapshots, *index) {
                    let mut expected = snapshot.model.clone();
                    for (k, v) in &model {
                        let merged = match snapshot.model.get(k) {
                            Some(right) => v.combine(right),
                            None => v.clone(),
                        };
                        expected.insert(k.clone(), merged);
                    }
                    let result = map.union_with(&snapshot.map, |l, r| l.combine(r));
                    check_step(&snapshot.map, &snapshot.model);
                    model = expected;
                    map = result;
                }
            }
            Action::Diff(raw) => {
                let other_model = model_entries::<K, V>(raw);
                let other = frozen_from(&make(), &other_model);
                check_diff(&map, &model, &other, &other_model);
                check_diff(&other, &other_model, &map, &model);
            }
            Action::DiffWithSnapshot(index) => {
                if let Some(snapshot) = pick(&snapshots, *index) {
                    check_diff(&map, &model, &snapshot.map, &snapshot.model);
                    check_diff(&snapshot.map, &snapshot.model, &map, &model);
                }
            }
            Action::MergeWith(raw) => {
                let pairs: Vec<(K, V)> =
                    raw.iter().map(|&(k, v)| (K::make(k), V::make(v))).collect();
                map.merge_with(pairs.clone(), |_, old, new| old.combine(&new));
                for (k, v) in pairs {
                    let merged = match model.get(&k) {
                        Some(old) => old.combine(&v),
                        None => v,
                    };
                    model.insert(k, merged);
                }
            }
            Action::IntoIterRoundTrip => {
                let keep_alive = map.clone();
                let owned = map.clone().into_iter();
                assert_eq!(owned.len(), model.len());
                let mut rebuilt = FrozenMap::with_hasher(hasher.clone());
                rebuilt.extend(owned);
                check_step(&keep_alive, &model);
                // Also drain a map whose nodes are not shared.
                let unique = frozen_from(&hasher, &model);
                let drained: Model<K, V> = unique.into_iter().collect();
                assert_eq!(drained, model);
                map = rebuilt;
            }
            Action::Clear => {
                map.clear();
                model.clear();
            }
            Action::Entry(k, v, mode) => {
                let (k, v) = (K::make(*k), V::make(*v));
                match (map.entry(k.clone()), mode % 3) {
                    (Entry::Occupied(entry), 0) => {
                        assert_eq!(entry.key(), &k);
                        assert_eq!(Some(entry.remove()), model.remove(&k));
                    }
                    (Entry::Occupied(mut entry), 1) => {
                        assert_eq!(Some(entry.get()), model.get(&k));
                        let old = entry.insert(v.clone());
                        assert_eq!(Some(old), model.insert(k, v));
                    }
                    (entry, _) => {
                        let value = entry
                            .and_modify(|old| *old = old.combine(&V::make(7)))
                            .or_insert(v.clone());
                        let expected = model
                            .entry(k)
                            .and_modify(|old| *old = old.combine(&V::make(7)))
                            .or_insert(v);
                        assert_eq!(value, expected);
                    }
                }
            }
            Action::GetMut(k, v) => {
                let (k, v) = (K::make(*k), V::make(*v));
                match (map.get_mut(&k), model.get_mut(&k)) {
                    (Some(got), Some(want)) => {
                        assert_eq!(got, want);
                        *got = v.clone();
                        *want = v;
                    }
                    (None, None) => {}
                    (got, want) => panic!("get_mut: {got:?} vs {want:?}"),
                }
            }
            Action::GetDisjointMut(a, b) => {
                if a != b {
                    let (a, b) = (K::make(*a), K::make(*b));
                    let [x, y] = map.get_disjoint_mut([&a, &b]);
                    let (ma, mb) = (model.get(&a).cloned(), model.get(&b).cloned());
                    assert_eq!(x.as_deref(), ma.as_ref());
                    assert_eq!(y.as_deref(), mb.as_ref());
                    if let (Some(x), Some(y), Some(ma), Some(mb)) = (x, y, ma, mb) {
                        std::mem::swap(x, y);
                        model.insert(a, mb);
                        model.insert(b, ma);
                    }
                }
            }
            Action::IterMut(seed) => {
                let mut visited = 0;
                for (k, v) in map.iter_mut() {
                    visited += 1;
                    if keep(*seed, k, v) {
                        *v = v.combine(&V::make(u32::from(*seed)));
                    }
                }
                assert_eq!(visited, model.len());
                for (k, v) in model.iter_mut() {
                    if keep(*seed, k, v) {
                        *v = v.combine(&V::make(u32::from(*seed)));
                    }
                }
            }
            Action::ExtractIf(seed, n) => {
                let taken: Vec<(K, V)> = map
                    .extract_if(|k, v| keep(*seed, k, v))
                    .take(usize::from(*n))
                    .collect();
                for (k, v) in taken {
                    assert!(keep(*seed, &k, &v));
                    assert_eq!(model.remove(&k), Some(v));
                }
            }
            Action::Drain(n) => {
                let taken: Vec<(K, V)> = map.drain().take(usize::from(*n)).collect();
                assert!(map.is_empty());
                for (k, v) in taken {
                    assert_eq!(model.get(&k), Some(&v));
                }
                model.clear();
            }
            Action::Snapshot => {
                snapshots.push(Snapshot {
                    map: map.clone(),
                    model: model.clone(),
                });
                assert!(map.ptr_eq(&snapshots.last().unwrap().map));
            }
            Action::Revert(index) => {
                if let Some(snapshot) = pick(&snapshots, *index) {
                    map = snapshot.map.clone();
                    model = snapshot.model.clone();
                }
            }
        }
        check_step(&map, &model);
        // Every kept version, after every step: fully natively, by length under Miri.
        for snapshot in &snapshots {
            if cfg!(miri) {
                assert_eq!(
                    snapshot.map.len(),
                    snapshot.model.len(),
                    "a snapshot changed"
                );
            } else {
                check(&snapshot.map, &snapshot.model);
            }
        }
    }

    for snapshot in &snapshots {
        check(&snapshot.map, &snapshot.model);
    }
    // Equality and hashing agree with the model.
    let rebuilt = frozen_from(&make(), &model);
    assert_eq!(map, rebuilt);
    let same_hasher = frozen_from(map.hasher(), &model);
    assert_eq!(map, same_hasher);
    assert_eq!(fixed_hash(&map), fixed_hash(&rebuilt));
    let std_map: HashMap<K, V, S> = map.clone().into();
    assert_eq!(std_map.len(), model.len());
    assert!(std_map.iter().all(|(k, v)| model.get(k) == Some(v)));
    // Clones read the same from other threads, as do shared references.
    std::thread::scope(|scope| {
        for _ in 0..2 {
            let clone = map.clone();
            let model = &model;
            scope.spawn(move || check(&clone, model));
        }
        let (map, model) = (&map, &model);
        scope.spawn(move || check(map, model));
    });
}

/// `old.diff(new)` reports exactly the differences of the models, each once.
fn check_diff<K: Key, V: Val, S: BuildHasher>(
    old: &FrozenMap<K, V, S>,
    old_model: &Model<K, V>,
    new: &FrozenMap<K, V, S>,
    new_model: &Model<K, V>,
) {
    let mut changes: Vec<(K, Option<V>, Option<V>)> = old
        .diff(new)
        .map(|item| match item {
            DiffItem::Add(k, v) => (k.clone(), None, Some(v.clone())),
            DiffItem::Update {
                old: (k, v),
                new: (k2, w),
            } => {
                assert_eq!(k, k2);
                (k.clone(), Some(v.clone()), Some(w.clone()))
            }
            DiffItem::Remove(k, v) => (k.clone(), Some(v.clone()), None),
        })
        .collect();
    changes.sort();
    let mut expected: Vec<(K, Option<V>, Option<V>)> = old_model
        .keys()
        .chain(new_model.keys())
        .map(|k| {
            (
                k.clone(),
                old_model.get(k).cloned(),
                new_model.get(k).cloned(),
            )
        })
        .filter(|(_, x, y)| x != y)
        .collect();
    expected.sort();
    expected.dedup();
    assert_eq!(changes, expected);
}

fn pick<T>(items: &[T], index: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[index % items.len()])
}

/// 64 cases per instantiation by default (seven instantiations share two cores in CI);
/// `PROPTEST_CASES` overrides it (Miri runs use 4).
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn model_u16_u32_random_state(actions in actions()) {
        run::<u16, u32, _>(RandomState::new, &actions);
    }

    #[test]
    fn model_string_string_random_state(actions in actions()) {
        run::<String, String, _>(RandomState::new, &actions);
    }

    #[test]
    fn model_u16_string_few_hashes(actions in actions()) {
        run::<u16, String, _>(FewHashes::default, &actions);
    }

    #[test]
    fn model_string_u32_few_hashes(actions in actions()) {
        run::<String, u32, _>(FewHashes::default, &actions);
    }

    #[test]
    fn model_string_string_some_hashes(actions in actions()) {
        run::<String, String, _>(SomeHashes::default, &actions);
    }

    #[test]
    fn model_u16_u32_deep_prefix(actions in actions()) {
        run::<u16, u32, _>(DeepPrefix::default, &actions);
    }

    #[test]
    fn model_u16_u32_top_bits(actions in actions()) {
        run::<u16, u32, _>(TopBits::default, &actions);
    }

    #[test]
    fn model_string_u32_default_hasher(actions in actions()) {
        run::<String, u32, _>(deepfreeze::map::DefaultHashBuilder::default, &actions);
    }

    #[test]
    fn model_string_string_deep_prefix(actions in actions()) {
        run::<String, String, _>(DeepPrefix::default, &actions);
    }
}

// ---------------------------------------------------------------------------------------------
// Focused behaviour

#[test]
fn string_keys_are_looked_up_with_str() {
    let mut map: FrozenMap<String, u32> = FrozenMap::new();
    map.insert("alpha".to_string(), 1);
    map.insert("beta".to_string(), 2);
    assert_eq!(map.get("alpha"), Some(&1));
    assert_eq!(map.get_key_value("beta"), Some((&"beta".to_string(), &2)));
    assert!(map.contains_key("beta"));
    assert!(!map.contains_key("gamma"));
    assert_eq!(map["alpha"], 1);
    assert_eq!(map.without("alpha").len(), 1);
    assert_eq!(map.remove("beta"), Some(2));
    assert_eq!(map.remove_entry("alpha"), Some(("alpha".to_string(), 1)));
    assert!(map.is_empty());
}

#[test]
fn persistent_updates_share_and_do_not_touch_the_original() {
    let base: FrozenMap<u32, String> = (0..300).map(|i| (i, i.to_string())).collect();
    let copy = base.clone();
    assert!(copy.ptr_eq(&base));
    let added = base.with_inserted(1000, "x".to_string());
    let replaced = base.with_inserted(5, "five".to_string());
    let removed = base.without(&7);
    assert!(base.without(&9999).ptr_eq(&base));
    assert!(!added.ptr_eq(&base));
    assert_eq!(base.len(), 300);
    assert_eq!(base[&5], "5");
    assert!(base.contains_key(&7));
    assert_eq!(added.len(), 301);
    assert_eq!(replaced[&5], "five");
    assert_eq!(removed.len(), 299);
    assert_eq!(copy, base);
}

#[test]
fn insert_returns_the_old_value_like_std() {
    let mut map = FrozenMap::new();
    assert_eq!(map.insert("k", 1), None);
    assert_eq!(map.insert("k", 2), Some(1));
    assert_eq!(map.len(), 1);
}

#[test]
#[should_panic(expected = "key not found")]
fn index_panics_on_a_missing_key() {
    let map = FrozenMap::from([(1, 2)]);
    let _ = map[&3];
}

#[test]
fn debug_formats_like_std() {
    assert_eq!(format!("{:?}", FrozenMap::from([(1, "a")])), r#"{1: "a"}"#);
    assert_eq!(format!("{:?}", FrozenMap::<u8, u8>::new()), "{}");
    let map = FrozenMap::from([(1, 2)]);
    assert_eq!(format!("{:?}", map.iter()), "[(1, 2)]");
    assert_eq!(format!("{:?}", map.keys()), "[1]");
    assert_eq!(format!("{:?}", map.values()), "[2]");
    assert_eq!(
        format!("{:?}", map.clone().into_iter()),
        "IntoIter { remaining: 1 }"
    );
    assert_eq!(
        format!("{map:#?}"),
        format!("{:#?}", HashMap::from([(1, 2)]))
    );
}

#[test]
fn equality_and_hash_ignore_order_and_hasher_instance() {
    let a: FrozenMap<u32, u32> = (0..100).map(|i| (i, i * 2)).collect();
    let b: FrozenMap<u32, u32> = (0..100).rev().map(|i| (i, i * 2)).collect();
    assert!(!a.ptr_eq(&b));
    assert_eq!(a, b);
    assert_eq!(fixed_hash(&a), fixed_hash(&b));
    let c = b.with_inserted(5, 0);
    assert_ne!(a, c);
    assert_ne!(fixed_hash(&a), fixed_hash(&c));
    assert_ne!(a, b.without(&5));
    let empty_a: FrozenMap<u8, u8> = FrozenMap::new();
    let empty_b: FrozenMap<u8, u8> = FrozenMap::default();
    assert_eq!(empty_a, empty_b);
    assert_eq!(fixed_hash(&empty_a), fixed_hash(&empty_b));
}

#[test]
fn maps_key_other_maps() {
    let inner_a = FrozenMap::from([(1, 'a'), (2, 'b')]);
    let inner_b = FrozenMap::from([(2, 'b'), (1, 'a')]);
    let mut outer = FrozenMap::new();
    outer.insert(inner_a, "first");
    assert_eq!(outer.insert(inner_b, "second"), Some("first"));
    assert_eq!(outer.len(), 1);
}

#[test]
fn conversions_round_trip() {
    let std_map: HashMap<u32, String> = (0..50).map(|i| (i, format!("{i}"))).collect();
    let frozen = FrozenMap::from(std_map.clone());
    // The hasher travels with the entries.
    assert_eq!(
        frozen.hasher().hash_one(7u32),
        std_map.hasher().hash_one(7u32)
    );
    let back: HashMap<u32, String> = frozen.clone().into();
    assert_eq!(back, std_map);
    assert_eq!(
        back.hasher().hash_one(7u32),
        std_map.hasher().hash_one(7u32)
    );

    let tree: BTreeMap<u32, String> = std_map.clone().into_iter().collect();
    let from_tree = FrozenMap::from(tree.clone());
    // The default hasher differs from the std map's: compare entries.
    assert_eq!(HashMap::from_iter(from_tree.clone()), std_map);
    assert_eq!(BTreeMap::from(from_tree.clone()), tree);

    let pairs: Vec<(u32, String)> = tree.clone().into_iter().collect();
    assert_eq!(FrozenMap::from(pairs), from_tree);
    let array = FrozenMap::from([(1, 'a'), (2, 'b'), (1, 'c')]);
    assert_eq!(array.len(), 2);
    assert_eq!(array[&1], 'c');

    let collected: FrozenMap<u32, String, FewHashes> = std_map.clone().into_iter().collect();
    assert_eq!(collected.len(), 50);
    let std_few: HashMap<u32, String, FewHashes> = collected.into();
    assert_eq!(std_few.len(), 50);
}

#[test]
fn iterators_are_exact_and_fused() {
    let map: FrozenMap<u32, u32> = (0..40).map(|i| (i, i)).collect();
    let mut iter = map.iter();
    for remaining in (0..40).rev() {
        assert!(iter.next().is_some());
        assert_eq!(iter.len(), remaining);
    }
    assert_eq!(iter.next(), None);
    assert_eq!(iter.next(), None);
    let mut owned = map.clone().into_iter();
    assert_eq!(owned.len(), 40);
    assert_eq!(owned.by_ref().count(), 40);
    assert_eq!(owned.next(), None);
    let mut by_ref = 0;
    for (k, v) in &map {
        assert_eq!(k, v);
        by_ref += 1;
    }
    assert_eq!(by_ref, 40);
    assert_eq!(map.keys().copied().sum::<u32>(), (0..40).sum::<u32>());
    assert_eq!(map.values().copied().max(), Some(39));
}

#[test]
fn extend_by_reference_copies() {
    let source = FrozenMap::from([(1u8, 2u8), (3, 4)]);
    let mut target: FrozenMap<u8, u8> = FrozenMap::new();
    target.extend(&source);
    target.extend(source.iter().map(|(k, v)| (*k, *v)));
    assert_eq!(target, source);
}

#[test]
fn union_takes_the_left_value_whatever_the_sizes() {
    let big: FrozenMap<u32, &str> = (0..100).map(|i| (i, "big")).collect();
    let small: FrozenMap<u32, &str> = (95..105).map(|i| (i, "small")).collect();
    let left_big = big.union(&small);
    let left_small = small.union(&big);
    assert_eq!(left_big.len(), 105);
    assert_eq!(left_small.len(), 105);
    assert_eq!(left_big[&97], "big");
    assert_eq!(left_small[&97], "small");
    assert_eq!(left_big[&103], "small");
    assert_eq!(left_small[&3], "big");
    let with = small.union_with(&big, |l, r| if l < r { l } else { r });
    assert_eq!(with[&97], "big");
    let keyed = small.union_with_key(&big, |k, l, _| if k % 2 == 0 { l } else { "odd" });
    assert_eq!(keyed[&96], "small");
    assert_eq!(keyed[&97], "odd");
}

/// `retain` must not call the predicate for entries removed earlier in the same call, nor
/// skip any, even when removals restructure the trie (collision nodes collapsing).
#[test]
fn retain_with_collisions_visits_every_entry_once() {
    let count = if cfg!(miri) { 34 } else { 1000 };
    let mut map: FrozenMap<u32, u32, FewHashes> = FrozenMap::with_hasher(FewHashes::default());
    map.extend((0..count).map(|i| (i, i)));
    let before = map.clone();
    let mut visited = Vec::new();
    map.retain(|k, _| {
        visited.push(*k);
        k % 3 == 0
    });
    visited.sort_unstable();
    assert_eq!(visited, (0..count).collect::<Vec<_>>());
    assert_eq!(map.len(), (0..count).filter(|k| k % 3 == 0).count());
    assert!(map.keys().all(|k| k % 3 == 0));
    assert_eq!(before.len(), count as usize);
}

#[test]
fn frozen_maps_share_across_threads() {
    fn share<T: Frozen + Clone>(value: &T, reader: impl Fn(T) + Send + Sync + Copy) {
        std::thread::scope(|scope| {
            for _ in 0..2 {
                let value = value.clone();
                scope.spawn(move || reader(value));
            }
        });
    }
    let map: FrozenMap<String, FrozenMap<u32, u32, FewHashes>, FewHashes> = (0..10)
        .map(|i| {
            let mut inner = FrozenMap::with_hasher(FewHashes::default());
            inner.extend((0..i).map(|j| (j, j * i)));
            (format!("row{i}"), inner)
        })
        .collect();
    share(&map, |m| {
        assert_eq!(m.len(), 10);
        assert_eq!(m.get("row7").map(FrozenMap::len), Some(7));
        assert_eq!(m["row9"][&8], 72);
    });
}

#[test]
fn borrow_lookup_is_generic() {
    fn lookup<K, Q, V>(map: &FrozenMap<K, V>, key: &Q) -> Option<V>
    where
        K: Hash + Eq + Borrow<Q>,
        Q: ?Sized + Hash + Eq,
        V: Clone,
    {
        map.get(key).cloned()
    }
    let map = FrozenMap::from([(vec![1u8, 2], "v")]);
    assert_eq!(lookup(&map, &[1u8, 2][..]), Some("v"));
}
