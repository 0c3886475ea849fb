//! Deeply immutable, shareable data.
//!
//! A value whose type is [`Frozen`](trait@Frozen) can never change behind a shared reference, and
//! neither can anything reachable from it. The compiler proves it from the type alone, so such a
//! value can be shared with any number of threads, actors or pipeline stages by reference: wrap it
//! in a [`FrozenArc`] (or use a frozen container) and handing it over costs one atomic refcount
//! increment, instead of a deep clone or a serialize/deserialize walk of the whole graph.
//!
//! ```
//! use deepfreeze::{Frozen, FrozenArc};
//!
//! #[derive(Frozen)]
//! struct Frame {
//!     id: u64,
//!     pixels: Vec<u8>,
//! }
//!
//! let frame = FrozenArc::new(Frame { id: 7, pixels: vec![0; 1 << 20] });
//! let handle = frame.clone(); // O(1): one atomic increment, no copy of the megabyte
//! let sum = std::thread::spawn(move || handle.pixels.iter().map(|&p| u64::from(p)).sum::<u64>())
//!     .join()
//!     .unwrap();
//! assert_eq!((frame.id, sum), (7, 0));
//! ```
//!
//! # What `Frozen` means
//!
//! `T: Frozen` promises that nothing reachable from a `&T` can change while the value exists:
//! no `Cell`, `RefCell`, `Mutex`, atomic, `Rc`, raw pointer or non-`'static` borrow, directly or
//! behind any pointer, except the reference counts of the shared handles themselves. The promise
//! is **deep** (it covers pointees, elements, keys, hashers) and **relied upon**: `unsafe` code
//! may assume that every thread reading a `&T` sees the same value. The full contract is on the
//! trait.
//!
//! It costs nothing at run time: `Frozen` is a marker trait with no methods, checked entirely by
//! the compiler.
//!
//! | | shallow or deep | may `unsafe` code rely on it? |
//! |---|---|---|
//! | `Send + Sync` | says a value may be shared, not that it won't change (`Mutex<T>` is `Sync`) | — |
//! | zerocopy's `Immutable` | shallow: the value's own bytes only | no (its docs forbid it) |
//! | `core::marker::Freeze` (unstable) | shallow: `Box<Cell<u8>>` is `Freeze` | compiler-internal |
//! | **`deepfreeze::Frozen`** | **deep: the whole reachable graph** | **yes** |
//!
//! # Deriving it
//!
//! `#[derive(Frozen)]` implements [`Frozen`](trait@Frozen) for a struct, enum or union and checks
//! every field: a field whose type is not `Frozen` is one compile error, pointing at that field
//! and naming its type. Generic types are `Frozen` when their type parameters are
//! (`#[frozen(bound = "...")]` changes that), lifetime parameters must be `'static`, and recursive
//! types (`Vec<Self>`, `FrozenArc<Tree>`) work, because field checks are assertions, not
//! where-clauses.
//!
//! The check reaches every field through a value of the type as compiled (an exhaustive pattern,
//! then each field passed to an assertion), never by writing the field's type again, so a macro
//! that rewrites the item after the derive, or a type macro that expands differently each time,
//! cannot slip a mutable field past it. Unions and packed structs, whose fields no pattern can
//! pin down that way, accept only inert attributes (`doc`, lints, `repr`, `derive`, ...). See
//! [the derive's documentation](macro@Frozen) for the exact rules.
//!
//! ```
//! use deepfreeze::{Frozen, FrozenArc};
//!
//! #[derive(Frozen)]
//! struct Frame {
//!     id: u64,
//!     pixels: Vec<u8>,
//!     tags: Option<Box<[String]>>,
//! }
//!
//! #[derive(Frozen)]
//! enum Tree {
//!     Leaf(u64),
//!     Node(FrozenArc<Tree>, FrozenArc<Tree>),
//! }
//!
//! #[derive(Frozen)]
//! struct Labeled<T> {
//!     label: &'static str,
//!     value: T,
//! }
//!
//! let leaf = FrozenArc::new(Tree::Leaf(1));
//! let tree = Tree::Node(leaf.clone(), leaf); // the two children share one allocation
//! # let _ = tree;
//!
//! fn assert_frozen<T: Frozen>() {}
//! assert_frozen::<Labeled<Frame>>();
//! ```
//!
//! A mistake points at the field:
//!
//! ```compile_fail,E0277
//! use deepfreeze::Frozen;
//! use std::cell::Cell;
//!
//! #[derive(Frozen)]
//! struct Stats {
//!     hits: Cell<u64>, // error: `Cell<u64>` is not `Frozen`
//! }
//! ```
//!
//! | attribute | effect |
//! |---|---|
//! | `#[frozen(bound = "T: Frozen, T::Out: Frozen")]` | replaces the inferred `T: Frozen` bounds (`""`: none); fields are still checked, so a wrong bound cannot make an unsound impl compile; a predicate must name a parameter of the type and must not name `Self` or the type (both are errors) |
//! | `#[frozen(crate = "path")]` | path to this crate, for crates that re-export it |
//!
//! # The frozen containers
//!
//! Every container is `Frozen` when its parameters are, `Send + Sync`, and `Clone` in O(1): a
//! clone is one atomic increment (or none), so a clone *is* the hand-off. Persistent updates
//! (`with_inserted`, `without`, `with_pushed_back`, ...) take `&self` and return a new value that
//! shares all untouched nodes with the old one, which nobody can see change; `&mut self` methods
//! update in place, copying only nodes that are shared.
//!
//! | type | what it is | backend | clone | lookup | update |
//! |---|---|---|---|---|---|
//! | [`FrozenArc<T>`] | shared handle to any frozen value; one pointer wide | [`triomphe::Arc`] | 1 atomic inc | deref | [`UniqueArc`](arc::UniqueArc) builds in place, then freezes |
//! | [`FrozenStr`] | immutable string, 16-byte handle (so is `Option<FrozenStr>`); literals and strings of ≤ 15 bytes never allocate or count | [`triomphe::ThinArc`], inline, or `&'static str` | copy, or 1 atomic inc | O(1) deref | `with_appended`: O(n) |
//! | [`FrozenBytes`] | immutable byte buffer; O(1) sub-slicing sharing the buffer | `triomphe` | 1 atomic inc (none for `from_static`) | O(1) deref | `slice`: O(1) |
//! | [`FrozenSlice<T>`] | fixed-length sequence in one allocation (Python's tuple) | `triomphe` | 1 atomic inc | O(1) index | rebuild: O(n) |
//! | [`FrozenVec<T>`] | persistent vector, 16-byte handle (so is `Option<FrozenVec<T>>`); up to 32 elements one exact-sized array, then an RRB tree | [`triomphe::ThinArc`], then `imbl::GenericVector<T, ArcTK>` | 1 atomic inc | O(1) / O(log n) index | short: O(n ≤ 32) rebuild; long: O(log n) push, set, insert, split, append |
//! | [`FrozenMap<K, V, S>`] | persistent hash map (CHAMP trie, canonical shape), SipHash-1-3 with one key per process by default | own trie on `triomphe::Arc` nodes | 1 atomic inc | O(log n) | O(log n) |
//! | [`FrozenSet<T, S>`] | persistent hash set (the same trie, values `()`) | own trie on `triomphe::Arc` nodes | 1 atomic inc | O(log n) | O(log n) |
//! | [`FrozenOrdMap<K, V>`] | persistent ordered map (B-tree), `range`, `diff` | `imbl::GenericOrdMap<K, V, ArcTK>` | 1 atomic inc | O(log n) | O(log n) |
//! | [`FrozenOrdSet<T>`] | persistent ordered set (B-tree) | `imbl::GenericOrdSet<T, ArcTK>` | 1 atomic inc | O(log n) | O(log n) |
//! | [`FrozenValue`] | dynamic document (JSON, CBOR, MessagePack): null, bool, number, string, bytes, [`FrozenArray`], [`FrozenObject`]; 24 bytes | exact-sized `triomphe::ThinArc` slices, objects sorted by key | copy, or 1 atomic inc | `["key"]`, `[i]`, `pointer`: O(log k) per object | [`with_pointer`][value-with-pointer]: copies the containers on the path |
//!
//! Rust tuples and arrays of frozen types are frozen in place; `FrozenArc<(A, B, C)>` shares one.
//!
//! ```
//! use deepfreeze::{FrozenMap, FrozenStr, FrozenVec};
//!
//! let v1: FrozenVec<u32> = (0..1000).collect();
//! let v2 = v1.with_pushed_back(1000); // v1 is unchanged; the two share all but one path
//! assert_eq!((v1.len(), v2.len()), (1000, 1001));
//!
//! let m: FrozenMap<FrozenStr, u32> = [(FrozenStr::from_static("a"), 1)].into_iter().collect();
//! assert_eq!(m.get("a"), Some(&1)); // looked up with a plain `&str`
//! ```
//!
//! # Panics in user code
//!
//! A panic in your `Clone`, `Hash`, `Eq`, `Ord` or in a closure, during any update of any
//! container, never causes undefined behaviour, never drops anything twice, and never changes a
//! value that anyone else holds: clones and snapshots sharing nodes with the updated value stay
//! exactly as they were. A persistent update (`&self`, returning the new value) that panics has
//! changed nothing. What the *live* value holds after a panic inside an in-place (`&mut self`)
//! update depends on the container, and each type's docs say exactly ("Panics in user code"):
//!
//! | container | the live value after a panic in an in-place update |
//! |---|---|
//! | [`FrozenStr`], [`FrozenBytes`], [`FrozenSlice<T>`] | built whole, then swapped in: unchanged, nothing leaked |
//! | [`FrozenMap`], [`FrozenSet`] | valid (`len` agrees with iteration); entries already updated by the method's own steps stay updated; nothing leaks |
//! | [`FrozenOrdMap`], [`FrozenOrdSet`] | valid; multi-key updates are all or nothing; a single-key update that panics while imbl splits or merges a node may lose that node's entries (at most 16) |
//! | [`FrozenVec<T>`] | short (≤ 32 elements), sorts, `retain`, `dedup`: unchanged; a long vector's in-place update that panics in `T::clone` can leave it inconsistent: memory-safe to drop or overwrite, not to read |
//!
//! # Features
//!
//! Each integration lives in its own module, named after the crate it integrates with, behind a
//! feature of the same name. None is on by default.
//!
//! | feature | default | adds | example |
//! |---|---|---|---|
//! | `std` | yes | the standard library: [`FrozenVec`], [`FrozenOrdMap`], [`FrozenOrdSet`] (imbl needs `std`), [`FrozenValue`], the default hasher [`DefaultHashBuilder`](map::DefaultHashBuilder) with its `new()`/`From<[_; N]>` constructors, `Frozen` for std-only types (`HashMap`, `OsString`, `Path`, `Instant`, ...), and bounded-stack dropping of deep `FrozenArc` chains; without it the crate is `no_std` + `alloc` (see below) | — |
//! | `serde` (implies `std`) | no | `Serialize` and `Deserialize` for every frozen type, in the wire shape of its std equivalent, deserializing straight into the frozen type; untrusted input gets an error, never a panic, a huge allocation or a stack overflow | [`serde`][mod-serde] |
//! | `proptest` (implies `std`) | no | strategies for every frozen type, with sizes as parameters like `proptest::collection::vec`, and `proptest::arbitrary::Arbitrary` impls | [`proptest`][mod-proptest] |
//! | `arbitrary` (implies `std`) | no | `arbitrary::Arbitrary` for every frozen type, consuming bytes as the std equivalent does, for `cargo fuzz` | [`arbitrary`][mod-arbitrary] |
//! | `serde_json` (implies `serde`) | no | conversions between [`FrozenValue`] and `serde_json::Value`, both ways, without recursion (implies `serde`) | [`serde_json`][mod-serde-json] |
//! | `arc-swap` (implies `std`) | no | `arc_swap::RefCnt` for [`FrozenArc<T>`], so `ArcSwapAny<FrozenArc<T>>` publishes snapshots that readers load without locks | [`arc_swap`][mod-arc-swap] |
//! | `rayon` (implies `std`) | no | parallel iteration (`par_iter`, `into_par_iter`; `par_iter_mut` and `par_values_mut` for `FrozenMap`) and parallel `collect`/`par_extend` for every frozen collection; sequences split by index range, hash containers by trie node, never through a serial bridge | [`rayon`][mod-rayon] |
//!
//! ```toml
//! [dependencies]
//! deepfreeze = { version = "0.1", features = ["serde", "arc-swap"] }
//! ```
//!
//! Every integration implies `std`: serde's input limits are thread-local, and the other crates
//! are used through their std APIs.
//!
//! # `no_std`
//!
//! With `default-features = false` the crate is `#![no_std]` and needs only `alloc`. It offers the
//! trait and its derive, `Frozen` for the types of `core` and `alloc`, [`FrozenArc`] and
//! [`UniqueArc`](arc::UniqueArc), [`FrozenStr`], [`FrozenBytes`], [`FrozenSlice`], and
//! [`FrozenMap`] and [`FrozenSet`] with a hasher you supply: without `std` there is no source of
//! random keys, so the default hasher is a type with no values (as hashbrown's is without its
//! `default-hasher` feature), and `with_hasher`, `FromIterator` and `Default` for an
//! `S: BuildHasher + Default` build the containers. The imbl-backed types and [`FrozenValue`]
//! need `std`. Without `std`, dropping the last handle of a chain of `FrozenArc`s recurses once
//! per link, as `alloc::sync::Arc` does (see [`FrozenArc`], "Dropping deep graphs").
//!
//! ```
//! use core::hash::{BuildHasherDefault, Hasher};
//! use deepfreeze::{FrozenMap, FrozenSet, FrozenStr};
//!
//! /// FNV-1a: needs no random keys.
//! struct Fnv(u64);
//! impl Default for Fnv {
//!     fn default() -> Self {
//!         Fnv(0xcbf2_9ce4_8422_2325)
//!     }
//! }
//! impl Hasher for Fnv {
//!     fn finish(&self) -> u64 {
//!         self.0
//!     }
//!     fn write(&mut self, bytes: &[u8]) {
//!         for &b in bytes {
//!             self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
//!         }
//!     }
//! }
//!
//! type Map<K, V> = FrozenMap<K, V, BuildHasherDefault<Fnv>>;
//! let map: Map<FrozenStr, u32> = [(FrozenStr::from("a"), 1)].into_iter().collect();
//! assert_eq!(map.get("a"), Some(&1));
//! let set: FrozenSet<u8, BuildHasherDefault<Fnv>> = FrozenSet::with_hasher(Default::default());
//! assert!(set.with_inserted(7).contains(&7));
//! ```
//!
//! `.ci/run` builds the crate for `x86_64-unknown-none` (a target without `std`) and runs the
//! tests of `tests/no_std/`, a `#![no_std]` crate that uses it so.
//!
//! # Sharing frozen data between threads and tasks
//!
//! The [`guide`] shows authors of concurrency crates what a `T: Frozen` bound lets their API
//! promise, and the patterns that make frozen values cheap to share: snapshots published with
//! `arc_swap`, fan-out through `tokio::sync::broadcast` and `crossbeam-channel`, `tokio::sync::watch`
//! without holding its lock, and rayon over a snapshot while a writer publishes.
//!
//! # Writing an `unsafe impl` by hand
//!
//! For a type that cannot derive `Frozen` (its fields belong to another crate), an `unsafe impl`
//! is allowed when every point of the trait's `# Safety` list is proven, in a `// SAFETY:` comment
//! next to the impl. See [`Frozen`](trait@Frozen) for an example.
//!

// The feature table links each integration's module; without its feature, to docs.rs instead.
#![cfg_attr(feature = "serde", doc = "[mod-serde]: crate::serde")]
#![cfg_attr(
    not(feature = "serde"),
    doc = "[mod-serde]: https://docs.rs/deepfreeze/latest/deepfreeze/serde/"
)]
#![cfg_attr(feature = "serde_json", doc = "[mod-serde-json]: crate::serde_json")]
#![cfg_attr(
    not(feature = "serde_json"),
    doc = "[mod-serde-json]: https://docs.rs/deepfreeze/latest/deepfreeze/serde_json/"
)]
#![cfg_attr(feature = "proptest", doc = "[mod-proptest]: crate::proptest")]
#![cfg_attr(
    not(feature = "proptest"),
    doc = "[mod-proptest]: https://docs.rs/deepfreeze/latest/deepfreeze/proptest/"
)]
#![cfg_attr(feature = "arbitrary", doc = "[mod-arbitrary]: crate::arbitrary")]
#![cfg_attr(
    not(feature = "arbitrary"),
    doc = "[mod-arbitrary]: https://docs.rs/deepfreeze/latest/deepfreeze/arbitrary/"
)]
#![cfg_attr(feature = "arc-swap", doc = "[mod-arc-swap]: crate::arc_swap")]
#![cfg_attr(
    not(feature = "arc-swap"),
    doc = "[mod-arc-swap]: https://docs.rs/deepfreeze/latest/deepfreeze/arc_swap/"
)]
#![cfg_attr(feature = "rayon", doc = "[mod-rayon]: crate::rayon")]
#![cfg_attr(
    not(feature = "rayon"),
    doc = "[mod-rayon]: https://docs.rs/deepfreeze/latest/deepfreeze/rayon/"
)]
// The std-only items (`std` is a default feature) are linked to docs.rs in a build without it.
#![cfg_attr(
    feature = "std",
    doc = "[value-with-pointer]: FrozenValue::with_pointer"
)]
#![cfg_attr(
    not(feature = "std"),
    doc = "[`FrozenVec`]: https://docs.rs/deepfreeze/latest/deepfreeze/struct.FrozenVec.html",
    doc = "[`FrozenVec<T>`]: https://docs.rs/deepfreeze/latest/deepfreeze/struct.FrozenVec.html",
    doc = "[`FrozenOrdMap`]: https://docs.rs/deepfreeze/latest/deepfreeze/struct.FrozenOrdMap.html",
    doc = "[`FrozenOrdMap<K, V>`]: https://docs.rs/deepfreeze/latest/deepfreeze/struct.FrozenOrdMap.html",
    doc = "[`FrozenOrdSet`]: https://docs.rs/deepfreeze/latest/deepfreeze/struct.FrozenOrdSet.html",
    doc = "[`FrozenOrdSet<T>`]: https://docs.rs/deepfreeze/latest/deepfreeze/struct.FrozenOrdSet.html",
    doc = "[`FrozenValue`]: https://docs.rs/deepfreeze/latest/deepfreeze/value/enum.FrozenValue.html",
    doc = "[`FrozenArray`]: https://docs.rs/deepfreeze/latest/deepfreeze/value/struct.FrozenArray.html",
    doc = "[`FrozenObject`]: https://docs.rs/deepfreeze/latest/deepfreeze/value/struct.FrozenObject.html",
    doc = "[value-with-pointer]: https://docs.rs/deepfreeze/latest/deepfreeze/value/enum.FrozenValue.html#method.with_pointer",
    doc = "[`guide`]: https://docs.rs/deepfreeze/latest/deepfreeze/guide/index.html"
)]
#![deny(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Unit tests run on the host with the test harness, which needs `std`, whatever the features.
#![cfg_attr(not(any(feature = "std", test)), no_std)]

extern crate alloc;
// The maps and sets follow std's `HashMap` and `HashSet` and link to them: rustdoc needs `std`
// to resolve those links in a build without the `std` feature (compiled code never sees it).
#[cfg(all(doc, not(feature = "std")))]
extern crate std;

pub mod arc;
pub mod bytes;
#[cfg(feature = "std")]
mod debug;
mod diff_item;
mod frozen;
#[cfg(feature = "std")]
pub mod guide;
mod hash_trie;
mod impls;
pub mod map;
#[cfg(feature = "std")]
pub mod ord_map;
#[cfg(feature = "std")]
pub mod ord_set;
pub mod prelude;
pub mod set;
pub mod slice;
pub mod str;
#[cfg(feature = "std")]
pub mod value;
#[cfg(feature = "std")]
pub mod vec;

pub use arc::FrozenArc;
pub use bytes::FrozenBytes;
pub use frozen::Frozen;
pub use map::FrozenMap;
#[cfg(feature = "std")]
pub use ord_map::FrozenOrdMap;
#[cfg(feature = "std")]
pub use ord_set::FrozenOrdSet;
pub use set::FrozenSet;
pub use slice::FrozenSlice;
pub use str::FrozenStr;
#[cfg(feature = "std")]
pub use value::{FrozenArray, FrozenObject, FrozenValue, PointerError};
#[cfg(feature = "std")]
pub use vec::FrozenVec;

pub use deepfreeze_derive::Frozen;

#[cfg(feature = "arbitrary")]
pub mod arbitrary;
#[cfg(feature = "arc-swap")]
pub mod arc_swap;
#[cfg(feature = "proptest")]
pub mod proptest;
#[cfg(feature = "rayon")]
pub mod rayon;
#[cfg(feature = "serde")]
pub mod serde;
#[cfg(feature = "serde_json")]
pub mod serde_json;

/// Paths that the exported macros use, so that they work whatever the caller has in scope.
#[doc(hidden)]
pub mod __private {
    pub use alloc::boxed::Box;
    pub use core::convert::From;
}
