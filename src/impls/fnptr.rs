//! Function pointers.
//!
//! A fn pointer is the address of code, and code never changes: it holds no value of its
//! argument or return types. So every fn pointer type is `Frozen` whatever those types are
//! (only `'static` is needed, for the supertrait), and `PhantomData<fn() -> T>` marks a type
//! without requiring `T: Frozen`. What the function does when it is called (touch a `static`
//! atomic, say) is behaviour, not data reachable from the pointer: a method of any `Frozen` type
//! can do the same.
//!
//! Covered, for the ABIs `"Rust"`, `"C"` and `"system"`, each safe and `unsafe`:
//!
//! - every signature of 0 to 12 arguments whose types are named without a higher-ranked
//!   lifetime: `fn(A, B) -> R`, `unsafe extern "C" fn(*mut c_void, usize)`,
//!   `fn(&'static str) -> bool`, `fn() -> !`;
//! - higher-ranked signatures (what an elided lifetime in a fn pointer type means) of 1 to 3
//!   arguments, each taken by value, as `&T` or as `&mut T` (`T` may be unsized), returning an
//!   owned `R`, and, when exactly one argument is a reference, also `&R` or `&mut R` borrowed
//!   from it: `fn(&str) -> usize`, `fn(&mut Vec<u8>, u8) -> &mut [u8]`,
//!   `for<'a, 'b> fn(&'a [u8], &'b mut String)`.
//!
//! Stable Rust cannot be generic over binders, so other higher-ranked shapes are not covered:
//! more than 3 arguments with a reference, a lifetime inside another type (`fn(Option<&T>)`,
//! `fn(&T) -> Option<&U>`), and `&dyn Trait` (whose elided object bound is the reference's
//! lifetime; write `&(dyn Trait + 'static)`). A newtype around such a pointer can carry its own
//! `unsafe impl Frozen` with the argument above as its proof.
//!
//! The 360 higher-ranked impls are `#[doc(hidden)]` so that the trait's page stays readable; the
//! 78 generic ones stay visible. The trait docs should state the rule in prose.
//!
//! The higher-ranked impls overlap the generic ones only up to the "leak check" that coherence
//! still performs, so rustc flags them with the future-compatibility lint
//! `coherence_leak_check` (rust-lang/rust#56105), allowed here as `wasm-bindgen` does. It has
//! warned since 2019 without becoming an error, and types-team members have called it a lint
//! they may rather drop (rust-lang/types-team#96). If it ever becomes an error, the fix is to
//! delete the higher-ranked impls; soundness is unaffected either way: `Frozen` has no items, so
//! which of two overlapping impls applies cannot matter.

/// Implements `Frozen` for the fn pointers of 0 to 12 arguments with the given qualifiers
/// (`unsafe`, `extern "C"`), every argument and the return type a generic `'static` type.
macro_rules! frozen_fn_ptrs {
    (@arity $quals:tt [$($done:ident)*] [$next:ident $($rest:ident)*]) => {
        frozen_fn_ptrs!(@impl $quals [$($done)*]);
        frozen_fn_ptrs!(@arity $quals [$($done)* $next] [$($rest)*]);
    };
    (@arity $quals:tt [$($done:ident)*] []) => {
        frozen_fn_ptrs!(@impl $quals [$($done)*]);
    };
    (@impl [$($q:tt)*] [$($A:ident)*]) => {
        // SAFETY:
        // - No interior mutability: a fn pointer is an immutable code address.
        // - Deep: it holds no value of its argument or return types, only code, so they need
        //   no `Frozen` bound.
        // - `'static`: every argument and the return type is bounded `'static`; fn pointers are
        //   `Send + Sync`.
        #[allow(unsafe_code)]
        unsafe impl<$($A: 'static,)* R: 'static> $crate::Frozen for $($q)* fn($($A),*) -> R {}
    };
    ($($quals:tt)+) => {$(
        frozen_fn_ptrs!(@arity $quals [] [A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12]);
    )+};
}

/// Implements `Frozen` for the higher-ranked fn pointers whose arguments are the given
/// parameters, each by value, `&'x P` or `&'x mut P`, with at least one reference.
///
/// Input: the qualifier sets (`[[] [unsafe] [extern "C"] ...]`), then each parameter with the
/// lifetime it gets if it is taken by reference: `(A1 'a1) (A2 'a2)`.
macro_rules! frozen_hr_fn_ptrs {
    // Place the next parameter: by value, as `&'x P`, or as `&'x mut P`.
    (@place $quals:tt [$($g:tt)*] [$($lt:lifetime)*] [$($arg:ty,)*]
        [($P:ident $l:lifetime) $($rest:tt)*]) => {
        frozen_hr_fn_ptrs!(@place $quals [$($g)* $P: 'static,] [$($lt)*]
            [$($arg,)* $P,] [$($rest)*]);
        frozen_hr_fn_ptrs!(@place $quals [$($g)* $P: ?Sized + 'static,] [$($lt)* $l]
            [$($arg,)* &$l $P,] [$($rest)*]);
        frozen_hr_fn_ptrs!(@place $quals [$($g)* $P: ?Sized + 'static,] [$($lt)* $l]
            [$($arg,)* &$l mut $P,] [$($rest)*]);
    };
    // No reference: not higher-ranked, `frozen_fn_ptrs!` covers it.
    (@place $quals:tt $g:tt [] $args:tt []) => {};
    // Exactly one reference: the return type may also borrow from it (lifetime elision).
    (@place $quals:tt [$($g:tt)*] [$l:lifetime] $args:tt []) => {
        frozen_hr_fn_ptrs!(@quals $quals [$($g)* R: 'static] [$l] $args [R]);
        frozen_hr_fn_ptrs!(@quals $quals [$($g)* R: ?Sized + 'static] [$l] $args [&$l R]);
        frozen_hr_fn_ptrs!(@quals $quals [$($g)* R: ?Sized + 'static] [$l] $args [&$l mut R]);
    };
    // Two or more references: an owned return type.
    (@place $quals:tt [$($g:tt)*] [$($lt:lifetime)+] $args:tt []) => {
        frozen_hr_fn_ptrs!(@quals $quals [$($g)* R: 'static] [$($lt)+] $args [R]);
    };
    (@quals [$($quals:tt)+] $g:tt $lt:tt $args:tt $ret:tt) => {$(
        frozen_hr_fn_ptrs!(@impl $quals $g $lt $args $ret);
    )+};
    // Hidden from rustdoc: 360 mechanical shapes, listed in the module docs.
    (@impl [$($q:tt)*] [$($g:tt)*] [$($lt:lifetime)+] [$($arg:ty,)*] [$ret:ty]) => {
        // SAFETY:
        // - No interior mutability: a fn pointer is an immutable code address.
        // - Deep: it holds no value of its argument or return types (nor anything they borrow),
        //   only code, so they need no `Frozen` bound.
        // - `'static`: every type parameter is bounded `'static`, and the lifetimes are bound by
        //   the pointer's own `for<..>`, so the type is `'static`; fn pointers are
        //   `Send + Sync`.
        #[allow(unsafe_code, coherence_leak_check)]
        #[doc(hidden)]
        unsafe impl<$($g)*> $crate::Frozen for for<$($lt),+> $($q)* fn($($arg),*) -> $ret {}
    };
    ($quals:tt $(($P:ident $l:lifetime))+) => {
        frozen_hr_fn_ptrs!(@place $quals [] [] [] [$(($P $l))+]);
    };
}

frozen_fn_ptrs!([] [unsafe] [extern "C"] [unsafe extern "C"] [extern "system"] [unsafe extern "system"]);

frozen_hr_fn_ptrs!(
    [[] [unsafe] [extern "C"] [unsafe extern "C"] [extern "system"] [unsafe extern "system"]]
    (A1 'a1)
);
frozen_hr_fn_ptrs!(
    [[] [unsafe] [extern "C"] [unsafe extern "C"] [extern "system"] [unsafe extern "system"]]
    (A1 'a1) (A2 'a2)
);
frozen_hr_fn_ptrs!(
    [[] [unsafe] [extern "C"] [unsafe extern "C"] [extern "system"] [unsafe extern "system"]]
    (A1 'a1) (A2 'a2) (A3 'a3)
);
