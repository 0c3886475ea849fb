//! [rayon](https://docs.rs/rayon) support (feature `rayon`): parallel iteration over every
//! frozen collection, and parallel collection into them.
//!
//! A frozen snapshot is the ideal input for data parallelism: every worker reads the same nodes,
//! with no lock and no copy, and nothing can change them meanwhile. With this feature,
//!
//! - `par_iter()` ([`IntoParallelRefIterator`](rayon::iter::IntoParallelRefIterator)) and the
//!   owning `into_par_iter()` ([`IntoParallelIterator`](rayon::iter::IntoParallelIterator)) work
//!   on [`FrozenSlice`](crate::FrozenSlice), [`FrozenVec`](crate::FrozenVec),
//!   [`FrozenMap`](crate::FrozenMap), [`FrozenSet`](crate::FrozenSet),
//!   [`FrozenOrdMap`](crate::FrozenOrdMap) and [`FrozenOrdSet`](crate::FrozenOrdSet). The
//!   sequences and the ordered containers are
//!   [`IndexedParallelIterator`](rayon::iter::IndexedParallelIterator)s (`len`, `enumerate`,
//!   `zip`, `rev`), and the ordered containers yield in key order through `collect`; the hash
//!   containers are unindexed, as std's `HashMap` is under rayon, and yield in the order of
//!   their serial `iter`;
//! - `par_iter_mut()` ([`IntoParallelRefMutIterator`](rayon::iter::IntoParallelRefMutIterator))
//!   and [`par_values_mut`](crate::FrozenMap::par_values_mut) work on `FrozenMap`, the one
//!   container with `iter_mut`, and copy each node that another version shares as a worker
//!   reaches it, as the serial `iter_mut` does;
//! - `collect()` ([`FromParallelIterator`](rayon::iter::FromParallelIterator)) builds each of
//!   them, and `par_extend` ([`ParallelExtend`](rayon::iter::ParallelExtend)) extends the
//!   growable ones, with the serial `collect` and `extend`'s results (in order; for the maps a
//!   later entry for a key replaces an earlier one's value, as in `HashMap::from_iter` and
//!   `BTreeMap::from_iter`; the hash sets keep the first of equal elements, as `HashSet` does).
//!
//! | type | `par_iter` splits | `collect` builds |
//! |---|---|---|
//! | [`FrozenSlice`](crate::FrozenSlice) | by index (rayon's slice iterator) | a `Vec` in parallel, then one array |
//! | [`FrozenVec`](crate::FrozenVec) | by index range; each worker reads whole leaves as slices | a `Vec` in parallel, then the tree |
//! | [`FrozenMap`](crate::FrozenMap), [`FrozenSet`](crate::FrozenSet) | by trie node: a piece is a list of whole sub-tries, halved at a child boundary (`par_iter_mut` too) | hashes and sorts into trie order in parallel, then builds the trie in one pass |
//! | [`FrozenOrdMap`](crate::FrozenOrdMap), [`FrozenOrdSet`](crate::FrozenOrdSet) | gathers references first, two workers walking from both ends (imbl's B-tree exposes no nodes), then by index | one tree per worker, then merged |
//!
//! There is no `par_iter_mut` on `FrozenVec` and `FrozenOrdMap`, which have no serial
//! `iter_mut` either (see their docs).
//!
//! ```
//! use deepfreeze::{FrozenMap, FrozenOrdMap, FrozenVec};
//! use rayon::prelude::*;
//!
//! let prices: FrozenVec<u64> = (1..=1_000).collect();
//! let total: u64 = prices.par_iter().sum();
//! assert_eq!(total, 500_500);
//!
//! // Collect in parallel into a frozen container, in order.
//! let squares: FrozenVec<u64> = prices.par_iter().map(|p| p * p).collect();
//! assert_eq!(squares[9], 100);
//!
//! let by_name: FrozenOrdMap<String, usize> =
//!     ["b", "a", "c"].par_iter().map(|s| (s.to_string(), s.len())).collect();
//! let names: Vec<&String> = by_name.par_iter().map(|(k, _)| k).collect();
//! assert_eq!(names, ["a", "b", "c"]);
//!
//! // The hash containers split their trie by node.
//! let mut stock: FrozenMap<u32, u64> = (0..1_000).map(|k| (k, 1)).collect();
//! let snapshot = stock.clone();
//! stock.par_iter_mut().for_each(|(k, v)| *v += u64::from(*k));
//! assert_eq!(stock.par_iter().map(|(_, v)| v).sum::<u64>(), 1_000 + 499_500);
//! assert_eq!(snapshot[&999], 1); // copy-on-write: the snapshot is unchanged
//! ```

use core::sync::atomic::{AtomicUsize, Ordering};

mod collect;
pub mod map;
pub mod ord_map;
pub mod ord_set;
pub mod set;
pub mod slice;
mod tree;
mod trie;
pub mod vec;

/// Implements `ParallelIterator` and `IndexedParallelIterator` for a type with `item_count(&self)` and
/// `gather(self) -> Vec<Item>` (its items in order), by running rayon's `Vec` iterator over the
/// gathered items.
macro_rules! gathered_parallel_iterator {
    ($ty:ty, $item:ty, [$($generics:tt)*], [$($bounds:tt)*]) => {
        impl<$($generics)*> ParallelIterator for $ty
        where
            $($bounds)*
        {
            type Item = $item;

            fn drive_unindexed<C: UnindexedConsumer<$item>>(self, consumer: C) -> C::Result {
                self.gather().into_par_iter().drive_unindexed(consumer)
            }

            fn opt_len(&self) -> Option<usize> {
                Some(self.item_count())
            }
        }

        impl<$($generics)*> IndexedParallelIterator for $ty
        where
            $($bounds)*
        {
            fn len(&self) -> usize {
                self.item_count()
            }

            fn drive<C: Consumer<$item>>(self, consumer: C) -> C::Result {
                self.gather().into_par_iter().drive(consumer)
            }

            fn with_producer<CB: ProducerCallback<$item>>(self, callback: CB) -> CB::Output {
                self.gather().into_par_iter().with_producer(callback)
            }
        }
    };
}

pub(crate) use gathered_parallel_iterator;

/// The `len` items of a double-ended iterator, in order, walked from both ends at once: one
/// worker takes blocks from the front, another from the back, until their blocks together cover
/// all `len` items. On two threads this halves the time of a serial walk, which is what a
/// B-tree whose nodes cannot be split costs to read.
///
/// `front` and `back` must be two iterators over the same `len` items.
fn gather_from_both_ends<I>(front: I, back: I, len: usize) -> Vec<I::Item>
where
    I: DoubleEndedIterator + Send,
    I::Item: Send,
{
    /// Items claimed at a time: enough to make the shared counter's traffic negligible.
    const BLOCK: usize = 1024;
    if len <= BLOCK || rayon::current_num_threads() == 1 {
        return front.take(len).collect();
    }
    // The number of items claimed by either walker. Each claim is a disjoint block of the
    // count, so the two walkers' blocks add up to exactly `len` and never overlap.
    let claimed = AtomicUsize::new(0);
    let walk = |mut iter: I, from_back: bool| {
        let mut items = Vec::with_capacity(len / 2 + BLOCK);
        loop {
            let start = claimed.fetch_add(BLOCK, Ordering::Relaxed);
            if start >= len {
                return items;
            }
            let block = BLOCK.min(len - start);
            if from_back {
                items.extend(iter.by_ref().rev().take(block));
            } else {
                items.extend(iter.by_ref().take(block));
            }
        }
    };
    let (mut items, from_back) = rayon::join(|| walk(front, false), || walk(back, true));
    items.extend(from_back.into_iter().rev());
    debug_assert_eq!(items.len(), len);
    items
}
