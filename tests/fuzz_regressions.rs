//! Replays the committed fuzz inputs under a plain `cargo test` (stable, no cargo-fuzz): every
//! file in `fuzz/regressions/<target>/` (crashes found, and a minimized corpus) goes through the
//! same check the fuzz target runs, `fuzz/checks/<target>.rs`.
//!
//! Adding a fuzz target means adding it to `replay!` below and committing at least one input
//! under `fuzz/regressions/<target>/`; `every_target_is_replayed` fails otherwise.
#![cfg(all(feature = "arbitrary", feature = "serde"))]

use std::fs;
use std::path::{Path, PathBuf};

#[allow(unreachable_pub)]
#[path = "../fuzz/checks/mod.rs"]
mod checks;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The names of the entries of `dir` (files or directories), sorted.
fn names_in(dir: &Path, want_dirs: bool) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry"))
        .filter(|entry| entry.file_type().expect("a file type").is_dir() == want_dirs)
        .map(|entry| entry.file_name().into_string().expect("a UTF-8 file name"))
        .collect();
    names.sort();
    names
}

/// How many inputs per target Miri replays: the smallest ones (the fuzz targets themselves run
/// every input under AddressSanitizer, and one large input takes minutes under Miri).
const MIRI_INPUTS: usize = 4;
/// How many leading bytes of each input Miri replays. Even the smallest kept inputs (about 250
/// bytes for the map targets) run operation sequences far too long for Miri; a prefix is itself
/// a valid input (the checks read operations until the bytes run out) and drives the same code.
/// With these prefixes, and the model comparisons run once per input under Miri (see
/// `run_model` in `fuzz/checks/common.rs`), the file fits the Miri budget of `.ci/soundness`
/// (the README's soundness table has the measured time).
const MIRI_INPUT_BYTES: usize = 64;

/// Runs every committed input of `target` through `check` (under Miri, the smallest few).
fn replay(target: &str, check: fn(&[u8])) {
    let dir = fuzz_dir().join("regressions").join(target);
    let mut inputs: Vec<(PathBuf, Vec<u8>)> = names_in(&dir, false)
        .into_iter()
        .map(|name| {
            let path = dir.join(name);
            let data =
                fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            (path, data)
        })
        .collect();
    assert!(!inputs.is_empty(), "{} has no inputs", dir.display());
    if cfg!(miri) {
        inputs.sort_by_key(|(_, data)| data.len());
        inputs.truncate(MIRI_INPUTS);
        for (_, data) in &mut inputs {
            data.truncate(MIRI_INPUT_BYTES);
        }
    }
    for (path, data) in inputs {
        // Printed only if the check panics: the input to reproduce with.
        println!("replaying {}", path.display());
        check(&data);
    }
}

macro_rules! replay {
    ($($target:ident),* $(,)?) => {
        /// The targets replayed here, by name.
        const TARGETS: &[&str] = &[$(stringify!($target)),*];

        $(
            #[test]
            fn $target() {
                replay(stringify!($target), checks::$target::run);
            }
        )*
    };
}

replay!(
    deserialize,
    graph,
    map_ops,
    ord_map_ops,
    ord_set_ops,
    set_ops,
    str_bytes,
    value,
    vec_ops,
);

/// Every fuzz target (`fuzz/fuzz_targets/*.rs`) is replayed here and has committed inputs, and
/// every directory of inputs belongs to a target.
#[test]
fn every_target_is_replayed() {
    let targets: Vec<String> = names_in(&fuzz_dir().join("fuzz_targets"), false)
        .into_iter()
        .map(|file| {
            file.strip_suffix(".rs")
                .unwrap_or_else(|| panic!("fuzz_targets/{file} is not a .rs file"))
                .to_owned()
        })
        .collect();
    let mut replayed: Vec<&str> = TARGETS.to_vec();
    replayed.sort_unstable();
    assert_eq!(targets, replayed, "fuzz targets vs. the `replay!` list");
    let regressions = names_in(&fuzz_dir().join("regressions"), true);
    assert_eq!(
        targets, regressions,
        "fuzz targets vs. fuzz/regressions/ directories"
    );
}
