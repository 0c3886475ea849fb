//! A global allocator that counts, per thread, the bytes live now, the peak, and the bytes
//! requested in all. Per thread, so that tests running in parallel do not disturb each other.
//!
//! Use it from a test file with `#[path = "common/counting_alloc.rs"] mod counting_alloc;` and
//! `#[global_allocator] static ALLOC: counting_alloc::Counting = counting_alloc::Counting;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The counting allocator: forwards to `System`.
pub(crate) struct Counting;

thread_local! {
    // Const-initialized thread locals without destructors: no allocation, never torn down.
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
    static REQUESTED: Cell<usize> = const { Cell::new(0) };
}

fn grow(bytes: usize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get().wrapping_add_unsigned(bytes);
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
    let _ = REQUESTED.try_with(|r| r.set(r.get().saturating_add(bytes)));
}

fn shrink(bytes: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().wrapping_sub_unsigned(bytes)));
}

// SAFETY:
// - every method forwards to `System` with the caller's arguments unchanged, so `System`'s
//   guarantees are passed through; the counting touches only thread-local `Cell`s.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        // SAFETY:
        // - our caller upholds `GlobalAlloc::alloc`'s contract for `layout`, which is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        // SAFETY:
        // - our caller upholds `GlobalAlloc::alloc_zeroed`'s contract for `layout`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrink(layout.size());
        // SAFETY:
        // - `ptr` was allocated by this allocator, i.e. by `System`, with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grow(new_size);
        shrink(layout.size());
        // SAFETY:
        // - `ptr` was allocated by `System` with `layout`, and our caller upholds `realloc`'s
        //   contract for `new_size`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// What `f` allocated on this thread.
#[derive(Debug, Clone, Copy)]
#[allow(dead_code)]
pub(crate) struct Usage {
    /// Bytes still allocated when `f` returned (its result's heap, for a constructor).
    pub(crate) retained: isize,
    /// The most bytes allocated at once while `f` ran, above what was allocated before.
    pub(crate) peak: isize,
    /// Bytes requested while `f` ran, freed or not.
    pub(crate) requested: usize,
}

/// Runs `f` and returns its result with what it allocated on this thread.
#[allow(dead_code)]
pub(crate) fn measure<R>(f: impl FnOnce() -> R) -> (R, Usage) {
    let live_before = LIVE.with(Cell::get);
    let peak_before = PEAK.with(|peak| peak.replace(live_before));
    let requested_before = REQUESTED.with(Cell::get);
    let result = f();
    let usage = Usage {
        retained: LIVE.with(Cell::get) - live_before,
        peak: PEAK.with(Cell::get) - live_before,
        requested: REQUESTED.with(Cell::get) - requested_before,
    };
    PEAK.with(|peak| peak.set(peak.get().max(peak_before)));
    (result, usage)
}
