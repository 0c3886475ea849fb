//! `core::any`: `TypeId`.
//!
//! `dyn Any` is never `Frozen`: its concrete type is not known to be.

// SAFETY: a `TypeId` is a 128-bit hash of a type in place (stored as pointer-sized words that
// carry provenance for const evaluation, never dereferenced); nothing behind it can change.
frozen_values!(core::any::TypeId);
