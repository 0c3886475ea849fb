//! The read-only descents: [`get_in_context`](super::HashTrie::get_in_context) for every lookup
//! and [`find`](super::HashTrie::find) for the updates that need to know where an entry is.
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
    /// The entry of `trie(context)` whose stored hash is `hash(context)` and whose key satisfies
    /// `is_key`.
    ///
    /// The read path of every lookup: unlike [`find`](Self::find) it keeps no location, it runs
    /// `is_key` only on an entry with an equal stored hash, and it does not hash for an empty
    /// trie. Hashing, descent and comparison are one function inside [`with_popcnt`] whose only
    /// argument is `context`: a map and a sized key travel in two registers, where three
    /// capturing closures would be passed through memory.
    #[inline]
    pub(crate) fn get_in_context<'a, C: Copy>(
        context: C,
        trie: impl Fn(C) -> &'a Self,
        hash: impl FnOnce(C) -> u32,
        mut is_key: impl FnMut(C, &K) -> bool,
    ) -> Option<(&'a K, &'a V)>
    where
        K: 'a,
        V: 'a,
    {
        trie(context).root.as_ref()?;
        with_popcnt(move || {
            let trie = trie(context);
            let root = trie.root.as_ref()?;
            get_in(root, hash(context), &mut |key| is_key(context, key))
        })
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

/// [`HashTrie::get_in_context`] below `root`. Always inlined, so that the copy inside
/// [`with_popcnt`]'s `popcnt` variant counts bits with the instruction. The same descent as
/// [`find_in`] without the [`Location`]: calling `find_in` and dropping the location compiles to
/// more instructions per lookup (callgrind, `examples/hash_instructions.rs`), and this is the
/// hot path.
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
        match step(node, rest) {
            Step::Child(child) => node = child,
            Step::Entry(index) => {
                return entry_at(node, index, hash, is_key).map(|(_, key, value)| (key, value));
            }
            Step::Absent => return None,
        }
        rest >>= BITS;
    }
    collision_entry(node, is_key).map(|(_, key, value)| (key, value))
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
        match step(node, rest) {
            Step::Child(child) => node = child,
            Step::Entry(index) => {
                return entry_at(node, index, hash, is_key)
                    .map(|(index, key, value)| (Location { depth, index }, key, value));
            }
            Step::Absent => return None,
        }
        rest >>= BITS;
    }
    let depth = LEVELS as usize;
    collision_entry(node, is_key).map(|(index, key, value)| (Location { depth, index }, key, value))
}

/// Where one level of a descent leads.
enum Step<'a, K, V> {
    /// Down to this child.
    Child(&'a Node<K, V>),
    /// To the inline entry at this slot index, the only one that can hold the key.
    Entry(usize),
    /// Nowhere: the key is absent.
    Absent,
}

/// One level of a descent from `node`, for the key whose unconsumed fragments are `rest`.
///
/// Children are tested first, and a node of 32 children (every upper level of a big trie)
/// needs no bit test at all: most levels of a lookup lead to a child.
#[inline(always)]
fn step<K, V>(node: &Node<K, V>, rest: u32) -> Step<'_, K, V> {
    let fragment = rest & 31;
    let bit = 1 << fragment;
    let bitmaps = node.header;
    let index = if bitmaps.nodes == u32::MAX {
        fragment as usize
    } else if bitmaps.nodes & bit != 0 {
        bitmaps.node_index(bit)
    } else if bitmaps.data & bit != 0 {
        return Step::Entry(bitmaps.data_index(bit));
    } else {
        return Step::Absent;
    };
    match node.slice.get(index) {
        Some(Slot::Child(child)) => Step::Child(child),
        _ => Step::Absent,
    }
}

/// The entry at `index` of `node`, if its stored hash is `hash` and its key satisfies
/// `is_key` (run only when the hashes are equal).
#[inline(always)]
fn entry_at<'a, K, V>(
    node: &'a Node<K, V>,
    index: usize,
    hash: u32,
    is_key: &mut impl FnMut(&K) -> bool,
) -> Option<(usize, &'a K, &'a V)> {
    match node.slice.get(index) {
        Some(Slot::Entry {
            hash: stored,
            key,
            value,
        }) if *stored == hash && is_key(key) => Some((index, key, value)),
        _ => None,
    }
}

/// The entry of the collision node `node` whose key satisfies `is_key`, with its index.
#[inline(always)]
fn collision_entry<'a, K, V>(
    node: &'a Node<K, V>,
    is_key: &mut impl FnMut(&K) -> bool,
) -> Option<(usize, &'a K, &'a V)> {
    node.slice
        .iter()
        .enumerate()
        .find_map(|(index, slot)| match slot {
            Slot::Entry { key, value, .. } if is_key(key) => Some((index, key, value)),
            _ => None,
        })
}

#[cfg(all(
    feature = "std",
    target_arch = "x86_64",
    not(target_feature = "popcnt"),
    not(miri)
))]
pub(super) use detected::with_popcnt;

/// The portable build: `count_ones` is whatever the target enables (`popcnt` itself when the
/// build targets it).
#[cfg(not(all(
    feature = "std",
    target_arch = "x86_64",
    not(target_feature = "popcnt"),
    not(miri)
)))]
#[inline(always)]
pub(super) fn with_popcnt<R>(f: impl FnOnce() -> R) -> R {
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
    pub(in crate::hash_trie) fn with_popcnt<R>(f: impl FnOnce() -> R) -> R {
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
