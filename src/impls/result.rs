//! `core::result`: `Result<T, E>`.

use crate::Frozen;

// SAFETY:
// - No interior mutability: a `Result<T, E>` is a tag and a `T` or an `E`, in place.
// - Deep: the only values it can hold are a `T: Frozen` or an `E: Frozen`.
// - `'static`: `T: 'static` and `E: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen, E: Frozen> Frozen for Result<T, E> {}
