//! The checks behind the fuzz targets, one module per target, each with `pub fn run(data: &[u8])`
//! that panics when an invariant breaks.
//!
//! This file is the root of the fuzz crate's library, which the targets in `fuzz_targets/` call,
//! and is also included by the root crate's `tests/fuzz_regressions.rs`, which replays the
//! committed inputs in `fuzz/regressions/<target>/` under a plain `cargo test`. So the modules
//! only use `deepfreeze`, `arbitrary`, `serde`, `serde_json`, `postcard` and `ciborium`, which
//! both crates have.

pub mod common;
pub mod deserialize;
pub mod graph;
pub mod map_ops;
pub mod ord_map_ops;
pub mod ord_set_ops;
pub mod set_ops;
pub mod str_bytes;
pub mod value;
pub mod vec_ops;
