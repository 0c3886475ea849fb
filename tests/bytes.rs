//! `FrozenBytes`: sharing sub-slices, zero-copy `Vec` round trips, every method and trait,
//! threads, and a model-based property test against `Vec<u8>`.

use std::borrow::Borrow;
use std::collections::{BTreeSet, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::mem::size_of;
use std::thread;

use deepfreeze::{Frozen, FrozenBytes, FrozenStr};
use proptest::prelude::*;
use static_assertions::assert_impl_all;

assert_impl_all!(FrozenBytes: Send, Sync, Frozen, Clone, Unpin, Default, Ord, std::hash::Hash);
assert_impl_all!(deepfreeze::bytes::IntoIter: Send, Sync, Clone, ExactSizeIterator, DoubleEndedIterator);

const LONG: &str = "a string well over fifteen bytes long";

#[test]
fn four_words_and_option_too() {
    assert_eq!(size_of::<FrozenBytes>(), 4 * size_of::<usize>());
    assert_eq!(size_of::<Option<FrozenBytes>>(), size_of::<FrozenBytes>());
}

#[test]
fn from_static_and_new() {
    const MAGIC: FrozenBytes = FrozenBytes::from_static(b"\x7fELF");
    const EMPTY: FrozenBytes = FrozenBytes::new();
    assert_eq!(MAGIC, b"\x7fELF");
    assert_eq!(MAGIC.as_ptr(), b"\x7fELF".as_ptr()); // no copy
    assert!(EMPTY.is_empty());
    assert_eq!(EMPTY.len(), 0);
    assert_eq!(FrozenBytes::default(), EMPTY);
}

#[test]
fn vec_goes_in_and_out_without_copying() {
    let vec = b"zero copy please".to_vec();
    let address = vec.as_ptr();
    let frozen = FrozenBytes::from(vec);
    assert_eq!(frozen.as_ptr(), address);
    let back = Vec::from(frozen);
    assert_eq!(back.as_ptr(), address);
    assert_eq!(back, b"zero copy please");

    // A unique sub-slice takes the buffer back too, trimmed to the view.
    let frozen = FrozenBytes::from(b"0123456789".to_vec());
    let address = frozen.as_ptr();
    let middle = frozen.slice(2..6);
    drop(frozen);
    let back = Vec::from(middle);
    assert_eq!(back, b"2345");
    assert_eq!(back.as_ptr(), address);

    // Shared: copied, and the other handle is unaffected.
    let frozen = FrozenBytes::from(b"shared".to_vec());
    let other = frozen.clone();
    let copy = Vec::from(frozen);
    assert_ne!(copy.as_ptr(), other.as_ptr());
    assert_eq!(copy, b"shared");
    assert_eq!(other, b"shared");

    // String and Box<[u8]> move in the same way.
    let s = String::from(LONG);
    let address = s.as_ptr();
    let moved = FrozenBytes::from(s);
    assert_eq!(moved.as_ptr(), address);
    let boxed: Box<[u8]> = b"boxed bytes".to_vec().into_boxed_slice();
    let address = boxed.as_ptr();
    let moved = FrozenBytes::from(boxed);
    assert_eq!(moved.as_ptr(), address);
}

#[test]
fn copies_from_slices_and_strs() {
    let source = b"copied".to_vec();
    for frozen in [
        FrozenBytes::copy_from_slice(&source),
        FrozenBytes::from(&source[..]),
        FrozenBytes::from(b"copied"),
        FrozenBytes::from("copied"),
    ] {
        assert_eq!(frozen, source);
        assert_ne!(frozen.as_ptr(), source.as_ptr());
    }
    assert!(FrozenBytes::copy_from_slice(&[]).is_empty());
    assert!(FrozenBytes::from(Vec::new()).is_empty());
    // Static and copied and moved-in bytes all come back as vectors.
    assert_eq!(Vec::from(FrozenBytes::from_static(b"static")), b"static");
    assert_eq!(Vec::from(FrozenBytes::from("thin")), b"thin");
}

#[test]
fn from_frozen_str_shares_heap_and_static_strings() {
    let heap = FrozenStr::new(LONG);
    let bytes = FrozenBytes::from(heap.clone());
    assert_eq!(bytes.as_ptr(), heap.as_ptr());
    assert_eq!(heap.strong_count(), Some(2));
    drop(bytes);
    assert_eq!(heap.strong_count(), Some(1));

    let literal = FrozenStr::from_static(LONG);
    let shared = FrozenBytes::from(literal);
    assert_eq!(shared.as_ptr(), LONG.as_ptr());

    let inline = FrozenStr::new("short");
    assert_eq!(FrozenBytes::from(inline), b"short");
}

#[test]
fn slices_share_the_buffer() {
    let all = FrozenBytes::from(b"0123456789".to_vec());
    let base = all.as_ptr();
    assert_eq!(all.slice(..), all);
    assert!(all.slice(..).ptr_eq(&all));
    let mid = all.slice(3..7);
    assert_eq!(mid, b"3456");
    assert_eq!(mid.as_ptr(), base.wrapping_add(3));
    assert_eq!(mid.slice(1..=2), b"45");
    assert_eq!(all.slice(..=0), b"0");
    assert_eq!(all.slice(9..), b"9");
    assert_eq!(all.slice(10..), b"");
    assert_eq!(
        all.slice((std::ops::Bound::Excluded(1), std::ops::Bound::Included(3))),
        b"23"
    );
    assert!(!mid.ptr_eq(&all));
}

#[test]
#[should_panic(expected = "range end out of bounds")]
fn slice_panics_past_the_end() {
    let _ = FrozenBytes::from_static(b"abc").slice(1..4);
}

#[test]
#[should_panic(expected = "range start must not be greater than end")]
fn slice_panics_on_a_decreasing_range() {
    #[allow(clippy::reversed_empty_ranges)]
    let _ = FrozenBytes::from_static(b"abc").slice(2..1);
}

#[test]
fn slice_ref_finds_the_subset() {
    let line = FrozenBytes::from(b"key=value".to_vec());
    let value = line.slice_ref(&line[4..]);
    assert_eq!(value, b"value");
    assert_eq!(value.as_ptr(), line[4..].as_ptr());
    assert!(line.slice_ref(&[]).is_empty());
    assert!(line.slice_ref(&line).ptr_eq(&line));
}

#[test]
#[should_panic(expected = "subset is not inside")]
fn slice_ref_panics_outside() {
    let line = FrozenBytes::from(b"key=value".to_vec());
    let other = b"value".to_vec();
    let _ = line.slice_ref(&other);
}

#[test]
fn splits() {
    let packet = FrozenBytes::from(b"HEADbody".to_vec());
    let (head, body) = packet.split_at(4);
    assert_eq!((&head[..], &body[..]), (&b"HEAD"[..], &b"body"[..]));
    assert_eq!(packet, b"HEADbody");
    assert_eq!(packet.split_at(0).0, b"");
    assert_eq!(packet.split_at(8).1, b"");

    let mut rest = packet.clone();
    let verb = rest.split_to(2);
    assert_eq!(verb, b"HE");
    assert_eq!(rest, b"ADbody");
    let mut front = rest.clone();
    let tail = front.split_off(2);
    assert_eq!(front, b"AD");
    assert_eq!(tail, b"body");
    assert_eq!(tail.as_ptr(), packet.as_ptr().wrapping_add(4));

    let mut t = FrozenBytes::from_static(b"truncate");
    t.truncate(100);
    assert_eq!(t, b"truncate");
    t.truncate(5);
    assert_eq!(t, b"trunc");
    t.truncate(0);
    assert!(t.is_empty());
    let mut c = packet.clone();
    c.clear();
    assert!(c.is_empty());
    assert_eq!(packet, b"HEADbody");
}

#[test]
#[should_panic(expected = "split point out of bounds")]
fn split_at_panics_past_the_end() {
    let _ = FrozenBytes::from_static(b"ab").split_at(3);
}

#[test]
#[should_panic(expected = "split point out of bounds")]
fn split_to_panics_past_the_end() {
    let _ = FrozenBytes::from_static(b"ab").split_to(3);
}

#[test]
#[should_panic(expected = "split point out of bounds")]
fn split_off_panics_past_the_end() {
    let _ = FrozenBytes::from_static(b"ab").split_off(3);
}

#[test]
fn debug_escapes_like_bytes_crate() {
    let all: Vec<u8> = (0..=255).collect();
    let ours = FrozenBytes::from(all.clone());
    assert_eq!(
        format!("{ours:?}"),
        format!("{:?}", bytes::Bytes::from(all))
    );
    assert_eq!(
        format!("{:?}", FrozenBytes::from_static(b"a\"b\\c\n\0\x7f")),
        r#"b"a\"b\\c\n\0\x7f""#
    );
}

#[test]
fn hash_eq_ord_like_slices() {
    let state = RandomState::new();
    let a = FrozenBytes::from(b"abc".to_vec());
    let b = FrozenBytes::from_static(b"abd");
    assert_eq!(state.hash_one(&a), state.hash_one(&b"abc"[..]));
    assert!(a < b);
    assert_eq!(a.cmp(&a.clone()), std::cmp::Ordering::Equal);
    assert_eq!(a.partial_cmp(&b), Some(std::cmp::Ordering::Less));
    assert_eq!(a, FrozenBytes::from("abc"));

    let set: HashSet<FrozenBytes> = [a.clone(), b.clone()].into();
    assert!(set.contains(&b"abc"[..]));
    let ordered: BTreeSet<FrozenBytes> = [b.clone(), a.clone()].into();
    assert!(ordered.contains(&b"abd"[..]));
    assert_eq!(ordered.first(), Some(&a));
}

#[test]
fn partial_eq_with_std_types_both_ways() {
    let f = FrozenBytes::from_static(b"xy");
    let v = b"xy".to_vec();
    let s: &[u8] = b"xy";
    assert!(f == *s && f == s && f == v && f == *b"xy");
    assert!(*s == f && s == f && v == f);
    assert!(f != b"xz"[..]);
}

#[test]
fn deref_as_ref_borrow() {
    let f = FrozenBytes::from(vec![3, 1, 2]);
    assert_eq!(f.iter().max(), Some(&3));
    assert_eq!(f[1], 1);
    let r: &[u8] = f.as_ref();
    let b: &[u8] = f.borrow();
    assert_eq!(r, b);
    assert_eq!(f.to_vec(), [3, 1, 2]);
}

#[test]
fn iteration() {
    let f = FrozenBytes::from_static(b"abc");
    let borrowed: Vec<&u8> = (&f).into_iter().collect();
    assert_eq!(borrowed, [&b'a', &b'b', &b'c']);
    let mut owned = f.clone().into_iter();
    assert_eq!(owned.len(), 3);
    assert_eq!(owned.next(), Some(b'a'));
    assert_eq!(owned.next_back(), Some(b'c'));
    assert_eq!(owned.size_hint(), (1, Some(1)));
    assert_eq!(format!("{owned:?}"), r#"IntoIter(b"b")"#);
    assert_eq!(owned.clone().into_bytes(), b"b");
    assert_eq!(owned.next(), Some(b'b'));
    assert_eq!(owned.next(), None);
    assert_eq!(owned.next_back(), None);
    let collected: FrozenBytes = (b'a'..=b'e').collect();
    assert_eq!(collected, b"abcde");
    let reversed: Vec<u8> = collected.into_iter().rev().collect();
    assert_eq!(reversed, b"edcba");
}

#[test]
fn clones_and_slices_shared_across_scoped_threads() {
    let frame = FrozenBytes::from((0..=255).collect::<Vec<u8>>());
    let sums: Vec<u64> = thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|i| {
                let part = frame.slice(i * 64..(i + 1) * 64);
                scope.spawn(move || {
                    let copies: Vec<FrozenBytes> = (0..8).map(|_| part.clone()).collect();
                    copies[7].iter().map(|&b| u64::from(b)).sum()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert_eq!(sums.iter().sum::<u64>(), 255 * 256 / 2);
    // Every worker's handles are gone: the buffer is ours alone again, and comes back uncopied.
    let address = frame.as_ptr();
    let back = Vec::from(frame);
    assert_eq!(back.as_ptr(), address);
}

// ---------------------------------------------------------------------------------------------
// Model-based property test: the same actions on `FrozenBytes` and `Vec<u8>`, compared after
// every step; snapshots taken before an action must never change (persistence).

#[derive(Debug, Clone)]
enum Action {
    Slice(usize, usize),
    SplitTo(usize),
    SplitOff(usize),
    SplitAtTakeSecond(usize),
    Truncate(usize),
    Clear,
    Snapshot,
    IntoVecAndBack,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Action::Slice(a, b)),
        any::<usize>().prop_map(Action::SplitTo),
        any::<usize>().prop_map(Action::SplitOff),
        any::<usize>().prop_map(Action::SplitAtTakeSecond),
        any::<usize>().prop_map(Action::Truncate),
        Just(Action::Clear),
        Just(Action::Snapshot),
        Just(Action::IntoVecAndBack),
    ]
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

#[derive(Debug, Clone)]
enum Source {
    Vec,
    Copy,
    Static,
    Str,
}

/// # Safety
///
/// - every handle made from `lent` must be dropped before `lent`.
unsafe fn make(source: &Source, data: &[u8], lent: &Lent<[u8]>) -> FrozenBytes {
    match source {
        Source::Vec => FrozenBytes::from(data.to_vec()),
        Source::Copy => FrozenBytes::copy_from_slice(data),
        // SAFETY: forwarded to the caller.
        Source::Static => FrozenBytes::from_static(unsafe { lent.get() }),
        Source::Str => {
            let text: String = data.iter().map(|&b| char::from(b'a' + b % 26)).collect();
            FrozenBytes::from(FrozenStr::from(text))
        }
    }
}

proptest! {
    #[test]
    fn behaves_like_vec(
        data in proptest::collection::vec(any::<u8>(), 0..64),
        source in prop_oneof![Just(Source::Vec), Just(Source::Copy), Just(Source::Static), Just(Source::Str)],
        actions in proptest::collection::vec(action(), 0..12),
    ) {
        let state = RandomState::new();
        let lent = Lent::new(data.clone().into_boxed_slice());
        // SAFETY: `lent` is declared before every handle, so it is dropped after all of them.
        let mut frozen = unsafe { make(&source, &data, &lent) };
        let mut model: Vec<u8> = frozen.to_vec();
        let mut snapshots: Vec<(FrozenBytes, Vec<u8>)> = Vec::new();
        for action in actions {
            let n = model.len();
            match action {
                Action::Slice(a, b) => {
                    let (a, b) = (a % (n + 1), b % (n + 1));
                    let (lo, hi) = (a.min(b), a.max(b));
                    frozen = frozen.slice(lo..hi);
                    model = model[lo..hi].to_vec();
                }
                Action::SplitTo(at) => {
                    let at = at % (n + 1);
                    let head = frozen.split_to(at);
                    let model_head: Vec<u8> = model.drain(..at).collect();
                    prop_assert_eq!(&head[..], &model_head[..]);
                }
                Action::SplitOff(at) => {
                    let at = at % (n + 1);
                    let tail = frozen.split_off(at);
                    prop_assert_eq!(&tail[..], &model.split_off(at)[..]);
                }
                Action::SplitAtTakeSecond(at) => {
                    let at = at % (n + 1);
                    let (head, tail) = frozen.split_at(at);
                    prop_assert_eq!(&head[..], &model[..at]);
                    frozen = tail;
                    model = model[at..].to_vec();
                }
                Action::Truncate(len) => {
                    let len = len % (n + 2);
                    frozen.truncate(len);
                    model.truncate(len);
                }
                Action::Clear => {
                    frozen.clear();
                    model.clear();
                }
                Action::Snapshot => snapshots.push((frozen.clone(), model.clone())),
                Action::IntoVecAndBack => frozen = FrozenBytes::from(Vec::from(frozen)),
            }
            prop_assert_eq!(&frozen[..], &model[..]);
            prop_assert_eq!(frozen.len(), model.len());
            prop_assert_eq!(frozen.is_empty(), model.is_empty());
            prop_assert_eq!(state.hash_one(&frozen), state.hash_one(&model[..]));
            prop_assert_eq!(format!("{frozen:?}"), format!("{:?}", bytes::Bytes::from(model.clone())));
            for (snapshot, expected) in &snapshots {
                prop_assert_eq!(&snapshot[..], &expected[..]);
                prop_assert_eq!(snapshot == &frozen, expected == &model);
                prop_assert_eq!(snapshot.cmp(&frozen), expected.cmp(&model));
            }
        }
        prop_assert_eq!(Vec::from(frozen.clone()), model.clone());
        let collected: FrozenBytes = model.iter().copied().collect();
        prop_assert_eq!(collected, frozen);
    }
}
