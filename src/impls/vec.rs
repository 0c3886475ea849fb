//! `alloc::vec`: `Vec<T>`.

use alloc::vec::Vec;

use crate::Frozen;

// SAFETY:
// - No interior mutability: a `Vec<T>` is a pointer, capacity and length, and uniquely owns its
//   buffer; every method that changes them takes `&mut self`, and `&Vec<T>` gives only `&[T]`.
// - Deep: its elements are values of `T: Frozen`.
// - `'static`: it owns its elements, and `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for Vec<T> {}
