use deepfreeze::Frozen;

#[derive(Frozen)]
#[frozen = "::deepfreeze"]
struct Config {
    value: u64,
}

fn main() {}
