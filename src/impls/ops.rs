//! `core::ops`: the ranges, `Bound<T>` and `ControlFlow<B, C>`.
//!
//! The ranges are iterators, but stepping one takes `&mut self`: through a shared reference a
//! range is just its bounds.

use core::ops::{
    Bound, ControlFlow, Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive,
};

use crate::Frozen;

// SAFETY: `RangeFull` is a unit struct: no bytes at all.
frozen_values!(RangeFull);

/// Implements `Frozen` for a range type holding values of its one parameter `T` in place.
macro_rules! frozen_range {
    ($($range:ident),+) => {$(
        // SAFETY:
        // - No interior mutability: the range is its bounds, values of `T` in place (plus an
        //   `exhausted: bool` for `RangeInclusive`); `Iterator::next` takes `&mut self`.
        // - Deep: the only values it holds are `T: Frozen`.
        // - `'static`: `T: 'static`.
        #[allow(unsafe_code)]
        unsafe impl<T: Frozen> Frozen for $range<T> {}
    )+};
}

frozen_range!(
    Range,
    RangeInclusive,
    RangeFrom,
    RangeTo,
    RangeToInclusive,
    Bound
);

// SAFETY:
// - No interior mutability: a tag and a `B` or a `C`, in place.
// - Deep: the only values it can hold are a `B: Frozen` or a `C: Frozen`.
// - `'static`: `B, C: 'static`.
#[allow(unsafe_code)]
unsafe impl<B: Frozen, C: Frozen> Frozen for ControlFlow<B, C> {}
