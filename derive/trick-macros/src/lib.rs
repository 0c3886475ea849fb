//! Hostile macros for the compile-fail tests of `deepfreeze-derive`.
//!
//! Each macro plays a trick on `#[derive(Frozen)]`: it changes the type after the derive read it,
//! or expands differently each time it is expanded. The UI tests show that every trick fails to
//! compile instead of giving a type with a mutable field an `impl Frozen`. They are written with
//! `proc_macro` alone (no `syn`), as a plain token rewrite, so that they are easy to read.

use proc_macro::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Rewrites every `u8` in the item into `::core::sync::atomic::AtomicU8`.
///
/// Written after `#[derive(Frozen)]`, it runs after the derive saw `c: u8`: the compiled field is
/// an atomic.
#[proc_macro_attribute]
pub fn retype_u8(_args: TokenStream, item: TokenStream) -> TokenStream {
    retype(item)
}

fn retype(tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|tree| match tree {
            TokenTree::Ident(ident) if ident.to_string() == "u8" => atomic_u8(),
            TokenTree::Group(group) => {
                let mut rewritten = Group::new(group.delimiter(), retype(group.stream()));
                rewritten.set_span(group.span());
                TokenStream::from(TokenTree::Group(rewritten))
            }
            other => TokenStream::from(other),
        })
        .collect()
}

/// Appends a field `sneaky: ManuallyDrop<Cell<u8>>` to a braced struct or a union, after the
/// derive read it (`ManuallyDrop`, so that it is a valid union field too).
#[proc_macro_attribute]
pub fn add_mutable_field(_args: TokenStream, item: TokenStream) -> TokenStream {
    append_to_last_brace(
        item,
        "sneaky: ::core::mem::ManuallyDrop<::core::cell::Cell<u8>>,",
    )
}

/// Adds a variant `Sneaky(::core::cell::Cell<u8>)` to an enum, after the derive read it.
#[proc_macro_attribute]
pub fn add_cell_variant(_args: TokenStream, item: TokenStream) -> TokenStream {
    append_to_last_brace(item, "Sneaky(::core::cell::Cell<u8>),")
}

/// Turns `struct S { a: T }` into `union S { a: T, sneaky: ManuallyDrop<AtomicU8> }`: the derive
/// saw a struct with one field; the compiled type is a union with a second, mutable field.
#[proc_macro_attribute]
pub fn into_union(_args: TokenStream, item: TokenStream) -> TokenStream {
    let item: TokenStream = item
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Ident(ident) if ident.to_string() == "struct" => {
                TokenTree::Ident(Ident::new("union", ident.span()))
            }
            other => other,
        })
        .collect();
    append_to_last_brace(
        item,
        "sneaky: ::core::mem::ManuallyDrop<::core::sync::atomic::AtomicU8>,",
    )
}

/// Expands to `u8` the first time and to `::core::sync::atomic::AtomicU8` every later time (a
/// counter kept for the whole compilation of the crate).
///
/// In a field type it is expanded once, with the item; a derive that names the field type again
/// in its generated code expands it a second time, and checks a different type.
#[proc_macro]
pub fn u8_then_atomic(_input: TokenStream) -> TokenStream {
    static EXPANSIONS: AtomicUsize = AtomicUsize::new(0);
    if EXPANSIONS.fetch_add(1, Ordering::Relaxed) == 0 {
        TokenStream::from(TokenTree::Ident(Ident::new("u8", Span::call_site())))
    } else {
        atomic_u8()
    }
}

/// Expands to `::core::sync::atomic::AtomicU8` the first time and to `u8` every later time.
///
/// The mirror of [`u8_then_atomic!`]: a derive that named the field type again would check `u8`
/// while the compiled field is an atomic.
#[proc_macro]
pub fn atomic_then_u8(_input: TokenStream) -> TokenStream {
    static EXPANSIONS: AtomicUsize = AtomicUsize::new(0);
    if EXPANSIONS.fetch_add(1, Ordering::Relaxed) == 0 {
        atomic_u8()
    } else {
        TokenStream::from(TokenTree::Ident(Ident::new("u8", Span::call_site())))
    }
}

fn atomic_u8() -> TokenStream {
    "::core::sync::atomic::AtomicU8"
        .parse()
        .expect("a path is valid tokens")
}

fn append_to_last_brace(item: TokenStream, extra: &str) -> TokenStream {
    let mut trees: Vec<TokenTree> = item.into_iter().collect();
    let last_brace = trees.iter().rposition(
        |tree| matches!(tree, TokenTree::Group(group) if group.delimiter() == Delimiter::Brace),
    );
    if let Some(index) = last_brace {
        if let TokenTree::Group(group) = &trees[index] {
            let mut body = group.stream();
            let needs_comma = !body.is_empty()
                && !matches!(body.clone().into_iter().last(), Some(TokenTree::Punct(p)) if p.as_char() == ',');
            if needs_comma {
                body.extend(",".parse::<TokenStream>().expect("a comma is valid tokens"));
            }
            body.extend(
                extra
                    .parse::<TokenStream>()
                    .expect("a field is valid tokens"),
            );
            let mut rewritten = Group::new(Delimiter::Brace, body);
            rewritten.set_span(group.span());
            trees[index] = TokenTree::Group(rewritten);
        }
    }
    trees.into_iter().collect()
}
