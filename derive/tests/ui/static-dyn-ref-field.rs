use deepfreeze::Frozen;
use std::fmt::Debug;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: &'static (dyn Debug + Sync),
}

fn main() {}
