use deepfreeze::Frozen;
use deepfreeze_trick_macros::into_union;

// `into_union` runs after the derive and turns the one-field struct into a union with a second,
// atomic field: the check borrows the field, which a union's field cannot be in safe code.
#[derive(Frozen)]
#[into_union]
struct Word {
    int: u64,
}

fn main() {}
