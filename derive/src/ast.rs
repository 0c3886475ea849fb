//! The derive's input as typed nodes that keep references to the original syn tokens.

use crate::attr::{self, Attrs, Errors};
use syn::{Attribute, Data, DeriveInput, Fields, Generics, Ident, Index, Member, Type};

/// A struct, enum or union that derives `Frozen`.
pub(crate) struct Input<'a> {
    /// The container's parsed `#[frozen(...)]` attributes.
    pub(crate) attrs: Attrs,
    /// Every attribute written on the container, as the derive received it.
    pub(crate) all_attrs: &'a [Attribute],
    /// The type's name.
    pub(crate) ident: &'a Ident,
    /// The type's generics, as declared.
    pub(crate) generics: &'a Generics,
    /// What kind of type it is, with its fields.
    pub(crate) shape: Shape<'a>,
}

/// The kinds of types the derive accepts; every kind is supported.
pub(crate) enum Shape<'a> {
    /// A struct with named, unnamed or no fields.
    Struct {
        /// The struct's fields.
        fields: Vec<Field<'a>>,
        /// Whether the struct is `#[repr(packed)]` (its fields cannot be borrowed).
        packed: bool,
    },
    /// An enum, possibly without variants.
    Enum(Vec<Variant<'a>>),
    /// A union: every field is checked, but no pattern can list them all.
    Union(Vec<Field<'a>>),
}

/// One variant of an enum.
pub(crate) struct Variant<'a> {
    /// The variant's name.
    pub(crate) ident: &'a Ident,
    /// The variant's fields.
    pub(crate) fields: Vec<Field<'a>>,
}

/// One field of a struct, variant or union.
pub(crate) struct Field<'a> {
    /// How the field is named in a pattern or a field access: `name` or `0`.
    pub(crate) member: Member,
    /// The field's declared type, for the span of its error (the type is never named again).
    pub(crate) ty: &'a Type,
    /// The attributes written on the field.
    pub(crate) attrs: &'a [Attribute],
}

impl<'a> Input<'a> {
    /// Reads `node`. Every misplaced or malformed `#[frozen]` attribute is reported to `errors`;
    /// the input is returned regardless, with the attribute keys that did parse.
    pub(crate) fn from_syn(node: &'a DeriveInput, errors: &mut Errors) -> Self {
        let attrs = attr::container(&node.attrs, errors);
        let shape = match &node.data {
            Data::Struct(data) => Shape::Struct {
                fields: Field::all(&data.fields, errors),
                packed: attr::is_packed(&node.attrs),
            },
            Data::Union(data) => Shape::Union(
                data.fields
                    .named
                    .iter()
                    .enumerate()
                    .map(|(index, field)| Field::from_syn(index, field, errors))
                    .collect(),
            ),
            Data::Enum(data) => Shape::Enum(
                data.variants
                    .iter()
                    .map(|variant| {
                        attr::reject(&variant.attrs, "variant", errors);
                        Variant {
                            ident: &variant.ident,
                            fields: Field::all(&variant.fields, errors),
                        }
                    })
                    .collect(),
            ),
        };
        Input {
            attrs,
            all_attrs: &node.attrs,
            ident: &node.ident,
            generics: &node.generics,
            shape,
        }
    }
}

impl<'a> Field<'a> {
    fn all(fields: &'a Fields, errors: &mut Errors) -> Vec<Self> {
        fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field::from_syn(index, field, errors))
            .collect()
    }

    fn from_syn(index: usize, node: &'a syn::Field, errors: &mut Errors) -> Self {
        attr::reject(&node.attrs, "field", errors);
        let member = node.ident.clone().map_or_else(
            || {
                Member::Unnamed(Index {
                    index: u32::try_from(index).unwrap_or(u32::MAX),
                    span: syn::spanned::Spanned::span(&node.ty),
                })
            },
            Member::Named,
        );
        Field {
            member,
            ty: &node.ty,
            attrs: &node.attrs,
        }
    }
}
