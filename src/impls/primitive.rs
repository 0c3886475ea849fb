//! The primitive types: `bool`, `char`, integers, floats, `()` and `str`.
//!
//! (`!` is unstable as a type; `Infallible` stands in for it, see `convert.rs`.)

// SAFETY: each is plain bits in place (`str` is UTF-8 bytes in place), with no pointer and no
// `UnsafeCell`; nothing beyond those bits is reachable.
frozen_values!(
    bool,
    char,
    (),
    str,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
);
