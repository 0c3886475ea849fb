//! `#[derive(Frozen)]` for the [`deepfreeze`](https://docs.rs/deepfreeze) crate.
//!
//! Use it through `deepfreeze`: `use deepfreeze::Frozen;` brings the trait and this derive. The
//! derive's documentation is on [`Frozen`](macro@Frozen).
//!
//! The expansion runs in phases, one module each: `ast` reads the input into typed nodes, `attr`
//! parses `#[frozen(...)]`, `valid` enforces the rules the generated code cannot, `bounds` builds
//! the impl's generics, `check` writes the field check and `expand` assembles the impl around it.
//! Every error is a `syn::Error` spanned on the offending token; the macro never panics.

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
/// The derive writes `unsafe impl Frozen` for the type and proves it: every field of the type *as
/// compiled* is checked to be `Frozen` under the impl's own bounds, and a field that is not fails
/// the build with one error, pointing at that field and naming its type:
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
/// The check never writes a field's type a second time. It takes a `&Self`, destructures it with
/// a pattern that names every field (no `..`; a `match` over every variant for an enum) and
/// passes each field, reached through the value, to an assertion generic over its type. So it
/// sees the item the compiler sees, whatever macro ran after the derive:
///
/// - an attribute macro written below `#[derive(Frozen)]` that changes a field's type is checked
///   with the new type; one that adds a field or a variant, renames or removes one, or turns a
///   struct into a union makes the check fail to compile;
/// - a macro in a field's type (`hits: my_type!()`) is expanded once, with the item, and the
///   check uses what it expanded to.
///
/// ```compile_fail,E0277
/// use deepfreeze::Frozen;
///
/// macro_rules! counter {
///     () => { std::sync::atomic::AtomicU64 };
/// }
///
/// #[derive(Frozen)]
/// struct Stats {
///     hits: counter!(), // error: `AtomicU64` is not `Frozen`
/// }
/// ```
///
/// Every shape is supported: structs with named, unnamed or no fields (also `#[repr(packed)]`,
/// whose fields are reached without being borrowed); enums with any kinds of variants, including
/// empty enums; and unions (every field is checked).
///
/// ## Unions and packed structs take only inert attributes
///
/// No pattern can name every field of a union (a union pattern names one), and the fields of a
/// packed struct cannot be borrowed, which the check relies on to tell a struct from a union. So
/// an attribute macro written after the derive could add a field unseen. On a union or a packed
/// struct and on its fields, the derive therefore accepts only attributes that are built into
/// rustc and cannot be macros: `doc`, the lint attributes (`allow`, `warn`, `deny`, `forbid`,
/// `expect`), `repr`, `derive`, `cfg`, `must_use`, `deprecated`, `non_exhaustive`, `frozen`, and
/// `cfg_attr` when everything it expands to is one of these. Any other attribute, including a
/// tool attribute (`#[rustfmt::skip]`) or another derive's helper, is an error: put it before
/// `#[derive(Frozen)]` if it is a macro (it then runs first and the derive sees its output).
///
/// ```
/// use deepfreeze::Frozen;
///
/// /// A word seen as an integer or as bytes.
/// #[derive(Frozen, Clone, Copy)]
/// #[repr(C)]
/// union Word {
///     /// As an integer.
///     int: u64,
///     bytes: [u8; 8],
/// }
///
/// #[derive(Frozen)]
/// #[repr(C, packed)]
/// struct Header {
///     tag: u8,
///     len: u32,
/// }
///
/// fn assert_frozen<T: Frozen>() {}
/// assert_frozen::<Word>();
/// assert_frozen::<Header>();
/// ```
///
/// ## No macro in the generics
///
/// The impl copies the type's bounds and where-clause, and the `bound` predicates, into the
/// `unsafe impl` and into the impl holding the check; a macro there would be expanded once per
/// copy and could expand differently. A macro anywhere in the generics, the where-clause or
/// `bound` is an error; write the bound it expands to.
///
/// ## `Send` and `Sync`
///
/// `Frozen` requires `Send + Sync`. The impl states them as a where-clause,
/// `for<'x> Type: Send + Sync`, that rustc proves where the impl is used rather than where it is
/// written, so a non-`Frozen` field gives its one error at the field instead of a "cannot be
/// shared between threads safely" error at the type's name first. The impl still applies only
/// to types that are `Send + Sync`. One consequence: a type cannot hold a hand-written handle whose
/// `Send` or `Sync` impl asks for `T: Frozen` of that same type (`Tree` holding a `Handle<Tree>`
/// with `unsafe impl<T: Frozen> Send for Handle<T>`): proving `Tree: Frozen` then needs
/// `Tree: Send`, which needs `Tree: Frozen` again, and rustc reports an overflow (E0275). Ask
/// `T: Send + Sync` in such impls, as std's `Arc` does; deepfreeze's own containers do.
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
/// - **Unsized** parameters (`T: ?Sized` in the last field) work: the check only borrows fields.
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
/// pointing at the key or the string. So are two `bound` predicates that could never be what was
/// meant:
///
/// - a predicate naming `Self` or the type itself (`bound = "Self: Frozen"`): the impl would need
///   itself to prove itself (rustc's E0275 overflow otherwise);
/// - a predicate naming none of the type's parameters (`bound = "String: Frozen"`): it is always
///   true or always false, so it would bound nothing.
///
/// ```compile_fail
/// use deepfreeze::Frozen;
///
/// #[derive(Frozen)]
/// #[frozen(bound = "Self: Frozen")] // error: `bound` cannot name `Self`
/// struct Wrapper<T>(T);
/// ```
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
/// `const _: () = { ... };` (the helper names are built with `Span::mixed_site()`, so they cannot
/// capture or be captured by user bindings):
///
/// ```text
/// #[automatically_derived]
/// #[allow(unsafe_code)]
/// unsafe impl<T> ::deepfreeze::Frozen for S<'static, T>
/// where
///     T: ::deepfreeze::Frozen,
///     for<'x> S<'static, T>: ::core::marker::Send + ::core::marker::Sync,
/// {}
///
/// // The proof: each field of the compiled type, checked under the same generics and where-clause.
/// fn assert_frozen<T: ?Sized + ::deepfreeze::Frozen>(_: *const T) {}
/// impl<T> CheckFields for S<'static, T> where /* the same where-clause */ {
///     fn check_fields(value: &Self) {
///         let Self { name: _, items: _ } = *value;
///         assert_frozen(&value.name);
///         assert_frozen(&value.items);
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
