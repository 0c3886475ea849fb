use deepfreeze::Frozen;

#[derive(Frozen)]
#[frozen(crate = "deep freeze")]
struct Config {
    value: u64,
}

fn main() {}
