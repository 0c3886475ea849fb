//! `core::marker`: `PhantomData<T>` and `PhantomPinned`.

use core::marker::{PhantomData, PhantomPinned};

use crate::Frozen;

// SAFETY: `PhantomPinned` is a unit struct: no bytes at all (it only removes `Unpin`).
frozen_values!(PhantomPinned);

// SAFETY:
// - No interior mutability: `PhantomData<T>` is zero-sized and stores nothing.
// - Deep: it holds no `T`, but it declares that its owner acts as if it owned one (beside a raw
//   pointer, say), so `T: Frozen` is required: a marker must not claim more than the data it
//   stands for. `PhantomData<fn() -> T>` is the way to mark a type without owning it.
// - `'static`: `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen + ?Sized> Frozen for PhantomData<T> {}
