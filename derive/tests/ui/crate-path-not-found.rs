use deepfreeze::Frozen;

#[derive(Frozen)]
#[frozen(crate = "not_deepfreeze")]
struct Config {
    value: u64,
}

fn main() {}
