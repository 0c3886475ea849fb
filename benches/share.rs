//! Hand-off round trip: send a graph of `n` records to a persistent worker thread and get it
//! back over std channels, for n = 10 .. 1,000,000.
//!
//! `cargo bench --bench share`. Four implementations behind one trait, measured by one body:
//!
//! - `channel`: a bare `usize` (the floor: two channel sends and two thread wake-ups);
//! - `frozen`: a clone of a `FrozenArc<FrozenVec<FrozenRecord>>` (one atomic increment);
//! - `deep_clone`: a `.clone()` of a `Vec<StdRecord>` (dropped after the round trip);
//! - `postcard`: the `Vec<StdRecord>` encoded, decoded by the worker, the decoded copy sent back.
//!
//! The graphs are built once per size, outside the measurement. The worker reads three fields of
//! the middle record so the value is really used.

use criterion::{BenchmarkId, Criterion, SamplingMode};
use std::hint::black_box;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::{self, JoinHandle};
use std::time::Duration;

#[path = "../examples/common/records.rs"]
mod records;

use deepfreeze::{FrozenArc, FrozenVec};
use records::{FrozenRecord, StdRecord};

/// One way of handing a graph to another thread and back.
trait Handoff: Sized {
    const NAME: &'static str;
    /// What crosses the channel.
    type Msg: Send + 'static;
    /// Builds the graph of `n` records (not measured).
    fn build(n: usize) -> Self;
    /// The sender's side: produce the message for the worker.
    fn send(&self) -> Self::Msg;
    /// The worker's side: take ownership, read, hand back.
    fn work(msg: Self::Msg) -> Self::Msg;
    /// Back on the sender: read the returned value, then drop it.
    fn back(msg: Self::Msg) -> u64;
}

struct Channel(usize);

impl Handoff for Channel {
    const NAME: &'static str = "channel";
    type Msg = usize;
    fn build(n: usize) -> Self {
        Channel(n)
    }
    fn send(&self) -> usize {
        self.0
    }
    fn work(msg: usize) -> usize {
        black_box(msg)
    }
    fn back(msg: usize) -> u64 {
        msg as u64
    }
}

struct Frozen(FrozenArc<FrozenVec<FrozenRecord>>);

impl Handoff for Frozen {
    const NAME: &'static str = "frozen";
    type Msg = FrozenArc<FrozenVec<FrozenRecord>>;
    fn build(n: usize) -> Self {
        Frozen(FrozenArc::new(records::build(n).0))
    }
    fn send(&self) -> Self::Msg {
        self.0.clone()
    }
    fn work(msg: Self::Msg) -> Self::Msg {
        black_box(records::read_frozen(&msg));
        msg
    }
    fn back(msg: Self::Msg) -> u64 {
        msg.len() as u64
    }
}

struct DeepClone(Vec<StdRecord>);

impl Handoff for DeepClone {
    const NAME: &'static str = "deep_clone";
    type Msg = Vec<StdRecord>;
    fn build(n: usize) -> Self {
        DeepClone(records::build(n).1)
    }
    fn send(&self) -> Self::Msg {
        self.0.clone()
    }
    fn work(msg: Self::Msg) -> Self::Msg {
        black_box(records::read_std(&msg));
        msg
    }
    fn back(msg: Self::Msg) -> u64 {
        msg.len() as u64
    }
}

struct Postcard(Vec<StdRecord>);

enum Encoded {
    Bytes(Vec<u8>),
    Decoded(Vec<StdRecord>),
}

impl Handoff for Postcard {
    const NAME: &'static str = "postcard";
    type Msg = Encoded;
    fn build(n: usize) -> Self {
        Postcard(records::build(n).1)
    }
    fn send(&self) -> Encoded {
        Encoded::Bytes(postcard::to_allocvec(&self.0).expect("encoding into a Vec"))
    }
    fn work(msg: Encoded) -> Encoded {
        let Encoded::Bytes(bytes) = msg else {
            unreachable!("the sender sends bytes")
        };
        let decoded: Vec<StdRecord> = postcard::from_bytes(&bytes).expect("we encoded it");
        black_box(records::read_std(&decoded));
        Encoded::Decoded(decoded)
    }
    fn back(msg: Encoded) -> u64 {
        let Encoded::Decoded(records) = msg else {
            unreachable!("the worker sends records")
        };
        records.len() as u64
    }
}

/// A worker thread that lives across all iterations of one benchmark.
struct Worker<H: Handoff> {
    to_worker: Option<Sender<H::Msg>>,
    from_worker: Receiver<H::Msg>,
    thread: Option<JoinHandle<()>>,
}

impl<H: Handoff> Worker<H> {
    fn spawn() -> Self {
        let (to_worker, inbox) = channel::<H::Msg>();
        let (reply, from_worker) = channel::<H::Msg>();
        let thread = thread::spawn(move || {
            for msg in inbox {
                if reply.send(H::work(msg)).is_err() {
                    return;
                }
            }
        });
        Worker {
            to_worker: Some(to_worker),
            from_worker,
            thread: Some(thread),
        }
    }

    fn round_trip(&self, value: &H) -> u64 {
        let to_worker = self.to_worker.as_ref().expect("alive until drop");
        to_worker.send(value.send()).expect("the worker is alive");
        H::back(self.from_worker.recv().expect("the worker is alive"))
    }
}

impl<H: Handoff> Drop for Worker<H> {
    fn drop(&mut self) {
        drop(self.to_worker.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

const SIZES: [usize; 6] = [10, 100, 1_000, 10_000, 100_000, 1_000_000];

fn bench_one<H: Handoff>(c: &mut Criterion, n: usize) {
    let mut group = c.benchmark_group("handoff");
    if n >= 100_000 {
        group.sampling_mode(SamplingMode::Flat).sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(if n >= 1_000_000 { 8 } else { 3 }));
    } else {
        group.sample_size(40);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
    }
    let value = H::build(n);
    let worker = Worker::<H>::spawn();
    assert!(
        worker.round_trip(&value) > 0,
        "the round trip returns the value"
    );
    group.bench_with_input(BenchmarkId::new(H::NAME, n), &value, |b, value| {
        b.iter(|| worker.round_trip(value));
    });
    group.finish();
}

/// The frozen hand-off's own work without the channel and the thread switch: clone, read,
/// drop, on one thread (group `handoff_local`). What the round trip adds to the bare channel's
/// floor, apart from the cache misses of reading on another core.
fn local_work(c: &mut Criterion) {
    let mut group = c.benchmark_group("handoff_local");
    group.sample_size(30);
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_millis(700));
    for n in SIZES {
        let value = Frozen::build(n);
        group.bench_with_input(BenchmarkId::new(Frozen::NAME, n), &value, |b, value| {
            b.iter(|| Frozen::back(Frozen::work(value.send())));
        });
    }
    group.finish();
}

fn handoff(c: &mut Criterion) {
    for n in SIZES {
        bench_one::<Channel>(c, n);
        bench_one::<Frozen>(c, n);
        bench_one::<DeepClone>(c, n);
        bench_one::<Postcard>(c, n);
    }
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    handoff(&mut criterion);
    local_work(&mut criterion);
    criterion.final_summary();
}
