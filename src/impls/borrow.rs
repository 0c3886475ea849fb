//! `alloc::borrow`: `Cow<'static, B>`.

use alloc::borrow::{Cow, ToOwned};

use crate::Frozen;

// SAFETY:
// - No interior mutability: a `Cow` is a tag and either a `&'static B` or a `B::Owned`, in
//   place; `to_mut` takes `&mut self`. Through `&Cow` one reaches only `&B` (by `Deref`, from
//   either variant).
// - Deep: the values it can hold are a `B: Frozen` (borrowed) or a `B::Owned: Frozen`.
// - `'static`: the borrow is `'static`, and `B, B::Owned: 'static`.
#[allow(unsafe_code)]
unsafe impl<B> Frozen for Cow<'static, B>
where
    B: ?Sized + ToOwned + Frozen,
    B::Owned: Frozen,
{
}
