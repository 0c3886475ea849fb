//! Generation of the `unsafe impl Frozen` and of the field check that makes it sound.
//!
//! The output, for `struct S<'a, T> { name: &'a str, items: Vec<T> }`:
//!
//! ```text
//! const _: () = {
//!     unsafe impl<T> ::deepfreeze::Frozen for S<'static, T>
//!     where
//!         T: ::deepfreeze::Frozen,
//!         for<'x> S<'static, T>: ::core::marker::Send + ::core::marker::Sync,
//!     {}
//!
//!     fn assert_frozen<T: ?Sized + ::deepfreeze::Frozen>(_: *const T) {}
//!     trait CheckFields { fn check_fields(value: &Self); }
//!     impl<T> CheckFields for S<'static, T> where /* the same where-clause */ {
//!         fn check_fields(value: &Self) {
//!             let Self { name: _, items: _ } = *value;
//!             assert_frozen(&value.name);  // spanned on `&'a str`
//!             assert_frozen(&value.items); // spanned on `Vec<T>`
//!         }
//!     }
//! };
//! ```
//!
//! The check lives in an impl for the same type with the same generics and where-clause as the
//! `unsafe impl`, so (1) it runs under exactly the bounds the impl promises, and (2) a recursive
//! type's check of itself (a field `Vec<Self>`) is answered by the impl, which has no field
//! predicates to recurse into. `check` writes the body; `valid` rejects what it cannot cover.

use crate::ast::{Input, Shape};
use crate::attr::Errors;
use crate::bounds::ImplGenerics;
use crate::check::{self, Names};
use crate::valid;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{DeriveInput, Error, Ident, Path, parse_quote};

/// Expands `#[derive(Frozen)]` on `node`: the impl and its field check, or, if the input breaks
/// a rule, the errors plus a bare impl (so code using the type as `Frozen` adds no errors).
pub(crate) fn derive(node: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let input = Input::from_syn(node, &mut errors);
    valid::check(&input, &mut errors);
    match errors.finish() {
        Ok(()) => expand(&input),
        Err(error) => fallback(&input, &error),
    }
}

fn expand(input: &Input<'_>) -> TokenStream {
    let krate = krate(input);
    let generics = generics(input, &krate);
    let (impl_generics, _, where_clause) = generics.generics.split_for_impl();
    let ident = input.ident;
    let self_args = &generics.self_args;
    let frozen_impl = frozen_impl(input, &generics, &krate);
    let names = Names::new();
    let Names { assert, value } = &names;
    let body = check::body(&input.shape, &names);
    let check_trait = Ident::new("__DeepfreezeCheckFields", Span::mixed_site());
    let check_fn = Ident::new("__deepfreeze_check_fields", Span::mixed_site());
    // A union's fields are reached in an `unsafe` block (see `check`), which newer compilers
    // find unneeded.
    let allow_unsafe = matches!(input.shape, Shape::Union(_))
        .then(|| quote!(#[allow(unsafe_code, unused_unsafe)]));

    quote! {
        #[doc(hidden)]
        #[allow(dead_code, unused_qualifications)]
        const _: () = {
            #frozen_impl

            fn #assert<T: ?::core::marker::Sized + #krate::Frozen>(_: *const T) {}

            trait #check_trait {
                fn #check_fn(#value: &Self);
            }

            #[automatically_derived]
            impl #impl_generics #check_trait for #ident #self_args #where_clause {
                #allow_unsafe
                fn #check_fn(#value: &Self) {
                    #body
                }
            }
        };
    }
}

/// The errors, and the impl without the check: one mistake gives its own error only, not one
/// more at every use of the type as `Frozen`. (The build fails on the errors, so the unchecked
/// impl never reaches a program.) Generics holding a macro are not copied even there.
fn fallback(input: &Input<'_>, error: &Error) -> TokenStream {
    let error = error.to_compile_error();
    if valid::macros_in_generics(input) {
        return error;
    }
    let krate = krate(input);
    let generics = generics(input, &krate);
    let frozen_impl = frozen_impl(input, &generics, &krate);
    quote! {
        #error
        const _: () = {
            #frozen_impl
        };
    }
}

fn generics(input: &Input<'_>, krate: &Path) -> ImplGenerics {
    ImplGenerics::new(
        input.ident,
        input.generics,
        input.attrs.bound.as_ref(),
        krate,
    )
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

#[cfg(test)]
mod tests {
    use super::derive;
    use proc_macro2::{TokenStream, TokenTree};
    use syn::{DeriveInput, parse_quote};

    fn expand(input: DeriveInput) -> String {
        derive(&input).to_string()
    }

    /// Every identifier in `tokens`, recursively.
    fn idents(tokens: TokenStream) -> Vec<String> {
        tokens
            .into_iter()
            .flat_map(|tree| match tree {
                TokenTree::Ident(ident) => vec![ident.to_string()],
                TokenTree::Group(group) => idents(group.stream()),
                TokenTree::Punct(_) | TokenTree::Literal(_) => Vec::new(),
            })
            .collect()
    }

    #[test]
    fn default_path_is_absolute() {
        let out = expand(parse_quote!(
            struct S {
                a: u8,
            }
        ));
        assert!(out.contains(":: deepfreeze :: Frozen for S"), "{out}");
        assert!(
            out.contains("__deepfreeze_assert_frozen (& __deepfreeze_value . a) ;"),
            "{out}"
        );
    }

    #[test]
    fn crate_attribute_replaces_every_path() {
        for shape in [
            parse_quote!(
                #[frozen(crate = "renamed")]
                struct S<'a, T: Clone, const N: usize>
                where
                    T: Ord,
                {
                    a: &'a [T; N],
                    b: Vec<Self>,
                }
            ),
            parse_quote!(
                #[frozen(crate = "renamed", bound = "T: renamed::Frozen")]
                enum E<T> {
                    A(T),
                    B { b: Box<E<T>> },
                    C,
                }
            ),
            parse_quote!(
                #[frozen(crate = "renamed")]
                union U { a: u32, b: f32 }
            ),
        ] {
            let tokens = derive(&shape);
            let idents = idents(tokens.clone());
            assert!(
                !idents.iter().any(|ident| ident == "deepfreeze"),
                "{tokens}"
            );
            assert!(tokens.to_string().contains("renamed :: Frozen"), "{tokens}");
        }
    }

    #[test]
    fn crate_attribute_is_used_in_the_fallback_impl_too() {
        let tokens = derive(&parse_quote!(
            #[frozen(crate = "renamed", unknown = "x")]
            struct S;
        ));
        assert!(tokens.to_string().contains("compile_error"), "{tokens}");
        assert!(
            !idents(tokens.clone())
                .iter()
                .any(|ident| ident == "deepfreeze"),
            "{tokens}"
        );
    }

    #[test]
    fn crate_attribute_accepts_crate_keyword_paths() {
        let out = expand(parse_quote!(
            #[frozen(crate = "crate::reexport")]
            struct S;
        ));
        assert!(
            out.contains("unsafe impl crate :: reexport :: Frozen for S"),
            "{out}"
        );
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn lifetimes_become_static_everywhere() {
        let out = expand(parse_quote!(
            struct S<'a, 'b: 'a, T: 'a>
            where
                T: Trait<'b>,
                'a: 'b,
            {
                a: &'a T,
                b: std::borrow::Cow<'b, str>,
                c: for<'x> fn(&'x u8) -> &'a u8,
            }
        ));
        assert!(!out.contains("'a") && !out.contains("'b"), "{out}");
        assert!(out.contains("for S < 'static , 'static , T >"), "{out}");
        assert!(out.contains("T : 'static"), "{out}");
        assert!(out.contains("T : Trait < 'static >"), "{out}");
    }

    #[test]
    fn every_type_parameter_is_bounded_and_no_field_is() {
        let out = expand(parse_quote!(
            struct S<A, B: Clone, const N: usize> {
                a: Vec<A>,
                b: [B; N],
                me: Option<Box<Self>>,
            }
        ));
        let where_clause = out
            .split("unsafe impl")
            .nth(1)
            .unwrap()
            .split('{')
            .next()
            .unwrap();
        assert_eq!(
            where_clause.trim(),
            "< A , B : Clone , const N : usize > :: deepfreeze :: Frozen for S < A , B , N > \
             where A : :: deepfreeze :: Frozen , B : :: deepfreeze :: Frozen , \
             for < '__deepfreeze_deferred > S < A , B , N > : :: core :: marker :: Send + \
             :: core :: marker :: Sync"
        );
        for field in ["a", "b", "me"] {
            assert!(
                out.contains(&format!(
                    "__deepfreeze_assert_frozen (& __deepfreeze_value . {field}) ;"
                )),
                "{out}"
            );
        }
    }

    #[test]
    fn bound_replaces_inferred_bounds_but_keeps_static_and_where_clause() {
        let out = expand(parse_quote!(
            #[frozen(bound = "T::Out: Frozen")]
            struct S<T: Shape, U>
            where
                U: Copy,
            {
                out: T::Out,
                u: U,
            }
        ));
        assert!(
            out.contains("where U : Copy , T :: Out : Frozen , T : 'static , U : 'static"),
            "{out}"
        );
        assert!(!out.contains("T : :: deepfreeze :: Frozen"), "{out}");
        assert!(
            out.contains("__deepfreeze_assert_frozen (& __deepfreeze_value . u) ;"),
            "{out}"
        );
    }

    #[test]
    fn empty_bound_means_no_bounds() {
        let out = expand(parse_quote!(
            #[frozen(bound = "")]
            struct S<T> {
                marker: Tag<T>,
            }
        ));
        assert!(
            out.contains(
                "for S < T > where T : 'static , for < '__deepfreeze_deferred > S < T > : \
                 :: core :: marker :: Send + :: core :: marker :: Sync { }"
            ),
            "{out}"
        );
    }

    #[test]
    fn every_shape_checks_every_field_through_an_exhaustive_pattern() {
        let out = expand(parse_quote!(
            enum E {
                Unit,
                Tuple(u8, u16),
                Named { a: u32, b: u64 },
            }
        ));
        for arm in [
            "Self :: Unit { } => { }",
            "Self :: Tuple { 0 : __deepfreeze_field0 , 1 : __deepfreeze_field1 } => { \
             __deepfreeze_assert_frozen ((__deepfreeze_field0 ,) . 0) ; \
             __deepfreeze_assert_frozen ((__deepfreeze_field1 ,) . 0) ; }",
            "Self :: Named { a : __deepfreeze_field0 , b : __deepfreeze_field1 } =>",
        ] {
            assert!(out.contains(arm), "{arm} in {out}");
        }
        assert!(!out.contains(".."), "{out}");

        let out = expand(parse_quote!(
            struct T(u8, u16);
        ));
        assert!(
            out.contains("let Self { 0 : _ , 1 : _ } = * __deepfreeze_value ;"),
            "{out}"
        );
        assert!(
            out.contains("__deepfreeze_assert_frozen (& __deepfreeze_value . 1) ;"),
            "{out}"
        );

        let out = expand(parse_quote!(
            struct Unit;
        ));
        assert!(
            out.contains("let Self { } = * __deepfreeze_value ;"),
            "{out}"
        );

        let out = expand(parse_quote!(
            #[repr(C, packed(2))]
            struct P {
                a: u8,
            }
        ));
        assert!(
            out.contains("__deepfreeze_assert_frozen (& raw const __deepfreeze_value . a) ;"),
            "{out}"
        );

        let out = expand(parse_quote!(
            union U {
                a: u8,
                b: u16,
            }
        ));
        assert!(
            out.contains(
                "__deepfreeze_assert_frozen (unsafe { & raw const __deepfreeze_value . b }) ;"
            ),
            "{out}"
        );

        let out = expand(parse_quote!(
            enum Never {}
        ));
        assert!(out.contains("match * __deepfreeze_value { }"), "{out}");
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn field_types_are_never_written_again() {
        for shape in [
            parse_quote!(
                struct S<T> {
                    a: FieldTypeA,
                    b: Vec<FieldTypeB<T>>,
                }
            ),
            parse_quote!(
                struct S(FieldTypeA, field_macro!());
            ),
            parse_quote!(
                enum E {
                    A(FieldTypeA),
                    B { b: field_macro!() },
                }
            ),
            parse_quote!(
                union U {
                    a: FieldTypeA,
                    b: FieldTypeB,
                }
            ),
        ] {
            let tokens = derive(&shape);
            let idents = idents(tokens.clone());
            assert!(
                !idents
                    .iter()
                    .any(|ident| ident.starts_with("FieldType") || ident == "field_macro"),
                "{tokens}"
            );
            assert!(!tokens.to_string().contains("compile_error"), "{tokens}");
        }
    }

    /// `S<'a, T, const N: usize>` deriving with `bound = "{bound}"`: whether the derive accepts it.
    fn accepts_bound(bound: &str) -> bool {
        let attr: syn::Attribute = syn::parse_quote!(#[frozen(bound = #bound)]);
        let out = expand(parse_quote!(
            #attr
            struct S<'a, T, const N: usize> {
                a: &'a T,
                b: [u8; N],
            }
        ));
        !out.contains("compile_error")
    }

    #[test]
    fn bound_must_name_a_parameter_and_not_the_type() {
        for bound in [
            "",
            "T: Frozen",
            "T::Out: Frozen",
            "<T as Shape>::Out: Frozen",
            "Vec<T>: Frozen",
            "[u8; N]: Frozen",
            "'a: 'static",
            "T: Frozen + 'a",
            "for<'x> &'x T: Into<u8>",
        ] {
            assert!(accepts_bound(bound), "{bound}");
        }
        for bound in [
            "Self: Frozen",
            "T: Frozen, Self: Frozen",
            "S<'a, T, N>: Frozen",
            "Vec<Self>: Frozen",
            "Box<S<'a, T, N>>: Frozen",
            "T: Into<Self>",
            "<Self as Shape>::Out: Frozen",
            "String: Frozen",
            "T: Frozen, u8: Copy",
            "::T: Frozen",
            "T: Shape<Out = m!()>",
        ] {
            assert!(!accepts_bound(bound), "{bound}");
        }
    }

    #[test]
    fn macros_in_the_generics_are_errors_without_an_impl() {
        for shape in [
            parse_quote!(
                struct S<T: Tr<m!()>>(T);
            ),
            parse_quote!(
                struct S<T>(T)
                where
                    T: Tr<m!()>;
            ),
            parse_quote!(
                struct S<const N: m!()>;
            ),
        ] {
            let out = expand(shape);
            assert_eq!(out.matches("compile_error").count(), 1, "{out}");
            assert!(!out.contains("unsafe impl"), "{out}");
        }
    }

    #[test]
    fn unions_and_packed_structs_take_only_inert_attributes() {
        let accepted: Vec<DeriveInput> = vec![
            parse_quote!(
                /// Docs.
                #[derive(Clone, Copy)]
                #[repr(C)]
                #[allow(dead_code)]
                #[cfg_attr(all(), must_use, deprecated)]
                union U {
                    /// Docs.
                    #[allow(dead_code)]
                    a: u8,
                }
            ),
            parse_quote!(
                #[repr(C, packed(2))]
                #[expect(dead_code)]
                struct P {
                    #[doc = "x"]
                    a: u8,
                }
            ),
            // Other shapes take any attribute: their check is exhaustive.
            parse_quote!(
                #[some_macro]
                #[serde(rename_all = "camelCase")]
                struct S {
                    #[serde(default)]
                    a: u8,
                }
            ),
        ];
        for shape in accepted {
            let out = expand(shape);
            assert!(!out.contains("compile_error"), "{out}");
        }
        let rejected: Vec<DeriveInput> = vec![
            parse_quote!(
                #[some_macro]
                union U { a: u8 }
            ),
            parse_quote!(
                #[cfg_attr(all(), some_macro)]
                union U { a: u8 }
            ),
            parse_quote!(
                #[rustfmt::skip]
                union U { a: u8 }
            ),
            parse_quote!(
                union U { #[serde(default)] a: u8 }
            ),
            parse_quote!(
                #[repr(packed)]
                #[some_macro]
                struct P {
                    a: u8,
                }
            ),
            parse_quote!(
                #[some_macro]
                #[repr(C)]
                #[repr(packed)]
                struct P(u8);
            ),
        ];
        for shape in rejected {
            let out = expand(shape);
            assert_eq!(out.matches("compile_error").count(), 1, "{out}");
        }
    }

    #[test]
    fn errors_never_panic_and_come_with_a_fallback_impl() {
        let cases: Vec<DeriveInput> = vec![
            parse_quote!(
                #[frozen]
                struct S;
            ),
            parse_quote!(
                #[frozen = "x"]
                struct S;
            ),
            parse_quote!(
                #[frozen()]
                #[frozen(what)]
                struct S;
            ),
            parse_quote!(
                #[frozen(bound)]
                struct S;
            ),
            parse_quote!(
                #[frozen(bound = 1)]
                struct S;
            ),
            parse_quote!(
                #[frozen(bound = "T Frozen")]
                struct S<T>(T);
            ),
            parse_quote!(
                #[frozen(bound = "where T: Frozen")]
                struct S<T>(T);
            ),
            parse_quote!(
                #[frozen(bound = "", bound = "")]
                struct S;
            ),
            parse_quote!(
                #[frozen(crate = "")]
                struct S;
            ),
            parse_quote!(
                #[frozen(crate = "a::")]
                struct S;
            ),
            parse_quote!(
                #[frozen(crate = "a", crate = "b")]
                struct S;
            ),
            parse_quote!(
                #[frozen(a::b = "c")]
                struct S;
            ),
            parse_quote!(
                struct S {
                    #[frozen(bound = "")]
                    a: u8,
                }
            ),
            parse_quote!(
                enum E {
                    #[frozen]
                    A,
                }
            ),
            parse_quote!(union U { #[frozen] a: u8 }),
        ];
        for case in cases {
            let out = expand(case);
            assert_eq!(out.matches("compile_error").count().min(1), 1, "{out}");
            assert!(out.contains("unsafe impl"), "{out}");
            assert!(!out.contains("__deepfreeze_assert_frozen"), "{out}");
        }
    }

    #[test]
    fn each_mistake_is_reported_once_and_all_are_reported() {
        let out = expand(parse_quote!(
            #[frozen(unknown = "x")]
            #[frozen(bound = "T")]
            struct S<T> {
                #[frozen(bound = "")]
                a: T,
            }
        ));
        assert_eq!(out.matches("compile_error").count(), 3, "{out}");
    }
}
