//! Bounded-stack dropping of the last handle to a value (see `FrozenArc`'s "Dropping deep graphs").
//!
//! Dropping a `T` drops its fields, which may hold the last handles of other values, and so on:
//! a chain of N `FrozenArc`s recurses N times. Here each thread keeps a depth counter and a list of
//! deferred allocations (the counters in a thread-local without destructor, so that the common
//! path is a plain thread-local access; the list in its own, touched only when deferring). `drop_last` drops a value in place while the thread is fewer than
//! [`MAX_DEPTH`] nested drops deep; deeper than that, it pushes the allocation (a type-erased
//! pointer and the monomorphized function that frees it) onto the list. Every frame that dropped a
//! value in place then drains what was pushed above its starting length, at its own depth, so the
//! stack never holds more than `MAX_DEPTH` nested drops plus the one being drained, and every value
//! is dropped before the outermost `drop` returns.

use core::cell::{Cell, RefCell};
use core::mem;

/// How many `FrozenArc` drops may nest on one thread before values are deferred.
///
/// Each level costs a handful of small frames (a few hundred bytes in debug builds), so even a
/// 256 KiB thread has room; the cost of deferring is a push and a pop on a thread-local vector.
pub(super) const MAX_DEPTH: usize = 32;

/// An allocation whose drop was deferred: its data pointer and the function that frees it.
struct Deferred {
    /// From `triomphe::Arc::<T>::into_raw` of an `Arc` whose count is one.
    ptr: *const (),
    /// `drop_erased::<T>` for the `T` that `ptr` was made from.
    drop: unsafe fn(*const ()),
}

/// This thread's counters. No destructor, so reaching them is a plain thread-local access that
/// works until the thread is gone.
struct Counters {
    /// Number of `FrozenArc` values being dropped in place on this thread, nested.
    depth: Cell<usize>,
    /// Length of `PENDING` (kept here so that the common path never touches `PENDING`).
    pending: Cell<usize>,
}

thread_local! {
    static COUNTERS: Counters = const {
        Counters { depth: Cell::new(0), pending: Cell::new(0) }
    };
    /// Deferred allocations, last in first out. Touched only when deferring or draining.
    static PENDING: RefCell<Vec<Deferred>> = const { RefCell::new(Vec::new()) };
}

/// Drops `last`, the only handle to its value, without unbounded recursion.
#[inline]
pub(super) fn drop_last<T: 'static>(last: triomphe::UniqueArc<T>) {
    if !mem::needs_drop::<T>() {
        // Nothing inside can hold another handle: just free the allocation.
        drop(last);
        return;
    }
    // `COUNTERS` has no destructor, so this does not fail in practice; if it did, the closure would
    // be dropped uncalled, and `last` with it: recursively, in place.
    let _ = COUNTERS.try_with(move |counters| counters.drop_in(last));
}

impl Counters {
    #[inline]
    fn drop_in<T: 'static>(&self, last: triomphe::UniqueArc<T>) {
        let depth = self.depth.get();
        let last = if depth < MAX_DEPTH {
            last
        } else {
            match self.defer(last) {
                Ok(()) => return,
                // `PENDING` is gone (thread teardown): drop in place, recursively.
                Err(last) => last,
            }
        };
        let frame = Frame {
            counters: self,
            base: self.pending.get(),
            depth,
        };
        self.depth.set(depth + 1);
        // Drops the value in place: its fields' handles come back here one level deeper.
        drop(last);
        drop(frame);
    }

    /// Moves `last` to `PENDING`, or gives it back if `PENDING` is unavailable.
    #[cold]
    fn defer<T: 'static>(
        &self,
        last: triomphe::UniqueArc<T>,
    ) -> Result<(), triomphe::UniqueArc<T>> {
        let mut slot = Some(last);
        let _ = PENDING.try_with(|pending| {
            // Never fails: nothing holds a borrow of `PENDING` while running other code.
            let Ok(mut pending) = pending.try_borrow_mut() else {
                return;
            };
            if let Some(last) = slot.take() {
                let arc = triomphe::UniqueArc::shareable(last);
                pending.push(Deferred {
                    ptr: triomphe::Arc::into_raw(arc).cast::<()>(),
                    drop: drop_erased::<T>,
                });
                self.pending.set(pending.len());
            }
        });
        slot.map_or(Ok(()), Err)
    }

    /// Pops the newest deferred allocation if it was pushed above `base`.
    fn pop_above(&self, base: usize) -> Option<Deferred> {
        if self.pending.get() <= base {
            return None;
        }
        PENDING
            .try_with(|pending| {
                let mut pending = pending.try_borrow_mut().ok()?;
                let deferred = pending.pop();
                self.pending.set(pending.len());
                deferred
            })
            .ok()
            .flatten()
    }

    /// Drops the deferred allocations pushed above `base`, and the ones they push in turn.
    #[inline]
    fn drain(&self, base: usize) {
        if self.pending.get() > base {
            self.drain_slow(base);
        }
    }

    #[cold]
    #[allow(unsafe_code)]
    fn drain_slow(&self, base: usize) {
        while let Some(deferred) = self.pop_above(base) {
            // SAFETY:
            // - `deferred.drop` is `drop_erased::<T>` for the `T` that `deferred.ptr` was made from
            //   (both are set together in `defer`);
            // - `deferred.ptr` came from `Arc::into_raw` of an `Arc` with a count of one and was popped
            //   from the list, so it is used exactly once, here.
            unsafe { (deferred.drop)(deferred.ptr) };
        }
    }
}

/// One level of in-place drop: on the way out (normal or unwinding) it drains what its value's
/// drop deferred and restores the depth.
struct Frame<'a> {
    counters: &'a Counters,
    base: usize,
    depth: usize,
}

impl Drop for Frame<'_> {
    fn drop(&mut self) {
        /// Finishes the frame if a deferred drop panics: drains the rest (a second panic aborts, as
        /// for the elements of a `Vec`) and restores the depth, so the thread stays usable.
        struct Finish<'f, 'a>(&'f Frame<'a>);
        impl Drop for Finish<'_, '_> {
            fn drop(&mut self) {
                self.0.counters.drain(self.0.base);
                self.0.counters.depth.set(self.0.depth);
            }
        }
        let finish = Finish(self);
        self.counters.drain(self.base);
        drop(finish);
    }
}

/// Rebuilds the `triomphe::Arc<T>` behind `ptr` and drops it (its count is one: this frees `T`).
///
/// # Safety
///
/// - `ptr` must come from `triomphe::Arc::<T>::into_raw` of an `Arc` whose count is one, and must
///   not be used again.
#[allow(unsafe_code)]
unsafe fn drop_erased<T: 'static>(ptr: *const ()) {
    // SAFETY:
    // - `ptr` is the `*const T` from `Arc::<T>::into_raw` (cast back to the same `T`, keeping its
    //   provenance), as the caller guarantees;
    // - it is used once: the rebuilt `Arc` owns the only count and is dropped right here.
    drop(unsafe { triomphe::Arc::<T>::from_raw(ptr.cast::<T>()) });
}
