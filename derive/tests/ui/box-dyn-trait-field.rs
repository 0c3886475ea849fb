use deepfreeze::Frozen;
use std::fmt::Debug;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Box<dyn Debug + Send + Sync>,
}

fn main() {}
