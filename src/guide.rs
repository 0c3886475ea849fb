//! A guide for authors of concurrency crates: what a `T: Frozen` bound lets an API promise, and
//! the patterns that make frozen values cheap to share (publishing snapshots, fan-out, watch
//! channels, data parallelism).
//!
//! This module holds no items; every example below runs as a test. The examples that need one of
//! this crate's features (`arc-swap`, `rayon`) run when it is on; tokio and crossbeam-channel
//! are only the examples' own dependencies.
//!
//! # 1. A `T: Frozen` bound, and what it lets your crate promise
//!
//! `Send + Sync` says a value may be *shared*; it does not say it won't *change*: a
//! `Mutex<Vec<u8>>` is `Sync`, and so is a struct with an `AtomicU64` counter inside. A crate
//! that hands one value to many consumers (a message bus, an actor system, a cache, a pipeline)
//! therefore usually has to choose between copying the value for every consumer, or documenting
//! that consumers may see each other's changes.
//!
//! [`Frozen`](crate::Frozen) closes that gap: `T: Frozen` proves, from the type alone, that
//! nothing reachable from a `&T` can change, deeply. A crate that bounds its API on it can
//! promise, and rely on in its own `unsafe` code:
//!
//! - **Value semantics at the cost of a refcount.** Every consumer receives the same allocation
//!   and still behaves as if it had its own copy: no consumer can observe another one's actions.
//! - **No locks on the read side.** Readers never synchronize with each other or with writers;
//!   a writer publishes a *new* value instead of changing the old one.
//! - **Stable derived data.** A hash, a length, a validation result or a serialized form computed
//!   once from a `&T` stays true for as long as the value lives, so it may be cached next to it.
//!
//! ```
//! use deepfreeze::{Frozen, FrozenArc, FrozenVec};
//!
//! /// A topic that many subscribers read. `T: Frozen` is what lets `publish` share one
//! /// allocation with every subscriber instead of cloning the message for each.
//! pub struct Topic<T: Frozen> {
//!     history: Vec<FrozenArc<T>>,
//! }
//!
//! impl<T: Frozen> Topic<T> {
//!     pub fn publish(&mut self, message: T) -> FrozenArc<T> {
//!         let shared = FrozenArc::new(message);
//!         self.history.push(shared.clone()); // O(1): one atomic increment
//!         shared
//!     }
//!
//!     /// The length of every message's payload, computed once: it can never go stale.
//!     pub fn sizes(&self) -> Vec<usize>
//!     where
//!         T: AsRef<[u8]>,
//!     {
//!         self.history.iter().map(|m| (**m).as_ref().len()).collect()
//!     }
//! }
//!
//! #[derive(Frozen)]
//! struct Frame {
//!     id: u64,
//!     pixels: FrozenVec<u8>,
//! }
//!
//! let mut topic = Topic { history: Vec::new() };
//! let frame = topic.publish(Frame { id: 1, pixels: (0..=255).collect() });
//! let seen_by_another_thread = std::thread::spawn({
//!     let frame = frame.clone();
//!     move || frame.pixels.len()
//! });
//! assert_eq!(seen_by_another_thread.join().unwrap(), 256);
//! assert!(FrozenArc::ptr_eq(&frame, &topic.history[0])); // one allocation, shared
//! ```
//!
//! A type with interior mutability is rejected at compile time, at the call site that would
//! have broken the promise:
//!
//! ```compile_fail,E0277
//! use deepfreeze::{Frozen, FrozenArc};
//! use std::sync::atomic::AtomicU64;
//!
//! fn publish<T: Frozen>(message: T) -> FrozenArc<T> {
//!     FrozenArc::new(message)
//! }
//!
//! publish(AtomicU64::new(0)); // error: `AtomicU64` is not `Frozen`
//! ```
//!
//! # 2. Publishing snapshots with `arc_swap`, read without guards
//!
//! A writer builds the next version with the persistent collections' `with_*` methods (sharing
//! every node it does not change) and stores it; readers take the current version and keep it as
//! long as they like. [`load_full`](https://docs.rs/arc-swap/1/arc_swap/struct.ArcSwapAny.html#method.load_full) returns an owned
//! `FrozenArc` (one atomic increment), so a reader holds no guard of the `ArcSwap` while it works,
//! may keep the snapshot across `.await` points and hand it to other threads; the writer is never
//! held up by slow readers. (`load` returns a short-lived guard: fine for a quick lookup.)
//!
//! ```
//! # #[cfg(feature = "arc-swap")] {
//! use deepfreeze::arc_swap::ArcSwapFrozen;
//! use deepfreeze::{FrozenArc, FrozenOrdMap};
//!
//! type Prices = FrozenOrdMap<&'static str, u32>;
//! let live = ArcSwapFrozen::new(FrozenArc::new(Prices::new().with_inserted("tea", 3)));
//!
//! std::thread::scope(|s| {
//!     s.spawn(|| {
//!         for price in 4..100 {
//!             let next = live.load().with_inserted("tea", price).with_inserted("cake", 2 * price);
//!             live.store(FrozenArc::new(next));
//!         }
//!     });
//!     s.spawn(|| {
//!         for _ in 0..100 {
//!             let snapshot: FrozenArc<Prices> = live.load_full(); // owned: no guard is held
//!             // However long this takes, the snapshot stays as it was loaded.
//!             let tea = snapshot["tea"];
//!             assert!(snapshot.get("cake").is_none_or(|&cake| cake == 2 * tea));
//!         }
//!     });
//! });
//! assert_eq!(live.load()["tea"], 99);
//! # }
//! ```
//!
//! # 3. Fan-out: every receiver gets an O(1) handle with value semantics
//!
//! Broadcasting a frozen value clones the handle, not the data: a clone is one atomic increment
//! whatever the size of the value, and every receiver reads the same allocation without any way
//! to disturb the others.
//!
//! With `tokio::sync::broadcast` (which clones the message for every receiver):
//!
//! ```
//! use deepfreeze::FrozenVec;
//! use tokio::sync::broadcast;
//!
//! let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
//! runtime.block_on(async {
//!     let (tx, _) = broadcast::channel::<FrozenVec<u64>>(16);
//!     let workers: Vec<_> = (0..4)
//!         .map(|_| {
//!             let mut rx = tx.subscribe();
//!             tokio::spawn(async move {
//!                 let batch = rx.recv().await.unwrap(); // an O(1) clone of the sender's vector
//!                 (batch.iter().sum::<u64>(), batch)
//!             })
//!         })
//!         .collect();
//!
//!     let batch: FrozenVec<u64> = (0..100_000).collect();
//!     tx.send(batch.clone()).unwrap();
//!     for worker in workers {
//!         let (sum, received) = worker.await.unwrap();
//!         assert_eq!(sum, 4_999_950_000);
//!         assert!(received.ptr_eq(&batch)); // the same nodes: nothing was copied
//!     }
//! });
//! ```
//!
//! With `crossbeam-channel`, a channel per receiver, the sender sends each a clone:
//!
//! ```
//! use deepfreeze::{FrozenArc, FrozenStr};
//!
//! let document = FrozenArc::new(FrozenStr::from("x".repeat(1 << 20)));
//! let (senders, receivers): (Vec<_>, Vec<_>) =
//!     (0..3).map(|_| crossbeam_channel::bounded::<FrozenArc<FrozenStr>>(1)).unzip();
//!
//! std::thread::scope(|s| {
//!     for rx in receivers {
//!         let original = &document;
//!         s.spawn(move || {
//!             let received = rx.recv().unwrap();
//!             assert!(FrozenArc::ptr_eq(&received, original)); // a handle, not a megabyte copy
//!             assert_eq!(received.len(), 1 << 20);
//!         });
//!     }
//!     for tx in &senders {
//!         tx.send(document.clone()).unwrap(); // O(1) per receiver
//!     }
//! });
//! ```
//!
//! # 4. `tokio::sync::watch`: clone the snapshot out, don't hold the borrow
//!
//! `watch::Receiver::borrow` returns a guard that holds the channel's read lock: while any
//! receiver holds it, `send` waits. Holding it across user code (a callback, a slow computation,
//! an `.await`, which also makes the future `!Send`) stalls the writer. With a frozen value,
//! cloning it out of the guard costs one atomic increment, so a receiver clones and drops the
//! guard at once, then works on its own snapshot for as long as it needs.
//!
//! ```
//! use deepfreeze::FrozenOrdMap;
//! use tokio::sync::watch;
//!
//! type Config = FrozenOrdMap<&'static str, u64>;
//!
//! fn slow_user_code(config: &Config) -> u64 {
//!     config.values().sum()
//! }
//!
//! let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
//! runtime.block_on(async {
//!     let (tx, mut rx) = watch::channel(Config::new().with_inserted("timeout_ms", 100));
//!     let reader = tokio::spawn(async move {
//!         let mut seen = Vec::new();
//!         loop {
//!             // Clone out (O(1)) and release the lock before running user code.
//!             let config: Config = rx.borrow_and_update().clone();
//!             seen.push(slow_user_code(&config));
//!             tokio::task::yield_now().await; // holding a `watch::Ref` here would not compile
//!             if rx.changed().await.is_err() {
//!                 return seen;
//!             }
//!         }
//!     });
//!     for timeout in [200, 300] {
//!         tokio::task::yield_now().await;
//!         tx.send_modify(|config| *config = config.with_inserted("timeout_ms", timeout));
//!     }
//!     drop(tx);
//!     let seen = reader.await.unwrap();
//!     assert_eq!(seen.first(), Some(&100));
//!     assert_eq!(seen.last(), Some(&300));
//! });
//! ```
//!
//! # 5. Data parallelism over a snapshot while a writer publishes
//!
//! With the `rayon` feature, frozen containers are parallel iterators that split the structure
//! itself (see [`deepfreeze::rayon`][mod-rayon]): every worker reads the snapshot's nodes directly, with no lock
//! and no copy. A writer may publish new versions meanwhile; the workers' snapshot does not
//! change under them, so the result is exactly that snapshot's.
//!
//! ```
//! # #[cfg(all(feature = "rayon", feature = "arc-swap"))] {
//! use deepfreeze::arc_swap::ArcSwapFrozen;
//! use deepfreeze::{FrozenArc, FrozenVec};
//! use rayon::prelude::*;
//!
//! let live = ArcSwapFrozen::new(FrozenArc::new((0..100_000u64).collect::<FrozenVec<u64>>()));
//!
//! std::thread::scope(|s| {
//!     s.spawn(|| {
//!         for _ in 0..50 {
//!             let next = live.load().with_pushed_back(1); // shares all but one path
//!             live.store(FrozenArc::new(next));
//!         }
//!     });
//!     for _ in 0..10 {
//!         let snapshot = live.load_full();
//!         let extra = snapshot.len() as u64 - 100_000; // how many 1s the writer had pushed
//!         let total: u64 = snapshot.par_iter().sum();
//!         assert_eq!(total, 4_999_950_000 + extra);
//!     }
//! });
//! # }
//! ```
//!
//! The hash containers split their trie by node in the same way. A reader that wants to change
//! its snapshot takes an O(1) clone and writes to it with `par_iter_mut` or `par_values_mut`:
//! the nodes it writes are copied on the way, and the published version is never touched.
//!
//! ```
//! # #[cfg(feature = "rayon")] {
//! use deepfreeze::FrozenMap;
//! use rayon::prelude::*;
//!
//! let published: FrozenMap<u32, f64> = (0..10_000).map(|id| (id, 100.0)).collect();
//! let mut discounted = published.clone(); // O(1)
//! discounted.par_values_mut().for_each(|price| *price *= 0.9);
//! assert_eq!(published.par_iter().map(|(_, p)| p).sum::<f64>(), 1_000_000.0);
//! assert!(discounted.par_iter().all(|(_, &p)| (p - 90.0).abs() < 1e-9));
//! # }
//! ```

// Links to feature-gated modules: the module itself with the feature, docs.rs without.
#![cfg_attr(feature = "rayon", doc = "[mod-rayon]: crate::rayon")]
#![cfg_attr(
    not(feature = "rayon"),
    doc = "[mod-rayon]: https://docs.rs/deepfreeze/latest/deepfreeze/rayon/"
)]
