use deepfreeze::Frozen;
use deepfreeze_trick_macros::retype_u8;

// `retype_u8` runs after the derive and turns `hits: u8` into `hits: AtomicU8`: the check sees
// the compiled field.
#[derive(Frozen)]
#[retype_u8]
struct Counter {
    name: &'static str,
    hits: u8,
}

fn main() {}
