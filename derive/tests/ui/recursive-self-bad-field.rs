use deepfreeze::Frozen;
use std::rc::Rc;

#[derive(Frozen)]
struct Rose {
    label: Rc<str>,
    kids: Vec<Self>,
}

fn main() {}
