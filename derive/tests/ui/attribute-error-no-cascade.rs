use deepfreeze::Frozen;

// One mistake, one error: the misspelled key is reported, and the use below adds nothing.
#[derive(Frozen)]
#[frozen(bund = "T: Frozen")]
struct Wrapper<T> {
    value: T,
}

fn share<T: Frozen>(value: T) -> std::sync::Arc<T> {
    std::sync::Arc::new(value)
}

fn use_it() {
    share(Wrapper { value: 1_u8 });
}

fn main() {}
