//! Running hot trie code with the `popcnt` instruction.
//!
//! A descent's instructions are mostly bit counting: one population count per level (a node's
//! slot index is the number of set bitmap bits below the key's fragment). Baseline x86-64 has no
//! `popcnt` instruction, and the portable bit trick `count_ones` falls back to is about 15
//! instructions, as many as the rest of a level. So, on x86-64 with `std`, the lookups and the
//! edit descents run in a copy compiled with `popcnt` enabled when the processor has it (detected
//! once by std and cached). Under Miri, without `std`, on other architectures, and when the build
//! already enables `popcnt`, there is only the portable copy.
//!
//! Only code inlined into the closure is compiled for `popcnt`: the descents are loops marked
//! `#[inline(always)]`, not recursive functions, for that reason.

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
