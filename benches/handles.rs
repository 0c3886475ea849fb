//! Shared handles: `FrozenStr`, `FrozenBytes`, `FrozenArc` against `Arc<str>`, `String`,
//! `arcstr::ArcStr`, `smol_str::SmolStr`, `bytes::Bytes`, `Arc<[u8]>`, `Vec<u8>` and
//! `std::sync::Arc<T>`.
//!
//! `cargo bench --bench handles` (about three minutes). One body measures every handle type:
//!
//! - `clone`: clone and drop, on one thread;
//! - `clone_contended`: the same while a second thread clones and drops the *same* handle in a
//!   loop (two threads contending on one reference count, if there is one);
//! - `eq`: equality with an equal value that is a different allocation (so not a pointer check);
//! - `hash`: `RandomState::hash_one` (SipHash-1-3);
//! - `slice` (byte buffers only): an O(1) sub-slice sharing the buffer.
//!
//! Strings come in three kinds: `static` (a `&'static str` literal wrapped without allocation),
//! `short` (12 bytes: inline in `FrozenStr` and `SmolStr`) and `heap` (64 bytes).

use criterion::measurement::WallTime;
use criterion::{Bencher, BenchmarkGroup, BenchmarkId, Criterion};
use deepfreeze::{FrozenArc, FrozenBytes, FrozenStr};
use std::hash::{BuildHasher, Hash, RandomState};
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const SHORT: &str = "hello, world";
const LONG: &str = "a sixty-four byte string that no small-string optimisation holds";
const PAYLOAD: usize = 1024;

/// Clones and drops `handle` `iters` times while another thread does the same to it.
fn clone_contended<H: Clone + Sync>(b: &mut Bencher<'_>, handle: &H) {
    b.iter_custom(|iters| {
        let stop = AtomicBool::new(false);
        let running = AtomicBool::new(false);
        thread::scope(|scope| {
            scope.spawn(|| {
                running.store(true, Ordering::Release);
                while !stop.load(Ordering::Relaxed) {
                    for _ in 0..64 {
                        black_box(black_box(handle).clone());
                    }
                }
            });
            while !running.load(Ordering::Acquire) {
                std::hint::spin_loop();
            }
            let start = Instant::now();
            for _ in 0..iters {
                black_box(black_box(handle).clone());
            }
            let elapsed = start.elapsed();
            stop.store(true, Ordering::Relaxed);
            elapsed
        })
    });
}

fn group<'c>(c: &'c mut Criterion, name: &str) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(name);
    g.warm_up_time(Duration::from_millis(300));
    g.measurement_time(Duration::from_millis(800));
    g.sample_size(30);
    g
}

/// The four common operations: groups `family_{op}`.
const OPS: [&str; 4] = ["clone", "clone_contended", "eq", "hash"];

/// One common operation on one handle type, in group `family_op`. `a` and `b` are equal,
/// separately made values.
fn handle_op<H>(c: &mut Criterion, family: &str, op: &str, name: &str, kind: &str, a: &H, b: &H)
where
    H: Clone + Eq + Hash + Send + Sync,
{
    assert!(a == b, "the two values are equal");
    let id = BenchmarkId::new(name, kind);
    let mut g = group(c, &format!("{family}_{op}"));
    match op {
        "clone" => g.bench_function(id, |bench| bench.iter(|| black_box(a).clone())),
        "clone_contended" => g.bench_function(id, |bench| clone_contended(bench, a)),
        "eq" => g.bench_function(id, |bench| bench.iter(|| black_box(a) == black_box(b))),
        "hash" => {
            let hasher = RandomState::new();
            g.bench_function(id, |bench| bench.iter(|| hasher.hash_one(black_box(a))))
        }
        _ => unreachable!("unknown handle operation {op}"),
    };
    g.finish();
}

/// Every common operation on one handle type.
fn handle_ops<H>(c: &mut Criterion, family: &str, name: &str, kind: &str, a: H, b: H)
where
    H: Clone + Eq + Hash + Send + Sync,
{
    for op in OPS {
        handle_op(c, family, op, name, kind, &a, &b);
    }
}

fn strings(c: &mut Criterion) {
    let f = "str";
    const STATIC: FrozenStr = FrozenStr::from_static(LONG);
    handle_ops(
        c,
        f,
        "FrozenStr",
        "static",
        STATIC,
        FrozenStr::from_static(LONG),
    );
    handle_ops(
        c,
        f,
        "FrozenStr",
        "short",
        FrozenStr::from(SHORT),
        FrozenStr::from(SHORT),
    );
    handle_ops(
        c,
        f,
        "FrozenStr",
        "heap",
        FrozenStr::from(LONG),
        FrozenStr::from(LONG),
    );

    let arc = |s: &str| -> Arc<str> { Arc::from(s) };
    handle_ops(c, f, "Arc<str>", "short", arc(SHORT), arc(SHORT));
    handle_ops(c, f, "Arc<str>", "heap", arc(LONG), arc(LONG));

    handle_ops(
        c,
        f,
        "String",
        "short",
        SHORT.to_string(),
        SHORT.to_string(),
    );
    handle_ops(c, f, "String", "heap", LONG.to_string(), LONG.to_string());

    let literal =
        arcstr::literal!("a sixty-four byte string that no small-string optimisation holds");
    handle_ops(c, f, "ArcStr", "static", literal.clone(), literal);
    handle_ops(
        c,
        f,
        "ArcStr",
        "short",
        arcstr::ArcStr::from(SHORT),
        arcstr::ArcStr::from(SHORT),
    );
    handle_ops(
        c,
        f,
        "ArcStr",
        "heap",
        arcstr::ArcStr::from(LONG),
        arcstr::ArcStr::from(LONG),
    );

    let smol = smol_str::SmolStr::new;
    handle_ops(
        c,
        f,
        "SmolStr",
        "static",
        smol_str::SmolStr::new_static(LONG),
        smol_str::SmolStr::new_static(LONG),
    );
    handle_ops(c, f, "SmolStr", "short", smol(SHORT), smol(SHORT));
    handle_ops(c, f, "SmolStr", "heap", smol(LONG), smol(LONG));
}

fn byte_buffers(c: &mut Criterion) {
    let f = "bytes";
    let payload: Vec<u8> = (0..PAYLOAD).map(|i| (i * 7) as u8).collect();
    static STATIC: [u8; 64] = [7; 64];
    let kind = "1KiB";

    let frozen = || FrozenBytes::from(payload.clone());
    handle_ops(c, f, "FrozenBytes", kind, frozen(), frozen());
    handle_ops(
        c,
        f,
        "FrozenBytes",
        "static",
        FrozenBytes::from_static(&STATIC),
        FrozenBytes::from_static(&STATIC),
    );
    let bytes = || bytes::Bytes::from(payload.clone());
    handle_ops(c, f, "Bytes", kind, bytes(), bytes());
    handle_ops(
        c,
        f,
        "Bytes",
        "static",
        bytes::Bytes::from_static(&STATIC),
        bytes::Bytes::from_static(&STATIC),
    );
    let arc = || -> Arc<[u8]> { Arc::from(payload.as_slice()) };
    handle_ops(c, f, "Arc<[u8]>", kind, arc(), arc());
    handle_ops(c, f, "Vec<u8>", kind, payload.clone(), payload.clone());

    let frozen = frozen();
    let bytes = bytes();
    let mut g = group(c, "bytes_slice");
    g.bench_function(BenchmarkId::new("FrozenBytes", kind), |b| {
        b.iter(|| black_box(&frozen).slice(4..900))
    });
    g.bench_function(BenchmarkId::new("Bytes", kind), |b| {
        b.iter(|| black_box(&bytes).slice(4..900))
    });
    g.finish();
}

fn arcs(c: &mut Criterion) {
    let f = "arc";
    let value = [1u64, 2, 3, 4, 5, 6, 7, 8];
    let (frozen, frozen2) = (FrozenArc::new(value), FrozenArc::new(value));
    let (arc, arc2) = (Arc::new(value), Arc::new(value));
    // Op-major, so the two measurements a ratio compares are taken a second apart.
    for op in OPS {
        handle_op(c, f, op, "FrozenArc", "[u64; 8]", &frozen, &frozen2);
        handle_op(c, f, op, "Arc", "[u64; 8]", &arc, &arc2);
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    arcs(&mut c);
    strings(&mut c);
    byte_buffers(&mut c);
    c.final_summary();
}
