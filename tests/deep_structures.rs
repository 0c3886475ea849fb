//! What works on a ten-million-node `FrozenArc`-linked list, and what does not (docs/DESIGN.md §7).
//!
//! - Iterative or O(1), fine at 10M on a 2 MiB stack: drop (trampolined, see
//!   `tests/deep_chain.rs`), `Clone` (shallow), and equality or ordering of values that share
//!   their nodes (`FrozenArc`'s `ptr_eq` fast path stops at the first shared node).
//! - Bounded, an error rather than an overflow: serde, both ways (`deepfreeze::serde::MAX_DEPTH`).
//! - Recursive, one chain of stack frames per node, in code std's derives generate for the user's
//!   type: `PartialEq`/`PartialOrd`/`Ord` of separately built equal lists, `Hash`, `Debug`. These
//!   tests measure the stack they use per node on lists that fit, and show that 10M nodes cannot
//!   fit a 2 MiB stack, without ever overflowing it (an overflow would abort the test binary).
//! - The workaround, fine at 10M: hand-written loops for those traits and serde through a flat
//!   sequence (the `Chain` type below), as `FrozenArc`'s docs ("Deep structures") recommend.

use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt::{self, Write as _};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::hint::black_box;
use std::thread;

use deepfreeze::{Frozen, FrozenArc};

/// The deep length: ten million natively, still past every threshold under Miri.
const DEEP: usize = if cfg!(miri) { 1_000 } else { 10_000_000 };
/// A depth at which the recursive derived impls fit a 2 MiB stack with a wide margin.
const FITS: usize = if cfg!(miri) { 100 } else { 1_000 };
/// Rust's default stack size for spawned threads (libtest's test threads included).
const TWO_MIB: usize = 2 << 20;

fn on_2_mib_thread<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    thread::Builder::new()
        .stack_size(TWO_MIB)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic")
}

// ---------------------------------------------------------------------------------------------
// Stack probe: the lowest stack address seen while running some code.

thread_local! {
    static LOWEST: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// Records the current stack depth (the address of a local; the stack grows down on every
/// target this test runs on natively).
#[inline(never)]
fn probe() {
    let here = 0_u8;
    let address = black_box(&here) as *const u8 as usize;
    LOWEST.set(LOWEST.get().min(address));
}

/// Bytes of stack below this frame that `f` used, as seen by the `probe` calls it made.
#[inline(never)]
fn stack_used(f: impl FnOnce()) -> usize {
    let base = 0_u8;
    let base = black_box(&base) as *const u8 as usize;
    LOWEST.set(usize::MAX);
    f();
    let lowest = LOWEST.get();
    assert_ne!(lowest, usize::MAX, "the code under test never probed");
    base.saturating_sub(lowest)
}

/// An element that probes the stack whenever it is compared, hashed or formatted, so that the
/// stack use of the derived impls of the list around it can be measured.
#[derive(Frozen, Clone, Copy)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct Val(u64);

impl PartialEq for Val {
    fn eq(&self, other: &Self) -> bool {
        probe();
        self.0 == other.0
    }
}

impl Eq for Val {}

impl PartialOrd for Val {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Val {
    fn cmp(&self, other: &Self) -> Ordering {
        probe();
        self.0.cmp(&other.0)
    }
}

impl Hash for Val {
    fn hash<H: Hasher>(&self, state: &mut H) {
        probe();
        self.0.hash(state);
    }
}

impl fmt::Debug for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        probe();
        write!(f, "{}", self.0)
    }
}

// ---------------------------------------------------------------------------------------------
// The list with std's derives.

/// A derived recursive type: every trait here is `#[derive]`d (by std, serde and deepfreeze).
#[derive(Frozen, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
enum List {
    Nil,
    Cons(Val, FrozenArc<List>),
}

/// The list `len - 1, ..., 1, 0` (head first) on top of `tail`.
fn list_onto(tail: List, len: usize) -> List {
    (0..len as u64).fold(tail, |tail, value| {
        List::Cons(Val(value), FrozenArc::new(tail))
    })
}

fn list(len: usize) -> List {
    list_onto(List::Nil, len)
}

/// Length and sum of the values, by an explicit loop.
fn walk(mut at: &List) -> (usize, u64) {
    let (mut len, mut sum) = (0, 0);
    while let List::Cons(value, next) = at {
        len += 1;
        sum += value.0;
        at = next;
    }
    (len, sum)
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[test]
#[cfg_attr(
    miri,
    ignore = "10M nodes; `small_lists_under_miri` runs the same code"
)]
fn a_10m_list_builds_walks_and_drops_on_a_2_mib_stack() {
    on_2_mib_thread(|| {
        let list = list(DEEP);
        let n = DEEP as u64;
        assert_eq!(walk(&list), (DEEP, n * (n - 1) / 2));
        drop(list); // trampolined: no recursion per node
    });
}

/// Clone, and comparisons of lists that share their nodes: O(1) whatever the length.
fn shallow_operations(len: usize) {
    let list = list(len);
    let List::Cons(_, tail) = &list else {
        unreachable!()
    };
    let copy = list.clone(); // derived `Clone`: copies the head, clones one handle
    let List::Cons(_, copy_tail) = &copy else {
        unreachable!()
    };
    assert!(FrozenArc::ptr_eq(tail, copy_tail));
    assert_eq!(FrozenArc::strong_count(tail), 2);

    // Equal heads, then the same allocation: `FrozenArc`'s `eq` answers without looking further.
    let used = stack_used(|| {
        assert!(list == copy);
        assert_eq!(list.cmp(&copy), Ordering::Equal);
        assert_eq!(list.partial_cmp(&copy), Some(Ordering::Equal));
        // Different heads on a shared tail: decided by the heads.
        let other = List::Cons(Val(u64::MAX), tail.clone());
        assert!(list != other);
        assert_eq!(list.cmp(&other), Ordering::Less);
    });
    if !cfg!(miri) {
        assert!(
            used < 64 << 10,
            "{used} bytes of stack for O(1) comparisons"
        );
    }
    // Two handles to the same list compare by pointer too.
    let shared = FrozenArc::new(list);
    assert!(shared == shared.clone());
}

#[test]
#[cfg_attr(
    miri,
    ignore = "10M nodes; `small_lists_under_miri` runs the same code"
)]
fn clone_and_comparisons_of_shared_nodes_are_o1_at_10m() {
    on_2_mib_thread(|| shallow_operations(DEEP));
}

#[test]
fn small_lists_under_miri() {
    // The 10M tests' code on short lists (also natively: cheap).
    let list = list(FITS);
    assert_eq!(walk(&list).0, FITS);
    drop(list);
    shallow_operations(FITS);
}

// ---------------------------------------------------------------------------------------------
// What recurses: the derived impls on separately built lists.

/// Two equal lists of `len` nodes that share no node, and a third that differs in the last one.
fn separate_lists(len: usize) -> (List, List, List) {
    let other_end = List::Cons(Val(u64::MAX), FrozenArc::new(List::Nil));
    (list(len), list(len), list_onto(other_end, len))
}

/// Runs the derived `PartialEq`, `Ord`, `Hash` and `Debug` on separately built lists of `len`
/// nodes, checks their results, and returns the stack each used.
fn derived_impls(len: usize) -> [usize; 4] {
    let (a, b, c) = separate_lists(len);
    let eq = stack_used(|| {
        assert!(a == b);
        assert!(a != c);
    });
    let ord = stack_used(|| {
        assert_eq!(a.cmp(&b), Ordering::Equal);
        assert_eq!(a.cmp(&c), Ordering::Less);
    });
    let hash = stack_used(|| assert_eq!(hash_of(&a), hash_of(&b)));
    let debug = stack_used(|| {
        let text = format!("{a:?}");
        assert!(text.starts_with(&format!("Cons({}, Cons({}, ", len - 1, len - 2)));
        assert!(text.ends_with(&format!("Cons(0, Nil){}", ")".repeat(len - 1))));
    });
    [eq, ord, hash, debug]
}

#[test]
fn derived_impls_work_on_lists_that_fit_the_stack() {
    on_2_mib_thread(|| derived_impls(FITS));
}

#[test]
#[cfg_attr(miri, ignore = "measures native stack addresses")]
fn derived_impls_use_stack_per_node_so_10m_cannot_fit_a_2_mib_stack() {
    let per_node = on_2_mib_thread(|| {
        let short = derived_impls(FITS / 2);
        let long = derived_impls(FITS);
        let names = ["PartialEq", "Ord", "Hash", "Debug"];
        let mut per_node = [0; 4];
        for i in 0..4 {
            // Linear in the length: one more chain of frames per node.
            per_node[i] = (long[i] - short[i]) / (FITS / 2);
            assert!(
                per_node[i] >= 16,
                "{}: {} bytes for {} nodes, {} for {}",
                names[i],
                short[i],
                FITS / 2,
                long[i],
                FITS
            );
            eprintln!(
                "derived {}: {} bytes of stack per node; a 2 MiB stack holds about {} nodes",
                names[i],
                per_node[i],
                TWO_MIB / per_node[i]
            );
        }
        per_node
    });
    // So ten million nodes need far more than 2 MiB (or than an 8 MiB main thread): the derived
    // impls must not be called on such a list. Run here, they would abort the process.
    for bytes in per_node {
        assert!(bytes * DEEP > 8 * TWO_MIB);
    }
}

// ---------------------------------------------------------------------------------------------
// Serde: bounded by `deepfreeze::serde::MAX_DEPTH`, an error past it.

#[cfg(feature = "serde")]
mod serde_limits {
    use super::*;
    use deepfreeze::serde::MAX_DEPTH;

    /// postcard bytes of a list of `len` nodes (`Cons` is variant 1, the value a varint 0).
    fn postcard_list(len: usize) -> Vec<u8> {
        [[1, 0].repeat(len), vec![0]].concat()
    }

    #[test]
    #[cfg_attr(miri, ignore = "10M nodes; `serde_of_short_lists` covers Miri")]
    fn serializing_a_10m_list_is_an_error_not_an_overflow() {
        on_2_mib_thread(|| {
            let deep = list(DEEP);
            assert!(postcard::to_allocvec(&deep).is_err());
            let err = serde_json::to_string(&deep).unwrap_err();
            assert!(err.to_string().contains("MAX_DEPTH"), "{err}");
        });
    }

    #[test]
    #[cfg_attr(miri, ignore = "10M nodes; `serde_of_short_lists` covers Miri")]
    fn deserializing_a_10m_list_is_an_error_not_an_overflow() {
        on_2_mib_thread(|| {
            // postcard has no recursion limit of its own: deepfreeze's stops it.
            let input = postcard_list(DEEP);
            assert_eq!(
                postcard::from_bytes::<List>(&input).unwrap_err(),
                postcard::Error::SerdeDeCustom
            );
            // serde_json stops at its own limit (128) before deepfreeze's (100,000 levels of JSON
            // already make the point; 10M would be a 130 MB string).
            let levels = DEEP.min(100_000);
            let json = format!(
                "{}\"Nil\"{}",
                r#"{"Cons":[0,"#.repeat(levels),
                "]}".repeat(levels)
            );
            assert!(serde_json::from_str::<List>(&json).is_err());
        });
    }

    #[test]
    fn serde_of_short_lists() {
        on_2_mib_thread(|| {
            // Up to `MAX_DEPTH` nodes round-trip; one more is refused both ways.
            let ok = list(MAX_DEPTH);
            let bytes = postcard::to_allocvec(&ok).unwrap();
            assert_eq!(
                walk(&postcard::from_bytes::<List>(&bytes).unwrap()).0,
                MAX_DEPTH
            );
            assert!(postcard::to_allocvec(&list(MAX_DEPTH + 1)).is_err());
            assert!(postcard::from_bytes::<List>(&postcard_list(MAX_DEPTH)).is_ok());
            assert!(postcard::from_bytes::<List>(&postcard_list(MAX_DEPTH + 1)).is_err());
            // The limit is an error, not an overflow, far past it too (Miri-sized here).
            assert!(postcard::from_bytes::<List>(&postcard_list(FITS * 10)).is_err());
        });
    }
}

// ---------------------------------------------------------------------------------------------
// The workaround: loops written by hand, serde through a flat sequence.

/// A list whose traits are written as loops: the pattern `FrozenArc`'s docs recommend for deep
/// recursive types.
#[derive(Frozen, Clone, Default)]
struct Chain {
    head: Option<FrozenArc<Link>>,
}

#[derive(Frozen)]
struct Link {
    value: u64,
    next: Option<FrozenArc<Link>>,
}

impl Chain {
    fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        let mut at = self.head.as_deref();
        std::iter::from_fn(move || {
            let link = at?;
            at = link.next.as_deref();
            Some(link.value)
        })
    }
}

impl FromIterator<u64> for Chain {
    /// Builds the chain in iteration order (the first value is the head).
    fn from_iter<I: IntoIterator<Item = u64>>(values: I) -> Self {
        let values: Vec<u64> = values.into_iter().collect();
        let head = values.into_iter().rev().fold(None, |next, value| {
            Some(FrozenArc::new(Link { value, next }))
        });
        Chain { head }
    }
}

impl PartialEq for Chain {
    fn eq(&self, other: &Self) -> bool {
        let (mut a, mut b) = (&self.head, &other.head);
        loop {
            match (a, b) {
                (None, None) => return true,
                (Some(x), Some(y)) => {
                    if FrozenArc::ptr_eq(x, y) {
                        return true; // shared from here on
                    }
                    if x.value != y.value {
                        return false;
                    }
                    (a, b) = (&x.next, &y.next);
                }
                _ => return false,
            }
        }
    }
}

impl Eq for Chain {}

impl Hash for Chain {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let mut len = 0_usize;
        for value in self.iter() {
            value.hash(state);
            len += 1;
        }
        len.hash(state); // as for slices: `[1, 2]` and `[1], [2]` hash apart
    }
}

impl fmt::Debug for Chain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Chain {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq as _;
        // Counted first: formats such as postcard write the length before the elements.
        let mut seq = serializer.serialize_seq(Some(self.iter().count()))?;
        for value in self.iter() {
            seq.serialize_element(&value)?;
        }
        seq.end()
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Chain {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<u64>::deserialize(deserializer).map(Chain::from_iter)
    }
}

/// A `fmt::Write` that only counts what is written (10M entries would be ~90 MB of text).
struct CountingSink {
    bytes: usize,
    commas: usize,
}

impl fmt::Write for CountingSink {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.bytes += s.len();
        self.commas += s.matches(',').count();
        Ok(())
    }
}

fn handwritten_impls(len: usize) {
    let a: Chain = (0..len as u64).collect();
    let b: Chain = (0..len as u64).collect();
    let c: Chain = (0..len as u64 - 1).chain([u64::MAX]).collect();
    assert!(a == b);
    assert!(a != c);
    assert!(a == a.clone());
    assert_eq!(hash_of(&a), hash_of(&b));
    assert_ne!(hash_of(&a), hash_of(&c));
    let mut sink = CountingSink {
        bytes: 0,
        commas: 0,
    };
    write!(sink, "{a:?}").unwrap();
    assert_eq!(sink.commas, len - 1);
    assert!(sink.bytes > len);
    assert_eq!(format!("{:?}", Chain::from_iter([1, 2, 3])), "[1, 2, 3]");
}

#[test]
#[cfg_attr(
    miri,
    ignore = "10M nodes; `handwritten_impls_on_short_lists` covers Miri"
)]
fn handwritten_loops_compare_hash_and_format_10m_nodes_on_a_2_mib_stack() {
    on_2_mib_thread(|| handwritten_impls(DEEP));
}

#[test]
fn handwritten_impls_on_short_lists() {
    handwritten_impls(FITS);
}

#[cfg(feature = "serde")]
fn serde_through_a_flat_sequence(len: usize) {
    let chain: Chain = (0..len as u64).collect();
    let bytes = postcard::to_allocvec(&chain).unwrap();
    let back: Chain = postcard::from_bytes(&bytes).unwrap();
    assert!(back == chain);
    assert!(!FrozenArc::ptr_eq(
        back.head.as_ref().unwrap(),
        chain.head.as_ref().unwrap()
    ));
    let json = serde_json::to_string(&Chain::from_iter([4, 5])).unwrap();
    assert_eq!(json, "[4,5]");
    assert!(serde_json::from_str::<Chain>(&json).unwrap() == Chain::from_iter([4, 5]));
}

#[test]
#[cfg(feature = "serde")]
#[cfg_attr(
    miri,
    ignore = "10M nodes; `serde_through_a_flat_sequence_short` covers Miri"
)]
fn serde_through_a_flat_sequence_handles_10m_nodes_on_a_2_mib_stack() {
    on_2_mib_thread(|| serde_through_a_flat_sequence(DEEP));
}

#[test]
#[cfg(feature = "serde")]
fn serde_through_a_flat_sequence_short() {
    serde_through_a_flat_sequence(FITS);
}
