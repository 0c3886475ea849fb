//! [`DiffItem`], one step of a map diff: the item type of both `map::Diff` and `ord_map::Diff`,
//! so code that applies a diff serves either map.

/// One difference between two versions of a map, as yielded by
/// [`FrozenMap::diff`](crate::FrozenMap::diff) and [`FrozenOrdMap::diff`]: what to apply to the
/// old map (`'a`) to get the new one (`'b`). The same type is reachable as
/// `deepfreeze::map::DiffItem` and `deepfreeze::ord_map::DiffItem`.
///
/// ```
/// use deepfreeze::FrozenMap;
/// use deepfreeze::map::DiffItem;
///
/// let old = FrozenMap::from([("x", 1)]);
/// let new = FrozenMap::from([("x", 2)]);
/// match old.diff(&new).next() {
///     Some(DiffItem::Update { old: (k, before), new: (_, after) }) => {
///         assert_eq!((*k, *before, *after), ("x", 1, 2));
///     }
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[cfg_attr(
    feature = "std",
    doc = "[`FrozenOrdMap::diff`]: crate::FrozenOrdMap::diff"
)]
#[cfg_attr(
    not(feature = "std"),
    doc = "[`FrozenOrdMap::diff`]: https://docs.rs/deepfreeze/latest/deepfreeze/struct.FrozenOrdMap.html#method.diff"
)]
#[derive(Debug, PartialEq, Eq)]
pub enum DiffItem<'a, 'b, K, V> {
    /// The key is only in the new map, with this value.
    Add(&'b K, &'b V),
    /// The key is in both maps, with different values.
    Update {
        /// The entry in the old map.
        old: (&'a K, &'a V),
        /// The entry in the new map.
        new: (&'b K, &'b V),
    },
    /// The key is only in the old map, with this value.
    Remove(&'a K, &'a V),
}

impl<K, V> Clone for DiffItem<'_, '_, K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for DiffItem<'_, '_, K, V> {}
