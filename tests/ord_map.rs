//! `FrozenOrdMap` against a `BTreeMap` model: a random sequence of actions is applied to both and
//! they are compared after every step, including `diff` between every live snapshot (an older
//! clone, which must keep its value) and the current map. A clone read from other threads must
//! equal the model. A failing case prints as a runnable program (see `Actions`'s `Debug`).
//!
//! Then: unit tests of the edge cases (panics, sharing, `Borrow` lookups, traits).

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write as _};
use std::ops::Bound;

use deepfreeze::ord_map::DiffItem;
use deepfreeze::{Frozen, FrozenOrdMap};
use proptest::prelude::*;
use proptest::test_runner::Config;

#[path = "common/range.rs"]
mod range;
#[path = "common/tagged.rs"]
mod tagged;
use range::valid_range;
use tagged::{Tagged, tagged};

type K = u16;
type V = i32;
type Map = FrozenOrdMap<K, V>;
type Model = BTreeMap<K, V>;

/// One step. Queries (`Get`, `Range`) change nothing and compare their answers.
#[derive(Clone, Debug)]
enum Action {
    Insert(K, V),
    Remove(K),
    RemoveEntry(K),
    /// `get_mut`, then add to the value if present.
    GetMut(K, V),
    /// `*entry(k).or_insert(v) += 1`.
    EntryOrInsert(K, V),
    /// `entry(k).and_modify(double).or_insert_with_key(..)`.
    EntryAndModify(K, V),
    /// Occupied: `insert` a value, then `remove_entry`; vacant: `into_key`.
    EntryReplaceRemove(K, V),
    PopFirst,
    PopLast,
    RetainBelow(V),
    Append(Vec<(K, V)>),
    SplitOff(K),
    SplitOffKeepHigh(K),
    InsertRange(K, u16, V),
    Clear,
    WithInserted(K, V),
    Without(K),
    Snapshot,
    RoundTripStd,
    Get(K),
    /// A range and a walk: `true` takes from the front, `false` from the back.
    Range(Bound<K>, Bound<K>, Vec<bool>),
}

const MAX_SNAPSHOTS: usize = 3;

impl Action {
    /// Makes a `Range` valid for `BTreeMap::range` (which panics otherwise; tested separately).
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
        matches!(self, Action::WithInserted(..) | Action::Without(_))
    }

    fn code(&self, snapshot_no: usize) -> String {
        use Action::*;
        match self {
            Insert(k, v) => format!("m.insert({k}, {v});"),
            Remove(k) => format!("m.remove(&{k});"),
            RemoveEntry(k) => format!("m.remove_entry(&{k});"),
            GetMut(k, v) => format!("if let Some(x) = m.get_mut(&{k}) {{ *x += {v}; }}"),
            EntryOrInsert(k, v) => format!("*m.entry({k}).or_insert({v}) += 1;"),
            EntryAndModify(k, v) => format!(
                "m.entry({k}).and_modify(|x| *x *= 2).or_insert_with_key(|k| i32::from(*k) + {v});"
            ),
            EntryReplaceRemove(k, v) => format!(
                "if let deepfreeze::ord_map::Entry::Occupied(mut e) = m.entry({k}) {{ e.insert({v}); e.remove_entry(); }}"
            ),
            PopFirst => "m.pop_first();".into(),
            PopLast => "m.pop_last();".into(),
            RetainBelow(x) => format!("m.retain(|_, v| *v < {x});"),
            Append(kvs) => format!("m.append(&mut FrozenOrdMap::from(vec!{kvs:?}));"),
            SplitOff(k) => format!("let _ = m.split_off(&{k});"),
            SplitOffKeepHigh(k) => format!("m = m.split_off(&{k});"),
            InsertRange(k, n, v) => format!("m.extend(({k}..{k} + {n}).map(|k| (k, {v})));"),
            Clear => "m.clear();".into(),
            WithInserted(k, v) => format!("m = m.with_inserted({k}, {v});"),
            Without(k) => format!("m = m.without(&{k});"),
            Snapshot => format!("let snap{snapshot_no} = m.clone();"),
            RoundTripStd => "m = FrozenOrdMap::from(BTreeMap::from(m));".into(),
            Get(k) => format!("m.get(&{k});"),
            Range(lo, hi, walk) => format!("walk(m.range::<u16, _>(({lo:?}, {hi:?})), &{walk:?});"),
        }
    }

    fn apply_model(&self, m: &mut Model) -> String {
        use Action::*;
        match self {
            Insert(k, v) => format!("{:?}", m.insert(*k, *v)),
            Remove(k) => format!("{:?}", m.remove(k)),
            RemoveEntry(k) => format!("{:?}", m.remove_entry(k)),
            GetMut(k, v) => {
                let got = m.get_mut(k).map(|x| {
                    *x += v;
                    *x
                });
                format!("{got:?}")
            }
            EntryOrInsert(k, v) => {
                let x = m.entry(*k).or_insert(*v);
                *x += 1;
                format!("{x}")
            }
            EntryAndModify(k, v) => {
                let entry = m.entry(*k).and_modify(|x| *x *= 2);
                format!("{:?}", *entry.or_insert_with_key(|k| i32::from(*k) + v))
            }
            EntryReplaceRemove(k, v) => match m.entry(*k) {
                std::collections::btree_map::Entry::Occupied(mut e) => {
                    let old = e.insert(*v);
                    let now = *e.get();
                    format!("{old} {now} {:?}", e.remove_entry())
                }
                std::collections::btree_map::Entry::Vacant(e) => format!("{:?}", e.into_key()),
            },
            PopFirst => format!("{:?}", m.pop_first()),
            PopLast => format!("{:?}", m.pop_last()),
            RetainBelow(x) => {
                m.retain(|_, v| *v < *x);
                String::new()
            }
            Append(kvs) => {
                m.append(&mut kvs.iter().copied().collect());
                String::new()
            }
            SplitOff(k) => format!("{:?}", m.split_off(k)),
            SplitOffKeepHigh(k) => {
                *m = m.split_off(k);
                String::new()
            }
            InsertRange(k, n, v) => {
                m.extend((*k..k.saturating_add(*n)).map(|k| (k, *v)));
                String::new()
            }
            Clear => {
                m.clear();
                String::new()
            }
            WithInserted(k, v) => {
                m.insert(*k, *v);
                String::new()
            }
            Without(k) => {
                m.remove(k);
                String::new()
            }
            Snapshot | RoundTripStd => String::new(),
            Get(k) => format!(
                "{:?} {:?} {}",
                m.get(k),
                m.get_key_value(k),
                m.contains_key(k)
            ),
            Range(lo, hi, pattern) => walk(m.range((*lo, *hi)), pattern),
        }
    }

    fn apply_frozen(&self, m: &mut Map) -> String {
        use Action::*;
        match self {
            Insert(k, v) => format!("{:?}", m.insert(*k, *v)),
            Remove(k) => format!("{:?}", m.remove(k)),
            RemoveEntry(k) => format!("{:?}", m.remove_entry(k)),
            GetMut(k, v) => {
                let got = m.get_mut(k).map(|x| {
                    *x += v;
                    *x
                });
                format!("{got:?}")
            }
            EntryOrInsert(k, v) => {
                let x = m.entry(*k).or_insert(*v);
                *x += 1;
                format!("{x}")
            }
            EntryAndModify(k, v) => {
                let entry = m.entry(*k).and_modify(|x| *x *= 2);
                assert_eq!(entry.key(), k);
                format!("{:?}", *entry.or_insert_with_key(|k| i32::from(*k) + v))
            }
            EntryReplaceRemove(k, v) => match m.entry(*k) {
                deepfreeze::ord_map::Entry::Occupied(mut e) => {
                    let old = e.insert(*v);
                    let now = *e.get();
                    format!("{old} {now} {:?}", e.remove_entry())
                }
                deepfreeze::ord_map::Entry::Vacant(e) => format!("{:?}", e.into_key()),
            },
            PopFirst => format!("{:?}", m.pop_first()),
            PopLast => format!("{:?}", m.pop_last()),
            RetainBelow(x) => {
                m.retain(|_, v| v < x);
                String::new()
            }
            Append(kvs) => {
                let mut other = FrozenOrdMap::from(kvs.clone());
                m.append(&mut other);
                assert!(other.is_empty(), "append must leave its argument empty");
                String::new()
            }
            SplitOff(k) => format!("{:?}", BTreeMap::from(m.split_off(k))),
            SplitOffKeepHigh(k) => {
                *m = m.split_off(k);
                String::new()
            }
            InsertRange(k, n, v) => {
                m.extend((*k..k.saturating_add(*n)).map(|k| (k, *v)));
                String::new()
            }
            Clear => {
                m.clear();
                String::new()
            }
            WithInserted(k, v) => {
                *m = m.with_inserted(*k, *v);
                String::new()
            }
            Without(k) => {
                *m = m.without(k);
                String::new()
            }
            Snapshot => String::new(),
            RoundTripStd => {
                *m = FrozenOrdMap::from(BTreeMap::from(m.clone()));
                String::new()
            }
            Get(k) => {
                if let Some(v) = m.get(k) {
                    assert_eq!(&m[k], v, "Index agrees with get");
                }
                format!(
                    "{:?} {:?} {}",
                    m.get(k),
                    m.get_key_value(k),
                    m.contains_key(k)
                )
            }
            Range(lo, hi, pattern) => walk(m.range((*lo, *hi)), pattern),
        }
    }
}

/// Takes from the front (`true`) or back (`false`) per `pattern`, then drains the rest from the
/// front; returns everything taken, in order of taking.
fn walk<'a, I>(mut it: I, pattern: &[bool]) -> String
where
    I: DoubleEndedIterator<Item = (&'a K, &'a V)>,
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
            "\nuse std::collections::BTreeMap;\nuse std::ops::Bound::{Excluded, Included, Unbounded};\n\
             use deepfreeze::FrozenOrdMap;\n\
             fn walk<'a>(mut it: impl DoubleEndedIterator<Item = (&'a u16, &'a i32)>, p: &[bool]) {\n    \
             for &front in p {\n        if front { it.next(); } else { it.next_back(); }\n    }\n    \
             it.for_each(drop);\n}\n\
             let mut m: FrozenOrdMap<u16, i32> = FrozenOrdMap::new();\n",
        );
        let mut model = Model::new();
        let mut snapshots = Vec::new();
        for (no, action) in self.0.iter().enumerate() {
            let action = action.resolve();
            writeln!(out, "{}", action.code(no))?;
            action.apply_model(&mut model);
            if matches!(action, Action::Snapshot) {
                snapshots.push((no, model.clone()));
                if snapshots.len() > MAX_SNAPSHOTS {
                    snapshots.remove(0);
                }
            }
        }
        writeln!(
            out,
            "assert_eq!(m, BTreeMap::from({:?}));",
            Vec::from_iter(&model)
        )?;
        for (no, snap) in &snapshots {
            writeln!(
                out,
                "assert_eq!(snap{no}, BTreeMap::from({:?}));",
                Vec::from_iter(snap)
            )?;
        }
        f.write_str(&out)
    }
}

const KEYS: K = 600;

fn key() -> impl Strategy<Value = K> {
    0..KEYS
}

fn value() -> impl Strategy<Value = V> {
    -20..20 as V
}

fn bound() -> impl Strategy<Value = Bound<K>> {
    prop_oneof![
        key().prop_map(Bound::Included),
        key().prop_map(Bound::Excluded),
        Just(Bound::Unbounded),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    let bulk: u16 = if cfg!(miri) { 60 } else { 200 };
    prop_oneof![
        8 => (key(), value()).prop_map(|(k, v)| Insert(k, v)),
        4 => key().prop_map(Remove),
        2 => key().prop_map(RemoveEntry),
        3 => (key(), value()).prop_map(|(k, v)| GetMut(k, v)),
        3 => (key(), value()).prop_map(|(k, v)| EntryOrInsert(k, v)),
        2 => (key(), value()).prop_map(|(k, v)| EntryAndModify(k, v)),
        2 => (key(), value()).prop_map(|(k, v)| EntryReplaceRemove(k, v)),
        1 => Just(PopFirst),
        1 => Just(PopLast),
        1 => value().prop_map(RetainBelow),
        2 => prop::collection::vec((key(), value()), 0..60).prop_map(Append),
        1 => key().prop_map(SplitOff),
        1 => key().prop_map(SplitOffKeepHigh),
        3 => (key(), 0..bulk, value()).prop_map(|(k, n, v)| InsertRange(k, n, v)),
        1 => Just(Clear),
        3 => (key(), value()).prop_map(|(k, v)| WithInserted(k, v)),
        3 => key().prop_map(Without),
        3 => Just(Snapshot),
        1 => Just(RoundTripStd),
        3 => key().prop_map(Get),
        3 => (bound(), bound(), prop::collection::vec(any::<bool>(), 0..8))
            .prop_map(|(lo, hi, walk)| Range(lo, hi, walk)),
    ]
}

fn actions() -> impl Strategy<Value = Actions> {
    let max = if cfg!(miri) { 24 } else { 80 };
    prop::collection::vec(action(), 1..max).prop_map(Actions)
}

/// `PROPTEST_CASES` (default 256), 4 under Miri unless set explicitly; failures are saved in
/// `tests/ord_map.proptest-regressions` (proptest's default place, committed) and replayed first.
fn config() -> Config {
    let mut config = Config::default();
    if cfg!(miri) && std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 4;
    }
    config
}

/// Everything observable about `m` equals `model`.
fn check(m: &Map, model: &Model, what: &str) {
    assert_eq!(m.len(), model.len(), "{what}: len");
    assert_eq!(m.is_empty(), model.is_empty(), "{what}: is_empty");
    assert_eq!(m.iter().len(), model.len(), "{what}: iter().len()");
    assert!(m.iter().eq(model.iter()), "{what}: {m:?} != {model:?}");
    assert!(m.iter().rev().eq(model.iter().rev()), "{what}: reversed");
    assert!(m.keys().eq(model.keys()), "{what}: keys");
    assert!(m.values().rev().eq(model.values().rev()), "{what}: values");
    assert_eq!(m.keys().len(), model.len(), "{what}: keys().len()");
    assert_eq!(
        m.first_key_value(),
        model.first_key_value(),
        "{what}: first"
    );
    assert_eq!(m.last_key_value(), model.last_key_value(), "{what}: last");
    assert_eq!(*m, *model, "{what}: PartialEq<BTreeMap>");
}

/// The changes from `old` to `new`, computed from the models.
fn model_diff(old: &Model, new: &Model) -> Vec<(K, Option<V>, Option<V>)> {
    let keys: std::collections::BTreeSet<_> = old.keys().chain(new.keys()).collect();
    keys.into_iter()
        .map(|k| (*k, old.get(k).copied(), new.get(k).copied()))
        .filter(|(_, a, b)| a != b)
        .collect()
}

fn frozen_diff(old: &Map, new: &Map) -> Vec<(K, Option<V>, Option<V>)> {
    old.diff(new)
        .map(|item| match item {
            DiffItem::Add(k, v) => (*k, None, Some(*v)),
            DiffItem::Update {
                old: (k, a),
                new: (k2, b),
            } => {
                assert_eq!(k, k2);
                (*k, Some(*a), Some(*b))
            }
            DiffItem::Remove(k, v) => (*k, Some(*v), None),
        })
        .collect()
}

fn hash<T: std::hash::Hash>(t: &T) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(t)
}

fn run(actions: &Actions) {
    let mut m = Map::new();
    let mut model = Model::new();
    let mut snapshots: Vec<(Map, Model)> = Vec::new();
    for (step, raw) in actions.0.iter().enumerate() {
        let action = raw.resolve();
        let what = format!("step {step} ({})", action.code(step));
        let before = action.is_persistent().then(|| (m.clone(), model.clone()));
        let got = action.apply_frozen(&mut m);
        let want = action.apply_model(&mut model);
        assert_eq!(got, want, "{what}: result");
        check(&m, &model, &what);
        if let Some((old, old_model)) = before {
            check(
                &old,
                &old_model,
                &format!("{what}: the input of a persistent update"),
            );
        }
        if matches!(action, Action::Snapshot) {
            assert!(m.clone().ptr_eq(&m), "{what}: a clone shares its root");
            snapshots.push((m.clone(), model.clone()));
            if snapshots.len() > MAX_SNAPSHOTS {
                snapshots.remove(0);
            }
        }
        for (i, (snap, snap_model)) in snapshots.iter().enumerate() {
            let what = format!("{what}: snapshot {i}");
            check(snap, snap_model, &what);
            assert_eq!(
                frozen_diff(snap, &m),
                model_diff(snap_model, &model),
                "{what}: diff"
            );
            assert_eq!(
                frozen_diff(&m, snap),
                model_diff(&model, snap_model),
                "{what}: diff back"
            );
            assert_eq!(*snap == m, *snap_model == model, "{what}: ==");
            assert_eq!(snap.cmp(&m), snap_model.cmp(&model), "{what}: cmp");
            if *snap == m {
                assert_eq!(hash(snap), hash(&m), "{what}: equal maps hash equally");
            }
        }
    }
    let shared = m.clone();
    std::thread::scope(|s| {
        s.spawn(|| check(&shared, &model, "read by reference from another thread"));
        let moved = shared.clone();
        let model = &model;
        s.spawn(move || check(&moved, model, "moved to another thread"));
    });
    check(&m, &model, "after the threads");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn behaves_like_btreemap(actions in actions()) {
        run(&actions);
    }
}

#[test]
fn actions_debug_is_a_program() {
    let actions = Actions(vec![
        Action::Insert(3, 30),
        Action::Snapshot,
        Action::Range(Bound::Excluded(9), Bound::Excluded(9), vec![false]),
        Action::Without(3),
    ]);
    let text = format!("{actions:?}");
    assert!(text.contains("m.insert(3, 30);"), "{text}");
    assert!(text.contains("let snap1 = m.clone();"), "{text}");
    assert!(
        text.contains("m.range::<u16, _>((Included(9), Excluded(9)))"),
        "{text}"
    );
    assert!(text.contains("m = m.without(&3);"), "{text}");
    assert!(
        text.contains("assert_eq!(m, BTreeMap::from([]));"),
        "{text}"
    );
    assert!(
        text.contains("assert_eq!(snap1, BTreeMap::from([(3, 30)]));"),
        "{text}"
    );
    run(&actions);
}

// ---- static properties ----

static_assertions::assert_impl_all!(FrozenOrdMap<u64, String>: Frozen, Send, Sync, Clone, Default, Eq, Ord, std::hash::Hash);
static_assertions::assert_impl_all!(FrozenOrdMap<String, FrozenOrdMap<u8, u8>>: Frozen);
static_assertions::assert_not_impl_any!(FrozenOrdMap<u8, std::cell::Cell<u8>>: Frozen, Send, Sync);
static_assertions::assert_not_impl_any!(FrozenOrdMap<std::rc::Rc<u8>, u8>: Frozen, Send, Sync);
static_assertions::assert_not_impl_any!(FrozenOrdMap<u8, std::sync::Mutex<u8>>: Frozen);
static_assertions::assert_impl_all!(deepfreeze::ord_map::Iter<'static, u8, u8>: Send, Sync, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::Keys<'static, u8, u8>: DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::Values<'static, u8, u8>: DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::Range<'static, u8, u8>: DoubleEndedIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::IntoIter<u8, u8>: Send, Sync, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::Diff<'static, 'static, u8, u8>: std::iter::FusedIterator);
static_assertions::assert_not_impl_any!(deepfreeze::ord_map::Iter<'static, u8, u8>: Frozen);

// ---- edge cases ----

fn squares(n: u32) -> FrozenOrdMap<u32, u32> {
    (0..n).map(|k| (k, k * k)).collect()
}

#[test]
#[should_panic(expected = "range start is greater than range end in FrozenOrdMap")]
fn reversed_range_panics_like_btreemap() {
    #[allow(clippy::reversed_empty_ranges)]
    let _ = squares(10).range(5..3);
}

#[test]
#[should_panic(expected = "range start and end are equal and excluded in FrozenOrdMap")]
fn empty_excluded_range_panics_like_btreemap() {
    let _ = squares(10).range((Bound::Excluded(4), Bound::Excluded(4)));
}

#[test]
#[should_panic(expected = "no entry found for key")]
fn index_of_a_missing_key_panics() {
    let _ = squares(10)[&10];
}

#[test]
fn borrowed_lookups() {
    let m: FrozenOrdMap<String, usize> = ["ant", "bee", "cat"]
        .iter()
        .enumerate()
        .map(|(i, s)| (s.to_string(), i))
        .collect();
    assert_eq!(m.get("bee"), Some(&1));
    assert_eq!(m["cat"], 2);
    assert!(m.contains_key("ant"));
    assert_eq!(m.get_key_value("ant").map(|(k, _)| k.as_str()), Some("ant"));
    let from_b = m.range::<str, _>((Bound::Included("b"), Bound::Unbounded));
    assert_eq!(from_b.map(|(_, v)| *v).collect::<Vec<_>>(), [1, 2]);
    let mut n = m.without("bee");
    assert_eq!(n.remove("cat"), Some(2));
    let high = n.clone().split_off("b");
    assert!(high.is_empty());
    assert_eq!(n.len(), 1);
}

#[test]
fn unchanged_operations_keep_sharing() {
    let m = squares(500);
    assert!(
        m.without(&10_000).ptr_eq(&m),
        "removing an absent key copies nothing"
    );
    let mut n = m.clone();
    n.retain(|_, _| true);
    assert!(n.ptr_eq(&m), "retain that keeps everything copies nothing");
    assert_eq!(m.diff(&n).count(), 0);
    assert!(FrozenOrdMap::<u8, u8>::new().ptr_eq(&FrozenOrdMap::default()));
}

#[test]
fn diff_of_versions() {
    let old = squares(2000);
    let mut new = old.with_inserted(7, 0).without(&1500);
    new.insert(5000, 1);
    let diff: Vec<_> = old.diff(&new).collect();
    assert_eq!(
        diff,
        [
            DiffItem::Update {
                old: (&7, &49),
                new: (&7, &0)
            },
            DiffItem::Remove(&1500, &(1500 * 1500)),
            DiffItem::Add(&5000, &1),
        ]
    );
    // Copy and Clone of the items.
    let first = diff[0];
    assert_eq!(first.clone(), diff[0]);
}

#[test]
fn split_off_both_halves() {
    for n in [0u32, 1, 2, 17, 100] {
        for at in [0, 1, n / 3, n / 2, n.saturating_sub(1), n, n + 1] {
            let mut low = squares(n);
            let original = low.clone();
            let high = low.split_off(&at);
            let mut model: BTreeMap<u32, u32> = (0..n).map(|k| (k, k * k)).collect();
            let model_high = model.split_off(&at);
            assert_eq!(low, model, "n={n} at={at}");
            assert_eq!(high, model_high, "n={n} at={at}");
            assert_eq!(original, squares(n), "the clone is untouched");
        }
    }
}

#[test]
fn append_either_way() {
    let mut small = FrozenOrdMap::from([(1, "small"), (1000, "small")]);
    let mut big: FrozenOrdMap<i32, &str> = (0..100).map(|k| (k, "big")).collect();
    let mut small2 = small.clone();
    let mut big2 = big.clone();
    small.append(&mut big);
    assert_eq!(small.len(), 101);
    assert_eq!(small[&1], "big", "the appended map wins");
    assert_eq!(small[&1000], "small");
    big2.append(&mut small2);
    assert_eq!(big2[&1], "small", "the appended map wins");
    assert_eq!(big2.len(), 101);
    assert!(big.is_empty() && small2.is_empty());
}

#[test]
fn std_traits() {
    let m = squares(50);
    let rebuilt: FrozenOrdMap<u32, u32> = m.iter().rev().map(|(k, v)| (*k, *v)).collect();
    assert!(!m.ptr_eq(&rebuilt));
    assert_eq!(m, rebuilt);
    assert_eq!(hash(&m), hash(&rebuilt));
    assert_ne!(hash(&m), hash(&squares(49)));
    assert!(squares(3) < squares(4));
    assert!(squares(3).with_inserted(0, 1) > squares(3));
    assert_eq!(format!("{:?}", squares(3)), "{0: 0, 1: 1, 2: 4}");
    assert_eq!(
        format!("{:#?}", squares(3)),
        format!("{:#?}", BTreeMap::from([(0, 0), (1, 1), (2, 4)]))
    );

    // Conversions in and out.
    let from_hash: FrozenOrdMap<u32, u32> = HashMap::from([(2, 4), (1, 1)]).into();
    let from_slice = FrozenOrdMap::from(&[(1, 1), (2, 4)][..]);
    let from_vec = FrozenOrdMap::from(vec![(2, 0), (1, 1), (2, 4)]);
    assert_eq!(from_hash, from_slice);
    assert_eq!(from_vec, from_slice, "later entries win");
    assert_eq!(BTreeMap::from(&from_hash), BTreeMap::from([(1, 1), (2, 4)]));
    assert_eq!(from_hash, BTreeMap::from([(1, 1), (2, 4)]));

    // Collecting, extending, iterating.
    let mut e = FrozenOrdMap::new();
    e.extend([(1, 10), (2, 20)]);
    e.extend([(&3, &30)]);
    let mut sum = 0;
    for (k, v) in &e {
        sum += k * v;
    }
    assert_eq!(sum, 140);
    assert_eq!(
        e.clone().into_iter().rev().collect::<Vec<_>>(),
        [(3, 30), (2, 20), (1, 10)]
    );
    assert_eq!(format!("{:?}", e.iter()), "[(1, 10), (2, 20), (3, 30)]");
}

#[test]
fn nan_values() {
    let m = FrozenOrdMap::from([(1, f64::NAN)]);
    assert!(m == m.clone(), "a shared map equals itself");
    assert!(
        m != FrozenOrdMap::from([(1, f64::NAN)]),
        "NaN != NaN entry-wise"
    );
}

fn key_tags<V: Copy>(it: impl IntoIterator<Item = (Tagged, V)>) -> Vec<(u16, &'static str, V)> {
    it.into_iter().map(|(k, v)| (k.key, k.tag, v)).collect()
}

/// `insert`, `extend`, `FromIterator`, `append`, `entry` and `remove_entry` keep and return the
/// keys std's `BTreeMap` does, on a map of several nodes.
#[test]
fn which_equal_key_is_kept_matches_btreemap() {
    let mut frozen: FrozenOrdMap<Tagged, u32> = (0..100).map(|k| (tagged(k, "old"), 0)).collect();
    let mut std: BTreeMap<Tagged, u32> = (0..100).map(|k| (tagged(k, "old"), 0)).collect();
    for k in (0..120).step_by(7) {
        assert_eq!(
            frozen.insert(tagged(k, "new"), 1),
            std.insert(tagged(k, "new"), 1)
        );
    }
    frozen.extend((0..120).step_by(5).map(|k| (tagged(k, "extend"), 2)));
    std.extend((0..120).step_by(5).map(|k| (tagged(k, "extend"), 2)));
    for k in (0..120).step_by(3) {
        *frozen.entry(tagged(k, "entry")).or_insert(10) += 1;
        *std.entry(tagged(k, "entry")).or_insert(10) += 1;
        if let (
            deepfreeze::ord_map::Entry::Occupied(a),
            std::collections::btree_map::Entry::Occupied(b),
        ) = (
            frozen.entry(tagged(k, "probe")),
            std.entry(tagged(k, "probe")),
        ) {
            assert_eq!(
                a.key().tag,
                b.key().tag,
                "OccupiedEntry::key is the stored key"
            );
        }
    }
    assert_eq!(key_tags(frozen.clone()), key_tags(std.clone()));
    for k in (0..120).step_by(13) {
        let (a, b) = (
            frozen.remove_entry(&tagged(k, "")),
            std.remove_entry(&tagged(k, "")),
        );
        assert_eq!(
            key_tags(a),
            key_tags(b),
            "remove_entry returns the stored key"
        );
    }
    for other_size in [3, 300] {
        // std's `append` rule is spelled out rather than taken from `BTreeMap`, whose choice of
        // key changed between releases (the MSRV's keeps `other`'s): `self`'s keys stay,
        // `other`'s values win.
        let other = || (0..other_size).map(|k| (tagged(k, "other"), 9));
        let mut a = frozen.clone();
        a.append(&mut other().collect());
        let mut expected: BTreeMap<u16, (&'static str, u32)> = key_tags(frozen.clone())
            .into_iter()
            .map(|(k, tag, v)| (k, (tag, v)))
            .collect();
        for (k, tag, v) in key_tags(other()) {
            expected
                .entry(k)
                .and_modify(|e| e.1 = v)
                .or_insert((tag, v));
        }
        let expected: Vec<_> = expected
            .into_iter()
            .map(|(k, (tag, v))| (k, tag, v))
            .collect();
        assert_eq!(
            key_tags(a),
            expected,
            "append keeps self's keys ({other_size})"
        );
    }
    let twice = [(tagged(1, "first"), 1), (tagged(1, "last"), 2)];
    assert_eq!(
        key_tags(FrozenOrdMap::from_iter(twice.clone())),
        key_tags(BTreeMap::from_iter(twice)),
        "collect keeps the last key and value"
    );
}

/// `get_mut` and `entry` copy the path only when they hand out `&mut V`: a miss keeps the map
/// `ptr_eq` to its clone; a write leaves the clone's value.
#[test]
fn mutable_access_copies_only_what_it_writes() {
    let mut m: FrozenOrdMap<u32, u32> = (0..500).map(|k| (k, k)).collect();
    let kept = m.clone();
    assert_eq!(m.get_mut(&1000), None);
    assert!(matches!(
        m.entry(1000),
        deepfreeze::ord_map::Entry::Vacant(_)
    ));
    assert!(m.ptr_eq(&kept), "a miss copies nothing");
    *m.get_mut(&250).unwrap() = 7;
    *m.entry(499).or_insert(0) += 1;
    assert!(!m.ptr_eq(&kept));
    assert_eq!((m[&250], m[&499]), (7, 500));
    assert_eq!((kept[&250], kept[&499]), (250, 499));
    assert_eq!(kept.diff(&m).count(), 2);
}

/// The entry types format like std's.
#[test]
fn entries_debug_like_std() {
    let mut frozen = FrozenOrdMap::from([(1, "a")]);
    let mut std = BTreeMap::from([(1, "a")]);
    for k in [1, 2] {
        assert_eq!(
            format!("{:?}", frozen.entry(k)),
            format!("{:?}", std.entry(k))
        );
    }
}
