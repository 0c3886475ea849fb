//! The read-only descents: [`get`](super::HashTrie::get) for every lookup and
//! [`find`](super::HashTrie::find) for the updates that need to know where an entry is.
//!
//! A descent's instructions are mostly bit counting: one population count per level (a node's
//! slot index is the number of set bitmap bits below the key's fragment). Baseline x86-64 has no
//! `popcnt` instruction, and the portable bit trick `count_ones` falls back to is about 15
//! instructions, as many as the rest of a level. So, on x86-64 with `std`, the descents run in a
//! copy compiled with `popcnt` enabled when the processor has it (detected once by std and
//! cached). Under Miri, without `std`, on other architectures, and when the build already
//! enables `popcnt`, there is only the portable copy.

use super::node::{BITS, HASH_BITS, Node, Slot};
use super::{HashTrie, Location};

/// Levels with a bitmap on every path (fragments at shifts 0, 5, ..., 30); below them is the
/// collision level.
const LEVELS: u32 = HASH_BITS.div_ceil(BITS);

impl<K, V> HashTrie<K, V> {
    /// The entry whose key satisfies `is_key`, among those whose stored hash is `hash()`.
    ///
    /// The read path of every lookup: unlike [`find`](Self::find) it keeps no location, and it
    /// runs `is_key` only on an entry whose stored hash matches. `hash` is not called on an
    /// empty trie; it is called inside [`with_popcnt`], so the hashing, the descent and the key
    /// comparison are one function without a call between them.
    #[inline]
    pub(crate) fn get(
        &self,
        hash: impl FnOnce() -> u32,
        mut is_key: impl FnMut(&K) -> bool,
    ) -> Option<(&K, &V)> {
        let root = self.root.as_ref()?;
        with_popcnt(move || get_in(root, hash(), &mut is_key))
    }

    /// Finds the entry with `hash` whose key satisfies `is_key`, and where it is.
    #[inline]
    pub(crate) fn find(
        &self,
        hash: u32,
        mut is_key: impl FnMut(&K) -> bool,
    ) -> Option<(Location, &K, &V)> {
        let root = self.root.as_ref()?;
        with_popcnt(move || find_in(root, hash, &mut is_key))
    }
}

/// [`HashTrie::get`] below `root`. Always inlined, so that the copy inside [`with_popcnt`]'s
/// `popcnt` variant counts bits with the instruction. The same descent as [`find_in`] without
/// the [`Location`]: calling `find_in` and dropping the location compiles to more instructions
/// per lookup (callgrind, `examples/hash_instructions.rs`), and `get` is the hot path.
#[inline(always)]
fn get_in<'a, K, V>(
    root: &'a Node<K, V>,
    hash: u32,
    is_key: &mut impl FnMut(&K) -> bool,
) -> Option<(&'a K, &'a V)> {
    let mut node = root;
    // The fragments not consumed yet, lowest first: one shift per level instead of a shift by
    // a variable amount.
    let mut rest = hash;
    for _ in 0..LEVELS {
        let bit = 1 << (rest & 31);
        let bitmaps = node.header;
        if bitmaps.data & bit != 0 {
            return match node.slice.get(bitmaps.data_index(bit)) {
                Some(Slot::Entry {
                    hash: stored,
                    key,
                    value,
                }) if *stored == hash && is_key(key) => Some((key, value)),
                _ => None,
            };
        }
        if bitmaps.nodes & bit == 0 {
            return None;
        }
        match node.slice.get(bitmaps.node_index(bit)) {
            Some(Slot::Child(child)) => node = child,
            _ => return None,
        }
        rest >>= BITS;
    }
    node.slice.iter().find_map(|slot| match slot {
        Slot::Entry { key, value, .. } if is_key(key) => Some((key, value)),
        _ => None,
    })
}

/// [`HashTrie::find`] below `root`; always inlined, as [`get_in`] is.
#[inline(always)]
fn find_in<'a, K, V>(
    root: &'a Node<K, V>,
    hash: u32,
    is_key: &mut impl FnMut(&K) -> bool,
) -> Option<(Location, &'a K, &'a V)> {
    let mut node = root;
    let mut rest = hash;
    for depth in 0..LEVELS as usize {
        let bit = 1 << (rest & 31);
        let bitmaps = node.header;
        if bitmaps.data & bit != 0 {
            let index = bitmaps.data_index(bit);
            return match node.slice.get(index) {
                Some(Slot::Entry {
                    hash: stored,
                    key,
                    value,
                }) if *stored == hash && is_key(key) => {
                    Some((Location { depth, index }, key, value))
                }
                _ => None,
            };
        }
        if bitmaps.nodes & bit == 0 {
            return None;
        }
        match node.slice.get(bitmaps.node_index(bit)) {
            Some(Slot::Child(child)) => node = child,
            _ => return None,
        }
        rest >>= BITS;
    }
    let depth = LEVELS as usize;
    node.slice
        .iter()
        .enumerate()
        .find_map(|(index, slot)| match slot {
            Slot::Entry { key, value, .. } if is_key(key) => {
                Some((Location { depth, index }, key, value))
            }
            _ => None,
        })
}

#[cfg(all(
    feature = "std",
    target_arch = "x86_64",
    not(target_feature = "popcnt"),
    not(miri)
))]
use detected::with_popcnt;

/// The portable build: `count_ones` is whatever the target enables (`popcnt` itself when the
/// build targets it).
#[cfg(not(all(
    feature = "std",
    target_arch = "x86_64",
    not(target_feature = "popcnt"),
    not(miri)
)))]
#[inline(always)]
fn with_popcnt<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// The runtime choice between a `popcnt` copy and the portable one.
#[cfg(all(
    feature = "std",
    target_arch = "x86_64",
    not(target_feature = "popcnt"),
    not(miri)
))]
#[allow(unsafe_code)]
mod detected {
    /// Runs `f`, compiled with the `popcnt` instruction enabled if the processor has it.
    ///
    /// `f` and what it inlines are compiled twice: into [`popcnt`] (chosen when the feature is
    /// detected) and into the portable path. The check is a load and a test of std's cached
    /// feature word.
    #[inline(always)]
    pub(super) fn with_popcnt<R>(f: impl FnOnce() -> R) -> R {
        if std::is_x86_feature_detected!("popcnt") {
            // SAFETY: `popcnt` is `#[target_feature(enable = "popcnt")]`, which is sound to call
            // exactly when the processor running this code supports that feature:
            // - `is_x86_feature_detected!("popcnt")` just returned `true`, so it does (std asks
            //   the processor with `cpuid`, once, and caches the answer).
            // `popcnt` has no other precondition: it only calls `f`, a safe closure.
            unsafe { popcnt(f) }
        } else {
            portable(f)
        }
    }

    /// Calls `f`, out of line like [`popcnt`]: the caller then holds only the check and two
    /// calls, not a third copy of `f` whose registers it would have to save on every call.
    #[inline(never)]
    fn portable<R>(f: impl FnOnce() -> R) -> R {
        f()
    }

    /// Calls `f`, with `f` (and what it inlines) compiled for processors with `popcnt`.
    ///
    /// # Safety
    ///
    /// The processor must support `popcnt`.
    #[target_feature(enable = "popcnt")]
    #[inline]
    unsafe fn popcnt<R>(f: impl FnOnce() -> R) -> R {
        f()
    }
}
