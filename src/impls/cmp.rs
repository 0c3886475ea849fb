//! `core::cmp`: `Ordering` and `Reverse<T>`.

use core::cmp::{Ordering, Reverse};

use crate::Frozen;

// SAFETY: `Ordering` is a fieldless enum: one `i8` tag in place.
frozen_values!(Ordering);

// SAFETY:
// - No interior mutability: `Reverse<T>` is a `T` in place (`repr(transparent)`).
// - Deep: the only value it holds is a `T: Frozen`.
// - `'static`: `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for Reverse<T> {}
