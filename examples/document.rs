//! A dynamic document shared by reader threads and edited by a writer: parse a twitter-like feed
//! into a [`FrozenValue`], hand it to worker threads, and publish edited versions through an
//! `ArcSwapFrozen` that the workers load without locks; print what each step costs.
//!
//! ```text
//! cargo run --release --features serde,arc-swap --example document            # a 10 MB feed
//! cargo run --release --features serde,arc-swap --example document -- 2000000 # a 2 MB feed
//! ```
//!
//! With `serde_json::Value` behind an `Arc`, sharing is as cheap, but each edit must clone the
//! whole document first (`Arc::make_mut` while readers hold it). Here each edit builds a new
//! version sharing all but one path with the last one, and the old versions stay valid for the
//! readers still holding them.

#[allow(dead_code)]
#[path = "common/alloc.rs"]
mod alloc;
#[allow(dead_code)]
#[path = "../benches/value/data_gen.rs"]
mod data_gen;
#[allow(dead_code)]
#[path = "common/report.rs"]
mod report;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use alloc::Counting;
use deepfreeze::arc_swap::ArcSwapFrozen;
use deepfreeze::{FrozenArc, FrozenValue};

#[global_allocator]
static ALLOC: Counting = Counting;

const WORKERS: usize = 4;
const EDITS: u64 = 1_000;

fn main() {
    let bytes = match std::env::args().nth(1).map(|a| a.parse::<usize>()) {
        None => 10 << 20,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: document [DOCUMENT_BYTES]");
            std::process::exit(2);
        }
    };
    let text = data_gen::twitter(bytes);

    // Parse.
    let before = alloc::current();
    let start = Instant::now();
    let doc: FrozenValue = serde_json::from_str(&text).expect("the generated feed is JSON");
    let parse_time = start.elapsed();
    let heap = alloc::current() - before;
    let statuses = doc["statuses"].as_array().map_or(0, |a| a.len());
    println!(
        "parsed {} of JSON ({statuses} statuses) in {} into {} of heap",
        report::bytes(text.len() as f64),
        report::duration(parse_time),
        report::bytes(heap as f64),
    );

    // Publish it; workers load the current version, read it, and count what they saw.
    let current = ArcSwapFrozen::new(FrozenArc::new(doc));
    let done = AtomicBool::new(false);
    let reads = AtomicUsize::new(0);
    let newest_seen = AtomicUsize::new(0);
    let (edit_time, publish_time) = std::thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| {
                while !done.load(Ordering::Relaxed) {
                    let snapshot = current.load();
                    // Every snapshot is complete: the counter and the edits agree.
                    let version = snapshot["search_metadata"]["version"].as_u64().unwrap_or(0);
                    let first = &snapshot["statuses"][0]["retweet_count"];
                    assert!(version == 0 || first.as_u64() == Some(version));
                    newest_seen.fetch_max(version as usize, Ordering::Relaxed);
                    reads.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
        // The writer: each version edits one tweet's counter and the version number.
        let (mut editing, mut publishing) = (Duration::ZERO, Duration::ZERO);
        for version in 1..=EDITS {
            let start = Instant::now();
            let last = current.load_full();
            let mut next = FrozenValue::clone(&last);
            next.set_pointer("/statuses/0/retweet_count", version)
                .unwrap();
            next.set_pointer("/search_metadata/version", version)
                .unwrap();
            let edited = Instant::now();
            current.store(FrozenArc::new(next));
            editing += edited - start;
            publishing += edited.elapsed();
        }
        done.store(true, Ordering::Relaxed);
        (editing / EDITS as u32, publishing / EDITS as u32)
    });

    println!(
        "{EDITS} versions published to {WORKERS} reader threads: {} per edit (two pointer writes), {} per store",
        report::duration(edit_time),
        report::duration(publish_time),
    );
    println!(
        "readers loaded {} snapshots, the newest being version {}",
        report::thousands(reads.load(Ordering::Relaxed) as u64),
        newest_seen.load(Ordering::Relaxed),
    );

    // A hand-off by clone, and the deep clone it replaces.
    let doc = FrozenValue::clone(&current.load_full());
    let start = Instant::now();
    let handles: Vec<FrozenValue> = (0..WORKERS).map(|_| doc.clone()).collect();
    let frozen_handoff = start.elapsed();
    drop(handles);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let start = Instant::now();
    let copies: Vec<serde_json::Value> = (0..WORKERS).map(|_| json.clone()).collect();
    let deep_handoff = start.elapsed();
    drop(copies);
    println!(
        "{WORKERS} hand-offs: {} by FrozenValue clone, {} by serde_json::Value deep clone",
        report::duration(frozen_handoff),
        report::duration(deep_handoff),
    );
}
