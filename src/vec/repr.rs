//! The two representations of a [`FrozenVec`](super::FrozenVec) and the moves between them.
//!
//! - **Short** (at most [`SHORT_MAX`] elements): one exact-sized `triomphe::ThinArc<(), T>`
//!   allocation holding a reference count, the length and the elements, nothing else. An update
//!   writes the new elements straight into the new array (`rebuild.rs`); a panic in `T::clone`
//!   drops what was written and frees it, leaving the vector as it was.
//! - **Long**: imbl's RRB tree (`GenericVector<T, ArcTK>`) behind a `triomphe::Arc`, so the
//!   handle stays one pointer and a clone is one atomic increment. In-place updates go through
//!   `Arc::make_mut` (an O(1) copy of the tree's root handle when shared) and then imbl's
//!   copy-on-write.
//! - **Empty**: no allocation.
//!
//! The handle is a tag and a pointer: 16 bytes, and the unused tag values give `Option` its
//! niche. Bulk operations (`split_off`, `truncate`, `retain`, `slice`, collecting) leave a
//! vector of at most [`SHORT_MAX`] elements short; single removals (`pop_*`, `remove`) turn a
//! long vector short only once it is down to [`SHORT_MAX`]` / 2`, so that pushing and popping
//! around the threshold does not convert back and forth on every call.

use archery::ArcTK;
use imbl::GenericVector;
use triomphe::{Arc, HeaderWithLength, ThinArc};

/// The RRB tree of a long vector.
pub(super) type Tree<T> = GenericVector<T, ArcTK>;

/// The most elements a short vector holds; one more and the vector becomes a tree.
///
/// 32: every update of a short vector clones all its elements, so an update costs more the
/// higher the threshold, while lookups and iteration of a 32-element array are already as fast
/// as a slice's (`benches/collections.rs`, groups `vector_short_*`, which also measure the tree
/// at 48 and 64 elements). Above 32, imbl's tree of 64-slot chunks takes over.
pub(super) const SHORT_MAX: usize = 32;

/// A long vector that single removals bring down to this many elements becomes short.
pub(super) const SHORTEN_AT: usize = SHORT_MAX / 2;

/// The storage of a [`FrozenVec`](super::FrozenVec).
pub(super) enum Storage<T> {
    /// No elements, no allocation.
    Empty,
    /// One exact-sized shared array (never empty).
    Short(ThinArc<(), T>),
    /// An RRB tree, shared by the clones of this vector.
    Long(Arc<Tree<T>>),
}

/// A borrowed view of a vector's elements in its current representation: a slice for a short
/// (or empty) vector, imbl's tree for a long one. For code inside the crate that walks the
/// structure itself (iteration, parallel splitting).
pub(crate) enum Repr<'a, T> {
    /// The elements of a short or empty vector, in order.
    Short(&'a [T]),
    /// The tree of a long vector.
    Long(&'a Tree<T>),
}

impl<T> Storage<T> {
    /// The borrowed view of the elements.
    #[inline]
    pub(super) fn repr(&self) -> Repr<'_, T> {
        match self {
            Storage::Empty => Repr::Short(&[]),
            Storage::Short(array) => Repr::Short(&array.slice),
            Storage::Long(tree) => Repr::Long(tree),
        }
    }

    #[inline]
    pub(super) fn len(&self) -> usize {
        match self {
            Storage::Empty => 0,
            Storage::Short(array) => array.slice.len(),
            Storage::Long(tree) => tree.len(),
        }
    }

    /// A short or empty vector's elements (`None` for a long one).
    #[inline]
    pub(super) fn as_slice(&self) -> Option<&[T]> {
        match self.repr() {
            Repr::Short(slice) => Some(slice),
            Repr::Long(_) => None,
        }
    }

    /// Moves the elements of `vec` into one exact-sized allocation (none if `vec` is empty),
    /// whatever its length. Cannot panic in user code: the elements are moved, not cloned.
    pub(super) fn short_from_vec(vec: Vec<T>) -> Self {
        if vec.is_empty() {
            return Storage::Empty;
        }
        let header = HeaderWithLength::new((), vec.len());
        Storage::Short(Arc::into_thin(Arc::from_header_and_vec(header, vec)))
    }

    /// Runs `edit` on the elements of a short vector that no clone shares, in place, and returns
    /// its result; `None` (and `edit` is not called) if the vector is not short or is shared.
    pub(super) fn edit_unique_short<R>(&mut self, edit: impl FnOnce(&mut [T]) -> R) -> Option<R> {
        let Storage::Short(array) = self else {
            return None;
        };
        // `with_arc_mut` restores the handle even if `edit` panics; the length cannot change
        // through `slice_mut`.
        array.with_arc_mut(|arc| triomphe::Arc::get_mut(arc).map(|inner| edit(inner.slice_mut())))
    }

    /// `true` if the two are the same allocation (or both empty).
    pub(super) fn same_allocation(&self, other: &Self) -> bool {
        match (self, other) {
            (Storage::Empty, Storage::Empty) => true,
            (Storage::Short(a), Storage::Short(b)) => a.ptr() == b.ptr(),
            (Storage::Long(a), Storage::Long(b)) => Arc::ptr_eq(a, b) || a.ptr_eq(b),
            _ => false,
        }
    }
}

impl<T: Clone> Storage<T> {
    /// The storage for the elements of `vec`: short if there are at most [`SHORT_MAX`]
    /// (moved), a tree otherwise.
    pub(super) fn from_vec(vec: Vec<T>) -> Self {
        if vec.len() <= SHORT_MAX {
            Self::short_from_vec(vec)
        } else {
            Storage::Long(Arc::new(vec.into_iter().collect()))
        }
    }

    /// The storage for `tree`: short (elements cloned) if it holds at most [`SHORT_MAX`],
    /// otherwise the tree itself.
    pub(super) fn from_tree(tree: Tree<T>) -> Self {
        if tree.len() <= SHORT_MAX {
            Self::short_from_vec(tree.iter().cloned().collect())
        } else {
            Storage::Long(Arc::new(tree))
        }
    }

    /// The storage for `slice`, its elements cloned.
    pub(super) fn from_slice(slice: &[T]) -> Self {
        if slice.len() <= SHORT_MAX {
            super::rebuild::rebuilt(slice.len(), |out| out.extend_from_slice(slice))
        } else {
            Storage::Long(Arc::new(slice.iter().cloned().collect()))
        }
    }

    /// The tree of a long vector, unshared (copied in O(1) if a clone shares it), for an
    /// in-place update; `None` for a short or empty vector.
    #[inline]
    pub(super) fn tree_mut(&mut self) -> Option<&mut Tree<T>> {
        let Storage::Long(tree) = self else {
            return None;
        };
        // `Arc::make_mut` with its copy out of line: the in-place updates of an unshared tree
        // (the common case) then stay small enough to inline.
        if !tree.is_unique() {
            unshare(tree);
        }
        triomphe::Arc::get_mut(tree)
    }

    /// The tree of a long vector if no clone shares it, for an in-place update; `None` for a
    /// shared tree (see [`unshare_tree`](Self::unshare_tree)) and for a short or empty vector.
    /// One read of the count, for the fast paths of the most frequent updates.
    #[inline]
    pub(super) fn unshared_tree_mut(&mut self) -> Option<&mut Tree<T>> {
        match self {
            Storage::Long(tree) => triomphe::Arc::get_mut(tree),
            _ => None,
        }
    }

    /// Gives a long vector a tree of its own (an O(1) copy of the root handle if a clone shares
    /// it) and returns `true`; `false` for a short or empty vector.
    pub(super) fn unshare_tree(&mut self) -> bool {
        self.tree_mut().is_some()
    }

    /// A tree with the elements, sharing the nodes of a long vector (O(1)) or cloning those of a
    /// short one.
    pub(super) fn to_tree(&self) -> Tree<T> {
        match self.repr() {
            Repr::Short(slice) => slice.iter().cloned().collect(),
            Repr::Long(tree) => tree.clone(),
        }
    }

    /// A copy whose long tree, if any, is not shared with `self`, so that an in-place update of
    /// the copy does not have to copy the tree's root handle again.
    pub(super) fn detached(&self) -> Self {
        match self {
            Storage::Empty => Storage::Empty,
            Storage::Short(array) => Storage::Short(array.clone()),
            Storage::Long(tree) => Storage::Long(Arc::new(Tree::clone(tree))),
        }
    }

    /// Turns a long vector of at most `max` elements short (cloning its elements); does nothing
    /// otherwise. If a clone panics, the vector stays long and unchanged.
    #[inline]
    pub(super) fn shorten_if_at_most(&mut self, max: usize) {
        if let Storage::Long(tree) = self {
            if tree.len() <= max {
                self.shorten();
            }
        }
    }

    /// Turns a long vector short (cloning its elements); does nothing to a short or empty one.
    /// If a clone panics, the vector stays long and unchanged. The cold half of
    /// [`shorten_if_at_most`](Self::shorten_if_at_most), for callers that have checked the
    /// length themselves.
    #[cold]
    #[inline(never)]
    pub(super) fn shorten(&mut self) {
        if let Repr::Long(tree) = self.repr() {
            *self = Self::short_from_vec(tree.iter().cloned().collect());
        }
    }
}

/// Replaces a shared tree's root handle by an unshared copy (O(1): the nodes stay shared).
#[cold]
#[inline(never)]
fn unshare<T: Clone>(tree: &mut Arc<Tree<T>>) {
    *tree = Arc::new(Tree::clone(tree));
}

/// Collects elements one at a time into a vector's storage: into a `Vec` while they fit a short
/// vector, into a tree from the first element past [`SHORT_MAX`]. For `FromIterator`, `Extend`
/// and the deserializers, so that building a short vector costs one final exact-sized allocation
/// instead of one per element.
pub(crate) struct Builder<T> {
    state: BuilderState<T>,
}

enum BuilderState<T> {
    Short(Vec<T>),
    Long(Tree<T>),
}

impl<T: Clone> Builder<T> {
    /// An empty builder expecting at least `hint` elements: it starts as a tree if they will not
    /// fit a short vector (a low hint only costs a buffer of at most [`SHORT_MAX`]).
    pub(crate) fn with_hint(hint: usize) -> Self {
        let state = if hint > SHORT_MAX {
            BuilderState::Long(Tree::new())
        } else {
            BuilderState::Short(Vec::with_capacity(hint))
        };
        Self { state }
    }

    /// A builder that starts from the first `len` elements of `storage` (sharing a long tree's
    /// nodes, cloning a short vector's elements).
    pub(super) fn starting_from(storage: &Storage<T>, len: usize) -> Self {
        let state = match storage.repr() {
            Repr::Short(slice) => BuilderState::Short(slice[..len].to_vec()),
            Repr::Long(tree) if len <= SHORT_MAX => {
                BuilderState::Short(tree.iter().take(len).cloned().collect())
            }
            Repr::Long(tree) => BuilderState::Long(tree.take(len)),
        };
        Self { state }
    }

    /// Appends `value`.
    #[inline]
    pub(crate) fn push(&mut self, value: T) {
        match &mut self.state {
            BuilderState::Short(vec) if vec.len() < SHORT_MAX => vec.push(value),
            BuilderState::Short(vec) => {
                let mut tree: Tree<T> = core::mem::take(vec).into_iter().collect();
                tree.push_back(value);
                self.state = BuilderState::Long(tree);
            }
            BuilderState::Long(tree) => tree.push_back(value),
        }
    }

    /// The storage of the elements pushed so far (short if there are at most [`SHORT_MAX`]).
    pub(super) fn finish_storage(self) -> Storage<T> {
        match self.state {
            BuilderState::Short(vec) => Storage::short_from_vec(vec),
            BuilderState::Long(tree) => Storage::from_tree(tree),
        }
    }

    /// The vector of the elements pushed so far.
    pub(crate) fn finish(self) -> super::FrozenVec<T> {
        super::FrozenVec::from_storage(self.finish_storage())
    }
}
