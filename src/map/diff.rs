//! [`Diff`], the differences between two versions of a [`FrozenMap`](super::FrozenMap), as
//! [`DiffItem`]s.

use core::fmt;
use core::iter::FusedIterator;

use alloc::vec::Vec;

use crate::diff_item::DiffItem;
use crate::hash_trie::Change;

/// The iterator returned by [`FrozenMap::diff`](super::FrozenMap::diff): the changes from one
/// map to another, in an arbitrary order. The differences are found when `diff` is called (the
/// walk skips the sub-tries the two maps share) and then handed out one by one.
///
/// ```
/// use deepfreeze::FrozenMap;
/// use deepfreeze::map::DiffItem;
///
/// let old: FrozenMap<u32, u32> = (0..1000).map(|k| (k, k)).collect();
/// let new = old.without(&500);
/// assert_eq!(old.diff(&new).collect::<Vec<_>>(), [DiffItem::Remove(&500, &500)]);
/// assert_eq!(new.diff(&old).collect::<Vec<_>>(), [DiffItem::Add(&500, &500)]);
/// ```
pub struct Diff<'a, 'b, K, V> {
    changes: alloc::vec::IntoIter<Change<'a, 'b, K, V>>,
}

impl<'a, 'b, K, V> Diff<'a, 'b, K, V> {
    pub(super) fn new(changes: Vec<Change<'a, 'b, K, V>>) -> Self {
        Self {
            changes: changes.into_iter(),
        }
    }
}

impl<'a, 'b, K, V> Iterator for Diff<'a, 'b, K, V> {
    type Item = DiffItem<'a, 'b, K, V>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.changes.next()? {
            Change::Added(key, value) => DiffItem::Add(key, value),
            Change::Updated(old, new) => DiffItem::Update { old, new },
            Change::Removed(key, value) => DiffItem::Remove(key, value),
        })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.changes.size_hint()
    }
}

impl<K, V> ExactSizeIterator for Diff<'_, '_, K, V> {}
impl<K, V> FusedIterator for Diff<'_, '_, K, V> {}

impl<K, V> fmt::Debug for Diff<'_, '_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Diff")
            .field("remaining", &self.len())
            .finish()
    }
}
