//! Arrays `[T; N]` and slices `[T]`.

use crate::Frozen;

// SAFETY:
// - No interior mutability: `[T; N]` is `N` values of `T` in place.
// - Deep: every element is a `T: Frozen`.
// - `'static`: `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen, const N: usize> Frozen for [T; N] {}

// SAFETY:
// - No interior mutability: `[T]` is values of `T` in place (reached through whatever pointer
//   holds the slice, which proves its own impl).
// - Deep: every element is a `T: Frozen`.
// - `'static`: `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for [T] {}
