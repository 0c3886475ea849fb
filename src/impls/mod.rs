//! `Frozen` for the types of `core`, `alloc` and `std`, one file per std module.
//!
//! Every impl is as generic as the std type and bounded on exactly the parameters whose values
//! the type holds (`Vec<T>` needs `T: Frozen`; `BuildHasherDefault<H>` holds no `H` and needs
//! nothing). Every `unsafe impl` carries a `// SAFETY:` comment with one bullet per obligation
//! of the contract (see `src/frozen.rs`, `# Safety`):
//!
//! - **No interior mutability**: no `UnsafeCell`, in place or behind any pointer, except the
//!   reference counts of shared handles;
//! - **Deep**: every type reachable through a value is itself `Frozen`;
//! - **`'static`**: nothing reachable is borrowed for less than `'static`.
//!
//! `Send + Sync + 'static` are supertraits, so the compiler checks them for every impl; the
//! comments say why they hold only where that is not obvious.
//!
//! # Decisions
//!
//! - **`dyn Frozen` is `Frozen`.** `Frozen` has no methods, so it is dyn-compatible and the
//!   compiler gives `dyn Frozen: Frozen` (and `dyn Frozen + Send + Sync: Frozen`, and
//!   `dyn MyTrait: Frozen` for every `trait MyTrait: Frozen`) by itself; no impl here can add or
//!   remove that. It is sound: a `dyn Frozen` is always some concrete `T: Frozen` behind a
//!   `'static` vtable, which is read-only. So `Box<dyn Frozen>`, `Arc<dyn Handler>` with
//!   `trait Handler: Frozen` are `Frozen`. Every other trait object (`dyn Fn()`, `dyn Any +
//!   Send + Sync`, ...) is not, because its concrete type is not known to be `Frozen`.
//! - **`fn` pointers** of every `'static` signature are `Frozen` whatever their argument and
//!   return types: a fn pointer is the address of immutable code and holds no value of those
//!   types. What the function *does* when called is behaviour, not reachable data (as for a
//!   method of any other `Frozen` type). So `PhantomData<fn() -> T>` marks a type without
//!   requiring `T: Frozen`. See `fnptr.rs` for the signatures covered.
//! - **`PhantomData<T>` requires `T: Frozen`.** It holds no `T`, but it declares that its owner
//!   acts as if it owned one (that is what it is for, e.g. beside a raw pointer), so the
//!   conservative reading is the safe one. `PhantomData<fn() -> T>` is the escape hatch.
//! - **`BuildHasherDefault<H>` needs no bound on `H`** (beyond `'static`): it is a
//!   `PhantomData<fn() -> H>`, a fn-pointer marker, and holds no `H`. The hasher it builds is a
//!   fresh value owned by the caller, never reachable from the map.
//! - **`Pin<P>` is `Frozen` when `P` is**: it is `P` in place (`repr(transparent)`), and every
//!   mutating method of `Pin` takes `&mut Pin<P>`; through `&Pin<P>` one gets only `Pin<&T>`.
//! - **`BinaryHeap<T>`** is a `Vec<T>` kept in heap order and **`LinkedList<T>`** uniquely owns
//!   its nodes; both give only `&T` through a shared reference (`peek_mut` takes `&mut self`).
//! - **`Discriminant<T>`** holds only the discriminant value of a `T` (an integer; the compiler
//!   bounds it `Send + Sync + Copy`), never a `T`, so it needs no bound on `T`.
//! - **Ranges** are iterators, but iterating one takes `&mut self`; through `&Range<T>` they are
//!   two plain `T`s (plus a `bool` for `RangeInclusive`). They are `Frozen` when `T` is. (The
//!   never-`Frozen` iterators of docs/DESIGN.md §2 are the borrowing ones, `slice::Iter` and friends.)
//!
//! # Never `Frozen`
//!
//! No impl exists, and none may be added, for `Cell`, `RefCell`, `UnsafeCell`, `OnceCell`,
//! `OnceLock`, `LazyCell`, `LazyLock`, `Mutex`, `RwLock`, `Condvar`, `Barrier`, atomics, `Rc`,
//! `rc::Weak`, `sync::Weak`, raw pointers and `NonNull`, `&mut T`, `MaybeUninit<T>` (its bytes
//! need not be a value at all), channels, thread handles, files and sockets, `Waker`,
//! `io::Error`, `Backtrace`, and iterator or entry types. `tests/frozen_impls.rs` asserts both
//! tables, including the never-`Frozen` types nested in every accepted container.
//!
//! A non-`'static` reference is never `Frozen`:
//!
//! ```compile_fail,E0597
//! fn need_frozen<T: deepfreeze::Frozen>(_: T) {}
//! let local = 7_u8;
//! need_frozen(&local); // error: `local` does not live long enough
//! ```

/// Implements `Frozen` for each listed type, with no generic parameters.
///
/// Only for types whose values are plain data in place (numbers, flags, enum tags) or a
/// uniquely owned, immutable-through-`&` buffer of such data, with no `UnsafeCell` and no
/// pointer to anything else. Each invocation carries its own `// SAFETY:` comment saying why
/// its types qualify.
macro_rules! frozen_values {
    ($($ty:ty),+ $(,)?) => {$(
        // SAFETY: (each invocation also states why its types qualify)
        // - No interior mutability: `$ty` is plain data in place or a uniquely owned buffer of
        //   plain data that is only readable through `&$ty`; no `UnsafeCell` anywhere.
        // - Deep: it holds no value of any other type, so nothing else is reachable.
        // - `'static`: it has no lifetime parameter.
        #[allow(unsafe_code)]
        unsafe impl $crate::Frozen for $ty {}
    )+};
}

mod alloc;
mod any;
mod array;
mod borrow;
mod boxed;
mod cmp;
mod collections;
mod convert;
mod ffi;
mod fnptr;
mod hash;
mod marker;
mod mem;
mod net;
mod num;
mod ops;
mod option;
mod path;
mod pin;
mod primitive;
mod reference;
mod result;
mod string;
mod sync;
mod time;
mod tuple;
mod vec;
