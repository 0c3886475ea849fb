//! [`FrozenSlice`], a fixed-length immutable sequence in one allocation (Python's tuple).
//!
//! ```
//! use deepfreeze::slice::FrozenSlice;
//!
//! let point: FrozenSlice<f64> = [1.0, 2.5].into();
//! let same = point.clone(); // one atomic increment, no copy
//! assert_eq!(same[1], 2.5);
//! assert!(same.ptr_eq(&point));
//! ```

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ops::Deref;
use core::ptr::NonNull;

use triomphe::{Arc, HeaderWithLength, ThinArc};

use crate::Frozen;

/// A fixed-length, immutable sequence: its count and its elements in one allocation, shared by its
/// clones (Python's `tuple`).
///
/// `FrozenSlice<T>` is what `Arc<[T]>` is, with a thin owner ([`triomphe::ThinArc`]) and a
/// `const` constructor for `'static` data ([`FrozenSlice::from_static`], no allocation, no
/// counter). [`Clone`] is one atomic increment (none for static data). It derefs to `[T]`, so
/// indexing, iteration and every slice method work, and it compares, orders and hashes exactly
/// as `[T]` does ([`Borrow<[T]>`](Borrow) is implemented).
///
/// The handle is 3 words (24 bytes on 64-bit targets), and so is `Option<FrozenSlice<T>>`.
/// For a sequence that changes by persistent updates, use `FrozenVec`.
///
/// ```
/// use deepfreeze::FrozenSlice;
///
/// let primes: FrozenSlice<u32> = [2, 3, 5, 7].into();
/// let shared = primes.clone(); // one atomic increment
/// assert_eq!(shared[2], 5);
/// assert_eq!(primes.iter().sum::<u32>(), 17);
/// assert_eq!(primes, [2, 3, 5, 7]);
/// ```
///
/// Equality first checks whether both handles share their storage ([`ptr_eq`](Self::ptr_eq)); for
/// an element type whose equality is not reflexive (floats holding NaN), a slice therefore equals
/// its clones even if it does not equal a copy of itself.
pub struct FrozenSlice<T> {
    /// The first element: inside `owner`'s slice, or of a `'static` slice (dangling if empty).
    ptr: NonNull<T>,
    /// The number of elements.
    len: usize,
    /// The allocation holding the elements, or `None` for `'static` (or empty) data.
    owner: Option<ThinArc<(), T>>,
    /// `FrozenSlice<T>` shares `T`s (as `&T` via `'static` data, or owns them via the `ThinArc`).
    _marker: PhantomData<T>,
}

impl<T> FrozenSlice<T> {
    /// The empty sequence (no allocation).
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// const NONE: FrozenSlice<u8> = FrozenSlice::new();
    /// assert!(NONE.is_empty());
    /// ```
    #[inline]
    pub const fn new() -> Self {
        Self {
            ptr: NonNull::dangling(),
            len: 0,
            owner: None,
            _marker: PhantomData,
        }
    }

    /// A sequence pointing at `'static` data: no allocation, and clones and drops touch no
    /// counter. Usable in `const` items.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// const DIGITS: FrozenSlice<u8> = FrozenSlice::from_static(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    /// assert_eq!(DIGITS.len(), 10);
    /// assert!(DIGITS.is_static());
    /// ```
    #[inline]
    pub const fn from_static(elements: &'static [T]) -> Self {
        let ptr = match NonNull::new(elements.as_ptr().cast_mut()) {
            Some(ptr) => ptr,
            None => panic!("a slice's pointer is never null"),
        };
        Self {
            ptr,
            len: elements.len(),
            owner: None,
            _marker: PhantomData,
        }
    }

    /// A sequence owning `thin`'s elements.
    fn from_thin(thin: ThinArc<(), T>) -> Self {
        if thin.slice.is_empty() {
            return Self::new();
        }
        Self {
            ptr: NonNull::from(&thin.slice).cast::<T>(),
            len: thin.slice.len(),
            owner: Some(thin),
            _marker: PhantomData,
        }
    }

    /// A sequence of exactly the elements `iter` yields (it must report its length exactly).
    fn from_exact_iter(iter: impl ExactSizeIterator<Item = T>) -> Self {
        if iter.len() == 0 {
            return Self::new();
        }
        Self::from_thin(ThinArc::from_header_and_iter((), iter))
    }

    /// The number of elements.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// assert_eq!(FrozenSlice::from(vec!['a', 'b']).len(), 2);
    /// ```
    #[inline]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// assert!(FrozenSlice::<u8>::default().is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The elements.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// let s = FrozenSlice::from([1, 2, 3]);
    /// let borrowed: &[i32] = s.as_slice();
    /// assert_eq!(borrowed, [1, 2, 3]);
    /// ```
    #[inline]
    #[allow(unsafe_code)]
    pub fn as_slice(&self) -> &[T] {
        // SAFETY:
        // - `ptr..ptr + len` is the whole slice of `owner` (kept alive by `self`), or a `'static`
        //   slice, or empty with a dangling, aligned `ptr`: valid for reads of `len` initialized `T`s;
        // - the elements are never mutated while a `FrozenSlice` shares them (no `&mut` access is
        //   ever given out), and `ptr` kept the provenance of the slice it was taken from.
        unsafe { core::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// Whether `self` and `other` share their storage (clones of one another, or the same
    /// `'static` slice), which proves them equal without comparing elements.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// let a = FrozenSlice::from(vec![1, 2]);
    /// let b = a.clone();
    /// assert!(a.ptr_eq(&b));
    /// assert!(!a.ptr_eq(&FrozenSlice::from(vec![1, 2])));
    /// ```
    #[inline]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        match (&self.owner, &other.owner) {
            (Some(a), Some(b)) => a.ptr() == b.ptr(),
            (None, None) => self.ptr == other.ptr && self.len == other.len,
            _ => false,
        }
    }

    /// Whether the elements are `'static` data (or none), with no allocation and no counter.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// assert!(FrozenSlice::from_static(&[1, 2]).is_static());
    /// assert!(!FrozenSlice::from(vec![1, 2]).is_static());
    /// ```
    #[inline]
    pub fn is_static(&self) -> bool {
        self.owner.is_none()
    }

    /// The number of handles sharing the allocation; `None` for static data.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// let a = FrozenSlice::from(vec![1, 2]);
    /// let b = a.clone();
    /// assert_eq!(a.strong_count(), Some(2));
    /// assert_eq!(FrozenSlice::from_static(&[1]).strong_count(), None);
    /// # drop(b);
    /// ```
    #[inline]
    pub fn strong_count(&self) -> Option<usize> {
        self.owner.as_ref().map(ThinArc::strong_count)
    }
}

impl<T> Clone for FrozenSlice<T> {
    /// O(1): one atomic increment, or none for static data. The elements are not cloned.
    #[inline]
    fn clone(&self) -> Self {
        Self {
            ptr: self.ptr,
            len: self.len,
            owner: self.owner.clone(),
            _marker: PhantomData,
        }
    }
}

// SAFETY:
// - a `FrozenSlice<T>` shares its `T`s: through `&'static [T]` (sendable when `T: Sync`) or a
//   `ThinArc<(), T>` (sendable when `T: Send + Sync`); `T: Send + Sync` covers both.
#[allow(unsafe_code)]
unsafe impl<T: Send + Sync> Send for FrozenSlice<T> {}

// SAFETY:
// - `&FrozenSlice<T>` gives `&T`s (`T: Sync`) and clones the `ThinArc` (an atomic increment), and a
//   clone may be sent to and dropped on another thread, which needs `T: Send`.
#[allow(unsafe_code)]
unsafe impl<T: Send + Sync> Sync for FrozenSlice<T> {}

// SAFETY:
// - `FrozenSlice<T>` never gives `&mut T` or mutates an element: the elements behind a handle never
//   change; only the `ThinArc`'s atomic count does, which the contract allows.
// - everything reachable is the `T`s, which are `Frozen`; `FrozenSlice<T>` is then `Send + Sync`
//   (above) and `'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for FrozenSlice<T> {}

impl<T> Deref for FrozenSlice<T> {
    type Target = [T];

    #[inline]
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T> AsRef<[T]> for FrozenSlice<T> {
    #[inline]
    fn as_ref(&self) -> &[T] {
        self
    }
}

impl<T> Borrow<[T]> for FrozenSlice<T> {
    #[inline]
    fn borrow(&self) -> &[T] {
        self
    }
}

impl<T> Default for FrozenSlice<T> {
    /// The empty sequence (no allocation).
    #[inline]
    fn default() -> Self {
        Self::new()
    }
}

impl<T: fmt::Debug> fmt::Debug for FrozenSlice<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

impl<T: PartialEq> PartialEq for FrozenSlice<T> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other) || self.as_slice() == other.as_slice()
    }
}

impl<T: Eq> Eq for FrozenSlice<T> {}

impl<T: PartialOrd> PartialOrd for FrozenSlice<T> {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        if self.ptr_eq(other) {
            return Some(Ordering::Equal);
        }
        self.as_slice().partial_cmp(other.as_slice())
    }
}

impl<T: Ord> Ord for FrozenSlice<T> {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        if self.ptr_eq(other) {
            return Ordering::Equal;
        }
        self.as_slice().cmp(other.as_slice())
    }
}

impl<T: Hash> Hash for FrozenSlice<T> {
    /// Hashes exactly as `[T]` does (required by [`Borrow<[T]>`](Borrow)).
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl<T: PartialEq> PartialEq<[T]> for FrozenSlice<T> {
    #[inline]
    fn eq(&self, other: &[T]) -> bool {
        self.as_slice() == other
    }
}

impl<T: PartialEq> PartialEq<&[T]> for FrozenSlice<T> {
    #[inline]
    fn eq(&self, other: &&[T]) -> bool {
        self.as_slice() == *other
    }
}

impl<T: PartialEq> PartialEq<Vec<T>> for FrozenSlice<T> {
    #[inline]
    fn eq(&self, other: &Vec<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: PartialEq, const N: usize> PartialEq<[T; N]> for FrozenSlice<T> {
    #[inline]
    fn eq(&self, other: &[T; N]) -> bool {
        self.as_slice() == other
    }
}

impl<T: PartialEq, const N: usize> PartialEq<&[T; N]> for FrozenSlice<T> {
    #[inline]
    fn eq(&self, other: &&[T; N]) -> bool {
        self.as_slice() == *other
    }
}

impl<T: PartialEq, const N: usize> PartialEq<FrozenSlice<T>> for [T; N] {
    #[inline]
    fn eq(&self, other: &FrozenSlice<T>) -> bool {
        self == other.as_slice()
    }
}

impl<T: PartialEq> PartialEq<FrozenSlice<T>> for [T] {
    #[inline]
    fn eq(&self, other: &FrozenSlice<T>) -> bool {
        self == other.as_slice()
    }
}

impl<T: PartialEq> PartialEq<FrozenSlice<T>> for &[T] {
    #[inline]
    fn eq(&self, other: &FrozenSlice<T>) -> bool {
        *self == other.as_slice()
    }
}

impl<T: PartialEq> PartialEq<FrozenSlice<T>> for Vec<T> {
    #[inline]
    fn eq(&self, other: &FrozenSlice<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T> From<Vec<T>> for FrozenSlice<T> {
    /// Moves the elements into one new allocation (a bitwise move of each, no `clone`); an empty
    /// vector gives the empty sequence with no allocation.
    fn from(vec: Vec<T>) -> Self {
        if vec.is_empty() {
            return Self::new();
        }
        let header = HeaderWithLength::new((), vec.len());
        Self::from_thin(Arc::into_thin(Arc::from_header_and_vec(header, vec)))
    }
}

impl<T> From<Box<[T]>> for FrozenSlice<T> {
    /// Moves the elements, as `From<Vec<T>>`.
    #[inline]
    fn from(elements: Box<[T]>) -> Self {
        Self::from(Vec::from(elements))
    }
}

impl<T, const N: usize> From<[T; N]> for FrozenSlice<T> {
    /// Moves the elements into one new allocation.
    #[inline]
    fn from(elements: [T; N]) -> Self {
        Self::from_exact_iter(elements.into_iter())
    }
}

impl<T: Clone> From<&[T]> for FrozenSlice<T> {
    /// Clones the elements into one new allocation.
    ///
    /// The clones are made into a `Vec` first and then moved: if a `clone` panics, the clones
    /// already made are dropped and nothing leaks (cloning straight into the shared allocation
    /// could not clean up after a panic halfway).
    #[inline]
    fn from(elements: &[T]) -> Self {
        Self::from(elements.to_vec())
    }
}

impl<T: Clone> From<&Vec<T>> for FrozenSlice<T> {
    /// Clones the elements into one new allocation.
    #[inline]
    fn from(elements: &Vec<T>) -> Self {
        Self::from(elements.as_slice())
    }
}

impl<T: Clone> From<FrozenSlice<T>> for Vec<T> {
    /// Clones the elements (they may be shared with other handles, so they cannot be moved out).
    #[inline]
    fn from(elements: FrozenSlice<T>) -> Self {
        elements.to_vec()
    }
}

impl<T: Clone> From<&FrozenSlice<T>> for Vec<T> {
    /// Clones the elements, leaving the handle as it is.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// let slice = FrozenSlice::from([1, 2]);
    /// assert_eq!(Vec::from(&slice), [1, 2]);
    /// ```
    #[inline]
    fn from(elements: &FrozenSlice<T>) -> Self {
        elements.to_vec()
    }
}

impl<T: Clone, const N: usize> From<&[T; N]> for FrozenSlice<T> {
    /// Clones the elements into one new allocation, as `Vec::from(&[T; N])` does.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// assert_eq!(FrozenSlice::from(&[1, 2]), [1, 2]);
    /// ```
    #[inline]
    fn from(elements: &[T; N]) -> Self {
        Self::from(&elements[..])
    }
}

impl<T> FromIterator<T> for FrozenSlice<T> {
    /// Collects into a `Vec<T>`, then moves the elements into one allocation.
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self::from(Vec::from_iter(iter))
    }
}

impl<'a, T> IntoIterator for &'a FrozenSlice<T> {
    type Item = &'a T;
    type IntoIter = core::slice::Iter<'a, T>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<T: Clone> IntoIterator for FrozenSlice<T> {
    type Item = T;
    type IntoIter = IntoIter<T>;

    /// Iterates over clones of the elements: other handles may share them, so they cannot be moved
    /// out. Iterate over `&slice` to borrow them instead.
    #[inline]
    fn into_iter(self) -> IntoIter<T> {
        IntoIter {
            end: self.len,
            slice: self,
            start: 0,
        }
    }
}

/// Clones of the elements of a [`FrozenSlice`], by value (the elements may be shared by other
/// handles, so they are cloned rather than moved out).
///
/// ```
/// use deepfreeze::FrozenSlice;
///
/// let words = FrozenSlice::from(vec![String::from("a"), String::from("b")]);
/// let owned: Vec<String> = words.clone().into_iter().rev().collect();
/// assert_eq!(owned, ["b", "a"]);
/// assert_eq!(words.len(), 2); // the handle we kept is unaffected
/// ```
#[derive(Clone)]
pub struct IntoIter<T> {
    slice: FrozenSlice<T>,
    /// The next element to yield from the front.
    start: usize,
    /// One past the next element to yield from the back.
    end: usize,
}

impl<T> IntoIter<T> {
    /// The elements not yet yielded.
    ///
    /// ```
    /// use deepfreeze::FrozenSlice;
    ///
    /// let mut iter = FrozenSlice::from([1, 2, 3]).into_iter();
    /// iter.next();
    /// assert_eq!(iter.as_slice(), [2, 3]);
    /// ```
    pub fn as_slice(&self) -> &[T] {
        &self.slice[self.start..self.end]
    }
}

impl<T: Clone> Iterator for IntoIter<T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        if self.start == self.end {
            return None;
        }
        let item = self.slice[self.start].clone();
        self.start += 1;
        Some(item)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.start;
        (n, Some(n))
    }
}

impl<T: Clone> DoubleEndedIterator for IntoIter<T> {
    #[inline]
    fn next_back(&mut self) -> Option<T> {
        if self.start == self.end {
            return None;
        }
        self.end -= 1;
        Some(self.slice[self.end].clone())
    }
}

impl<T: Clone> ExactSizeIterator for IntoIter<T> {}

impl<T: Clone> FusedIterator for IntoIter<T> {}

impl<T: fmt::Debug> fmt::Debug for IntoIter<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IntoIter").field(&self.as_slice()).finish()
    }
}
