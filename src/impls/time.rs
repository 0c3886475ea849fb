//! `core::time` and `std::time`: `Duration`, `Instant`, `SystemTime`.

use core::time::Duration;
#[cfg(feature = "std")]
use std::time::{Instant, SystemTime};

// SAFETY: each is seconds and nanoseconds (or the platform's tick count) in place: plain
// integers with no pointer. Reading the clock (`Instant::now`) makes a new value; it never
// changes an existing one.
frozen_values!(Duration);
#[cfg(feature = "std")]
frozen_values!(Instant, SystemTime);
