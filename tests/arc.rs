//! `FrozenArc` and `arc::UniqueArc`: every method and trait, sizes, auto traits, threads.

use std::cell::Cell;
use std::collections::{BTreeSet, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::mem::size_of;
use std::rc::Rc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::thread;

use deepfreeze::arc::UniqueArc;
use deepfreeze::{Frozen, FrozenArc};
use static_assertions::{assert_impl_all, assert_not_impl_any};

assert_impl_all!(FrozenArc<u64>: Send, Sync, Frozen, Clone, Unpin);
assert_impl_all!(FrozenArc<String>: Frozen, Default, std::hash::Hash, Ord);
assert_impl_all!(FrozenArc<FrozenArc<Vec<u8>>>: Frozen);
assert_not_impl_any!(FrozenArc<Cell<u8>>: Send, Sync, Frozen);
assert_not_impl_any!(FrozenArc<Rc<u8>>: Send, Sync, Frozen);
// `Mutex` is `Send + Sync` but not `Frozen`: a handle to it is shareable, never frozen.
assert_impl_all!(FrozenArc<Mutex<u8>>: Send, Sync);
assert_not_impl_any!(FrozenArc<Mutex<u8>>: Frozen);
assert_impl_all!(UniqueArc<u64>: Send, Sync, Frozen);
// Unique ownership: like `Box`, `Send` needs only `T: Send`.
assert_impl_all!(UniqueArc<Cell<u8>>: Send);
assert_not_impl_any!(UniqueArc<Cell<u8>>: Sync, Frozen);
assert_not_impl_any!(UniqueArc<Rc<u8>>: Send, Sync);

#[test]
fn one_pointer_wide_and_option_too() {
    assert_eq!(size_of::<FrozenArc<u64>>(), size_of::<usize>());
    assert_eq!(size_of::<Option<FrozenArc<u64>>>(), size_of::<usize>());
    assert_eq!(size_of::<FrozenArc<[u8; 1024]>>(), size_of::<usize>());
    assert_eq!(size_of::<Option<FrozenArc<String>>>(), size_of::<usize>());
    assert_eq!(size_of::<UniqueArc<u64>>(), size_of::<usize>());
}

#[test]
fn new_deref_clone_and_counts() {
    let a = FrozenArc::new(String::from("shared"));
    assert_eq!(&*a, "shared");
    assert_eq!(a.len(), 6); // `String` methods through `Deref`
    assert_eq!(FrozenArc::strong_count(&a), 1);
    let b = a.clone();
    let c = b.clone();
    assert_eq!(FrozenArc::strong_count(&a), 3);
    assert!(FrozenArc::ptr_eq(&a, &b) && FrozenArc::ptr_eq(&b, &c));
    assert_eq!(FrozenArc::as_ptr(&a), FrozenArc::as_ptr(&c));
    assert_eq!(FrozenArc::as_ptr(&a), &*a as *const String);
    drop(b);
    drop(c);
    assert_eq!(FrozenArc::strong_count(&a), 1);

    let other = FrozenArc::new(String::from("shared"));
    assert!(!FrozenArc::ptr_eq(&a, &other));
    assert_ne!(FrozenArc::as_ptr(&a), FrozenArc::as_ptr(&other));
}

static VALUE_DROPS: AtomicUsize = AtomicUsize::new(0);

struct Counted;

impl Drop for Counted {
    fn drop(&mut self) {
        VALUE_DROPS.fetch_add(1, Relaxed);
    }
}

#[test]
fn the_value_is_dropped_once_with_the_last_handle() {
    let a = FrozenArc::new(Counted);
    let handles: Vec<_> = (0..10).map(|_| a.clone()).collect();
    drop(a);
    assert_eq!(VALUE_DROPS.load(Relaxed), 0);
    drop(handles);
    assert_eq!(VALUE_DROPS.load(Relaxed), 1);
}

#[test]
fn borrow_and_as_ref() {
    let a = FrozenArc::new(String::from("key"));
    let as_ref: &String = a.as_ref();
    assert_eq!(as_ref, "key");

    // `Borrow<T>`: a set of handles is searched with `&T`.
    let set: HashSet<FrozenArc<String>> = [a.clone(), FrozenArc::new("other".into())].into();
    assert!(set.contains(&String::from("key")));
    assert!(!set.contains(&String::from("missing")));
    let ordered: BTreeSet<FrozenArc<u32>> = [3, 1, 2].into_iter().map(FrozenArc::new).collect();
    assert!(ordered.contains(&2));
}

#[test]
fn comparisons_are_by_value() {
    let a = FrozenArc::new(5);
    let five = FrozenArc::new(5);
    let six = FrozenArc::new(6);
    assert_eq!(a, five);
    assert_ne!(a, six);
    assert!(a < six && six > five);
    assert_eq!(a.cmp(&five), std::cmp::Ordering::Equal);
    assert_eq!(a.cmp(&a.clone()), std::cmp::Ordering::Equal);
    assert_eq!(six.partial_cmp(&a), Some(std::cmp::Ordering::Greater));

    let mut sorted = vec![FrozenArc::new(3), FrozenArc::new(1), FrozenArc::new(2)];
    sorted.sort();
    assert_eq!(
        sorted,
        [FrozenArc::new(1), FrozenArc::new(2), FrozenArc::new(3)]
    );
}

#[test]
fn pointer_fast_path_makes_a_nan_handle_equal_its_clones() {
    let nan = FrozenArc::new(f64::NAN);
    assert_eq!(nan, nan.clone()); // same allocation: equal without comparing
    assert_ne!(nan, FrozenArc::new(f64::NAN)); // a different allocation compares the values
    assert_eq!(
        nan.partial_cmp(&nan.clone()),
        Some(std::cmp::Ordering::Equal)
    );
    assert_eq!(nan.partial_cmp(&FrozenArc::new(f64::NAN)), None);
}

#[test]
fn hash_is_the_values_hash() {
    let state = RandomState::new();
    let a = FrozenArc::new(String::from("hash me"));
    assert_eq!(state.hash_one(&a), state.hash_one(String::from("hash me")));
    assert_eq!(state.hash_one(&a), state.hash_one(a.clone()));
}

#[test]
fn formatting_delegates_to_the_value() {
    let a = FrozenArc::new(String::from("tab\there"));
    assert_eq!(format!("{a}"), "tab\there");
    assert_eq!(format!("{a:?}"), "\"tab\\there\"");
    assert_eq!(format!("{:>5}", FrozenArc::new(42)), "   42");
    assert_eq!(format!("{a:p}"), format!("{:p}", FrozenArc::as_ptr(&a)));
}

#[test]
fn default_and_from() {
    let d: FrozenArc<Vec<u8>> = FrozenArc::default();
    assert!(d.is_empty());
    let f: FrozenArc<&str> = "value".into();
    assert_eq!(*f, "value");
    let u: FrozenArc<u8> = UniqueArc::new(9).into();
    assert_eq!(*u, 9);
}

#[test]
fn try_unwrap_into_inner_unwrap_or_clone() {
    let a = FrozenArc::new(vec![1]);
    assert_eq!(FrozenArc::try_unwrap(a), Ok(vec![1]));

    let a = FrozenArc::new(vec![2]);
    let b = a.clone();
    let a = FrozenArc::try_unwrap(a).unwrap_err();
    assert_eq!(FrozenArc::strong_count(&b), 2);
    assert_eq!(FrozenArc::into_inner(a), None);
    assert_eq!(FrozenArc::strong_count(&b), 1);
    assert_eq!(FrozenArc::into_inner(b), Some(vec![2]));

    let a = FrozenArc::new(String::from("x"));
    let b = a.clone();
    let cloned = FrozenArc::unwrap_or_clone(a);
    assert_eq!(cloned, "x");
    assert_eq!(FrozenArc::strong_count(&b), 1); // the shared handle was released
    let address = b.as_ptr();
    let moved = FrozenArc::unwrap_or_clone(b);
    assert_eq!(moved.as_ptr(), address); // the last handle moves the value out, no clone
}

#[test]
fn into_inner_gives_the_value_to_exactly_one_thread() {
    for _ in 0..if cfg!(miri) { 4 } else { 200 } {
        let a = FrozenArc::new(String::from("once"));
        let b = a.clone();
        let (x, y) = thread::scope(|scope| {
            let x = scope.spawn(move || FrozenArc::into_inner(a));
            let y = scope.spawn(move || FrozenArc::into_inner(b));
            (x.join().unwrap(), y.join().unwrap())
        });
        assert!(x.is_some() != y.is_some(), "{x:?} {y:?}");
    }
}

#[test]
fn get_mut_only_when_unique() {
    let mut a = FrozenArc::new(1);
    *FrozenArc::get_mut(&mut a).unwrap() = 10;
    assert_eq!(*a, 10);
    let b = a.clone();
    assert!(FrozenArc::get_mut(&mut a).is_none());
    drop(b);
    assert!(FrozenArc::get_mut(&mut a).is_some());
}

#[test]
fn make_mut_clones_on_write() {
    let mut mine = FrozenArc::new(vec![1, 2]);
    let theirs = mine.clone();
    FrozenArc::make_mut(&mut mine).push(3);
    assert_eq!(*mine, [1, 2, 3]);
    assert_eq!(*theirs, [1, 2]);
    assert!(!FrozenArc::ptr_eq(&mine, &theirs));
    assert_eq!(FrozenArc::strong_count(&theirs), 1);

    let before = FrozenArc::as_ptr(&mine);
    FrozenArc::make_mut(&mut mine).push(4); // unique: in place
    assert_eq!(FrozenArc::as_ptr(&mine), before);
    assert_eq!(*mine, [1, 2, 3, 4]);
}

#[test]
fn unique_arc_builds_in_place_then_freezes() {
    let mut unique = UniqueArc::new(Vec::new());
    unique.push(1);
    unique.as_mut().push(2);
    assert_eq!(unique.as_ref(), &[1, 2]);
    assert_eq!(*unique, [1, 2]);
    assert_eq!(format!("{unique:?}"), "[1, 2]");
    let address = &*unique as *const Vec<i32>;
    let frozen = UniqueArc::freeze(unique);
    assert_eq!(FrozenArc::as_ptr(&frozen), address);
    assert_eq!(FrozenArc::strong_count(&frozen), 1);

    assert_eq!(UniqueArc::into_inner(UniqueArc::new(5)), 5);
    assert_eq!(*UniqueArc::<String>::default(), "");
    assert_eq!(format!("{}", UniqueArc::from(7)), "7");
}

#[test]
fn unique_arc_uninit_then_init() {
    let mut slot = UniqueArc::<[u64; 64]>::new_uninit();
    let place = UniqueArc::as_mut_ptr(&mut slot);
    for i in 0..64 {
        // `wrapping_add` keeps the provenance; in bounds because `i < 64`.
        let element = place.cast::<u64>().wrapping_add(i);
        // SAFETY: `element` points into the `[u64; 64]` allocation: aligned, writable, in bounds.
        unsafe { element.write(i as u64) };
    }
    // SAFETY: all 64 elements were written above.
    let table = unsafe { UniqueArc::assume_init(slot) };
    let table = UniqueArc::freeze(table);
    assert_eq!(table.iter().sum::<u64>(), 64 * 63 / 2);

    let mut slot = UniqueArc::<String>::new_uninit();
    slot.write(String::from("written"));
    // SAFETY: written just above.
    let s = unsafe { UniqueArc::assume_init(slot) };
    assert_eq!(*s, "written");
}

#[test]
fn clones_shared_across_scoped_threads() {
    let shared = FrozenArc::new((0..1_000_u64).collect::<Vec<_>>());
    let sums: Vec<u64> = thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let mine = shared.clone();
                scope.spawn(move || {
                    let copies: Vec<_> = (0..50).map(|_| mine.clone()).collect();
                    copies.iter().map(|c| c.iter().sum::<u64>()).max().unwrap()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert_eq!(sums, [499_500; 4]);
    assert_eq!(FrozenArc::strong_count(&shared), 1);
}

#[test]
fn a_frozen_graph_crosses_threads_without_copying() {
    let graph = FrozenArc::new(vec![FrozenArc::new(String::from("leaf")); 3]);
    let inner = FrozenArc::as_ptr(&graph[0]).addr();
    let seen = thread::spawn({
        let graph = graph.clone();
        move || FrozenArc::as_ptr(&graph[1]).addr()
    })
    .join()
    .unwrap();
    assert_eq!(seen, inner);
    assert_eq!(FrozenArc::strong_count(&graph[0]), 3);
}
