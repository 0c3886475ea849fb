use deepfreeze::Frozen;

#[derive(Frozen)]
#[frozen(bound = "T: Frozen", bound = "T: Frozen + Clone")]
struct Wrapper<T> {
    value: T,
}

fn main() {}
