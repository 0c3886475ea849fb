use deepfreeze::Frozen;
use std::thread::JoinHandle;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: JoinHandle<()>,
}

fn main() {}
