use deepfreeze::Frozen;

struct Pixel(u8);

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: *const Pixel,
}

fn main() {}
