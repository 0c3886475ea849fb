//! `core::pin`: `Pin<P>`.
//!
//! `Pin<Box<T>>`, `Pin<Arc<T>>` and `Pin<&'static T>` are `Frozen` when `T` is;
//! `Pin<&'static mut T>` never is, because `&mut T` is not.

use core::pin::Pin;

use crate::Frozen;

// SAFETY:
// - No interior mutability: `Pin<P>` is the pointer `P` in place (`repr(transparent)`); every
//   method that changes it or its pointee (`set`, `as_mut`, `get_mut`) takes `&mut Pin<P>` or
//   `Pin<P>` by value, and through `&Pin<P>` one reaches only `Pin<&P::Target>`, that is the
//   same `&` access `P: Frozen` already allows.
// - Deep: the only value it holds is a `P: Frozen`, which proves its own pointee.
// - `'static`: `P: 'static`.
#[allow(unsafe_code)]
unsafe impl<P: Frozen> Frozen for Pin<P> {}
