use deepfreeze::Frozen;
use deepfreeze_trick_macros::u8_then_atomic;

// The derive copies the where-clause into two impls; a macro could expand differently in each.
#[derive(Frozen)]
struct Tagged<T>
where
    T: From<u8_then_atomic!()>,
{
    value: T,
}

fn main() {}
