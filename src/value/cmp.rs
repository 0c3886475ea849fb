//! Equality, order and hashing by content, without recursion.
//!
//! A document is walked as a stream of tokens in document order (`Open`, its children, `Close`;
//! object members as a `Key` token followed by the value), from an explicit stack, so a value
//! nested a million levels deep compares and hashes on a small thread stack. Two values are
//! ordered by walking both streams side by side; containers that share storage are skipped on
//! both sides, since they are equal. Equality, which needs no order between kinds, compares pairs of
//! containers element by element from an explicit stack instead, in the same document order.

use core::cmp::Ordering;
use core::hash::{Hash, Hasher};
use core::slice;

use super::{FrozenStr, FrozenValue};

/// One step of a walk.
pub(super) enum Token<'a> {
    /// A value that is not an array or object.
    Leaf(&'a FrozenValue),
    /// An array or object; its children follow, then `Close`.
    Open(&'a FrozenValue),
    /// The key of the object member whose value comes next.
    Key(&'a FrozenStr),
    /// The end of the innermost open container.
    Close,
}

/// A container being walked.
enum Frame<'a> {
    Array(slice::Iter<'a, FrozenValue>),
    Object(slice::Iter<'a, (FrozenStr, FrozenValue)>),
}

/// The tokens of a value (or of the contents of an array or object), in document order.
pub(super) struct Walk<'a> {
    stack: Vec<Frame<'a>>,
    /// A value to emit before reading the stack: the root, or the value after a `Key`.
    next_value: Option<&'a FrozenValue>,
    /// The container just emitted as `Open`, to enter on the next step unless skipped.
    to_enter: Option<&'a FrozenValue>,
}

impl<'a> Walk<'a> {
    pub(super) fn value(value: &'a FrozenValue) -> Self {
        Self {
            stack: Vec::new(),
            next_value: Some(value),
            to_enter: None,
        }
    }

    /// The elements of an array, then `Close`.
    pub(super) fn elements(items: &'a [FrozenValue]) -> Self {
        Self {
            stack: vec![Frame::Array(items.iter())],
            next_value: None,
            to_enter: None,
        }
    }

    /// The members of an object, then `Close`.
    pub(super) fn members(members: &'a [(FrozenStr, FrozenValue)]) -> Self {
        Self {
            stack: vec![Frame::Object(members.iter())],
            next_value: None,
            to_enter: None,
        }
    }

    /// Skips the contents of the container just emitted as `Open` (its `Close` included).
    pub(super) fn skip_contents(&mut self) {
        self.to_enter = None;
    }

    fn emit(&mut self, value: &'a FrozenValue) -> Token<'a> {
        if matches!(value, FrozenValue::Array(_) | FrozenValue::Object(_)) {
            self.to_enter = Some(value);
            Token::Open(value)
        } else {
            Token::Leaf(value)
        }
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        match self.to_enter.take() {
            Some(FrozenValue::Array(a)) => self.stack.push(Frame::Array(a.iter())),
            Some(FrozenValue::Object(o)) => self.stack.push(Frame::Object(o.members().iter())),
            _ => {}
        }
        if let Some(value) = self.next_value.take() {
            return Some(self.emit(value));
        }
        let token = match self.stack.last_mut()? {
            Frame::Array(items) => items.next().map(|v| (None, v)),
            Frame::Object(members) => members.next().map(|(k, v)| (Some(k), v)),
        };
        Some(match token {
            Some((None, value)) => self.emit(value),
            Some((Some(key), value)) => {
                self.next_value = Some(value);
                Token::Key(key)
            }
            None => {
                self.stack.pop();
                Token::Close
            }
        })
    }
}

/// The rank of a value's variant in the order of variants.
fn rank(value: &FrozenValue) -> u8 {
    match value {
        FrozenValue::Null => 0,
        FrozenValue::Bool(_) => 1,
        FrozenValue::Number(_) => 2,
        FrozenValue::String(_) => 3,
        FrozenValue::Bytes(_) => 4,
        FrozenValue::Array(_) => 5,
        FrozenValue::Object(_) => 6,
    }
}

/// The order of two values that are not arrays or objects.
fn cmp_leaves(a: &FrozenValue, b: &FrozenValue) -> Ordering {
    match (a, b) {
        (FrozenValue::Bool(a), FrozenValue::Bool(b)) => a.cmp(b),
        (FrozenValue::Number(a), FrozenValue::Number(b)) => a.cmp(b),
        (FrozenValue::String(a), FrozenValue::String(b)) => a.cmp(b),
        (FrozenValue::Bytes(a), FrozenValue::Bytes(b)) => a.cmp(b),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// Compares two token streams, skipping shared containers. `Close` orders before anything (a
/// shorter array or object is less, as in lexicographic order); otherwise tokens order as values
/// (or as keys: keys only ever meet keys or `Close`).
fn cmp_walks(mut a: Walk<'_>, mut b: Walk<'_>) -> Ordering {
    loop {
        let order = match (a.next(), b.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(Token::Close), Some(Token::Close)) => Ordering::Equal,
            (Some(Token::Close), Some(_)) => Ordering::Less,
            (Some(_), Some(Token::Close)) => Ordering::Greater,
            (Some(Token::Key(x)), Some(Token::Key(y))) => x.cmp(y),
            (Some(Token::Leaf(x)), Some(Token::Leaf(y))) => cmp_leaves(x, y),
            (Some(Token::Open(x)), Some(Token::Open(y))) => {
                if x.ptr_eq(y) {
                    a.skip_contents();
                    b.skip_contents();
                }
                rank(x).cmp(&rank(y))
            }
            (Some(Token::Leaf(x) | Token::Open(x)), Some(Token::Leaf(y) | Token::Open(y))) => {
                rank(x).cmp(&rank(y))
            }
            // Unreachable while the streams agree so far (a key meets a key or `Close`).
            (Some(Token::Key(_)), Some(_)) => Ordering::Less,
            (Some(_), Some(Token::Key(_))) => Ordering::Greater,
        };
        if order != Ordering::Equal {
            return order;
        }
    }
}

/// Two containers of equal length being compared, element by element.
enum Pair<'a> {
    Arrays(slice::Iter<'a, FrozenValue>, slice::Iter<'a, FrozenValue>),
    Objects(
        slice::Iter<'a, (FrozenStr, FrozenValue)>,
        slice::Iter<'a, (FrozenStr, FrozenValue)>,
    ),
}

/// Compares `x` and `y` if they are scalars; if they are containers of equal length that do not
/// share storage, pushes them to be compared. `false` if they are known to differ.
fn eq_or_push<'a>(x: &'a FrozenValue, y: &'a FrozenValue, stack: &mut Vec<Pair<'a>>) -> bool {
    match (x, y) {
        (FrozenValue::Array(p), FrozenValue::Array(q)) => {
            if !p.ptr_eq(q) {
                if p.len() != q.len() {
                    return false;
                }
                stack.push(Pair::Arrays(p.iter(), q.iter()));
            }
            true
        }
        (FrozenValue::Object(p), FrozenValue::Object(q)) => {
            if !p.ptr_eq(q) {
                if p.len() != q.len() {
                    return false;
                }
                stack.push(Pair::Objects(p.members().iter(), q.members().iter()));
            }
            true
        }
        (FrozenValue::Array(_) | FrozenValue::Object(_), _)
        | (_, FrozenValue::Array(_) | FrozenValue::Object(_)) => false,
        _ => cmp_leaves(x, y) == Ordering::Equal,
    }
}

/// Compares the pairs of containers on `stack` depth first, in document order, until the stack
/// is empty or a difference is found. Simpler than walking tokens: equality needs no order
/// between kinds, only the same shape and the same scalars.
fn eq_stack(mut stack: Vec<Pair<'_>>) -> bool {
    while let Some(top) = stack.last_mut() {
        let (x, y) = match top {
            Pair::Arrays(a, b) => match (a.next(), b.next()) {
                (Some(x), Some(y)) => (x, y),
                _ => {
                    stack.pop();
                    continue;
                }
            },
            Pair::Objects(a, b) => match (a.next(), b.next()) {
                (Some((kx, x)), Some((ky, y))) => {
                    if kx != ky {
                        return false;
                    }
                    (x, y)
                }
                _ => {
                    stack.pop();
                    continue;
                }
            },
        };
        if !eq_or_push(x, y, &mut stack) {
            return false;
        }
    }
    true
}

/// Feeds a token stream to `state`: a tag per token, the length of every container (so that the
/// encoding is prefix-free) and the scalars.
fn hash_walk<H: Hasher>(walk: Walk<'_>, state: &mut H) {
    for token in walk {
        match token {
            Token::Close => state.write_u8(0xff),
            Token::Key(k) => k.hash(state),
            Token::Open(v) | Token::Leaf(v) => {
                state.write_u8(rank(v));
                match v {
                    FrozenValue::Null => {}
                    FrozenValue::Bool(b) => b.hash(state),
                    FrozenValue::Number(n) => n.hash(state),
                    FrozenValue::String(s) => s.hash(state),
                    FrozenValue::Bytes(b) => b.hash(state),
                    FrozenValue::Array(a) => state.write_usize(a.len()),
                    FrozenValue::Object(o) => state.write_usize(o.len()),
                }
            }
        }
    }
}

pub(super) fn eq_slices(a: &[FrozenValue], b: &[FrozenValue]) -> bool {
    core::ptr::eq(a, b) || (a.len() == b.len() && eq_stack(vec![Pair::Arrays(a.iter(), b.iter())]))
}

pub(super) fn cmp_slices(a: &[FrozenValue], b: &[FrozenValue]) -> Ordering {
    cmp_walks(Walk::elements(a), Walk::elements(b))
}

pub(super) fn hash_slice<H: Hasher>(items: &[FrozenValue], state: &mut H) {
    state.write_usize(items.len());
    hash_walk(Walk::elements(items), state);
}

type Members = [(FrozenStr, FrozenValue)];

pub(super) fn eq_members(a: &Members, b: &Members) -> bool {
    core::ptr::eq(a, b) || (a.len() == b.len() && eq_stack(vec![Pair::Objects(a.iter(), b.iter())]))
}

pub(super) fn cmp_members(a: &Members, b: &Members) -> Ordering {
    cmp_walks(Walk::members(a), Walk::members(b))
}

pub(super) fn hash_members<H: Hasher>(members: &Members, state: &mut H) {
    state.write_usize(members.len());
    hash_walk(Walk::members(members), state);
}

impl PartialEq for FrozenValue {
    fn eq(&self, other: &Self) -> bool {
        let mut stack = Vec::new();
        eq_or_push(self, other, &mut stack) && eq_stack(stack)
    }
}

impl Eq for FrozenValue {}

impl PartialOrd for FrozenValue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FrozenValue {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_walks(Walk::value(self), Walk::value(other))
    }
}

impl Hash for FrozenValue {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_walk(Walk::value(self), state);
    }
}
