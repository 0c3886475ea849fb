//! What each frozen container allocates as it is deserialized, as charged to
//! [`with_budget`](super::with_budget): upper bounds, checked against a counting allocator by
//! `tests/serde_budget.rs`.

use core::mem::size_of;

/// A triomphe header in front of a slice: the count and the length.
const SLICE_HEADER: usize = 16;

/// A `FrozenArc<T>`'s allocation: the count and the value.
pub(crate) fn arc<T>() -> usize {
    size_of::<T>().next_multiple_of(align_of::<usize>()) + size_of::<usize>()
}

/// A `FrozenStr` of `len` bytes: nothing when inline, else one allocation.
pub(crate) fn str(len: usize) -> usize {
    if len <= 15 {
        0
    } else {
        (len + SLICE_HEADER).next_multiple_of(8)
    }
}

/// A `FrozenBytes` of `len` bytes, copied into one allocation.
pub(crate) fn bytes(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        (len + SLICE_HEADER).next_multiple_of(8)
    }
}

/// One more element of `T` buffered for a `FrozenSlice<T>` (or a `FrozenBytes` read as a
/// sequence): the buffer grows by doubling, and the slice is a copy of it.
pub(crate) fn buffered<T>() -> usize {
    3 * size_of::<T>()
}

/// The bytes that pushing element number `len` (counting from 0) makes a `FrozenVec<T>`
/// allocate: up to 32 elements, its share of the buffer and of the exact-sized array; from the
/// 33rd on, the tree: its end nodes and a branch when it forms, then a whole node of 64 elements
/// every 64 elements and a branch node of 64 children per 4 nodes.
pub(crate) fn vec_push<T>(len: usize) -> usize {
    const SHORT: usize = 32;
    const NODE: usize = 64;
    if len < SHORT {
        // The first element also brings the array's header and its rounding to a word.
        return buffered::<T>() + if len == 0 { SLICE_HEADER + 7 } else { 0 };
    }
    let node = NODE * size_of::<T>() + 32;
    let branch = NODE * size_of::<usize>() + 32;
    let mut bytes = 0;
    if len == SHORT {
        bytes += 4 * node + branch;
    }
    if len % NODE == 0 {
        bytes += node;
    }
    if len % NODE == 0 && (len / NODE) % 4 == 2 {
        bytes += branch;
    }
    bytes
}

/// The bytes that one entry of type `E` (`(K, V)` or `T`) makes a `FrozenMap` or `FrozenSet`
/// allocate in its trie: its slot (the entry and its 32-bit hash, padded), and its share of the
/// node headers and of partly filled nodes (nodes hold about three entries each).
pub(crate) fn hash_entry<E>() -> usize {
    let slot = (size_of::<E>() + 4)
        .next_multiple_of(align_of::<E>().max(4))
        .max(16);
    2 * slot + 16
}

/// The bytes that inserting entry number `len` (counting from 0) of type `E` makes a
/// `FrozenOrdMap` or `FrozenOrdSet` allocate: a B-tree node of 64 entries and 65 children
/// first, and one more per 32 entries (nodes split half full).
pub(crate) fn ord_insert<E>(len: usize) -> usize {
    if len % 32 == 0 {
        64 * size_of::<E>() + 65 * size_of::<usize>() + 32
    } else {
        0
    }
}
