//! `FrozenStr`: representations, allocation-free literals and short strings (with a counting
//! global allocator), every method and trait, threads, and property tests against `String`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::{Borrow, Cow};
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::ffi::OsStr;
use std::hash::{BuildHasher, RandomState};
use std::mem::size_of;
use std::path::Path;
use std::sync::Arc;
use std::thread;

use deepfreeze::{Frozen, FrozenStr};
use proptest::prelude::*;
use static_assertions::assert_impl_all;

assert_impl_all!(FrozenStr: Send, Sync, Frozen, Clone, Unpin, Default, Ord, std::hash::Hash);

// ---------------------------------------------------------------------------------------------
// A global allocator that counts, per thread, the allocations and deallocations it serves.

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static DEALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn bump(counter: &'static std::thread::LocalKey<Cell<usize>>) {
    // `try_with`: the allocator may run while this thread's locals are being torn down.
    let _ = counter.try_with(|c| c.set(c.get() + 1));
}

// SAFETY:
// - every method forwards to `System` with the caller's arguments unchanged, so `System`'s
//   guarantees are ours; counting touches only a `const`-initialized thread-local `Cell<usize>`,
//   which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump(&ALLOCATIONS);
        // SAFETY: forwarded: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump(&ALLOCATIONS);
        // SAFETY: forwarded: the caller upholds `GlobalAlloc::alloc_zeroed`'s contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump(&ALLOCATIONS);
        // SAFETY: forwarded: the caller upholds `GlobalAlloc::realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        bump(&DEALLOCATIONS);
        // SAFETY: forwarded: the caller upholds `GlobalAlloc::dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns what it returned with the (allocations, deallocations) it made on this
/// thread.
fn counting<R>(f: impl FnOnce() -> R) -> (R, (usize, usize)) {
    let (a0, d0) = (ALLOCATIONS.get(), DEALLOCATIONS.get());
    let r = f();
    (r, (ALLOCATIONS.get() - a0, DEALLOCATIONS.get() - d0))
}

const LONG: &str = "a string well over fifteen bytes long";

// ---------------------------------------------------------------------------------------------
// Layout and representations.

#[test]
fn sixteen_bytes_and_option_too() {
    assert_eq!(size_of::<FrozenStr>(), 16);
    assert_eq!(size_of::<Option<FrozenStr>>(), 16);
    assert_eq!(size_of::<Option<Option<FrozenStr>>>(), 16);
}

#[test]
fn representation_is_chosen_by_source_and_length() {
    let literal = FrozenStr::from_static(LONG);
    assert!(literal.is_static() && !literal.is_inline() && !literal.is_heap());
    let short_literal = FrozenStr::from_static("hi");
    assert!(short_literal.is_static());

    for len in 0..=15 {
        let s = FrozenStr::new(&"x".repeat(len));
        assert!(s.is_inline() && !s.is_static() && !s.is_heap(), "{len}");
        assert_eq!(s.len(), len);
    }
    for len in [16, 17, 100] {
        let s = FrozenStr::new(&"y".repeat(len));
        assert!(s.is_heap() && !s.is_inline() && !s.is_static(), "{len}");
        assert_eq!(s.len(), len);
    }
    // 15 bytes of multi-byte characters stay inline; 16 do not.
    assert!(FrozenStr::new("ééééééé€").is_heap());
    assert_eq!("ééééééé€".len(), 17);
    assert!(FrozenStr::new("éééééé€").is_inline()); // 15 bytes
    assert_eq!("éééééé€".len(), 15);
}

// ---------------------------------------------------------------------------------------------
// No allocation and no counter for literals and short strings.

#[test]
fn literals_allocate_nothing_to_make_clone_or_drop() {
    let ((), counts) = counting(|| {
        let s = FrozenStr::from_static(LONG);
        let clones: Vec<FrozenStr> = Vec::with_capacity(64);
        let mut clones = std::hint::black_box(clones);
        let ((), inner) = counting(|| {
            for _ in 0..64 {
                clones.push(s.clone());
            }
            let sub = s.slice(2..20);
            assert!(sub.is_static());
            let whole = s.slice(..);
            assert!(whole.ptr_eq(&s));
            assert_eq!(s.as_static_str(), Some(LONG));
            drop(sub);
            drop(whole);
            clones.truncate(1);
        });
        assert_eq!(inner, (0, 0));
        drop(clones);
    });
    // The only traffic was the `Vec` of clones.
    assert_eq!(counts, (1, 1));
}

#[test]
fn constant_literals_allocate_nothing() {
    const NAME: FrozenStr = FrozenStr::from_static("a const FrozenStr, longer than 15");
    let (eq, counts) = counting(|| {
        let a = NAME;
        let b = a.clone();
        let equal = a == b && b == NAME && a.ptr_eq(&NAME);
        drop((a, b));
        equal
    });
    assert!(eq);
    assert_eq!(counts, (0, 0));
}

#[test]
fn short_strings_allocate_nothing() {
    let ((), counts) = counting(|| {
        let s = FrozenStr::new("fifteen bytes!!");
        let c = s.clone();
        let from_char = FrozenStr::from('€');
        let default = FrozenStr::default();
        let appended = FrozenStr::new("short").with_appended(" too");
        let sliced = FrozenStr::new("short string").slice(6..);
        let parsed: FrozenStr = "parsed".parse().unwrap();
        assert_eq!(c, "fifteen bytes!!");
        assert_eq!(from_char, "€");
        assert_eq!(default, "");
        assert_eq!(appended, "short too");
        assert_eq!(sliced, "string");
        assert_eq!(parsed, "parsed");
        assert!(
            [&s, &c, &from_char, &default, &appended, &sliced, &parsed]
                .iter()
                .all(|s| s.is_inline())
        );
    });
    assert_eq!(counts, (0, 0));
}

#[test]
fn a_heap_string_is_one_allocation_shared_by_its_clones() {
    let (s, counts) = counting(|| FrozenStr::new(LONG));
    assert_eq!(counts, (1, 0));
    let (clones, counts) = counting(|| (0..10).map(|_| s.clone()).collect::<Vec<_>>());
    assert_eq!(counts, (1, 0)); // the `Vec` only
    assert_eq!(s.strong_count(), Some(11));
    assert!(clones.iter().all(|c| c.ptr_eq(&s)));
    drop(clones);
    assert_eq!(s.strong_count(), Some(1));
    let ((), counts) = counting(|| drop(s));
    assert_eq!(counts, (0, 1));
}

#[test]
fn only_heap_strings_have_a_counter() {
    let heap = FrozenStr::new(LONG);
    let inline = FrozenStr::new("inline");
    let literal = FrozenStr::from_static(LONG);
    let (h2, i2, l2) = (heap.clone(), inline.clone(), literal.clone());
    assert_eq!(heap.strong_count(), Some(2));
    assert_eq!(inline.strong_count(), None);
    assert_eq!(literal.strong_count(), None);
    drop((h2, i2, l2));
    assert_eq!(heap.strong_count(), Some(1));
}

// ---------------------------------------------------------------------------------------------
// Methods.

#[test]
fn as_str_len_is_empty_deref() {
    for s in [
        FrozenStr::from_static("static"),
        FrozenStr::new("inline ünï"),
        FrozenStr::new(LONG),
    ] {
        let text: &str = s.as_str();
        assert_eq!(&*s, text);
        assert_eq!(s.len(), text.len());
        assert!(!s.is_empty());
        assert_eq!(s.to_uppercase(), text.to_uppercase()); // `str` methods through `Deref`
    }
    assert!(FrozenStr::from_static("").is_empty());
    assert!(FrozenStr::new("").is_empty());
}

#[test]
fn ptr_eq_means_shared_storage() {
    let heap = FrozenStr::new(LONG);
    assert!(heap.ptr_eq(&heap.clone()));
    assert!(!heap.ptr_eq(&FrozenStr::new(LONG)));
    assert!(!heap.ptr_eq(&FrozenStr::from_static(LONG)));

    let literal = FrozenStr::from_static(LONG);
    assert!(literal.ptr_eq(&FrozenStr::from_static(LONG)));
    assert!(!literal.ptr_eq(&FrozenStr::from_static(&LONG[..5])));

    let inline = FrozenStr::new("abc");
    assert!(inline.ptr_eq(&inline.clone()));
    assert!(inline.ptr_eq(&FrozenStr::new("abc")));
    assert!(!inline.ptr_eq(&FrozenStr::new("abd")));
    assert!(!inline.ptr_eq(&FrozenStr::from_static("abc")));
}

#[test]
fn slice_shares_literals_copies_otherwise() {
    let literal = FrozenStr::from_static("hello, wonderful world");
    let tail = literal.slice(7..);
    assert!(tail.is_static());
    assert_eq!(tail, "wonderful world");

    let heap = FrozenStr::new("hello, wonderful world");
    assert!(heap.slice(..).ptr_eq(&heap));
    let long_part = heap.slice(..=16);
    assert_eq!(long_part, "hello, wonderful ");
    assert!(long_part.is_heap() && !long_part.ptr_eq(&heap));
    let short_part = heap.slice(7..16);
    assert_eq!(short_part, "wonderful");
    assert!(short_part.is_inline());
    assert_eq!(heap.slice(3..3), "");

    let inline = FrozenStr::new("ünï");
    assert_eq!(inline.slice(2..), "nï");
}

#[test]
#[should_panic]
fn slice_panics_off_a_char_boundary() {
    let _ = FrozenStr::new("ünï").slice(1..);
}

#[test]
#[should_panic]
fn slice_panics_out_of_bounds() {
    let _ = FrozenStr::new(LONG).slice(..LONG.len() + 1);
}

#[test]
fn with_appended_is_persistent() {
    let base = FrozenStr::new("0123456789");
    let inline = base.with_appended("abcde");
    assert!(inline.is_inline());
    assert_eq!(inline, "0123456789abcde");
    let heap = inline.with_appended("f");
    assert!(heap.is_heap());
    assert_eq!(heap, "0123456789abcdef");
    let longer = heap.with_appended(LONG);
    assert_eq!(longer, format!("0123456789abcdef{LONG}"));
    assert!(heap.with_appended("").ptr_eq(&heap));
    assert_eq!(base, "0123456789");
    assert_eq!(
        FrozenStr::from_static(LONG).with_appended("!"),
        format!("{LONG}!")
    );
}

// ---------------------------------------------------------------------------------------------
// Traits.

#[test]
fn as_ref_and_borrow() {
    let s = FrozenStr::new("dir/file.txt");
    let as_str: &str = s.as_ref();
    let as_bytes: &[u8] = s.as_ref();
    let as_os: &OsStr = s.as_ref();
    let as_path: &Path = s.as_ref();
    let borrowed: &str = s.borrow();
    assert_eq!(as_str, "dir/file.txt");
    assert_eq!(as_bytes, b"dir/file.txt");
    assert_eq!(as_os, OsStr::new("dir/file.txt"));
    assert_eq!(as_path.extension(), Some(OsStr::new("txt")));
    assert_eq!(borrowed, "dir/file.txt");
}

#[test]
fn map_keys_are_found_with_str() {
    let mut hashed = HashMap::new();
    let mut ordered = BTreeMap::new();
    for (i, key) in ["a", "bb", LONG].into_iter().enumerate() {
        hashed.insert(FrozenStr::from(key), i);
        ordered.insert(FrozenStr::from(key), i);
    }
    hashed.insert(FrozenStr::from_static("static"), 9);
    assert_eq!(hashed.get("bb"), Some(&1));
    assert_eq!(hashed.get(LONG), Some(&2));
    assert_eq!(hashed.get("static"), Some(&9));
    assert_eq!(ordered.get("a"), Some(&0));
    assert_eq!(
        ordered.keys().map(FrozenStr::as_str).collect::<Vec<_>>(),
        ["a", LONG, "bb"]
    );
}

#[test]
fn hash_eq_ord_agree_with_str_across_representations() {
    let state = RandomState::new();
    let texts = [
        "",
        "a",
        "b",
        "ab",
        "fifteen bytes!!",
        "sixteen bytes!!!",
        LONG,
    ];
    let all = |t: &'static str| [FrozenStr::from_static(t), FrozenStr::new(t)];
    for a in texts {
        for fa in all(a) {
            assert_eq!(state.hash_one(&fa), state.hash_one(a));
            for b in texts {
                for fb in all(b) {
                    assert_eq!(fa == fb, a == b);
                    assert_eq!(fa.cmp(&fb), a.cmp(b));
                    assert_eq!(fa.partial_cmp(&fb), a.partial_cmp(b));
                }
            }
        }
    }
}

#[test]
fn partial_eq_with_std_strings_both_ways() {
    let s = FrozenStr::new(LONG);
    let owned = String::from(LONG);
    assert!(s == *LONG && s == LONG && s == owned);
    assert!(*LONG == s && LONG == s && owned == s);
    let other = String::from("other");
    assert_ne!(s, "other");
    assert_ne!("other", s);
    assert_ne!(other, s);
    assert_ne!(s, other);
}

#[test]
fn display_and_debug_like_str() {
    let s = FrozenStr::new("quote \" tab \t é");
    assert_eq!(format!("{s}"), "quote \" tab \t é");
    assert_eq!(format!("{s:?}"), format!("{:?}", "quote \" tab \t é"));
    assert_eq!(format!("[{:>6}]", FrozenStr::from("ab")), "[    ab]");
    assert_eq!(format!("[{:.<4}]", FrozenStr::from_static("ab")), "[ab..]");
}

#[test]
fn conversions_in() {
    let from_str: FrozenStr = LONG.into();
    let from_string: FrozenStr = String::from(LONG).into();
    let from_string_ref: FrozenStr = (&String::from(LONG)).into();
    let from_box: FrozenStr = Box::<str>::from(LONG).into();
    let from_cow_borrowed: FrozenStr = Cow::Borrowed(LONG).into();
    let from_cow_owned: FrozenStr = Cow::<str>::Owned(LONG.into()).into();
    let parsed: FrozenStr = LONG.parse().unwrap();
    for s in [
        from_str,
        from_string,
        from_string_ref,
        from_box,
        from_cow_borrowed,
        from_cow_owned,
        parsed,
    ] {
        assert_eq!(s, LONG);
    }
    assert_eq!(FrozenStr::from('x'), "x");
    assert_eq!(FrozenStr::from('😀'), "😀");
}

#[test]
fn conversions_out() {
    for s in [
        FrozenStr::from_static(LONG),
        FrozenStr::new(LONG),
        FrozenStr::new("short"),
    ] {
        let expected = s.as_str().to_owned();
        assert_eq!(String::from(s.clone()), expected);
        assert_eq!(&*Box::<str>::from(s.clone()), expected);
        assert_eq!(&*Arc::<str>::from(s), expected);
    }
}

#[test]
fn from_iterator() {
    let chars: FrozenStr = "héllo".chars().collect();
    assert_eq!(chars, "héllo");
    let char_refs: FrozenStr = ['a', 'b'].iter().collect();
    assert_eq!(char_refs, "ab");
    let strs: FrozenStr = ["one ", "two ", "three ", "four"].into_iter().collect();
    assert_eq!(strs, "one two three four");
    let strings: FrozenStr = vec![String::from("x"); 20].into_iter().collect();
    assert_eq!(strings, "x".repeat(20));
}

#[test]
fn default_is_empty() {
    let d = FrozenStr::default();
    assert!(d.is_empty() && d.is_inline());
    assert_eq!(d, "");
}

#[test]
fn clones_shared_across_scoped_threads() {
    let heap = FrozenStr::new(LONG);
    let literal = FrozenStr::from_static("literal");
    let inline = FrozenStr::new("inline");
    let results: Vec<usize> = thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let (h, l, i) = (heap.clone(), literal.clone(), inline.clone());
                scope.spawn(move || {
                    let more: Vec<FrozenStr> = (0..20).map(|_| h.clone()).collect();
                    more.iter().map(|m| m.len()).sum::<usize>() + l.len() + i.len()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert_eq!(results, [LONG.len() * 20 + 7 + 6; 4]);
    assert_eq!(heap.strong_count(), Some(1));
}

// ---------------------------------------------------------------------------------------------
// Property tests against `String`.

/// Strings of mixed widths and lengths around the inline limit.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{0,20}",
        "[a-zé€😀]{0,12}",
        any::<String>(),
        "[ -~]{10,40}",
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

fn char_boundary(s: &str, at: usize) -> usize {
    let mut at = at % (s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #[test]
    fn behaves_like_string(s in text(), t in text()) {
        let state = RandomState::new();
        for fs in [FrozenStr::new(&s), FrozenStr::from(s.clone()), s.chars().collect()] {
            prop_assert_eq!(fs.as_str(), s.as_str());
            prop_assert_eq!(fs.len(), s.len());
            prop_assert_eq!(fs.is_empty(), s.is_empty());
            prop_assert_eq!(fs.is_inline(), s.len() <= 15);
            prop_assert_eq!(fs.is_heap(), s.len() > 15);
            prop_assert_eq!(state.hash_one(&fs), state.hash_one(&s));
            prop_assert_eq!(format!("{fs:?}"), format!("{s:?}"));
            prop_assert_eq!(fs.to_string(), s.clone());

            let ft = FrozenStr::new(&t);
            prop_assert_eq!(fs == ft, s == t);
            prop_assert_eq!(fs.cmp(&ft), s.cmp(&t));
            prop_assert_eq!(fs.with_appended(&t), format!("{s}{t}"));
            prop_assert_eq!(String::from(fs.clone()), s.clone());
            prop_assert!(fs.clone() == fs);
        }
    }

    #[test]
    fn slices_like_str(s in text(), a in any::<usize>(), b in any::<usize>()) {
        let (a, b) = (char_boundary(&s, a), char_boundary(&s, b));
        let (lo, hi) = (a.min(b), a.max(b));
        let expected = &s[lo..hi];
        let lent = Lent::new(s.clone().into_boxed_str());
        let heap_or_inline = FrozenStr::new(&s);
        prop_assert_eq!(heap_or_inline.slice(lo..hi), expected);
        prop_assert_eq!(heap_or_inline.slice(lo..), &s[lo..]);
        prop_assert_eq!(heap_or_inline.slice(..hi), &s[..hi]);
        // SAFETY: `lent` is declared before `literal` and `sub`, so it is dropped after them.
        let literal = FrozenStr::from_static(unsafe { lent.get() });
        let sub = literal.slice(lo..hi);
        prop_assert!(sub.is_static());
        prop_assert_eq!(sub, expected);
    }
}
