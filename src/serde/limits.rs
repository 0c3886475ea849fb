//! The per-thread limits that deserialization checks: nesting depth and allocation budget.
//!
//! Both live in one thread-local, so that a visitor reaches them with one access; both are set
//! for the duration of a closure ([`with_max_depth`], [`with_budget`]) and restored when it
//! returns or unwinds.

use core::cell::Cell;
use core::fmt;

use ::serde::{de, ser};

/// The default deepest nesting of frozen containers that deserializes (or serializes) on one
/// thread; [`with_max_depth`] changes it for the duration of a closure.
///
/// Each [`FrozenArc`](crate::FrozenArc), [`FrozenVec`](crate::FrozenVec),
/// [`FrozenSlice`](crate::FrozenSlice), [`FrozenMap`](crate::FrozenMap),
/// [`FrozenSet`](crate::FrozenSet), [`FrozenOrdMap`](crate::FrozenOrdMap) and
/// [`FrozenOrdSet`](crate::FrozenOrdSet) counts one level while its contents are
/// (de)serialized, and so does each array and object of a [`FrozenValue`](crate::FrozenValue);
/// one level more than the limit returns an error instead of recursing. Strings and byte buffers
/// do not nest, so they do not count.
///
/// The limit keeps a recursive frozen type from overflowing the stack on hostile input in
/// formats that have no recursion limit of their own. How much stack one level takes depends on
/// the type being deserialized (its fields are locals of the visitor) and on the build: a record
/// of 32 `Option<FrozenStr>` fields nested through a `FrozenVec` takes about 15 KiB per level in
/// a debug build, so 64 levels of it fit a 2 MiB thread stack (Rust's default for spawned
/// threads) with room to spare, and the test suite checks exactly that. Release builds take far
/// less. Raise the limit with [`with_max_depth`] on a thread with a stack to match.
///
/// ```
/// use deepfreeze::{Frozen, FrozenArc};
/// use serde::Deserialize;
///
/// #[derive(Frozen, Deserialize, Debug)]
/// enum Nest {
///     Leaf,
///     Node(FrozenArc<Nest>),
/// }
///
/// // postcard: variant 1 (`Node`) repeated, then variant 0 (`Leaf`).
/// let nested = |depth: usize| [vec![1u8; depth], vec![0]].concat();
/// assert!(postcard::from_bytes::<Nest>(&nested(deepfreeze::serde::MAX_DEPTH)).is_ok());
/// assert!(postcard::from_bytes::<Nest>(&nested(100_000)).is_err());
/// ```
pub const MAX_DEPTH: usize = 64;

/// The most elements of a zero-sized type that one sequence deserializes into a frozen
/// container.
///
/// An element of a zero-sized type takes no input in formats such as postcard, so a ten-byte
/// input can claim 2<sup>64</sup> of them; the container still grows with every one (a
/// persistent vector's nodes count them). Past this many, deserializing is an error. It does not
/// depend on [`with_budget`]: a zero-sized element allocates nothing that a budget would see.
pub const MAX_ZERO_SIZED_ELEMENTS: usize = 1 << 20;

/// This thread's limits and how much of them is in use.
struct Limits {
    /// Frozen containers being (de)serialized on this thread, nested.
    depth: Cell<usize>,
    /// The deepest nesting allowed.
    max_depth: Cell<usize>,
    /// The budget set by the innermost [`with_budget`], if any: `(limit, remaining)` in bytes.
    budget: Cell<Option<(usize, usize)>>,
}

thread_local! {
    static LIMITS: Limits = const {
        Limits { depth: Cell::new(0), max_depth: Cell::new(MAX_DEPTH), budget: Cell::new(None) }
    };
}

/// The deepest nesting of frozen containers allowed on this thread now: [`MAX_DEPTH`], or what
/// an enclosing [`with_max_depth`] set.
///
/// ```
/// use deepfreeze::serde::{max_depth, with_max_depth, MAX_DEPTH};
///
/// assert_eq!(max_depth(), MAX_DEPTH);
/// assert_eq!(with_max_depth(1000, max_depth), 1000);
/// assert_eq!(max_depth(), MAX_DEPTH);
/// ```
pub fn max_depth() -> usize {
    LIMITS.with(|limits| limits.max_depth.get())
}

/// Runs `f` with at most `depth` nested frozen containers allowed on this thread (instead of
/// [`MAX_DEPTH`]), then restores the previous limit, also if `f` panics.
///
/// Raise it only on a thread whose stack can hold that many levels of the types you
/// deserialize (see [`MAX_DEPTH`]); lower it to refuse deep input early.
///
/// ```
/// use deepfreeze::FrozenVec;
/// use deepfreeze::serde::with_max_depth;
///
/// let json = "[[[1]]]";
/// let parse = || serde_json::from_str::<FrozenVec<FrozenVec<FrozenVec<u8>>>>(json);
/// assert!(parse().is_ok());
/// let err = with_max_depth(2, parse).unwrap_err();
/// assert!(err.to_string().contains("nesting deeper than 2 frozen containers"));
/// ```
pub fn with_max_depth<R>(depth: usize, f: impl FnOnce() -> R) -> R {
    let previous = LIMITS.with(|limits| limits.max_depth.replace(depth));
    let _restore = Restore(move || LIMITS.with(|limits| limits.max_depth.set(previous)));
    f()
}

/// Runs `f` with a budget of `bytes` for what frozen containers deserialized inside it may
/// allocate on this thread; once deserializing would go past it, the visitor that would
/// allocate returns an error ("allocation budget") instead.
///
/// Every frozen visitor charges, before it allocates, an upper bound of the bytes that the
/// container it builds allocates for what it has read: a string's or a buffer's bytes, a
/// vector's nodes, a map's trie nodes (see "Minimum footprint" below). What the format itself
/// allocates (a `String` it hands over, its own buffers) and what types other than the frozen
/// ones allocate are not charged. Together with the input's length this bounds the memory that
/// hostile input can make a frozen value take, which a length limit on the input alone does not:
/// an element of a few bytes on the wire can make a container allocate a whole node.
///
/// Budgets nest: an inner one is at most what is left of the outer one, and what it uses is
/// taken from the outer one. Without any budget, nothing is charged.
///
/// # Minimum footprint
///
/// What one non-empty container allocates at least (empty containers, inline strings of at most
/// 15 bytes and `'static` data allocate nothing), as charged:
///
/// | type | charged |
/// |---|---|
/// | `FrozenArc<T>` | `size_of::<T>()` + 8 |
/// | `FrozenStr` of more than 15 bytes, `FrozenBytes` | its length + 16, rounded up to 8 |
/// | `FrozenSlice<T>` | 3 x `size_of::<T>()` per element (the buffer and the slice) |
/// | `FrozenVec<T>` | up to 32 elements, 3 x `size_of::<T>()` each (the buffer and the exact-sized array); past 32, the tree's nodes of 64 elements (64 x `size_of::<T>()` + 32) |
/// | `FrozenMap<K, V>`, `FrozenSet<T>` | per entry: 3 x its size (the entries are buffered, then built in trie order) and two trie slots of it and its 32-bit hash + 16 |
/// | `FrozenOrdMap<K, V>`, `FrozenOrdSet<T>` | a B-tree node (64 entries + 65 children + 32 B) per 32 entries |
///
/// ```
/// use deepfreeze::FrozenVec;
/// use deepfreeze::serde::with_budget;
///
/// // 2,000 small arrays: each is a few bytes of JSON but a whole node in memory.
/// let json = format!("[{}[1]]", "[1],".repeat(1_999));
/// let parse = || serde_json::from_str::<FrozenVec<FrozenVec<u64>>>(&json);
/// let err = with_budget(64 * 1024, parse).unwrap_err();
/// assert!(err.to_string().contains("allocation budget"));
/// assert_eq!(with_budget(64 << 20, parse).unwrap().len(), 2_000);
/// ```
pub fn with_budget<R>(bytes: usize, f: impl FnOnce() -> R) -> R {
    let outer = LIMITS.with(|limits| limits.budget.get());
    let limit = outer.map_or(bytes, |(_, remaining)| remaining.min(bytes));
    LIMITS.with(|limits| limits.budget.set(Some((bytes, limit))));
    let _restore = Restore(move || {
        LIMITS.with(|limits| {
            let used = limits
                .budget
                .get()
                .map_or(0, |(_, remaining)| limit - remaining);
            limits
                .budget
                .set(outer.map(|(outer_limit, remaining)| (outer_limit, remaining - used)));
        });
    });
    f()
}

/// The bytes left in the innermost [`with_budget`] on this thread, or `None` outside any.
///
/// ```
/// use deepfreeze::FrozenStr;
/// use deepfreeze::serde::{remaining_budget, with_budget};
///
/// assert_eq!(remaining_budget(), None);
/// with_budget(1000, || {
///     let s: FrozenStr = serde_json::from_str(r#""a string longer than fifteen bytes""#).unwrap();
///     // The string's bytes and its header were charged.
///     assert!(remaining_budget().unwrap() <= 1000 - s.len() - 16);
/// });
/// ```
pub fn remaining_budget() -> Option<usize> {
    LIMITS.with(|limits| limits.budget.get().map(|(_, remaining)| remaining))
}

/// Runs its closure when dropped: restores a limit on return and on unwind.
struct Restore<F: FnMut()>(F);

impl<F: FnMut()> Drop for Restore<F> {
    fn drop(&mut self) {
        (self.0)();
    }
}

/// Takes `bytes` from this thread's budget, or fails if that would go past it.
pub(crate) fn charge<E: de::Error>(bytes: usize) -> Result<(), E> {
    LIMITS.with(|limits| match limits.budget.get() {
        None => Ok(()),
        Some((limit, remaining)) => match remaining.checked_sub(bytes) {
            Some(left) => {
                limits.budget.set(Some((limit, left)));
                Ok(())
            }
            None => {
                limits.budget.set(Some((limit, 0)));
                Err(E::custom(format_args!(
                    "deserializing would allocate more than the allocation budget of {limit} \
                     bytes (deepfreeze::serde::with_budget)"
                )))
            }
        },
    })
}

/// Fails once a sequence of zero-sized elements reaches [`MAX_ZERO_SIZED_ELEMENTS`].
pub(crate) fn count_element<T, E: de::Error>(len: usize) -> Result<(), E> {
    if size_of::<T>() == 0 && len >= MAX_ZERO_SIZED_ELEMENTS {
        return Err(E::custom(format_args!(
            "more than {MAX_ZERO_SIZED_ELEMENTS} zero-sized elements in one sequence \
             (deepfreeze::serde::MAX_ZERO_SIZED_ELEMENTS)"
        )));
    }
    Ok(())
}

/// One level of frozen-container nesting, held while that container's contents are processed.
///
/// Entering fails beyond the thread's [`max_depth`]; dropping leaves the level (also when
/// unwinding, and on the error path of `?`), so the counter always returns to where it was.
pub(crate) struct Level(());

impl Level {
    /// Enters one more level, or reports that the limit is reached.
    pub(crate) fn enter() -> Result<Self, TooDeep> {
        LIMITS.with(|limits| {
            let current = limits.depth.get();
            let max = limits.max_depth.get();
            if current >= max {
                Err(TooDeep(max))
            } else {
                limits.depth.set(current + 1);
                Ok(Level(()))
            }
        })
    }

    /// The number of levels entered on this thread and not yet left.
    pub(crate) fn current() -> usize {
        LIMITS.with(|limits| limits.depth.get())
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        LIMITS.with(|limits| limits.depth.set(limits.depth.get() - 1));
    }
}

/// The error of [`Level::enter`] (the limit that was reached), turned into the format's error
/// with `custom`.
pub(crate) struct TooDeep(usize);

impl fmt::Display for TooDeep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "nesting deeper than {} frozen containers (deepfreeze::serde::MAX_DEPTH, \
             deepfreeze::serde::with_max_depth)",
            self.0
        )
    }
}

pub(crate) fn enter_de<E: de::Error>() -> Result<Level, E> {
    Level::enter().map_err(E::custom)
}

pub(crate) fn enter_ser<E: ser::Error>() -> Result<Level, E> {
    Level::enter().map_err(E::custom)
}
