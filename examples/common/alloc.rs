//! A global allocator that counts live bytes and their peak, on top of the system allocator.
//!
//! Install it with `#[global_allocator] static ALLOC: Counting = Counting;`, then read
//! [`current`] and [`peak`], and call [`reset_peak`] before the section you measure.
//!
//! Counting costs two shared atomic updates per allocation, which threads that allocate in
//! parallel contend on; [`set_counting`] turns it off around timed sections. Bytes allocated
//! while counting is off are not counted when they are freed either: a block remembers nothing,
//! so instead the counters are signed and only differences taken while counting is on mean
//! anything.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};

static COUNTING: AtomicBool = AtomicBool::new(true);
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

/// The counting allocator: forwards to [`System`] and keeps [`current`] and [`peak`] up to date.
pub(crate) struct Counting;

fn grew(by: usize) {
    if COUNTING.load(Relaxed) {
        let now = CURRENT.fetch_add(by as isize, Relaxed) + by as isize;
        PEAK.fetch_max(now, Relaxed);
    }
}

fn shrank(by: usize) {
    if COUNTING.load(Relaxed) {
        CURRENT.fetch_sub(by as isize, Relaxed);
    }
}

// SAFETY:
// - every method forwards to `System` with the caller's arguments unchanged, so `System`'s
//   guarantees (alignment, size, ownership) carry over;
// - the counters are plain atomics and never touch the returned memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract (non-zero size), which is
        // exactly `System::alloc`'s.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as `alloc`, forwarded unchanged.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller guarantees `ptr` came from this allocator (hence from `System`)
        // with this `layout`.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `ptr`/`layout` describe a live block of this allocator
        // (hence of `System`) and that `new_size` is valid for `layout.align()`.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        new
    }
}

/// Bytes allocated minus bytes freed while counting was on: the live heap, if it always was.
pub(crate) fn current() -> isize {
    CURRENT.load(Relaxed)
}

/// The highest [`current`] seen since the last [`reset_peak`] (or since start).
pub(crate) fn peak() -> isize {
    PEAK.load(Relaxed)
}

/// Turns counting on or off (it starts on).
pub(crate) fn set_counting(on: bool) {
    COUNTING.store(on, Relaxed);
}

/// Restarts peak tracking from the current number of live bytes.
pub(crate) fn reset_peak() {
    PEAK.store(CURRENT.load(Relaxed), Relaxed);
}
