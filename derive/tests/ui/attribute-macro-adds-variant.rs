use deepfreeze::Frozen;
use deepfreeze_trick_macros::add_cell_variant;

// `add_cell_variant` runs after the derive and adds `Sneaky(Cell<u8>)`: the check's `match`
// does not cover it.
#[derive(Frozen)]
#[add_cell_variant]
enum Event {
    Start,
    Stop(u64),
}

fn main() {}
