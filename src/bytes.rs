//! [`FrozenBytes`], an immutable byte buffer with O(1) shared sub-slices.
//!
//! ```
//! use deepfreeze::bytes::FrozenBytes;
//!
//! let mut rest = FrozenBytes::from(b"len:5;hello".to_vec());
//! let header = rest.split_to(6); // O(1): both share one buffer
//! assert_eq!(header, b"len:5;");
//! assert_eq!(rest, b"hello");
//! ```

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::iter::FusedIterator;
use core::ops::{Bound, Deref, RangeBounds};

use triomphe::ThinArc;

use crate::{Frozen, FrozenStr};

/// An immutable byte buffer whose clones and sub-slices share one allocation.
///
/// A `FrozenBytes` is a view (a pointer and a length) into bytes that never change, plus the
/// handle that keeps them alive: a `&'static [u8]` ([`FrozenBytes::from_static`], no allocation
/// and no counter), one shared allocation holding the bytes (made by copying a slice), or a
/// `Vec<u8>` moved in without copying ([`From<Vec<u8>>`](#impl-From%3CVec%3Cu8%3E%3E-for-FrozenBytes)).
/// [`Clone`], [`slice`](FrozenBytes::slice) and the splits are O(1): they copy the view and add one
/// to the count (nothing for static bytes).
///
/// The handle is 32 bytes (pointer, length, and a tagged pointer to the owner); so is
/// `Option<FrozenBytes>`. It derefs to `[u8]` and hashes, compares and orders exactly as `[u8]`
/// does ([`Borrow<[u8]>`](Borrow) is implemented). `Debug` prints `b"..."` with escapes, like
/// `bytes::Bytes`.
///
/// ```
/// use deepfreeze::FrozenBytes;
///
/// let frame = FrozenBytes::from(b"HEADERpayload".to_vec()); // no copy of the bytes
/// let header = frame.slice(..6); // shares the buffer
/// let payload = frame.slice(6..);
/// assert_eq!(header, b"HEADER"[..]);
/// assert_eq!(&payload[..], b"payload");
/// assert_eq!(format!("{payload:?}"), r#"b"payload""#);
/// ```
///
/// Unlike `bytes::Bytes`, which updates a pointer in place when a clone first shares it,
/// `FrozenBytes` never changes behind a shared reference, so it is `Frozen`.
pub struct FrozenBytes {
    /// Start of the view: inside the owner's bytes (or the static slice), with their provenance.
    ptr: *const u8,
    /// Length of the view; `ptr..ptr + len` stays inside the owner's bytes.
    len: usize,
    /// What keeps the bytes alive.
    owner: Owner,
}

/// The owner of a [`FrozenBytes`]'s bytes.
#[derive(Clone)]
enum Owner {
    /// A `&'static [u8]`: nothing to keep alive.
    Static,
    /// One allocation with a count and the bytes (copied in, or shared with a `FrozenStr`).
    Thin(#[allow(dead_code, reason = "held only to keep the bytes alive")] ThinArc<(), u8>),
    /// A `Vec<u8>` moved in without copying; never changed while shared.
    Vec(triomphe::Arc<Vec<u8>>),
}

const _: () = assert!(core::mem::size_of::<FrozenBytes>() == 4 * core::mem::size_of::<usize>());
const _: () =
    assert!(core::mem::size_of::<Option<FrozenBytes>>() == core::mem::size_of::<FrozenBytes>());

impl FrozenBytes {
    /// The empty buffer (no allocation).
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// const EMPTY: FrozenBytes = FrozenBytes::new();
    /// assert!(EMPTY.is_empty());
    /// ```
    #[inline]
    pub const fn new() -> Self {
        Self::from_static(&[])
    }

    /// A buffer pointing at `'static` bytes: no allocation, and clones, sub-slices and drops touch
    /// no counter. Usable in `const` items.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// const MAGIC: FrozenBytes = FrozenBytes::from_static(b"\x89PNG");
    /// assert_eq!(MAGIC.len(), 4);
    /// assert_eq!(MAGIC.slice(1..), b"PNG"[..]);
    /// ```
    #[inline]
    pub const fn from_static(bytes: &'static [u8]) -> Self {
        Self {
            ptr: bytes.as_ptr(),
            len: bytes.len(),
            owner: Owner::Static,
        }
    }

    /// Copies `bytes` into one new shared allocation (none if `bytes` is empty).
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let mut scratch = vec![1_u8, 2, 3];
    /// let frozen = FrozenBytes::copy_from_slice(&scratch);
    /// scratch[0] = 9;
    /// assert_eq!(frozen, [1_u8, 2, 3][..]);
    /// ```
    pub fn copy_from_slice(bytes: &[u8]) -> Self {
        if bytes.is_empty() {
            return Self::new();
        }
        Self::from_thin(ThinArc::from_header_and_slice((), bytes))
    }

    /// The whole of a thin allocation.
    fn from_thin(thin: ThinArc<(), u8>) -> Self {
        Self {
            ptr: thin.slice.as_ptr(),
            len: thin.slice.len(),
            owner: Owner::Thin(thin),
        }
    }

    /// The number of bytes.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// assert_eq!(FrozenBytes::from_static(b"abc").len(), 3);
    /// ```
    #[inline]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no bytes.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// assert!(FrozenBytes::new().is_empty());
    /// assert!(!FrozenBytes::from_static(b"a").is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes.
    #[inline]
    #[allow(unsafe_code)]
    fn as_slice(&self) -> &[u8] {
        // SAFETY:
        // - `ptr..ptr + len` lies inside bytes kept alive by `self.owner` (or `'static` ones) for as
        //   long as `self` lives: every constructor takes the view from the owner's own slice, and
        //   every method narrows it within its bounds;
        // - those bytes are initialized and are never written while any `FrozenBytes` views them;
        // - `ptr` was derived from the owner's slice (never from an integer) and kept its provenance.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }

    /// Whether `self` and `other` view the very same bytes in memory (same start and length), which
    /// proves them equal without comparing.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let a = FrozenBytes::from(vec![1, 2, 3]);
    /// let b = a.clone();
    /// assert!(a.ptr_eq(&b));
    /// assert!(!a.ptr_eq(&a.slice(1..)));
    /// assert!(!a.ptr_eq(&FrozenBytes::from(vec![1, 2, 3])));
    /// ```
    #[inline]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.ptr, other.ptr) && self.len == other.len
    }

    /// A sub-slice sharing this buffer: O(1), no copy. An empty result holds no buffer.
    ///
    /// # Panics
    ///
    /// If the range is decreasing or ends past [`len`](FrozenBytes::len), like `&bytes[range]`.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let all = FrozenBytes::from(b"0123456789".to_vec());
    /// let mid = all.slice(3..7);
    /// assert_eq!(mid, b"3456"[..]);
    /// assert_eq!(mid.slice(1..=2), b"45"[..]);
    /// ```
    pub fn slice(&self, range: impl RangeBounds<usize>) -> Self {
        let len = self.len;
        let start = match range.start_bound() {
            Bound::Included(&n) => n,
            Bound::Excluded(&n) => n.checked_add(1).expect("range start overflows usize"),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(&n) => n.checked_add(1).expect("range end overflows usize"),
            Bound::Excluded(&n) => n,
            Bound::Unbounded => len,
        };
        assert!(
            start <= end,
            "range start must not be greater than end: {start:?} <= {end:?}"
        );
        assert!(end <= len, "range end out of bounds: {end:?} <= {len:?}");
        self.view(start, end - start)
    }

    /// The sub-slice `start..start + len`, which must be in bounds.
    fn view(&self, start: usize, len: usize) -> Self {
        debug_assert!(start <= self.len && len <= self.len - start);
        if len == 0 {
            return Self::new();
        }
        Self {
            // In bounds of the view, so of the owner's bytes; `wrapping_add` keeps the provenance.
            ptr: self.ptr.wrapping_add(start),
            len,
            owner: self.owner.clone(),
        }
    }

    /// Narrows this handle to its sub-slice `start..start + len` (in bounds) in place.
    fn narrow(&mut self, start: usize, len: usize) {
        debug_assert!(start <= self.len && len <= self.len - start);
        if len == 0 {
            *self = Self::new();
        } else {
            self.ptr = self.ptr.wrapping_add(start);
            self.len = len;
        }
    }

    /// The sub-slice that `subset` (a slice borrowed from `self`) is, sharing this buffer.
    ///
    /// # Panics
    ///
    /// If `subset` is not inside `self`'s bytes (an empty `subset` gives an empty buffer).
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let line = FrozenBytes::from(b"key=value".to_vec());
    /// let eq = line.iter().position(|&b| b == b'=').unwrap();
    /// let value = line.slice_ref(&line[eq + 1..]);
    /// assert_eq!(value, b"value"[..]);
    /// ```
    pub fn slice_ref(&self, subset: &[u8]) -> Self {
        if subset.is_empty() {
            return Self::new();
        }
        let start = subset.as_ptr().addr().wrapping_sub(self.ptr.addr());
        assert!(
            start <= self.len && subset.len() <= self.len - start,
            "subset is not inside this FrozenBytes"
        );
        self.view(start, subset.len())
    }

    /// Two buffers, `[0, mid)` and `[mid, len)`, both sharing this one (which is unchanged).
    ///
    /// Unlike `<[u8]>::split_at`, which it shadows, it returns owned handles; use
    /// `bytes[..].split_at(mid)` for borrowed slices.
    ///
    /// # Panics
    ///
    /// If `mid > len`.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let packet = FrozenBytes::from_static(b"\x02\x00body");
    /// let (header, body) = packet.split_at(2);
    /// assert_eq!(header, b"\x02\x00"[..]);
    /// assert_eq!(body, b"body"[..]);
    /// ```
    pub fn split_at(&self, mid: usize) -> (Self, Self) {
        assert!(
            mid <= self.len,
            "split point out of bounds: {mid:?} <= {:?}",
            self.len
        );
        (self.view(0, mid), self.view(mid, self.len - mid))
    }

    /// Splits off and returns `[0, at)`; `self` keeps `[at, len)`. O(1), both share the buffer.
    ///
    /// # Panics
    ///
    /// If `at > len`.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let mut rest = FrozenBytes::from(b"GET /index".to_vec());
    /// let verb = rest.split_to(3);
    /// assert_eq!(verb, b"GET"[..]);
    /// assert_eq!(rest, b" /index"[..]);
    /// ```
    pub fn split_to(&mut self, at: usize) -> Self {
        assert!(
            at <= self.len,
            "split point out of bounds: {at:?} <= {:?}",
            self.len
        );
        let head = self.view(0, at);
        self.narrow(at, self.len - at);
        head
    }

    /// Splits off and returns `[at, len)`; `self` keeps `[0, at)`. O(1), both share the buffer.
    ///
    /// # Panics
    ///
    /// If `at > len`.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let mut head = FrozenBytes::from(b"name: value".to_vec());
    /// let tail = head.split_off(4);
    /// assert_eq!(head, b"name"[..]);
    /// assert_eq!(tail, b": value"[..]);
    /// ```
    pub fn split_off(&mut self, at: usize) -> Self {
        assert!(
            at <= self.len,
            "split point out of bounds: {at:?} <= {:?}",
            self.len
        );
        let tail = self.view(at, self.len - at);
        self.narrow(0, at);
        tail
    }

    /// Keeps the first `len` bytes (no effect if there are fewer).
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let mut b = FrozenBytes::from_static(b"abcdef");
    /// b.truncate(2);
    /// assert_eq!(b, b"ab"[..]);
    /// ```
    pub fn truncate(&mut self, len: usize) {
        if len < self.len {
            self.narrow(0, len);
        }
    }

    /// Makes this handle empty (releasing its share of the buffer).
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let mut b = FrozenBytes::from(vec![1, 2]);
    /// b.clear();
    /// assert!(b.is_empty());
    /// ```
    pub fn clear(&mut self) {
        *self = Self::new();
    }
}

impl Clone for FrozenBytes {
    /// O(1): one atomic increment, or none for static bytes.
    #[inline]
    fn clone(&self) -> Self {
        Self {
            ptr: self.ptr,
            len: self.len,
            owner: self.owner.clone(),
        }
    }
}

// SAFETY:
// - the view points into bytes that are `'static` or owned by a `ThinArc<(), u8>` or a
//   `triomphe::Arc<Vec<u8>>`, both `Send`; nothing is tied to the creating thread.
#[allow(unsafe_code)]
unsafe impl Send for FrozenBytes {}

// SAFETY:
// - `&FrozenBytes` only reads immutable bytes and clones the owner (an atomic increment); both
//   owners are `Sync`.
#[allow(unsafe_code)]
unsafe impl Sync for FrozenBytes {}

// SAFETY:
// - the bytes never change while any handle views them: static bytes are `&'static`, a thin
//   allocation is only read after it is made, and a moved-in `Vec<u8>` is only reached through a
//   shared `triomphe::Arc` (it is taken back out only by `into Vec<u8>` when that handle is the
//   last one). Only the owners' atomic counts change, which the contract allows.
// - nothing else is reachable; `FrozenBytes` is `Send + Sync` (above) and `'static`.
#[allow(unsafe_code)]
unsafe impl Frozen for FrozenBytes {}

impl Deref for FrozenBytes {
    type Target = [u8];

    #[inline]
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl AsRef<[u8]> for FrozenBytes {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl Borrow<[u8]> for FrozenBytes {
    #[inline]
    fn borrow(&self) -> &[u8] {
        self
    }
}

impl Default for FrozenBytes {
    /// The empty buffer (no allocation).
    #[inline]
    fn default() -> Self {
        Self::new()
    }
}

impl PartialEq for FrozenBytes {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other) || self.as_slice() == other.as_slice()
    }
}

impl Eq for FrozenBytes {}

impl PartialOrd for FrozenBytes {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FrozenBytes {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl Hash for FrozenBytes {
    /// Hashes exactly as `[u8]` does (required by [`Borrow<[u8]>`](Borrow)).
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl PartialEq<[u8]> for FrozenBytes {
    #[inline]
    fn eq(&self, other: &[u8]) -> bool {
        self.as_slice() == other
    }
}

impl PartialEq<&[u8]> for FrozenBytes {
    #[inline]
    fn eq(&self, other: &&[u8]) -> bool {
        self.as_slice() == *other
    }
}

impl PartialEq<Vec<u8>> for FrozenBytes {
    #[inline]
    fn eq(&self, other: &Vec<u8>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<const N: usize> PartialEq<[u8; N]> for FrozenBytes {
    #[inline]
    fn eq(&self, other: &[u8; N]) -> bool {
        self.as_slice() == other
    }
}

impl<const N: usize> PartialEq<&[u8; N]> for FrozenBytes {
    #[inline]
    fn eq(&self, other: &&[u8; N]) -> bool {
        self.as_slice() == *other
    }
}

impl<const N: usize> PartialEq<FrozenBytes> for [u8; N] {
    #[inline]
    fn eq(&self, other: &FrozenBytes) -> bool {
        self == other.as_slice()
    }
}

impl PartialEq<FrozenBytes> for [u8] {
    #[inline]
    fn eq(&self, other: &FrozenBytes) -> bool {
        self == other.as_slice()
    }
}

impl PartialEq<FrozenBytes> for &[u8] {
    #[inline]
    fn eq(&self, other: &FrozenBytes) -> bool {
        *self == other.as_slice()
    }
}

impl PartialEq<FrozenBytes> for Vec<u8> {
    #[inline]
    fn eq(&self, other: &FrozenBytes) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl fmt::Debug for FrozenBytes {
    /// `b"..."`, with `\n`, `\r`, `\t`, `\\`, `\"`, `\0` and `\xNN` escapes (as `bytes::Bytes`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("b\"")?;
        for &b in self.as_slice() {
            match b {
                b'\n' => f.write_str("\\n")?,
                b'\r' => f.write_str("\\r")?,
                b'\t' => f.write_str("\\t")?,
                b'\\' | b'"' => write!(f, "\\{}", b as char)?,
                b'\0' => f.write_str("\\0")?,
                0x20..0x7f => write!(f, "{}", b as char)?,
                _ => write!(f, "\\x{b:02x}")?,
            }
        }
        f.write_str("\"")
    }
}

impl From<Vec<u8>> for FrozenBytes {
    /// Moves the vector in without copying its bytes (one small allocation for the count; spare
    /// capacity is kept, not trimmed). An empty vector gives the empty buffer.
    fn from(vec: Vec<u8>) -> Self {
        if vec.is_empty() {
            return Self::new();
        }
        let owner = triomphe::Arc::new(vec);
        Self {
            // `Vec::as_ptr` hands out the buffer's own pointer; the buffer does not move with the
            // `Vec`, and it is never written while the `Arc` is shared.
            ptr: Vec::as_ptr(&owner),
            len: owner.len(),
            owner: Owner::Vec(owner),
        }
    }
}

impl From<Box<[u8]>> for FrozenBytes {
    /// Moves the bytes in without copying them, as `From<Vec<u8>>`.
    #[inline]
    fn from(bytes: Box<[u8]>) -> Self {
        Self::from(Vec::from(bytes))
    }
}

impl From<String> for FrozenBytes {
    /// Moves the string's bytes in without copying them, as `From<Vec<u8>>`.
    #[inline]
    fn from(s: String) -> Self {
        Self::from(s.into_bytes())
    }
}

impl From<&[u8]> for FrozenBytes {
    /// Copies the bytes, as [`FrozenBytes::copy_from_slice`].
    #[inline]
    fn from(bytes: &[u8]) -> Self {
        Self::copy_from_slice(bytes)
    }
}

impl<const N: usize> From<&[u8; N]> for FrozenBytes {
    /// Copies the bytes, as [`FrozenBytes::copy_from_slice`].
    #[inline]
    fn from(bytes: &[u8; N]) -> Self {
        Self::copy_from_slice(bytes)
    }
}

impl From<&str> for FrozenBytes {
    /// Copies the string's bytes, as [`FrozenBytes::copy_from_slice`].
    #[inline]
    fn from(s: &str) -> Self {
        Self::copy_from_slice(s.as_bytes())
    }
}

impl From<FrozenStr> for FrozenBytes {
    /// Shares a heap string's allocation and a static string's literal (no copy); copies an inline
    /// string's at most 15 bytes.
    fn from(s: FrozenStr) -> Self {
        if let Some(literal) = s.as_static_str() {
            return Self::from_static(literal.as_bytes());
        }
        match s.heap_arc() {
            Some(heap) => Self::from_thin(heap.clone()),
            None => Self::copy_from_slice(s.as_bytes()),
        }
    }
}

impl From<&FrozenBytes> for Vec<u8> {
    /// Copies the bytes, leaving the handle as it is.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let bytes = FrozenBytes::from(&b"abc"[..]);
    /// assert_eq!(Vec::from(&bytes), b"abc");
    /// ```
    #[inline]
    fn from(bytes: &FrozenBytes) -> Self {
        bytes.as_slice().to_vec()
    }
}

impl<const N: usize> From<[u8; N]> for FrozenBytes {
    /// Copies the array into one new allocation, as `Vec::from([u8; N])` does.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// assert_eq!(FrozenBytes::from([1, 2, 3]), [1, 2, 3]);
    /// ```
    #[inline]
    fn from(bytes: [u8; N]) -> Self {
        Self::from(&bytes[..])
    }
}

impl From<FrozenBytes> for Vec<u8> {
    /// Takes the vector back without copying if the bytes were moved in from a `Vec<u8>` (or
    /// `String`, `Box<[u8]>`) and this is the last handle to them; copies them otherwise.
    fn from(bytes: FrozenBytes) -> Self {
        let FrozenBytes { ptr, len, owner } = bytes;
        match owner {
            Owner::Vec(shared) => match triomphe::Arc::try_unwrap(shared) {
                Ok(mut vec) => {
                    // The view lies inside `vec`'s buffer: compare addresses only.
                    let start = ptr.addr() - vec.as_ptr().addr();
                    vec.truncate(start + len);
                    vec.drain(..start);
                    vec
                }
                Err(shared) => FrozenBytes {
                    ptr,
                    len,
                    owner: Owner::Vec(shared),
                }
                .to_vec(),
            },
            owner => FrozenBytes { ptr, len, owner }.to_vec(),
        }
    }
}

impl FromIterator<u8> for FrozenBytes {
    /// Collects into a `Vec<u8>` and moves it in.
    fn from_iter<I: IntoIterator<Item = u8>>(iter: I) -> Self {
        Self::from(Vec::from_iter(iter))
    }
}

impl<'a> IntoIterator for &'a FrozenBytes {
    type Item = &'a u8;
    type IntoIter = core::slice::Iter<'a, u8>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl IntoIterator for FrozenBytes {
    type Item = u8;
    type IntoIter = IntoIter;

    #[inline]
    fn into_iter(self) -> IntoIter {
        IntoIter { bytes: self }
    }
}

/// The bytes of a [`FrozenBytes`], by value.
///
/// ```
/// use deepfreeze::FrozenBytes;
///
/// let bytes = FrozenBytes::from_static(b"abc");
/// let upper: Vec<u8> = bytes.into_iter().map(|b| b.to_ascii_uppercase()).collect();
/// assert_eq!(upper, b"ABC");
/// ```
#[derive(Clone)]
pub struct IntoIter {
    /// The bytes not yet yielded.
    bytes: FrozenBytes,
}

impl IntoIter {
    /// The bytes not yet yielded, sharing the buffer.
    ///
    /// ```
    /// use deepfreeze::FrozenBytes;
    ///
    /// let mut iter = FrozenBytes::from_static(b"xyz").into_iter();
    /// iter.next();
    /// assert_eq!(iter.into_bytes(), b"yz"[..]);
    /// ```
    pub fn into_bytes(self) -> FrozenBytes {
        self.bytes
    }
}

impl Iterator for IntoIter {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        let first = *self.bytes.first()?;
        self.bytes.narrow(1, self.bytes.len - 1);
        Some(first)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.bytes.len, Some(self.bytes.len))
    }
}

impl DoubleEndedIterator for IntoIter {
    #[inline]
    fn next_back(&mut self) -> Option<u8> {
        let last = *self.bytes.last()?;
        self.bytes.narrow(0, self.bytes.len - 1);
        Some(last)
    }
}

impl ExactSizeIterator for IntoIter {}

impl FusedIterator for IntoIter {}

impl fmt::Debug for IntoIter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IntoIter").field(&self.bytes).finish()
    }
}
