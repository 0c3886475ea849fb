use deepfreeze::Frozen;

trait Shape {
    type Out;
}

// The `bound` names `T` but forgets `T::Out`; the field's check still applies.
#[derive(Frozen)]
#[frozen(bound = "T: Frozen")]
struct Computed<T: Shape> {
    shape: T,
    out: T::Out,
}

fn main() {}
