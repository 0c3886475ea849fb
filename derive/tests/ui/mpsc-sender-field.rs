use deepfreeze::Frozen;
use std::sync::mpsc::Sender;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Sender<u8>,
}

fn main() {}
