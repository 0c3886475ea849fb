//! Checks of the input that the generated code cannot make itself.
//!
//! - **Macros in the generics.** The impl copies the type's bounds and where-clause (and the
//!   `bound` predicates) into two places: the `unsafe impl` and the impl holding the field check.
//!   A macro there would be expanded once per copy and could expand differently each time, so
//!   the check could run under assumptions the `unsafe impl` does not have. Macros are an error
//!   there (they stay allowed in field types, which the derive never copies).
//! - **Unions and packed structs** take only inert attributes. Every other shape is checked by
//!   an exhaustive pattern and by borrowing each field of the compiled type, so a macro that
//!   rewrites the item after the derive (an attribute written below `#[derive(Frozen)]`) makes the
//!   check fail to compile. A union's pattern names one field, and a packed struct's fields
//!   cannot be borrowed (so a later macro could turn it into a union unnoticed): for these, every
//!   attribute on the type and its fields must be one that cannot rewrite it.
//! - **`bound` predicates** must name one of the type's parameters and must not name the type
//!   itself (`Self: Frozen` would make the impl need itself, rustc's E0275).

use crate::ast::{Input, Shape};
use crate::attr::{Errors, FROZEN};
use syn::visit::{self, Visit};
use syn::{Attribute, Error, Ident, Lifetime, Path, WherePredicate};

/// Attributes that are built into rustc and cannot be macros (a macro of the same name is an
/// ambiguity error), so they cannot rewrite the item: documentation, lints, layout, other derives
/// (which only add items) and conditional compilation. `cfg_attr` is allowed when everything it
/// expands to is.
const INERT: &[&str] = &[
    "doc",
    "allow",
    "warn",
    "deny",
    "forbid",
    "expect",
    "repr",
    "derive",
    "cfg",
    "must_use",
    "deprecated",
    "non_exhaustive",
    FROZEN,
];

/// Reports every input rule the generated code does not enforce by itself to `errors`.
pub(crate) fn check(input: &Input<'_>, errors: &mut Errors) {
    no_macros_in_generics(input, errors);
    if let Some(bound) = &input.attrs.bound {
        for predicate in bound {
            errors.push(bound_predicate(input, predicate));
        }
    }
    let (kind, fields) = match &input.shape {
        Shape::Union(fields) => ("a union", fields),
        Shape::Struct {
            fields,
            packed: true,
        } => ("a packed struct", fields),
        Shape::Struct { packed: false, .. } | Shape::Enum(_) => return,
    };
    inert_only(input.all_attrs, kind, errors);
    for field in fields {
        inert_only(field.attrs, kind, errors);
    }
}

fn inert_only(attrs: &[Attribute], kind: &str, errors: &mut Errors) {
    for attr in attrs {
        errors.push(inert(attr.path(), &attr.meta, kind));
    }
}

fn inert(path: &Path, meta: &syn::Meta, kind: &str) -> syn::Result<()> {
    if path.is_ident("cfg_attr") {
        // `cfg_attr(predicate, attr, ...)`: every attribute it may expand to must be inert.
        let list = meta.require_list()?;
        let metas = list.parse_args_with(
            syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
        )?;
        return metas
            .iter()
            .skip(1)
            .try_for_each(|inner| inert(inner.path(), inner, kind));
    }
    if INERT.iter().any(|name| path.is_ident(name)) {
        return Ok(());
    }
    let name = quote::ToTokens::to_token_stream(path)
        .to_string()
        .replace(' ', "");
    Err(Error::new_spanned(
        path,
        format!(
            "`#[{name}]` is not allowed on {kind} that derives `Frozen`: an attribute macro here \
             runs after the derive and could change the fields it checked, and the fields of \
             {kind} cannot all be pinned down by a pattern; only built-in attributes that cannot \
             be macros are allowed (`doc`, lints, `repr`, `derive`, `cfg`, `cfg_attr`, \
             `must_use`, `deprecated`, `non_exhaustive`, `{FROZEN}`); write an attribute macro \
             before `#[derive(Frozen)]`"
        ),
    ))
}

/// Whether the generics or the `bound` hold a macro (then even the fallback impl, which copies
/// them, would expand it again: it is left out).
pub(crate) fn macros_in_generics(input: &Input<'_>) -> bool {
    !macros(input).is_empty()
}

fn macros(input: &Input<'_>) -> Vec<Path> {
    let mut finder = MacroFinder::default();
    finder.visit_generics(input.generics);
    if let Some(bound) = &input.attrs.bound {
        for predicate in bound {
            finder.visit_where_predicate(predicate);
        }
    }
    finder.found
}

fn no_macros_in_generics(input: &Input<'_>, errors: &mut Errors) {
    for path in macros(input) {
        errors.push(Err(Error::new_spanned(
            &path,
            "a macro is not allowed in the generics, where-clause or `bound` of a type that \
             derives `Frozen`: the derive copies them into its impls and a macro could expand \
             differently in each copy; write the expanded bound instead",
        )));
    }
}

/// The path of every macro invocation visited.
#[derive(Default)]
struct MacroFinder {
    found: Vec<Path>,
}

impl Visit<'_> for MacroFinder {
    fn visit_macro(&mut self, node: &syn::Macro) {
        self.found.push(node.path.clone());
    }
}

fn bound_predicate(input: &Input<'_>, predicate: &WherePredicate) -> syn::Result<()> {
    let mut names = NameFinder {
        input,
        names_self: false,
        names_parameter: false,
    };
    names.visit_where_predicate(predicate);
    let ident = input.ident;
    if names.names_self {
        return Err(Error::new_spanned(
            predicate,
            format!(
                "`{FROZEN}(bound = ...)` cannot name `Self` or `{ident}`: the impl would need \
                 itself to prove itself; bound the type's parameters instead (`T: Frozen`)"
            ),
        ));
    }
    if !names.names_parameter {
        return Err(Error::new_spanned(
            predicate,
            format!(
                "this `{FROZEN}(bound = ...)` predicate names none of the parameters of `{ident}`, \
                 so it is always true or always false; bound a parameter (`T: Frozen`), or remove \
                 it"
            ),
        ));
    }
    Ok(())
}

/// Whether a predicate names `Self`, the type itself, or one of the type's parameters.
struct NameFinder<'i, 'a> {
    input: &'i Input<'a>,
    names_self: bool,
    names_parameter: bool,
}

impl NameFinder<'_, '_> {
    fn is_parameter(&self, ident: &Ident) -> bool {
        self.input.generics.params.iter().any(|param| match param {
            syn::GenericParam::Type(param) => param.ident == *ident,
            syn::GenericParam::Const(param) => param.ident == *ident,
            syn::GenericParam::Lifetime(_) => false,
        })
    }
}

impl Visit<'_> for NameFinder<'_, '_> {
    fn visit_path(&mut self, path: &Path) {
        if let Some(first) = path.segments.first() {
            if path.leading_colon.is_none() {
                // `T` or `T::Assoc`; `Self`, `Self::Assoc`.
                self.names_self |= first.ident == "Self";
                self.names_parameter |= self.is_parameter(&first.ident);
            }
            self.names_self |= path
                .segments
                .last()
                .is_some_and(|last| last.ident == *self.input.ident);
        }
        visit::visit_path(self, path);
    }

    fn visit_lifetime(&mut self, lifetime: &Lifetime) {
        self.names_parameter |= self
            .input
            .generics
            .lifetimes()
            .any(|param| param.lifetime.ident == lifetime.ident);
    }
}
