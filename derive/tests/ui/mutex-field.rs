use deepfreeze::Frozen;
use std::sync::Mutex;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Mutex<u8>,
}

fn main() {}
