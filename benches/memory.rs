//! Heap bytes per entry of the frozen collections against imbl, rpds and std, and handle sizes.
//!
//! `cargo bench --bench memory` prints Markdown tables (criterion does not measure memory). A
//! counting global allocator records the bytes requested while a collection of `n` random
//! `u64 -> u64` entries is built and kept alive (the allocator's own per-block overhead is not
//! included, for any type). Collections are built by `FromIterator`, as users build them.

use archery::{ArcK, ArcTK};
use deepfreeze::{
    FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenSet, FrozenSlice, FrozenStr, FrozenVec,
};
use std::collections::{BTreeMap, HashMap, HashSet, hash_map::RandomState};
use std::hint::black_box;
use std::mem::size_of;

// Shared with the examples; this target uses only part of each.
#[allow(dead_code)]
#[path = "../examples/common/alloc.rs"]
mod alloc;
#[allow(dead_code)]
#[path = "../examples/common/report.rs"]
mod report;

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

const SIZES: [usize; 4] = [1, 1_000, 100_000, 1_000_000];

fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Heap bytes held by the value `build` returns, while it is alive.
fn heap_of<T>(build: impl FnOnce() -> T) -> usize {
    let before = alloc::current();
    let value = black_box(build());
    let held = alloc::current() - before;
    drop(value);
    held.max(0) as usize
}

type Row = (&'static str, fn(usize) -> usize);

fn pairs(n: usize) -> impl Iterator<Item = (u64, u64)> {
    (0..n as u64).map(|i| (mix(i), i))
}

/// The keys of [`pairs`] spelled as 20-byte strings: too long to be stored inline.
fn str_pairs(n: usize) -> impl Iterator<Item = (FrozenStr, u64)> {
    pairs(n).map(|(k, v)| (FrozenStr::from(format!("key-{k:016x}")), v))
}

/// Inserts one entry at a time (`extend` into an empty map would build in bulk).
fn insert_each(map: &mut FrozenMap<u64, u64>, pairs: impl Iterator<Item = (u64, u64)>) {
    for (k, v) in pairs {
        map.insert(k, v);
    }
}

fn keys(n: usize) -> impl Iterator<Item = u64> {
    (0..n as u64).map(mix)
}

fn table(title: &str, rows: &[Row]) {
    let mut header = vec!["implementation".to_string()];
    header.extend(
        SIZES
            .iter()
            .map(|n| format!("n = {}", report::thousands(*n as u64))),
    );
    header.push("vs std at 1e6".to_string());
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = report::Table::new(&header);
    let std_at_max = rows.last().map_or(1.0, |(_, f)| f(1_000_000) as f64);
    for (name, measure) in rows {
        let mut cells = vec![name.to_string()];
        let mut last = 0.0;
        for &n in &SIZES {
            let bytes = measure(n) as f64;
            last = bytes;
            cells.push(if n == 1 {
                format!("{bytes:.0} B total")
            } else {
                format!("{:.1} B", bytes / n as f64)
            });
        }
        cells.push(report::ratio(last / std_at_max));
        t.row(cells);
    }
    println!("### {title}: heap bytes per entry\n");
    print!("{}", t.render());
    println!();
}

fn main() {
    // `cargo bench` passes `--bench`; this target takes no options.
    println!("## Memory (u64 keys and values; requested bytes, no allocator overhead)\n");
    table(
        "Hash maps",
        &[
            ("FrozenMap", |n| {
                heap_of(|| pairs(n).collect::<FrozenMap<u64, u64>>())
            }),
            ("FrozenMap, by `insert`", |n| {
                heap_of(|| {
                    let mut map = FrozenMap::new();
                    insert_each(&mut map, pairs(n));
                    map
                })
            }),
            // In-place removals leave vacant slots in the nodes they shrink, for the next insert.
            (
                "FrozenMap, by `insert`, then 100 more inserted and removed",
                |n| {
                    heap_of(|| {
                        let mut map = FrozenMap::new();
                        insert_each(&mut map, pairs(n));
                        let fresh = || pairs(n + 100).skip(n);
                        insert_each(&mut map, fresh());
                        fresh().for_each(|(k, _)| {
                            map.remove(&k);
                        });
                        map
                    })
                },
            ),
            ("imbl::HashMap (ArcK)", |n| {
                heap_of(|| pairs(n).collect::<imbl::GenericHashMap<u64, u64, RandomState, ArcK>>())
            }),
            ("imbl::HashMap (ArcTK)", |n| {
                heap_of(|| pairs(n).collect::<imbl::GenericHashMap<u64, u64, RandomState, ArcTK>>())
            }),
            ("rpds::HashTrieMapSync", |n| {
                heap_of(|| pairs(n).collect::<rpds::HashTrieMapSync<u64, u64>>())
            }),
            ("std HashMap", |n| {
                heap_of(|| pairs(n).collect::<HashMap<u64, u64>>())
            }),
        ],
    );
    table(
        "Hash maps, FrozenStr -> u64 (20-byte keys, each its own allocation; key bytes included)",
        &[
            ("FrozenMap", |n| {
                heap_of(|| str_pairs(n).collect::<FrozenMap<FrozenStr, u64>>())
            }),
            ("imbl::HashMap (ArcK)", |n| {
                heap_of(|| {
                    str_pairs(n)
                        .collect::<imbl::GenericHashMap<FrozenStr, u64, RandomState, ArcK>>()
                })
            }),
            ("rpds::HashTrieMapSync", |n| {
                heap_of(|| str_pairs(n).collect::<rpds::HashTrieMapSync<FrozenStr, u64>>())
            }),
            ("std HashMap", |n| {
                heap_of(|| str_pairs(n).collect::<HashMap<FrozenStr, u64>>())
            }),
        ],
    );
    table(
        "Ordered maps",
        &[
            ("FrozenOrdMap", |n| {
                heap_of(|| pairs(n).collect::<FrozenOrdMap<u64, u64>>())
            }),
            ("imbl::OrdMap (ArcK)", |n| {
                heap_of(|| pairs(n).collect::<imbl::GenericOrdMap<u64, u64, ArcK>>())
            }),
            ("imbl::OrdMap (ArcTK)", |n| {
                heap_of(|| pairs(n).collect::<imbl::GenericOrdMap<u64, u64, ArcTK>>())
            }),
            ("rpds::RedBlackTreeMapSync", |n| {
                heap_of(|| pairs(n).collect::<rpds::RedBlackTreeMapSync<u64, u64>>())
            }),
            ("std BTreeMap", |n| {
                heap_of(|| pairs(n).collect::<BTreeMap<u64, u64>>())
            }),
        ],
    );
    table(
        "Vectors",
        &[
            ("FrozenVec", |n| {
                heap_of(|| keys(n).collect::<FrozenVec<u64>>())
            }),
            ("imbl::Vector (ArcK)", |n| {
                heap_of(|| keys(n).collect::<imbl::GenericVector<u64, ArcK>>())
            }),
            ("imbl::Vector (ArcTK)", |n| {
                heap_of(|| keys(n).collect::<imbl::GenericVector<u64, ArcTK>>())
            }),
            ("rpds::VectorSync", |n| {
                heap_of(|| keys(n).collect::<rpds::VectorSync<u64>>())
            }),
            ("FrozenSlice", |n| {
                heap_of(|| keys(n).collect::<FrozenSlice<u64>>())
            }),
            ("std Vec", |n| heap_of(|| keys(n).collect::<Vec<u64>>())),
        ],
    );
    table(
        "Hash sets",
        &[
            ("FrozenSet", |n| {
                heap_of(|| keys(n).collect::<FrozenSet<u64>>())
            }),
            ("imbl::HashSet (ArcK)", |n| {
                heap_of(|| keys(n).collect::<imbl::GenericHashSet<u64, RandomState, ArcK>>())
            }),
            ("rpds::HashTrieSetSync", |n| {
                heap_of(|| keys(n).collect::<rpds::HashTrieSetSync<u64>>())
            }),
            ("std HashSet", |n| {
                heap_of(|| keys(n).collect::<HashSet<u64>>())
            }),
        ],
    );

    short_vectors();

    println!("### Handle sizes (stack bytes)\n");
    let mut t = report::Table::new(&["type", "size", "Option<_>"]);
    let mut row = |name: &str, size: usize, option: usize| {
        t.row(vec![
            name.to_string(),
            format!("{size} B"),
            format!("{option} B"),
        ]);
    };
    row(
        "FrozenStr",
        size_of::<FrozenStr>(),
        size_of::<Option<FrozenStr>>(),
    );
    row(
        "Arc<str>",
        size_of::<std::sync::Arc<str>>(),
        size_of::<Option<std::sync::Arc<str>>>(),
    );
    row("String", size_of::<String>(), size_of::<Option<String>>());
    row(
        "arcstr::ArcStr",
        size_of::<arcstr::ArcStr>(),
        size_of::<Option<arcstr::ArcStr>>(),
    );
    row(
        "smol_str::SmolStr",
        size_of::<smol_str::SmolStr>(),
        size_of::<Option<smol_str::SmolStr>>(),
    );
    row(
        "FrozenBytes",
        size_of::<FrozenBytes>(),
        size_of::<Option<FrozenBytes>>(),
    );
    row(
        "bytes::Bytes",
        size_of::<bytes::Bytes>(),
        size_of::<Option<bytes::Bytes>>(),
    );
    row(
        "FrozenArc<u64>",
        size_of::<FrozenArc<u64>>(),
        size_of::<Option<FrozenArc<u64>>>(),
    );
    row(
        "std Arc<u64>",
        size_of::<std::sync::Arc<u64>>(),
        size_of::<Option<std::sync::Arc<u64>>>(),
    );
    row(
        "FrozenMap<u64, u64>",
        size_of::<FrozenMap<u64, u64>>(),
        size_of::<Option<FrozenMap<u64, u64>>>(),
    );
    row(
        "FrozenVec<u64>",
        size_of::<FrozenVec<u64>>(),
        size_of::<Option<FrozenVec<u64>>>(),
    );
    print!("{}", t.render());
}

/// `size_of` 280, one byte on the wire after its tag (the nested-postcard row, with `serde`).
#[allow(dead_code, clippy::large_enum_variant)]
#[derive(Clone, serde::Serialize, serde::Deserialize)]
enum Wide {
    Small(u8),
    Large([u64; 32], [u8; 16], [u8; 7]),
}

/// Short and nested vectors: total heap bytes of one vector of `n` elements (`u64`, and 280-byte
/// elements), of 1,000 empty inner vectors, and (with the `serde` feature: `cargo bench --bench
/// memory --all-features`) of 40 KB of postcard decoded as nested vectors.
fn short_vectors() {
    println!("### Short and nested vectors: total heap bytes\n");
    let mut t = report::Table::new(&[
        "value",
        "FrozenVec",
        "imbl::Vector (ArcTK)",
        "std Vec",
        "FrozenVec / std",
    ]);
    let mut row = |name: String, frozen: usize, imbl: usize, std: usize| {
        t.row(vec![
            name,
            format!("{frozen} B"),
            format!("{imbl} B"),
            format!("{std} B"),
            report::ratio(frozen as f64 / std.max(1) as f64),
        ]);
    };
    for n in [1, 8, 32, 33] {
        row(
            format!("{n} x u64"),
            heap_of(|| keys(n).collect::<FrozenVec<u64>>()),
            heap_of(|| keys(n).collect::<imbl::GenericVector<u64, ArcTK>>()),
            heap_of(|| keys(n).collect::<Vec<u64>>()),
        );
    }
    for n in [1, 8, 32] {
        let wide = || std::iter::repeat_n([7u8; 280], n);
        row(
            format!("{n} x [u8; 280]"),
            heap_of(|| wide().collect::<FrozenVec<_>>()),
            heap_of(|| wide().collect::<imbl::GenericVector<_, ArcTK>>()),
            heap_of(|| wide().collect::<Vec<_>>()),
        );
    }
    row(
        "1,000 empty inner vectors of u8".to_string(),
        heap_of(|| {
            (0..1000)
                .map(|_| FrozenVec::<u8>::new())
                .collect::<FrozenVec<_>>()
        }),
        heap_of(|| {
            (0..1000)
                .map(|_| imbl::GenericVector::<u8, ArcTK>::new())
                .collect::<imbl::GenericVector<_, ArcTK>>()
        }),
        heap_of(|| (0..1000).map(|_| Vec::<u8>::new()).collect::<Vec<_>>()),
    );
    #[cfg(feature = "serde")]
    {
        type Imbl<T> = imbl::GenericVector<T, ArcTK>;
        let nested: Vec<Vec<Wide>> = (0..40 * 1024 / 3)
            .map(|i| vec![Wide::Small(i as u8)])
            .collect();
        let bytes = postcard::to_allocvec(&nested).unwrap();
        drop(nested);
        let decode = || postcard::from_bytes::<Vec<Vec<Wide>>>(&bytes).unwrap();
        row(
            format!(
                "{} B of postcard as nested vectors of 280-byte elements (one each)",
                bytes.len()
            ),
            heap_of(|| postcard::from_bytes::<FrozenVec<FrozenVec<Wide>>>(&bytes).unwrap()),
            // imbl has no serde here: the same vectors built from the decoded std ones.
            heap_of(|| {
                decode()
                    .into_iter()
                    .map(|inner| inner.into_iter().collect::<Imbl<_>>())
                    .collect::<Imbl<_>>()
            }),
            heap_of(decode),
        );
    }
    print!("{}", t.render());
    println!();
}
