//! `alloc::boxed`: `Box<T>`.
//!
//! `Box<dyn Trait>` is `Frozen` only when `dyn Trait: Frozen`, that is for `dyn Frozen` and for
//! traits with `Frozen` as a supertrait (see `mod.rs`).

use alloc::boxed::Box;

use crate::Frozen;

// SAFETY:
// - No interior mutability: a `Box<T>` uniquely owns one heap `T`; through `&Box<T>` one reaches
//   only `&T`, and `T: Frozen` has no `UnsafeCell` in its graph.
// - Deep: the only value it holds is the `T: Frozen` (sized or not).
// - `'static`: it owns its `T`, and `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen + ?Sized> Frozen for Box<T> {}
