//! The one depth-first descent of a trie, shared by every walk over it: the serial iterators
//! (whole trie, counted) and the sub-trie views of the parallel producers (any node, uncounted).
//!
//! A walk differs from another only in how it reads one node's slots, so that is all a
//! [`Level`] says: shared (`&Slot`), writable (`&mut Slot`, each node made unique when entered)
//! or owning (slots moved out of unique nodes, cloned out of shared ones). [`Cursor`] stacks
//! levels and visits in trie order: a node's inline entries, then its children, depth first.
//!
//! A level reads a node's whole slice and skips its vacant slots (the spare tail an in-place
//! removal leaves, see [`super::node::Body`]), rather than taking only the live ones through
//! [`super::node::slots`]: counting the live slots is a population count per node entered,
//! which on baseline x86-64 (no `popcnt`) costs a walk more than the tails it skips. The shared
//! level's `fold` does count a node's inline entries, inside the `popcnt` copy of
//! [`super::popcnt::with_popcnt`], to read them in a loop of their own.

use core::mem;
use core::slice;

use triomphe::Arc;

use super::node::{Loose, MAX_DEPTH, Node, Slot, make_mut, take_slot};
use super::popcnt::with_popcnt;

/// What the next non-vacant slot of a node holds.
pub(crate) enum Part<E, C> {
    /// An entry stored in the node itself.
    Entry(E),
    /// A sub-trie, not entered yet.
    Child(C),
}

/// The slots of one node, read by one kind of access. `Default` is a node with no slots left.
pub(crate) trait Level: Default {
    /// What the walk yields for an entry.
    type Entry;
    /// A sub-trie as this access holds it before entering it.
    type Child;

    /// The next entry or child of this node, skipping vacant slots; `None` at its end.
    fn next_part(&mut self) -> Option<Part<Self::Entry, Self::Child>>;

    /// The entry in this node's next slot, if that slot is an entry; otherwise `None`, and
    /// nothing is read. The step a walk takes most often, kept apart from the others.
    fn next_entry(&mut self) -> Option<Self::Entry>;

    /// The child in this node's next slot, if that slot is a child; otherwise `None`, and
    /// nothing is read.
    fn next_child(&mut self) -> Option<Self::Child>;

    /// Starts reading the root node of `child`.
    fn enter(child: Self::Child) -> Self;

    /// Whether this node has no slots left to read. A walk does not keep such a node to come
    /// back to, and most nodes are: a node's children are its last slots.
    fn is_done(&self) -> bool;

    /// Folds `f` over the rest of this node's parts: what [`next_part`](Self::next_part)
    /// would yield, for a level that can read its slots faster in one pass.
    #[inline]
    fn fold_parts<B>(
        mut self,
        mut acc: B,
        mut f: impl FnMut(B, Part<Self::Entry, Self::Child>) -> B,
    ) -> B {
        while let Some(part) = self.next_part() {
            acc = f(acc, part);
        }
        acc
    }

    /// Folds `f` over every entry of the sub-trie `child`, in trie order, for a level that has a
    /// faster walk of whole sub-tries than entering them one level at a time.
    #[inline]
    fn fold_child<B>(child: Self::Child, acc: B, f: &mut impl FnMut(B, Self::Entry) -> B) -> B {
        fold_level(Self::enter(child), acc, f)
    }
}

impl<'a, K, V> Level for slice::Iter<'a, Slot<K, V>> {
    type Entry = (&'a K, &'a V);
    type Child = &'a Node<K, V>;

    #[inline]
    fn next_part(&mut self) -> Option<Part<Self::Entry, Self::Child>> {
        loop {
            match self.next()? {
                Slot::Entry { key, value, .. } => return Some(Part::Entry((key, value))),
                Slot::Child(child) => return Some(Part::Child(child)),
                Slot::Vacant => {}
            }
        }
    }

    #[inline]
    fn next_entry(&mut self) -> Option<Self::Entry> {
        let mut ahead = self.clone();
        match ahead.next() {
            Some(Slot::Entry { key, value, .. }) => {
                *self = ahead;
                Some((key, value))
            }
            _ => None,
        }
    }

    #[inline]
    fn next_child(&mut self) -> Option<Self::Child> {
        let mut ahead = self.clone();
        match ahead.next() {
            Some(Slot::Child(child)) => {
                *self = ahead;
                Some(child)
            }
            _ => None,
        }
    }

    #[inline]
    fn enter(child: Self::Child) -> Self {
        child.slice.iter()
    }

    #[inline]
    fn is_done(&self) -> bool {
        self.as_slice().is_empty()
    }

    #[inline]
    fn fold_parts<B>(
        self,
        mut acc: B,
        mut f: impl FnMut(B, Part<Self::Entry, Self::Child>) -> B,
    ) -> B {
        for slot in self.as_slice() {
            acc = match slot {
                Slot::Entry { key, value, .. } => f(acc, Part::Entry((key, value))),
                Slot::Child(child) => f(acc, Part::Child(child)),
                Slot::Vacant => acc,
            };
        }
        acc
    }

    #[inline]
    fn fold_child<B>(child: Self::Child, acc: B, f: &mut impl FnMut(B, Self::Entry) -> B) -> B {
        with_popcnt(move || fold_sub_trie(child, acc, f))
    }
}

/// Folds `f` over the entries of the sub-trie `root`, in trie order, with an explicit stack of
/// the children still to visit (so that it all compiles inside [`with_popcnt`]).
///
/// A node's slots are split by its `data` bitmap: the inline entries come first, so the first
/// `popcount(data)` slots are read in a loop of their own, which ends on a count rather than on
/// a slot's tag (whose outcome changes from node to node and mispredicts). The slots after them
/// (children, then any vacant tail) are read by tag. Every slot is still read by its tag, so the
/// walk yields what a walk by tags alone yields even if the bitmaps and slots disagreed; only its
/// speed relies on them agreeing.
#[inline(always)]
fn fold_sub_trie<'a, K, V, B>(
    root: &'a Node<K, V>,
    acc: B,
    f: &mut impl FnMut(B, (&'a K, &'a V)) -> B,
) -> B {
    let mut parents: [&'a [Slot<K, V>]; MAX_DEPTH] = [&[]; MAX_DEPTH];
    let mut depth = 0;
    let (mut acc, rest) = fold_inline(root, acc, f);
    let mut rest = rest.iter();
    loop {
        let Some(slot) = rest.next() else {
            if depth == 0 {
                return acc;
            }
            depth -= 1;
            rest = parents[depth].iter();
            continue;
        };
        match slot {
            Slot::Child(child) => {
                let below;
                (acc, below) = fold_inline(child, acc, f);
                if below.is_empty() {
                    continue;
                }
                let parent = mem::replace(&mut rest, below.iter());
                if !parent.as_slice().is_empty() {
                    // A path has at most `MAX_DEPTH` nodes, so at most `MAX_DEPTH - 1` parents.
                    parents[depth] = parent.as_slice();
                    depth += 1;
                }
            }
            Slot::Entry { key, value, .. } => acc = f(acc, (key, value)),
            Slot::Vacant => {}
        }
    }
}

/// Folds `f` over the inline entries of `node` (its first `popcount(data)` slots, see
/// [`fold_sub_trie`]) and returns its other slots.
#[inline(always)]
fn fold_inline<'a, K, V, B>(
    node: &'a Node<K, V>,
    mut acc: B,
    f: &mut impl FnMut(B, (&'a K, &'a V)) -> B,
) -> (B, &'a [Slot<K, V>]) {
    let slots = &node.slice[..];
    let inline = (node.header.data.count_ones() as usize).min(slots.len());
    let (entries, rest) = slots.split_at(inline);
    for slot in entries {
        acc = match slot {
            Slot::Entry { key, value, .. } => f(acc, (key, value)),
            other => fold_misplaced(other, acc, f),
        };
    }
    (acc, rest)
}

/// What a walk by tags makes of `slot`, a slot that is not an entry where the bitmaps place
/// entries: never reached while the bitmaps and the slots agree.
#[cold]
#[inline(never)]
fn fold_misplaced<'a, K, V, B>(
    slot: &'a Slot<K, V>,
    acc: B,
    f: &mut impl FnMut(B, (&'a K, &'a V)) -> B,
) -> B {
    fold_level(slice::from_ref(slot).iter(), acc, f)
}

/// Writable access: a node is made unique (copied if shared) when the walk enters it, so a
/// `&mut V` never reaches a node another version can see, and nodes not reached stay shared.
impl<'a, K: Clone, V: Clone> Level for slice::IterMut<'a, Slot<K, V>> {
    type Entry = (&'a K, &'a mut V);
    type Child = &'a mut Node<K, V>;

    #[inline]
    fn next_part(&mut self) -> Option<Part<Self::Entry, Self::Child>> {
        loop {
            match self.next()? {
                Slot::Entry { key, value, .. } => return Some(Part::Entry((&*key, value))),
                Slot::Child(child) => return Some(Part::Child(child)),
                Slot::Vacant => {}
            }
        }
    }

    #[inline]
    fn next_entry(&mut self) -> Option<Self::Entry> {
        match mem::take(self).into_slice() {
            [Slot::Entry { key, value, .. }, rest @ ..] => {
                *self = rest.iter_mut();
                Some((&*key, value))
            }
            slots => {
                *self = slots.iter_mut();
                None
            }
        }
    }

    #[inline]
    fn next_child(&mut self) -> Option<Self::Child> {
        match mem::take(self).into_slice() {
            [Slot::Child(child), rest @ ..] => {
                *self = rest.iter_mut();
                Some(child)
            }
            slots => {
                *self = slots.iter_mut();
                None
            }
        }
    }

    #[inline]
    fn enter(child: Self::Child) -> Self {
        make_mut(child).slice.iter_mut()
    }

    #[inline]
    fn is_done(&self) -> bool {
        self.len() == 0
    }
}

/// Owning access to one node: the node, until its last slot is read, and the next slot index.
pub(crate) struct OwnedLevel<K, V> {
    node: Option<Node<K, V>>,
    next: usize,
}

impl<K, V> Default for OwnedLevel<K, V> {
    #[inline]
    fn default() -> Self {
        Self {
            node: None,
            next: 0,
        }
    }
}

impl<K: Clone, V: Clone> Level for OwnedLevel<K, V> {
    type Entry = Loose<K, V>;
    type Child = Node<K, V>;

    fn next_part(&mut self) -> Option<Part<Self::Entry, Self::Child>> {
        loop {
            let node = self.node.as_mut()?;
            let index = self.next;
            if index == node.slice.len() {
                // Read to the end: release the node now rather than when the walk leaves it.
                self.node = None;
                return None;
            }
            self.next += 1;
            match take_or_clone(node, index) {
                Slot::Entry { hash, key, value } => {
                    return Some(Part::Entry(Loose { hash, key, value }));
                }
                Slot::Child(child) => return Some(Part::Child(child)),
                Slot::Vacant => {}
            }
        }
    }

    #[inline]
    fn next_entry(&mut self) -> Option<Self::Entry> {
        let node = self.node.as_mut()?;
        let index = self.next;
        if !matches!(node.slice.get(index), Some(Slot::Entry { .. })) {
            return None;
        }
        self.next += 1;
        match take_or_clone(node, index) {
            Slot::Entry { hash, key, value } => Some(Loose { hash, key, value }),
            _ => unreachable!("an entry's slot moves or clones into an entry"),
        }
    }

    #[inline]
    fn next_child(&mut self) -> Option<Self::Child> {
        let node = self.node.as_mut()?;
        let index = self.next;
        if !matches!(node.slice.get(index), Some(Slot::Child(_))) {
            return None;
        }
        self.next += 1;
        match take_or_clone(node, index) {
            Slot::Child(child) => Some(child),
            _ => unreachable!("a child's slot moves or clones into a child"),
        }
    }

    #[inline]
    fn enter(child: Self::Child) -> Self {
        Self {
            node: Some(child),
            next: 0,
        }
    }

    #[inline]
    fn is_done(&self) -> bool {
        self.node
            .as_ref()
            .is_none_or(|node| self.next == node.slice.len())
    }
}

/// The slot at `index` of `node`: moved out (leaving `Vacant`) if `node` is the only handle to
/// it (the node is then dropped by its owner without anyone seeing it again), cloned if shared.
fn take_or_clone<K: Clone, V: Clone>(node: &mut Node<K, V>, index: usize) -> Slot<K, V> {
    match Arc::get_mut(node) {
        Some(body) => take_slot(&mut body.slice[index]),
        None => node.slice[index].clone(),
    }
}

/// The entries of `child`'s root node, in order, and its children, in order (entered by
/// nothing yet).
#[cfg(feature = "rayon")]
pub(crate) fn open<L: Level>(child: L::Child) -> (Vec<L::Entry>, Vec<L::Child>) {
    let mut level = L::enter(child);
    let mut entries = Vec::new();
    let mut children = Vec::new();
    while let Some(part) = level.next_part() {
        match part {
            Part::Entry(entry) => entries.push(entry),
            Part::Child(child) => children.push(child),
        }
    }
    (entries, children)
}

/// A depth-first walk: the level being read, the nearest ancestor with slots left, and the
/// ancestors above that in a fixed array (a path has at most `MAX_DEPTH` nodes).
///
/// Most steps of `next` yield an entry of the current level: one slot step and one tag test,
/// inlined. Most of the others finish a small node and go on with the parent's next child,
/// which is why the parent has a field of its own (no stack index). `fold` recurses instead of
/// stacking (the shared level walks each sub-trie with a stack of its own, see
/// [`fold_sub_trie`]).
#[derive(Clone)]
pub(crate) struct Cursor<L> {
    current: L,
    /// `Default` (no slots) when no ancestor has slots left.
    parent: L,
    /// The ancestors above `parent` that have slots left, outermost first.
    ancestors: [L; MAX_DEPTH],
    depth: usize,
}

impl<L: Level> Cursor<L> {
    /// A walk over the sub-trie `root`, or over nothing.
    #[inline]
    pub(crate) fn new(root: Option<L::Child>) -> Self {
        Self {
            current: root.map_or_else(L::default, L::enter),
            parent: L::default(),
            ancestors: Default::default(),
            depth: 0,
        }
    }

    /// [`next`](Iterator::next) when the current node's next slot is not an entry. Most often
    /// the current node is read to its end, the parent's next slot is a child, and that child's
    /// first slot an entry: that case is inlined, the others are [`step`](Self::step)'s.
    #[inline]
    fn next_node(&mut self) -> Option<L::Entry> {
        if self.current.is_done() {
            if let Some(child) = self.parent.next_child() {
                self.current = L::enter(child);
                if let Some(entry) = self.current.next_entry() {
                    return Some(entry);
                }
            }
        }
        self.step()
    }

    /// [`next`](Iterator::next) when the current node's next slot is not an entry: enters a
    /// child, or goes on with the nearest ancestor that has slots left.
    ///
    /// Out of line and cold (it runs about once per node that has children), so that `next`
    /// stays small enough to be inlined into the caller's loop.
    #[cold]
    #[inline(never)]
    fn step(&mut self) -> Option<L::Entry> {
        loop {
            match self.current.next_part() {
                Some(Part::Entry(entry)) => return Some(entry),
                Some(Part::Child(child)) => {
                    // A node read to its end is not kept (released here, for the owning walk).
                    let rest = mem::replace(&mut self.current, L::enter(child));
                    if !rest.is_done() {
                        let above = mem::replace(&mut self.parent, rest);
                        if !above.is_done() {
                            // A path has at most `MAX_DEPTH` nodes, so at most `MAX_DEPTH - 2`
                            // ancestors above the parent.
                            self.ancestors[self.depth] = above;
                            self.depth += 1;
                        }
                    }
                }
                None => loop {
                    // The current node is read to its end (released, for the owning walk).
                    match self.parent.next_part() {
                        Some(Part::Child(child)) => {
                            self.current = L::enter(child);
                            break;
                        }
                        // A node's entries come before its children, so a parent has none left;
                        // if it had, the current node (read to its end) sends the walk back to
                        // it next time.
                        Some(Part::Entry(entry)) => return Some(entry),
                        None => {
                            let top = self.depth.checked_sub(1)?;
                            self.parent = mem::take(&mut self.ancestors[top]);
                            self.depth = top;
                        }
                    }
                },
            }
            if let Some(entry) = self.current.next_entry() {
                return Some(entry);
            }
        }
    }
}

impl<L: Level> Iterator for Cursor<L> {
    type Item = L::Entry;

    #[inline]
    fn next(&mut self) -> Option<L::Entry> {
        match self.current.next_entry() {
            Some(entry) => Some(entry),
            None => self.next_node(),
        }
    }

    fn fold<B, F>(mut self, init: B, mut f: F) -> B
    where
        F: FnMut(B, L::Entry) -> B,
    {
        let mut acc = fold_level(mem::take(&mut self.current), init, &mut f);
        acc = fold_level(mem::take(&mut self.parent), acc, &mut f);
        while self.depth > 0 {
            self.depth -= 1;
            let level = mem::take(&mut self.ancestors[self.depth]);
            acc = fold_level(level, acc, &mut f);
        }
        acc
    }
}

/// Folds `f` over the rest of `level` and the sub-tries it points to, in trie order.
fn fold_level<L: Level, B>(level: L, acc: B, f: &mut impl FnMut(B, L::Entry) -> B) -> B {
    level.fold_parts(acc, |acc, part| match part {
        Part::Entry(entry) => f(acc, entry),
        Part::Child(child) => L::fold_child(child, acc, f),
    })
}
