//! [`FrozenVec`]: a persistent vector with O(1) clones and O(log n) updates, and its iterators.
//!
//! A vector of at most 32 elements is one exact-sized shared array (`triomphe::ThinArc`); a
//! longer one is imbl's RRB tree (`imbl::GenericVector` with `archery::ArcTK`, i.e.
//! `triomphe::Arc` nodes) behind one `triomphe::Arc` (see `repr.rs`). imbl 7.0.2 has
//! memory-safety bugs on some `&mut` paths (`Vector::retain`, `sort*`, `swap`, `focus_mut`);
//! this module never calls them, nor any imbl method that returns `&mut` into the tree. [`FrozenVec::retain`],
//! [`FrozenVec::sort`], [`FrozenVec::swap`], [`FrozenVec::dedup`] and friends are built from
//! shared iteration, `collect`, `set`, `push_back` and `split_off` instead. On a vector
//! imbl stores inline, imbl's `pop_front` and `remove` reach a Stacked Borrows violation in
//! imbl-sized-chunks 0.2.0 (`InlineArray::remove`); [`FrozenVec::pop_front`],
//! [`FrozenVec::remove`] and [`IntoIter`] avoid it too.

use core::ops::{Bound, RangeBounds};

use crate::Frozen;

mod iter;
mod rebuild;
mod repr;
mod traits;

pub use iter::{IntoIter, Iter};
use rebuild::{grown, rebuilt};
pub(crate) use repr::{Builder, Repr};
use repr::{SHORT_MAX, SHORTEN_AT, Storage, Tree};

/// A persistent, deeply immutable vector: O(1) clones, O(log n) indexed updates, O(1)* pushes and
/// pops at both ends, O(log n) `split_off` and `append`.
///
/// Clones share structure: a clone costs one reference-count increment whatever the length, and
/// an update through `&mut self` copies only the parts it touches that are shared with another
/// clone. Persistent updates (`with_*`, `without_index`) take `&self` and return a new vector,
/// leaving the old one unchanged. No method ever hands out `&mut T`: elements are replaced, never
/// changed in place.
///
/// `FrozenVec<T>` is [`Frozen`] when `T` is, and `Send + Sync` exactly when `T` is.
///
/// ```
/// use deepfreeze::FrozenVec;
///
/// let v1: FrozenVec<i32> = (1..=5).collect();
/// let v2 = v1.with_pushed_back(6); // persistent: v1 is unchanged
/// let mut v3 = v2.clone(); //          O(1)
/// v3.set(0, 100); //                   copies only the touched path
///
/// assert_eq!(v1, [1, 2, 3, 4, 5]);
/// assert_eq!(v2, [1, 2, 3, 4, 5, 6]);
/// assert_eq!(v3, [100, 2, 3, 4, 5, 6]);
/// assert_eq!(v3[0], 100);
/// assert_eq!(format!("{v1:?}"), "[1, 2, 3, 4, 5]");
/// assert_eq!(Vec::from(v3), vec![100, 2, 3, 4, 5, 6]);
/// ```
///
/// # Representation and memory
///
/// The handle is 16 bytes, and so is `Option<FrozenVec<T>>`. An empty vector allocates nothing.
/// A vector of at most 32 elements is a single exact-sized allocation: a reference count, the
/// length and the elements (16 bytes + `len * size_of::<T>()`), so a vector of vectors of one
/// small element each costs about what a `Vec<Vec<T>>` does. A longer vector is an RRB tree
/// (imbl's, with `triomphe` pointers) of 64-element chunks behind one shared pointer: about
/// `size_of::<T>()` per element plus the partly filled chunks at its ends.
///
/// The switch between the two is invisible: every method behaves the same on both. An update of
/// a short vector builds the new array (cloning the other elements, at most 32), which is what
/// makes short vectors small; a long vector is updated in place where no clone shares it. The
/// complexities given for each method are the long vector's; on a short one every update costs
/// at most 32 clones, and an element it removes (`pop_*`, `remove`) is a clone of the one in the
/// old array, which may still be shared. `set` and `swap` of a short vector that no clone shares
/// write its array in place.
///
/// # Panics in user code
///
/// A panic in `T::clone`, in a comparator or key function, or in a `retain`/`dedup_by`
/// predicate during an update never causes undefined behaviour, and never changes a clone or a
/// snapshot of the vector (they share nothing that is written). What the live vector holds
/// afterwards depends on the method and the representation:
///
/// - a **short** vector (at most 32 elements), and every `sort*`, `retain`, `dedup*` and
///   persistent (`&self`) method whatever the length, builds its result aside and only then
///   swaps it in: after a panic the vector is exactly as it was, and every element cloned so far
///   has been dropped;
/// - a `sort*` of a short vector that no clone shares sorts in place, like [`slice::sort_by`]: a
///   panicking comparator leaves the elements in an unspecified order, none lost or duplicated;
/// - the in-place updates of a **long** vector (`push_*`, `pop_*`, `insert`, `remove`, `set`,
///   `swap`, `append`, `split_off`, `truncate`, `extend`) run imbl 7.0.2's copy-on-write, which
///   clones the shared nodes it touches: a panic there can leave the live vector inconsistent
///   (its length disagreeing with its elements, later reads panicking). It stays memory-safe to
///   drop or overwrite; do not read it again.
pub struct FrozenVec<T> {
    storage: Storage<T>,
}

// SAFETY:
// - No interior mutability reachable: a `FrozenVec<T>` is nothing, one
//   `triomphe::ThinArc<(), T>` (a reference count, a length and the `T`s in one allocation), or
//   one `triomphe::Arc` of an `imbl::GenericVector<T, ArcTK>`, which is either an inline
//   `imbl_sized_chunks::InlineArray` of `T`s or a tree of `archery::SharedPointer<_, ArcTK>`
//   (`triomphe::Arc`) nodes and chunks holding `T`s. triomphe 0.1.17, imbl 7.0.2 and
//   imbl-sized-chunks 0.2.0 hold no `UnsafeCell` in these other than triomphe's atomic
//   reference counts, which never change the value they count (a test scans the vendored
//   sources for cells and fails if a version adds one). imbl's only other cells in `vector/` (a
//   `Mutex` and an `AtomicPtr`) live in `FocusMut`, a transient `&mut` view that is never stored
//   in a vector and that this crate never creates. Through `&FrozenVec<T>` our API reads only;
//   the `&mut self` methods write a short array only when its count is one (`Arc::get_mut`) and
//   otherwise build a new one, and update a tree through `Arc::make_mut` and imbl's
//   copy-on-write (which clones a node whose count is above one), so an allocation another value
//   can see is never written.
// - Deep: every element is a `T: Frozen`; the storage reaches nothing else.
// - `Send + Sync + 'static`: `ThinArc<(), T>`, `triomphe::Arc<_>` and
//   `SharedPointer<_, ArcTK>` are `Send + Sync` when their contents are, and `T: Frozen` is
//   `Send + Sync + 'static` (the supertrait makes the compiler check it).
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for FrozenVec<T> {}

impl<T> FrozenVec<T> {
    /// Creates an empty vector. Does not allocate.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v: FrozenVec<u8> = FrozenVec::new();
    /// assert!(v.is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            storage: Storage::Empty,
        }
    }

    /// Wraps `storage`.
    fn from_storage(storage: Storage<T>) -> Self {
        Self { storage }
    }

    /// The elements in their current representation, for code in the crate that walks the
    /// structure itself (the iterators; parallel splitting).
    #[inline]
    pub(crate) fn repr(&self) -> Repr<'_, T> {
        self.storage.repr()
    }

    /// Returns the number of elements. O(1).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// assert_eq!(FrozenVec::from([1, 2, 3]).len(), 3);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.storage.len()
    }

    /// Returns `true` if the vector holds no elements.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// assert!(FrozenVec::<i32>::new().is_empty());
    /// assert!(!FrozenVec::from([1]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Returns the element at `index`, or `None` if it is out of bounds. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from(["a", "b"]);
    /// assert_eq!(v.get(1), Some(&"b"));
    /// assert_eq!(v.get(2), None);
    /// ```
    #[must_use]
    #[inline]
    pub fn get(&self, index: usize) -> Option<&T> {
        match self.repr() {
            Repr::Short(slice) => slice.get(index),
            Repr::Long(tree) => tree.get(index),
        }
    }

    /// Returns the first element, or `None` if the vector is empty.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// assert_eq!(FrozenVec::from([7, 8]).first(), Some(&7));
    /// assert_eq!(FrozenVec::<i32>::new().first(), None);
    /// ```
    #[must_use]
    pub fn first(&self) -> Option<&T> {
        match self.repr() {
            Repr::Short(slice) => slice.first(),
            Repr::Long(tree) => tree.front(),
        }
    }

    /// Returns the last element, or `None` if the vector is empty.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// assert_eq!(FrozenVec::from([7, 8]).last(), Some(&8));
    /// assert_eq!(FrozenVec::<i32>::new().last(), None);
    /// ```
    #[must_use]
    pub fn last(&self) -> Option<&T> {
        match self.repr() {
            Repr::Short(slice) => slice.last(),
            Repr::Long(tree) => tree.back(),
        }
    }

    /// Returns an iterator over shared references to the elements, front to back.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 2, 3]);
    /// assert_eq!(v.iter().rev().copied().collect::<Vec<_>>(), [3, 2, 1]);
    /// ```
    pub fn iter(&self) -> Iter<'_, T> {
        Iter::new(self.repr())
    }

    /// Returns `true` if the two vectors share their storage, so they are certainly equal. O(1).
    ///
    /// A clone is `ptr_eq` to its source until one of them is updated. `false` says nothing about
    /// equality: equal vectors built separately are not `ptr_eq`. Two empty vectors are always
    /// `ptr_eq`.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let a: FrozenVec<u32> = (0..1000).collect();
    /// let b = a.clone();
    /// assert!(a.ptr_eq(&b));
    /// let c: FrozenVec<u32> = (0..1000).collect();
    /// assert!(!a.ptr_eq(&c));
    /// assert_eq!(a, c);
    /// ```
    #[must_use]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        (self.is_empty() && other.is_empty()) || self.storage.same_allocation(&other.storage)
    }

    /// Removes every element.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 2, 3]);
    /// v.clear();
    /// assert!(v.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.storage = Storage::Empty;
    }

    /// Returns `true` if the vector holds an element equal to `value`. O(n).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 2, 3]);
    /// assert!(v.contains(&2));
    /// assert!(!v.contains(&4));
    /// ```
    #[must_use]
    pub fn contains(&self, value: &T) -> bool
    where
        T: PartialEq,
    {
        self.iter().any(|x| x == value)
    }

    /// Binary-searches a sorted vector for `value`, as [`slice::binary_search`]. O(log² n).
    ///
    /// Returns `Ok(index)` of a matching element, or `Err(index)` where `value` could be inserted
    /// to keep the vector sorted. If the vector is not sorted, the result is unspecified.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 3, 5, 7]);
    /// assert_eq!(v.binary_search(&5), Ok(2));
    /// assert_eq!(v.binary_search(&4), Err(2));
    /// ```
    pub fn binary_search(&self, value: &T) -> Result<usize, usize>
    where
        T: Ord,
    {
        self.binary_search_by(|x| x.cmp(value))
    }

    /// Binary-searches a sorted vector with a comparator, as [`slice::binary_search_by`].
    ///
    /// `f` returns how an element compares with the target.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 3, 5, 7]);
    /// assert_eq!(v.binary_search_by(|x| x.cmp(&7)), Ok(3));
    /// assert_eq!(v.binary_search_by(|x| x.cmp(&0)), Err(0));
    /// ```
    pub fn binary_search_by<F>(&self, f: F) -> Result<usize, usize>
    where
        F: FnMut(&T) -> core::cmp::Ordering,
    {
        match self.repr() {
            Repr::Short(slice) => slice.binary_search_by(f),
            Repr::Long(tree) => tree.binary_search_by(f),
        }
    }

    /// Binary-searches a vector sorted by a key, as [`slice::binary_search_by_key`].
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([(1, 'a'), (3, 'b'), (5, 'c')]);
    /// assert_eq!(v.binary_search_by_key(&3, |&(k, _)| k), Ok(1));
    /// assert_eq!(v.binary_search_by_key(&9, |&(k, _)| k), Err(3));
    /// ```
    pub fn binary_search_by_key<B, F>(&self, key: &B, f: F) -> Result<usize, usize>
    where
        F: FnMut(&T) -> B,
        B: Ord,
    {
        match self.repr() {
            Repr::Short(slice) => slice.binary_search_by_key(key, f),
            Repr::Long(tree) => tree.binary_search_by_key(key, f),
        }
    }
}

/// Removes the element at `index < len` from a tree imbl stores inline (a few dozen small
/// elements kept in imbl's `InlineArray` without a heap node; a long vector of bytes brought
/// down by removals can be one), by moving every element out with
/// `pop_back` and back in with `push_back`. O(n) moves for n at most a few dozen.
///
/// imbl's `pop_front` and `remove` on an inline vector call `InlineArray::remove` of
/// imbl-sized-chunks 0.2.0, which derives a raw pointer from `&mut self`, then reborrows
/// `&mut self` (to update the length) and then writes through the stale pointer: Miri's Stacked
/// Borrows rejects that. `pop_back` and `push_back` on an inline vector do not have the
/// problem.
fn remove_inline<T: Clone>(inner: &mut Tree<T>, index: usize) -> T {
    let mut reversed = Vec::with_capacity(inner.len());
    while let Some(x) = inner.pop_back() {
        reversed.push(x);
    }
    let value = reversed.remove(reversed.len() - 1 - index);
    while let Some(x) = reversed.pop() {
        inner.push_back(x);
    }
    value
}

/// Panics with std's message for an out-of-bounds index.
#[track_caller]
#[cold]
fn index_out_of_bounds(index: usize, len: usize) -> ! {
    panic!("index out of bounds: the len is {len} but the index is {index}")
}

// The updates of a short vector's elements `old`, as new storage (`old` is left alone, so a
// panicking clone changes nothing). Out of line, so that the in-place paths of long vectors in
// the callers stay small; shared by the in-place and the persistent methods.

#[inline(never)]
fn pushed_back<T: Clone>(old: &[T], value: T) -> Storage<T> {
    if old.len() >= SHORT_MAX {
        return grown(old, value, &[]);
    }
    rebuilt(old.len() + 1, |out| {
        out.extend_from_slice(old);
        out.push(value);
    })
}

#[inline(never)]
fn pushed_front<T: Clone>(old: &[T], value: T) -> Storage<T> {
    if old.len() >= SHORT_MAX {
        return grown(&[], value, old);
    }
    rebuilt(old.len() + 1, |out| {
        out.push(value);
        out.extend_from_slice(old);
    })
}

/// `index <= old.len()`.
#[inline(never)]
fn inserted<T: Clone>(old: &[T], index: usize, value: T) -> Storage<T> {
    if old.len() >= SHORT_MAX {
        return grown(&old[..index], value, &old[index..]);
    }
    rebuilt(old.len() + 1, |out| {
        out.extend_from_slice(&old[..index]);
        out.push(value);
        out.extend_from_slice(&old[index..]);
    })
}

/// `index < old.len()`.
#[inline(never)]
fn replaced<T: Clone>(old: &[T], index: usize, value: T) -> Storage<T> {
    rebuilt(old.len(), |out| {
        out.extend_from_slice(&old[..index]);
        out.push(value);
        out.extend_from_slice(&old[index + 1..]);
    })
}

/// `index < old.len()`.
#[inline(never)]
fn removed<T: Clone>(old: &[T], index: usize) -> Storage<T> {
    rebuilt(old.len() - 1, |out| {
        out.extend_from_slice(&old[..index]);
        out.extend_from_slice(&old[index + 1..]);
    })
}

/// `a < b < old.len()`.
fn swapped<T: Clone>(old: &[T], a: usize, b: usize) -> Storage<T> {
    rebuilt(old.len(), |out| {
        out.extend_from_slice(&old[..a]);
        out.push(old[b].clone());
        out.extend_from_slice(&old[a + 1..b]);
        out.push(old[a].clone());
        out.extend_from_slice(&old[b + 1..]);
    })
}

impl<T: Clone> FrozenVec<T> {
    /// A copy for a persistent update: shares everything with `self`, except that a long tree's
    /// root handle is already copied, so the update writes the copy in place.
    fn detached(&self) -> Self {
        Self::from_storage(self.storage.detached())
    }

    /// A vector of clones of `slice`.
    fn from_short_slice(slice: &[T]) -> Self {
        Self::from_storage(Storage::from_slice(slice))
    }

    /// Removes and returns the element at `index < len` of a short vector (a clone of it: the
    /// old array may be shared), rebuilding the rest.
    #[inline(never)]
    fn remove_short(&mut self, index: usize) -> T {
        let slice = self.storage.as_slice().unwrap_or_default();
        let value = slice[index].clone();
        self.storage = removed(slice, index);
        value
    }

    // ---- persistent updates: `&self` in, new vector out ----

    /// Returns a new vector with `value` appended; `self` is unchanged. O(1)* (amortized).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 2]);
    /// let w = v.with_pushed_back(3);
    /// assert_eq!(v, [1, 2]);
    /// assert_eq!(w, [1, 2, 3]);
    /// ```
    #[must_use]
    pub fn with_pushed_back(&self, value: T) -> Self {
        if let Some(slice) = self.storage.as_slice() {
            return Self::from_storage(pushed_back(slice, value));
        }
        let mut out = self.detached();
        out.push_back(value);
        out
    }

    /// Returns a new vector with `value` prepended; `self` is unchanged. O(1)* (amortized).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 2]);
    /// assert_eq!(v.with_pushed_front(0), [0, 1, 2]);
    /// assert_eq!(v, [1, 2]);
    /// ```
    #[must_use]
    pub fn with_pushed_front(&self, value: T) -> Self {
        if let Some(slice) = self.storage.as_slice() {
            return Self::from_storage(pushed_front(slice, value));
        }
        let mut out = self.detached();
        out.push_front(value);
        out
    }

    /// Returns a new vector with the element at `index` replaced by `value`. O(log n).
    ///
    /// # Panics
    ///
    /// Panics if `index >= self.len()`. [`try_with_replaced`](Self::try_with_replaced) returns
    /// `None` instead.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 2, 3]);
    /// assert_eq!(v.with_replaced(1, 20), [1, 20, 3]);
    /// assert_eq!(v, [1, 2, 3]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn with_replaced(&self, index: usize, value: T) -> Self {
        match self.storage.as_slice() {
            Some(slice) if index < slice.len() => Self::from_storage(replaced(slice, index, value)),
            _ => {
                let mut out = self.detached();
                out.set(index, value);
                out
            }
        }
    }

    /// Returns a new vector with the element at `index` replaced by `value`, or `None` if
    /// `index >= self.len()`.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 2, 3]);
    /// assert_eq!(v.try_with_replaced(2, 30), Some(FrozenVec::from([1, 2, 30])));
    /// assert_eq!(v.try_with_replaced(3, 40), None);
    /// ```
    #[must_use]
    pub fn try_with_replaced(&self, index: usize, value: T) -> Option<Self> {
        (index < self.len()).then(|| self.with_replaced(index, value))
    }

    /// Returns a new vector with `value` inserted at `index`, shifting later elements right.
    /// O(log n).
    ///
    /// # Panics
    ///
    /// Panics if `index > self.len()`. [`try_with_inserted`](Self::try_with_inserted) returns
    /// `None` instead.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 3]);
    /// assert_eq!(v.with_inserted(1, 2), [1, 2, 3]);
    /// assert_eq!(v.with_inserted(2, 4), [1, 3, 4]);
    /// assert_eq!(v, [1, 3]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn with_inserted(&self, index: usize, value: T) -> Self {
        match self.storage.as_slice() {
            Some(slice) if index <= slice.len() => {
                Self::from_storage(inserted(slice, index, value))
            }
            _ => {
                let mut out = self.detached();
                out.insert(index, value);
                out
            }
        }
    }

    /// Returns a new vector with `value` inserted at `index`, or `None` if
    /// `index > self.len()`.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 3]);
    /// assert_eq!(v.try_with_inserted(0, 0), Some(FrozenVec::from([0, 1, 3])));
    /// assert_eq!(v.try_with_inserted(3, 9), None);
    /// ```
    #[must_use]
    pub fn try_with_inserted(&self, index: usize, value: T) -> Option<Self> {
        (index <= self.len()).then(|| self.with_inserted(index, value))
    }

    /// Returns a new vector without the element at `index`, shifting later elements left.
    /// O(log n).
    ///
    /// # Panics
    ///
    /// Panics if `index >= self.len()`. [`try_without_index`](Self::try_without_index) returns
    /// `None` instead.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 2, 3]);
    /// assert_eq!(v.without_index(0), [2, 3]);
    /// assert_eq!(v, [1, 2, 3]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn without_index(&self, index: usize) -> Self {
        match self.storage.as_slice() {
            Some(slice) if index < slice.len() => Self::from_storage(removed(slice, index)),
            _ => {
                let mut out = self.detached();
                out.remove(index);
                out
            }
        }
    }

    /// Returns a new vector without the element at `index`, or `None` if
    /// `index >= self.len()`.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 2, 3]);
    /// assert_eq!(v.try_without_index(2), Some(FrozenVec::from([1, 2])));
    /// assert_eq!(v.try_without_index(3), None);
    /// ```
    #[must_use]
    pub fn try_without_index(&self, index: usize) -> Option<Self> {
        (index < self.len()).then(|| self.without_index(index))
    }

    /// Returns a new vector of the elements in `range`, like `&slice[range]` (and
    /// [`FrozenStr::slice`](crate::FrozenStr::slice), [`FrozenBytes::slice`](crate::FrozenBytes::slice)).
    /// O(log n).
    ///
    /// `v.slice(..n)` is the first `n` elements and `v.slice(n..)` all but the first `n`. The
    /// whole range returns a clone (`ptr_eq` to `self`); a long vector's part shares the
    /// tree's nodes, a short one (at most 32 elements) is a new exact-sized array.
    ///
    /// # Panics
    ///
    /// Like slice indexing: if the range starts after it ends or ends after `self.len()`, with
    /// std's messages.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([0, 1, 2, 3, 4]);
    /// assert_eq!(v.slice(1..3), [1, 2]);
    /// assert_eq!(v.slice(..2), [0, 1]); // the first two
    /// assert_eq!(v.slice(3..), [3, 4]); // all but the first three
    /// assert_eq!(v.slice(..=1), [0, 1]);
    /// assert!(v.slice(..).ptr_eq(&v));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn slice(&self, range: impl RangeBounds<usize>) -> Self {
        let len = self.len();
        let start = match range.start_bound() {
            Bound::Included(&s) => s,
            Bound::Excluded(&s) => s
                .checked_add(1)
                .unwrap_or_else(|| panic!("attempted to index slice from after maximum usize")),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(&e) => e
                .checked_add(1)
                .unwrap_or_else(|| panic!("attempted to index slice up to maximum usize")),
            Bound::Excluded(&e) => e,
            Bound::Unbounded => len,
        };
        if start > end {
            panic!("slice index starts at {start} but ends at {end}");
        }
        if end > len {
            panic!("range end index {end} out of range for slice of length {len}");
        }
        if end - start == len {
            return self.clone();
        }
        match self.repr() {
            Repr::Short(slice) => Self::from_short_slice(&slice[start..end]),
            Repr::Long(tree) if end - start <= SHORT_MAX => {
                let part: Vec<T> = (start..end).map(|i| tree[i].clone()).collect();
                Self::from_storage(Storage::short_from_vec(part))
            }
            Repr::Long(tree) => {
                let mut part = if end == len {
                    tree.clone()
                } else {
                    tree.take(end)
                };
                if start > 0 {
                    part = part.skip(start);
                }
                Self::from_storage(Storage::from_tree(part))
            }
        }
    }

    /// Returns the two halves `[0, mid)` and `[mid, len)` as new vectors. O(log n).
    ///
    /// # Panics
    ///
    /// Panics if `mid > self.len()`.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let v = FrozenVec::from([1, 2, 3, 4]);
    /// let (left, right) = v.split_at(1);
    /// assert_eq!(left, [1]);
    /// assert_eq!(right, [2, 3, 4]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn split_at(&self, mid: usize) -> (Self, Self) {
        let mut left = self.clone();
        let right = left.split_off(mid);
        (left, right)
    }

    // ---- in-place updates: `&mut self`, copying only shared nodes ----

    /// Appends `value` at the back. O(1)* (amortized).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::new();
    /// v.push_back(1);
    /// v.push_back(2);
    /// assert_eq!(v, [1, 2]);
    /// ```
    #[inline]
    pub fn push_back(&mut self, value: T) {
        if let Some(tree) = self.storage.unshared_tree_mut() {
            return tree.push_back(value);
        }
        self.push_back_slow(value);
    }

    /// [`push_back`](Self::push_back) of a long vector whose tree a clone shares (unshared, then
    /// the fast path), or of a short or empty vector.
    #[inline(never)]
    fn push_back_slow(&mut self, value: T) {
        if self.storage.unshare_tree() {
            return self.push_back(value);
        }
        let slice = self.storage.as_slice().unwrap_or_default();
        self.storage = pushed_back(slice, value);
    }

    /// Prepends `value` at the front. O(1)* (amortized).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([2]);
    /// v.push_front(1);
    /// assert_eq!(v, [1, 2]);
    /// ```
    #[inline]
    pub fn push_front(&mut self, value: T) {
        if let Some(tree) = self.storage.tree_mut() {
            return tree.push_front(value);
        }
        self.push_front_short(value);
    }

    /// [`push_front`](Self::push_front) of a short or empty vector.
    #[inline(never)]
    fn push_front_short(&mut self, value: T) {
        let slice = self.storage.as_slice().unwrap_or_default();
        self.storage = pushed_front(slice, value);
    }

    /// Removes and returns the last element, or `None` if the vector is empty. O(1)*.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 2]);
    /// assert_eq!(v.pop_back(), Some(2));
    /// assert_eq!(v, [1]);
    /// ```
    #[inline]
    pub fn pop_back(&mut self) -> Option<T> {
        let Some(tree) = self.storage.unshared_tree_mut() else {
            return self.pop_back_slow();
        };
        let value = tree.pop_back();
        // Checked on the tree just popped, so that the common case (still long) reads the
        // length once and does not look at the representation again.
        if tree.len() <= SHORTEN_AT {
            self.storage.shorten();
        }
        value
    }

    /// [`pop_back`](Self::pop_back) of a long vector whose tree a clone shares (unshared, then
    /// the fast path), or of a short or empty vector.
    #[inline(never)]
    fn pop_back_slow(&mut self) -> Option<T> {
        if self.storage.unshare_tree() {
            return self.pop_back();
        }
        self.pop_short(true)
    }

    /// [`pop_back`](Self::pop_back) (`back`) or [`pop_front`](Self::pop_front) of a short or
    /// empty vector. Inlined into the two out-of-line slow paths.
    #[inline]
    fn pop_short(&mut self, back: bool) -> Option<T> {
        let slice = self.storage.as_slice().unwrap_or_default();
        let (end, rest) = if back {
            slice.split_last()?
        } else {
            slice.split_first()?
        };
        // A clone: the old array may be shared. Taken first, so that a panic in it or in the
        // rebuild leaves the vector as it was.
        let value = end.clone();
        self.storage = rebuilt(rest.len(), |out| out.extend_from_slice(rest));
        Some(value)
    }

    /// Removes and returns the first element, or `None` if the vector is empty. O(1)*.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 2]);
    /// assert_eq!(v.pop_front(), Some(1));
    /// assert_eq!(v, [2]);
    /// ```
    #[inline]
    pub fn pop_front(&mut self) -> Option<T> {
        if self.is_empty() {
            return None;
        }
        let value = match self.storage.tree_mut() {
            Some(tree) if tree.is_inline() => remove_inline(tree, 0),
            Some(tree) => tree.pop_front()?,
            None => return self.pop_front_short(),
        };
        self.storage.shorten_if_at_most(SHORTEN_AT);
        Some(value)
    }

    /// [`pop_front`](Self::pop_front) of a short or empty vector.
    #[inline(never)]
    fn pop_front_short(&mut self) -> Option<T> {
        self.pop_short(false)
    }

    /// Inserts `value` at `index`, shifting later elements right. O(log n).
    ///
    /// # Panics
    ///
    /// Panics if `index > self.len()`, like [`Vec::insert`].
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 3]);
    /// v.insert(1, 2);
    /// v.insert(3, 4);
    /// assert_eq!(v, [1, 2, 3, 4]);
    /// ```
    #[track_caller]
    pub fn insert(&mut self, index: usize, value: T) {
        let len = self.len();
        if index > len {
            panic!("insertion index (is {index}) should be <= len (is {len})");
        }
        if let Some(tree) = self.storage.tree_mut() {
            return tree.insert(index, value);
        }
        let slice = self.storage.as_slice().unwrap_or_default();
        self.storage = inserted(slice, index, value);
    }

    /// Removes and returns the element at `index`, shifting later elements left. O(log n).
    ///
    /// # Panics
    ///
    /// Panics if `index >= self.len()`, like [`Vec::remove`].
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 2, 3]);
    /// assert_eq!(v.remove(1), 2);
    /// assert_eq!(v, [1, 3]);
    /// ```
    #[track_caller]
    pub fn remove(&mut self, index: usize) -> T {
        let len = self.len();
        if index >= len {
            panic!("removal index (is {index}) should be < len (is {len})");
        }
        let value = match self.storage.tree_mut() {
            Some(tree) if tree.is_inline() => remove_inline(tree, index),
            Some(tree) => tree.remove(index),
            None => return self.remove_short(index),
        };
        self.storage.shorten_if_at_most(SHORTEN_AT);
        value
    }

    /// Replaces the element at `index` with `value` and returns the old element. O(log n).
    ///
    /// # Panics
    ///
    /// Panics if `index >= self.len()`.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 2, 3]);
    /// assert_eq!(v.set(0, 10), 1);
    /// assert_eq!(v, [10, 2, 3]);
    /// ```
    #[track_caller]
    pub fn set(&mut self, index: usize, value: T) -> T {
        if let Storage::Long(tree) = &self.storage {
            // Checked before `tree_mut`, which would unshare the tree of an index out of bounds.
            let len = tree.len();
            if index >= len {
                index_out_of_bounds(index, len);
            }
            if let Some(tree) = self.storage.tree_mut() {
                return tree.set(index, value);
            }
        }
        self.set_short(index, value)
    }

    /// [`set`](Self::set) of a short or empty vector: in place if no clone shares its array.
    #[track_caller]
    #[inline(never)]
    fn set_short(&mut self, index: usize, value: T) -> T {
        let len = self.len();
        if index >= len {
            index_out_of_bounds(index, len);
        }
        let mut value = Some(value);
        let in_place = self.storage.edit_unique_short(|slice| {
            core::mem::replace(&mut slice[index], value.take().expect("not yet used"))
        });
        if let Some(old) = in_place {
            return old;
        }
        let value = value.expect("not used by a shared array");
        let slice = self.storage.as_slice().unwrap_or_default();
        let old = slice[index].clone();
        self.storage = replaced(slice, index, value);
        old
    }

    /// Swaps the elements at `a` and `b`. O(log n); clones one element.
    ///
    /// Built from two [`set`](Self::set) calls (imbl's own `swap` is unsound).
    ///
    /// # Panics
    ///
    /// Panics if `a` or `b` is out of bounds, like [`slice::swap`].
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from(["a", "b", "c"]);
    /// v.swap(0, 2);
    /// assert_eq!(v, ["c", "b", "a"]);
    /// ```
    #[track_caller]
    pub fn swap(&mut self, a: usize, b: usize) {
        let len = self.len();
        for index in [a, b] {
            if index >= len {
                index_out_of_bounds(index, len);
            }
        }
        if a == b {
            return;
        }
        if let Some(tree) = self.storage.tree_mut() {
            let value_a = tree[a].clone();
            let value_b = tree.set(b, value_a);
            let _ = tree.set(a, value_b);
            return;
        }
        if self
            .storage
            .edit_unique_short(|slice| slice.swap(a, b))
            .is_some()
        {
            return;
        }
        let slice = self.storage.as_slice().unwrap_or_default();
        self.storage = swapped(slice, a.min(b), a.max(b));
    }

    /// Keeps only the elements for which `f` returns `true`, in order. O(n).
    ///
    /// `f` sees each element exactly once, front to back. Elements before the first rejected one
    /// stay shared with other clones; if `f` keeps everything, nothing is copied.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v: FrozenVec<i32> = (1..=6).collect();
    /// v.retain(|x| x % 2 == 0);
    /// assert_eq!(v, [2, 4, 6]);
    /// ```
    pub fn retain<F>(&mut self, mut f: F)
    where
        F: FnMut(&T) -> bool,
    {
        let mut iter = self.iter();
        let Some(first_dropped) = iter.position(|x| !f(x)) else {
            return;
        };
        let mut kept = Builder::starting_from(&self.storage, first_dropped);
        for x in iter {
            if f(x) {
                kept.push(x.clone());
            }
        }
        self.storage = kept.finish_storage();
    }

    /// Sorts the vector, stable, as [`slice::sort`]. O(n log n); copies the elements once.
    ///
    /// An already sorted vector is left untouched (still `ptr_eq` to its clones).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([3, 1, 2]);
    /// v.sort();
    /// assert_eq!(v, [1, 2, 3]);
    /// ```
    pub fn sort(&mut self)
    where
        T: Ord,
    {
        self.sort_by(T::cmp);
    }

    /// Sorts the vector with a comparator, stable, as [`slice::sort_by`].
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 3, 2]);
    /// v.sort_by(|a, b| b.cmp(a));
    /// assert_eq!(v, [3, 2, 1]);
    /// ```
    pub fn sort_by<F>(&mut self, mut compare: F)
    where
        F: FnMut(&T, &T) -> core::cmp::Ordering,
    {
        if self.iter().is_sorted_by(|a, b| compare(a, b).is_le()) {
            return;
        }
        // `compare` is only borrowed by the in-place attempt, so it is still there if the array
        // turns out to be shared.
        if let Some(()) = self
            .storage
            .edit_unique_short(|slice| slice.sort_by(&mut compare))
        {
            return;
        }
        let mut elements: Vec<T> = self.iter().cloned().collect();
        elements.sort_by(compare);
        self.storage = Storage::from_vec(elements);
    }

    /// Sorts the vector by a key, stable, as [`slice::sort_by_key`].
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([-3, 1, -2]);
    /// v.sort_by_key(|x: &i32| x.abs());
    /// assert_eq!(v, [1, -2, -3]);
    /// ```
    pub fn sort_by_key<K, F>(&mut self, mut f: F)
    where
        F: FnMut(&T) -> K,
        K: Ord,
    {
        self.sort_by(|a, b| f(a).cmp(&f(b)));
    }

    /// Removes consecutive repeated elements, as [`Vec::dedup`]. O(n).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 1, 2, 3, 3, 3, 1]);
    /// v.dedup();
    /// assert_eq!(v, [1, 2, 3, 1]);
    /// ```
    pub fn dedup(&mut self)
    where
        T: PartialEq,
    {
        self.dedup_by(|a, b| a == b);
    }

    /// Removes consecutive elements that map to the same key, as [`Vec::dedup_by_key`]. O(n).
    ///
    /// Unlike `Vec::dedup_by_key`, `key` gets a shared reference: a frozen vector never hands out
    /// `&mut` to its elements.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([10, 11, 20, 21, 30]);
    /// v.dedup_by_key(|x| *x / 10);
    /// assert_eq!(v, [10, 20, 30]);
    /// ```
    pub fn dedup_by_key<K, F>(&mut self, mut key: F)
    where
        F: FnMut(&T) -> K,
        K: PartialEq,
    {
        self.dedup_by(|a, b| key(a) == key(b));
    }

    /// Removes consecutive elements that `same_bucket` calls equal, as [`Vec::dedup_by`]. O(n).
    ///
    /// `same_bucket(a, b)` gets the candidate `a` and the last kept element `b` before it (the
    /// same order as std), and `a` is removed if it returns `true`. Unlike `Vec::dedup_by`, the
    /// arguments are shared references. Elements before the first removed one stay shared.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from(["foo", "Foo", "bar", "BAR", "baz"]);
    /// v.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    /// assert_eq!(v, ["foo", "bar", "baz"]);
    /// ```
    pub fn dedup_by<F>(&mut self, mut same_bucket: F)
    where
        F: FnMut(&T, &T) -> bool,
    {
        let mut iter = self.iter();
        let Some(mut last_kept) = iter.next() else {
            return;
        };
        let mut index = 1;
        let first_dropped = loop {
            let Some(x) = iter.next() else {
                return;
            };
            if same_bucket(x, last_kept) {
                break index;
            }
            last_kept = x;
            index += 1;
        };
        let mut kept = Builder::starting_from(&self.storage, first_dropped);
        for x in iter {
            if !same_bucket(x, last_kept) {
                kept.push(x.clone());
                last_kept = x;
            }
        }
        self.storage = kept.finish_storage();
    }

    /// Moves every element of `other` to the back of `self`, leaving `other` empty, as
    /// [`Vec::append`]. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut a = FrozenVec::from([1, 2]);
    /// let mut b = FrozenVec::from([3, 4]);
    /// a.append(&mut b);
    /// assert_eq!(a, [1, 2, 3, 4]);
    /// assert!(b.is_empty());
    /// ```
    pub fn append(&mut self, other: &mut Self) {
        if other.is_empty() {
            return;
        }
        if self.is_empty() {
            *self = core::mem::take(other);
            return;
        }
        if let (Some(left), Some(right)) = (self.storage.as_slice(), other.storage.as_slice()) {
            if left.len() + right.len() <= SHORT_MAX {
                self.storage = rebuilt(left.len() + right.len(), |out| {
                    out.extend_from_slice(left);
                    out.extend_from_slice(right);
                });
                other.clear();
                return;
            }
        }
        // Both trees are made before anything is changed, so a panicking clone (of a short
        // side's elements) leaves both vectors as they were.
        let right = other.storage.to_tree();
        if self.storage.as_slice().is_some() {
            self.storage = Storage::Long(triomphe::Arc::new(self.storage.to_tree()));
        }
        other.clear();
        let left = self.storage.tree_mut().expect("made long above");
        left.append(right);
    }

    /// Splits the vector in two at `at`: `self` keeps `[0, at)`, the returned vector holds
    /// `[at, len)`, as [`Vec::split_off`]. O(log n).
    ///
    /// # Panics
    ///
    /// Panics if `at > self.len()`.
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 2, 3]);
    /// let tail = v.split_off(1);
    /// assert_eq!(v, [1]);
    /// assert_eq!(tail, [2, 3]);
    /// ```
    #[must_use = "use `.truncate()` if you don't need the other half"]
    #[track_caller]
    pub fn split_off(&mut self, at: usize) -> Self {
        let len = self.len();
        if at > len {
            panic!("`at` split index (is {at}) should be <= len (is {len})");
        }
        if at == len {
            return Self::new();
        }
        if at == 0 {
            return core::mem::take(self);
        }
        if let Some(slice) = self.storage.as_slice() {
            let (head, tail) = (slice[..at].to_vec(), slice[at..].to_vec());
            self.storage = Storage::short_from_vec(head);
            return Self::from_storage(Storage::short_from_vec(tail));
        }
        let tree = self
            .storage
            .tree_mut()
            .expect("a vector that is not short is long");
        let tail = tree.split_off(at);
        self.storage.shorten_if_at_most(SHORT_MAX);
        Self::from_storage(Storage::from_tree(tail))
    }

    /// Shortens the vector to its first `len` elements; does nothing if it is not longer.
    /// O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenVec;
    ///
    /// let mut v = FrozenVec::from([1, 2, 3]);
    /// v.truncate(1);
    /// assert_eq!(v, [1]);
    /// v.truncate(5);
    /// assert_eq!(v, [1]);
    /// ```
    pub fn truncate(&mut self, len: usize) {
        if len >= self.len() {
            return;
        }
        if len == 0 {
            return self.clear();
        }
        match self.storage.tree_mut() {
            Some(tree) => tree.truncate(len),
            None => {
                let slice = self.storage.as_slice().unwrap_or_default();
                self.storage = Storage::short_from_vec(slice[..len].to_vec());
            }
        }
        self.storage.shorten_if_at_most(SHORT_MAX);
    }
}
