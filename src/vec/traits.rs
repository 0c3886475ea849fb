//! The std trait surface of [`FrozenVec`]: formatting, comparison, hashing, collecting,
//! indexing and conversions from and to std types.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Index;
use std::collections::VecDeque;

use super::repr::Storage;
use super::{Builder, FrozenVec, IntoIter, Iter, index_out_of_bounds};

impl<T> Default for FrozenVec<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// O(1): one reference-count increment (none for an empty vector).
impl<T: Clone> Clone for FrozenVec<T> {
    #[inline]
    fn clone(&self) -> Self {
        let storage = match &self.storage {
            Storage::Empty => Storage::Empty,
            Storage::Short(array) => Storage::Short(array.clone()),
            Storage::Long(tree) => Storage::Long(tree.clone()),
        };
        Self { storage }
    }
}

/// Formats like a `Vec`: `[1, 2, 3]`.
impl<T: fmt::Debug> fmt::Debug for FrozenVec<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Element-wise equality; vectors that share storage ([`FrozenVec::ptr_eq`]) are equal without
/// looking at their elements (so a shared `NaN` equals itself).
impl<T: PartialEq> PartialEq for FrozenVec<T> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other) || (self.len() == other.len() && self.iter().eq(other.iter()))
    }
}

impl<T: Eq> Eq for FrozenVec<T> {}

impl<T, U> PartialEq<Vec<U>> for FrozenVec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &Vec<U>) -> bool {
        *self == other[..]
    }
}

impl<T, U> PartialEq<[U]> for FrozenVec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &[U]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl<T, U> PartialEq<&[U]> for FrozenVec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &&[U]) -> bool {
        *self == **other
    }
}

impl<T, U, const N: usize> PartialEq<[U; N]> for FrozenVec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &[U; N]) -> bool {
        *self == other[..]
    }
}

impl<T, U> PartialEq<FrozenVec<U>> for Vec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &FrozenVec<U>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl<T, U, const N: usize> PartialEq<&[U; N]> for FrozenVec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &&[U; N]) -> bool {
        *self == other[..]
    }
}

impl<T, U> PartialEq<FrozenVec<U>> for [T]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &FrozenVec<U>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl<T, U> PartialEq<FrozenVec<U>> for &[T]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &FrozenVec<U>) -> bool {
        **self == *other
    }
}

impl<T, U, const N: usize> PartialEq<FrozenVec<U>> for [T; N]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &FrozenVec<U>) -> bool {
        self[..] == *other
    }
}

/// Lexicographic, like `Vec`.
impl<T: PartialOrd> PartialOrd for FrozenVec<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        if self.ptr_eq(other) {
            return Some(Ordering::Equal);
        }
        self.iter().partial_cmp(other.iter())
    }
}

/// Lexicographic, like `Vec`.
impl<T: Ord> Ord for FrozenVec<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        if self.ptr_eq(other) {
            return Ordering::Equal;
        }
        self.iter().cmp(other.iter())
    }
}

/// Hashes the length, then each element in order (so equal vectors hash equally, and a vector of
/// vectors cannot collide by moving an element across a boundary).
impl<T: Hash> Hash for FrozenVec<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for x in self {
            x.hash(state);
        }
    }
}

impl<T: Clone> FromIterator<T> for FrozenVec<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let mut builder = Builder::with_hint(iter.size_hint().0);
        iter.for_each(|x| builder.push(x));
        builder.finish()
    }
}

impl<T: Clone> Extend<T> for FrozenVec<T> {
    /// Pushes onto a long vector in place; a short one is rebuilt once (not once per element)
    /// from its elements and the new ones, and is unchanged if `iter` or a clone panics.
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        let mut iter = iter.into_iter().peekable();
        if iter.peek().is_none() {
            return;
        }
        if let Some(tree) = self.storage.tree_mut() {
            return tree.extend(iter);
        }
        let mut builder = Builder::starting_from(&self.storage, self.len());
        iter.for_each(|x| builder.push(x));
        self.storage = builder.finish_storage();
    }
}

impl<'a, T: Copy + 'a> Extend<&'a T> for FrozenVec<T> {
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, iter: I) {
        self.extend(iter.into_iter().copied());
    }
}

impl<'a, T> IntoIterator for &'a FrozenVec<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T: Clone> IntoIterator for FrozenVec<T> {
    type Item = T;
    type IntoIter = IntoIter<T>;

    fn into_iter(self) -> IntoIter<T> {
        IntoIter::new(self.storage)
    }
}

/// `v[i]`: O(log n). Panics if `i >= v.len()`, like `Vec`. There is no `IndexMut`: use
/// [`FrozenVec::set`].
impl<T> Index<usize> for FrozenVec<T> {
    type Output = T;

    #[track_caller]
    fn index(&self, index: usize) -> &T {
        match self.get(index) {
            Some(value) => value,
            None => index_out_of_bounds(index, self.len()),
        }
    }
}

/// Moves the elements; a vector of at most 32 elements into one exact-sized allocation.
impl<T: Clone> From<Vec<T>> for FrozenVec<T> {
    fn from(vec: Vec<T>) -> Self {
        Self::from_storage(Storage::from_vec(vec))
    }
}

impl<T: Clone> From<&[T]> for FrozenVec<T> {
    fn from(slice: &[T]) -> Self {
        Self::from_storage(Storage::from_slice(slice))
    }
}

impl<T: Clone, const N: usize> From<[T; N]> for FrozenVec<T> {
    fn from(array: [T; N]) -> Self {
        array.into_iter().collect()
    }
}

impl<T: Clone, const N: usize> From<&[T; N]> for FrozenVec<T> {
    fn from(array: &[T; N]) -> Self {
        Self::from(&array[..])
    }
}

impl<T: Clone> From<Box<[T]>> for FrozenVec<T> {
    fn from(boxed: Box<[T]>) -> Self {
        Self::from(boxed.into_vec())
    }
}

impl<T: Clone> From<VecDeque<T>> for FrozenVec<T> {
    fn from(deque: VecDeque<T>) -> Self {
        deque.into_iter().collect()
    }
}

/// Moves the elements this vector owns alone, clones those still shared.
impl<T: Clone> From<FrozenVec<T>> for Vec<T> {
    fn from(vec: FrozenVec<T>) -> Self {
        vec.into_iter().collect()
    }
}

impl<T: Clone> From<&FrozenVec<T>> for Vec<T> {
    fn from(vec: &FrozenVec<T>) -> Self {
        vec.iter().cloned().collect()
    }
}

/// Moves the elements this vector owns alone, clones those still shared.
impl<T: Clone> From<FrozenVec<T>> for VecDeque<T> {
    fn from(vec: FrozenVec<T>) -> Self {
        vec.into_iter().collect()
    }
}
