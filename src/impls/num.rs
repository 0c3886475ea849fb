//! `core::num`: the `NonZero` integers, `Wrapping`, `Saturating`, and the plain enums and
//! error values of integer and float parsing.

use core::num::{
    FpCategory, IntErrorKind, NonZero, ParseFloatError, ParseIntError, Saturating, TryFromIntError,
    Wrapping,
};

use crate::Frozen;

// `NonZero<T>` is stable only for the 12 primitive integers (its `ZeroablePrimitive` bound is
// unnameable on stable), so it is listed once per integer instead of generically.
// SAFETY: a `NonZero<T>` is a `T` integer in place (with a niche at zero): plain bits.
frozen_values!(
    NonZero<u8>,
    NonZero<u16>,
    NonZero<u32>,
    NonZero<u64>,
    NonZero<u128>,
    NonZero<usize>,
    NonZero<i8>,
    NonZero<i16>,
    NonZero<i32>,
    NonZero<i64>,
    NonZero<i128>,
    NonZero<isize>,
);

// SAFETY: `FpCategory` and `IntErrorKind` are fieldless enums; the three error types hold only
// such a kind (or nothing): plain bits with no pointer.
frozen_values!(
    FpCategory,
    IntErrorKind,
    ParseIntError,
    ParseFloatError,
    TryFromIntError
);

// SAFETY:
// - No interior mutability: `Wrapping<T>` is a `T` in place (`repr(transparent)`); its
//   arithmetic takes `self` or `&mut self`.
// - Deep: the only value it holds is a `T: Frozen`.
// - `'static`: `T: 'static` (supertrait of `Frozen`).
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for Wrapping<T> {}

// SAFETY:
// - No interior mutability: `Saturating<T>` is a `T` in place (`repr(transparent)`); its
//   arithmetic takes `self` or `&mut self`.
// - Deep: the only value it holds is a `T: Frozen`.
// - `'static`: `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for Saturating<T> {}
