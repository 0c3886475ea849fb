//! Helpers shared by the examples: a counting allocator, command-line parsing, report formatting.

pub(crate) mod alloc;
pub(crate) mod args;
pub(crate) mod report;
