use deepfreeze::Frozen;

#[derive(Frozen)]
struct Config {
    value: u64,
    #[frozen(bound = "")]
    name: String,
}

fn main() {}
