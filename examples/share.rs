//! The seed question: what does it cost to hand a large object graph to other threads?
//!
//! ```text
//! cargo run --release --example share                   # K = 2 workers, sizes 10 .. 1,000,000
//! cargo run --release --example share -- --help
//! ```
//!
//! Four workloads, the first three from PEP 795 (deep immutability for Python): a list of ints,
//! a binary tree, a dict keyed by eight-character strings, and a list of records (a string, a
//! `Vec<u64>` and a 4-entry map each, as in docs/DESIGN.md §1). Each is built twice: from frozen types,
//! and from std types. One *hand-off* gives the graph to each of `--workers` persistent worker
//! threads and waits until every worker has read from its value and dropped it:
//!
//! - `channel`: a bare `usize` instead of the graph, the floor of any hand-off;
//! - `frozen`: a clone of one `FrozenArc` per worker (one atomic increment);
//! - `deep clone`: a `.clone()` of the std graph per worker;
//! - `postcard`: the std graph encoded once, the bytes shared, each worker decoding its own copy
//!   (as processes or subinterpreters must; sharing the encoded bytes favours this mode).
//!
//! The tables show the median cost of one hand-off, the ratio to frozen, and the extra peak heap
//! that one hand-off needed.

mod common;
#[path = "common/records.rs"]
mod records;

use common::alloc::{self, Counting};
use common::args::{self, Parsed};
use common::report::{self, Table};
use deepfreeze::{Frozen, FrozenArc, FrozenMap, FrozenStr, FrozenVec};
use records::{FrozenRecord, StdRecord};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: Counting = Counting;

const USAGE: &str = "\
Hand a large object graph to worker threads: frozen vs deep clone vs postcard round trip.

usage: cargo run --release --example share -- [flags]

flags:
  --workers K       worker threads receiving each hand-off, 1..=64    [default 2]
  --sizes LIST      comma-separated graph sizes (elements or nodes)   [default 10,1000,100000,1000000]
  --workload W      ints | tree | dict | records | all               [default all]
  --budget-ms N     time to spend measuring each mode at each size (min 3 hand-offs) [default 300]
  -h, --help        print this help
";

struct Config {
    workers: usize,
    sizes: Vec<usize>,
    workloads: Vec<String>,
    budget: Duration,
}

fn parse_args() -> Result<Option<Config>, String> {
    let known = ["workers", "sizes", "workload", "budget-ms"];
    let Parsed::Flags(flags) = args::parse(std::env::args().skip(1), &known)? else {
        return Ok(None);
    };
    let all: Vec<String> = ["ints", "tree", "dict", "records"].map(String::from).into();
    let mut config = Config {
        workers: 2,
        sizes: vec![10, 1_000, 100_000, 1_000_000],
        workloads: all.clone(),
        budget: Duration::from_millis(300),
    };
    for (name, raw) in &flags {
        match name.as_str() {
            "workers" => config.workers = args::in_range(name, raw, 1, 64)?,
            "budget-ms" => {
                config.budget = Duration::from_millis(args::in_range(name, raw, 1, 600_000)?);
            }
            "sizes" => {
                config.sizes = raw
                    .split(',')
                    .map(|s| args::in_range(name, s.trim(), 1, 50_000_000))
                    .collect::<Result<_, _>>()?;
            }
            "workload" => {
                config.workloads = match raw.as_str() {
                    "all" => all.clone(),
                    w if all.iter().any(|a| a == w) => vec![w.to_string()],
                    other => {
                        return Err(format!(
                            "`--workload` must be ints, tree, dict, records or all, got `{other}`"
                        ));
                    }
                };
            }
            _ => unreachable!("args::parse only returns known flags"),
        }
    }
    Ok(Some(config))
}

fn main() -> ExitCode {
    let config = match parse_args() {
        Ok(Some(config)) => config,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n(run with --help for the flags)");
            return ExitCode::from(2);
        }
    };
    println!(
        "Median cost of one hand-off to {} worker threads ({} cores); each worker reads its value \
         and drops it before acknowledging.",
        config.workers,
        thread::available_parallelism().map_or(1, |n| n.get()),
    );
    let started = Instant::now();
    for workload in &config.workloads {
        match workload.as_str() {
            "ints" => measure::<Ints>(&config),
            "tree" => measure::<Tree>(&config),
            "dict" => measure::<Dict>(&config),
            _ => measure::<Records>(&config),
        }
    }
    println!("Total time: {:.1} s", started.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------------------------
// Workloads: the same graph as frozen types and as std types.

/// One graph shape, built both ways, with a small read that touches it.
trait Workload {
    const NAME: &'static str;
    const DESCRIPTION: &'static str;
    type Frozen: Frozen;
    type Owned: Clone + Serialize + DeserializeOwned + Send + 'static;
    fn build(n: usize) -> (Self::Frozen, Self::Owned);
    fn read_frozen(value: &Self::Frozen) -> u64;
    fn read_owned(value: &Self::Owned) -> u64;
}

/// PEP 795's list of ints.
struct Ints;

impl Workload for Ints {
    const NAME: &'static str = "ints";
    const DESCRIPTION: &'static str = "a list of n ints: FrozenVec<i64> vs Vec<i64>";
    type Frozen = FrozenVec<i64>;
    type Owned = Vec<i64>;
    fn build(n: usize) -> (FrozenVec<i64>, Vec<i64>) {
        let owned: Vec<i64> = (0..n as i64).collect();
        (owned.iter().copied().collect(), owned)
    }
    fn read_frozen(value: &FrozenVec<i64>) -> u64 {
        value.len() as u64 + value.get(value.len() / 2).copied().unwrap_or(0) as u64
    }
    fn read_owned(value: &Vec<i64>) -> u64 {
        value.len() as u64 + value.get(value.len() / 2).copied().unwrap_or(0) as u64
    }
}

/// A binary tree of frozen nodes; `FrozenArc` children make it shareable at every level.
#[derive(Frozen)]
enum FrozenTree {
    Leaf(u64),
    Node(FrozenArc<FrozenTree>, FrozenArc<FrozenTree>),
}

/// The same tree with `Box` children.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
enum BoxTree {
    Leaf(u64),
    Node(Box<BoxTree>, Box<BoxTree>),
}

/// PEP 795's tree: a balanced binary tree of about n nodes.
struct Tree;

impl Tree {
    fn frozen(n: usize, next: &mut u64) -> FrozenTree {
        if n <= 1 {
            *next += 1;
            return FrozenTree::Leaf(*next);
        }
        let left = (n - 1) / 2;
        let l = Self::frozen(left, next);
        let r = Self::frozen(n - 1 - left, next);
        FrozenTree::Node(FrozenArc::new(l), FrozenArc::new(r))
    }

    fn boxed(n: usize, next: &mut u64) -> BoxTree {
        if n <= 1 {
            *next += 1;
            return BoxTree::Leaf(*next);
        }
        let left = (n - 1) / 2;
        let l = Self::boxed(left, next);
        let r = Self::boxed(n - 1 - left, next);
        BoxTree::Node(Box::new(l), Box::new(r))
    }
}

impl Workload for Tree {
    const NAME: &'static str = "tree";
    const DESCRIPTION: &'static str =
        "a balanced binary tree of n nodes: FrozenArc children vs Box children";
    type Frozen = FrozenTree;
    type Owned = BoxTree;
    fn build(n: usize) -> (FrozenTree, BoxTree) {
        (Self::frozen(n, &mut 0), Self::boxed(n, &mut 0))
    }
    /// Walks a zig-zag path from the root to a leaf.
    fn read_frozen(mut value: &FrozenTree) -> u64 {
        let mut depth = 0;
        loop {
            match value {
                FrozenTree::Leaf(v) => return depth + v,
                FrozenTree::Node(l, r) => {
                    (value, depth) = (if depth % 2 == 0 { l } else { r }, depth + 1);
                }
            }
        }
    }
    fn read_owned(mut value: &BoxTree) -> u64 {
        let mut depth = 0;
        loop {
            match value {
                BoxTree::Leaf(v) => return depth + v,
                BoxTree::Node(l, r) => {
                    (value, depth) = (if depth % 2 == 0 { l } else { r }, depth + 1);
                }
            }
        }
    }
}

fn key(i: usize) -> String {
    format!("k{i:07}")
}

/// PEP 795's dict: n eight-character string keys, each mapped to an int.
struct Dict;

impl Workload for Dict {
    const NAME: &'static str = "dict";
    const DESCRIPTION: &'static str = "a dict of n 8-character string keys -> u64: FrozenMap<FrozenStr, u64> vs HashMap<String, u64>";
    type Frozen = FrozenMap<FrozenStr, u64>;
    type Owned = HashMap<String, u64>;
    fn build(n: usize) -> (Self::Frozen, Self::Owned) {
        let owned: HashMap<String, u64> = (0..n).map(|i| (key(i), i as u64)).collect();
        let frozen = owned
            .iter()
            .map(|(k, v)| (FrozenStr::from(k.as_str()), *v))
            .collect();
        (frozen, owned)
    }
    fn read_frozen(value: &Self::Frozen) -> u64 {
        value.len() as u64
            + value
                .get(key(value.len() / 2).as_str())
                .copied()
                .unwrap_or(0)
    }
    fn read_owned(value: &Self::Owned) -> u64 {
        value.len() as u64 + value.get(&key(value.len() / 2)).copied().unwrap_or(0)
    }
}

/// docs/DESIGN.md §1's list of n records.
struct Records;

impl Workload for Records {
    const NAME: &'static str = "records";
    const DESCRIPTION: &'static str = "a list of n records {string, Vec<u64> of 8, 4-entry map}: \
         FrozenVec<FrozenRecord> vs Vec<StdRecord>";
    type Frozen = FrozenVec<FrozenRecord>;
    type Owned = Vec<StdRecord>;
    fn build(n: usize) -> (Self::Frozen, Self::Owned) {
        records::build(n)
    }
    fn read_frozen(value: &Self::Frozen) -> u64 {
        records::read_frozen(value)
    }
    fn read_owned(value: &Self::Owned) -> u64 {
        records::read_std(value)
    }
}

// ---------------------------------------------------------------------------------------------
// Hand-offs.

enum Job<W: Workload> {
    Ping(usize),
    Frozen(FrozenArc<W::Frozen>),
    Owned(W::Owned),
    Encoded(Arc<Vec<u8>>),
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Channel,
    Frozen,
    DeepClone,
    Postcard,
}

const MODES: [Mode; 4] = [Mode::Channel, Mode::Frozen, Mode::DeepClone, Mode::Postcard];

fn worker<W: Workload>(jobs: Receiver<Job<W>>, acks: Sender<u64>) {
    for job in jobs {
        let read = match job {
            Job::Ping(n) => n as u64,
            Job::Frozen(shared) => W::read_frozen(&shared),
            Job::Owned(owned) => W::read_owned(&owned),
            Job::Encoded(bytes) => {
                let owned: W::Owned = postcard::from_bytes(&bytes).expect("we encoded it");
                W::read_owned(&owned)
            }
        };
        if acks.send(read).is_err() {
            return;
        }
    }
}

/// One hand-off to every worker; returns the sum of what they read.
fn hand_off<W: Workload>(
    mode: Mode,
    shared: &FrozenArc<W::Frozen>,
    owned: &W::Owned,
    workers: &[Sender<Job<W>>],
    acks: &Receiver<u64>,
) -> u64 {
    match mode {
        Mode::Channel => workers
            .iter()
            .for_each(|w| w.send(Job::Ping(1)).expect("worker")),
        Mode::Frozen => {
            workers
                .iter()
                .for_each(|w| w.send(Job::Frozen(shared.clone())).expect("worker"));
        }
        Mode::DeepClone => {
            workers
                .iter()
                .for_each(|w| w.send(Job::Owned(owned.clone())).expect("worker"));
        }
        Mode::Postcard => {
            let bytes = Arc::new(postcard::to_allocvec(owned).expect("encoding into a Vec"));
            workers
                .iter()
                .for_each(|w| w.send(Job::Encoded(bytes.clone())).expect("worker"));
        }
    }
    (0..workers.len())
        .map(|_| acks.recv().expect("worker"))
        .sum()
}

/// Median hand-off time and extra peak heap of one hand-off, for one mode.
struct Cell {
    median: Duration,
    heap: usize,
}

fn measure<W: Workload>(config: &Config) {
    println!("\n## {}: {}\n", W::NAME, W::DESCRIPTION);
    let mut table = Table::new(&[
        "n",
        "channel",
        "frozen",
        "deep clone",
        "postcard",
        "deep / frozen",
        "postcard / frozen",
        "extra heap: frozen / deep / postcard",
    ]);
    let progress = std::io::stderr().is_terminal();
    for &n in &config.sizes {
        if progress {
            eprint!("\r  building {} n={n} ...", W::NAME);
            let _ = std::io::stderr().flush();
        }
        let (frozen, owned) = W::build(n);
        let shared = FrozenArc::new(frozen);
        let expected = W::read_owned(&owned);
        assert_eq!(
            W::read_frozen(&shared),
            expected,
            "both graphs hold the same data"
        );

        let cells: Vec<Cell> = thread::scope(|scope| {
            let (ack_tx, acks) = channel();
            let workers: Vec<Sender<Job<W>>> = (0..config.workers)
                .map(|_| {
                    let (tx, rx) = channel();
                    let ack_tx = ack_tx.clone();
                    scope.spawn(move || worker::<W>(rx, ack_tx));
                    tx
                })
                .collect();
            // Warm up the threads and the channel, then measure the modes interleaved (three
            // rounds, each giving every mode a third of its budget) so that a noisy moment on a
            // shared machine does not land on one mode only. Counting allocations is off while
            // timing (its shared counters would slow the allocating modes); one more hand-off per
            // mode with counting on measures the extra heap.
            for _ in 0..100 {
                hand_off::<W>(Mode::Channel, &shared, &owned, &workers, &acks);
            }
            let mut times: Vec<Vec<Duration>> =
                MODES.iter().map(|_| Vec::with_capacity(30_000)).collect();
            alloc::set_counting(false);
            for _round in 0..3 {
                for (m, &mode) in MODES.iter().enumerate() {
                    if progress {
                        eprint!("\r  measuring {} n={n} {:<12}", W::NAME, mode_name(mode));
                        let _ = std::io::stderr().flush();
                    }
                    let start = Instant::now();
                    let mut reps = 0;
                    while reps == 0 || (start.elapsed() < config.budget / 3 && reps < 10_000) {
                        let t = Instant::now();
                        let read = hand_off::<W>(mode, &shared, &owned, &workers, &acks);
                        times[m].push(t.elapsed());
                        let want = if mode == Mode::Channel { 1 } else { expected };
                        assert_eq!(
                            read,
                            want * config.workers as u64,
                            "every worker read its value"
                        );
                        reps += 1;
                    }
                }
            }
            alloc::set_counting(true);
            MODES
                .iter()
                .zip(&mut times)
                .map(|(&mode, times)| {
                    let baseline = alloc::current();
                    alloc::reset_peak();
                    hand_off::<W>(mode, &shared, &owned, &workers, &acks);
                    let heap = alloc::peak().saturating_sub(baseline).max(0) as usize;
                    Cell {
                        median: report::percentile(times, 50.0),
                        heap,
                    }
                })
                .collect()
        });
        if progress {
            eprint!("\r{:60}\r", "");
        }
        let ratio =
            |c: &Cell| report::ratio(c.median.as_secs_f64() / cells[1].median.as_secs_f64());
        table.row(vec![
            report::thousands(n as u64),
            report::duration(cells[0].median),
            report::duration(cells[1].median),
            report::duration(cells[2].median),
            report::duration(cells[3].median),
            ratio(&cells[2]),
            ratio(&cells[3]),
            format!(
                "{} / {} / {}",
                report::bytes(cells[1].heap as f64),
                report::bytes(cells[2].heap as f64),
                report::bytes(cells[3].heap as f64)
            ),
        ]);
    }
    print!("{}", table.render());
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Channel => "channel",
        Mode::Frozen => "frozen",
        Mode::DeepClone => "deep clone",
        Mode::Postcard => "postcard",
    }
}
