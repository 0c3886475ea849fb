use deepfreeze::Frozen;

// `Self: Frozen` would make the impl need itself (E0275 without the derive's own error).
#[derive(Frozen)]
#[frozen(bound = "T: Frozen, Self: Frozen")]
struct Wrapper<T> {
    value: T,
}

fn main() {}
