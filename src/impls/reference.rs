//! Shared references `&'static T`.
//!
//! Only `'static` ones: a shorter borrow can end while the value is still shared. `&mut T` is
//! never `Frozen` (it is the one handle through which its target may change).

use crate::Frozen;

// SAFETY:
// - No interior mutability: through `&&'static T` one reaches only `&T`, and `T: Frozen` has no
//   `UnsafeCell` in its graph; the reference itself is an immutable address.
// - Deep: the only value reachable is the `T: Frozen` (sized or not: `str`, `[U]`, `dyn Frozen`).
// - `'static`: the borrow is `'static` and `T: 'static`; `Send`/`Sync` follow from `T: Sync`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen + ?Sized> Frozen for &'static T {}
