use deepfreeze::Frozen;

#[derive(Frozen)]
union Slot {
    int: u64,
    ptr: *const u8,
}

fn main() {}
