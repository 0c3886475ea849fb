use deepfreeze::Frozen;
use std::sync::RwLock;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: RwLock<String>,
}

fn main() {}
