//! The [`Frozen`] trait: the static proof that a value's whole reachable graph is immutable.

/// A type whose every value is *deeply* immutable: nothing reachable from a shared reference to it
/// can ever change.
///
/// A `T: Frozen` bound means "share this for free": a value of `T` may be read by any number of
/// threads through shared references, without synchronization, and every reader sees the same
/// value for as long as it lives. Wrap it in a [`FrozenArc`](crate::FrozenArc) and handing it to
/// another thread costs one atomic increment, whatever the size of its graph.
///
/// `Frozen` costs nothing at run time: it is a marker trait with no methods, checked entirely by
/// the compiler. Implement it with `#[derive(Frozen)]`, which checks every field.
///
/// ```
/// use deepfreeze::Frozen;
///
/// #[derive(Frozen)]
/// struct Config {
///     name: String,
///     ports: Vec<u16>,
///     limits: Option<Box<[u64; 4]>>,
/// }
///
/// fn share<T: Frozen>(value: T) -> std::sync::Arc<T> {
///     std::sync::Arc::new(value)
/// }
/// let shared = share(Config { name: "api".into(), ports: vec![80, 443], limits: None });
/// assert_eq!(shared.ports, [80, 443]);
/// ```
///
/// A type with interior mutability anywhere in its graph is rejected at compile time, with one
/// error at the field:
///
/// ```compile_fail,E0277
/// use deepfreeze::Frozen;
///
/// #[derive(Frozen)]
/// struct Counter {
///     hits: std::sync::atomic::AtomicU64, // error: `AtomicU64` is not `Frozen`
/// }
/// ```
///
/// # How it differs from its neighbours
///
/// - [`Send`] + [`Sync`] say a value *may* be shared, not that it will not change: a
///   `Mutex<Vec<u8>>` is `Sync` and mutable through `&`. `Frozen` requires both and adds that
///   nothing reachable can change.
/// - zerocopy's `Immutable` is shallow (it looks only at the bytes of the value itself, not behind
///   pointers) and its docs forbid `unsafe` code from relying on it. `Frozen` is deep and is meant to
///   be relied upon.
/// - `core::marker::Freeze` (unstable, compiler-internal) is shallow too: `Box<Cell<u8>>` is
///   `Freeze`, but it is not `Frozen`.
///
/// # Safety
///
/// Implementing `Frozen` for `T` promises, for every value `v: T`:
///
/// - **No interior mutability, anywhere.** `T` holds no [`UnsafeCell`](core::cell::UnsafeCell)
///   (so no `Cell`, `RefCell`, `OnceCell`, `OnceLock`, `Mutex`, `RwLock`, atomic, ...) directly or
///   behind any pointer it owns or can reach (`Box`, `Arc`, `&'static`, `Vec`, a collection node),
///   with one exception: the reference counts of shared handles (`Arc`, [`FrozenArc`](crate::FrozenArc),
///   the nodes of the frozen collections), which never change the value they count.
/// - **Deep.** Every type reachable through `v` (fields, elements, pointees, the key and value
///   types of a collection, a hasher) is itself `Frozen`.
/// - **Owned or `'static`.** Everything reachable lives at least as long as `v` (the `'static`
///   supertrait); no non-`'static` borrow, no raw pointer, no trait object whose concrete type is
///   unknown.
///
/// In consequence, any number of threads may read `v` through shared references without
/// synchronization, and all of them observe the same value for as long as `v` exists. Code outside
/// this crate, `unsafe` code included, may rely on this. A frozen graph cannot contain a reference
/// cycle (that needs interior mutability or a `Weak`), so reference counting frees it exactly.
///
/// `Frozen` does not forbid *owners* from replacing a value (`let mut v; v = w;`) or from updating it
/// through `&mut` (a `&mut T` proves no one else can see it). It is about what is reachable through
/// a shared reference.
///
/// # Writing an `unsafe impl` by hand
///
/// Prefer `#[derive(Frozen)]`. When a type cannot derive it (a foreign type, a type whose fields
/// are private to another crate), an `unsafe impl` is allowed if you can prove every point above
/// and write the proof down:
///
/// ```
/// use deepfreeze::Frozen;
///
/// /// An interned identifier: a plain `u32` with a private constructor.
/// pub struct Symbol(u32);
///
/// // SAFETY:
/// // - `Symbol` holds only a `u32`: no `UnsafeCell`, no pointer, nothing reachable.
/// // - `u32` is `Frozen`, and `Symbol` is `Send + Sync + 'static`.
/// unsafe impl Frozen for Symbol {}
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `Frozen`: it, or something it contains, can change behind a shared reference",
    label = "`{Self}` is not deeply immutable",
    note = "a `Frozen` value must hold no `Cell`, `RefCell`, `Mutex`, `RwLock`, atomic, `Rc`, raw pointer, trait object or non-'static reference, directly or behind any pointer",
    note = "derive it with `#[derive(deepfreeze::Frozen)]`, store the data in a frozen container (`FrozenArc`, `FrozenStr`, `FrozenVec`, `FrozenMap`, ...), or, for an externally proven case, write `unsafe impl Frozen` with a `// SAFETY:` proof"
)]
#[allow(unsafe_code)] // Declaring the contract; every impl carries its own `// SAFETY:` proof.
pub unsafe trait Frozen: Send + Sync + 'static {}
