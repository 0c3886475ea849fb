//! `FrozenOrdMap<u16, u16>` against `BTreeMap<u16, u16>`: random in-place and persistent updates,
//! `get_mut` and the entry API, `split_off`/`append`, ranges and diffs, compared with the model after every step, while
//! earlier versions (clones sharing structure with the live map) must keep their contents. Keys
//! are kept below 1024 so that removals hit and nodes fill up and split.

use std::collections::BTreeMap;
use std::ops::Bound;

use arbitrary::Arbitrary;
use deepfreeze::FrozenOrdMap;
use deepfreeze::ord_map::{DiffItem, Entry};
use std::collections::btree_map;

use super::common::{Versions, check_both_ends, check_ord, hash_of, keep, range_ok, run_model};

type Map = FrozenOrdMap<u16, u16>;
type Model = BTreeMap<u16, u16>;

/// The key domain: `0..1024`.
fn key(k: u16) -> u16 {
    k & 0x3ff
}

#[derive(Arbitrary, Debug)]
enum Op {
    Insert(u16, u16),
    Remove(u16),
    RemoveEntry(u16),
    WithInserted(u16, u16),
    Without(u16),
    PopFirst,
    PopLast,
    Retain(u8),
    Append(Vec<(u16, u16)>),
    SplitOff(u16),
    Extend(Vec<(u16, u16)>),
    ExtendRef(Vec<(u16, u16)>),
    /// Inserts `count` keys from `start`, `step` apart.
    Fill {
        start: u16,
        count: u8,
        step: u8,
        value: u16,
    },
    Clear,
    /// Checks `range` (iterated from both ends) against the model's.
    Range(Bound<u16>, Bound<u16>, u8),
    Keep(u8),
    Restore(u8),
    Rebuild,
    /// Compares with a kept version: equality, order, hash and `diff`.
    Compare(u8),
    /// `get_mut`, then adds to the value.
    GetMut(u16, u16),
    /// One of the entry API's paths, picked by `how`.
    Entry(u16, u16, u8),
}

pub fn run(data: &[u8]) {
    let (map, model) = run_model(data, Default::default(), apply, check);
    assert_eq!(BTreeMap::from(map.clone()), model);
    assert_eq!(BTreeMap::from(&map), model);
}

fn apply(op: Op, map: &mut Map, model: &mut Model, versions: &mut Versions<Map, Model>) {
    match op {
        Op::Insert(k, v) => assert_eq!(map.insert(key(k), v), model.insert(key(k), v)),
        Op::Remove(k) => assert_eq!(map.remove(&key(k)), model.remove(&key(k))),
        Op::RemoveEntry(k) => assert_eq!(map.remove_entry(&key(k)), model.remove_entry(&key(k))),
        Op::WithInserted(k, v) => {
            let new = map.with_inserted(key(k), v);
            check(map, model);
            *map = new;
            model.insert(key(k), v);
        }
        Op::Without(k) => {
            let new = map.without(&key(k));
            check(map, model);
            *map = new;
            model.remove(&key(k));
        }
        Op::PopFirst => assert_eq!(map.pop_first(), model.pop_first()),
        Op::PopLast => assert_eq!(map.pop_last(), model.pop_last()),
        Op::Retain(seed) => {
            map.retain(|&k, &v| keep(seed, u64::from(k) << 16 | u64::from(v)));
            model.retain(|&k, &mut v| keep(seed, u64::from(k) << 16 | u64::from(v)));
        }
        Op::Append(entries) => {
            let mut other: Map = entries.iter().map(|&(k, v)| (key(k), v)).collect();
            let mut other_model: Model = entries.iter().map(|&(k, v)| (key(k), v)).collect();
            check(&other, &other_model);
            map.append(&mut other);
            model.append(&mut other_model);
            assert!(other.is_empty());
        }
        Op::SplitOff(k) => {
            let high = map.split_off(&key(k));
            let high_model = model.split_off(&key(k));
            check(&high, &high_model);
        }
        Op::Extend(entries) => {
            map.extend(entries.iter().map(|&(k, v)| (key(k), v)));
            model.extend(entries.iter().map(|&(k, v)| (key(k), v)));
        }
        Op::ExtendRef(entries) => {
            let entries: Vec<(u16, u16)> = entries.iter().map(|&(k, v)| (key(k), v)).collect();
            map.extend(entries.iter().map(|(k, v)| (k, v)));
            model.extend(entries);
        }
        Op::Fill {
            start,
            count,
            step,
            value,
        } => {
            let step = u16::from(step.max(1));
            for i in 0..u16::from(count) {
                let k = key(start.wrapping_add(i.wrapping_mul(step)));
                assert_eq!(map.insert(k, value), model.insert(k, value));
            }
        }
        Op::Clear => {
            map.clear();
            model.clear();
        }
        Op::Range(start, end, back_every) => {
            if range_ok(&start, &end) {
                let bounds = (start, end);
                check_both_ends(map.range(bounds), model.range(bounds), back_every);
            }
        }
        Op::Keep(slot) => versions.keep(map, model, slot),
        Op::Restore(slot) => versions.restore(slot, map, model),
        Op::Rebuild => {
            let rebuilt: Map = map.clone().into_iter().collect();
            assert_eq!(rebuilt, *map);
            *map = rebuilt;
        }
        Op::GetMut(k, add) => {
            let a = map.get_mut(&key(k)).map(|v| {
                *v = v.wrapping_add(add);
                *v
            });
            let b = model.get_mut(&key(k)).map(|v| {
                *v = v.wrapping_add(add);
                *v
            });
            assert_eq!(a, b);
        }
        Op::Entry(k, value, how) => entry(map, model, key(k), value, how),
        Op::Compare(slot) => {
            if let Some((old, old_model)) = versions.compare(slot, map, model) {
                check_ord(map, old, model, old_model);
                // Applying the diff from the old version to its model gives the live model.
                let mut patched = old_model.clone();
                let mut last = None;
                for item in old.diff(map) {
                    let k = match item {
                        DiffItem::Add(k, v) => {
                            assert_eq!(patched.insert(*k, *v), None);
                            *k
                        }
                        DiffItem::Update {
                            old: (k, a),
                            new: (k2, b),
                        } => {
                            assert_eq!(k, k2);
                            assert_ne!(a, b);
                            assert_eq!(patched.insert(*k, *b), Some(*a));
                            *k
                        }
                        DiffItem::Remove(k, v) => {
                            assert_eq!(patched.remove(k), Some(*v));
                            *k
                        }
                    };
                    assert!(last < Some(k), "diff is in ascending key order");
                    last = Some(k);
                }
                assert_eq!(&patched, model);
            }
        }
    }
}

/// One path through the entry API on both, chosen by `how`; the answers must agree.
fn entry(map: &mut Map, model: &mut Model, k: u16, value: u16, how: u8) {
    let bump = |v: &mut u16| *v = v.wrapping_mul(3).wrapping_add(1);
    match how % 6 {
        0 => assert_eq!(
            *map.entry(k).or_insert(value),
            *model.entry(k).or_insert(value)
        ),
        1 => assert_eq!(
            *map.entry(k).and_modify(bump).or_insert_with(|| value),
            *model.entry(k).and_modify(bump).or_insert_with(|| value)
        ),
        2 => assert_eq!(
            *map.entry(k).or_insert_with_key(|k| k ^ value),
            *model.entry(k).or_insert_with_key(|k| k ^ value)
        ),
        3 => {
            let a = map.entry(k).or_default();
            bump(a);
            let b = model.entry(k).or_default();
            bump(b);
            assert_eq!(a, b);
        }
        _ => match (map.entry(k), model.entry(k)) {
            (Entry::Occupied(mut a), btree_map::Entry::Occupied(mut b)) => {
                assert_eq!((a.key(), a.get()), (b.key(), b.get()));
                bump(a.get_mut());
                bump(b.get_mut());
                assert_eq!(a.insert(value), b.insert(value));
                if how % 6 == 4 {
                    assert_eq!(a.remove_entry(), b.remove_entry());
                } else {
                    bump(a.into_mut());
                    bump(b.into_mut());
                }
            }
            (Entry::Vacant(a), btree_map::Entry::Vacant(b)) => {
                assert_eq!(a.key(), b.key());
                if how % 6 == 4 {
                    assert_eq!(a.into_key(), b.into_key());
                } else {
                    assert_eq!(*a.insert(value), *b.insert(value));
                }
            }
            (a, b) => panic!("entry kinds differ: {a:?} vs {b:?}"),
        },
    }
}

/// Everything readable from `map` agrees with `model`.
fn check(map: &Map, model: &Model) {
    assert_eq!(map.len(), model.len());
    assert_eq!(map.is_empty(), model.is_empty());
    assert_eq!(map, model);
    assert!(map.iter().eq(model.iter()));
    assert_eq!(map.iter().len(), model.len());
    assert!(map.iter().rev().eq(model.iter().rev()));
    assert!(map.keys().eq(model.keys()));
    assert!(map.values().eq(model.values()));
    assert_eq!(map.first_key_value(), model.first_key_value());
    assert_eq!(map.last_key_value(), model.last_key_value());
    for (k, v) in model.iter().step_by(7) {
        assert_eq!(map.get(k), Some(v));
        assert_eq!(map.get_key_value(k), Some((k, v)));
        assert!(map.contains_key(k));
        assert_eq!(&map[k], v);
    }
    for k in [0, 1, 511, 1023, 1024] {
        assert_eq!(map.get(&k), model.get(&k));
    }
    let fresh: Map = model.iter().map(|(&k, &v)| (k, v)).collect();
    assert_eq!(&fresh, map);
    assert_eq!(hash_of(&fresh), hash_of(map));
}
