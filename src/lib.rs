//! Deeply immutable, shareable data.
//!
//! (Crate documentation is being written; see the README.)

#![deny(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod frozen;
mod impls;
pub mod ord_map;
pub mod ord_set;
pub mod vec;

pub use frozen::Frozen;
pub use ord_map::FrozenOrdMap;
pub use ord_set::FrozenOrdSet;
pub use vec::FrozenVec;

pub use deepfreeze_derive::Frozen;
