use deepfreeze::Frozen;

#[derive(Frozen)]
struct Holder {
    id: u64,
    bad: Box<dyn Fn() + Send + Sync>,
}

fn main() {}
