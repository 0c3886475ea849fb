use deepfreeze::Frozen;
use std::sync::atomic::AtomicU64;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: AtomicU64,
}

fn main() {}
