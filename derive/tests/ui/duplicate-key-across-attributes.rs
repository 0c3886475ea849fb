use deepfreeze::Frozen;

#[derive(Frozen)]
#[frozen(crate = "deepfreeze")]
#[frozen(crate = "::deepfreeze")]
struct Config {
    value: u64,
}

fn main() {}
