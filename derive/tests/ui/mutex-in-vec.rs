use deepfreeze::Frozen;
use std::sync::Mutex;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Vec<Mutex<u8>>,
}

fn main() {}
