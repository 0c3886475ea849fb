//! Dropping a deep document with a bounded stack.
//!
//! Dropping an array drops its elements, which may hold the last handles of other arrays, and
//! so on: a document nested a million levels deep would recurse a million times. Instead, the
//! last handle to an array or object takes its storage out, keeps an extra handle to each child
//! container that it alone holds, and drops the storage: the children only lose a count, so
//! nothing recurses. The kept children are then dropped the same way, from an explicit stack.

use super::shared::Shared;
use super::{FrozenArray, FrozenObject, FrozenStr, FrozenValue};

/// The storage of a container whose drop is pending.
enum Node {
    Array(Shared<FrozenValue>),
    Object(Shared<(FrozenStr, FrozenValue)>),
}

/// The storage of `value` if it is an array or object that only its parent holds: dropping the
/// parent would drop (and recurse into) it.
fn unique_child(value: &FrozenValue) -> Option<Node> {
    match value {
        FrozenValue::Array(a) if a.0.is_unique() => Some(Node::Array(a.0.clone())),
        FrozenValue::Object(o) if o.0.is_unique() => Some(Node::Object(o.0.clone())),
        _ => None,
    }
}

/// Pushes a second handle to each child of `node` that `node` alone holds.
fn push_unique_children(node: &Node, stack: &mut Vec<Node>) {
    match node {
        Node::Array(items) => stack.extend(items.iter().filter_map(unique_child)),
        Node::Object(members) => stack.extend(members.iter().filter_map(|(_, v)| unique_child(v))),
    }
}

/// Drops `root` (storage that this handle alone holds) and everything only it holds, iteratively.
fn drop_iteratively(root: Node) {
    let mut stack = Vec::new();
    push_unique_children(&root, &mut stack);
    // The children pushed are held twice now, so dropping `root` only decrements their counts.
    drop(root);
    while let Some(node) = stack.pop() {
        push_unique_children(&node, &mut stack);
        drop(node);
    }
}

/// Whether dropping `items` (held by one handle only) would drop a nested container.
fn holds_unique_container<'a>(mut items: impl Iterator<Item = &'a FrozenValue>) -> bool {
    items.any(|v| match v {
        FrozenValue::Array(a) => a.0.is_unique(),
        FrozenValue::Object(o) => o.0.is_unique(),
        _ => false,
    })
}

impl Drop for FrozenArray {
    fn drop(&mut self) {
        // Common case first: shared storage, or only leaves inside, drops without recursion.
        if self.0.is_unique() && holds_unique_container(self.0.iter()) {
            drop_iteratively(Node::Array(core::mem::take(&mut self.0)));
        }
    }
}

impl Drop for FrozenObject {
    fn drop(&mut self) {
        if self.0.is_unique() && holds_unique_container(self.0.iter().map(|(_, v)| v)) {
            drop_iteratively(Node::Object(core::mem::take(&mut self.0)));
        }
    }
}
