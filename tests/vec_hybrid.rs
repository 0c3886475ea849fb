//! The two representations of `FrozenVec` (an exact-sized array up to 32 elements, an RRB tree
//! above): handle sizes, heap bytes (a per-thread counting allocator), the moves between the two
//! in both directions, panics in user `Clone` and comparators, and a model test whose lengths
//! keep crossing the threshold with old versions kept and checked after every step.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::mem::size_of;
use std::panic::{AssertUnwindSafe, catch_unwind};

use deepfreeze::FrozenVec;
use proptest::prelude::*;

// ---- a counting allocator, per thread so that tests running in parallel do not disturb it ----

struct Counting;

thread_local! {
    static HEAP: Cell<isize> = const { Cell::new(0) };
}

fn count(bytes: isize) {
    // `try_with`: a thread being torn down may still free memory.
    let _ = HEAP.try_with(|heap| heap.set(heap.get() + bytes));
}

// SAFETY:
// - both methods forward to `System` with the caller's arguments unchanged, so `System`'s
//   guarantees (alignment, size, ownership) carry over;
// - the counter is a `const`-initialised thread-local `Cell` without a destructor: reading and
//   writing it never allocates and never touches the returned memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which is `System`'s.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            count(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above, i.e. from `System`, with this `layout`.
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Heap bytes held by the value `build` returns (allocated on this thread and still live).
fn heap_of<T>(build: impl FnOnce() -> T) -> usize {
    let before = HEAP.with(Cell::get);
    let value = build();
    let held = HEAP.with(Cell::get) - before;
    drop(value);
    usize::try_from(held).expect("a value holds a non-negative number of bytes")
}

/// The bytes a short vector of `n` elements of `T` may take: the reference count and the length
/// (8 bytes each), then the elements.
fn short_bytes<T>(n: usize) -> usize {
    if n == 0 { 0 } else { 16 + n * size_of::<T>() }
}

// ---- handle sizes ----

static_assertions::const_assert!(size_of::<FrozenVec<u8>>() <= 16);
static_assertions::const_assert!(size_of::<FrozenVec<u64>>() <= 16);
static_assertions::const_assert!(size_of::<FrozenVec<[u8; 280]>>() <= 16);
static_assertions::const_assert!(size_of::<FrozenVec<String>>() <= 16);
static_assertions::const_assert!(size_of::<FrozenVec<FrozenVec<u8>>>() <= 16);
static_assertions::assert_eq_size!(Option<FrozenVec<u64>>, FrozenVec<u64>);
static_assertions::assert_eq_size!(Option<FrozenVec<[u8; 280]>>, FrozenVec<[u8; 280]>);
static_assertions::assert_eq_size!(Option<Option<FrozenVec<String>>>, FrozenVec<String>);

// ---- heap bytes ----

#[test]
fn empty_vectors_allocate_nothing() {
    assert_eq!(heap_of(FrozenVec::<u64>::new), 0);
    assert_eq!(heap_of(|| FrozenVec::<u64>::from(Vec::new())), 0);
    assert_eq!(heap_of(|| (0..0u64).collect::<FrozenVec<u64>>()), 0);
    assert_eq!(
        heap_of(|| {
            let mut v: FrozenVec<u64> = (0..100).collect();
            v.clear();
            v
        }),
        0
    );
    assert_eq!(
        heap_of(|| {
            let mut v = FrozenVec::from([1u64, 2, 3]);
            v.truncate(0);
            v.pop_back();
            v
        }),
        0
    );
}

#[test]
fn short_vectors_take_16_bytes_plus_their_elements() {
    let lens: Vec<usize> = if cfg!(miri) {
        vec![1, 2, 31, 32]
    } else {
        (1..=32).collect()
    };
    for n in lens {
        let want = short_bytes::<u64>(n);
        assert_eq!(
            heap_of(|| (0..n as u64).collect::<FrozenVec<u64>>()),
            want,
            "collect {n}"
        );
        assert_eq!(
            heap_of(|| FrozenVec::from(vec![7u64; n])),
            want,
            "from Vec {n}"
        );
        assert_eq!(
            heap_of(|| FrozenVec::from(&vec![7u64; n][..])),
            want,
            "from slice {n}"
        );
        let pushed = heap_of(|| {
            let mut v = FrozenVec::new();
            for i in 0..n as u64 {
                v.push_back(i);
            }
            v
        });
        assert_eq!(pushed, want, "push_back {n}");
        let wide = heap_of(|| vec![[1u8; 280]; n].into_iter().collect::<FrozenVec<_>>());
        assert_eq!(wide, short_bytes::<[u8; 280]>(n), "280-byte elements, {n}");
    }
}

#[test]
fn one_wide_element_takes_at_most_320_bytes() {
    let bytes = heap_of(|| FrozenVec::from([[0u8; 280]]));
    assert!(bytes <= 320, "{bytes} B");
    assert_eq!(bytes, 296);
}

#[test]
fn empty_inner_vectors_cost_only_their_16_byte_slot() {
    for n in [1, 10, 32, 33, 1000] {
        let nested = heap_of(|| {
            (0..n)
                .map(|_| FrozenVec::<u8>::new())
                .collect::<FrozenVec<_>>()
        });
        // The same outer vector of 16-byte, 8-aligned elements that own nothing.
        let flat = heap_of(|| {
            (0..n as u64)
                .map(|i| [i, i])
                .collect::<FrozenVec<[u64; 2]>>()
        });
        assert_eq!(nested, flat, "n = {n}");
        if n <= 32 {
            assert_eq!(nested, 16 + 16 * n, "n = {n}");
        }
    }
}

/// `size_of` 280 and one byte on the wire after its tag: the large variant is the point.
#[cfg(feature = "serde")]
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
enum Wide {
    Small(u8),
    Large([u64; 32], [u8; 16], [u8; 7]),
}

#[cfg(feature = "serde")]
static_assertions::assert_eq_size!(Wide, [u8; 280]);

#[cfg(feature = "serde")]
#[test]
fn nested_vectors_from_postcard_stay_within_2x_of_std() {
    let kib = if cfg!(miri) { 2 } else { 40 };
    // Each inner vector is 3 bytes of postcard: its length, the variant, the byte.
    let inner_count = kib * 1024 / 3;
    let input: Vec<Vec<Wide>> = (0..inner_count)
        .map(|i| vec![Wide::Small(i as u8)])
        .collect();
    let bytes = postcard::to_allocvec(&input).unwrap();
    assert!(bytes.len() <= kib * 1024 + 4);
    drop(input);

    let std_heap = heap_of(|| postcard::from_bytes::<Vec<Vec<Wide>>>(&bytes).unwrap());
    let frozen_heap =
        heap_of(|| postcard::from_bytes::<FrozenVec<FrozenVec<Wide>>>(&bytes).unwrap());
    let ratio = frozen_heap as f64 / std_heap as f64;
    assert!(
        ratio <= 2.0,
        "FrozenVec<FrozenVec<Wide>> {frozen_heap} B vs Vec<Vec<Wide>> {std_heap} B: {ratio:.2}x"
    );
    let decoded = postcard::from_bytes::<FrozenVec<FrozenVec<Wide>>>(&bytes).unwrap();
    assert_eq!(decoded.len(), inner_count);
    assert_eq!(decoded[5], [Wide::Small(5)]);
}

/// Bulk operations leave a result of at most 32 elements short; single removals once a long
/// vector is down to 16. "Short" shows as exactly `short_bytes` of heap.
#[test]
fn long_vectors_become_short_again() {
    let exact = |v: &FrozenVec<u64>| short_bytes::<u64>(v.len());
    let held = |build: &dyn Fn() -> FrozenVec<u64>| {
        let mut len = 0;
        let bytes = heap_of(|| {
            let v = build();
            len = v.len();
            v
        });
        (bytes, short_bytes::<u64>(len))
    };
    let long = || (0..100u64).collect::<FrozenVec<u64>>();
    assert!(heap_of(long) > exact(&long()));
    let cases: [(&str, &dyn Fn() -> FrozenVec<u64>); 8] = [
        ("truncate", &|| {
            let mut v = long();
            v.truncate(32);
            v
        }),
        ("split_off (left)", &|| {
            let mut v = long();
            drop(v.split_off(20));
            v
        }),
        ("split_off (right)", &|| long().split_off(70)),
        ("retain", &|| {
            let mut v = long();
            v.retain(|x| x % 4 == 0);
            v
        }),
        ("dedup_by_key", &|| {
            let mut v = long();
            v.dedup_by_key(|x| x / 10);
            v
        }),
        ("slice prefix", &|| long().slice(..3)),
        ("slice", &|| long().slice(40..72)),
        ("pop_back to 16", &|| {
            let mut v = long();
            while v.len() > 16 {
                v.pop_back();
            }
            v
        }),
    ];
    for (name, build) in cases {
        let (bytes, want) = held(build);
        assert_eq!(bytes, want, "{name}");
    }
    let (bytes, want) = held(&|| {
        let mut v = long();
        while v.len() > 16 {
            v.remove(v.len() / 2);
            v.pop_front();
        }
        v
    });
    assert_eq!(bytes, want, "remove and pop_front to 16");
}

#[test]
fn clones_of_short_vectors_share_their_array() {
    let v = FrozenVec::from([1, 2, 3]);
    let c = v.clone();
    assert!(v.ptr_eq(&c));
    let mut d = c.clone();
    d.set(0, 1);
    assert!(!d.ptr_eq(&v), "an update of a shared array makes a new one");
    assert_eq!(d, v);
    assert_eq!(heap_of(|| v.clone()), 0, "a clone allocates nothing");
}

// ---- panics in user code ----

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static CLONES_BEFORE_PANIC: Cell<Option<usize>> = const { Cell::new(None) };
}

/// An element that counts its live instances and whose `clone` panics once the fuse is lit.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Fused(u32);

impl Fused {
    fn new(value: u32) -> Self {
        LIVE.with(|live| live.set(live.get() + 1));
        Self(value)
    }
}

impl Clone for Fused {
    fn clone(&self) -> Self {
        if let Some(left) = CLONES_BEFORE_PANIC.with(Cell::get) {
            if left == 0 {
                CLONES_BEFORE_PANIC.with(|c| c.set(None));
                panic!("the fuse blew");
            }
            CLONES_BEFORE_PANIC.with(|c| c.set(Some(left - 1)));
        }
        Self::new(self.0)
    }
}

impl Drop for Fused {
    fn drop(&mut self) {
        LIVE.with(|live| live.set(live.get() - 1));
    }
}

fn live() -> isize {
    LIVE.with(Cell::get)
}

fn values(v: &FrozenVec<Fused>) -> Vec<u32> {
    v.iter().map(|f| f.0).collect()
}

fn fused(values: impl IntoIterator<Item = u32>) -> FrozenVec<Fused> {
    values.into_iter().map(Fused::new).collect()
}

type Update = fn(&mut FrozenVec<Fused>);
type ModelUpdate = fn(&mut Vec<u32>);

/// The updates a panicking clone can interrupt, with what each does to a `Vec<u32>` model.
fn updates() -> Vec<(&'static str, Update, ModelUpdate)> {
    vec![
        (
            "push_back",
            |v| v.push_back(Fused::new(100)),
            |m| m.push(100),
        ),
        (
            "push_front",
            |v| v.push_front(Fused::new(100)),
            |m| m.insert(0, 100),
        ),
        (
            "insert",
            |v| v.insert(v.len() / 2, Fused::new(100)),
            |m| m.insert(m.len() / 2, 100),
        ),
        (
            "pop_back",
            |v| drop(v.pop_back()),
            |m| {
                m.pop();
            },
        ),
        (
            "pop_front",
            |v| drop(v.pop_front()),
            |m| {
                if !m.is_empty() {
                    m.remove(0);
                }
            },
        ),
        (
            "remove",
            |v| {
                if !v.is_empty() {
                    drop(v.remove(v.len() / 2));
                }
            },
            |m| {
                if !m.is_empty() {
                    m.remove(m.len() / 2);
                }
            },
        ),
        (
            "set",
            |v| {
                if !v.is_empty() {
                    drop(v.set(0, Fused::new(100)));
                }
            },
            |m| {
                if let Some(x) = m.first_mut() {
                    *x = 100;
                }
            },
        ),
        (
            "swap",
            |v| {
                if !v.is_empty() {
                    v.swap(0, v.len() - 1);
                }
            },
            |m| {
                if !m.is_empty() {
                    let last = m.len() - 1;
                    m.swap(0, last);
                }
            },
        ),
        (
            "truncate",
            |v| v.truncate(v.len() / 2),
            |m| m.truncate(m.len() / 2),
        ),
        (
            "split_off",
            |v| drop(v.split_off(v.len() / 3)),
            |m| {
                m.truncate(m.len() / 3);
            },
        ),
        (
            "append",
            |v| v.append(&mut fused(200..205)),
            |m| m.extend(200..205),
        ),
        (
            "extend",
            |v| v.extend([Fused::new(7), Fused::new(8)]),
            |m| m.extend([7, 8]),
        ),
        (
            "retain",
            |v| v.retain(|x| x.0 % 3 != 1),
            |m| m.retain(|x| x % 3 != 1),
        ),
        (
            "dedup_by_key",
            |v| v.dedup_by_key(|x| x.0 / 2),
            |m| m.dedup_by_key(|x| *x / 2),
        ),
        (
            "sort_by (reverse)",
            |v| v.sort_by(|a, b| b.cmp(a)),
            |m| m.sort_by(|a, b| b.cmp(a)),
        ),
        (
            "with_pushed_back",
            |v| *v = v.with_pushed_back(Fused::new(9)),
            |m| m.push(9),
        ),
        (
            "without_index",
            |v| {
                if !v.is_empty() {
                    *v = v.without_index(0);
                }
            },
            |m| {
                if !m.is_empty() {
                    m.remove(0);
                }
            },
        ),
        (
            "slice prefix",
            |v| *v = v.slice(..v.len() / 2),
            |m| m.truncate(m.len() / 2),
        ),
        (
            "slice middle",
            |v| *v = v.slice(v.len() / 4..v.len() - v.len() / 4),
            |m| *m = m[m.len() / 4..m.len() - m.len() / 4].to_vec(),
        ),
        (
            "with_pushed_front",
            |v| *v = v.with_pushed_front(Fused::new(9)),
            |m| m.insert(0, 9),
        ),
        (
            "with_inserted (middle)",
            |v| *v = v.with_inserted(v.len() / 2, Fused::new(9)),
            |m| m.insert(m.len() / 2, 9),
        ),
        (
            "with_replaced (middle)",
            |v| {
                if !v.is_empty() {
                    *v = v.with_replaced(v.len() / 2, Fused::new(9));
                }
            },
            |m| {
                if !m.is_empty() {
                    let middle = m.len() / 2;
                    m[middle] = 9;
                }
            },
        ),
        (
            "From<&[T]>",
            |v| {
                let elements: Vec<Fused> = v.iter().map(|x| Fused::new(x.0)).collect();
                *v = FrozenVec::from(elements.as_slice());
            },
            |_| {},
        ),
    ]
}

/// Runs `update` on `v` with the fuse set to blow at the `k`-th clone; returns whether it blew.
fn blow_at(k: usize, v: &mut FrozenVec<Fused>, update: Update) -> bool {
    CLONES_BEFORE_PANIC.with(|c| c.set(Some(k)));
    let result = catch_unwind(AssertUnwindSafe(|| update(v)));
    CLONES_BEFORE_PANIC.with(|c| c.set(None));
    result.is_err()
}

/// A short vector (and any vector whose update builds its result aside) is exactly as it was
/// after a panicking clone, nothing leaks, and a snapshot never changes.
#[test]
fn a_panicking_clone_leaves_a_short_vector_unchanged() {
    let lens: &[u32] = if cfg!(miri) {
        &[1, 32]
    } else {
        &[0, 1, 2, 5, 16, 31, 32]
    };
    let silent = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for (name, update, model_update) in updates() {
        for &n in lens {
            for shared in [false, true] {
                let ks = if cfg!(miri) {
                    vec![0, n as usize]
                } else {
                    (0..=n as usize + 2).collect()
                };
                for k in ks {
                    let before = live();
                    let model: Vec<u32> = (0..n).collect();
                    let mut v = fused(0..n);
                    let snapshot = shared.then(|| v.clone());
                    let blew = blow_at(k, &mut v, update);
                    let mut want = model.clone();
                    if !blew {
                        model_update(&mut want);
                    }
                    assert_eq!(
                        values(&v),
                        want,
                        "{name}, n = {n}, shared = {shared}, k = {k}"
                    );
                    if let Some(snapshot) = &snapshot {
                        assert_eq!(values(snapshot), model, "{name}: the snapshot changed");
                    }
                    drop((v, snapshot));
                    assert_eq!(
                        live(),
                        before,
                        "{name}, n = {n}, k = {k}: leaked or double-dropped"
                    );
                }
            }
        }
    }
    std::panic::set_hook(silent);
}

/// A long vector stays memory-safe whatever a panicking clone interrupts, and its snapshots keep
/// their contents; nothing is dropped twice.
#[test]
fn a_panicking_clone_leaves_long_snapshots_intact() {
    let n: u32 = if cfg!(miri) { 40 } else { 300 };
    let ks: &[usize] = if cfg!(miri) {
        &[0, 40]
    } else {
        &[0, 1, 5, 63, 64, 65]
    };
    let silent = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for (name, update, _) in updates() {
        for &k in ks {
            let before = live();
            let mut v = fused(0..n);
            v.push_front(Fused::new(1000)); // a relaxed tree
            let model = values(&v);
            let snapshot = v.clone();
            blow_at(k, &mut v, update);
            assert_eq!(
                values(&snapshot),
                model,
                "{name}, k = {k}: the snapshot changed"
            );
            drop((v, snapshot));
            assert!(
                live() >= before,
                "{name}, k = {k}: an element was dropped twice"
            );
        }
    }
    std::panic::set_hook(silent);
}

/// A comparator that panics half-way: a shared short vector is unchanged, an unshared one is
/// some permutation of its elements (sorted in place, like a slice).
#[test]
fn a_panicking_comparator_loses_no_element() {
    let silent = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let before = live();
    for shared in [false, true] {
        let mut v = fused((0..20).rev());
        let snapshot = shared.then(|| v.clone());
        let mut calls = 0;
        let result = catch_unwind(AssertUnwindSafe(|| {
            v.sort_by(|a, b| {
                calls += 1;
                assert!(calls < 30, "comparator gave up");
                a.cmp(b)
            });
        }));
        assert!(result.is_err());
        let mut got = values(&v);
        if shared {
            assert_eq!(got, (0..20).rev().collect::<Vec<_>>());
        }
        got.sort();
        assert_eq!(got, (0..20).collect::<Vec<_>>());
        drop((v, snapshot));
    }
    assert_eq!(live(), before);
    std::panic::set_hook(silent);
}

// ---- a model test across the threshold ----

#[derive(Clone, Debug)]
enum Step {
    PushBack(u8),
    PushFront(u8),
    PopBack,
    PopFront,
    Insert(usize),
    Remove(usize),
    Set(usize),
    Swap(usize, usize),
    Truncate(usize),
    SplitOff(usize),
    SplitOffRight(usize),
    Append(usize),
    Extend(usize),
    Retain(u8),
    Sort,
    Keep,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => any::<u8>().prop_map(Step::PushBack),
        3 => any::<u8>().prop_map(Step::PushFront),
        3 => Just(Step::PopBack),
        2 => Just(Step::PopFront),
        2 => any::<usize>().prop_map(Step::Insert),
        2 => any::<usize>().prop_map(Step::Remove),
        2 => any::<usize>().prop_map(Step::Set),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Step::Swap(a, b)),
        1 => (0..50usize).prop_map(Step::Truncate),
        1 => any::<usize>().prop_map(Step::SplitOff),
        1 => any::<usize>().prop_map(Step::SplitOffRight),
        1 => (0..40usize).prop_map(Step::Append),
        1 => (0..40usize).prop_map(Step::Extend),
        1 => (1..5u8).prop_map(Step::Retain),
        1 => Just(Step::Sort),
        2 => Just(Step::Keep),
    ]
}

fn apply(step: &Step, v: &mut FrozenVec<u32>, m: &mut Vec<u32>, tick: u32) {
    let len = m.len();
    match *step {
        Step::PushBack(x) => {
            v.push_back(x.into());
            m.push(x.into());
        }
        Step::PushFront(x) => {
            v.push_front(x.into());
            m.insert(0, x.into());
        }
        Step::PopBack => assert_eq!(v.pop_back(), m.pop()),
        Step::PopFront => assert_eq!(v.pop_front(), (len > 0).then(|| m.remove(0))),
        Step::Insert(i) => {
            v.insert(i % (len + 1), tick);
            m.insert(i % (len + 1), tick);
        }
        Step::Remove(i) if len > 0 => assert_eq!(v.remove(i % len), m.remove(i % len)),
        Step::Set(i) if len > 0 => {
            assert_eq!(
                v.set(i % len, tick),
                std::mem::replace(&mut m[i % len], tick)
            );
        }
        Step::Swap(a, b) if len > 0 => {
            v.swap(a % len, b % len);
            m.swap(a % len, b % len);
        }
        Step::Truncate(n) => {
            v.truncate(n);
            m.truncate(n);
        }
        Step::SplitOff(i) => {
            let tail = v.split_off(i % (len + 1));
            assert_eq!(tail, m.split_off(i % (len + 1)));
        }
        Step::SplitOffRight(i) => {
            *v = v.split_off(i % (len + 1));
            *m = m.split_off(i % (len + 1));
        }
        Step::Append(n) => {
            let extra: Vec<u32> = (0..n as u32).map(|i| tick + i).collect();
            v.append(&mut FrozenVec::from(extra.clone()));
            m.extend(extra);
        }
        Step::Extend(n) => {
            v.extend((0..n as u32).map(|i| tick * 2 + i));
            m.extend((0..n as u32).map(|i| tick * 2 + i));
        }
        Step::Retain(d) => {
            v.retain(|x| x % u32::from(d) != 0);
            m.retain(|x| x % u32::from(d) != 0);
        }
        Step::Sort => {
            v.sort();
            m.sort();
        }
        Step::Remove(_) | Step::Set(_) | Step::Swap(..) | Step::Keep => {}
    }
}

fn check(v: &FrozenVec<u32>, m: &[u32], what: &str) {
    assert_eq!(v.len(), m.len(), "{what}: len");
    assert!(v.iter().eq(m.iter()), "{what}: {v:?} != {m:?}");
    assert!(v.iter().rev().eq(m.iter().rev()), "{what}: reversed");
    assert_eq!(
        v.iter().copied().sum::<u32>(),
        m.iter().sum::<u32>(),
        "{what}: fold"
    );
    assert_eq!(v.first(), m.first(), "{what}: first");
    assert_eq!(v.last(), m.last(), "{what}: last");
    assert_eq!(v.get(m.len()), None, "{what}: get(len)");
    for (i, x) in m.iter().enumerate().step_by(7) {
        assert_eq!(v[i], *x, "{what}: v[{i}]");
    }
    assert_eq!(Vec::from(v.clone()), m, "{what}: into_iter");
}

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if cfg!(miri) && std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 4;
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn lengths_crossing_the_threshold_behave_like_vec(
        start in 0..70usize,
        steps in prop::collection::vec(step(), 1..if cfg!(miri) { 20 } else { 120 }),
    ) {
        let mut v: FrozenVec<u32> = (0..start as u32).collect();
        let mut m: Vec<u32> = (0..start as u32).collect();
        let mut kept: Vec<(FrozenVec<u32>, Vec<u32>)> = Vec::new();
        for (tick, step) in steps.iter().enumerate() {
            apply(step, &mut v, &mut m, tick as u32 * 1000);
            let what = format!("step {tick} ({step:?})");
            check(&v, &m, &what);
            if matches!(step, Step::Keep) {
                kept.push((v.clone(), m.clone()));
                if kept.len() > 4 {
                    kept.remove(0);
                }
            }
            for (i, (old, old_m)) in kept.iter().enumerate() {
                check(old, old_m, &format!("{what}: kept version {i}"));
            }
        }
    }
}
