//! Helpers for the iterators' `Debug` impls (the policy is in docs/DESIGN.md, "Iterator
//! `Debug`"): an iterator shows the items it has yet to yield, from a clone of itself, so that
//! formatting never consumes it.

use core::fmt;

/// Formats as the list of the items a clone of the iterator yields: `[a, b]`.
pub(crate) struct Remaining<I>(pub(crate) I);

impl<I> fmt::Debug for Remaining<I>
where
    I: Iterator + Clone,
    I::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.clone()).finish()
    }
}
