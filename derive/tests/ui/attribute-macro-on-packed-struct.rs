use deepfreeze::Frozen;
use deepfreeze_trick_macros::add_mutable_field;

// A packed struct's fields cannot be borrowed, so it takes only inert attributes.
#[derive(Frozen)]
#[repr(packed)]
#[add_mutable_field]
struct Header {
    tag: u8,
    len: u32,
}

fn main() {}
