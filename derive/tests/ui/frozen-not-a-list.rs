use deepfreeze::Frozen;

#[derive(Frozen)]
#[frozen]
struct Config {
    value: u64,
}

fn main() {}
