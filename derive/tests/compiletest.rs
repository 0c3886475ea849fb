//! Compile-fail UI tests: each `tests/ui/*.rs` makes one mistake, named by its file, and its
//! `.stderr` snapshot shows the error pointing at the offending field or attribute.
//!
//! rustc's own diagnostics change between releases, so the snapshots are written by, and checked
//! only with, the pinned toolchain:
//!
//! ```text
//! cargo +1.95.0 test -p deepfreeze-derive --test compiletest                      # check
//! TRYBUILD=overwrite cargo +1.95.0 test -p deepfreeze-derive --test compiletest   # bless
//! ```
//!
//! With any other compiler the test prints why and passes without checking, except in CI (the
//! `CI` environment variable is set), where it fails. It never runs under Miri (which cannot run
//! the compiler). The error count of every snapshot is checked with any compiler.

use std::path::Path;
use std::process::Command;

/// The toolchain that wrote the `.stderr` snapshots.
const PINNED: &str = "1.95.0";

/// The cases whose one mistake rustc reports as more than one error (every other case: one).
const ERRORS: &[(&str, usize, &str)] = &[
    (
        "builtin-attribute-name-shadowed",
        2,
        "rustc's ambiguity error, then its error for the malformed built-in `repr`",
    ),
    (
        "handle-send-needs-frozen",
        2,
        "rustc's overflow error, once for `Send` and once for `Sync`",
    ),
];

#[test]
#[cfg_attr(miri, ignore = "Miri cannot run rustc")]
fn ui() {
    // trybuild compiles the cases with the `rustc` this test was started with: `cargo +1.95.0`
    // sets `RUSTUP_TOOLCHAIN` for every `rustc` below it, and `RUSTC` overrides it as in cargo.
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let version = Command::new(&rustc)
        .arg("--version")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default();
    if !version.starts_with(&format!("rustc {PINNED} ")) {
        let why = format!(
            "the UI snapshots are for rustc {PINNED}, this is `{}`; run `cargo +{PINNED} test -p \
             deepfreeze-derive --test compiletest`",
            version.trim()
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must check them: {why}"
        );
        eprintln!("skipping the UI tests: {why}");
        return;
    }
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}

/// One mistake, one error: every snapshot holds exactly the number of errors its case expects
/// (one unless `ERRORS` says otherwise), and no case that derives shows rustc's `Send`/`Sync`
/// error at the type's name, which the derive defers (a hand-written impl still gets it).
#[test]
#[cfg_attr(miri, ignore = "reads the snapshots from disk")]
fn one_error_per_mistake() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let mut cases = 0;
    let mut wrong = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/ui exists") {
        let path = entry.expect("a readable entry").path();
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        cases += 1;
        let name = path.file_stem().and_then(|stem| stem.to_str()).unwrap();
        let stderr = std::fs::read_to_string(path.with_extension("stderr"))
            .unwrap_or_else(|_| panic!("{name}.rs has no .stderr snapshot"));
        let errors = stderr
            .lines()
            .filter(|line| line.starts_with("error[") || line.starts_with("error:"))
            .count();
        let expected = ERRORS
            .iter()
            .find(|(case, ..)| *case == name)
            .map_or(1, |&(_, count, _)| count);
        if errors != expected {
            wrong.push(format!("{name}: {errors} errors, expected {expected}"));
        }
        let derives = std::fs::read_to_string(&path)
            .expect("a readable case")
            .contains("#[derive(Frozen)]");
        let send_sync = stderr.contains("cannot be shared between threads safely")
            || stderr.contains("cannot be sent between threads safely");
        if derives && send_sync {
            wrong.push(format!("{name}: a `Send`/`Sync` error"));
        }
    }
    for (case, ..) in ERRORS {
        assert!(dir.join(format!("{case}.rs")).exists(), "no case {case}");
    }
    assert!(cases > 70, "only {cases} cases found in {}", dir.display());
    assert!(wrong.is_empty(), "{wrong:#?}");
}
