use deepfreeze::Frozen;

struct Symbol(u32);

impl Frozen for Symbol {}

fn main() {}
