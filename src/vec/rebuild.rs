//! Rebuilding a vector's elements after an update of a short vector: straight into the new
//! exact-sized array (one allocation, no intermediate buffer), or into a tree when the result
//! no longer fits one.

use core::mem::MaybeUninit;

use triomphe::{Arc, HeaderSlice, HeaderWithLength, UniqueArc};

use super::repr::{SHORT_MAX, Storage, Tree};

/// A new short array whose elements are not all written yet.
type UninitArray<T> = UniqueArc<HeaderSlice<HeaderWithLength<()>, [MaybeUninit<T>]>>;

/// Writes the elements of a new short array of a length fixed up front, in order, into the
/// array's own allocation.
///
/// Panic-safe: if a clone panics between two writes, dropping the writer drops the elements
/// written so far and frees the allocation, so nothing leaks and nothing is dropped twice
/// (`triomphe`'s `from_header_and_iter` would leak both).
struct ArrayWriter<T> {
    /// `None` for a length of zero (no allocation).
    array: Option<UninitArray<T>>,
    /// How many leading slots of `array` hold an element.
    written: usize,
}

impl<T> ArrayWriter<T> {
    fn with_len(len: usize) -> Self {
        let array = (len > 0)
            .then(|| UniqueArc::from_header_and_uninit_slice(HeaderWithLength::new((), len), len));
        Self { array, written: 0 }
    }

    /// Writes the next element.
    ///
    /// # Panics
    ///
    /// If every slot is already written.
    #[inline]
    fn push(&mut self, value: T) {
        let slots = match &mut self.array {
            Some(array) => &mut array.slice,
            None => &mut [][..],
        };
        slots[self.written].write(value);
        self.written += 1;
    }

    /// Writes clones of `items` next, all at once if they cannot panic (a `Copy` element's
    /// clone compiles to a copy of the whole run).
    ///
    /// # Panics
    ///
    /// If fewer than `items.len()` slots are left.
    #[inline]
    fn extend_from_slice(&mut self, items: &[T])
    where
        T: Clone,
    {
        let Self { array, written } = self;
        let slots = match array {
            Some(array) => &mut array.slice[*written..],
            None => &mut [][..],
        };
        for (slot, x) in core::iter::zip(&mut slots[..items.len()], items) {
            slot.write(x.clone());
            *written += 1;
        }
    }

    /// The finished array (empty storage for a length of zero).
    ///
    /// # Panics
    ///
    /// If not every slot was written.
    #[allow(unsafe_code)]
    fn finish(mut self) -> Storage<T> {
        let Some(array) = self.array.take() else {
            return Storage::Empty;
        };
        assert_eq!(self.written, array.slice.len(), "every slot is written");
        // SAFETY:
        // - every slot of the slice is initialized: `push` writes the slots in order, and
        //   `written` (checked just above to be the slice's length) counts the slots written;
        //   the header was initialized by `from_header_and_uninit_slice`.
        let array = unsafe { array.assume_init_slice_with_header() };
        Storage::Short(Arc::into_thin(array.shareable()))
    }
}

impl<T> Drop for ArrayWriter<T> {
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        // Only reached with an array after a panic between two writes (`finish` takes it).
        if let Some(array) = &mut self.array {
            for slot in &mut array.slice[..self.written] {
                // SAFETY:
                // - the first `written` slots hold elements (`push` writes in order and then
                //   counts), each dropped once here; the array is then freed as
                //   `MaybeUninit`s, which drops nothing.
                unsafe { slot.assume_init_drop() };
            }
        }
    }
}

/// The elements of an updated vector, gathered in order: into a new short array if there are at
/// most [`SHORT_MAX`] of them, into a tree otherwise. Dropping it unfinished (a panicking clone)
/// drops what was gathered and changes nothing else.
pub(super) struct Rebuild<T>(Sink<T>);

enum Sink<T> {
    Short(ArrayWriter<T>),
    Long(Tree<T>),
}

impl<T: Clone> Rebuild<T> {
    /// A rebuild of exactly `len` elements.
    #[inline]
    pub(super) fn with_len(len: usize) -> Self {
        Rebuild(if len <= SHORT_MAX {
            Sink::Short(ArrayWriter::with_len(len))
        } else {
            Sink::Long(Tree::new())
        })
    }

    /// Appends `value`.
    #[inline]
    pub(super) fn push(&mut self, value: T) {
        match &mut self.0 {
            Sink::Short(writer) => writer.push(value),
            Sink::Long(tree) => tree.push_back(value),
        }
    }

    /// Appends clones of `items`.
    #[inline]
    pub(super) fn extend_from_slice(&mut self, items: &[T]) {
        match &mut self.0 {
            Sink::Short(writer) => writer.extend_from_slice(items),
            Sink::Long(tree) => items.iter().for_each(|x| tree.push_back(x.clone())),
        }
    }

    /// The storage of the gathered elements.
    pub(super) fn finish(self) -> Storage<T> {
        match self.0 {
            Sink::Short(writer) => writer.finish(),
            Sink::Long(tree) => Storage::Long(Arc::new(tree)),
        }
    }
}
