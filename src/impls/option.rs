//! `core::option`: `Option<T>`.

use crate::Frozen;

// SAFETY:
// - No interior mutability: an `Option<T>` is a tag and maybe a `T`, in place; only
//   `&mut self` methods (`take`, `insert`, `get_or_insert`, ...) change it.
// - Deep: the only value it can hold is a `T: Frozen`.
// - `'static`: `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for Option<T> {}
