use deepfreeze::Frozen;
use std::cell::Cell;

// Even an `unsafe impl` must satisfy the supertraits: `Cell` is not `Sync`.
struct Counter(Cell<u64>);

unsafe impl Frozen for Counter {}

fn main() {}
