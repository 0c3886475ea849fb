use deepfreeze::Frozen;
use std::sync::Condvar;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Condvar,
}

fn main() {}
