//! `FrozenOrdSet<u16>` against `BTreeSet<u16>`: random in-place and persistent updates, set
//! algebra (methods and operators), `split_off`/`append`, ranges and diffs, compared with the
//! model after every step, while earlier versions (clones sharing structure with the live set)
//! must keep their contents. Elements are kept below 1024.

use std::collections::BTreeSet;
use std::ops::Bound;

use arbitrary::Arbitrary;
use deepfreeze::FrozenOrdSet;
use deepfreeze::ord_set::DiffItem;

use super::common::{Versions, check_both_ends, check_ord, hash_of, keep, range_ok, run_model};

type Set = FrozenOrdSet<u16>;
type Model = BTreeSet<u16>;

/// The element domain: `0..1024`.
fn elem(x: u16) -> u16 {
    x & 0x3ff
}

#[derive(Arbitrary, Debug)]
enum Op {
    Insert(u16),
    Replace(u16),
    Remove(u16),
    Take(u16),
    WithInserted(u16),
    Without(u16),
    PopFirst,
    PopLast,
    Retain(u8),
    /// Set algebra with a set of these elements.
    Algebra(Vec<u16>, u8),
    /// Set algebra with a kept version (which may share nodes with the live set).
    AlgebraWithVersion(u8, u8),
    Append(Vec<u16>),
    SplitOff(u16),
    Extend(Vec<u16>),
    ExtendRef(Vec<u16>),
    /// Inserts `count` elements from `start`, `step` apart.
    Fill {
        start: u16,
        count: u8,
        step: u8,
    },
    Clear,
    Range(Bound<u16>, Bound<u16>, u8),
    Keep(u8),
    Restore(u8),
    Rebuild,
    Compare(u8),
}

pub fn run(data: &[u8]) {
    let (set, model) = run_model(data, Default::default(), apply, check);
    assert_eq!(BTreeSet::from(set.clone()), model);
    assert_eq!(BTreeSet::from(&set), model);
}

fn apply(op: Op, set: &mut Set, model: &mut Model, versions: &mut Versions<Set, Model>) {
    match op {
        Op::Insert(x) => assert_eq!(set.insert(elem(x)), model.insert(elem(x))),
        Op::Replace(x) => assert_eq!(set.replace(elem(x)), model.replace(elem(x))),
        Op::Remove(x) => assert_eq!(set.remove(&elem(x)), model.remove(&elem(x))),
        Op::Take(x) => assert_eq!(set.take(&elem(x)), model.take(&elem(x))),
        Op::WithInserted(x) => {
            let new = set.with_inserted(elem(x));
            check(set, model);
            *set = new;
            model.insert(elem(x));
        }
        Op::Without(x) => {
            let new = set.without(&elem(x));
            check(set, model);
            *set = new;
            model.remove(&elem(x));
        }
        Op::PopFirst => assert_eq!(set.pop_first(), model.pop_first()),
        Op::PopLast => assert_eq!(set.pop_last(), model.pop_last()),
        Op::Retain(seed) => {
            set.retain(|&x| keep(seed, u64::from(x)));
            model.retain(|&x| keep(seed, u64::from(x)));
        }
        Op::Algebra(xs, pick) => {
            let other: Set = xs.iter().map(|&x| elem(x)).collect();
            let other_model: Model = xs.iter().map(|&x| elem(x)).collect();
            check(&other, &other_model);
            algebra(set, model, &other, &other_model, pick);
        }
        Op::AlgebraWithVersion(slot, pick) => {
            if let Some((old, old_model)) = versions.get(slot) {
                let (old, old_model) = (old.clone(), old_model.clone());
                algebra(set, model, &old, &old_model, pick);
            }
        }
        Op::Append(xs) => {
            let mut other: Set = xs.iter().map(|&x| elem(x)).collect();
            let mut other_model: Model = xs.iter().map(|&x| elem(x)).collect();
            set.append(&mut other);
            model.append(&mut other_model);
            assert!(other.is_empty());
        }
        Op::SplitOff(x) => {
            let high = set.split_off(&elem(x));
            let high_model = model.split_off(&elem(x));
            check(&high, &high_model);
        }
        Op::Extend(xs) => {
            set.extend(xs.iter().map(|&x| elem(x)));
            model.extend(xs.iter().map(|&x| elem(x)));
        }
        Op::ExtendRef(xs) => {
            let xs: Vec<u16> = xs.iter().map(|&x| elem(x)).collect();
            set.extend(xs.iter());
            model.extend(xs);
        }
        Op::Fill { start, count, step } => {
            let step = u16::from(step.max(1));
            for i in 0..u16::from(count) {
                let x = elem(start.wrapping_add(i.wrapping_mul(step)));
                assert_eq!(set.insert(x), model.insert(x));
            }
        }
        Op::Clear => {
            set.clear();
            model.clear();
        }
        Op::Range(start, end, back_every) => {
            if range_ok(&start, &end) {
                let bounds = (start, end);
                check_both_ends(set.range(bounds), model.range(bounds), back_every);
            }
        }
        Op::Keep(slot) => versions.keep(set, model, slot),
        Op::Restore(slot) => versions.restore(slot, set, model),
        Op::Rebuild => {
            let rebuilt: Set = set.clone().into_iter().collect();
            assert_eq!(rebuilt, *set);
            *set = rebuilt;
        }
        Op::Compare(slot) => {
            if let Some((old, old_model)) = versions.compare(slot, set, model) {
                check_ord(set, old, model, old_model);
                let mut patched = old_model.clone();
                let mut last = None;
                for item in old.diff(set) {
                    let x = match item {
                        DiffItem::Add(x) => {
                            assert!(patched.insert(*x));
                            *x
                        }
                        DiffItem::Remove(x) => {
                            assert!(patched.remove(x));
                            *x
                        }
                    };
                    assert!(last < Some(x), "diff is in ascending order");
                    last = Some(x);
                }
                assert_eq!(&patched, model);
            }
        }
    }
}

/// Checks the set algebra of `set` with `other` against the model, then continues with the
/// result that `pick` chooses.
fn algebra(set: &mut Set, model: &mut Model, other: &Set, other_model: &Model, pick: u8) {
    assert_eq!(set.is_subset(other), model.is_subset(other_model));
    assert_eq!(set.is_superset(other), model.is_superset(other_model));
    assert_eq!(set.is_disjoint(other), model.is_disjoint(other_model));
    let results = [
        (&*set | other, &*model | other_model),
        (&*set & other, &*model & other_model),
        (&*set - other, &*model - other_model),
        (&*set ^ other, &*model ^ other_model),
    ];
    // The lazy forms yield the same elements, ascending, as std's.
    let lazy: [Vec<_>; 4] = [
        set.union(other).collect(),
        set.intersection(other).collect(),
        set.difference(other).collect(),
        set.symmetric_difference(other).collect(),
    ];
    let std_lazy: [Vec<_>; 4] = [
        model.union(other_model).collect(),
        model.intersection(other_model).collect(),
        model.difference(other_model).collect(),
        model.symmetric_difference(other_model).collect(),
    ];
    assert_eq!(lazy, std_lazy);
    check(set, model);
    check(other, other_model);
    for (result, result_model) in &results {
        check(result, result_model);
    }
    let pick = usize::from(pick) % results.len();
    (*set, *model) = results.into_iter().nth(pick).expect("in bounds");
}

/// Everything readable from `set` agrees with `model`.
fn check(set: &Set, model: &Model) {
    assert_eq!(set.len(), model.len());
    assert_eq!(set.is_empty(), model.is_empty());
    assert_eq!(set, model);
    assert!(set.iter().eq(model.iter()));
    assert_eq!(set.iter().len(), model.len());
    assert!(set.iter().rev().eq(model.iter().rev()));
    assert_eq!(set.first(), model.first());
    assert_eq!(set.last(), model.last());
    for x in model.iter().step_by(7) {
        assert!(set.contains(x));
        assert_eq!(set.get(x), Some(x));
    }
    for x in [0, 1, 511, 1023, 1024] {
        assert_eq!(set.contains(&x), model.contains(&x));
        assert_eq!(set.get(&x), model.get(&x));
    }
    let fresh: Set = model.iter().copied().collect();
    assert_eq!(&fresh, set);
    assert_eq!(hash_of(&fresh), hash_of(set));
}
