//! `Frozen` for the types of `core`, `alloc` and `std`, one file per std module.
//!
//! (Bootstrap set; the full table of DESIGN §2 is being filled in.)
#![allow(unsafe_code)]

use crate::Frozen;

macro_rules! frozen_leaf {
    ($($ty:ty),* $(,)?) => {$(
        // SAFETY:
        // - a plain value type: no `UnsafeCell`, no pointer, nothing reachable beyond its bytes;
        // - it is `Send + Sync + 'static`.
        unsafe impl Frozen for $ty {}
    )*};
}

frozen_leaf!(
    bool,
    char,
    (),
    str,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
    String
);

// SAFETY: `Option<T>` holds a `T` or nothing; `T: Frozen` covers everything reachable.
unsafe impl<T: Frozen> Frozen for Option<T> {}
// SAFETY: `Box<T>` uniquely owns its `T: Frozen` and gives no mutation through `&Box<T>`.
unsafe impl<T: Frozen + ?Sized> Frozen for Box<T> {}
// SAFETY: `Vec<T>` owns its elements, each `T: Frozen`; `&Vec<T>` gives only `&T`.
unsafe impl<T: Frozen> Frozen for Vec<T> {}
// SAFETY: `[T; N]` is `N` values of `T: Frozen`, in place.
unsafe impl<T: Frozen, const N: usize> Frozen for [T; N] {}
// SAFETY: `[T]` is values of `T: Frozen`, in place.
unsafe impl<T: Frozen> Frozen for [T] {}
// SAFETY: a `'static` shared reference gives only `&T` to a `T: Frozen` that outlives everything.
unsafe impl<T: Frozen + ?Sized> Frozen for &'static T {}
// SAFETY: `std::sync::Arc<T>` shares a `T: Frozen`; only its counts change, and it gives only `&T`.
unsafe impl<T: Frozen + ?Sized> Frozen for std::sync::Arc<T> {}
// SAFETY: a tuple is its fields in place, each `Frozen`.
unsafe impl<A: Frozen, B: Frozen> Frozen for (A, B) {}
// SAFETY: a tuple is its fields in place, each `Frozen`.
unsafe impl<A: Frozen, B: Frozen, C: Frozen> Frozen for (A, B, C) {}
