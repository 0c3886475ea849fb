use deepfreeze::Frozen;

#[derive(Frozen)]
struct Borrowed<'a> {
    text: &'a str,
}

fn assert_frozen<T: Frozen>() {}

// Inside a function generic over `'a`, `Borrowed<'a>` is not `Frozen`.
fn generic<'a>() {
    assert_frozen::<Borrowed<'a>>();
}

fn main() {}
