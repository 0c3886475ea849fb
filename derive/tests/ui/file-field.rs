use deepfreeze::Frozen;
use std::fs::File;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: File,
}

fn main() {}
