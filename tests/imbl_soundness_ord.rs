//! The imbl 7.0.2 B-tree paths that hand out `&mut V` into the tree (`OrdMap::get_mut`,
//! `get_key_value_mut`, `entry`), which `FrozenOrdMap::get_mut` and `FrozenOrdMap::entry` are
//! built on. imbl's hash map versions of these paths are memory-unsafe; the B-tree ones copy each
//! shared node on the way down (`make_mut`) and write only into a node the map owns alone. These
//! tests drive them, directly and through `FrozenOrdMap`, on the inputs that would expose a
//! shared write or a double drop: maps of several levels, every node shared with a kept clone,
//! clones taken between writes, and removals that merge and rebalance nodes. Values carry a drop
//! counter, results are checked against `BTreeMap`, and every kept clone must keep its value.
//! Run them under Miri, with Stacked and with Tree Borrows (`.ci/soundness`).

use std::collections::BTreeMap;
use std::sync::Arc;

use archery::ArcTK;
use deepfreeze::FrozenOrdMap;
use deepfreeze::ord_map::Entry;
use imbl::GenericOrdMap;

type Imbl<V> = GenericOrdMap<u32, V, ArcTK>;

/// Entries per map: several B-tree levels (nodes hold 16 entries), kept small under Miri.
fn size() -> u32 {
    if cfg!(miri) { 150 } else { 5000 }
}

/// A value with a heap payload and a drop counter (the strong count of a shared `Arc`).
#[derive(Clone, Debug)]
struct Tracked {
    value: u64,
    _payload: String,
    _alive: Arc<()>,
}

impl Tracked {
    fn new(value: u64, alive: &Arc<()>) -> Self {
        Self {
            value,
            _payload: format!("payload {value}"),
            _alive: Arc::clone(alive),
        }
    }
}

impl PartialEq for Tracked {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

/// Runs `body` with a fresh drop counter and checks that every `Tracked` it made was dropped
/// exactly once: a leak leaves the count above one, a double drop would underflow it (natively
/// a crash or a wrong count, under Miri a use-after-free).
fn counted(body: impl FnOnce(&Arc<()>)) {
    let alive = Arc::new(());
    body(&alive);
    assert_eq!(Arc::strong_count(&alive), 1, "a value leaked");
}

fn values<'a>(m: impl IntoIterator<Item = (&'a u32, &'a Tracked)>) -> Vec<(u32, u64)> {
    m.into_iter().map(|(k, v)| (*k, v.value)).collect()
}

fn model_values(m: &BTreeMap<u32, u64>) -> Vec<(u32, u64)> {
    m.iter().map(|(k, v)| (*k, *v)).collect()
}

/// imbl's `get_mut` and `get_key_value_mut` over every key of a multi-level map, with a clone
/// taken before each write: every write copies the path it goes down, never a node the clone sees.
#[test]
fn imbl_get_mut_copies_shared_nodes() {
    counted(|alive| {
        let n = size();
        let mut map: Imbl<Tracked> = (0..n)
            .map(|k| (k, Tracked::new(u64::from(k), alive)))
            .collect();
        let mut model: BTreeMap<u32, u64> = (0..n).map(|k| (k, u64::from(k))).collect();
        let mut kept = Vec::new();
        for k in (0..n).step_by(7).chain((0..n).rev().step_by(5)) {
            if k % 3 == 0 {
                kept.push((map.clone(), model.clone()));
            }
            let v = map.get_mut(&k).expect("present");
            v.value += 1000;
            *model.get_mut(&k).unwrap() += 1000;
            let (key, v) = map.get_key_value_mut(&k).expect("present");
            assert_eq!(*key, k);
            v.value *= 2;
            *model.get_mut(&k).unwrap() *= 2;
            assert!(map.get_mut(&(n + k)).is_none());
        }
        assert_eq!(values(&map), model_values(&model));
        for (snapshot, snapshot_model) in &kept {
            assert_eq!(values(snapshot), model_values(snapshot_model));
        }
    });
}

/// imbl's `entry` (occupied and vacant: `or_insert_with`, `and_modify`, `insert`, `remove`) on
/// a map shared with clones, with removals that merge and rebalance nodes.
#[test]
fn imbl_entry_copies_shared_nodes() {
    counted(|alive| {
        let n = size();
        let mut map: Imbl<Tracked> = (0..n)
            .step_by(2)
            .map(|k| (k, Tracked::new(u64::from(k), alive)))
            .collect();
        let mut model: BTreeMap<u32, u64> = (0..n).step_by(2).map(|k| (k, u64::from(k))).collect();
        let mut kept = Vec::new();
        for k in 0..n {
            if k % 11 == 0 {
                kept.push((map.clone(), model.clone()));
            }
            match k % 4 {
                0 => {
                    map.entry(k)
                        .and_modify(|v| v.value += 1)
                        .or_insert_with(|| Tracked::new(7, alive));
                    model.entry(k).and_modify(|v| *v += 1).or_insert(7);
                }
                1 => match map.entry(k) {
                    imbl::ordmap::Entry::Occupied(mut e) => {
                        let old = e.insert(Tracked::new(5, alive));
                        assert_eq!(Some(old.value), model.insert(k, 5));
                    }
                    imbl::ordmap::Entry::Vacant(e) => {
                        e.insert(Tracked::new(9, alive)).value += 1;
                        model.insert(k, 10);
                    }
                },
                _ => {
                    if let imbl::ordmap::Entry::Occupied(e) = map.entry(k) {
                        assert_eq!(Some(e.remove().value), model.remove(&k));
                    }
                }
            }
        }
        assert_eq!(values(&map), model_values(&model));
        for (snapshot, snapshot_model) in &kept {
            assert_eq!(values(snapshot), model_values(snapshot_model));
        }
    });
}

/// The same through `FrozenOrdMap`: `get_mut` and every `entry` method on a map whose nodes are
/// shared with clones taken between the writes, also read from another thread while the live map
/// is written.
#[test]
fn frozen_ord_map_mut_paths_copy_shared_nodes() {
    counted(|alive| {
        let n = size();
        let mut map: FrozenOrdMap<u32, Tracked> = (0..n)
            .step_by(2)
            .map(|k| (k, Tracked::new(u64::from(k), alive)))
            .collect();
        let mut model: BTreeMap<u32, u64> = (0..n).step_by(2).map(|k| (k, u64::from(k))).collect();
        let mut kept = Vec::new();
        std::thread::scope(|s| {
            let shared = map.clone();
            let shared_model = model.clone();
            s.spawn(move || assert_eq!(values(&shared), model_values(&shared_model)));
            for k in 0..n {
                if k % 13 == 0 {
                    kept.push((map.clone(), model.clone()));
                }
                match k % 6 {
                    0 => {
                        *map.entry(k)
                            .and_modify(|v| v.value += 1)
                            .or_insert_with(|| Tracked::new(7, alive)) = Tracked::new(8, alive);
                        model.insert(k, 8);
                    }
                    1 => {
                        if let Some(v) = map.get_mut(&k) {
                            v.value += 3;
                        }
                        if let Some(v) = model.get_mut(&k) {
                            *v += 3;
                        }
                    }
                    2 => match map.entry(k) {
                        Entry::Occupied(mut e) => {
                            e.get_mut().value += 1;
                            let old = e.insert(Tracked::new(5, alive));
                            assert_eq!(Some(old.value), model.insert(k, 5).map(|v| v + 1));
                        }
                        Entry::Vacant(e) => {
                            e.insert(Tracked::new(9, alive)).value += 1;
                            model.insert(k, 10);
                        }
                    },
                    3 => {
                        if let Entry::Occupied(e) = map.entry(k) {
                            let (key, v) = e.remove_entry();
                            assert_eq!((key, Some(v.value)), (k, model.remove(&k)));
                        }
                    }
                    4 => {
                        map.entry(k)
                            .or_insert_with_key(|k| Tracked::new(u64::from(*k), alive));
                        model.entry(k).or_insert(u64::from(k));
                    }
                    _ => {
                        if let Some((&last, _)) = model.last_key_value() {
                            map.get_mut(&last).expect("present").value += 1;
                            *model.get_mut(&last).unwrap() += 1;
                        }
                    }
                }
            }
        });
        assert_eq!(values(&map), model_values(&model));
        for (snapshot, snapshot_model) in &kept {
            assert_eq!(values(snapshot), model_values(snapshot_model));
        }
    });
}

/// The ordered containers reach imbl's tree through `&mut` only by `OrdMap::get_mut` (the path
/// the tests above drive), and the set never does: no imbl `entry`, no `*_mut` lookups beside
/// `get_mut`, no `IndexMut`. Code lines only (comments may name the paths to explain them).
/// A text scan: not run under Miri, where it takes minutes and checks nothing more.
#[test]
#[cfg_attr(miri, ignore)]
fn sources_reach_the_tree_mutably_only_through_get_mut() {
    const SOURCES: &[(&str, &str, bool)] = &[
        ("src/ord_map.rs", include_str!("../src/ord_map.rs"), true),
        (
            "src/ord_map/entry.rs",
            include_str!("../src/ord_map/entry.rs"),
            true,
        ),
        (
            "src/ord_map/iter.rs",
            include_str!("../src/ord_map/iter.rs"),
            false,
        ),
        (
            "src/ord_map/traits.rs",
            include_str!("../src/ord_map/traits.rs"),
            true,
        ),
        ("src/ord_set.rs", include_str!("../src/ord_set.rs"), false),
        (
            "src/ord_set/iter.rs",
            include_str!("../src/ord_set/iter.rs"),
            false,
        ),
        (
            "src/ord_set/traits.rs",
            include_str!("../src/ord_set/traits.rs"),
            false,
        ),
    ];
    const FORBIDDEN: &[&str] = &[
        "iter_mut",
        "values_mut",
        "get_key_value_mut",
        "get_prev_mut",
        "get_next_mut",
        "ordmap::Entry",
        ".entry(",
        "IndexMut",
        "index_mut",
    ];
    for &(path, text, may_get_mut) in SOURCES {
        for (no, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for pattern in FORBIDDEN {
                assert!(
                    !code.contains(pattern),
                    "{path}:{}: `{pattern}` in `{code}`",
                    no + 1
                );
            }
            if !may_get_mut {
                assert!(
                    !code.contains("get_mut"),
                    "{path}:{}: `get_mut` in `{code}`",
                    no + 1
                );
            }
        }
    }
}
