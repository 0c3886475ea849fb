//! [`FrozenStr`], an immutable string in a 16-byte handle.
//!
//! ```
//! use deepfreeze::str::FrozenStr;
//!
//! let literal = FrozenStr::from_static("no allocation");
//! let short = FrozenStr::from("inline");
//! let long = FrozenStr::from(String::from("one shared allocation"));
//! assert!(literal.is_static() && short.is_inline() && long.is_heap());
//! assert_eq!(std::mem::size_of::<Option<FrozenStr>>(), 16);
//! ```

use alloc::borrow::{Cow, ToOwned};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::sync::Arc;
use core::borrow::Borrow;
use core::cmp::Ordering;
use core::convert::Infallible;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::mem::{self, ManuallyDrop};
use core::ops::{Deref, RangeBounds};
use core::str::FromStr;
#[cfg(feature = "std")]
use std::ffi::OsStr;
#[cfg(feature = "std")]
use std::path::Path;

use triomphe::ThinArc;

use crate::Frozen;

/// The longest string stored inside the handle itself.
const INLINE_CAP: usize = 15;

/// An immutable UTF-8 string: `&'static str` literals, short strings and shared heap strings behind
/// one 16-byte handle.
///
/// A `FrozenStr` is one of three things, chosen when it is made:
///
/// - a **static** string, from [`FrozenStr::from_static`] (a `const fn`): it points at the literal;
///   making, cloning and dropping it allocate nothing and touch no counter;
/// - an **inline** string of at most 15 bytes, stored in the handle: made with no allocation, cloned
///   by a plain copy (no atomic operation);
/// - a **heap** string, longer than 15 bytes: one reference-counted allocation
///   ([`triomphe::ThinArc`]), shared by its clones (one atomic increment each).
///
/// The handle is 16 bytes, and so is `Option<FrozenStr>`. It derefs to [`str`], and hashes,
/// compares and orders exactly as `str` does, so a `FrozenStr` key is found with a `&str` in a
/// `HashMap` or `BTreeMap` ([`Borrow<str>`] is implemented).
///
/// ```
/// use deepfreeze::FrozenStr;
/// use std::collections::HashMap;
///
/// const GREETING: FrozenStr = FrozenStr::from_static("hello");
/// let name = FrozenStr::from("a name longer than fifteen bytes");
///
/// let mut ages = HashMap::new();
/// ages.insert(name.clone(), 36);
/// ages.insert(GREETING, 0);
/// assert_eq!(ages["a name longer than fifteen bytes"], 36);
/// assert_eq!(ages.get("hello"), Some(&0));
/// assert!(name.starts_with("a name")); // every `str` method, through `Deref`
/// ```
///
/// It is `Frozen`: nothing behind a `&FrozenStr` can change, so it can be shared across threads in
/// O(1), inside any frozen structure.
#[repr(C)]
pub struct FrozenStr {
    /// Inline bytes `0..8`, the static string's data pointer, or the heap allocation.
    word: Word,
    /// Inline bytes `8..15`, or the length of a static or heap string (56 bits, little-endian).
    rest: [u8; 7],
    /// Which of the three this is (and an inline string's length). Its unused values give
    /// `Option<FrozenStr>` its niche.
    tag: Tag,
}

/// The first word of a [`FrozenStr`]; which field is live is told by its `tag`.
#[repr(C)]
union Word {
    /// `Tag::Len0..=Tag::Len15`: the first 8 bytes of the inline string, unused ones zero.
    bytes: [u8; 8],
    /// `Tag::Static`: the data pointer of a `&'static str` (with its provenance).
    ptr: *const u8,
    /// `Tag::Heap`: the allocation holding the bytes; its header also holds the length.
    heap: ManuallyDrop<ThinArc<(), u8>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Tag {
    Len0 = 0,
    Len1,
    Len2,
    Len3,
    Len4,
    Len5,
    Len6,
    Len7,
    Len8,
    Len9,
    Len10,
    Len11,
    Len12,
    Len13,
    Len14,
    Len15,
    Static,
    Heap,
}

/// `INLINE_TAGS[n]` is the tag of an inline string of `n` bytes.
const INLINE_TAGS: [Tag; INLINE_CAP + 1] = [
    Tag::Len0,
    Tag::Len1,
    Tag::Len2,
    Tag::Len3,
    Tag::Len4,
    Tag::Len5,
    Tag::Len6,
    Tag::Len7,
    Tag::Len8,
    Tag::Len9,
    Tag::Len10,
    Tag::Len11,
    Tag::Len12,
    Tag::Len13,
    Tag::Len14,
    Tag::Len15,
];

const _: () = assert!(mem::size_of::<FrozenStr>() == 16);
const _: () = assert!(mem::size_of::<Option<FrozenStr>>() == 16);

/// Encodes a static or heap string's length in 7 bytes.
///
/// # Panics
///
/// If `len` needs more than 56 bits (no real allocation is that large: 64 PiB).
const fn encode_len(len: usize) -> [u8; 7] {
    let b = (len as u64).to_le_bytes();
    assert!(b[7] == 0, "FrozenStr: string longer than 2^56 bytes");
    [b[0], b[1], b[2], b[3], b[4], b[5], b[6]]
}

const fn decode_len(rest: [u8; 7]) -> usize {
    let r = rest;
    // Lossless: the value was encoded from a `usize`.
    u64::from_le_bytes([r[0], r[1], r[2], r[3], r[4], r[5], r[6], 0]) as usize
}

/// An iterator that reports an exact length (triomphe fills its allocation from one).
struct Exact<I> {
    iter: I,
    len: usize,
}

impl<I: Iterator> Iterator for Exact<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        let item = self.iter.next()?;
        self.len -= 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len, Some(self.len))
    }
}

impl<I: Iterator> ExactSizeIterator for Exact<I> {}

impl FrozenStr {
    /// A string pointing at a `'static` literal: no allocation, and clones and drops touch no
    /// counter. Usable in `const` items.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// const NAME: FrozenStr = FrozenStr::from_static("deepfreeze");
    /// assert_eq!(NAME, "deepfreeze");
    /// assert!(NAME.is_static());
    /// ```
    #[inline]
    pub const fn from_static(s: &'static str) -> Self {
        Self {
            word: Word { ptr: s.as_ptr() },
            rest: encode_len(s.len()),
            tag: Tag::Static,
        }
    }

    /// Copies `s` into a new string: inline if it has at most 15 bytes (no allocation), in one
    /// shared allocation otherwise.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// let short = FrozenStr::new("inline");
    /// let long = FrozenStr::new("this one needs an allocation");
    /// assert!(short.is_inline());
    /// assert!(long.is_heap());
    /// assert_eq!(long, "this one needs an allocation");
    /// ```
    #[inline]
    pub fn new(s: &str) -> Self {
        if s.len() <= INLINE_CAP {
            Self::inline(s)
        } else {
            Self::heap(ThinArc::from_header_and_slice((), s.as_bytes()))
        }
    }

    /// An inline string. `s` has at most `INLINE_CAP` bytes.
    fn inline(s: &str) -> Self {
        let mut buf = [0_u8; INLINE_CAP];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        let [b0, b1, b2, b3, b4, b5, b6, b7, rest @ ..] = buf;
        Self {
            word: Word {
                bytes: [b0, b1, b2, b3, b4, b5, b6, b7],
            },
            rest,
            tag: INLINE_TAGS[s.len()],
        }
    }

    /// A heap string owning `heap`, whose bytes must be UTF-8 and longer than `INLINE_CAP`.
    fn heap(heap: ThinArc<(), u8>) -> Self {
        debug_assert!(heap.slice.len() > INLINE_CAP);
        Self {
            rest: encode_len(heap.slice.len()),
            word: Word {
                heap: ManuallyDrop::new(heap),
            },
            tag: Tag::Heap,
        }
    }

    /// A string of exactly `len` bytes made of `parts` (UTF-8 as a whole).
    fn from_parts<'a>(len: usize, parts: impl Iterator<Item = &'a str> + Clone) -> Self {
        if len <= INLINE_CAP {
            let mut buf = [0_u8; INLINE_CAP];
            let mut at = 0;
            for part in parts {
                buf[at..at + part.len()].copy_from_slice(part.as_bytes());
                at += part.len();
            }
            let s = core::str::from_utf8(&buf[..len]).expect("parts of a UTF-8 string");
            return Self::inline(s);
        }
        let bytes = parts.flat_map(str::bytes);
        Self::heap(ThinArc::from_header_and_iter(
            (),
            Exact { iter: bytes, len },
        ))
    }

    /// The string.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// let s = FrozenStr::from("text");
    /// let borrowed: &str = s.as_str();
    /// assert_eq!(borrowed, "text");
    /// ```
    #[inline]
    #[allow(unsafe_code)]
    pub fn as_str(&self) -> &str {
        // SAFETY:
        // - every constructor copies or points at the bytes of a `str` (or a concatenation of whole
        //   `str`s), and the bytes never change: they are valid UTF-8.
        unsafe { core::str::from_utf8_unchecked(self.bytes()) }
    }

    /// The string's bytes.
    #[inline]
    #[allow(unsafe_code)]
    fn bytes(&self) -> &[u8] {
        match self.tag {
            Tag::Static => {
                // SAFETY:
                // - the tag is `Static`, so `word.ptr` is the live field.
                let ptr = unsafe { self.word.ptr };
                // SAFETY:
                // - `ptr` and the length in `rest` come from one `&'static str`, so they describe
                //   initialized bytes that live and stay unchanged forever; the pointer kept its
                //   provenance (it was stored as a pointer, never as an integer).
                unsafe { core::slice::from_raw_parts(ptr, decode_len(self.rest)) }
            }
            Tag::Heap => {
                // SAFETY:
                // - the tag is `Heap`, so `word.heap` is the live field; it lives as long as `self`.
                let heap = unsafe { &self.word.heap };
                &heap.slice
            }
            tag => {
                let len = tag as usize;
                // SAFETY:
                // - an inline string's `len <= 15` bytes are bytes `0..len` of `self`: `word.bytes`
                //   (offset 0, 8 bytes) then `rest` (offset 8, 7 bytes), `#[repr(C)]` with no padding,
                //   all initialized when the string was made;
                // - the pointer is derived from `&self`, which covers all 16 bytes, and nothing can
                //   write to them while `&self` lives.
                unsafe { core::slice::from_raw_parts(core::ptr::from_ref(self).cast::<u8>(), len) }
            }
        }
    }

    /// The length in bytes.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// assert_eq!(FrozenStr::from("ünï").len(), 5);
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        match self.tag {
            Tag::Static | Tag::Heap => decode_len(self.rest),
            tag => tag as usize,
        }
    }

    /// Whether the string is empty.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// assert!(FrozenStr::default().is_empty());
    /// assert!(!FrozenStr::from("x").is_empty());
    /// ```
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `self` and `other` share their storage, which proves them equal without comparing
    /// their bytes: clones of one heap string, or handles to the same `&'static str`.
    ///
    /// Short strings live inside the handle, and a clone is a copy: two inline strings are `ptr_eq`
    /// when their bytes are equal. A heap string and a static string are never `ptr_eq`, even if
    /// equal.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// let a = FrozenStr::from("a string longer than 15 bytes");
    /// let b = a.clone();
    /// let c = FrozenStr::from("a string longer than 15 bytes");
    /// assert!(a.ptr_eq(&b));
    /// assert!(!a.ptr_eq(&c));
    /// assert_eq!(a, c);
    /// ```
    #[inline]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        match (self.heap_arc(), other.heap_arc()) {
            (Some(a), Some(b)) => a.ptr() == b.ptr(),
            (None, None) if self.tag == other.tag => {
                self.rest == other.rest
                    && match (self.as_static_str(), other.as_static_str()) {
                        (Some(a), Some(b)) => core::ptr::eq(a, b),
                        _ => self.bytes() == other.bytes(),
                    }
            }
            _ => false,
        }
    }

    /// Whether this string points at a `'static` literal (made by [`FrozenStr::from_static`]).
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// assert!(FrozenStr::from_static("literal").is_static());
    /// assert!(!FrozenStr::new("copy").is_static());
    /// ```
    #[inline]
    pub fn is_static(&self) -> bool {
        self.tag == Tag::Static
    }

    /// Whether this string is stored inside the handle (at most 15 bytes, made by copying).
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// assert!(FrozenStr::new("fifteen bytes!!").is_inline());
    /// assert!(!FrozenStr::new("sixteen bytes!!!").is_inline());
    /// ```
    #[inline]
    pub fn is_inline(&self) -> bool {
        (self.tag as u8) <= INLINE_CAP as u8
    }

    /// Whether this string lives in a shared, reference-counted allocation.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// assert!(FrozenStr::new("sixteen bytes!!!").is_heap());
    /// assert!(!FrozenStr::from_static("sixteen bytes!!!").is_heap());
    /// ```
    #[inline]
    pub fn is_heap(&self) -> bool {
        self.tag == Tag::Heap
    }

    /// The number of handles sharing a heap string's allocation; `None` for static and inline
    /// strings, which have no counter.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// let heap = FrozenStr::new("a string longer than 15 bytes");
    /// let copy = heap.clone();
    /// assert_eq!(heap.strong_count(), Some(2));
    /// assert_eq!(FrozenStr::new("short").strong_count(), None);
    /// # drop(copy);
    /// ```
    #[inline]
    pub fn strong_count(&self) -> Option<usize> {
        self.heap_arc().map(ThinArc::strong_count)
    }

    /// The `'static` literal this string points at, if it is a static string.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// let s = FrozenStr::from_static("forever");
    /// let literal: &'static str = s.as_static_str().unwrap();
    /// assert_eq!(literal, "forever");
    /// assert_eq!(FrozenStr::new("short").as_static_str(), None);
    /// ```
    #[inline]
    #[allow(unsafe_code)]
    pub fn as_static_str(&self) -> Option<&'static str> {
        if self.tag != Tag::Static {
            return None;
        }
        // SAFETY:
        // - the tag is `Static`, so `word.ptr` is the live field.
        let ptr = unsafe { self.word.ptr };
        // SAFETY:
        // - `ptr` and the length come from one `&'static str` (see `from_static`): valid for reads
        //   forever, never written, and UTF-8; the pointer kept its provenance.
        let bytes = unsafe { core::slice::from_raw_parts(ptr, decode_len(self.rest)) };
        // SAFETY:
        // - the bytes are those of a `str`.
        Some(unsafe { core::str::from_utf8_unchecked(bytes) })
    }

    /// The heap allocation, if this is a heap string.
    #[inline]
    #[allow(unsafe_code)]
    pub(crate) fn heap_arc(&self) -> Option<&ThinArc<(), u8>> {
        if self.tag != Tag::Heap {
            return None;
        }
        // SAFETY:
        // - the tag is `Heap`, so `word.heap` is the live field; the borrow is tied to `self`.
        Some(unsafe { &self.word.heap })
    }

    /// A sub-string, as a `FrozenStr`.
    ///
    /// Static strings share the literal (no allocation). A sub-string of at most 15 bytes is
    /// copied inline. A longer part of a heap string is copied into a new allocation (the handle has
    /// no room for an offset into a shared one); the whole range is a clone.
    ///
    /// # Panics
    ///
    /// Like `&s[range]`: if the range is out of bounds, decreasing, or does not fall on `char`
    /// boundaries.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// let s = FrozenStr::from_static("hello, world");
    /// let world = s.slice(7..);
    /// assert_eq!(world, "world");
    /// assert!(world.is_static()); // shares the literal
    /// ```
    pub fn slice(&self, range: impl RangeBounds<usize>) -> Self {
        let bounds = (range.start_bound().cloned(), range.end_bound().cloned());
        if let Some(literal) = self.as_static_str() {
            return Self::from_static(&literal[bounds]);
        }
        let sub = &self.as_str()[bounds];
        if sub.len() == self.len() {
            self.clone()
        } else {
            Self::new(sub)
        }
    }

    /// A new string: this one followed by `tail`. `self` is unchanged.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// let base = FrozenStr::from_static("deep");
    /// let both = base.with_appended("freeze");
    /// assert_eq!(both, "deepfreeze");
    /// assert_eq!(base, "deep");
    /// ```
    pub fn with_appended(&self, tail: &str) -> Self {
        if tail.is_empty() {
            return self.clone();
        }
        let len = self
            .len()
            .checked_add(tail.len())
            .expect("FrozenStr: length overflow");
        Self::from_parts(len, [self.as_str(), tail].into_iter())
    }
}

impl Drop for FrozenStr {
    #[inline]
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        if self.tag == Tag::Heap {
            // SAFETY:
            // - the tag is `Heap`, so `word.heap` is the live field.
            let heap = unsafe { &mut self.word.heap };
            // SAFETY:
            // - this is `drop`: the handle is never used again, so the `ThinArc` is dropped once.
            unsafe { ManuallyDrop::drop(heap) };
        }
    }
}

impl Clone for FrozenStr {
    /// A static or inline string is copied (no counter touched); a heap string's count goes up by one.
    #[inline]
    #[allow(unsafe_code)]
    fn clone(&self) -> Self {
        let word = match self.tag {
            Tag::Heap => Word {
                // SAFETY:
                // - the tag is `Heap`, so `word.heap` is the live field.
                heap: ManuallyDrop::new(ThinArc::clone(unsafe { &self.word.heap })),
            },
            Tag::Static => Word {
                // SAFETY:
                // - the tag is `Static`, so `word.ptr` is the live field (copied with its provenance).
                ptr: unsafe { self.word.ptr },
            },
            _ => Word {
                // SAFETY:
                // - the tag is an inline length, so `word.bytes` is the live field, fully initialized.
                bytes: unsafe { self.word.bytes },
            },
        };
        Self {
            word,
            rest: self.rest,
            tag: self.tag,
        }
    }
}

// SAFETY:
// - a `FrozenStr` owns inline bytes, or points at an immutable `&'static str`, or holds a
//   `ThinArc<(), u8>` (which is `Send`). None of them is tied to a thread.
#[allow(unsafe_code)]
unsafe impl Send for FrozenStr {}

// SAFETY:
// - `&FrozenStr` gives only reads of immutable bytes (inline, `'static`, or in a `ThinArc<(), u8>`,
//   which is `Sync`) and `ThinArc::clone` (an atomic increment).
#[allow(unsafe_code)]
unsafe impl Sync for FrozenStr {}

// SAFETY:
// - the bytes never change: inline bytes are only read through `&self`, a static string is a
//   `&'static str`, and a heap allocation is only read after it is made; only its atomic count
//   changes, which the contract allows.
// - nothing else is reachable; `FrozenStr` is `Send + Sync` (above) and `'static`.
#[allow(unsafe_code)]
unsafe impl Frozen for FrozenStr {}

impl Deref for FrozenStr {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for FrozenStr {
    #[inline]
    fn as_ref(&self) -> &str {
        self
    }
}

impl AsRef<[u8]> for FrozenStr {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        self.bytes()
    }
}

#[cfg(feature = "std")]
impl AsRef<OsStr> for FrozenStr {
    #[inline]
    fn as_ref(&self) -> &OsStr {
        self.as_str().as_ref()
    }
}

#[cfg(feature = "std")]
impl AsRef<Path> for FrozenStr {
    #[inline]
    fn as_ref(&self) -> &Path {
        self.as_str().as_ref()
    }
}

impl Borrow<str> for FrozenStr {
    #[inline]
    fn borrow(&self) -> &str {
        self
    }
}

impl Default for FrozenStr {
    /// The empty string (inline: no allocation).
    #[inline]
    fn default() -> Self {
        Self::inline("")
    }
}

impl PartialEq for FrozenStr {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        if self.len() != other.len() {
            return false;
        }
        match (self.heap_arc(), other.heap_arc()) {
            (Some(a), Some(b)) if a.ptr() == b.ptr() => true,
            _ => self.bytes() == other.bytes(),
        }
    }
}

impl Eq for FrozenStr {}

impl PartialOrd for FrozenStr {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FrozenStr {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for FrozenStr {
    /// Hashes exactly as the `str` does (required by [`Borrow<str>`]).
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for FrozenStr {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for FrozenStr {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Cow<'_, str>> for FrozenStr {
    /// Compares the text, as `String == Cow<str>` does.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    /// use std::borrow::Cow;
    ///
    /// let s = FrozenStr::from("a");
    /// assert!(s == Cow::Borrowed("a") && Cow::<str>::Owned("a".into()) == s);
    /// ```
    #[inline]
    fn eq(&self, other: &Cow<'_, str>) -> bool {
        self.as_str() == &**other
    }
}

impl PartialEq<FrozenStr> for Cow<'_, str> {
    #[inline]
    fn eq(&self, other: &FrozenStr) -> bool {
        &**self == other.as_str()
    }
}

impl PartialEq<String> for FrozenStr {
    #[inline]
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<FrozenStr> for str {
    #[inline]
    fn eq(&self, other: &FrozenStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<FrozenStr> for &str {
    #[inline]
    fn eq(&self, other: &FrozenStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<FrozenStr> for String {
    #[inline]
    fn eq(&self, other: &FrozenStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for FrozenStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for FrozenStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl FromStr for FrozenStr {
    type Err = Infallible;

    #[inline]
    fn from_str(s: &str) -> Result<Self, Infallible> {
        Ok(Self::new(s))
    }
}

impl From<&str> for FrozenStr {
    #[inline]
    fn from(s: &str) -> Self {
        Self::new(s)
    }
}

impl From<&String> for FrozenStr {
    #[inline]
    fn from(s: &String) -> Self {
        Self::new(s)
    }
}

impl From<String> for FrozenStr {
    /// Copies the bytes (inline, or into one shared allocation, which keeps its count in front of
    /// the bytes and so cannot reuse the `String`'s buffer).
    #[inline]
    fn from(s: String) -> Self {
        Self::new(&s)
    }
}

impl From<Box<str>> for FrozenStr {
    /// Copies the bytes, as `From<String>`.
    #[inline]
    fn from(s: Box<str>) -> Self {
        Self::new(&s)
    }
}

impl From<Cow<'_, str>> for FrozenStr {
    #[inline]
    fn from(s: Cow<'_, str>) -> Self {
        Self::new(&s)
    }
}

impl From<char> for FrozenStr {
    /// Always inline: a `char` is at most 4 bytes.
    #[inline]
    fn from(c: char) -> Self {
        Self::inline(c.encode_utf8(&mut [0; 4]))
    }
}

impl From<FrozenStr> for String {
    #[inline]
    fn from(s: FrozenStr) -> Self {
        s.as_str().to_owned()
    }
}

impl From<&FrozenStr> for String {
    /// Copies the text, leaving the handle as it is.
    ///
    /// ```
    /// use deepfreeze::FrozenStr;
    ///
    /// let s = FrozenStr::from("shared");
    /// assert_eq!(String::from(&s), "shared");
    /// ```
    #[inline]
    fn from(s: &FrozenStr) -> Self {
        s.as_str().to_owned()
    }
}

impl From<FrozenStr> for Box<str> {
    #[inline]
    fn from(s: FrozenStr) -> Self {
        s.as_str().into()
    }
}

impl From<FrozenStr> for Arc<str> {
    #[inline]
    fn from(s: FrozenStr) -> Self {
        s.as_str().into()
    }
}

impl FromIterator<char> for FrozenStr {
    fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> Self {
        Self::new(&String::from_iter(iter))
    }
}

impl<'a> FromIterator<&'a char> for FrozenStr {
    fn from_iter<I: IntoIterator<Item = &'a char>>(iter: I) -> Self {
        Self::new(&String::from_iter(iter))
    }
}

impl<'a> FromIterator<&'a str> for FrozenStr {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Self {
        Self::new(&String::from_iter(iter))
    }
}

impl FromIterator<String> for FrozenStr {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        Self::new(&String::from_iter(iter))
    }
}
