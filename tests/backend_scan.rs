//! The `unsafe impl Frozen` for the persistent collections rests on their backends holding no
//! interior mutability beyond reference counts. This test scans the exact vendored sources of
//! the backend crates, as resolved in `Cargo.lock`, for the markers of interior mutability and
//! compares every hit with the reviewed allow-list `tests/backend_scan_allowlist.txt`. A version
//! bump that adds a cache, a lock or an atomic fails here until someone reviews it.
//!
//! It also pins the backends themselves: imbl `=7.0.2`, archery `>= 1.2.3`, triomphe `>= 0.1.17`,
//! no `im`, imbl's `triomphe` feature off, and the direct dependencies of each scanned crate.
//!
//! To review a change: run with `DEEPFREEZE_BLESS_SCAN=1` to rewrite the allow-list (existing
//! justifications are kept; new hits get a `# TODO: justify` comment that makes this test fail
//! until a reviewer replaces it with a reason), read every new line in the vendored source, and
//! write down why it cannot make a stored value change behind `&`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

/// The markers of interior mutability (a substring search per line stands in for the regex
/// `Cell|UnsafeCell|Atomic|OnceCell|OnceLock|Mutex|RwLock`; `Cell` already covers `UnsafeCell`
/// and `OnceCell`, listed for the reader).
const PATTERNS: &[&str] = &[
    "Cell",
    "UnsafeCell",
    "Atomic",
    "OnceCell",
    "OnceLock",
    "Mutex",
    "RwLock",
];

/// Crates whose types end up inside a stored frozen value: the persistent collections (imbl),
/// their chunk types, the pointer kinds and the pointers (`triomphe`, also the nodes of our own
/// hash trie), and `wide`/`safe_arch`, the SIMD control bytes of imbl's hash nodes (stored by no
/// frozen type, but compiled into imbl, so scanned).
const SCANNED: &[&str] = &[
    "imbl",
    "imbl-sized-chunks",
    "archery",
    "triomphe",
    "wide",
    "safe_arch",
];

/// Scanned too when the lock file has them (imbl-sized-chunks used `bitmaps` in older versions).
const SCANNED_IF_PRESENT: &[&str] = &["bitmaps"];

/// The direct dependencies of each scanned crate, as the lock file lists them. A new dependency
/// could put new types into the nodes: review it, scan it if it does, and update this table.
const EXPECTED_DEPENDENCIES: &[(&str, &[&str])] = &[
    (
        "imbl",
        &[
            // Pointer kinds (`ArcTK`): scanned.
            "archery",
            // Only the `Equivalent` lookup trait; no type of it is stored.
            "equivalent",
            // Node chunks: scanned.
            "imbl-sized-chunks",
            // A seeded RNG used locally inside `Vector::sort`, never stored.
            "rand_core",
            "rand_xoshiro",
            // Build script only.
            "version_check",
            // SIMD control bytes of hash nodes: scanned.
            "wide",
        ],
    ),
    ("imbl-sized-chunks", &[]),
    ("archery", &["triomphe"]),
    ("triomphe", &[]),
    // `bytemuck` provides the `Pod`/`Zeroable` traits and cast functions; no type of it is stored.
    ("wide", &["bytemuck", "safe_arch"]),
    ("safe_arch", &["bytemuck"]),
];

const ALLOWLIST: &str = "tests/backend_scan_allowlist.txt";
const BLESS_VAR: &str = "DEEPFREEZE_BLESS_SCAN";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One `[[package]]` of `Cargo.lock`.
#[derive(Debug)]
struct LockedPackage {
    name: String,
    version: String,
    source: Option<String>,
    dependencies: Vec<String>,
}

fn read_lock() -> Vec<LockedPackage> {
    let path = manifest_dir().join("Cargo.lock");
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut packages = Vec::new();
    for block in text.split("[[package]]").skip(1) {
        let mut name = None;
        let mut version = None;
        let mut source = None;
        let mut dependencies = Vec::new();
        let mut in_dependencies = false;
        for line in block.lines() {
            let line = line.trim();
            if in_dependencies {
                if line == "]" {
                    in_dependencies = false;
                } else if let Some(dep) = quoted(line) {
                    // "name" or "name version" (when several versions are locked).
                    dependencies.push(dep.split(' ').next().unwrap_or(dep).to_string());
                }
            } else if let Some(rest) = line.strip_prefix("name = ") {
                name = quoted(rest).map(str::to_string);
            } else if let Some(rest) = line.strip_prefix("version = ") {
                version = quoted(rest).map(str::to_string);
            } else if let Some(rest) = line.strip_prefix("source = ") {
                source = quoted(rest).map(str::to_string);
            } else if line.starts_with("dependencies = [") {
                in_dependencies = !line.ends_with(']');
            }
        }
        packages.push(LockedPackage {
            name: name.expect("a [[package]] without a name in Cargo.lock"),
            version: version.expect("a [[package]] without a version in Cargo.lock"),
            source,
            dependencies,
        });
    }
    packages
}

fn quoted(s: &str) -> Option<&str> {
    let s = s.trim().trim_end_matches(',');
    s.strip_prefix('"')?.strip_suffix('"')
}

/// The single locked package called `name`.
fn locked<'a>(packages: &'a [LockedPackage], name: &str) -> &'a LockedPackage {
    let found: Vec<_> = packages.iter().filter(|p| p.name == name).collect();
    assert_eq!(
        found.len(),
        1,
        "Cargo.lock should hold exactly one version of `{name}`, found {:?}",
        found.iter().map(|p| &p.version).collect::<Vec<_>>()
    );
    found[0]
}

fn version_triple(v: &str) -> (u64, u64, u64) {
    let core = v.split(['-', '+']).next().unwrap_or(v);
    let mut parts = core
        .split('.')
        .map(|p| p.parse::<u64>().expect("numeric version part"));
    (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
}

/// `$CARGO_HOME/registry/src/*/NAME-VERSION`, where cargo unpacked the crate to build it.
fn vendored_source(name: &str, version: &str) -> PathBuf {
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let home = env::var_os("HOME").or_else(|| env::var_os("USERPROFILE"));
            PathBuf::from(home.expect("neither CARGO_HOME nor HOME is set")).join(".cargo")
        });
    let registry = cargo_home.join("registry").join("src");
    let dir_name = format!("{name}-{version}");
    let mut candidates: Vec<PathBuf> = fs::read_dir(&registry)
        .unwrap_or_else(|e| {
            panic!(
                "cannot list {} ({e}); the backend sources should be there since cargo built \
                 this crate from them. Is CARGO_HOME set as for the build?",
                registry.display()
            )
        })
        .filter_map(Result::ok)
        .map(|index| index.path().join(&dir_name))
        .filter(|p| p.join("Cargo.toml").is_file())
        .collect();
    candidates.sort();
    candidates.into_iter().next().unwrap_or_else(|| {
        panic!(
            "the sources of {dir_name} are not under {}/*/; cargo unpacks them there to build \
             this crate (run `cargo fetch` if they were deleted)",
            registry.display()
        )
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A hit: `crate-version/relative/path` and the trimmed line.
type Hit = (String, String);

fn scan() -> BTreeMap<Hit, usize> {
    let packages = read_lock();
    let mut names: Vec<&str> = SCANNED.to_vec();
    names.extend(
        SCANNED_IF_PRESENT
            .iter()
            .filter(|n| packages.iter().any(|p| p.name == **n)),
    );
    let mut hits = BTreeMap::new();
    for name in names {
        let package = locked(&packages, name);
        let root = vendored_source(name, &package.version);
        let mut files = Vec::new();
        rust_files(&root, &mut files);
        assert!(!files.is_empty(), "no .rs file under {}", root.display());
        for file in files {
            let bytes =
                fs::read(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
            let text = String::from_utf8_lossy(&bytes);
            let relative = file.strip_prefix(&root).expect("file under its crate root");
            let relative = relative.to_string_lossy().replace('\\', "/");
            let label = format!("{name}-{}/{relative}", package.version);
            for line in text.lines() {
                if PATTERNS.iter().any(|p| line.contains(p)) {
                    *hits
                        .entry((label.clone(), line.trim().to_string()))
                        .or_insert(0) += 1;
                }
            }
        }
    }
    hits
}

/// A reviewed group of the allow-list: its justification and its entries.
struct Group {
    comments: Vec<String>,
    entries: Vec<(Hit, usize)>,
}

/// Parses the allow-list: a header comment block, then groups separated by blank lines, each
/// one or more `# justification` lines followed by `path | count | line` entries.
fn parse_allowlist(text: &str) -> (Vec<String>, Vec<Group>) {
    let mut header = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut current: Option<Group> = None;
    let mut in_header = true;
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        if line.trim().is_empty() {
            in_header = false;
            groups.extend(current.take());
            continue;
        }
        if in_header {
            assert!(
                line.starts_with('#'),
                "{ALLOWLIST}:{number}: the header is comments only"
            );
            header.push(line.to_string());
            continue;
        }
        let group = current.get_or_insert_with(|| Group {
            comments: vec![],
            entries: vec![],
        });
        if let Some(comment) = line.strip_prefix('#') {
            assert!(
                group.entries.is_empty(),
                "{ALLOWLIST}:{number}: a justification comment must come before its entries \
                 (separate groups with a blank line)"
            );
            group.comments.push(comment.trim().to_string());
        } else {
            let mut parts = line.splitn(3, " | ");
            let (Some(path), Some(count), Some(text)) = (parts.next(), parts.next(), parts.next())
            else {
                panic!("{ALLOWLIST}:{number}: expected `path | count | line`, got {line:?}");
            };
            let count = count.trim().parse().unwrap_or_else(|_| {
                panic!("{ALLOWLIST}:{number}: the count {count:?} is not a number")
            });
            group
                .entries
                .push(((path.trim().to_string(), text.to_string()), count));
        }
    }
    groups.extend(current);
    (header, groups)
}

fn render_allowlist(header: &[String], groups: &[Group]) -> String {
    let mut out = String::new();
    for line in header {
        writeln!(out, "{line}").unwrap();
    }
    for group in groups.iter().filter(|g| !g.entries.is_empty()) {
        out.push('\n');
        for comment in &group.comments {
            writeln!(out, "# {comment}").unwrap();
        }
        for ((path, text), count) in &group.entries {
            writeln!(out, "{path} | {count} | {text}").unwrap();
        }
    }
    out
}

const DEFAULT_HEADER: &str = "\
# Reviewed interior-mutability markers in the backends' sources (see tests/backend_scan.rs).
# Format: groups separated by blank lines; each group is `# justification` lines, then entries
# `crate-version/path | count | trimmed line`. Regenerate with DEEPFREEZE_BLESS_SCAN=1, then justify.";

#[test]
fn backend_sources_hold_only_reviewed_interior_mutability() {
    let hits = scan();
    let path = manifest_dir().join(ALLOWLIST);
    let text = fs::read_to_string(&path).unwrap_or_default();
    let (mut header, groups) = parse_allowlist(&text);

    if env::var_os(BLESS_VAR).is_some() {
        if header.is_empty() {
            header = DEFAULT_HEADER.lines().map(str::to_string).collect();
        }
        let mut remaining = hits.clone();
        let mut blessed: Vec<Group> = groups
            .into_iter()
            .map(|group| Group {
                comments: group.comments,
                entries: group
                    .entries
                    .into_iter()
                    .filter_map(|(hit, _)| remaining.remove_entry(&hit))
                    .collect(),
            })
            .collect();
        let mut new_by_file: BTreeMap<String, Vec<(Hit, usize)>> = BTreeMap::new();
        for (hit, count) in remaining {
            new_by_file
                .entry(hit.0.clone())
                .or_default()
                .push((hit, count));
        }
        for (_, entries) in new_by_file {
            blessed.push(Group {
                comments: vec!["TODO: justify".to_string()],
                entries,
            });
        }
        fs::write(&path, render_allowlist(&header, &blessed))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        eprintln!("{BLESS_VAR}: rewrote {ALLOWLIST}; review it and justify every TODO");
    }

    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); create it with {BLESS_VAR}=1",
            path.display()
        )
    });
    let (_, groups) = parse_allowlist(&text);

    let mut allowed: BTreeMap<Hit, usize> = BTreeMap::new();
    let mut unjustified = Vec::new();
    for group in &groups {
        let justified = !group.comments.is_empty()
            && group
                .comments
                .iter()
                .all(|c| !c.is_empty() && !c.contains("TODO"));
        for (hit, count) in &group.entries {
            if !justified {
                unjustified.push(format!("{} | {}", hit.0, hit.1));
            }
            let previous = allowed.insert(hit.clone(), *count);
            assert!(
                previous.is_none(),
                "{ALLOWLIST}: duplicate entry {} | {}",
                hit.0,
                hit.1
            );
        }
    }

    let mut report = String::new();
    for (hit, count) in &hits {
        match allowed.get(hit) {
            None => writeln!(report, "+ NEW      {} | {count} | {}", hit.0, hit.1).unwrap(),
            Some(expected) if expected != count => writeln!(
                report,
                "~ COUNT    {} | {expected} -> {count} | {}",
                hit.0, hit.1
            )
            .unwrap(),
            Some(_) => {}
        }
    }
    for (hit, count) in &allowed {
        if !hits.contains_key(hit) {
            writeln!(report, "- VANISHED {} | {count} | {}", hit.0, hit.1).unwrap();
        }
    }
    assert!(
        report.is_empty(),
        "the backends' interior-mutability markers differ from {ALLOWLIST}:\n{report}\n\
         Review each line in the vendored source: `unsafe impl Frozen` for the collections is \
         only sound if no stored node or pointer can change behind `&` (reference counts \
         aside). Then rerun with {BLESS_VAR}=1 to rewrite the list and replace every \
         `# TODO: justify` with the reason."
    );
    assert!(
        unjustified.is_empty(),
        "entries of {ALLOWLIST} without a justification (a `# reason` line above the group, \
         no TODO):\n{}",
        unjustified.join("\n")
    );
}

#[test]
fn lock_pins_the_audited_backends() {
    let packages = read_lock();

    let imbl = locked(&packages, "imbl");
    assert_eq!(
        imbl.version, "7.0.2",
        "imbl must stay pinned at the audited 7.0.2"
    );
    let archery = locked(&packages, "archery");
    assert!(
        version_triple(&archery.version) >= (1, 2, 3),
        "archery {} < 1.2.3 has UB in its pointer kinds",
        archery.version
    );
    let triomphe = locked(&packages, "triomphe");
    assert!(
        version_triple(&triomphe.version) >= (0, 1, 17),
        "triomphe {} < 0.1.17",
        triomphe.version
    );
    for package in [imbl, archery, triomphe] {
        assert_eq!(
            package.source.as_deref(),
            Some("registry+https://github.com/rust-lang/crates.io-index"),
            "{} must come from crates.io",
            package.name
        );
    }
    assert!(
        !packages.iter().any(|p| p.name == "im"),
        "`im` is unmaintained and unsound (RUSTSEC-2023-0126); use imbl"
    );
}

#[test]
fn scanned_crates_have_the_reviewed_dependencies() {
    let packages = read_lock();
    for (name, expected) in EXPECTED_DEPENDENCIES {
        let package = locked(&packages, name);
        let actual: BTreeSet<&str> = package.dependencies.iter().map(String::as_str).collect();
        let expected: BTreeSet<&str> = expected.iter().copied().collect();
        assert_eq!(
            actual, expected,
            "the dependencies of {name} {} changed: review whether the new ones put types into \
             stored nodes (then add them to SCANNED) and update EXPECTED_DEPENDENCIES",
            package.version
        );
    }
}

/// The `[dependencies]`-style lines of `Cargo.toml` that declare `name`.
fn manifest_lines(name: &str) -> Vec<String> {
    let path = manifest_dir().join("Cargo.toml");
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with(&format!("{name} =")) || l.starts_with(&format!("{name}=")))
        .map(str::to_string)
        .collect()
}

#[test]
fn manifest_keeps_imbl_triomphe_feature_off() {
    let imbl = manifest_lines("imbl");
    assert!(!imbl.is_empty(), "Cargo.toml declares no imbl dependency");
    for line in &imbl {
        assert!(
            line.contains("\"=7.0.2\""),
            "imbl must be pinned exactly: {line}"
        );
        assert!(
            line.contains("default-features = false"),
            "imbl's default features must stay off: {line}"
        );
        assert!(
            !line.contains("triomphe") && !line.contains("features = ["),
            "never enable imbl features (its `triomphe` feature is not additive; we name \
             archery::ArcTK instead): {line}"
        );
    }
    let archery = manifest_lines("archery");
    assert_eq!(
        archery.len(),
        1,
        "one archery dependency expected: {archery:?}"
    );
    assert!(
        archery[0].contains("\"triomphe\""),
        "archery's `triomphe` feature provides ArcTK: {}",
        archery[0]
    );
}

/// `FrozenMap` and `FrozenSet` run on the crate's own trie (`src/hash_trie/`): no imbl hash
/// type (whose `get_mut`, `entry` and `union` paths are unsound in imbl 7.0.2) is left anywhere
/// in `src/`. Code lines only (comments may name them, to explain why they are avoided).
#[test]
fn no_imbl_hash_container_in_src() {
    const FORBIDDEN: &[&str] = &[
        "GenericHashMap",
        "GenericHashSet",
        "imbl::hashmap",
        "imbl::hashset",
        "imbl::HashMap",
        "imbl::HashSet",
    ];
    let mut files = Vec::new();
    let mut dirs = vec![manifest_dir().join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    assert!(
        files.iter().any(|file| file.ends_with("hash_trie/mod.rs")),
        "the hash trie moved? update this test"
    );
    for path in files {
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for (number, line) in text.lines().enumerate() {
            let code = line.trim();
            if code.starts_with("//") {
                continue;
            }
            for pattern in FORBIDDEN {
                assert!(
                    !code.contains(pattern),
                    "{}:{}: `{pattern}` is an imbl hash container: {code}",
                    path.display(),
                    number + 1
                );
            }
        }
    }
}

#[test]
fn manifest_requires_arc_swap_with_its_soundness_fixes() {
    // Users resolve their own lock file: the minimum must be in the manifest, not only here.
    let lines = manifest_lines("arc-swap");
    let requirement = lines
        .iter()
        .find_map(|line| line.split("version = \"").nth(1)?.split('"').next())
        .unwrap_or_else(|| panic!("no `arc-swap = {{ version = ... }}` in Cargo.toml: {lines:?}"));
    let minimum = requirement.trim_start_matches(['^', '=', '>', ' ']);
    assert!(
        version_triple(minimum) >= (1, 9, 5),
        "arc-swap {requirement} allows releases before 1.9.5, whose changelog has soundness fixes"
    );
    let packages = read_lock();
    assert!(version_triple(&locked(&packages, "arc-swap").version) >= (1, 9, 5));
}
