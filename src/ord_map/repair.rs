//! Keeping an imbl B-tree valid when user code panics inside an in-place update.
//!
//! imbl 7.0.2's in-place `insert` and `remove` call user code (`Ord`, `Clone`) while they split,
//! merge and rebalance nodes, and they are not panic-safe: a `K::clone` that panics mid-split
//! drops the split-off entries while the length still counts them; one that panics mid-merge
//! leaves duplicated entries, stale separator keys (lookups that miss present keys) or a
//! forgotten node. Copying the tree first (so a panic could fall back to the copy) would make
//! every in-place update of an unshared tree copy its whole path, several times the work of the
//! update itself. So
//! single-key updates run in place, and only if they panic is the tree checked, and rebuilt from
//! the entries it still yields if it is inconsistent. Both checking and rebuilding call user code
//! again; if that panics too, the tree is left empty.

use core::mem;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

/// A B-tree that can check itself after a panic and rebuild itself from its entries.
pub(crate) trait Repair: Default {
    /// `len` agrees with iteration from both ends, keys strictly ascend, and a lookup of each
    /// key finds that very entry. O(n log n).
    fn is_consistent(&self) -> bool;

    /// A new tree of the entries this one yields, each key once. O(n log n).
    fn rebuilt(self) -> Self;
}

/// Runs the in-place `update` of `tree`; if it panics, makes `tree` consistent again (see the
/// module docs) before the panic continues.
pub(crate) fn in_place<T: Repair, R>(tree: &mut T, update: impl FnOnce(&mut T) -> R) -> R {
    match catch_unwind(AssertUnwindSafe(|| update(&mut *tree))) {
        Ok(out) => out,
        Err(payload) => {
            repair(tree);
            resume_unwind(payload)
        }
    }
}

/// Keeps `tree` if it is consistent, else replaces it by a rebuilt one, or by an empty one if
/// checking or rebuilding panics.
fn repair<T: Repair>(tree: &mut T) {
    if catch_unwind(AssertUnwindSafe(|| tree.is_consistent())).unwrap_or(false) {
        return;
    }
    let broken = mem::take(tree);
    if let Ok(rebuilt) = catch_unwind(AssertUnwindSafe(move || broken.rebuilt())) {
        *tree = rebuilt;
    }
}

impl<K: Ord + Clone, V: Clone> Repair for super::Inner<K, V> {
    fn is_consistent(&self) -> bool {
        let len = self.len();
        self.iter().count() == len
            && self.iter().rev().count() == len
            && self.keys().zip(self.keys().skip(1)).all(|(a, b)| a < b)
            && self.iter().all(|(k, _)| {
                self.get_key_value(k)
                    .is_some_and(|(found, _)| core::ptr::eq(found, k))
            })
    }

    fn rebuilt(self) -> Self {
        let mut tree = Self::new();
        for (k, v) in self {
            tree.insert(k, v);
        }
        tree
    }
}

impl<T: Ord + Clone> Repair for crate::ord_set::Inner<T> {
    fn is_consistent(&self) -> bool {
        let len = self.len();
        self.iter().count() == len
            && self.iter().rev().count() == len
            && self.iter().zip(self.iter().skip(1)).all(|(a, b)| a < b)
            && self
                .iter()
                .all(|x| self.get(x).is_some_and(|found| core::ptr::eq(found, x)))
    }

    fn rebuilt(self) -> Self {
        let mut tree = Self::new();
        for x in self {
            tree.insert(x);
        }
        tree
    }
}
