//! [`FrozenOrdSet`]: a persistent ordered set (B-tree) with O(1) clones, set algebra with std's
//! meanings, its iterators, and [`DiffItem`], the steps of a [`diff`](FrozenOrdSet::diff).
//!
//! The backend is `imbl::GenericOrdSet` with `archery::ArcTK` (`triomphe::Arc` nodes). This
//! module never calls an imbl method that returns `&mut` into the tree; set algebra is built from
//! `contains`, `insert`, `remove` and iteration (imbl's own `difference` means the symmetric
//! difference; ours means the relative complement, as in std). Single-element updates run in
//! place and repair the tree if user code panics inside imbl (`ord_map::repair`); multi-element
//! updates run on a clone of the tree that replaces `self` only once they have returned (see
//! "Panics in user code" on [`FrozenOrdSet`]).

use core::borrow::Borrow;
use core::ops::{Bound, RangeBounds};

use archery::ArcTK;
use imbl::GenericOrdSet;

use crate::Frozen;
use crate::ord_map::check_range;
use crate::ord_map::repair;

mod algebra;
mod iter;
mod traits;

pub use algebra::{Difference, Intersection, SymmetricDifference, Union};
pub use iter::{Diff, DiffItem, IntoIter, Iter, Range};

/// The backend: imbl's B-tree set with triomphe (`ArcTK`) pointers, named explicitly.
pub(crate) type Inner<T> = GenericOrdSet<T, ArcTK>;

/// A persistent, deeply immutable ordered set: O(1) clones, O(log n) lookups and updates,
/// iteration in ascending order.
///
/// It has the API of [`BTreeSet`](std::collections::BTreeSet) where that makes sense for an
/// immutable value, plus persistent updates ([`with_inserted`](Self::with_inserted),
/// [`without`](Self::without)) that take `&self` and return a new set. The set algebra has
/// std's signatures: [`union`](Self::union), [`intersection`](Self::intersection),
/// [`difference`](Self::difference) and [`symmetric_difference`](Self::symmetric_difference)
/// are lazy ascending iterators of borrowed elements, and the operators `&a | &b`, `&a & &b`,
/// `&a - &b`, `&a ^ &b` return a new set that shares as much structure with its inputs as it
/// can.
///
/// `FrozenOrdSet<T>` is [`Frozen`] when `T` is, and `Send + Sync` exactly when `T` is.
///
/// Elements equal by `Ord` but distinguishable otherwise follow `BTreeSet`'s rules:
/// [`insert`](Self::insert), [`with_inserted`](Self::with_inserted) and `extend` keep the
/// element already present, [`replace`](Self::replace) swaps it for the new one, and
/// `FromIterator` keeps the last of equal elements.
///
/// # Panics in user code
///
/// A panic in `T`'s `Clone` or `Ord`, or in a closure or iterator passed to a method, is
/// memory-safe, drops nothing twice and never changes another clone. The live set:
///
/// - **Single-element updates keep it valid.** `insert`, `replace`, `remove`, `take`,
///   `pop_first` and `pop_last` update the tree in place. A panic in `Ord`, or in a `Clone` that
///   copies a shared node on the way down, comes before any change: the set keeps its elements.
///   A `Clone` that panics while imbl splits or merges nodes can leave imbl's tree inconsistent
///   (elements gone while `len()` counts them, duplicates, lookups that miss); the set then
///   checks itself and, if it must, rebuilds itself from the elements it still holds, before the
///   panic continues. It is valid again (`len()` agrees with iteration from both ends, every
///   element is found), but may have lost the elements of the node being split or merged: at
///   most 16, next to the updated element. If checking or rebuilding panics as well, the set is
///   left empty.
/// - **Multi-element updates are all or nothing.** `retain`, `append`, `split_off` and `extend`
///   run on a clone of the tree and replace `self` only when they return. If they panic, `self`
///   (and `other` for `append`) holds exactly the elements it held before the call, and what
///   the call had built is dropped. The clone costs one copy of the first path they change.
/// - **Everything else only reads or builds a new set** (the set algebra, `with_inserted`,
///   `without`, `collect`, comparisons, `diff`, iteration): a panic drops what was being built
///   and leaves every input as it was.
///
/// One leak: a `Clone` that panics while a removal merges two nodes (in any update above, or in
/// [`without`](Self::without), [`difference`](Self::difference), ...) leaks the elements of the
/// node being filled, at most 16: imbl-sized-chunks gives up on a chunk whose fill panicked
/// rather than risk dropping slots it never wrote. Nothing else leaks.
///
/// `tests/ord_panics.rs` checks each of these with a `Clone` and an `Ord` that panic at the k-th
/// call, for every k, and counts drops.
///
/// ```
/// use deepfreeze::FrozenOrdSet;
///
/// let a = FrozenOrdSet::from([1, 2, 3]);
/// let b = FrozenOrdSet::from([3, 4]);
/// assert_eq!(&a | &b, FrozenOrdSet::from([1, 2, 3, 4]));
/// assert_eq!(&a & &b, FrozenOrdSet::from([3]));
/// assert_eq!(&a - &b, FrozenOrdSet::from([1, 2]));
/// assert_eq!(&a ^ &b, FrozenOrdSet::from([1, 2, 4]));
/// assert_eq!(a.difference(&b).collect::<Vec<_>>(), [&1, &2]); // lazily, ascending
/// assert_eq!(format!("{a:?}"), "{1, 2, 3}");
/// ```
pub struct FrozenOrdSet<T> {
    inner: Inner<T>,
}

// SAFETY:
// - No interior mutability reachable: a `FrozenOrdSet<T>` is one `imbl::GenericOrdSet<T, ArcTK>`,
//   i.e. an `imbl::GenericOrdMap<T, (), ArcTK>`: a length and an optional B-tree of
//   `archery::SharedPointer<_, ArcTK>` (`triomphe::Arc`) nodes holding `(T, ())` pairs. imbl 7.0.2
//   holds no `UnsafeCell` in these other than triomphe's atomic reference counts, which never
//   change the value they count (the vendored-source scan test of docs/DESIGN.md §4 fails if a version
//   adds one). Through `&FrozenOrdSet` our API reads only; `&mut self` methods update through
//   imbl's copy-on-write (`make_mut` clones a node whose count is above one), so a node another
//   value can see is never written.
// - Deep: every element is a `T: Frozen`; the tree reaches nothing else.
// - `Send + Sync + 'static`: `SharedPointer<_, ArcTK>` is `Send + Sync` when its pointee is, and
//   `T: Frozen` is `Send + Sync + 'static` (the supertrait makes the compiler check it).
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for FrozenOrdSet<T> {}

impl<T> FrozenOrdSet<T> {
    /// Creates an empty set. Does not allocate.
    ///
    /// Unlike `BTreeSet::new`, not a `const fn`: imbl's tree constructor is not one.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let s: FrozenOrdSet<u8> = FrozenOrdSet::new();
    /// assert!(s.is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            inner: Inner::new(),
        }
    }

    /// Returns the number of elements. O(1).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// assert_eq!(FrozenOrdSet::from([1, 2, 2]).len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Returns `true` if the set holds no elements.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// assert!(FrozenOrdSet::<i32>::new().is_empty());
    /// assert!(!FrozenOrdSet::from([1]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// Returns `true` if the two sets share their root, so they are certainly equal. O(1).
    ///
    /// A clone is `ptr_eq` to its source until one of them is updated; two empty sets are always
    /// `ptr_eq`. `false` says nothing about equality.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let a = FrozenOrdSet::from([1, 2]);
    /// assert!(a.ptr_eq(&a.clone()));
    /// assert!(!a.ptr_eq(&FrozenOrdSet::from([1, 2])));
    /// ```
    #[must_use]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        (self.is_empty() && other.is_empty()) || self.inner.ptr_eq(&other.inner)
    }

    /// Removes every element.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut s = FrozenOrdSet::from([1]);
    /// s.clear();
    /// assert!(s.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.inner.clear();
    }
}

impl<T: Ord> FrozenOrdSet<T> {
    /// Returns `true` if the set holds `value`. O(log n).
    ///
    /// The value may be any borrowed form of `T` (`&str` for `String`), as for `BTreeSet`.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let s = FrozenOrdSet::from([String::from("a")]);
    /// assert!(s.contains("a"));
    /// assert!(!s.contains("b"));
    /// ```
    #[must_use]
    pub fn contains<Q>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        self.inner.contains(value)
    }

    /// Returns the stored element equal to `value`, or `None`. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let s = FrozenOrdSet::from([1, 2]);
    /// assert_eq!(s.get(&2), Some(&2));
    /// assert_eq!(s.get(&3), None);
    /// ```
    #[must_use]
    pub fn get<Q>(&self, value: &Q) -> Option<&T>
    where
        T: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        self.inner.get(value)
    }

    /// Returns the smallest element, or `None` if the set is empty. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// assert_eq!(FrozenOrdSet::from([3, 1, 2]).first(), Some(&1));
    /// ```
    #[must_use]
    pub fn first(&self) -> Option<&T> {
        self.inner.get_min()
    }

    /// Returns the largest element, or `None` if the set is empty. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// assert_eq!(FrozenOrdSet::from([3, 1, 2]).last(), Some(&3));
    /// ```
    #[must_use]
    pub fn last(&self) -> Option<&T> {
        self.inner.get_max()
    }

    /// Returns an iterator over the elements in ascending order.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let s = FrozenOrdSet::from([3, 1, 2]);
    /// assert_eq!(s.iter().copied().collect::<Vec<_>>(), [1, 2, 3]);
    /// ```
    pub fn iter(&self) -> Iter<'_, T> {
        Iter::new(self.inner.iter())
    }

    /// Returns an iterator over the elements in `range`, ascending, as
    /// [`BTreeSet::range`](std::collections::BTreeSet::range). O(log n) to start.
    ///
    /// # Panics
    ///
    /// Panics, like `BTreeSet::range`, if the range starts after it ends, or if it starts and
    /// ends at the same value with both bounds excluded.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let s: FrozenOrdSet<i32> = (0..10).collect();
    /// assert_eq!(s.range(3..6).copied().collect::<Vec<_>>(), [3, 4, 5]);
    /// assert_eq!(s.range(..=2).next_back(), Some(&2));
    /// ```
    #[track_caller]
    pub fn range<Q, R>(&self, range: R) -> Range<'_, T>
    where
        T: Borrow<Q>,
        Q: ?Sized + Ord,
        R: RangeBounds<Q>,
    {
        check_range(&range, "FrozenOrdSet");
        Range::new(self.inner.range(range))
    }

    /// Returns `true` if every element of `self` is in `other`. O(n log m).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let small = FrozenOrdSet::from([1, 2]);
    /// let big = FrozenOrdSet::from([1, 2, 3]);
    /// assert!(small.is_subset(&big));
    /// assert!(!big.is_subset(&small));
    /// assert!(small.is_subset(&small));
    /// ```
    #[must_use]
    pub fn is_subset(&self, other: &Self) -> bool {
        self.ptr_eq(other) || (self.len() <= other.len() && self.iter().all(|x| other.contains(x)))
    }

    /// Returns `true` if every element of `other` is in `self`. O(m log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let big = FrozenOrdSet::from([1, 2, 3]);
    /// assert!(big.is_superset(&FrozenOrdSet::from([2, 3])));
    /// assert!(!big.is_superset(&FrozenOrdSet::from([4])));
    /// ```
    #[must_use]
    pub fn is_superset(&self, other: &Self) -> bool {
        other.is_subset(self)
    }

    /// Returns `true` if `self` and `other` have no element in common. O(m log n) for the
    /// smaller size `m`.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let a = FrozenOrdSet::from([1, 2]);
    /// assert!(a.is_disjoint(&FrozenOrdSet::from([3, 4])));
    /// assert!(!a.is_disjoint(&FrozenOrdSet::from([2, 3])));
    /// ```
    #[must_use]
    pub fn is_disjoint(&self, other: &Self) -> bool {
        if self.is_empty() || other.is_empty() {
            return true;
        }
        let (small, big) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        !small.iter().any(|x| big.contains(x))
    }

    /// Returns an iterator over the changes that turn `self` into `other`, ascending:
    /// [`DiffItem::Add`] for elements only in `other`, [`DiffItem::Remove`] for elements only in
    /// `self`. Subtrees the two sets share are skipped without being visited.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    /// use deepfreeze::ord_set::DiffItem;
    ///
    /// let old = FrozenOrdSet::from([1, 2, 3]);
    /// let new = old.without(&1).with_inserted(4);
    /// assert_eq!(old.diff(&new).collect::<Vec<_>>(), [DiffItem::Remove(&1), DiffItem::Add(&4)]);
    /// ```
    pub fn diff<'a, 'b>(&'a self, other: &'b Self) -> Diff<'a, 'b, T> {
        Diff::new(self.inner.diff(&other.inner))
    }

    /// The elements in `self` or `other` (or both), each once, ascending, lazily, like
    /// [`BTreeSet::union`](std::collections::BTreeSet::union): of two equal elements, `self`'s
    /// is yielded. The operator `&a | &b` builds the union as a new set.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let a = FrozenOrdSet::from([1, 3]);
    /// let b = FrozenOrdSet::from([2, 3]);
    /// assert_eq!(a.union(&b).copied().collect::<Vec<_>>(), [1, 2, 3]);
    /// assert_eq!(&a | &b, FrozenOrdSet::from([1, 2, 3]));
    /// ```
    pub fn union<'a>(&'a self, other: &'a Self) -> Union<'a, T> {
        Union::new(self.iter(), other.iter())
    }

    /// The elements in both `self` and `other`, ascending, lazily, like
    /// [`BTreeSet::intersection`](std::collections::BTreeSet::intersection) (`self`'s are
    /// yielded). The operator `&a & &b` builds the intersection as a new set.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let a = FrozenOrdSet::from([1, 2, 3]);
    /// let b = FrozenOrdSet::from([2, 3, 4]);
    /// assert_eq!(a.intersection(&b).copied().collect::<Vec<_>>(), [2, 3]);
    /// ```
    pub fn intersection<'a>(&'a self, other: &'a Self) -> Intersection<'a, T> {
        Intersection::new(self.iter(), other.iter())
    }

    /// The elements in `self` but not in `other`, ascending, lazily, like
    /// [`BTreeSet::difference`](std::collections::BTreeSet::difference). The operator `&a - &b`
    /// builds the difference as a new set.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let a = FrozenOrdSet::from([1, 2, 3]);
    /// let b = FrozenOrdSet::from([2, 4]);
    /// assert_eq!(a.difference(&b).copied().collect::<Vec<_>>(), [1, 3]);
    /// assert_eq!(b.difference(&a).copied().collect::<Vec<_>>(), [4]);
    /// ```
    pub fn difference<'a>(&'a self, other: &'a Self) -> Difference<'a, T> {
        Difference::new(self.iter(), other.iter())
    }

    /// The elements in exactly one of `self` and `other`, ascending, lazily, like
    /// [`BTreeSet::symmetric_difference`](std::collections::BTreeSet::symmetric_difference).
    /// The operator `&a ^ &b` builds it as a new set.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let a = FrozenOrdSet::from([1, 2]);
    /// let b = FrozenOrdSet::from([2, 3]);
    /// assert_eq!(a.symmetric_difference(&b).copied().collect::<Vec<_>>(), [1, 3]);
    /// ```
    pub fn symmetric_difference<'a>(&'a self, other: &'a Self) -> SymmetricDifference<'a, T> {
        SymmetricDifference::new(self.iter(), other.iter())
    }
}

impl<T: Ord + Clone> FrozenOrdSet<T> {
    // ---- persistent updates: `&self` in, new set out ----

    /// Returns a new set that also holds `value`; `self` is unchanged. O(log n).
    ///
    /// If an equal element is present, it is kept, as by [`insert`](Self::insert), and the
    /// result is a clone of `self` (still [`ptr_eq`](Self::ptr_eq)).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let s = FrozenOrdSet::from([1]);
    /// assert_eq!(s.with_inserted(2), FrozenOrdSet::from([1, 2]));
    /// assert_eq!(s, FrozenOrdSet::from([1]));
    /// assert!(s.with_inserted(1).ptr_eq(&s));
    /// ```
    #[must_use]
    pub fn with_inserted(&self, value: T) -> Self {
        if self.contains(&value) {
            return self.clone();
        }
        Self {
            inner: self.inner.update(value),
        }
    }

    /// Returns a new set without `value`; `self` is unchanged. O(log n).
    ///
    /// If `value` is absent, the result is a clone of `self` (still [`ptr_eq`](Self::ptr_eq)).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let s = FrozenOrdSet::from([1, 2]);
    /// assert_eq!(s.without(&1), FrozenOrdSet::from([2]));
    /// assert!(s.without(&9).ptr_eq(&s));
    /// ```
    #[must_use]
    pub fn without<Q>(&self, value: &Q) -> Self
    where
        T: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        // One lookup: remove from a clone, and when nothing was removed return a clone of
        // `self` instead (so the result is `ptr_eq` to `self`).
        let mut out = self.clone();
        match out.inner.remove(value) {
            Some(_) => out,
            None => self.clone(),
        }
    }

    // `&a | &b`: the elements in `self` or `other` (or both) as a new set. O(m log n) for the
    // smaller size `m`; the result shares structure with the larger input. Of two equal
    // elements, `self`'s is kept, as by `BTreeSet`'s `|` (and so by [`append`](Self::append)).
    pub(crate) fn union_set(&self, other: &Self) -> Self {
        if self.ptr_eq(other) {
            return self.clone();
        }
        let (small, big) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        // On equal elements `self`'s is kept, as by `BTreeSet`'s `|`: elements of `self`
        // replace those of a larger `other`.
        let replace = core::ptr::eq(small, self);
        let mut out = big.clone();
        for x in small {
            if replace || !out.contains(x) {
                out.inner.insert(x.clone());
            }
        }
        out
    }

    // `&a & &b`: the elements in both `self` and `other` as a new set. O(m log n) for the smaller
    // size `m`; the result shares structure with the smaller input.
    pub(crate) fn intersection_set(&self, other: &Self) -> Self {
        let (small, big) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = small.clone();
        if !small.ptr_eq(big) {
            out.retain(|x| big.contains(x));
        }
        out
    }

    // `&a - &b`: the elements in `self` but not in `other` (the relative complement, as
    // `BTreeSet::difference`) as a new set. The result shares structure with `self`.
    pub(crate) fn difference_set(&self, other: &Self) -> Self {
        if self.ptr_eq(other) {
            return Self::new();
        }
        let mut out = self.clone();
        if other.len() < self.len() {
            for x in other {
                if out.contains(x) {
                    out.inner.remove(x);
                }
            }
        } else {
            out.retain(|x| !other.contains(x));
        }
        out
    }

    // `&a ^ &b`: the elements in exactly one of `self` and `other` as a new set. O(m log n) for
    // the smaller size `m`; the result shares structure with the larger input.
    pub(crate) fn symmetric_difference_set(&self, other: &Self) -> Self {
        if self.ptr_eq(other) {
            return Self::new();
        }
        let (small, big) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = big.clone();
        for x in small {
            if out.contains(x) {
                out.inner.remove(x);
            } else {
                out.inner.insert(x.clone());
            }
        }
        out
    }

    // ---- in-place updates: `&mut self`, copying only shared nodes ----

    /// Runs a multi-element update on a clone of the tree and keeps the result only if `update`
    /// returns, so that a panic in user code (`Clone`, `Ord`, a closure, an iterator) leaves
    /// `self` as it was: imbl's in-place updates can leave a tree whose `len()` disagrees with its
    /// elements when a `Clone` panics mid-split or mid-merge (see `ord_map::repair`).
    ///
    /// The clone is O(1); while it lives, the root is shared, so the update copies the nodes of
    /// the first path it changes (which it does anyway where `self` shares them with another
    /// set); later changes find those copies unshared. The old tree is dropped after `self`
    /// holds the new one, so a panicking `Drop` cannot undo the update.
    fn transact<R>(&mut self, update: impl FnOnce(&mut Inner<T>) -> R) -> R {
        let mut work = self.inner.clone();
        let out = update(&mut work);
        drop(core::mem::replace(&mut self.inner, work));
        out
    }

    /// Adds `value`; returns `true` if it was not present. O(log n).
    ///
    /// As with `BTreeSet::insert`, an equal element already present is kept and `value` is
    /// dropped (visible only for elements with identity beyond their order); use
    /// [`replace`](Self::replace) to swap it for `value`.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut s = FrozenOrdSet::new();
    /// assert!(s.insert(1));
    /// assert!(!s.insert(1));
    /// assert_eq!(s.len(), 1);
    /// ```
    pub fn insert(&mut self, value: T) -> bool {
        if self.contains(&value) {
            return false;
        }
        repair::in_place(&mut self.inner, |tree| tree.insert(value));
        true
    }

    /// Adds `value`, replacing and returning an equal element if one was present, as
    /// [`BTreeSet::replace`](std::collections::BTreeSet::replace). O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut s = FrozenOrdSet::from([1]);
    /// assert_eq!(s.replace(1), Some(1));
    /// assert_eq!(s.replace(2), None);
    /// assert_eq!(s, FrozenOrdSet::from([1, 2]));
    /// ```
    pub fn replace(&mut self, value: T) -> Option<T> {
        repair::in_place(&mut self.inner, |tree| tree.insert(value))
    }

    /// Removes `value`; returns `true` if it was present. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut s = FrozenOrdSet::from([1]);
    /// assert!(s.remove(&1));
    /// assert!(!s.remove(&1));
    /// ```
    pub fn remove<Q>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        self.take(value).is_some()
    }

    /// Removes and returns the element equal to `value`, if present. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut s = FrozenOrdSet::from([String::from("a")]);
    /// assert_eq!(s.take("a"), Some(String::from("a")));
    /// assert_eq!(s.take("a"), None);
    /// ```
    pub fn take<Q>(&mut self, value: &Q) -> Option<T>
    where
        T: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        repair::in_place(&mut self.inner, |tree| tree.remove(value))
    }

    /// Removes and returns the smallest element, or `None` if the set is empty. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut s = FrozenOrdSet::from([2, 1]);
    /// assert_eq!(s.pop_first(), Some(1));
    /// assert_eq!(s.pop_first(), Some(2));
    /// assert_eq!(s.pop_first(), None);
    /// ```
    pub fn pop_first(&mut self) -> Option<T> {
        repair::in_place(&mut self.inner, |tree| tree.remove_min())
    }

    /// Removes and returns the largest element, or `None` if the set is empty. O(log n).
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut s = FrozenOrdSet::from([2, 1]);
    /// assert_eq!(s.pop_last(), Some(2));
    /// ```
    pub fn pop_last(&mut self) -> Option<T> {
        repair::in_place(&mut self.inner, |tree| tree.remove_max())
    }

    /// Keeps only the elements for which `f` returns `true`. O(n + r log n) for `r` removals.
    ///
    /// `f` sees each element once, in ascending order. Untouched subtrees stay shared with
    /// other clones.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut s: FrozenOrdSet<i32> = (0..6).collect();
    /// s.retain(|x| x % 3 == 0);
    /// assert_eq!(s, FrozenOrdSet::from([0, 3]));
    /// ```
    pub fn retain<F>(&mut self, mut f: F)
    where
        F: FnMut(&T) -> bool,
    {
        let doomed: Vec<T> = self.iter().filter(|x| !f(x)).cloned().collect();
        self.transact(|tree| {
            for x in &doomed {
                tree.remove(x);
            }
        });
    }

    /// Moves every element of `other` into `self`, leaving `other` empty, as
    /// [`BTreeSet::append`](std::collections::BTreeSet::append). O(m log n) for the smaller
    /// size `m`.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut a = FrozenOrdSet::from([1, 2]);
    /// let mut b = FrozenOrdSet::from([2, 3]);
    /// a.append(&mut b);
    /// assert_eq!(a, FrozenOrdSet::from([1, 2, 3]));
    /// assert!(b.is_empty());
    /// ```
    pub fn append(&mut self, other: &mut Self) {
        // `other` is cleared only once the union is built, so that a panic leaves both as they
        // were.
        *self = self.union_set(other);
        other.clear();
    }

    /// Splits the set at `value`: `self` keeps the elements below `value`, the returned set
    /// holds `value` and everything above, as
    /// [`BTreeSet::split_off`](std::collections::BTreeSet::split_off). O(m log n) where `m` is
    /// the size of the smaller half.
    ///
    /// ```
    /// use deepfreeze::FrozenOrdSet;
    ///
    /// let mut s = FrozenOrdSet::from([1, 2, 3, 4]);
    /// let high = s.split_off(&3);
    /// assert_eq!(s, FrozenOrdSet::from([1, 2]));
    /// assert_eq!(high, FrozenOrdSet::from([3, 4]));
    /// ```
    #[must_use = "use `.retain()` if you don't need the split-off part"]
    pub fn split_off<Q>(&mut self, value: &Q) -> Self
    where
        T: Borrow<Q>,
        Q: ?Sized + Ord,
    {
        let high_bounds = (Bound::Included(value), Bound::Unbounded);
        let high_len = self.inner.range::<_, Q>(high_bounds).count();
        if high_len <= self.len() - high_len {
            // Copy the high part out, remove it here.
            let high: Inner<T> = self.inner.range::<_, Q>(high_bounds).cloned().collect();
            self.transact(|tree| {
                for x in &high {
                    tree.remove(x);
                }
            });
            Self { inner: high }
        } else {
            // Copy the low part out, remove it from the rest.
            let low_bounds = (Bound::Unbounded, Bound::Excluded(value));
            // `self` gets the low part only at the end, so that a panic leaves it whole.
            let low: Inner<T> = self.inner.range::<_, Q>(low_bounds).cloned().collect();
            let mut high = self.inner.clone();
            for x in &low {
                high.remove(x);
            }
            drop(core::mem::replace(&mut self.inner, low));
            Self { inner: high }
        }
    }
}
