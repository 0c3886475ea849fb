use deepfreeze::Frozen;

struct Pixel(u8);

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: *mut Pixel,
}

fn main() {}
