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
//! With any other compiler the test prints why and passes without checking. It never runs under
//! Miri (which cannot run the compiler).

use std::process::Command;

/// The toolchain that wrote the `.stderr` snapshots.
const PINNED: &str = "1.95.0";

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
        eprintln!(
            "skipping the UI tests: their snapshots are for rustc {PINNED}, this is `{}`; run \
             `cargo +{PINNED} test -p deepfreeze-derive --test compiletest`",
            version.trim()
        );
        return;
    }
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
