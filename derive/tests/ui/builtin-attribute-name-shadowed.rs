use deepfreeze::Frozen;
use deepfreeze_trick_macros::retype_u8 as repr;

// An attribute macro imported under a built-in attribute's name cannot pass as inert.
#[derive(Frozen)]
#[repr]
union Byte {
    int: u8,
    signed: i8,
}

fn main() {}
