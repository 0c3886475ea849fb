//! Generation of the `unsafe impl Frozen` and of the per-field assertions that make it sound.
//!
//! The output, for `struct S<'a, T> { name: &'a str, items: Vec<T> }`:
//!
//! ```text
//! const _: () = {
//!     unsafe impl<T> ::deepfreeze::Frozen for S<'static, T> where T: ::deepfreeze::Frozen {}
//!
//!     fn __deepfreeze_assert_frozen<T: ?Sized + ::deepfreeze::Frozen>() {}
//!     trait __DeepfreezeAssertFieldsFrozen { fn __deepfreeze_assert_fields_frozen(); }
//!     impl<T> __DeepfreezeAssertFieldsFrozen for S<'static, T> where T: ::deepfreeze::Frozen {
//!         fn __deepfreeze_assert_fields_frozen() {
//!             __deepfreeze_assert_frozen::<&'static str>(); // spanned on the field's type
//!             __deepfreeze_assert_frozen::<Vec<T>>();
//!         }
//!     }
//! };
//! ```
//!
//! The assertions live in an impl for the same type with the same generics and where-clause as
//! the `unsafe impl`, so (1) they are checked under exactly the bounds the impl promises, (2) a
//! field naming `Self` (`Vec<Self>`) means the implementing type, and (3) a recursive type's check
//! of itself is answered by the impl, which has no field predicates to recurse into.

use crate::ast::Input;
use crate::attr::Errors;
use crate::bounds::ImplGenerics;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Error, Path, parse_quote};

/// Expands `#[derive(Frozen)]` on `node`: the impl and its field assertions, or, if an attribute
/// is wrong, the errors plus a bare impl (so code using the type as `Frozen` adds no errors).
pub(crate) fn derive(node: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let input = Input::from_syn(node, &mut errors);
    match errors.finish() {
        Ok(()) => expand(&input),
        Err(error) => fallback(&input, &error),
    }
}

fn expand(input: &Input<'_>) -> TokenStream {
    let krate = krate(input);
    let generics = ImplGenerics::new(input.generics, input.attrs.bound.as_ref(), &krate);
    let (impl_generics, _, where_clause) = generics.generics.split_for_impl();
    let ident = input.ident;
    let self_args = &generics.self_args;
    let frozen_impl = frozen_impl(input, &generics, &krate);
    let assertions = input.fields().map(|field| {
        let ty = generics.field_type(field.ty);
        quote_spanned!(field.ty.span()=> __deepfreeze_assert_frozen::<#ty>();)
    });

    quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_camel_case_types, unused_qualifications)]
        const _: () = {
            #frozen_impl

            fn __deepfreeze_assert_frozen<T: ?::core::marker::Sized + #krate::Frozen>() {}

            trait __DeepfreezeAssertFieldsFrozen {
                fn __deepfreeze_assert_fields_frozen();
            }

            #[automatically_derived]
            impl #impl_generics __DeepfreezeAssertFieldsFrozen for #ident #self_args #where_clause {
                fn __deepfreeze_assert_fields_frozen() {
                    #(#assertions)*
                }
            }
        };
    }
}

/// The errors, and the impl without assertions: one mistake in an attribute gives its own error
/// only, not one more at every use of the type as `Frozen`. (The build fails on the errors, so the
/// unchecked impl never reaches a program.)
fn fallback(input: &Input<'_>, error: &Error) -> TokenStream {
    let krate = krate(input);
    let generics = ImplGenerics::new(input.generics, input.attrs.bound.as_ref(), &krate);
    let error = error.to_compile_error();
    let frozen_impl = frozen_impl(input, &generics, &krate);
    quote! {
        #error
        const _: () = {
            #frozen_impl
        };
    }
}

fn frozen_impl(input: &Input<'_>, generics: &ImplGenerics, krate: &Path) -> TokenStream {
    let (impl_generics, _, where_clause) = generics.generics.split_for_impl();
    let ident = input.ident;
    let self_args = &generics.self_args;
    quote! {
        #[automatically_derived]
        #[allow(unsafe_code)]
        unsafe impl #impl_generics #krate::Frozen for #ident #self_args #where_clause {}
    }
}

fn krate(input: &Input<'_>) -> Path {
    input
        .attrs
        .krate
        .clone()
        .unwrap_or_else(|| parse_quote!(::deepfreeze))
}
