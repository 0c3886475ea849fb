use deepfreeze::Frozen;
use std::cell::RefCell;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Box<RefCell<u8>>,
}

fn main() {}
