use deepfreeze::Frozen;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: &'static mut u8,
}

fn main() {}
