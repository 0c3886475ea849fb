use deepfreeze::Frozen;

#[derive(Frozen)]
#[frozen(bound = T: Frozen)]
struct Wrapper<T> {
    value: T,
}

fn main() {}
