use deepfreeze::Frozen;
use std::cell::Cell;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Cell<u8>,
}

fn main() {}
