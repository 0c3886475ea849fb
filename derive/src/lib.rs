//! `#[derive(Frozen)]` for the [`deepfreeze`](https://docs.rs/deepfreeze) crate.
//!
//! Use it through `deepfreeze`: `use deepfreeze::Frozen;` brings the trait and this derive.

mod ast;
mod attr;
mod bounds;
mod expand;

use proc_macro::TokenStream;

/// Derives `deepfreeze::Frozen` (placeholder doc).
#[proc_macro_derive(Frozen, attributes(frozen))]
pub fn derive_frozen(input: TokenStream) -> TokenStream {
    syn::parse::<syn::DeriveInput>(input)
        .map_or_else(syn::Error::into_compile_error, |input| {
            expand::derive(&input)
        })
        .into()
}
