//! Bounded-stack dropping of the last handle to a value (see `FrozenArc`'s "Dropping deep graphs").
//!
//! Dropping a `T` drops its fields, which may hold the last handles of other values, and so on:
//! a chain of N `FrozenArc`s recurses N times. Here each thread keeps a depth counter and a list of
//! deferred allocations. `drop_last` drops a value in place while the thread is fewer than
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

struct State {
    /// Number of `FrozenArc` values being dropped in place on this thread, nested.
    depth: Cell<usize>,
    /// Deferred allocations, last in first out.
    pending: RefCell<Vec<Deferred>>,
}

thread_local! {
    static STATE: State = const {
        State { depth: Cell::new(0), pending: RefCell::new(Vec::new()) }
    };
}

/// Drops `last`, the only handle to its value, without unbounded recursion.
#[inline]
pub(super) fn drop_last<T>(last: triomphe::UniqueArc<T>) {
    if !mem::needs_drop::<T>() {
        // Nothing inside can hold another handle: just free the allocation.
        drop(last);
        return;
    }
    drop_last_slow(last);
}

#[inline(never)]
fn drop_last_slow<T>(last: triomphe::UniqueArc<T>) {
    let mut slot = Some(last);
    // Fails only while this thread's thread-locals are being destroyed; then `slot` is still full and
    // the value is dropped recursively below (thread teardown drops what is left of that thread).
    let _ = STATE.try_with(|state| state.drop_in(&mut slot));
    drop(slot);
}

impl State {
    fn drop_in<T>(&self, slot: &mut Option<triomphe::UniqueArc<T>>) {
        let depth = self.depth.get();
        if depth >= MAX_DEPTH {
            // Never fails: nothing holds a borrow of `pending` while running other code.
            if let Ok(mut pending) = self.pending.try_borrow_mut() {
                if let Some(last) = slot.take() {
                    let arc = triomphe::UniqueArc::shareable(last);
                    pending.push(Deferred {
                        ptr: triomphe::Arc::into_raw(arc).cast::<()>(),
                        drop: drop_erased::<T>,
                    });
                }
                return;
            }
        }
        let frame = Frame {
            state: self,
            base: self.pending.try_borrow().map_or(0, |pending| pending.len()),
            depth,
        };
        self.depth.set(depth + 1);
        // Drops the value in place: its fields' handles come back here one level deeper.
        drop(slot.take());
        drop(frame);
    }

    /// Pops the newest deferred allocation if it was pushed above `base`.
    fn pop_above(&self, base: usize) -> Option<Deferred> {
        let mut pending = self.pending.try_borrow_mut().ok()?;
        if pending.len() > base {
            pending.pop()
        } else {
            None
        }
    }

    /// Drops the deferred allocations pushed above `base`, and the ones they push in turn.
    #[allow(unsafe_code)]
    fn drain(&self, base: usize) {
        while let Some(deferred) = self.pop_above(base) {
            // SAFETY:
            // - `deferred.drop` is `drop_erased::<T>` for the `T` that `deferred.ptr` was made from
            //   (both are set together in `drop_in`);
            // - `deferred.ptr` came from `Arc::into_raw` of an `Arc` with a count of one and was popped
            //   from the list, so it is used exactly once, here.
            unsafe { (deferred.drop)(deferred.ptr) };
        }
    }
}

/// One level of in-place drop: on the way out (normal or unwinding) it drains what its value's
/// drop deferred and restores the depth.
struct Frame<'a> {
    state: &'a State,
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
                self.0.state.drain(self.0.base);
                self.0.state.depth.set(self.0.depth);
            }
        }
        let finish = Finish(self);
        self.state.drain(self.base);
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
unsafe fn drop_erased<T>(ptr: *const ()) {
    // SAFETY:
    // - `ptr` is the `*const T` from `Arc::<T>::into_raw` (cast back to the same `T`, keeping its
    //   provenance), as the caller guarantees;
    // - it is used once: the rebuilt `Arc` owns the only count and is dropped right here.
    drop(unsafe { triomphe::Arc::<T>::from_raw(ptr.cast::<T>()) });
}
