//! A driver for counting the instructions of one `FrozenVec<u64>` operation under callgrind,
//! against imbl's vector with triomphe pointers (what `FrozenVec` wraps above 32 elements).
//! Instruction counts do not depend on the machine's load, unlike criterion's times.
//!
//! ```text
//! cargo build --release --example vec_instructions
//! valgrind --tool=callgrind --callgrind-out-file=cg.out --toggle-collect='vec_instructions::timed*' \
//!     target/release/examples/vec_instructions frozen push_back 8 2000
//! callgrind_annotate cg.out | grep 'PROGRAM TOTALS'     # divide by the 2000 repetitions
//! ```
//!
//! Arguments: `frozen` or `imbl`, an operation, the length `n`, the repetitions. Only the work
//! inside `timed` is counted; the vector each repetition needs is built (and restored) outside.
//! The operations are those of `benches/collections.rs`: `push_back`, `set` (on a fresh unshared
//! vector of `n`), `persistent_push_back`, `clone` (the result dropped, as criterion does),
//! `pop_back` and `long_push_back` (in place on one unshared vector, undone untimed).

use std::hint::black_box;

use archery::ArcTK;
use deepfreeze::FrozenVec;

type Imbl = imbl::GenericVector<u64, ArcTK>;

/// The only code callgrind counts (`--toggle-collect`).
#[inline(never)]
fn timed<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// The operations measured, on both vectors.
trait Measured: Clone {
    fn build(n: usize) -> Self;
    fn push_back(&mut self, x: u64);
    fn pop_back(&mut self) -> Option<u64>;
    fn with_pushed_back(&self, x: u64) -> Self;
    fn set(&mut self, i: usize, x: u64);
}

impl Measured for FrozenVec<u64> {
    fn build(n: usize) -> Self {
        (0..n as u64).collect()
    }
    fn push_back(&mut self, x: u64) {
        FrozenVec::push_back(self, x);
    }
    fn pop_back(&mut self) -> Option<u64> {
        FrozenVec::pop_back(self)
    }
    fn with_pushed_back(&self, x: u64) -> Self {
        FrozenVec::with_pushed_back(self, x)
    }
    fn set(&mut self, i: usize, x: u64) {
        FrozenVec::set(self, i, x);
    }
}

impl Measured for Imbl {
    fn build(n: usize) -> Self {
        (0..n as u64).collect()
    }
    fn push_back(&mut self, x: u64) {
        Imbl::push_back(self, x);
    }
    fn pop_back(&mut self) -> Option<u64> {
        Imbl::pop_back(self)
    }
    fn with_pushed_back(&self, x: u64) -> Self {
        let mut v = self.clone();
        v.push_back(x);
        v
    }
    fn set(&mut self, i: usize, x: u64) {
        Imbl::set(self, i, x);
    }
}

fn run<V: Measured>(op: &str, n: usize, reps: usize) {
    match op {
        "push_back" => {
            for _ in 0..reps {
                let mut v = V::build(n);
                timed(|| v.push_back(7));
                black_box(&v);
            }
        }
        "set" => {
            for _ in 0..reps {
                let mut v = V::build(n);
                timed(|| v.set(n / 2, 7));
                black_box(&v);
            }
        }
        "persistent_push_back" => {
            let v = V::build(n);
            for _ in 0..reps {
                timed(|| drop(black_box(black_box(&v).with_pushed_back(7))));
            }
        }
        "clone" => {
            let v = V::build(n);
            for _ in 0..reps {
                timed(|| drop(black_box(black_box(&v).clone())));
            }
        }
        "pop_back" => {
            let mut v = V::build(n);
            for _ in 0..reps {
                timed(|| black_box(v.pop_back()));
                v.push_back(7);
            }
        }
        "long_push_back" => {
            let mut v = V::build(n);
            for _ in 0..reps {
                timed(|| v.push_back(7));
                v.pop_back();
            }
        }
        _ => panic!("unknown operation {op}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, which, op, n, reps] = args.as_slice() else {
        panic!("usage: vec_instructions frozen|imbl OPERATION N REPETITIONS");
    };
    let (n, reps) = (n.parse().expect("a length"), reps.parse().expect("a count"));
    match which.as_str() {
        "frozen" => run::<FrozenVec<u64>>(op, n, reps),
        "imbl" => run::<Imbl>(op, n, reps),
        _ => panic!("frozen or imbl, not {which}"),
    }
}
