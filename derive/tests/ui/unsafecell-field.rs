use deepfreeze::Frozen;
use std::cell::UnsafeCell;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: UnsafeCell<u8>,
}

fn main() {}
