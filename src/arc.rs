//! [`FrozenArc`], the shared handle to a frozen value, and [`UniqueArc`], its builder.
//!
//! A `FrozenArc<T>` is one pointer wide and clones with one atomic increment, whatever the size of
//! the graph behind it. With `std`, dropping the last handle of a long chain of `FrozenArc`s does not recurse
//! once per link: see [`FrozenArc`]'s "Dropping deep graphs", and its "Deep structures" for which
//! other operations stay iterative on very deep graphs.
//!
//! ```
//! use deepfreeze::arc::{FrozenArc, UniqueArc};
//!
//! let mut draft = UniqueArc::new(vec![3, 1, 2]);
//! draft.sort(); // unique: changed in place
//! let shared: FrozenArc<Vec<i32>> = UniqueArc::freeze(draft); // frozen: shared, never changed
//! let copy = shared.clone();
//! assert!(FrozenArc::ptr_eq(&shared, &copy));
//! assert_eq!(*copy, [1, 2, 3]);
//! ```

#[cfg(feature = "std")]
mod deep_drop;

use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::mem::{ManuallyDrop, MaybeUninit};
use core::ops::{Deref, DerefMut};

use crate::Frozen;

/// A shared, reference-counted handle to a value that nobody can change: the unit of O(1) sharing.
///
/// `FrozenArc<T>` is an `Arc` without weak references (backed by [`triomphe::Arc`]): one pointer
/// wide (`Option<FrozenArc<T>>` too), [`Clone`] is one atomic increment, and it is
/// [`Frozen`](trait@Frozen) when `T` is, so a whole frozen graph crosses threads for the price of
/// that increment.
///
/// Like `std::sync::Arc`, its own operations are associated functions (`FrozenArc::ptr_eq(&a, &b)`,
/// not `a.ptr_eq(&b)`), so that they never shadow the methods of `T` reached through [`Deref`].
///
/// ```
/// use deepfreeze::FrozenArc;
///
/// let config = FrozenArc::new(vec![80_u16, 443]);
/// let for_worker = config.clone(); // one atomic increment, no copy of the vector
/// let seen = std::thread::spawn(move || for_worker.iter().sum::<u16>()).join().unwrap();
/// assert_eq!(seen, 523);
/// assert_eq!(FrozenArc::strong_count(&config), 1);
/// ```
///
/// # Comparisons
///
/// `PartialEq`, `PartialOrd`, `Ord` and `Hash` compare the values, not the pointers, so that
/// `FrozenArc<T>` can stand in for `T` as a map key ([`Borrow<T>`] is implemented). As a fast path,
/// two handles to the same allocation are equal (and `partial_cmp` is `Some(Equal)`) without looking
/// at the value. For a `T` whose equality is not reflexive (a float holding NaN) this means a handle
/// equals its own clones even though the value does not equal itself.
///
/// # Dropping deep graphs
///
/// Dropping a value drops its fields, so dropping the head of a linked list of ten million
/// `FrozenArc<Node>` would normally recurse ten million times and overflow the stack. `FrozenArc`
/// bounds that recursion: when the last handle to a value is dropped while this thread is already
/// dropping other `FrozenArc` values a few dozen levels deep, the value is not dropped there but
/// queued in a thread-local list, which the dropping frame further up empties in a loop. Stack use
/// stays bounded by a small constant whatever the depth of the graph, for chains and for trees,
/// on any thread (a spawned thread with a 2 MiB stack included). Every value is still dropped exactly
/// once, on the thread that dropped its last handle, and before the outermost `drop` returns.
///
/// The bound holds for the links that are `FrozenArc`s; a chain linked by `Box` recurses as usual.
/// Dropping a handle that is not the last one is a load and one atomic decrement (`std::sync::Arc`
/// does the decrement only); the last one is found race-free, so every value goes through this path.
/// During thread teardown, when the thread-local list is gone, values are dropped recursively.
///
/// The list is thread-local, so the bound needs the `std` feature. Without `std` a `FrozenArc`
/// drops as `alloc::sync::Arc` does: the last handle drops its value in place, recursively, so a
/// chain of `FrozenArc`s as deep as the stack allows is the limit (an overflow aborts on targets
/// with a guard page; on a bare-metal target without one, size the stack for the deepest graph
/// dropped, or drop long chains link by link with [`FrozenArc::into_inner`]).
///
/// So a value whose last handle is dropped 32 or more `FrozenArc` drops deep has its destructor
/// run *after* that `drop(handle)` call returns (but before the outermost one does): anything its
/// destructor does, such as releasing a lock it holds or flushing a buffer, happens later than the
/// line that dropped it. This is why `T` must be `'static`: a queued value can borrow nothing that
/// the code running in between could free. A handle over a borrow of a local does not compile:
///
/// ```compile_fail,E0597
/// use deepfreeze::FrozenArc;
///
/// struct Note<'a>(&'a mut String);
/// impl Drop for Note<'_> {
///     fn drop(&mut self) {
///         self.0.push_str(" (noted)");
///     }
/// }
///
/// let mut log = String::from("closing");
/// // Were this queued by a deep drop, it would write into `log` after `log` is freed.
/// drop(FrozenArc::new(Note(&mut log)));
/// ```
///
/// ```
/// use deepfreeze::{Frozen, FrozenArc};
///
/// #[derive(Frozen)]
/// struct Node {
///     value: u64,
///     next: Option<FrozenArc<Node>>,
/// }
///
/// let mut head = None;
/// for value in 0..100_000 {
///     head = Some(FrozenArc::new(Node { value, next: head }));
/// }
/// assert_eq!(head.as_ref().map(|node| node.value), Some(99_999));
/// drop(head); // no stack overflow
/// ```
///
/// # Deep structures
///
/// Which operations on a very deep `FrozenArc` graph (a linked list of ten million nodes) work,
/// and which recurse once per node and so overflow the stack. `tests/deep_structures.rs` pins
/// each line of this list on a 10-million-node list and a 2 MiB thread stack.
///
/// - **Drop**: bounded, whatever the depth (see "Dropping deep graphs" above).
/// - **`Clone`**: O(1). Cloning a handle is one increment; a derived `Clone` of a node clones its
///   fields' handles, not what they point to.
/// - **`PartialEq`, `PartialOrd`, `Ord` where the nodes are shared**: O(1) once the walk reaches
///   a shared node, because two handles to the same allocation compare equal without looking at
///   the value. Comparing a value with its clone, or two lists that differ only in a prefix
///   sharing one tail, stops at the first shared handle.
/// - **Serde** (feature `serde`): bounded. Serializing or deserializing more than
///   `deepfreeze::serde::max_depth()` (64 by default) nested frozen containers is an error, not a
///   stack overflow (`deepfreeze::serde::with_max_depth` changes the limit).
/// - **Recursive: `PartialEq`, `PartialOrd`, `Ord` of separately built equal values, `Hash`,
///   `Debug`.** `FrozenArc` forwards these to `T`, and the impls that `#[derive]` writes for `T`
///   call the same trait on each field, so the call nests once per node. Measured in a debug
///   build: about 190 bytes of stack per node for `==` and `cmp`, 100 for `Hash`, 270 for `{:?}`,
///   so a 2 MiB thread stack holds roughly 8,000 to 20,000 nodes; ten million need gigabytes.
///   This is std's derive output, not something `FrozenArc` can change.
///
/// For structures deeper than a few thousand nodes, write those impls by hand with a loop, and
/// serialize the structure as a flat sequence (for a list, `serialize_seq` of its values, and
/// rebuild it from a `Vec` when deserializing):
///
/// ```
/// use deepfreeze::{Frozen, FrozenArc};
///
/// #[derive(Frozen)]
/// struct Node {
///     value: u64,
///     next: Option<FrozenArc<Node>>,
/// }
///
/// /// A list whose equality is a loop, not a recursion.
/// struct List(Option<FrozenArc<Node>>);
///
/// impl PartialEq for List {
///     fn eq(&self, other: &Self) -> bool {
///         let (mut a, mut b) = (&self.0, &other.0);
///         loop {
///             match (a, b) {
///                 (None, None) => return true,
///                 (Some(x), Some(y)) if FrozenArc::ptr_eq(x, y) => return true, // shared tail
///                 (Some(x), Some(y)) if x.value == y.value => (a, b) = (&x.next, &y.next),
///                 _ => return false,
///             }
///         }
///     }
/// }
///
/// let build = || {
///     List((0..100_000).fold(None, |next, value| Some(FrozenArc::new(Node { value, next }))))
/// };
/// assert!(build() == build()); // 100,000 separately built nodes, compared without recursion
/// ```
///
/// `T` must be `Sized`: for strings and slices use [`FrozenStr`](crate::FrozenStr),
/// [`FrozenBytes`](crate::FrozenBytes) and [`FrozenSlice`](crate::FrozenSlice), which also avoid
/// the double indirection of an `Arc<Box<T>>`. (The bounded drop moves the allocation through a
/// type-erased thin pointer; an unsized `T` would need its pointer metadata stored as well.)
pub struct FrozenArc<T: 'static> {
    /// The handle. Taken out only in `drop` and in the methods that consume `self` (which then do
    /// not run `drop`).
    arc: ManuallyDrop<triomphe::Arc<T>>,
}

impl<T: 'static> FrozenArc<T> {
    /// Moves `value` into a new shared allocation.
    ///
    /// ```
    /// use deepfreeze::FrozenArc;
    ///
    /// let answer = FrozenArc::new(42);
    /// assert_eq!(*answer, 42);
    /// ```
    #[inline]
    pub fn new(value: T) -> Self {
        Self::from_triomphe(triomphe::Arc::new(value))
    }

    #[inline]
    fn from_triomphe(arc: triomphe::Arc<T>) -> Self {
        Self {
            arc: ManuallyDrop::new(arc),
        }
    }

    /// Turns the handle back into the `triomphe::Arc` it wraps, without running `FrozenArc`'s drop.
    #[inline]
    #[allow(unsafe_code)]
    fn into_triomphe(this: Self) -> triomphe::Arc<T> {
        let mut this = ManuallyDrop::new(this);
        // SAFETY:
        // - `this` is wrapped in `ManuallyDrop`, so `FrozenArc::drop` never runs and `this.arc` is
        //   never used again after being taken here: the handle is moved out exactly once.
        unsafe { ManuallyDrop::take(&mut this.arc) }
    }

    /// Whether two handles point to the same allocation.
    ///
    /// ```
    /// use deepfreeze::FrozenArc;
    ///
    /// let a = FrozenArc::new(5);
    /// let b = a.clone();
    /// let c = FrozenArc::new(5);
    /// assert!(FrozenArc::ptr_eq(&a, &b));
    /// assert!(!FrozenArc::ptr_eq(&a, &c));
    /// assert_eq!(a, c); // equal values all the same
    /// ```
    #[inline]
    pub fn ptr_eq(this: &Self, other: &Self) -> bool {
        triomphe::Arc::ptr_eq(&this.arc, &other.arc)
    }

    /// A raw pointer to the value, valid as long as a handle to it lives.
    ///
    /// ```
    /// use deepfreeze::FrozenArc;
    ///
    /// let a = FrozenArc::new(String::from("hi"));
    /// let b = a.clone();
    /// assert_eq!(FrozenArc::as_ptr(&a), FrozenArc::as_ptr(&b));
    /// assert_eq!(FrozenArc::as_ptr(&a), &*a as *const String);
    /// ```
    #[inline]
    pub fn as_ptr(this: &Self) -> *const T {
        triomphe::Arc::as_ptr(&this.arc)
    }

    /// Consumes the handle without releasing its count and returns the pointer that
    /// [`as_ptr`](Self::as_ptr) gives; [`from_raw`](Self::from_raw) takes it back. For
    /// `arc_swap::RefCnt` (`src/arc_swap.rs`).
    #[cfg(feature = "arc-swap")]
    #[inline]
    pub(crate) fn into_raw(this: Self) -> *const T {
        triomphe::Arc::into_raw(Self::into_triomphe(this))
    }

    /// Rebuilds a handle that [`into_raw`](Self::into_raw) consumed, taking over its count.
    ///
    /// # Safety
    ///
    /// - `ptr` was returned by `FrozenArc::<T>::into_raw`, and the count it carries has not been
    ///   taken back by another `from_raw` (each `from_raw` consumes one count).
    #[cfg(feature = "arc-swap")]
    #[inline]
    #[allow(unsafe_code)]
    pub(crate) unsafe fn from_raw(ptr: *const T) -> Self {
        // SAFETY:
        // - by our contract `ptr` came from `triomphe::Arc::<T>::into_raw` (inside `into_raw`) and
        //   carries one count, which is what `triomphe::Arc::from_raw` requires.
        Self::from_triomphe(unsafe { triomphe::Arc::from_raw(ptr) })
    }

    /// The number of handles to this allocation (a snapshot: other threads may change it).
    ///
    /// ```
    /// use deepfreeze::FrozenArc;
    ///
    /// let a = FrozenArc::new(1);
    /// let b = a.clone();
    /// assert_eq!(FrozenArc::strong_count(&a), 2);
    /// drop(b);
    /// assert_eq!(FrozenArc::strong_count(&a), 1);
    /// ```
    #[inline]
    pub fn strong_count(this: &Self) -> usize {
        triomphe::Arc::strong_count(&this.arc)
    }

    /// Returns the value if this is the only handle, and the handle itself otherwise.
    ///
    /// ```
    /// use deepfreeze::FrozenArc;
    ///
    /// let a = FrozenArc::new(3);
    /// assert_eq!(FrozenArc::try_unwrap(a), Ok(3));
    ///
    /// let a = FrozenArc::new(4);
    /// let b = a.clone();
    /// let a = FrozenArc::try_unwrap(a).unwrap_err();
    /// assert!(FrozenArc::ptr_eq(&a, &b));
    /// ```
    #[inline]
    pub fn try_unwrap(this: Self) -> Result<T, Self> {
        triomphe::Arc::try_unwrap(Self::into_triomphe(this)).map_err(Self::from_triomphe)
    }

    /// Returns the value if this is the last handle; otherwise drops this handle and returns `None`.
    ///
    /// Unlike `try_unwrap(h).ok()`, exactly one of several threads calling `into_inner` on clones of
    /// one allocation gets the value, however their calls interleave.
    ///
    /// ```
    /// use deepfreeze::FrozenArc;
    ///
    /// let a = FrozenArc::new(String::from("last"));
    /// let b = a.clone();
    /// assert_eq!(FrozenArc::into_inner(a), None);
    /// assert_eq!(FrozenArc::into_inner(b).as_deref(), Some("last"));
    /// ```
    #[inline]
    pub fn into_inner(this: Self) -> Option<T> {
        triomphe::Arc::into_unique(Self::into_triomphe(this)).map(triomphe::UniqueArc::into_inner)
    }

    /// Returns the value if this is the only handle, and a clone of it otherwise.
    ///
    /// ```
    /// use deepfreeze::FrozenArc;
    ///
    /// let a = FrozenArc::new(vec![1, 2]);
    /// let b = a.clone();
    /// let mut owned = FrozenArc::unwrap_or_clone(a); // cloned: `b` still shares it
    /// owned.push(3);
    /// assert_eq!(owned, [1, 2, 3]);
    /// assert_eq!(FrozenArc::unwrap_or_clone(b), [1, 2]); // moved out: it was the last handle
    /// ```
    #[inline]
    pub fn unwrap_or_clone(this: Self) -> T
    where
        T: Clone,
    {
        Self::try_unwrap(this).unwrap_or_else(|shared| T::clone(&shared))
    }

    /// A mutable reference to the value if this is the only handle (clone-on-write's fast path).
    ///
    /// ```
    /// use deepfreeze::FrozenArc;
    ///
    /// let mut a = FrozenArc::new(1);
    /// *FrozenArc::get_mut(&mut a).unwrap() += 1;
    /// assert_eq!(*a, 2);
    ///
    /// let b = a.clone();
    /// assert!(FrozenArc::get_mut(&mut a).is_none()); // shared: nobody may change it
    /// # drop(b);
    /// ```
    #[inline]
    pub fn get_mut(this: &mut Self) -> Option<&mut T> {
        triomphe::Arc::get_mut(&mut this.arc)
    }

    /// A mutable reference to the value, first cloning it into a new allocation if other handles
    /// share it (clone-on-write). The other handles keep seeing the old value.
    ///
    /// ```
    /// use deepfreeze::FrozenArc;
    ///
    /// let mut mine = FrozenArc::new(vec![1, 2]);
    /// let theirs = mine.clone();
    /// FrozenArc::make_mut(&mut mine).push(3); // clones: `theirs` still shares the old vector
    /// FrozenArc::make_mut(&mut mine).push(4); // unique now: no clone
    /// assert_eq!(*mine, [1, 2, 3, 4]);
    /// assert_eq!(*theirs, [1, 2]);
    /// ```
    #[inline]
    pub fn make_mut(this: &mut Self) -> &mut T
    where
        T: Clone,
    {
        if !triomphe::Arc::is_unique(&this.arc) {
            // Assigning drops the old handle through `FrozenArc::drop` (bounded), not triomphe's.
            *this = Self::new(T::clone(this));
        }
        triomphe::Arc::make_mut(&mut this.arc)
    }
}

impl<T: 'static> Drop for FrozenArc<T> {
    #[inline]
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        // SAFETY:
        // - this is `drop`: `self.arc` is never used again after being taken.
        let arc = unsafe { ManuallyDrop::take(&mut self.arc) };
        // A count of one (an `Acquire` load, synchronizing with the other handles' `Release`
        // decrements) means no other handle exists, and none can appear: this is the last one.
        // Otherwise one `AcqRel` decrement, which returns the value exactly when this handle turned
        // out to be the last after all, so no other thread can race us to it and every last drop
        // goes through `drop_last`.
        let last = match triomphe::Arc::try_unique(arc) {
            Ok(last) => Some(last),
            Err(shared) => triomphe::Arc::into_unique(shared),
        };
        if let Some(last) = last {
            #[cfg(feature = "std")]
            deep_drop::drop_last(last);
            // Without thread-locals there is nowhere to queue deep values: drop in place.
            #[cfg(not(feature = "std"))]
            drop(last);
        }
    }
}

impl<T: 'static> Clone for FrozenArc<T> {
    /// Another handle to the same value: one atomic increment.
    #[inline]
    fn clone(&self) -> Self {
        Self::from_triomphe(triomphe::Arc::clone(&self.arc))
    }
}

impl<T: 'static> Deref for FrozenArc<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        &self.arc
    }
}

impl<T: 'static> Borrow<T> for FrozenArc<T> {
    #[inline]
    fn borrow(&self) -> &T {
        self
    }
}

impl<T: 'static> AsRef<T> for FrozenArc<T> {
    #[inline]
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T: 'static + PartialEq> PartialEq for FrozenArc<T> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        Self::ptr_eq(self, other) || **self == **other
    }
}

impl<T: 'static + Eq> Eq for FrozenArc<T> {}

impl<T: 'static + PartialOrd> PartialOrd for FrozenArc<T> {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        if Self::ptr_eq(self, other) {
            return Some(Ordering::Equal);
        }
        (**self).partial_cmp(&**other)
    }
}

impl<T: 'static + Ord> Ord for FrozenArc<T> {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        if Self::ptr_eq(self, other) {
            return Ordering::Equal;
        }
        (**self).cmp(&**other)
    }
}

impl<T: 'static + Hash> Hash for FrozenArc<T> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl<T: 'static + fmt::Debug> fmt::Debug for FrozenArc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: 'static + fmt::Display> fmt::Display for FrozenArc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl<T: 'static> fmt::Pointer for FrozenArc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Pointer::fmt(&Self::as_ptr(self), f)
    }
}

impl<T: 'static + Default> Default for FrozenArc<T> {
    #[inline]
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T: 'static> From<T> for FrozenArc<T> {
    #[inline]
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: 'static> From<UniqueArc<T>> for FrozenArc<T> {
    #[inline]
    fn from(unique: UniqueArc<T>) -> Self {
        UniqueArc::freeze(unique)
    }
}

// SAFETY:
// - `FrozenArc<T>` gives only `&T` through `&FrozenArc<T>` (`Deref`, `Borrow`, `AsRef`); the `&mut T`
//   of `get_mut`/`make_mut` needs `&mut FrozenArc<T>` and a count of one, i.e. no one else can see it.
// - The only thing that changes behind a shared handle is the reference count, which the contract
//   allows; it never changes the value.
// - Everything reachable is the `T`, which is `Frozen` (so `Send + Sync + 'static`); the handle is
//   then `Send + Sync` (triomphe requires `T: Send + Sync` for both) and `'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for FrozenArc<T> {}

/// A uniquely owned allocation that can be changed in place and then frozen into a
/// [`FrozenArc`] without copying.
///
/// Build a value where it will live, then share it: [`UniqueArc::freeze`] (or `.into()`) turns it
/// into a `FrozenArc<T>` with no allocation and no copy. `T` must be `'static`, as for
/// `FrozenArc` (see its "Dropping deep graphs").
///
/// ```
/// use deepfreeze::{arc::UniqueArc, FrozenArc};
///
/// let mut table = UniqueArc::new([0_u32; 256]);
/// for (i, slot) in table.iter_mut().enumerate() {
///     *slot = (i as u32).pow(2);
/// }
/// let table: FrozenArc<[u32; 256]> = UniqueArc::freeze(table);
/// assert_eq!(table[16], 256);
/// ```
pub struct UniqueArc<T: 'static>(triomphe::UniqueArc<T>);

impl<T: 'static> UniqueArc<T> {
    /// Moves `value` into a new, uniquely owned allocation.
    ///
    /// ```
    /// use deepfreeze::arc::UniqueArc;
    ///
    /// let mut names = UniqueArc::new(Vec::new());
    /// names.push("ada");
    /// assert_eq!(*names, ["ada"]);
    /// ```
    #[inline]
    pub fn new(value: T) -> Self {
        Self(triomphe::UniqueArc::new(value))
    }

    /// Gives up unique ownership: the allocation becomes a shared, immutable [`FrozenArc`].
    /// No copy, no allocation.
    ///
    /// An associated function (`UniqueArc::freeze(u)`), so that it never shadows a `freeze` method
    /// of `T`.
    ///
    /// ```
    /// use deepfreeze::{arc::UniqueArc, FrozenArc};
    ///
    /// let mut unique = UniqueArc::new(String::from("draft"));
    /// unique.push_str(" 2");
    /// let address = &*unique as *const String;
    /// let shared = UniqueArc::freeze(unique);
    /// assert_eq!(*shared, "draft 2");
    /// assert_eq!(FrozenArc::as_ptr(&shared), address); // same allocation
    /// ```
    #[inline]
    pub fn freeze(this: Self) -> FrozenArc<T> {
        FrozenArc::from_triomphe(triomphe::UniqueArc::shareable(this.0))
    }

    /// Moves the value out of the allocation.
    ///
    /// ```
    /// use deepfreeze::arc::UniqueArc;
    ///
    /// let unique = UniqueArc::new(7);
    /// assert_eq!(UniqueArc::into_inner(unique), 7);
    /// ```
    #[inline]
    pub fn into_inner(this: Self) -> T {
        triomphe::UniqueArc::into_inner(this.0)
    }

    /// Allocates room for a `T` without initializing it, to be written in place (useful for large
    /// values that should never be on the stack).
    ///
    /// Write it through [`DerefMut`] (`MaybeUninit::write`) or [`UniqueArc::as_mut_ptr`], then call
    /// [`UniqueArc::assume_init`].
    ///
    /// ```
    /// use deepfreeze::arc::UniqueArc;
    ///
    /// let mut slot = UniqueArc::<u64>::new_uninit();
    /// slot.write(99);
    /// // SAFETY: the value was written just above.
    /// let value = unsafe { UniqueArc::assume_init(slot) };
    /// assert_eq!(*value, 99);
    /// ```
    #[inline]
    pub fn new_uninit() -> UniqueArc<MaybeUninit<T>> {
        UniqueArc(triomphe::UniqueArc::new_uninit())
    }
}

impl<T: 'static> UniqueArc<MaybeUninit<T>> {
    /// A raw pointer to the uninitialized value, for writing it field by field.
    ///
    /// ```
    /// use deepfreeze::arc::UniqueArc;
    ///
    /// let mut slot = UniqueArc::<[u8; 4]>::new_uninit();
    /// let place: *mut [u8; 4] = UniqueArc::as_mut_ptr(&mut slot);
    /// // SAFETY: `place` is valid for writes and aligned; the array is written whole.
    /// unsafe { place.write([1, 2, 3, 4]) };
    /// // SAFETY: the value was written just above.
    /// let bytes = unsafe { UniqueArc::assume_init(slot) };
    /// assert_eq!(*bytes, [1, 2, 3, 4]);
    /// ```
    #[inline]
    pub fn as_mut_ptr(this: &mut Self) -> *mut T {
        MaybeUninit::as_mut_ptr(this)
    }

    /// Declares the value initialized.
    ///
    /// # Safety
    ///
    /// - The value must have been fully initialized (as for [`MaybeUninit::assume_init`]).
    ///
    /// ```
    /// use deepfreeze::arc::UniqueArc;
    ///
    /// let mut slot = UniqueArc::<(u8, bool)>::new_uninit();
    /// slot.write((1, true));
    /// // SAFETY: the value was written just above.
    /// let pair = unsafe { UniqueArc::assume_init(slot) };
    /// assert_eq!(*pair, (1, true));
    /// ```
    #[inline]
    #[allow(unsafe_code)]
    pub unsafe fn assume_init(this: Self) -> UniqueArc<T> {
        // SAFETY:
        // - the caller guarantees that the value is fully initialized;
        // - `this.0` is unique (a `triomphe::UniqueArc`), so nobody observes the change of type.
        UniqueArc(unsafe { triomphe::UniqueArc::assume_init(this.0) })
    }
}

impl<T: 'static> Deref for UniqueArc<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: 'static> DerefMut for UniqueArc<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T: 'static> AsRef<T> for UniqueArc<T> {
    #[inline]
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T: 'static> AsMut<T> for UniqueArc<T> {
    #[inline]
    fn as_mut(&mut self) -> &mut T {
        self
    }
}

impl<T: 'static + fmt::Debug> fmt::Debug for UniqueArc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: 'static + fmt::Display> fmt::Display for UniqueArc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl<T: 'static + Default> Default for UniqueArc<T> {
    #[inline]
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T: 'static> From<T> for UniqueArc<T> {
    #[inline]
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

// SAFETY:
// - like `Box<T>`: `&UniqueArc<T>` gives only `&T`; mutation needs `&mut UniqueArc<T>`, which proves
//   that no one else can see the value. Its reference count is never touched while it is unique.
// - Everything reachable is the `T: Frozen`; triomphe's `UniqueArc<T>` is `Send` for `T: Send` and
//   `Sync` for `T: Sync`, both implied by `Frozen`, and it is `'static` when `T` is.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for UniqueArc<T> {}
