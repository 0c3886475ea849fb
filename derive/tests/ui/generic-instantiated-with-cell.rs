use deepfreeze::Frozen;
use std::cell::Cell;

#[derive(Frozen)]
struct Wrapper<T> {
    value: T,
}

fn assert_frozen<T: Frozen>() {}

fn check() {
    assert_frozen::<Wrapper<Cell<u8>>>();
}

fn main() {}
