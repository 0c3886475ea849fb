use deepfreeze::Frozen;

#[derive(Frozen)]
struct Borrowed<'a> {
    text: &'a str,
}

fn share<T: Frozen>(value: T) -> std::sync::Arc<T> {
    std::sync::Arc::new(value)
}

// `Borrowed<'a>` is `Frozen` only for `'a = 'static`; a borrow of a local is not.
fn share_local() {
    let local = String::from("local");
    share(Borrowed { text: &local });
}

fn main() {}
