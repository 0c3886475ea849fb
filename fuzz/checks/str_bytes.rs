//! `FrozenStr` against `String` and `FrozenBytes` against `Vec<u8>`: every constructor (static,
//! inline, heap; from `String`, `Box`, `Cow`, chars, iterators), appending, slicing with
//! arbitrary ranges (only the ones std accepts are applied: the slicing methods panic like std's
//! on the others), splitting, and partly consumed iterators. After every step every handle must
//! read like its model, and any two handles must compare, order and hash like their models.

use std::borrow::Cow;
use std::ops::Bound;
use std::sync::Arc;

use arbitrary::{Arbitrary, Unstructured};
use deepfreeze::{FrozenBytes, FrozenStr};

use super::common::{check_eq_hash, check_ord, for_each_op, hash_of};

/// Most handles of each kind alive at once.
const POOL: usize = 8;
/// The longest string stored inline in the handle.
const INLINE_CAP: usize = 15;

const STATIC_STRS: [&str; 6] = [
    "",
    "a",
    "fifteen bytes!!",
    "sixteen bytes!!!",
    "a static string longer than the inline capacity",
    "ünïcødé ✓ 🦀 text",
];
const STATIC_BYTES: [&[u8]; 4] = [b"", b"\x00\xff", b"sixteen bytes!!!", &[0xAA; 40]];

#[derive(Arbitrary, Debug)]
enum Op {
    StrNew(String),
    StrFromString(String),
    StrFromBox(String),
    StrFromCow(String, bool),
    StrStatic(u8),
    StrChar(char),
    StrFromChars(Vec<char>),
    StrFromStrs(Vec<String>),
    StrParse(String),
    StrAppend(u8, String),
    StrSlice(u8, Bound<u16>, Bound<u16>),
    StrClone(u8),
    StrDrop(u8),
    StrToBytes(u8),
    BytesFromVec(Vec<u8>),
    BytesFromBox(Vec<u8>),
    BytesCopy(Vec<u8>),
    BytesFromSlice(Vec<u8>),
    BytesFromIter(Vec<u8>),
    BytesFromString(String),
    BytesFromStr(String),
    BytesStatic(u8),
    BytesSlice(u8, Bound<u16>, Bound<u16>),
    /// `slice_ref` of the sub-slice between two offsets (reduced into bounds).
    BytesSliceRef(u8, u16, u16),
    BytesSplitAt(u8, u16),
    BytesSplitTo(u8, u16),
    BytesSplitOff(u8, u16),
    BytesTruncate(u8, u16),
    BytesClear(u8),
    /// Takes `front` bytes from the front and `back` from the back of the consuming iterator,
    /// then turns the rest back into bytes.
    BytesIter(u8, u8, u8),
    BytesClone(u8),
    BytesDrop(u8),
}

#[derive(Default)]
struct State {
    strs: Vec<(FrozenStr, String)>,
    bytes: Vec<(FrozenBytes, Vec<u8>)>,
}

pub fn run(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let mut state = State::default();
    for_each_op(&mut u, |op: Op| {
        apply(op, &mut state);
        for (s, model) in &state.strs {
            check_str(s, model);
        }
        for (b, model) in &state.bytes {
            check_bytes(b, model);
        }
        for (a, model_a) in &state.strs {
            for (b, model_b) in &state.strs {
                check_eq_hash(a, b, model_a, model_b);
                check_ord(a, b, model_a, model_b);
            }
        }
        for (a, model_a) in &state.bytes {
            for (b, model_b) in &state.bytes {
                check_eq_hash(a, b, model_a, model_b);
                check_ord(a, b, model_a, model_b);
            }
        }
    });
}

/// Adds a handle to `pool`, replacing an old one when full.
fn push<F, M>(pool: &mut Vec<(F, M)>, frozen: F, model: M) {
    if pool.len() == POOL {
        pool.remove(0);
    }
    pool.push((frozen, model));
}

/// The element `i` picks, if the pool has any.
fn pick<T>(pool: &[T], i: u8) -> Option<&T> {
    (!pool.is_empty()).then(|| &pool[usize::from(i) % pool.len()])
}

/// The element `i` picks, mutably, if the pool has any.
fn pick_mut<T>(pool: &mut [T], i: u8) -> Option<&mut T> {
    let len = pool.len();
    (len > 0).then(|| &mut pool[usize::from(i) % len])
}

fn widen(bound: Bound<u16>) -> Bound<usize> {
    bound.map(usize::from)
}

/// `i` reduced into `0..=len`.
fn position(i: u16, len: usize) -> usize {
    usize::from(i) % (len + 1)
}

fn apply(op: Op, state: &mut State) {
    let State { strs, bytes } = state;
    match op {
        Op::StrNew(s) => push(strs, FrozenStr::new(&s), s),
        Op::StrFromString(s) => push(strs, FrozenStr::from(s.clone()), s),
        Op::StrFromBox(s) => push(strs, FrozenStr::from(s.clone().into_boxed_str()), s),
        Op::StrFromCow(s, owned) => {
            let frozen = if owned {
                FrozenStr::from(Cow::Owned(s.clone()))
            } else {
                FrozenStr::from(Cow::Borrowed(s.as_str()))
            };
            push(strs, frozen, s);
        }
        Op::StrStatic(i) => {
            let literal = STATIC_STRS[usize::from(i) % STATIC_STRS.len()];
            let frozen = FrozenStr::from_static(literal);
            assert!(frozen.is_static());
            assert_eq!(frozen.as_static_str(), Some(literal));
            push(strs, frozen, literal.to_owned());
        }
        Op::StrChar(c) => push(strs, FrozenStr::from(c), c.to_string()),
        Op::StrFromChars(chars) => {
            let model: String = chars.iter().collect();
            assert_eq!(chars.iter().collect::<FrozenStr>(), model);
            push(strs, chars.into_iter().collect(), model);
        }
        Op::StrFromStrs(parts) => {
            let model = parts.concat();
            assert_eq!(
                parts.iter().map(String::as_str).collect::<FrozenStr>(),
                model
            );
            push(strs, parts.into_iter().collect(), model);
        }
        Op::StrParse(s) => push(strs, s.parse().expect("infallible"), s),
        Op::StrAppend(i, tail) => {
            if let Some((s, model)) = pick(strs, i) {
                let joined = s.with_appended(&tail);
                let model = model.clone() + &tail;
                if tail.is_empty() {
                    assert!(joined.ptr_eq(s), "appending nothing is a clone");
                }
                push(strs, joined, model);
            }
        }
        Op::StrSlice(i, start, end) => {
            if let Some((s, model)) = pick(strs, i) {
                let bounds = (widen(start), widen(end));
                if let Some(sub) = model.get(bounds) {
                    let sliced = s.slice(bounds);
                    assert_eq!(
                        sliced.is_static(),
                        s.is_static(),
                        "slices of literals stay static"
                    );
                    push(strs, sliced, sub.to_owned());
                }
            }
        }
        Op::StrClone(i) => {
            if let Some((s, model)) = pick(strs, i) {
                let copy = s.clone();
                assert!(copy.ptr_eq(s));
                if let Some(count) = s.strong_count() {
                    assert!(count >= 2);
                }
                push(strs, copy, model.clone());
            }
        }
        Op::StrDrop(i) => {
            if !strs.is_empty() {
                strs.remove(usize::from(i) % strs.len());
            }
        }
        Op::StrToBytes(i) => {
            if let Some((s, model)) = pick(strs, i) {
                push(
                    bytes,
                    FrozenBytes::from(s.clone()),
                    model.clone().into_bytes(),
                );
            }
        }
        Op::BytesFromVec(v) => push(bytes, FrozenBytes::from(v.clone()), v),
        Op::BytesFromBox(v) => push(bytes, FrozenBytes::from(v.clone().into_boxed_slice()), v),
        Op::BytesCopy(v) => push(bytes, FrozenBytes::copy_from_slice(&v), v),
        Op::BytesFromSlice(v) => push(bytes, FrozenBytes::from(v.as_slice()), v),
        Op::BytesFromIter(v) => push(bytes, v.iter().copied().collect(), v),
        Op::BytesFromString(s) => push(bytes, FrozenBytes::from(s.clone()), s.into_bytes()),
        Op::BytesFromStr(s) => push(bytes, FrozenBytes::from(s.as_str()), s.into_bytes()),
        Op::BytesStatic(i) => {
            let literal = STATIC_BYTES[usize::from(i) % STATIC_BYTES.len()];
            push(bytes, FrozenBytes::from_static(literal), literal.to_vec());
        }
        Op::BytesSlice(i, start, end) => {
            if let Some((b, model)) = pick(bytes, i) {
                let bounds = (widen(start), widen(end));
                if let Some(sub) = model.get(bounds) {
                    let sliced = b.slice(bounds);
                    if !sub.is_empty() {
                        assert!(
                            std::ptr::eq(
                                sliced.as_ptr(),
                                b[..].get(bounds).unwrap_or(&[]).as_ptr()
                            ),
                            "a slice shares the buffer"
                        );
                    }
                    push(bytes, sliced, sub.to_vec());
                }
            }
        }
        Op::BytesSliceRef(i, a, c) => {
            if let Some((b, model)) = pick(bytes, i) {
                let (a, c) = (position(a, model.len()), position(c, model.len()));
                let (start, end) = (a.min(c), a.max(c));
                let sub = b.slice_ref(&b[start..end]);
                push(bytes, sub, model[start..end].to_vec());
            }
        }
        Op::BytesSplitAt(i, mid) => {
            if let Some((b, model)) = pick(bytes, i) {
                let mid = position(mid, model.len());
                let (left, right) = b.split_at(mid);
                let (left_model, right_model) = model.split_at(mid);
                let (left_model, right_model) = (left_model.to_vec(), right_model.to_vec());
                push(bytes, left, left_model);
                push(bytes, right, right_model);
            }
        }
        Op::BytesSplitTo(i, at) => {
            if let Some((b, model)) = pick_mut(bytes, i) {
                let at = position(at, model.len());
                let head = b.split_to(at);
                let head_model = model.drain(..at).collect();
                push(bytes, head, head_model);
            }
        }
        Op::BytesSplitOff(i, at) => {
            if let Some((b, model)) = pick_mut(bytes, i) {
                let at = position(at, model.len());
                let tail = b.split_off(at);
                let tail_model = model.split_off(at);
                push(bytes, tail, tail_model);
            }
        }
        Op::BytesTruncate(i, n) => {
            if let Some((b, model)) = pick_mut(bytes, i) {
                b.truncate(usize::from(n));
                model.truncate(usize::from(n));
            }
        }
        Op::BytesClear(i) => {
            if let Some((b, model)) = pick_mut(bytes, i) {
                b.clear();
                model.clear();
            }
        }
        Op::BytesIter(i, front, back) => {
            if let Some((b, model)) = pick(bytes, i) {
                let mut iter = b.clone().into_iter();
                let mut want = model.iter().copied();
                assert_eq!(iter.len(), model.len());
                for _ in 0..front {
                    assert_eq!(iter.next(), want.next());
                }
                for _ in 0..back {
                    assert_eq!(iter.next_back(), want.next_back());
                }
                assert_eq!(iter.len(), want.len());
                let rest: Vec<u8> = want.collect();
                push(bytes, iter.into_bytes(), rest);
            }
        }
        Op::BytesClone(i) => {
            if let Some((b, model)) = pick(bytes, i) {
                let copy = b.clone();
                assert!(copy.ptr_eq(b));
                push(bytes, copy, model.clone());
            }
        }
        Op::BytesDrop(i) => {
            if !bytes.is_empty() {
                bytes.remove(usize::from(i) % bytes.len());
            }
        }
    }
}

fn check_str(s: &FrozenStr, model: &String) {
    assert_eq!(s.as_str(), model);
    assert_eq!(&**s, model);
    assert_eq!(AsRef::<[u8]>::as_ref(s), model.as_bytes());
    assert_eq!(s.len(), model.len());
    assert_eq!(s.is_empty(), model.is_empty());
    let kinds = [s.is_static(), s.is_inline(), s.is_heap()];
    assert_eq!(
        kinds.iter().filter(|&&k| k).count(),
        1,
        "exactly one storage kind"
    );
    if s.is_heap() {
        assert!(
            s.len() > INLINE_CAP,
            "heap strings are longer than the inline capacity"
        );
        assert!(s.strong_count().is_some_and(|n| n >= 1));
    } else {
        assert_eq!(s.strong_count(), None);
    }
    if !s.is_static() {
        assert_eq!(
            s.is_inline(),
            s.len() <= INLINE_CAP,
            "short strings are inline"
        );
    }
    assert_eq!(s.as_static_str().is_some(), s.is_static());
    assert!(s.ptr_eq(s) && s.ptr_eq(&s.clone()));
    // Formatting, hashing (`Borrow<str>`) and comparisons like `str`.
    assert_eq!(s.to_string(), *model);
    assert_eq!(format!("{s:?}"), format!("{model:?}"));
    assert_eq!(hash_of(s), hash_of(model.as_str()));
    assert!(*s == *model.as_str() && *s == model.as_str() && *s == *model);
    assert!(*model.as_str() == *s && model.as_str() == *s && *model == *s);
    // Conversions out.
    assert_eq!(String::from(s.clone()), *model);
    assert_eq!(&*Box::<str>::from(s.clone()), model.as_str());
    assert_eq!(&*Arc::<str>::from(s.clone()), model.as_str());
    assert_eq!(FrozenBytes::from(s.clone()), *model.as_bytes());
}

fn check_bytes(b: &FrozenBytes, model: &Vec<u8>) {
    assert_eq!(&b[..], model.as_slice());
    assert_eq!(b.len(), model.len());
    assert_eq!(b.is_empty(), model.is_empty());
    assert!(b.ptr_eq(&b.clone()));
    assert_eq!(hash_of(b), hash_of(model.as_slice()));
    assert!(*b == *model && *b == *model.as_slice() && *b == model.as_slice());
    assert!(*model == *b && *model.as_slice() == *b && model.as_slice() == *b);
    assert_eq!(Vec::from(b.clone()), *model);
    assert!(b.iter().eq(model.iter()));
    assert!(b.clone().into_iter().eq(model.iter().copied()));
    assert!(b.clone().into_iter().rev().eq(model.iter().rev().copied()));
}
