//! The body of the field check: every field of the type *as compiled*, reached through a value.
//!
//! The derive never writes a field's type a second time. It takes `value: &Self` and reaches the
//! fields through it, so each assertion checks the type the compiler gave the field, whatever
//! macro ran last:
//!
//! ```text
//! // struct S { a: A, b: B }
//! let Self { a: _, b: _ } = *value;   // exhaustive: a field added after the derive is an error
//! assert_frozen(&value.a);            // the field's compiled type, inferred; spanned on `A`
//! assert_frozen(&value.b);
//!
//! // enum E { X(A), Y { b: B }, Z }
//! match value {                       // exhaustive: a variant added later is an error
//!     Self::X { 0: f0 } => { assert_frozen(f0); }
//!     Self::Y { b: f0 } => { assert_frozen(f0); }
//!     Self::Z {} => {}
//! }
//! ```
//!
//! - A struct's fields are borrowed (`&value.a`), which a union's fields cannot be in safe code:
//!   a struct turned into a union after the derive fails to compile.
//! - A packed struct's fields cannot be borrowed; they are reached with `&raw const value.a`.
//!   (A `repr(packed)` added after the derive makes the borrows an error.)
//! - A union's fields are reached with `&raw const value.a` too (in an `unsafe` block, which
//!   older compilers require); no pattern can list them all, which is why `valid` allows only
//!   inert attributes on unions and packed structs.
//! - An empty enum is matched with `match *value {}`.
//!
//! Every local name is built with [`Span::mixed_site`], so no user binding can capture or shadow
//! it (the helper items live inside the derive's `const _` block), and located at the field's
//! type, so an error underlines the type. (An enum's binding is passed as `(f0,).0` rather than
//! `f0`, only so that the argument spans the type from its first token to its last.)

use crate::ast::{Field, Shape};
use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Member};

/// The names the generated check uses.
pub(crate) struct Names {
    /// `fn assert_frozen<T: ?Sized + Frozen>(_: *const T)`.
    pub(crate) assert: Ident,
    /// The checked value, `value: &Self`.
    pub(crate) value: Ident,
}

impl Names {
    pub(crate) fn new() -> Self {
        Names {
            assert: Ident::new("__deepfreeze_assert_frozen", Span::mixed_site()),
            value: Ident::new("__deepfreeze_value", Span::mixed_site()),
        }
    }
}

/// The statements of `fn check(value: &Self)` for a type of shape `shape`.
pub(crate) fn body(shape: &Shape<'_>, names: &Names) -> TokenStream {
    let Names { assert, value } = names;
    match shape {
        Shape::Struct { fields, packed } => {
            let members = fields.iter().map(|field| &field.member);
            let checks = fields.iter().map(|field| {
                let (first, last) = ends(field);
                let value = located(value, first);
                let member = member_at(&field.member, last);
                if *packed {
                    quote_spanned!(first=> #assert(&raw const #value.#member);)
                } else {
                    quote_spanned!(first=> #assert(&#value.#member);)
                }
            });
            quote! {
                let Self { #(#members: _),* } = *#value;
                #(#checks)*
            }
        }
        Shape::Union(fields) => {
            let checks = fields.iter().map(|field| {
                let (first, last) = ends(field);
                let value = located(value, first);
                let member = member_at(&field.member, last);
                // `&raw const` of a union field is safe code on Rust 1.95, not yet on 1.85 (the
                // MSRV): the `unsafe` block serves the older compilers.
                // SAFETY:
                // - `&raw const` makes a pointer to the field: it reads nothing and creates no
                //   reference, so it is sound whatever the union holds;
                // - the pointer is only passed to an empty function, never dereferenced.
                let unsafe_token = Ident::new("unsafe", Span::mixed_site().located_at(first));
                let mut block = Group::new(
                    Delimiter::Brace,
                    quote_spanned!(first=> &raw const #value.#member),
                );
                block.set_span(Span::mixed_site().located_at(last));
                quote_spanned!(first=> #assert(#unsafe_token #block);)
            });
            quote! {
                #(#checks)*
            }
        }
        Shape::Enum(variants) if variants.is_empty() => quote!(match *#value {}),
        Shape::Enum(variants) => {
            let arms = variants.iter().map(|variant| {
                let ident = variant.ident;
                let bindings: Vec<Ident> = variant
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(index, field)| binding(index, field))
                    .collect();
                let members = variant.fields.iter().map(|field| &field.member);
                let checks = bindings
                    .iter()
                    .zip(&variant.fields)
                    .map(|(binding, field)| {
                        // `(binding,).0`: an argument that starts at the type's first token and
                        // ends at its last, so the error underlines the whole type.
                        let (first, last) = ends(field);
                        let mut tuple = Group::new(Delimiter::Parenthesis, quote!(#binding,));
                        tuple.set_span(Span::mixed_site().located_at(first));
                        let zero = Member::Unnamed(syn::Index {
                            index: 0,
                            span: Span::mixed_site().located_at(last),
                        });
                        quote_spanned!(first=> #assert(#tuple.#zero);)
                    });
                quote! {
                    Self::#ident { #(#members: #bindings),* } => { #(#checks)* }
                }
            });
            quote! {
                match #value {
                    #(#arms)*
                }
            }
        }
    }
}

/// The spans of the first and the last token of the field's type: an expression that starts at
/// the one and ends at the other is reported as the whole type.
fn ends(field: &Field<'_>) -> (Span, Span) {
    let mut tokens = field.ty.to_token_stream().into_iter();
    let first = tokens
        .next()
        .map_or_else(|| field.ty.span(), |token| token.span());
    let last = tokens.last().map_or(first, |token| token.span());
    (first, last)
}

/// The binding of a variant's `index`th field: hygienic, located at the field's type.
fn binding(index: usize, field: &Field<'_>) -> Ident {
    located(&format_ident!("__deepfreeze_field{}", index), ends(field).0)
}

/// `ident` with its hygiene, but reported at `span`.
fn located(ident: &Ident, span: Span) -> Ident {
    let mut ident = ident.clone();
    ident.set_span(Span::mixed_site().located_at(span));
    ident
}

/// `member` reported at `span`, with the hygiene of the checked value (so that `value.member`
/// is reported from the value's token to the member's). Field names are not hygienic under
/// [`Span::mixed_site`], so it names the same field.
fn member_at(member: &Member, span: Span) -> Member {
    let span = Span::mixed_site().located_at(span);
    match member {
        Member::Named(ident) => {
            let mut ident = ident.clone();
            ident.set_span(span);
            Member::Named(ident)
        }
        Member::Unnamed(index) => Member::Unnamed(syn::Index {
            index: index.index,
            span,
        }),
    }
}
