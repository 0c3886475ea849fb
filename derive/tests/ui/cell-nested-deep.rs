use deepfreeze::Frozen;
use std::cell::Cell;
use std::sync::Arc;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Option<Vec<Box<(u8, [Arc<Cell<u8>>; 2])>>>,
}

fn main() {}
