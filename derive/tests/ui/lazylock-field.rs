use deepfreeze::Frozen;
use std::sync::LazyLock;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: LazyLock<String>,
}

fn main() {}
