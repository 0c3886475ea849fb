use deepfreeze::Frozen;
use std::sync::atomic::AtomicBool;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: AtomicBool,
}

fn main() {}
