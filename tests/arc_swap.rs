//! `ArcSwapAny<FrozenArc<T>>` publishes frozen snapshots (feature `arc-swap`): readers never see
//! a torn or stale-then-older version, and every version is dropped exactly once.
#![cfg(feature = "arc-swap")]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use arc_swap::Guard;
use deepfreeze::arc_swap::{ArcSwapFrozen, ArcSwapFrozenOption};
use deepfreeze::{Frozen, FrozenArc, FrozenOrdMap, FrozenStr, FrozenVec};

/// Versions the writer publishes.
const VERSIONS: u64 = if cfg!(miri) { 12 } else { 5_000 };
const READERS: usize = if cfg!(miri) { 2 } else { 3 };

/// Counts of created and dropped [`Tracker`]s, one pair per test (tests run in parallel).
static CREATED: [AtomicUsize; 4] = [const { AtomicUsize::new(0) }; 4];
static DROPPED: [AtomicUsize; 4] = [const { AtomicUsize::new(0) }; 4];

/// Counts its own creation and drop in the counters of test `slot`.
#[derive(Frozen, Debug)]
struct Tracker {
    slot: usize,
}

impl Tracker {
    fn new(slot: usize) -> Self {
        CREATED[slot].fetch_add(1, Ordering::Relaxed);
        Tracker { slot }
    }
}

impl Drop for Tracker {
    fn drop(&mut self) {
        DROPPED[self.slot].fetch_add(1, Ordering::Relaxed);
    }
}

fn live(slot: usize) -> usize {
    CREATED[slot].load(Ordering::SeqCst) - DROPPED[slot].load(Ordering::SeqCst)
}

/// A version whose every field encodes `version`, so a torn read shows.
#[derive(Frozen, Debug)]
struct Snapshot {
    version: u64,
    name: FrozenStr,
    multiples: FrozenVec<u64>,
    index: FrozenOrdMap<u64, u64>,
    nested: FrozenArc<(u64, FrozenStr)>,
    #[allow(dead_code)] // only its drop matters
    tracker: Tracker,
}

impl Snapshot {
    fn new(version: u64, slot: usize) -> Self {
        Snapshot {
            version,
            name: FrozenStr::from(format!("version {version}").as_str()),
            multiples: (0..8).map(|i| version * i).collect(),
            index: (0..4).map(|i| (i, version + i)).collect(),
            nested: FrozenArc::new((version, FrozenStr::from(version.to_string().as_str()))),
            tracker: Tracker::new(slot),
        }
    }

    /// Panics unless every field agrees with `version`.
    fn check(&self) {
        let v = self.version;
        assert_eq!(&*self.name, format!("version {v}"));
        assert!(
            self.multiples.iter().copied().eq((0..8).map(|i| v * i)),
            "{self:?}"
        );
        assert!(
            self.index
                .iter()
                .map(|(k, x)| (*k, *x))
                .eq((0..4).map(|i| (i, v + i))),
            "{self:?}"
        );
        assert_eq!(self.nested.0, v);
        assert_eq!(&*self.nested.1, v.to_string());
    }
}

#[test]
fn readers_see_complete_monotonic_snapshots_and_nothing_leaks() {
    const SLOT: usize = 0;
    {
        let current = ArcSwapFrozen::new(FrozenArc::new(Snapshot::new(0, SLOT)));
        let done = AtomicBool::new(false);
        thread::scope(|s| {
            for reader in 0..READERS {
                let (current, done) = (&current, &done);
                s.spawn(move || {
                    let mut last = 0;
                    let mut held: Vec<Guard<FrozenArc<Snapshot>>> = Vec::new();
                    loop {
                        let finished = done.load(Ordering::Acquire);
                        let snapshot = current.load();
                        snapshot.check();
                        assert!(
                            snapshot.version >= last,
                            "went back from {last} to {}",
                            snapshot.version
                        );
                        last = snapshot.version;
                        // Hold a few guards (and full handles) across the writer's stores, so the
                        // debt and fallback paths of arc-swap both run.
                        if reader == 0 {
                            held.push(snapshot);
                            if held.len() > 4 {
                                held.remove(0);
                            }
                        } else {
                            let full: FrozenArc<Snapshot> = Guard::into_inner(snapshot);
                            full.check();
                        }
                        if finished {
                            assert_eq!(last, VERSIONS, "the last store is visible after `done`");
                            break;
                        }
                        thread::yield_now();
                    }
                    for snapshot in held {
                        snapshot.check();
                    }
                });
            }
            s.spawn(|| {
                for version in 1..=VERSIONS {
                    if version % 3 == 0 {
                        // Read-copy-update: the closure may run more than once; each extra
                        // version it builds must be dropped too.
                        current.rcu(|old| {
                            assert_eq!(old.version, version - 1);
                            FrozenArc::new(Snapshot::new(version, SLOT))
                        });
                    } else {
                        let old = current.swap(FrozenArc::new(Snapshot::new(version, SLOT)));
                        assert_eq!(old.version, version - 1);
                    }
                }
                done.store(true, Ordering::Release);
            });
        });
        let last = current.load_full();
        last.check();
        assert_eq!(last.version, VERSIONS);
        // The swap and one handle hold the last version; everything older has been dropped.
        assert_eq!(FrozenArc::strong_count(&last), 2);
        assert_eq!(live(SLOT), 1);
    }
    assert_eq!(CREATED[SLOT].load(Ordering::SeqCst) as u64, VERSIONS + 1);
    assert_eq!(live(SLOT), 0, "every version was dropped exactly once");
}

#[test]
fn counts_are_balanced_through_load_store_and_compare_and_swap() {
    const SLOT: usize = 1;
    {
        let first = FrozenArc::new(Snapshot::new(1, SLOT));
        let swap = ArcSwapFrozen::new(first.clone());
        assert_eq!(FrozenArc::strong_count(&first), 2);
        {
            let guard = swap.load();
            assert!(FrozenArc::ptr_eq(&guard, &first));
            let full = swap.load_full();
            assert_eq!(FrozenArc::strong_count(&full), 3);
        }
        assert_eq!(FrozenArc::strong_count(&first), 2);

        let second = FrozenArc::new(Snapshot::new(2, SLOT));
        // A compare-and-swap against a stale value fails and changes nothing.
        let stale = FrozenArc::new(Snapshot::new(9, SLOT));
        let prev = swap.compare_and_swap(&stale, second.clone());
        assert!(FrozenArc::ptr_eq(&prev, &first));
        assert_eq!(swap.load().version, 1);
        drop((prev, stale));
        // Against the current value it succeeds.
        let prev = swap.compare_and_swap(&first, second.clone());
        assert!(FrozenArc::ptr_eq(&prev, &first));
        drop(prev);
        assert_eq!(FrozenArc::strong_count(&first), 1);
        assert_eq!(swap.load().version, 2);
        assert_eq!(FrozenArc::strong_count(&second), 2);

        swap.store(FrozenArc::new(Snapshot::new(3, SLOT)));
        assert_eq!(FrozenArc::strong_count(&second), 1);
        assert_eq!(swap.into_inner().version, 3);
        assert_eq!(live(SLOT), 2);
    }
    assert_eq!(CREATED[SLOT].load(Ordering::SeqCst), 4);
    assert_eq!(live(SLOT), 0);
}

#[test]
fn optional_frozen_arcs_swap_too() {
    const SLOT: usize = 2;
    {
        let maybe = ArcSwapFrozenOption::<Snapshot>::new(None);
        assert!(maybe.load().is_none());
        maybe.store(Some(FrozenArc::new(Snapshot::new(5, SLOT))));
        maybe.load().as_ref().expect("stored").check();
        let old = maybe.swap(None).expect("was some");
        assert_eq!(old.version, 5);
        assert_eq!(FrozenArc::strong_count(&old), 1);
    }
    assert_eq!(live(SLOT), 0);
}

/// A recursive frozen chain, to drop deep graphs through arc-swap's decrement.
#[derive(Frozen)]
struct Link {
    #[allow(dead_code)] // only its drop matters
    next: Option<FrozenArc<Link>>,
    #[allow(dead_code)] // only its drop matters
    tracker: Tracker,
}

#[test]
fn replacing_a_deep_chain_drops_it_without_overflow() {
    const SLOT: usize = 3;
    let depth = if cfg!(miri) { 500 } else { 100_000 };
    thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let mut head = None;
            for _ in 0..depth {
                head = Some(FrozenArc::new(Link {
                    next: head,
                    tracker: Tracker::new(SLOT),
                }));
            }
            let swap = ArcSwapFrozen::new(head.expect("non-empty"));
            assert_eq!(live(SLOT), depth);
            // The old chain's last handle goes through `RefCnt::dec` or the returned handle.
            swap.store(FrozenArc::new(Link {
                next: None,
                tracker: Tracker::new(SLOT),
            }));
            assert_eq!(live(SLOT), 1);
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    assert_eq!(live(SLOT), 0);
}
