//! `FrozenVec` against a `Vec` model: a random sequence of actions is applied to both and they
//! are compared after every step. Clones taken along the way (snapshots) must keep their old
//! value whatever happens to the vector afterwards, and a clone read from other threads must
//! equal the model. A failing case prints as a runnable program (see `Actions`'s `Debug`).
//!
//! Then: unit tests of the edge cases (panics, `try_` forms, sharing, traits).

use std::collections::VecDeque;
use std::fmt::{self, Write as _};

use deepfreeze::{Frozen, FrozenVec};
use proptest::prelude::*;
use proptest::test_runner::Config;

type Elem = i32;

/// One step. Indices are raw: [`Action::resolve`] caps them against the current length.
#[derive(Clone, Debug)]
enum Action {
    PushBack(Elem),
    PushFront(Elem),
    PopBack,
    PopFront,
    Insert(usize, Elem),
    Remove(usize),
    Set(usize, Elem),
    Swap(usize, usize),
    RetainBelow(Elem),
    Sort,
    SortByDesc,
    SortByKeyMod3,
    Dedup,
    DedupByKeyHalf,
    SplitOff(usize),
    SplitOffKeepRight(usize),
    Append(Vec<Elem>),
    Prepend(Vec<Elem>),
    ExtendRange(Elem, usize),
    Truncate(usize),
    Clear,
    WithPushedBack(Elem),
    WithPushedFront(Elem),
    WithReplaced(usize, Elem),
    WithInserted(usize, Elem),
    WithoutIndex(usize),
    TryWithReplaced(usize, Elem),
    TryWithInserted(usize, Elem),
    TryWithoutIndex(usize),
    SlicePrefix(usize),
    SliceSuffix(usize),
    Slice(usize, usize),
    SplitAtLeft(usize),
    SplitAtRight(usize),
    Snapshot,
    RoundTripStd,
}

/// How many snapshots (old versions) stay alive at once.
const MAX_SNAPSHOTS: usize = 3;

impl Action {
    /// Caps the raw indices against `len`; `None` if the action needs an element and there is none.
    fn resolve(&self, len: usize) -> Option<Action> {
        use Action::*;
        let elem = |i: usize| (len > 0).then(|| i % len); // an existing index
        let slot = |i: usize| i % (len + 1); //              an index in 0..=len
        let near = |i: usize| i % (len + 3); //              sometimes out of range
        Some(match *self {
            Insert(i, x) => Insert(slot(i), x),
            Remove(i) => Remove(elem(i)?),
            Set(i, x) => Set(elem(i)?, x),
            Swap(i, j) => Swap(elem(i)?, elem(j)?),
            SplitOff(i) => SplitOff(slot(i)),
            SplitOffKeepRight(i) => SplitOffKeepRight(slot(i)),
            Truncate(i) => Truncate(near(i)),
            WithReplaced(i, x) => WithReplaced(elem(i)?, x),
            WithInserted(i, x) => WithInserted(slot(i), x),
            WithoutIndex(i) => WithoutIndex(elem(i)?),
            TryWithReplaced(i, x) => TryWithReplaced(near(i), x),
            TryWithInserted(i, x) => TryWithInserted(near(i), x),
            TryWithoutIndex(i) => TryWithoutIndex(near(i)),
            SlicePrefix(i) => SlicePrefix(slot(i)),
            SliceSuffix(i) => SliceSuffix(slot(i)),
            Slice(a, b) => {
                let (a, b) = (slot(a), slot(b));
                Slice(a.min(b), a.max(b))
            }
            SplitAtLeft(i) => SplitAtLeft(slot(i)),
            SplitAtRight(i) => SplitAtRight(slot(i)),
            ref other => other.clone(),
        })
    }

    /// True for the `&self -> Self` operations, whose input must survive unchanged.
    fn is_persistent(&self) -> bool {
        use Action::*;
        matches!(
            self,
            WithPushedBack(_)
                | WithPushedFront(_)
                | WithReplaced(..)
                | WithInserted(..)
                | WithoutIndex(_)
                | TryWithReplaced(..)
                | TryWithInserted(..)
                | TryWithoutIndex(_)
                | SlicePrefix(_)
                | SliceSuffix(_)
                | Slice(..)
                | SplitAtLeft(_)
                | SplitAtRight(_)
        )
    }

    /// The Rust statement(s) that perform this (resolved) action on `v`.
    fn code(&self, snapshot_no: usize) -> String {
        use Action::*;
        match self {
            PushBack(x) => format!("v.push_back({x});"),
            PushFront(x) => format!("v.push_front({x});"),
            PopBack => "v.pop_back();".into(),
            PopFront => "v.pop_front();".into(),
            Insert(i, x) => format!("v.insert({i}, {x});"),
            Remove(i) => format!("v.remove({i});"),
            Set(i, x) => format!("v.set({i}, {x});"),
            Swap(i, j) => format!("v.swap({i}, {j});"),
            RetainBelow(x) => format!("v.retain(|e| *e < {x});"),
            Sort => "v.sort();".into(),
            SortByDesc => "v.sort_by(|a, b| b.cmp(a));".into(),
            SortByKeyMod3 => "v.sort_by_key(|e| e.rem_euclid(3));".into(),
            Dedup => "v.dedup();".into(),
            DedupByKeyHalf => "v.dedup_by_key(|e| e.div_euclid(2));".into(),
            SplitOff(i) => format!("let _ = v.split_off({i});"),
            SplitOffKeepRight(i) => format!("v = v.split_off({i});"),
            Append(xs) => format!("v.append(&mut FrozenVec::from(vec!{xs:?}));"),
            Prepend(xs) => {
                format!("let mut w = FrozenVec::from(vec!{xs:?}); w.append(&mut v); v = w;")
            }
            ExtendRange(start, n) => format!("v.extend({start}..{start} + {n});"),
            Truncate(n) => format!("v.truncate({n});"),
            Clear => "v.clear();".into(),
            WithPushedBack(x) => format!("v = v.with_pushed_back({x});"),
            WithPushedFront(x) => format!("v = v.with_pushed_front({x});"),
            WithReplaced(i, x) => format!("v = v.with_replaced({i}, {x});"),
            WithInserted(i, x) => format!("v = v.with_inserted({i}, {x});"),
            WithoutIndex(i) => format!("v = v.without_index({i});"),
            TryWithReplaced(i, x) => {
                format!("if let Some(w) = v.try_with_replaced({i}, {x}) {{ v = w; }}")
            }
            TryWithInserted(i, x) => {
                format!("if let Some(w) = v.try_with_inserted({i}, {x}) {{ v = w; }}")
            }
            TryWithoutIndex(i) => format!("if let Some(w) = v.try_without_index({i}) {{ v = w; }}"),
            SlicePrefix(n) => format!("v = v.slice(..{n});"),
            SliceSuffix(n) => format!("v = v.slice({n}..);"),
            Slice(a, b) => format!("v = v.slice({a}..{b});"),
            SplitAtLeft(i) => format!("v = v.split_at({i}).0;"),
            SplitAtRight(i) => format!("v = v.split_at({i}).1;"),
            Snapshot => format!("let snap{snapshot_no} = v.clone();"),
            RoundTripStd => "v = FrozenVec::from(Vec::from(v));".into(),
        }
    }

    /// Applies the (resolved) action to the model; returns the operation's result, formatted.
    fn apply_model(&self, m: &mut Vec<Elem>) -> String {
        use Action::*;
        match self {
            PushBack(x) => m.push(*x),
            PushFront(x) => m.insert(0, *x),
            PopBack => return format!("{:?}", m.pop()),
            PopFront => return format!("{:?}", (!m.is_empty()).then(|| m.remove(0))),
            Insert(i, x) | WithInserted(i, x) => m.insert(*i, *x),
            Remove(i) => return format!("{:?}", m.remove(*i)),
            Set(i, x) => return format!("{:?}", std::mem::replace(&mut m[*i], *x)),
            WithReplaced(i, x) => m[*i] = *x,
            WithoutIndex(i) => drop(m.remove(*i)),
            Swap(i, j) => m.swap(*i, *j),
            RetainBelow(x) => m.retain(|e| e < x),
            Sort => m.sort(),
            SortByDesc => m.sort_by(|a, b| b.cmp(a)),
            SortByKeyMod3 => m.sort_by_key(|e| e.rem_euclid(3)),
            Dedup => m.dedup(),
            DedupByKeyHalf => m.dedup_by_key(|e| e.div_euclid(2)),
            SplitOff(i) => return format!("{:?}", m.split_off(*i)),
            SplitOffKeepRight(i) | SplitAtRight(i) => *m = m.split_off(*i),
            Append(xs) => m.extend_from_slice(xs),
            Prepend(xs) => {
                m.splice(0..0, xs.iter().copied());
            }
            ExtendRange(start, n) => m.extend((0..*n as Elem).map(|k| start + k)),
            Truncate(n) | SlicePrefix(n) | SplitAtLeft(n) => m.truncate(*n),
            Clear => m.clear(),
            WithPushedBack(x) => m.push(*x),
            WithPushedFront(x) => m.insert(0, *x),
            TryWithReplaced(i, x) => match m.get_mut(*i) {
                Some(slot) => *slot = *x,
                None => return "None".into(),
            },
            TryWithInserted(i, x) => {
                if *i > m.len() {
                    return "None".into();
                }
                m.insert(*i, *x);
            }
            TryWithoutIndex(i) => {
                if *i >= m.len() {
                    return "None".into();
                }
                m.remove(*i);
            }
            SliceSuffix(n) => drop(m.drain(..*n)),
            Slice(a, b) => *m = m[*a..*b].to_vec(),
            Snapshot | RoundTripStd => {}
        }
        String::new()
    }

    /// Applies the (resolved) action to the frozen vector; returns the operation's result,
    /// formatted as `apply_model` formats it.
    fn apply_frozen(&self, v: &mut FrozenVec<Elem>) -> String {
        use Action::*;
        let persistent = |v: &mut FrozenVec<Elem>, new: FrozenVec<Elem>| *v = new;
        let attempt = |v: &mut FrozenVec<Elem>, new: Option<FrozenVec<Elem>>| match new {
            Some(new) => {
                *v = new;
                String::new()
            }
            None => "None".into(),
        };
        match self {
            PushBack(x) => v.push_back(*x),
            PushFront(x) => v.push_front(*x),
            PopBack => return format!("{:?}", v.pop_back()),
            PopFront => return format!("{:?}", v.pop_front()),
            Insert(i, x) => v.insert(*i, *x),
            Remove(i) => return format!("{:?}", v.remove(*i)),
            Set(i, x) => return format!("{:?}", v.set(*i, *x)),
            Swap(i, j) => v.swap(*i, *j),
            RetainBelow(x) => v.retain(|e| e < x),
            Sort => v.sort(),
            SortByDesc => v.sort_by(|a, b| b.cmp(a)),
            SortByKeyMod3 => v.sort_by_key(|e| e.rem_euclid(3)),
            Dedup => v.dedup(),
            DedupByKeyHalf => v.dedup_by_key(|e| e.div_euclid(2)),
            SplitOff(i) => return format!("{:?}", Vec::from(v.split_off(*i))),
            SplitOffKeepRight(i) => *v = v.split_off(*i),
            Append(xs) => {
                let mut other = FrozenVec::from(xs.clone());
                v.append(&mut other);
                assert!(other.is_empty(), "append must leave its argument empty");
            }
            Prepend(xs) => {
                let mut other = FrozenVec::from(&xs[..]);
                other.append(v);
                assert!(v.is_empty(), "append must leave its argument empty");
                *v = other;
            }
            ExtendRange(start, n) => v.extend((0..*n as Elem).map(|k| start + k)),
            Truncate(n) => v.truncate(*n),
            Clear => v.clear(),
            WithPushedBack(x) => persistent(v, v.with_pushed_back(*x)),
            WithPushedFront(x) => persistent(v, v.with_pushed_front(*x)),
            WithReplaced(i, x) => persistent(v, v.with_replaced(*i, *x)),
            WithInserted(i, x) => persistent(v, v.with_inserted(*i, *x)),
            WithoutIndex(i) => persistent(v, v.without_index(*i)),
            TryWithReplaced(i, x) => return attempt(v, v.try_with_replaced(*i, *x)),
            TryWithInserted(i, x) => return attempt(v, v.try_with_inserted(*i, *x)),
            TryWithoutIndex(i) => return attempt(v, v.try_without_index(*i)),
            SlicePrefix(n) => persistent(v, v.slice(..*n)),
            SliceSuffix(n) => persistent(v, v.slice(*n..)),
            Slice(a, b) => persistent(v, v.slice(*a..*b)),
            SplitAtLeft(i) => persistent(v, v.split_at(*i).0),
            SplitAtRight(i) => persistent(v, v.split_at(*i).1),
            Snapshot => {}
            RoundTripStd => *v = FrozenVec::from(Vec::from(v.clone())),
        }
        String::new()
    }
}

/// A sequence of actions; its `Debug` is a runnable program that replays them.
#[derive(Clone)]
struct Actions(Vec<Action>);

impl fmt::Debug for Actions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::from(
            "\nuse deepfreeze::FrozenVec;\nlet mut v: FrozenVec<i32> = FrozenVec::new();\n",
        );
        let mut model = Vec::new();
        let mut snapshots: Vec<(usize, Vec<Elem>)> = Vec::new();
        for (no, action) in self.0.iter().enumerate() {
            let Some(action) = action.resolve(model.len()) else {
                continue;
            };
            writeln!(out, "{}", action.code(no))?;
            action.apply_model(&mut model);
            if matches!(action, Action::Snapshot) {
                snapshots.push((no, model.clone()));
                if snapshots.len() > MAX_SNAPSHOTS {
                    snapshots.remove(0);
                }
            }
        }
        writeln!(out, "assert_eq!(v, {model:?});")?;
        for (no, snap) in &snapshots {
            writeln!(out, "assert_eq!(snap{no}, {snap:?});")?;
        }
        f.write_str(&out)
    }
}

fn elem() -> impl Strategy<Value = Elem> {
    -40..40 as Elem
}

fn index() -> impl Strategy<Value = usize> {
    0..1000usize
}

fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    let bulk: usize = if cfg!(miri) { 80 } else { 300 };
    prop_oneof![
        6 => elem().prop_map(PushBack),
        6 => elem().prop_map(PushFront),
        2 => Just(PopBack),
        2 => Just(PopFront),
        4 => (index(), elem()).prop_map(|(i, x)| Insert(i, x)),
        3 => index().prop_map(Remove),
        3 => (index(), elem()).prop_map(|(i, x)| Set(i, x)),
        3 => (index(), index()).prop_map(|(i, j)| Swap(i, j)),
        1 => elem().prop_map(RetainBelow),
        1 => Just(Sort),
        1 => Just(SortByDesc),
        1 => Just(SortByKeyMod3),
        1 => Just(Dedup),
        1 => Just(DedupByKeyHalf),
        1 => index().prop_map(SplitOff),
        1 => index().prop_map(SplitOffKeepRight),
        2 => prop::collection::vec(elem(), 0..150).prop_map(Append),
        2 => prop::collection::vec(elem(), 0..150).prop_map(Prepend),
        2 => (elem(), 0..bulk).prop_map(|(s, n)| ExtendRange(s, n)),
        1 => index().prop_map(Truncate),
        1 => Just(Clear),
        2 => elem().prop_map(WithPushedBack),
        2 => elem().prop_map(WithPushedFront),
        2 => (index(), elem()).prop_map(|(i, x)| WithReplaced(i, x)),
        2 => (index(), elem()).prop_map(|(i, x)| WithInserted(i, x)),
        2 => index().prop_map(WithoutIndex),
        1 => (index(), elem()).prop_map(|(i, x)| TryWithReplaced(i, x)),
        1 => (index(), elem()).prop_map(|(i, x)| TryWithInserted(i, x)),
        1 => index().prop_map(TryWithoutIndex),
        1 => index().prop_map(SlicePrefix),
        1 => index().prop_map(SliceSuffix),
        1 => (index(), index()).prop_map(|(a, b)| Slice(a, b)),
        1 => index().prop_map(SplitAtLeft),
        1 => index().prop_map(SplitAtRight),
        3 => Just(Snapshot),
        1 => Just(RoundTripStd),
    ]
}

fn actions() -> impl Strategy<Value = Actions> {
    let max = if cfg!(miri) { 24 } else { 80 };
    prop::collection::vec(action(), 1..max).prop_map(Actions)
}

/// `PROPTEST_CASES` (default 256), 4 under Miri unless set explicitly; failures are saved in
/// `tests/vec.proptest-regressions` (proptest's default place, committed) and replayed first.
fn config() -> Config {
    let mut config = Config::default();
    if cfg!(miri) && std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 4;
    }
    config
}

/// Everything observable about `v` equals `model`.
fn check(v: &FrozenVec<Elem>, model: &[Elem], what: &str) {
    assert_eq!(v.len(), model.len(), "{what}: len");
    assert_eq!(v.is_empty(), model.is_empty(), "{what}: is_empty");
    assert_eq!(v.iter().len(), model.len(), "{what}: iter().len()");
    assert!(v.iter().eq(model.iter()), "{what}: {v:?} != {model:?}");
    assert!(v.iter().rev().eq(model.iter().rev()), "{what}: reversed");
    assert_eq!(v.first(), model.first(), "{what}: first");
    assert_eq!(v.last(), model.last(), "{what}: last");
    assert_eq!(v.get(model.len()), None, "{what}: get(len)");
    if let Some(mid) = model.len().checked_sub(1).map(|n| n / 2) {
        assert_eq!(v.get(mid), Some(&model[mid]), "{what}: get(mid)");
        assert_eq!(v[mid], model[mid], "{what}: v[mid]");
    }
    assert_eq!(*v, *model, "{what}: PartialEq<[T]>");
}

fn run(actions: &Actions) {
    let mut v = FrozenVec::new();
    let mut model: Vec<Elem> = Vec::new();
    let mut snapshots: Vec<(FrozenVec<Elem>, Vec<Elem>)> = Vec::new();
    for (step, raw) in actions.0.iter().enumerate() {
        let Some(action) = raw.resolve(model.len()) else {
            continue;
        };
        let what = format!("step {step} ({})", action.code(step));
        let before = action.is_persistent().then(|| (v.clone(), model.clone()));
        let got = action.apply_frozen(&mut v);
        let want = action.apply_model(&mut model);
        assert_eq!(got, want, "{what}: result");
        check(&v, &model, &what);
        if let Some((old, old_model)) = before {
            check(
                &old,
                &old_model,
                &format!("{what}: the input of a persistent update"),
            );
        }
        if matches!(action, Action::Snapshot) {
            assert!(
                v.clone().ptr_eq(&v) || v.len() < 64,
                "{what}: a clone shares storage"
            );
            snapshots.push((v.clone(), model.clone()));
            if snapshots.len() > MAX_SNAPSHOTS {
                snapshots.remove(0);
            }
        }
        for (i, (snap, snap_model)) in snapshots.iter().enumerate() {
            check(snap, snap_model, &format!("{what}: snapshot {i}"));
        }
    }
    // A clone read from other threads, by reference and by value, equals the model.
    let shared = v.clone();
    std::thread::scope(|s| {
        s.spawn(|| check(&shared, &model, "read by reference from another thread"));
        let moved = shared.clone();
        let model = &model;
        s.spawn(move || check(&moved, model, "moved to another thread"));
    });
    check(&v, &model, "after the threads");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn behaves_like_vec(actions in actions()) {
        run(&actions);
    }
}

#[test]
fn actions_debug_is_a_program() {
    let actions = Actions(vec![
        Action::PushBack(1),
        Action::Snapshot,
        Action::Insert(7, 2),
        Action::Remove(5), // resolved against len 2
    ]);
    let text = format!("{actions:?}");
    assert!(text.contains("v.push_back(1);"), "{text}");
    assert!(text.contains("let snap1 = v.clone();"), "{text}");
    assert!(text.contains("v.insert(1, 2);"), "{text}");
    assert!(text.contains("v.remove(1);"), "{text}");
    assert!(text.contains("assert_eq!(v, [1]);"), "{text}");
    assert!(text.contains("assert_eq!(snap1, [1]);"), "{text}");
    run(&actions);
}

// ---- static properties ----

static_assertions::assert_impl_all!(FrozenVec<u64>: Frozen, Send, Sync, Clone, Default);
static_assertions::assert_impl_all!(FrozenVec<String>: Frozen, Eq, Ord, std::hash::Hash);
static_assertions::assert_impl_all!(FrozenVec<FrozenVec<String>>: Frozen);
static_assertions::assert_not_impl_any!(FrozenVec<std::cell::Cell<u8>>: Frozen, Sync);
static_assertions::assert_not_impl_any!(FrozenVec<std::rc::Rc<u8>>: Frozen, Send, Sync);
static_assertions::assert_not_impl_any!(FrozenVec<std::sync::Mutex<u8>>: Frozen);
// `Send` needs the elements to be `Sync` too: they are shared between clones.
static_assertions::assert_not_impl_any!(FrozenVec<std::cell::Cell<u8>>: Send);
static_assertions::assert_impl_all!(deepfreeze::vec::Iter<'static, u8>: Send, Sync, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::vec::IntoIter<u8>: Send, Sync, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_not_impl_any!(deepfreeze::vec::Iter<'static, u8>: Frozen);

// ---- edge cases ----

fn big(n: i32) -> FrozenVec<i32> {
    (0..n).collect()
}

#[test]
#[should_panic(expected = "index out of bounds: the len is 3 but the index is 3")]
fn index_out_of_bounds_panics() {
    let _ = big(3)[3];
}

#[test]
#[should_panic(expected = "index out of bounds: the len is 3 but the index is 5")]
fn set_out_of_bounds_panics() {
    big(3).set(5, 0);
}

/// Empty, short and long vectors check the index the same way, with std's message, and the
/// vector that refused the update is unchanged and still `ptr_eq` to its clone.
#[test]
fn set_out_of_bounds_panics_and_changes_nothing_whatever_the_length() {
    for n in [0, 1, 3, 32, 33, 100] {
        let v = big(n);
        let mut w = v.clone();
        for index in [n as usize, n as usize + 7] {
            let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                w.set(index, -1);
            }))
            .expect_err("an index past the end panics");
            let message = panic.downcast_ref::<String>().expect("a formatted message");
            assert_eq!(
                message,
                &format!("index out of bounds: the len is {n} but the index is {index}")
            );
            assert!(w.ptr_eq(&v), "n = {n}: still sharing with the clone");
            assert_eq!(w, v);
        }
    }
}

#[test]
#[should_panic(expected = "index out of bounds: the len is 3 but the index is 3")]
fn swap_out_of_bounds_panics() {
    big(3).swap(0, 3);
}

#[test]
#[should_panic(expected = "insertion index (is 4) should be <= len (is 3)")]
fn insert_out_of_bounds_panics() {
    big(3).insert(4, 0);
}

#[test]
#[should_panic(expected = "removal index (is 3) should be < len (is 3)")]
fn remove_out_of_bounds_panics() {
    big(3).remove(3);
}

#[test]
#[should_panic(expected = "`at` split index (is 4) should be <= len (is 3)")]
fn split_off_out_of_bounds_panics() {
    let _ = big(3).split_off(4);
}

#[test]
#[should_panic(expected = "index out of bounds")]
fn with_replaced_out_of_bounds_panics() {
    let _ = big(3).with_replaced(3, 0);
}

#[test]
#[should_panic(expected = "insertion index")]
fn with_inserted_out_of_bounds_panics() {
    let _ = big(3).with_inserted(4, 0);
}

#[test]
#[should_panic(expected = "removal index")]
fn without_index_out_of_bounds_panics() {
    let _ = big(3).without_index(3);
}

#[test]
#[should_panic(expected = "range end index 4 out of range for slice of length 3")]
fn slice_past_the_end_panics() {
    let _ = big(3).slice(1..4);
}

#[test]
#[should_panic(expected = "slice index starts at 2 but ends at 1")]
fn slice_reversed_panics() {
    #[allow(clippy::reversed_empty_ranges)]
    let _ = big(3).slice(2..1);
}

#[test]
fn slice_bounds() {
    use std::ops::Bound::{Excluded, Included, Unbounded};
    let v = big(300);
    assert_eq!(v.slice(..), v);
    assert!(v.slice(300..).is_empty());
    assert!(v.slice(7..7).is_empty());
    assert_eq!(v.slice((Excluded(10), Included(12))), [11, 12]);
    assert_eq!(v.slice((Unbounded, Excluded(2))), [0, 1]);
    assert_eq!(v.slice(100..=299).len(), 200);
}

#[test]
fn empty_vectors() {
    let mut v: FrozenVec<String> = FrozenVec::new();
    assert_eq!(v.pop_back(), None);
    assert_eq!(v.pop_front(), None);
    assert_eq!(v.first(), None);
    v.retain(|_| false);
    v.sort();
    v.dedup();
    v.truncate(0);
    assert!(v.split_off(0).is_empty());
    assert!(v.ptr_eq(&FrozenVec::default()));
    assert_eq!(format!("{v:?}"), "[]");
    assert_eq!(v.binary_search(&String::new()), Err(0));
}

#[test]
fn unchanged_operations_keep_sharing() {
    let mut v = big(1000);
    let original = v.clone();
    v.retain(|_| true);
    assert!(
        v.ptr_eq(&original),
        "retain that keeps everything copies nothing"
    );
    v.sort();
    assert!(
        v.ptr_eq(&original),
        "sorting a sorted vector copies nothing"
    );
    v.dedup();
    assert!(
        v.ptr_eq(&original),
        "dedup without duplicates copies nothing"
    );
    assert!(v.slice(..).ptr_eq(&original));
    assert!(v.slice(0..1000).ptr_eq(&original));
}

#[test]
fn updates_leave_clones_alone() {
    let original: FrozenVec<String> = (0..500).map(|i| i.to_string()).collect();
    let mut v = original.clone();
    v.set(3, "x".into());
    v.push_front("front".into());
    v.swap(0, 400);
    v.retain(|s| s.len() < 3);
    v.sort();
    assert_eq!(original.len(), 500);
    assert!(
        original
            .iter()
            .enumerate()
            .all(|(i, s)| *s == i.to_string())
    );
    assert_ne!(v, original);
}

#[test]
fn std_traits() {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    fn hash<T: Hash>(t: &T) -> u64 {
        let mut h = DefaultHasher::new();
        t.hash(&mut h);
        h.finish()
    }
    let a = big(200);
    let b: FrozenVec<i32> = (0..200)
        .rev()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(!a.ptr_eq(&b));
    assert_eq!(a, b);
    assert_eq!(hash(&a), hash(&b));
    assert!(a < a.with_replaced(199, 1000));
    assert!(a.with_pushed_back(0) > a);
    assert_eq!(a.cmp(&b), std::cmp::Ordering::Equal);
    assert_eq!(big(3).partial_cmp(&big(4)), Some(std::cmp::Ordering::Less));
    // Nested vectors hash by boundaries too.
    let left: FrozenVec<FrozenVec<i32>> =
        FrozenVec::from([FrozenVec::from([1, 2]), FrozenVec::from([3])]);
    let right: FrozenVec<FrozenVec<i32>> =
        FrozenVec::from([FrozenVec::from([1]), FrozenVec::from([2, 3])]);
    assert_ne!(left, right);
    assert_ne!(hash(&left), hash(&right));

    // Conversions in and out.
    let from_slice = FrozenVec::from(&[1, 2, 3][..]);
    let from_deque = FrozenVec::from(VecDeque::from(vec![1, 2, 3]));
    assert_eq!(from_slice, from_deque);
    assert_eq!(Vec::from(&from_slice), vec![1, 2, 3]);
    assert_eq!(
        VecDeque::from(from_slice.clone()),
        VecDeque::from(vec![1, 2, 3])
    );
    assert_eq!(vec![1, 2, 3], from_slice);
    assert_eq!(from_slice, vec![1, 2, 3]);
    assert_eq!(from_slice, &[1, 2, 3][..]);

    // Collecting, extending, iterating.
    let mut v: FrozenVec<i32> = FrozenVec::new();
    v.extend([1, 2]);
    v.extend(&[3, 4]);
    assert_eq!(v, [1, 2, 3, 4]);
    let mut sum = 0;
    for x in &v {
        sum += x;
    }
    assert_eq!(sum, 10);
    assert_eq!(
        v.clone().into_iter().rev().collect::<Vec<_>>(),
        [4, 3, 2, 1]
    );
    assert_eq!(format!("{v:?}"), format!("{:?}", vec![1, 2, 3, 4]));
    assert_eq!(format!("{v:#?}"), format!("{:#?}", vec![1, 2, 3, 4]));
}

#[test]
fn nan_follows_ptr_eq_then_elements() {
    let v = FrozenVec::from(vec![f64::NAN; 300]);
    assert!(v == v.clone(), "a shared vector equals itself");
    let separate = FrozenVec::from(vec![f64::NAN; 300]);
    assert!(v != separate, "NaN != NaN element-wise");
}

#[test]
fn binary_search_large() {
    let v: FrozenVec<i32> = (0..1000).map(|x| x * 2).collect();
    for x in 0..2000 {
        let want = (0..1000)
            .map(|x| x * 2)
            .collect::<Vec<_>>()
            .binary_search(&x);
        assert_eq!(v.binary_search(&x), want, "{x}");
        assert_eq!(v.binary_search_by(|e| e.cmp(&x)), want);
        assert_eq!(v.binary_search_by_key(&(x * 10), |e| e * 10), want);
        if cfg!(miri) && x > 50 {
            break;
        }
    }
}

/// `Iter::fold` (internal iteration walks the leaves as slices) agrees with `next` after any
/// number of `next` and `next_back` calls, on inline, regular and relaxed (pushed-front) trees.
#[test]
fn fold_after_partial_iteration_matches_next() {
    let mut shapes: Vec<FrozenVec<i32>> = vec![FrozenVec::new(), (0..5).collect(), big(5000)];
    let mut relaxed = big(3000);
    for x in 0..700 {
        relaxed.push_front(-x);
    }
    shapes.push(relaxed);
    for v in &shapes {
        let model: Vec<i32> = v.iter().copied().collect();
        let n = model.len();
        for (skip_front, skip_back) in [
            (0, 0),
            (1, 0),
            (0, 1),
            (63, 65),
            (64, 64),
            (n / 2, n / 2 - n / 4),
        ] {
            if skip_front + skip_back > n {
                continue;
            }
            let mut it = v.iter();
            for _ in 0..skip_front {
                it.next();
            }
            for _ in 0..skip_back {
                it.next_back();
            }
            let folded = it.clone().fold(Vec::new(), |mut acc, x| {
                acc.push(*x);
                acc
            });
            assert_eq!(
                folded,
                model[skip_front..n - skip_back],
                "n = {n}, skipped {skip_front} + {skip_back}"
            );
            assert_eq!(
                it.copied().sum::<i32>(),
                model[skip_front..n - skip_back].iter().sum::<i32>()
            );
        }
    }
}
