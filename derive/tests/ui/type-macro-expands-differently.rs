use deepfreeze::Frozen;
use deepfreeze_trick_macros::atomic_then_u8;

// `atomic_then_u8!()` expands to `AtomicU8` once, then to `u8`: the field is compiled with the
// first expansion and the derive never expands it again.
#[derive(Frozen)]
struct Gauge {
    level: atomic_then_u8!(),
}

fn main() {}
