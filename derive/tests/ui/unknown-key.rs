use deepfreeze::Frozen;

#[derive(Frozen)]
#[frozen(skip = "value")]
struct Config {
    value: u64,
}

fn main() {}
