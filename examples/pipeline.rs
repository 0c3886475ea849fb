//! Video frames through a pipeline of stages: frozen hand-offs against copies and serialization.
//!
//! ```text
//! cargo run --release --example pipeline                # 1280x720 RGBA, 4 stages, all modes
//! cargo run --release --example pipeline -- --help
//! ```
//!
//! A source thread captures synthetic RGBA frames (a byte payload plus a metadata map). A central
//! dispatcher routes every frame through the stages, each served by one or more worker threads:
//! it skips `denoise` for every `--skip-every`-th frame and adds a worker to a stage whose queue
//! grows past `--scale-at` frames per worker. Each stage reads a little of the payload (a
//! checksum of a stripe, the mean brightness of a sample grid, ...) and adds a metadata entry.
//!
//! A *hand-off* is a frame passing from one party to the next: source to the first stage, stage
//! to stage, last stage to the sink (the dispatcher only forwards it). The same pipeline runs with
//! three kinds of hand-off:
//!
//! - `frozen`: the frame is a `FrozenBytes` payload and a `FrozenMap<FrozenStr, FrozenStr>`; a
//!   hand-off moves the handles. Zero payload bytes are copied.
//! - `copy`: the frame is a `Vec<u8>` and a `HashMap<String, String>`; each hand-off deep-clones
//!   it, as a shared-nothing runtime that copies messages between actors does.
//! - `serialize`: the same std frame; each hand-off encodes it with postcard and the receiver
//!   decodes it, as separate processes (or Python subinterpreters) would.
//!
//! The table reports throughput, latency from capture to sink, payload bytes copied per frame
//! (counted in the hand-off code), and the peak of live heap bytes (a counting allocator).

mod common;

use common::alloc::{self, Counting};
use common::args::{self, Parsed};
use common::report::{self, Table};
use deepfreeze::{Frozen, FrozenBytes, FrozenMap, FrozenStr};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: Counting = Counting;

/// Payload bytes copied by hand-offs since the last reset (all threads).
static COPIED: AtomicU64 = AtomicU64::new(0);

const USAGE: &str = "\
Video frames through a dispatcher and worker stages: frozen vs copy vs serialize hand-offs.

usage: cargo run --release --example pipeline -- [flags]

flags:
  --width N         frame width in pixels (RGBA)                 [default 1280]
  --height N        frame height in pixels                       [default 720]
  --stages N        number of stages, 1..=16                     [default 4]
  --frames N        frames per mode                              [default 1000]
  --mode M          frozen | copy | serialize | all              [default all]
  --inflight N      frames in the pipeline at once (credit window) [default 8]
  --skip-every N    every N-th frame skips `denoise` (0: never)  [default 3]
  --scale-at N      add a worker when a stage has N queued frames per worker [default 2]
  --max-workers N   most workers per stage                       [default 3]
  -h, --help        print this help
";

/// What the command line asked for.
#[derive(Clone, Copy)]
struct Config {
    width: usize,
    height: usize,
    stages: usize,
    frames: u64,
    inflight: usize,
    skip_every: u64,
    scale_at: usize,
    max_workers: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            width: 1280,
            height: 720,
            stages: 4,
            frames: 1000,
            inflight: 8,
            skip_every: 3,
            scale_at: 2,
            max_workers: 3,
        }
    }
}

fn parse_args() -> Result<Option<(Config, Vec<ModeKind>)>, String> {
    let known = [
        "width",
        "height",
        "stages",
        "frames",
        "mode",
        "inflight",
        "skip-every",
        "scale-at",
        "max-workers",
    ];
    let Parsed::Flags(flags) = args::parse(std::env::args().skip(1), &known)? else {
        return Ok(None);
    };
    let mut config = Config::default();
    let mut modes = vec![ModeKind::Frozen, ModeKind::Copy, ModeKind::Serialize];
    for (name, raw) in &flags {
        match name.as_str() {
            "width" => config.width = args::in_range(name, raw, 8, 16_384)?,
            "height" => config.height = args::in_range(name, raw, 8, 16_384)?,
            "stages" => config.stages = args::in_range(name, raw, 1, 16)?,
            "frames" => config.frames = args::in_range(name, raw, 1, 10_000_000)?,
            "inflight" => config.inflight = args::in_range(name, raw, 1, 1024)?,
            "skip-every" => config.skip_every = args::in_range(name, raw, 0, 1_000_000)?,
            "scale-at" => config.scale_at = args::in_range(name, raw, 1, 1024)?,
            "max-workers" => config.max_workers = args::in_range(name, raw, 1, 64)?,
            "mode" => {
                modes = match raw.as_str() {
                    "frozen" => vec![ModeKind::Frozen],
                    "copy" => vec![ModeKind::Copy],
                    "serialize" => vec![ModeKind::Serialize],
                    "all" => vec![ModeKind::Frozen, ModeKind::Copy, ModeKind::Serialize],
                    other => {
                        return Err(format!(
                            "`--mode` must be frozen, copy, serialize or all, got `{other}`"
                        ));
                    }
                }
            }
            _ => unreachable!("args::parse only returns known flags"),
        }
    }
    Ok(Some((config, modes)))
}

fn main() -> ExitCode {
    let (config, modes) = match parse_args() {
        Ok(Some(parsed)) => parsed,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n(run with --help for the flags)");
            return ExitCode::from(2);
        }
    };
    let stage_names: Vec<&str> = (0..config.stages)
        .map(|s| StageKind::of(s).name())
        .collect();
    println!(
        "{} frames of {}x{} RGBA ({} payload) through {} stages ({}), {} in flight, \
         every {} frame skips denoise, {} cores",
        config.frames,
        config.width,
        config.height,
        report::bytes((config.width * config.height * 4) as f64),
        config.stages,
        stage_names.join(" -> "),
        config.inflight,
        ordinal(config.skip_every),
        thread::available_parallelism().map_or(1, |n| n.get()),
    );
    let mut results = Vec::new();
    for mode in modes {
        let result = match mode {
            ModeKind::Frozen => run::<FrozenMode>(config),
            ModeKind::Copy => run::<CopyMode>(config),
            ModeKind::Serialize => run::<SerializeMode>(config),
        };
        results.push(result);
    }
    print_results(&results);
    ExitCode::SUCCESS
}

fn ordinal(n: u64) -> String {
    match n {
        0 => "no".to_string(),
        1 => "1st".to_string(),
        2 => "2nd".to_string(),
        3 => "3rd".to_string(),
        n => format!("{n}th"),
    }
}

// ---------------------------------------------------------------------------------------------
// The three kinds of frame and hand-off.

#[derive(Clone, Copy)]
enum ModeKind {
    Frozen,
    Copy,
    Serialize,
}

/// One way of representing frames and handing them from one party to the next.
trait Mode: 'static {
    const NAME: &'static str;
    /// What a stage works on.
    type Frame;
    /// What crosses a channel.
    type Wire: Send + 'static;

    /// Builds a frame from freshly rendered pixels and its initial metadata.
    fn capture(id: u64, pixels: Vec<u8>, meta: &[(&str, String)]) -> Self::Frame;
    /// The sender's half of a hand-off.
    fn send(frame: Self::Frame) -> Self::Wire;
    /// The receiver's half of a hand-off.
    fn receive(wire: Self::Wire) -> Self::Frame;
    fn pixels(frame: &Self::Frame) -> &[u8];
    fn annotate(frame: &mut Self::Frame, key: &str, value: String);
    fn meta_len(frame: &Self::Frame) -> usize;
    fn meta_get<'a>(frame: &'a Self::Frame, key: &str) -> Option<&'a str>;
}

fn copied(bytes: usize) {
    COPIED.fetch_add(bytes as u64, Relaxed);
}

/// A frame whose payload and metadata are frozen: a hand-off moves three handles.
#[derive(Frozen)]
struct FrozenFrame {
    payload: FrozenBytes,
    meta: FrozenMap<FrozenStr, FrozenStr>,
}

// Checked at compile time: everything reachable from a frame is deeply immutable, which is what
// makes handing over the handles (instead of the bytes) sound.
const _: fn() = || {
    fn frozen<T: Frozen>() {}
    frozen::<FrozenFrame>();
};

struct FrozenMode;

impl Mode for FrozenMode {
    const NAME: &'static str = "frozen";
    type Frame = FrozenFrame;
    type Wire = FrozenFrame;

    fn capture(_id: u64, pixels: Vec<u8>, meta: &[(&str, String)]) -> FrozenFrame {
        FrozenFrame {
            payload: FrozenBytes::from(pixels),
            meta: meta
                .iter()
                .map(|(k, v)| (FrozenStr::from(*k), FrozenStr::from(v.as_str())))
                .collect(),
        }
    }
    fn send(frame: FrozenFrame) -> FrozenFrame {
        frame
    }
    fn receive(wire: FrozenFrame) -> FrozenFrame {
        wire
    }
    fn pixels(frame: &FrozenFrame) -> &[u8] {
        &frame.payload
    }
    fn annotate(frame: &mut FrozenFrame, key: &str, value: String) {
        frame
            .meta
            .insert(FrozenStr::from(key), FrozenStr::from(value));
    }
    fn meta_len(frame: &FrozenFrame) -> usize {
        frame.meta.len()
    }
    fn meta_get<'a>(frame: &'a FrozenFrame, key: &str) -> Option<&'a str> {
        frame.meta.get(key).map(|v| &**v)
    }
}

/// A frame of std types: what you have when a value cannot be shared.
struct StdFrame {
    payload: Vec<u8>,
    meta: HashMap<String, String>,
}

fn std_capture(pixels: Vec<u8>, meta: &[(&str, String)]) -> StdFrame {
    StdFrame {
        payload: pixels,
        meta: meta
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    }
}

struct CopyMode;

impl Mode for CopyMode {
    const NAME: &'static str = "copy";
    type Frame = StdFrame;
    type Wire = StdFrame;

    fn capture(_id: u64, pixels: Vec<u8>, meta: &[(&str, String)]) -> StdFrame {
        std_capture(pixels, meta)
    }
    fn send(frame: StdFrame) -> StdFrame {
        copied(frame.payload.len());
        StdFrame {
            payload: frame.payload.clone(),
            meta: frame.meta.clone(),
        }
    }
    fn receive(wire: StdFrame) -> StdFrame {
        wire
    }
    fn pixels(frame: &StdFrame) -> &[u8] {
        &frame.payload
    }
    fn annotate(frame: &mut StdFrame, key: &str, value: String) {
        frame.meta.insert(key.to_string(), value);
    }
    fn meta_len(frame: &StdFrame) -> usize {
        frame.meta.len()
    }
    fn meta_get<'a>(frame: &'a StdFrame, key: &str) -> Option<&'a str> {
        frame.meta.get(key).map(String::as_str)
    }
}

/// Serializes a byte slice as one byte string (a length and a `memcpy`), not as a sequence of
/// `u8` elements: the fast path a real IPC encoder would take.
struct RawBytes<'a>(&'a [u8]);

impl Serialize for RawBytes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

/// The owned counterpart of [`RawBytes`].
struct ByteBuf(Vec<u8>);

impl<'de> Deserialize<'de> for ByteBuf {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ByteBuf;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<ByteBuf, E> {
                Ok(ByteBuf(v.to_vec()))
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<ByteBuf, E> {
                Ok(ByteBuf(v))
            }
        }
        deserializer.deserialize_byte_buf(Visitor)
    }
}

#[derive(Serialize)]
struct WireOut<'a> {
    payload: RawBytes<'a>,
    meta: &'a HashMap<String, String>,
}

#[derive(Deserialize)]
struct WireIn {
    payload: ByteBuf,
    meta: HashMap<String, String>,
}

struct SerializeMode;

impl Mode for SerializeMode {
    const NAME: &'static str = "serialize";
    type Frame = StdFrame;
    type Wire = Vec<u8>;

    fn capture(_id: u64, pixels: Vec<u8>, meta: &[(&str, String)]) -> StdFrame {
        std_capture(pixels, meta)
    }
    fn send(frame: StdFrame) -> Vec<u8> {
        let meta_bytes: usize = frame.meta.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
        let buffer = Vec::with_capacity(frame.payload.len() + meta_bytes + 16);
        let wire = WireOut {
            payload: RawBytes(&frame.payload),
            meta: &frame.meta,
        };
        let encoded = postcard::to_extend(&wire, buffer).expect("encoding into a Vec cannot fail");
        copied(frame.payload.len());
        encoded
    }
    fn receive(wire: Vec<u8>) -> StdFrame {
        let decoded: WireIn = postcard::from_bytes(&wire).expect("we encoded it ourselves");
        copied(decoded.payload.0.len());
        StdFrame {
            payload: decoded.payload.0,
            meta: decoded.meta,
        }
    }
    fn pixels(frame: &StdFrame) -> &[u8] {
        &frame.payload
    }
    fn annotate(frame: &mut StdFrame, key: &str, value: String) {
        frame.meta.insert(key.to_string(), value);
    }
    fn meta_len(frame: &StdFrame) -> usize {
        frame.meta.len()
    }
    fn meta_get<'a>(frame: &'a StdFrame, key: &str) -> Option<&'a str> {
        frame.meta.get(key).map(String::as_str)
    }
}

// ---------------------------------------------------------------------------------------------
// Capture and the stages' work: the same code for every mode.

/// Renders a frame of noise-like pixels (a multiplicative hash of the position and frame id).
fn render(id: u64, width: usize, height: usize) -> Vec<u8> {
    let mut pixels = vec![0u8; width * height * 4];
    let seed = id.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for (i, word) in pixels.chunks_exact_mut(8).enumerate() {
        let x = (i as u64 ^ seed).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        word.copy_from_slice(&(x ^ (x >> 32)).to_le_bytes());
    }
    pixels
}

#[derive(Clone, Copy, PartialEq)]
enum StageKind {
    Denoise,
    Detect,
    Classify,
    Encode,
}

impl StageKind {
    fn of(index: usize) -> StageKind {
        [
            StageKind::Denoise,
            StageKind::Detect,
            StageKind::Classify,
            StageKind::Encode,
        ][index % 4]
    }

    fn name(self) -> &'static str {
        match self {
            StageKind::Denoise => "denoise",
            StageKind::Detect => "detect",
            StageKind::Classify => "classify",
            StageKind::Encode => "encode",
        }
    }

    /// Reads part of the frame and returns a value to record in its metadata.
    fn work(self, id: u64, pixels: &[u8], width: usize, height: usize) -> u64 {
        let row = width * 4;
        let stripe = |rows: usize| {
            let y = (id as usize * 7) % (height - rows.min(height) + 1);
            &pixels[y * row..(y + rows.min(height)) * row]
        };
        match self {
            // Noise estimate: mean absolute difference of horizontally adjacent samples.
            StageKind::Denoise => {
                let s = stripe(4);
                let sum: u64 = s
                    .iter()
                    .zip(&s[4..])
                    .map(|(a, b)| u64::from(a.abs_diff(*b)))
                    .sum();
                sum / s.len() as u64
            }
            // Mean brightness over a grid of every 16th pixel of every 16th row.
            StageKind::Detect => {
                let (mut sum, mut n) = (0u64, 0u64);
                for y in (0..height).step_by(16) {
                    for x in (0..width).step_by(16) {
                        let p = &pixels[y * row + x * 4..][..3];
                        sum += (u64::from(p[0]) + u64::from(p[1]) + u64::from(p[2])) / 3;
                        n += 1;
                    }
                }
                sum / n.max(1)
            }
            // The fullest of 16 luma bins over a grid of every 8th pixel of every 8th row.
            StageKind::Classify => {
                let mut bins = [0u32; 16];
                for y in (0..height).step_by(8) {
                    for x in (0..width).step_by(8) {
                        let p = &pixels[y * row + x * 4..][..3];
                        let luma =
                            (u32::from(p[0]) * 2 + u32::from(p[1]) * 5 + u32::from(p[2])) / 8;
                        bins[(luma / 16) as usize] += 1;
                    }
                }
                (0..16).max_by_key(|&b| bins[b]).unwrap_or(0) as u64
            }
            // Adler-32 of an 8-row stripe.
            StageKind::Encode => {
                let (mut a, mut b) = (1u32, 0u32);
                for &byte in stripe(8) {
                    a = (a + u32::from(byte)) % 65_521;
                    b = (b + a) % 65_521;
                }
                u64::from((b << 16) | a)
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Threads: source, dispatcher, stage workers.

/// A frame on its way, with the routing header the dispatcher reads (it never opens the frame).
struct Envelope<W> {
    id: u64,
    captured: Instant,
    /// The first stage index not yet considered for this frame.
    next: usize,
    visited: usize,
    wire: W,
}

enum ToDispatcher<W> {
    Captured(Envelope<W>),
    Done {
        stage: usize,
        worker: usize,
        envelope: Envelope<W>,
    },
}

struct Worker<W> {
    to_worker: Sender<Envelope<W>>,
    queued: usize,
    thread: JoinHandle<()>,
}

struct Stage<W> {
    kind: StageKind,
    workers: Vec<Worker<W>>,
    added: Vec<u64>,
    frames: u64,
}

/// What one run measured.
struct RunResult {
    mode: &'static str,
    frames: u64,
    elapsed: Duration,
    latencies: Vec<Duration>,
    copied: u64,
    handoffs: u64,
    peak: usize,
    digest: u64,
    stages: Vec<(StageKind, usize, Vec<u64>, u64)>,
}

fn spawn_worker<M: Mode>(
    config: Config,
    stage: usize,
    worker: usize,
    kind: StageKind,
    to_dispatcher: Sender<ToDispatcher<M::Wire>>,
) -> Worker<M::Wire> {
    let (to_worker, inbox) = channel::<Envelope<M::Wire>>();
    let thread = thread::Builder::new()
        .name(format!("{}-{worker}", kind.name()))
        .spawn(move || {
            for mut envelope in inbox {
                let mut frame = M::receive(envelope.wire);
                let value = kind.work(envelope.id, M::pixels(&frame), config.width, config.height);
                M::annotate(&mut frame, kind.name(), value.to_string());
                envelope.wire = M::send(frame);
                let done = ToDispatcher::Done {
                    stage,
                    worker,
                    envelope,
                };
                if to_dispatcher.send(done).is_err() {
                    break;
                }
            }
        })
        .expect("spawning a worker thread");
    Worker {
        to_worker,
        queued: 0,
        thread,
    }
}

fn source<M: Mode>(config: Config, credits: Receiver<()>, out: Sender<ToDispatcher<M::Wire>>) {
    for id in 0..config.frames {
        if credits.recv().is_err() {
            return;
        }
        let pixels = render(id, config.width, config.height);
        let meta = [
            ("camera", "cam0".to_string()),
            ("format", "RGBA8".to_string()),
            ("width", config.width.to_string()),
            ("height", config.height.to_string()),
            ("frame", id.to_string()),
        ];
        let frame = M::capture(id, pixels, &meta);
        let captured = Instant::now();
        let wire = M::send(frame);
        let envelope = Envelope {
            id,
            captured,
            next: 0,
            visited: 0,
            wire,
        };
        if out.send(ToDispatcher::Captured(envelope)).is_err() {
            return;
        }
    }
}

const INITIAL_META: usize = 5;

fn run<M: Mode>(config: Config) -> RunResult {
    COPIED.store(0, Relaxed);
    // A frame is a few large allocations plus a dozen small ones: counting all of them costs
    // nothing measurable here, so it stays on for the whole run.
    alloc::set_counting(true);
    alloc::reset_peak();
    let baseline = alloc::current();
    let start = Instant::now();

    let (to_dispatcher, inbox) = channel::<ToDispatcher<M::Wire>>();
    let (credit_tx, credits) = channel::<()>();
    for _ in 0..config.inflight {
        credit_tx.send(()).expect("the source holds the receiver");
    }
    let source = {
        let out = to_dispatcher.clone();
        thread::spawn(move || source::<M>(config, credits, out))
    };
    let mut stages: Vec<Stage<M::Wire>> = (0..config.stages)
        .map(|s| {
            let kind = StageKind::of(s);
            let first = spawn_worker::<M>(config, s, 0, kind, to_dispatcher.clone());
            Stage {
                kind,
                workers: vec![first],
                added: Vec::new(),
                frames: 0,
            }
        })
        .collect();

    let mut latencies = Vec::with_capacity(config.frames as usize);
    let (mut digest, mut handoffs) = (0u64, 0u64);
    let mut last_progress = Instant::now();
    let progress = std::io::stderr().is_terminal();
    while (latencies.len() as u64) < config.frames {
        let message = inbox.recv().expect("the dispatcher holds a sender");
        let mut envelope = match message {
            ToDispatcher::Captured(envelope) => envelope,
            ToDispatcher::Done {
                stage,
                worker,
                envelope,
            } => {
                stages[stage].workers[worker].queued -= 1;
                envelope
            }
        };
        handoffs += 1;
        // Route: the next stage this frame does not skip.
        let skips = |kind: StageKind, id: u64| {
            kind == StageKind::Denoise
                && config.skip_every > 0
                && id % config.skip_every == config.skip_every - 1
        };
        while envelope.next < stages.len() && skips(stages[envelope.next].kind, envelope.id) {
            envelope.next += 1;
        }
        if envelope.next < stages.len() {
            let s = envelope.next;
            envelope.next += 1;
            envelope.visited += 1;
            let stage = &mut stages[s];
            stage.frames += 1;
            let (mut pick, mut least) = (0, usize::MAX);
            for (w, worker) in stage.workers.iter().enumerate() {
                if worker.queued < least {
                    (pick, least) = (w, worker.queued);
                }
            }
            if least >= config.scale_at && stage.workers.len() < config.max_workers {
                pick = stage.workers.len();
                let worker = spawn_worker::<M>(config, s, pick, stage.kind, to_dispatcher.clone());
                stage.workers.push(worker);
                stage.added.push(envelope.id);
            }
            stage.workers[pick].queued += 1;
            stage.workers[pick]
                .to_worker
                .send(envelope)
                .expect("workers outlive the run");
        } else {
            // The sink: the last hand-off, then check the frame and account for it.
            let frame = M::receive(envelope.wire);
            latencies.push(envelope.captured.elapsed());
            assert_eq!(
                M::meta_len(&frame),
                INITIAL_META + envelope.visited,
                "a stage's entry is missing"
            );
            let pixels = M::pixels(&frame);
            let recorded = |key: &str| M::meta_get(&frame, key).and_then(|v| v.parse::<u64>().ok());
            let value = recorded("encode").or(recorded("detect")).unwrap_or(0);
            let mixed = (value ^ u64::from(pixels[pixels.len() / 2]) << 40) ^ envelope.id;
            digest = digest.wrapping_add(mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            drop(frame);
            let _ = credit_tx.send(());
            if progress && last_progress.elapsed() > Duration::from_millis(100) {
                last_progress = Instant::now();
                let done = latencies.len();
                let fps = done as f64 / start.elapsed().as_secs_f64();
                eprint!(
                    "\r  {:<9} {done:>7}/{} frames  {fps:>7.0} fps",
                    M::NAME,
                    config.frames
                );
                let _ = std::io::stderr().flush();
            }
        }
    }
    let elapsed = start.elapsed();
    if progress {
        eprint!("\r{:60}\r", "");
    }
    drop(credit_tx);
    source.join().expect("the source thread panicked");
    let mut summary = Vec::new();
    for stage in stages {
        summary.push((stage.kind, stage.workers.len(), stage.added, stage.frames));
        for worker in stage.workers {
            drop(worker.to_worker);
            worker.thread.join().expect("a worker thread panicked");
        }
    }
    RunResult {
        mode: M::NAME,
        frames: config.frames,
        elapsed,
        latencies,
        copied: COPIED.load(Relaxed),
        handoffs,
        peak: alloc::peak().saturating_sub(baseline).max(0) as usize,
        digest,
        stages: summary,
    }
}

fn print_results(results: &[RunResult]) {
    let mut table = Table::new(&[
        "mode",
        "frames/s",
        "p50 latency",
        "p99 latency",
        "time/frame vs frozen",
        "payload bytes copied/frame",
        "hand-offs/frame",
        "peak heap",
        "digest",
    ]);
    let fps = |r: &RunResult| r.frames as f64 / r.elapsed.as_secs_f64();
    let frozen_fps = results.iter().find(|r| r.mode == FrozenMode::NAME).map(fps);
    for r in results {
        let mut latencies = r.latencies.clone();
        let per_frame = r.copied as f64 / r.frames as f64;
        table.row(vec![
            r.mode.to_string(),
            format!("{:.0}", fps(r)),
            report::duration(report::percentile(&mut latencies, 50.0)),
            report::duration(report::percentile(&mut latencies, 99.0)),
            frozen_fps.map_or("-".to_string(), |f| report::ratio(f / fps(r))),
            format!(
                "{} ({})",
                report::thousands(per_frame.round() as u64),
                report::bytes(per_frame)
            ),
            format!("{:.2}", r.handoffs as f64 / r.frames as f64),
            report::bytes(r.peak as f64),
            format!("{:016x}", r.digest),
        ]);
    }
    println!();
    print!("{}", table.render());
    println!();
    for r in results {
        let stages: Vec<String> = r
            .stages
            .iter()
            .map(|(kind, workers, added, frames)| {
                let grown = match added.first() {
                    Some(at) => format!(", +{} at frame {at}", added.len()),
                    None => String::new(),
                };
                format!("{} {frames} frames/{workers} workers{grown}", kind.name())
            })
            .collect();
        println!("{:<9} {}", r.mode, stages.join("; "));
    }
    if results.len() > 1 && results.windows(2).all(|w| w[0].digest == w[1].digest) {
        println!("\nAll modes computed the same digest: the same frames, the same work.");
    }
}
