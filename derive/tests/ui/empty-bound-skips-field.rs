use deepfreeze::Frozen;

// `bound = ""` removes the inferred `T: Frozen`, but cannot remove the check of the field `T`.
#[derive(Frozen)]
#[frozen(bound = "")]
struct Wrapper<T> {
    value: T,
}

fn main() {}
