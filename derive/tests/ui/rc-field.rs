use deepfreeze::Frozen;
use std::rc::Rc;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Rc<String>,
}

fn main() {}
