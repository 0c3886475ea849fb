use deepfreeze::Frozen;

struct Pixel(u8);

#[derive(Frozen)]
union Slot {
    int: u64,
    ptr: *const Pixel,
}

fn main() {}
