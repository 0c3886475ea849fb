use deepfreeze::Frozen;
use std::marker::PhantomData;
use std::sync::Arc;

// A handle whose `Send`/`Sync` ask `T: Frozen` (instead of `T: Send + Sync`, as std's `Arc`)
// cannot hold the type that derives: `Tree: Frozen` needs `Tree: Send`, which needs
// `Handle<Tree>: Send`, which needs `Tree: Frozen` again.
struct Handle<T>(Arc<T>, PhantomData<*const ()>);

// SAFETY: `T: Frozen` makes `T: Send + Sync`, so `Arc<T>` may be sent.
unsafe impl<T: Frozen> Send for Handle<T> {}
// SAFETY: as for `Send`.
unsafe impl<T: Frozen> Sync for Handle<T> {}
// SAFETY: an `Arc<T>` gives only `&T`, and `T: Frozen` covers it; the marker holds nothing.
unsafe impl<T: Frozen> Frozen for Handle<T> {}

#[derive(Frozen)]
enum Tree {
    Leaf(u64),
    Node(Handle<Tree>, Handle<Tree>),
}

fn main() {}
