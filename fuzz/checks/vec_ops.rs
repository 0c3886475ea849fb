//! `FrozenVec<u16>` against `Vec<u16>`: random in-place and persistent updates (pushes and pops
//! at both ends, inserts and removes, `set`/`swap`, sorting, `retain`/`dedup`, `split_off`,
//! `append`, sub-ranges with `slice`), compared with the model after every step, while earlier
//! versions (clones sharing structure with the live vector) must keep their contents. A vector
//! of at most 32 elements is one exact-sized array and a longer one a tree: single pushes and
//! pops keep short vectors short, `Grow` makes trees of thousands, and `SlicePrefix`,
//! `SliceSuffix`, `Slice`, `SplitAt`, `SplitOff`, `Retain` and the dedups cut trees back into
//! short arrays.
//!
//! The same input then drives a second sequence, [`HybridOp`]s, that keeps the length around
//! the two thresholds of the representation (32, the most a short array holds, and 16, where
//! single removals turn a tree back into an array), crossing them both ways with old versions
//! kept, through every way in: bulk pushes and pops, `insert`/`remove` at any index, `extend`,
//! `append`, `split_off`, `truncate`, `retain`, `From<Vec>`, `From<&[T]>`, `collect` with an
//! exact or a lying size hint, persistent updates. `Op` is decoded exactly as when the committed
//! inputs were found (`arbitrary` scales an enum's discriminant by its number of variants, so a
//! new variant would change what every input means); the new operations are a separate enum.

use std::collections::VecDeque;

use arbitrary::Arbitrary;
use deepfreeze::FrozenVec;

use super::common::{Versions, check_both_ends, check_ord, hash_of, keep, run_model};

type Vector = FrozenVec<u16>;
type Model = Vec<u16>;

/// Longest the vector gets through `Grow` (other operations add little).
const MAX_GROWN_LEN: usize = 5000;

#[derive(Arbitrary, Debug)]
enum Op {
    PushBack(u16),
    PushFront(u16),
    PopBack,
    PopFront,
    /// Index reduced into bounds.
    Insert(u16, u16),
    Remove(u16),
    Set(u16, u16),
    Swap(u16, u16),
    /// Raw indices: the `try_*` methods must answer `None` when out of bounds.
    TryWithReplaced(usize, u16),
    TryWithInserted(usize, u16),
    TryWithoutIndex(usize),
    WithPushedBack(u16),
    WithPushedFront(u16),
    /// `slice(..n)`, `n` capped at the length (the first `n` elements).
    SlicePrefix(usize),
    /// `slice(n..)`, `n` capped at the length (all but the first `n`).
    SliceSuffix(usize),
    Slice(u16, u16),
    SplitAt(u16),
    SplitOff(u16),
    Append(Vec<u16>),
    Extend(Vec<u16>),
    Truncate(u16),
    Retain(u8),
    Sort,
    SortByReverse,
    SortByKey(u8),
    Dedup,
    DedupByKey(u8),
    DedupBy,
    /// Pushes `count * 64` elements counting up from `start`, at the back or the front.
    Grow {
        start: u16,
        count: u8,
        front: bool,
    },
    Clear,
    Keep(u8),
    Restore(u8),
    /// Replaces the vector by a copy rebuilt through `into_iter` and `collect`.
    Rebuild,
    Compare(u8),
    BinarySearch(u16),
}

pub fn run(data: &[u8]) {
    run_ops(data);
    run_hybrid(data);
}

/// The [`Op`] sequence of `data`.
fn run_ops(data: &[u8]) {
    let (vec, model) = run_model(data, Default::default(), apply, check);
    assert_eq!(Vec::from(vec.clone()), model);
    assert_eq!(Vec::from(&vec), model);
    assert_eq!(VecDeque::from(vec.clone()), VecDeque::from(model.clone()));
    assert!(
        vec.clone()
            .into_iter()
            .rev()
            .eq(model.iter().rev().copied())
    );
}

/// The operations of the second sequence: lengths that stay near the thresholds of the
/// representation (see the module comment), so that each step may switch it.
#[derive(Arbitrary, Debug)]
enum HybridOp {
    /// Pushes `n % 40` elements at the back (from 31, one crosses 32; from 0, 39 builds a tree).
    PushBack(u8),
    PushFront(u8),
    /// Pops `n % 40` elements from the back (a tree of 40 popped to 16 becomes an array).
    PopBack(u8),
    PopFront(u8),
    /// Index reduced into `0..=len`: inserting into an array of 32 makes a tree.
    Insert(u8, u16),
    Remove(u8),
    Set(u8, u16),
    Swap(u8, u8),
    /// `extend` with `n % 48` elements, by value (its size hint exact) or through a filter
    /// (a size hint of zero).
    Extend {
        n: u8,
        filtered: bool,
    },
    /// `extend` from `&T`s.
    ExtendRefs(u8),
    /// `append` of a vector of `n % 48` elements built by `collect`.
    Append(u8),
    SplitOff {
        at: u8,
        keep_tail: bool,
    },
    Truncate(u8),
    Retain(u8),
    /// Rebuilds the vector through `From<Vec>`, `From<&[T]>`, an exact `collect`, or a `collect`
    /// whose size hint is zero.
    Rebuild(u8),
    WithPushedBack(u16),
    WithPushedFront(u16),
    WithInserted(u8, u16),
    WithoutIndex(u8),
    WithReplaced(u8, u16),
    Slice(u8, u8),
    Sort,
    Dedup,
    Keep(u8),
    Restore(u8),
    Compare(u8),
}

/// Longest the vector of the [`HybridOp`] sequence gets: long enough to be a tree of two
/// chunks, short enough that pops reach 16 again within a few operations.
const HYBRID_MAX_LEN: usize = 100;

/// The [`HybridOp`] sequence of `data`.
fn run_hybrid(data: &[u8]) {
    let (vec, model) = run_model(data, Default::default(), apply_hybrid, check);
    assert_eq!(Vec::from(vec), model);
}

/// `n` consecutive values from `start`.
fn values(start: usize, n: usize) -> impl Iterator<Item = u16> + Clone {
    (0..n).map(move |i| (start + i) as u16)
}

fn apply_hybrid(
    op: HybridOp,
    vec: &mut Vector,
    model: &mut Model,
    versions: &mut Versions<Vector, Model>,
) {
    let len = model.len();
    let slot = |i: u8| usize::from(i) % (len + 1);
    let elem = |i: u8| (len > 0).then(|| usize::from(i) % len);
    // How many of `n` elements to add (at most `modulo - 1`) without passing `HYBRID_MAX_LEN`.
    let room = |n: u8, modulo: u8| usize::from(n % modulo).min(HYBRID_MAX_LEN.saturating_sub(len));
    match op {
        HybridOp::PushBack(n) => {
            for x in values(len, room(n, 40)) {
                vec.push_back(x);
                model.push(x);
            }
        }
        HybridOp::PushFront(n) => {
            for x in values(len, room(n, 40)) {
                vec.push_front(x);
                model.insert(0, x);
            }
        }
        HybridOp::PopBack(n) => {
            for _ in 0..n % 40 {
                assert_eq!(vec.pop_back(), model.pop());
            }
        }
        HybridOp::PopFront(n) => {
            for _ in 0..n % 40 {
                let want = (!model.is_empty()).then(|| model.remove(0));
                assert_eq!(vec.pop_front(), want);
            }
        }
        HybridOp::Insert(i, x) => {
            let i = slot(i);
            vec.insert(i, x);
            model.insert(i, x);
        }
        HybridOp::Remove(i) => {
            if let Some(i) = elem(i) {
                assert_eq!(vec.remove(i), model.remove(i));
            }
        }
        HybridOp::Set(i, x) => {
            if let Some(i) = elem(i) {
                assert_eq!(vec.set(i, x), std::mem::replace(&mut model[i], x));
            }
        }
        HybridOp::Swap(a, b) => {
            if let (Some(a), Some(b)) = (elem(a), elem(b)) {
                vec.swap(a, b);
                model.swap(a, b);
            }
        }
        HybridOp::Extend { n, filtered } => {
            let new = values(len, room(n, 48));
            if filtered {
                vec.extend(new.clone().filter(|_| true));
            } else {
                vec.extend(new.clone());
            }
            model.extend(new);
        }
        HybridOp::ExtendRefs(n) => {
            let new: Model = values(len, room(n, 48)).collect();
            vec.extend(new.iter());
            model.extend(new);
        }
        HybridOp::Append(n) => {
            let new = values(len, room(n, 48));
            let mut other: Vector = new.clone().collect();
            vec.append(&mut other);
            assert!(other.is_empty());
            model.extend(new);
        }
        HybridOp::SplitOff { at, keep_tail } => {
            let at = slot(at);
            let tail = vec.split_off(at);
            let tail_model = model.split_off(at);
            check(&tail, &tail_model);
            if keep_tail {
                *vec = tail;
                *model = tail_model;
            }
        }
        HybridOp::Truncate(n) => {
            let n = usize::from(n) % (len + 2);
            vec.truncate(n);
            model.truncate(n);
        }
        HybridOp::Retain(seed) => {
            vec.retain(|&x| keep(seed, u64::from(x)));
            model.retain(|&x| keep(seed, u64::from(x)));
        }
        HybridOp::Rebuild(how) => {
            *vec = match how % 4 {
                0 => Vector::from(model.clone()),
                1 => Vector::from(model.as_slice()),
                2 => model.iter().copied().collect(),
                _ => model.iter().copied().filter(|_| true).collect(),
            };
        }
        HybridOp::WithPushedBack(x) => {
            let new = vec.with_pushed_back(x);
            check(vec, model);
            *vec = new;
            model.push(x);
        }
        HybridOp::WithPushedFront(x) => {
            let new = vec.with_pushed_front(x);
            check(vec, model);
            *vec = new;
            model.insert(0, x);
        }
        HybridOp::WithInserted(i, x) => {
            let i = slot(i);
            let new = vec.with_inserted(i, x);
            check(vec, model);
            *vec = new;
            model.insert(i, x);
        }
        HybridOp::WithoutIndex(i) => {
            if let Some(i) = elem(i) {
                let new = vec.without_index(i);
                check(vec, model);
                *vec = new;
                model.remove(i);
            }
        }
        HybridOp::WithReplaced(i, x) => {
            if let Some(i) = elem(i) {
                let new = vec.with_replaced(i, x);
                check(vec, model);
                *vec = new;
                model[i] = x;
            }
        }
        HybridOp::Slice(a, b) => {
            let (a, b) = (slot(a), slot(b));
            let (start, end) = (a.min(b), a.max(b));
            *vec = vec.slice(start..end);
            *model = model[start..end].to_vec();
        }
        HybridOp::Sort => {
            vec.sort_by(|a, b| b.cmp(a));
            model.sort_by(|a, b| b.cmp(a));
        }
        HybridOp::Dedup => {
            vec.dedup_by_key(|&x| x / 4);
            model.dedup_by_key(|&mut x| x / 4);
        }
        HybridOp::Keep(slot) => versions.keep(vec, model, slot),
        HybridOp::Restore(slot) => versions.restore(slot, vec, model),
        HybridOp::Compare(slot) => {
            if let Some((old, old_model)) = versions.compare(slot, vec, model) {
                check_ord(vec, old, model, old_model);
            }
        }
    }
}

/// `i` reduced into `0..len` (`None` if empty).
fn index(i: u16, len: usize) -> Option<usize> {
    (len > 0).then(|| usize::from(i) % len)
}

/// `i` reduced into `0..=len`.
fn position(i: u16, len: usize) -> usize {
    usize::from(i) % (len + 1)
}

fn apply(op: Op, vec: &mut Vector, model: &mut Model, versions: &mut Versions<Vector, Model>) {
    let len = model.len();
    match op {
        Op::PushBack(x) => {
            vec.push_back(x);
            model.push(x);
        }
        Op::PushFront(x) => {
            vec.push_front(x);
            model.insert(0, x);
        }
        Op::PopBack => assert_eq!(vec.pop_back(), model.pop()),
        Op::PopFront => {
            let want = (!model.is_empty()).then(|| model.remove(0));
            assert_eq!(vec.pop_front(), want);
        }
        Op::Insert(i, x) => {
            let i = position(i, len);
            vec.insert(i, x);
            model.insert(i, x);
        }
        Op::Remove(i) => {
            if let Some(i) = index(i, len) {
                assert_eq!(vec.remove(i), model.remove(i));
            }
        }
        Op::Set(i, x) => {
            if let Some(i) = index(i, len) {
                assert_eq!(vec.set(i, x), std::mem::replace(&mut model[i], x));
            }
        }
        Op::Swap(a, b) => {
            if let (Some(a), Some(b)) = (index(a, len), index(b, len)) {
                vec.swap(a, b);
                model.swap(a, b);
            }
        }
        Op::TryWithReplaced(i, x) => {
            let new = vec.try_with_replaced(i, x);
            check(vec, model);
            assert_eq!(new.is_some(), i < len);
            if let Some(new) = new {
                *vec = new;
                model[i] = x;
            }
        }
        Op::TryWithInserted(i, x) => {
            let new = vec.try_with_inserted(i, x);
            check(vec, model);
            assert_eq!(new.is_some(), i <= len);
            if let Some(new) = new {
                *vec = new;
                model.insert(i, x);
            }
        }
        Op::TryWithoutIndex(i) => {
            let new = vec.try_without_index(i);
            check(vec, model);
            assert_eq!(new.is_some(), i < len);
            if let Some(new) = new {
                *vec = new;
                model.remove(i);
            }
        }
        Op::WithPushedBack(x) => {
            let new = vec.with_pushed_back(x);
            check(vec, model);
            *vec = new;
            model.push(x);
        }
        Op::WithPushedFront(x) => {
            let new = vec.with_pushed_front(x);
            check(vec, model);
            *vec = new;
            model.insert(0, x);
        }
        Op::SlicePrefix(n) => {
            let n = n.min(len);
            let new = vec.slice(..n);
            check(vec, model);
            *vec = new;
            model.truncate(n);
        }
        Op::SliceSuffix(n) => {
            let n = n.min(len);
            let new = vec.slice(n..);
            check(vec, model);
            *vec = new;
            model.drain(..n);
        }
        Op::Slice(a, b) => {
            let (a, b) = (position(a, len), position(b, len));
            let (start, end) = (a.min(b), a.max(b));
            let sub = vec.slice(start..end);
            check(&sub, &model[start..end].to_vec());
            let sub = vec.slice(start..);
            check(&sub, &model[start..].to_vec());
            if end > 0 {
                let sub = vec.slice(..=end - 1);
                check(&sub, &model[..end].to_vec());
            }
        }
        Op::SplitAt(mid) => {
            let mid = position(mid, len);
            let (left, right) = vec.split_at(mid);
            check(&left, &model[..mid].to_vec());
            check(&right, &model[mid..].to_vec());
            check(vec, model);
            // Putting the halves back together gives the vector again.
            let mut joined = left;
            let mut right = right;
            joined.append(&mut right);
            assert!(right.is_empty());
            check(&joined, model);
            *vec = joined;
        }
        Op::SplitOff(at) => {
            let at = position(at, len);
            let tail = vec.split_off(at);
            let tail_model = model.split_off(at);
            check(&tail, &tail_model);
        }
        Op::Append(xs) => {
            let mut other = Vector::from(xs.clone());
            vec.append(&mut other);
            assert!(other.is_empty());
            model.extend(xs);
        }
        Op::Extend(xs) => {
            vec.extend(xs.iter());
            model.extend(xs);
        }
        Op::Truncate(n) => {
            vec.truncate(usize::from(n));
            model.truncate(usize::from(n));
        }
        Op::Retain(seed) => {
            let mut seen = Vec::new();
            vec.retain(|&x| {
                seen.push(x);
                keep(seed, u64::from(x))
            });
            assert_eq!(seen, *model, "`retain` sees each element once, in order");
            model.retain(|&x| keep(seed, u64::from(x)));
        }
        Op::Sort => {
            vec.sort();
            model.sort();
        }
        Op::SortByReverse => {
            vec.sort_by(|a, b| b.cmp(a));
            model.sort_by(|a, b| b.cmp(a));
        }
        Op::SortByKey(shift) => {
            // A coarse key, so that stability shows.
            let shift = shift % 16;
            vec.sort_by_key(|&x| x >> shift);
            model.sort_by_key(|&x| x >> shift);
        }
        Op::Dedup => {
            vec.dedup();
            model.dedup();
        }
        Op::DedupByKey(shift) => {
            let shift = shift % 16;
            vec.dedup_by_key(|&x| x >> shift);
            model.dedup_by_key(|&mut x| x >> shift);
        }
        Op::DedupBy => {
            // Not symmetric, so that the argument order shows.
            vec.dedup_by(|a, b| a > b);
            model.dedup_by(|a, b| a > b);
        }
        Op::Grow {
            start,
            count,
            front,
        } => {
            let n = (usize::from(count) * 64).min(MAX_GROWN_LEN.saturating_sub(len));
            for i in 0..n {
                let x = start.wrapping_add(i as u16);
                if front {
                    vec.push_front(x);
                } else {
                    vec.push_back(x);
                }
            }
            if front {
                let mut head: Model = (0..n).rev().map(|i| start.wrapping_add(i as u16)).collect();
                head.append(model);
                *model = head;
            } else {
                model.extend((0..n).map(|i| start.wrapping_add(i as u16)));
            }
        }
        Op::Clear => {
            vec.clear();
            model.clear();
        }
        Op::Keep(slot) => versions.keep(vec, model, slot),
        Op::Restore(slot) => versions.restore(slot, vec, model),
        Op::Rebuild => {
            let rebuilt: Vector = vec.clone().into_iter().collect();
            assert_eq!(rebuilt, *vec);
            *vec = rebuilt;
        }
        Op::Compare(slot) => {
            if let Some((old, old_model)) = versions.compare(slot, vec, model) {
                check_ord(vec, old, model, old_model);
            }
        }
        Op::BinarySearch(x) => {
            assert_eq!(vec.contains(&x), model.contains(&x));
            if model.is_sorted() {
                match (vec.binary_search(&x), model.binary_search(&x)) {
                    (Ok(i), Ok(_)) => assert_eq!(model[i], x),
                    (got, want) => assert_eq!(got, want),
                }
                let by = vec.binary_search_by(|probe| probe.cmp(&x));
                assert_eq!(by.is_ok(), model.contains(&x));
                let by_key = vec.binary_search_by_key(&x, |&probe| probe);
                assert_eq!(by_key.is_ok(), model.contains(&x));
            }
        }
    }
}

/// Everything readable from `vec` agrees with `model`.
fn check(vec: &Vector, model: &Model) {
    assert_eq!(vec.len(), model.len());
    assert_eq!(vec.is_empty(), model.is_empty());
    assert_eq!(vec, model);
    assert_eq!(vec.first(), model.first());
    assert_eq!(vec.last(), model.last());
    assert_eq!(vec.get(model.len()), None);
    for i in (0..model.len()).step_by(13) {
        assert_eq!(vec.get(i), Some(&model[i]));
        assert_eq!(vec[i], model[i]);
    }
    let iter = vec.iter();
    assert_eq!(iter.len(), model.len());
    assert!(iter.eq(model.iter()));
    assert!(vec.iter().rev().eq(model.iter().rev()));
    // From both ends, alternating.
    check_both_ends(vec.iter(), model.iter(), 1);
    // Internal iteration (`fold`, which walks the leaves as slices) agrees with `next`, also
    // after a few elements were taken from either end.
    let folded = |iter: deepfreeze::vec::Iter<'_, u16>| {
        iter.fold(Vec::new(), |mut out, &x| {
            out.push(x);
            out
        })
    };
    assert_eq!(&folded(vec.iter()), model);
    let (skip_front, skip_back) = (model.len() % 7, model.len() % 5);
    if skip_front + skip_back <= model.len() {
        let mut iter = vec.iter();
        iter.by_ref().take(skip_front).for_each(drop);
        iter.by_ref().rev().take(skip_back).for_each(drop);
        assert_eq!(folded(iter), model[skip_front..model.len() - skip_back]);
    }
    let fresh = Vector::from(model.as_slice());
    assert_eq!(&fresh, vec);
    assert_eq!(hash_of(&fresh), hash_of(vec));
}
