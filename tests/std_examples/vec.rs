//! `Vec`'s and `VecDeque`'s doc examples on the methods `FrozenVec` shares with them.

use deepfreeze::FrozenVec;
use static_assertions::assert_impl_all;

#[test]
fn type_level_vec() {
    let mut vec = FrozenVec::new();
    vec.push_back(1);
    vec.push_back(2);

    assert_eq!(vec.len(), 2);
    assert_eq!(vec[0], 1);

    assert_eq!(vec.pop_back(), Some(2));
    assert_eq!(vec.len(), 1);

    vec.set(0, 7);
    assert_eq!(vec[0], 7);

    vec.extend([1, 2, 3]);

    let mut seen = Vec::new();
    for x in &vec {
        seen.push(*x);
    }
    assert_eq!(vec, [7, 1, 2, 3]);
    assert_eq!(seen, [7, 1, 2, 3]);

    let mut stack = FrozenVec::new();
    stack.push_back(1);
    stack.push_back(2);
    stack.push_back(3);
    let mut popped = Vec::new();
    while let Some(top) = stack.pop_back() {
        // Prints 3, 2, 1
        popped.push(top);
    }
    assert_eq!(popped, [3, 2, 1]);
}

#[test]
fn vec_deque_ends() {
    let mut d = FrozenVec::new();
    d.push_back(1);
    d.push_back(3);
    assert_eq!(3, *d.last().unwrap());

    let mut d = FrozenVec::new();
    d.push_front(1);
    d.push_front(2);
    assert_eq!(d.first(), Some(&2));

    let mut d = FrozenVec::new();
    d.push_back(1);
    d.push_back(2);
    assert_eq!(d.pop_front(), Some(1));
    assert_eq!(d.pop_front(), Some(2));
    assert_eq!(d.pop_front(), None);

    let mut buf = FrozenVec::new();
    assert_eq!(buf.pop_back(), None);
    buf.push_back(1);
    buf.push_back(3);
    assert_eq!(buf.pop_back(), Some(3));
}

#[test]
fn insert_remove_swap() {
    let mut vec = FrozenVec::from(['a', 'b', 'c']);
    vec.insert(1, 'd');
    assert_eq!(vec, ['a', 'd', 'b', 'c']);
    vec.insert(4, 'e');
    assert_eq!(vec, ['a', 'd', 'b', 'c', 'e']);

    let mut v = FrozenVec::from(['a', 'b', 'c']);
    assert_eq!(v.remove(1), 'b');
    assert_eq!(v, ['a', 'c']);

    let mut buf = FrozenVec::new();
    buf.push_back(3);
    buf.push_back(4);
    buf.push_back(5);
    assert_eq!(buf, [3, 4, 5]);
    buf.swap(0, 2);
    assert_eq!(buf, [5, 4, 3]);
}

#[test]
#[should_panic]
fn insert_past_the_end_panics() {
    let mut vec = FrozenVec::from([1, 2]);
    vec.insert(3, 0);
}

#[test]
#[should_panic]
fn remove_out_of_bounds_panics() {
    let mut vec = FrozenVec::from([1, 2]);
    vec.remove(2);
}

#[test]
#[should_panic]
fn swap_out_of_bounds_panics() {
    let mut vec = FrozenVec::from([1, 2]);
    vec.swap(0, 2);
}

#[test]
#[should_panic]
fn index_out_of_bounds_panics() {
    let vec = FrozenVec::from([1, 2]);
    let _ = vec[2];
}

#[test]
fn retain() {
    let mut vec = FrozenVec::from([1, 2, 3, 4]);
    vec.retain(|&x| x % 2 == 0);
    assert_eq!(vec, [2, 4]);

    // Because the elements are visited exactly once in the original order, external state may
    // be used to decide which elements to keep.
    let mut vec = FrozenVec::from([1, 2, 3, 4, 5]);
    let keep = [false, true, true, false, true];
    let mut iter = keep.iter();
    vec.retain(|_| *iter.next().unwrap());
    assert_eq!(vec, [2, 3, 5]);
}

#[test]
fn sort_and_dedup() {
    let mut v = FrozenVec::from([-5, 4, 1, -3, 2]);
    v.sort();
    assert_eq!(v, [-5, -3, 1, 2, 4]);

    let mut v = FrozenVec::from([5, 4, 1, 3, 2]);
    v.sort_by(|a, b| a.cmp(b));
    assert_eq!(v, [1, 2, 3, 4, 5]);
    // reverse sorting
    v.sort_by(|a, b| b.cmp(a));
    assert_eq!(v, [5, 4, 3, 2, 1]);

    let mut v = FrozenVec::from([-5i32, 4, 1, -3, 2]);
    v.sort_by_key(|k| k.abs());
    assert_eq!(v, [1, 2, -3, 4, -5]);

    // Stable, as std's `sort`.
    let mut v = FrozenVec::from([(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]);
    v.sort_by_key(|p| p.0);
    assert_eq!(v, [(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]);

    let mut vec = FrozenVec::from([1, 2, 2, 3, 2]);
    vec.dedup();
    assert_eq!(vec, [1, 2, 3, 2]);

    let mut vec = FrozenVec::from([10, 20, 21, 30, 20]);
    vec.dedup_by_key(|i| *i / 10);
    assert_eq!(vec, [10, 20, 30, 20]);

    let mut vec = FrozenVec::from(["foo", "bar", "Bar", "baz", "bar"]);
    vec.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    assert_eq!(vec, ["foo", "bar", "baz", "bar"]);
}

#[test]
fn append_split_off_truncate_clear() {
    let mut vec = FrozenVec::from([1, 2, 3]);
    let mut vec2 = FrozenVec::from([4, 5, 6]);
    vec.append(&mut vec2);
    assert_eq!(vec, [1, 2, 3, 4, 5, 6]);
    // std writes `assert_eq!(vec2, [])`, which does not infer the element type in a crate that
    // links serde_json (its `impl PartialEq<Value> for i32`), with `Vec` as with `FrozenVec`.
    assert!(vec2.is_empty());

    let mut vec = FrozenVec::from(['a', 'b', 'c']);
    let vec2 = vec.split_off(1);
    assert_eq!(vec, ['a']);
    assert_eq!(vec2, ['b', 'c']);

    let mut vec = FrozenVec::from([1, 2, 3]);
    assert!(vec.split_off(3).is_empty());
    assert_eq!(vec.split_off(0), [1, 2, 3]);
    assert!(vec.is_empty());

    // Truncating a five element vector to two elements:
    let mut vec = FrozenVec::from([1, 2, 3, 4, 5]);
    vec.truncate(2);
    assert_eq!(vec, [1, 2]);

    // No truncation occurs when `len` is greater than the vector's current length:
    let mut vec = FrozenVec::from([1, 2, 3]);
    vec.truncate(8);
    assert_eq!(vec, [1, 2, 3]);

    // Truncating when `len == 0` is equivalent to calling the `clear` method.
    let mut vec = FrozenVec::from([1, 2, 3]);
    vec.truncate(0);
    assert!(vec.is_empty());

    let mut v = FrozenVec::from([1, 2, 3]);
    v.clear();
    assert!(v.is_empty());
}

#[test]
#[should_panic]
fn split_off_past_the_end_panics() {
    let mut vec = FrozenVec::from([1, 2]);
    let _ = vec.split_off(3);
}

#[test]
fn slice_methods() {
    let v = FrozenVec::from([10, 40, 30]);
    assert_eq!(Some(&40), v.get(1));
    assert_eq!(None, v.get(3));
    assert_eq!(Some(&10), v.first());
    assert_eq!(Some(&30), v.last());
    let w: FrozenVec<i32> = FrozenVec::new();
    assert_eq!(None, w.first());

    let v = FrozenVec::from([10, 40, 30]);
    assert!(v.contains(&30));
    assert!(!v.contains(&50));

    let s = FrozenVec::from([0, 1, 1, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]);
    assert_eq!(s.binary_search(&13), Ok(9));
    assert_eq!(s.binary_search(&4), Err(7));
    assert_eq!(s.binary_search(&100), Err(13));
    let r = s.binary_search(&1);
    assert!(matches!(r, Ok(1..=4)));

    let seek = 13;
    assert_eq!(s.binary_search_by(|probe| probe.cmp(&seek)), Ok(9));

    let s = FrozenVec::from([
        (0, 0),
        (2, 1),
        (4, 1),
        (5, 1),
        (3, 1),
        (1, 2),
        (2, 3),
        (4, 5),
        (5, 8),
        (3, 13),
        (1, 21),
        (2, 34),
        (4, 55),
    ]);
    assert_eq!(s.binary_search_by_key(&13, |&(_, b)| b), Ok(9));
    assert_eq!(s.binary_search_by_key(&4, |&(_, b)| b), Err(7));
    assert_eq!(s.binary_search_by_key(&100, |&(_, b)| b), Err(13));

    let x = FrozenVec::from([1, 2, 4]);
    let mut iterator = x.iter();
    assert_eq!(iterator.next(), Some(&1));
    assert_eq!(iterator.next(), Some(&2));
    assert_eq!(iterator.next(), Some(&4));
    assert_eq!(iterator.next(), None);
    assert_eq!(x.iter().rev().copied().collect::<Vec<_>>(), [4, 2, 1]);
}

#[test]
fn conversions_and_traits() {
    assert_eq!(FrozenVec::from([1, 2, 3]), vec![1, 2, 3]);
    assert_eq!(FrozenVec::from(&[1, 2, 3][..]), [1, 2, 3]);
    assert_eq!(FrozenVec::from(vec![1, 2, 3]), [1, 2, 3]);
    let v: FrozenVec<i32> = (1..=3).collect();
    assert_eq!(Vec::from(v.clone()), [1, 2, 3]);
    let mut w = v.clone();
    w.extend(&[4, 5]);
    assert_eq!(w, [1, 2, 3, 4, 5]);
    assert_eq!(format!("{v:?}"), "[1, 2, 3]");
    let (small, big) = (FrozenVec::from([1, 2]), FrozenVec::from([1, 3]));
    assert!(small < big);
    assert!(FrozenVec::<u8>::default().is_empty());
}

type V = FrozenVec<String>;

#[test]
fn method_signatures_match_std() {
    let _: fn(&mut V, String) = V::push_back;
    let _: fn(&mut V, String) = V::push_front;
    let _: fn(&mut V) -> Option<String> = V::pop_back;
    let _: fn(&mut V) -> Option<String> = V::pop_front;
    let _: fn(&mut V, usize, String) = V::insert;
    let _: fn(&mut V, usize) -> String = V::remove;
    let _: fn(&mut V, usize, usize) = V::swap;
    let _: fn(&mut V, &mut V) = V::append;
    let _: fn(&mut V, usize) -> V = V::split_off;
    let _: fn(&mut V, usize) = V::truncate;
    let _: fn(&mut V) = V::clear;
    let _: fn(&mut V) = V::sort;
    let _: fn(&mut V) = V::dedup;
    let _: fn(&V, usize) -> Option<&String> = V::get;
    let _: fn(&V) -> Option<&String> = V::first;
    let _: fn(&V) -> Option<&String> = V::last;
    let _: fn(&V, &String) -> bool = V::contains;
    let _: fn(&V, &String) -> Result<usize, usize> = V::binary_search;
    let _: fn(&V) -> usize = V::len;
    let _: fn(&V) -> bool = V::is_empty;
}

assert_impl_all!(V: Clone, Default, std::fmt::Debug, PartialEq, Eq, PartialOrd, Ord,
    std::hash::Hash, Send, Sync, FromIterator<String>, Extend<String>, From<Vec<String>>,
    From<[String; 2]>, IntoIterator, std::ops::Index<usize, Output = String>);
assert_impl_all!(FrozenVec<u8>: Extend<&'static u8>);
assert_impl_all!(deepfreeze::vec::Iter<'static, u8>: Clone, std::fmt::Debug,
    DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::vec::IntoIter<u8>: Clone, std::fmt::Debug, DoubleEndedIterator,
    ExactSizeIterator, std::iter::FusedIterator);
