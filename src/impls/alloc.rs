//! `core::alloc`: `Layout` and `LayoutError`.

use core::alloc::{Layout, LayoutError};

// SAFETY: a `Layout` is a size and an alignment (`usize`s) in place; `LayoutError` is a unit
// struct. Plain integers, no pointer.
frozen_values!(Layout, LayoutError);
