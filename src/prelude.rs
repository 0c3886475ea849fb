//! The names most programs need, for a glob import: the trait and its derive, and every frozen
//! type.
//!
//! ```
//! use deepfreeze::prelude::*;
//! use serde::Deserialize; // no clash: the prelude holds no module named after a crate
//!
//! #[derive(Frozen, Deserialize)]
//! struct Release {
//!     name: FrozenStr,
//!     tags: FrozenVec<FrozenStr>,
//! }
//!
//! let release: Release = serde_json::from_str(r#"{"name":"1.0","tags":["stable"]}"#)?;
//! let shared = FrozenArc::new(release);
//! assert_eq!(&*shared.tags[0], "stable");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Prefer it to `use deepfreeze::*`: the crate root also holds the integration modules `serde`,
//! `proptest`, `arbitrary` and `arc_swap`, which a glob import brings in under the same names as
//! those crates, so that a later `use serde::...` is ambiguous (E0659).

pub use crate::Frozen;
pub use crate::arc::{FrozenArc, UniqueArc};
pub use crate::{
    FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice, FrozenStr,
    FrozenVec,
};
