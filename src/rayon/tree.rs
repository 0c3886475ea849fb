//! A parallel producer over any tree whose nodes hold items of their own and children: the shape
//! of a hash trie (CHAMP nodes hold entries and sub-tries side by side). It splits the tree
//! itself: a piece is the own items of the nodes it opened, then a list of whole subtrees;
//! splitting halves the list, first opening its only subtree into that node's items and children
//! if there is just one. Items come out in depth-first pre-order, the order of a serial walk, so
//! `collect` and `find_first` see the serial order.

use rayon::iter::plumbing::{Folder, UnindexedProducer};

/// A subtree, as [`TreeProducer`] takes it apart: by value, so that one type covers shared,
/// mutable and owning walks.
pub(crate) trait Tree: Sized + Send {
    /// What the tree yields.
    type Item: Send;

    /// The items of the subtree's root node itself, in order, and its children, in order.
    fn open(self) -> (Vec<Self::Item>, Vec<Self>);

    /// Every item of the subtree, in pre-order. Folders consume it with `fold` where they can
    /// (`sum`, `reduce`, `for_each`, ...), so that should be its fastest way through.
    fn items(self) -> impl Iterator<Item = Self::Item>;
}

/// One piece of a parallel walk over a tree (see the module docs).
pub(crate) struct TreeProducer<T: Tree> {
    /// Items of opened nodes, which come before `subtrees`.
    items: Vec<T::Item>,
    /// Whole subtrees, in order.
    subtrees: Vec<T>,
}

impl<T: Tree> TreeProducer<T> {
    /// A walk over the whole tree under `root` (none if the tree is empty).
    pub(crate) fn new(root: Option<T>) -> Self {
        Self {
            items: Vec::new(),
            subtrees: root.into_iter().collect(),
        }
    }
}

impl<T: Tree> UnindexedProducer for TreeProducer<T> {
    type Item = T::Item;

    fn split(mut self) -> (Self, Option<Self>) {
        // Open single subtrees (a chain of one-child nodes, or the root) until there are two
        // to share out, or none.
        while self.subtrees.len() == 1 {
            let Some(node) = self.subtrees.pop() else {
                break;
            };
            let (items, children) = node.open();
            self.items.extend(items);
            self.subtrees = children;
        }
        if self.subtrees.len() < 2 {
            return (self, None);
        }
        let right = Self {
            items: Vec::new(),
            subtrees: self.subtrees.split_off(self.subtrees.len() / 2),
        };
        (self, Some(right))
    }

    fn fold_with<F: Folder<Self::Item>>(self, folder: F) -> F {
        let mut folder = folder.consume_iter(self.items);
        for subtree in self.subtrees {
            if folder.full() {
                break;
            }
            folder = folder.consume_iter(subtree.items());
        }
        folder
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use rayon::iter::ParallelIterator;
    use rayon::iter::plumbing::{Folder, UnindexedConsumer, UnindexedProducer, bridge_unindexed};

    use super::{Tree, TreeProducer};

    /// Collects what a producer yields after splitting it as far as it goes, every piece
    /// folded on its own and the pieces concatenated in order; also returns the piece count.
    pub(crate) fn split_fully<P: UnindexedProducer>(producer: P) -> (Vec<P::Item>, usize) {
        struct Collect<I>(Vec<I>);
        impl<I> Folder<I> for Collect<I> {
            type Result = Vec<I>;
            fn consume(mut self, item: I) -> Self {
                self.0.push(item);
                self
            }
            fn complete(self) -> Vec<I> {
                self.0
            }
            fn full(&self) -> bool {
                false
            }
        }
        match producer.split() {
            (left, Some(right)) => {
                let (mut items, left_pieces) = split_fully(left);
                let (rest, right_pieces) = split_fully(right);
                items.extend(rest);
                (items, left_pieces + right_pieces)
            }
            (only, None) => (only.fold_with(Collect(Vec::new())).complete(), 1),
        }
    }

    /// A tree of numbers, each node with a few of its own and some children.
    struct Toy {
        items: Vec<u32>,
        children: Vec<Toy>,
    }

    impl<'a> Tree for &'a Toy {
        type Item = &'a u32;

        fn open(self) -> (Vec<&'a u32>, Vec<Self>) {
            (self.items.iter().collect(), self.children.iter().collect())
        }

        fn items(self) -> impl Iterator<Item = &'a u32> {
            let children: Box<dyn Iterator<Item = &'a u32>> =
                Box::new(self.children.iter().flat_map(Tree::items));
            self.items.iter().chain(children)
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
            bridge_unindexed(TreeProducer::new(Some(self.0)), consumer)
        }
    }

    fn shapes() -> &'static [(u32, u32)] {
        if cfg!(miri) {
            &[(0, 1), (2, 3)]
        } else {
            &[(0, 1), (1, 1), (3, 4), (6, 3), (2, 17)]
        }
    }

    #[test]
    fn every_split_keeps_pre_order() {
        for &(depth, fan_out) in shapes() {
            let mut next = 0;
            let tree = toy(depth, fan_out, &mut next);
            let (items, pieces) = split_fully(TreeProducer::new(Some(&tree)));
            let items: Vec<u32> = items.into_iter().copied().collect();
            assert_eq!(
                items,
                (0..next).collect::<Vec<_>>(),
                "depth {depth}, fan-out {fan_out}"
            );
            // Every node with two or more children was split: one piece per leaf subtree.
            if fan_out > 1 {
                assert_eq!(pieces, fan_out.pow(depth) as usize);
            }
        }
        let (items, pieces) = split_fully(TreeProducer::<&Toy>::new(None));
        assert!(items.is_empty());
        assert_eq!(pieces, 1);
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "rayon's pool (crossbeam-epoch) casts integers to pointers, refused under strict provenance"
    )]
    fn yields_every_item_once_in_pre_order() {
        for &(depth, fan_out) in shapes() {
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
