//! `alloc::string`: `String`.

// SAFETY: a `String` is a `Vec<u8>` of UTF-8 that it uniquely owns; every method that changes
// it takes `&mut self`, and `&String` gives only `&str`.
use alloc::string::String;

frozen_values!(String);
