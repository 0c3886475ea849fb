//! `core::convert`: `Infallible`.

// SAFETY: `Infallible` is an empty enum: no value of it can exist, so there is nothing to change
// and nothing reachable.
frozen_values!(core::convert::Infallible);
