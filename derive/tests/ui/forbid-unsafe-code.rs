#![forbid(unsafe_code)]

use deepfreeze::Frozen;

#[derive(Frozen)]
struct Config {
    name: String,
}

fn main() {}
