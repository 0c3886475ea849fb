use deepfreeze::Frozen;
use std::sync::Weak;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Weak<String>,
}

fn main() {}
