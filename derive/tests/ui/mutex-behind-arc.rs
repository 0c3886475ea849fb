use deepfreeze::Frozen;
use std::sync::{Arc, Mutex};

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Arc<Mutex<Vec<u8>>>,
}

fn main() {}
