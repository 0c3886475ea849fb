use deepfreeze::Frozen;
use deepfreeze_trick_macros::add_mutable_field;

// `add_mutable_field` runs after the derive and adds a `Cell<u8>` field: the check's exhaustive
// pattern does not name it.
#[derive(Frozen)]
#[add_mutable_field]
struct Config {
    port: u16,
}

fn main() {}
