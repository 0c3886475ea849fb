//! `core::mem`: `ManuallyDrop<T>` and `Discriminant<T>`.
//!
//! `MaybeUninit<T>` is never `Frozen`: it may hold no valid `T` at all (or a `T` that is about to
//! be written), so nothing can be promised about what is reachable from it.

use core::mem::{Discriminant, ManuallyDrop};

use crate::Frozen;

// SAFETY:
// - No interior mutability: `ManuallyDrop<T>` is a `T` in place (`repr(transparent)`); through
//   `&ManuallyDrop<T>` one reaches only `&T`. (Not dropping it leaks; it never changes it.)
// - Deep: the only value it holds is a `T: Frozen` (sized or not).
// - `'static`: `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen + ?Sized> Frozen for ManuallyDrop<T> {}

// SAFETY:
// - No interior mutability: a `Discriminant<T>` is the discriminant value of some `T` (an
//   integer type the compiler bounds `Copy + Send + Sync`), in place.
// - Deep: it holds no `T` and points at nothing, so `T` needs no `Frozen` bound.
// - `'static`: `T: 'static` is the one bound, for the supertrait.
#[allow(unsafe_code)]
unsafe impl<T: 'static> Frozen for Discriminant<T> {}
