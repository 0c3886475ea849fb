//! `From` conversions into [`FrozenValue`] from std and frozen types, and `FromIterator`.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::{FrozenArray, FrozenObject, FrozenValue, Number};
use crate::{FrozenArc, FrozenBytes, FrozenStr};

impl From<bool> for FrozenValue {
    #[inline]
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

macro_rules! from_integers {
    ($($t:ty),*) => {$(
        impl From<$t> for FrozenValue {
            #[inline]
            fn from(value: $t) -> Self {
                Self::Number(Number::from(value))
            }
        }
    )*};
}

from_integers!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl From<f64> for FrozenValue {
    /// A number, or [`Null`](FrozenValue::Null) for NaN and the infinities (as in
    /// `serde_json`: JSON has no such numbers).
    #[inline]
    fn from(value: f64) -> Self {
        Number::from_f64(value).map_or(Self::Null, Self::Number)
    }
}

impl From<f32> for FrozenValue {
    /// A number (the `f32` widened exactly), or [`Null`](FrozenValue::Null) for NaN and the
    /// infinities.
    #[inline]
    fn from(value: f32) -> Self {
        Self::from(f64::from(value))
    }
}

impl From<Number> for FrozenValue {
    #[inline]
    fn from(value: Number) -> Self {
        Self::Number(value)
    }
}

impl From<FrozenStr> for FrozenValue {
    #[inline]
    fn from(value: FrozenStr) -> Self {
        Self::String(value)
    }
}

impl From<&FrozenStr> for FrozenValue {
    #[inline]
    fn from(value: &FrozenStr) -> Self {
        Self::String(value.clone())
    }
}

impl From<&str> for FrozenValue {
    #[inline]
    fn from(value: &str) -> Self {
        Self::String(FrozenStr::from(value))
    }
}

impl From<String> for FrozenValue {
    #[inline]
    fn from(value: String) -> Self {
        Self::String(FrozenStr::from(value))
    }
}

impl From<&String> for FrozenValue {
    #[inline]
    fn from(value: &String) -> Self {
        Self::String(FrozenStr::from(value.as_str()))
    }
}

impl From<Cow<'_, str>> for FrozenValue {
    #[inline]
    fn from(value: Cow<'_, str>) -> Self {
        Self::String(FrozenStr::from(value))
    }
}

impl From<FrozenBytes> for FrozenValue {
    #[inline]
    fn from(value: FrozenBytes) -> Self {
        Self::Bytes(FrozenArc::new(value))
    }
}

impl From<FrozenArray> for FrozenValue {
    #[inline]
    fn from(value: FrozenArray) -> Self {
        Self::Array(value)
    }
}

impl From<FrozenObject> for FrozenValue {
    #[inline]
    fn from(value: FrozenObject) -> Self {
        Self::Object(value)
    }
}

impl From<()> for FrozenValue {
    /// [`Null`](FrozenValue::Null).
    #[inline]
    fn from((): ()) -> Self {
        Self::Null
    }
}

impl<T: Into<FrozenValue>> From<Option<T>> for FrozenValue {
    /// The value, or [`Null`](FrozenValue::Null) for `None`.
    #[inline]
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Into::into)
    }
}

impl<T: Into<FrozenValue>> From<Vec<T>> for FrozenValue {
    /// An array of the converted elements.
    fn from(value: Vec<T>) -> Self {
        Self::Array(value.into_iter().collect())
    }
}

impl<T: Into<FrozenValue> + Clone> From<&[T]> for FrozenValue {
    /// An array of the converted (cloned) elements.
    fn from(value: &[T]) -> Self {
        Self::Array(value.iter().cloned().collect())
    }
}

impl<T: Into<FrozenValue>, const N: usize> From<[T; N]> for FrozenValue {
    /// An array of the converted elements.
    fn from(value: [T; N]) -> Self {
        Self::Array(value.into_iter().collect())
    }
}

impl<K: Into<FrozenStr>, V: Into<FrozenValue>, S> From<HashMap<K, V, S>> for FrozenValue {
    /// An object of the converted entries (in key order).
    fn from(value: HashMap<K, V, S>) -> Self {
        Self::Object(value.into_iter().collect())
    }
}

impl<K: Into<FrozenStr>, V: Into<FrozenValue>> From<BTreeMap<K, V>> for FrozenValue {
    /// An object of the converted entries.
    fn from(value: BTreeMap<K, V>) -> Self {
        Self::Object(value.into_iter().collect())
    }
}

impl<T: Into<FrozenValue>> FromIterator<T> for FrozenValue {
    /// An array of the converted items.
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self::Array(iter.into_iter().collect())
    }
}

impl<K: Into<FrozenStr>, V: Into<FrozenValue>> FromIterator<(K, V)> for FrozenValue {
    /// An object of the converted members; a repeated key keeps its last value.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Self::Object(iter.into_iter().collect())
    }
}

macro_rules! eq_scalar {
    ($($t:ty => $conv:expr),* $(,)?) => {$(
        impl PartialEq<$t> for FrozenValue {
            /// Whether `self` is that scalar (as `serde_json::Value` compares with one).
            #[inline]
            fn eq(&self, other: &$t) -> bool {
                #[allow(clippy::redundant_closure_call)]
                ($conv)(self, other)
            }
        }
    )*};
}

eq_scalar! {
    bool => |v: &FrozenValue, o: &bool| v.as_bool() == Some(*o),
    str => |v: &FrozenValue, o: &str| v.as_str() == Some(o),
    &str => |v: &FrozenValue, o: &&str| v.as_str() == Some(*o),
    String => |v: &FrozenValue, o: &String| v.as_str() == Some(o.as_str()),
    i64 => |v: &FrozenValue, o: &i64| v.as_i64() == Some(*o),
    i32 => |v: &FrozenValue, o: &i32| v.as_i64() == Some(i64::from(*o)),
    u64 => |v: &FrozenValue, o: &u64| v.as_u64() == Some(*o),
    u32 => |v: &FrozenValue, o: &u32| v.as_u64() == Some(u64::from(*o)),
    usize => |v: &FrozenValue, o: &usize| v.as_u64() == u64::try_from(*o).ok(),
    f64 => |v: &FrozenValue, o: &f64| v.as_f64() == Some(*o),
}

// The other direction only for strings: `impl PartialEq<FrozenValue> for u32` (and the other
// primitives) would make every `1u32 == x.sum()` in a crate linking this one ambiguous.
macro_rules! eq_reversed {
    ($($t:ty),*) => {$(
        impl PartialEq<FrozenValue> for $t {
            #[inline]
            fn eq(&self, other: &FrozenValue) -> bool {
                other == self
            }
        }
    )*};
}

eq_reversed!(str, &str, String);
