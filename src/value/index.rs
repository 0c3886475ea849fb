//! [`Index`]: what indexes into a [`FrozenValue`] (`usize` for arrays, strings for objects).

use super::FrozenValue;
use crate::FrozenStr;

/// A type that can index into a [`FrozenValue`]: `usize` for arrays; `str`, `String` and
/// [`FrozenStr`] for objects; and references to them. Sealed, like `serde_json::value::Index`.
///
/// Used by [`FrozenValue::get`] and by `value[index]`.
///
/// ```
/// use deepfreeze::frozen_value;
///
/// let v = frozen_value!({"k": ["x"]});
/// let key = String::from("k");
/// assert_eq!(v[&key][0], "x");
/// ```
pub trait Index: private::Sealed {
    /// The element or member `self` names in `value`, if any.
    #[doc(hidden)]
    fn index_into<'v>(&self, value: &'v FrozenValue) -> Option<&'v FrozenValue>;
}

mod private {
    pub trait Sealed {}
    impl Sealed for usize {}
    impl Sealed for str {}
    impl Sealed for String {}
    impl Sealed for crate::FrozenStr {}
    impl<T: Sealed + ?Sized> Sealed for &T {}
}

impl Index for usize {
    #[inline]
    fn index_into<'v>(&self, value: &'v FrozenValue) -> Option<&'v FrozenValue> {
        value.as_array().and_then(|a| a.get(*self))
    }
}

impl Index for str {
    #[inline]
    fn index_into<'v>(&self, value: &'v FrozenValue) -> Option<&'v FrozenValue> {
        value.as_object().and_then(|o| o.get(self))
    }
}

impl Index for String {
    #[inline]
    fn index_into<'v>(&self, value: &'v FrozenValue) -> Option<&'v FrozenValue> {
        self.as_str().index_into(value)
    }
}

impl Index for FrozenStr {
    #[inline]
    fn index_into<'v>(&self, value: &'v FrozenValue) -> Option<&'v FrozenValue> {
        self.as_str().index_into(value)
    }
}

impl<T: Index + ?Sized> Index for &T {
    #[inline]
    fn index_into<'v>(&self, value: &'v FrozenValue) -> Option<&'v FrozenValue> {
        (**self).index_into(value)
    }
}
