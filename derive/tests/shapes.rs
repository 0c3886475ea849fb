//! Positive shapes: every kind of type the derive accepts implements `Frozen`, and generic types
//! are `Frozen` exactly when their parameters are.

// The generated code must compile warning-free under strict lints, `unsafe_code` included.
#![deny(
    warnings,
    unsafe_code,
    missing_docs,
    rust_2018_idioms,
    unused_qualifications,
    unused_lifetimes,
    single_use_lifetimes
)]
// Most shapes below are only checked at the type level, never constructed.
#![allow(dead_code)]

use deepfreeze::Frozen;
use static_assertions::{assert_impl_all, assert_not_impl_any};
use std::cell::Cell;
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::Arc;

/// Unit struct.
#[derive(Frozen)]
struct Unit;
assert_impl_all!(Unit: Frozen);

/// Tuple struct.
#[derive(Frozen)]
struct Tuple(u8, String, Option<Box<[u64; 4]>>);
assert_impl_all!(Tuple: Frozen);

/// Named struct.
#[derive(Frozen)]
struct Named {
    name: String,
    ports: Vec<u16>,
    shared: Arc<str>,
    pair: (bool, char),
    literal: &'static str,
}
assert_impl_all!(Named: Frozen);

/// Enum with every variant kind.
#[derive(Frozen)]
enum AllVariants {
    Unit,
    Tuple(u8, String),
    Named { id: u64, tags: Vec<String> },
}
assert_impl_all!(AllVariants: Frozen);

/// Fieldless enum with explicit discriminants and a `repr`.
#[derive(Frozen)]
#[repr(u8)]
enum Discriminants {
    A = 1,
    B = 7,
}
assert_impl_all!(Discriminants: Frozen);

/// Empty enum.
#[derive(Frozen)]
enum Never {}
assert_impl_all!(Never: Frozen);

/// Union of frozen fields.
#[derive(Frozen)]
#[repr(C)]
union Bits {
    int: u32,
    float: f32,
    bytes: [u8; 4],
}
assert_impl_all!(Bits: Frozen);

/// Union with documented fields, a `repr`, other derives and lint attributes: all inert.
#[derive(Frozen, Clone, Copy)]
#[repr(C, align(8))]
#[allow(non_camel_case_types)]
#[cfg_attr(all(), must_use)]
union word {
    /// As an integer.
    int: u64,
    /// As bytes.
    #[allow(clippy::all)]
    bytes: [u8; 8],
}
assert_impl_all!(word: Frozen);

/// Packed struct: its fields are reached without being borrowed.
#[derive(Frozen)]
#[repr(C, packed)]
struct Packed {
    tag: u8,
    value: u64,
    name: String,
}
assert_impl_all!(Packed: Frozen);

/// Packed to an alignment, `Copy`, tuple-shaped.
#[derive(Frozen, Clone, Copy)]
#[repr(C, packed(2))]
struct PackedPair(u8, u32);
assert_impl_all!(PackedPair: Frozen);

/// Packed and generic.
#[derive(Frozen)]
#[repr(C, packed)]
struct PackedGeneric<T>(u8, T);
assert_impl_all!(PackedGeneric<u64>: Frozen);
assert_not_impl_any!(PackedGeneric<Cell<u8>>: Frozen);

/// Enum with empty tuple and braced variants, and a raw-identifier field.
#[derive(Frozen)]
enum Odd {
    Empty(),
    Braced {},
    Keyword { r#type: u8 },
}
assert_impl_all!(Odd: Frozen);

/// A raw-identifier field in a struct.
#[derive(Frozen)]
struct Keyword {
    r#type: String,
    r#fn: u8,
}
assert_impl_all!(Keyword: Frozen);

/// An unsized type parameter in the last field: checked through a reference to it.
#[derive(Frozen)]
struct Tail<T: ?Sized> {
    len: usize,
    tail: T,
}
assert_impl_all!(Tail<[u8]>: Frozen);
assert_impl_all!(Tail<str>: Frozen);
assert_not_impl_any!(Tail<[Cell<u8>]>: Frozen);

/// A field named like the derive's own helpers cannot capture them.
#[derive(Frozen)]
struct Helpers {
    __deepfreeze_value: u8,
    __deepfreeze_field0: u8,
}
assert_impl_all!(Helpers: Frozen);

/// A variant named like the derive's helpers.
#[allow(non_camel_case_types)]
#[derive(Frozen)]
enum HelperVariants {
    __DeepfreezeCheckFields(u8),
    __deepfreeze_assert_frozen { __deepfreeze_field0: u8 },
}
assert_impl_all!(HelperVariants: Frozen);

/// Generic with inferred bounds.
#[derive(Frozen)]
struct Wrapper<T>(T);
assert_impl_all!(Wrapper<u8>: Frozen);
assert_impl_all!(Wrapper<Wrapper<String>>: Frozen);
assert_not_impl_any!(Wrapper<Cell<u8>>: Frozen);
assert_not_impl_any!(Wrapper<Rc<u8>>: Frozen);
assert_not_impl_any!(Wrapper<Vec<Cell<u8>>>: Frozen);

/// Several parameters, each inferred.
#[derive(Frozen)]
enum Either<L, R> {
    Left(L),
    Right(Box<R>),
}
assert_impl_all!(Either<u8, String>: Frozen);
assert_not_impl_any!(Either<u8, Cell<u8>>: Frozen);
assert_not_impl_any!(Either<Rc<u8>, u8>: Frozen);

/// A type-level tag: `Frozen` for every `T`, since it holds no `T`.
struct Tag<T>(PhantomData<fn() -> T>);

// SAFETY:
// - `Tag<T>` holds only a `PhantomData` of a fn pointer type: no value, no `UnsafeCell`, nothing
//   reachable;
// - it is `Send + Sync` for every `T` (fn pointers are), and `'static` when `T` is.
#[allow(unsafe_code)]
unsafe impl<T: 'static> Frozen for Tag<T> {}

/// `bound = ""`: a marker parameter needs no bound.
#[derive(Frozen)]
#[frozen(bound = "")]
struct Id<T> {
    raw: u64,
    tag: Tag<T>,
}
assert_impl_all!(Id<u8>: Frozen);
assert_impl_all!(Id<Cell<u8>>: Frozen);
assert_impl_all!(Id<Rc<u8>>: Frozen);

/// Where-clause kept.
#[derive(Frozen)]
struct Sorted<T>
where
    T: Ord,
{
    items: Vec<T>,
}
assert_impl_all!(Sorted<u32>: Frozen);

/// Lifetime parameter: the impl is for `'static`.
#[derive(Frozen)]
struct Borrowed<'a> {
    s: &'a str,
}
assert_impl_all!(Borrowed<'static>: Frozen);

/// Lifetimes and type parameters together, with lifetime bounds.
#[derive(Frozen)]
#[allow(explicit_outlives_requirements)] // written out to test their substitution
struct Mixed<'a, 'b: 'a, T: 'a + ?Sized>
where
    T: 'b,
{
    first: &'a T,
    second: &'b T,
}
assert_impl_all!(Mixed<'static, 'static, str>: Frozen);
assert_not_impl_any!(Mixed<'static, 'static, Cell<u8>>: Frozen);

/// Const generic.
#[derive(Frozen)]
struct Buffer<const N: usize> {
    bytes: [u8; N],
}
assert_impl_all!(Buffer<0>: Frozen);
assert_impl_all!(Buffer<64>: Frozen);

/// Const and type generics with a default.
#[derive(Frozen)]
struct Matrix<T = f64, const R: usize = 2, const C: usize = 2> {
    rows: [[T; C]; R],
}
assert_impl_all!(Matrix: Frozen);
assert_impl_all!(Matrix<u8, 3, 1>: Frozen);

/// Recursive through `Box<Self>`.
#[derive(Frozen)]
enum BoxTree {
    Leaf(u64),
    Node(Box<Self>, Box<Self>),
}
assert_impl_all!(BoxTree: Frozen);

/// Recursive through `std::sync::Arc`, naming itself.
#[derive(Frozen)]
enum ArcTree {
    Leaf(u64),
    Node(Arc<ArcTree>, Arc<ArcTree>),
}
assert_impl_all!(ArcTree: Frozen);

/// A shared handle that implements `Send` and `Sync` by hand, as a frozen container may (the
/// raw-pointer marker removes the automatic impls). Its impls ask `T: Send + Sync`, as std's
/// `Arc` does: asking `T: Frozen` instead would make a type holding a `Handle<Self>` need its own
/// `Frozen` impl to prove its `Send`, a cycle rustc rejects (see `tests/ui/handle-send-needs-frozen.rs`).
struct Handle<T>(Arc<T>, PhantomData<*const ()>);

// SAFETY:
// - `Handle<T>` is an `Arc<T>` plus a zero-sized marker holding nothing;
// - `T: Send + Sync`, so `Arc<T>` may be sent.
#[allow(unsafe_code)]
unsafe impl<T: Send + Sync> Send for Handle<T> {}
// SAFETY: as for `Send`: an `Arc<T>` with `T: Send + Sync` may be shared.
#[allow(unsafe_code)]
unsafe impl<T: Send + Sync> Sync for Handle<T> {}
// SAFETY:
// - an `Arc<T>` gives only `&T`, and `T: Frozen` covers everything reachable from it;
// - the marker holds nothing; `Send + Sync` hold by the impls above, `'static` by `T: Frozen`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for Handle<T> {}

/// Recursive through a handle with hand-written `Send`/`Sync`: `Tree: Send` needs
/// `Handle<Tree>: Send`, which needs `Tree: Send` (a cycle of auto traits, which rustc accepts).
#[derive(Frozen)]
enum HandleTree {
    Leaf(u64),
    Node(Handle<HandleTree>, Handle<HandleTree>),
}
assert_impl_all!(HandleTree: Frozen);

/// A list linked by `Option<Arc<Self>>`.
#[derive(Frozen)]
struct List {
    value: u64,
    next: Option<Arc<List>>,
}
assert_impl_all!(List: Frozen);

/// `Vec<Self>`.
#[derive(Frozen)]
struct Rose {
    label: String,
    kids: Vec<Self>,
}
assert_impl_all!(Rose: Frozen);

/// Generic and recursive.
#[derive(Frozen)]
struct GenericRose<T> {
    label: T,
    kids: Vec<Self>,
}
assert_impl_all!(GenericRose<String>: Frozen);
assert_not_impl_any!(GenericRose<Cell<u8>>: Frozen);

/// A trait with an associated type.
trait Shape {
    /// What the shape outputs.
    type Out;
}

/// Its implementor with a frozen output.
#[derive(Frozen)]
struct Square;
impl Shape for Square {
    type Out = u64;
}

/// Its implementor with a non-frozen output.
#[derive(Frozen)]
struct Counter;
impl Shape for Counter {
    type Out = Cell<u64>;
}

/// Associated-type field, bounded via `bound`.
#[derive(Frozen)]
#[frozen(bound = "T: Frozen, T::Out: Frozen")]
struct Computed<T: Shape> {
    shape: T,
    out: T::Out,
}
assert_impl_all!(Computed<Square>: Frozen);
assert_not_impl_any!(Computed<Counter>: Frozen);

/// `bound` with a lifetime parameter substituted.
#[derive(Frozen)]
#[frozen(bound = "T: Frozen + 'a")]
struct Scoped<'a, T> {
    value: &'a T,
}
assert_impl_all!(Scoped<'static, u8>: Frozen);

mod renamed {
    //! `crate = "..."`: the generated code names the crate only through the given path.

    use ::deepfreeze as frozen_crate;
    use static_assertions::assert_impl_all;

    /// Derived through a renamed path.
    #[derive(frozen_crate::Frozen)]
    #[frozen(crate = "frozen_crate")]
    pub(super) struct Renamed<T> {
        value: Vec<T>,
    }
    assert_impl_all!(Renamed<u8>: frozen_crate::Frozen);

    /// Derived through an absolute path.
    #[derive(frozen_crate::Frozen)]
    #[frozen(crate = "self::frozen_crate")]
    pub(super) enum Relative {
        A(u8),
    }
    assert_impl_all!(Relative: frozen_crate::Frozen);
}

mod deny_unsafe {
    //! The derive compiles in a module that denies unsafe code.
    #![deny(unsafe_code)]

    use deepfreeze::Frozen;

    /// Derived under `deny(unsafe_code)`.
    #[derive(Frozen)]
    pub(super) struct Safe {
        value: u8,
    }
}
assert_impl_all!(deny_unsafe::Safe: Frozen);

mod no_dead_code {
    //! The generated helpers add no `dead_code` warning to a type that is used.
    #![deny(dead_code)]

    use deepfreeze::Frozen;

    /// Constructed and read below, so any dead code would be the derive's.
    #[derive(Frozen)]
    pub(super) struct Used {
        value: u8,
    }

    pub(super) fn read() -> u8 {
        Used { value: 3 }.value
    }
}
assert_impl_all!(no_dead_code::Used: Frozen);

/// Lifetime predicates become trivially true and are dropped, leaving no empty `where`.
#[derive(Frozen)]
struct OnlyLifetimeBounds<'a, 'b>
where
    'a: 'b,
    'b: 'a,
{
    a: &'a str,
    b: &'b [u8],
}
assert_impl_all!(OnlyLifetimeBounds<'static, 'static>: Frozen);

/// Mutually recursive types.
#[derive(Frozen)]
struct Forest {
    trees: Vec<Node>,
}

/// The other half of [`Forest`].
#[derive(Frozen)]
struct Node {
    label: char,
    children: Option<Box<Forest>>,
}
assert_impl_all!(Forest: Frozen);
assert_impl_all!(Node: Frozen);

/// A parameter bounded inline, with a default, and a `?Sized` one behind a pointer.
#[derive(Frozen)]
struct Bounded<K: Ord + Clone = u8, V: ?Sized = str> {
    keys: Vec<K>,
    value: Box<V>,
}
assert_impl_all!(Bounded: Frozen);
assert_impl_all!(Bounded<String, [u64]>: Frozen);
assert_not_impl_any!(Bounded<String, Cell<u8>>: Frozen);

/// Fields whose types come from a macro.
macro_rules! pair_of {
    ($t:ty) => {
        ($t, $t)
    };
}

/// Its field type is written by `pair_of!`.
#[derive(Frozen)]
struct FromMacro {
    pair: pair_of!(String),
}
assert_impl_all!(FromMacro: Frozen);

/// A field type written by a macro that expands to `u8` the first time and to `AtomicU8` after.
/// The derive never expands it: the item's expansion is the only one, so the field is a `u8`
/// (the function below), and that is what the check sees. Together with the UI case
/// `type-macro-expands-differently.rs`, this catches a derive that expands the type again,
/// whichever of the two expansions rustc runs first.
#[derive(Frozen)]
struct ExpandedOnce {
    level: deepfreeze_trick_macros::u8_then_atomic!(),
}
assert_impl_all!(ExpandedOnce: Frozen);

/// Compiles only if the field is the `u8` of the first expansion.
fn expanded_once_level(value: &ExpandedOnce) -> u8 {
    value.level
}

#[test]
fn derive_inside_a_function_body() {
    /// Local to this function.
    #[derive(Frozen)]
    struct Local {
        values: Vec<u32>,
        tail: Option<Box<Local>>,
    }
    fn sum(local: &Local) -> u32 {
        local.values.iter().sum::<u32>() + local.tail.as_deref().map_or(0, sum)
    }
    let local = Local {
        values: vec![1, 2],
        tail: Some(Box::new(Local {
            values: vec![3],
            tail: None,
        })),
    };
    assert_eq!(read_everywhere(local, 2, sum), [6, 6]);
    assert_eq!(no_dead_code::read(), 3);
}

/// Shares `value` with `threads` threads, which each compute `read` on it; only `T: Frozen` is
/// required (it implies `Send + Sync + 'static`).
fn read_everywhere<T: Frozen, R: Send + 'static>(
    value: T,
    threads: usize,
    read: fn(&T) -> R,
) -> Vec<R> {
    let shared = Arc::new(value);
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || read(&shared))
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().unwrap())
        .collect()
}

fn rose_size(rose: &Rose) -> usize {
    1 + rose.kids.iter().map(rose_size).sum::<usize>()
}

fn tree_sum(tree: &ArcTree) -> u64 {
    match tree {
        ArcTree::Leaf(value) => *value,
        ArcTree::Node(left, right) => tree_sum(left) + tree_sum(right),
    }
}

#[test]
fn derived_recursive_value_is_read_by_other_threads() {
    let leaf = |label: &str| Rose {
        label: label.into(),
        kids: Vec::new(),
    };
    let rose = Rose {
        label: "root".into(),
        kids: vec![
            leaf("a"),
            Rose {
                label: "b".into(),
                kids: vec![leaf("c")],
            },
        ],
    };
    assert_eq!(read_everywhere(rose, 3, rose_size), [4, 4, 4]);
}

#[test]
fn shared_subtrees_are_read_by_other_threads() {
    let shared = Arc::new(ArcTree::Node(
        Arc::new(ArcTree::Leaf(2)),
        Arc::new(ArcTree::Leaf(3)),
    ));
    let tree = ArcTree::Node(Arc::clone(&shared), shared);
    assert_eq!(read_everywhere(tree, 2, tree_sum), [10, 10]);
}

#[test]
fn derived_generic_lifetime_and_union_values_cross_threads() {
    let scoped = Borrowed { s: "static text" };
    assert_eq!(read_everywhere(scoped, 2, |b| b.s.len()), [11, 11]);

    let id: Id<Rc<u8>> = Id {
        raw: 7,
        tag: Tag(PhantomData),
    };
    assert_eq!(read_everywhere(id, 2, |id| id.raw), [7, 7]);

    let bits = Bits { int: 0x3f80_0000 };
    // SAFETY: every bit pattern of a `u32` is a valid `f32`.
    #[allow(unsafe_code)]
    let float = read_everywhere(bits, 1, |bits| unsafe { bits.float });
    assert_eq!(float, [1.0]);

    let list = List {
        value: 1,
        next: Some(Arc::new(List {
            value: 2,
            next: None,
        })),
    };
    let sum = read_everywhere(list, 2, |list| {
        list.value + list.next.as_ref().map_or(0, |next| next.value)
    });
    assert_eq!(sum, [3, 3]);
}
