//! `std::path`: `PathBuf` and `Path`.

#![cfg(feature = "std")]

use std::path::{Path, PathBuf};

// SAFETY: `Path` is `OsStr` bytes in place (unsized, reached through a pointer that proves its
// own impl); `PathBuf` is an `OsString` that uniquely owns such bytes and changes them only
// through `&mut self`. No pointer to anything else.
frozen_values!(PathBuf, Path);
