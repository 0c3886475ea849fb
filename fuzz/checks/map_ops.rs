//! `FrozenMap<u8, u16, S>` against `HashMap<u8, u16>`: random in-place and persistent updates,
//! compared with the model after every step, while earlier versions (clones sharing structure
//! with the live map) must keep their contents. Run with the default hasher and with
//! [`Collide`], which puts every key in one of four hashes (collision nodes).

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

use arbitrary::Arbitrary;
use deepfreeze::FrozenMap;

use super::common::{Collide, Versions, hash_of, keep, run_model};

type Model = HashMap<u8, u16>;

#[derive(Arbitrary, Debug)]
enum Op {
    Insert(u8, u16),
    Remove(u8),
    RemoveEntry(u8),
    WithInserted(u8, u16),
    Without(u8),
    /// `alter` with a closure storing this value or removing the entry.
    Alter(u8, Option<u16>),
    /// `alter` that counts: absent becomes 1, present is incremented.
    AlterIncrement(u8),
    Retain(u8),
    Union(Vec<(u8, u16)>),
    UnionWith(Vec<(u8, u16)>),
    UnionWithKey(Vec<(u8, u16)>),
    MergeWith(Vec<(u8, u16)>),
    Extend(Vec<(u8, u16)>),
    ExtendRef(Vec<(u8, u16)>),
    /// Inserts `count` consecutive keys from `start`.
    Fill {
        start: u8,
        count: u8,
        value: u16,
    },
    Clear,
    Keep(u8),
    /// Continues from a kept version instead of the live map.
    Restore(u8),
    /// Replaces the map by a copy rebuilt through `into_iter` and `collect`.
    Rebuild,
    /// Compares with a kept version (equality, hash).
    Compare(u8),
}

pub fn run(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    if pick & 1 == 0 {
        run_with::<std::hash::RandomState>(rest);
    } else {
        run_with::<Collide>(rest);
    }
}

fn run_with<S: BuildHasher + Clone + Default>(data: &[u8]) {
    let (map, model) = run_model(data, Default::default(), apply::<S>, check::<S>);
    // Conversions out of the map.
    assert_eq!(
        HashMap::<u8, u16, S>::from(map.clone()),
        model
            .iter()
            .map(|(&k, &v)| (k, v))
            .collect::<HashMap<_, _, S>>()
    );
    assert_eq!(
        BTreeMap::from(map.clone()),
        model
            .iter()
            .map(|(&k, &v)| (k, v))
            .collect::<BTreeMap<_, _>>()
    );
}

fn apply<S: BuildHasher + Clone + Default>(
    op: Op,
    map: &mut FrozenMap<u8, u16, S>,
    model: &mut Model,
    versions: &mut Versions<FrozenMap<u8, u16, S>, Model>,
) {
    match op {
        Op::Insert(k, v) => assert_eq!(map.insert(k, v), model.insert(k, v)),
        Op::Remove(k) => assert_eq!(map.remove(&k), model.remove(&k)),
        Op::RemoveEntry(k) => assert_eq!(map.remove_entry(&k), model.remove_entry(&k)),
        Op::WithInserted(k, v) => {
            let new = map.with_inserted(k, v);
            check(map, model);
            *map = new;
            model.insert(k, v);
        }
        Op::Without(k) => {
            let new = map.without(&k);
            check(map, model);
            if !model.contains_key(&k) {
                assert!(new.ptr_eq(map), "`without` an absent key is a clone");
            }
            *map = new;
            model.remove(&k);
        }
        Op::Alter(k, value) => {
            let before = model.get(&k).copied();
            map.alter(k, |current| {
                assert_eq!(current.copied(), before);
                value
            });
            match value {
                Some(v) => model.insert(k, v),
                None => model.remove(&k),
            };
        }
        Op::AlterIncrement(k) => {
            map.alter(k, |n| Some(n.map_or(1, |n| n.wrapping_add(1))));
            let n = model.entry(k).or_insert(0);
            *n = n.wrapping_add(1);
        }
        Op::Retain(seed) => {
            map.retain(|&k, &mut v| keep(seed, u64::from(k) << 16 | u64::from(v)));
            model.retain(|&k, &mut v| keep(seed, u64::from(k) << 16 | u64::from(v)));
        }
        Op::Union(entries) => {
            let (other, other_model) = build::<S>(entries);
            let new = map.union(&other);
            check(map, model);
            check(&other, &other_model);
            *map = new;
            for (k, v) in other_model {
                model.entry(k).or_insert(v);
            }
        }
        Op::UnionWith(entries) => {
            let (other, other_model) = build::<S>(entries);
            let new = map.union_with(&other, |l, r| l.wrapping_mul(3).wrapping_sub(*r));
            check(map, model);
            *map = new;
            for (k, r) in other_model {
                model
                    .entry(k)
                    .and_modify(|l| *l = l.wrapping_mul(3).wrapping_sub(r))
                    .or_insert(r);
            }
        }
        Op::UnionWithKey(entries) => {
            let (other, other_model) = build::<S>(entries);
            let f = |k: &u8, l: &u16, r: &u16| l.wrapping_mul(5) ^ r ^ u16::from(*k);
            let new = map.union_with_key(&other, f);
            check(map, model);
            *map = new;
            for (k, r) in other_model {
                let merged = match model.get(&k) {
                    Some(l) => f(&k, l, &r),
                    None => r,
                };
                model.insert(k, merged);
            }
        }
        Op::MergeWith(entries) => {
            map.merge_with(entries.iter().copied(), |_, old, new| old.wrapping_add(new));
            for (k, v) in entries {
                let n = model.entry(k).or_insert(0);
                *n = n.wrapping_add(v);
            }
        }
        Op::Extend(entries) => {
            map.extend(entries.iter().copied());
            model.extend(entries);
        }
        Op::ExtendRef(entries) => {
            map.extend(entries.iter().map(|(k, v)| (k, v)));
            model.extend(entries);
        }
        Op::Fill {
            start,
            count,
            value,
        } => {
            for k in (start..=u8::MAX).take(usize::from(count)) {
                assert_eq!(map.insert(k, value), model.insert(k, value));
            }
        }
        Op::Clear => {
            map.clear();
            model.clear();
        }
        Op::Keep(slot) => versions.keep(map, model, slot),
        Op::Restore(slot) => versions.restore(slot, map, model),
        Op::Rebuild => {
            let rebuilt: FrozenMap<u8, u16, S> = map.clone().into_iter().collect();
            assert!(rebuilt == *map);
            *map = rebuilt;
        }
        Op::Compare(slot) => {
            versions.compare(slot, map, model);
        }
    }
}

/// A map from `entries` (later pairs win) and its model.
fn build<S: BuildHasher + Clone + Default>(
    entries: Vec<(u8, u16)>,
) -> (FrozenMap<u8, u16, S>, Model) {
    let map = entries.iter().copied().collect();
    (map, entries.into_iter().collect())
}

/// Everything readable from `map` agrees with `model`.
fn check<S: BuildHasher + Clone + Default>(map: &FrozenMap<u8, u16, S>, model: &Model) {
    assert_eq!(map.len(), model.len());
    assert_eq!(map.is_empty(), model.is_empty());
    for k in 0..=u8::MAX {
        let expected = model.get(&k);
        assert_eq!(map.get(&k), expected);
        assert_eq!(map.contains_key(&k), expected.is_some());
        assert_eq!(map.get_key_value(&k), model.get_key_value(&k));
        if let Some(v) = expected {
            assert_eq!(&map[&k], v);
        }
    }
    let iter = map.iter();
    assert_eq!(iter.len(), model.len());
    let seen: HashMap<u8, u16> = iter.map(|(&k, &v)| (k, v)).collect();
    assert_eq!(&seen, model, "iteration yields each entry once");
    assert_eq!(map.keys().count(), model.len());
    assert_eq!(
        map.values().map(|&v| u64::from(v)).sum::<u64>(),
        model.values().map(|&v| u64::from(v)).sum::<u64>()
    );
    // A map built from scratch with the same entries is equal and hashes alike.
    let fresh: FrozenMap<u8, u16, S> = model.iter().map(|(&k, &v)| (k, v)).collect();
    assert!(fresh == *map);
    assert_eq!(hash_of(&fresh), hash_of(map));
}
