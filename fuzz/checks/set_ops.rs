//! `FrozenSet<u8, S>` against `HashSet<u8>`: random in-place and persistent updates and set
//! algebra, compared with the model after every step, while earlier versions (clones sharing
//! structure with the live set) must keep their contents. Run with the default hasher and with
//! [`Collide`] (every element in one of four hashes: collision nodes).

use std::collections::{BTreeSet, HashSet};
use std::hash::BuildHasher;

use arbitrary::Arbitrary;
use deepfreeze::FrozenSet;

use super::common::{Collide, Versions, hash_of, keep, run_model};

type Model = HashSet<u8>;

#[derive(Arbitrary, Debug)]
enum Op {
    Insert(u8),
    Replace(u8),
    Remove(u8),
    Take(u8),
    WithInserted(u8),
    Without(u8),
    Retain(u8),
    Union(Vec<u8>),
    Intersection(Vec<u8>),
    Difference(Vec<u8>),
    SymmetricDifference(Vec<u8>),
    /// `is_subset`, `is_superset` and `is_disjoint` with a set of these elements.
    Relations(Vec<u8>),
    Extend(Vec<u8>),
    ExtendRef(Vec<u8>),
    Fill {
        start: u8,
        count: u8,
    },
    Clear,
    Keep(u8),
    Restore(u8),
    Rebuild,
    Compare(u8),
    /// Set algebra with a kept version (which may share nodes with the live set).
    WithVersion(u8),
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
    let (set, model) = run_model(data, Default::default(), apply::<S>, check::<S>);
    assert_eq!(
        HashSet::<u8, S>::from(set.clone()),
        model.iter().copied().collect::<HashSet<_, S>>()
    );
    assert_eq!(
        BTreeSet::from(set.clone()),
        model.iter().copied().collect::<BTreeSet<_>>()
    );
}

/// A set of `elements` and its model.
fn build<S: BuildHasher + Clone + Default>(elements: &[u8]) -> (FrozenSet<u8, S>, Model) {
    let set: FrozenSet<u8, S> = elements.iter().copied().collect();
    let model: Model = elements.iter().copied().collect();
    check(&set, &model);
    (set, model)
}

fn apply<S: BuildHasher + Clone + Default>(
    op: Op,
    set: &mut FrozenSet<u8, S>,
    model: &mut Model,
    versions: &mut Versions<FrozenSet<u8, S>, Model>,
) {
    match op {
        Op::Insert(x) => assert_eq!(set.insert(x), model.insert(x)),
        Op::Replace(x) => assert_eq!(set.replace(x), model.replace(x)),
        Op::Remove(x) => assert_eq!(set.remove(&x), model.remove(&x)),
        Op::Take(x) => assert_eq!(set.take(&x), model.take(&x)),
        Op::WithInserted(x) => {
            let new = set.with_inserted(x);
            check(set, model);
            *set = new;
            model.insert(x);
        }
        Op::Without(x) => {
            let new = set.without(&x);
            check(set, model);
            *set = new;
            model.remove(&x);
        }
        Op::Retain(seed) => {
            set.retain(|&x| keep(seed, u64::from(x)));
            model.retain(|&x| keep(seed, u64::from(x)));
        }
        Op::Union(xs) => algebra(set, model, &build(&xs)),
        Op::Intersection(xs) => algebra(set, model, &build(&xs)),
        Op::Difference(xs) => algebra(set, model, &build(&xs)),
        Op::SymmetricDifference(xs) => algebra(set, model, &build(&xs)),
        Op::Relations(xs) => {
            let (other, other_model) = build::<S>(&xs);
            relations(set, model, &other, &other_model);
        }
        Op::Extend(xs) => {
            set.extend(xs.iter().copied());
            model.extend(xs);
        }
        Op::ExtendRef(xs) => {
            set.extend(xs.iter());
            model.extend(xs);
        }
        Op::Fill { start, count } => {
            for x in (start..=u8::MAX).take(usize::from(count)) {
                assert_eq!(set.insert(x), model.insert(x));
            }
        }
        Op::Clear => {
            set.clear();
            model.clear();
        }
        Op::Keep(slot) => versions.keep(set, model, slot),
        Op::Restore(slot) => versions.restore(slot, set, model),
        Op::Rebuild => {
            let rebuilt: FrozenSet<u8, S> = set.clone().into_iter().collect();
            assert!(rebuilt == *set);
            *set = rebuilt;
        }
        Op::Compare(slot) => {
            versions.compare(slot, set, model);
        }
        Op::WithVersion(slot) => {
            if let Some((old, old_model)) = versions.get(slot) {
                let old = (old.clone(), old_model.clone());
                relations(set, model, &old.0, &old.1);
                algebra(set, model, &old);
            }
        }
    }
}

/// Checks the four persistent set operations of `set` with `other` against the model, then
/// continues with one of them (chosen by the sizes, so every one gets its turn).
fn algebra<S: BuildHasher + Clone + Default>(
    set: &mut FrozenSet<u8, S>,
    model: &mut Model,
    (other, other_model): &(FrozenSet<u8, S>, Model),
) {
    // The lazy methods (std's signatures) yield what the model's do.
    let lazy: [Model; 4] = [
        set.union(other).copied().collect(),
        set.intersection(other).copied().collect(),
        set.difference(other).copied().collect(),
        set.symmetric_difference(other).copied().collect(),
    ];
    assert_eq!(
        set.union(other).count(),
        lazy[0].len(),
        "union repeated an element"
    );
    assert_eq!(set.symmetric_difference(other).count(), lazy[3].len());
    let current: &FrozenSet<u8, S> = set;
    let results = [
        (current | other, model.union(other_model).copied().collect()),
        (
            current & other,
            model.intersection(other_model).copied().collect(),
        ),
        (
            current - other,
            model.difference(other_model).copied().collect(),
        ),
        (
            current ^ other,
            model.symmetric_difference(other_model).copied().collect(),
        ),
    ];
    for ((_, expected), got) in results.iter().zip(&lazy) {
        assert_eq!(got, expected);
    }
    check(set, model);
    check(other, other_model);
    for (result, result_model) in &results {
        check(result, result_model);
    }
    let pick = (model.len() + other_model.len()) % results.len();
    (*set, *model) = results.into_iter().nth(pick).expect("in bounds");
}

fn relations<S: BuildHasher + Clone + Default>(
    set: &FrozenSet<u8, S>,
    model: &Model,
    other: &FrozenSet<u8, S>,
    other_model: &Model,
) {
    assert_eq!(set.is_subset(other), model.is_subset(other_model));
    assert_eq!(set.is_superset(other), model.is_superset(other_model));
    assert_eq!(set.is_disjoint(other), model.is_disjoint(other_model));
}

/// Everything readable from `set` agrees with `model`.
fn check<S: BuildHasher + Clone + Default>(set: &FrozenSet<u8, S>, model: &Model) {
    assert_eq!(set.len(), model.len());
    assert_eq!(set.is_empty(), model.is_empty());
    for x in 0..=u8::MAX {
        assert_eq!(set.contains(&x), model.contains(&x));
    }
    let iter = set.iter();
    assert_eq!(iter.len(), model.len());
    let seen: Vec<u8> = iter.copied().collect();
    assert_eq!(seen.len(), model.len());
    assert_eq!(
        seen.into_iter().collect::<Model>(),
        *model,
        "each element once"
    );
    let fresh: FrozenSet<u8, S> = model.iter().copied().collect();
    assert!(fresh == *set);
    assert_eq!(hash_of(&fresh), hash_of(set));
}
