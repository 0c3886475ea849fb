//! Test hashers shared by the hash-container tests: `Masked<MASK>` (SipHash with its output
//! masked, to force collisions or deep shared prefixes) and `NotFrozenHasher`.
//!
//! Use it from a test file with `#[path = "common/hashers.rs"] mod hashers;`.

use std::hash::{BuildHasher, DefaultHasher, Hasher};

use deepfreeze::Frozen;

/// SipHash with its output masked by `MASK`. The trie uses the low 32 bits of a hash, 5 per
/// level, then collision nodes: a narrow mask forces full collisions, a mask of bits 29..32 makes
/// every key share the path through the first levels, and a mask of only high bits (above 32)
/// collides everywhere but in those bits.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Masked<const MASK: u64>;

/// The hasher of [`Masked`].
pub(crate) struct MaskedHasher<const MASK: u64>(DefaultHasher);

impl<const MASK: u64> Hasher for MaskedHasher<MASK> {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }
    fn finish(&self) -> u64 {
        self.0.finish() & MASK
    }
}

impl<const MASK: u64> BuildHasher for Masked<MASK> {
    type Hasher = MaskedHasher<MASK>;
    fn build_hasher(&self) -> MaskedHasher<MASK> {
        MaskedHasher(DefaultHasher::new())
    }
}

// SAFETY:
// - `Masked` is a field-less unit struct: nothing reachable, no `UnsafeCell`;
// - it is `Send + Sync + 'static`.
unsafe impl<const MASK: u64> Frozen for Masked<MASK> {}

/// A `BuildHasher` that is not `Frozen`.
#[derive(Clone, Default)]
#[allow(dead_code)] // used only in `assert_not_impl_any!`
pub(crate) struct NotFrozenHasher;

impl BuildHasher for NotFrozenHasher {
    type Hasher = DefaultHasher;
    fn build_hasher(&self) -> DefaultHasher {
        DefaultHasher::new()
    }
}
