//! Deeply immutable, shareable data.
//!
//! (Crate documentation is being written; see the README.)

#![deny(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod frozen;
mod impls;

pub use frozen::Frozen;

/// Derives [`Frozen`](trait@Frozen) for a struct, enum or union whose fields are all `Frozen`.
pub use deepfreeze_derive::Frozen;

#[cfg(feature = "arbitrary")]
pub mod arbitrary;
#[cfg(feature = "arc-swap")]
pub mod arc_swap;
#[cfg(feature = "proptest")]
pub mod proptest;
#[cfg(feature = "serde")]
pub mod serde;
