//! `FrozenMap` on the inputs that broke imbl 7.0.2's hash map (`get_mut`, `entry`, `union*`):
//! large maps, hashers that force full collisions and deep tries, and clones shared before
//! mutation, also across threads. `FrozenMap` runs on the crate's own CHAMP trie, not on imbl, so
//! these check the trie's copy-on-write paths on the inputs known to break such code: `alter`
//! (built on `entry`), `insert` over an existing key, `union`/`union_with`/`union_with_key`,
//! `merge_with`, `retain` and the owning iterator. Results are checked against
//! `std::collections::HashMap`; values carry a drop counter so a double drop or a leak shows
//! natively too. Run them under Miri (`.ci/soundness`).

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;

use deepfreeze::FrozenMap;

#[path = "common/hashers.rs"]
mod hashers;

use hashers::Masked;

/// 8 distinct hashes: natively, thousands of keys give deep tries ending in collision nodes.
type FewHashes = Masked<0b111>;
/// One hash for every key: under Miri's small sizes this is what still reaches the collision
/// nodes (a SIMD node fills up, is upgraded, and so on down to the last level).
type OneHash = Masked<0>;
/// All keys share the path through the first five levels.
type DeepPrefix = Masked<0xe000_0000>;

/// Entries per map. Natively: large enough for every node kind with any hasher. Under Miri: 34,
/// still well past the 17 keys at which `OneHash` and `DeepPrefix` (all keys in one root slot
/// and one SIMD group) overflow a small SIMD node, upgrade it, and push keys down through HAMT
/// nodes to collision nodes.
fn size() -> u32 {
    if cfg!(miri) { 34 } else { 3000 }
}

/// A value with a heap payload and a drop counter (the strong count of a shared `Arc`).
#[derive(Clone, Debug)]
struct Tracked {
    value: u64,
    _payload: String,
    _alive: Arc<()>,
}

impl PartialEq for Tracked {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

struct Tracker(Arc<()>);

impl Tracker {
    fn new() -> Self {
        Tracker(Arc::new(()))
    }
    fn make(&self, value: u64) -> Tracked {
        Tracked {
            value,
            _payload: format!("payload-{value}"),
            _alive: Arc::clone(&self.0),
        }
    }
    /// Every value made has been dropped exactly once.
    fn assert_all_dropped(&self) {
        assert_eq!(
            Arc::strong_count(&self.0),
            1,
            "values leaked or dropped twice"
        );
    }
}

fn key(i: u32) -> String {
    format!("key-{i}")
}

fn check<S: BuildHasher + Clone>(
    map: &FrozenMap<String, Tracked, S>,
    model: &HashMap<String, u64>,
) {
    assert_eq!(map.len(), model.len());
    for (k, v) in model {
        assert_eq!(map.get(k.as_str()).map(|t| t.value), Some(*v), "{k}");
    }
    let mut seen = 0;
    for (k, v) in map {
        assert_eq!(model.get(k), Some(&v.value), "{k}");
        seen += 1;
    }
    assert_eq!(seen, model.len());
}

fn build<S: BuildHasher + Clone>(
    hasher: &S,
    tracker: &Tracker,
    range: std::ops::Range<u32>,
    scale: u64,
) -> (FrozenMap<String, Tracked, S>, HashMap<String, u64>) {
    let mut map = FrozenMap::with_hasher(hasher.clone());
    let mut model = HashMap::new();
    for i in range {
        map.insert(key(i), tracker.make(u64::from(i) * scale));
        model.insert(key(i), u64::from(i) * scale);
    }
    (map, model)
}

/// `entry().and_modify().or_insert()` and `get_mut` through `alter`, on a map whose nodes are
/// all shared with a clone.
fn alter_on_shared<S: BuildHasher + Clone>(hasher: S) {
    let tracker = Tracker::new();
    {
        let n = size();
        let (mut map, mut model) = build(&hasher, &tracker, 0..n, 1);
        let shared = map.clone();
        let shared_model = model.clone();
        for i in (0..n + n / 4).step_by(3) {
            // Modify present keys, insert absent ones.
            map.alter(key(i), |old| {
                Some(tracker.make(old.map_or(7, |t| t.value * 2 + 1)))
            });
            let entry = model.entry(key(i)).or_insert(3);
            *entry = if *entry == 3 && i >= n {
                7
            } else {
                *entry * 2 + 1
            };
        }
        for i in (1..n).step_by(5) {
            map.alter(key(i), |_| None); // `OccupiedEntry::remove`
            model.remove(&key(i));
        }
        map.alter(key(10 * n), |old| old.cloned()); // absent and stays absent
        check(&map, &model);
        check(&shared, &shared_model);
    }
    tracker.assert_all_dropped();
}

#[test]
fn alter_on_shared_map_random_state() {
    alter_on_shared(RandomState::new());
}

#[test]
fn alter_on_shared_map_full_collisions() {
    if cfg!(miri) {
        alter_on_shared(OneHash::default());
    } else {
        alter_on_shared(FewHashes::default());
    }
}

#[test]
fn alter_on_shared_map_deep_prefix() {
    alter_on_shared(DeepPrefix::default());
}

/// `*map.get_mut(k) = v` through `insert` over an existing key, taking a clone every few steps
/// so every write lands on nodes some older version still shares.
fn update_in_place_with_versions<S: BuildHasher + Clone>(hasher: S) {
    let tracker = Tracker::new();
    {
        let n = size();
        let (mut map, mut model) = build(&hasher, &tracker, 0..n, 1);
        let mut versions = Vec::new();
        for (step, i) in (0..n).rev().enumerate() {
            if step % 17 == 0 {
                versions.push((map.clone(), model.clone()));
            }
            let old = map.insert(key(i), tracker.make(u64::from(i) + 1_000_000));
            assert_eq!(
                old.map(|t| t.value),
                model.insert(key(i), u64::from(i) + 1_000_000)
            );
        }
        check(&map, &model);
        for (version, version_model) in &versions {
            check(version, version_model);
        }
    }
    tracker.assert_all_dropped();
}

#[test]
fn update_in_place_with_versions_random_state() {
    update_in_place_with_versions(RandomState::new());
}

#[test]
fn update_in_place_with_versions_full_collisions() {
    if cfg!(miri) {
        update_in_place_with_versions(OneHash::default());
    } else {
        update_in_place_with_versions(FewHashes::default());
    }
}

#[test]
fn update_in_place_with_versions_deep_prefix() {
    update_in_place_with_versions(DeepPrefix::default());
}

/// `union`, `union_with`, `union_with_key` of overlapping large maps, one derived from the
/// other (shared structure), in both directions and with both size orders.
fn unions<S: BuildHasher + Clone>(hasher: S) {
    let tracker = Tracker::new();
    {
        // Under Miri the unions dominate the run time; 24 entries still give SIMD and collision
        // nodes, and the inputs are built by the `insert` path measured above at full size.
        let n = if cfg!(miri) { 20 } else { size() };
        let (base, base_model) = build(&hasher, &tracker, 0..n, 1);
        let mut derived = base.clone();
        let mut derived_model = base_model.clone();
        for i in (0..n).step_by(4) {
            derived.insert(key(i), tracker.make(u64::from(i) + 500_000));
            derived_model.insert(key(i), u64::from(i) + 500_000);
        }
        for i in n..n + n / 3 {
            derived.insert(key(i), tracker.make(u64::from(i) + 500_000));
            derived_model.insert(key(i), u64::from(i) + 500_000);
        }
        let (small, small_model) = build(&hasher, &tracker, n / 2..n / 2 + n.min(40) / 2, 3);

        let pairs = [
            (&base, &base_model, &derived, &derived_model),
            (&derived, &derived_model, &base, &base_model),
            (&base, &base_model, &small, &small_model),
            (&small, &small_model, &base, &base_model),
            (&derived, &derived_model, &derived, &derived_model),
        ];
        for (left, left_model, right, right_model) in pairs {
            let mut expected = right_model.clone();
            expected.extend(left_model.clone());
            check(&left.union(right), &expected);

            let mut expected_with = right_model.clone();
            for (k, l) in left_model {
                let v = right_model.get(k).map_or(*l, |r| l * 3 + r);
                expected_with.insert(k.clone(), v);
            }
            let with = left.union_with(right, |l, r| tracker.make(l.value * 3 + r.value));
            check(&with, &expected_with);
            let with_key = left.union_with_key(right, |k, l, r| {
                assert_eq!(left_model.get(k), Some(&l.value));
                assert_eq!(right_model.get(k), Some(&r.value));
                tracker.make(l.value * 3 + r.value)
            });
            check(&with_key, &expected_with);

            check(left, left_model);
            check(right, right_model);
        }
    }
    tracker.assert_all_dropped();
}

#[test]
fn unions_random_state() {
    unions(RandomState::new());
}

#[test]
fn unions_full_collisions() {
    if cfg!(miri) {
        unions(OneHash::default());
    } else {
        unions(FewHashes::default());
    }
}

#[test]
fn unions_deep_prefix() {
    unions(DeepPrefix::default());
}

/// `merge_with` (imbl's `union_with` in place) and `retain` on shared maps, then draining a map
/// whose nodes are partly shared with a live clone through the owning iterator.
fn merge_retain_drain<S: BuildHasher + Clone>(hasher: S) {
    let tracker = Tracker::new();
    {
        let n = size();
        let (mut map, mut model) = build(&hasher, &tracker, 0..n, 1);
        let shared = map.clone();
        let shared_model = model.clone();

        let incoming: Vec<(String, u64)> = (n / 2..n + n / 2)
            .map(|i| (key(i), u64::from(i) * 7))
            .collect();
        map.merge_with(
            incoming.iter().map(|(k, v)| (k.clone(), tracker.make(*v))),
            |_, old, new| tracker.make(old.value + new.value),
        );
        for (k, v) in &incoming {
            *model.entry(k.clone()).or_insert(0) += v;
        }
        check(&map, &model);

        map.retain(|_, v| v.value % 3 != 1);
        model.retain(|_, v| *v % 3 != 1);
        check(&map, &model);
        check(&shared, &shared_model);

        let half_shared = map.clone();
        map.insert(key(0), tracker.make(42));
        let drained: HashMap<String, u64> = map.into_iter().map(|(k, v)| (k, v.value)).collect();
        let mut expected = model.clone();
        expected.insert(key(0), 42);
        assert_eq!(drained, expected);
        check(&half_shared, &model);
    }
    tracker.assert_all_dropped();
}

#[test]
fn merge_retain_drain_random_state() {
    merge_retain_drain(RandomState::new());
}

#[test]
fn merge_retain_drain_full_collisions() {
    if cfg!(miri) {
        merge_retain_drain(OneHash::default());
    } else {
        merge_retain_drain(FewHashes::default());
    }
}

#[test]
fn merge_retain_drain_deep_prefix() {
    merge_retain_drain(DeepPrefix::default());
}

/// Clones of one map mutated concurrently: each thread's copy-on-write must copy the nodes the
/// others still share.
#[test]
fn concurrent_mutation_of_shared_clones() {
    let tracker = Tracker::new();
    {
        let n = if cfg!(miri) { 30 } else { 2000 };
        let (map, model) = build(&FewHashes::default(), &tracker, 0..n, 1);
        std::thread::scope(|scope| {
            for t in 0..3u64 {
                let mut mine = map.clone();
                let (model, tracker) = (&model, &tracker);
                scope.spawn(move || {
                    let mut mine_model = model.clone();
                    for i in (0..n).filter(|i| u64::from(*i) % 3 == t) {
                        mine.alter(key(i), |old| Some(tracker.make(old.unwrap().value + t)));
                        mine_model.insert(key(i), u64::from(i) + t);
                        if i % 2 == 0 {
                            mine.remove(key(i + 1).as_str());
                            mine_model.remove(&key(i + 1));
                        }
                    }
                    mine.retain(|k, _| !k.ends_with('7'));
                    mine_model.retain(|k, _| !k.ends_with('7'));
                    let other = mine.union(&mine.clone());
                    check(&mine, &mine_model);
                    check(&other, &mine_model);
                });
            }
            let (map, model) = (&map, &model);
            scope.spawn(move || check(map, model));
        });
        check(&map, &model);
    }
    tracker.assert_all_dropped();
}

/// The persistent forms (`with_inserted`, `without`) on every key of a deep collision map,
/// each from the same base: the base must never change.
#[test]
fn persistent_updates_from_one_base() {
    let tracker = Tracker::new();
    {
        let n = if cfg!(miri) { 20 } else { 1500 };
        let (base, model) = build(&DeepPrefix::default(), &tracker, 0..n, 1);
        for i in 0..n {
            let with = base.with_inserted(key(i), tracker.make(9));
            assert_eq!(with.get(key(i).as_str()).map(|t| t.value), Some(9));
            assert_eq!(with.len(), base.len());
            let without = base.without(key(i).as_str());
            assert_eq!(without.len(), base.len() - 1);
            assert!(!without.contains_key(key(i).as_str()));
        }
        check(&base, &model);
    }
    tracker.assert_all_dropped();
}
