//! The names most programs need, for a glob import: the trait and its derive, and every frozen
//! type.
//!
//! ```
//! use deepfreeze::prelude::*;
//!
//! #[derive(Frozen)]
//! struct Release {
//!     name: FrozenStr,
//!     tags: FrozenVec<FrozenStr>,
//! }
//!
//! let release = Release {
//!     name: FrozenStr::from("1.0"),
//!     tags: [FrozenStr::from("stable")].into_iter().collect(),
//! };
//! let shared = FrozenArc::new(release);
//! assert_eq!(&*shared.tags[0], "stable");
//! ```
//!
//! Prefer it to `use deepfreeze::*`: the crate root also holds the integration modules `serde`,
//! `proptest`, `arbitrary` and `arc_swap`, which a glob import brings in under the same names as
//! those crates, so that a later `use serde::...` is ambiguous (E0659). The prelude holds no
//! module, so it sits beside `use serde::Deserialize;` and the others (`tests/prelude.rs`).

pub use crate::Frozen;
pub use crate::arc::{FrozenArc, UniqueArc};
pub use crate::{FrozenBytes, FrozenMap, FrozenSet, FrozenSlice, FrozenStr};
#[cfg(feature = "std")]
pub use crate::{FrozenOrdMap, FrozenOrdSet, FrozenVec};
