//! The generics of the generated impl: lifetimes made `'static`, bounds inferred or replaced.
//!
//! - Every lifetime parameter is replaced by `'static` (a `Frozen` type is `'static`), so the impl
//!   is for `Type<'static, ..>` and has no lifetime parameters; lifetime predicates (`'a: 'b`)
//!   become trivially true and are dropped.
//! - Every type parameter `T` gets `T: Frozen`, unless `#[frozen(bound = "...")]` replaces the
//!   inferred bounds; then each type parameter gets only `T: 'static`, which `Type<T>: 'static`
//!   (the trait's supertrait) implies anyway.
//! - The type's own bounds and where-clause are kept.
//! - `for<'x> Type<..>: Send + Sync` is added: the trait's supertraits, as a where-clause that
//!   rustc proves where the impl is used, not where it is written (a higher-ranked predicate is
//!   never checked at the definition, even for a type without parameters). A type with a
//!   non-`Frozen` field then gets one error, at the field, instead of "`Cell<u8>` cannot be
//!   shared between threads safely" at its name first. It stays sound: the impl applies only to
//!   types that are `Send + Sync`, and the field check fails the build anyway.
//!
//! Field types never become predicates of the impl (a recursive type would need itself to prove
//! itself); `expand` checks them with assertions under these same generics.

use crate::attr::Predicates;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::collections::BTreeSet;
use syn::visit_mut::{self, VisitMut};
use syn::{GenericParam, Generics, Ident, Lifetime, Path, WherePredicate, parse_quote};

/// The generics of the impl, and the arguments that name the implementing type.
pub(crate) struct ImplGenerics {
    /// The impl's parameters (no lifetimes) and its full where-clause.
    pub(crate) generics: Generics,
    /// The implementing type's generic arguments, `<'static, T, N>`, or nothing.
    pub(crate) self_args: TokenStream,
}

impl ImplGenerics {
    /// Builds the impl's generics from the type's `generics`, with `bound` (from
    /// `#[frozen(bound = "...")]`) replacing the inferred `T: Frozen` bounds when given.
    pub(crate) fn new(
        ident: &Ident,
        generics: &Generics,
        bound: Option<&Predicates>,
        krate: &Path,
    ) -> Self {
        let mut lifetimes = StaticLifetimes {
            names: generics
                .lifetimes()
                .map(|param| param.lifetime.ident.clone())
                .collect(),
        };

        let args = generics.params.iter().map(|param| match param {
            GenericParam::Lifetime(param) => {
                let lifetime = Lifetime::new("'static", param.lifetime.span());
                quote!(#lifetime)
            }
            GenericParam::Type(param) => {
                let ident = &param.ident;
                quote!(#ident)
            }
            GenericParam::Const(param) => {
                let ident = &param.ident;
                quote!(#ident)
            }
        });
        let self_args = if generics.params.is_empty() {
            TokenStream::new()
        } else {
            quote!(<#(#args),*>)
        };

        let mut impl_generics = generics.clone();
        impl_generics.params = impl_generics
            .params
            .into_pairs()
            .filter(|pair| !is_lifetime(pair.value()))
            .collect();
        let where_clause = impl_generics.make_where_clause();
        where_clause.predicates = where_clause
            .predicates
            .clone()
            .into_pairs()
            .filter(|pair| !matches!(pair.value(), WherePredicate::Lifetime(_)))
            .collect();
        let type_params: Vec<&Ident> = generics.type_params().map(|param| &param.ident).collect();
        match bound {
            None => where_clause.predicates.extend(
                type_params
                    .iter()
                    .map(|t| -> WherePredicate { parse_quote!(#t: #krate::Frozen) }),
            ),
            Some(predicates) => {
                where_clause.predicates.extend(predicates.iter().cloned());
                where_clause.predicates.extend(
                    type_params
                        .iter()
                        .map(|t| -> WherePredicate { parse_quote!(#t: 'static) }),
                );
            }
        }
        // The supertraits, deferred: see the module docs.
        let deferred = Lifetime::new("'__deepfreeze_deferred", Span::mixed_site());
        where_clause.predicates.push(parse_quote!(
            for<#deferred> #ident #self_args: ::core::marker::Send + ::core::marker::Sync
        ));
        lifetimes.visit_generics_mut(&mut impl_generics);

        ImplGenerics {
            generics: impl_generics,
            self_args,
        }
    }
}

fn is_lifetime(param: &GenericParam) -> bool {
    matches!(param, GenericParam::Lifetime(_))
}

/// Replaces the named lifetimes by `'static`, keeping each one's span.
///
/// A `for<'x>` binder cannot shadow a lifetime parameter (E0496), so every occurrence of a
/// parameter's name is that parameter.
struct StaticLifetimes {
    names: BTreeSet<Ident>,
}

impl VisitMut for StaticLifetimes {
    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        if self.names.contains(&lifetime.ident) {
            *lifetime = Lifetime::new("'static", lifetime.span());
        }
        visit_mut::visit_lifetime_mut(self, lifetime);
    }
}
