use deepfreeze::Frozen;
use deepfreeze_trick_macros::add_mutable_field;

// No pattern lists every field of a union, so a union takes only inert attributes.
#[derive(Frozen)]
#[add_mutable_field]
union Byte {
    int: u8,
    signed: i8,
}

fn main() {}
