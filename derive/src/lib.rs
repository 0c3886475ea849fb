//! `#[derive(Frozen)]` for the [`deepfreeze`](https://docs.rs/deepfreeze) crate.
//!
//! Use it through `deepfreeze`: `use deepfreeze::Frozen;` brings the trait and this derive.

use proc_macro::TokenStream;

/// Derives `deepfreeze::Frozen` (placeholder; the real expansion lands with the derive issue).
#[proc_macro_derive(Frozen, attributes(frozen))]
pub fn derive_frozen(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
