//! The derive's input as typed nodes that keep references to the original syn tokens.

use crate::attr::{self, Attrs, Errors};
use syn::{Data, DeriveInput, Fields, Generics, Ident, Type};

/// A struct, enum or union that derives `Frozen`.
pub(crate) struct Input<'a> {
    /// The container's parsed `#[frozen(...)]` attributes.
    pub(crate) attrs: Attrs,
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
    Struct(Vec<Field<'a>>),
    /// An enum, possibly without variants.
    Enum(Vec<Variant<'a>>),
    /// A union: every field is checked, as for a struct.
    Union(Vec<Field<'a>>),
}

/// One variant of an enum.
pub(crate) struct Variant<'a> {
    /// The variant's fields.
    pub(crate) fields: Vec<Field<'a>>,
}

/// One field of a struct, variant or union.
pub(crate) struct Field<'a> {
    /// The field's declared type, with its original spans.
    pub(crate) ty: &'a Type,
}

impl<'a> Input<'a> {
    /// Reads `node`. Every misplaced or malformed `#[frozen]` attribute is reported to `errors`;
    /// the input is returned regardless, with the attribute keys that did parse.
    pub(crate) fn from_syn(node: &'a DeriveInput, errors: &mut Errors) -> Self {
        let attrs = attr::container(&node.attrs, errors);
        let shape = match &node.data {
            Data::Struct(data) => Shape::Struct(Field::all(&data.fields, errors)),
            Data::Union(data) => Shape::Union(
                data.fields
                    .named
                    .iter()
                    .map(|field| Field::from_syn(field, errors))
                    .collect(),
            ),
            Data::Enum(data) => Shape::Enum(
                data.variants
                    .iter()
                    .map(|variant| {
                        attr::reject(&variant.attrs, "variant", errors);
                        Variant {
                            fields: Field::all(&variant.fields, errors),
                        }
                    })
                    .collect(),
            ),
        };
        Input {
            attrs,
            ident: &node.ident,
            generics: &node.generics,
            shape,
        }
    }

    /// Every field of the type, in declaration order (all variants' fields for an enum).
    pub(crate) fn fields(&self) -> impl Iterator<Item = &Field<'a>> {
        let (fields, variants): (&[Field<'a>], &[Variant<'a>]) = match &self.shape {
            Shape::Struct(fields) | Shape::Union(fields) => (fields, &[]),
            Shape::Enum(variants) => (&[], variants),
        };
        fields
            .iter()
            .chain(variants.iter().flat_map(|variant| &variant.fields))
    }
}

impl<'a> Field<'a> {
    fn all(fields: &'a Fields, errors: &mut Errors) -> Vec<Self> {
        fields
            .iter()
            .map(|field| Field::from_syn(field, errors))
            .collect()
    }

    fn from_syn(node: &'a syn::Field, errors: &mut Errors) -> Self {
        attr::reject(&node.attrs, "field", errors);
        Field { ty: &node.ty }
    }
}
