//! Deeply immutable, shareable data.
//!
//! (Crate documentation is being written; see the README.)

#![deny(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod arc;
pub mod bytes;
mod frozen;
mod impls;
pub mod slice;
pub mod str;

pub use arc::FrozenArc;
pub use bytes::FrozenBytes;
pub use frozen::Frozen;
pub use slice::FrozenSlice;
pub use str::FrozenStr;

/// Derives [`Frozen`](trait@Frozen) for a struct, enum or union whose fields are all `Frozen`.
pub use deepfreeze_derive::Frozen;
