use deepfreeze::Frozen;
use std::sync::atomic::AtomicPtr;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: AtomicPtr<u8>,
}

fn main() {}
