//! Dropping deep and wide graphs of `FrozenArc` never overflows the stack and drops every node
//! exactly once: no stack overflow when dropping a 10-million-deep frozen chain.
//!
//! The node types use hand-written `unsafe impl Frozen` (each with its proof), so that their
//! `Drop` impls and the drop counters stay visible next to the proof.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::thread;

use deepfreeze::{Frozen, FrozenArc};

/// Chain length: ten million natively; under Miri, still far deeper than the deferral threshold
/// (a few dozen nested drops).
const CHAIN: usize = if cfg!(miri) { 500 } else { 10_000_000 };
/// Length of the chains that measure nesting (each node drop touches thread-locals, slow in Miri).
const PROBE_CHAIN: usize = if cfg!(miri) { 200 } else { CHAIN };
/// Depth of the full binary tree (2^(d+1) - 1 nodes).
const TREE_DEPTH: u32 = if cfg!(miri) { 7 } else { 20 };

/// One drop counter per test, so that tests running in parallel do not disturb each other.
static DROPS: [AtomicUsize; 16] = [const { AtomicUsize::new(0) }; 16];

fn drops(id: usize) -> usize {
    DROPS[id].load(Relaxed)
}

/// The chain node of the issue; `ID` picks the drop counter.
struct Node<const ID: usize> {
    value: u64,
    next: Option<FrozenArc<Node<ID>>>,
}

impl<const ID: usize> Drop for Node<ID> {
    fn drop(&mut self) {
        DROPS[ID].fetch_add(1, Relaxed);
    }
}

// SAFETY:
// - `Node` holds a `u64` and an `Option<FrozenArc<Node>>`: no `UnsafeCell` in it or behind the
//   handle (its `Drop` touches a `static` counter, which is not reachable from the value);
// - `u64` and `FrozenArc<Node>` are `Frozen` (the latter because `Node` is), and `Node` is
//   `Send + Sync + 'static`.
unsafe impl<const ID: usize> Frozen for Node<ID> {}

fn chain<const ID: usize>(len: usize) -> Option<FrozenArc<Node<ID>>> {
    let mut head = None;
    for value in 0..len as u64 {
        head = Some(FrozenArc::new(Node { value, next: head }));
    }
    head
}

/// Walks the chain iteratively: its length and the sum of its values.
fn walk<const ID: usize>(head: &Option<FrozenArc<Node<ID>>>) -> (usize, u64) {
    let (mut len, mut sum) = (0, 0);
    let mut at = head.as_deref();
    while let Some(node) = at {
        len += 1;
        sum += node.value;
        at = node.next.as_deref();
    }
    (len, sum)
}

fn build_check_drop<const ID: usize>() {
    let head = chain::<ID>(CHAIN);
    let n = CHAIN as u64;
    assert_eq!(walk(&head), (CHAIN, n * (n - 1) / 2));
    assert_eq!(drops(ID), 0);
    drop(head);
    assert_eq!(drops(ID), CHAIN);
}

fn on_thread(stack: usize, f: impl FnOnce() + Send + 'static) {
    thread::Builder::new()
        .stack_size(stack)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn chain_drops_on_the_test_thread() {
    // libtest's own thread: 2 MiB unless RUST_MIN_STACK says otherwise.
    build_check_drop::<0>();
}

#[test]
fn chain_drops_on_an_8_mib_thread_like_main() {
    on_thread(8 << 20, build_check_drop::<1>);
}

#[test]
fn chain_drops_on_a_2_mib_thread() {
    on_thread(2 << 20, build_check_drop::<2>);
}

#[test]
fn chain_drops_on_a_256_kib_thread() {
    on_thread(256 << 10, build_check_drop::<3>);
}

#[test]
fn chain_built_on_one_thread_drops_on_another() {
    let head = chain::<4>(CHAIN);
    on_thread(2 << 20, move || drop(head));
    assert_eq!(drops(4), CHAIN);
}

thread_local! {
    /// How many `Probed` drops are running, nested, on this thread, and the most seen.
    static NESTED: Cell<usize> = const { Cell::new(0) };
    static MAX_NESTED: Cell<usize> = const { Cell::new(0) };
}

/// A chain node that records how deeply its drops nest.
struct Probed {
    _next: Option<FrozenArc<Probed>>,
    /// Dropped after `_next` (fields drop in order): closes this node's nesting level.
    _exit: Exit,
}

struct Exit;

impl Drop for Probed {
    fn drop(&mut self) {
        let now = NESTED.get() + 1;
        NESTED.set(now);
        MAX_NESTED.set(MAX_NESTED.get().max(now));
    }
}

impl Drop for Exit {
    fn drop(&mut self) {
        NESTED.set(NESTED.get() - 1);
    }
}

// SAFETY:
// - `Probed` holds an `Option<FrozenArc<Probed>>` and a unit struct: no `UnsafeCell` reachable
//   (the thread-locals its `Drop` uses are not part of the value);
// - both fields are `Frozen`-safe and the type is `Send + Sync + 'static`.
unsafe impl Frozen for Probed {}

fn probed_chain(len: usize) -> Option<FrozenArc<Probed>> {
    let mut head = None;
    for _ in 0..len {
        head = Some(FrozenArc::new(Probed {
            _next: head,
            _exit: Exit,
        }));
    }
    head
}

/// Drops a probed chain and returns how deeply the node drops nested.
fn max_nesting_of_dropping(len: usize) -> usize {
    MAX_NESTED.set(0);
    drop(probed_chain(len));
    assert_eq!(NESTED.get(), 0);
    MAX_NESTED.get()
}

#[test]
fn nesting_is_bounded_whatever_the_chain_length() {
    // Short chains drop recursively, as usual.
    assert_eq!(max_nesting_of_dropping(10), 10);
    // Long ones nest only a few dozen levels deep.
    let deep = max_nesting_of_dropping(PROBE_CHAIN);
    assert!(deep > 10, "nested {deep}");
    assert!(
        deep <= 64,
        "nested {deep} levels for a chain of {PROBE_CHAIN}"
    );
    assert_eq!(max_nesting_of_dropping(PROBE_CHAIN * 2), deep);
}

/// A binary tree node.
struct Tree<const ID: usize> {
    left: Option<FrozenArc<Tree<ID>>>,
    right: Option<FrozenArc<Tree<ID>>>,
}

impl<const ID: usize> Drop for Tree<ID> {
    fn drop(&mut self) {
        DROPS[ID].fetch_add(1, Relaxed);
    }
}

// SAFETY:
// - `Tree` holds two `Option<FrozenArc<Tree>>`: no `UnsafeCell` reachable; both are `Frozen` when
//   `Tree` is, and `Tree` is `Send + Sync + 'static`.
unsafe impl<const ID: usize> Frozen for Tree<ID> {}

fn full_tree<const ID: usize>(depth: u32) -> FrozenArc<Tree<ID>> {
    let (left, right) = if depth == 0 {
        (None, None)
    } else {
        (Some(full_tree(depth - 1)), Some(full_tree(depth - 1)))
    };
    FrozenArc::new(Tree { left, right })
}

/// Counts the distinct handles reachable from `root`, iteratively.
fn count_handles<const ID: usize>(root: &FrozenArc<Tree<ID>>) -> usize {
    let mut stack = vec![root];
    let mut count = 0;
    while let Some(node) = stack.pop() {
        count += 1;
        stack.extend(node.left.iter().chain(node.right.iter()));
    }
    count
}

#[test]
fn full_binary_tree_drops_every_node_once() {
    let tree = full_tree::<5>(TREE_DEPTH);
    assert_eq!(count_handles(&tree), (1 << (TREE_DEPTH + 1)) - 1);
    assert_eq!(drops(5), 0);
    drop(tree);
    assert_eq!(drops(5), (1 << (TREE_DEPTH + 1)) - 1);
}

#[test]
fn caterpillar_tree_drops_every_node_once() {
    // A deep spine with a leaf on every node: deep and branched at every level.
    on_thread(2 << 20, || {
        let mut spine = None;
        for _ in 0..CHAIN {
            let leaf = FrozenArc::new(Tree::<6> {
                left: None,
                right: None,
            });
            spine = Some(FrozenArc::new(Tree {
                left: Some(leaf),
                right: spine,
            }));
        }
        drop(spine);
    });
    assert_eq!(drops(6), 2 * CHAIN);
}

#[test]
fn deep_dag_with_shared_children_drops_every_node_once() {
    // Each node holds two handles to the next: a DAG, deep, each node with a count of two.
    on_thread(2 << 20, || {
        let mut next: Option<FrozenArc<Tree<7>>> = None;
        for _ in 0..CHAIN {
            next = Some(FrozenArc::new(Tree {
                left: next.clone(),
                right: next,
            }));
        }
        drop(next);
    });
    assert_eq!(drops(7), CHAIN);
}

#[test]
fn chain_shared_with_another_thread_drops_once_whoever_drops_last() {
    let head = chain::<8>(CHAIN);
    // Another thread holds handles to every 97th node.
    let mut kept = Vec::new();
    let mut at = head.clone();
    let mut i = 0;
    while let Some(node) = at {
        if i % 97 == 0 {
            kept.push(node.clone());
        }
        at = node.next.clone();
        i += 1;
    }
    thread::scope(|scope| {
        scope.spawn(move || drop(kept));
        drop(head);
    });
    assert_eq!(drops(8), CHAIN);
}

thread_local! {
    static HELD_AT_EXIT: Cell<Option<FrozenArc<Node<9>>>> = const { Cell::new(None) };
}

#[test]
fn chain_in_a_thread_local_drops_at_thread_exit() {
    // Thread-locals are destroyed in an unspecified order: this may run after deepfreeze's own
    // thread-local is gone, and then drops recursively (so keep it modest).
    const LEN: usize = if cfg!(miri) { 200 } else { 1_000 };
    on_thread(2 << 20, || HELD_AT_EXIT.set(chain::<9>(LEN)));
    assert_eq!(drops(9), LEN);
}

/// A chain node whose drop panics for one value.
struct Bomb<const ID: usize> {
    value: usize,
    _next: Option<FrozenArc<Bomb<ID>>>,
    explode_at: usize,
}

impl<const ID: usize> Drop for Bomb<ID> {
    fn drop(&mut self) {
        DROPS[ID].fetch_add(1, Relaxed);
        if self.value == self.explode_at {
            panic!("boom at {}", self.value);
        }
    }
}

// SAFETY:
// - `Bomb` holds two `usize` and an `Option<FrozenArc<Bomb>>`: no `UnsafeCell` reachable; all are
//   `Frozen`, and `Bomb` is `Send + Sync + 'static`.
unsafe impl<const ID: usize> Frozen for Bomb<ID> {}

fn bomb_chain<const ID: usize>(len: usize, explode_at: usize) -> Option<FrozenArc<Bomb<ID>>> {
    let mut head = None;
    for value in (0..len).rev() {
        head = Some(FrozenArc::new(Bomb {
            value,
            _next: head,
            explode_at,
        }));
    }
    head
}

fn drop_bomb_chain<const ID: usize>(explode_at: usize) {
    let head = bomb_chain::<ID>(CHAIN, explode_at);
    let caught = panic::catch_unwind(AssertUnwindSafe(move || drop(head)));
    assert!(caught.is_err());
    // The rest of the chain was still dropped, every node once.
    assert_eq!(drops(ID), CHAIN);
    // And the thread's drop bookkeeping is intact: long chains still nest only a few levels.
    assert!(max_nesting_of_dropping(PROBE_CHAIN) <= 64);
}

#[test]
fn panic_in_a_shallow_drop_still_drops_the_rest() {
    on_thread(2 << 20, || drop_bomb_chain::<10>(5));
}

#[test]
fn panic_in_a_deferred_drop_still_drops_the_rest() {
    on_thread(2 << 20, || drop_bomb_chain::<11>(CHAIN / 2));
}

#[test]
fn values_without_drop_glue_skip_the_bookkeeping() {
    let shared = FrozenArc::new([7_u64; 4]);
    let other = shared.clone();
    drop(shared);
    assert_eq!(FrozenArc::into_inner(other), Some([7; 4]));
}

/// The review's program, with the borrow replaced by owned shared state (a borrow of a local no
/// longer compiles: `FrozenArc<T>` requires `T: 'static`, see the `compile_fail` example in
/// `FrozenArc`'s "Dropping deep graphs"). A handle created and dropped inside a destructor that
/// runs 40 `FrozenArc` drops deep is queued: its destructor runs after that inner `drop` returns,
/// and before the outermost one does.
#[test]
fn a_handle_dropped_deep_inside_a_destructor_is_dropped_before_the_outer_drop_returns() {
    use std::sync::{Arc, Mutex};

    struct Note(Arc<Mutex<String>>);
    impl Drop for Note {
        fn drop(&mut self) {
            self.0.lock().unwrap().push_str(" (noted)");
        }
    }
    struct Payload {
        log: Arc<Mutex<String>>,
        seen_inside: Arc<Mutex<Option<String>>>,
    }
    impl Drop for Payload {
        fn drop(&mut self) {
            drop(FrozenArc::new(Note(self.log.clone())));
            *self.seen_inside.lock().unwrap() = Some(self.log.lock().unwrap().clone());
        }
    }
    struct Link {
        _payload: Option<Payload>,
        _next: Option<FrozenArc<Link>>,
    }

    let log = Arc::new(Mutex::new(String::from("closing")));
    let seen_inside = Arc::new(Mutex::new(None));
    let mut head = Some(FrozenArc::new(Link {
        _payload: Some(Payload {
            log: log.clone(),
            seen_inside: seen_inside.clone(),
        }),
        _next: None,
    }));
    for _ in 1..40 {
        head = Some(FrozenArc::new(Link {
            _payload: None,
            _next: head,
        }));
    }
    drop(head);
    // Deep enough to be deferred: the note had not run when the payload looked at the log.
    assert_eq!(seen_inside.lock().unwrap().as_deref(), Some("closing"));
    // And it ran before the outermost drop returned.
    assert_eq!(*log.lock().unwrap(), "closing (noted)");
}
