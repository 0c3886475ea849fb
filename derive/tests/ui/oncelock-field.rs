use deepfreeze::Frozen;
use std::sync::OnceLock;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: OnceLock<String>,
}

fn main() {}
