use deepfreeze::Frozen;
use std::sync::atomic::AtomicU32;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: (u8, String, AtomicU32),
}

fn main() {}
