use deepfreeze::Frozen;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: HashMap<String, Rc<u8>>,
}

fn main() {}
