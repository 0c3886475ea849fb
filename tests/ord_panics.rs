//! What holds after a panic in user code during an update of `FrozenOrdMap` and `FrozenOrdSet`,
//! as their "Panics in user code" docs state it. Keys and values count their `Clone` and `Ord`
//! calls on a fuse that panics at the k-th call; closures and iterators tick the same fuse. Every
//! case runs for every k from 1 until the operation completes, on a container that owns its nodes
//! alone and on one that shares them with a kept clone, and checks after each run:
//!
//! - multi-key updates are all or nothing: the live value holds exactly what it held before, or
//!   exactly the model's result if the call returned;
//! - single-key updates leave a valid value (`len` agrees with forward and backward iteration
//!   and with a lookup of every key) holding the state before or after one of its calls, less at
//!   most one node's entries;
//! - value access (`get_mut`, `entry`) leaves the same entries, with whatever the user's code
//!   had written into a value;
//! - the kept clone is untouched, the live value stays usable, and once everything is dropped no
//!   key or value was dropped twice and at most one node's were leaked, where the docs say so.
//!
//! The last tests show why single-key updates must repair the tree: imbl's own `insert` loses
//! entries when a `Clone` panics during a node split (the doc comments say so; the test fails if
//! imbl changes), and a repaired map can lack up to one node's entries.

use std::cell::Cell;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};

use deepfreeze::ord_map::Entry;
use deepfreeze::{FrozenOrdMap, FrozenOrdSet};

thread_local! {
    /// Calls left before the fuse blows; `None` when disarmed.
    static FUSE: Cell<Option<usize>> = const { Cell::new(None) };
    /// Keys and values alive: made or cloned, minus dropped.
    static LIVE: Cell<i64> = const { Cell::new(0) };
}

/// One call of user code: panics if this is the call the fuse was armed for.
fn tick() {
    FUSE.with(|fuse| {
        if let Some(left) = fuse.get() {
            if left <= 1 {
                fuse.set(None);
                panic!("fuse");
            }
            fuse.set(Some(left - 1));
        }
    });
}

fn arm(k: usize) {
    quiet_fuse();
    FUSE.with(|fuse| fuse.set(Some(k)));
}

/// Keeps the fuse's thousands of expected panics out of the output; other panics (failed
/// assertions) print as usual.
fn quiet_fuse() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if info.payload().downcast_ref::<&str>() != Some(&"fuse") {
                default(info);
            }
        }));
    });
}

/// Disarms the fuse; returns `true` if it had blown.
fn disarm() -> bool {
    FUSE.with(|fuse| fuse.replace(None)).is_none()
}

/// Keys and values alive now; resets the count for the next run.
fn take_live() -> i64 {
    LIVE.with(|n| n.replace(0))
}

fn born() {
    LIVE.with(|n| n.set(n.get() + 1));
}

/// A key or value whose `Clone` and `Ord` tick the fuse and whose lifetime is counted. `tag`
/// does not take part in comparisons: it tells apart elements that are equal by `Ord`.
#[derive(Debug)]
struct Bomb {
    id: u32,
    tag: u32,
}

impl Bomb {
    fn new(id: u32) -> Self {
        Self::tagged(id, 0)
    }

    fn tagged(id: u32, tag: u32) -> Self {
        born();
        Self { id, tag }
    }
}

impl Clone for Bomb {
    fn clone(&self) -> Self {
        tick();
        Self::tagged(self.id, self.tag)
    }
}

impl Drop for Bomb {
    fn drop(&mut self) {
        LIVE.with(|n| n.set(n.get() - 1));
    }
}

impl PartialEq for Bomb {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Bomb {}

impl PartialOrd for Bomb {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Bomb {
    fn cmp(&self, other: &Self) -> Ordering {
        tick();
        self.id.cmp(&other.id)
    }
}

type Map = FrozenOrdMap<Bomb, Bomb>;
type Model = BTreeMap<u32, u32>;
type Set = FrozenOrdSet<Bomb>;
type SetModel = BTreeSet<u32>;

/// Entries of the containers under test: several leaves (nodes hold 16 entries), so that
/// inserts split and removals merge and rebalance nodes.
fn size() -> u32 {
    if cfg!(miri) { 24 } else { 64 }
}

/// The fuse positions tried: every one natively, every 101st under Miri (each run is a few
/// thousand interpreted calls), until the operation completes.
fn fuse_positions() -> impl Iterator<Item = usize> {
    (1..).step_by(if cfg!(miri) { 101 } else { 1 })
}

/// A container under test, with its std model.
trait Subject: Clone {
    type Model: Clone + PartialEq + fmt::Debug;
    /// Keys and values per entry.
    const PER_ENTRY: i64;
    /// The model every run starts from: multiples of 4, so that 3 keys in each gap are vacant
    /// (16 odd keys inserted into the first leaf, of 8 entries, make it split).
    fn start() -> Self::Model;
    fn build(model: &Self::Model) -> Self;
    /// What the container holds, in iteration order.
    fn contents(&self) -> Self::Model;
    /// `len`, forward and backward iteration, and a lookup of every element agree with `model`.
    fn check(&self, model: &Self::Model, what: &str);
    /// Insertions that split and removals that merge, on the container and the model.
    fn keep_using(&mut self, model: &mut Self::Model);
    /// If every entry of `part` is in `whole` (with the same value), how many of `whole`'s are
    /// missing from `part`.
    fn missing(part: &Self::Model, whole: &Self::Model) -> Option<usize>;
}

impl Subject for Map {
    type Model = Model;
    const PER_ENTRY: i64 = 2;

    fn start() -> Model {
        (0..size()).map(|i| (4 * i, 20 * i)).collect()
    }

    fn build(model: &Model) -> Self {
        model
            .iter()
            .map(|(k, v)| (Bomb::new(*k), Bomb::new(*v)))
            .collect()
    }

    fn contents(&self) -> Model {
        self.iter().map(|(k, v)| (k.id, v.id)).collect()
    }

    fn check(&self, model: &Model, what: &str) {
        let want: Vec<(u32, u32)> = model.iter().map(|(k, v)| (*k, *v)).collect();
        let back: Vec<(u32, u32)> = self.iter().rev().map(|(k, v)| (k.id, v.id)).collect();
        assert_eq!(self.len(), model.len(), "{what}: len");
        assert_eq!(Vec::from_iter(self.contents()), want, "{what}: iteration");
        assert!(back.iter().rev().eq(&want), "{what}: backward iteration");
        for (k, v) in model {
            assert_eq!(
                self.get(&Bomb::new(*k)).map(|v| v.id),
                Some(*v),
                "{what}: get({k})"
            );
        }
    }

    fn keep_using(&mut self, model: &mut Model) {
        for i in 0..8 {
            self.insert(Bomb::new(2 * i + 1), Bomb::new(i));
            model.insert(2 * i + 1, i);
        }
        for i in 0..8 {
            self.remove(&Bomb::new(8 * i));
            model.remove(&(8 * i));
        }
    }

    fn missing(part: &Model, whole: &Model) -> Option<usize> {
        let within = part.iter().all(|(k, v)| whole.get(k) == Some(v));
        within.then(|| whole.len() - part.len())
    }
}

impl Subject for Set {
    type Model = SetModel;
    const PER_ENTRY: i64 = 1;

    fn start() -> SetModel {
        (0..size()).map(|i| 4 * i).collect()
    }

    fn build(model: &SetModel) -> Self {
        model.iter().map(|x| Bomb::new(*x)).collect()
    }

    fn contents(&self) -> SetModel {
        self.iter().map(|x| x.id).collect()
    }

    fn check(&self, model: &SetModel, what: &str) {
        let want: Vec<u32> = model.iter().copied().collect();
        let back: Vec<u32> = self.iter().rev().map(|x| x.id).collect();
        assert_eq!(self.len(), model.len(), "{what}: len");
        assert_eq!(Vec::from_iter(self.contents()), want, "{what}: iteration");
        assert!(back.iter().rev().eq(&want), "{what}: backward iteration");
        for x in model {
            assert!(self.contains(&Bomb::new(*x)), "{what}: contains({x})");
        }
    }

    fn keep_using(&mut self, model: &mut SetModel) {
        for i in 0..8 {
            self.insert(Bomb::new(2 * i + 1));
            model.insert(2 * i + 1);
        }
        for i in 0..8 {
            self.remove(&Bomb::new(8 * i));
            model.remove(&(8 * i));
        }
    }

    fn missing(part: &SetModel, whole: &SetModel) -> Option<usize> {
        part.is_subset(whole).then(|| whole.len() - part.len())
    }
}

/// What every structural update promises after a panic: exactly what it held before the call.
fn unchanged<M: Clone>(before: &M) -> Vec<M> {
    vec![before.clone()]
}

/// The states after each of `n` calls, each all or nothing: `step(model, i)` is call `i`.
fn after_each_call<M: Clone>(before: &M, n: u32, step: impl Fn(&mut M, u32)) -> Vec<M> {
    let mut states = vec![before.clone()];
    for i in 0..n {
        let mut next = states.last().unwrap().clone();
        step(&mut next, i);
        states.push(next);
    }
    states
}

/// What a panicking run may do beyond ending in one of the states its case allows.
#[derive(Clone, Copy, PartialEq)]
enum Damage {
    /// Nothing: no leak.
    Nothing,
    /// A `Clone` panicking while a removal merges two nodes leaks the receiving node's entries:
    /// imbl-sized-chunks' `Chunk::insert_from` forgets the chunk's elements rather than risk
    /// dropping uninitialized ones. A node holds at most 16 entries.
    LeakUpToOneNode,
    /// A single-key update in place: besides that leak, the container may have lost up to one
    /// node's entries (a `Clone` panicked while imbl split or merged nodes, and the container
    /// rebuilt itself from what imbl left), and the entry being inserted.
    LoseUpToOneNode,
}

/// Entries per B-tree node in imbl 7.0.2.
const NODE_ENTRIES: i64 = 16;

/// Runs `op` for every fuse position k until it completes, on a container that owns its nodes
/// and on one sharing them with a kept clone, and checks what the docs promise: the container
/// holds what `model_op` makes of the model if `op` returned, or one of the `on_panic` states
/// (see [`after_each_call`]) if it panicked; the kept clone is untouched; the container stays
/// usable; nothing is dropped twice and at most `leaks` is leaked. Returns the most keys and
/// values one run leaked.
fn run_case<S: Subject>(
    name: &str,
    op: impl Fn(&mut S),
    model_op: impl Fn(&mut S::Model),
    on_panic: impl Fn(&S::Model) -> Vec<S::Model>,
    damage: Damage,
) -> i64 {
    let mut panics = 0;
    let mut most_leaked = 0;
    for shared in [false, true] {
        for k in fuse_positions() {
            let what = format!("{name} (shared: {shared}, fuse at {k})");
            let before = S::start();
            let mut subject = S::build(&before);
            let kept = shared.then(|| subject.clone());
            arm(k);
            let result = catch_unwind(AssertUnwindSafe(|| op(&mut subject)));
            let blown = disarm();
            assert_eq!(
                result.is_err(),
                blown,
                "{what}: the fuse's panic is the only one"
            );
            let mut want = before.clone();
            if result.is_ok() {
                model_op(&mut want);
            } else {
                let got = subject.contents();
                let allowed = on_panic(&before);
                let lost_at_most = match damage {
                    Damage::LoseUpToOneNode => NODE_ENTRIES as usize + 1,
                    _ => 0,
                };
                assert!(
                    allowed
                        .iter()
                        .any(|state| S::missing(&got, state).is_some_and(|n| n <= lost_at_most)),
                    "{what}: {got:?} is none of {allowed:?}, less at most {lost_at_most}"
                );
                want = got;
            }
            subject.check(&want, &what);
            if let Some(kept) = &kept {
                kept.check(&before, &format!("{what}: kept clone"));
            }
            subject.keep_using(&mut want);
            subject.check(&want, &format!("{what}: updated afterwards"));
            drop((subject, kept));
            let leaked = take_live();
            let limit = match damage {
                Damage::Nothing => 0,
                _ => NODE_ENTRIES * S::PER_ENTRY,
            };
            assert!(
                (0..=limit).contains(&leaked),
                "{what}: {leaked} left alive (a negative count is a double drop)"
            );
            most_leaked = most_leaked.max(leaked);
            if result.is_ok() {
                break;
            }
            panics += 1;
        }
    }
    assert!(panics > 0, "{name}: no run panicked");
    most_leaked
}

fn map_case(
    name: &str,
    op: fn(&mut Map),
    model_op: fn(&mut Model),
    on_panic: impl Fn(&Model) -> Vec<Model>,
    damage: Damage,
) -> i64 {
    run_case(name, op, model_op, on_panic, damage)
}

fn set_case(
    name: &str,
    op: fn(&mut Set),
    model_op: fn(&mut SetModel),
    on_panic: impl Fn(&SetModel) -> Vec<SetModel>,
    damage: Damage,
) -> i64 {
    run_case(name, op, model_op, on_panic, damage)
}

#[test]
fn map_updates_keep_the_map_valid() {
    // 16 absent keys into the first leaves: they fill up and split (where imbl alone loses
    // entries when a `Clone` panics).
    map_case(
        "insert",
        |m| {
            for i in 0..16 {
                m.insert(Bomb::new(2 * i + 1), Bomb::new(7));
            }
        },
        |m| {
            for i in 0..16 {
                m.insert(2 * i + 1, 7);
            }
        },
        |before| {
            after_each_call(before, 16, |m, i| {
                m.insert(2 * i + 1, 7);
            })
        },
        Damage::LoseUpToOneNode,
    );
    let leaked = map_case(
        "remove",
        |m| {
            for i in 0..12 {
                m.remove(&Bomb::new(4 * i));
            }
        },
        |m| {
            for i in 0..12 {
                m.remove(&(4 * i));
            }
        },
        |before| {
            after_each_call(before, 12, |m, i| {
                m.remove(&(4 * i));
            })
        },
        Damage::LoseUpToOneNode,
    );
    // Under Miri most fuse positions are skipped, and with them the one that leaks.
    assert!(
        cfg!(miri) || leaked > 0,
        "the leak the docs describe no longer happens: update them"
    );
    map_case(
        "remove_entry, pop_first, pop_last",
        |m| {
            m.remove_entry(&Bomb::new(40));
            m.pop_first();
            m.pop_last();
        },
        |m| {
            m.remove(&40);
            m.pop_first();
            m.pop_last();
        },
        |before| {
            after_each_call(before, 3, |m, i| {
                match i {
                    0 => drop(m.remove(&40)),
                    1 => drop(m.pop_first()),
                    _ => drop(m.pop_last()),
                };
            })
        },
        Damage::LoseUpToOneNode,
    );
    map_case(
        "retain",
        |m| {
            m.retain(|k, _| {
                tick();
                k.id % 3 != 0
            });
        },
        |m| m.retain(|k, _| k % 3 != 0),
        unchanged,
        Damage::LeakUpToOneNode,
    );
    map_case(
        "append",
        |m| {
            let mut other: Map = (0..12).map(|i| (Bomb::new(3 * i), Bomb::new(i))).collect();
            m.append(&mut other);
            assert!(other.is_empty());
        },
        |m| m.extend((0..12).map(|i| (3 * i, i))),
        unchanged,
        Damage::Nothing,
    );
    map_case(
        "split_off (small high part)",
        |m| drop(m.split_off(&Bomb::new(4 * size() - 40))),
        |m| drop(m.split_off(&(4 * size() - 40))),
        unchanged,
        Damage::LeakUpToOneNode,
    );
    map_case(
        "split_off (small low part)",
        |m| drop(m.split_off(&Bomb::new(40))),
        |m| drop(m.split_off(&40)),
        unchanged,
        Damage::LeakUpToOneNode,
    );
    map_case(
        "extend",
        |m| {
            m.extend((0..12).map(|i| {
                tick();
                (Bomb::new(3 * i), Bomb::new(i))
            }));
        },
        |m| m.extend((0..12).map(|i| (3 * i, i))),
        unchanged,
        Damage::Nothing,
    );
    map_case(
        "entry: vacant insert, occupied remove",
        |m| {
            if let Entry::Vacant(e) = m.entry(Bomb::new(5)) {
                e.insert(Bomb::new(50));
            }
            if let Entry::Occupied(e) = m.entry(Bomb::new(8)) {
                e.remove();
            }
        },
        |m| {
            m.insert(5, 50);
            m.remove(&8);
        },
        // Two calls: the insertion may have completed when the removal panics, or when the
        // lookup that `VacantEntry::insert` makes for the reference it returns panics.
        |before| {
            after_each_call(before, 2, |m, i| {
                if i == 0 {
                    m.insert(5, 50);
                } else {
                    m.remove(&8);
                }
            })
        },
        Damage::LoseUpToOneNode,
    );
}

#[test]
fn map_value_access_keeps_the_entries() {
    map_case(
        "get_mut",
        |m| {
            for i in (0..size()).step_by(7) {
                if let Some(v) = m.get_mut(&Bomb::new(4 * i)) {
                    v.id += 1;
                }
            }
        },
        |m| {
            for i in (0..size()).step_by(7) {
                if let Some(v) = m.get_mut(&(4 * i)) {
                    *v += 1;
                }
            }
        },
        // One call per key: the writes before the panicking lookup stay.
        |before| {
            after_each_call(before, size().div_ceil(7), |m, i| {
                *m.get_mut(&(28 * i)).unwrap() += 1;
            })
        },
        Damage::Nothing,
    );
    map_case(
        "entry().or_insert_with, closure panics",
        |m| {
            m.entry(Bomb::new(7)).or_insert_with(|| {
                tick();
                Bomb::new(70)
            });
        },
        |m| {
            m.insert(7, 70);
        },
        // The insertion is one step; a panic in the lookup for the returned reference comes
        // after it.
        |before| {
            after_each_call(before, 1, |m, _| {
                m.insert(7, 70);
            })
        },
        Damage::LoseUpToOneNode,
    );
    map_case(
        "entry().and_modify writes, then panics",
        |m| {
            m.entry(Bomb::new(8))
                .and_modify(|v| {
                    v.id += 1;
                    tick();
                })
                .or_insert(Bomb::new(0));
        },
        |m| *m.get_mut(&8).unwrap() += 1,
        // Before the write (in a lookup or a path copy) or after it, in the closure or in
        // `or_insert`'s lookup.
        |before| {
            let mut modified = before.clone();
            *modified.get_mut(&8).unwrap() += 1;
            vec![before.clone(), modified]
        },
        Damage::Nothing,
    );
}

/// Persistent updates and construction build a new map: a panic drops what was built and leaves
/// the input as it was.
#[test]
fn map_persistent_updates_leave_the_input() {
    map_case(
        "with_inserted, without, from_iter",
        |m| {
            let added = m.with_inserted(Bomb::new(9), Bomb::new(90));
            let removed = added.without(&Bomb::new(8)).without(&Bomb::new(12));
            let built: Map = (0..40)
                .map(|i| {
                    tick();
                    (Bomb::new(i), Bomb::new(i))
                })
                .collect();
            drop((added, removed, built));
        },
        |_| {},
        unchanged,
        Damage::LeakUpToOneNode,
    );
}

fn bomb_set(xs: impl IntoIterator<Item = u32>) -> Set {
    xs.into_iter().map(Bomb::new).collect()
}

#[test]
fn set_updates_keep_the_set_valid() {
    set_case(
        "insert",
        |s| {
            for i in 0..16 {
                s.insert(Bomb::new(2 * i + 1));
            }
        },
        |s| s.extend((0..16).map(|i| 2 * i + 1)),
        |before| {
            after_each_call(before, 16, |s, i| {
                s.insert(2 * i + 1);
            })
        },
        Damage::LoseUpToOneNode,
    );
    set_case(
        "replace",
        |s| {
            for i in 0..8 {
                s.replace(Bomb::tagged(8 * i, 1));
            }
        },
        |_| {},
        unchanged,
        Damage::LoseUpToOneNode,
    );
    let leaked = set_case(
        "remove",
        |s| {
            for i in 0..12 {
                s.remove(&Bomb::new(4 * i));
            }
        },
        |s| s.retain(|x| !(x % 4 == 0 && *x < 48)),
        |before| {
            after_each_call(before, 12, |s, i| {
                s.remove(&(4 * i));
            })
        },
        Damage::LoseUpToOneNode,
    );
    // Under Miri most fuse positions are skipped, and with them the one that leaks.
    assert!(
        cfg!(miri) || leaked > 0,
        "the leak the docs describe no longer happens: update them"
    );
    set_case(
        "take, pop_first, pop_last",
        |s| {
            s.take(&Bomb::new(40));
            s.pop_first();
            s.pop_last();
        },
        |s| {
            s.remove(&40);
            s.pop_first();
            s.pop_last();
        },
        |before| {
            after_each_call(before, 3, |s, i| {
                match i {
                    0 => drop(s.remove(&40)),
                    1 => drop(s.pop_first()),
                    _ => drop(s.pop_last()),
                };
            })
        },
        Damage::LoseUpToOneNode,
    );
    set_case(
        "retain",
        |s| {
            s.retain(|x| {
                tick();
                x.id % 3 != 0
            });
        },
        |s| s.retain(|x| x % 3 != 0),
        unchanged,
        Damage::LeakUpToOneNode,
    );
    set_case(
        "append",
        |s| {
            let mut other = bomb_set((0..12).map(|i| 3 * i));
            s.append(&mut other);
            assert!(other.is_empty());
        },
        |s| s.extend((0..12).map(|i| 3 * i)),
        unchanged,
        Damage::Nothing,
    );
    set_case(
        "split_off (small high part)",
        |s| drop(s.split_off(&Bomb::new(4 * size() - 40))),
        |s| drop(s.split_off(&(4 * size() - 40))),
        unchanged,
        Damage::LeakUpToOneNode,
    );
    set_case(
        "split_off (small low part)",
        |s| drop(s.split_off(&Bomb::new(40))),
        |s| drop(s.split_off(&40)),
        unchanged,
        Damage::LeakUpToOneNode,
    );
    set_case(
        "extend",
        |s| {
            s.extend((0..12).map(|i| {
                tick();
                Bomb::new(3 * i)
            }));
        },
        |s| s.extend((0..12).map(|i| 3 * i)),
        unchanged,
        Damage::Nothing,
    );
}

/// Set algebra and persistent updates build a new set: a panic drops what was built and leaves
/// the inputs as they were.
#[test]
fn set_algebra_leaves_the_inputs() {
    set_case(
        "union, intersection, difference, symmetric_difference, with_inserted, without",
        |s| {
            let other = bomb_set((0..30).map(|i| 3 * i));
            let results = [
                &*s | &other,
                &*s & &other,
                &*s - &other,
                &other - &*s,
                &*s ^ &other,
                s.with_inserted(Bomb::new(5)),
                s.without(&Bomb::new(8)),
            ];
            drop(results);
        },
        |_| {},
        unchanged,
        Damage::LeakUpToOneNode,
    );
}

/// Why the wrappers update a clone of the tree: imbl's own in-place `insert` is not panic-safe.
/// A `K::clone` that panics while a full leaf splits (imbl clones the new leaf's first key as
/// the separator, after moving the entries) loses the split-off entries while `len()` still
/// counts them. The "Panics in user code" docs say so; if imbl changes, this test fails. Not
/// under Miri, whose fuse positions skip most calls (and the repair test below covers the same
/// corrupted trees).
#[test]
#[cfg_attr(miri, ignore)]
fn imbl_alone_loses_entries_when_a_split_panics() {
    let mut corrupted = false;
    for k in fuse_positions() {
        let mut tree: imbl::GenericOrdMap<Bomb, Bomb, archery::ArcTK> = (0..size())
            .map(|i| (Bomb::new(2 * i), Bomb::new(i)))
            .collect();
        arm(k);
        let result = catch_unwind(AssertUnwindSafe(|| {
            for i in 0..size() {
                tree.insert(Bomb::new(2 * i + 1), Bomb::new(i));
            }
        }));
        disarm();
        corrupted |= tree.len() != tree.iter().count();
        drop(tree);
        take_live();
        if result.is_ok() {
            break;
        }
    }
    assert!(
        corrupted,
        "imbl's insert is panic-safe now: update the docs of the ordered containers"
    );
}

/// The loss the docs describe for single-key updates: after a `Clone` panics mid-split, the map
/// rebuilds itself from what imbl left, which lacks the split-off entries. Every fuse position
/// (also under Miri, which so runs the repair path on the corrupted trees); the test fails if no
/// run loses anything (then the docs overstate) or one loses more than a node. (Removals stay
/// within the same bound: the cases above check it.)
#[test]
fn single_key_updates_lose_at_most_one_node() {
    let mut most_lost = 0;
    for k in 1.. {
        let before = Map::start();
        let mut map = Map::build(&before);
        arm(k);
        // The first leaf holds 8 entries: the 9th insertion into it splits it. Natively, 16
        // insertions split it at different fill levels; under Miri, 9 keep the runs few.
        let inserts = if cfg!(miri) { 9 } else { 16 };
        let result = catch_unwind(AssertUnwindSafe(|| {
            for i in 0..inserts {
                map.insert(Bomb::new(2 * i + 1), Bomb::new(1));
            }
        }));
        disarm();
        let got = map.contents();
        map.check(&got, &format!("fuse at {k}"));
        let lost = before.keys().filter(|k| !got.contains_key(k)).count();
        most_lost = most_lost.max(lost);
        drop(map);
        assert!(
            (0..=NODE_ENTRIES * 2).contains(&take_live()),
            "fuse at {k}: a leak beyond one node"
        );
        if result.is_ok() {
            assert_eq!(lost, 0);
            break;
        }
    }
    assert!(
        (1..=NODE_ENTRIES as usize).contains(&most_lost),
        "lost {most_lost}: update the docs"
    );
}
