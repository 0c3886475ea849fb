//! [arc-swap](https://docs.rs/arc-swap) support (feature `arc-swap`): [`FrozenArc<T>`]
//! implements [`arc_swap::RefCnt`], so an `ArcSwapAny<FrozenArc<T>>` holds the current version
//! of a frozen value that writers replace and readers load without locks.
//!
//! This is the publishing half of sharing frozen data: a writer builds the next version (cheaply,
//! with the persistent collections' `with_*` methods, sharing everything unchanged) and
//! [`store`](arc_swap::ArcSwapAny::store)s it; readers [`load`](arc_swap::ArcSwapAny::load) a
//! snapshot that stays complete and unchanged for as long as they hold it, whatever the writer
//! does meanwhile. `Option<FrozenArc<T>>` works too (`ArcSwapAny<Option<FrozenArc<T>>>`, an
//! "ArcSwapOption"), through arc-swap's own impl for `Option`. [`ArcSwapFrozen<T>`] and
//! [`ArcSwapFrozenOption<T>`] name the two, as `arc_swap::ArcSwap` and `ArcSwapOption` do for
//! `std::sync::Arc` (and, like them, let `new` infer the default strategy).
//!
//! The `ArcSwapAny` itself is not [`Frozen`](crate::Frozen) (it is the one mutable cell); the
//! snapshots it hands out are.
//!
//! # Example
//!
//! ```
//! use deepfreeze::arc_swap::ArcSwapFrozen;
//! use deepfreeze::{FrozenArc, FrozenOrdMap};
//!
//! type Routes = FrozenOrdMap<&'static str, u16>;
//!
//! let current = ArcSwapFrozen::new(FrozenArc::new(Routes::new().with_inserted("/", 80)));
//!
//! std::thread::scope(|s| {
//!     s.spawn(|| {
//!         // Writer: the next version shares every node it does not change.
//!         let next = current.load().with_inserted("/api", 8080);
//!         current.store(FrozenArc::new(next));
//!     });
//!     s.spawn(|| {
//!         // Reader: a complete snapshot, old or new, never half of each.
//!         let routes = current.load();
//!         assert_eq!(routes.get("/"), Some(&80));
//!         assert!(routes.len() == 1 || routes.get("/api") == Some(&8080));
//!     });
//! });
//! assert_eq!(current.load().len(), 2);
//! ```

use arc_swap::{ArcSwapAny, RefCnt};

use crate::FrozenArc;

/// An atomically replaceable [`FrozenArc<T>`]: `arc_swap::ArcSwap` for frozen values.
///
/// ```
/// use deepfreeze::arc_swap::ArcSwapFrozen;
/// use deepfreeze::FrozenArc;
///
/// let config = ArcSwapFrozen::new(FrozenArc::new((1_u32, "one")));
/// let before = config.load_full();
/// config.store(FrozenArc::new((2, "two")));
/// assert_eq!(config.load().0, 2);
/// assert_eq!(*before, (1, "one")); // snapshots taken earlier are unchanged
/// ```
pub type ArcSwapFrozen<T> = ArcSwapAny<FrozenArc<T>>;

/// An atomically replaceable `Option<FrozenArc<T>>`: `arc_swap::ArcSwapOption` for frozen
/// values.
///
/// ```
/// use deepfreeze::arc_swap::ArcSwapFrozenOption;
/// use deepfreeze::FrozenArc;
///
/// let latest = ArcSwapFrozenOption::<u64>::new(None);
/// assert!(latest.load().is_none());
/// latest.store(Some(FrozenArc::new(7)));
/// assert_eq!(latest.load_full().as_deref(), Some(&7));
/// ```
pub type ArcSwapFrozenOption<T> = ArcSwapAny<Option<FrozenArc<T>>>;

// SAFETY: the obligations of `RefCnt` (its `# Safety` section), one by one:
// - Same pointer, same object and count: `into_ptr` and `as_ptr` both return the allocation's data
//   pointer (triomphe's `Arc::into_raw`/`Arc::as_ptr`, which agree), and the reference count sits
//   in the same allocation just before the data, at a fixed offset from its start, so equal
//   pointers mean the same allocation and the same count. For a zero-sized `T` the data pointer
//   is one past the end of the allocation (the count is all it holds): it is still the start
//   plus that fixed offset, so two live allocations never share it, even when one begins
//   where the other ends (the other's data pointer is then its own start plus the offset). No
//   other `RefCnt` type shares these pointers, so the default `TAG` (0) is right; no pointer is
//   ever null.
// - Counting: `into_ptr` forgets the handle without touching the count (`into_raw` consumes it
//   inside a `ManuallyDrop`), `as_ptr` only reads, and `from_ptr` takes ownership of one count
//   back without changing it (`from_raw`): each `from_ptr` balances one `into_ptr`, or one count
//   arc-swap owes, as the trait allows. `inc` and `dec` keep their defaults (clone + `into_ptr`,
//   `from_ptr` + drop), and the drop is `FrozenArc`'s own, with its bounded-stack deep drop.
// - Provenance: the pointer comes from triomphe's `as_ptr`, derived from the allocation pointer
//   (not from a `&T`), so `from_raw` may step back to the header and free the allocation; a
//   one-past-the-end pointer (zero-sized `T`) keeps the allocation's provenance too.
// - No panic or unwind: the three methods are pointer casts and offset arithmetic.
// - Pin: the value lives in a heap allocation; moving or cloning a handle never moves it.
#[allow(unsafe_code)]
unsafe impl<T> RefCnt for FrozenArc<T> {
    type Base = T;

    #[inline]
    fn into_ptr(me: Self) -> *mut T {
        FrozenArc::into_raw(me).cast_mut()
    }

    #[inline]
    fn as_ptr(me: &Self) -> *mut T {
        FrozenArc::as_ptr(me).cast_mut()
    }

    #[inline]
    unsafe fn from_ptr(ptr: *const T) -> Self {
        // SAFETY:
        // - arc-swap calls `from_ptr` only with pointers that `into_ptr` returned (the trait's
        //   contract), i.e. pointers from `FrozenArc::into_raw` whose count is still held.
        unsafe { FrozenArc::from_raw(ptr) }
    }
}
