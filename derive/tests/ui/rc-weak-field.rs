use deepfreeze::Frozen;
use std::rc::Weak;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Weak<String>,
}

fn main() {}
