use deepfreeze::Frozen;
use std::cell::OnceCell;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: OnceCell<String>,
}

fn main() {}
