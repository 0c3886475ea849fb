//! Many threads clone, read, compare, update and drop shared handles of every frozen type at once,
//! handing clones to each other so that a value is often dropped on another thread than the one
//! that cloned it; every step checks the values, and at the end every allocation is freed.
//!
//! The work is bounded by iteration counts (no clock). Under Miri it is much smaller, but still
//! runs the same code: every handle kind, clones and last drops racing on several threads.
//!
//! Leaks are found with a counting `#[global_allocator]`: live bytes and blocks must be back to
//! the baseline once every thread has joined and the fixture is dropped. The allocator is global to
//! this test binary, so this file holds exactly ONE `#[test]`: a second test running in parallel
//! would allocate at the same time and disturb the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering::Relaxed};
use std::sync::{Barrier, mpsc};
use std::thread;

use deepfreeze::{
    Frozen, FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};

// ---------------------------------------------------------------------------------------------
// A global allocator that counts live bytes and blocks.

/// Bytes allocated and not yet freed.
static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);
/// Blocks allocated and not yet freed.
static LIVE_BLOCKS: AtomicIsize = AtomicIsize::new(0);
/// Allocations made so far (to show the workload allocated at all).
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

struct Counting;

fn allocated(ptr: *mut u8, size: usize) {
    if !ptr.is_null() {
        LIVE_BYTES.fetch_add(size as isize, Relaxed);
        LIVE_BLOCKS.fetch_add(1, Relaxed);
        ALLOCATIONS.fetch_add(1, Relaxed);
    }
}

// SAFETY:
// - every method forwards to `System` with the caller's arguments unchanged, so `System`'s
//   guarantees are passed through; the counting touches only `static` atomics (no allocation).
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY:
        // - our caller upholds `GlobalAlloc::alloc`'s contract for `layout`, which is `System`'s.
        let ptr = unsafe { System.alloc(layout) };
        allocated(ptr, layout.size());
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY:
        // - our caller upholds `GlobalAlloc::alloc_zeroed`'s contract for `layout`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        allocated(ptr, layout.size());
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY:
        // - `ptr` was allocated by this allocator, i.e. by `System`, with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size() as isize, Relaxed);
        LIVE_BLOCKS.fetch_sub(1, Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY:
        // - `ptr` was allocated by `System` with `layout`, and our caller upholds `realloc`'s
        //   contract for `new_size`.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            // The old block is gone and the new one is live: the block count is unchanged.
            LIVE_BYTES.fetch_add(new_size as isize - layout.size() as isize, Relaxed);
            ALLOCATIONS.fetch_add(1, Relaxed);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Live bytes and blocks right now.
fn live() -> (isize, isize) {
    (LIVE_BYTES.load(Relaxed), LIVE_BLOCKS.load(Relaxed))
}

// ---------------------------------------------------------------------------------------------
// The shared fixture: one value of every frozen type, and what each must contain.

/// A derived recursive type: a binary tree linked by `FrozenArc`s, labelled with strings.
#[derive(Frozen, Clone, Debug, PartialEq, Eq, Hash)]
enum Tree {
    Leaf(FrozenStr),
    Node(FrozenArc<Tree>, u64, FrozenArc<Tree>),
}

/// A full tree of `depth` levels; the node labels are the in-order positions.
fn tree(depth: u32, first: u64) -> Tree {
    if depth == 0 {
        Tree::Leaf(FrozenStr::from(format!("leaf number {first} of the tree")))
    } else {
        let half = 1 << depth;
        Tree::Node(
            FrozenArc::new(tree(depth - 1, first)),
            first + half - 1,
            FrozenArc::new(tree(depth - 1, first + half)),
        )
    }
}

/// Sum of the node labels and number of leaves, walked iteratively.
fn tree_summary(root: &Tree) -> (u64, usize) {
    let (mut sum, mut leaves) = (0, 0);
    let mut stack = vec![root];
    while let Some(at) = stack.pop() {
        match at {
            Tree::Leaf(label) => {
                assert!(label.starts_with("leaf number "), "{label}");
                leaves += 1;
            }
            Tree::Node(left, label, right) => {
                sum += label;
                stack.push(left);
                stack.push(right);
            }
        }
    }
    (sum, leaves)
}

/// One value of every frozen type; `derive(Frozen)` proves the whole graph immutable.
#[derive(Frozen, Clone, Debug, PartialEq, Eq, Hash)]
struct Fixture {
    arc: FrozenArc<(u64, String)>,
    heap_str: FrozenStr,
    inline_str: FrozenStr,
    static_str: FrozenStr,
    bytes: FrozenBytes,
    bytes_slice: FrozenBytes,
    static_bytes: FrozenBytes,
    slice: FrozenSlice<FrozenStr>,
    vec: FrozenVec<u64>,
    map: FrozenMap<u64, FrozenStr>,
    set: FrozenSet<FrozenStr>,
    ord_map: FrozenOrdMap<FrozenStr, FrozenVec<u64>>,
    ord_set: FrozenOrdSet<u64>,
    tree: FrozenArc<Tree>,
}

/// The sizes of one run.
#[derive(Clone, Copy)]
struct Size {
    threads: usize,
    iterations: usize,
    /// Elements of the vector, the maps and the sets.
    elements: u64,
    tree_depth: u32,
}

const HEAP_TEXT: &str = "a string long enough to live on the heap";
const STATIC_TEXT: &str = "a literal, never counted";
const STATIC_BYTES: &[u8] = b"static bytes, never counted";

fn label(i: u64) -> String {
    format!("element number {i}, long enough for the heap")
}

/// Length of `Fixture::bytes`, whose byte `k` is `k % 256`; `bytes_slice` is its middle half.
fn bytes_len(size: Size) -> usize {
    16 * size.elements as usize
}

fn build(size: Size) -> Fixture {
    let n = size.elements;
    let len = bytes_len(size);
    let bytes = FrozenBytes::from((0..=255).cycle().take(len).collect::<Vec<u8>>());
    Fixture {
        arc: FrozenArc::new((7, String::from("shared tuple"))),
        heap_str: FrozenStr::new(HEAP_TEXT),
        inline_str: FrozenStr::new("inline"),
        static_str: FrozenStr::from_static(STATIC_TEXT),
        bytes_slice: bytes.slice(len / 4..len * 3 / 4),
        bytes,
        static_bytes: FrozenBytes::from_static(STATIC_BYTES),
        slice: (0..n).map(|i| FrozenStr::from(label(i))).collect(),
        vec: (0..n).map(|i| i * 3).collect(),
        map: (0..n).map(|i| (i, FrozenStr::from(label(i)))).collect(),
        set: (0..n).map(|i| FrozenStr::from(label(i))).collect(),
        ord_map: (0..n)
            .map(|i| (FrozenStr::from(label(i)), (0..i % 5).collect()))
            .collect(),
        ord_set: (0..n).map(|i| i * 2).collect(),
        tree: FrozenArc::new(tree(size.tree_depth, 0)),
    }
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// `copy` is a clone of `original`: equal, with the same hash.
fn same<T: PartialEq + Hash + std::fmt::Debug>(original: &T, copy: &T) {
    assert_eq!(original, copy);
    assert_eq!(hash_of(original), hash_of(copy));
}

/// Checks the contents of field number `which` of `f` against what `build` put there, reading
/// only element `i` of the large ones (so that a step stays cheap), and exercises a clone of it:
/// equal, same allocation, same hash, and a persistent update leaves the original unchanged.
fn check_field(f: &Fixture, which: usize, i: u64, size: Size) {
    let n = size.elements;
    match which {
        0 => {
            let copy = f.arc.clone();
            assert!(FrozenArc::ptr_eq(&copy, &f.arc));
            assert_eq!(*copy, (7, String::from("shared tuple")));
            same(&f.arc, &copy);
            let mut changed = copy.clone();
            FrozenArc::make_mut(&mut changed).0 = i;
            assert_eq!(changed.0, i);
            assert_eq!(f.arc.0, 7);
        }
        1 => {
            let copy = f.heap_str.clone();
            assert!(copy.is_heap() && copy.ptr_eq(&f.heap_str));
            assert_eq!(copy, HEAP_TEXT);
            same(&f.heap_str, &copy);
            let longer = copy.with_appended(" and more");
            assert_eq!(&longer[..HEAP_TEXT.len()], HEAP_TEXT);
            assert_eq!(copy.slice(2..8), &HEAP_TEXT[2..8]);
        }
        2 => {
            let copy = f.inline_str.clone();
            assert!(copy.is_inline());
            assert_eq!(copy, "inline");
            same(&f.inline_str, &copy);
        }
        3 => {
            let copy = f.static_str.clone();
            assert_eq!(copy.as_static_str(), Some(STATIC_TEXT));
            same(&f.static_str, &copy);
            assert!(copy.slice(2..).is_static());
        }
        4 => {
            let copy = f.bytes.clone();
            assert!(copy.ptr_eq(&f.bytes));
            let len = bytes_len(size);
            assert_eq!(copy.len(), len);
            let at = i as usize % len;
            assert_eq!(copy[at], at as u8);
            same(&f.bytes, &copy);
            let part = copy.slice(at..);
            assert_eq!(part.first().copied(), Some(at as u8));
        }
        5 => {
            let copy = f.bytes_slice.clone();
            let len = bytes_len(size);
            assert_eq!(copy.len(), len / 2);
            assert_eq!(copy[0], (len / 4 % 256) as u8);
            assert_eq!(*copy, f.bytes[len / 4..len * 3 / 4]);
            same(&f.bytes_slice, &copy);
            let (head, tail) = copy.split_at(len / 4);
            assert_eq!(head.len() + tail.len(), len / 2);
            assert_eq!(tail[0], (len / 2 % 256) as u8);
        }
        6 => {
            let copy = f.static_bytes.clone();
            assert_eq!(copy, STATIC_BYTES);
            same(&f.static_bytes, &copy);
        }
        7 => {
            let copy = f.slice.clone();
            assert!(copy.ptr_eq(&f.slice));
            assert_eq!(copy.len() as u64, n);
            assert_eq!(copy[(i % n) as usize], label(i % n));
            same(&f.slice, &copy);
        }
        8 => {
            let copy = f.vec.clone();
            assert_eq!(copy.len() as u64, n);
            let at = (i % n) as usize;
            assert_eq!(copy.get(at), Some(&(i % n * 3)));
            same(&f.vec, &copy);
            let changed = copy.with_replaced(at, u64::MAX).with_pushed_front(1);
            assert_eq!(changed[at + 1], u64::MAX);
            assert_eq!(f.vec[at], i % n * 3);
        }
        9 => {
            let copy = f.map.clone();
            assert_eq!(copy.len() as u64, n);
            assert_eq!(copy.get(&(i % n)).map(|s| s.as_str()), Some(&*label(i % n)));
            same(&f.map, &copy);
            let changed = copy
                .without(&(i % n))
                .with_inserted(n + i, FrozenStr::new("new"));
            assert!(!changed.contains_key(&(i % n)));
            assert!(f.map.contains_key(&(i % n)) && !f.map.contains_key(&(n + i)));
        }
        10 => {
            let copy = f.set.clone();
            let key = label(i % n);
            assert!(copy.contains(key.as_str()));
            same(&f.set, &copy);
            let changed = copy.without(key.as_str());
            assert_eq!(changed.len() as u64, n - 1);
            assert_eq!(f.set.len() as u64, n);
        }
        11 => {
            let copy = f.ord_map.clone();
            let key = label(i % n);
            let value = copy.get(key.as_str()).expect("present");
            assert!(value.iter().copied().eq(0..i % n % 5));
            same(&f.ord_map, &copy);
            let changed = copy.with_inserted(FrozenStr::from(key.as_str()), FrozenVec::new());
            assert!(changed[key.as_str()].is_empty());
            assert_eq!(f.ord_map[key.as_str()].len() as u64, i % n % 5);
        }
        12 => {
            let copy = f.ord_set.clone();
            assert!(copy.contains(&(i % n * 2)) && !copy.contains(&(i % n * 2 + 1)));
            assert_eq!(copy.first(), Some(&0));
            same(&f.ord_set, &copy);
            let changed = copy.with_inserted(i % n * 2 + 1);
            assert_eq!(changed.len() as u64, n + 1);
            assert_eq!(f.ord_set.len() as u64, n);
        }
        13 => {
            let copy = f.tree.clone();
            assert!(FrozenArc::ptr_eq(&copy, &f.tree));
            same(&f.tree, &copy);
            let leaves = 1_usize << size.tree_depth;
            let (sum, count) = tree_summary(&copy);
            assert_eq!(count, leaves);
            // Node labels are 0..leaves-1 without the even positions, i.e. the odd numbers.
            assert_eq!(
                sum,
                (0..2 * leaves as u64 - 1)
                    .filter(|k| k % 2 == 1)
                    .sum::<u64>()
            );
            if let Tree::Node(left, _, right) = &*copy {
                // A new tree sharing both subtrees of the old one.
                let grafted = Tree::Node(right.clone(), u64::MAX, left.clone());
                assert_ne!(grafted, *copy);
            }
        }
        _ => unreachable!("{which}"),
    }
}

const FIELDS: usize = 14;

/// The size of the values built afresh at every step: small, but with every kind of handle.
const FRESH: Size = Size {
    threads: 0,
    iterations: 0,
    elements: 5,
    tree_depth: 2,
};

/// What a thread hands to its neighbour: a clone of the whole fixture (every handle cloned), some
/// derived values that share nodes with it, and a clone of a value built afresh that the sender
/// keeps too, so that either thread may drop its last handle (and they race to it).
struct Parcel {
    whole: Fixture,
    fresh: Fixture,
    from: usize,
    step: usize,
    vec: FrozenVec<u64>,
    map: FrozenMap<u64, FrozenStr>,
    bytes: FrozenBytes,
}

fn parcel(f: &Fixture, fresh: Fixture, from: usize, step: usize) -> Parcel {
    Parcel {
        whole: f.clone(),
        fresh,
        from,
        step,
        vec: f.vec.with_pushed_back(step as u64),
        map: f
            .map
            .with_inserted(u64::MAX, FrozenStr::new("from a neighbour")),
        bytes: f.bytes.slice(step % 100..),
    }
}

fn check_parcel(f: &Fixture, parcel: &Parcel, size: Size) {
    assert!(parcel.from < size.threads);
    // Equality of clones is a pointer comparison per field; hashing reads everything, so only
    // now and then.
    assert_eq!(*f, parcel.whole);
    if parcel.step % 256 == 0 {
        same(f, &parcel.whole);
    }
    assert!(FrozenArc::ptr_eq(&f.tree, &parcel.whole.tree));
    assert_eq!(parcel.vec.last(), Some(&(parcel.step as u64)));
    assert_eq!(parcel.vec.len() as u64, size.elements + 1);
    assert_eq!(parcel.map[&u64::MAX], "from a neighbour");
    assert_eq!(*parcel.bytes, f.bytes[parcel.step % 100..]);
    check_field(
        &parcel.fresh,
        parcel.step % FIELDS,
        parcel.step as u64,
        FRESH,
    );
}

/// Runs `size.threads` threads over one fixture; each hands parcels to the next (in a ring),
/// which checks and drops them. Returns the fixture, whose handles must be unique again.
fn run(size: Size) -> Fixture {
    let fixture = build(size);
    let start = Barrier::new(size.threads);
    let (senders, receivers): (Vec<_>, Vec<_>) =
        (0..size.threads).map(|_| mpsc::channel::<Parcel>()).unzip();
    thread::scope(|scope| {
        let mut senders: Vec<_> = senders.into_iter().map(Some).collect();
        let mut workers = Vec::new();
        for (id, inbox) in receivers.into_iter().enumerate() {
            // Thread `id` receives from `id - 1` and sends to `id + 1`.
            let outbox = senders[(id + 1) % size.threads].take().expect("one each");
            let (fixture, start) = (&fixture, &start);
            workers.push(scope.spawn(move || {
                start.wait();
                let mut kept = Vec::new();
                for step in 0..size.iterations {
                    let i = (id * size.iterations + step) as u64;
                    check_field(fixture, step % FIELDS, i, size);
                    // Keep some clones around for a while, then drop them out of order; the fresh
                    // ones here or in the neighbour, whichever comes last.
                    let fresh = build(FRESH);
                    check_field(&fresh, (step + 7) % FIELDS, i, FRESH);
                    kept.push((fixture.clone(), fresh.clone()));
                    if kept.len() > 4 {
                        kept.swap_remove(step % kept.len());
                    }
                    outbox
                        .send(parcel(fixture, fresh, id, step))
                        .expect("receiver alive");
                    while let Ok(parcel) = inbox.try_recv() {
                        check_parcel(fixture, &parcel, size);
                    }
                }
                drop(outbox);
                // Every thread's sender is dropped once it is done: this ends.
                for parcel in inbox {
                    check_parcel(fixture, &parcel, size);
                }
                for (copy, fresh) in &kept {
                    assert_eq!(fixture, copy);
                    check_field(fresh, id % FIELDS, 0, FRESH);
                }
            }));
        }
        // Join explicitly: the end of a scope waits for the closures only, a join for the whole
        // thread, thread-local destructors (which free memory) included.
        for worker in workers {
            worker.join().expect("worker passed");
        }
    });
    fixture
}

/// Every handle of the fixture is the last one again.
fn all_unique(f: &Fixture) {
    assert_eq!(FrozenArc::strong_count(&f.arc), 1);
    assert_eq!(FrozenArc::strong_count(&f.tree), 1);
    assert_eq!(f.heap_str.strong_count(), Some(1));
    assert_eq!(f.inline_str.strong_count(), None);
    assert_eq!(f.static_str.strong_count(), None);
    assert_eq!(f.slice.strong_count(), Some(1));
    let mut stack = vec![&*f.tree];
    while let Some(at) = stack.pop() {
        if let Tree::Node(left, _, right) = at {
            assert_eq!(FrozenArc::strong_count(left), 1);
            assert_eq!(FrozenArc::strong_count(right), 1);
            stack.push(left);
            stack.push(right);
        }
    }
}

/// Iterations per thread when not under Miri: 2,000 (a few seconds in a debug build), or
/// `DEEPFREEZE_STRESS_ITERATIONS` (`.ci/soundness` lowers it for its smoke run under
/// ThreadSanitizer, which runs this test about 12 times slower).
fn iterations_natively() -> usize {
    std::env::var("DEEPFREEZE_STRESS_ITERATIONS")
        .ok()
        .map_or(2_000, |n| {
            n.parse().expect("DEEPFREEZE_STRESS_ITERATIONS: a number")
        })
}

#[test]
fn every_frozen_type_shared_by_many_threads_checks_out_and_frees_everything() {
    let size = if cfg!(miri) {
        Size {
            threads: 3,
            iterations: FIELDS,
            elements: 70,
            tree_depth: 3,
        }
    } else {
        Size {
            threads: 8,
            iterations: iterations_natively(),
            elements: 200,
            tree_depth: 8,
        }
    };
    // A small warm-up round first, so that whatever the runtime allocates once and keeps (thread
    // bookkeeping, lazily initialized statics) is part of the baseline.
    drop(run(Size {
        threads: 2,
        iterations: FIELDS,
        elements: 3,
        tree_depth: 1,
    }));
    let baseline = live();
    let allocations = ALLOCATIONS.load(Relaxed);

    let fixture = run(size);
    all_unique(&fixture);
    assert_eq!(fixture, build(size));
    drop(fixture);

    assert!(ALLOCATIONS.load(Relaxed) > allocations + size.threads * size.iterations);
    assert_eq!(live(), baseline, "(live bytes, live blocks) after the run");
}
