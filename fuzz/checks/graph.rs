//! A random recursive `#[derive(Frozen)]` graph: nodes built from earlier nodes (so subgraphs are
//! shared), long chains (deep drops), clones sent to two threads that compare and drop them.
//! Equality must agree with a canonical rendering of the tree each node stands for, `ptr_eq`
//! must imply equality, equal nodes must hash alike, and the reference counts must come back
//! once the threads are done.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Arc;

use arbitrary::{Arbitrary, Unstructured};
use deepfreeze::{Frozen, FrozenArc, FrozenMap, FrozenOrdMap, FrozenStr, FrozenVec};

use super::common::{for_each_op, hash_of};

#[derive(Frozen, Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    Leaf(u8),
    Text(FrozenStr),
    Pair(FrozenArc<Node>, FrozenArc<Node>),
    List(FrozenVec<FrozenArc<Node>>),
    Table(FrozenMap<u8, FrozenArc<Node>>),
    Sorted(FrozenOrdMap<FrozenStr, Node>),
}

/// A node with what is known about the tree it stands for (sharing unfolded).
#[derive(Clone)]
struct Entry {
    node: FrozenArc<Node>,
    /// Nodes in the unfolded tree (saturating).
    size: u64,
    /// Longest path from the root.
    depth: u32,
    /// The canonical rendering of the tree, if it is small enough to walk (see [`render`]).
    rendered: Option<Arc<str>>,
}

impl Entry {
    fn new(node: FrozenArc<Node>, size: u64, depth: u32) -> Self {
        // Small and shallow enough to walk fully (compare, hash, render) without sharing.
        let walkable = size <= 4000 && depth <= 300;
        let rendered = walkable.then(|| Arc::from(render(&node)));
        Self {
            node,
            size,
            depth,
            rendered,
        }
    }

    fn walkable(&self) -> bool {
        self.rendered.is_some()
    }
}

/// Most entries kept.
const POOL: usize = 24;
/// Deepest chain `Chain` builds at once. Under Miri (the stable replay of kept inputs), a few
/// dozen levels run the same code; a 50,000-level chain, re-rendered at every level while it is
/// small, would take Miri most of an hour.
const MAX_CHAIN: u32 = if cfg!(miri) { 64 } else { 50_000 };

#[derive(Arbitrary, Debug)]
enum Op {
    Leaf(u8),
    Text(String),
    Pair(u8, u8),
    List(Vec<u8>),
    Table(Vec<(u8, u8)>),
    Sorted(Vec<(String, u8)>),
    /// Wraps an entry in `n` levels of `Pair(_, Leaf)`: a deep graph to drop.
    Chain(u8, u16),
    Drop(u8),
    /// `try_unwrap` succeeds exactly when the entry holds the only handle.
    Unwrap(u8),
    /// Shares the pool with two threads that compare and drop their clones.
    Threads,
}

pub fn run(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let mut pool: Vec<Entry> = vec![leaf(0)];
    for_each_op(&mut u, |op: Op| {
        apply(op, &mut pool);
        // The newest entry against all the others; everything at the end.
        check_pool(&pool, pool.len() - 1);
    });
    check_pool(&pool, 0);
    share_with_threads(&pool);
}

fn leaf(x: u8) -> Entry {
    Entry::new(FrozenArc::new(Node::Leaf(x)), 1, 1)
}

fn get(pool: &[Entry], i: u8) -> &Entry {
    &pool[usize::from(i) % pool.len()]
}

/// An entry for `node`, whose children are `children`.
fn parent<'a>(node: Node, children: impl IntoIterator<Item = &'a Entry>) -> Entry {
    let (mut size, mut depth) = (1_u64, 0_u32);
    for child in children {
        size = size.saturating_add(child.size);
        depth = depth.max(child.depth);
    }
    Entry::new(FrozenArc::new(node), size, depth + 1)
}

fn push(pool: &mut Vec<Entry>, entry: Entry) {
    if pool.len() == POOL {
        pool.remove(1);
    }
    pool.push(entry);
}

fn apply(op: Op, pool: &mut Vec<Entry>) {
    match op {
        Op::Leaf(x) => push(pool, leaf(x)),
        Op::Text(s) => {
            let entry = parent(Node::Text(FrozenStr::from(s)), []);
            push(pool, entry);
        }
        Op::Pair(a, b) => {
            let (a, b) = (get(pool, a), get(pool, b));
            let node = Node::Pair(a.node.clone(), b.node.clone());
            let entry = parent(node, [a, b]);
            push(pool, entry);
        }
        Op::List(items) => {
            let items: Vec<&Entry> = items.iter().map(|&i| get(pool, i)).collect();
            let list: FrozenVec<_> = items.iter().map(|e| e.node.clone()).collect();
            let entry = parent(Node::List(list), items);
            push(pool, entry);
        }
        Op::Table(entries) => {
            // The model keeps the last value of a repeated key, like the map.
            let kept: BTreeMap<u8, &Entry> =
                entries.iter().map(|&(k, i)| (k, get(pool, i))).collect();
            let table: FrozenMap<_, _> = entries
                .iter()
                .map(|&(k, i)| (k, get(pool, i).node.clone()))
                .collect();
            assert_eq!(table.len(), kept.len());
            let entry = parent(Node::Table(table), kept.into_values());
            push(pool, entry);
        }
        Op::Sorted(entries) => {
            let kept: BTreeMap<FrozenStr, &Entry> = entries
                .iter()
                .map(|(k, i)| (FrozenStr::new(k), get(pool, *i)))
                .collect();
            let sorted: FrozenOrdMap<_, _> = kept
                .iter()
                .map(|(k, e)| (k.clone(), Node::clone(&e.node)))
                .collect();
            let entry = parent(Node::Sorted(sorted), kept.into_values());
            push(pool, entry);
        }
        Op::Chain(i, n) => {
            let mut entry = get(pool, i).clone();
            let n = u32::from(n).min(MAX_CHAIN.saturating_sub(entry.depth));
            for level in 0..n {
                let leaf = leaf(level as u8);
                let node = Node::Pair(entry.node.clone(), leaf.node.clone());
                entry = parent(node, [&entry, &leaf]);
            }
            push(pool, entry);
        }
        Op::Drop(i) => {
            if pool.len() > 1 {
                pool.remove(usize::from(i) % pool.len());
            }
        }
        Op::Unwrap(i) => {
            let index = usize::from(i) % pool.len();
            let entry = pool.remove(index);
            let count = FrozenArc::strong_count(&entry.node);
            let node = match FrozenArc::try_unwrap(entry.node) {
                Ok(node) => {
                    assert_eq!(count, 1, "try_unwrap succeeds only on the last handle");
                    FrozenArc::new(node)
                }
                Err(node) => {
                    assert!(count > 1, "try_unwrap fails only on a shared handle");
                    node
                }
            };
            pool.insert(index, Entry { node, ..entry });
        }
        Op::Threads => share_with_threads(pool),
    }
}

/// Each entry from `from` on against every entry: equality agrees with the canonical renderings,
/// `ptr_eq` implies equality, equal nodes hash alike; and each equals a deep copy of itself.
fn check_pool(pool: &[Entry], from: usize) {
    for a in &pool[from..] {
        let copy = a.node.clone();
        assert!(FrozenArc::ptr_eq(&copy, &a.node));
        assert_eq!(copy, a.node, "a clone equals the original");
        for b in pool {
            if FrozenArc::ptr_eq(&a.node, &b.node) {
                assert!(a.node == b.node, "ptr_eq nodes are equal");
            }
            if let (Some(ra), Some(rb)) = (&a.rendered, &b.rendered) {
                let equal = a.node == b.node;
                assert_eq!(
                    equal,
                    ra == rb,
                    "equality agrees with the rendering: {ra} / {rb}"
                );
                if equal {
                    assert_eq!(hash_of(&a.node), hash_of(&b.node));
                }
            }
        }
        if let Some(ra) = &a.rendered {
            let deep = deep_copy(&a.node);
            assert!(!FrozenArc::ptr_eq(&deep, &a.node));
            assert_eq!(deep, a.node, "a deep copy equals the original");
            assert_eq!(hash_of(&deep), hash_of(&a.node));
            assert_eq!(*render(&deep), **ra);
        }
    }
}

/// The tree a node stands for, as text: maps in key order, so equal trees render alike.
fn render(node: &Node) -> String {
    let mut out = String::new();
    render_into(node, &mut out);
    out
}

fn render_into(node: &Node, out: &mut String) {
    match node {
        Node::Leaf(x) => write!(out, "L{x}").expect("writing to a String"),
        Node::Text(s) => write!(out, "T{:?}", s.as_str()).expect("writing to a String"),
        Node::Pair(a, b) => {
            out.push_str("P(");
            render_into(a, out);
            out.push(',');
            render_into(b, out);
            out.push(')');
        }
        Node::List(items) => {
            out.push('[');
            for item in items {
                render_into(item, out);
                out.push(',');
            }
            out.push(']');
        }
        Node::Table(table) => {
            let mut entries: Vec<_> = table.iter().collect();
            entries.sort_by_key(|&(k, _)| *k);
            out.push('{');
            for (k, v) in entries {
                write!(out, "{k}:").expect("writing to a String");
                render_into(v, out);
                out.push(',');
            }
            out.push('}');
        }
        Node::Sorted(sorted) => {
            out.push('<');
            for (k, v) in sorted {
                write!(out, "{:?}:", k.as_str()).expect("writing to a String");
                render_into(v, out);
                out.push(',');
            }
            out.push('>');
        }
    }
}

/// The same tree rebuilt from scratch: no handle shared with `node`.
fn deep_copy(node: &Node) -> FrozenArc<Node> {
    FrozenArc::new(copy_node(node))
}

fn copy_node(node: &Node) -> Node {
    match node {
        Node::Leaf(x) => Node::Leaf(*x),
        Node::Text(s) => Node::Text(FrozenStr::new(s)),
        Node::Pair(a, b) => Node::Pair(deep_copy(a), deep_copy(b)),
        Node::List(items) => Node::List(items.iter().map(|n| deep_copy(n)).collect()),
        Node::Table(table) => Node::Table(table.iter().map(|(k, v)| (*k, deep_copy(v))).collect()),
        Node::Sorted(sorted) => Node::Sorted(
            sorted
                .iter()
                .map(|(k, v)| (FrozenStr::new(k), copy_node(v)))
                .collect(),
        ),
    }
}

/// Two threads get clones of every entry, compare them with each other and with the originals,
/// and drop them; afterwards every reference count is what it was.
fn share_with_threads(pool: &[Entry]) {
    let counts: Vec<usize> = pool
        .iter()
        .map(|e| FrozenArc::strong_count(&e.node))
        .collect();
    std::thread::scope(|scope| {
        for t in 0..2 {
            let clones: Vec<Entry> = pool.to_vec();
            scope.spawn(move || {
                for (i, (mine, original)) in clones.iter().zip(pool).enumerate() {
                    assert!(FrozenArc::strong_count(&mine.node) >= 2);
                    assert_eq!(mine.node, original.node);
                    if mine.walkable() {
                        assert_eq!(hash_of(&mine.node), hash_of(&original.node));
                        let other = &clones[(i + t + 1) % clones.len()];
                        if other.walkable() {
                            let _ = mine.node == other.node;
                        }
                    }
                }
                drop(clones);
            });
        }
    });
    let after: Vec<usize> = pool
        .iter()
        .map(|e| FrozenArc::strong_count(&e.node))
        .collect();
    assert_eq!(counts, after, "the threads' clones are all released");
}
