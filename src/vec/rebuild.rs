//! Rebuilding a vector's elements after an update of a short vector: straight into the new
//! exact-sized array (one allocation, no intermediate buffer), or, for the updates that take it
//! past the threshold, into a tree.

use core::mem::MaybeUninit;

use triomphe::{Arc, HeaderWithLength, UniqueArc};

use super::repr::{SHORT_MAX, Storage, Tree};

/// Writes the elements of a new short array, in order, into the slots of the array's own
/// allocation, which [`rebuilt`] owns.
///
/// Panic-safe: if a clone panics between two writes, dropping the writer drops the elements
/// written so far, and then [`rebuilt`]'s array is freed as `MaybeUninit`s, so nothing leaks and
/// nothing is dropped twice (`triomphe`'s `from_header_and_iter` would leak both).
pub(super) struct ArrayWriter<'a, T> {
    /// Every slot of the new array.
    slots: &'a mut [MaybeUninit<T>],
    /// How many leading slots of `slots` hold an element.
    written: usize,
}

impl<T> ArrayWriter<'_, T> {
    /// Writes the next element.
    ///
    /// # Panics
    ///
    /// If every slot is already written.
    #[inline]
    pub(super) fn push(&mut self, value: T) {
        self.slots[self.written].write(value);
        self.written += 1;
    }

    /// Writes clones of `items` next, all at once if they cannot panic (a `Copy` element's
    /// clone compiles to a copy of the whole run).
    ///
    /// # Panics
    ///
    /// If fewer than `items.len()` slots are left.
    #[inline]
    pub(super) fn extend_from_slice(&mut self, items: &[T])
    where
        T: Clone,
    {
        let Self { slots, written } = self;
        for (slot, x) in core::iter::zip(&mut slots[*written..][..items.len()], items) {
            slot.write(x.clone());
            *written += 1;
        }
    }
}

impl<T> Drop for ArrayWriter<'_, T> {
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        // Only reached after a panic between two writes (`rebuilt` forgets a finished writer).
        for slot in &mut self.slots[..self.written] {
            // SAFETY:
            // - the first `written` slots hold elements (`push` and `extend_from_slice` write
            //   in order and then count), each dropped once here; the array is then freed as
            //   `MaybeUninit`s, which drops nothing.
            unsafe { slot.assume_init_drop() };
        }
    }
}

/// The storage of the `len` elements that `fill` writes, in order, straight into a new
/// exact-sized short array (one allocation; none, and no call of `fill`, for a length of
/// zero). `len` is at most
/// [`SHORT_MAX`]: the callers only shrink a short vector, keep its length, or grow one that is
/// below the threshold, and [`grown`] handles the growth past it. If a clone panics, what was
/// written is dropped and freed, and nothing else changed.
///
/// # Panics
///
/// If `fill` writes more or fewer than `len` (non-zero) elements.
#[inline]
#[allow(unsafe_code)]
pub(super) fn rebuilt<T: Clone>(
    len: usize,
    fill: impl FnOnce(&mut ArrayWriter<'_, T>),
) -> Storage<T> {
    debug_assert!(
        len <= SHORT_MAX,
        "a short vector holds at most SHORT_MAX elements"
    );
    if len == 0 {
        // Nothing to write: `fill` could only write nothing (or panic on a slot that is not
        // there), so it is not called, and stays inlined once.
        return Storage::Empty;
    }
    let mut array: UniqueArc<_> =
        UniqueArc::from_header_and_uninit_slice(HeaderWithLength::new((), len), len);
    let mut out = ArrayWriter {
        slots: &mut array.slice,
        written: 0,
    };
    fill(&mut out);
    assert!(out.written == len, "every slot is written");
    // The elements now belong to the array: the writer must not drop them.
    core::mem::forget(out);
    // SAFETY:
    // - every slot of the slice is initialized: the writer writes the slots in order, and
    //   `written` (checked just above to be the slice's length) counts the slots written; the
    //   header was initialized by `from_header_and_uninit_slice`.
    let array = unsafe { array.assume_init_slice_with_header() };
    Storage::Short(Arc::into_thin(array.shareable()))
}

/// The storage of `head`, then `value`, then `tail` (clones of a short vector's elements and the
/// new one), after an update that takes a short vector past [`SHORT_MAX`]: a tree, built by
/// pushes at the back (no `insert` or `push_front` into a tree imbl may keep inline). Out of
/// line and cold: a short vector grows into a tree once, and the updates that stay short should
/// not carry this code. If a clone panics, the partial tree and `value` are dropped.
#[cold]
#[inline(never)]
pub(super) fn grown<T: Clone>(head: &[T], value: T, tail: &[T]) -> Storage<T> {
    let mut tree = Tree::new();
    head.iter().for_each(|x| tree.push_back(x.clone()));
    tree.push_back(value);
    tail.iter().for_each(|x| tree.push_back(x.clone()));
    Storage::Long(Arc::new(tree))
}
