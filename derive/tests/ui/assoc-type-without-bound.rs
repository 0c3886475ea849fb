use deepfreeze::Frozen;

trait Shape {
    type Out;
}

#[derive(Frozen)]
struct Computed<T: Shape> {
    shape: T,
    out: T::Out,
}

fn main() {}
