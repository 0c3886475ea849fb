//! `FrozenOrdSet` against a `BTreeSet` model: a random sequence of actions is applied to both and
//! they are compared after every step, including set algebra and `diff` between every live
//! snapshot (an older clone, which must keep its value) and the current set. A clone read from
//! other threads must equal the model. A failing case prints as a runnable program.
//!
//! Then: unit tests of the edge cases (panics, sharing, `Borrow` lookups, traits).

use std::collections::{BTreeSet, HashSet};
use std::fmt::{self, Write as _};
use std::ops::Bound;

use deepfreeze::ord_set::DiffItem;
use deepfreeze::{Frozen, FrozenOrdSet};
use proptest::prelude::*;
use proptest::test_runner::Config;

#[path = "common/range.rs"]
mod range;
#[path = "common/tagged.rs"]
mod tagged;
use range::valid_range;
use tagged::{Tagged, tagged};

type T = u16;
type Set = FrozenOrdSet<T>;
type Model = BTreeSet<T>;

/// The set algebra, each applied as `s = &s op &other` (and checked against the lazy method).
#[derive(Clone, Copy, Debug)]
enum Algebra {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
}

impl Algebra {
    fn symbol(self) -> &'static str {
        match self {
            Algebra::Union => "|",
            Algebra::Intersection => "&",
            Algebra::Difference => "-",
            Algebra::SymmetricDifference => "^",
        }
    }

    /// The lazy method's elements, in the order it yields them.
    fn lazy(self, a: &Set, b: &Set) -> Vec<T> {
        match self {
            Algebra::Union => a.union(b).copied().collect(),
            Algebra::Intersection => a.intersection(b).copied().collect(),
            Algebra::Difference => a.difference(b).copied().collect(),
            Algebra::SymmetricDifference => a.symmetric_difference(b).copied().collect(),
        }
    }

    fn operator(self, a: &Set, b: &Set) -> Set {
        match self {
            Algebra::Union => a | b,
            Algebra::Intersection => a & b,
            Algebra::Difference => a - b,
            Algebra::SymmetricDifference => a ^ b,
        }
    }

    fn model(self, a: &Model, b: &Model) -> Model {
        match self {
            Algebra::Union => a.union(b).copied().collect(),
            Algebra::Intersection => a.intersection(b).copied().collect(),
            Algebra::Difference => a.difference(b).copied().collect(),
            Algebra::SymmetricDifference => a.symmetric_difference(b).copied().collect(),
        }
    }
}

/// Where the other operand of a set operation comes from.
#[derive(Clone, Debug)]
enum Operand {
    /// A fresh set of these values.
    Values(Vec<T>),
    /// The latest snapshot (shares structure with the current set), or the set itself if none.
    Snapshot,
}

#[derive(Clone, Debug)]
enum Action {
    Insert(T),
    Replace(T),
    Remove(T),
    Take(T),
    PopFirst,
    PopLast,
    RetainMod(T, T),
    Append(Vec<T>),
    SplitOff(T),
    SplitOffKeepHigh(T),
    InsertRange(T, u16),
    Clear,
    WithInserted(T),
    Without(T),
    Algebra(Algebra, Operand),
    Snapshot,
    RoundTripStd,
    Get(T),
    Range(Bound<T>, Bound<T>, Vec<bool>),
}

const MAX_SNAPSHOTS: usize = 3;

impl Action {
    /// Makes a `Range` valid for `BTreeSet::range` (which panics otherwise; tested separately).
    fn resolve(&self) -> Action {
        match self {
            Action::Range(lo, hi, walk) => {
                let (lo, hi) = valid_range(*lo, *hi);
                Action::Range(lo, hi, walk.clone())
            }
            other => other.clone(),
        }
    }

    fn is_persistent(&self) -> bool {
        matches!(
            self,
            Action::WithInserted(_) | Action::Without(_) | Action::Algebra(..)
        )
    }

    fn code(&self, snapshot_no: usize, latest_snapshot: Option<usize>) -> String {
        use Action::*;
        match self {
            Insert(x) => format!("s.insert({x});"),
            Replace(x) => format!("s.replace({x});"),
            Remove(x) => format!("s.remove(&{x});"),
            Take(x) => format!("s.take(&{x});"),
            PopFirst => "s.pop_first();".into(),
            PopLast => "s.pop_last();".into(),
            RetainMod(m, r) => format!("s.retain(|x| x % {m} != {r});"),
            Append(xs) => format!("s.append(&mut FrozenOrdSet::from(vec!{xs:?}));"),
            SplitOff(x) => format!("let _ = s.split_off(&{x});"),
            SplitOffKeepHigh(x) => format!("s = s.split_off(&{x});"),
            InsertRange(x, n) => format!("s.extend({x}..{x} + {n});"),
            Clear => "s.clear();".into(),
            WithInserted(x) => format!("s = s.with_inserted({x});"),
            Without(x) => format!("s = s.without(&{x});"),
            Algebra(op, Operand::Values(xs)) => {
                format!("s = &s {} &FrozenOrdSet::from(vec!{xs:?});", op.symbol())
            }
            Algebra(op, Operand::Snapshot) => match latest_snapshot {
                Some(no) => format!("s = &s {} &snap{no};", op.symbol()),
                None => format!("s = &s {} &s.clone();", op.symbol()),
            },
            Snapshot => format!("let snap{snapshot_no} = s.clone();"),
            RoundTripStd => "s = FrozenOrdSet::from(BTreeSet::from(s));".into(),
            Get(x) => format!("s.get(&{x});"),
            Range(lo, hi, walk) => format!("walk(s.range::<u16, _>(({lo:?}, {hi:?})), &{walk:?});"),
        }
    }

    /// `other` is the model of the `Operand::Snapshot` operand.
    fn apply_model(&self, s: &mut Model, other: &Model) -> String {
        use Action::*;
        let done = String::new();
        match self {
            Insert(x) => return format!("{}", s.insert(*x)),
            Replace(x) => return format!("{:?}", s.replace(*x)),
            Remove(x) => return format!("{}", s.remove(x)),
            Take(x) => return format!("{:?}", s.take(x)),
            PopFirst => return format!("{:?}", s.pop_first()),
            PopLast => return format!("{:?}", s.pop_last()),
            RetainMod(m, r) => s.retain(|x| x % m != *r),
            Append(xs) => s.append(&mut xs.iter().copied().collect()),
            SplitOff(x) => return format!("{:?}", s.split_off(x)),
            SplitOffKeepHigh(x) => *s = s.split_off(x),
            InsertRange(x, n) => s.extend(*x..x.saturating_add(*n)),
            Clear => s.clear(),
            WithInserted(x) => drop(s.insert(*x)),
            Without(x) => drop(s.remove(x)),
            Algebra(op, Operand::Values(xs)) => *s = op.model(s, &xs.iter().copied().collect()),
            Algebra(op, Operand::Snapshot) => *s = op.model(s, other),
            Snapshot | RoundTripStd => {}
            Get(x) => return format!("{:?} {}", s.get(x), s.contains(x)),
            Range(lo, hi, pattern) => return walk(s.range((*lo, *hi)), pattern),
        }
        done
    }

    /// `other` is the `Operand::Snapshot` operand.
    fn apply_frozen(&self, s: &mut Set, other: &Set) -> String {
        use Action::*;
        let done = String::new();
        match self {
            Insert(x) => return format!("{}", s.insert(*x)),
            Replace(x) => return format!("{:?}", s.replace(*x)),
            Remove(x) => return format!("{}", s.remove(x)),
            Take(x) => return format!("{:?}", s.take(x)),
            PopFirst => return format!("{:?}", s.pop_first()),
            PopLast => return format!("{:?}", s.pop_last()),
            RetainMod(m, r) => s.retain(|x| x % m != *r),
            Append(xs) => {
                let mut o = FrozenOrdSet::from(xs.clone());
                s.append(&mut o);
                assert!(o.is_empty(), "append must leave its argument empty");
            }
            SplitOff(x) => return format!("{:?}", BTreeSet::from(s.split_off(x))),
            SplitOffKeepHigh(x) => *s = s.split_off(x),
            InsertRange(x, n) => s.extend(*x..x.saturating_add(*n)),
            Clear => s.clear(),
            WithInserted(x) => *s = s.with_inserted(*x),
            Without(x) => *s = s.without(x),
            Algebra(op, operand) => {
                let o = match operand {
                    Operand::Values(xs) => FrozenOrdSet::from(&xs[..]),
                    Operand::Snapshot => other.clone(),
                };
                let by_operator = op.operator(s, &o);
                let lazy = op.lazy(s, &o);
                let (sm, om): (Model, Model) =
                    (s.iter().copied().collect(), o.iter().copied().collect());
                let std_lazy: Vec<T> = op.model(&sm, &om).into_iter().collect();
                assert_eq!(
                    lazy, std_lazy,
                    "{op:?}: the lazy method yields std's elements in order"
                );
                assert!(
                    by_operator.iter().copied().eq(lazy),
                    "{op:?}: method and operator agree"
                );
                *s = by_operator;
            }
            Snapshot => {}
            RoundTripStd => *s = FrozenOrdSet::from(BTreeSet::from(s.clone())),
            Get(x) => return format!("{:?} {}", s.get(x), s.contains(x)),
            Range(lo, hi, pattern) => return walk(s.range((*lo, *hi)), pattern),
        }
        done
    }
}

/// Takes from the front (`true`) or back (`false`) per `pattern`, then drains the rest from the
/// front; returns everything taken, in order of taking.
fn walk<'a, I>(mut it: I, pattern: &[bool]) -> String
where
    I: DoubleEndedIterator<Item = &'a T>,
{
    let mut taken = Vec::new();
    for &front in pattern {
        taken.push(if front { it.next() } else { it.next_back() });
    }
    taken.extend(it.map(Some));
    format!("{taken:?}")
}

#[derive(Clone)]
struct Actions(Vec<Action>);

impl fmt::Debug for Actions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::from(
            "\nuse std::collections::BTreeSet;\nuse std::ops::Bound::{Excluded, Included, Unbounded};\n\
             use deepfreeze::FrozenOrdSet;\n\
             fn walk<'a>(mut it: impl DoubleEndedIterator<Item = &'a u16>, p: &[bool]) {\n    \
             for &front in p {\n        if front { it.next(); } else { it.next_back(); }\n    }\n    \
             it.for_each(drop);\n}\n\
             let mut s: FrozenOrdSet<u16> = FrozenOrdSet::new();\n",
        );
        let mut model = Model::new();
        let mut snapshots: Vec<(usize, Model)> = Vec::new();
        for (no, action) in self.0.iter().enumerate() {
            let action = action.resolve();
            writeln!(
                out,
                "{}",
                action.code(no, snapshots.last().map(|(n, _)| *n))
            )?;
            let other = snapshots
                .last()
                .map_or_else(|| model.clone(), |(_, m)| m.clone());
            action.apply_model(&mut model, &other);
            if matches!(action, Action::Snapshot) {
                snapshots.push((no, model.clone()));
                if snapshots.len() > MAX_SNAPSHOTS {
                    snapshots.remove(0);
                }
            }
        }
        writeln!(
            out,
            "assert_eq!(s, BTreeSet::from({:?}));",
            Vec::from_iter(&model)
        )?;
        for (no, snap) in &snapshots {
            writeln!(
                out,
                "assert_eq!(snap{no}, BTreeSet::from({:?}));",
                Vec::from_iter(snap)
            )?;
        }
        f.write_str(&out)
    }
}

fn value() -> impl Strategy<Value = T> {
    0..600 as T
}

fn bound() -> impl Strategy<Value = Bound<T>> {
    prop_oneof![
        value().prop_map(Bound::Included),
        value().prop_map(Bound::Excluded),
        Just(Bound::Unbounded),
    ]
}

fn algebra() -> impl Strategy<Value = Algebra> {
    prop_oneof![
        Just(Algebra::Union),
        Just(Algebra::Intersection),
        Just(Algebra::Difference),
        Just(Algebra::SymmetricDifference),
    ]
}

fn operand() -> impl Strategy<Value = Operand> {
    prop_oneof![
        prop::collection::vec(value(), 0..80).prop_map(Operand::Values),
        Just(Operand::Snapshot),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    let bulk: u16 = if cfg!(miri) { 60 } else { 200 };
    prop_oneof![
        8 => value().prop_map(Insert),
        1 => value().prop_map(Replace),
        4 => value().prop_map(Remove),
        1 => value().prop_map(Take),
        1 => Just(PopFirst),
        1 => Just(PopLast),
        1 => (2..5 as T, 0..5 as T).prop_map(|(m, r)| RetainMod(m, r)),
        2 => prop::collection::vec(value(), 0..60).prop_map(Append),
        1 => value().prop_map(SplitOff),
        1 => value().prop_map(SplitOffKeepHigh),
        3 => (value(), 0..bulk).prop_map(|(x, n)| InsertRange(x, n)),
        1 => Just(Clear),
        3 => value().prop_map(WithInserted),
        3 => value().prop_map(Without),
        6 => (algebra(), operand()).prop_map(|(op, o)| Algebra(op, o)),
        3 => Just(Snapshot),
        1 => Just(RoundTripStd),
        3 => value().prop_map(Get),
        3 => (bound(), bound(), prop::collection::vec(any::<bool>(), 0..8))
            .prop_map(|(lo, hi, walk)| Range(lo, hi, walk)),
    ]
}

fn actions() -> impl Strategy<Value = Actions> {
    let max = if cfg!(miri) { 24 } else { 80 };
    prop::collection::vec(action(), 1..max).prop_map(Actions)
}

/// `PROPTEST_CASES` (default 256), 4 under Miri unless set explicitly; failures are saved in
/// `tests/ord_set.proptest-regressions` (proptest's default place, committed) and replayed first.
fn config() -> Config {
    let mut config = Config::default();
    if cfg!(miri) && std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 4;
    }
    config
}

/// Everything observable about `s` equals `model`.
fn check(s: &Set, model: &Model, what: &str) {
    assert_eq!(s.len(), model.len(), "{what}: len");
    assert_eq!(s.is_empty(), model.is_empty(), "{what}: is_empty");
    assert_eq!(s.iter().len(), model.len(), "{what}: iter().len()");
    assert!(s.iter().eq(model.iter()), "{what}: {s:?} != {model:?}");
    assert!(s.iter().rev().eq(model.iter().rev()), "{what}: reversed");
    assert_eq!(s.first(), model.first(), "{what}: first");
    assert_eq!(s.last(), model.last(), "{what}: last");
    assert_eq!(*s, *model, "{what}: PartialEq<BTreeSet>");
}

fn hash<H: std::hash::Hash>(t: &H) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(t)
}

/// Relations and diffs between two frozen sets agree with their models.
fn check_pair(a: &Set, am: &Model, b: &Set, bm: &Model, what: &str) {
    assert_eq!(a.is_subset(b), am.is_subset(bm), "{what}: is_subset");
    assert_eq!(a.is_superset(b), am.is_superset(bm), "{what}: is_superset");
    assert_eq!(a.is_disjoint(b), am.is_disjoint(bm), "{what}: is_disjoint");
    assert_eq!(*a == *b, am == bm, "{what}: ==");
    assert_eq!(a.cmp(b), am.cmp(bm), "{what}: cmp");
    if a == b {
        assert_eq!(hash(a), hash(b), "{what}: equal sets hash equally");
    }
    let diff: Vec<(T, bool)> = a
        .diff(b)
        .map(|item| match item {
            DiffItem::Add(x) => (*x, true),
            DiffItem::Remove(x) => (*x, false),
        })
        .collect();
    let want: Vec<(T, bool)> = am
        .symmetric_difference(bm)
        .map(|x| (*x, bm.contains(x)))
        .collect();
    assert_eq!(diff, want, "{what}: diff");
}

fn run(actions: &Actions) {
    let mut s = Set::new();
    let mut model = Model::new();
    let mut snapshots: Vec<(usize, Set, Model)> = Vec::new();
    for (step, raw) in actions.0.iter().enumerate() {
        let action = raw.resolve();
        let latest = snapshots.last().map(|(no, ..)| *no);
        let what = format!("step {step} ({})", action.code(step, latest));
        let (other, other_model) = match snapshots.last() {
            Some((_, snap, snap_model)) => (snap.clone(), snap_model.clone()),
            None => (s.clone(), model.clone()),
        };
        let before = action.is_persistent().then(|| (s.clone(), model.clone()));
        let got = action.apply_frozen(&mut s, &other);
        let want = action.apply_model(&mut model, &other_model);
        assert_eq!(got, want, "{what}: result");
        check(&s, &model, &what);
        if let Some((old, old_model)) = before {
            check(
                &old,
                &old_model,
                &format!("{what}: the input of a persistent update"),
            );
        }
        if matches!(action, Action::Snapshot) {
            assert!(s.clone().ptr_eq(&s), "{what}: a clone shares its root");
            snapshots.push((step, s.clone(), model.clone()));
            if snapshots.len() > MAX_SNAPSHOTS {
                snapshots.remove(0);
            }
        }
        for (no, snap, snap_model) in &snapshots {
            let what = format!("{what}: snap{no}");
            check(snap, snap_model, &what);
            check_pair(snap, snap_model, &s, &model, &what);
            check_pair(&s, &model, snap, snap_model, &what);
        }
    }
    let shared = s.clone();
    std::thread::scope(|scope| {
        scope.spawn(|| check(&shared, &model, "read by reference from another thread"));
        let moved = shared.clone();
        let model = &model;
        scope.spawn(move || check(&moved, model, "moved to another thread"));
    });
    check(&s, &model, "after the threads");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn behaves_like_btreeset(actions in actions()) {
        run(&actions);
    }
}

#[test]
fn actions_debug_is_a_program() {
    let actions = Actions(vec![
        Action::Insert(3),
        Action::Snapshot,
        Action::Insert(4),
        Action::Algebra(Algebra::Difference, Operand::Snapshot),
    ]);
    let text = format!("{actions:?}");
    assert!(text.contains("s.insert(3);"), "{text}");
    assert!(text.contains("let snap1 = s.clone();"), "{text}");
    assert!(text.contains("s = &s - &snap1;"), "{text}");
    assert!(
        text.contains("assert_eq!(s, BTreeSet::from([4]));"),
        "{text}"
    );
    assert!(
        text.contains("assert_eq!(snap1, BTreeSet::from([3]));"),
        "{text}"
    );
    run(&actions);
}

// ---- static properties ----

static_assertions::assert_impl_all!(FrozenOrdSet<String>: Frozen, Send, Sync, Clone, Default, Eq, Ord, std::hash::Hash);
static_assertions::assert_impl_all!(FrozenOrdSet<FrozenOrdSet<u8>>: Frozen);
static_assertions::assert_not_impl_any!(FrozenOrdSet<std::rc::Rc<u8>>: Frozen, Send, Sync);
static_assertions::assert_not_impl_any!(FrozenOrdSet<std::cell::Cell<u8>>: Frozen, Send, Sync);
static_assertions::assert_impl_all!(deepfreeze::ord_set::Iter<'static, u8>: Send, Sync, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_set::Union<'static, u8>: Send, Sync, Clone, std::fmt::Debug, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_set::Intersection<'static, u8>: Send, Sync, Clone, std::fmt::Debug, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_set::Difference<'static, u8>: Send, Sync, Clone, std::fmt::Debug, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_set::SymmetricDifference<'static, u8>: Send, Sync, Clone, std::fmt::Debug, std::iter::FusedIterator);

#[test]
fn lazy_algebra_is_sized_cloneable_and_yields_the_left_element() {
    let (a, b) = (upto(10), FrozenOrdSet::from([5u32, 20, 30]));
    let union = a.union(&b);
    let (low, high) = union.size_hint();
    assert!(low <= 12 && high.is_some_and(|high| high >= 12));
    assert_eq!(union.clone().count(), 12);
    assert_eq!(format!("{:?}", a.intersection(&b)), "[5]");
    let difference = a.difference(&b);
    assert_eq!(difference.size_hint(), (7, Some(10)));
    assert_eq!(difference.count(), 9);
    assert_eq!(a.symmetric_difference(&b).count(), 11);
    // Of equal elements the left one is yielded, like std's.
    let (left, right) = (a.clone(), FrozenOrdSet::from([5u32]));
    let five = left.intersection(&right).next().unwrap();
    assert!(std::ptr::eq(five, left.get(&5).unwrap()));
    let mut it = left.union(&right);
    it.by_ref().for_each(drop);
    assert_eq!(it.next(), None, "fused");
}

static_assertions::assert_impl_all!(deepfreeze::ord_set::Range<'static, u8>: DoubleEndedIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_set::IntoIter<u8>: Send, Sync, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_set::Diff<'static, 'static, u8>: std::iter::FusedIterator);

// ---- edge cases ----

fn upto(n: u32) -> FrozenOrdSet<u32> {
    (0..n).collect()
}

#[test]
#[should_panic(expected = "range start is greater than range end in FrozenOrdSet")]
fn reversed_range_panics_like_btreeset() {
    #[allow(clippy::reversed_empty_ranges)]
    let _ = upto(10).range(5..3);
}

#[test]
#[should_panic(expected = "range start and end are equal and excluded in FrozenOrdSet")]
fn empty_excluded_range_panics_like_btreeset() {
    let _ = upto(10).range((Bound::Excluded(4), Bound::Excluded(4)));
}

#[test]
fn borrowed_lookups() {
    let mut s: FrozenOrdSet<String> = ["ant", "bee", "cat"].map(String::from).into();
    assert!(s.contains("bee"));
    assert_eq!(s.get("cat").map(String::as_str), Some("cat"));
    let from_b = s.range::<str, _>((Bound::Included("b"), Bound::Unbounded));
    assert_eq!(from_b.count(), 2);
    assert_eq!(s.without("ant").len(), 2);
    assert!(s.remove("ant"));
    assert_eq!(s.take("bee").as_deref(), Some("bee"));
    let high = s.split_off("c");
    assert!(s.is_empty());
    assert_eq!(high.len(), 1);
}

#[test]
fn algebra_shares_structure() {
    let big = upto(1000);
    let small = FrozenOrdSet::from([5u32, 6]);
    assert!(
        (&big | &small).ptr_eq(&big),
        "a union adding nothing is the larger set"
    );
    assert!(
        (&small & &big).ptr_eq(&small),
        "a subset's intersection is itself"
    );
    assert!((&big | &big).ptr_eq(&big));
    assert!((&big - &big).is_empty());
    assert!((&big ^ &big.clone()).is_empty());
    assert!((&big - &FrozenOrdSet::from([5000])).ptr_eq(&big));
    assert!(
        big.without(&5000).ptr_eq(&big),
        "removing an absent value copies nothing"
    );
    assert!(big.is_superset(&small) && small.is_subset(&big) && !big.is_disjoint(&small));
    assert!(FrozenOrdSet::<u8>::new().is_disjoint(&FrozenOrdSet::new()));
}

#[test]
fn split_off_both_halves() {
    for n in [0u32, 1, 2, 17, 100] {
        for at in [0, 1, n / 3, n / 2, n.saturating_sub(1), n, n + 1] {
            let mut low = upto(n);
            let original = low.clone();
            let high = low.split_off(&at);
            let mut model: BTreeSet<u32> = (0..n).collect();
            let model_high = model.split_off(&at);
            assert_eq!(low, model, "n={n} at={at}");
            assert_eq!(high, model_high, "n={n} at={at}");
            assert_eq!(original, upto(n), "the clone is untouched");
        }
    }
}

#[test]
fn std_traits() {
    let s = upto(50);
    let rebuilt: FrozenOrdSet<u32> = s.iter().rev().copied().collect();
    assert!(!s.ptr_eq(&rebuilt));
    assert_eq!(s, rebuilt);
    assert_eq!(hash(&s), hash(&rebuilt));
    assert!(upto(3) < upto(4));
    assert_eq!(
        upto(3).partial_cmp(&upto(3)),
        Some(std::cmp::Ordering::Equal)
    );
    assert_eq!(format!("{:?}", upto(3)), "{0, 1, 2}");
    assert_eq!(
        format!("{:#?}", upto(2)),
        format!("{:#?}", BTreeSet::from([0, 1]))
    );

    let from_hash: FrozenOrdSet<u32> = HashSet::from([2, 1]).into();
    let from_slice = FrozenOrdSet::from(&[1, 2][..]);
    let from_vec = FrozenOrdSet::from(vec![2, 1, 2]);
    let from_btree = FrozenOrdSet::from(BTreeSet::from([1, 2]));
    assert_eq!(from_hash, from_slice);
    assert_eq!(from_vec, from_slice);
    assert_eq!(from_btree, from_slice);
    assert_eq!(BTreeSet::from(&from_hash), BTreeSet::from([1, 2]));
    assert_eq!(BTreeSet::from(from_hash.clone()), BTreeSet::from([1, 2]));
    assert_eq!(from_hash, BTreeSet::from([1, 2]));

    let mut e = FrozenOrdSet::new();
    e.extend([3, 1]);
    e.extend(&[2]);
    let mut sum = 0;
    for x in &e {
        sum = sum * 10 + x;
    }
    assert_eq!(sum, 123);
    assert_eq!(e.clone().into_iter().rev().collect::<Vec<_>>(), [3, 2, 1]);
    assert_eq!(format!("{:?}", e.iter()), "[1, 2, 3]");
}

fn tags<'a>(it: impl IntoIterator<Item = &'a Tagged>) -> Vec<(u16, &'static str)> {
    it.into_iter().map(|t| (t.key, t.tag)).collect()
}

/// `insert`, `with_inserted`, `extend`, `replace`, `FromIterator`, `append` and `|` keep the
/// element std's `BTreeSet` keeps, on a set of several nodes (the element may sit in any leaf).
#[test]
fn which_equal_element_is_kept_matches_btreeset() {
    let keys = 0..100u16;
    let mut frozen: FrozenOrdSet<Tagged> = keys.clone().map(|k| tagged(k, "old")).collect();
    let mut std: BTreeSet<Tagged> = keys.clone().map(|k| tagged(k, "old")).collect();
    for k in (0..100).step_by(7) {
        assert_eq!(
            frozen.insert(tagged(k, "insert")),
            std.insert(tagged(k, "insert"))
        );
    }
    assert_eq!(
        tags(&frozen),
        tags(&std),
        "insert keeps the element present"
    );
    let persistent = frozen.with_inserted(tagged(3, "with_inserted"));
    assert!(
        persistent.ptr_eq(&frozen),
        "with_inserted of a present element is a clone"
    );
    assert_eq!(persistent.get(&tagged(3, "")).unwrap().tag, "old");
    frozen.extend((0..100).step_by(5).map(|k| tagged(k, "extend")));
    std.extend((0..100).step_by(5).map(|k| tagged(k, "extend")));
    assert_eq!(
        tags(&frozen),
        tags(&std),
        "extend keeps the element present"
    );
    for k in (0..110).step_by(11) {
        let (a, b) = (
            frozen.replace(tagged(k, "replace")),
            std.replace(tagged(k, "replace")),
        );
        assert_eq!(
            a.map(|t| t.tag),
            b.map(|t| t.tag),
            "replace returns the old element"
        );
    }
    assert_eq!(tags(&frozen), tags(&std), "replace swaps the element in");
    let twice = [tagged(1, "first"), tagged(1, "last")];
    let collected: FrozenOrdSet<Tagged> = twice.iter().cloned().collect();
    let std_collected: BTreeSet<Tagged> = twice.iter().cloned().collect();
    assert_eq!(
        tags(&collected),
        tags(&std_collected),
        "collect keeps the last"
    );
    assert_eq!(
        tags(&FrozenOrdSet::from(twice.clone())),
        tags(&BTreeSet::from(twice))
    );
    for other_size in [3u16, 200] {
        let other: Vec<Tagged> = (0..other_size).map(|k| tagged(k, "other")).collect();
        let union = &frozen | &other.iter().cloned().collect();
        let std_union = &std | &other.iter().cloned().collect();
        assert_eq!(
            tags(&union),
            tags(&std_union),
            "| keeps self's ({other_size})"
        );
        // std's `append` rule is spelled out rather than taken from `BTreeSet`, whose choice
        // changed between releases (the MSRV's keeps `other`'s elements): `self`'s stay.
        let mut a = frozen.clone();
        a.append(&mut other.iter().cloned().collect());
        let mut expected: std::collections::BTreeMap<_, _> = tags(&frozen).into_iter().collect();
        for (key, tag) in tags(&other) {
            expected.entry(key).or_insert(tag);
        }
        let expected: Vec<_> = expected.into_iter().collect();
        assert_eq!(tags(&a), expected, "append keeps self's ({other_size})");
    }
}
