//! Parsing of `#[frozen(...)]` attributes.
//!
//! Only the container (the struct, enum or union) takes `#[frozen(...)]`; on a field or a variant
//! it is an error. Keys are the constants below; an unknown key, a key given twice, a `bound`
//! that is not a list of where-predicates and a `crate` that is not a path are errors spanned on
//! the offending key or literal.

use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::{Attribute, Error, LitStr, Path, Result, Token, WherePredicate};

/// The attribute's name: `#[frozen(...)]`.
pub(crate) const FROZEN: &str = "frozen";
/// `#[frozen(bound = "T: Frozen, U: 'static")]`: replaces the inferred `T: Frozen` bounds.
pub(crate) const BOUND: &str = "bound";
/// `#[frozen(crate = "path::to::deepfreeze")]`: where the generated code finds the crate.
pub(crate) const CRATE: &str = "crate";

/// Predicates of a `where` clause, as written in a `bound = "..."` string.
pub(crate) type Predicates = Punctuated<WherePredicate, Token![,]>;

/// The parsed `#[frozen(...)]` attributes of a container.
#[derive(Default)]
pub(crate) struct Attrs {
    /// `bound = "..."`: the predicates that replace the inferred bounds (`Some` of an empty list
    /// for `bound = ""`).
    pub(crate) bound: Option<Predicates>,
    /// `crate = "..."`: the path of the `deepfreeze` crate.
    pub(crate) krate: Option<Path>,
}

/// Parses the `#[frozen(...)]` attributes of a container (struct, enum or union).
///
/// Every attribute's errors go to `errors`, so each mistake is reported once; the keys that did
/// parse are returned (the fallback impl uses them).
pub(crate) fn container(attrs: &[Attribute], errors: &mut Errors) -> Attrs {
    let mut parsed = Attrs::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident(FROZEN)) {
        errors.push(
            attr.meta
                .require_list()
                .map_err(|_| not_a_list(attr))
                .and_then(|_| attr.parse_nested_meta(|meta| parse_key(&mut parsed, &meta))),
        );
    }
    parsed
}

/// Whether `attrs` hold `#[repr(packed)]` or `#[repr(packed(N))]`.
///
/// Only decides how the fields are reached (a packed field cannot be borrowed), never whether a
/// field is checked: a `repr(packed)` the derive does not see (added by a later macro) makes the
/// check's borrows fail to compile.
pub(crate) fn is_packed(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("repr"))
        .any(|attr| {
            let mut packed = false;
            // A malformed `repr` is rustc's to report; here it only means "not packed".
            let _ = attr.parse_nested_meta(|meta| {
                packed |= meta.path.is_ident("packed");
                if meta.input.peek(syn::token::Paren) {
                    let _: proc_macro2::TokenTree = meta.input.parse()?;
                }
                Ok(())
            });
            packed
        })
}

/// Rejects `#[frozen(...)]` on a field or a variant (`place` names it for the message).
pub(crate) fn reject(attrs: &[Attribute], place: &str, errors: &mut Errors) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident(FROZEN)) {
        errors.push(Err(Error::new_spanned(
            attr,
            format!(
                "`#[{FROZEN}(...)]` is not supported on a {place}; it goes on the struct, enum or \
                 union (every field is always checked)"
            ),
        )));
    }
}

fn parse_key(parsed: &mut Attrs, meta: &ParseNestedMeta<'_>) -> Result<()> {
    if meta.path.is_ident(BOUND) {
        let lit: LitStr = meta.value()?.parse()?;
        let predicates = lit
            .parse_with(Predicates::parse_terminated)
            .map_err(|err| {
                malformed(
                    &lit,
                    BOUND,
                    &err,
                    "where-predicates, such as `T: Frozen, U: Clone`",
                )
            })?;
        set_once(meta, &mut parsed.bound, predicates)
    } else if meta.path.is_ident(CRATE) {
        let lit: LitStr = meta.value()?.parse()?;
        let path = lit.parse::<Path>().map_err(|err| {
            malformed(
                &lit,
                CRATE,
                &err,
                "a path, such as `::deepfreeze` or `my_crate::deepfreeze`",
            )
        })?;
        set_once(meta, &mut parsed.krate, path)
    } else {
        let key = meta.path.get_ident().map_or_else(
            || {
                quote::ToTokens::to_token_stream(&meta.path)
                    .to_string()
                    .replace(' ', "")
            },
            ToString::to_string,
        );
        Err(meta.error(format!(
            "unknown `{FROZEN}` attribute key `{key}`; expected `{BOUND}` or `{CRATE}`"
        )))
    }
}

/// Stores `value` in `slot`, or reports the key as a duplicate.
fn set_once<T>(meta: &ParseNestedMeta<'_>, slot: &mut Option<T>, value: T) -> Result<()> {
    if slot.is_some() {
        let key = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        return Err(Error::new_spanned(
            &meta.path,
            format!("duplicate `{FROZEN}({key} = ...)` attribute"),
        ));
    }
    *slot = Some(value);
    Ok(())
}

fn malformed(lit: &LitStr, key: &str, err: &Error, takes: &str) -> Error {
    Error::new(
        lit.span(),
        format!("malformed `{FROZEN}({key} = \"...\")`: {err}; `{key}` takes {takes}"),
    )
}

fn not_a_list(attr: &Attribute) -> Error {
    Error::new_spanned(
        attr,
        format!(
            "expected `#[{FROZEN}({BOUND} = \"...\")]` or `#[{FROZEN}({CRATE} = \"...\")]`; \
             `#[{FROZEN}]` takes a list of keys"
        ),
    )
}

/// Collects errors, like serde's `Ctxt`: every pushed result is checked by [`Errors::finish`].
#[derive(Default)]
pub(crate) struct Errors {
    first: Option<Error>,
}

impl Errors {
    /// Records the error of `result`, if any.
    pub(crate) fn push(&mut self, result: Result<()>) {
        if let Err(err) = result {
            match &mut self.first {
                Some(first) => first.combine(err),
                None => self.first = Some(err),
            }
        }
    }

    /// All recorded errors, combined into one.
    pub(crate) fn finish(self) -> Result<()> {
        self.first.map_or(Ok(()), Err)
    }
}
