//! [`FrozenValue`]: any JSON, CBOR or MessagePack document as one deeply immutable tree, shared
//! in O(1) and edited persistently.
//!
//! A `FrozenValue` reads like `serde_json::Value` (`get`, indexing with `["key"]` and `[0]`,
//! `pointer`, `as_str`, `is_object`, ...), but it is [`Frozen`]: cloning it is one reference
//! count, so handing a parsed document to other threads costs nothing per node, nobody can change
//! it behind the readers' backs, and an edit ([`with_pointer`](FrozenValue::with_pointer),
//! [`set_pointer`](FrozenValue::set_pointer), [`without_pointer`](FrozenValue::without_pointer))
//! builds a new version that shares every untouched subtree with the old one.
//!
//! ```
//! use deepfreeze::{frozen_value, FrozenValue};
//!
//! let config = frozen_value!({
//!     "name": "api",
//!     "limits": { "rps": 100, "burst": 20 },
//!     "regions": ["eu", "us"],
//! });
//! assert_eq!(config["limits"]["rps"], 100);
//! assert_eq!(config.pointer("/regions/1").and_then(FrozenValue::as_str), Some("us"));
//!
//! let raised = config.with_pointer("/limits/rps", 200)?;
//! assert_eq!(raised["limits"]["rps"], 200);
//! assert_eq!(config["limits"]["rps"], 100); // the old version is unchanged
//! assert!(raised["regions"].ptr_eq(&config["regions"])); // and shares what was not edited
//! # Ok::<(), deepfreeze::value::PointerError>(())
//! ```
//!
//! # Representation
//!
//! A `FrozenValue` is 24 bytes. Strings are [`FrozenStr`]s (15 bytes or fewer are stored inline,
//! without allocating); arrays ([`FrozenArray`]) and objects ([`FrozenObject`]) are exact-sized
//! slices in one reference-counted allocation behind a one-pointer handle, objects sorted by key.
//! A parsed container is buffered once and moved into its allocation, like `serde_json::Value`'s
//! `Vec` and unlike a tree of nodes; an edit copies the handles of each container on the edited
//! path (O(width) per level: microseconds even for a container of thousands of members), never a
//! subtree. See [`FrozenObject`] for why objects are sorted slices rather than hash tries. On a
//! generated 10 MB twitter-like feed, a parsed `FrozenValue` holds a third of the heap bytes of a
//! `serde_json::Value` (BENCHMARKS.md in the repository has the measurements).
//! Byte strings (from CBOR or MessagePack) are [`FrozenBytes`] behind a [`FrozenArc`], which
//! keeps the other variants small.
//!
//! # Deep documents
//!
//! Dropping, cloning, comparing (`==`, `cmp`), hashing, `Debug` and `Display` never recurse: a
//! value nested a million levels deep works on a 2 MiB thread stack. Serializing and
//! deserializing count nesting against [`MAX_DEPTH`][serde-max-depth] (feature `serde`), so they
//! fail with an error on documents deeper than that, whatever the format.
//!

#![cfg_attr(feature = "serde", doc = "[serde-max-depth]: crate::serde::MAX_DEPTH")]
#![cfg_attr(
    not(feature = "serde"),
    doc = "[serde-max-depth]: https://docs.rs/deepfreeze/latest/deepfreeze/serde/constant.MAX_DEPTH.html"
)]

mod array;
mod cmp;
mod convert;
mod drop;
mod fmt;
mod index;
mod macros;
mod number;
mod object;
mod pointer;
#[cfg(feature = "serde")]
mod serde;
mod shared;

pub use array::FrozenArray;
pub use index::Index;
pub use number::Number;
pub use object::{FrozenObject, Iter};
pub use pointer::{PointerError, PointerErrorKind};

use crate::{Frozen, FrozenArc, FrozenBytes, FrozenStr};

/// A dynamic, deeply immutable document: null, a boolean, a number, a string, bytes, an array or
/// an object, nested to any depth.
///
/// See the [module docs](self) for an overview. Values compare, order and hash by content (with
/// a fast path for subtrees that share storage); variants order as listed here, numbers
/// numerically (see [`Number`]), arrays and objects lexicographically. `Display` writes JSON
/// (`{:#}` pretty-prints), `Debug` writes the variants, `Default` is [`Null`](Self::Null).
///
/// ```
/// use deepfreeze::{frozen_value, FrozenValue};
///
/// let v = frozen_value!({"id": 7, "tags": ["a"], "score": 0.5, "gone": null});
/// assert_eq!(v.to_string(), r#"{"gone":null,"id":7,"score":0.5,"tags":["a"]}"#);
/// assert!(matches!(v["tags"], FrozenValue::Array(_)));
/// assert_eq!(v["missing"], FrozenValue::Null);
/// ```
#[derive(Clone, Default)]
pub enum FrozenValue {
    /// JSON's `null` (also the value of absent keys and indices, `None` and `()`).
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer (`i64` or `u64`, exactly) or a finite float.
    Number(Number),
    /// A UTF-8 string.
    String(FrozenStr),
    /// A byte string (CBOR's and MessagePack's binary data; JSON has none).
    Bytes(FrozenArc<FrozenBytes>),
    /// An ordered sequence of values.
    Array(FrozenArray),
    /// String keys mapped to values, in key order.
    Object(FrozenObject),
}

// SAFETY:
// - Immutability and depth: every variant holds a `Frozen` type (`bool`, `Number`, `FrozenStr`,
//   `FrozenArc<FrozenBytes>`, `FrozenArray`, `FrozenObject`); the enum adds no cell, pointer or
//   borrow of its own.
// - Sharing: each of those is `Send + Sync`, so the enum is.
#[allow(unsafe_code)]
unsafe impl Frozen for FrozenValue {}

const _: () = assert!(core::mem::size_of::<FrozenValue>() == 24);
const _: () = assert!(core::mem::size_of::<FrozenArray>() == 8);
const _: () = assert!(core::mem::size_of::<FrozenObject>() == 8);

// The documents are shareable: frozen, and so `Send + Sync`.
const _: () = {
    const fn shareable<T: Frozen + Send + Sync>() {}
    shareable::<FrozenValue>();
    shareable::<FrozenArray>();
    shareable::<FrozenObject>();
    shareable::<Number>();
};

/// The value that indexing returns for a missing key or index.
pub(super) static NULL: FrozenValue = FrozenValue::Null;

impl FrozenValue {
    /// Looks up `index` in an array (a `usize`) or an object (a `&str` or `String`); `None` if
    /// `self` is not a container of that kind or the index is absent. Like
    /// `serde_json::Value::get`.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let v = frozen_value!({"a": [10, 20]});
    /// assert_eq!(v.get("a").and_then(|a| a.get(1)), Some(&frozen_value!(20)));
    /// assert_eq!(v.get(0), None);
    /// assert_eq!(v.get("b"), None);
    /// ```
    #[inline]
    pub fn get<I: Index>(&self, index: I) -> Option<&FrozenValue> {
        index.index_into(self)
    }

    /// The value at the [RFC 6901](https://www.rfc-editor.org/rfc/rfc6901) JSON pointer
    /// `pointer`: `""` is the whole value, `"/a/0"` the element 0 of member `a`, `~1` stands for
    /// `/` and `~0` for `~` in a key. `None` if the pointer is malformed or leads nowhere. Like
    /// `serde_json::Value::pointer`.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let v = frozen_value!({"a/b": {"c": [1, 2]}});
    /// assert_eq!(v.pointer("/a~1b/c/1"), Some(&frozen_value!(2)));
    /// assert_eq!(v.pointer(""), Some(&v));
    /// assert_eq!(v.pointer("/a~1b/c/01"), None); // no leading zeros
    /// assert_eq!(v.pointer("a"), None); // must start with '/'
    /// ```
    pub fn pointer(&self, pointer: &str) -> Option<&FrozenValue> {
        pointer::read(self, pointer)
    }

    /// Whether `self` is [`Null`](Self::Null).
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert!(FrozenValue::Null.is_null());
    /// ```
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// `Some(())` if `self` is [`Null`](Self::Null).
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert_eq!(FrozenValue::Null.as_null(), Some(()));
    /// assert_eq!(FrozenValue::from(1).as_null(), None);
    /// ```
    #[inline]
    pub fn as_null(&self) -> Option<()> {
        self.is_null().then_some(())
    }

    /// Whether `self` is a [`Bool`](Self::Bool).
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert!(FrozenValue::from(true).is_boolean());
    /// ```
    #[inline]
    pub fn is_boolean(&self) -> bool {
        matches!(self, Self::Bool(_))
    }

    /// The boolean, if `self` is one.
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert_eq!(FrozenValue::from(false).as_bool(), Some(false));
    /// assert_eq!(FrozenValue::Null.as_bool(), None);
    /// ```
    #[inline]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// Whether `self` is a [`Number`](Self::Number).
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert!(FrozenValue::from(1.5).is_number());
    /// ```
    #[inline]
    pub fn is_number(&self) -> bool {
        matches!(self, Self::Number(_))
    }

    /// The number, if `self` is one.
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert_eq!(FrozenValue::from(3).as_number().and_then(|n| n.as_u64()), Some(3));
    /// ```
    #[inline]
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Self::Number(n) => Some(n),
            _ => None,
        }
    }

    /// Whether `self` is an integer that fits in `i64`.
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert!(FrozenValue::from(-1).is_i64());
    /// assert!(!FrozenValue::from(u64::MAX).is_i64());
    /// ```
    #[inline]
    pub fn is_i64(&self) -> bool {
        self.as_number().is_some_and(Number::is_i64)
    }

    /// Whether `self` is a non-negative integer (it then fits in `u64`).
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert!(FrozenValue::from(u64::MAX).is_u64());
    /// assert!(!FrozenValue::from(1.0).is_u64());
    /// ```
    #[inline]
    pub fn is_u64(&self) -> bool {
        self.as_number().is_some_and(Number::is_u64)
    }

    /// Whether `self` is a float (`1.0` is one; `1` is not).
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert!(FrozenValue::from(1.0).is_f64());
    /// assert!(!FrozenValue::from(1).is_f64());
    /// ```
    #[inline]
    pub fn is_f64(&self) -> bool {
        self.as_number().is_some_and(Number::is_f64)
    }

    /// The integer as an `i64`, if `self` is one that fits.
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert_eq!(FrozenValue::from(-7).as_i64(), Some(-7));
    /// assert_eq!(FrozenValue::from(u64::MAX).as_i64(), None);
    /// ```
    #[inline]
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number().and_then(Number::as_i64)
    }

    /// The integer as a `u64`, if `self` is a non-negative one.
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert_eq!(FrozenValue::from(u64::MAX).as_u64(), Some(u64::MAX));
    /// assert_eq!(FrozenValue::from(-1).as_u64(), None);
    /// ```
    #[inline]
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number().and_then(Number::as_u64)
    }

    /// The number as an `f64`, if `self` is a number (integers are converted, as in
    /// `serde_json`).
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert_eq!(FrozenValue::from(2).as_f64(), Some(2.0));
    /// assert_eq!(FrozenValue::from("2").as_f64(), None);
    /// ```
    #[inline]
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number().and_then(Number::as_f64)
    }

    /// Whether `self` is a [`String`](Self::String).
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert!(FrozenValue::from("x").is_string());
    /// ```
    #[inline]
    pub fn is_string(&self) -> bool {
        matches!(self, Self::String(_))
    }

    /// The string, if `self` is one.
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// assert_eq!(FrozenValue::from("x").as_str(), Some("x"));
    /// assert_eq!(FrozenValue::Null.as_str(), None);
    /// ```
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        self.as_frozen_str().map(FrozenStr::as_str)
    }

    /// The string's handle, if `self` is a string: clone it to keep the string without copying.
    ///
    /// ```
    /// use deepfreeze::FrozenValue;
    ///
    /// let v = FrozenValue::from("a string longer than fifteen bytes");
    /// let kept = v.as_frozen_str().unwrap().clone(); // shares the bytes
    /// assert!(kept.ptr_eq(v.as_frozen_str().unwrap()));
    /// ```
    #[inline]
    pub fn as_frozen_str(&self) -> Option<&FrozenStr> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// Whether `self` is [`Bytes`](Self::Bytes).
    ///
    /// ```
    /// use deepfreeze::{FrozenBytes, FrozenValue};
    ///
    /// assert!(FrozenValue::from(FrozenBytes::from(vec![1, 2])).is_bytes());
    /// ```
    #[inline]
    pub fn is_bytes(&self) -> bool {
        matches!(self, Self::Bytes(_))
    }

    /// The bytes, if `self` is a byte string.
    ///
    /// ```
    /// use deepfreeze::{FrozenBytes, FrozenValue};
    ///
    /// let v = FrozenValue::from(FrozenBytes::from(vec![1, 2]));
    /// assert_eq!(v.as_bytes().map(|b| &b[..]), Some(&[1, 2][..]));
    /// ```
    #[inline]
    pub fn as_bytes(&self) -> Option<&FrozenBytes> {
        match self {
            Self::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// Whether `self` is an [`Array`](Self::Array).
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// assert!(frozen_value!([1]).is_array());
    /// ```
    #[inline]
    pub fn is_array(&self) -> bool {
        matches!(self, Self::Array(_))
    }

    /// The array, if `self` is one (it derefs to `[FrozenValue]`).
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let v = frozen_value!([1, 2]);
    /// assert_eq!(v.as_array().map(|a| a.len()), Some(2));
    /// ```
    #[inline]
    pub fn as_array(&self) -> Option<&FrozenArray> {
        match self {
            Self::Array(a) => Some(a),
            _ => None,
        }
    }

    /// Whether `self` is an [`Object`](Self::Object).
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// assert!(frozen_value!({}).is_object());
    /// ```
    #[inline]
    pub fn is_object(&self) -> bool {
        matches!(self, Self::Object(_))
    }

    /// The object, if `self` is one.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let v = frozen_value!({"a": 1});
    /// assert_eq!(v.as_object().map(|o| o.len()), Some(1));
    /// ```
    #[inline]
    pub fn as_object(&self) -> Option<&FrozenObject> {
        match self {
            Self::Object(o) => Some(o),
            _ => None,
        }
    }

    /// Replaces `self` with [`Null`](Self::Null) and returns the old value, like
    /// `serde_json::Value::take`.
    ///
    /// ```
    /// use deepfreeze::{frozen_value, FrozenValue};
    ///
    /// let mut v = frozen_value!([1]);
    /// assert_eq!(v.take(), frozen_value!([1]));
    /// assert_eq!(v, FrozenValue::Null);
    /// ```
    #[inline]
    pub fn take(&mut self) -> FrozenValue {
        core::mem::take(self)
    }

    /// Whether the two values are the same without looking at their contents: arrays, objects,
    /// strings or bytes that share their storage, or equal nulls, booleans and numbers (which are
    /// stored inline, with nothing to share). `ptr_eq` implies `==`, in O(1).
    ///
    /// After an edit, every subtree that the edit did not touch is `ptr_eq` to the old version's.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let a = frozen_value!({"big": [1, 2, 3], "n": 1});
    /// let b = a.with_pointer("/n", 2)?;
    /// assert!(a["big"].ptr_eq(&b["big"]));
    /// assert!(!a.ptr_eq(&b));
    /// assert!(!frozen_value!([1]).ptr_eq(&frozen_value!([1]))); // equal, but two allocations
    /// # Ok::<(), deepfreeze::value::PointerError>(())
    /// ```
    pub fn ptr_eq(&self, other: &FrozenValue) -> bool {
        match (self, other) {
            (Self::Null, Self::Null) => true,
            (Self::Bool(a), Self::Bool(b)) => a == b,
            (Self::Number(a), Self::Number(b)) => a == b,
            (Self::String(a), Self::String(b)) => a.ptr_eq(b),
            (Self::Bytes(a), Self::Bytes(b)) => FrozenArc::ptr_eq(a, b),
            (Self::Array(a), Self::Array(b)) => a.ptr_eq(b),
            (Self::Object(a), Self::Object(b)) => a.ptr_eq(b),
            _ => false,
        }
    }
}

impl<I: Index> core::ops::Index<I> for FrozenValue {
    type Output = FrozenValue;

    /// The element (for a `usize`) or member (for a `&str`), or [`Null`](FrozenValue::Null) if
    /// `self` is not a container of that kind or the index is absent; never panics. Like
    /// indexing a `serde_json::Value`.
    ///
    /// ```
    /// use deepfreeze::{frozen_value, FrozenValue};
    ///
    /// let v = frozen_value!({"a": [1, {"b": true}]});
    /// assert_eq!(v["a"][1]["b"], true);
    /// assert_eq!(v["a"][9]["c"], FrozenValue::Null);
    /// ```
    #[inline]
    fn index(&self, index: I) -> &FrozenValue {
        index.index_into(self).unwrap_or(&NULL)
    }
}
