use deepfreeze::Frozen;
use std::cell::LazyCell;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: LazyCell<String>,
}

fn main() {}
