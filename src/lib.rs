//! Deeply immutable, shareable data.
//!
//! (Crate documentation is being written; see the README.)

#![deny(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod frozen;
mod impls;
pub mod map;
pub mod set;

pub use frozen::Frozen;
pub use map::FrozenMap;
pub use set::FrozenSet;

/// Derives [`Frozen`](trait@Frozen) for a struct, enum or union whose fields are all `Frozen`.
pub use deepfreeze_derive::Frozen;
