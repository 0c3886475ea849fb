//! `#[derive(Frozen)]` for the [`deepfreeze`](https://docs.rs/deepfreeze) crate.
//!
//! Use it through `deepfreeze`: `use deepfreeze::Frozen;` brings the trait and this derive. The
//! derive's documentation is on [`Frozen`](macro@Frozen).
//!
//! The expansion runs in phases, one module each: `ast` reads the input into typed nodes, `attr`
//! parses `#[frozen(...)]`, `bounds` builds the impl's generics, and `expand` generates the impl
//! and its field assertions. Every error is a `syn::Error` spanned on the offending token; the
//! macro never panics.

mod ast;
mod attr;
mod bounds;
mod check;
mod expand;
mod valid;

use proc_macro::TokenStream;

/// Derives `deepfreeze::Frozen` for a struct, enum or union whose every field is `Frozen`.
///
/// ```
/// use deepfreeze::Frozen;
/// use std::sync::Arc;
///
/// #[derive(Frozen)]
/// struct Config {
///     name: String,
///     ports: Vec<u16>,
///     parent: Option<Arc<Config>>,
/// }
///
/// #[derive(Frozen)]
/// enum Shape {
///     Point,
///     Circle(f64),
///     Polygon { corners: Vec<(i64, i64)> },
/// }
///
/// fn share<T: Frozen>(value: T) -> Arc<T> {
///     Arc::new(value)
/// }
///
/// let config = share(Config { name: "api".into(), ports: vec![443], parent: None });
/// let reader = {
///     let config = Arc::clone(&config);
///     std::thread::spawn(move || config.ports.len())
/// };
/// assert_eq!(reader.join().unwrap(), 1);
/// # let _ = share(Shape::Polygon { corners: vec![(0, 0)] });
/// # let _ = (Shape::Point, Shape::Circle(1.0));
/// ```
///
/// # What it checks
///
/// The derive writes `unsafe impl Frozen` for the type and proves it: every field's type is
/// checked to be `Frozen` under the impl's own bounds, and a field that is not fails the build
/// with an error pointing at that field:
///
/// ```compile_fail,E0277
/// use deepfreeze::Frozen;
///
/// #[derive(Frozen)]
/// struct Counter {
///     name: String,
///     hits: std::cell::Cell<u64>, // error: `Cell<u64>` is not `Frozen`
/// }
/// ```
///
/// Nothing can switch the check off: there is no field attribute to skip a field, and a wrong
/// `bound` (below) makes the build fail rather than the impl unsound.
///
/// Every shape is supported: structs with named, unnamed or no fields; enums with any kinds of
/// variants, including empty enums; and unions (every field is checked).
///
/// # Generics
///
/// - **Type parameters** get `T: Frozen` on the impl, so `Wrapper<T>` is `Frozen` exactly when
///   `T` is. Bounds and `where` clauses written on the type are kept.
/// - **Lifetime parameters**: a `Frozen` type is `'static`, so the impl is for `'static` only:
///   `Borrowed<'a>` derives `Frozen for Borrowed<'static>`.
/// - **Const parameters** work as written.
/// - **Recursive types** work, also through `Self`: the field checks are never put on the impl as
///   `FieldType: Frozen` predicates (which would make a recursive type need itself to prove
///   itself).
///
/// ```
/// use deepfreeze::Frozen;
/// use std::sync::Arc;
///
/// #[derive(Frozen)]
/// struct Wrapper<T>(T);
///
/// #[derive(Frozen)]
/// struct Borrowed<'a> {
///     text: &'a str,
/// }
///
/// #[derive(Frozen)]
/// struct Buffer<const N: usize> {
///     bytes: [u8; N],
/// }
///
/// #[derive(Frozen)]
/// enum Tree {
///     Leaf(u64),
///     Node(Arc<Tree>, Arc<Tree>),
/// }
///
/// #[derive(Frozen)]
/// struct Rose {
///     label: String,
///     kids: Vec<Self>,
/// }
///
/// fn assert_frozen<T: Frozen>() {}
/// assert_frozen::<Wrapper<String>>();
/// assert_frozen::<Borrowed<'static>>();
/// assert_frozen::<Buffer<64>>();
/// assert_frozen::<Tree>();
/// assert_frozen::<Rose>();
/// ```
///
/// `Wrapper<std::cell::Cell<u8>>` is not `Frozen`, and neither is `Borrowed<'a>` for a borrow that
/// is not `'static`.
///
/// # Attributes
///
/// `#[frozen(...)]` goes on the type (not on fields or variants), with these keys:
///
/// | attribute | effect |
/// |---|---|
/// | `#[frozen(bound = "T: Frozen, U: Clone")]` | Replaces the inferred `T: Frozen` bounds with the given where-predicates, as serde's `bound`. `bound = ""` means no bounds. Each type parameter still gets `T: 'static` (the trait is `'static`, so this never restricts the impl). The fields are still checked, under the new bounds. |
/// | `#[frozen(crate = "path::to::deepfreeze")]` | Where the generated code finds the crate, instead of `::deepfreeze`: for crates that re-export `deepfreeze` under another name or path. |
///
/// Both keys may appear once, in one attribute or in several. An unknown key, a repeated key, a
/// `bound` that is not a list of where-predicates and a `crate` that is not a path are errors
/// pointing at the key or the string.
///
/// `bound` is needed when a field's type is an associated type, or when a type parameter is only a
/// marker:
///
/// ```
/// use deepfreeze::Frozen;
///
/// trait Codec {
///     type Encoded;
/// }
///
/// #[derive(Frozen)]
/// struct Bytes;
///
/// impl Codec for Bytes {
///     type Encoded = Vec<u8>;
/// }
///
/// // The inferred bounds would be `C: Frozen` only; the field `C::Encoded` needs its own.
/// #[derive(Frozen)]
/// #[frozen(bound = "C: Frozen, C::Encoded: Frozen")]
/// struct Message<C: Codec> {
///     codec: C,
///     payload: C::Encoded,
/// }
///
/// fn assert_frozen<T: Frozen>() {}
/// assert_frozen::<Message<Bytes>>();
/// ```
///
/// ```
/// # mod deepfreeze_reexport {
/// #     pub use ::deepfreeze;
/// # }
/// use deepfreeze_reexport::deepfreeze as frozen;
///
/// // A crate that reaches deepfreeze through a re-export names the path.
/// #[derive(frozen::Frozen)]
/// #[frozen(crate = "frozen")]
/// struct Point {
///     x: i64,
///     y: i64,
/// }
///
/// fn assert_frozen<T: frozen::Frozen>() {}
/// assert_frozen::<Point>();
/// ```
///
/// # Generated code
///
/// For `struct S<'a, T> { name: &'a str, items: Vec<T> }` the derive emits, inside
/// `const _: () = { ... };`:
///
/// ```text
/// #[automatically_derived]
/// #[allow(unsafe_code)]
/// unsafe impl<T> ::deepfreeze::Frozen for S<'static, T> where T: ::deepfreeze::Frozen {}
///
/// // The proof: each field's type, checked under the same generics and where-clause.
/// impl<T> __DeepfreezeAssertFieldsFrozen for S<'static, T> where T: ::deepfreeze::Frozen {
///     fn __deepfreeze_assert_fields_frozen() {
///         __deepfreeze_assert_frozen::<&'static str>();
///         __deepfreeze_assert_frozen::<Vec<T>>();
///     }
/// }
/// ```
///
/// The impl carries `#[allow(unsafe_code)]`, so the derive works in crates that
/// `#![deny(unsafe_code)]`. A crate that `#![forbid(unsafe_code)]` cannot derive `Frozen`
/// (`forbid` cannot be allowed locally); use `deny` there.
#[proc_macro_derive(Frozen, attributes(frozen))]
pub fn derive_frozen(input: TokenStream) -> TokenStream {
    syn::parse::<syn::DeriveInput>(input)
        .map_or_else(syn::Error::into_compile_error, |input| {
            expand::derive(&input)
        })
        .into()
}
