//! `std::sync`: `Arc<T>`.
//!
//! Nothing else in `std::sync` is `Frozen`: `Mutex`, `RwLock`, `Condvar`, `Barrier`,
//! `OnceLock`, `LazyLock`, the atomics, `Weak` and the channels exist to change behind `&`.

use alloc::sync::Arc;

use crate::Frozen;

// SAFETY:
// - No interior mutability: the only thing that changes behind `&Arc<T>` is the strong and weak
//   reference counts, which the contract allows for shared handles; through `&Arc<T>` one
//   reaches only `&T`, and `T: Frozen` has no `UnsafeCell` in its graph. (`get_mut` and
//   `make_mut` take `&mut Arc<T>` and act only when no one else can see the `T`.)
// - Deep: the only value it holds is the `T: Frozen` (sized or not).
// - `'static`: the allocation lives as long as any handle, and `T: 'static`. `Frozen` values
//   cannot form an `Arc` cycle (that needs interior mutability or a `Weak`), so counting frees
//   it exactly.
#[allow(unsafe_code)]
unsafe impl<T: Frozen + ?Sized> Frozen for Arc<T> {}
