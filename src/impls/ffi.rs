//! `std::ffi`: `OsString`, `OsStr`, `CString` and `CStr`.

use alloc::ffi::CString;
use core::ffi::CStr;
#[cfg(feature = "std")]
use std::ffi::{OsStr, OsString};

// SAFETY: `OsStr` and `CStr` are bytes in place (unsized, reached through a pointer that proves
// its own impl); `OsString` and `CString` uniquely own such bytes (a `Vec<u8>` and a
// `Box<[u8]>`) and change them only through `&mut self` or by value. No pointer to anything
// else.
frozen_values!(CString, CStr);
#[cfg(feature = "std")]
frozen_values!(OsString, OsStr);
