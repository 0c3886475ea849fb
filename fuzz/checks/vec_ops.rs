//! `FrozenVec<u16>` against `Vec<u16>`: random in-place and persistent updates (pushes and pops
//! at both ends, inserts and removes, `set`/`swap`, sorting, `retain`/`dedup`, `split_off`,
//! `append`, `take`/`skip`/`subslice`), compared with the model after every step, while earlier
//! versions (clones sharing structure with the live vector) must keep their contents. A vector
//! of at most 32 elements is one exact-sized array and a longer one a tree: single pushes and
//! pops keep short vectors short, `Grow` makes trees of thousands, and `Take`, `Skip`,
//! `Subslice`, `SplitAt`, `SplitOff`, `Retain` and the dedups cut trees back into short arrays.
//! (The operations are unchanged so that the committed inputs decode as they did when found.)

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
    Take(usize),
    Skip(usize),
    Subslice(u16, u16),
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
        Op::Take(n) => {
            let new = vec.take(n);
            check(vec, model);
            *vec = new;
            model.truncate(n);
        }
        Op::Skip(n) => {
            let new = vec.skip(n);
            check(vec, model);
            *vec = new;
            model.drain(..n.min(len));
        }
        Op::Subslice(a, b) => {
            let (a, b) = (position(a, len), position(b, len));
            let (start, end) = (a.min(b), a.max(b));
            let sub = vec.subslice(start..end);
            check(&sub, &model[start..end].to_vec());
            let sub = vec.subslice(start..);
            check(&sub, &model[start..].to_vec());
            if end > 0 {
                let sub = vec.subslice(..=end - 1);
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
