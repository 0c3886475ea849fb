//! `FrozenSet` against a `std::collections::HashSet` model: random action sequences, compared
//! after every step; persistent updates, set algebra and snapshots never change their inputs;
//! clones read the same from other threads; hashers that force collisions and deep tries.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Debug;
use std::hash::{BuildHasher, DefaultHasher, Hash, Hasher, RandomState};

use deepfreeze::{Frozen, FrozenSet};
use proptest::prelude::*;
use static_assertions::{assert_impl_all, assert_not_impl_any};

// ---------------------------------------------------------------------------------------------
// Hashers

#[path = "common/hashers.rs"]
mod hashers;

use hashers::{Masked, NotFrozenHasher};

/// 8 distinct hashes: almost every element collides fully.
type FewHashes = Masked<0b111>;
/// Only bits 29..32 vary: all elements share the path through the first five levels.
type DeepPrefix = Masked<0xe000_0000>;

assert_impl_all!(FrozenSet<String, FewHashes>: Frozen, Send, Sync, Clone, Default);
assert_impl_all!(FrozenSet<FrozenSet<u8, FewHashes>, FewHashes>: Frozen, Hash, Eq);
assert_impl_all!(FrozenSet<u16>: Send, Sync, Clone, Eq, Hash, Debug);
assert_not_impl_any!(FrozenSet<std::rc::Rc<u8>, FewHashes>: Frozen);
assert_not_impl_any!(FrozenSet<u16, NotFrozenHasher>: Frozen);
assert_impl_all!(deepfreeze::set::Iter<'static, u8>: ExactSizeIterator, std::iter::FusedIterator, Clone, Send, Sync);
assert_impl_all!(deepfreeze::set::IntoIter<u8>: ExactSizeIterator, std::iter::FusedIterator, Send, Sync);
assert_not_impl_any!(deepfreeze::set::Iter<'static, u8>: Frozen);

trait Elem: Clone + Hash + Eq + Debug + Send + Sync + 'static {
    fn make(index: u16) -> Self;
}
impl Elem for u16 {
    fn make(index: u16) -> Self {
        index
    }
}
impl Elem for String {
    fn make(index: u16) -> Self {
        format!("e{index}")
    }
}

fn fixed_hash<T: Hash>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

fn keep<T: Hash>(seed: u8, value: &T) -> bool {
    fixed_hash(&(seed, value)) % 3 != 0
}

// ---------------------------------------------------------------------------------------------
// Actions

#[derive(Clone, Copy, Debug)]
enum Op {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
}

#[derive(Clone, Debug)]
enum Action {
    Insert(u16),
    Replace(u16),
    Remove(u16),
    Take(u16),
    WithInserted(u16),
    Without(u16),
    Retain(u8),
    Extend(Vec<u16>),
    InsertRange(u16, u16),
    /// `current op other` (or `other op current` when the flag is set).
    Algebra(Op, Vec<u16>, bool),
    /// `current op snapshot`: operands that share structure.
    AlgebraWithSnapshot(Op, usize, bool),
    IntoIterRoundTrip,
    Clear,
    Snapshot,
    Revert(usize),
}

const ELEMS: u16 = 64;

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Union),
        Just(Op::Intersection),
        Just(Op::Difference),
        Just(Op::SymmetricDifference),
    ]
}

fn elements() -> impl Strategy<Value = Vec<u16>> {
    prop::collection::vec(0..ELEMS, 0..32)
}

fn action() -> impl Strategy<Value = Action> {
    let range_max: u16 = if cfg!(miri) { 36 } else { 600 };
    prop_oneof![
        8 => (0..ELEMS).prop_map(Action::Insert),
        2 => (0..ELEMS).prop_map(Action::Replace),
        4 => (0..ELEMS).prop_map(Action::Remove),
        2 => (0..ELEMS).prop_map(Action::Take),
        3 => (0..ELEMS).prop_map(Action::WithInserted),
        3 => (0..ELEMS).prop_map(Action::Without),
        2 => any::<u8>().prop_map(Action::Retain),
        2 => elements().prop_map(Action::Extend),
        1 => (0..2000u16, 0..range_max).prop_map(|(s, n)| Action::InsertRange(s, n)),
        4 => (op(), elements(), any::<bool>()).prop_map(|(o, e, f)| Action::Algebra(o, e, f)),
        2 => (op(), any::<usize>(), any::<bool>())
            .prop_map(|(o, i, f)| Action::AlgebraWithSnapshot(o, i, f)),
        1 => Just(Action::IntoIterRoundTrip),
        1 => Just(Action::Clear),
        2 => Just(Action::Snapshot),
        1 => any::<usize>().prop_map(Action::Revert),
    ]
}

fn actions() -> impl Strategy<Value = Vec<Action>> {
    prop::collection::vec(action(), 1..if cfg!(miri) { 12 } else { 64 })
}

// ---------------------------------------------------------------------------------------------
// The model runner

type Model<T> = HashSet<T>;

fn frozen_from<T: Elem, S: BuildHasher + Clone>(hasher: &S, model: &Model<T>) -> FrozenSet<T, S> {
    let mut set = FrozenSet::with_hasher(hasher.clone());
    set.extend(model.iter().cloned());
    set
}

fn check<T: Elem, S: BuildHasher + Clone>(set: &FrozenSet<T, S>, model: &Model<T>) {
    assert_eq!(set.len(), model.len());
    assert_eq!(set.is_empty(), model.is_empty());
    for value in model {
        assert!(set.contains(value), "contains({value:?})");
    }
    // Absent keys too (fewer under Miri, where a lookup is slow).
    for index in 0..if cfg!(miri) { 8 } else { ELEMS } {
        let value = T::make(index);
        assert_eq!(
            set.contains(&value),
            model.contains(&value),
            "contains({value:?})"
        );
    }
    let iter = set.iter();
    assert_eq!(iter.len(), model.len());
    let seen: Vec<&T> = iter.collect();
    assert_eq!(seen.len(), model.len());
    let collected: Model<T> = seen.into_iter().cloned().collect();
    assert_eq!(&collected, model);
}

fn apply_model<T: Elem>(op: Op, left: &Model<T>, right: &Model<T>) -> Model<T> {
    match op {
        Op::Union => left.union(right).cloned().collect(),
        Op::Intersection => left.intersection(right).cloned().collect(),
        Op::Difference => left.difference(right).cloned().collect(),
        Op::SymmetricDifference => left.symmetric_difference(right).cloned().collect(),
    }
}

fn apply<T: Elem, S: BuildHasher + Clone>(
    op: Op,
    left: &FrozenSet<T, S>,
    right: &FrozenSet<T, S>,
) -> FrozenSet<T, S> {
    // The lazy methods yield borrowed elements, each once, like std's.
    let lazy: Vec<&T> = match op {
        Op::Union => left.union(right).collect(),
        Op::Intersection => left.intersection(right).collect(),
        Op::Difference => left.difference(right).collect(),
        Op::SymmetricDifference => left.symmetric_difference(right).collect(),
    };
    let mut by_method = FrozenSet::with_hasher(left.hasher().clone());
    for value in &lazy {
        assert!(
            by_method.insert((*value).clone()),
            "a lazy set operation repeated an element"
        );
    }
    let by_operator = match op {
        Op::Union => left | right,
        Op::Intersection => left & right,
        Op::Difference => left - right,
        Op::SymmetricDifference => left ^ right,
    };
    assert_eq!(by_method, by_operator);
    by_method
}

/// The predicates agree with the model for both argument orders.
fn check_predicates<T: Elem, S: BuildHasher + Clone>(
    a: &FrozenSet<T, S>,
    a_model: &Model<T>,
    b: &FrozenSet<T, S>,
    b_model: &Model<T>,
) {
    for (x, xm, y, ym) in [(a, a_model, b, b_model), (b, b_model, a, a_model)] {
        assert_eq!(x.is_subset(y), xm.is_subset(ym));
        assert_eq!(x.is_superset(y), xm.is_superset(ym));
        assert_eq!(x.is_disjoint(y), xm.is_disjoint(ym));
        assert_eq!(x == y, xm == ym);
    }
}

/// The check after each step: everything natively. Miri looks for undefined behaviour, not
/// logic errors (the native run covers those), and runs a lookup some 10^4 times slower, so under
/// Miri only the length and a full iteration; the end of each case checks everything.
fn check_step<T: Elem, S: BuildHasher + Clone>(set: &FrozenSet<T, S>, model: &Model<T>) {
    if cfg!(miri) {
        assert_eq!(set.len(), model.len());
        assert_eq!(set.iter().count(), model.len());
    } else {
        check(set, model);
    }
}

struct Snapshot<T, S> {
    set: FrozenSet<T, S>,
    model: Model<T>,
}

fn run<T: Elem, S>(hasher: S, actions: &[Action])
where
    S: BuildHasher + Clone + Send + Sync,
{
    let mut set: FrozenSet<T, S> = FrozenSet::with_hasher(hasher.clone());
    let mut model: Model<T> = HashSet::new();
    let mut snapshots: Vec<Snapshot<T, S>> = Vec::new();

    for action in actions {
        match action {
            Action::Insert(v) => {
                let v = T::make(*v);
                assert_eq!(set.insert(v.clone()), model.insert(v));
            }
            Action::Replace(v) => {
                let v = T::make(*v);
                assert_eq!(set.replace(v.clone()), model.replace(v));
            }
            Action::Remove(v) => {
                let v = T::make(*v);
                assert_eq!(set.remove(&v), model.remove(&v));
            }
            Action::Take(v) => {
                let v = T::make(*v);
                assert_eq!(set.take(&v), model.take(&v));
            }
            Action::WithInserted(v) => {
                let v = T::make(*v);
                let next = set.with_inserted(v.clone());
                check_step(&set, &model);
                assert_eq!(next.ptr_eq(&set), model.contains(&v));
                model.insert(v);
                set = next;
            }
            Action::Without(v) => {
                let v = T::make(*v);
                let next = set.without(&v);
                check_step(&set, &model);
                assert_eq!(next.ptr_eq(&set), !model.contains(&v));
                model.remove(&v);
                set = next;
            }
            Action::Retain(seed) => {
                let mut calls = 0;
                set.retain(|v| {
                    calls += 1;
                    keep(*seed, v)
                });
                assert_eq!(calls, model.len(), "retain visits each element once");
                model.retain(|v| keep(*seed, v));
            }
            Action::Extend(raw) => {
                let values: Vec<T> = raw.iter().map(|&v| T::make(v)).collect();
                set.extend(values.clone());
                model.extend(values);
            }
            Action::InsertRange(start, count) => {
                for i in 0..*count {
                    let v = T::make(start.wrapping_add(i));
                    assert_eq!(set.insert(v.clone()), model.insert(v));
                }
            }
            Action::Algebra(op, raw, flipped) => {
                let other_model: Model<T> = raw.iter().map(|&v| T::make(v)).collect();
                let other = frozen_from(&hasher, &other_model);
                check_predicates(&set, &model, &other, &other_model);
                let (result, expected) = if *flipped {
                    (
                        apply(*op, &other, &set),
                        apply_model(*op, &other_model, &model),
                    )
                } else {
                    (
                        apply(*op, &set, &other),
                        apply_model(*op, &model, &other_model),
                    )
                };
                check_step(&set, &model);
                check_step(&other, &other_model);
                model = expected;
                set = result;
            }
            Action::AlgebraWithSnapshot(op, index, flipped) => {
                if let Some(snapshot) = pick(&snapshots, *index) {
                    check_predicates(&set, &model, &snapshot.set, &snapshot.model);
                    let (result, expected) = if *flipped {
                        (
                            apply(*op, &snapshot.set, &set),
                            apply_model(*op, &snapshot.model, &model),
                        )
                    } else {
                        (
                            apply(*op, &set, &snapshot.set),
                            apply_model(*op, &model, &snapshot.model),
                        )
                    };
                    check_step(&snapshot.set, &snapshot.model);
                    // An operation with itself.
                    let with_self = apply(*op, &set, &set.clone());
                    check_step(&with_self, &apply_model(*op, &model, &model));
                    model = expected;
                    set = result;
                }
            }
            Action::IntoIterRoundTrip => {
                let keep_alive = set.clone();
                let owned = set.clone().into_iter();
                assert_eq!(owned.len(), model.len());
                let mut rebuilt = FrozenSet::with_hasher(hasher.clone());
                rebuilt.extend(owned);
                check_step(&keep_alive, &model);
                let unique = frozen_from(&hasher, &model);
                let drained: Model<T> = unique.into_iter().collect();
                assert_eq!(drained, model);
                set = rebuilt;
            }
            Action::Clear => {
                set.clear();
                model.clear();
            }
            Action::Snapshot => {
                snapshots.push(Snapshot {
                    set: set.clone(),
                    model: model.clone(),
                });
            }
            Action::Revert(index) => {
                if let Some(snapshot) = pick(&snapshots, *index) {
                    set = snapshot.set.clone();
                    model = snapshot.model.clone();
                }
            }
        }
        check_step(&set, &model);
        for snapshot in &snapshots {
            assert_eq!(
                snapshot.set.len(),
                snapshot.model.len(),
                "a snapshot changed"
            );
        }
    }

    for snapshot in &snapshots {
        check(&snapshot.set, &snapshot.model);
    }
    let rebuilt = frozen_from(&hasher, &model);
    assert_eq!(set, rebuilt);
    assert_eq!(fixed_hash(&set), fixed_hash(&rebuilt));
    let std_set: HashSet<T, S> = set.clone().into();
    assert_eq!(std_set.len(), model.len());
    assert!(std_set.iter().all(|v| model.contains(v)));
    std::thread::scope(|scope| {
        for _ in 0..2 {
            let clone = set.clone();
            let model = &model;
            scope.spawn(move || check(&clone, model));
        }
        let (set, model) = (&set, &model);
        scope.spawn(move || check(set, model));
    });
}

fn pick<T>(items: &[T], index: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[index % items.len()])
}

/// 64 cases per instantiation by default; `PROPTEST_CASES` overrides it (Miri runs use 4).
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
    fn model_u16_random_state(actions in actions()) {
        run::<u16, _>(RandomState::new(), &actions);
    }

    #[test]
    fn model_string_random_state(actions in actions()) {
        run::<String, _>(RandomState::new(), &actions);
    }

    #[test]
    fn model_u16_few_hashes(actions in actions()) {
        run::<u16, _>(FewHashes::default(), &actions);
    }

    #[test]
    fn model_string_few_hashes(actions in actions()) {
        run::<String, _>(FewHashes::default(), &actions);
    }

    #[test]
    fn model_string_deep_prefix(actions in actions()) {
        run::<String, _>(DeepPrefix::default(), &actions);
    }
}

// ---------------------------------------------------------------------------------------------
// Focused behaviour

/// Equal but distinguishable elements: which copy a set keeps.
#[derive(Clone, Debug)]
struct Tagged(u8, &'static str);
impl PartialEq for Tagged {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl Eq for Tagged {}
impl Hash for Tagged {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

fn tag_of(set: &FrozenSet<Tagged>, n: u8) -> &'static str {
    set.iter().find(|t| t.0 == n).map(|t| t.1).unwrap()
}

#[test]
fn insert_keeps_and_replace_swaps_like_std() {
    let mut set = FrozenSet::new();
    assert!(set.insert(Tagged(1, "first")));
    assert!(!set.insert(Tagged(1, "second")));
    assert_eq!(tag_of(&set, 1), "first");
    assert_eq!(set.replace(Tagged(1, "third")).map(|t| t.1), Some("first"));
    assert_eq!(tag_of(&set, 1), "third");
    assert_eq!(set.take(&Tagged(1, "any")).map(|t| t.1), Some("third"));
    assert!(set.is_empty());
}

#[test]
fn union_keeps_the_left_elements_whatever_the_sizes() {
    let big: FrozenSet<Tagged> = (0..50).map(|n| Tagged(n, "big")).collect();
    let small: FrozenSet<Tagged> = (45..55).map(|n| Tagged(n, "small")).collect();
    assert_eq!(tag_of(&(&big | &small), 47), "big");
    assert_eq!(tag_of(&(&small | &big), 47), "small");
    assert_eq!((&big | &small).len(), 55);
    assert_eq!(tag_of(&(&small - &FrozenSet::new()), 50), "small");
    // The lazy union yields the left set's elements first, like std's.
    let first = small.union(&big).find(|t| t.0 == 47).map(|t| t.1);
    assert_eq!(first, Some("small"));
}

#[test]
fn string_elements_are_looked_up_with_str() {
    let mut set: FrozenSet<String> = FrozenSet::from(["a".to_string(), "b".to_string()]);
    assert!(set.contains("a"));
    assert_eq!(set.without("a").len(), 1);
    assert!(set.remove("a"));
    assert_eq!(set.take("b"), Some("b".to_string()));
    assert!(!set.remove("zzz"));
    assert!(set.is_empty());
}

#[test]
fn persistent_updates_and_algebra_leave_inputs_alone() {
    let a: FrozenSet<u32> = (0..200).collect();
    let b: FrozenSet<u32> = (100..300).collect();
    let (a0, b0) = (a.clone(), b.clone());
    let union = &a | &b;
    let inter = &a & &b;
    let diff = &a - &b;
    let sym = &a ^ &b;
    assert_eq!(a.union(&b).count(), 300);
    assert_eq!(a.intersection(&b).count(), 100);
    assert_eq!(a.difference(&b).count(), 100);
    assert_eq!(a.symmetric_difference(&b).count(), 200);
    let added = a.with_inserted(1000);
    let removed = a.without(&5);
    assert!(a.ptr_eq(&a0) && b.ptr_eq(&b0));
    assert_eq!((a.len(), b.len()), (200, 200));
    assert_eq!(union.len(), 300);
    assert_eq!(inter, (100..200).collect::<FrozenSet<_>>());
    assert_eq!(diff, (0..100).collect::<FrozenSet<_>>());
    assert_eq!(sym, (0..100).chain(200..300).collect::<FrozenSet<_>>());
    assert_eq!(added.len(), 201);
    assert_eq!(removed.len(), 199);
    assert!(a.with_inserted(5).ptr_eq(&a));
    assert!(a.without(&5000).ptr_eq(&a));
}

#[test]
fn predicates_match_std() {
    let a = FrozenSet::from([1, 2, 3]);
    let b = FrozenSet::from([1, 2]);
    let c = FrozenSet::from([7]);
    let e: FrozenSet<i32> = FrozenSet::new();
    assert!(b.is_subset(&a) && a.is_superset(&b));
    assert!(!a.is_subset(&b) && !b.is_superset(&a));
    assert!(a.is_subset(&a) && a.is_superset(&a));
    assert!(e.is_subset(&a) && e.is_disjoint(&a) && e.is_disjoint(&e));
    assert!(a.is_disjoint(&c) && !a.is_disjoint(&b));
}

#[test]
fn debug_formats_like_std() {
    assert_eq!(format!("{:?}", FrozenSet::from([7])), "{7}");
    assert_eq!(format!("{:?}", FrozenSet::<u8>::new()), "{}");
    assert_eq!(format!("{:?}", FrozenSet::from([7]).iter()), "[7]");
    assert_eq!(
        format!("{:?}", FrozenSet::from([7]).into_iter()),
        "IntoIter { remaining: 1 }"
    );
}

#[test]
fn sets_of_sets_hash_by_content() {
    let a: FrozenSet<u32> = (0..30).collect();
    let b: FrozenSet<u32> = (0..30).rev().collect();
    assert!(!a.ptr_eq(&b));
    assert_eq!(fixed_hash(&a), fixed_hash(&b));
    let family = FrozenSet::from([a.clone(), b, a.without(&3)]);
    assert_eq!(family.len(), 2);
    assert!(family.contains(&a));
}

#[test]
fn conversions_round_trip() {
    let std_set: HashSet<u32> = (0..40).collect();
    let frozen = FrozenSet::from(std_set.clone());
    assert_eq!(
        frozen.hasher().hash_one(3u32),
        std_set.hasher().hash_one(3u32)
    );
    let back: HashSet<u32> = frozen.clone().into();
    assert_eq!(back, std_set);
    assert_eq!(
        back.hasher().hash_one(3u32),
        std_set.hasher().hash_one(3u32)
    );
    let tree: BTreeSet<u32> = (0..40).collect();
    let from_tree = FrozenSet::from(tree.clone());
    assert_eq!(HashSet::<u32>::from_iter(from_tree.clone()), std_set);
    assert_eq!(BTreeSet::from(frozen.clone()), tree);
    assert_eq!(FrozenSet::from((0..40).collect::<Vec<u32>>()), from_tree);
    assert_eq!(FrozenSet::from([1, 1, 2]).len(), 2);
    let few: FrozenSet<u32, FewHashes> = (0..40).collect();
    let std_few: HashSet<u32, FewHashes> = few.into();
    assert_eq!(std_few.len(), 40);
}

#[test]
fn iterators_are_exact_and_fused() {
    let set: FrozenSet<u32> = (0..40).collect();
    let mut iter = set.iter();
    for remaining in (0..40).rev() {
        assert!(iter.next().is_some());
        assert_eq!(iter.len(), remaining);
    }
    assert_eq!(iter.next(), None);
    assert_eq!(iter.next(), None);
    let mut owned = set.clone().into_iter();
    assert_eq!(owned.by_ref().count(), 40);
    assert_eq!(owned.next(), None);
    assert_eq!(
        (&set).into_iter().copied().sum::<u32>(),
        (0..40).sum::<u32>()
    );
    let mut copied: FrozenSet<u32> = FrozenSet::new();
    copied.extend(&[1u32, 2, 3]);
    assert_eq!(copied.len(), 3);
}

#[test]
fn retain_with_collisions_visits_every_element_once() {
    let count = if cfg!(miri) { 34 } else { 1000 };
    let mut set: FrozenSet<u32, FewHashes> = (0..count).collect();
    let before = set.clone();
    let mut visited = Vec::new();
    set.retain(|v| {
        visited.push(*v);
        v % 4 == 1
    });
    visited.sort_unstable();
    assert_eq!(visited, (0..count).collect::<Vec<_>>());
    assert!(set.iter().all(|v| v % 4 == 1));
    assert_eq!(set.len(), (0..count).filter(|v| v % 4 == 1).count());
    assert_eq!(before.len(), count as usize);
}

// ---------------------------------------------------------------------------------------------
// Set algebra between sets hashed differently, and between versions

proptest! {
    #![proptest_config(config())]

    /// Two std `RandomState`s seed differently, so the tries cannot be walked together: the
    /// operators and predicates must notice and still agree with std, and the result must be a
    /// valid set of the left operand's hasher (every lookup in `check` uses it).
    #[test]
    fn algebra_between_differently_seeded_sets(
        a_raw in prop::collection::vec(0..200u16, 0..120),
        b_raw in prop::collection::vec(0..200u16, 0..120),
        op in op(),
    ) {
        let a_model: Model<u16> = a_raw.iter().copied().collect();
        let b_model: Model<u16> = b_raw.iter().copied().collect();
        let a = frozen_from(&RandomState::new(), &a_model);
        let b = frozen_from(&RandomState::new(), &b_model);
        check_predicates(&a, &a_model, &b, &b_model);
        check(&apply(op, &a, &b), &apply_model(op, &a_model, &b_model));
        check(&apply(op, &b, &a), &apply_model(op, &b_model, &a_model));
        check(&a, &a_model);
        check(&b, &b_model);
    }

    /// A set against versions of itself a few elements apart, with every test hasher.
    #[test]
    fn algebra_between_versions(
        base in prop::collection::vec(0..3000u16, 0..if cfg!(miri) { 40 } else { 600 }),
        edits in prop::collection::vec((0..3000u16, any::<bool>()), 0..8),
        op in op(),
    ) {
        fn versions<S: BuildHasher + Clone>(hasher: S, base: &[u16], edits: &[(u16, bool)], op: Op) {
            let model: Model<u16> = base.iter().copied().collect();
            let set = frozen_from(&hasher, &model);
            let (mut other, mut other_model) = (set.clone(), model.clone());
            for &(value, insert) in edits {
                if insert {
                    other = other.with_inserted(value);
                    other_model.insert(value);
                } else {
                    other = other.without(&value);
                    other_model.remove(&value);
                }
            }
            check_predicates(&set, &model, &other, &other_model);
            check(&apply(op, &set, &other), &apply_model(op, &model, &other_model));
            check(&apply(op, &other, &set), &apply_model(op, &other_model, &model));
            check(&set, &model);
        }
        versions(RandomState::new(), &base, &edits, op);
        versions(deepfreeze::map::DefaultHashBuilder::default(), &base, &edits, op);
        versions(FewHashes::default(), &base, &edits, op);
        versions(DeepPrefix::default(), &base, &edits, op);
    }
}

#[test]
fn operators_reuse_the_operands_when_nothing_changes() {
    let set: FrozenSet<u32> = (0..2000).collect();
    let smaller = set.without(&1234);
    assert!((&set | &smaller).ptr_eq(&set));
    assert!((&smaller & &set).ptr_eq(&smaller));
    assert!((&set - &FrozenSet::new()).ptr_eq(&set));
    assert!((&set ^ &set).is_empty());
    assert!((&set - &set).is_empty());
    assert_eq!(&set - &smaller, FrozenSet::from([1234]));
    assert_eq!(&set ^ &smaller, FrozenSet::from([1234]));
    // Clones of one `RandomState` hash alike: the fast path applies to them too.
    let seeded = FrozenSet::with_hasher(RandomState::new());
    let seeded = (0..2000u32).fold(seeded, |set, value| set.with_inserted(value));
    assert!((&seeded | &seeded.without(&5)).ptr_eq(&seeded));
}

#[test]
fn operators_keep_the_left_element() {
    let left = FrozenSet::from([Tagged(1, "left"), Tagged(2, "left")]);
    let right = FrozenSet::from([Tagged(2, "right"), Tagged(3, "right")]);
    let union = &left | &right;
    assert_eq!(
        (tag_of(&union, 1), tag_of(&union, 2), tag_of(&union, 3)),
        ("left", "left", "right")
    );
    assert_eq!(tag_of(&(&left & &right), 2), "left");
    assert_eq!(tag_of(&(&right & &left), 2), "right");
}
