//! `core::hash` and `std::hash`: `RandomState`, `DefaultHasher`, `BuildHasherDefault<H>`.
//!
//! A `Frozen` hasher builder means the builder's *value* never changes; it does not promise
//! anything about the hashers it builds, which are fresh values owned by whoever hashes.

use core::hash::BuildHasherDefault;
#[cfg(feature = "std")]
use std::hash::{DefaultHasher, RandomState};

// SAFETY: `RandomState` is two `u64` keys chosen when it is made; `DefaultHasher` is SipHash-1-3
// state (`u64` words and a length) that changes only through `Hasher::write(&mut self)`. Plain
// integers in place, no pointer.
#[cfg(feature = "std")]
frozen_values!(RandomState, DefaultHasher);

// SAFETY:
// - No interior mutability: `BuildHasherDefault<H>` is a zero-sized `PhantomData<fn() -> H>`;
//   it stores nothing at all.
// - Deep: it holds no `H`, only a fn-pointer marker, which is `Frozen` whatever `H` is (see
//   `fnptr.rs`). The `H` that `build_hasher(&self)` returns is a fresh `H::default()` owned by
//   the caller and never reachable from the builder, so `H` needs no `Frozen` bound.
// - `'static`: `H: 'static` is the one bound, for the supertrait.
#[allow(unsafe_code)]
unsafe impl<H: 'static> crate::Frozen for BuildHasherDefault<H> {}
