//! [`FrozenArray`]: the array of a [`FrozenValue`].

use core::fmt;
use core::ops::Deref;

use super::FrozenValue;
use super::shared::Shared;
use crate::Frozen;

/// The elements of a [`FrozenValue::Array`]: an immutable sequence of values in one allocation
/// behind a one-pointer handle (the empty array allocates nothing).
///
/// It derefs to `[FrozenValue]`, so every slice method reads it. Clones share the allocation; the
/// persistent edits (`with_pushed_back`, `with_replaced`, ...) build a new array holding clones of
/// the other elements (one reference count each: the elements' own subtrees are shared, not
/// copied), so an edit costs O(len) and leaves the old array as it was.
///
/// ```
/// use deepfreeze::{frozen_value, FrozenArray, FrozenValue};
///
/// let tags: FrozenArray = ["a", "b"].into_iter().collect();
/// let more = tags.with_pushed_back("c");
/// assert_eq!((tags.len(), more.len()), (2, 3));
/// assert_eq!(more[2], "c");
/// assert_eq!(frozen_value!(["a", "b", "c"]), FrozenValue::Array(more));
/// ```
#[derive(Clone, Default)]
pub struct FrozenArray(pub(crate) Shared<FrozenValue>);

// SAFETY:
// - Immutability and depth: the only field is a `Shared<FrozenValue>`, which is `Frozen`
//   because `FrozenValue` is (its impl states the obligations of each variant).
// - Sharing: `Shared<FrozenValue>` is `Send + Sync`, so `FrozenArray` is.
#[allow(unsafe_code)]
unsafe impl Frozen for FrozenArray {}

impl FrozenArray {
    /// The empty array (no allocation).
    ///
    /// ```
    /// use deepfreeze::FrozenArray;
    ///
    /// assert!(FrozenArray::new().is_empty());
    /// ```
    #[inline]
    pub const fn new() -> Self {
        Self(Shared::EMPTY)
    }

    /// The elements, as a slice (also reachable through `Deref`).
    ///
    /// ```
    /// use deepfreeze::{frozen_value, FrozenArray};
    ///
    /// let array: FrozenArray = vec![1, 2].into_iter().collect();
    /// assert_eq!(array.as_slice(), [frozen_value!(1), frozen_value!(2)]);
    /// ```
    #[inline]
    pub fn as_slice(&self) -> &[FrozenValue] {
        self.0.as_slice()
    }

    /// Whether the two arrays share one allocation (then they are equal without looking).
    ///
    /// ```
    /// use deepfreeze::FrozenArray;
    ///
    /// let a: FrozenArray = [1, 2].into_iter().collect();
    /// let b: FrozenArray = [1, 2].into_iter().collect();
    /// assert!(a.ptr_eq(&a.clone()));
    /// assert!(!a.ptr_eq(&b) && a == b);
    /// ```
    #[inline]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        self.0.ptr_eq(&other.0)
    }

    /// A new array with `value` appended.
    ///
    /// ```
    /// use deepfreeze::FrozenArray;
    ///
    /// let a = FrozenArray::new().with_pushed_back(1).with_pushed_back("two");
    /// assert_eq!(a.len(), 2);
    /// ```
    pub fn with_pushed_back(&self, value: impl Into<FrozenValue>) -> Self {
        Self(self.0.with_inserted(self.len(), value.into()))
    }

    /// A new array with `value` inserted before `index`, or `None` if `index > len`.
    ///
    /// ```
    /// use deepfreeze::FrozenArray;
    ///
    /// let a: FrozenArray = [1, 3].into_iter().collect();
    /// assert_eq!(a.with_inserted(1, 2), Some([1, 2, 3].into_iter().collect()));
    /// assert_eq!(a.with_inserted(3, 4), None);
    /// ```
    pub fn with_inserted(&self, index: usize, value: impl Into<FrozenValue>) -> Option<Self> {
        (index <= self.len()).then(|| Self(self.0.with_inserted(index, value.into())))
    }

    /// A new array with the element at `index` replaced by `value`, or `None` if
    /// `index >= len`.
    ///
    /// ```
    /// use deepfreeze::FrozenArray;
    ///
    /// let a: FrozenArray = [1, 2].into_iter().collect();
    /// assert_eq!(a.with_replaced(0, 7), Some([7, 2].into_iter().collect()));
    /// assert_eq!(a.with_replaced(2, 7), None);
    /// ```
    pub fn with_replaced(&self, index: usize, value: impl Into<FrozenValue>) -> Option<Self> {
        (index < self.len()).then(|| Self(self.0.with_replaced(index, value.into())))
    }

    /// A new array without the element at `index`, or `None` if `index >= len`.
    ///
    /// ```
    /// use deepfreeze::FrozenArray;
    ///
    /// let a: FrozenArray = [1, 2, 3].into_iter().collect();
    /// assert_eq!(a.without_index(1), Some([1, 3].into_iter().collect()));
    /// assert_eq!(a.without_index(3), None);
    /// ```
    pub fn without_index(&self, index: usize) -> Option<Self> {
        (index < self.len()).then(|| Self(self.0.with_removed(index)))
    }
}

impl Deref for FrozenArray {
    type Target = [FrozenValue];

    #[inline]
    fn deref(&self) -> &[FrozenValue] {
        self.as_slice()
    }
}

impl AsRef<[FrozenValue]> for FrozenArray {
    #[inline]
    fn as_ref(&self) -> &[FrozenValue] {
        self.as_slice()
    }
}

impl PartialEq for FrozenArray {
    fn eq(&self, other: &Self) -> bool {
        super::cmp::eq_slices(self, other)
    }
}

impl Eq for FrozenArray {}

impl PartialOrd for FrozenArray {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FrozenArray {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        super::cmp::cmp_slices(self, other)
    }
}

impl core::hash::Hash for FrozenArray {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        super::cmp::hash_slice(self, state);
    }
}

impl fmt::Debug for FrozenArray {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::fmt::debug_slice(self, f)
    }
}

impl From<Vec<FrozenValue>> for FrozenArray {
    /// Moves the values into one exact-sized allocation.
    fn from(values: Vec<FrozenValue>) -> Self {
        Self(Shared::from_vec(values))
    }
}

impl<T: Into<FrozenValue>> FromIterator<T> for FrozenArray {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self::from(iter.into_iter().map(Into::into).collect::<Vec<_>>())
    }
}

impl<'a> IntoIterator for &'a FrozenArray {
    type Item = &'a FrozenValue;
    type IntoIter = core::slice::Iter<'a, FrozenValue>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}
