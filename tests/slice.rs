//! `FrozenSlice`: one allocation, static data without counters, every method and trait, element
//! drops, threads, and property tests against `Vec<T>`.

use std::borrow::Borrow;
use std::cell::Cell;
use std::collections::{BTreeSet, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::mem::size_of;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::thread;

use deepfreeze::slice::IntoIter;
use deepfreeze::{Frozen, FrozenArc, FrozenSlice, FrozenStr};
use proptest::prelude::*;
use static_assertions::{assert_impl_all, assert_not_impl_any};

assert_impl_all!(FrozenSlice<u64>: Send, Sync, Frozen, Clone, Unpin, Default, Ord, std::hash::Hash);
assert_impl_all!(FrozenSlice<FrozenStr>: Frozen);
assert_impl_all!(FrozenSlice<FrozenSlice<FrozenArc<String>>>: Frozen);
assert_impl_all!(IntoIter<String>: Send, Sync, Clone, ExactSizeIterator, DoubleEndedIterator);
assert_not_impl_any!(FrozenSlice<Cell<u8>>: Send, Sync, Frozen);
assert_not_impl_any!(FrozenSlice<Rc<u8>>: Send, Sync, Frozen);
assert_impl_all!(FrozenSlice<std::sync::Mutex<u8>>: Send, Sync);
assert_not_impl_any!(FrozenSlice<std::sync::Mutex<u8>>: Frozen);

/// A recursive type through `FrozenSlice` needs no bound on its definition.
#[allow(dead_code)]
struct Tree<T> {
    value: T,
    children: FrozenSlice<Tree<T>>,
}

#[test]
fn three_words_and_option_too() {
    assert_eq!(size_of::<FrozenSlice<u8>>(), 3 * size_of::<usize>());
    assert_eq!(size_of::<FrozenSlice<String>>(), 3 * size_of::<usize>());
    assert_eq!(
        size_of::<Option<FrozenSlice<u64>>>(),
        3 * size_of::<usize>()
    );
}

#[test]
fn static_and_empty_have_no_allocation_and_no_counter() {
    const DIGITS: FrozenSlice<u8> = FrozenSlice::from_static(&[0, 1, 2, 3]);
    const NONE: FrozenSlice<String> = FrozenSlice::new();
    static WORDS: [&str; 2] = ["a", "b"];
    let words = FrozenSlice::from_static(&WORDS);
    assert!(DIGITS.is_static() && NONE.is_static() && words.is_static());
    assert_eq!(DIGITS.strong_count(), None);
    assert_eq!(words.as_ptr(), WORDS.as_ptr());
    assert!(words.clone().ptr_eq(&words));
    assert!(NONE.is_empty());
    assert!(FrozenSlice::<u8>::default().is_empty());
    // Empty inputs never allocate.
    assert!(FrozenSlice::from(Vec::<u8>::new()).is_static());
    assert!(FrozenSlice::<u8>::from([]).is_static());
    assert!(FrozenSlice::<u8>::from(&[][..]).is_static());
    assert!(
        std::iter::empty::<u8>()
            .collect::<FrozenSlice<u8>>()
            .is_static()
    );
}

#[test]
fn constructors() {
    let expected = vec![String::from("a"), String::from("b"), String::from("c")];
    let from_vec = FrozenSlice::from(expected.clone());
    let from_slice = FrozenSlice::from(&expected[..]);
    let from_vec_ref = FrozenSlice::from(&expected);
    let from_array = FrozenSlice::from(["a", "b", "c"].map(String::from));
    let from_box = FrozenSlice::from(expected.clone().into_boxed_slice());
    let from_iter: FrozenSlice<String> = expected.iter().cloned().collect();
    for s in [
        from_vec,
        from_slice,
        from_vec_ref,
        from_array,
        from_box,
        from_iter,
    ] {
        assert_eq!(s, expected);
        assert!(!s.is_static());
        assert_eq!(s.strong_count(), Some(1));
        assert_eq!(s.len(), 3);
    }
}

#[test]
fn clone_shares_and_counts() {
    let a = FrozenSlice::from(vec![1, 2, 3]);
    let b = a.clone();
    assert!(a.ptr_eq(&b));
    assert_eq!(a.as_ptr(), b.as_ptr());
    assert_eq!(a.strong_count(), Some(2));
    drop(b);
    assert_eq!(a.strong_count(), Some(1));
    assert!(!a.ptr_eq(&FrozenSlice::from(vec![1, 2, 3])));
    assert!(!a.ptr_eq(&FrozenSlice::from_static(&[1, 2, 3])));
}

static ELEMENT_DROPS: AtomicUsize = AtomicUsize::new(0);

#[derive(Clone)]
struct Counted(#[allow(dead_code)] u32);

impl Drop for Counted {
    fn drop(&mut self) {
        ELEMENT_DROPS.fetch_add(1, Relaxed);
    }
}

#[test]
fn elements_are_moved_in_and_dropped_once_with_the_last_handle() {
    let a = FrozenSlice::from((0..10).map(Counted).collect::<Vec<_>>());
    assert_eq!(ELEMENT_DROPS.load(Relaxed), 0); // moved, not cloned and dropped
    let b = a.clone();
    drop(a);
    assert_eq!(ELEMENT_DROPS.load(Relaxed), 0);
    drop(b);
    assert_eq!(ELEMENT_DROPS.load(Relaxed), 10);
}

#[test]
fn zero_sized_elements() {
    let units = FrozenSlice::from(vec![(); 1000]);
    assert_eq!(units.len(), 1000);
    assert_eq!(units.iter().count(), 1000);
    assert!(units.clone().ptr_eq(&units));
    assert_eq!(units, vec![(); 1000]);
}

#[test]
fn deref_index_as_ref_borrow() {
    let s = FrozenSlice::from([5, 3, 8]);
    assert_eq!(s[2], 8);
    assert_eq!(&s[..2], [5, 3]);
    assert_eq!(s.iter().max(), Some(&8));
    assert!(s.contains(&3));
    let r: &[i32] = s.as_ref();
    let b: &[i32] = s.borrow();
    assert_eq!(r, b);
    assert_eq!(s.as_slice(), [5, 3, 8]);
    assert_eq!(s.to_vec(), vec![5, 3, 8]);
    assert_eq!(Vec::from(s), vec![5, 3, 8]);
}

#[test]
fn hash_eq_ord_like_slices() {
    let state = RandomState::new();
    let a = FrozenSlice::from(vec![1, 2]);
    let b = FrozenSlice::from_static(&[1, 3]);
    assert_eq!(state.hash_one(&a), state.hash_one(&[1, 2][..]));
    assert_eq!(state.hash_one(&a), state.hash_one(vec![1, 2]));
    assert!(a < b);
    assert_eq!(a.cmp(&a.clone()), std::cmp::Ordering::Equal);
    assert_eq!(b.partial_cmp(&a), Some(std::cmp::Ordering::Greater));

    let set: HashSet<FrozenSlice<i32>> = [a.clone(), b.clone()].into();
    assert!(set.contains(&[1, 3][..]));
    let ordered: BTreeSet<FrozenSlice<i32>> = [b.clone(), a.clone()].into();
    assert!(ordered.contains(&[1, 2][..]));
}

#[test]
fn nan_elements_and_the_pointer_fast_path() {
    let nan = FrozenSlice::from(vec![f64::NAN]);
    assert_eq!(nan, nan.clone()); // shared storage: equal without comparing
    assert_ne!(nan, FrozenSlice::from(vec![f64::NAN])); // compared element by element
}

#[test]
fn partial_eq_with_std_types_both_ways() {
    let s = FrozenSlice::from(vec![1, 2]);
    let v = vec![1, 2];
    let slice: &[i32] = &[1, 2];
    assert!(s == *slice && s == slice && s == v && s == [1, 2]);
    assert_eq!(s, &[1, 2]); // `PartialEq<&[T; N]>`
    assert!(*slice == s && slice == s && v == s && [1, 2] == s);
    assert!(s != [2, 1]);
}

#[test]
fn debug_like_a_slice() {
    let s = FrozenSlice::from(vec!["a", "b"]);
    assert_eq!(format!("{s:?}"), r#"["a", "b"]"#);
    assert_eq!(format!("{:?}", FrozenSlice::<u8>::new()), "[]");
    assert_eq!(format!("{:#?}", FrozenSlice::from([1])), "[\n    1,\n]");
}

#[test]
fn iteration_borrowed_and_owned() {
    let words = FrozenSlice::from(vec![
        String::from("x"),
        String::from("y"),
        String::from("z"),
    ]);
    let borrowed: Vec<&String> = (&words).into_iter().collect();
    assert_eq!(borrowed, ["x", "y", "z"]);
    for w in &words {
        assert_eq!(w.len(), 1);
    }

    let mut owned = words.clone().into_iter();
    assert_eq!(words.strong_count(), Some(2)); // the iterator shares the allocation
    assert_eq!(owned.len(), 3);
    assert_eq!(owned.next().as_deref(), Some("x"));
    assert_eq!(owned.next_back().as_deref(), Some("z"));
    assert_eq!(owned.as_slice(), ["y"]);
    assert_eq!(format!("{owned:?}"), r#"IntoIter(["y"])"#);
    assert_eq!(owned.clone().collect::<Vec<_>>(), ["y"]);
    assert_eq!(owned.size_hint(), (1, Some(1)));
    assert_eq!(owned.next().as_deref(), Some("y"));
    assert_eq!(owned.next(), None);
    assert_eq!(owned.next_back(), None);
    drop(owned);
    assert_eq!(words.strong_count(), Some(1));
    assert_eq!(words, ["x", "y", "z"].map(String::from)); // elements were cloned, not moved
}

#[test]
fn clones_shared_across_scoped_threads() {
    let table = FrozenSlice::from(
        (0..1000_u64)
            .map(|i| FrozenStr::from(i.to_string()))
            .collect::<Vec<_>>(),
    );
    let totals: Vec<usize> = thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let mine = table.clone();
                scope.spawn(move || {
                    let copies: Vec<_> = (0..10).map(|_| mine.clone()).collect();
                    copies[9].iter().map(|s| s.len()).sum()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert_eq!(totals, [10 + 90 * 2 + 900 * 3; 4]);
    assert_eq!(table.strong_count(), Some(1));
}

/// Heap data lent out as `'static` for one test case and freed afterwards, so that Miri sees no
/// leak. Declare it before every handle to the data: locals are dropped in reverse order.
struct Lent<T: ?Sized>(*mut T);

impl<T: ?Sized> Lent<T> {
    fn new(data: Box<T>) -> Self {
        Self(Box::into_raw(data))
    }

    /// # Safety
    ///
    /// - The reference, and every handle made from it, must be gone before `self` is dropped.
    unsafe fn get(&self) -> &'static T {
        // SAFETY:
        // - `self.0` came from `Box::into_raw` and stays allocated until `self` is dropped, which
        //   the caller guarantees happens after the last use of the reference.
        unsafe { &*self.0 }
    }
}

impl<T: ?Sized> Drop for Lent<T> {
    fn drop(&mut self) {
        // SAFETY:
        // - `self.0` came from `Box::into_raw` and is freed once, here; no reference to it is
        //   used any more (the contract of `get`).
        drop(unsafe { Box::from_raw(self.0) });
    }
}

proptest! {
    #[test]
    fn behaves_like_vec(v in proptest::collection::vec(any::<i16>(), 0..40), w in proptest::collection::vec(any::<i16>(), 0..40)) {
        let state = RandomState::new();
        let lent = Lent::new(v.clone().into_boxed_slice());
        let all = [
            FrozenSlice::from(v.clone()),
            FrozenSlice::from(&v[..]),
            v.iter().copied().collect(),
            // SAFETY: `lent` is declared before every handle, so it is dropped after all of them.
            FrozenSlice::from_static(unsafe { lent.get() }),
        ];
        let other = FrozenSlice::from(w.clone());
        for s in all {
            prop_assert_eq!(&s[..], &v[..]);
            prop_assert_eq!(s.len(), v.len());
            prop_assert_eq!(s.is_empty(), v.is_empty());
            prop_assert_eq!(state.hash_one(&s), state.hash_one(&v));
            prop_assert_eq!(format!("{s:?}"), format!("{v:?}"));
            prop_assert_eq!(s == other, v == w);
            prop_assert_eq!(s.cmp(&other), v.cmp(&w));
            prop_assert_eq!(s.partial_cmp(&other), v.partial_cmp(&w));
            prop_assert_eq!(s.clone().into_iter().collect::<Vec<_>>(), v.clone());
            prop_assert_eq!(s.clone().into_iter().rev().collect::<Vec<_>>(), v.iter().rev().copied().collect::<Vec<_>>());
            prop_assert_eq!(Vec::from(s), v.clone());
        }
    }
}

/// Live `Fuse` values, and how many more clones succeed before one panics.
static FUSES_LIVE: AtomicUsize = AtomicUsize::new(0);
static CLONES_LEFT: AtomicUsize = AtomicUsize::new(usize::MAX);

/// An element whose `clone` panics once `CLONES_LEFT` runs out; every value is counted.
struct Fuse(u32);

impl Fuse {
    fn new(value: u32) -> Self {
        FUSES_LIVE.fetch_add(1, Relaxed);
        Self(value)
    }
}

impl Clone for Fuse {
    fn clone(&self) -> Self {
        if CLONES_LEFT.fetch_sub(1, Relaxed) == 0 {
            CLONES_LEFT.store(usize::MAX, Relaxed);
            panic!("clone fuse");
        }
        Self::new(self.0)
    }
}

impl Drop for Fuse {
    fn drop(&mut self) {
        FUSES_LIVE.fetch_sub(1, Relaxed);
    }
}

#[test]
fn from_a_borrowed_slice_leaks_nothing_when_a_clone_panics() {
    let source: Vec<Fuse> = (0..6).map(Fuse::new).collect();
    for k in 0..source.len() {
        CLONES_LEFT.store(k, Relaxed);
        let caught = std::panic::catch_unwind(|| FrozenSlice::from(source.as_slice()));
        assert!(caught.is_err(), "clone {k} panics");
        // The k clones made before the panic were dropped again; Miri checks the allocation.
        assert_eq!(
            FUSES_LIVE.load(Relaxed),
            source.len(),
            "after a panic at clone {k}"
        );
    }
    CLONES_LEFT.store(usize::MAX, Relaxed);
    let copy = FrozenSlice::from(source.as_slice());
    assert_eq!(
        copy.iter().map(|f| f.0).collect::<Vec<_>>(),
        [0, 1, 2, 3, 4, 5]
    );
    assert_eq!(FUSES_LIVE.load(Relaxed), 2 * source.len());
    drop(copy);
    assert_eq!(FUSES_LIVE.load(Relaxed), source.len());
}
