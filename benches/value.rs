//! `FrozenValue` against `serde_json::Value` on real-shaped documents, all in one run: a
//! generated twitter-like feed of 10 MB and a config-like tree of 1 MB (`benches/value/
//! data_gen.rs`).
//!
//! ```text
//! cargo bench --bench value
//! ```
//!
//! First a Markdown table of heap bytes (a counting global allocator: bytes held by the parsed
//! document, the allocator's own per-block overhead excluded for both), then criterion groups:
//!
//! - `parse`: `serde_json::from_str` into each type;
//! - `handoff_4_workers`: the document given to each of 4 persistent worker threads, which read
//!   one member and drop it; `FrozenValue` and `Arc<serde_json::Value>` send a handle,
//!   `serde_json::Value` a deep clone (what an edit-capable copy costs);
//! - `deep_edit`: one member set deep in the document, keeping the old version:
//!   `with_pointer` against cloning the `serde_json::Value` and editing the clone;
//! - `eq_one_leaf_apart` and `hash_one_leaf_apart`: two versions that differ in that one leaf
//!   (for `FrozenValue`, the edited version shares everything else with the original).

use std::hash::{BuildHasher, RandomState};
use std::hint::black_box;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use criterion::Criterion;
use deepfreeze::FrozenValue;
use serde_json::Value;

#[allow(dead_code)]
#[path = "../examples/common/alloc.rs"]
mod alloc;
#[allow(dead_code)]
#[path = "value/data_gen.rs"]
mod data_gen;
#[allow(dead_code)]
#[path = "../examples/common/report.rs"]
mod report;

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

/// A document under test: its name, JSON text and a pointer to a leaf deep inside.
struct Doc {
    name: &'static str,
    text: String,
    leaf: String,
}

fn docs() -> Vec<Doc> {
    let twitter = data_gen::twitter(10 << 20);
    let statuses = serde_json::from_str::<Value>(&twitter).unwrap()["statuses"]
        .as_array()
        .unwrap()
        .len();
    let config = data_gen::config(1 << 20);
    let flag = {
        let parsed: Value = serde_json::from_str(&config).unwrap();
        let flags = parsed["flags"].as_object().unwrap();
        flags
            .keys()
            .nth(flags.len() / 2)
            .unwrap()
            .replace('~', "~0")
            .replace('/', "~1")
    };
    vec![
        Doc {
            name: "twitter_10mb",
            leaf: format!("/statuses/{}/user/followers_count", statuses / 2),
            text: twitter,
        },
        Doc {
            name: "config_1mb",
            leaf: format!("/flags/{flag}/rollout"),
            text: config,
        },
    ]
}

/// Heap bytes held by the value `build` returns.
fn heap_of<T>(build: impl FnOnce() -> T) -> isize {
    let before = alloc::current();
    let value = black_box(build());
    let held = alloc::current() - before;
    drop(value);
    held
}

fn memory_table(docs: &[Doc]) {
    let mut table = report::Table::new(&[
        "document",
        "JSON text",
        "serde_json::Value",
        "FrozenValue",
        "FrozenValue / serde_json",
    ]);
    for doc in docs {
        let json = heap_of(|| serde_json::from_str::<Value>(&doc.text).unwrap());
        let frozen = heap_of(|| serde_json::from_str::<FrozenValue>(&doc.text).unwrap());
        table.row(vec![
            doc.name.to_string(),
            report::bytes(doc.text.len() as f64),
            report::bytes(json as f64),
            report::bytes(frozen as f64),
            report::ratio(frozen as f64 / json as f64),
        ]);
    }
    println!(
        "\nHeap bytes held by the parsed document:\n\n{}",
        table.render()
    );
}

fn parse(c: &mut Criterion, doc: &Doc) {
    let mut group = c.benchmark_group(format!("parse/{}", doc.name));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(&doc.text)).unwrap());
    });
    group.bench_function("FrozenValue", |b| {
        b.iter(|| serde_json::from_str::<FrozenValue>(black_box(&doc.text)).unwrap());
    });
    group.finish();
}

/// What a worker receives.
enum Message {
    Frozen(FrozenValue),
    Shared(Arc<Value>),
    Owned(Value),
}

/// Persistent worker threads: each reads one member of what it receives, drops it, replies.
struct Workers {
    senders: Vec<mpsc::Sender<Message>>,
    replies: mpsc::Receiver<usize>,
}

impl Workers {
    fn spawn(n: usize) -> Self {
        let (reply, replies) = mpsc::channel();
        let senders = (0..n)
            .map(|_| {
                let (send, receive) = mpsc::channel::<Message>();
                let reply = reply.clone();
                thread::spawn(move || {
                    for message in receive {
                        let read = match &message {
                            Message::Frozen(v) => v.as_object().map_or(0, |o| o.len()),
                            Message::Shared(v) => v.as_object().map_or(0, |o| o.len()),
                            Message::Owned(v) => v.as_object().map_or(0, |o| o.len()),
                        };
                        drop(message);
                        reply.send(read).unwrap();
                    }
                });
                send
            })
            .collect();
        Self { senders, replies }
    }

    /// Sends `make()` to every worker and waits until all have read and dropped it.
    fn round(&self, make: impl Fn() -> Message) -> usize {
        for sender in &self.senders {
            sender.send(make()).unwrap();
        }
        (0..self.senders.len())
            .map(|_| self.replies.recv().unwrap())
            .sum()
    }
}

fn handoff(c: &mut Criterion, doc: &Doc, workers: &Workers) {
    let frozen: FrozenValue = serde_json::from_str(&doc.text).unwrap();
    let json: Value = serde_json::from_str(&doc.text).unwrap();
    let shared = Arc::new(json.clone());
    let mut group = c.benchmark_group(format!("handoff_4_workers/{}", doc.name));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("FrozenValue clone", |b| {
        b.iter(|| workers.round(|| Message::Frozen(frozen.clone())));
    });
    group.bench_function("Arc<serde_json::Value> clone", |b| {
        b.iter(|| workers.round(|| Message::Shared(shared.clone())));
    });
    group.bench_function("serde_json::Value deep clone", |b| {
        b.iter(|| workers.round(|| Message::Owned(json.clone())));
    });
    group.finish();
}

fn deep_edit(c: &mut Criterion, doc: &Doc) {
    let frozen: FrozenValue = serde_json::from_str(&doc.text).unwrap();
    let json: Value = serde_json::from_str(&doc.text).unwrap();
    assert!(
        frozen.pointer(&doc.leaf).is_some(),
        "{} has {}",
        doc.name,
        doc.leaf
    );
    let mut group = c.benchmark_group(format!("deep_edit/{}", doc.name));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group.bench_function("FrozenValue with_pointer", |b| {
        b.iter(|| frozen.with_pointer(black_box(&doc.leaf), 7).unwrap());
    });
    group.bench_function("serde_json::Value clone + edit", |b| {
        b.iter(|| {
            let mut edited = json.clone();
            *edited.pointer_mut(black_box(&doc.leaf)).unwrap() = Value::from(7);
            edited
        });
    });
    group.finish();
}

fn one_leaf_apart(c: &mut Criterion, doc: &Doc) {
    let frozen: FrozenValue = serde_json::from_str(&doc.text).unwrap();
    let frozen_edited = frozen.with_pointer(&doc.leaf, -1).unwrap();
    let frozen_copy: FrozenValue = serde_json::from_str(&doc.text).unwrap();
    let frozen_copy_edited = frozen_copy.with_pointer(&doc.leaf, -1).unwrap();
    let json: Value = serde_json::from_str(&doc.text).unwrap();
    let mut json_edited = json.clone();
    *json_edited.pointer_mut(&doc.leaf).unwrap() = Value::from(-1);
    assert!(frozen != frozen_edited && frozen != frozen_copy_edited && json != json_edited);

    let mut group = c.benchmark_group(format!("eq_one_leaf_apart/{}", doc.name));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group.bench_function("FrozenValue (edited version)", |b| {
        b.iter(|| black_box(&frozen) == black_box(&frozen_edited));
    });
    group.bench_function("FrozenValue (separately parsed)", |b| {
        b.iter(|| black_box(&frozen) == black_box(&frozen_copy_edited));
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| black_box(&json) == black_box(&json_edited));
    });
    group.finish();

    let state = RandomState::new();
    let mut group = c.benchmark_group(format!("hash_one_leaf_apart/{}", doc.name));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group.bench_function("FrozenValue (both versions)", |b| {
        b.iter(|| (state.hash_one(&frozen), state.hash_one(&frozen_edited)));
    });
    group.finish();
}

fn main() {
    let docs = docs();
    memory_table(&docs);
    let mut criterion = Criterion::default().configure_from_args();
    let workers = Workers::spawn(4);
    for doc in &docs {
        parse(&mut criterion, doc);
        handoff(&mut criterion, doc, &workers);
        deep_edit(&mut criterion, doc);
        one_leaf_apart(&mut criterion, doc);
    }
    criterion.final_summary();
}
