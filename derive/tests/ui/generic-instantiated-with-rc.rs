use deepfreeze::Frozen;
use std::rc::Rc;

#[derive(Frozen)]
enum Either<L, R> {
    Left(L),
    Right(Vec<R>),
}

fn share<T: Frozen>(value: T) -> std::sync::Arc<T> {
    std::sync::Arc::new(value)
}

fn check() {
    share(Either::<u8, Rc<u8>>::Left(1));
}

fn main() {}
