//! A parallel producer over any tree whose nodes hold items of their own and children: the shape
//! of a hash trie (CHAMP nodes hold entries and sub-tries side by side). It splits the tree
//! itself: a piece is a list of whole subtrees, plus at most one node whose own items (not its
//! children's) belong to it; splitting halves the list, or opens its only node into its
//! children. Items come out in depth-first pre-order, the order of a serial walk.
//!
//! Not used yet: `FrozenMap` and `FrozenSet` will be built on it once they are backed by the
//! crate's own trie (a `Node` impl for the trie's node type, and a `ParallelIterator` that
//! calls [`bridge_unindexed`](rayon::iter::plumbing::bridge_unindexed) on a
//! [`TreeProducer::new`]).
#![cfg_attr(not(test), allow(dead_code))]

use rayon::iter::plumbing::{Folder, UnindexedProducer};

/// A node of a tree, as [`TreeProducer`] reads it.
pub(crate) trait Node: Sync {
    /// What the tree yields: a reference into a node, or a pair of them.
    type Item<'a>: Send
    where
        Self: 'a;

    /// The items stored in this node itself, not in its children, in order.
    fn own_items(&self) -> impl Iterator<Item = Self::Item<'_>>;

    /// The node's children, in order.
    fn children(&self) -> impl Iterator<Item = &Self>;
}

/// One piece of a parallel walk over a tree (see the module docs).
pub(crate) struct TreeProducer<'a, N> {
    /// A node whose own items, but not its children, belong to this piece.
    opened: Option<&'a N>,
    /// Whole subtrees, in order, after `opened`'s items.
    subtrees: Vec<&'a N>,
}

impl<'a, N: Node> TreeProducer<'a, N> {
    /// A walk over the whole tree under `root`.
    pub(crate) fn new(root: &'a N) -> Self {
        Self {
            opened: None,
            subtrees: vec![root],
        }
    }

    /// Feeds every item of this piece to `folder`, in order, until it is full.
    fn walk<F: Folder<N::Item<'a>>>(self, mut folder: F) -> F {
        if let Some(node) = self.opened {
            folder = folder.consume_iter(node.own_items());
        }
        // Depth-first, with the children of a node pushed in reverse so the first comes next.
        let mut stack: Vec<&'a N> = self.subtrees.into_iter().rev().collect();
        while let Some(node) = stack.pop() {
            if folder.full() {
                break;
            }
            folder = folder.consume_iter(node.own_items());
            let first = stack.len();
            stack.extend(node.children());
            stack[first..].reverse();
        }
        folder
    }
}

impl<'a, N: Node> UnindexedProducer for TreeProducer<'a, N> {
    type Item = N::Item<'a>;

    fn split(mut self) -> (Self, Option<Self>) {
        if self.subtrees.len() == 1 && self.opened.is_none() {
            // Open the only subtree: its own items stay here, its children become subtrees.
            let node = self.subtrees[0];
            self.opened = Some(node);
            self.subtrees = node.children().collect();
        }
        if self.subtrees.len() < 2 {
            return (self, None);
        }
        let right = self.subtrees.split_off(self.subtrees.len() / 2);
        let right = Self {
            opened: None,
            subtrees: right,
        };
        (self, Some(right))
    }

    fn fold_with<F: Folder<Self::Item>>(self, folder: F) -> F {
        self.walk(folder)
    }
}

#[cfg(test)]
mod tests {
    use rayon::iter::ParallelIterator;
    use rayon::iter::plumbing::{UnindexedConsumer, bridge_unindexed};

    use super::{Node, TreeProducer};

    /// A tree of numbers, each node with a few of its own and some children.
    struct Toy {
        items: Vec<u32>,
        children: Vec<Toy>,
    }

    impl Node for Toy {
        type Item<'a> = &'a u32;

        fn own_items(&self) -> impl Iterator<Item = &u32> {
            self.items.iter()
        }

        fn children(&self) -> impl Iterator<Item = &Toy> {
            self.children.iter()
        }
    }

    /// A tree of the given depth and fan-out, numbered in pre-order from `*next`.
    fn toy(depth: u32, fan_out: u32, next: &mut u32) -> Toy {
        let items = (0..(*next % 3 + 1)).map(|i| *next + i).collect::<Vec<_>>();
        *next += items.len() as u32;
        let children = if depth == 0 {
            Vec::new()
        } else {
            (0..fan_out)
                .map(|_| toy(depth - 1, fan_out, next))
                .collect()
        };
        Toy { items, children }
    }

    struct Walk<'a>(&'a Toy);

    impl<'a> ParallelIterator for Walk<'a> {
        type Item = &'a u32;

        fn drive_unindexed<C: UnindexedConsumer<&'a u32>>(self, consumer: C) -> C::Result {
            bridge_unindexed(TreeProducer::new(self.0), consumer)
        }
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "rayon's pool (crossbeam-epoch) casts integers to pointers, refused under strict provenance"
    )]
    fn yields_every_item_once_in_pre_order() {
        let shapes: &[(u32, u32)] = if cfg!(miri) {
            &[(0, 1), (2, 3)]
        } else {
            &[(0, 1), (1, 1), (3, 4), (6, 3), (2, 17)]
        };
        for &(depth, fan_out) in shapes {
            let mut next = 0;
            let tree = toy(depth, fan_out, &mut next);
            let collected: Vec<u32> = Walk(&tree).copied().collect();
            assert_eq!(
                collected,
                (0..next).collect::<Vec<_>>(),
                "depth {depth}, fan-out {fan_out}"
            );
            assert_eq!(
                Walk(&tree).find_first(|&&x| x + 1 == next),
                Some(&(next - 1))
            );
        }
    }
}
