//! `Frozen` for the types of `core`, `alloc` and `std`, one file per std module.
