use deepfreeze::Frozen;

// A predicate on no parameter of the type is always true or always false.
#[derive(Frozen)]
#[frozen(bound = "T: Frozen, String: Frozen")]
struct Wrapper<T> {
    value: T,
}

fn main() {}
