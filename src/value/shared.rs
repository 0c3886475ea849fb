//! `Shared<T>`: the storage of arrays and objects, an exact-sized shared slice behind one thin
//! pointer.
//!
//! One allocation holds the reference count, the length and the elements; the handle is a single
//! pointer (`None` for the empty slice, which allocates nothing). `FrozenSlice` would do the same
//! job with a 32-byte handle (it also views `'static` data); here every byte of the handle is a
//! byte of every array element, so the thin pointer keeps [`FrozenValue`](super::FrozenValue) at
//! 24 bytes.

use core::ops::Deref;

use triomphe::ThinArc;

use crate::Frozen;

/// An immutable, reference-counted slice of `T` in one allocation, one pointer wide.
pub(crate) struct Shared<T>(Option<ThinArc<(), T>>);

// SAFETY:
// - Immutability: `Shared` exposes its elements only as `&[T]` and has no method that writes to
//   them; the allocation changes only through its reference count, which `Frozen` allows.
// - Depth: the elements are `T: Frozen`, so nothing reachable from them changes either.
// - Sharing: `ThinArc<(), T>` is `Send + Sync` when `T` is, as `Frozen` requires of handles.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for Shared<T> {}

impl<T> Shared<T> {
    /// The empty slice: no allocation.
    pub(crate) const EMPTY: Self = Self(None);

    /// A slice of exactly `items`, moved into one allocation.
    pub(crate) fn from_vec(items: Vec<T>) -> Self {
        Self::from_exact(items.into_iter())
    }

    /// A slice of exactly the items `iter` yields (it reports its length exactly).
    pub(crate) fn from_exact(iter: impl ExactSizeIterator<Item = T>) -> Self {
        if iter.len() == 0 {
            Self::EMPTY
        } else {
            Self(Some(ThinArc::from_header_and_iter((), iter)))
        }
    }

    /// The elements.
    #[inline]
    pub(crate) fn as_slice(&self) -> &[T] {
        match &self.0 {
            Some(thin) => &thin.slice,
            None => &[],
        }
    }

    /// Whether the two handles share one allocation (two empty slices always do).
    #[inline]
    pub(crate) fn ptr_eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => core::ptr::eq(a.ptr(), b.ptr()),
            (None, None) => true,
            _ => false,
        }
    }

    /// Whether this handle is the only one to its (non-empty) allocation, so dropping it drops
    /// the elements.
    #[inline]
    pub(crate) fn is_unique(&self) -> bool {
        self.0
            .as_ref()
            .is_some_and(|thin| ThinArc::strong_count(thin) == 1)
    }
}

impl<T: Clone> Shared<T> {
    /// A copy of the slice with `items[index]` replaced by `item`; the other elements are cloned
    /// (for values: one reference count each).
    pub(crate) fn with_replaced(&self, index: usize, item: T) -> Self {
        let old = self.as_slice();
        let mut item = Some(item);
        Self::from_exact(old.iter().enumerate().map(|(i, x)| {
            if i == index {
                item.take().unwrap_or_else(|| x.clone())
            } else {
                x.clone()
            }
        }))
    }

    /// A copy of the slice with `item` inserted before `items[index]` (`index <= len`).
    pub(crate) fn with_inserted(&self, index: usize, item: T) -> Self {
        let old = self.as_slice();
        let (head, tail) = old.split_at(index);
        let mut items = Vec::with_capacity(old.len() + 1);
        items.extend_from_slice(head);
        items.push(item);
        items.extend_from_slice(tail);
        Self::from_vec(items)
    }

    /// A copy of the slice without `items[index]` (`index < len`).
    pub(crate) fn with_removed(&self, index: usize) -> Self {
        let old = self.as_slice();
        let mut items = Vec::with_capacity(old.len() - 1);
        items.extend_from_slice(&old[..index]);
        items.extend_from_slice(&old[index + 1..]);
        Self::from_vec(items)
    }
}

impl<T> Clone for Shared<T> {
    #[inline]
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> Default for Shared<T> {
    #[inline]
    fn default() -> Self {
        Self::EMPTY
    }
}

impl<T> Deref for Shared<T> {
    type Target = [T];

    #[inline]
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}
