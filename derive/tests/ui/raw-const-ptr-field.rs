use deepfreeze::Frozen;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: *const u8,
}

fn main() {}
