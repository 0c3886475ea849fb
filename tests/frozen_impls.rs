//! Which std types are `Frozen` and which are not (docs/DESIGN.md §2), and that `Frozen` values can be
//! shared with other threads.
//!
//! The negative tables use two kinds of witnesses: the never-`Frozen` std types themselves, and
//! types that are `Send + Sync + 'static` but not `Frozen` (`Plain`, `AtomicU8`, `Mutex<u8>`).
//! Only the second kind can catch a missing `Frozen` bound on an impl: a `Cell` or an `Rc` is
//! already excluded by the `Send + Sync` supertraits.

use std::alloc::{Layout, LayoutError};
use std::any::{Any, TypeId};
use std::borrow::{Borrow, Cow};
use std::cell::{Cell, LazyCell, OnceCell, RefCell, UnsafeCell};
use std::cmp::{Ordering, Reverse};
use std::collections::{
    BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque, btree_map, hash_map,
};
use std::convert::Infallible;
use std::error::Error;
use std::ffi::{CStr, CString, OsStr, OsString, c_char, c_int, c_void};
use std::fmt::Debug;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hasher, RandomState};
use std::marker::{PhantomData, PhantomPinned};
use std::mem::{Discriminant, ManuallyDrop, MaybeUninit};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::num::{
    FpCategory, IntErrorKind, NonZero, NonZeroI8, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI128,
    NonZeroIsize, NonZeroU8, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU128, NonZeroUsize,
    ParseFloatError, ParseIntError, Saturating, TryFromIntError, Wrapping,
};
use std::ops::{
    Bound, ControlFlow, Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive,
};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::ptr::NonNull;
use std::rc::Rc;
use std::sync::atomic::{
    AtomicBool, AtomicI8, AtomicI16, AtomicI32, AtomicI64, AtomicIsize, AtomicPtr, AtomicU8,
    AtomicU16, AtomicU32, AtomicU64, AtomicUsize,
};
use std::sync::{Arc, Barrier, Condvar, LazyLock, Mutex, Once, OnceLock, RwLock, mpsc};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use deepfreeze::Frozen;
use static_assertions::{assert_impl_all, assert_not_impl_any};

/// Asserts that every listed type is `Frozen`.
macro_rules! frozen {
    ($($ty:ty),+ $(,)?) => {$( assert_impl_all!($ty: Frozen); )+};
}

/// Asserts that no listed type is `Frozen`.
macro_rules! not_frozen {
    ($($ty:ty),+ $(,)?) => {$( assert_not_impl_any!($ty: Frozen); )+};
}

// ---------------------------------------------------------------------------------------------
// Local witnesses
// ---------------------------------------------------------------------------------------------

/// `Send + Sync + 'static` and plain data, but with no `Frozen` impl: the witness that every
/// generic impl really bounds its parameters.
#[derive(Clone, Debug)]
struct Plain;

assert_impl_all!(Plain: Send, Sync);
not_frozen!(Plain);

/// A `Frozen` hasher builder with fixed keys.
#[derive(Clone, Default)]
struct FixedState;

impl BuildHasher for FixedState {
    type Hasher = DefaultHasher;
    fn build_hasher(&self) -> DefaultHasher {
        DefaultHasher::new()
    }
}

// SAFETY:
// - No interior mutability: a unit struct stores nothing.
// - Deep: it holds no value of any type.
// - `'static`: no lifetime parameter.
#[allow(unsafe_code)]
unsafe impl Frozen for FixedState {}

/// A hasher builder that counts the hashers it builds, in a `Cell`.
#[derive(Default)]
struct CellCountingState {
    built: Cell<u64>,
}

impl BuildHasher for CellCountingState {
    type Hasher = DefaultHasher;
    fn build_hasher(&self) -> DefaultHasher {
        self.built.set(self.built.get() + 1);
        DefaultHasher::new()
    }
}

/// A hasher builder that counts the hashers it builds, atomically: `Sync`, but not `Frozen`.
#[derive(Default)]
struct AtomicCountingState {
    built: AtomicU64,
}

impl BuildHasher for AtomicCountingState {
    type Hasher = DefaultHasher;
    fn build_hasher(&self) -> DefaultHasher {
        self.built
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        DefaultHasher::new()
    }
}

/// A hasher that is not `Frozen` (it keeps its state in a `Cell`), for `BuildHasherDefault<H>`.
#[derive(Default)]
struct CellHasher {
    state: Cell<u64>,
}

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.state.get()
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.state
                .set(self.state.get().rotate_left(5) ^ u64::from(b));
        }
    }
}

/// A trait object that is `Frozen` because its trait has `Frozen` as a supertrait.
trait Describe: Frozen {
    fn describe(&self) -> String;
}

impl Describe for u64 {
    fn describe(&self) -> String {
        format!("u64 {self}")
    }
}

impl Describe for String {
    fn describe(&self) -> String {
        format!("string {self:?}")
    }
}

impl Describe for Vec<Box<dyn Describe>> {
    fn describe(&self) -> String {
        let parts: Vec<String> = self.iter().map(|d| d.describe()).collect();
        format!("[{}]", parts.join(", "))
    }
}

/// For `Cow<'static, B>`: a `Frozen` borrowed type whose owned form is not `Frozen`.
struct FrozenBorrowed;
// SAFETY:
// - No interior mutability: a unit struct stores nothing.
// - Deep: it holds no value of any type.
// - `'static`: no lifetime parameter.
#[allow(unsafe_code)]
unsafe impl Frozen for FrozenBorrowed {}
struct PlainOwned;
impl Borrow<FrozenBorrowed> for PlainOwned {
    fn borrow(&self) -> &FrozenBorrowed {
        &FrozenBorrowed
    }
}
impl ToOwned for FrozenBorrowed {
    type Owned = PlainOwned;
    fn to_owned(&self) -> PlainOwned {
        PlainOwned
    }
}

/// For `Cow<'static, B>`: a borrowed type that is not `Frozen` whose owned form is.
struct PlainBorrowed;
struct FrozenOwned;
// SAFETY:
// - No interior mutability: a unit struct stores nothing.
// - Deep: it holds no value of any type.
// - `'static`: no lifetime parameter.
#[allow(unsafe_code)]
unsafe impl Frozen for FrozenOwned {}
impl Borrow<PlainBorrowed> for FrozenOwned {
    fn borrow(&self) -> &PlainBorrowed {
        &PlainBorrowed
    }
}
impl ToOwned for PlainBorrowed {
    type Owned = FrozenOwned;
    fn to_owned(&self) -> FrozenOwned {
        FrozenOwned
    }
}

// ---------------------------------------------------------------------------------------------
// Accepted: every type of docs/DESIGN.md §2, with concrete parameters
// ---------------------------------------------------------------------------------------------

// Primitives.
frozen!(bool, char, (), str, f32, f64);
frozen!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

// core::num.
frozen!(
    NonZeroU8,
    NonZeroU16,
    NonZeroU32,
    NonZeroU64,
    NonZeroU128,
    NonZeroUsize,
    NonZeroI8,
    NonZeroI16,
    NonZeroI32,
    NonZeroI64,
    NonZeroI128,
    NonZeroIsize,
    NonZero<u32>,
);
frozen!(
    Wrapping<u8>,
    Wrapping<String>,
    Saturating<i32>,
    Saturating<u128>
);
frozen!(
    FpCategory,
    IntErrorKind,
    ParseIntError,
    ParseFloatError,
    TryFromIntError
);

// core::cmp, time.
frozen!(
    Ordering,
    Reverse<u8>,
    Reverse<String>,
    Reverse<(u8, Box<str>)>
);
frozen!(Duration, Instant, SystemTime);

// Option, Result.
frozen!(
    Option<u8>,
    Option<String>,
    Option<Vec<Box<[u8]>>>,
    Option<Option<&'static str>>
);
frozen!(Result<u8, String>, Result<(), Infallible>, Result<Vec<u8>, Box<str>>);

// Arrays and slices.
frozen!(
    [u8; 0],
    [u8; 4],
    [String; 3],
    [[u8; 2]; 2],
    [Option<Box<u8>>; 8]
);
frozen!([u8], [String], [&'static str], [[u64; 3]]);

// Tuples of every arity.
frozen!(
    (u8,),
    (u8, String),
    (u8, String, char),
    (u8, String, char, Vec<u8>),
    (u8, String, char, Vec<u8>, bool),
    (u8, String, char, Vec<u8>, bool, f64),
    (u8, String, char, Vec<u8>, bool, f64, Box<str>),
    (u8, String, char, Vec<u8>, bool, f64, Box<str>, ()),
    (
        u8,
        String,
        char,
        Vec<u8>,
        bool,
        f64,
        Box<str>,
        (),
        Option<u8>
    ),
    (
        u8,
        String,
        char,
        Vec<u8>,
        bool,
        f64,
        Box<str>,
        (),
        Option<u8>,
        [u8; 2]
    ),
    (
        u8,
        String,
        char,
        Vec<u8>,
        bool,
        f64,
        Box<str>,
        (),
        Option<u8>,
        [u8; 2],
        Arc<str>
    ),
    (
        u8,
        String,
        char,
        Vec<u8>,
        bool,
        f64,
        Box<str>,
        (),
        Option<u8>,
        [u8; 2],
        Arc<str>,
        i128
    ),
    ((u8, (String,)), ((), ((),))),
);

// References, Box, Vec, String, Arc.
frozen!(
    &'static u8,
    &'static str,
    &'static [u8],
    &'static Path,
    &'static &'static str,
    &'static Vec<String>,
    &'static dyn Frozen,
);
frozen!(
    Box<u8>,
    Box<str>,
    Box<[u8]>,
    Box<Path>,
    Box<OsStr>,
    Box<CStr>,
    Box<Box<[String]>>
);
frozen!(
    Vec<u8>,
    Vec<String>,
    Vec<Vec<u8>>,
    Vec<(u8, &'static str)>,
    String
);
frozen!(Arc<u8>, Arc<str>, Arc<[u8]>, Arc<Path>, Arc<Vec<Arc<str>>>);

// Trait objects whose trait is `Frozen` or has it as a supertrait.
frozen!(
    dyn Frozen,
    dyn Frozen + Send,
    dyn Frozen + Sync,
    dyn Frozen + Send + Sync
);
frozen!(
    Box<dyn Frozen>,
    Box<dyn Frozen + Send + Sync>,
    Arc<dyn Frozen>,
    &'static dyn Frozen
);
frozen!(
    dyn Describe,
    Box<dyn Describe>,
    Arc<dyn Describe + Send + Sync>
);

// Collections.
frozen!(
    VecDeque<u8>,
    LinkedList<String>,
    BinaryHeap<u32>,
    BTreeSet<u64>
);
frozen!(BTreeMap<String, Vec<u8>>, BTreeMap<u8, BTreeMap<u8, Box<str>>>);
frozen!(HashMap<String, u32>, HashMap<u8, Vec<String>, RandomState>, HashSet<String>);
frozen!(HashMap<u8, u8, FixedState>, HashSet<u8, FixedState>);
frozen!(HashMap<u8, u8, BuildHasherDefault<DefaultHasher>>);

// Hashers. `BuildHasherDefault<H>` holds no `H`, so even a non-`Frozen` hasher is fine.
frozen!(
    RandomState,
    DefaultHasher,
    BuildHasherDefault<DefaultHasher>
);
frozen!(BuildHasherDefault<CellHasher>, HashSet<u8, BuildHasherDefault<CellHasher>>);

// Paths and OS/C strings.
frozen!(PathBuf, Path, OsString, OsStr, CString, CStr);

// IP and socket addresses.
frozen!(
    IpAddr,
    Ipv4Addr,
    Ipv6Addr,
    SocketAddr,
    SocketAddrV4,
    SocketAddrV6
);

// Ranges, Bound, ControlFlow.
frozen!(
    Range<u8>,
    Range<String>,
    RangeInclusive<u64>,
    RangeFrom<usize>,
    RangeTo<i32>
);
frozen!(
    RangeToInclusive<char>,
    RangeFull,
    Bound<String>,
    Bound<&'static str>
);
frozen!(ControlFlow<String, u8>, ControlFlow<()>);

// Markers.
frozen!(
    PhantomData<u8>,
    PhantomData<str>,
    PhantomData<dyn Frozen>,
    PhantomPinned
);
frozen!(
    PhantomData<fn() -> Cell<u8>>,
    PhantomData<fn(Rc<u8>) -> *const u8>
);

// Cow.
frozen!(
    Cow<'static, str>,
    Cow<'static, [u8]>,
    Cow<'static, Path>,
    Cow<'static, OsStr>,
    Cow<'static, CStr>,
    Cow<'static, String>,
    Cow<'static, [Cow<'static, str>]>,
);

// mem, pin, any, alloc, convert.
frozen!(ManuallyDrop<String>, ManuallyDrop<[u8; 4]>);
frozen!(Discriminant<Option<u8>>, Discriminant<Option<Cell<u8>>>);
frozen!(
    Pin<Box<u8>>,
    Pin<Box<dyn Frozen>>,
    Pin<Arc<String>>,
    Pin<&'static str>
);
frozen!(TypeId, Layout, LayoutError, Infallible);

// Deeper nestings.
frozen!(
    HashMap<String, Vec<(u8, Option<Arc<str>>)>>,
    Result<BTreeMap<u8, Cow<'static, str>>, Box<dyn Frozen>>,
    Arc<[(String, PathBuf, SocketAddr)]>,
    Option<fn(&str) -> usize>,
    Vec<Pin<Box<(Duration, Reverse<u8>)>>>,
);

// ---------------------------------------------------------------------------------------------
// Accepted: fn pointers, whatever their argument and return types
// ---------------------------------------------------------------------------------------------

/// Asserts that the fn pointers with the given qualifiers are `Frozen` at every arity 0..=12,
/// with never-`Frozen` argument and return types.
macro_rules! frozen_fn_arities {
    (@arity [$($q:tt)*] [$($done:ty,)*] [$next:ty, $($rest:ty,)*]) => {
        frozen!($($q)* fn($($done),*) -> RefCell<u8>);
        frozen_fn_arities!(@arity [$($q)*] [$($done,)* $next,] [$($rest,)*]);
    };
    (@arity [$($q:tt)*] [$($done:ty,)*] []) => {
        frozen!($($q)* fn($($done),*) -> RefCell<u8>);
    };
    ($($quals:tt)+) => {$(
        frozen_fn_arities!(@arity $quals [] [
            Cell<u8>, Rc<u8>, *const u8, *mut u8, AtomicU8, Mutex<u8>,
            Plain, UnsafeCell<u8>, OnceCell<u8>, Vec<Cell<u8>>, NonNull<u8>, Box<dyn Fn()>,
        ]);
    )+};
}

frozen_fn_arities!([] [unsafe] [extern "C"] [unsafe extern "C"] [extern "system"] [unsafe extern "system"]);

frozen!(
    fn(),
    fn() -> !,
    fn(u8) -> u8,
    fn(&'static str) -> bool,
    fn(fn(u8) -> u8) -> fn() -> u8,
    unsafe fn(*mut u8),
    extern "C" fn(*const c_char) -> c_int,
    unsafe extern "C" fn(*mut c_void, usize) -> *mut c_void,
    unsafe extern "system" fn(*mut c_void, u32, usize, isize) -> isize,
);

// Higher-ranked (elided lifetimes): a sample of every shape family.
frozen!(
    fn(&mut Cell<u8>) -> Rc<u8>,
    fn(&u8) -> u8,
    fn(&str) -> usize,
    fn(&str) -> &str,
    fn(&Cell<u8>) -> &mut Rc<u8>,
    fn(&mut Vec<u8>) -> &mut [u8],
    fn(&mut Vec<u8>, u8) -> &mut [u8],
    fn(u8, &[u8]) -> &u8,
    for<'a, 'b> fn(&'a [u8], &'b mut String),
    fn(&u8, &u8) -> u8,
    fn(&mut RefCell<u8>, &Mutex<u8>) -> Rc<u8>,
    fn(&u8, &u8, &u8) -> u8,
    fn(&mut u8, u8, &mut u8),
    fn(u8, u8, &Path) -> &Path,
    fn(u8, &mut String, u8) -> &mut str,
    unsafe fn(&[u8]) -> &str,
    extern "C" fn(&u8) -> u8,
    unsafe extern "C" fn(&mut c_void, &c_void) -> c_int,
    extern "system" fn(&mut [u16], u32) -> u32,
    unsafe extern "system" fn(u8, &u8, &mut u8),
);

// ---------------------------------------------------------------------------------------------
// Never Frozen: the std types of docs/DESIGN.md §2
// ---------------------------------------------------------------------------------------------

not_frozen!(
    Cell<u8>,
    RefCell<u8>,
    UnsafeCell<u8>,
    OnceCell<u8>,
    LazyCell<u8>
);
not_frozen!(
    OnceLock<u8>,
    LazyLock<u8>,
    Mutex<u8>,
    RwLock<u8>,
    Condvar,
    Barrier,
    Once
);
not_frozen!(
    AtomicBool,
    AtomicU8,
    AtomicU16,
    AtomicU32,
    AtomicU64,
    AtomicUsize
);
not_frozen!(
    AtomicI8,
    AtomicI16,
    AtomicI32,
    AtomicI64,
    AtomicIsize,
    AtomicPtr<u8>
);
not_frozen!(Rc<u8>, std::rc::Weak<u8>, std::sync::Weak<u8>);
not_frozen!(
    *const u8,
    *mut u8,
    NonNull<u8>,
    &'static mut u8,
    &'static mut [u8]
);
not_frozen!(MaybeUninit<u8>, MaybeUninit<String>);

// Trait objects of other traits.
not_frozen!(
    dyn Any,
    dyn Any + Send + Sync,
    dyn Fn(),
    dyn Fn() + Send + Sync
);
not_frozen!(
    Box<dyn Fn()>,
    Box<dyn Fn() + Send + Sync>,
    Box<dyn Any + Send + Sync>
);
not_frozen!(
    Box<dyn Error + Send + Sync>,
    Arc<dyn Any + Send + Sync>,
    &'static dyn Debug
);
not_frozen!(&'static (dyn Fn() + Sync));

// Channels, threads, files, sockets, other OS handles.
not_frozen!(mpsc::Sender<u8>, mpsc::SyncSender<u8>, mpsc::Receiver<u8>);
not_frozen!(
    thread::JoinHandle<()>,
    thread::Thread,
    thread::LocalKey<Cell<u8>>
);
not_frozen!(
    std::fs::File,
    std::net::TcpStream,
    std::net::TcpListener,
    std::net::UdpSocket
);
not_frozen!(std::io::Stdin, std::io::Stdout, std::process::Child);
not_frozen!(std::io::Error, std::backtrace::Backtrace, std::task::Waker);
#[cfg(unix)]
not_frozen!(
    std::os::unix::net::UnixStream,
    std::os::unix::net::UnixListener
);

// Iterators, entries, guards.
not_frozen!(
    std::vec::IntoIter<u8>,
    std::slice::Iter<'static, u8>,
    std::str::Chars<'static>
);
not_frozen!(
    hash_map::Iter<'static, u8, u8>,
    hash_map::Entry<'static, u8, u8>
);
not_frozen!(
    btree_map::Entry<'static, u8, u8>,
    std::collections::binary_heap::PeekMut<'static, u8>
);
not_frozen!(std::iter::Repeat<u8>, std::sync::MutexGuard<'static, u8>);

// Shared buffers whose handles mutate on clone.
not_frozen!(bytes::Bytes, bytes::BytesMut);
#[cfg(feature = "arc-swap")]
not_frozen!(
    arc_swap::ArcSwap<u8>,
    arc_swap::ArcSwapOption<u8>,
    arc_swap::ArcSwapAny<Arc<u8>>,
);

// ---------------------------------------------------------------------------------------------
// Never Frozen: nested in accepted containers
// ---------------------------------------------------------------------------------------------

not_frozen!(
    Vec<Cell<u8>>,
    Option<Rc<u8>>,
    Box<dyn Fn()>,
    &'static Mutex<u8>,
    Arc<AtomicU64>,
    HashMap<u8, u8, CellCountingState>,
    (u8, Cell<u8>),
    [RefCell<u8>; 2],
    PhantomData<Cell<u8>>,
    Pin<&'static mut u8>,
    Cow<'static, [Cell<u8>]>,
    Option<Vec<Box<[AtomicU8]>>>,
    Arc<Mutex<Vec<u8>>>,
    Box<OnceLock<String>>,
    Result<u8, Rc<str>>,
    BTreeMap<String, RwLock<u8>>,
);

// `Send + Sync` but not `Frozen`: each parameter of each generic impl must be bounded.
not_frozen!(Option<Plain>, Result<Plain, u8>, Result<u8, Plain>, Box<Plain>, Vec<Plain>);
not_frozen!(
    [Plain; 0],
    [Plain; 2],
    [Plain],
    &'static Plain,
    Arc<Plain>,
    Arc<[Plain]>
);
not_frozen!(
    VecDeque<Plain>,
    LinkedList<Plain>,
    BinaryHeap<Plain>,
    BTreeSet<Plain>
);
not_frozen!(BTreeMap<Plain, u8>, BTreeMap<u8, Plain>, HashSet<Plain>, HashSet<u8, AtomicCountingState>);
not_frozen!(HashMap<Plain, u8>, HashMap<u8, Plain>, HashMap<u8, u8, AtomicCountingState>);
not_frozen!(
    Wrapping<Plain>,
    Saturating<Plain>,
    Reverse<Plain>,
    ManuallyDrop<Plain>
);
not_frozen!(
    Range<Plain>,
    RangeInclusive<Plain>,
    RangeFrom<Plain>,
    RangeTo<Plain>
);
not_frozen!(RangeToInclusive<Plain>, Bound<Plain>, ControlFlow<Plain, u8>, ControlFlow<u8, Plain>);
not_frozen!(
    PhantomData<Plain>,
    PhantomData<AtomicU8>,
    Pin<Box<Plain>>,
    Pin<Arc<Mutex<u8>>>
);
not_frozen!(Cow<'static, Plain>, Cow<'static, [Plain]>);
not_frozen!(Cow<'static, FrozenBorrowed>, Cow<'static, PlainBorrowed>);
not_frozen!(
    Vec<AtomicU8>,
    Box<Mutex<u8>>,
    &'static OnceLock<u8>,
    Option<Box<dyn Fn() + Send + Sync>>
);

/// Asserts that a tuple is not `Frozen` when any one of its fields is `Plain`, at every arity.
macro_rules! not_frozen_at_each_tuple_position {
    (@at [$($before:ty,)*] [$here:ty, $($after:ty,)*]) => {
        not_frozen!(($($before,)* Plain, $($after,)*));
        not_frozen_at_each_tuple_position!(@at [$($before,)* $here,] [$($after,)*]);
    };
    (@at [$($before:ty,)*] []) => {};
    ($($ty:ty),+) => {
        not_frozen_at_each_tuple_position!(@at [] [$($ty,)+]);
    };
}

not_frozen_at_each_tuple_position!(u8);
not_frozen_at_each_tuple_position!(u8, u16);
not_frozen_at_each_tuple_position!(u8, u16, u32);
not_frozen_at_each_tuple_position!(u8, u16, u32, u64);
not_frozen_at_each_tuple_position!(u8, u16, u32, u64, u128);
not_frozen_at_each_tuple_position!(u8, u16, u32, u64, u128, i8);
not_frozen_at_each_tuple_position!(u8, u16, u32, u64, u128, i8, i16);
not_frozen_at_each_tuple_position!(u8, u16, u32, u64, u128, i8, i16, i32);
not_frozen_at_each_tuple_position!(u8, u16, u32, u64, u128, i8, i16, i32, i64);
not_frozen_at_each_tuple_position!(u8, u16, u32, u64, u128, i8, i16, i32, i64, i128);
not_frozen_at_each_tuple_position!(u8, u16, u32, u64, u128, i8, i16, i32, i64, i128, bool);
not_frozen_at_each_tuple_position!(u8, u16, u32, u64, u128, i8, i16, i32, i64, i128, bool, char);

// ---------------------------------------------------------------------------------------------
// Behaviour: Frozen values cross threads and read the same everywhere
// ---------------------------------------------------------------------------------------------

/// Reads `value` from three threads at once through `&T`, then moves it to another thread, reads
/// it there and moves it back. Every reading must equal the one taken before sharing.
///
/// This compiles for any `T: Frozen` only because `Frozen` implies `Send + Sync + 'static`.
fn share<T: Frozen, R: Send + PartialEq + Debug>(value: T, read: impl Fn(&T) -> R + Sync) -> T {
    let expected = read(&value);
    let read = &read;
    thread::scope(|s| {
        let readers: Vec<_> = (0..3).map(|_| s.spawn(|| read(&value))).collect();
        for reader in readers {
            assert_eq!(reader.join().unwrap(), expected);
        }
    });
    let (value, seen) = thread::scope(|s| {
        s.spawn(move || {
            let seen = read(&value);
            (value, seen)
        })
        .join()
        .unwrap()
    });
    assert_eq!(seen, expected);
    value
}

/// Hands a clone of an `Arc<T>` to a `'static` thread (no scope), which returns it.
fn share_static<T: Frozen + ?Sized>(value: Arc<T>) -> Arc<T> {
    let clone = Arc::clone(&value);
    let back = thread::spawn(move || clone).join().unwrap();
    assert!(
        Arc::ptr_eq(&value, &back),
        "the thread saw the same allocation, not a copy"
    );
    back
}

#[test]
fn shares_a_record_of_std_containers() {
    let mut index = HashMap::new();
    index.insert(String::from("alpha"), 1_u32);
    index.insert(String::from("beta"), 2);
    let record = (
        String::from("frame-7"),
        vec![3_u64, 5, 8],
        index,
        Some(Box::<[u8]>::from(&b"\x00\x01"[..])),
        BTreeSet::from([Reverse(3_i32), Reverse(1), Reverse(2)]),
    );
    let record = share(record, |(name, nums, index, blob, set)| {
        let mut keys: Vec<&str> = index.keys().map(String::as_str).collect();
        keys.sort_unstable();
        (
            name.clone(),
            nums.iter().sum::<u64>(),
            keys.join(","),
            blob.as_deref().map(<[u8]>::len),
            set.iter().map(|r| r.0).collect::<Vec<_>>(),
        )
    });
    assert_eq!(record.0, "frame-7");
    assert_eq!(record.4.first(), Some(&Reverse(3)));
}

#[test]
fn shares_frozen_trait_objects() {
    let items: Vec<Box<dyn Describe>> = vec![
        Box::new(7_u64),
        Box::new(String::from("x")),
        Box::new(vec![Box::new(1_u64) as Box<dyn Describe>]),
    ];
    let items = share(items, |items| items.describe());
    assert_eq!(items.describe(), r#"[u64 7, string "x", [u64 1]]"#);

    let any: Arc<dyn Frozen> = Arc::new(vec![1_u8, 2, 3]);
    let back = share_static(Arc::clone(&any));
    assert!(Arc::ptr_eq(&any, &back));
    assert_eq!(Arc::strong_count(&any), 2);
}

#[test]
fn shares_fn_pointers() {
    fn double(x: u64) -> u64 {
        x * 2
    }
    fn first_word(s: &str) -> &str {
        s.split(' ').next().unwrap_or("")
    }
    fn bump(cell: &mut Cell<u8>) -> Rc<u8> {
        cell.set(cell.get() + 1);
        Rc::new(cell.get())
    }
    type Step = fn(u64) -> u64;
    type Parse = fn(&str) -> &str;
    let table: [(Step, Parse); 2] = [(double, first_word), (|x| x + 1, |s| s.trim())];
    share(table, |table| {
        table
            .iter()
            .map(|(f, g)| (f(20), g(" deep freeze ").to_owned()))
            .collect::<Vec<_>>()
    });
    // A pointer to a function over non-`Frozen` types still crosses threads; each thread calls
    // it on its own, unshared values.
    let bump: fn(&mut Cell<u8>) -> Rc<u8> = bump;
    share(bump, |f| {
        let mut cell = Cell::new(41);
        *f(&mut cell)
    });
}

#[test]
fn shares_strings_paths_addresses_and_times() {
    static GREETING: &str = "hello";
    let borrowed: Cow<'static, str> = Cow::Borrowed(GREETING);
    let owned: Cow<'static, str> = Cow::Owned(GREETING.to_uppercase());
    let value = (
        [borrowed, owned],
        PathBuf::from("/srv/frames/0007.raw"),
        OsString::from("bin"),
        CString::new("c-str").unwrap(),
        SocketAddr::from((Ipv4Addr::LOCALHOST, 8080)),
        Ipv6Addr::LOCALHOST,
        SystemTime::UNIX_EPOCH + Duration::from_secs(86_400),
        NonZero::new(9_u32).unwrap(),
    );
    share(value, |(cows, path, os, c, sock, v6, time, nz)| {
        (
            cows.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
            path.file_name().map(OsStr::to_os_string),
            os.len(),
            c.as_bytes().len(),
            sock.port(),
            v6.is_loopback(),
            time.duration_since(SystemTime::UNIX_EPOCH).unwrap(),
            nz.get(),
        )
    });
}

#[test]
fn shares_static_references_pins_and_ranges() {
    static TABLE: [u16; 4] = [1, 1, 2, 3];
    type Value = (
        &'static [u16],
        Pin<Box<[u8; 3]>>,
        RangeInclusive<u8>,
        Bound<&'static str>,
    );
    let value: Value = (&TABLE, Box::pin([4, 5, 6]), 1..=3, Bound::Included("k"));
    let value = share(value, |(table, pinned, range, bound)| {
        (
            table[usize::from(*range.end())],
            range.clone().map(u32::from).sum::<u32>(),
            pinned[1],
            *bound,
        )
    });
    assert_eq!(
        value.0.as_ptr(),
        TABLE.as_ptr(),
        "a `&'static` is shared, not copied"
    );
}

#[test]
fn shares_one_arc_graph_without_copying() {
    let graph: Arc<BTreeMap<u32, Arc<str>>> = Arc::new(
        (0..16)
            .map(|i| (i, Arc::from(format!("node {i}"))))
            .collect(),
    );
    let back = share_static(Arc::clone(&graph));
    assert!(Arc::ptr_eq(&graph, &back));
    let back = share(back, |g| g.values().map(|s| s.len()).sum::<usize>());
    assert!(Arc::ptr_eq(&graph, &back));
    assert!(
        Arc::ptr_eq(&graph[&3], &back[&3]),
        "the nodes are the same allocations"
    );
}

#[test]
fn frozen_hasher_builders_hash_consistently_across_threads() {
    let map: HashMap<u8, &'static str, FixedState> = [(1, "one"), (2, "two")].into_iter().collect();
    let map = share(map, |m| {
        (m.get(&1).copied(), m.get(&2).copied(), m.get(&3).copied())
    });
    assert_eq!(map[&2], "two");
    // `BuildHasherDefault` with a hasher that is not itself `Frozen`: each lookup builds a fresh
    // hasher owned by the looking thread, so sharing the map is still fine.
    let set: HashSet<u32, BuildHasherDefault<CellHasher>> = (0..100).collect();
    share(set, |s| (s.contains(&42), s.contains(&100), s.len()));
}
