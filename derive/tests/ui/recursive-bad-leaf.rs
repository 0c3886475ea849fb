use deepfreeze::Frozen;
use std::cell::Cell;
use std::sync::Arc;

#[derive(Frozen)]
enum Tree {
    Leaf(Cell<u64>),
    Node(Arc<Tree>, Arc<Tree>),
}

fn main() {}
